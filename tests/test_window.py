"""The main window on real DuckDB files: views, filters, imports, demo data, read-only."""

import configparser
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QObject, Qt, QTranslator, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from test_overview_view import make_fixture_store

from dashboard import RESOURCES
from dashboard.cli import main as cli_main
from dashboard.data.store import Store, default_db_path, demo_db_path
from dashboard.data.values import StaffedHours
from dashboard.settings import settings_path, staffed_hours
from dashboard.views import formatting, qt_settings, registry
from dashboard.views.app import install_language
from dashboard.views.brief_dialog import BriefRequest
from dashboard.views.filter_bar import period_labels
from dashboard.views.goal_dialogs import NewGoal
from dashboard.views.main_window import MainWindow
from dashboard.views.qt_settings import AppSettings, SettingsDialog
from dashboard.views.worker import Job

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)"),
    pytest.mark.usefixtures("norwegian"),
]
I18N = RESOURCES / "i18n"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"
NAVIGATION = [
    "Oversikt",
    "Gevinster",
    "Oppgavemiks",
    "Utrykninger",
    "Bilbruk",
    "Mål",
    "Oppfølging",
    "Kostnadsdeling",
    "Kapasitet",
    "Import",
    "Referanser og hendelser",
]
GOOD_CSV = (
    "Start;Slutt;Delprosjekt;Oppgave;Bestiller;Kommune\n"
    "01.03.2024 10:00;01.03.2024 10:45;2;Blodprøve;HBO;Røros\n"
    "02.03.2024 12:00;02.03.2024 12:30;4;Forebyggende hjemmebesøk;Ergoterapi;Os\n"
)
BAD_CSV = (
    "Start;Slutt;Delprosjekt;Oppgave;Bestiller\n"
    "01.03.2024 10:00;01.03.2024 10:45;2;Blodprøve;HBO\n"
    "31.02.2024 10:00;31.02.2024 10:45;2;EKG;HBO\n"
)


@pytest.fixture
def user_db() -> Path:
    """The user's own database, filled with the hand-counted fixture and closed."""
    make_fixture_store(default_db_path()).close()
    return default_db_path()


def open_window(qtbot, path: Path, **options) -> MainWindow:
    """A window on ``path`` once its first refresh has been presented."""
    window = MainWindow(path, AppSettings(), **options)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.refreshed, timeout=20000):
        pass
    return window


@pytest.fixture
def window(qtbot, user_db):
    return open_window(qtbot, user_db)


def tasks_card(window: MainWindow) -> str:
    return window.view("overview").cards["tasks"].value_label.text()


def count_activities(path: Path) -> int:
    with Store.open(path, read_only=True) as store:
        return store.con.execute("SELECT count(*) FROM activities").fetchone()[0]


def show_every_view(qtbot, window: MainWindow) -> None:
    """Build every view by showing it, and wait until each has its data."""
    for index in range(window.nav.count()):
        if index not in window.views:
            with qtbot.waitSignal(window.view_refreshed, timeout=20000):
                window.show_view(index)
    window.show_view(0)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# The shell


def test_navigation_menus_and_status_bar_are_norwegian(window):
    assert [window.nav.item(row).text() for row in range(window.nav.count())] == NAVIGATION
    assert [action.text() for action in window.menuBar().actions()] == ["&Fil", "&Vis", "&Hjelp"]
    assert window.database_label.text() == "Database: helsevakt.duckdb"
    # Last task a3 on 20.03.2024, call-out c4 on 25.03.2024, trip t3 on 11.03.2024; the
    # fixture's one import was 02.04.2024 08:15.
    assert window.freshness_label.text() == (
        "Sist data: aktivitet 20.03.2024, utrykninger 25.03.2024, kjørebok 11.03.2024 · "
        "sist importert 02.04.2024 kl. 08:15"
    )
    assert window.windowTitle() == "Helsevakt-dashboard – helsevakt.duckdb"
    assert window.banner.isHidden()


def test_shortcuts_open_views_and_import_and_brief(qtbot, window):
    assert [action.shortcut().toString() for action in window.view_actions] == [
        *(f"Ctrl+{number}" for number in range(1, 10)),
        "Ctrl+0",
        *([""] * (len(window.view_actions) - 10)),  # views past the tenth: the sidebar only
    ]
    assert window.import_action.shortcut().toString() == "Ctrl+O"
    assert window.brief_action.shortcut().toString() == "Ctrl+E"
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keySequence(window, QKeySequence("Ctrl+3"))
    assert window.stack.currentIndex() == 2
    assert window.nav.currentRow() == 2


