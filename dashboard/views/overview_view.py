"""Oversikt: the headline figures of the period as cards, each against the comparison the
filter bar chose.

Every card shows the figure, its change against the comparison period (``Filters.comparison()``:
by default the previous period, as many whole months before when the period is whole months,
else as many days; or the same dates last year, or a baseline; none hides the change) and a
small monthly trend line over at least the last twelve months, so a steering-group member sees
both the level and the direction at a glance. A card whose source ends before the period
says so.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from dashboard.data.coverage import ShortSource, period_shortfalls
from dashboard.data.events import Event, events_between
from dashboard.data.figures import Overview, Trend, overview
from dashboard.data.references import ReferenceValue, references_of
from dashboard.data.values import Filters
from dashboard.views.base import Fetch, View
from dashboard.views.coverage_text import short_text
from dashboard.views.formatting import (
    format_clock,
    format_date,
    format_month,
    format_number,
    format_percent,
)
from dashboard.views.reference_text import reference_legend_text

TREND_MONTHS = 12
TREND_COLOUR = "#0072B2"
PERIOD_SHADE = QColor(0, 114, 178, 30)
SPARKLINE_HEIGHT = 54
SPARKLINE_MARGIN = 4
CARD_COLUMNS = 4
REFERENCE_COLOUR = "#444444"  # as the first reference line on the charts
EVENT_SHADE = QColor(122, 75, 148, 60)  # the charts' event colour, light


@dataclass(frozen=True)
class CardSpec:
    key: str
    title: str
    kind: str  # count | hours | share
    ignores: str | None = None  # which filters the figure cannot honour


CARDS = (
    # The gains come first: what the car saves is the figure the steering group lacked.
    CardSpec(
        "avoided_admissions", QT_TRANSLATE_NOOP("OverviewView", "Admissions avoided"), "count"
    ),
    CardSpec("tasks", QT_TRANSLATE_NOOP("OverviewView", "Tasks done"), "count"),
    CardSpec("task_hours", QT_TRANSLATE_NOOP("OverviewView", "Hours on tasks"), "hours"),
    CardSpec(
        "municipal_hours",
        QT_TRANSLATE_NOOP("OverviewView", "Hours for municipal services"),
        "hours",
    ),
    CardSpec("callouts", QT_TRANSLATE_NOOP("OverviewView", "Call-outs"), "count", "subproject"),
    CardSpec("acute", QT_TRANSLATE_NOOP("OverviewView", "Acute call-outs"), "count", "subproject"),
    CardSpec(
        "doctor_share",
        QT_TRANSLATE_NOOP("OverviewView", "Acute call-outs with a doctor"),
        "share",
        "subproject",
    ),
    CardSpec("late_trips", QT_TRANSLATE_NOOP("OverviewView", "Car trips after %1"), "count", "all"),
    CardSpec("late_hours", QT_TRANSLATE_NOOP("OverviewView", "Car hours after %1"), "hours", "all"),
)


CARD_SOURCES = {
    "avoided_admissions": "activity",
    "tasks": "activity",
    "task_hours": "activity",
    "municipal_hours": "activity",
    "callouts": "callouts",
    "acute": "callouts",
    "doctor_share": "callouts",
    "late_trips": "carlog",
    "late_hours": "carlog",
}
WARNING_STYLE = "color: #9a3412;"
# What a card says of its change, per comparison: against %2 (the earlier value) by %1.
CHANGE_TEXTS = {
    "previous": (
        QT_TRANSLATE_NOOP("MetricCard", "%1 from %2 in the previous period"),
        QT_TRANSLATE_NOOP("MetricCard", "Unchanged from %1 in the previous period"),
        QT_TRANSLATE_NOOP("MetricCard", "Previous period: %1"),
        QT_TRANSLATE_NOOP("MetricCard", "No data for the previous period"),
    ),
    "last-year": (
        QT_TRANSLATE_NOOP("MetricCard", "%1 from %2 in the same period last year"),
        QT_TRANSLATE_NOOP("MetricCard", "Unchanged from %1 in the same period last year"),
        QT_TRANSLATE_NOOP("MetricCard", "Same period last year: %1"),
        QT_TRANSLATE_NOOP("MetricCard", "No data for the same period last year"),
    ),
    "baseline": (
        QT_TRANSLATE_NOOP("MetricCard", "%1 from %2 in the baseline"),
        QT_TRANSLATE_NOOP("MetricCard", "Unchanged from %1 in the baseline"),
        QT_TRANSLATE_NOOP("MetricCard", "Baseline: %1"),
        QT_TRANSLATE_NOOP("MetricCard", "No data for the baseline"),
    ),
}
COMPARED_TEXTS = {
    "previous": QT_TRANSLATE_NOOP("OverviewView", "%1, compared with the previous period, %2."),
    "last-year": QT_TRANSLATE_NOOP(
        "OverviewView", "%1, compared with the same period last year, %2."
    ),
    "baseline": QT_TRANSLATE_NOOP("OverviewView", "%1, compared with the baseline, %2."),
    "none": QT_TRANSLATE_NOOP("OverviewView", "%1, without comparison."),
}


def _change_text(kind: str, which: int) -> str:
    """The ``which``-th text of ``CHANGE_TEXTS`` for the comparison ``kind``, translated."""
    return QCoreApplication.translate("MetricCard", CHANGE_TEXTS[kind][which])


def format_value(value: float | None, kind: str) -> str:
    if kind == "share":
        return format_percent(value)
    return format_number(value, 1 if kind == "hours" else 0)


class MetricCard(QFrame):
    """A headline figure, its change against the previous period, and a trend line."""

    def __init__(self, spec: CardSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.setObjectName("metricCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.value_label = QLabel("–")
        self.value_label.setFont(_scaled_font(self.value_label.font(), 2.2, bold=True))
        self.change_label = QLabel()
        self.change_label.setWordWrap(True)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #666666;")
        self.short_label = QLabel()
        self.short_label.setWordWrap(True)
        self.short_label.setStyleSheet(WARNING_STYLE)
        self.short_label.hide()
        self.trend = Sparkline(self)
        self.reference_label = QLabel()
        self.reference_label.setWordWrap(True)
        self.reference_label.setStyleSheet("color: #444444;")
        self.reference_label.hide()
        self._lay_out()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.change_label)
        layout.addWidget(self.short_label)
        layout.addWidget(self.trend)
        layout.addWidget(self.reference_label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)

    def show_figure(
        self, title: str, figure: Trend, data: Overview, note: str, short: str = ""
    ) -> None:
        """``short``: the card's source ends before the period (says so under the change)."""
        self.title_label.setText(title)
        self.value_label.setText(format_value(figure.value, self.spec.kind))
        self.setAccessibleName(f"{title}: {self.value_label.text()}")
        kind = data.filters.compare.kind
        compared = data.previous is not None
        if compared:
            self.change_label.setText(
                self._change_text(figure, kind) if data.previous_has_data else _change_text(kind, 3)
            )
        self.change_label.setVisible(compared)
        self.short_label.setText(f"⚠ {short}" if short else "")
        self.short_label.setVisible(bool(short))
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
        self._show_trend(figure, data.filters)
        self.setToolTip(self._tooltip(title, figure, data))

    def show_events(self, events: list[Event], months: list[date]) -> None:
        """The events of the trend line's months as light bands on it, named on hover."""
        spans = [span for event in events if (span := _month_span(event, months))]
        self.trend.set_event_spans(spans)
        shown = [event for event in events if _month_span(event, months)]
        if shown:
            lines = [f"{event.when}: {event.text}" for event in shown]
            heading = self.tr("Events (shaded on the trend line):")
            self.setToolTip(f"{self.toolTip()}<br><br>{heading}<br>" + "<br>".join(lines))

    def show_references(self, references: list[ReferenceValue]) -> None:
        """Reference values of the card's figure, each naming group, period and source; a
        share's also as a dashed level on the trend line (a count or hours of another
        period's length has no level on a monthly line)."""
        self.reference_label.setText("\n".join(map(reference_legend_text, references)))
        self.reference_label.setVisible(bool(references))
        shares = [ref.value for ref in references if ref.unit == "share"]
        self.trend.set_reference_levels(shares)

    def _change_text(self, figure: Trend, kind: str) -> str:
        before = format_value(figure.previous, self.spec.kind)
        if figure.value is None or figure.previous is None:
            return _change_text(kind, 2).replace("%1", before)
        difference = figure.value - figure.previous
        if self.spec.kind == "share":
            amount = self.tr("%1 percentage points").replace(
                "%1", format_number(abs(difference) * 100, 1)
            )
            shown_as_zero = round(abs(difference) * 100, 1) == 0
        elif figure.previous == 0:
            return _change_text(kind, 2).replace("%1", before)
        else:
            change = abs(difference) / figure.previous
            # Small changes keep a decimal, so that 0.2 % does not read as "0 %".
            decimals = 1 if change < 0.1 else 0
            amount = format_percent(change, decimals)
            shown_as_zero = round(change * 100, decimals) == 0
        if shown_as_zero:
            return _change_text(kind, 1).replace("%1", before)
        arrow = "▲" if difference > 0 else "▼"
        text = _change_text(kind, 0)
        return f"{arrow} " + text.replace("%1", amount).replace("%2", before)

    def _show_trend(self, figure: Trend, filters: Filters) -> None:
        first = next((i for i, month in enumerate(figure.months) if month >= filters.start), 0)
        if filters.start.day != 1 and first > 0:
            first -= 1
        last = figure.months[-1] if figure.months else filters.end
        self.trend.set_values(figure.values, first, ends_mid_month=_ends_mid_month(last, filters))

    def _tooltip(self, title: str, figure: Trend, data: Overview) -> str:
        kind = self.spec.kind
        lines = [
            f"<b>{title}</b>",
            f"{_period_text(data.filters)}: {format_value(figure.value, kind)}",
        ]
        if data.previous is not None:
            lines.append(f"{_period_text(data.previous)}: {format_value(figure.previous, kind)}")
        if figure.months:
            first, last = figure.months[0], figure.months[-1]
            trend = self.tr("Trend line: %1 to %2, per month")
            lines.append(trend.replace("%1", format_month(first)).replace("%2", format_month(last)))
        if self.trend.ends_mid_month():
            lines.append(self.tr("The last month is not over yet (dotted line)."))
        return "<br>".join(lines)


