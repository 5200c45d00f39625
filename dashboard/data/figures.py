"""Every figure the dashboard shows, as parameterized SQL over the store.

The window, the brief and the command line all call these functions, so a number is
computed in exactly one place. Values always travel as ``$name`` parameters.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, time
from decimal import ROUND_HALF_UP, Decimal

import duckdb

SUBPROJECTS: dict[int, str] = {
    1: "Beredskap og ø-hjelp",
    2: "Samarbeid HBO og sykehjem",
    3: "Individuelle pasientforløp og planer",
    4: "Forebyggende hjemmebesøk",
    5: "Fra prosjekt til drift",
    6: "Kompetanse",
}

SERVICES = (
    "AMK",
    "Legevakt",
    "HBO",
    "Sykehjem",
    "Psykiatri/rus",
    "Kreftkoordinator",
    "Ergoterapi",
    "Fastlege",
    "Annet",
)

OWNERS = ("municipality", "health_trust", "shared")


def default_owner_by_service() -> dict[str, str]:
    """AMK is the health trust's, Annet is shared, every other service the municipality's."""
    owners = {service: "municipality" for service in SERVICES}
    owners["AMK"] = "health_trust"
    owners["Annet"] = "shared"
    return owners


@dataclass(frozen=True)
class StaffedHours:
    """When the car is staffed on weekdays; outside it the legevakt doctor uses the car."""

    start: time = time(10, 0)
    end: time = time(22, 0)

    @property
    def start_minute(self) -> int:
        return self.start.hour * 60 + self.start.minute

    @property
    def end_minute(self) -> int:
        return self.end.hour * 60 + self.end.minute


@dataclass(frozen=True)
class Filters:
    """A period of whole days (both ends included) and optional narrowing."""

    start: date
    end: date
    subproject: int | None = None
    municipality: str | None = None
    staffed: StaffedHours = field(default_factory=StaffedHours)

    def params(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "sub": self.subproject,
            "mun": self.municipality,
        }

    def previous(self) -> Filters:
        """The period of the same length just before this one."""
        length = self.end - self.start
        end = self.start.fromordinal(self.start.toordinal() - 1)
        return Filters(end - length, end, self.subproject, self.municipality, self.staffed)


ACTIVITY_WHERE = """
    start_at::DATE BETWEEN $start AND $end
    AND ($sub IS NULL OR subproject = $sub)
    AND ($mun IS NULL OR lower(municipality) = lower($mun))
"""

CALLOUT_WHERE = """
    alarm_at::DATE BETWEEN $start AND $end
    AND ($mun IS NULL OR lower(municipality) = lower($mun))
