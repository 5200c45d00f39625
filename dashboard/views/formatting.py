"""Numbers, dates and chart axes in the user's language (bokmål unless set to English)."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime

import pyqtgraph as pg
from PySide6.QtCore import QDate, QLocale

LANGUAGES = {
    "nb": QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
_current = {"language": "nb"}


def set_language(code: str) -> None:
    _current["language"] = code if code in LANGUAGES else "nb"


def language() -> str:
    return _current["language"]


def locale() -> QLocale:
    return LANGUAGES[_current["language"]]


def format_number(value: float | None, decimals: int = 0) -> str:
    """``1 234,5`` in bokmål; a dash for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return locale().toString(float(value), "f", decimals)


def format_percent(share: float | None, decimals: int = 1) -> str:
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    return f"{format_number(share * 100, decimals)} %"


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def format_date(day: date | None) -> str:
    """``dd.MM.yyyy`` in bokmål, the UK form in English."""
    if day is None:
        return "–"
    pattern = "dd.MM.yyyy" if language() == "nb" else "dd/MM/yyyy"
    return locale().toString(qdate(day), pattern)


def format_month(day: date, short: bool = False) -> str:
    """``mars 2024`` (or ``mar. 2024`` short)."""
    pattern = "MMM yyyy" if short else "MMMM yyyy"
    return locale().toString(qdate(day), pattern)


def format_clock(hour: int, minute: int = 0) -> str:
    return f"kl. {hour:02d}:{minute:02d}" if language() == "nb" else f"{hour:02d}:{minute:02d}"


def format_moment(moment: datetime | None) -> str:
    """A date and a time of day: ``22.11.2026 kl. 07:30`` in bokmål."""
    if moment is None:
        return "–"
    return f"{format_date(moment.date())} {format_clock(moment.hour, moment.minute)}"


def month_epoch(day: date) -> float:
    """Seconds since 1970 at the month's start, for pyqtgraph's date axes."""
    return datetime(day.year, day.month, 1, tzinfo=UTC).timestamp()


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
