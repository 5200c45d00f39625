"""Oppfølging: the steering group's decisions and follow-up items per meeting.

The log is shown as it stands now (the period chosen above does not apply: an item is open
until someone closes it), overdue counted from today. The secretary keeps it here: add an
item, change one (its earlier state stays in the history shown below), undo the last change
entered here (Ctrl+Z), export the log.
Every read and write is a job on the database worker.
"""

from __future__ import annotations

import sys
from datetime import date
from functools import partial
from pathlib import Path

import duckdb
from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dashboard.data import followup
from dashboard.data.followup import FollowUpItem
from dashboard.data.followup_io import export_log
from dashboard.data.values import Filters
from dashboard.views.base import Fetch, View
from dashboard.views.followup_dialogs import (
    ChangeItemDialog,
    NewItemDialog,
    kind_word,
    status_word,
)
from dashboard.views.formatting import format_date, format_moment
from dashboard.views.goal_dialogs import UndoConfirmation
from dashboard.views.sheet_dialog import ask_sheet_path
from dashboard.views.table_model import Column, FigureTableModel, record_table
from dashboard.views.undo import (
    confirmation,
    recorded_text,
    show_undo_state,
    undo_action,
    undone_text,
)
from dashboard.views.worker import Database, Job, error_text

EXPORT_NAME = "oppfolgingslogg.xlsx"
OVERDUE = "overdue"
# Status as symbol and word, so it never rests on colour alone; light tints behind it.
SYMBOLS = {OVERDUE: "⚠", "open": "○", "done": "✔", "dropped": "–"}
TINTS = {OVERDUE: "#F5CDB3", "open": "#F9E2B3", "done": "#C2E8DC", "dropped": "#E8E8E8"}


def status_label(key: str) -> str:
    """``key``: a status, or ``overdue`` for an open item past its deadline."""
    if key == OVERDUE:
        return f"{SYMBOLS[key]} " + QCoreApplication.translate("FollowUpView", "Overdue")
    return f"{SYMBOLS[key]} {status_word(key)}"


def status_key(item: FollowUpItem) -> str:
    return OVERDUE if item.overdue else item.status


def fetch_log(con: duckdb.DuckDBPyConnection, today: date) -> dict:
    """Everything the view shows: the log now, its meetings and every item's history."""
    items = followup.current_log(con, today)
    return {
        "today": today,
        "items": items,
        "meetings": followup.meetings(con),
        "history": followup.item_histories(con),
        "last_change": followup.last_change(con),
    }


