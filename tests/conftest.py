import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Every test gets its own data and settings folders: nothing leaks between tests."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("HELSEVAKT_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("HELSEVAKT_CONFIG_DIR", str(home / "config"))
    return home
