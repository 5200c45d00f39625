"""The global filter bar: period (with quick choices), subproject, municipality, and what
the period is compared with (the previous period, the same dates last year, a baseline the
user names, or nothing).

The quick choices count back from the last day that has data, so "last quarter" of an
export that ends in June is April to June, not an empty quarter after it.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

import duckdb
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from dashboard.data.values import Comparison, Filters, StaffedSchedule
from dashboard.data.vocabulary import SUBPROJECTS
from dashboard.views import qt_settings
from dashboard.views.baseline_dialog import BaselineDialog
from dashboard.views.formatting import format_date, pydate, qdate
from dashboard.views.qt_settings import AppSettings

PERIODS = {
    "month": QT_TRANSLATE_NOOP("FilterBar", "Last month"),
    "quarter": QT_TRANSLATE_NOOP("FilterBar", "Last quarter"),
    "year": QT_TRANSLATE_NOOP("FilterBar", "Last year"),
    "project": QT_TRANSLATE_NOOP("FilterBar", "Whole project period"),
}
CUSTOM = "custom"
COMPARISON_CHOICES = {
    "previous": QT_TRANSLATE_NOOP("FilterBar", "Previous period"),
    "last-year": QT_TRANSLATE_NOOP("FilterBar", "Same period last year"),
    "baseline": QT_TRANSLATE_NOOP("FilterBar", "Baseline…"),
    "none": QT_TRANSLATE_NOOP("FilterBar", "None"),
}
MONTHS_BACK = {"month": 1, "quarter": 3, "year": 12}
DATE_EDIT_PAUSE_MS = 300
COMPARISON_WIDTH = 17  # average characters: room for "Samme periode i fjor" and a year


def period_labels() -> dict[str, str]:
    return {key: QCoreApplication.translate("FilterBar", text) for key, text in PERIODS.items()}


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier, or that month's last day if it is shorter."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last_day))


def quick_period(choice: str, data_range: tuple[date, date] | None) -> tuple[date, date]:
    """The days of a quick choice, counted back from the last day with data."""
    end = data_range[1] if data_range else date.today()
    if choice == "project":
        return (data_range[0] if data_range else end, end)
    return (months_before(end, MONTHS_BACK[choice]) + timedelta(days=1), end)


def municipalities(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every municipality named in the activity log or the call-outs, once each."""
    rows = con.execute(
        """
        SELECT min(name) FROM (
            SELECT municipality AS name FROM activities
            UNION ALL SELECT municipality FROM callouts
        ) WHERE name IS NOT NULL AND trim(name) <> ''
        GROUP BY lower(name) ORDER BY lower(min(name))
        """
    ).fetchall()
    return [row[0] for row in rows]


