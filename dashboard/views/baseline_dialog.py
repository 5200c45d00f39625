"""Ask for the baseline period the figures are compared with: two dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from dashboard.data.values import Comparison
from dashboard.views.formatting import pydate, qdate


class BaselineDialog(QDialog):
    """Two dates, both ends included; OK only when the first is not after the last."""

    def __init__(self, start: date, end: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Baseline period"))
        self.start_edit = _date_edit(start)
        self.end_edit = _date_edit(end)
        self.start_edit.setAccessibleName(self.tr("Baseline from"))
        self.end_edit.setAccessibleName(self.tr("Baseline to"))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #9a3412;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.start_edit.dateChanged.connect(self._check)
        self.end_edit.dateChanged.connect(self._check)
        self._lay_out()
        self._check()

    def _lay_out(self) -> None:
        explanation = QLabel(
            self.tr(
                "Every figure is compared with this period, for example the year before the "
                "project started. Both days are included."
            )
        )
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.start_edit)
        form.addRow(self.tr("To"), self.end_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(420, 200)

    def _check(self) -> None:
        backwards = pydate(self.start_edit.date()) > pydate(self.end_edit.date())
        self.problem.setText(self.tr("The first day is after the last.") if backwards else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not backwards)

    def comparison(self) -> Comparison:
        return Comparison.baseline(pydate(self.start_edit.date()), pydate(self.end_edit.date()))


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(qdate(day), calendarPopup=True)
    edit.setDisplayFormat("dd.MM.yyyy")
    return edit
