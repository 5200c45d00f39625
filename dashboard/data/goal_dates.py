"""Assessment dates at the precision they were written: a day, a month or a year.

A goal table writes "31.05.2021", "05.2021", "2021-05", "mai 2021" or "2021". The date is
stored as its first day together with its precision, and shown and exported at that
precision again, so "mai 2021" never turns into "01.05.2021". The SQL of the import reads
the same forms (typed_rows.GoalSpec); this module reads the user's ``--assessed`` and the
date in a status header, and writes every such date back as text.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dashboard.data.kinds import MONTH_WORDS
from dashboard.data.parsing import DATE_FORMATS, FIRST_YEAR, LAST_YEAR, MONTH_FORMATS

DAY, MONTH, YEAR = "day", "month", "year"
MONTH_NAMES = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)
ASSESSED_HINT = "forventet f.eks. 31.05.2021, 05.2021, 2021-05, «mai 2021» eller 2021"


def parse_assessed(text: str) -> tuple[date, str] | None:
    """The first day and the precision of an assessment date as written, or None."""
    text = re.sub(r"^per\s+", "", text.strip(), flags=re.IGNORECASE)
    for read in (_as_day, _as_month, _as_month_word, _as_year):
        found = read(text)
        if found and FIRST_YEAR <= found[0].year <= LAST_YEAR:
            return found
    return None


def _as_day(text: str) -> tuple[date, str] | None:
    return _strptime(text, DATE_FORMATS, DAY)


def _as_month(text: str) -> tuple[date, str] | None:
    return _strptime(text, MONTH_FORMATS, MONTH)


def _strptime(text: str, formats: list[str], precision: str) -> tuple[date, str] | None:
    for form in formats:
        try:
            return datetime.strptime(text, form).date(), precision
        except ValueError:
            continue
    return None


def _as_month_word(text: str) -> tuple[date, str] | None:
    match = re.fullmatch(r"([a-zæøå]+)\.?\s+([0-9]{4})", text.casefold())
    if not match or match.group(1) not in MONTH_WORDS:
        return None
    return date(int(match.group(2)), MONTH_WORDS[match.group(1)], 1), MONTH


def _as_year(text: str) -> tuple[date, str] | None:
    return (date(int(text), 1, 1), YEAR) if re.fullmatch(r"[0-9]{4}", text) else None


def format_assessed(day: date | None, precision: str | None) -> str:
    """``day`` at its precision: "31.05.2021", "mai 2021" or "2021"; "" for no date."""
    if day is None:
        return ""
    if precision == MONTH:
        return f"{MONTH_NAMES[day.month - 1]} {day.year}"
    if precision == YEAR:
        return str(day.year)
    return day.strftime("%d.%m.%Y")
