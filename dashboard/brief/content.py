"""What goes into the brief: the figures for a period and the one before it, fetched once.

Everything comes from :mod:`dashboard.data.figures`; this module only arranges rows by month
and finds the two latest goal-assessment rounds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import duckdb

from dashboard.data import figures
from dashboard.data.costs import CostModel
from dashboard.data.figures import Filters
from dashboard.data.store import Freshness, Store
from dashboard.settings import cost_model

ACUTE_URGENCIES = ("akutt", "haster")
DRIVER_ROLES = ("legevaktlege", "helsevakt")


@dataclass(frozen=True)
class AcuteMonth:
    month: date
    acute: int
    with_doctor: int


@dataclass(frozen=True)
class CarMonth:
    month: date
    trips: dict[str, int]
    minutes: float


@dataclass(frozen=True)
class BriefContent:
    filters: Filters
    now: dict
    before: dict
    months: list[date]
    acute_months: list[AcuteMonth]
    car_months: list[CarMonth]
    owner_months: dict[date, dict[str, float]]
    goals: list[dict]
    rounds: figures.GoalRounds
    goal_changes: list[dict]
    imports: list[dict]
    freshness: Freshness
    threshold: int
    cost_model: CostModel
    is_demo: bool

    @property
    def previous(self) -> Filters:
        return self.filters.previous()


def acute_by_month(rows: list[dict], months: list[date]) -> list[AcuteMonth]:
    """Sum :func:`figures.callouts_monthly` over the acute urgencies and staffed/unstaffed."""
    acute, with_doctor = defaultdict(int), defaultdict(int)
    for row in rows:
        if row["urgency"] in ACUTE_URGENCIES:
            acute[row["month"]] += row["callouts"]
            with_doctor[row["month"]] += row["with_doctor"]
    return [AcuteMonth(month, acute[month], with_doctor[month]) for month in months]


def car_by_month(rows: list[dict], months: list[date]) -> list[CarMonth]:
    trips = defaultdict(lambda: dict.fromkeys(DRIVER_ROLES, 0))
    minutes = defaultdict(float)
    for row in rows:
        trips[row["month"]][row["driver_role"]] += row["trips"]
        minutes[row["month"]] += row["minutes"] or 0.0
    return [CarMonth(month, trips[month], minutes[month]) for month in months]


def owners_by_month(rows: list[dict]) -> dict[date, dict[str, float]]:
    table = defaultdict(lambda: dict.fromkeys(figures.OWNERS, 0.0))
    for row in rows:
        table[row["month"]][row["owner"]] += row["hours"] or 0.0
    return dict(table)


def collect(
    store: Store, con: duckdb.DuckDBPyConnection, filters: Filters, threshold: int
) -> BriefContent:
    """Every figure the brief shows, from ``con`` (a cursor of ``store`` for this thread)."""
    months = figures.months_between(filters.start, filters.end)
    on_cursor = Store(con, store.path, read_only=True)  # provenance on this thread's cursor
    rounds = figures.goal_rounds(con, filters.end)
    changes = figures.goal_changes(con, rounds.previous, filters.end) if rounds.previous else []
    # The cost model of the settings file, as the window and the command line use it.
    model = cost_model()
    return BriefContent(
        filters=filters,
        now=figures.metrics(con, filters, model),
        before=figures.metrics(con, filters.previous(), model),
        months=months,
        acute_months=acute_by_month(figures.callouts_monthly(con, filters), months),
        car_months=car_by_month(figures.car_after_hours_monthly(con, filters), months),
        owner_months=owners_by_month(
            figures.owner_hours_monthly(con, filters, model.owner_by_service)
        ),
        goals=figures.goals_as_of(con, filters.end),
        rounds=rounds,
        goal_changes=changes,
        imports=on_cursor.imports(),
        freshness=on_cursor.freshness(),
        threshold=threshold,
        cost_model=model,
        is_demo=on_cursor.is_demo,
    )