def _month_span(event: Event, months: list[date]) -> tuple[float, float] | None:
    """Where an event lies on a line of one step per month, in steps; None outside it."""
    if not months:
        return None

    def steps(day: date) -> float:
        first = day.replace(day=1)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        whole = (first.year - months[0].year) * 12 + first.month - months[0].month
        return whole + (day - first).days / (following - first).days

    start, end = steps(event.start), steps(event.last_day + timedelta(days=1))
    if end <= 0 or start >= len(months):
        return None
    return max(start, 0.0), min(end, float(len(months)))


def comparison_text(filters: Filters, previous: Filters | None) -> str:
    """``01.01.2025–31.12.2025, compared with the previous period, 01.01.2024–31.12.2024.``
    in the words of the comparison chosen; ``previous`` None: without comparison."""
    kind = filters.compare.kind if previous is not None else "none"
    text = QCoreApplication.translate("OverviewView", COMPARED_TEXTS[kind])
    text = text.replace("%1", _period_text(filters))
    return text.replace("%2", _period_text(previous)) if previous is not None else text


def _ends_mid_month(month: date, filters: Filters) -> bool:
    next_month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return filters.end < next_month - timedelta(days=1)


def _period_text(filters: Filters) -> str:
    return f"{format_date(filters.start)}–{format_date(filters.end)}"


