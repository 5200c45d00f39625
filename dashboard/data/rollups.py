"""Daily aggregates of the fact tables, so that a figure costs days, not rows.

Every figure over activities, call-outs and car trips reads these tables; a filter change
then sums a few rows per day of the period instead of scanning millions of rows. They are
exact: sums of counts, minutes and kilometres per day and per everything a filter or a
figure splits by (tests compare them with the rows).

- ``activity_tasks``, ``activity_services``, ``activity_service_outcomes`` and
  ``activity_outcomes`` (each also per month, ``…_monthly``) and ``trip_hours`` depend on
  the rows only.
- ``callout_days`` and ``trip_days`` also depend on the staffed hours in force on each day
  and the public holidays, through ``staffed_calendar``. The meta key ``rollup_schedule``
  records the schedule they were built with; :func:`ensure` rebuilds them when it changes.

The import adds the rows of each new file in its own transaction (:func:`add_import`), as
deltas: a day may have several rows for the same key, and every query sums them. Whatever
writes fact rows another way (the demo generator, a test) calls :func:`rebuild`.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

import duckdb

from dashboard.data.calendar import write_calendar
from dashboard.data.values import StaffedSchedule

Progress = Callable[[float, str], None]
STATE_KEY = "rollup_schedule"
# The schema migration that created the rollup tables as they are; a file at an older
# version (opened read-only, so not migrated) lacks some of them.
ROLLUP_SCHEMA_VERSION = 10
_checked: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# The schedule of rollups built as temporary tables, per read-only connection: they live
# and die with it.
_temporary: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

# One table per way the activities are split: a day's tasks by service or by outcome are
# few, but every task × service × outcome × place of a day can be nearly a row each. The
# outcomes per requesting service have a table of their own: keyed by both, it is five times
# the services' (2.3M rows against 0.47M at ten million random rows), and the owners' hours,
# the overview and the task mix by service read the smaller one.
ACTIVITY_SPLITS = {
    "tasks": ("task", "task VARCHAR NOT NULL"),
    "services": ("requested_by", "requested_by VARCHAR NOT NULL"),
    "service_outcomes": (
        "requested_by, outcome",
        "requested_by VARCHAR NOT NULL, outcome VARCHAR",
    ),
    "outcomes": ("outcome", "outcome VARCHAR"),
}
# Each split is summed per day and per month (dated the month's first day): a figure reads
# the whole months of its period from the monthly table, about thirty times fewer rows, and
# only the days of a month it takes in part from the daily one (queries.activities).
MONTHLY = "_monthly"
ACTIVITY_DAYS = {"": "start_at::DATE", MONTHLY: "date_trunc('month', start_at)::DATE"}
ACTIVITY_COLUMNS = """day DATE NOT NULL, subproject TINYINT NOT NULL, municipality VARCHAR,
        {key}, tasks BIGINT NOT NULL, minutes DOUBLE NOT NULL, km DOUBLE"""

TABLES = {
    "staffed_calendar": """day DATE NOT NULL, open_minute SMALLINT NOT NULL,
        close_minute SMALLINT NOT NULL, staffed BOOLEAN NOT NULL""",
    **{
        f"activity_{split}{grain}": ACTIVITY_COLUMNS.format(key=key)
        for split, (_, key) in ACTIVITY_SPLITS.items()
        for grain in ACTIVITY_DAYS
    },
    "callout_days": """day DATE NOT NULL, municipality VARCHAR, urgency VARCHAR NOT NULL,
        resource VARCHAR, doctor_present BOOLEAN NOT NULL, staffed BOOLEAN NOT NULL,
        callouts BIGINT NOT NULL""",
    "trip_days": """day DATE NOT NULL, driver_role VARCHAR NOT NULL, trips BIGINT NOT NULL,
        minutes DOUBLE NOT NULL, km DOUBLE, after_trips BIGINT NOT NULL,
        after_minutes DOUBLE NOT NULL, outside_trips BIGINT NOT NULL,
        outside_minutes DOUBLE NOT NULL""",
    "trip_hours": """day DATE NOT NULL, weekday TINYINT NOT NULL, hour TINYINT NOT NULL,
        minutes DOUBLE NOT NULL""",
}

ACTIVITY_SPLIT = """
    INSERT INTO activity_{split}{grain}
    SELECT {day}, subproject, municipality, {columns},
           {{sign}} * count(*), {{sign}} * sum(minutes), {{sign}} * sum(km)
    FROM {{source}} WHERE {{rows}} GROUP BY ALL
