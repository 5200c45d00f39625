"""Chart axes that label in the user's language: pyqtgraph's own ignore QLocale."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime

import pyqtgraph as pg

from dashboard.views.formatting import format_month, format_number, month_epoch


class LocaleAxis(pg.AxisItem):
    """A value axis with the locale's decimal comma and thousands separator."""

    def tickStrings(self, values, scale, spacing):
        decimals = max(0, -math.floor(math.log10(spacing * scale))) if spacing > 0 else 0
        return [format_number(value * scale, min(decimals, 3)) for value in values]


class MonthAxis(pg.AxisItem):
    """A time axis in epoch seconds labelled with the locale's month names."""

    def tickStrings(self, values, scale, spacing):
        labels = []
        for value in values:
            moment = datetime.fromtimestamp(value, tz=UTC)
            labels.append(format_month(moment.date(), short=True))
        return labels

    def tickValues(self, minVal, maxVal, size):
        """Ticks on month starts, every 1, 3, 6 or 12 months as space allows."""
        if maxVal <= minVal:
            return []
        start = datetime.fromtimestamp(minVal, tz=UTC)
        end = datetime.fromtimestamp(maxVal, tz=UTC)
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        fit = max(1, int(size // 70))
        step = next((s for s in (1, 3, 6, 12, 24, 60) if months / s <= fit), 120)
        ticks = []
        year, month = start.year, start.month
        while (year, month) <= (end.year, end.month):
            if (month - 1) % step == 0 or (step < 12 and (year * 12 + month - 1) % step == 0):
                moment = month_epoch(date(year, month, 1))
                if minVal <= moment <= maxVal:
                    ticks.append(moment)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return [(step * 30 * 86400, ticks)]
