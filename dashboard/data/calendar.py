"""Which days and hours the car is staffed: weekdays inside the staffed hours in force that
day, except Norwegian public holidays (helligdager), which are unstaffed.

Public holidays come from the maintained ``holidays`` package (Easter-dependent days
included); Sundays are weekend days anyway and are not listed as holidays here.
"""

from __future__ import annotations

from datetime import date

import duckdb

from dashboard.data.values import FIRST_DAY, StaffedSchedule

LAST_DAY = date(2099, 12, 31)


def public_holidays(first_year: int = FIRST_DAY.year, last_year: int = LAST_DAY.year) -> list[date]:
    """Norwegian public holidays, Sundays left out."""
    import holidays

    return sorted(holidays.Norway(years=range(first_year, last_year + 1), include_sundays=False))


CALENDAR_SQL = """
    WITH periods AS (
        SELECT unnest($since) AS since, unnest($open) AS open_minute,
               unnest($close) AS close_minute
    ),
    days AS (
        SELECT range::DATE AS day FROM range($first, $last + INTERVAL 1 DAY, INTERVAL 1 DAY)
    )
    SELECT d.day, p.open_minute::SMALLINT AS open_minute, p.close_minute::SMALLINT AS close_minute,
           isodow(d.day) <= 5 AND d.day NOT IN (SELECT unnest($holidays)) AS staffed
    FROM days d ASOF JOIN periods p ON d.day >= p.since
"""


def calendar_params(schedule: StaffedSchedule) -> dict:
    """The schedule as lists, the first period stretched back to the calendar's first day."""
    since = [day for day, _ in schedule.periods]
    since[0] = FIRST_DAY
    return {
        "since": since,
        "open": [hours.start_minute for _, hours in schedule.periods],
        "close": [hours.end_minute for _, hours in schedule.periods],
        "first": FIRST_DAY,
        "last": LAST_DAY,
        "holidays": public_holidays(),
    }


def write_calendar(con: duckdb.DuckDBPyConnection, table: str, schedule: StaffedSchedule) -> None:
    """Fill ``table`` (which has the staffed_calendar columns) with one row per day."""
    con.execute(f"DELETE FROM {table}")
    con.execute(f"INSERT INTO {table} {CALENDAR_SQL}", calendar_params(schedule))
