"""Rules of the house that a test can hold: the data layer and headless CLI stay Qt-free."""

import re
import subprocess
import sys
from pathlib import Path

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


def test_only_the_worker_opens_or_queries_the_database_in_the_views():
    """Views and the window submit jobs; the worker alone holds a connection."""
    views = Path(__file__).resolve().parents[1] / "dashboard" / "views"
    opening = re.compile(r"\.con\b|\.cursor\(|duckdb\.connect|Store\.open")
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(views.glob("*.py"))
        if path.name != "worker.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if opening.search(line)
    ]
    assert found == []


def test_the_window_starts_without_the_chart_libraries():
    """Views are built when first shown: the window and its first view need no charts."""
    code = (
        "import sys\n"
        "import dashboard.views.main_window, dashboard.views.overview_view\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'pyqtgraph', 'numpy', 'pandas', 'reportlab', 'openpyxl'}))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"
