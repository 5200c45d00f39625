"""Referanser og hendelser: the reference values and events the charts and the brief show.

Both can be imported (contract kinds 6 and 7) and are kept here: listed, added, changed and
deleted, each change a writing job on the database worker.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial

import duckdb
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dashboard.data import events as event_store
from dashboard.data import references as reference_store
from dashboard.data.events import Event
from dashboard.data.references import ReferenceValue
from dashboard.data.values import Filters
from dashboard.views.base import View
from dashboard.views.reference_dialogs import EventDialog, ReferenceDialog
from dashboard.views.reference_text import reference_period, reference_value
from dashboard.views.table_model import Column, FigureTableModel
from dashboard.views.worker import Database, Job, error_text


def fetch_references_and_events(con: duckdb.DuckDBPyConnection, _filters: Filters) -> dict:
    return {
        "references": reference_store.reference_values(con),
        "events": event_store.all_events(con),
    }


class ItemList(QGroupBox):
    """A titled table with Add, Change and Delete under it."""

    def __init__(self, title: str, columns: list[Column], parent: QWidget):
        super().__init__(title, parent)
        self.model = FigureTableModel(columns, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Change…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.items: list = []
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self.update_buttons)
        self.writable = True

    def set_items(self, items: list, rows: list[tuple]) -> None:
        self.items = items
        self.model.set_rows(rows)
        self.update_buttons()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def select(self, index: int) -> None:
        self.table.selectRow(index)

    def update_buttons(self, *_args) -> None:
        self.add_button.setEnabled(self.writable)
        chosen = self.writable and self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)


class ReferencesView(View):
    """Reference values (figures from elsewhere to compare with) and events (marked on
    every time series), each kept by hand or imported."""

    follows_filters = False

    def __init__(self, database: Database, parent=None):
        super().__init__(parent)
        self.database = database
        self.open_dialog = None
        self.intro = QLabel(
            self.tr(
                "Reference values are shown beside their figure on the charts and in the "
                "brief's headline table, always with group and source. Events are marked on "
                "every chart over time and listed in the brief. Both can also be imported "
                "(Import, kind Reference values or Events)."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.references = ItemList(self.tr("Reference values"), self._reference_columns(), self)
        self.events = ItemList(self.tr("Events"), self._event_columns(), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        self._connect()
        self._lay_out()

    def _reference_columns(self) -> list[Column]:
        return [
            Column(self.tr("Figure"), display=lambda ref: ref.label),
            Column(self.tr("Compared with"), display=lambda ref: ref.group),
            Column(self.tr("Period"), display=reference_period),
            Column(self.tr("Value"), display=reference_value),
            Column(self.tr("Entered"), display=self._origin),
            Column(self.tr("Source"), display=lambda ref: ref.source),
        ]

    def _event_columns(self) -> list[Column]:
        return [
            Column(self.tr("Date"), "date"),
            Column(self.tr("Last day"), "date"),
            Column(self.tr("Entered"), display=self._origin),
            Column(self.tr("What happened")),
        ]

    def _origin(self, item) -> str:
        return self.tr("Imported") if item.imported else self.tr("Here")

    def _connect(self) -> None:
        self.references.add_button.clicked.connect(lambda: self.open_reference_dialog(None))
        self.references.edit_button.clicked.connect(
            lambda: self.open_reference_dialog(self.references.selected())
        )
        self.references.delete_button.clicked.connect(self.ask_delete_reference)
        self.references.table.doubleClicked.connect(
            lambda _index: self.open_reference_dialog(self.references.selected())
        )
        self.events.add_button.clicked.connect(lambda: self.open_event_dialog(None))
        self.events.edit_button.clicked.connect(
            lambda: self.open_event_dialog(self.events.selected())
        )
        self.events.delete_button.clicked.connect(self.ask_delete_event)
        self.events.table.doubleClicked.connect(
            lambda _index: self.open_event_dialog(self.events.selected())
        )

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.intro)
        layout.addWidget(self.message)
        layout.addWidget(self.references, 3)
        layout.addWidget(self.events, 2)

    def title(self) -> str:
        return self.tr("References and events")

    def fetch(self, con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
        return fetch_references_and_events(con, filters)

    def present(self, data: dict) -> None:
        references: list[ReferenceValue] = data["references"]
        events: list[Event] = data["events"]
        for item_list in (self.references, self.events):
            item_list.writable = not self.database.read_only
        self.references.set_items(references, [(ref,) * 6 for ref in references])
        self.events.set_items(
            events, [(event.start, event.end, event, event.text) for event in events]
        )

    # Dialogs

    def _open(self, dialog):
        # Window-modal and not blocking: the caller (or a test) gets the dialog back.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open_dialog = dialog
        dialog.open()
        return dialog

    def open_reference_dialog(self, reference: ReferenceValue | None) -> ReferenceDialog | None:
        if self.database.read_only:
            return None
        groups = sorted({ref.group for ref in self.references.items})
        dialog = ReferenceDialog(groups, reference, parent=self)
        dialog.accepted.connect(lambda: self.save_reference(reference, dialog.entry()))
        return self._open(dialog)

    def open_event_dialog(self, event: Event | None) -> EventDialog | None:
        if self.database.read_only:
            return None
        dialog = EventDialog(event, parent=self)
        dialog.accepted.connect(lambda: self.save_event(event, dialog.entry()))
        return self._open(dialog)

    def ask_delete_reference(self) -> QMessageBox | None:
        ref = self.references.selected()
        if ref is None:
            return None
        question = (
            self.tr("Delete the reference value «%1» for «%2» (%3)?")
            .replace("%1", ref.label)
            .replace("%2", ref.group)
            .replace("%3", reference_period(ref))
        )
        return self._confirm(question, partial(self.delete_reference, ref))

    def ask_delete_event(self) -> QMessageBox | None:
        event = self.events.selected()
        if event is None:
            return None
        question = self.tr("Delete the event «%1»?").replace("%1", event.text)
        return self._confirm(question, partial(self.delete_event, event))

    def _confirm(self, question: str, action: Callable[[], Job]) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete"), question, parent=self)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.finished.connect(lambda _result: action() if box.clickedButton() is delete else None)
        return self._open(box)

    # Writes

    def save_reference(self, old: ReferenceValue | None, entry) -> Job:
        if old is None:
            work = partial(reference_store.add_reference, entry=entry)
            return self._write(work, self.tr("The reference value is added."))
        work = partial(reference_store.update_reference, id_=old.id, entry=entry)
        return self._write(work, self.tr("The reference value is changed."))

    def delete_reference(self, ref: ReferenceValue) -> Job:
        work = partial(reference_store.delete_reference, id_=ref.id)
        return self._write(work, self.tr("The reference value is deleted."))

    def save_event(self, old: Event | None, entry) -> Job:
        if old is None:
            work = partial(event_store.add_event, entry=entry)
            return self._write(work, self.tr("The event is added."))
        work = partial(event_store.update_event, id_=old.id, entry=entry)
        return self._write(work, self.tr("The event is changed."))

    def delete_event(self, event: Event) -> Job:
        work = partial(event_store.delete_event, id_=event.id)
        return self._write(work, self.tr("The event is deleted."))

    def _write(self, change, saved: str) -> Job:
        job = Job(lambda con, _job: change(con), writes=True)
        job.succeeded.connect(lambda _result: self._written(saved))
        job.failed.connect(self._write_failed)
        return self.database.submit(job)

    def _written(self, saved: str) -> None:
        self.show_message(saved)
        self.data_changed.emit()

    def _write_failed(self, error: Exception) -> None:
        reason = str(error) if isinstance(error, ValueError) else error_text(error)
        self.show_message(self.tr("The change was not saved: %1").replace("%1", reason))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


if __name__ == "__main__":
    from dashboard.views.app import run_view

    sys.exit(run_view(ReferencesView))
