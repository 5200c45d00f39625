"""Capacity and preparedness: how full the staffed hours are, what fills them, the preventive
visits against their target, who is sent on call-outs, and the car outside staffed time.

Each figure is a frozen result over the daily rollups (:mod:`dashboard.data.rollups`), so a
filter change sums days, never rows. Month by month, every figure that depends on staffed
hours takes the hours in force on each day (``staffed_calendar``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

from dashboard.data import queries
from dashboard.data.figures import (
    DEFAULT_VISITS_TARGET_PER_WEEK,
    MONTH,
    TripCount,
    activity_sums,
    query_rows,
    rollups_ready,
    share,
)
from dashboard.data.values import Filters, months_between
from dashboard.data.vocabulary import ACUTE_URGENCIES, DRIVER_ROLES, PREVENTIVE_VISITS_SUBPROJECT

# A call-out was handled by the car when its resource names it ("Helsevaktbil", or the car
# together with another resource, "Ambulanse og helsevaktbil"), whatever the case.
CAR_RESOURCE_WORD = "helsevakt"

STAFFED_MINUTES_BY_MONTH = f"""
    SELECT {MONTH},
           coalesce(sum(close_minute - open_minute)
                    FILTER (staffed AND close_minute > open_minute), 0) AS minutes
    FROM staffed_calendar WHERE {queries.PERIOD}
    GROUP BY ALL ORDER BY ALL
