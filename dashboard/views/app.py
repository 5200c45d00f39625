"""Starting the window: the application, its language, and which database it opens.

The window holds the database only while it queries it, so a second window on the same
file is an ordinary window, and the command line can use the file meanwhile.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from dashboard import RESOURCES
from dashboard.data.store import default_db_path
from dashboard.views import formatting
from dashboard.views.qt_settings import AppSettings

I18N = RESOURCES / "i18n"
APP_NAME = "Helsevakt-dashboard"


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


def run_app(db_path: Path | None) -> int:
    """Open the main window on the chosen database; returns the exit code."""
    from dashboard.views.main_window import MainWindow

    app = application()
    settings = AppSettings()
    install_language(app, settings.language)
    window = MainWindow(database_to_open(db_path), settings)
    window.show()
    return app.exec()


def run_view(view_class: type) -> int:
    """One view alone on the demo database, for its whole period (``python -m ...``)."""
    from dashboard.data.demo import ensure_demo
    from dashboard.data.figures import data_range
    from dashboard.data.values import Filters
    from dashboard.views.base import ViewHost
    from dashboard.views.worker import Database, Job

    app = application()
    settings = AppSettings()
    install_language(app, settings.language)
    prefs = settings.preferences()
    database = Database.on_file(ensure_demo(), background=False)
    ranges: list = []
    job = Job(lambda con, _job: data_range(con, prefs.staffed))
    job.succeeded.connect(ranges.append)
    database.submit(job)
    today = datetime.now().date()
    first, last = ranges[0] if ranges and ranges[0] else (today, today)
    view = view_class(database)
    view.prefs = prefs
    ViewHost(view, database, Filters(first, last, staffed=prefs.staffed)).refresh()
    view.setWindowTitle(view.title())
    view.resize(1280, 860)
    view.show()
    return app.exec()
