"""Chart axes that label in the user's language: pyqtgraph's own ignore QLocale."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from dashboard.views.formatting import format_month, format_number, month_epoch

MONTH_SECONDS = 30.44 * 86400
YEAR_SECONDS = 12 * MONTH_SECONDS


class LocaleAxis(pg.AxisItem):
    """A value axis with the locale's decimal comma and thousands separator."""

    def tickStrings(self, values, scale, spacing):
        decimals = max(0, -math.floor(math.log10(spacing * scale))) if spacing > 0 else 0
        return [format_number(value * scale, min(decimals, 3)) for value in values]


class MonthAxis(pg.AxisItem):
    """A time axis in epoch seconds labelled with the locale's month names, or with the
    year alone when the ticks are a year or more apart (a tick is then each January)."""

    def tickStrings(self, values, scale, spacing):
        days = [datetime.fromtimestamp(value, tz=UTC).date() for value in values]
        if spacing >= YEAR_SECONDS:
            return [str(day.year) for day in days]
        return [format_month(day, short=True) for day in days]

    def tickValues(self, minVal, maxVal, size):
        """Ticks on month starts, every 1, 3 or 6 months or every 1, 2, 5, 10… years: the
        densest step whose labels, measured in the axis font, stand apart at this width."""
        if not (math.isfinite(minVal) and math.isfinite(maxVal)) or maxVal <= minVal or size <= 0:
            return []
        metrics = QFontMetrics(self.style["tickFont"] or QApplication.font())
        gap = 2 * metrics.averageCharWidth()
        pixels_per_second = size / (maxVal - minVal)
        for step in month_steps():
            ticks = month_starts(minVal, maxVal, step)
            spacing = step * MONTH_SECONDS
            spans = [
                label_span((tick - minVal) * pixels_per_second, metrics.horizontalAdvance(text))
                for tick, text in zip(ticks, self.tickStrings(ticks, 1, spacing), strict=True)
            ]
            if spans_stand_apart(spans, size, gap):
                return [(spacing, ticks)]


def month_steps() -> Iterator[int]:
    """Tick steps in months, from monthly up to ever longer runs of decades: endless, as a
    step long enough leaves one label or none, which always stands apart."""
    yield from (1, 3, 6, 12, 24, 60)
    yield from itertools.count(120, 120)


def month_starts(minVal: float, maxVal: float, step: int) -> list[float]:
    """The month starts within [minVal, maxVal] whose month count since year 0 is a
    multiple of ``step``: quarters start in January, April, July and October, every
    other year is an even year."""
    start = datetime.fromtimestamp(minVal, tz=UTC)
    index = math.ceil((start.year * 12 + start.month - 1) / step) * step
    ticks = []
    while True:
        moment = month_epoch(date(index // 12, index % 12 + 1, 1))
        if moment > maxVal:
            return ticks
        if moment >= minVal:
            ticks.append(moment)
        index += step


def label_span(centre: float, width: float) -> tuple[float, float]:
    return centre - width / 2, centre + width / 2


def spans_stand_apart(spans: list[tuple[float, float]], size: float, gap: float) -> bool:
    """Whether the labels pyqtgraph draws (those wholly on the axis) keep ``gap`` between them."""
    shown = [(left, right) for left, right in spans if left >= 0 and right <= size]
    return all(right + gap <= left for (_, right), (left, _) in itertools.pairwise(shown))
