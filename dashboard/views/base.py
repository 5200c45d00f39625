"""What every view is: data fetched off the GUI thread, then presented on it."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import duckdb
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QLayout, QWidget

from dashboard.data.values import Filters
from dashboard.settings import Preferences
from dashboard.views.worker import Database, Job

Fetch = Callable[[duckdb.DuckDBPyConnection], object]


class View(QWidget):
    """A page of the main window.

    ``fetcher`` runs on the GUI thread and returns what the database worker runs: a plain
    function of a connection that touches no widget. By default it calls ``fetch(con,
    filters)``, which must read no widget state; a view whose data depends on its own
    controls overrides ``fetcher`` and copies their state into the function. ``present``
    runs on the GUI thread with what the fetch returned.

    A view never opens the database: it submits a :class:`Job` to its database (``writes=True``
    for a change) and emits ``data_changed`` once the job has succeeded, so the window
    fetches every view again; ``fetch_requested`` asks for this view alone, after its own
    controls changed what it shows.
    """

    data_changed = Signal()
    #: Whether what the view shows depends on the filters; a view that shows the database
    #: whatever they are (the imports, the follow-up log) is not fetched on their change.
    follows_filters = True
    #: The settings in force, read once at the entry point; the window sets it on every view.
    prefs = Preferences()
    fetch_requested = Signal()

    def title(self) -> str:
        raise NotImplementedError

    def hasHeightForWidth(self) -> bool:
        """A page fills the window whatever its wrapped text needs. Were it to report
        height-for-width, the window's stacked layout would ask every page, built or hidden,
        for its height each time a label anywhere is shown or hidden: 3 ms a time with
        eleven pages, where the page's own layout takes 0.1 ms."""
        return False

    def fetcher(self, filters: Filters) -> Fetch:
        return lambda con: self.fetch(con, filters)

    def fetch(self, con: duckdb.DuckDBPyConnection, filters: Filters) -> object:
        raise NotImplementedError

    def present(self, data: object) -> None:
        raise NotImplementedError

    def show_numbers(self, on: bool) -> None:
        """Every chart of the view as the table of its numbers, or back to the charts."""
        from dashboard.views.charts import ChartPanel

        for panel in self.findChildren(ChartPanel):
            panel.show_numbers(on)

    def refresh_now(self, con: duckdb.DuckDBPyConnection, filters: Filters) -> None:
        """Fetch and present in one go on the calling thread (tests of a view alone)."""
        self.present(self.fetcher(filters)(con))


def name_controls_by_labels(root: QWidget) -> None:
    """In a layout row, a label right before a control names it for screen readers (its
    buddy), as a QFormLayout row's label does; a control named already keeps its name."""
    for layout in root.findChildren(QLayout):
        widgets = [layout.itemAt(index).widget() for index in range(layout.count())]
        for label, control in pairwise(widgets):
            if _unnamed_pair(label, control):
                label.setBuddy(control)


def _unnamed_pair(label: QWidget | None, control: QWidget | None) -> bool:
    return (
        isinstance(label, QLabel)
        and label.buddy() is None
        and bool(label.text().strip())
        and control is not None
        and bool(control.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and not control.accessibleName()
    )


class ViewHost(QObject):
    """One view on its own, fetched again whenever it asks: a view run with
    ``python -m`` and tests of a view without the window."""

    presented = Signal()

    def __init__(self, view: View, database: Database, filters: Filters):
        super().__init__(view)
        self.view = view
        self.database = database
        self.filters = filters
        view.data_changed.connect(self._reread_settings)
        view.fetch_requested.connect(self.refresh)

    def refresh(self, filters: Filters | None = None) -> Job:
        self.filters = filters or self.filters
        fetch = self.view.fetcher(self.filters)
        job = Job(lambda con, _job: fetch(con))
        job.succeeded.connect(self._present)
        return self.database.submit(job)

    def _reread_settings(self) -> None:
        """As the window does after a change: the saved settings again, then the figures."""
        from dashboard.settings import read_preferences

        self.view.prefs = read_preferences()
        self.refresh()

    def _present(self, data: object) -> None:
        self.view.present(data)
        self.presented.emit()