def test_the_overview_opens_on_the_whole_project_period(window):
    filters = window.filters()
    assert (filters.start, filters.end) == (date(2024, 1, 15), date(2024, 3, 25))
    assert window.filter_bar.period.currentText() == "Hele prosjektperioden"
    assert tasks_card(window) == "6"


# Filters


def spy_on_presents(window: MainWindow) -> list[str]:
    presented: list[str] = []
    for view in window.views.values():
        original = view.present

        def present(data, view=view, original=original):
            presented.append(type(view).__name__)
            original(data)

        view.present = present
    return presented


def test_a_filter_change_updates_every_view_that_follows_the_filters(qtbot, window):
    show_every_view(qtbot, window)
    presented = spy_on_presents(window)
    bar = window.filter_bar
    with qtbot.waitSignal(window.refreshed, timeout=20000):
        bar.subproject.setCurrentIndex(bar.subproject.findData(2))
    # Only the shown view is drawn at once; each other view when it is shown.
    assert presented == ["OverviewView"]
    for index in window.views:
        window.show_view(index)
    following = [view for view in window.views.values() if view.follows_filters]
    assert sorted(presented) == sorted(type(view).__name__ for view in following)
    assert {"ImportView", "FollowUpView", "ReferencesView"}.isdisjoint(presented)
    # Subproject 2 over the whole period: a1, a4 and a5.
    assert tasks_card(window) == "3"


def test_an_edit_in_the_goal_register_refreshes_every_view(qtbot, window):
    show_every_view(qtbot, window)
    goals_view = window.view("goals")
    presented = spy_on_presents(window)
    with qtbot.waitSignal(window.refreshed, timeout=20000):
        goals_view.data_changed.emit()
    for index in window.views:
        window.show_view(index)
    assert sorted(presented) == sorted(type(view).__name__ for view in window.views.values())


def test_quick_choices_count_back_from_the_last_day_with_data(qtbot, window):
    with qtbot.waitSignal(window.refreshed, timeout=20000):
        window.filter_bar.choose_period("month")
    assert (window.filters().start, window.filters().end) == (date(2024, 2, 26), date(2024, 3, 25))
    # a1, a2 and a3 fall in those days.
    assert tasks_card(window) == "3"


def test_municipality_choices_come_from_the_data(window):
    box = window.filter_bar.municipality
    assert [box.itemText(i) for i in range(box.count())] == [
        "Alle kommuner",
        "Holtålen",
        "Os",
        "Røros",
    ]


def test_filters_are_remembered_across_restarts(qtbot, user_db):
    first = open_window(qtbot, user_db)
    bar = first.filter_bar
    with qtbot.waitSignal(first.refreshed, timeout=20000):
        bar.choose_period("quarter")
    with qtbot.waitSignal(first.refreshed, timeout=20000):
        bar.municipality.setCurrentIndex(bar.municipality.findData("Os"))
    first.close()
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(settings_path(), encoding="utf-8")
    assert parser.get("filters", "period") == "quarter"
    second = open_window(qtbot, user_db)
    assert second.filter_bar.period.currentData() == "quarter"
    assert second.filters().municipality == "Os"
    assert (second.filters().start, second.filters().end) == (
        date(2023, 12, 26),
        date(2024, 3, 25),
    )
    assert tasks_card(second) == "1"


def test_a_default_period_overrides_the_remembered_one(qtbot, user_db):
    first = open_window(qtbot, user_db)
    bar = first.filter_bar
    with qtbot.waitSignal(first.refreshed, timeout=20000):
        bar.subproject.setCurrentIndex(bar.subproject.findData(2))
    first.close()
    AppSettings().set(qt_settings.DEFAULT_PERIOD, "month")
    second = open_window(qtbot, user_db)
    assert second.filter_bar.period.currentData() == "month"
    assert second.filters().subproject == 2
    # a1 is the one subproject-2 task in 26.02.–25.03.
    assert tasks_card(second) == "1"


def test_settings_dialog_writes_what_the_command_line_reads(qtbot):
    settings = AppSettings()
    dialog = SettingsDialog(settings, period_labels())
    qtbot.addWidget(dialog)
    dialog.staffed_history.set_row(0, date(2018, 1, 1), time(10, 0), time(23, 0))
    dialog.suppress_below.setValue(3)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert staffed_hours() == StaffedHours(time(10, 0), time(23, 0))
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(settings_path(), encoding="utf-8")
    assert parser.get("privacy", "suppress_below") == "3"
    assert AppSettings().language == "en"


