"""Events (contract kind 7): dated events and spans of days, marked on every time series.

Imported (typed_rows.EventSpec) or entered in the window (:func:`add_event` …).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from dashboard.data import figures
from dashboard.data.privacy import holds_identity_number
from dashboard.data.references import IDENTITY_IN_TEXT


@dataclass(frozen=True)
class Event:
    id: int
    start: date
    end: date | None  # None: one day
    text: str
    imported: bool = False

    @property
    def last_day(self) -> date:
        return self.end or self.start

    @property
    def is_span(self) -> bool:
        return self.end is not None and self.end > self.start

    @property
    def when(self) -> str:
        """«01.01.2018» or «04.02.2024–10.02.2024»."""
        if not self.is_span:
            return f"{self.start:%d.%m.%Y}"
        return f"{self.start:%d.%m.%Y}–{self.last_day:%d.%m.%Y}"


def _event(row: tuple) -> Event:
    id_, start, end, text, import_id = row
    return Event(id_, start, end, text, import_id is not None)


def all_events(con: duckdb.DuckDBPyConnection) -> list[Event]:
    rows = con.execute(
        "SELECT id, start_on, end_on, text, import_id FROM events ORDER BY start_on, id"
    ).fetchall()
    return [_event(row) for row in rows]


def events_between(con: duckdb.DuckDBPyConnection, start: date, end: date) -> list[Event]:
    """The events that touch ``start``–``end`` (a span partly inside counts), by date."""
    rows = figures.query_rows(  # shared by the views of one refresh (rows_shared)
        con,
        "SELECT id, start_on, end_on, text, import_id FROM events "
        "WHERE start_on <= $end AND coalesce(end_on, start_on) >= $start "
        "ORDER BY start_on, id",
        {"start": start, "end": end},
    )
    return [_event(row) for row in rows]


@dataclass(frozen=True)
class EventInput:
    start: date
    end: date | None
    text: str

    def problems(self) -> list[str]:
        problems = []
        if not self.text.strip():
            problems.append("mangler tekst (hva som skjedde)")
        if self.end is not None and self.end < self.start:
            problems.append("slutt er før start")
        if holds_identity_number(self.text):
            problems.append(IDENTITY_IN_TEXT)
        return problems

    def parameters(self) -> list:
        end = self.end if self.end != self.start else None
        return [self.start, end, self.text.strip()]


def _refuse_problems(entry: EventInput) -> None:
    if entry.problems():
        raise ValueError("; ".join(entry.problems()))


def add_event(con: duckdb.DuckDBPyConnection, entry: EventInput) -> int:
    _refuse_problems(entry)
    return con.execute(
        "INSERT INTO events (start_on, end_on, text, import_id) VALUES (?, ?, ?, NULL) "
        "RETURNING id",
        entry.parameters(),
    ).fetchone()[0]


def update_event(con: duckdb.DuckDBPyConnection, id_: int, entry: EventInput) -> None:
    _refuse_problems(entry)
    con.execute(
        "UPDATE events SET start_on = ?, end_on = ?, text = ? WHERE id = ?",
        [*entry.parameters(), id_],
    )


def delete_event(con: duckdb.DuckDBPyConnection, id_: int) -> None:
    con.execute("DELETE FROM events WHERE id = ?", [id_])
