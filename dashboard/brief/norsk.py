"""Norwegian (bokmål) formats for the brief, without Qt: the PDF is built off the GUI thread.

Thousands are grouped with a no-break space so that a number never wraps inside a cell.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time

from dashboard.data.goal_dates import MONTH_NAMES

NBSP = "\u00a0"
MINUS = "\u2212"
EN_DASH = "\u2013"
MISSING = EN_DASH

MONTHS = MONTH_NAMES  # one spelling of the months, the goal register's
SHORT_MONTHS = (
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "mai",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "des.",
)


def _is_missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value: float | None, decimals: int = 0) -> str:
    """``12 345,6``: decimal comma, no-break space between thousands, a real minus sign."""
    if _is_missing(value):
        return MISSING
    text = f"{abs(value):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    negative = round(value, decimals) < 0
    return f"{MINUS}{text}" if negative else text


def hours(minutes: float | None) -> str:
    """Minutes shown as hours with one decimal."""
    return MISSING if _is_missing(minutes) else number(minutes / 60, 1)


def percent(share: float | None, decimals: int = 1) -> str:
    """``42,5 %`` (Norwegian puts a space before the per cent sign)."""
    return MISSING if _is_missing(share) else f"{number(share * 100, decimals)}{NBSP}%"


def signed(change: float | None, decimals: int = 0, unit: str = "") -> str:
    """A change with its sign: ``+3``, ``−1,5 t``, ``±0``."""
    if _is_missing(change):
        return MISSING
    rounded = round(change, decimals)
    text = number(abs(rounded), decimals) + (f"{NBSP}{unit}" if unit else "")
    if rounded == 0:
        return f"±{text}"
    return f"+{text}" if rounded > 0 else f"{MINUS}{text}"


def day(value: date | datetime | None) -> str:
    """``dd.mm.yyyy``."""
    return MISSING if value is None else value.strftime("%d.%m.%Y")


def moment(value: datetime | None) -> str:
    """``dd.mm.yyyy kl. HH:MM``."""
    return MISSING if value is None else f"{day(value)} kl.{NBSP}{value:%H:%M}"


def clock(value: time) -> str:
    return f"kl.{NBSP}{value:%H:%M}"


def month(value: date, short: bool = False) -> str:
    """``mars 2024`` or, short, ``mar. 24``."""
    if short:
        return f"{SHORT_MONTHS[value.month - 1]} {value:%y}"
    return f"{MONTHS[value.month - 1]} {value.year}"


def period(start: date, end: date) -> str:
    return f"{day(start)}{EN_DASH}{day(end)}"


def long_date(value: date) -> str:
    """``5. mars 2024``, as a meeting date is written in a letter."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


GRAIN_WORDS = {"month": "Måned", "quarter": "Kvartal", "year": "År"}
GRAIN_NOUNS = {"month": "måned", "quarter": "kvartal", "year": "år"}


def bucket(value: date, grain: str, short: bool = False) -> str:
    """A month (``mars 2024``), a quarter (``2. kvartal 2024``, short ``2. kv. 24``) or a year."""
    if grain == "year":
        return str(value.year)
    if grain == "quarter":
        number = (value.month - 1) // 3 + 1
        return f"{number}. kv. {value:%y}" if short else f"{number}. kvartal {value.year}"
    return month(value, short)
