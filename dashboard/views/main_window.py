"""The main window: navigation, the global filter bar, menus, toolbar and status bar.

Every view's data is fetched on the one database worker thread and presented when it
arrives, so the window never freezes; imports and the brief run there too, behind a
progress dialog that can cancel.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl, Signal
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
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dashboard import RESOURCES
from dashboard.data.store import DatabaseLockedError, Store, default_db_path
from dashboard.data.values import Filters
from dashboard.views import qt_settings
from dashboard.views.base import View
from dashboard.views.brief_dialog import BriefDialog, BriefRequest
from dashboard.views.callouts_view import CalloutsView
from dashboard.views.car_use_view import CarUseView
from dashboard.views.cost_view import CostSharingView
from dashboard.views.filter_bar import FilterBar, municipalities, period_labels
from dashboard.views.formatting import format_clock, format_date, format_moment
from dashboard.views.goals_view import GoalsView
from dashboard.views.import_view import ImportOutcome, ImportView, import_files, importable
from dashboard.views.overview_view import OverviewView
from dashboard.views.qt_settings import AppSettings, SettingsDialog
from dashboard.views.task_mix_view import TaskMixView
from dashboard.views.worker import DbWorker, ImmediateRunner, Job, store_on

VIEW_CLASSES: tuple[type[View], ...] = (
    OverviewView,
    TaskMixView,
    CalloutsView,
    CarUseView,
    GoalsView,
    CostSharingView,
    ImportView,
)
ICONS = RESOURCES / "icons"
PROGRESS_STEPS = 1000
REFRESH_DIALOG_DELAY_MS = 800
DEMO_STYLE = "background: #fff3cd; color: #5c4400; padding: 6px 12px;"
READ_ONLY_STYLE = "background: #e7eef7; color: #1d3557; padding: 6px 12px;"
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


def fetch_views(views: dict[int, View], filters: Filters, con, job: Job, generation: int) -> int:
    """Runs on the worker: each view's ``fetch`` in the given order, each sent on at once."""
    for done, (index, view) in enumerate(views.items(), start=1):
        job.check_cancelled()
        try:
            job.partial.emit(Fetched(generation, index, data=view.fetch(con, filters)))
        except Exception as error:
            if job.is_cancelled():
                raise
            job.partial.emit(Fetched(generation, index, error=error))
        job.report(done / len(views), "")
    return generation


def _icon(name: str) -> QIcon:
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


