"""The SQL of every figure, over the rollups; values only as ``$name`` parameters.

Each query filters by the period (``$start``, ``$end``) and, where its table has them, by
subproject (``$sub``) and municipality (``$mun``). ``{group}`` is replaced by a column list
taken from a fixed set in :mod:`dashboard.data.figures`, never by user text. A correction
(``import --replace-changed``) leaves the keys of the rows it replaced summing to nothing;
``HAVING`` keeps them out of every figure.
"""

from __future__ import annotations

from dashboard.data.vocabulary import ACUTE_URGENCIES

PERIOD = "day BETWEEN $start AND $end"
ACTIVITY_WHERE = f"""{PERIOD}
    AND ($sub IS NULL OR subproject = $sub)
    AND ($mun IS NULL OR lower(municipality) = lower($mun))"""
CALLOUT_WHERE = f"{PERIOD} AND ($mun IS NULL OR lower(municipality) = lower($mun))"
ACUTE = "urgency IN (" + ", ".join(f"'{urgency}'" for urgency in ACUTE_URGENCIES) + ")"


def activities(split: str, whole: int, partly: int) -> str:
    """The activities' rollup split by ``split`` over the period: ``whole`` runs of whole
    months (``$whole0_from``–``$whole0_to`` …, each month by its first day) from the monthly
    rollup, ``partly`` runs of days (``$part0_from``–``$part0_to`` …) from the daily one. A
    month's sums are dated its first day, so a query over this may group by month, quarter
    or year, or by runs of days that start where a month starts, never finer."""
    return f"""(
        SELECT * FROM activity_{split}_monthly WHERE {_runs("whole", whole)}
        UNION ALL
        SELECT * FROM activity_{split} WHERE {_runs("part", partly)})"""


def _runs(name: str, count: int) -> str:
    runs = [f"day BETWEEN ${name}{i}_from AND ${name}{i}_to" for i in range(count)]
    return " OR ".join(runs) or "false"


def owner_case(services: int) -> str:
    """A CASE giving the owner of ``requested_by`` from parameters ``$svc0``/``$own0`` …"""
    pairs = " ".join(f"WHEN $svc{i} THEN $own{i}" for i in range(services))
    return f"CASE requested_by {pairs} ELSE 'shared' END"


ACTIVITIES_BY = """
    SELECT {group}, coalesce(sum(tasks), 0) AS tasks, coalesce(sum(minutes), 0) AS minutes,
           coalesce(sum(km), 0) AS km
    FROM {source} WHERE {where}
    GROUP BY ALL
    HAVING sum(tasks) <> 0 ORDER BY ALL
"""

# The task mix of the period and of each month in one pass: a month of NULL is the period.
TASK_MIX = """
    SELECT date_trunc('month', day)::DATE AS month, subproject, {by},
           coalesce(sum(tasks), 0) AS tasks, coalesce(sum(minutes), 0) AS minutes
    FROM {source} WHERE {where}
    GROUP BY GROUPING SETS ((month, subproject, {by}), (subproject, {by}))
    HAVING sum(tasks) <> 0 ORDER BY ALL
"""

ACTIVITIES_BY_OWNER = """
    SELECT {group}, {owner} AS owner, coalesce(sum(tasks), 0) AS tasks,
           coalesce(sum(minutes), 0) AS minutes,
           coalesce(sum(km), 0) AS km
    FROM {source} WHERE {where}
    GROUP BY ALL
    HAVING sum(tasks) <> 0 ORDER BY ALL
"""

CALLOUTS_BY = f"""
    SELECT {{group}}, coalesce(sum(callouts), 0) AS total,
           coalesce(sum(callouts) FILTER ({ACUTE}), 0) AS acute,
           coalesce(sum(callouts) FILTER ({ACUTE} AND doctor_present), 0) AS acute_with_doctor,
           coalesce(sum(callouts) FILTER (doctor_present), 0) AS with_doctor
    FROM callout_days WHERE {CALLOUT_WHERE}
    GROUP BY ALL
    HAVING sum(callouts) <> 0 ORDER BY ALL
"""

TRIPS_BY = f"""
    SELECT {{group}}, coalesce(sum(trips), 0) AS trips, coalesce(sum(minutes), 0) AS minutes,
           coalesce(sum(km), 0) AS km,
           coalesce(sum(after_trips), 0) AS after_trips,
           coalesce(sum(after_minutes), 0) AS after_minutes,
           coalesce(sum(outside_trips), 0) AS outside_trips,
           coalesce(sum(outside_minutes), 0) AS outside_minutes
    FROM trip_days WHERE {PERIOD}
    GROUP BY ALL
    HAVING sum(trips) <> 0 ORDER BY ALL
"""

TRIP_HEATMAP = f"""
    SELECT weekday, hour, coalesce(sum(minutes), 0) AS minutes
    FROM trip_hours WHERE {PERIOD}
    GROUP BY ALL
    HAVING round(sum(minutes), 6) <> 0 ORDER BY ALL
"""

STAFFED_MINUTES = f"""
    SELECT coalesce(
        sum(close_minute - open_minute) FILTER (staffed AND close_minute > open_minute), 0)
    FROM staffed_calendar WHERE {PERIOD}
"""