"""
ACTIVITY_TABLES = tuple(
    ACTIVITY_SPLIT.format(split=split, grain=grain, day=day, columns=columns)
    for split, (columns, _) in ACTIVITY_SPLITS.items()
    for grain, day in ACTIVITY_DAYS.items()
)
# A rebuild reads the rows twice (the tasks, the outcomes per service), not eight times:
# the services and the outcomes are summed from the outcomes per service, and every month
# from its days.
SUMMED_FROM = """INSERT INTO activity_{target}
    SELECT {day}, subproject, municipality, {columns}, sum(tasks), sum(minutes), sum(km)
    FROM activity_{source} GROUP BY ALL"""
FROM_ROWS = ("tasks", "service_outcomes")
REBUILT_ACTIVITIES = (
    *(
        ACTIVITY_SPLIT.format(split=split, grain="", day=ACTIVITY_DAYS[""], columns=columns)
        for split, (columns, _) in ACTIVITY_SPLITS.items()
        if split in FROM_ROWS
    ),
    *(
        SUMMED_FROM.format(
            target=split, source="service_outcomes", day="day", columns=ACTIVITY_SPLITS[split][0]
        )
        for split in ("services", "outcomes")
    ),
    *(
        SUMMED_FROM.format(
            target=f"{split}{MONTHLY}",
            source=split,
            day="date_trunc('month', day)::DATE",
            columns=columns,
        )
        for split, (columns, _) in ACTIVITY_SPLITS.items()
    ),
)

CALLOUT_DAYS = """
    INSERT INTO callout_days
    SELECT c.alarm_at::DATE, c.municipality, c.urgency, c.resource, c.doctor_present,
           k.staffed AND hour(c.alarm_at) * 60 + minute(c.alarm_at) >= k.open_minute
               AND hour(c.alarm_at) * 60 + minute(c.alarm_at) < k.close_minute,
           {sign} * count(*)
    FROM {source} c JOIN staffed_calendar k ON k.day = c.alarm_at::DATE
    WHERE {rows} GROUP BY ALL
"""


def _oslo_minutes(earlier: str, later: str) -> str:
    """Real minutes between two local Norwegian times: across a clock change the wall
    clock gains or loses an hour that was never, or twice, lived."""
    return (
        f"(epoch(timezone('Europe/Oslo', {later})) "
        f"- epoch(timezone('Europe/Oslo', {earlier}))) / 60.0"
    )


# Each trip cut at midnights into pieces, one per day it touches; a piece's minutes inside
# that day's staffed hours are its staffed part. "After 22:00" is the rest of every day (the
# window from the end of staffed hours to their start next morning); "outside staffed time"
# is the same on a staffed day and the whole piece on a weekend or public holiday. Minutes
# are real minutes in Europe/Oslo, as the contract counts them across a clock change.
TRIP_PIECES = f"""
    WITH trips AS (
        SELECT rowid AS trip, start_at, end_at, driver_role, km FROM {{source}}
        WHERE end_at > start_at AND {{rows}}
    ),
    pieces AS (
        SELECT trip, start_at, driver_role, km, day,
               greatest(start_at, day::TIMESTAMP) AS piece_from,
               least(end_at, day::TIMESTAMP + INTERVAL 1 DAY) AS piece_to
        FROM (SELECT *, unnest(range(start_at::DATE, end_at, INTERVAL 1 DAY))::DATE AS day
              FROM trips)
    ),
    bounded AS (
        SELECT p.*, k.staffed,
               greatest(piece_from, day::TIMESTAMP + to_minutes(k.open_minute)) AS inside_from,
               least(piece_to, day::TIMESTAMP + to_minutes(k.close_minute)) AS inside_to
        FROM pieces p JOIN staffed_calendar k USING (day)
    ),
    measured AS (
        SELECT *, {_oslo_minutes("piece_from", "piece_to")} AS piece_minutes,
               CASE WHEN inside_to > inside_from
                    THEN {_oslo_minutes("inside_from", "inside_to")} ELSE 0 END
                   AS inside_minutes
        FROM bounded
    )
"""

TRIP_DAYS = (
    "INSERT INTO trip_days "
    + TRIP_PIECES
    + """,
    per_trip AS (
        SELECT trip, any_value(start_at)::DATE AS day, any_value(driver_role) AS driver_role,
               any_value(km) AS km, sum(piece_minutes) AS minutes,
               sum(piece_minutes - inside_minutes) AS after_minutes,
               sum(piece_minutes - CASE WHEN staffed THEN inside_minutes ELSE 0 END)
                   AS outside_minutes
        FROM measured GROUP BY trip
    )
    SELECT day, driver_role, {sign} * count(*), {sign} * sum(minutes), {sign} * sum(km),
           {sign} * count(*) FILTER (after_minutes > 0), {sign} * sum(after_minutes),
           {sign} * count(*) FILTER (outside_minutes > 0), {sign} * sum(outside_minutes)
    FROM per_trip GROUP BY ALL
"""
)

TRIP_HOURS = """
    INSERT INTO trip_hours
    SELECT start_at::DATE, isodow(slot), hour(slot),
           {sign} * sum(epoch(least(end_at, slot + INTERVAL 1 HOUR))
                        - epoch(greatest(start_at, slot))) / 60.0
    FROM (SELECT start_at, end_at,
                 unnest(range(date_trunc('hour', start_at), end_at, INTERVAL 1 HOUR)) AS slot
          FROM {source} WHERE end_at > start_at AND {rows})
    GROUP BY ALL
