"""Dialogs to enter or change a reference value or an event."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dashboard.data.events import Event, EventInput
from dashboard.data.references import ReferenceInput, ReferenceValue
from dashboard.data.vocabulary import INDICATOR_UNITS, INDICATORS
from dashboard.views.formatting import locale, pydate, qdate
from dashboard.views.goal_dialogs import _buttons, _date_edit

FIELD_WIDTH = 420
PERIOD_KINDS = ("none", "year", "dates")


def _problem_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: #9a3412;")
    return label


def _show_problems(problems: list[str], label: QLabel, ok_button) -> None:
    """What keeps the entry from being saved, in the data layer's words; OK only without."""
    text = "; ".join(problems)
    label.setText(text[:1].upper() + text[1:] + "." if text else "")
    label.setVisible(bool(problems))
    ok_button.setEnabled(not problems)


class ReferenceDialog(QDialog):
    """A reference value: which figure, which group, which period, the value, the source."""

    def __init__(
        self, groups: list[str], reference: ReferenceValue | None = None, parent: QWidget = None
    ):
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Change reference value") if reference else self.tr("New reference value")
        )
        self.indicator_box = QComboBox(self)
        for key, label in INDICATORS.items():
            self.indicator_box.addItem(label, key)
        self.indicator_box.setMinimumWidth(FIELD_WIDTH)
        self.group_box = QComboBox(self)
        self.group_box.setEditable(True)
        self.group_box.addItems(groups)
        self.group_box.lineEdit().setPlaceholderText(
            self.tr("For example: Comparable municipalities in Trøndelag")
        )
        self.period_box = QComboBox(self)
        for text, kind in zip(
            (self.tr("No period"), self.tr("A year"), self.tr("From and to dates")),
            PERIOD_KINDS,
            strict=True,
        ):
            self.period_box.addItem(text, kind)
        self.year_box = QSpinBox(self)
        self.year_box.setRange(2000, 2099)
        self.year_box.setValue(date.today().year - 1)
        self.from_edit = _date_edit(self, date(date.today().year - 1, 1, 1))
        self.to_edit = _date_edit(self, date(date.today().year - 1, 12, 31))
        self.value_box = QDoubleSpinBox(self)
        self.value_box.setLocale(locale())  # 57,0 % in bokmål
        self.source_edit = QLineEdit(self)
        self.source_edit.setPlaceholderText(self.tr("Where the figure comes from"))
        self.problem_label = _problem_label(self)
        self.buttons = _buttons(self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._lay_out()
        self.indicator_box.currentIndexChanged.connect(self._update_unit)
        self.period_box.currentIndexChanged.connect(self._update_period)
        self.group_box.currentTextChanged.connect(self._update_ok)
        self.source_edit.textChanged.connect(self._update_ok)
        self._update_unit()
        if reference is not None:
            self._show(reference)
        self._update_period()
        self._update_ok()

    def _lay_out(self) -> None:
        self.form = QFormLayout()
        self.form.addRow(self.tr("Figure:"), self.indicator_box)
        self.form.addRow(self.tr("Compared with:"), self.group_box)
        self.form.addRow(self.tr("Period:"), self.period_box)
        self.form.addRow(self.tr("Year:"), self.year_box)
        self.form.addRow(self.tr("From:"), self.from_edit)
        self.form.addRow(self.tr("To:"), self.to_edit)
        self.form.addRow(self.tr("Value:"), self.value_box)
        self.form.addRow(self.tr("Source:"), self.source_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

    def _show(self, ref: ReferenceValue) -> None:
        self.indicator_box.setCurrentIndex(self.indicator_box.findData(ref.indicator))
        self.group_box.setCurrentText(ref.group)
        self.source_edit.setText(ref.source)
        self.value_box.setValue(ref.value * 100 if ref.unit == "share" else ref.value)
        if ref.period_from is None:
            kind = "none"
        elif ref.period_text.isdigit():
            kind = "year"
            self.year_box.setValue(ref.period_from.year)
        else:
            kind = "dates"
            self.from_edit.setDate(qdate(ref.period_from))
            self.to_edit.setDate(qdate(ref.period_to))
        self.period_box.setCurrentIndex(PERIOD_KINDS.index(kind))

    @property
    def unit(self) -> str:
        return INDICATOR_UNITS[self.indicator_box.currentData()]

    def _update_unit(self) -> None:
        """A share is entered in per cent; other figures as the plain number."""
        share = self.unit == "share"
        self.value_box.setRange(0, 100 if share else 1e9)
        self.value_box.setDecimals(1)
        suffixes = {"share": " %", "minutes": self.tr(" minutes"), "km": " km"}
        self.value_box.setSuffix(suffixes.get(self.unit, ""))

    def _update_period(self) -> None:
        kind = self.period_box.currentData()
        self.form.setRowVisible(self.year_box, kind == "year")
        self.form.setRowVisible(self.from_edit, kind == "dates")
        self.form.setRowVisible(self.to_edit, kind == "dates")
        self._update_ok()

    def _update_ok(self) -> None:
        _show_problems(self.entry().problems(), self.problem_label, self.ok_button)

    def _period(self) -> tuple[date | None, date | None]:
        kind = self.period_box.currentData()
        if kind == "year":
            year = self.year_box.value()
            return date(year, 1, 1), date(year, 12, 31)
        if kind == "dates":
            return pydate(self.from_edit.date()), pydate(self.to_edit.date())
        return None, None

    def entry(self) -> ReferenceInput:
        value = self.value_box.value()
        start, end = self._period()
        return ReferenceInput(
            indicator=self.indicator_box.currentData(),
            group=self.group_box.currentText().strip(),
            period_from=start,
            period_to=end,
            value=value / 100 if self.unit == "share" else value,
            source=self.source_edit.text().strip(),
        )


class EventDialog(QDialog):
    """An event: the day it happened, or the span of days, and what it was."""

    def __init__(self, event: Event | None = None, parent: QWidget = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change event") if event else self.tr("New event"))
        self.text_edit = QLineEdit(self)
        self.text_edit.setMinimumWidth(FIELD_WIDTH)
        self.text_edit.setPlaceholderText(self.tr("For example: Rørosmartnan, double shifts"))
        self.from_edit = _date_edit(self, date.today())
        self.span_box = QCheckBox(self.tr("Lasts several days"), self)
        self.to_edit = _date_edit(self, date.today())
        self.problem_label = _problem_label(self)
        self.buttons = _buttons(self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._lay_out()
        if event is not None:
            self._show(event)
        self.span_box.toggled.connect(self._update)
        self.text_edit.textChanged.connect(self._update)
        self.from_edit.dateChanged.connect(self._update)
        self.to_edit.dateChanged.connect(self._update)
        self._update()

    def _lay_out(self) -> None:
        self.form = QFormLayout()
        self.form.addRow(self.tr("What happened:"), self.text_edit)
        self.form.addRow(self.tr("Date:"), self.from_edit)
        self.form.addRow("", self.span_box)
        self.form.addRow(self.tr("Last day:"), self.to_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

    def _show(self, event: Event) -> None:
        self.text_edit.setText(event.text)
        self.from_edit.setDate(qdate(event.start))
        self.span_box.setChecked(event.is_span)
        self.to_edit.setDate(qdate(event.last_day))

    def _update(self) -> None:
        self.form.setRowVisible(self.to_edit, self.span_box.isChecked())
        _show_problems(self.entry().problems(), self.problem_label, self.ok_button)

    def entry(self) -> EventInput:
        end = pydate(self.to_edit.date()) if self.span_box.isChecked() else None
        return EventInput(pydate(self.from_edit.date()), end, self.text_edit.text().strip())
