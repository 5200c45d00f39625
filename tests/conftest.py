import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Every test gets its own data and settings folders: nothing leaks between tests."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("HELSEVAKT_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("HELSEVAKT_CONFIG_DIR", str(home / "config"))
    return home


@pytest.fixture
def norwegian(qapp):
    """The bokmål catalogues installed, as the application does by default."""
    from PySide6.QtCore import QTranslator

    from dashboard import RESOURCES

    translators = []
    for catalogue in sorted((RESOURCES / "i18n").glob("*_nb.qm")):
        translator = QTranslator()
        assert translator.load(str(catalogue)), catalogue
        qapp.installTranslator(translator)
        translators.append(translator)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