"""


# --- Utilisation --------------------------------------------------------------------------


@dataclass(frozen=True)
class UtilisationMonth:
    """Task hours over the staffed hours of one month, at the hours in force each day."""

    month: date
    task_hours: float
    staffed_hours: float

    @property
    def share(self) -> float | None:
        return share(self.task_hours, self.staffed_hours)


@dataclass(frozen=True)
class SubprojectMonth:
    month: date
    subproject: int
    hours: float


def staffed_hours_by_month(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[date, float]:
    rollups_ready(con, filters)
    rows = query_rows(con, STAFFED_MINUTES_BY_MONTH, filters.params())
    return {month: float(minutes) / 60 for month, minutes in rows}


def subproject_months(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[SubprojectMonth]:
    """Task hours per month and subproject (only those with tasks)."""
    rows = activity_sums(con, filters, f"{MONTH}, subproject")
    return [SubprojectMonth(month, sub, float(minutes) / 60) for month, sub, _, minutes, _ in rows]


def utilisation_months(
    filters: Filters, staffed: dict[date, float], by_subproject: list[SubprojectMonth]
) -> tuple[UtilisationMonth, ...]:
    """Every month of the period, with its task hours (all subprojects) and staffed hours."""
    hours: dict[date, float] = defaultdict(float)
    for row in by_subproject:
        hours[row.month] += row.hours
    return tuple(
        UtilisationMonth(month, hours[month], staffed.get(month, 0.0))
        for month in months_between(filters.start, filters.end)
    )


# --- Preventive home visits -----------------------------------------------------------------


@dataclass(frozen=True)
class VisitsMonth:
    """Preventive home visits in the days of one month that lie inside the period."""

    month: date
    visits: int
    days: int

    @property
    def per_week(self) -> float:
        """Visits a week on average over the month: visits / (days / 7), as the contract's
        ``per_week`` counts a whole period."""
        return self.visits / (self.days / 7) if self.days else 0.0


def days_in_period(month: date, filters: Filters) -> int:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    first, last = max(month, filters.start), min(following - timedelta(days=1), filters.end)
    return (last - first).days + 1


def visits_months(
    by_subproject_counts: dict[date, int], filters: Filters
) -> tuple[VisitsMonth, ...]:
    return tuple(
        VisitsMonth(month, by_subproject_counts.get(month, 0), days_in_period(month, filters))
        for month in months_between(filters.start, filters.end)
    )


def visit_counts_by_month(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[date, int]:
    """Subproject 4 tasks per month; none when the filters pick another subproject."""
    if filters.subproject not in (None, PREVENTIVE_VISITS_SUBPROJECT):
        return {}
    narrowed = Filters(
        filters.start,
        filters.end,
        PREVENTIVE_VISITS_SUBPROJECT,
        filters.municipality,
        filters.staffed,
    )
    return {month: int(tasks) for month, tasks, _, _ in activity_sums(con, narrowed, MONTH)}


# --- Capacity, together ---------------------------------------------------------------------


@dataclass(frozen=True)
class Capacity:
    """Utilisation per month and per subproject, and the preventive visits against target."""

    months: tuple[UtilisationMonth, ...]
    by_subproject: tuple[SubprojectMonth, ...]
    visits: tuple[VisitsMonth, ...]
    target_per_week: float

    @property
    def task_hours(self) -> float:
        return sum(month.task_hours for month in self.months)

    @property
    def staffed_hours(self) -> float:
        return sum(month.staffed_hours for month in self.months)

    @property
    def share(self) -> float | None:
        return share(self.task_hours, self.staffed_hours)

    @property
    def visit_count(self) -> int:
        return sum(month.visits for month in self.visits)

    @property
    def visits_per_week(self) -> float:
        days = sum(month.days for month in self.visits)
        return self.visit_count / (days / 7) if days else 0.0

    @property
    def months_below_target(self) -> int:
        """Months whose average a week lies under the target."""
        return sum(1 for month in self.visits if month.per_week < self.target_per_week)


def capacity(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    target_per_week: float = DEFAULT_VISITS_TARGET_PER_WEEK,
) -> Capacity:
    by_subproject = subproject_months(con, filters)
    staffed = staffed_hours_by_month(con, filters)
    return Capacity(
        months=utilisation_months(filters, staffed, by_subproject),
        by_subproject=tuple(by_subproject),
        visits=visits_months(visit_counts_by_month(con, filters), filters),
        target_per_week=target_per_week,
    )


# --- Preparedness: who is sent on call-outs -------------------------------------------------


@dataclass(frozen=True)
class ResourceMonth:
    """Call-outs of one month and urgency that sent one resource (as the export names it)."""

    month: date
    resource: str | None
    urgency: str
    callouts: int

    @property
    def by_car(self) -> bool:
        return CAR_RESOURCE_WORD in (self.resource or "").casefold()

    @property
    def acute(self) -> bool:
        return self.urgency in ACUTE_URGENCIES


@dataclass(frozen=True)
class CarAcuteMonth:
    """Acute call-outs of one month, and how many of them the car handled."""

    month: date
    acute: int
    by_car: int

    @property
    def share(self) -> float | None:
        return share(self.by_car, self.acute)


@dataclass(frozen=True)
class Preparedness:
    rows: tuple[ResourceMonth, ...]
    months: tuple[date, ...]

    def resources(self) -> list[str | None]:
        """Every resource sent in the period, the most used first."""
        totals: dict[str | None, int] = defaultdict(int)
        for row in self.rows:
            totals[row.resource] += row.callouts
        return sorted(totals, key=lambda name: (-totals[name], name or ""))

    def car_acute_months(self) -> list[CarAcuteMonth]:
        acute: dict[date, int] = defaultdict(int)
        by_car: dict[date, int] = defaultdict(int)
        for row in self.rows:
            if row.acute:
                acute[row.month] += row.callouts
                by_car[row.month] += row.callouts if row.by_car else 0
        return [CarAcuteMonth(month, acute[month], by_car[month]) for month in self.months]

    @property
    def acute(self) -> int:
        return sum(row.callouts for row in self.rows if row.acute)

    @property
    def acute_by_car(self) -> int:
        return sum(row.callouts for row in self.rows if row.acute and row.by_car)

    @property
    def car_share_of_acute(self) -> float | None:
        return share(self.acute_by_car, self.acute)


def preparedness(con: duckdb.DuckDBPyConnection, filters: Filters) -> Preparedness:
    """Call-outs per month, resource and urgency."""
    rollups_ready(con, filters)
    sql = queries.CALLOUTS_BY.format(group=f"{MONTH}, resource, urgency")
    rows = query_rows(con, sql, filters.params())
    return Preparedness(
        rows=tuple(
            ResourceMonth(month, resource, urgency, int(total))
            for month, resource, urgency, total, *_ in rows
        ),
        months=tuple(months_between(filters.start, filters.end)),
    )


# --- The car outside staffed time -----------------------------------------------------------


@dataclass(frozen=True)
class CarUseMonth:
    """One month's trips by one driver role: after 22:00 (the daily window from the end of
    staffed hours to their start next morning) and outside staffed time (that window, and
    all of every weekend day and public holiday)."""

    month: date
    driver_role: str
    after_hours: TripCount
    outside_staffed: TripCount


def car_use_months(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[CarUseMonth]:
    rollups_ready(con, filters)
    rows = query_rows(con, queries.TRIPS_BY.format(group=f"{MONTH}, driver_role"), filters.params())
    return [
        CarUseMonth(
            month,
            role,
            TripCount(int(after_trips), float(after_minutes)),
            TripCount(int(outside_trips), float(outside_minutes)),
        )
        for month, role, _, _, _, after_trips, after_minutes, outside_trips, outside_minutes in rows
    ]


def by_role_and_month(
    rows: list[CarUseMonth], months: list[date], measure: str
) -> dict[str, list[TripCount]]:
    """``measure`` (after_hours or outside_staffed) per driver role, one entry per month."""
    empty = TripCount(0, 0.0)
    table = {(row.driver_role, row.month): getattr(row, measure) for row in rows}
    roles = list(DRIVER_ROLES) + sorted({row.driver_role for row in rows} - set(DRIVER_ROLES))
    return {role: [table.get((role, month), empty) for month in months] for role in roles}
