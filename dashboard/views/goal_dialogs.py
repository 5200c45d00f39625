"""Dialogs for the goal register: record an assessment, add a goal, edit a goal's details
(deadline, type, the figure it is tied to), confirm an undo."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dashboard.data.goal_indicators import INDICATORS, SHOWN_COMPARATORS
from dashboard.views.formatting import locale, pydate, qdate

# Worst first, as a planner reads the scale; "not assessed" last.
STATUS_CHOICES = (1, 2, 3, None)
DATE_FORMAT = "dd.MM.yyyy"
GOAL_TEXT_WIDTH = 420


@dataclass(frozen=True)
class Assessment:
    """What the planner entered; ``status`` is None for "not assessed"."""

    status: int | None
    assessed_on: date
    comment: str | None
    owner: str | None


@dataclass(frozen=True)
class NewGoal:
    plan: str
    area: str | None
    goal_text: str


def _or_none(text: str) -> str | None:
    return text.strip() or None


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
    ok_text = QCoreApplication.translate("GoalDialogs", "OK")
    cancel_text = QCoreApplication.translate("GoalDialogs", "Cancel")
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class AssessmentDialog(QDialog):
    """A new assessment of one goal: status, date, comment and who is responsible."""

    def __init__(
        self,
        goal_id: str,
        goal_text: str,
        plan: str,
        status_label,
        owner: str | None = None,
        today: date | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.goal_id = goal_id
        self.setWindowTitle(self.tr("Record assessment"))
        self.goal_label = QLabel(goal_text, self)
        self.goal_label.setWordWrap(True)
        self.goal_label.setMinimumWidth(GOAL_TEXT_WIDTH)
        self.goal_label.setStyleSheet("font-weight: bold;")
        self.plan_label = QLabel(plan, self)
        self.status_box = QComboBox(self)
        for status in STATUS_CHOICES:
            self.status_box.addItem(status_label(status), status)
        self.date_edit = _date_edit(self, today or date.today())
        self.comment_edit = QPlainTextEdit(self)
        self.comment_edit.setPlaceholderText(self.tr("What has happened since last time?"))
        self.comment_edit.setFixedHeight(90)
        self.owner_edit = QLineEdit(owner or "", self)
        self.buttons = _buttons(self)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Goal:"), self.goal_label)
        form.addRow(self.tr("Plan:"), self.plan_label)
        form.addRow(self.tr("Status:"), self.status_box)
        form.addRow(self.tr("Assessed on:"), self.date_edit)
        form.addRow(self.tr("Comment:"), self.comment_edit)
        form.addRow(self.tr("Responsible:"), self.owner_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def set_status(self, status: int | None) -> None:
        self.status_box.setCurrentIndex(self.status_box.findData(status))

    def assessment(self) -> Assessment:
        return Assessment(
            status=self.status_box.currentData(),
            assessed_on=pydate(self.date_edit.date()),
            comment=_or_none(self.comment_edit.toPlainText()),
            owner=_or_none(self.owner_edit.text()),
        )


class NewGoalDialog(QDialog):
    """A goal added to a plan (an existing one or a new one typed in)."""

    def __init__(self, plans: list[str], plan: str | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New goal"))
        self.plan_box = QComboBox(self)
        self.plan_box.setEditable(True)
        self.plan_box.addItems(plans)
        self.plan_box.setCurrentText(plan or (plans[0] if plans else ""))
        self.plan_box.setMinimumWidth(GOAL_TEXT_WIDTH)
        self.area_edit = QLineEdit(self)
        self.goal_edit = QPlainTextEdit(self)
        self.goal_edit.setFixedHeight(90)
        self.hint = QLabel(self.tr("A new goal counts as not assessed from today."), self)
        self.hint.setWordWrap(True)
        self.buttons = _buttons(self)
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.goal_edit.textChanged.connect(self._update_ok)
        self.plan_box.currentTextChanged.connect(self._update_ok)
        self._lay_out()
        self._update_ok()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Plan:"), self.plan_box)
        form.addRow(self.tr("Area:"), self.area_edit)
        form.addRow(self.tr("Goal:"), self.goal_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

    def _update_ok(self) -> None:
        # A goal needs its text and a plan to belong to.
        filled = bool(self.goal_edit.toPlainText().strip() and self.plan_box.currentText().strip())
        self.ok_button.setEnabled(filled)

    def new_goal(self) -> NewGoal:
        return NewGoal(
            plan=self.plan_box.currentText().strip(),
            area=_or_none(self.area_edit.text()),
            goal_text=self.goal_edit.toPlainText().strip(),
        )


@dataclass(frozen=True)
class GoalDetails:
    """A goal's deadline and type, and the figure it is tied to (``indicator`` None: none).
    ``target`` is in the figure's own unit: a share as a fraction (0.6 = 60 %)."""

    deadline: str | None
    goal_type: str | None
    indicator: str | None
    comparator: str | None
    target: float | None