def test_staffed_hours_from_settings_reach_the_figures(qtbot, user_db):
    AppSettings().set_staffed(StaffedHours(time(10, 0), time(21, 0)))
    window = open_window(qtbot, user_db)
    card = window.view("overview").cards["late_trips"]
    assert card.title_label.text() == "Bilturer etter kl. 21:00"


# Imports


def test_an_import_runs_with_progress_and_shows_its_provenance(qtbot, window, tmp_path):
    progress: list[float] = []
    window.job_started.connect(
        lambda job: (
            job.writes and job.progressed.connect(lambda fraction, _: progress.append(fraction))
        )
    )
    csv = write(tmp_path / "aktivitet mars.csv", GOOD_CSV)
    with qtbot.waitSignal(window.import_finished, timeout=20000) as finished:
        window.import_files([csv])
    outcome = finished.args[0]
    assert [result.rows_added for result in outcome.results] == [2]
    assert progress and progress[-1] <= 1.0 and progress == sorted(progress)
    view = window.import_view
    assert window.current_view() is view
    assert view.result_label.text() == "aktivitet mars.csv (Aktivitetslogg): 2 rader lest, 2 nye."
    qtbot.waitUntil(lambda: view.imports.rowCount() == 2, timeout=20000)
    newest = view.imports.rows()[0]
    assert newest[1:5] == ("aktivitet mars.csv", "activity", 2, 2)
    assert view.imports.data(view.imports.index(0, 2)) == "Aktivitetslogg"
    qtbot.waitUntil(lambda: tasks_card(window) == "8", timeout=20000)


def test_a_refused_file_is_shown_as_a_table_of_problems(qtbot, window, tmp_path):
    bad = write(tmp_path / "feil.csv", BAD_CSV)
    with qtbot.waitSignal(window.import_finished, timeout=20000):
        window.import_files([bad])
    view = window.import_view
    assert view.problems_heading.text().startswith("Avvist: feil.csv.")
    assert view.problems_table.isVisibleTo(window)
    rows = view.problems.rows()
    assert rows and rows[0][:3] == ("feil.csv", 3, "Start")
    assert [view.problems.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Fil",
        "Rad",
        "Kolonne",
        "Hva var galt",
    ]
    assert count_activities(window.database.path) == 6


def test_a_cancelled_import_leaves_the_database_as_it_was(qtbot, window, tmp_path):
    gate = threading.Event()
    blocker = Job(lambda con, job: gate.wait(10))
    window.runner.submit(blocker)
    csv = write(tmp_path / "aktivitet.csv", GOOD_CSV)
    with qtbot.waitSignal(window.import_finished, timeout=20000) as finished:
        job = window.import_files([csv])
        window.runner.cancel(job)
        gate.set()
    assert finished.args[0].results == []
    assert window.import_view.result_label.text().startswith("Avbrutt under import av")
    assert count_activities(window.database.path) == 6


# Demo data


@pytest.fixture
def demo_db() -> Path:
    with make_fixture_store(demo_db_path()) as store:
        store.set_meta("demo", "1")
    return demo_db_path()


def test_demo_data_is_marked_everywhere(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    assert "DEMODATA" in window.windowTitle()
    assert window.banner.isVisibleTo(window)
    assert window.banner.text().startswith("Demodata: oppdiktede tall")
    assert window.database_label.text() == "Demodatabase: demo.duckdb"


def test_the_first_import_goes_to_the_users_own_database(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db)
    csv = write(tmp_path / "aktivitet.csv", GOOD_CSV)
    with qtbot.waitSignals([window.import_finished, window.facts_loaded], timeout=20000):
        window.import_files([csv])
    assert window.database.path == default_db_path()
    assert not window.facts.is_demo
    assert "DEMODATA" not in window.windowTitle()
    assert window.banner.isHidden()
    assert count_activities(default_db_path()) == 2
    qtbot.waitUntil(lambda: tasks_card(window) == "2", timeout=20000)
    ctrl_3 = [a for a in window.actions() if a.shortcut().toString() == "Ctrl+3"]
    assert len(ctrl_3) == 1, "a shortcut bound twice triggers neither"
    assert count_activities(demo_db) == 6


def test_a_refused_first_import_keeps_the_demo_and_leaves_no_user_database(
    qtbot, demo_db, tmp_path
):
    window = open_window(qtbot, demo_db)
    bad = write(tmp_path / "feil.csv", BAD_CSV)
    with qtbot.waitSignal(window.import_finished, timeout=20000):
        window.import_files([bad])
    assert window.database.path == demo_db
    assert not default_db_path().exists()
    assert window.import_view.problems.rowCount() >= 1


# The database shared with the command line and other windows


def idle(qtbot, window: MainWindow) -> None:
    """Wait until the window's worker has let go of the file."""
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=20000)
    qtbot.waitUntil(lambda: not window.runner.holds_database(), timeout=20000)