def _scaled_font(font: QFont, factor: float, bold: bool = False) -> QFont:
    scaled = QFont(font)
    scaled.setPointSizeF(font.pointSizeF() * factor)
    scaled.setBold(bold)
    return scaled


class Sparkline(QWidget):
    """A small line of monthly values; the months of the chosen period are shaded."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFixedHeight(SPARKLINE_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._values: list[float | None] = []
        self._period_from = 0
        self._ends_mid_month = False
        self._reference_levels: list[float] = []
        self._event_spans: list[tuple[float, float]] = []

    def set_values(
        self, values: list[float | None], period_from: int, ends_mid_month: bool = False
    ) -> None:
        """``ends_mid_month``: the last month is cut short, so its step is drawn dashed
        rather than read as a fall."""
        self._values = list(values)
        self._period_from = period_from
        self._ends_mid_month = ends_mid_month
        self.update()

    def ends_mid_month(self) -> bool:
        return self._ends_mid_month

    def set_event_spans(self, spans: list[tuple[float, float]]) -> None:
        """Events as (from, to) in month steps along the line."""
        self._event_spans = list(spans)
        self.update()

    def event_spans(self) -> list[tuple[float, float]]:
        return list(self._event_spans)

    def _draw_event_spans(self, painter: QPainter, step: float) -> None:
        for start, end in self._event_spans:
            width = max((end - start) * step, 2.0)
            painter.fillRect(QRectF(start * step, 0, width, self.height()), EVENT_SHADE)

    def set_reference_levels(self, levels: list[float]) -> None:
        self._reference_levels = list(levels)
        self.update()

    def reference_levels(self) -> list[float]:
        return list(self._reference_levels)

    def _top(self) -> float:
        known = [value for value in self._values if value is not None]
        return max([*known, *self._reference_levels, 0.0]) or 1.0

    def _draw_reference_levels(self, painter: QPainter) -> None:
        painter.setPen(QPen(QColor(REFERENCE_COLOUR), 1.5, Qt.PenStyle.DashLine))
        height = self.height() - 2 * SPARKLINE_MARGIN
        for level in self._reference_levels:
            y = SPARKLINE_MARGIN + height * (1 - level / self._top())
            painter.drawLine(QPointF(0, y), QPointF(self.width(), y))

    def values(self) -> list[float | None]:
        return list(self._values)

    def period_from(self) -> int:
        return self._period_from

    def paintEvent(self, event) -> None:
        if not self._values:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        step = self.width() / len(self._values)
        painter.fillRect(
            QRectF(self._period_from * step, 0, self.width(), self.height()), PERIOD_SHADE
        )
        self._draw_event_spans(painter, step)
        self._draw_reference_levels(painter)
        segments = self._segments(step)
        if self._ends_mid_month and segments and segments[-1].size() > 2:
            last = segments[-1]
            segments[-1] = QPolygonF(list(last)[:-1])
            painter.setPen(QPen(QColor(TREND_COLOUR), 2, Qt.PenStyle.DotLine))
            painter.drawPolyline(QPolygonF(list(last)[-2:]))
        painter.setPen(QPen(QColor(TREND_COLOUR), 2))
        for segment in segments:
            painter.drawPolyline(segment)
        painter.end()

    def _segments(self, step: float) -> list[QPolygonF]:
        """One polyline per unbroken run of values; a missing month breaks the line."""
        top = self._top()
        height = self.height() - 2 * SPARKLINE_MARGIN
        segments, current = [], QPolygonF()
        for index, value in enumerate(self._values):
            if value is None:
                segments.append(current)
                current = QPolygonF()
                continue
            y = SPARKLINE_MARGIN + height * (1 - value / top)
            current.append(QPointF((index + 0.5) * step, y))
        segments.append(current)
        return [segment for segment in segments if segment.size() > 1]


# The cards whose figure is an indicator reference values may name.
CARD_INDICATORS = {
    "avoided_admissions": "avoided_admissions",
    "tasks": "activities_count",
    "task_hours": "activities_minutes",
    "acute": "acute_callouts",
    "doctor_share": "acute_doctor_share",
    "late_trips": "car_after_22_trips",
    "late_hours": "car_after_22_minutes",
}


@dataclass(frozen=True)
class CardFigures:
    overview: Overview
    references: dict[str, list[ReferenceValue]]
    events: list[Event]
    shorts: dict[str, ShortSource]  # the sources the period runs past


def card_figures(con, filters: Filters, owners: dict[str, str]) -> CardFigures:
    """The cards' figures, the reference values of each, and the events of their trend
    lines (which reach back before the period)."""
    figures = overview(con, filters=filters, owners=owners)
    months = next((trend.months for trend in figures.trends.values() if trend.months), [])
    start = min(months[0], filters.start) if months else filters.start
    return CardFigures(
        figures,
        card_references(con, filters),
        events_between(con, start, filters.end),
        period_shortfalls(con, filters),
    )


def card_references(con, filters: Filters) -> dict[str, list[ReferenceValue]]:
    """Per card, the reference values of its figure nearest the period, one per group."""
    return {card: references_of(con, key, filters) for card, key in CARD_INDICATORS.items()}


class OverviewView(View):
    """The headline figures of the chosen period."""

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.heading = QLabel()
        self.heading.setFont(_scaled_font(self.heading.font(), 1.5, bold=True))
        self.period_label = QLabel()
        self.period_label.setWordWrap(True)
        self.shorts: dict[str, ShortSource] = {}
        self.cards = {spec.key: MetricCard(spec, self) for spec in CARDS}
        self.data: Overview | None = None
        self._lay_out()

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, card in enumerate(self.cards.values()):
            grid.addWidget(card, index // CARD_COLUMNS, index % CARD_COLUMNS)
        for column in range(CARD_COLUMNS):
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.period_label)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("Overview")

    def fetcher(self, filters: Filters) -> Fetch:
        owners = self.prefs.cost_model.owner_by_service  # read here, on the GUI thread
        return partial(card_figures, filters=filters, owners=owners)

    def present(self, fetched: CardFigures) -> None:
        data, self.shorts = fetched.overview, fetched.shorts
        for key, card in self.cards.items():
            card.show_references(fetched.references.get(key, []))
        self.data = data
        self.heading.setText(self.title())
        self.period_label.setText(self._period_text(data))
        end_of_day = data.filters.staffed.on(data.filters.end).end
        clock = format_clock(end_of_day.hour, end_of_day.minute)
        for key, card in self.cards.items():
            title = QCoreApplication.translate("OverviewView", card.spec.title).replace("%1", clock)
            short = self.shorts.get(CARD_SOURCES[key])
            note = self._note(card.spec, data.filters) or self._coverage_note(card.spec, data)
            flag = short_text(short) if short else ""
            card.show_figure(title, data.trends[key], data, note, flag)
            card.show_events(fetched.events, data.trends[key].months)

    def _period_text(self, data: Overview) -> str:
        return comparison_text(data.filters, data.previous)

    def _note(self, spec: CardSpec, filters: Filters) -> str:
        """Say so when a figure cannot be narrowed the way the filters ask."""
        if spec.ignores == "all" and (filters.subproject or filters.municipality):
            return self.tr("The car log has no subproject or municipality: all trips.")
        if spec.ignores == "subproject" and filters.subproject:
            return self.tr("Call-outs have no subproject: all subprojects.")
        return ""

    def _coverage_note(self, spec: CardSpec, data: Overview) -> str:
        """An outcome counts only where one was recorded: say for how many tasks it was."""
        if spec.key != "avoided_admissions":
            return ""
        coverage = data.trends["outcome_coverage"].value
        if coverage is None:
            return self.tr("No tasks in the period.")
        return self.tr("Outcome recorded for %1 of the tasks.").replace(
            "%1", format_percent(coverage, 0)
        )


if __name__ == "__main__":
    from dashboard.views.app import run_view

    sys.exit(run_view(OverviewView))
