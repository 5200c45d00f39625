"""The main window: navigation, the global filter bar, menus, toolbar and status bar.

Every view's data is fetched on the one database worker thread and presented when it
arrives, so the window never freezes; imports, register edits and the brief run there too.
The worker holds the database only while it has work, so the command line and other
windows can use the same file; a cheap look at the file every few seconds notices imports
made elsewhere. A view is built the first time it is shown.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date, datetime
from itertools import count
from pathlib import Path

import duckdb
from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dashboard import RESOURCES
from dashboard.data import rollups
from dashboard.data.coverage import short_sources
from dashboard.data.figures import Freshness as SourceDays
from dashboard.data.figures import data_range, rows_shared
from dashboard.data.figures import freshness as source_days
from dashboard.data.goals import last_edit
from dashboard.data.store import LOCK_WAIT_S, DatabaseLockedError, Freshness, default_db_path
from dashboard.data.two_connections import beside_allowed, share_out
from dashboard.data.values import Filters, StaffedSchedule
from dashboard.settings import Preferences, SettingsError
from dashboard.views import qt_settings, registry
from dashboard.views.base import Fetch, View, name_controls_by_labels
from dashboard.views.brief_dialog import BriefDialog, BriefRequest
from dashboard.views.coverage_text import last_days_text, period_runs_past_text
from dashboard.views.filter_bar import FilterBar, municipalities, period_labels
from dashboard.views.formatting import format_moment
from dashboard.views.import_view import ImportOutcome, import_files, importable
from dashboard.views.qt_settings import AppSettings, SettingsDialog
from dashboard.views.worker import Database, DbWorker, ImmediateRunner, Job, error_text, store_on

ICONS = RESOURCES / "icons"
PROGRESS_STEPS = 1000
REFRESH_DIALOG_DELAY_MS = 800
# The longest the worker waits for the window to draw the shown view before fetching on.
DRAWN_WAIT_S = 0.1
# How often the window looks whether the file changed; a look costs two stat calls.
OUTSIDE_CHECK_MS = 3000
DEMO_STYLE = "background: #fff3cd; color: #5c4400; padding: 6px 12px;"
COVERAGE_STYLE = "background: #fdecea; color: #8a2c0d; padding: 4px 12px;"
NAVIGATION_STYLE = """
    QListWidget { background: #f3f5f8; border: none; border-right: 1px solid #d5dbe3;
                  padding-top: 8px; font-size: 11pt; }
    QListWidget::item { padding: 9px 14px; color: #1d2733; }
    QListWidget::item:selected { background: #1d3557; color: white; }
"""


@dataclass(frozen=True)
class Fetched:
    """One view's new data, or the error its fetch raised."""

    generation: int
    index: int
    data: object = None
    error: Exception | None = None
    # Set once the window has dealt with it, for a fetch that waits for that.
    drawn: threading.Event | None = None


@dataclass(frozen=True)
class StoreFacts:
    """What the window itself shows of the database: the filter bar's choices, the status
    bar's freshness, the demo mark, and the newest import (to notice imports elsewhere)."""

    is_demo: bool
    data_range: tuple[date, date] | None
    municipalities: list[str]
    freshness: Freshness
    last_import_id: int | None
    last_register_edit: dict | None
    source_days: SourceDays  # the last day with data of each export kind


def read_facts(
    con: duckdb.DuckDBPyConnection, database: Database, prefs: Preferences
) -> StoreFacts:
    store = store_on(con, database)
    return StoreFacts(
        store.is_demo,
        data_range(con, prefs.staffed),
        municipalities(con),
        store.freshness(),
        store.last_import_id(),
        last_edit(con),
        source_days(con, prefs.staffed),
    )


def file_state(path: Path) -> tuple:
    """When the file and its write-ahead log last changed, and their sizes."""
    states = []
    for part in (path, path.with_name(path.name + ".wal")):
        try:
            stat = part.stat()
        except OSError:
            states.append(None)
        else:
            states.append((stat.st_mtime_ns, stat.st_size))
    return tuple(states)


def fetch_views(
    fetches: dict[int, Fetch], con, job: Job, generation: int, staffed: StaffedSchedule
) -> int:
    """Runs on the worker: each view's fetch, each sent on at once. The first (the shown
    view) alone; once the window has drawn it, the others on two connections at once (the
    machine's two cores). Nothing writes meanwhile, so views asking for the same sums share
    one query. ``staffed``: the hours the rollups must match."""
    done = count(1)

    def send(connection, item: tuple[int, Fetch], drawn: threading.Event | None = None) -> None:
        index, fetch = item
        job.check_cancelled()
        _send_fetched(fetch, connection, job, generation, index, drawn)
        job.report(next(done) / len(fetches), "")

    if not fetches:  # a filter change while only views that ignore filters are built
        return generation
    first, *rest = fetches.items()
    with rows_shared():
        drawn = threading.Event()
        send(con, first, drawn)
        # Drawing while two connections read would slow the drawing and the reads.
        drawn.wait(DRAWN_WAIT_S)
        share_out(con, rest, send, beside=len(rest) > 1 and _beside_allowed(con, staffed))
    return generation


def _send_fetched(
    fetch: Fetch, con, job: Job, generation: int, index: int, drawn: threading.Event | None = None
) -> None:
    try:
        fetched = Fetched(generation, index, data=fetch(con), drawn=drawn)
    except Exception as error:
        if job.is_cancelled():
            raise
        fetched = Fetched(generation, index, error=error, drawn=drawn)
    job.partial.emit(fetched)


def _beside_allowed(con, staffed: StaffedSchedule) -> bool:
    """Not on the GUI thread (a snapshot's runner: a second thread's views would arrive
    after the job ended), nor on rollups rebuilt for this connection alone (a read-only
    file's stale ones, which a second connection would rebuild again)."""
    if threading.current_thread() is threading.main_thread():
        return False
    return beside_allowed(con, staffed)


def _icon(name: str) -> QIcon:
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


class MainWindow(QMainWindow):
    """Views on one database file, switched from a sidebar; filters apply to every view."""

    refreshed = Signal()
    view_refreshed = Signal(int)
    facts_loaded = Signal()
    job_started = Signal(object)
    import_finished = Signal(object)
    brief_finished = Signal(object)

    def __init__(
        self,
        path: Path,
        settings: AppSettings,
        *,
        background: bool = True,
        filters: Filters | None = None,
    ):
        """``background``: run the database work on a worker thread; else at once, on this
        thread (snapshots). ``filters``: show these instead of the remembered ones."""
        super().__init__()
        self.settings = settings
        self.background = background
        self.remember = filters is None
        self._initial_filters = filters
        self.database: Database | None = None
        self.facts: StoreFacts | None = None
        self.views: dict[int, View] = {}
        # Views that do not follow the filters and show the data as it is now: a filter
        # change leaves them be.
        self._current_whatever_filters: set[int] = set()
        # Data fetched for a view while it was hidden, presented when it is shown.
        self._unpresented: dict[int, object] = {}
        self._presented: set[int] = set()
        self._generation = 0
        self._refresh_job: Job | None = None
        self._refresh_dialog: QProgressDialog | None = None
        self._user_db_existed = True
        self._seen_file_state: tuple | None = None
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.coverage_warning = QLabel()
        self.coverage_warning.setWordWrap(True)
        self.coverage_warning.setStyleSheet(COVERAGE_STYLE)
        self.coverage_warning.hide()
        self.filter_bar = FilterBar()
        self.prefs = Preferences()
        self.prefs = self._read_preferences()
        self.filter_bar.staffed = self.prefs.staffed
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Views"))
        self.stack = QStackedWidget()
        self.database_label = QLabel()
        self.freshness_label = QLabel()
        self._create_actions()
        self._create_menus()
        self._create_navigation()
        self._lay_out()
        self.setAcceptDrops(True)
        self._outside_check = QTimer(self)
        self._outside_check.setInterval(OUTSIDE_CHECK_MS)
        self._outside_check.timeout.connect(self.look_for_outside_changes)
        self._restore_geometry()
        self.filter_bar.changed.connect(self.filters_changed)
        self.nav.currentRowChanged.connect(self._on_view_chosen)
        self._install(Database.on_file(path, background, self))

    @property
    def runner(self) -> DbWorker | ImmediateRunner:
        return self.database.runner

    # Building the window

    def _create_actions(self) -> None:
        self.import_action = self._action(self.tr("&Import files…"), "import", "Ctrl+O")
        self.import_action.triggered.connect(self.choose_files)
        self.brief_action = self._action(self.tr("&Export brief…"), "brief", "Ctrl+E")
        self.brief_action.triggered.connect(self.export_brief)
        self.refresh_action = self._action(self.tr("&Refresh"), "refresh", "F5")
        self.refresh_action.triggered.connect(self.refresh)
        # The numbers behind the shown view's charts, one key away from wherever the focus is.
        self.numbers_action = self._action(self.tr("Numbers behind the charts"), "", "Ctrl+T")
        self.numbers_action.setCheckable(True)
        self.numbers_action.toggled.connect(lambda on: self.current_view().show_numbers(on))
        self.backup_action = self._action(self.tr("&Back up…"), "", "")
        self.backup_action.triggered.connect(self.back_up)
        self.restore_action = self._action(self.tr("&Restore from backup…"), "", "")
        self.restore_action.triggered.connect(self.restore_backup)
        self.settings_action = self._action(self.tr("&Settings…"), "settings", "Ctrl+,")
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = self._action(self.tr("&Quit"), "", QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = self._action(self.tr("&About"), "", "")
        self.about_action.triggered.connect(self.show_about)

    def _action(self, text: str, icon: str, shortcut) -> QAction:
        action = QAction(_icon(icon), text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _create_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([self.import_action, self.brief_action])
        file_menu.addSeparator()
        file_menu.addActions([self.backup_action, self.restore_action])
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu.addActions([self.refresh_action, self.numbers_action])
        self.view_menu.addSeparator()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        toolbar = self.addToolBar(self.tr("Toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.import_action, self.brief_action, self.refresh_action])

    def _create_navigation(self) -> None:
        """A sidebar entry, a Ctrl+number shortcut and an empty page per view: the view
        itself is built when first shown."""
        self.view_actions: list[QAction] = []
        for number, entry in enumerate(registry.VIEWS, start=1):
            self.nav.addItem(entry.title())
            self.stack.addWidget(QWidget())
            action = QAction(entry.title(), self)
            if number <= 10:  # Ctrl+1 … Ctrl+9, and Ctrl+0 for the tenth, as the keys lie
                action.setShortcut(QKeySequence(f"Ctrl+{number % 10}"))
            action.triggered.connect(lambda _checked=False, index=number - 1: self.show_view(index))
            self.view_menu.addAction(action)
            self.addAction(action)
            self.view_actions.append(action)

    def _lay_out(self) -> None:
        self.nav.setFixedWidth(200)
        self.nav.setWordWrap(True)  # a long view name wraps rather than scrolls sideways
        self.nav.setStyleSheet(NAVIGATION_STYLE)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.coverage_warning)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(self.freshness_label)
        self.statusBar().addPermanentWidget(self.database_label)

    def _install(self, database: Database) -> None:
        """Show ``database``: its name now, the shown view built, its facts and figures
        fetched on its worker."""
        self.database = database
        self.facts = None
        self._show_identity()
        self.show_view(max(0, self.nav.currentRow()))
        self.load_facts()
        if self.background:
            self._outside_check.start()

    def _drop_views(self) -> None:
        """Every built view goes; its page is empty again until the view is shown."""
        for index, view in self.views.items():
            self.stack.removeWidget(view)
            self.stack.insertWidget(index, QWidget())
            view.deleteLater()
        self.views = {}
        self._current_whatever_filters.clear()
        self._unpresented.clear()
        self._presented.clear()
        self.stack.setCurrentIndex(max(0, self.nav.currentRow()))

    # The views

    def show_view(self, index: int) -> None:
        if self.nav.currentRow() == index:
            self._on_view_chosen(index)
        else:
            self.nav.setCurrentRow(index)

    def _on_view_chosen(self, index: int) -> None:
        if index < 0:
            return
        view = self.view_at(index)
        self.stack.setCurrentWidget(view)
        view.show_numbers(self.numbers_action.isChecked())

    def view_at(self, index: int) -> View:
        """The view at ``index`` in the sidebar, built and fetched now if it has not been
        shown yet, and showing the latest data fetched for it."""
        if index not in self.views:
            self.views[index] = self._build_view(index)
            self._fetch(index)
        if index in self._unpresented:
            self._present_now(index, self._unpresented[index])
        return self.views[index]

    def _present_now(self, index: int, data: object) -> None:
        self._unpresented.pop(index, None)
        self.views[index].present(data)
        self._presented.add(index)

    def view(self, key: str) -> View:
        return self.view_at(registry.index_of(key))

    def _build_view(self, index: int) -> View:
        view = registry.VIEWS[index].view_class()(self.database)
        view.prefs = self.prefs
        name_controls_by_labels(view)
        # A write of ours: read the facts again (so it is not taken for news from
        # elsewhere), then every view.
        view.data_changed.connect(self._on_data_changed)
        view.fetch_requested.connect(lambda: self._fetch_view(view))
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, view)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if registry.VIEWS[index].key == "import":
            self._connect_import_view(view)
        return view

    def _connect_import_view(self, view) -> None:
        view.import_requested.connect(self.import_files)
        view.choose_requested.connect(self.choose_files)
        view.set_read_only(self.database.read_only)

    @property
    def import_view(self):
        return self.view("import")

    def current_view(self) -> View:
        return self.view_at(self.stack.currentIndex())

    # What the window shows of the database itself

    def load_facts(self, *, outside: bool = False) -> Job:
        """Read the store's facts on the worker; ``outside``: because the file changed
        elsewhere, so say so if it brought a new import, and wait for no one."""
        database, state = self.database, file_state(self.database.path)
        # A window's first look may migrate an older file, so it opens it for writing if
        # it may; a snapshot only reads.
        first = self.facts is None and self.background and not database.read_only
        prefs = self.prefs
        job = Job(
            lambda con, _job: read_facts(con, database, prefs),
            writes=first,
            wait=0 if outside else LOCK_WAIT_S,
        )
        job.succeeded.connect(lambda facts: self._facts_read(facts, state, outside))
        if not outside:
            job.failed.connect(self._facts_failed)
        self._submit(self.runner, job)
        return job

    def _facts_read(self, facts: StoreFacts, state: tuple, outside: bool) -> None:
        news = self._outside_news(facts) if outside else None
        self._seen_file_state = state
        first, self.facts = self.facts is None, facts
        if outside and news is None:
            return
        self.filter_bar.set_data(facts.data_range, facts.municipalities)
        if first:
            self._set_first_filters()
        self._show_identity()
        self.facts_loaded.emit()
        self.refresh()
        if news:
            self.statusBar().showMessage(news)

    def _outside_news(self, facts: StoreFacts) -> str | None:
        """What changed elsewhere since the window last read the facts, said for the user;
        None if nothing the window shows did."""
        if facts.last_import_id != self.facts.last_import_id:
            return self.tr("New data imported outside this window – updated")
        if facts.last_register_edit != self.facts.last_register_edit:
            return self.tr("The goal register was changed outside this window – updated")
        return None

    def _set_first_filters(self) -> None:
        if self._initial_filters is not None:
            self.filter_bar.set_filters(self._initial_filters)
        elif self.remember:
            self.filter_bar.restore(self.settings)

    def _facts_failed(self, error: Exception) -> None:
        self.statusBar().showMessage(error_text(error))

    def look_for_outside_changes(self) -> None:
        """If the file changed since the window last read it, and not by a job of ours
        still under way, read its facts again; if it could not be read at all yet (held
        elsewhere), try again."""
        if self.runner.busy():
            return
        if self.facts is None:
            self.load_facts()
        elif file_state(self.database.path) != self._seen_file_state:
            self.load_facts(outside=True)

    def _show_identity(self) -> None:
        """Which database is open, and whether it is demo data or read-only, everywhere."""
        name = self.database.path.name
        is_demo = self.facts is not None and self.facts.is_demo
        marks = []
        if is_demo:
            marks.append(self.tr("DEMO DATA"))
        if self.database.read_only:
            marks.append(self.tr("read-only"))
        self.setWindowTitle(" – ".join(["Helsevakt-dashboard", name, *marks]))
        database = self.tr("Demo database") if is_demo else self.tr("Database")
        self.database_label.setText(f"{database}: {name}")
        self.database_label.setToolTip(str(self.database.path))
        self._show_freshness()
        self._show_banner(is_demo)
        self.import_action.setEnabled(self.writable)
        self.restore_action.setEnabled(self.writable)
        self.setAcceptDrops(self.writable)
        import_index = registry.index_of("import")
        if import_index in self.views:
            self.views[import_index].set_read_only(not self.writable)

    @property
    def writable(self) -> bool:
        return not self.database.read_only

    def _show_banner(self, is_demo: bool) -> None:
        if is_demo:
            self.banner.setText(
                self.tr(
                    "Demo data: made-up figures for trying the program. Your first import is "
                    "saved in your own database, and the window switches to it; demo data "
                    "never mixes with yours."
                )
            )
            self.banner.setStyleSheet(DEMO_STYLE)
        self.banner.setVisible(is_demo)

    def _show_freshness(self) -> None:
        if self.facts is None:
            self.freshness_label.clear()
            return
        freshness = self.facts.freshness
        parts = [last_days_text(self.facts.source_days)]
        if freshness.last_import is not None:
            when = format_moment(freshness.last_import)
            parts.append(self.tr("last import %1").replace("%1", when))
        self.freshness_label.setText(" · ".join(parts))

    def _show_coverage(self, filters: Filters) -> None:
        """Above every view: the sources whose data ends before the chosen period does."""
        shorts = short_sources(self.facts.source_days, filters)
        warning = period_runs_past_text(shorts)
        self.coverage_warning.setText(f"⚠ {warning}" if warning else "")
        self.coverage_warning.setVisible(bool(warning))

    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 900)

    # Refreshing the views

    def filters(self) -> Filters:
        return self.filter_bar.filters()

    def filters_changed(self) -> None:
        """The user chose other filters: only the views that follow them are fetched."""
        self.refresh(filters_only=True)

    def refresh(self, *, filters_only: bool = False) -> None:
        """Fetch every built view's data on the worker, the shown view first; a newer
        refresh replaces an older one. ``filters_only``: nothing but the filters changed,
        so a view that shows the same whatever the filters keeps what it shows."""
        if self.facts is None:
            return
        if self._refresh_job is not None:
            self.runner.cancel(self._refresh_job)
        if not filters_only:
            self._current_whatever_filters.clear()
        self._generation += 1
        filters = self.filters()
        self._show_coverage(filters)
        current = self.stack.currentIndex()
        order = {current: self.views[current]} | self.views
        fetches = {
            index: view.fetcher(filters)
            for index, view in order.items()
            if index not in self._current_whatever_filters
        }
        job = self._fetch_job(fetches, filters.staffed)
        job.succeeded.connect(self._refresh_done)
        job.cancelled.connect(lambda: self._refresh_cancelled(job))
        job.finished.connect(lambda: self._refresh_finished(job))
        self._refresh_job = job
        self._refresh_dialog = self._progress_dialog(
            self.tr("Updating the figures…"), job, REFRESH_DIALOG_DELAY_MS
        )
        self._submit(self.runner, job)

    def _fetch_job(self, fetches: dict[int, Fetch], staffed: StaffedSchedule) -> Job:
        """A job fetching these views, presented as each arrives if still current."""
        generation = self._generation
        job = Job(lambda con, job: fetch_views(fetches, con, job, generation, staffed))
        job.partial.connect(self._present)
        job.failed.connect(lambda error: self.statusBar().showMessage(error_text(error)))
        return job

    def _fetch(self, index: int) -> None:
        """One view alone, for the current filters: newly built, or asking for it."""
        if self.facts is not None:
            filters = self.filters()
            fetch = self.views[index].fetcher(filters)
            self._submit(self.runner, self._fetch_job({index: fetch}, filters.staffed))

    def _fetch_view(self, view: View) -> None:
        self._fetch(next(index for index, built in self.views.items() if built is view))

    def _submit(self, runner: DbWorker | ImmediateRunner, job: Job) -> None:
        self.job_started.emit(job)
        runner.submit(job)

    def _present(self, fetched: Fetched) -> None:
        try:
            self._show_fetched(fetched)
        finally:
            if fetched.drawn is not None:
                fetched.drawn.set()

    def _show_fetched(self, fetched: Fetched) -> None:
        if fetched.generation != self._generation or fetched.index not in self.views:
            return
        view = self.views[fetched.index]
        if fetched.error is None:
            # A hidden view that shows data already draws its new data when shown: drawing
            # it now would slow the fetches still running (each query waits for the thread
            # that draws).
            if fetched.index != self.stack.currentIndex() and fetched.index in self._presented:
                self._unpresented[fetched.index] = fetched.data
            else:
                self._present_now(fetched.index, fetched.data)
            if not view.follows_filters:
                self._current_whatever_filters.add(fetched.index)
            self.view_refreshed.emit(fetched.index)
            return
        message = self.tr("%1 could not be updated: %2")
        self.statusBar().showMessage(
            message.replace("%1", view.title()).replace("%2", error_text(fetched.error))
        )

    def _refresh_done(self, generation: int) -> None:
        if generation != self._generation:
            return
        if self.remember:
            self.filter_bar.save(self.settings)
        self.refreshed.emit()

    def _refresh_cancelled(self, job: Job) -> None:
        """Only a cancel by the user is news; a refresh replaced by a newer one is not."""
        if self._refresh_job is job:
            self.statusBar().showMessage(
                self.tr("Update cancelled: some figures may still be for the previous choice.")
            )

    def _refresh_finished(self, job: Job) -> None:
        if self._refresh_job is job:
            self._refresh_job = None
            if self._refresh_dialog is not None:
                self._refresh_dialog.reset()
                self._refresh_dialog.deleteLater()
                self._refresh_dialog = None

    def _progress_dialog(self, label: str, job: Job, delay_ms: int) -> QProgressDialog:
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, PROGRESS_STEPS, self)
        dialog.setWindowTitle("Helsevakt-dashboard")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(delay_ms)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        dialog.canceled.connect(lambda: self.runner.cancel(job))
        job.progressed.connect(lambda fraction, text: self._show_progress(dialog, fraction, text))
        return dialog

    @staticmethod
    def _show_progress(dialog: QProgressDialog, fraction: float, text: str) -> None:
        dialog.setValue(round(fraction * PROGRESS_STEPS))
        if text:
            dialog.setLabelText(text)

    # Importing

    def choose_files(self) -> None:
        if not self.writable:
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose export files"),
            self.settings.text(qt_settings.LAST_FOLDER, str(Path.home())),
            self.tr("Export files (*.csv *.txt *.xlsx);;All files (*)"),
        )
        if paths:
            self.settings.set(qt_settings.LAST_FOLDER, str(Path(paths[0]).parent))
            self.import_files([Path(path) for path in paths], self.import_view.chosen_kind())

    def import_files(
        self, paths: list[Path], kind: str | None = None, assessed: str | None = None
    ) -> Job | None:
        """Import on the worker behind a progress dialog; demo data switches to the user's.
        ``assessed``: the date the user gave for goal statuses their files give none for."""
        if not self.writable or not paths:
            return None
        self.show_view(registry.index_of("import"))
        target = self._import_target()
        job = Job(
            lambda con, job: import_files(
                store_on(con, target), paths, kind, job.report, job.is_cancelled, assessed
            ),
            writes=True,
        )
        job.succeeded.connect(lambda outcome: self._imported(outcome, target))
        job.failed.connect(lambda error: self._import_failed(error, target))
        job.cancelled.connect(lambda: self._import_failed(None, target))
        dialog = self._progress_dialog(self.tr("Importing…"), job, 0)
        job.finished.connect(dialog.deleteLater)
        job.finished.connect(dialog.reset)
        self._submit(target.runner, job)
        return job

    def _import_target(self) -> Database:
        """Where an import goes: this database, or the user's own one if this is the demo."""
        if self.facts is None or not self.facts.is_demo:
            return self.database
        path = default_db_path()
        self._user_db_existed = path.exists()
        return Database.on_file(path, self.background, self)

    def _imported(self, outcome: ImportOutcome, target: Database) -> None:
        if target is not self.database:
            if outcome.results:
                self._switch_to(target)
            else:
                self._discard_user_database(target)
        else:
            self.load_facts()
        self.import_view.show_outcome(outcome)
        self.import_finished.emit(outcome)

    def _import_failed(self, error: Exception | None, target: Database) -> None:
        if target is not self.database:
            self._discard_user_database(target)
        outcome = ImportOutcome()
        if error is None:
            outcome.cancelled_file = self.tr("the files")
        else:
            outcome.error = error_text(error)
        self.import_view.show_outcome(outcome)
        self.import_finished.emit(outcome)

    def _switch_to(self, database: Database) -> None:
        self.runner.stop()
        self._drop_views()
        self._install(database)
        self.statusBar().showMessage(
            self.tr("Switched to your own database: %1").replace("%1", str(database.path))
        )

    def _discard_user_database(self, database: Database) -> None:
        """Nothing got in: leave no empty user database behind to hide the demo next time."""
        database.runner.stop()
        if not self._user_db_existed:
            for leftover in (database.path, database.path.with_name(database.path.name + ".wal")):
                leftover.unlink(missing_ok=True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if self.writable and importable([Path(url.toLocalFile()) for url in urls]):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = importable([Path(url.toLocalFile()) for url in event.mimeData().urls()])
        if paths:
            event.acceptProposedAction()
            self.import_files(paths, self.import_view.chosen_kind())

    # Backup and restore

    def back_up(self) -> None:
        folder = Path(self.settings.text(qt_settings.LAST_FOLDER, str(Path.home())))
        name = f"{self.database.path.stem}-{datetime.now():%Y-%m-%d}.duckdb"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up"), str(folder / name), self.tr("Databases (*.duckdb)")
        )
        if path:
            self.back_up_to(Path(path))

    def back_up_to(self, target: Path) -> Job:
        """Copy the open database to ``target`` on the worker, after the work queued before."""
        from dashboard.data.backup import backup_connection

        job = Job(lambda con, job: backup_connection(con, target))
        job.succeeded.connect(
            lambda path: self.statusBar().showMessage(
                self.tr("Backup saved: %1").replace("%1", str(path))
            )
        )
        job.failed.connect(
            lambda error: QMessageBox.critical(self, self.tr("Back up"), error_text(error))
        )
        self.settings.set(qt_settings.LAST_FOLDER, str(target.parent))
        self._submit(self.runner, job)
        return job

    def restore_backup(self) -> None:
        folder = self.settings.text(qt_settings.LAST_FOLDER, str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from backup"),
            folder,
            self.tr("Databases (*.duckdb);;All files (*)"),
        )
        if path and self._restore_confirmed(Path(path)):
            self.restore_from(Path(path))

    def _restore_confirmed(self, backup_file: Path) -> bool:
        question = self.tr(
            "Replace %1 with the backup %2? The database as it is now is kept beside it."
        )
        answer = QMessageBox.question(
            self,
            self.tr("Restore from backup"),
            question.replace("%1", str(self._restore_target())).replace("%2", backup_file.name),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _restore_target(self) -> Path:
        """The database a restore replaces: this one, or the user's own if this is the demo."""
        is_demo = self.facts is not None and self.facts.is_demo
        return default_db_path() if is_demo else self.database.path

    def restore_from(self, backup_file: Path) -> bool:
        """Replace the database by a checked backup and show it; on refusal keep showing
        the database as it was. The store is closed meanwhile: the file is swapped."""
        from dashboard.data.backup import restore

        if self.database.read_only:
            return False
        target, previous = self._restore_target(), self.database.path
        self.runner.stop()
        self._drop_views()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            kept = restore(backup_file, target)
        except (ValueError, OSError, DatabaseLockedError) as error:
            self._install(Database.on_file(previous, self.background, self))
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Restore from backup"), error_text(error))
            return False
        self._install(Database.on_file(target, self.background, self))
        QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(self._restored_message(backup_file, kept))
        return True

    def _restored_message(self, backup_file: Path, kept: Path | None) -> str:
        message = self.tr("Restored from %1.").replace("%1", backup_file.name)
        if kept is None:
            return message
        kept_note = self.tr("The previous database is kept as %1.").replace("%1", kept.name)
        return f"{message} {kept_note}"

    # The brief, settings, about

    def export_brief(self) -> None:
        folder = Path(self.settings.text(qt_settings.LAST_FOLDER, str(Path.home())))
        dialog = BriefDialog(self.filters(), folder, self)
        if dialog.exec() == BriefDialog.DialogCode.Accepted:
            self.write_brief(dialog.request())

    def write_brief(self, request: BriefRequest) -> Job:
        from dashboard.brief import build_brief

        database, filters, prefs = self.database, self.filters(), self.prefs

        def work(con, job: Job) -> Path:
            def progress(fraction: float, message: str) -> None:
                job.check_cancelled()
                job.report(fraction, message)

            build_brief(
                store_on(con, database),
                filters,
                prefs,
                request.out_path,
                request.meeting_date,
                request.notes,
                progress,
            )
            return request.out_path

        job = Job(work)
        job.succeeded.connect(self._brief_written)
        job.failed.connect(
            lambda error: QMessageBox.critical(self, self.tr("Export brief"), error_text(error))
        )
        job.finished.connect(lambda: self.brief_finished.emit(job))
        dialog = self._progress_dialog(self.tr("Writing the brief…"), job, 0)
        job.finished.connect(dialog.deleteLater)
        job.finished.connect(dialog.reset)
        self.settings.set(qt_settings.LAST_FOLDER, str(request.out_path.parent))
        self._submit(self.runner, job)
        return job

    def _brief_written(self, path: Path) -> None:
        self.statusBar().showMessage(self.tr("Brief saved: %1").replace("%1", str(path)))
        # In the system's PDF viewer, as the user would open it from the file manager.
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, period_labels(), self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self._apply_preferences(self._read_preferences())

    def _on_data_changed(self) -> None:
        """A view changed the store, or the settings (the cost model): read the settings
        again, so every view and the brief use what was saved, then the store's facts."""
        self._apply_preferences(self._read_preferences())

    def _read_preferences(self) -> Preferences:
        """The settings file's preferences; where it holds a value that cannot be used, say
        which and keep those in force."""
        try:
            return self.settings.preferences()
        except SettingsError as error:
            message = self.tr("%1. The settings in force are kept until it is corrected.")
            message = message.replace("%1", str(error))
            if self.background:
                QMessageBox.warning(self, self.tr("Settings"), message)
            else:  # a snapshot: nobody to click a dialog away
                self.statusBar().showMessage(message)
            return self.prefs

    def _apply_preferences(self, prefs: Preferences) -> None:
        """New settings reach the filters and every view. Staffed hours that changed need
        the daily sums rebuilt: a write job with progress, before the figures refresh."""
        rebuild = prefs.staffed != self.prefs.staffed and not self.database.read_only
        self.prefs = prefs
        self.filter_bar.staffed = prefs.staffed
        for view in self.views.values():
            view.prefs = prefs
        if rebuild:
            self._rebuild_rollups(prefs)
        self.load_facts()

    def _rebuild_rollups(self, prefs: Preferences) -> Job:
        job = Job(lambda con, job: rollups.ensure(con, prefs.staffed, job.report), writes=True)
        job.failed.connect(self._facts_failed)
        dialog = self._progress_dialog(
            self.tr("Summing the figures for the new staffed hours…"), job, 0
        )
        job.finished.connect(dialog.deleteLater)
        job.finished.connect(dialog.reset)
        self._submit(self.runner, job)
        return job

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Helsevakt-dashboard"),
            self.tr(
                "Helsevakt-dashboard shows the steering group what the health-watch car at "
                "Røros does: task mix, call-outs, car use, goals and cost sharing."
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember:
            self.settings.set(qt_settings.GEOMETRY, self.saveGeometry())
            self.filter_bar.save(self.settings)
        self._outside_check.stop()
        self.runner.stop()
        super().closeEvent(event)


if __name__ == "__main__":
    import sys

    from dashboard.views.app import run_app

    sys.exit(run_app(None))
