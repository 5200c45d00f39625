"""Gevinster: what the car's tasks led to (Utfall) and how far the car drove for them.

The evaluation found that nobody could show how many admissions the car saves; every task's
outcome and kilometres are in the activity log. These figures count them per outcome, per
subproject, per requesting service and per month, say how many tasks have an outcome
recorded at all (the coverage), and sum the kilometres per subproject, owner and
municipality. The outcomes are also counted in the comparison period the filters choose
(none when they choose none). Every sum comes from the daily rollups.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from dashboard.data import figures
from dashboard.data.figures import OUTCOME, OutcomeRow, outcome_params
from dashboard.data.values import Filters
from dashboard.data.vocabulary import AVOIDED_ADMISSION, OWNERS, default_owner_by_service

# The outcomes of the period, of each month and of each subproject come from one query
# keyed by both (figures.outcomes_by_month_and_subproject), as the kilometres per subproject
# and per municipality do: the window's refresh shares a query's rows (figures.rows_shared),
# so the rollup is read once for them.
SPLIT_POSITIONS = {"month": 0, "subproject": 1}


@dataclass(frozen=True)
class OutcomeCell:
    """Tasks of one group (a subproject, a requesting service or a month) with one outcome
    (None: not recorded)."""

    group: int | str | date
    outcome: str | None
    count: int
    minutes: float


@dataclass(frozen=True)
class Coverage:
    """How many tasks have an outcome recorded: the figures below count only those."""

    tasks: int
    recorded: int

    @property
    def share(self) -> float | None:
        return figures.share(self.recorded, self.tasks)


@dataclass(frozen=True)
class KmRow:
    group: int | str | None  # a subproject, an owner, or a municipality (None: not given)
    tasks: int
    km: float


@dataclass(frozen=True)
class Kilometres:
    total: float
    by_subproject: list[KmRow]
    by_owner: list[KmRow]
    by_municipality: list[KmRow]


@dataclass(frozen=True)
class Gains:
    """Outcomes and kilometres of a period, with the outcomes of the comparison period the
    filters choose; the ``previous_*`` fields are None when they choose none."""

    filters: Filters
    previous: Filters | None
    outcomes: list[OutcomeRow]
    previous_outcomes: list[OutcomeRow] | None
    by_month: list[OutcomeCell]
    by_service: list[OutcomeCell]
    by_subproject: list[OutcomeCell]
    coverage: Coverage
    previous_coverage: Coverage | None
    km: Kilometres

    @property
    def avoided_admissions(self) -> int:
        return count_of(self.outcomes, AVOIDED_ADMISSION)

    @property
    def previous_avoided_admissions(self) -> int | None:
        if self.previous_outcomes is None:
            return None
        return count_of(self.previous_outcomes, AVOIDED_ADMISSION)


def count_of(rows: list[OutcomeRow], outcome: str) -> int:
    """Tasks with ``outcome`` (matched case-insensitively, as the figures count them)."""
    wanted = outcome.casefold()
    return sum(row.count for row in rows if row.outcome and row.outcome.casefold() == wanted)


def coverage(rows: list[OutcomeRow]) -> Coverage:
    return Coverage(
        tasks=sum(row.count for row in rows),
        recorded=sum(row.count for row in rows if row.outcome is not None),
    )


def outcomes_by(con: duckdb.DuckDBPyConnection, filters: Filters, by: str) -> list[OutcomeCell]:
    """Count and minutes per ``by`` (``subproject``, ``month`` or ``requested_by``) and
    outcome, ordered by group, then outcome (not recorded last)."""
    if by == "requested_by":
        rows = _by_service_and_outcome(con, filters)
        return [OutcomeCell(g, outcome, int(n), float(m)) for g, outcome, n, m, _ in rows]
    rows = figures.outcomes_by_month_and_subproject(con, filters)
    sums = figures.summed_per_key(
        ((row[SPLIT_POSITIONS[by]], row[2]), row[3], row[4]) for row in rows
    )
    return [OutcomeCell(g, outcome, int(n), m) for (g, outcome), (n, m) in sums]


def _by_service_and_outcome(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[tuple]:
    """(requesting service, outcome, tasks, minutes, km): the outcomes per service and the
    kilometres per owner both sum these."""
    group = f"requested_by, {OUTCOME}"
    return figures.activity_sums(con, filters, group, "service_outcomes", outcome_params())


def kilometres(
    con: duckdb.DuckDBPyConnection, filters: Filters, owners: dict[str, str] | None = None
) -> Kilometres:
    """Kilometres on tasks per subproject, per owner of the requesting service and per
    municipality; a task without kilometres counts as none."""
    owners = owners or default_owner_by_service()
    places = figures.activity_sums(con, filters, "subproject, municipality")
    by_subproject = _km_rows(figures.summed_per_key(((s,), n, km) for s, _, n, _, km in places))
    by_municipality = _km_rows(figures.summed_per_key(((m,), n, km) for _, m, n, _, km in places))
    found: dict[str, KmRow] = {}
    for service, _, tasks, _, km in _by_service_and_outcome(con, filters):
        owner = owners.get(service, "shared")
        before = found.get(owner, KmRow(owner, 0, 0.0))
        found[owner] = KmRow(owner, before.tasks + int(tasks), before.km + float(km))
    by_owner = [found.get(owner, KmRow(owner, 0, 0.0)) for owner in OWNERS]
    total = sum(row.km for row in by_subproject)
    return Kilometres(total, by_subproject, by_owner, by_municipality)


def _km_rows(rows: list[tuple[tuple, tuple[float, float]]]) -> list[KmRow]:
    return [KmRow(group, int(tasks), km) for (group,), (tasks, km) in rows]


def gains(
    con: duckdb.DuckDBPyConnection, filters: Filters, owners: dict[str, str] | None = None
) -> Gains:
    """Everything the Gevinster view and the brief's section show, for one period and the
    period the filters compare it with."""
    previous = filters.comparison()
    now_rows = figures.outcomes(con, filters)
    before_rows = figures.outcomes(con, previous) if previous else None
    return Gains(
        filters=filters,
        previous=previous,
        outcomes=now_rows,
        previous_outcomes=before_rows,
        by_month=outcomes_by(con, filters, "month"),
        by_service=outcomes_by(con, filters, "requested_by"),
        by_subproject=outcomes_by(con, filters, "subproject"),
        coverage=coverage(now_rows),
        previous_coverage=coverage(before_rows) if previous else None,
        km=kilometres(con, filters, owners),
    )