class FilterBar(QWidget):
    """Emits ``changed`` with the new :class:`Filters` whenever the user changes one."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.staffed = StaffedSchedule()
        self.data_range: tuple[date, date] | None = None
        self.period = QComboBox()
        for key, label in period_labels().items():
            self.period.addItem(label, key)
        self.period.addItem(self.tr("Custom period"), CUSTOM)
        self.start_edit = self._date_edit()
        self.end_edit = self._date_edit()
        self.subproject = QComboBox()
        self.subproject.addItem(self.tr("All subprojects"), None)
        for number, name in SUBPROJECTS.items():
            self.subproject.addItem(f"{number} {name}", number)
        self.municipality = QComboBox()
        self.municipality.addItem(self.tr("All municipalities"), None)
        self.comparison = QComboBox()
        # As wide as its longest fixed choice: a long baseline must not widen the window.
        self.comparison.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.comparison.setMinimumContentsLength(COMPARISON_WIDTH)
        for key, label in COMPARISON_CHOICES.items():
            self.comparison.addItem(QCoreApplication.translate("FilterBar", label), key)
        self.compare = Comparison()
        self._date_pause = QTimer(self, singleShot=True, interval=DATE_EDIT_PAUSE_MS)
        self._quiet = False
        self._lay_out()
        self._connect()

    @staticmethod
    def _date_edit() -> QDateEdit:
        edit = QDateEdit(calendarPopup=True)
        edit.setDisplayFormat("dd.MM.yyyy")
        return edit

    def _lay_out(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(_label_for(self.tr("Period"), self.period))
        layout.addWidget(self.period)
        # The dash between the dates says "to" on screen; a screen reader says the names.
        self.start_edit.setAccessibleName(self.tr("Period from"))
        self.end_edit.setAccessibleName(self.tr("Period to"))
        layout.addWidget(self.start_edit)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.end_edit)
        layout.addSpacing(12)
        layout.addWidget(_label_for(self.tr("Subproject"), self.subproject))
        layout.addWidget(self.subproject)
        layout.addSpacing(12)
        layout.addWidget(_label_for(self.tr("Municipality"), self.municipality))
        layout.addWidget(self.municipality)
        layout.addSpacing(12)
        layout.addWidget(_label_for(self.tr("Compare with"), self.comparison))
        layout.addWidget(self.comparison)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.period.currentIndexChanged.connect(self._on_period_chosen)
        self.start_edit.dateChanged.connect(self._on_date_edited)
        self.end_edit.dateChanged.connect(self._on_date_edited)
        self._date_pause.timeout.connect(self._emit_changed)
        self.subproject.currentIndexChanged.connect(self._emit_changed)
        self.municipality.currentIndexChanged.connect(self._emit_changed)
        self.comparison.activated.connect(self._on_comparison_chosen)

    def filters(self) -> Filters:
        start = pydate(self.start_edit.date())
        end = pydate(self.end_edit.date())
        return Filters(
            min(start, end),
            max(start, end),
            self.subproject.currentData(),
            self.municipality.currentData(),
            self.staffed,
            self.compare,
        )

    def set_data(self, data_range: tuple[date, date] | None, names: list[str]) -> None:
        """What the open database holds: its days with data and its municipalities."""
        self.data_range = data_range
        with self._silenced():
            chosen = self.municipality.currentData()
            while self.municipality.count() > 1:
                self.municipality.removeItem(1)
            for name in names:
                self.municipality.addItem(name, name)
            self.municipality.setCurrentIndex(max(0, self.municipality.findData(chosen)))
            if self.period.currentData() != CUSTOM:
                self._show_period(*quick_period(self.period.currentData(), data_range))

    def set_filters(self, filters: Filters, choice: str | None = None) -> None:
        """Show ``filters`` without announcing a change (restoring, snapshots); without a
        ``choice``, the quick choice that gives the same days, if any."""
        choice = choice or self._matching_choice(filters)
        with self._silenced():
            self.period.setCurrentIndex(max(0, self.period.findData(choice)))
            self._show_period(filters.start, filters.end)
            self.subproject.setCurrentIndex(max(0, self.subproject.findData(filters.subproject)))
            if filters.municipality and self.municipality.findData(filters.municipality) < 0:
                self.municipality.addItem(filters.municipality, filters.municipality)
            self.municipality.setCurrentIndex(
                max(0, self.municipality.findData(filters.municipality))
            )
        self.staffed = filters.staffed
        self._show_comparison(filters.compare)

    def _matching_choice(self, filters: Filters) -> str:
        days = (filters.start, filters.end)
        matches = [key for key in PERIODS if quick_period(key, self.data_range) == days]
        return matches[0] if matches else CUSTOM

    def choose_period(self, choice: str) -> None:
        self.period.setCurrentIndex(self.period.findData(choice))

    def save(self, settings: AppSettings) -> None:
        filters = self.filters()
        settings.set(qt_settings.FILTER_PERIOD, self.period.currentData())
        settings.set(qt_settings.FILTER_START, filters.start.isoformat())
        settings.set(qt_settings.FILTER_END, filters.end.isoformat())
        settings.set(qt_settings.FILTER_SUBPROJECT, filters.subproject or 0)
        settings.set(qt_settings.FILTER_MUNICIPALITY, filters.municipality or "")
        settings.set(qt_settings.FILTER_COMPARE, self.compare.kind)
        if self.compare.kind == "baseline":
            settings.set(qt_settings.FILTER_BASELINE_START, self.compare.start.isoformat())
            settings.set(qt_settings.FILTER_BASELINE_END, self.compare.end.isoformat())

    def restore(self, settings: AppSettings) -> None:
        """The filters of the last session, or the default period if one is set; a quick
        choice is counted anew from the data."""
        choice = settings.default_period
        if choice == qt_settings.LAST_USED_PERIOD:
            choice = settings.text(qt_settings.FILTER_PERIOD, "project")
        if choice not in PERIODS and choice != CUSTOM:
            choice = "project"
        start, end = quick_period(choice if choice != CUSTOM else "project", self.data_range)
        if choice == CUSTOM:
            start = _iso_or(settings.text(qt_settings.FILTER_START), start)
            end = _iso_or(settings.text(qt_settings.FILTER_END), end)
        subproject = int(settings.text(qt_settings.FILTER_SUBPROJECT, "0") or 0) or None
        municipality = settings.text(qt_settings.FILTER_MUNICIPALITY) or None
        compare = _remembered_comparison(settings)
        filters = Filters(start, end, subproject, municipality, self.staffed, compare)
        self.set_filters(filters, choice)

    def _on_period_chosen(self) -> None:
        choice = self.period.currentData()
        if choice == CUSTOM or self._quiet:
            return
        with self._silenced():
            self._show_period(*quick_period(choice, self.data_range))
        self._emit_changed()

    def _on_date_edited(self) -> None:
        if self._quiet:
            return
        with self._silenced():
            self.period.setCurrentIndex(self.period.findData(CUSTOM))
        self._date_pause.start()

    def choose_comparison(self, compare: Comparison) -> None:
        """Compare with ``compare`` and announce it, as if the user had chosen it."""
        self._show_comparison(compare)
        self._emit_changed()

    def _on_comparison_chosen(self, index: int) -> None:
        kind = self.comparison.itemData(index)
        compare = self._ask_baseline() if kind == "baseline" else Comparison(kind)
        if compare is None:  # the baseline dialog was cancelled: the old choice stays
            self._show_comparison(self.compare)
            return
        self.choose_comparison(compare)

    def _ask_baseline(self) -> Comparison | None:
        dialog = BaselineDialog(*self._baseline_suggestion(), self)
        if dialog.exec() != BaselineDialog.DialogCode.Accepted:
            return None
        return dialog.comparison()

    def _baseline_suggestion(self) -> tuple[date, date]:
        """The baseline chosen last, else the year before the data (the project) began."""
        if self.compare.kind == "baseline":
            return self.compare.start, self.compare.end
        first = self.data_range[0] if self.data_range else pydate(self.start_edit.date())
        return date(first.year - 1, 1, 1), date(first.year - 1, 12, 31)

    def _show_comparison(self, compare: Comparison) -> None:
        """The choice in the box; a baseline names its days there."""
        self.compare = compare
        index = self.comparison.findData("baseline")
        text = QCoreApplication.translate("FilterBar", COMPARISON_CHOICES["baseline"])
        days = ""
        if compare.kind == "baseline":
            days = f"{format_date(compare.start)}–{format_date(compare.end)}"
            text = self.tr("Baseline %1").replace("%1", _baseline_span(compare))
        self.comparison.setItemText(index, text)
        self.comparison.setToolTip(self.tr("Baseline %1").replace("%1", days) if days else "")
        self.comparison.setCurrentIndex(self.comparison.findData(compare.kind))

    def _show_period(self, start: date, end: date) -> None:
        self.start_edit.setDate(qdate(start))
        self.end_edit.setDate(qdate(end))

    def _emit_changed(self) -> None:
        if not self._quiet:
            self.changed.emit(self.filters())

    @contextmanager
    def _silenced(self) -> Iterator[None]:
        """While inside, the bar's own changes announce nothing."""
        was_quiet = self._quiet
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = was_quiet


def _label_for(text: str, control: QWidget) -> QLabel:
    """A label that names ``control`` for screen readers too."""
    label = QLabel(text)
    label.setBuddy(control)
    return label


def _baseline_span(compare: Comparison) -> str:
    """``2017`` or ``2016–2017`` for whole calendar years, else both days."""
    whole_years = (compare.start.month, compare.start.day, compare.end.month, compare.end.day)
    if whole_years == (1, 1, 12, 31):
        years = dict.fromkeys((compare.start.year, compare.end.year))
        return "–".join(map(str, years))
    return f"{format_date(compare.start)}–{format_date(compare.end)}"


def _remembered_comparison(settings: AppSettings) -> Comparison:
    """The comparison of the last session; the previous period if it cannot be read."""
    kind = settings.text(qt_settings.FILTER_COMPARE, "previous")
    try:
        if kind == "baseline":
            start = date.fromisoformat(settings.text(qt_settings.FILTER_BASELINE_START))
            end = date.fromisoformat(settings.text(qt_settings.FILTER_BASELINE_END))
            return Comparison.baseline(start, end)
        return Comparison(kind)
    except ValueError:
        return Comparison()


def _iso_or(text: str, fallback: date) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return fallback