def notice_soon(window: MainWindow) -> None:
    window._outside_check.setInterval(100)


def test_an_idle_window_lets_the_command_line_import_read_and_write_a_brief(
    qtbot, window, tmp_path, capsys
):
    notice_soon(window)
    idle(qtbot, window)
    path = str(window.database.path)
    csv = write(tmp_path / "mars.csv", GOOD_CSV)
    assert cli_main(["--db", path, "import", str(csv)]) == 0
    assert cli_main(["--db", path, "metrics", "--to", "2024-03-31"]) == 0
    assert '"count": 8' in capsys.readouterr().out
    brief = tmp_path / "notat.pdf"
    assert cli_main(["--db", path, "brief", "--to", "2024-03-31", "--out", str(brief)]) == 0
    assert brief.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: tasks_card(window) == "8", timeout=20000)
    assert window.statusBar().currentMessage() == ("Nye data importert utenfor vinduet – oppdatert")
    assert window.freshness_label.text().startswith(
        "Sist data: aktivitet 20.03.2024, utrykninger 25.03.2024"
    )


@pytest.mark.slow
def test_an_import_by_another_process_shows_in_the_open_window(qtbot, window, tmp_path):
    notice_soon(window)
    idle(qtbot, window)
    csv = write(tmp_path / "mars.csv", GOOD_CSV)
    command = [sys.executable, "-m", "dashboard", "--db", str(window.database.path), "import"]
    done = subprocess.run([*command, str(csv)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: tasks_card(window) == "8", timeout=20000)


def test_a_second_window_is_an_ordinary_window_on_the_same_file(qtbot, window, tmp_path):
    second = open_window(qtbot, window.database.path)
    notice_soon(window)
    assert second.writable and second.import_action.isEnabled()
    assert "skrivebeskyttet" not in second.windowTitle()
    assert tasks_card(second) == "6"
    with qtbot.waitSignal(second.import_finished, timeout=20000):
        second.import_files([write(tmp_path / "mars.csv", GOOD_CSV)])
    qtbot.waitUntil(lambda: tasks_card(window) == "8", timeout=20000)


def test_a_register_edit_in_a_second_window_shows_in_the_first(qtbot, window):
    notice_soon(window)
    goals = window.view("goals")
    window.show_view(registry.index_of("goals"))
    second = open_window(qtbot, window.database.path)
    with qtbot.waitSignal(second.refreshed, timeout=20000):
        second.view("goals").add_goal(NewGoal("Plan A", None, "Mål én"), today=date(2024, 3, 1))
    qtbot.waitUntil(
        lambda: [g["goal_text"] for g in goals.shown_goals] == ["Mål én"], timeout=20000
    )
    assert window.statusBar().currentMessage() == (
        "Målregisteret er endret utenfor vinduet – oppdatert"
    )
    assert second.statusBar().currentMessage() == ""


def test_register_edits_run_as_jobs_and_the_window_then_lets_go(qtbot, window):
    goals = window.view("goals")
    window.show_view(registry.index_of("goals"))
    qtbot.waitUntil(lambda: goals._data is not None, timeout=20000)
    with qtbot.waitSignal(window.refreshed, timeout=20000):
        job = goals.add_goal(NewGoal("Plan A", None, "Mål én"), today=date(2024, 3, 1))
    assert job.writes
    assert [goal["goal_text"] for goal in goals.shown_goals] == ["Mål én"]
    idle(qtbot, window)
    # Would fail at once if the window still had the file open, in any mode.
    with Store.open(window.database.path, wait=0) as store:
        assert store.con.execute("SELECT goal_text FROM goals").fetchall() == [("Mål én",)]


HOLDER = """
import sys
from dashboard.data.store import Store
store = Store.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()
"""


@pytest.mark.slow
def test_a_database_held_by_another_program_is_named_and_waited_for(qtbot, user_db):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(user_db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        window = MainWindow(user_db, AppSettings())
        qtbot.addWidget(window)
        expected = (
            f"Databasen er i bruk av et annet program (prosess {holder.pid}). Vent til det er "
            "ferdig, eller lukk det, og prøv igjen."
        )
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == expected, timeout=20000)
        with qtbot.waitSignal(window.refreshed, timeout=30000):
            holder.stdin.close()
            holder.wait(timeout=20)
        assert tasks_card(window) == "6"
    finally:
        if holder.poll() is None:
            holder.stdin.close()
            holder.wait(timeout=20)


# The brief


class OpenedUrls(QObject):
    """Qt's own hook for opening URLs: records them instead of starting a viewer."""

    def __init__(self):
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened_files():
    opened = OpenedUrls()
    QDesktopServices.setUrlHandler("file", opened, "open")
    yield opened
    QDesktopServices.unsetUrlHandler("file")


def test_the_brief_is_written_on_the_worker_and_opened(qtbot, window, tmp_path, opened_files):
    out = tmp_path / "notat.pdf"
    with qtbot.waitSignal(window.brief_finished, timeout=60000):
        window.write_brief(BriefRequest(out, date(2024, 4, 10), "Sak 1: budsjett"))
    assert out.read_bytes().startswith(b"%PDF")
    assert window.statusBar().currentMessage() == f"Notatet er lagret: {out}"
    assert [url.toLocalFile() for url in opened_files.urls] == [str(out)]


# Translations


def messages(ts_path: Path) -> list[tuple[str, str, str | None, list[str], ET.Element]]:
    """Context, source, disambiguation, translated forms and the translation element."""
    found = []
    for context in ET.parse(ts_path).iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [form.text or "" for form in translation.iter("numerusform")]
            texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
            found.append(
                (name, message.findtext("source"), message.findtext("comment"), texts, translation)
            )
    return found


@pytest.mark.parametrize("ts_path", sorted(I18N.glob("*_nb.ts")), ids=lambda path: path.name)
def test_every_catalogue_is_finished_and_its_qm_is_current(ts_path, tmp_path):
    fresh = tmp_path / ts_path.with_suffix(".qm").name
    command = [str(LRELEASE), str(ts_path), "-qm", str(fresh)]
    subprocess.run(command, check=True, capture_output=True)
    committed, compiled = QTranslator(), QTranslator()
    assert committed.load(str(ts_path.with_suffix(".qm")))
    assert compiled.load(str(fresh))
    for context, source, comment, texts, element in messages(ts_path):
        assert element.get("type") not in ("unfinished", "vanished", "obsolete"), source
        assert all(text.strip() for text in texts), f"{context}: {source!r} is untranslated"
        # Bokmål has two forms: one, and every other count.
        for count, text in zip((1, 2), texts, strict=False) if len(texts) > 1 else [(-1, texts[0])]:
            assert committed.translate(context, source, comment, count) == text, source
            assert compiled.translate(context, source, comment, count) == text, source


def test_qt_dialog_buttons_are_norwegian(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    assert sorted(button.text() for button in buttons.buttons()) == ["Avbryt", "OK"]


def test_bokmal_loads_every_catalogue_and_english_none(qapp):
    try:
        loaded = install_language(qapp, "nb")
        assert len(loaded) == len(list(I18N.glob("*_nb.qm"))) >= 3
        for translator in loaded:
            qapp.removeTranslator(translator)
        assert install_language(qapp, "en") == []
        assert formatting.format_number(1234.5, 1) == "1,234.5"
    finally:
        formatting.set_language("nb")
        QLocale.setDefault(formatting.locale())


def test_cancelling_an_update_keeps_the_old_figures_and_says_so(qtbot, window):
    gate = threading.Event()
    window.runner.submit(Job(lambda con, job: gate.wait(10)))
    bar = window.filter_bar
    bar.subproject.setCurrentIndex(bar.subproject.findData(2))
    job = window._refresh_job
    with qtbot.waitSignal(job.finished, timeout=20000):
        window._refresh_dialog.findChild(QPushButton).click()
        gate.set()
    assert tasks_card(window) == "6"
    assert window.statusBar().currentMessage().startswith("Oppdateringen ble avbrutt")
