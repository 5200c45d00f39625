"""Every figure the dashboard shows: one function per question, one frozen result each.

The window, the brief and the command line call these functions and compute nothing
themselves. The SQL lives in :mod:`dashboard.data.queries` and reads the daily rollups
(:mod:`dashboard.data.rollups`), so a figure costs days, not rows; values are exact.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import duckdb

from dashboard.data import queries, rollups
from dashboard.data.grain import GRAINS
from dashboard.data.two_connections import read_all
from dashboard.data.values import Filters, StaffedSchedule, months_between, shift_months
from dashboard.data.vocabulary import (
    ACUTE_URGENCIES,
    AVOIDED_ADMISSION,
    DRIVER_ROLES,
    OUTCOMES,
    OWNERS,
    PREVENTIVE_VISITS_SUBPROJECT,
    default_owner_by_service,
)

DEFAULT_VISITS_TARGET_PER_WEEK = 3.0
PARAMETER = re.compile(r"\$(\w+)")


# --- Running queries --------------------------------------------------------------------


@lru_cache(maxsize=512)
def _positional(sql: str) -> tuple[str, tuple[str, ...]]:
    """``$name`` parameters as ``?`` and the names in order: DuckDB binds positional
    parameters several milliseconds faster than named ones, and a figure runs many."""
    return PARAMETER.sub("?", sql), tuple(PARAMETER.findall(sql))


def _execute(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> duckdb.DuckDBPyConnection:
    """Run ``sql`` with the values of the parameters it names."""
    text, names = _positional(sql)
    return con.execute(text, [params[name] for name in names])


_shared_rows: ContextVar[dict | None] = ContextVar("shared_rows", default=None)


@contextmanager
def rows_shared() -> Iterator[None]:
    """Inside this block the same query with the same values runs once, and the figures
    that ask for it again share its rows: for a batch of reads of one database that nothing
    writes between (the window's refresh of every view, where several views read the same
    sums, on a connection and its cursor). Threads started in the block with a copy of its
    context share the rows too."""
    token = _shared_rows.set({})
    try:
        yield
    finally:
        _shared_rows.reset(token)


def query_rows(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> list[tuple]:
    shared = _shared_rows.get()
    if shared is None:
        return _execute(con, sql, params).fetchall()
    text, names = _positional(sql)
    key = (text, tuple(_hashable(params[name]) for name in names))
    if key not in shared:
        shared[key] = _execute(con, sql, params).fetchall()
    return list(shared[key])


def _hashable(value):
    return tuple(value) if isinstance(value, list) else value


def rollups_ready(con: duckdb.DuckDBPyConnection, filters: Filters | StaffedSchedule) -> None:
    """The rollups must match the staffed hours in force before any figure reads them."""
    rollups.ensure(con, filters if isinstance(filters, StaffedSchedule) else filters.staffed)


MONTH = "date_trunc('month', day)::DATE AS month"


def owner_params(owners: dict[str, str]) -> dict:
    params = {}
    for i, (service, owner) in enumerate(owners.items()):
        params[f"svc{i}"] = service
        params[f"own{i}"] = owner
    return params


def activity_query(
    template: str, split: str, filters: Filters, cuts: Iterable[date] = (), **fields: str
) -> tuple[str, dict]:
    """``template`` (its ``{source}`` and ``{where}``, and ``fields``) over the activities
    split by ``split`` in the period of ``filters``, and its values: the whole months read
    from the monthly rollup, the other days from the daily one (:func:`month_runs`)."""
    whole, partly = month_runs(filters.start, filters.end, cuts)
    source = queries.activities(split, len(whole), len(partly))
    sql = template.format(source=source, where=queries.ACTIVITY_WHERE, **fields)
    return sql, filters.params() | _run_params("whole", whole) | _run_params("part", partly)


def month_runs(
    start: date, end: date, cuts: Iterable[date] = ()
) -> tuple[list[tuple[date, date]], list[tuple[date, date]]]:
    """The period as runs of whole months (the first days of a run's first and last month)
    and runs of the other days (first and last day). A month is whole when it lies inside
    the period and no cut falls inside it; a cut is a day where the query's own grouping
    starts anew (the first day of a period it tells apart from another, the day after one
    ends), so a month it splits is read day by day."""
    whole: list[tuple[date, date]] = []
    partly: list[tuple[date, date]] = []
    for month in months_between(start, end):
        last = shift_months(month, 1) - timedelta(days=1)
        if start <= month and last <= end and not any(month < cut <= last for cut in cuts):
            _extend(whole, month, month, shift_months(month, -1))
        else:
            first = max(month, start)
            _extend(partly, first, min(last, end), first - timedelta(days=1))
    return whole, partly


def _extend(runs: list[tuple[date, date]], first: date, last: date, joins: date) -> None:
    """``first``–``last`` onto the last run when that ends on ``joins``, else a run anew."""
    if runs and runs[-1][1] == joins:
        runs[-1] = (runs[-1][0], last)
    else:
        runs.append((first, last))


def _run_params(name: str, runs: list[tuple[date, date]]) -> dict:
    params = {}
    for i, (first, last) in enumerate(runs):
        params[f"{name}{i}_from"] = first
        params[f"{name}{i}_to"] = last
    return params


def wilson_interval(successes: int, trials: int, z: float = 1.959964) -> tuple[float, float]:
    """The Wilson score interval for a share; (nan, nan) when there are no trials."""
    if trials == 0:
        return (math.nan, math.nan)
    share = successes / trials
    denominator = 1 + z * z / trials
    centre = (share + z * z / (2 * trials)) / denominator
    spread = z * math.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials))
    return (max(0.0, centre - spread / denominator), min(1.0, centre + spread / denominator))


def share(part: float, whole: float) -> float | None:
    return part / whole if whole else None


# --- Activities ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityTotals:
    count: int
    minutes: float
    km: float


@dataclass(frozen=True)
class TaskMixRow:
    """Tasks of one subproject and one task (or requesting service); ``month`` when monthly."""

    subproject: int
    category: str
    count: int
    minutes: float
    month: date | None = None


@dataclass(frozen=True)
class OutcomeRow:
    outcome: str | None  # None: not recorded
    count: int
    minutes: float


@dataclass(frozen=True)
class OwnerMonth:
    month: date
    owner: str
    hours: float


def activity_sums(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    group: str,
    split: str = "tasks",
    params: dict | None = None,
) -> list[tuple]:
    """Activities summed per ``group`` from the rollup split by ``split`` (tasks, services
    or outcomes), whichever holds the columns the group names."""
    rollups_ready(con, filters)
    sql, values = activity_query(queries.ACTIVITIES_BY, split, filters, group=group)
    return query_rows(con, sql, values | (params or {}))


def outcome_params() -> dict:
    """The vocabulary's outcomes as the parameters of :func:`queries.outcome_case`."""
    return {f"out{i}": outcome for i, outcome in enumerate(OUTCOMES)}


OUTCOME = queries.outcome_case(len(OUTCOMES)) + " AS outcome"


def activity_totals(con: duckdb.DuckDBPyConnection, filters: Filters) -> ActivityTotals:
    rows = activity_sums(con, filters, "true AS everything")
    if not rows:
        return ActivityTotals(0, 0.0, 0.0)
    _, count, minutes, km = rows[0]
    return ActivityTotals(int(count), float(minutes), float(km))


TASK_MIX_SPLITS = {"task": "tasks", "requested_by": "services"}


def task_mix(
    con: duckdb.DuckDBPyConnection, filters: Filters, by: str = "task", monthly: bool = False
) -> list[TaskMixRow]:
    """Count and minutes per subproject and task (``by="task"``) or requesting service, for
    the period or per month. Both come from one query, so a caller asking for both inside
    :func:`rows_shared` sums once."""
    rollups_ready(con, filters)
    sql, values = activity_query(queries.TASK_MIX, TASK_MIX_SPLITS[by], filters, by=by)
    return [
        TaskMixRow(s, c, int(n), float(m), month)
        for month, s, c, n, m in query_rows(con, sql, values)
        if (month is not None) == monthly
    ]


def summed_per_key(rows) -> list[tuple[tuple, tuple[float, float]]]:
    """``(key, a, b)`` rows summed per key, in key order with None last, as SQL orders."""
    sums: dict[tuple, list[float]] = {}
    for key, a, b in rows:
        total = sums.setdefault(key, [0, 0.0])
        total[0] += a
        total[1] += float(b)
    order = sorted(sums, key=lambda key: tuple((part is None, part) for part in key))
    return [(key, tuple(sums[key])) for key in order]


def outcomes_by_month_and_subproject(
    con: duckdb.DuckDBPyConnection, filters: Filters
) -> list[tuple]:
    """Rows of (month, subproject, outcome, count, minutes, km): the outcomes of the period,
    of each month and of each subproject all sum these, so a refresh reads them once."""
    group = f"{MONTH}, subproject, {OUTCOME}"
    return activity_sums(con, filters, group, "outcomes", outcome_params())


def outcomes(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[OutcomeRow]:
    """Per outcome as written (None when not recorded), largest count first; an outcome of
    the vocabulary in any case is counted under the vocabulary's spelling."""
    rows = outcomes_by_month_and_subproject(con, filters)
    sums = summed_per_key(((outcome,), n, m) for _, _, outcome, n, m, _ in rows)
    found = [OutcomeRow(outcome, int(n), m) for (outcome,), (n, m) in sums]
    return sorted(found, key=lambda row: (-row.count, row.outcome is None, row.outcome or ""))


def owner_months(
    con: duckdb.DuckDBPyConnection, filters: Filters, owners: dict[str, str] | None = None
) -> list[OwnerMonth]:
    """Hours per month and owner of the requesting service, exact (not rounded)."""
    owners = owners or default_owner_by_service()
    rollups_ready(con, filters)
    sql, values = by_owner_query(MONTH, owners, filters)
    rows = query_rows(con, sql, values)
    return [OwnerMonth(month, owner, minutes / 60) for month, owner, _, minutes, _ in rows]


def by_owner_query(
    group: str, owners: dict[str, str], filters: Filters, cuts: Iterable[date] = ()
) -> tuple[str, dict]:
    """Activities summed per ``group`` and owner of the requesting service, and the values."""
    owner = queries.owner_case(len(owners))
    sql, values = activity_query(
        queries.ACTIVITIES_BY_OWNER, "services", filters, cuts, group=group, owner=owner
    )
    return sql, values | owner_params(owners)


def owner_hours(
    con: duckdb.DuckDBPyConnection, filters: Filters, owners: dict[str, str] | None = None
) -> dict[str, float]:
    """Hours in the period per owner (every owner present), exact."""
    return owner_hours_in(owner_months(con, filters, owners))


def owner_hours_in(months: list[OwnerMonth]) -> dict[str, float]:
    """Hours per owner (every owner present) summed over monthly hours already fetched."""
    hours = dict.fromkeys(OWNERS, 0.0)
    for row in months:
        hours[row.owner] += row.hours
    return hours


@dataclass(frozen=True)
class Utilisation:
    task_hours: float
    staffed_hours: float

    @property
    def share(self) -> float | None:
        return share(self.task_hours, self.staffed_hours)


def staffed_hours(con: duckdb.DuckDBPyConnection, filters: Filters) -> float:
    """Staffed hours in the period: weekdays that are not public holidays, at each day's hours."""
    rollups_ready(con, filters)
    return float(query_rows(con, queries.STAFFED_MINUTES, filters.params())[0][0]) / 60


def utilisation(con: duckdb.DuckDBPyConnection, filters: Filters) -> Utilisation:
    return utilisation_of(activity_totals(con, filters), staffed_hours(con, filters))


def utilisation_of(totals: ActivityTotals, staffed: float) -> Utilisation:
    """Task hours over staffed hours, from totals and staffed hours already fetched."""
    return Utilisation(totals.minutes / 60, staffed)


@dataclass(frozen=True)
class PreventiveVisits:
    count: int
    per_week: float
    target_per_week: float


def preventive_visits(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    target_per_week: float = DEFAULT_VISITS_TARGET_PER_WEEK,
) -> PreventiveVisits:
    """Subproject 4 tasks, and how many a week on average over the period."""
    return preventive_visits_among(task_mix(con, filters), filters, target_per_week)


def preventive_visits_among(
    mix: list[TaskMixRow], filters: Filters, target_per_week: float
) -> PreventiveVisits:
    """The preventive visits in a task mix already fetched for ``filters``."""
    count = sum(row.count for row in mix if row.subproject == PREVENTIVE_VISITS_SUBPROJECT)
    return PreventiveVisits(count, count / (filters.days / 7), target_per_week)


# --- Call-outs ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CalloutCounts:
    total: int
    acute: int
    acute_with_doctor: int

    @property
    def acute_doctor_share(self) -> float | None:
        return share(self.acute_with_doctor, self.acute)

    @property
    def interval(self) -> tuple[float, float]:
        """The Wilson 95 % interval of the acute doctor share."""
        return wilson_interval(self.acute_with_doctor, self.acute)


@dataclass(frozen=True)
class ResourceRow:
    resource: str | None
    total: int
    acute: int


@dataclass(frozen=True)
class CalloutMonth:
    """Call-outs of one month, urgency and staffed/unstaffed time, and those with a doctor."""

    month: date
    urgency: str
    staffed: bool
    callouts: int
    with_doctor: int


def _callouts(con: duckdb.DuckDBPyConnection, filters: Filters, group: str) -> list[tuple]:
    rollups_ready(con, filters)
    return query_rows(con, queries.CALLOUTS_BY.format(group=group), filters.params())


def callout_counts(con: duckdb.DuckDBPyConnection, filters: Filters) -> CalloutCounts:
    rows = _callouts(con, filters, "true AS everything")
    if not rows:
        return CalloutCounts(0, 0, 0)
    _, total, acute, with_doctor, _ = rows[0]
    return CalloutCounts(int(total), int(acute), int(with_doctor))


def callouts_by_resource(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[ResourceRow]:
    rows = _callouts(con, filters, "resource")
    return [ResourceRow(resource, int(total), int(acute)) for resource, total, acute, _, _ in rows]


def callout_months(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[CalloutMonth]:
    """A call-out is in staffed time when it falls on a staffed day inside that day's hours."""
    rows = _callouts(con, filters, f"{MONTH}, urgency, staffed")
    return [
        CalloutMonth(month, urgency, staffed, int(total), int(with_doctor))
        for month, urgency, staffed, total, _, _, with_doctor in rows
    ]


# --- The car ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TripCount:
    trips: int
    minutes: float


@dataclass(frozen=True)
class CarUse:
    """Trips in the period: all of them, after 22:00 (the daily window from the end of staffed
    hours to their start next morning) and outside staffed time (also weekends and public
    holidays), each also by driver role."""

    all: TripCount
    after_hours: TripCount
    outside_staffed: TripCount
    after_hours_by_role: dict[str, TripCount] = field(default_factory=dict)
    outside_staffed_by_role: dict[str, TripCount] = field(default_factory=dict)


@dataclass(frozen=True)
class CarMonth:
    """Trips after 22:00 in one month by one driver role."""

    month: date
    driver_role: str
    trips: int
    minutes: float


@dataclass(frozen=True)
class HeatCell:
    weekday: int  # ISO, 1 = Monday
    hour: int
    minutes: float


def _trips(con: duckdb.DuckDBPyConnection, filters: Filters, group: str) -> list[tuple]:
    rollups_ready(con, filters)
    return query_rows(con, queries.TRIPS_BY.format(group=group), filters.params())


def car_use(con: duckdb.DuckDBPyConnection, filters: Filters) -> CarUse:
    by_role = {row[0]: row[1:] for row in _trips(con, filters, "driver_role")}
    empty = (0, 0.0, 0.0, 0, 0.0, 0, 0.0)
    parts = {role: by_role.get(role, empty) for role in (*DRIVER_ROLES, *by_role)}

    def count(trips: int, minutes: float) -> TripCount:
        return TripCount(int(trips), float(minutes))

    def total(trip_index: int) -> TripCount:
        return count(
            sum(p[trip_index] for p in parts.values()),
            sum(p[trip_index + 1] for p in parts.values()),
        )

    return CarUse(
        all=count(sum(p[0] for p in parts.values()), sum(p[1] for p in parts.values())),
        after_hours=total(3),
        outside_staffed=total(5),
        after_hours_by_role={role: count(p[3], p[4]) for role, p in parts.items()},
        outside_staffed_by_role={role: count(p[5], p[6]) for role, p in parts.items()},
    )


def car_after_hours_months(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[CarMonth]:
    rows = _trips(con, filters, f"{MONTH}, driver_role")
    return [
        CarMonth(month, role, int(after_trips), float(after_minutes))
        for month, role, _, _, _, after_trips, after_minutes, _, _ in rows
        if after_trips
    ]


def car_heatmap(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[HeatCell]:
    """Minutes of car use per ISO weekday and hour of day, split exactly at hour marks."""
    rollups_ready(con, filters)
    rows = query_rows(con, queries.TRIP_HEATMAP, filters.params())
    return [HeatCell(weekday, hour, float(minutes)) for weekday, hour, minutes in rows]


# --- Headline figures -----------------------------------------------------------------------


@dataclass(frozen=True)
class Headline:
    """The headline figures of a run of days."""

    tasks: int = 0
    task_minutes: float = 0.0
    municipal_minutes: float = 0.0
    callouts: int = 0
    acute: int = 0
    acute_with_doctor: int = 0
    late_trips: int = 0
    late_minutes: float = 0.0
    avoided_admissions: int = 0
    outcomes_recorded: int = 0

    @classmethod
    def of(cls, parts: dict[str, float]) -> Headline:
        """From summed parts; counts as whole numbers."""
        return cls(
            **{
                name: int(parts.get(name, 0)) if kind.type == "int" else float(parts.get(name, 0))
                for name, kind in cls.__dataclass_fields__.items()
            }
        )

    def value(self, key: str) -> float | None:
        """A figure by its card key: the sums, hours, and the acute doctor share."""
        if key == "doctor_share":
            return share(self.acute_with_doctor, self.acute)
        if key == "outcome_coverage":
            return share(self.outcomes_recorded, self.tasks)
        if key.endswith("_hours"):
            return getattr(self, key.replace("_hours", "_minutes")) / 60
        return getattr(self, key)


def _headline_groups(
    con: duckdb.DuckDBPyConnection, filters: Filters, owners: dict[str, str], key: str, params: dict
) -> dict[object, Headline]:
    """The headline figures per value of the SQL expression ``key`` over the days of
    ``filters`` (a month, or which of two periods a day falls in)."""
    return _summed_by(_headline_parts(con, filters, owners, f"{key} AS key", params), 0)


def _headline_parts(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    owners: dict[str, str],
    keys: str,
    params: dict,
    cuts: Iterable[date] = (),
) -> dict[tuple, dict[str, float]]:
    """The summed parts of the headline figures per tuple of the SQL expressions ``keys``
    (one or more ``… AS name``) over the days of ``filters``; ``cuts``: the days where
    ``keys`` start anew inside a month (:func:`month_runs`). The four sources are read at
    once on two connections (inside another sharing-out, one after another)."""
    rollups_ready(con, filters)
    parts: dict[tuple, dict] = defaultdict(lambda: defaultdict(float))
    params = filters.params() | params
    owner_sql, owner_values = by_owner_query(keys, owners, filters, cuts)
    outcome_sql, outcome_values = activity_query(
        queries.OUTCOME_TOTALS, "outcomes", filters, cuts, group=keys
    )
    activities, callouts, trips, outcomes = read_all(
        con,
        filters.staffed,
        [
            _rows_of(owner_sql, owner_values | params),
            _rows_of(queries.CALLOUTS_BY.format(group=keys), params),
            _rows_of(queries.TRIPS_BY.format(group=keys), params),
            _rows_of(outcome_sql, outcome_values | params | {"avoided": AVOIDED_ADMISSION}),
        ],
    )
    for *group, owner, tasks, minutes, _ in activities:
        values = parts[tuple(group)]
        values["tasks"] += tasks
        values["task_minutes"] += minutes
        if owner == "municipality":
            values["municipal_minutes"] += minutes
    for *group, total, acute, with_doctor, _ in callouts:
        parts[tuple(group)].update(callouts=total, acute=acute, acute_with_doctor=with_doctor)
    for *group, _, _, _, late_trips, late_minutes, _, _ in trips:
        parts[tuple(group)].update(late_trips=late_trips, late_minutes=late_minutes)
    for *group, avoided_admissions, recorded in outcomes:
        parts[tuple(group)].update(
            avoided_admissions=avoided_admissions, outcomes_recorded=recorded
        )
    return parts


def _rows_of(sql: str, params: dict) -> Callable[[duckdb.DuckDBPyConnection], list[tuple]]:
    """A read of ``sql``'s rows, for :func:`two_connections.read_all`."""
    return lambda con: query_rows(con, sql, params)


def headline(
    con: duckdb.DuckDBPyConnection, filters: Filters, owners: dict[str, str] | None = None
) -> Headline:
    """The headline figures of the period."""
    groups = _headline_groups(con, filters, owners or default_owner_by_service(), "1", {})
    return groups.get(1, Headline())


@dataclass(frozen=True)
class Trend:
    """One headline figure: now, in the comparison period, and per month."""

    value: float | None
    previous: float | None
    months: list[date]
    values: list[float | None]


@dataclass(frozen=True)
class Overview:
    filters: Filters
    previous: Filters | None  # the comparison period; None when compared with nothing
    trends: dict[str, Trend]
    first_day: date | None  # the first day with any data

    @property
    def previous_has_data(self) -> bool:
        return (
            self.previous is not None
            and self.first_day is not None
            and self.previous.end >= self.first_day
        )


HEADLINE_KEYS = (
    "tasks",
    "task_hours",
    "municipal_hours",
    "callouts",
    "acute",
    "doctor_share",
    "late_trips",
    "late_hours",
    "avoided_admissions",
    "outcome_coverage",
)
TREND_MONTHS = 12


def trend_window(filters: Filters, first_day: date | None) -> Filters:
    """Whole months covering the previous and the current period, at least twelve, but
    none before the data begins."""
    earliest = min(filters.previous().start, shift_months(filters.end, 1 - TREND_MONTHS))
    if first_day is not None:
        earliest = min(max(earliest, first_day), filters.start)
    return filters.with_period(earliest.replace(day=1), filters.end)


MONTH_IN_WINDOW = (
    "CASE WHEN day BETWEEN $window_start AND $window_end THEN date_trunc('month', day)::DATE END"
)
PERIOD_OF_DAY = (
    "CASE WHEN day BETWEEN $now_start AND $now_end THEN 'now' "
    "WHEN day BETWEEN $before_start AND $before_end THEN 'before' END"
)


def _summed_by(parts: dict[tuple, dict[str, float]], position: int) -> dict[object, Headline]:
    """The headline figures per value of one key of ``parts`` (the others summed over)."""
    summed: dict[object, dict] = defaultdict(lambda: defaultdict(float))
    for keys, values in parts.items():
        if keys[position] is not None:
            for name, value in values.items():
                summed[keys[position]][name] += value
    return {key: Headline.of(values) for key, values in summed.items()}


def overview(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    owners: dict[str, str] | None = None,
) -> Overview:
    """The headline figures of the period, the comparison period the filters choose (none
    when they choose none) and each trend month."""
    owners = owners or default_owner_by_service()
    extent = data_range(con, filters.staffed)
    first_day = extent[0] if extent else None
    window = trend_window(filters, first_day)
    previous = filters.comparison()
    # Without a comparison, "before" is an empty run of days: no day falls in it.
    before = previous or filters.with_period(filters.end + timedelta(days=1), filters.end)
    # One pass over the days of the trend window and both periods, keyed by (the month, if
    # the day is in the window; the period, if it is in one), summed both ways below.
    parts = _headline_parts(
        con,
        filters.with_period(min(window.start, before.start), max(filters.end, before.end)),
        owners,
        f"{MONTH_IN_WINDOW} AS key, {PERIOD_OF_DAY} AS period",
        {
            "window_start": window.start,
            "window_end": window.end,
            "now_start": filters.start,
            "now_end": filters.end,
            "before_start": before.start,
            "before_end": before.end,
        },
        cuts=[
            day
            for run in (window, filters, before)
            for day in (run.start, run.end + timedelta(days=1))
        ],
    )
    by_month, periods = _summed_by(parts, 0), _summed_by(parts, 1)
    now, before = periods.get("now", Headline()), periods.get("before", Headline())
    months = months_between(window.start, window.end)
    trends = {
        key: Trend(
            now.value(key),
            before.value(key) if previous else None,
            months,
            [by_month.get(month, Headline()).value(key) for month in months],
        )
        for key in HEADLINE_KEYS
    }
    return Overview(filters, previous, trends, first_day)


# --- Data range and freshness -------------------------------------------------------------


@dataclass(frozen=True)
class Freshness:
    """The last day with a record of each kind (goals: the latest assessment), or None."""

    activity: date | None
    callouts: date | None
    carlog: date | None
    goals: date | None


def freshness(con: duckdb.DuckDBPyConnection, schedule: StaffedSchedule) -> Freshness:
    _, activity, _, callouts, _, carlog, goals = _source_days(con, schedule)
    return Freshness(activity, callouts, carlog, goals)


def _source_days(con: duckdb.DuckDBPyConnection, schedule: StaffedSchedule) -> tuple:
    """First and last day of activities, call-outs and trips, and the latest goal
    assessment (each None when there is none)."""
    rollups_ready(con, schedule)
    return query_rows(con, queries.SOURCE_DAYS, {})[0]


def data_range(
    con: duckdb.DuckDBPyConnection, schedule: StaffedSchedule
) -> tuple[date, date] | None:
    """First and last day with any activity, call-out or trip."""
    days = _source_days(con, schedule)
    firsts = [day for day in days[0:6:2] if day is not None]
    lasts = [day for day in days[1:6:2] if day is not None]
    return (min(firsts), max(lasts)) if firsts else None


# --- Goals --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanStatus:
    """A plan's goals counted once each, by their latest assessment on or before a day."""

    plan: str
    status_1: int
    status_2: int
    status_3: int
    not_assessed: int
    assessed_without_scale: int = 0
    assessed_on: date | None = None  # for status over time
    assessed_precision: str | None = None  # the date as written: 'day', 'month' or 'year'

    @property
    def goals(self) -> int:
        return (
            self.status_1
            + self.status_2
            + self.status_3
            + self.not_assessed
            + self.assessed_without_scale
        )


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict]:
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def goal_status(con: duckdb.DuckDBPyConnection, as_of: date) -> list[PlanStatus]:
    """Per plan, its goals counted by their latest assessment on or before ``as_of``."""
    counts: dict[str, list[int]] = {}
    for goal in goals_as_of(con, as_of):
        column = _status_column(goal["status"], goal["status_text"])
        if column is not None:
            counts.setdefault(goal["plan"], [0] * 5)[column] += 1
    return [PlanStatus(plan, *counts[plan]) for plan in sorted(counts)]


def _status_column(status: int | None, text: str | None) -> int | None:
    """Where :class:`PlanStatus` counts an assessment: 0–2 for 1–3 on the scale, 3 when not
    assessed, 4 when assessed in words without a scale."""
    if status is None:
        return 3 if text is None else 4
    return status - 1 if status in (1, 2, 3) else None


def goals_as_of(con: duckdb.DuckDBPyConnection, as_of: date) -> list[dict]:
    """Every goal with its latest assessment on or before ``as_of``."""
    rows = query_rows(con, queries.GOALS_AS_OF, {"as_of": as_of})
    return [dict(zip(queries.GOAL_COLUMNS, row, strict=True)) for row in rows]


def goal_history(con: duckdb.DuckDBPyConnection, goal_id: str) -> list[dict]:
    """Every assessment of one goal, oldest first."""
    return goal_histories(con, goal_id).get(goal_id, [])


def goal_histories(con: duckdb.DuckDBPyConnection, goal_id: str | None = None) -> dict:
    """Per goal (only ``goal_id``, if given), every assessment, oldest first: one query for
    all, as the Mål view shows every goal's history."""
    histories: dict[str, list[dict]] = defaultdict(list)
    for row in _dicts(_execute(con, queries.GOAL_HISTORY, {"goal": goal_id})):
        histories[row.pop("goal_id")].append(row)
    return dict(histories)


def goal_status_over_time(con: duckdb.DuckDBPyConnection, plan: str) -> list[PlanStatus]:
    """For each date a goal of ``plan`` was assessed: the plan's status counts that day."""
    return plans_status_over_time(con, plan).get(plan, [])


def plans_status_over_time(
    con: duckdb.DuckDBPyConnection, plan: str | None = None
) -> dict[str, list[PlanStatus]]:
    """Per plan (only ``plan``, if given), its status counts on each date one of its goals
    was assessed."""
    over_time: dict[str, list[PlanStatus]] = defaultdict(list)
    for name, day, *counts, precision in query_rows(
        con, queries.GOAL_STATUS_OVER_TIME, {"plan": plan}
    ):
        over_time[name].append(
            PlanStatus(name, *map(int, counts), assessed_on=day, assessed_precision=precision)
        )
    return dict(over_time)


@dataclass(frozen=True)
class GoalRounds:
    """The latest goal-assessment date on or before the period's end, and the one before."""

    latest: date | None
    previous: date | None


def goal_rounds(con: duckdb.DuckDBPyConnection, as_of: date) -> GoalRounds:
    days = [row[0] for row in query_rows(con, queries.GOAL_ROUNDS, {"as_of": as_of})]
    days += [None] * (2 - len(days))
    return GoalRounds(latest=days[0], previous=days[1])


def goal_changes(con: duckdb.DuckDBPyConnection, since: date, as_of: date) -> list[dict]:
    """Goals whose status on ``as_of`` differs from their status on ``since``."""
    return _dicts(_execute(con, queries.GOAL_CHANGES, {"as_of": as_of, "since": since}))


@dataclass(frozen=True)
class PlanWords:
    """The words a plan's latest assessments use for each value of the 1–3 scale."""

    plan: str
    words: dict[int, tuple[str, ...]]


def plan_scale_words(con: duckdb.DuckDBPyConnection, as_of: date) -> list[PlanWords]:
    """The words each plan's latest assessments use for each scale value, the scale's
    highest first: one per spelling (the same word in other case or spacing is one)."""
    words: dict[str, dict[int, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for goal in goals_as_of(con, as_of):
        status, text = goal["status"], goal["status_text"]
        if status is not None and text is not None:
            spellings = words[goal["plan"]][status]
            key = text.strip(" ").lower()
            spellings[key] = min(spellings.get(key, text), text)
    return [
        PlanWords(
            plan,
            {
                status: tuple(sorted(by_status[status].values()))
                for status in sorted(by_status, reverse=True)
            },
        )
        for plan, by_status in sorted(words.items())
    ]


# --- Monthly series, as the charts and tables show them ---------------------------------


@dataclass(frozen=True)
class AcuteMonth:
    month: date
    acute: int
    with_doctor: int

    @property
    def share(self) -> float | None:
        return share(self.with_doctor, self.acute)

    @property
    def interval(self) -> tuple[float, float]:
        return wilson_interval(self.with_doctor, self.acute)


def acute_by_month(
    rows: list[CalloutMonth], months: list[date], keep: Callable[[CalloutMonth], bool] = bool
) -> list[AcuteMonth]:
    """Acute call-outs and those with a doctor per month, over the rows ``keep`` accepts."""
    acute, with_doctor = defaultdict(int), defaultdict(int)
    for row in rows:
        if row.urgency in ACUTE_URGENCIES and keep(row):
            acute[row.month] += row.callouts
            with_doctor[row.month] += row.with_doctor
    return [AcuteMonth(month, acute[month], with_doctor[month]) for month in months]


@dataclass(frozen=True)
class RoleMonth:
    """Trips after 22:00 in one month per driver role, and their minutes in all."""

    month: date
    trips: dict[str, int]
    minutes: float


def after_hours_by_month(rows: list[CarMonth], months: list[date]) -> list[RoleMonth]:
    trips = defaultdict(lambda: dict.fromkeys(DRIVER_ROLES, 0))
    minutes = defaultdict(float)
    for row in rows:
        trips[row.month][row.driver_role] += row.trips
        minutes[row.month] += row.minutes
    return [RoleMonth(month, trips[month], minutes[month]) for month in months]


def owner_hours_by_month(rows: list[OwnerMonth]) -> dict[date, dict[str, float]]:
    table = defaultdict(lambda: dict.fromkeys(OWNERS, 0.0))
    for row in rows:
        table[row.month][row.owner] += row.hours
    return dict(table)


# --- Headline figures per month, quarter or year -------------------------------------------

BUCKET_OF_DAY = {grain: f"date_trunc('{grain}', day)::DATE" for grain in GRAINS}


def headline_by(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    grain: str,
    owners: dict[str, str] | None = None,
) -> dict[date, Headline]:
    """The headline figures of each month, quarter or year (by its first day) of the period;
    a bucket without any data is left out."""
    owners = owners or default_owner_by_service()
    return _headline_groups(con, filters, owners, BUCKET_OF_DAY[grain], {})
