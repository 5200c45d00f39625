"""The time grain of a period's series: months for about a year and a half, quarters for up
to five years, years beyond. A brief for 2018–2026 then lists nine years, not 108 months.

The monthly figures of :mod:`dashboard.data.figures` are summed into the grain here, so
charts and tables of any length read the same rows.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dashboard.data.values import months_between

GRAINS = ("month", "quarter", "year")
MONTHS_IN = {"month": 1, "quarter": 3, "year": 12}
MAX_MONTHS = {"month": 18, "quarter": 60}


def grain_for(start: date, end: date) -> str:
    """Months up to 18 months, quarters up to five years, years beyond."""
    months = len(months_between(start, end))
    for grain, most in MAX_MONTHS.items():
        if months <= most:
            return grain
    return "year"


def bucket_of(day: date, grain: str) -> date:
    """The first day of the month, quarter or year ``day`` falls in."""
    if grain == "year":
        return date(day.year, 1, 1)
    if grain == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return date(day.year, day.month, 1)


def buckets(start: date, end: date, grain: str) -> list[date]:
    """The first day of every month, quarter or year the period touches, in order."""
    return list(dict.fromkeys(bucket_of(month, grain) for month in months_between(start, end)))


def regrain(rows: list, grain: str) -> list:
    """Monthly rows (any frozen row with a ``month``) keyed by their bucket instead, so that
    the functions summing rows per month sum them per bucket."""
    return [replace(row, month=bucket_of(row.month, grain)) for row in rows]


def bucket_before(bucket: date, grain: str) -> date:
    """The bucket just before ``bucket`` (a year compares with the year before)."""
    index = bucket.year * 12 + bucket.month - 1 - MONTHS_IN[grain]
    return date(index // 12, index % 12 + 1, 1)
