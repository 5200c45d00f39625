"""Dialogs for the follow-up log: a new item of a meeting, and a change to an item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dashboard.data.followup import FollowUpItem, ItemState
from dashboard.data.vocabulary import FOLLOWUP_KINDS, FOLLOWUP_STATUSES
from dashboard.views.formatting import format_date, locale, pydate, qdate

DATE_FORMAT = "dd.MM.yyyy"
TEXT_WIDTH = 440


def kind_word(kind: str) -> str:
    words = {
        "decision": QCoreApplication.translate("FollowUpView", "Decision"),
        "action": QCoreApplication.translate("FollowUpView", "Follow-up"),
    }
    return words[kind]


def status_word(status: str) -> str:
    words = {
        "open": QCoreApplication.translate("FollowUpView", "Open"),
        "done": QCoreApplication.translate("FollowUpView", "Done"),
        "dropped": QCoreApplication.translate("FollowUpView", "Dropped"),
    }
    return words[status]


@dataclass(frozen=True)
class NewItem:
    meeting_on: date
    text: str
    state: ItemState


@dataclass(frozen=True)
class EnteredChange:
    effective_on: date
    state: ItemState


def _date_edit(parent: QWidget, day: date) -> QDateEdit:
    edit = QDateEdit(qdate(day), parent)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setLocale(locale())
    return edit


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel in the program's language, whatever Qt's own catalogue says."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(QCoreApplication.translate("FollowUpDialogs", "OK"))
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("FollowUpDialogs", "Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class StateFields(QWidget):
    """Kind, responsible, deadline (or none), status and comment: what a change sets."""

    def __init__(self, state: ItemState, today: date, parent=None):
        super().__init__(parent)
        self.kind_box = self._box(FOLLOWUP_KINDS, kind_word, state.kind)
        self.status_box = self._box(FOLLOWUP_STATUSES, status_word, state.status)
        self.responsible_edit = QLineEdit(state.responsible or "", self)
        self.responsible_edit.setPlaceholderText(
            self.tr("A role or a name, as the group writes it")
        )
        self.has_deadline = QCheckBox(self.tr("Has a deadline"), self)
        self.has_deadline.setChecked(state.deadline is not None)
        self.deadline_edit = _date_edit(self, state.deadline or today)
        self.deadline_edit.setAccessibleName(self.tr("Deadline date"))
        self.has_deadline.toggled.connect(self.deadline_edit.setEnabled)
        self.deadline_edit.setEnabled(state.deadline is not None)
        self.comment_edit = QPlainTextEdit(state.comment or "", self)
        self.comment_edit.setFixedHeight(80)
        self.comment_edit.setAccessibleName(self.tr("Comment"))

    def _box(self, keys: tuple[str, ...], word, chosen: str) -> QComboBox:
        box = QComboBox(self)
        for key in keys:
            box.addItem(word(key), key)
        box.setCurrentIndex(box.findData(chosen))
        return box

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.tr("Kind:"), self.kind_box)
        form.addRow(self.tr("Responsible:"), self.responsible_edit)
        deadline = QHBoxLayout()
        deadline.addWidget(self.has_deadline)
        deadline.addWidget(self.deadline_edit)
        deadline.addStretch(1)
        form.addRow(self.tr("Deadline:"), deadline)
        form.addRow(self.tr("Status:"), self.status_box)
        form.addRow(self.tr("Comment:"), self.comment_edit)

    def state(self) -> ItemState:
        return ItemState(
            kind=self.kind_box.currentData(),
            responsible=self.responsible_edit.text().strip() or None,
            deadline=pydate(self.deadline_edit.date()) if self.has_deadline.isChecked() else None,
            status=self.status_box.currentData(),
            comment=self.comment_edit.toPlainText().strip() or None,
        )


class NewItemDialog(QDialog):
    """A decision or follow-up item of a meeting."""

    def __init__(self, meeting_on: date, today: date | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New item"))
        today = today or date.today()
        self.meeting_edit = _date_edit(self, meeting_on)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlaceholderText(self.tr("What the meeting decided or asked for"))
        self.text_edit.setFixedHeight(70)
        self.text_edit.setMinimumWidth(TEXT_WIDTH)
        self.text_edit.setAccessibleName(self.tr("Item"))
        self.fields = StateFields(ItemState(), today, self)
        self.buttons = _buttons(self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.text_edit.textChanged.connect(self._update_ok)
        self._lay_out()
        self._update_ok()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Meeting date:"), self.meeting_edit)
        form.addRow(self.tr("Item:"), self.text_edit)
        self.fields.add_rows(form)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.text_edit.toPlainText().strip()))

    def new_item(self) -> NewItem:
        return NewItem(
            meeting_on=pydate(self.meeting_edit.date()),
            text=self.text_edit.toPlainText().strip(),
            state=self.fields.state(),
        )


class ChangeItemDialog(QDialog):
    """A new state of an item; the old one stays in its history."""

    def __init__(self, item: FollowUpItem, today: date | None = None, parent=None):
        super().__init__(parent)
        self.item = item
        self.setWindowTitle(self.tr("Change item"))
        today = today or date.today()
        self.item_label = QLabel(item.text, self)
        self.item_label.setWordWrap(True)
        self.item_label.setMinimumWidth(TEXT_WIDTH)
        self.item_label.setStyleSheet("font-weight: bold;")
        self.meeting_label = QLabel(format_date(item.meeting_on), self)
        state = ItemState(item.kind, item.responsible, item.deadline, item.status, item.comment)
        self.fields = StateFields(state, today, self)
        self.effective_edit = _date_edit(self, max(today, item.meeting_on))
        self.effective_edit.setMinimumDate(qdate(item.meeting_on))
        self.hint = QLabel(
            self.tr("The earlier state is kept in the item's history."),
            self,
        )
        self.hint.setWordWrap(True)
        self.buttons = _buttons(self)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Item:"), self.item_label)
        form.addRow(self.tr("Meeting:"), self.meeting_label)
        self.fields.add_rows(form)
        form.addRow(self.tr("Applies from:"), self.effective_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

    def change(self) -> EnteredChange:
        return EnteredChange(pydate(self.effective_edit.date()), self.fields.state())