"""

TRIP_WHERE = "start_at::DATE BETWEEN $start AND $end AND end_at > start_at"


PARAMETER = re.compile(r"\$(\w+)")


def _execute(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> duckdb.DuckDBPyConnection:
    """Run ``sql`` with the parameters it names (DuckDB refuses unused ones)."""
    named = set(PARAMETER.findall(sql))
    return con.execute(sql, {name: value for name, value in params.items() if name in named})


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> list[dict]:
    cursor = _execute(con, sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def round_half_up(value: float | None, places: int = 1) -> float:
    """Rounded as a person checking by hand would (0.25 h → 0.3, not Python's 0.2)."""
    exact = Decimal(repr(value or 0.0))
    return float(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def one_decimal(value: float | None) -> float:
    return round_half_up(value, 1)


def _number(value: float | None) -> float | int:
    """Minutes and hours as JSON likes them: one decimal, whole numbers as ints."""
    rounded = one_decimal(value)
    return int(rounded) if rounded.is_integer() else rounded


def activity_totals(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    count, minutes = _execute(
        con,
        f"SELECT count(*), sum(minutes) FROM activities WHERE {ACTIVITY_WHERE}",
        filters.params(),
    ).fetchone()
    return {"count": count, "minutes": _number(minutes)}


def task_mix(con: duckdb.DuckDBPyConnection, filters: Filters, by: str = "task") -> list[dict]:
    """Count and minutes per subproject and task (``by="task"``) or requesting service."""
    column = {"task": "task", "requested_by": "requested_by"}[by]
    rows = _rows(
        con,
        f"""
        SELECT subproject, {column}, count(*) AS count, sum(minutes) AS minutes
        FROM activities WHERE {ACTIVITY_WHERE}
        GROUP BY ALL ORDER BY subproject, {column}
        """,
        filters.params(),
    )
    for row in rows:
        row["minutes"] = _number(row["minutes"])
    return rows


def months_between(start: date, end: date) -> list[date]:
    """The first day of every month the period touches."""
    months, current = [], date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def sum_months(rows: list[dict], keys: tuple[str, ...], values: tuple[str, ...]) -> list[dict]:
    """Monthly rows summed over the whole period, per ``keys``; the period is exactly the
    sum of its months, as both are filtered alike. Saves asking the database twice."""
    totals: dict[tuple, dict] = {}
    for row in rows:
        key = tuple(row[name] for name in keys)
        total = totals.setdefault(key, dict(zip(keys, key, strict=True)) | dict.fromkeys(values, 0))
        for name in values:
            total[name] += row[name]
    return [totals[key] for key in sorted(totals)]


def task_mix_monthly(
    con: duckdb.DuckDBPyConnection, filters: Filters, by: str = "task"
) -> list[dict]:
    """Like :func:`task_mix`, one row per month (the month's first day in ``month``)."""
    column = {"task": "task", "requested_by": "requested_by"}[by]
    return _rows(
        con,
        f"""
        SELECT date_trunc('month', start_at)::DATE AS month, subproject,
               {column} AS category, count(*) AS count, sum(minutes) AS minutes
        FROM activities WHERE {ACTIVITY_WHERE}
        GROUP BY ALL ORDER BY month, subproject, category
        """,
        filters.params(),
    )


ACUTE = "urgency IN ('akutt', 'haster')"


def callout_summary(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    total, acute, with_doctor = _execute(
        con,
        f"""
        SELECT count(*), count(*) FILTER ({ACUTE}),
               count(*) FILTER ({ACUTE} AND doctor_present)
        FROM callouts WHERE {CALLOUT_WHERE}
        """,
        filters.params(),
    ).fetchone()
    return {
        "total": total,
        "acute": acute,
        "acute_with_doctor": with_doctor,
        "acute_doctor_share": with_doctor / acute if acute else None,
    }


def callouts_monthly(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[dict]:
    """Per month, urgency and staffed/unstaffed time: call-outs and those with a doctor.

    A call-out is in staffed time when it falls on a weekday inside the staffed hours.
    """
    params = filters.params() | {
        "open": filters.staffed.start_minute,
        "close": filters.staffed.end_minute,
    }
    return _rows(
        con,
        f"""
        SELECT date_trunc('month', alarm_at)::DATE AS month, urgency,
               (isodow(alarm_at) <= 5
                AND hour(alarm_at) * 60 + minute(alarm_at) >= $open
                AND hour(alarm_at) * 60 + minute(alarm_at) < $close) AS staffed,
               count(*) AS callouts, count(*) FILTER (doctor_present) AS with_doctor
        FROM callouts WHERE {CALLOUT_WHERE}
        GROUP BY ALL ORDER BY month, urgency, staffed
        """,
        params,
    )


def wilson_interval(successes: int, trials: int, z: float = 1.959964) -> tuple[float, float]:
    """The Wilson score interval for a share; (nan, nan) when there are no trials."""
    if trials == 0:
        return (math.nan, math.nan)
    share = successes / trials
    denominator = 1 + z * z / trials
    centre = (share + z * z / (2 * trials)) / denominator
    spread = z * math.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials))
    return (max(0.0, centre - spread / denominator), min(1.0, centre + spread / denominator))


# Trips are measured with running totals instead of being cut day by day: U(t) is the
# minutes outside staffed hours from 1970 to t (each day's [00:00, open) and [close, 24:00)),
# so a trip's minutes in the daily window from close to the next open are U(end) − U(start),
# however many days it spans. S(t) is the same for staffed time, weekdays only.


def _day_and_minute(moment: str) -> tuple[str, str]:
    day = f"floor(epoch({moment}) / 86400)"
    return day, f"((epoch({moment}) - {day} * 86400) / 60.0)"


def _unstaffed_minutes_until(moment: str) -> str:
    day, minute = _day_and_minute(moment)
    return (
        f"({day} * (1440 - ($close - $open)) + least({minute}, $open) "
        f"+ greatest(0, {minute} - $close))"
    )


def _weekdays_before(day: str) -> str:
    # Day 0, 1 January 1970, was a Thursday: counted from Monday 29 December 1969.
    since_monday = f"({day} + 3)"
    return f"(5 * floor({since_monday} / 7) + least({since_monday} % 7, 5))"


def _staffed_minutes_until(moment: str) -> str:
    day, minute = _day_and_minute(moment)
    today = (
        f"CASE WHEN isodow({moment}) <= 5 THEN least(greatest({minute} - $open, 0), "
        f"$close - $open) ELSE 0 END"
    )
    return f"({_weekdays_before(day)} * ($close - $open) + {today})"


AFTER_HOURS_TRIPS = f"""
    SELECT * FROM (
        SELECT id, start_at, driver_role,
               {_unstaffed_minutes_until("end_at")} - {_unstaffed_minutes_until("start_at")}
                   AS minutes
        FROM car_trips WHERE {TRIP_WHERE}
    ) WHERE minutes > 0
"""


def _after_hours_params(filters: Filters) -> dict:
    return {
        "start": filters.start,
        "end": filters.end,
        "open": filters.staffed.start_minute,
        "close": filters.staffed.end_minute,
    }


def car_after_hours(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    trips, minutes = _execute(
        con,
        f"SELECT count(*), sum(minutes) FROM ({AFTER_HOURS_TRIPS})",
        _after_hours_params(filters),
    ).fetchone()
    return {"trips": trips, "minutes": _number(minutes)}


def car_after_hours_monthly(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[dict]:
    return _rows(
        con,
        f"""
        SELECT date_trunc('month', start_at)::DATE AS month, driver_role,
               count(*) AS trips, sum(minutes) AS minutes
        FROM ({AFTER_HOURS_TRIPS}) GROUP BY ALL ORDER BY month, driver_role
        """,
        _after_hours_params(filters),
    )


def car_use_heatmap(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[dict]:
    """Minutes of car use per ISO weekday (1 = Monday) and hour of day, split exactly."""
    return _rows(
        con,
        f"""
        WITH hours AS (
            SELECT start_at, end_at,
                   unnest(range(date_trunc('hour', start_at), end_at, INTERVAL 1 HOUR)) AS slot
            FROM car_trips WHERE {TRIP_WHERE}
        )
        SELECT isodow(slot) AS weekday, hour(slot) AS hour,
               sum(epoch(least(end_at, slot + INTERVAL 1 HOUR))
                   - epoch(greatest(start_at, slot))) / 60.0 AS minutes
        FROM hours GROUP BY ALL ORDER BY weekday, hour
        """,
        {"start": filters.start, "end": filters.end},
    )


STAFFED_PIECES = f"""
    SELECT coalesce(sum(epoch(end_at) - epoch(start_at)) / 60.0, 0),
           coalesce(sum({_staffed_minutes_until("end_at")}
                        - {_staffed_minutes_until("start_at")}), 0)
    FROM car_trips WHERE {TRIP_WHERE}
"""


def car_minutes_by_staffing(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    """Minutes of car use in the period: all, and outside staffed time (evenings, nights
    and weekends, when the legevakt doctor has the car)."""
    all_minutes, staffed = _execute(con, STAFFED_PIECES, _after_hours_params(filters)).fetchone()
    return {"all": float(all_minutes), "outside": float(all_minutes - staffed)}


def owner_of(mapping: dict[str, str]) -> str:
    """A SQL CASE over ``requested_by`` with the mapping's values as parameters."""
    return (
        "CASE requested_by "
        + " ".join(f"WHEN $svc{i} THEN $own{i}" for i in range(len(mapping)))
        + " ELSE 'shared' END"
    )


def _owner_params(mapping: dict[str, str]) -> dict:
    params = {}
    for i, (service, owner) in enumerate(mapping.items()):
        params[f"svc{i}"] = service
        params[f"own{i}"] = owner
    return params


def owner_hours(
    con: duckdb.DuckDBPyConnection, filters: Filters, mapping: dict[str, str] | None = None
) -> dict:
    """Hours from the activity log per owner of the requesting service."""
    mapping = mapping or default_owner_by_service()
    rows = _execute(
        con,
        f"""
        SELECT {owner_of(mapping)} AS owner, sum(minutes) / 60.0
        FROM activities WHERE {ACTIVITY_WHERE} GROUP BY owner
        """,
        filters.params() | _owner_params(mapping),
    ).fetchall()
    hours = dict.fromkeys(OWNERS, 0.0) | dict(rows)
    return {owner: one_decimal(hours[owner]) for owner in OWNERS}


def owner_hours_monthly(
    con: duckdb.DuckDBPyConnection, filters: Filters, mapping: dict[str, str] | None = None
) -> list[dict]:
    mapping = mapping or default_owner_by_service()
    return _rows(
        con,
        f"""
        SELECT date_trunc('month', start_at)::DATE AS month, {owner_of(mapping)} AS owner,
               sum(minutes) / 60.0 AS hours
        FROM activities WHERE {ACTIVITY_WHERE} GROUP BY ALL ORDER BY month, owner
        """,
        filters.params() | _owner_params(mapping),
    )


def daily_totals(
    con: duckdb.DuckDBPyConnection, filters: Filters, mapping: dict[str, str] | None = None
) -> list[dict]:
    """Per day with any data: the headline figures' parts, to be summed over any run of days.

    The overview sums these for the period, the previous period and each month of its
    trend lines, instead of asking for each one.
    """
    mapping = mapping or default_owner_by_service()
    days: dict[date, dict] = {}
    queries = (
        f"""SELECT start_at::DATE AS day, count(*) AS tasks, sum(minutes) AS task_minutes,
                   coalesce(sum(minutes) FILTER ({owner_of(mapping)} = 'municipality'), 0)
                       AS municipal_minutes
            FROM activities WHERE {ACTIVITY_WHERE} GROUP BY day""",
        f"""SELECT alarm_at::DATE AS day, count(*) AS callouts,
                   count(*) FILTER ({ACUTE}) AS acute,
                   count(*) FILTER ({ACUTE} AND doctor_present) AS acute_with_doctor
            FROM callouts WHERE {CALLOUT_WHERE} GROUP BY day""",
        f"""SELECT start_at::DATE AS day, count(*) AS late_trips, sum(minutes) AS late_minutes
            FROM ({AFTER_HOURS_TRIPS}) GROUP BY day""",
    )
    params = filters.params() | _owner_params(mapping) | _after_hours_params(filters)
    for sql in queries:
        for row in _rows(con, sql, params):
            days.setdefault(row["day"], dict.fromkeys(DAILY_PARTS, 0)).update(row)
    return [days[day] for day in sorted(days)]


DAILY_PARTS = (
    "day",
    "tasks",
    "task_minutes",
    "municipal_minutes",
    "callouts",
    "acute",
    "acute_with_doctor",
    "late_trips",
    "late_minutes",
)


LATEST_ASSESSMENT = """
    SELECT g.goal_id, g.plan, g.area, g.goal_text, a.status, a.assessed_on, a.comment,
           a.owner, a.recorded_at, a.recorded_by
    FROM goals g JOIN goal_assessments a USING (goal_id)
    WHERE a.assessed_on IS NULL OR a.assessed_on <= $as_of
    QUALIFY row_number() OVER (
        PARTITION BY g.goal_id
        ORDER BY a.assessed_on DESC NULLS LAST, a.recorded_at DESC) = 1
"""


def goal_status(con: duckdb.DuckDBPyConnection, as_of: date) -> list[dict]:
    """Per plan, each goal counted once by its latest assessment on or before ``as_of``."""
    return _rows(
        con,
        f"""
        SELECT plan,
               count(*) FILTER (status = 1) AS status_1,
               count(*) FILTER (status = 2) AS status_2,
               count(*) FILTER (status = 3) AS status_3,
               count(*) FILTER (status IS NULL) AS not_assessed
        FROM ({LATEST_ASSESSMENT}) GROUP BY plan ORDER BY plan
        """,
        {"as_of": as_of},
    )


def goals_as_of(con: duckdb.DuckDBPyConnection, as_of: date) -> list[dict]:
    """Every goal with its latest assessment on or before ``as_of``."""
    return _rows(
        con, f"{LATEST_ASSESSMENT} ORDER BY plan, area NULLS LAST, goal_text", {"as_of": as_of}
    )


def goal_history(con: duckdb.DuckDBPyConnection, goal_id: str) -> list[dict]:
    """Every assessment of one goal, oldest first."""
    return _rows(
        con,
        """
        SELECT assessed_on, status, comment, owner, recorded_at, recorded_by
        FROM goal_assessments WHERE goal_id = $goal
        ORDER BY assessed_on NULLS FIRST, recorded_at
        """,
        {"goal": goal_id},
    )


def goal_status_over_time(con: duckdb.DuckDBPyConnection, plan: str) -> list[dict]:
    """For each date a goal of ``plan`` was assessed: the plan's status counts that day."""
    return _rows(
        con,
        """
        WITH plan_goals AS (
            SELECT a.* FROM goal_assessments a JOIN goals g USING (goal_id)
            WHERE g.plan = $plan
        ),
        dates AS (SELECT DISTINCT assessed_on AS day FROM plan_goals WHERE assessed_on IS NOT NULL),
        latest AS (
            SELECT d.day, a.goal_id, a.status
            FROM dates d JOIN plan_goals a ON a.assessed_on IS NULL OR a.assessed_on <= d.day
            QUALIFY row_number() OVER (
                PARTITION BY d.day, a.goal_id
                ORDER BY a.assessed_on DESC NULLS LAST, a.recorded_at DESC) = 1
        )
        SELECT day AS assessed_on,
               count(*) FILTER (status = 1) AS status_1,
               count(*) FILTER (status = 2) AS status_2,
               count(*) FILTER (status = 3) AS status_3,
               count(*) FILTER (status IS NULL) AS not_assessed
        FROM latest GROUP BY day ORDER BY day
        """,
        {"plan": plan},
    )


@dataclass(frozen=True)
class GoalRounds:
    """The latest goal-assessment date on or before the period's end, and the one before."""

    latest: date | None
    previous: date | None


def goal_rounds(con: duckdb.DuckDBPyConnection, as_of: date) -> GoalRounds:
    """The two latest assessment dates on or before ``as_of`` (the last two rounds)."""
    days = [
        row[0]
        for row in con.execute(
            "SELECT DISTINCT assessed_on FROM goal_assessments "
            "WHERE assessed_on <= ? ORDER BY assessed_on DESC LIMIT 2",
            [as_of],
        ).fetchall()
    ]
    days += [None] * (2 - len(days))
    return GoalRounds(latest=days[0], previous=days[1])


def goal_changes(con: duckdb.DuckDBPyConnection, since: date, as_of: date) -> list[dict]:
    """Goals whose status on ``as_of`` differs from their status on ``since``."""
    return _rows(
        con,
        f"""
        SELECT now.goal_id, now.plan, now.goal_text, before.status AS status_before,
               now.status AS status_now, now.assessed_on, now.comment
        FROM ({LATEST_ASSESSMENT}) now
        LEFT JOIN ({LATEST_ASSESSMENT.replace("$as_of", "$since")}) before USING (goal_id)
        WHERE before.status IS DISTINCT FROM now.status
        ORDER BY now.plan, now.goal_text
        """,
        {"as_of": as_of, "since": since},
    )


def metrics(con: duckdb.DuckDBPyConnection, filters: Filters, model=None) -> dict:
    """The command line's ``metrics --json`` document (``model``: a costs.CostModel)."""
    from dashboard.data.costs import CostModel, cost_sharing

    model = model or CostModel()
    mapping = model.owner_by_service
    return {
        "period": {"from": filters.start.isoformat(), "to": filters.end.isoformat()},
        "activities": activity_totals(con, filters),
        "task_mix": task_mix(con, filters),
        "callouts": callout_summary(con, filters),
        "car_after_22": car_after_hours(con, filters),
        "goals": goal_status(con, filters.end),
        "owner_hours": owner_hours(con, filters, mapping),
        "cost_sharing": cost_sharing(con, filters, model),
    }
