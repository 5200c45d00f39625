"""Rules of the house that a test can hold: the data layer and headless CLI stay Qt-free."""

import subprocess
import sys

from dashboard.data.migrations import MIGRATIONS, migrate
from dashboard.data.store import Store

HEADLESS_MODULES = [
    "dashboard.data.store",
    "dashboard.data.importer",
    "dashboard.data.figures",
    "dashboard.data.goals",
    "dashboard.data.demo",
    "dashboard.settings",
    "dashboard.cli",
]


def test_data_layer_and_cli_never_import_qt_or_pandas():
    code = (
        "import sys, importlib\n"
        f"for name in {HEADLESS_MODULES!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph',"
        " 'pandas', 'reportlab')))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


def test_migrations_are_recorded_and_safe_to_run_twice(tmp_path):
    with Store.open(tmp_path / "m.duckdb") as store:
        assert migrate(store.con) == MIGRATIONS[-1][0]
        versions = store.con.execute("SELECT version FROM schema_version").fetchall()
    with Store.open(tmp_path / "m.duckdb") as store:
        again = store.con.execute("SELECT version FROM schema_version").fetchall()
    assert versions == again == [(number,) for number, _ in MIGRATIONS]
