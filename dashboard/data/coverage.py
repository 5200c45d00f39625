"""Which sources a period runs past: the last day with data of each export kind, and the
kinds whose last day comes before the period ends, so that figures from them are flagged
("utrykninger bare til og med 30.09.2024") instead of read as a fall.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from dashboard.data.figures import Freshness, freshness
from dashboard.data.values import Filters

#: The sources whose rows make the period's figures, in the order they are named.
SOURCES = ("activity", "callouts", "carlog")
SOURCE_NAMES = {"activity": "aktivitet", "callouts": "utrykninger", "carlog": "kjørebok"}


@dataclass(frozen=True)
class ShortSource:
    """A source whose data ends before the period does (``last_day`` None: it has none)."""

    kind: str
    last_day: date | None


def last_days(days: Freshness) -> dict[str, date | None]:
    """The last day with data of each source, in :data:`SOURCES` order."""
    return {kind: getattr(days, kind) for kind in SOURCES}


def short_sources(days: Freshness, filters: Filters) -> dict[str, ShortSource]:
    """The sources the period runs past: no data on its last day or after."""
    return {
        kind: ShortSource(kind, last)
        for kind, last in last_days(days).items()
        if last is None or last < filters.end
    }


def period_shortfalls(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, ShortSource]:
    """:func:`short_sources` for the store behind ``con``."""
    return short_sources(freshness(con, filters.staffed), filters)