class GoalDetailsDialog(QDialog):
    """What a planner keeps on a goal beside its assessments."""

    def __init__(self, goal: dict, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit goal"))
        self.goal_label = QLabel(goal["goal_text"], self)
        self.goal_label.setWordWrap(True)
        self.goal_label.setMinimumWidth(GOAL_TEXT_WIDTH)
        self.goal_label.setStyleSheet("font-weight: bold;")
        self.deadline_edit = QLineEdit(goal.get("deadline") or "", self)
        self.deadline_edit.setPlaceholderText(self.tr("e.g. 2022, 31.12.2022 or 2018-2022"))
        self.type_edit = QLineEdit(goal.get("goal_type") or "", self)
        self.type_edit.setPlaceholderText(self.tr("e.g. effektmål"))
        self.indicator_box = QComboBox(self)
        self.indicator_box.addItem(self.tr("None"), None)
        for key, indicator in INDICATORS.items():
            self.indicator_box.addItem(indicator.label, key)
        self.comparator_box = QComboBox(self)
        for comparator, shown in SHOWN_COMPARATORS.items():
            self.comparator_box.addItem(shown, comparator)
        self.target_edit = QDoubleSpinBox(self)
        self.target_edit.setLocale(locale())
        self.target_edit.setRange(0, 1_000_000)
        self.target_edit.setDecimals(1)
        self.buttons = _buttons(self)
        self.indicator_box.currentIndexChanged.connect(self._update_target)
        self._show_tie(goal)
        self._lay_out()

    def _show_tie(self, goal: dict) -> None:
        self.indicator_box.setCurrentIndex(max(0, self.indicator_box.findData(goal["indicator"])))
        self.comparator_box.setCurrentIndex(
            max(0, self.comparator_box.findData(goal.get("comparator")))
        )
        self._update_target()
        if goal.get("target") is not None:
            self.target_edit.setValue(goal["target"] * (100 if self._is_share() else 1))

    def _is_share(self) -> bool:
        key = self.indicator_box.currentData()
        return key is not None and INDICATORS[key].is_share

    def _update_target(self) -> None:
        tied = self.indicator_box.currentData() is not None
        self.comparator_box.setEnabled(tied)
        self.target_edit.setEnabled(tied)
        self.target_edit.setSuffix(" %" if self._is_share() else "")

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Goal:"), self.goal_label)
        form.addRow(self.tr("Deadline:"), self.deadline_edit)
        form.addRow(self.tr("Goal type:"), self.type_edit)
        form.addRow(self.tr("Indicator:"), self.indicator_box)
        form.addRow(self.tr("Target:"), self.comparator_box)
        form.addRow("", self.target_edit)
        hint = QLabel(
            self.tr(
                "The Goals view and the brief show the indicator's value for the period "
                "beside the goal's assessment."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

    def details(self) -> GoalDetails:
        key = self.indicator_box.currentData()
        target = self.target_edit.value() / (100 if self._is_share() else 1)
        return GoalDetails(
            deadline=_or_none(self.deadline_edit.text()),
            goal_type=_or_none(self.type_edit.text()),
            indicator=key,
            comparator=self.comparator_box.currentData() if key else None,
            target=target if key else None,
        )


class UndoConfirmation(QMessageBox):
    """Says what undo will take back; "Cancel" is the default, so a stray Enter keeps it."""

    def __init__(self, question: str, parent=None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Undo last change"))
        self.setText(question)
        self.undo_button = self.addButton(self.tr("Undo"), QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.cancel_button)

    def confirmed(self) -> bool:
        return self.clickedButton() is self.undo_button