LATEST_ASSESSMENT = """
    SELECT g.goal_id, g.plan, g.area, g.goal_text, a.status, a.assessed_on, a.comment,
           a.owner, a.recorded_at, a.recorded_by, a.status_text, a.assessed_precision,
           g.deadline, g.goal_type, g.evaluation, g.indicator, g.comparator, g.target
    FROM goals g JOIN goal_assessments a USING (goal_id)
    WHERE a.assessed_on IS NULL OR a.assessed_on <= $as_of
    QUALIFY row_number() OVER (
        PARTITION BY g.goal_id
        ORDER BY a.assessed_on DESC NULLS LAST, a.recorded_at DESC) = 1
"""

STATUS_COUNTS = """
    count(*) FILTER (status = 1) AS status_1,
    count(*) FILTER (status = 2) AS status_2,
    count(*) FILTER (status = 3) AS status_3,
    count(*) FILTER (status IS NULL AND status_text IS NULL) AS not_assessed,
    count(*) FILTER (status IS NULL AND status_text IS NOT NULL) AS assessed_without_scale
"""

GOALS_AS_OF = f"{LATEST_ASSESSMENT} ORDER BY plan, area NULLS LAST, goal_text"
# The columns of LATEST_ASSESSMENT, in order.
GOAL_COLUMNS = (
    "goal_id", "plan", "area", "goal_text", "status", "assessed_on", "comment", "owner",
    "recorded_at", "recorded_by", "status_text", "assessed_precision", "deadline", "goal_type",
    "evaluation", "indicator", "comparator", "target",
)  # fmt: skip

# Every goal's assessments ($goal NULL) or one goal's, each goal's oldest first.
GOAL_HISTORY = """
    SELECT goal_id, assessed_on, status, comment, owner, recorded_at, recorded_by,
           status_text, assessed_precision
    FROM goal_assessments WHERE $goal IS NULL OR goal_id = $goal
    ORDER BY goal_id, assessed_on NULLS FIRST, recorded_at
"""

# Every plan's ($plan NULL) or one plan's status counts on each day one of its goals was
# assessed.
GOAL_STATUS_OVER_TIME = f"""
    WITH plan_goals AS (
        SELECT g.plan, a.* FROM goal_assessments a JOIN goals g USING (goal_id)
        WHERE $plan IS NULL OR g.plan = $plan
    ),
    -- Each date at the finest precision it was written in that day ('day' < 'month' < 'year').
    dates AS (
        SELECT plan, assessed_on AS day, min(assessed_precision) AS day_precision
        FROM plan_goals WHERE assessed_on IS NOT NULL GROUP BY plan, assessed_on
    ),
    latest AS (
        SELECT d.plan, d.day, d.day_precision, a.goal_id, a.status, a.status_text
        FROM dates d JOIN plan_goals a
          ON a.plan = d.plan AND (a.assessed_on IS NULL OR a.assessed_on <= d.day)
        QUALIFY row_number() OVER (
            PARTITION BY d.plan, d.day, a.goal_id
            ORDER BY a.assessed_on DESC NULLS LAST, a.recorded_at DESC) = 1
    )
    SELECT plan, day AS assessed_on, {STATUS_COUNTS}, any_value(day_precision) AS precision
    FROM latest GROUP BY plan, day ORDER BY plan, day
"""

GOAL_ROUNDS = """
    SELECT DISTINCT assessed_on FROM goal_assessments
    WHERE assessed_on <= $as_of ORDER BY assessed_on DESC LIMIT 2
"""

GOAL_CHANGES = f"""
    SELECT now.goal_id, now.plan, now.goal_text, before.status AS status_before,
           now.status AS status_now, now.assessed_on, now.comment,
           before.status_text AS status_text_before, now.status_text AS status_text_now,
           now.assessed_precision, before.assessed_on AS assessed_before,
           before.assessed_precision AS precision_before
    FROM ({LATEST_ASSESSMENT}) now
    LEFT JOIN ({LATEST_ASSESSMENT.replace("$as_of", "$since")}) before USING (goal_id)
    -- The same status in other case or spacing is no change.
    WHERE before.status IS DISTINCT FROM now.status
       OR lower(trim(before.status_text)) IS DISTINCT FROM lower(trim(now.status_text))
    ORDER BY now.plan, now.goal_text
"""

# The first and last day of each source, and the latest goal assessment: the data's range
# and each source's freshness, read in one query.
SOURCE_DAYS = """
    SELECT (SELECT min(day) FROM activity_tasks), (SELECT max(day) FROM activity_tasks),
           (SELECT min(day) FROM callout_days), (SELECT max(day) FROM callout_days),
           (SELECT min(day) FROM trip_days), (SELECT max(day) FROM trip_days),
           (SELECT max(assessed_on) FROM goal_assessments)
"""


def outcome_case(outcomes: int) -> str:
    """A CASE giving an outcome in the vocabulary's spelling (parameters ``$out0`` …) when
    it matches one case-insensitively, else as written; NULL stays NULL (not recorded)."""
    pairs = " ".join(f"WHEN lower($out{i}) THEN $out{i}" for i in range(outcomes))
    return f"CASE lower(outcome) {pairs} ELSE outcome END"


OUTCOME_TOTALS = """
    SELECT {group},
           coalesce(sum(tasks) FILTER (lower(outcome) = lower($avoided)), 0) AS avoided,
           coalesce(sum(tasks) FILTER (outcome IS NOT NULL), 0) AS recorded
    FROM {source} WHERE {where}
    GROUP BY ALL
    HAVING sum(tasks) <> 0 ORDER BY ALL
"""