class FollowUpView(View):
    """The follow-up log: items per meeting with status, their history, and editing.

    Emits ``data_changed`` after every write to the log."""

    follows_filters = False

    def __init__(self, database: Database, parent=None):
        super().__init__(parent)
        self.database = database
        self._data: dict | None = None
        self.shown_items: list[FollowUpItem] = []
        self.open_dialog: QWidget | None = None
        self.meeting_box = QComboBox(self)
        self.meeting_box.addItem(self.tr("All meetings"), None)
        self.meeting_box.currentIndexChanged.connect(self._fill_items)
        self.show_box = QComboBox(self)
        self.show_box.addItem(self.tr("Open items"), True)
        self.show_box.addItem(self.tr("All items"), False)
        self.show_box.currentIndexChanged.connect(self._fill_items)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        self.item_model = FigureTableModel(self._item_columns(), self)
        self.item_table = record_table(self, self.item_model)
        self.item_table.setAccessibleName(self.tr("Items"))
        self.item_table.selectionModel().selectionChanged.connect(self._on_item_selected)
        self.item_table.doubleClicked.connect(self._on_item_double_clicked)
        self.history_label = QLabel(self.tr("Choose an item to see its history."), self)
        self.history_label.setWordWrap(True)
        self.history_model = FigureTableModel(self._history_columns(), self)
        self.history_table = record_table(self, self.history_model)
        self.history_table.setAccessibleName(self.tr("History of the chosen item"))
        self._create_actions()
        self._lay_out()
        self._update_actions()

    # Building the view

    def _action(self, text: str, slot) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        self.new_action = self._action(self.tr("New item…"), self.open_new_item_dialog)
        self.change_action = self._action(self.tr("Change item…"), self.open_change_dialog)
        self.undo_action = undo_action(self, self.ask_undo)
        self.export_action = self._action(self.tr("Export log…"), self.ask_export_path)
        self.export_action.setToolTip(
            self.tr("Write every item to an Excel or CSV file that can be imported again.")
        )

    def _button(self, action: QAction) -> QToolButton:
        action.setIconText(action.text())
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _status_column(self, title: str) -> Column:
        return Column(title, display=status_label, background=lambda key: QColor(TINTS[key]))

    def _item_columns(self) -> list[Column]:
        return [
            Column(self.tr("Meeting"), "date"),
            Column(self.tr("Kind"), display=kind_word),
            Column(self.tr("Item")),
            Column(self.tr("Responsible")),
            Column(self.tr("Deadline"), "date"),
            self._status_column(self.tr("Status")),
            Column(self.tr("Comment")),
        ]

    def _history_columns(self) -> list[Column]:
        return [
            Column(self.tr("Applies from"), "date"),
            self._status_column(self.tr("Status")),
            Column(self.tr("Kind"), display=kind_word),
            Column(self.tr("Responsible")),
            Column(self.tr("Deadline"), "date"),
            Column(self.tr("Comment")),
            Column(self.tr("Recorded"), display=format_moment),
            Column(self.tr("Recorded by")),
            Column(self.tr("Source"), display=self._source_text),
        ]

    def _source_text(self, file_name: str | None) -> str:
        if file_name is None:
            return self.tr("Entered here")
        return self.tr("Import of %1").replace("%1", file_name)

    def _controls(self) -> QHBoxLayout:
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Meeting:"), self))
        controls.addWidget(self.meeting_box)
        controls.addSpacing(12)
        controls.addWidget(QLabel(self.tr("Show:"), self))
        controls.addWidget(self.show_box)
        controls.addStretch(1)
        self.buttons = [
            self._button(action)
            for action in (
                self.new_action,
                self.change_action,
                self.undo_action,
                self.export_action,
            )
        ]
        for button in self.buttons:
            controls.addWidget(button)
        return controls

    def _lay_out(self) -> None:
        items = QWidget(self)
        items_layout = QVBoxLayout(items)
        items_layout.setContentsMargins(0, 0, 0, 0)
        items_layout.addWidget(self.summary)
        items_layout.addWidget(self.item_table, 1)
        history = QWidget(self)
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history_label)
        history_layout.addWidget(self.history_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(items)
        splitter.addWidget(history)
        splitter.setSizes([520, 240])
        layout = QVBoxLayout(self)
        layout.addLayout(self._controls())
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def title(self) -> str:
        return self.tr("Follow-up")

    # Data

    def fetcher(self, filters: Filters) -> Fetch:
        return partial(fetch_log, today=date.today())

    def present(self, data: dict) -> None:
        self._data = data
        self._update_meetings(data["meetings"])
        self._fill_items()
        self._update_actions()

    def _update_meetings(self, meetings: list[followup.Meeting]) -> None:
        chosen = self.meeting_box.currentData()
        self.meeting_box.blockSignals(True)
        while self.meeting_box.count() > 1:
            self.meeting_box.removeItem(1)
        for meeting in meetings:
            shown = self.tr("%1 (%n item(s))", "", meeting.items).replace(
                "%1", format_date(meeting.meeting_on)
            )
            self.meeting_box.addItem(shown, meeting.meeting_on)
        self.meeting_box.setCurrentIndex(max(0, self.meeting_box.findData(chosen)))
        self.meeting_box.blockSignals(False)

    def _fill_items(self) -> None:
        if self._data is None:
            return
        meeting, only_open = self.meeting_box.currentData(), self.show_box.currentData()
        chosen = self.selected_item()
        self.shown_items = sorted(
            (
                item
                for item in self._data["items"]
                if meeting in (None, item.meeting_on) and (item.is_open or not only_open)
            ),
            key=lambda item: item.meeting_on,
            reverse=True,
        )
        self.item_model.set_rows([self._row(item) for item in self.shown_items])
        self._fit_item_columns()
        self._show_summary()
        self._reselect(chosen)

    def _row(self, item: FollowUpItem) -> tuple:
        return (
            item.meeting_on,
            item.kind,
            item.text,
            item.responsible,
            item.deadline,
            status_key(item),
            item.comment,
        )

    def _fit_item_columns(self) -> None:
        table = self.item_table
        table.resizeColumnsToContents()
        table.setColumnWidth(3, min(table.columnWidth(3), 200))
        header = table.horizontalHeader()
        for column in (2, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _show_summary(self) -> None:
        items = self._data["items"]
        if not items:
            self.summary.setText(
                self.tr(
                    "The follow-up log is empty. Add the items of a meeting with «New item…», "
                    "or import the log the group keeps (Import, kind Follow-up log)."
                )
            )
            return
        open_items = sum(item.is_open for item in items)
        overdue = sum(item.overdue for item in items)
        self.summary.setText(
            self.tr(
                "%n open item(s), %1 of them overdue on %2. The log is shown as it stands "
                "now: the period chosen above does not apply to it.",
                "",
                open_items,
            )
            .replace("%1", str(overdue))
            .replace("%2", format_date(self._data["today"]))
        )

    def _reselect(self, chosen: FollowUpItem | None) -> None:
        ids = [item.item_id for item in self.shown_items]
        if chosen is not None and chosen.item_id in ids:
            self.item_table.selectRow(ids.index(chosen.item_id))
        self._show_history(self.selected_item())

    def selected_item(self) -> FollowUpItem | None:
        rows = self.item_table.selectionModel().selectedRows()
        return self.shown_items[rows[0].row()] if rows else None

    def select_item(self, row: int) -> None:
        self.item_table.selectRow(row)

    def _on_item_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_history(self.selected_item())
        self._update_actions()

    def _show_history(self, item: FollowUpItem | None) -> None:
        if item is None or self._data is None:
            self.history_label.setText(self.tr("Choose an item to see its history."))
            self.history_model.set_rows([])
            return
        self.history_label.setText(self.tr("History of: %1").replace("%1", item.text))
        self.history_model.set_rows(
            [
                (
                    change.effective_on,
                    change.status,
                    change.kind,
                    change.responsible,
                    change.deadline,
                    change.comment,
                    change.recorded_at,
                    change.recorded_by,
                    change.source,
                )
                for change in self._data["history"].get(item.item_id, [])
            ]
        )
        self.history_table.resizeColumnsToContents()
        self.history_table.setColumnWidth(5, min(self.history_table.columnWidth(5), 380))
        self.history_table.resizeRowsToContents()

    # Editing the log

    def _update_actions(self) -> None:
        read_only = self.database.read_only
        why_not = self.tr(
            "The database file is read-only for you (its permissions do not let you change "
            "it): the follow-up log cannot be changed here."
        )
        self.new_action.setEnabled(not read_only)
        self.new_action.setToolTip(
            why_not if read_only else self.tr("Add a decision or follow-up item of a meeting.")
        )
        self.change_action.setEnabled(not read_only and self.selected_item() is not None)
        self.change_action.setToolTip(
            why_not
            if read_only
            else self.tr("Change the status, deadline or comment of the chosen item.")
        )
        change = self._data["last_change"] if self._data else None
        show_undo_state(
            self.undo_action,
            why_not if read_only else None,
            self.undo_description() if change is not None else None,
            self.tr("Nothing entered here to undo."),
        )

    def _on_item_double_clicked(self, _index: QModelIndex) -> None:
        if self.change_action.isEnabled():
            self.open_change_dialog()

    def _latest_meeting(self) -> date:
        meetings = self._data["meetings"] if self._data else []
        return meetings[0].meeting_on if meetings else date.today()

    def open_new_item_dialog(self) -> NewItemDialog | None:
        if self.database.read_only:
            return None
        dialog = NewItemDialog(
            self.meeting_box.currentData() or self._latest_meeting(), parent=self
        )
        dialog.accepted.connect(self._on_new_item_accepted)
        return self._open(dialog)

    def _on_new_item_accepted(self) -> None:
        self.add_item(self.open_dialog.new_item())

    def open_change_dialog(self) -> ChangeItemDialog | None:
        item = self.selected_item()
        if item is None or self.database.read_only:
            return None
        dialog = ChangeItemDialog(item, parent=self)
        dialog.accepted.connect(self._on_change_accepted)
        return self._open(dialog)

    def _on_change_accepted(self) -> None:
        dialog = self.open_dialog
        self.change_item(dialog.item, dialog.change())

    def _open(self, dialog):
        # Window-modal and not blocking: the caller (or a test) gets the dialog back.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open_dialog = dialog
        dialog.open()
        return dialog

    def add_item(self, new_item) -> Job:
        """Add ``new_item`` (a :class:`NewItem`); the job's result is its id."""
        work = partial(
            followup.add_item,
            meeting_on=new_item.meeting_on,
            text=new_item.text,
            state=new_item.state,
        )
        saved = self.tr("The item is added to the meeting on %1.").replace(
            "%1", format_date(new_item.meeting_on)
        )
        return self._write(work, saved)

    def change_item(self, item: FollowUpItem, change) -> Job:
        """Append ``change`` (an :class:`EnteredChange`) to the item's history."""
        work = partial(
            followup.change_item,
            item_id=item.item_id,
            effective_on=change.effective_on,
            state=change.state,
        )
        return self._write(work, self.tr("The change is saved; the earlier state is kept."))

    def undo_description(self) -> str:
        """What undo would take back, from :func:`dashboard.data.followup.last_change`."""
        change = self._data["last_change"]
        if change["removes_item"]:
            what = (
                self.tr("the new item «%1» of the meeting on %2")
                .replace("%1", change["item_text"])
                .replace("%2", format_date(change["meeting_on"]))
            )
        else:
            what = (
                self.tr("the change of «%1» from %2 (%3)")
                .replace("%1", change["item_text"])
                .replace("%2", format_date(change["effective_on"]))
                .replace("%3", status_word(change["status"]))
            )
        return f"{what}, {recorded_text(change['recorded_at'], change['recorded_by'])}"

    def ask_undo(self) -> UndoConfirmation | None:
        """Ask before undoing; the answer "Undo" takes the last change back."""
        if not self.undo_action.isEnabled():
            return None
        return self._open(confirmation(self.undo_description(), self, self.undo))

    def undo(self) -> Job:
        """Take the last change entered here back; the job's result is that change."""
        return self._write(followup.undo_last_change, undone_text())

    def _write(self, change, saved: str) -> Job:
        job = Job(lambda con, _job: change(con), writes=True)
        job.succeeded.connect(lambda _result: self._written(saved))
        job.failed.connect(self._write_failed)
        return self.database.submit(job)

    def _written(self, saved: str) -> None:
        self.show_message(saved)
        self.data_changed.emit()

    def _write_failed(self, error: Exception) -> None:
        self.show_message(self.tr("The change was not saved: %1").replace("%1", error_text(error)))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # Exporting the log

    def ask_export_path(self) -> None:
        target = ask_sheet_path(self, self.tr("Export follow-up log"), EXPORT_NAME)
        if target is not None:
            self.export_to(target)

    def export_to(self, path: Path) -> Job:
        """Write the log to ``path`` (.xlsx or .csv) on the worker; the job's result is the
        number of items written."""
        path = Path(path)
        job = Job(lambda con, _job: export_log(con, path))
        job.succeeded.connect(lambda count: self._exported(count, path))
        job.failed.connect(self._export_failed)
        return self.database.submit(job)

    def _exported(self, count: int, path: Path) -> None:
        self.show_message(self.tr("%n item(s) exported to %1.", "", count).replace("%1", str(path)))

    def _export_failed(self, error: Exception) -> None:
        reason = str(error) if isinstance(error, OSError | ValueError) else error_text(error)
        self.show_message(self.tr("Could not export the log: %1").replace("%1", reason))


if __name__ == "__main__":
    from dashboard.views.app import run_view

    sys.exit(run_view(FollowUpView))
