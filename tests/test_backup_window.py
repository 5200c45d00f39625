"""Backup and restore from the window's File menu, on real DuckDB files."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from test_overview_view import make_fixture_store

from dashboard.data.backup import check_backup
from dashboard.data.store import Store, default_db_path
from dashboard.views.main_window import MainWindow
from dashboard.views.qt_settings import AppSettings
from dashboard.views.worker import Database, ImmediateRunner

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)"),
    pytest.mark.usefixtures("norwegian"),
]


@pytest.fixture
def window(qtbot):
    make_fixture_store(default_db_path()).close()
    window = MainWindow(default_db_path(), AppSettings())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.facts is not None and window._refresh_job is None, timeout=20000)
    yield window
    window.close()


def _activities(window: MainWindow) -> int:
    """Counted on a connection of the test's own, once the window's worker lets go."""
    with Store.open(window.database.path, read_only=True) as store:
        return store.con.execute("SELECT count(*) FROM activities").fetchone()[0]


def _close_the_message_box_when_it_opens(seen: list[str]) -> None:
    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.close()
        else:
            QTimer.singleShot(10, close)

    QTimer.singleShot(0, close)


def test_the_file_menu_offers_backup_and_restore_in_norwegian(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions()]
    assert "Ta sikkerhets&kopi …" in texts
    assert "&Gjenopprett fra sikkerhetskopi …" in texts


def test_backup_runs_on_the_worker_and_says_where(qtbot, window, tmp_path):
    job = window.back_up_to(tmp_path / "kopi.duckdb")
    with qtbot.waitSignal(job.finished, timeout=20000):
        pass
    assert check_backup(tmp_path / "kopi.duckdb") >= 1
    assert window.statusBar().currentMessage() == (
        f"Sikkerhetskopi lagret: {tmp_path / 'kopi.duckdb'}"
    )


def test_restore_brings_back_the_rows_and_keeps_the_old_database(qtbot, window, tmp_path):
    before = _activities(window)
    job = window.back_up_to(tmp_path / "kopi.duckdb")
    with qtbot.waitSignal(job.finished, timeout=20000):
        pass
    with Store.open(window.database.path) as store:
        store.con.execute("DELETE FROM activities")
    assert window.restore_from(tmp_path / "kopi.duckdb")
    assert _activities(window) == before > 0
    kept = list(default_db_path().parent.glob("helsevakt.før-gjenoppretting-*.duckdb"))
    assert len(kept) == 1
    assert window.statusBar().currentMessage() == (
        f"Gjenopprettet fra kopi.duckdb. Den forrige databasen er beholdt som {kept[0].name}."
    )


def test_a_refused_restore_keeps_showing_the_database_as_it_was(window, tmp_path):
    before = _activities(window)
    not_a_backup = tmp_path / "kopi.duckdb"
    not_a_backup.write_text("ikke en database", encoding="utf-8")
    seen: list[str] = []
    _close_the_message_box_when_it_opens(seen)
    assert not window.restore_from(not_a_backup)
    assert seen == ["kopi.duckdb er ikke en DuckDB-database"]
    assert _activities(window) == before
    assert not window.database.read_only


def test_restore_is_off_in_a_read_only_window(qtbot, tmp_path):
    path = tmp_path / "les.duckdb"
    make_fixture_store(path).close()
    window = MainWindow(path, AppSettings(), background=False)
    qtbot.addWidget(window)
    # The tests run as root, who may write any file: the window is told the file is
    # read-only, as it finds out for a user without write permission.
    window._install(Database(path, ImmediateRunner(path), read_only=True))
    assert not window.restore_action.isEnabled()
    assert not window.restore_from(path)
    window.close()
