"""Numbers and dates in the user's language (bokmål unless set to English).

No chart library here: the window's start-up needs these, and pyqtgraph only once a chart
is shown (the axes are in :mod:`dashboard.views.axes`).
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime

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
