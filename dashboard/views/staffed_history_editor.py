"""The staffed hours with their history, as the settings dialog edits them: from each date,
these hours (10:00–22:00 in the project, 10:00–23:00 in ordinary operation later)."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from dashboard.data.values import StaffedHours, StaffedSchedule
from dashboard.views.formatting import format_date, pydate, qdate

FROM, START, END = range(3)


def history_text(periods: list[tuple[date, StaffedHours]]) -> str:
    """The settings file's form: ``2018-01-01=10:00-22:00; 2024-01-01=10:00-23:00``."""
    return "; ".join(
        f"{since.isoformat()}={hours.start:%H:%M}-{hours.end:%H:%M}" for since, hours in periods
    )


class StaffedHistoryEditor(QWidget):
    """A table of periods (from date, staffed from, staffed until) with add and remove."""

    def __init__(self, schedule: StaffedSchedule, parent=None):
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("From date"), self.tr("Staffed from"), self.tr("Staffed until")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Staffed hours from each date"))
        self.add_button = QPushButton(self.tr("Add period"), self)
        self.add_button.clicked.connect(self.add_period)
        self.remove_button = QPushButton(self.tr("Remove period"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        for since, hours in schedule.periods:
            self._append(since, hours)
        self._lay_out()
        self._update_buttons()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        note = QLabel(
            self.tr(
                "Weekdays that are not public holidays. Each period holds from its date until "
                "the next one starts; days before the first date take its hours."
            ),
            self,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(note)

    def _append(self, since: date, hours: StaffedHours) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        day = QDateEdit(qdate(since), self.table)
        day.setDisplayFormat("dd.MM.yyyy")
        day.setCalendarPopup(True)
        self.table.setCellWidget(row, FROM, day)
        for column, moment in ((START, hours.start), (END, hours.end)):
            edit = QTimeEdit(QTime(moment.hour, moment.minute), self.table)
            edit.setDisplayFormat("HH:mm")
            self.table.setCellWidget(row, column, edit)
        self.table.resizeRowsToContents()

    def add_period(self) -> None:
        """A new period from today, with the hours of the latest one."""
        periods = self.periods()
        latest = max(periods)[1] if periods else StaffedHours()
        self._append(date.today(), latest)
        self.table.selectRow(self.table.rowCount() - 1)
        self._update_buttons()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if self.table.rowCount() > 1 and row >= 0:
            self.table.removeRow(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.table.rowCount() > 1)

    def _cell(self, row: int, column: int):
        return self.table.cellWidget(row, column)

    def periods(self) -> list[tuple[date, StaffedHours]]:
        """The rows as written, in table order."""
        return [
            (
                pydate(self._cell(row, FROM).date()),
                StaffedHours(
                    _time(self._cell(row, START).time()), _time(self._cell(row, END).time())
                ),
            )
            for row in range(self.table.rowCount())
        ]

    def problem(self) -> str | None:
        """What keeps the periods from being saved, in words; None when they can be."""
        periods = self.periods()
        if not periods:
            return self.tr("Give at least one period of staffed hours.")
        for since, hours in periods:
            if hours.minutes <= 0:
                return self.tr("The period from %1 must end after it starts.").replace(
                    "%1", format_date(since)
                )
        days = [since for since, _ in periods]
        repeated = next((day for day in days if days.count(day) > 1), None)
        if repeated is not None:
            return self.tr("Two periods start on %1; give each its own date.").replace(
                "%1", format_date(repeated)
            )
        return None

    def schedule(self) -> StaffedSchedule:
        return StaffedSchedule(tuple(self.periods()))

    def set_row(self, row: int, since: date, start: time, end: time) -> None:
        """Fill one row's date and clocks."""
        self._cell(row, FROM).setDate(QDate(since.year, since.month, since.day))
        self._cell(row, START).setTime(QTime(start.hour, start.minute))
        self._cell(row, END).setTime(QTime(end.hour, end.minute))


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())