"""

BY_KIND = {
    "activity": ACTIVITY_TABLES,
    "callouts": (CALLOUT_DAYS,),
    "carlog": (TRIP_DAYS, TRIP_HOURS),
}
REBUILT_BY_KIND = BY_KIND | {"activity": REBUILT_ACTIVITIES}
TABLE_OF_KIND = {"activity": "activities", "callouts": "callouts", "carlog": "car_trips"}
ALL_ROWS = "true"
ONE_IMPORT = "import_id = $import_id"
REPLACED_BY_IMPORT = "replaced_by_import = $import_id"


def create_tables(con: duckdb.DuckDBPyConnection, temporary: bool = False) -> None:
    scope = "TEMP " if temporary else ""
    for name, columns in TABLES.items():
        con.execute(f"CREATE {scope}TABLE IF NOT EXISTS {name} ({columns})")


def state(con: duckdb.DuckDBPyConnection) -> str | None:
    """The schedule the rollups on this connection were built with, or None if never (or
    if the file is older than the rollups it should hold: opened read-only, unmigrated)."""
    if con in _temporary:
        return _temporary[con]
    try:
        version, fingerprint = con.execute(
            "SELECT (SELECT max(version) FROM schema_version),"
            " (SELECT value FROM meta WHERE key = ?)",
            [STATE_KEY],
        ).fetchone()
    except duckdb.CatalogException:
        return None  # a file from before the first migration
    return fingerprint if (version or 0) >= ROLLUP_SCHEMA_VERSION else None


def holds_temporary(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether this connection reads rollups built for it alone (a read-only file's stale
    rollups, see :func:`ensure`), which another connection to the file does not see."""
    return con in _temporary


def is_current(con: duckdb.DuckDBPyConnection, schedule: StaffedSchedule) -> bool:
    """Whether the rollups on this connection match ``schedule``; when they do, the figures
    read on it need not ask again."""
    fingerprint = schedule.fingerprint()
    if _checked.get(con) == fingerprint:
        return True
    current = state(con) == fingerprint
    if current:
        _checked[con] = fingerprint
    return current


def ensure(
    con: duckdb.DuckDBPyConnection, schedule: StaffedSchedule, progress: Progress | None = None
) -> bool:
    """Make the rollups match the rows and ``schedule``; True when they had to be built.

    On a read-only connection stale rollups are built as temporary tables for this
    connection only (they shadow the stored ones), so reading never needs the write lock.
    A connection that was checked once for this schedule is not asked again: every figure
    calls this, and the window opens a new connection for each batch of work.
    """
    if is_current(con, schedule):
        return False
    if _read_only(con):
        _build_temporary(con, schedule, progress)
    else:
        rebuild(con, schedule, progress)
    _checked[con] = schedule.fingerprint()
    return True


def rebuild(
    con: duckdb.DuckDBPyConnection, schedule: StaffedSchedule, progress: Progress | None = None
) -> None:
    """Build every rollup from the rows, in one transaction."""
    con.begin()
    try:
        _fill(con, schedule, progress)
        con.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [STATE_KEY, schedule.fingerprint()],
        )
        con.commit()
        _checked[con] = schedule.fingerprint()
    except BaseException:
        con.rollback()
        raise


def add_import(con: duckdb.DuckDBPyConnection, kind: str, import_id: int) -> None:
    """Add one import's rows, and take away the rows it replaced as corrections (their old
    values are in the kind's history table); call inside the import's transaction, after
    its inserts and replacements.

    Nothing to do while the rollups were never built: the first :func:`ensure` builds them
    from every row."""
    if kind not in BY_KIND or state(con) is None:
        return
    table = TABLE_OF_KIND[kind]
    for template in BY_KIND[kind]:
        added = template.format(source=table, rows=ONE_IMPORT, sign=1)
        replaced = template.format(source=f"{table}_history", rows=REPLACED_BY_IMPORT, sign=-1)
        con.execute(added, {"import_id": import_id})
        con.execute(replaced, {"import_id": import_id})


def _fill(con: duckdb.DuckDBPyConnection, schedule: StaffedSchedule, progress) -> None:
    steps = [(kind, sql) for kind, sqls in REBUILT_BY_KIND.items() for sql in sqls]
    _report(progress, 0.0, "Bygger kalenderen for bemannet tid")
    write_calendar(con, "staffed_calendar", schedule)
    for name in TABLES:
        if name != "staffed_calendar":
            con.execute(f"DELETE FROM {name}")
    for done, (kind, sql) in enumerate(steps, start=1):
        _report(progress, done / (len(steps) + 1), f"Summerer {TABLE_OF_KIND[kind]} per dag")
        con.execute(sql.format(source=TABLE_OF_KIND[kind], rows=ALL_ROWS, sign=1))
    _report(progress, 1.0, "Ferdig")


def _build_temporary(con: duckdb.DuckDBPyConnection, schedule: StaffedSchedule, progress) -> None:
    create_tables(con, temporary=True)
    _fill(con, schedule, progress)
    _temporary[con] = schedule.fingerprint()


def _read_only(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute(
        "SELECT readonly FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()[0]


def _report(progress: Progress | None, fraction: float, message: str) -> None:
    if progress is not None:
        progress(fraction, message)
