"""Starting the window: the application, its language, and which database it opens.

A database that another window holds open for writing cannot be opened at all (DuckDB
locks the file), so a second window copies it and shows the copy read-only.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from dashboard import RESOURCES
from dashboard.data.store import DatabaseLockedError, Store, default_db_path
from dashboard.views import formatting
from dashboard.views.qt_settings import AppSettings

I18N = RESOURCES / "i18n"
APP_NAME = "Helsevakt-dashboard"


@dataclass
class OpenedStore:
    """The store a window shows, and why it is read-only if it is a copy."""

    store: Store
    note: str | None = None
    copy_dir: Path | None = None

    def close(self) -> None:
        self.store.close()
        if self.copy_dir is not None:
            shutil.rmtree(self.copy_dir, ignore_errors=True)


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("helsevakt")
    return app


def install_language(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Bokmål loads every ``*_nb.qm`` in the package's catalogues, one each; English none."""
    formatting.set_language(language)
    QLocale.setDefault(formatting.locale())
    translators = []
    if formatting.language() == "nb":
        for path in sorted(I18N.glob("*_nb.qm")):
            translator = QTranslator(app)
            if translator.load(str(path)):
                app.installTranslator(translator)
                translators.append(translator)
    return translators


def database_to_open(db_path: Path | None) -> Path:
    """The given file; else the user's own database if it exists; else the demo."""
    if db_path is not None:
        return Path(db_path)
    if default_db_path().exists():
        return default_db_path()
    from dashboard.data.demo import ensure_demo

    return ensure_demo()


def open_copy(path: Path) -> OpenedStore:
    """A read-only copy of a locked database (with its write-ahead log, if any)."""
    from dashboard.views.main_window import snapshot_note

    taken_at = datetime.now()
    copy_dir = Path(tempfile.mkdtemp(prefix="helsevakt-"))
    copy = copy_dir / path.name
    shutil.copy2(path, copy)
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        shutil.copy2(wal, copy.with_name(copy.name + ".wal"))
    return OpenedStore(Store.open(copy, read_only=True), snapshot_note(taken_at), copy_dir)


def open_for_window(db_path: Path | None) -> OpenedStore:
    path = database_to_open(db_path)
    try:
        return OpenedStore(Store.open(path))
    except DatabaseLockedError:
        return open_copy(path)


def run_app(db_path: Path | None) -> int:
    """Open the main window on the chosen database; returns the exit code."""
    from dashboard.views.main_window import MainWindow

    app = application()
    settings = AppSettings()
    install_language(app, settings.language)
    opened = open_for_window(db_path)
    window = MainWindow(opened.store, settings, read_only_note=opened.note)
    window.show()
    try:
        return app.exec()
    finally:
        window.store.close()
        opened.close()


def run_view(view_class: type) -> int:
    """One view alone on the demo database, for its whole period (``python -m ...``)."""
    from dashboard.data.demo import ensure_demo
    from dashboard.data.figures import data_range
    from dashboard.data.values import Filters

    app = application()
    install_language(app, AppSettings().language)
    store = Store.open(ensure_demo(), read_only=True)
    prefs = AppSettings().preferences()
    today = datetime.now().date()
    first, last = data_range(store.con, prefs.staffed) or (today, today)
    view = view_class(store)
    view.prefs = prefs
    view.refresh_now(store.cursor(), Filters(first, last, staffed=prefs.staffed))
    view.setWindowTitle(view.title())
    view.resize(1280, 860)
    view.show()
    code = app.exec()
    store.close()
    return code