class MainWindow(QMainWindow):
    """Views on one store, switched from a sidebar; filters apply to every view."""

    refreshed = Signal()
    view_refreshed = Signal(int)
    job_started = Signal(object)
    import_finished = Signal(object)
    brief_finished = Signal(object)

    def __init__(
        self,
        store: Store,
        settings: AppSettings,
        *,
        read_only_note: str | None = None,
        background: bool = True,
        filters: Filters | None = None,
        picture: bool = False,
    ):
        """``picture``: drawn for a snapshot, so shown as the user's own window would be,
        even though the store was opened read-only for drawing it."""
        super().__init__()
        self.picture = picture
        self.settings = settings
        self.background = background
        self.read_only_note = read_only_note
        self.remember = filters is None
        self.store = store
        self.runner: DbWorker | ImmediateRunner | None = None
        self.views: list[View] = []
        self._generation = 0
        self._refresh_job: Job | None = None
        self._refresh_dialog: QProgressDialog | None = None
        self._user_db_existed = True
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.filter_bar = FilterBar()
        self.prefs = settings.preferences()
        self.filter_bar.staffed = self.prefs.staffed
        self.nav = QListWidget()
        self.stack = QStackedWidget()
        self.database_label = QLabel()
        self.freshness_label = QLabel()
        self._create_actions()
        self._create_menus()
        self._lay_out()
        self.setAcceptDrops(True)
        self._install_store(store, filters)
        self._restore_geometry()
        self.filter_bar.changed.connect(self.refresh)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)

    # Building the window

    def _create_actions(self) -> None:
        self.import_action = self._action(self.tr("&Import files…"), "import", "Ctrl+O")
        self.import_action.triggered.connect(self.choose_files)
        self.brief_action = self._action(self.tr("&Export brief…"), "brief", "Ctrl+E")
        self.brief_action.triggered.connect(self.export_brief)
        self.refresh_action = self._action(self.tr("&Refresh"), "refresh", "F5")
        self.refresh_action.triggered.connect(self.refresh)
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
        self.view_actions: list[QAction] = []

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
        self.view_menu.addAction(self.refresh_action)
        self.view_menu.addSeparator()
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        toolbar = self.addToolBar(self.tr("Toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.import_action, self.brief_action, self.refresh_action])

    def _lay_out(self) -> None:
        self.nav.setFixedWidth(200)
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
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(self.freshness_label)
        self.statusBar().addPermanentWidget(self.database_label)

    def _install_store(self, store: Store, filters: Filters | None = None) -> None:
        """Show ``store``: new views on it, its own worker, and its name everywhere."""
        if self.runner is not None:
            self.runner.stop()
        self.store = store
        self.runner = DbWorker(store, self) if self.background else ImmediateRunner(store)
        self._build_views()
        self._load_store_facts()
        if filters is not None:
            self.filter_bar.set_filters(filters)
        elif self.remember:
            self.filter_bar.restore(self.settings)
        self._show_identity()
        self.refresh()

    def _build_views(self) -> None:
        current = max(0, self.nav.currentRow())
        for view in self.views:
            self.stack.removeWidget(view)
            view.deleteLater()
        self.views = [view_class(self.store) for view_class in VIEW_CLASSES]
        for view in self.views:
            view.prefs = self.prefs
        self.nav.blockSignals(True)
        self.nav.clear()
        for action in self.view_actions:
            self.view_menu.removeAction(action)
            self.removeAction(action)
            action.deleteLater()
        self.view_actions = []
        for number, view in enumerate(self.views, start=1):
            view.data_changed.connect(self._on_data_changed)
            self.stack.addWidget(view)
            self.nav.addItem(QListWidgetItem(view.title()))
            self._add_view_action(number, view)
        self.nav.blockSignals(False)
        self.show_view(current)
        self.import_view.import_requested.connect(self.import_files)
        self.import_view.choose_requested.connect(self.choose_files)

    def _add_view_action(self, number: int, view: View) -> None:
        action = QAction(view.title(), self)
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda: self.show_view(number - 1))
        self.view_menu.addAction(action)
        self.addAction(action)
        self.view_actions.append(action)

    @property
    def import_view(self) -> ImportView:
        return next(view for view in self.views if isinstance(view, ImportView))

    def show_view(self, index: int) -> None:
        self.nav.setCurrentRow(index)
        self.stack.setCurrentIndex(index)

    def current_view(self) -> View:
        return self.views[self.stack.currentIndex()]

    def _load_store_facts(self) -> None:
        """The store's days with data and municipalities, for the filter bar's choices."""
        self.filter_bar.set_data(self.store.data_range(), municipalities(self.store.con))

    def _show_identity(self) -> None:
        """Which database is open, and whether it is demo data or read-only, everywhere."""
        name = self.store.path.name
        marks = []
        if self.store.is_demo:
            marks.append(self.tr("DEMO DATA"))
        if not self.writable:
            marks.append(self.tr("read-only"))
        self.setWindowTitle(" – ".join(["Helsevakt-dashboard", name, *marks]))
        database = self.tr("Demo database") if self.store.is_demo else self.tr("Database")
        self.database_label.setText(f"{database}: {name}")
        self.database_label.setToolTip(str(self.store.path))
        self._show_freshness()
        self._show_banner()
        self.import_action.setEnabled(self.writable)
        self.restore_action.setEnabled(not self.store.read_only)
        self.import_view.set_read_only(not self.writable)
        self.setAcceptDrops(self.writable)

    @property
    def writable(self) -> bool:
        return self.picture or not self.store.read_only

    def _show_banner(self) -> None:
        if self.read_only_note:
            self.banner.setText(self.read_only_note)
            self.banner.setStyleSheet(READ_ONLY_STYLE)
        elif self.store.is_demo:
            self.banner.setText(
                self.tr(
                    "Demo data: made-up figures for trying the program. Your first import is "
                    "saved in your own database, and the window switches to it; demo data "
                    "never mixes with yours."
                )
            )
            self.banner.setStyleSheet(DEMO_STYLE)
        self.banner.setVisible(bool(self.read_only_note) or self.store.is_demo)

    def _show_freshness(self) -> None:
        freshness = self.store.freshness()
        parts = [self.tr("Data up to %1").replace("%1", format_date(freshness.latest_record))]
        if freshness.last_import is not None:
            when = format_moment(freshness.last_import)
            parts.append(self.tr("last import %1").replace("%1", when))
        self.freshness_label.setText(" · ".join(parts))

    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 900)

    # Refreshing the views

    def filters(self) -> Filters:
        return self.filter_bar.filters()

    def refresh(self) -> None:
        """Fetch every view's data on the worker, the shown view first; a newer refresh
        replaces an older one."""
        if self._refresh_job is not None:
            self.runner.cancel(self._refresh_job)
        self._generation += 1
        filters, generation = self.filters(), self._generation
        current = self.stack.currentIndex()
        views = {current: self.views[current]} | dict(enumerate(self.views))
        job = Job(lambda con, job: fetch_views(views, filters, con, job, generation))
        job.partial.connect(self._present)
        job.succeeded.connect(self._refresh_done)
        job.cancelled.connect(lambda: self._refresh_cancelled(job))
        job.finished.connect(lambda: self._refresh_finished(job))
        self._refresh_job = job
        self._refresh_dialog = self._progress_dialog(
            self.tr("Updating the figures…"), job, REFRESH_DIALOG_DELAY_MS
        )
        self._submit(self.runner, job)

    def _submit(self, runner: DbWorker | ImmediateRunner, job: Job) -> None:
        self.job_started.emit(job)
        runner.submit(job)

    def _present(self, fetched: Fetched) -> None:
        if fetched.generation != self._generation:
            return
        view = self.views[fetched.index]
        if fetched.error is None:
            view.present(fetched.data)
            self.view_refreshed.emit(fetched.index)
            return
        message = self.tr("%1 could not be updated: %2")
        self.statusBar().showMessage(
            message.replace("%1", view.title()).replace("%2", str(fetched.error))
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
        if self.store.read_only:
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

    def import_files(self, paths: list[Path], kind: str | None = None) -> Job | None:
        """Import on the worker behind a progress dialog; demo data switches to the user's."""
        if self.store.read_only or not paths:
            return None
        self.show_view(self.views.index(self.import_view))
        target = self._import_target()
        if target is None:
            return None
        store, runner = target
        job = Job(
            lambda con, job: import_files(
                store_on(con, store), paths, kind, job.report, job.is_cancelled
            )
        )
        job.succeeded.connect(lambda outcome: self._imported(outcome, store, runner))
        job.failed.connect(lambda error: self._import_failed(error, store, runner))
        job.cancelled.connect(lambda: self._import_failed(None, store, runner))
        dialog = self._progress_dialog(self.tr("Importing…"), job, 0)
        job.finished.connect(dialog.deleteLater)
        job.finished.connect(dialog.reset)
        self._submit(runner, job)
        return job

    def _import_target(self) -> tuple[Store, DbWorker | ImmediateRunner] | None:
        """Where an import goes: this store, or the user's own one if this is the demo."""
        if not self.store.is_demo:
            return self.store, self.runner
        path = default_db_path()
        self._user_db_existed = path.exists()
        try:
            store = Store.open(path)
        except DatabaseLockedError:
            QMessageBox.warning(
                self,
                self.tr("Import"),
                self.tr("Your own database is open in another window. Import there instead."),
            )
            return None
        runner = DbWorker(store, self) if self.background else ImmediateRunner(store)
        return store, runner

    def _imported(self, outcome: ImportOutcome, store: Store, runner) -> None:
        if store is not self.store:
            if outcome.results:
                self._switch_to(store, runner)
            else:
                self._discard_user_store(store, runner)
        else:
            self._load_store_facts()
            self._show_identity()
            self.refresh()
        self.import_view.show_outcome(outcome)
        self.import_finished.emit(outcome)

    def _import_failed(self, error: Exception | None, store: Store, runner) -> None:
        if store is not self.store:
            self._discard_user_store(store, runner)
        outcome = ImportOutcome()
        if error is None:
            outcome.cancelled_file = self.tr("the files")
        else:
            outcome.error = str(error)
        self.import_view.show_outcome(outcome)
        self.import_finished.emit(outcome)

    def _switch_to(self, store: Store, runner) -> None:
        old_store, old_runner = self.store, self.runner
        self.runner = None
        old_runner.stop()
        old_store.close()
        runner.stop()
        self.read_only_note = None
        self._install_store(store)
        self.statusBar().showMessage(
            self.tr("Switched to your own database: %1").replace("%1", str(store.path))
        )

    def _discard_user_store(self, store: Store, runner) -> None:
        """Nothing got in: leave no empty user database behind to hide the demo next time."""
        runner.stop()
        store.close()
        if not self._user_db_existed:
            for leftover in (store.path, store.path.with_name(store.path.name + ".wal")):
                leftover.unlink(missing_ok=True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if not self.store.read_only and importable([Path(url.toLocalFile()) for url in urls]):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = importable([Path(url.toLocalFile()) for url in event.mimeData().urls()])
        if paths:
            event.acceptProposedAction()
            self.import_files(paths, self.import_view.chosen_kind())

    # Backup and restore

    def back_up(self) -> None:
        folder = Path(self.settings.text(qt_settings.LAST_FOLDER, str(Path.home())))
        name = f"{self.store.path.stem}-{datetime.now():%Y-%m-%d}.duckdb"
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
        job.failed.connect(lambda error: QMessageBox.critical(self, self.tr("Back up"), str(error)))
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
        return default_db_path() if self.store.is_demo else self.store.path

    def restore_from(self, backup_file: Path) -> bool:
        """Replace the database by a checked backup and show it; on refusal keep showing
        the database as it was. The store is closed meanwhile: the file is swapped."""
        from dashboard.data.backup import restore

        if self.store.read_only:
            return False
        target, previous = self._restore_target(), self.store.path
        self.runner.stop()
        self.runner = None
        self.store.close()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            kept = restore(backup_file, target)
        except (ValueError, OSError, DatabaseLockedError) as error:
            self._install_store(Store.open(previous))
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.tr("Restore from backup"), str(error))
            return False
        self._install_store(Store.open(target))
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

        store, filters, prefs = self.store, self.filters(), self.prefs

        def work(con, job: Job) -> Path:
            def progress(fraction: float, message: str) -> None:
                job.check_cancelled()
                job.report(fraction, message)

            build_brief(
                store_on(con, store),
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
            lambda error: QMessageBox.critical(self, self.tr("Export brief"), str(error))
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
            self._apply_preferences(self.settings.preferences())

    def _on_data_changed(self) -> None:
        """A view changed the store or the settings (the cost model): read the settings
        again, so every view and the brief use what was saved, and refresh."""
        self._apply_preferences(self.settings.preferences())

    def _apply_preferences(self, prefs) -> None:
        """New settings reach every view and the filters; figures then refresh."""
        self.prefs = prefs
        self.filter_bar.staffed = prefs.staffed
        for view in self.views:
            view.prefs = prefs
        self.refresh()

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
        if self.runner is not None:
            self.runner.stop()
            self.runner = None
        super().closeEvent(event)


def snapshot_note(taken_at: datetime) -> str:
    """The banner of a second window, which shows a copy of a database open elsewhere."""
    text = QCoreApplication.translate(
        "MainWindow",
        "Read-only: the database is open in another window – showing a snapshot from %1",
    )
    return text.replace("%1", format_clock(taken_at.hour, taken_at.minute))


if __name__ == "__main__":
    import sys

    from dashboard.views.app import run_app

    sys.exit(run_app(None))
