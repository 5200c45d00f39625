"""Every view of the main window drawn offscreen to a PNG, for the README and for review."""

from __future__ import annotations

import gc
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from dashboard import RESOURCES
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.views.registry import VIEWS

SNAPSHOT_SIZE = (1440, 900)
FONT_FAMILY = "DejaVu Sans"


def _application() -> QApplication:
    """The running application, or a new one that draws offscreen when there is no screen."""
    if QApplication.instance() is None and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from dashboard.views.app import application

    return application()


def _use_bundled_font(app: QApplication) -> None:
    """The same font on every machine, so that snapshots compare."""
    for path in sorted((RESOURCES / "fonts").glob("DejaVuSans*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    if FONT_FAMILY in QFontDatabase.families():
        app.setFont(QFont(FONT_FAMILY, 10))


def render_snapshots(store: Store, filters: Filters, out_dir: Path) -> list[Path]:
    """One PNG per view (``01-oversikt.png`` …), at least 1200×800; returns the paths."""
    from dashboard.views.app import install_language
    from dashboard.views.main_window import MainWindow
    from dashboard.views.qt_settings import AppSettings

    app = _application()
    settings = AppSettings()
    install_language(app, settings.language)
    _use_bundled_font(app)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    # The window opens the file itself for each query, alongside ``store``: both read-only.
    window = MainWindow(store.path, settings, background=False, filters=filters)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.resize(*SNAPSHOT_SIZE)
    window.show()
    try:
        return [_render_view(app, window, index, out_dir) for index in range(len(VIEWS))]
    finally:
        window.close()
        _delete_now(window)


def _delete_now(window) -> None:
    """Free the window and its views now, so nothing holds the store past its closing."""
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def _render_view(app: QApplication, window, index: int, out_dir: Path) -> Path:
    window.show_view(index)
    for _ in range(3):
        app.processEvents()
    path = out_dir / f"{index + 1:02d}-{VIEWS[index].snapshot_name}.png"
    if not window.grab().save(str(path), "PNG"):
        raise OSError(f"kunne ikke skrive {path}")
    return path
