"""What every view is: data fetched off the GUI thread, then presented on it."""

from __future__ import annotations

import duckdb
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from dashboard.data.values import Filters
from dashboard.settings import Preferences


class View(QWidget):
    """A page of the main window.

    ``fetch`` runs on the database worker thread with that thread's own cursor and must not
    touch widgets; ``present`` runs on the GUI thread with what ``fetch`` returned. A view
    that writes to the store emits ``data_changed`` afterwards, so the window refreshes every
    view.
    """

    data_changed = Signal()
    #: The settings in force, read once at the entry point; the window sets it on every view.
    prefs = Preferences()

    def title(self) -> str:
        raise NotImplementedError

    def fetch(self, con: duckdb.DuckDBPyConnection, filters: Filters) -> object:
        raise NotImplementedError

    def present(self, data: object) -> None:
        raise NotImplementedError

    def refresh_now(self, con: duckdb.DuckDBPyConnection, filters: Filters) -> None:
        """Fetch and present in one go on the calling thread (tests, snapshots)."""
        self.present(self.fetch(con, filters))
