"""Reference values (contract kind 6): figures from elsewhere to compare the period with.

Each names one of the dashboard's indicators (vocabulary.INDICATORS), a group such as
«Sammenlignbare kommuner i Trøndelag» or «Før prosjektet (2017)», an optional period, the
value and its source. They are imported (typed_rows.ReferenceSpec) or entered in the window
(:func:`add_reference`, :func:`update_reference`, :func:`delete_reference`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import duckdb

from dashboard.data import figures
from dashboard.data.privacy import holds_identity_number
from dashboard.data.values import Filters
from dashboard.data.vocabulary import INDICATOR_UNITS, INDICATORS

# Entered text is printed in the brief: it may hold no identity number (never repeated).
IDENTITY_IN_TEXT = "teksten inneholder et fødselsnummer eller D-nummer; fjern det"
COLUMNS = "id, indicator, group_name, period_from, period_to, value, source, import_id"


@dataclass(frozen=True)
class ReferenceValue:
    id: int
    indicator: str
    group: str
    period_from: date | None
    period_to: date | None
    value: float  # a share as a fraction 0–1
    source: str
    imported: bool = False

    @property
    def label(self) -> str:
        return INDICATORS[self.indicator]

    @property
    def unit(self) -> str:
        return INDICATOR_UNITS[self.indicator]

    @property
    def period_text(self) -> str:
        return period_text(self.period_from, self.period_to)

    def distance(self, start: date, end: date) -> tuple[int, int, int]:
        """How far the value's period lies from ``start``–``end``, to rank it: days apart
        (0 when they overlap or it has no period), then more overlap first, later first."""
        if self.period_from is None or self.period_to is None:
            return (0, 0, 0)
        overlap = (min(end, self.period_to) - max(start, self.period_from)).days + 1
        if overlap > 0:
            return (0, -overlap, -self.period_to.toordinal())
        if self.period_to < start:
            gap = (start - self.period_to).days
        else:
            gap = (self.period_from - end).days
        return (gap, 0, -self.period_to.toordinal())


def period_text(start: date | None, end: date | None) -> str:
    """«2019», «2018–2022», «01.03.2019–31.08.2019» or «uten periode»."""
    if start is None or end is None:
        return "uten periode"
    whole_years = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if whole_years:
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if start == end:
        return f"{start:%d.%m.%Y}"
    return f"{start:%d.%m.%Y}–{end:%d.%m.%Y}"


def _reference(row: tuple) -> ReferenceValue:
    id_, indicator, group, start, end, value, source, import_id = row
    return ReferenceValue(id_, indicator, group, start, end, value, source, import_id is not None)


def reference_values(con: duckdb.DuckDBPyConnection) -> list[ReferenceValue]:
    """Every reference value, by indicator (in the vocabulary's order), group and period."""
    # Through the figures' runner: a refresh of every view reads them once (rows_shared).
    rows = figures.query_rows(
        con,
        f"SELECT {COLUMNS} FROM reference_values ORDER BY group_name, period_from NULLS FIRST, id",
        {},
    )
    order = list(INDICATORS)
    return sorted(map(_reference, rows), key=lambda ref: order.index(ref.indicator))


def references_of(
    con: duckdb.DuckDBPyConnection, indicator: str, filters: Filters
) -> list[ReferenceValue]:
    """One value per group for ``indicator``: the one nearest the period of ``filters``."""
    nearest: dict[str, ReferenceValue] = {}
    for ref in reference_values(con):
        if ref.indicator != indicator:
            continue
        known = nearest.get(ref.group)
        rank = ref.distance(filters.start, filters.end)
        if known is None or rank < known.distance(filters.start, filters.end):
            nearest[ref.group] = ref
    # In the order they were stored: the order of the user's own file.
    return sorted(nearest.values(), key=lambda ref: ref.id)


@dataclass(frozen=True)
class ReferenceTable:
    """The reference values beside the period's figures: per indicator, one per group."""

    groups: list[str]
    by_indicator: dict[str, dict[str, ReferenceValue]]

    def value(self, indicator: str | None, group: str) -> ReferenceValue | None:
        return self.by_indicator.get(indicator, {}).get(group)


def reference_table(con: duckdb.DuckDBPyConnection, filters: Filters) -> ReferenceTable:
    by_indicator = {
        indicator: {ref.group: ref for ref in references_of(con, indicator, filters)}
        for indicator in INDICATORS
    }
    by_indicator = {key: refs for key, refs in by_indicator.items() if refs}
    chosen = [ref for refs in by_indicator.values() for ref in refs.values()]
    # Groups in the order they were first stored: the order of the user's own file.
    groups = list(dict.fromkeys(ref.group for ref in sorted(chosen, key=lambda r: r.id)))
    return ReferenceTable(groups, by_indicator)


# The period's own value of each indicator, from its metrics (data/metrics.PeriodMetrics).
AVOIDED_ADMISSION = "innleggelse unngått"
INDICATOR_VALUES: dict[str, Callable[[object], float | None]] = {
    "activities_count": lambda m: m.activities.count,
    "activities_minutes": lambda m: m.activities.minutes,
    "activities_km": lambda m: m.activities.km,
    "acute_callouts": lambda m: m.callouts.acute,
    "acute_doctor_share": lambda m: m.callouts.acute_doctor_share,
    "car_after_22_trips": lambda m: m.car.after_hours.trips,
    "car_after_22_minutes": lambda m: m.car.after_hours.minutes,
    "car_outside_staffed_trips": lambda m: m.car.outside_staffed.trips,
    "car_outside_staffed_minutes": lambda m: m.car.outside_staffed.minutes,
    "utilisation_share": lambda m: m.utilisation.share,
    "preventive_visits_per_week": lambda m: m.preventive_visits.per_week,
    "avoided_admissions": lambda m: sum(
        row.count for row in m.outcomes if (row.outcome or "").casefold() == AVOIDED_ADMISSION
    ),
}


@dataclass(frozen=True)
class ReferenceInput:
    """A reference value as entered in the window (``value``: a share as a fraction)."""

    indicator: str
    group: str
    period_from: date | None
    period_to: date | None
    value: float
    source: str

    def problems(self) -> list[str]:
        """What makes it impossible to store, in Norwegian; empty when it can be stored."""
        problems = []
        if self.indicator not in INDICATORS:
            problems.append(f"ukjent indikator «{self.indicator}»")
        if not self.group.strip():
            problems.append("mangler sammenligningsgruppe")
        if not self.source.strip():
            problems.append("mangler kilde")
        if any(holds_identity_number(text) for text in (self.group, self.source)):
            problems.append(IDENTITY_IN_TEXT)
        if (self.period_from is None) != (self.period_to is None):
            problems.append("perioden trenger både fra og til, eller ingen av dem")
        elif self.period_from and self.period_to and self.period_to < self.period_from:
            problems.append("perioden slutter før den begynner")
        if INDICATOR_UNITS.get(self.indicator) == "share" and not 0 <= self.value <= 1:
            problems.append("en andel må være mellom 0 og 100 %")
        elif self.value < 0:
            problems.append("verdien kan ikke være negativ")
        return problems

    def parameters(self) -> list:
        return [
            self.indicator,
            self.group.strip(),
            self.period_from,
            self.period_to,
            self.value,
            self.source.strip(),
        ]


def _refuse_problems(entry: ReferenceInput) -> None:
    problems = entry.problems()
    if problems:
        raise ValueError("; ".join(problems))


def add_reference(con: duckdb.DuckDBPyConnection, entry: ReferenceInput) -> int:
    """Store a reference value entered by hand; returns its id."""
    _refuse_problems(entry)
    return con.execute(
        "INSERT INTO reference_values (indicator, group_name, period_from, period_to, value, "
        "source, import_id) VALUES (?, ?, ?, ?, ?, ?, NULL) RETURNING id",
        entry.parameters(),
    ).fetchone()[0]


def update_reference(con: duckdb.DuckDBPyConnection, id_: int, entry: ReferenceInput) -> None:
    _refuse_problems(entry)
    con.execute(
        "UPDATE reference_values SET indicator = ?, group_name = ?, period_from = ?, "
        "period_to = ?, value = ?, source = ? WHERE id = ?",
        [*entry.parameters(), id_],
    )


def delete_reference(con: duckdb.DuckDBPyConnection, id_: int) -> None:
    con.execute("DELETE FROM reference_values WHERE id = ?", [id_])
