"""A demo database: plausible, reproducible data from 2018 to today for trying the dashboard.

The numbers follow what the project's evaluation describes for Røros, Holtålen and Os: a
car staffed on weekdays that are not public holidays, at the staffed hours in force each day
(the schedule the demo is built for), doing 10–20 tasks a day; HBO tasks after the 14:00
shift report, psychiatry and substance-abuse tasks after 16:00, about three preventive home
visits a week. Røros municipality's own services (home care, nursing homes, psychiatry, the
cancer coordinator, the occupational therapist's preventive visits, the GPs) are done in
Røros; acute and legevakt work covers the whole legevakt district. A few AMK call-outs a
day. During staffed hours the legevakt doctor rides with the ambulance worker, who drives:
those trips are the helsevakt's, and most of them come between 20:00 and 22:00. Only outside
staffed time (mornings, evenings, nights, weekends and public holidays) does the doctor take
the car alone.

Each year is drawn from its own random stream, so a day's data stays the same when the
demo is rebuilt later with a later ``today``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from dashboard import RESOURCES
from dashboard.data import rollups
from dashboard.data.calendar import public_holidays
from dashboard.data.domain_facts import DOMAIN_REFERENCES, domain_events
from dashboard.data.events import add_event
from dashboard.data.followup_demo import add_demo_log
from dashboard.data.goals import derive_goal_id, set_goal_details
from dashboard.data.references import add_reference
from dashboard.data.store import Store, demo_db_path
from dashboard.data.values import StaffedSchedule

__all__ = ["build_demo", "demo_db_path", "ensure_demo"]

Progress = Callable[[float, str], None]
Columns = dict[str, np.ndarray]


@dataclass(frozen=True)
class Days:
    """The days of a year, each with its staffed hours (minutes after midnight) and whether
    it is staffed at all (a weekday that is not a public holiday)."""

    days: np.ndarray
    open: np.ndarray
    close: np.ndarray
    staffed: np.ndarray


YearGenerator = Callable[[np.random.Generator, Days], Columns]

FIRST_DAY = date(2018, 1, 1)
DEMO_FILE_NAME = "Demodata (generert)"
# The real goal tables (see resources/goals/SOURCES.md), imported whole: no invented goals.
REAL_GOALS_FILES = (
    "hmn_strategi2030_samhandling.csv",
    "hmn_regional_utviklingsplan_2019_2022.csv",
    "stolav_lokal_utviklingsplan_2021.csv",
    "hmr_utviklingsplan_2021.csv",
    "hnt_utviklingsplan_2021.csv",
    "rorosprosjektet_maal.csv",
)
# The demo ties this goal to the acute doctor share, to show a goal beside its figure.
TIED_GOAL = (
    "Rørosprosjektet – mobil integrert helsetjeneste",
    "Styrke det lokale akuttmedisinske tilbudet, inklusive helseberedskap i regionen",
)

OPEN = 10 * 60
SHIFT_REPORT = 14 * 60
PSYCHIATRY_FROM = 16 * 60
GP_OFFICE_CLOSES = 15 * 60

MUNICIPALITIES = np.array(["Røros", "Holtålen", "Os"], dtype=object)
RØROS = 0
# The inter-municipal services: AMK and the legevakt serve Røros, Holtålen (Ålen) and Os.
DISTRICT_SERVICES = ("AMK", "Legevakt")
MUNICIPALITY_SHARES = [0.68, 0.18, 0.14]
# Typical kilometres for a task in each municipality, from the station at Røros.
MUNICIPALITY_KM = np.array([9.0, 42.0, 30.0])

# Independent random streams, so that changing one table leaves the others as they were.
ACTIVITY_STREAM, CALLOUT_STREAM, DOCTOR_TRIP_STREAM = 1, 2, 3


@dataclass(frozen=True)
class TaskKind:
    """One kind of task: who asks for it, when in the day it may start, how long it takes."""

    subproject: int
    task: str
    requested_by: str
    weight: float
    earliest: int
    latest: int
    mean_minutes: float
    outcomes: str
    drives: bool = True
    # The share of these tasks that start from 20:00: the legevakt doctor rides along most
    # between 20:00 and 22:00.
    evening_share: float = 0.0


def _at(hour: int, minute: int = 0) -> int:
    return hour * 60 + minute


TASKS: tuple[TaskKind, ...] = (
    TaskKind(1, "Ø-hjelp", "AMK", 1.6, OPEN, _at(21, 30), 55, "acute"),
    TaskKind(1, "Bistand legevakt", "Legevakt", 1.2, OPEN, _at(21, 30), 45, "acute", True, 0.6),
    TaskKind(1, "Tilsyn", "Legevakt", 1.0, OPEN, _at(21, 30), 40, "assessment", True, 0.6),
    TaskKind(2, "Blodprøve", "Fastlege", 1.8, OPEN, GP_OFFICE_CLOSES, 20, "procedure"),
    TaskKind(2, "EKG", "Fastlege", 0.6, OPEN, GP_OFFICE_CLOSES, 30, "procedure"),
    TaskKind(2, "Blodtrykksmåling", "Fastlege", 0.7, OPEN, GP_OFFICE_CLOSES, 20, "procedure"),
    TaskKind(2, "Sårstell", "HBO", 1.3, SHIFT_REPORT, _at(21), 35, "procedure"),
    TaskKind(2, "Medisinhåndtering", "HBO", 1.1, SHIFT_REPORT, _at(21), 25, "procedure"),
    TaskKind(2, "Vurdering hjemmeboende", "HBO", 0.8, SHIFT_REPORT, _at(21), 40, "assessment"),
    TaskKind(2, "Vurdering sykehjem", "Sykehjem", 1.0, OPEN, _at(21), 45, "assessment"),
    TaskKind(2, "Kateterisering", "Sykehjem", 0.4, OPEN, _at(21), 30, "procedure"),
    TaskKind(2, "Intravenøs behandling", "Sykehjem", 0.4, OPEN, _at(20), 50, "assessment"),
    TaskKind(3, "Oppfølging kreft", "Kreftkoordinator", 0.6, OPEN, _at(15), 50, "follow_up"),
    TaskKind(3, "Lindrende behandling", "Kreftkoordinator", 0.3, OPEN, _at(21), 45, "follow_up"),
    TaskKind(
        3,
        "Psykiatri/rus-oppfølging",
        "Psykiatri/rus",
        1.0,
        PSYCHIATRY_FROM,
        _at(21),
        45,
        "follow_up",
    ),
    TaskKind(
        3,
        "Medisinutlevering LAR",
        "Psykiatri/rus",
        0.5,
        PSYCHIATRY_FROM,
        _at(21, 30),
        20,
        "follow_up",
    ),
    # Weight 0: preventive visits are drawn by the week, not in the day's mix.
    TaskKind(4, "Forebyggende hjemmebesøk", "Ergoterapi", 0.0, OPEN, _at(14), 75, "visit"),
    TaskKind(5, "Samarbeidsmøte", "Annet", 0.25, OPEN, _at(14), 60, "none", drives=False),
    TaskKind(5, "Planlegging av drift", "Annet", 0.15, OPEN, _at(14), 90, "none", drives=False),
    TaskKind(6, "Opplæring", "Annet", 0.35, OPEN, _at(15), 90, "none", drives=False),
    TaskKind(6, "Hospitering", "Annet", 0.1, OPEN, _at(11), 240, "none", drives=False),
    TaskKind(6, "Fagdag", "Annet", 0.03, OPEN, _at(10, 30), 300, "none", drives=False),
    TaskKind(6, "Ferdighetstrening", "Legevakt", 0.2, OPEN, _at(20), 60, "none", drives=False),
)
PREVENTIVE_VISIT = next(i for i, kind in enumerate(TASKS) if kind.subproject == 4)

OUTCOMES: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    "acute": (
        ("Behandlet på stedet", "Innleggelse unngått", "Innlagt", "Henvist fastlege"),
        (0.50, 0.05, 0.30, 0.15),
    ),
    "assessment": (
        ("Behandlet på stedet", "Innleggelse unngått", "Innlagt", "Henvist fastlege"),
        (0.60, 0.05, 0.10, 0.25),
    ),
    "procedure": (("Behandlet på stedet", "Henvist fastlege"), (0.88, 0.12)),
    "follow_up": (("Behandlet på stedet", "Henvist fastlege", "Innlagt"), (0.85, 0.12, 0.03)),
    "visit": (("Ingen tiltak", "Tiltak anbefalt", "Henvist fastlege"), (0.50, 0.38, 0.12)),
}

TASKS_PER_WEEKDAY = 13.5
# Double shifts at Rørosmartnan: more tasks than one worker's hours hold.
MARTNAN_LEVEL = 1.6
VISITS_PER_WEEK = 3.0

CALLOUTS_PER_DAY = 3.2
URGENCIES = np.array(["akutt", "haster", "vanlig"], dtype=object)
URGENCY_SHARES = [0.30, 0.35, 0.35]
# With the car a doctor joins most red and many yellow call-outs: about 60 % of acute ones.
DOCTOR_CHANCE_BY_URGENCY = np.array([0.68, 0.53, 0.20])
# Call-outs the car takes while staffed, and acute ones the doctor drives it to off hours.
CAR_SHARE_STAFFED = 0.55
CAR_SHARE_DOCTOR_OFF_HOURS = 0.5
BOTH_SENT = "Ambulanse og helsevaktbil"
BOTH_SENT_SHARE_OF_RED = 0.25
CALLOUT_HOUR_WEIGHTS = np.array(
    [2, 2, 1.5, 1.5, 1.5, 2, 3, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5.5, 5, 4.5, 4, 3, 2.5]
)

DOCTOR_TRIPS_PER_WEEKDAY = 1.3
DOCTOR_TRIPS_PER_WEEKEND_DAY = 3.0
# Staffed days: only outside the staffed hours, before they start (ending by then) or after
# they end; the hours inside are left out for each day's schedule.
DOCTOR_WEEKDAY_HOUR_WEIGHTS = np.array([2, 1.5, 1, 1, 1, 1, 1.5, 2, 2, 2] + [0.5] * 12 + [6, 4])
DOCTOR_WEEKEND_HOUR_WEIGHTS = np.array(
    [2, 1.5, 1, 1, 1, 1, 1.5, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5.5, 8, 8, 5, 3]
)
DOCTOR_PURPOSES = np.array(
    ["Sykebesøk", "Utrykning", "Tilsyn sykehjem", "Hjemmebesøk"], dtype=object
)
DOCTOR_PURPOSE_SHARES = [0.40, 0.30, 0.20, 0.10]


def _probabilities(weights) -> np.ndarray:
    weights = np.asarray(weights, dtype=float)
    return weights / weights.sum()


def _days_of(year: int) -> np.ndarray:
    return np.arange(f"{year}-01-01", f"{year + 1}-01-01", dtype="datetime64[D]")


def _weekday(days: np.ndarray) -> np.ndarray:
    """0 = Monday; 1970-01-01, day 0 of numpy's calendar, was a Thursday."""
    return (days.astype("int64") + 3) % 7


def _month(days: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[M]").astype("int64") % 12 + 1


def _activity_level(days: np.ndarray) -> np.ndarray:
    """Ramp-up over the first half of 2018, a quieter July holiday, a busier winter, and
    Rørosmartnan, when the car ran double shifts."""
    elapsed = (days - np.datetime64(FIRST_DAY)).astype("int64")
    ramp = np.clip(0.6 + 0.4 * elapsed / 180, None, 1.0)
    month = _month(days)
    season = np.where(month == 7, 0.7, np.where(np.isin(month, (12, 1, 2)), 1.08, 1.0))
    return ramp * season * np.where(_in_martnan(days), MARTNAN_LEVEL, 1.0)


def _in_martnan(days: np.ndarray) -> np.ndarray:
    """Rørosmartnan: from the last Tuesday of February to the Saturday after."""
    march = days.astype("datetime64[Y]").astype("datetime64[M]") + 2
    february_end = march.astype("datetime64[D]") - 1
    last_tuesday = february_end - (_weekday(february_end) - 1) % 7
    since = (days - last_tuesday).astype("int64")
    return (since >= 0) & (since <= 4)


def _at_minute(days: np.ndarray, minutes: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[m]") + minutes.astype("int64").astype("timedelta64[m]")


def _municipality_and_km(
    rng: np.random.Generator, size: int, in_roros: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Where each task or trip goes; ``in_roros`` marks those that stay in Røros."""
    place = rng.choice(len(MUNICIPALITIES), size=size, p=MUNICIPALITY_SHARES)
    if in_roros is not None:
        place = np.where(in_roros, RØROS, place)
    km = np.round(MUNICIPALITY_KM[place] * rng.gamma(4.0, 0.25, size=size), 1)
    return MUNICIPALITIES[place], km


def _start_minutes(rng: np.random.Generator, kind: np.ndarray, year: Days, day: np.ndarray):
    """A start on a five-minute mark inside the kind's window and the day's staffed hours;
    the legevakt's tasks come mostly from 20:00."""
    earliest = np.maximum(np.array([task.earliest for task in TASKS])[kind], year.open[day])
    latest = np.minimum(np.array([task.latest for task in TASKS])[kind], year.close[day] - 20)
    evening = rng.random(kind.size) < np.array([task.evening_share for task in TASKS])[kind]
    earliest = np.where(evening, np.maximum(earliest, _at(20)), earliest)
    latest = np.maximum(latest, earliest)
    return np.floor((earliest + rng.random(kind.size) * (latest - earliest)) / 5) * 5


def year_of_days(year: int, schedule: StaffedSchedule, holidays: set[date]) -> Days:
    """Every day of ``year`` with the staffed hours in force and whether it is staffed."""
    days = _days_of(year)
    hours = [schedule.on(day) for day in days.astype(object)]
    holiday = np.array([day in holidays for day in days.astype(object)], dtype=bool)
    return Days(
        days,
        np.array([h.start_minute for h in hours]),
        np.array([h.end_minute for h in hours]),
        (_weekday(days) < 5) & ~holiday,
    )


def _task_kinds_per_row(rng: np.random.Generator, year: Days) -> tuple[np.ndarray, ...]:
    """The day index and kind of every task: the staffed day's mix plus the week's
    preventive visits. A public holiday is not staffed: no tasks."""
    days = year.days
    level = _activity_level(days) * year.staffed
    tasks_per_day = rng.poisson(TASKS_PER_WEEKDAY * level)
    mix = _probabilities([kind.weight for kind in TASKS])
    mixed_kinds = rng.choice(len(TASKS), size=tasks_per_day.sum(), p=mix)
    visit_chance = np.where(_month(days) == 7, 0.5, 1.0) * VISITS_PER_WEEK / 5 * year.staffed
    visits_per_day = rng.binomial(1, visit_chance)
    index = np.arange(days.size)
    day = np.concatenate([np.repeat(index, tasks_per_day), np.repeat(index, visits_per_day)])
    kind = np.concatenate([mixed_kinds, np.full(visits_per_day.sum(), PREVENTIVE_VISIT)])
    return day, kind


def _outcomes(rng: np.random.Generator, kind: np.ndarray) -> np.ndarray:
    profile = np.array([task.outcomes for task in TASKS], dtype=object)[kind]
    outcome = np.full(kind.size, None, dtype=object)
    for name, (labels, shares) in OUTCOMES.items():
        rows = np.flatnonzero(profile == name)
        picks = rng.choice(len(labels), size=rows.size, p=shares)
        outcome[rows] = np.array(labels, dtype=object)[picks]
    return outcome


def _activities_of(rng: np.random.Generator, year: Days) -> Columns:
    index, kind = _task_kinds_per_row(rng, year)
    day = year.days[index]
    mean = np.array([task.mean_minutes for task in TASKS])[kind]
    start = _start_minutes(rng, kind, year, index)
    # Every task ends by the end of the staffed shift.
    close = year.close[index]
    minutes = np.minimum(np.round(np.clip(rng.gamma(3.0, mean / 3.0), 10, None)), close - start)
    services = np.array([task.requested_by for task in TASKS], dtype=object)[kind]
    municipality, km = _municipality_and_km(
        rng, kind.size, in_roros=~np.isin(services, DISTRICT_SERVICES)
    )
    drives = np.array([task.drives for task in TASKS])[kind]
    return {
        "start_at": _at_minute(day, start),
        "end_at": _at_minute(day, start + minutes),
        "minutes": minutes,
        "subproject": np.array([task.subproject for task in TASKS])[kind],
        "task": np.array([task.task for task in TASKS], dtype=object)[kind],
        "requested_by": np.array([task.requested_by for task in TASKS], dtype=object)[kind],
        "municipality": municipality,
        "outcome": _outcomes(rng, kind),
        "km": np.where(drives, km, np.nan),
    }


def _callouts_of(rng: np.random.Generator, year: Days) -> Columns:
    per_day = rng.poisson(CALLOUTS_PER_DAY, size=year.days.size)
    index = np.repeat(np.arange(year.days.size), per_day)
    day = year.days[index]
    size = day.size
    hour = rng.choice(24, size=size, p=_probabilities(CALLOUT_HOUR_WEIGHTS))
    minute = hour * 60 + rng.integers(0, 60, size=size)
    urgency = rng.choice(len(URGENCIES), size=size, p=URGENCY_SHARES)
    doctor = rng.random(size) < DOCTOR_CHANCE_BY_URGENCY[urgency]
    staffed = year.staffed[index] & (minute >= year.open[index]) & (minute < year.close[index])
    # Outside staffed hours the car only turns out when the doctor drives it to an acute call.
    doctor_takes_car = doctor & (urgency < 2) & (rng.random(size) < CAR_SHARE_DOCTOR_OFF_HOURS)
    car = np.where(staffed, rng.random(size) < CAR_SHARE_STAFFED, doctor_takes_car)
    # On some red call-outs in staffed time both the car and the ambulance are sent.
    both = car & staffed & (urgency == 0) & (rng.random(size) < BOTH_SENT_SHARE_OF_RED)
    municipality, _ = _municipality_and_km(rng, size)
    resource = np.where(car, "Helsevaktbil", "Ambulanse").astype(object)
    resource[both] = BOTH_SENT
    return {
        "alarm_at": _at_minute(day, minute),
        "urgency": URGENCIES[urgency],
        "resource": resource,
        "doctor_present": doctor,
        "municipality": municipality,
    }


def _off_hours_start(rng: np.random.Generator, open_at: np.ndarray, close: np.ndarray):
    """A start outside each staffed day's hours: hours inside them weigh nothing."""
    start = np.zeros(open_at.size)
    hours = np.arange(24) * 60
    for shift in sorted(set(zip(open_at.tolist(), close.tolist(), strict=True))):
        rows = np.flatnonzero((open_at == shift[0]) & (close == shift[1]))
        off = (hours + 60 <= shift[0]) | (hours >= shift[1])
        hour = rng.choice(24, size=rows.size, p=_probabilities(DOCTOR_WEEKDAY_HOUR_WEIGHTS * off))
        start[rows] = hour * 60 + rng.integers(0, 12, rows.size) * 5
    return start


def _doctor_trips_of(rng: np.random.Generator, year: Days) -> Columns:
    """The doctor's own trips: on staffed days only outside the staffed hours, any time on
    weekends and public holidays."""
    unstaffed = ~year.staffed
    per_day = rng.poisson(
        np.where(unstaffed, DOCTOR_TRIPS_PER_WEEKEND_DAY, DOCTOR_TRIPS_PER_WEEKDAY)
    )
    index = np.repeat(np.arange(year.days.size), per_day)
    day, on_unstaffed_day = year.days[index], unstaffed[index]
    open_at, size = year.open[index], day.size
    weekday_start = _off_hours_start(rng, open_at, year.close[index])
    weekend_hour = rng.choice(24, size=size, p=_probabilities(DOCTOR_WEEKEND_HOUR_WEIGHTS))
    weekend_start = weekend_hour * 60 + rng.integers(0, 12, size) * 5
    start = np.where(on_unstaffed_day, weekend_start, weekday_start)
    minutes = np.round(np.clip(rng.gamma(2.5, 20.0, size=size), 10, 240))
    # A morning trip on a staffed day hands the car back before the shift starts.
    morning = ~on_unstaffed_day & (start < open_at)
    minutes = np.where(morning, np.minimum(minutes, open_at - start), minutes)
    _, km = _municipality_and_km(rng, size)
    purpose = rng.choice(len(DOCTOR_PURPOSES), size=size, p=DOCTOR_PURPOSE_SHARES)
    return {
        "start_at": _at_minute(day, start),
        "end_at": _at_minute(day, start + minutes),
        "driver_role": np.full(size, "legevaktlege", dtype=object),
        "purpose": DOCTOR_PURPOSES[purpose],
        "km": km,
    }


def _helsevakt_trips(activities: Columns) -> Columns:
    """Every task that leaves the station is one trip in the car log."""
    drives = ~np.isnan(activities["km"])
    return {
        "start_at": activities["start_at"][drives],
        "end_at": activities["end_at"][drives],
        "driver_role": np.full(drives.sum(), "helsevakt", dtype=object),
        "purpose": activities["task"][drives],
        "km": activities["km"][drives],
    }


def _concat(parts: list[Columns]) -> Columns:
    return {name: np.concatenate([part[name] for part in parts]) for name in parts[0]}


def _chronological(columns: Columns, time_column: str, last_day: date) -> Columns:
    """Rows up to ``last_day`` in time order, numbered from 1 for their ids."""
    keep = columns[time_column].astype("datetime64[D]") <= np.datetime64(last_day)
    kept = {name: values[keep] for name, values in columns.items()}
    order = np.argsort(kept[time_column], kind="stable")
    ordered = {name: values[order] for name, values in kept.items()}
    ordered["number"] = np.arange(1, order.size + 1)
    return ordered


ACTIVITY_INSERT = """
    INSERT INTO activities
    SELECT printf('demo-a-%07d', number), start_at, end_at, minutes, subproject, task,
           requested_by, municipality, outcome, km, $import_id
    FROM demo_rows ORDER BY number
"""
CALLOUT_INSERT = """
    INSERT INTO callouts
    SELECT printf('demo-c-%07d', number), alarm_at, urgency, resource, doctor_present,
           municipality, $import_id
    FROM demo_rows ORDER BY number
"""
TRIP_INSERT = """
    INSERT INTO car_trips
    SELECT printf('demo-t-%07d', number), start_at, end_at, driver_role, purpose, km, $import_id
    FROM demo_rows ORDER BY number
"""


@dataclass(frozen=True)
class _DemoRun:
    """One build: where the rows go and what makes them what they are."""

    store: Store
    seed: int
    last_day: date
    schedule: StaffedSchedule

    def yearly(self, generate: YearGenerator, stream: int) -> Columns:
        holidays = set(public_holidays(FIRST_DAY.year, self.last_day.year))
        parts = [
            generate(
                np.random.default_rng([self.seed, stream, year]),
                year_of_days(year, self.schedule, holidays),
            )
            for year in range(FIRST_DAY.year, self.last_day.year + 1)
        ]
        return _concat(parts)

    def insert(self, sql: str, columns: Columns, kind: str, time_column: str) -> None:
        """Record the import, then add the rows up to the last day in one statement."""
        import pandas as pd

        rows = _chronological(columns, time_column, self.last_day)
        import_id = self._record_import(kind, rows["number"].size)
        self.store.con.register("demo_rows", pd.DataFrame(rows))
        try:
            self.store.con.execute(sql, {"import_id": import_id})
        finally:
            self.store.con.unregister("demo_rows")

    def _record_import(self, kind: str, rows: int) -> int:
        fingerprint = f"helsevakt-demo|{kind}|seed={self.seed}|{FIRST_DAY}|{self.last_day}"
        return self.store.con.execute(
            "INSERT INTO imports (id, file_name, sha256, kind, rows_read, rows_added, "
            "imported_at) VALUES (nextval('import_id_seq'), ?, ?, ?, ?, ?, "
            "current_timestamp::TIMESTAMP) RETURNING id",
            [DEMO_FILE_NAME, hashlib.sha256(fingerprint.encode()).hexdigest(), kind, rows, rows],
        ).fetchone()[0]


def _add_followup_log(run: _DemoRun) -> None:
    """The demo meetings' follow-up log, stored as the demo's import of it: made up like
    every demo figure, so no one's entry for the window's undo to take back."""
    con = run.store.con
    import_id = run._record_import("actions", add_demo_log(con, run.last_day))
    for table in ("followup_items", "followup_changes"):
        con.execute(f"UPDATE {table} SET import_id = ? WHERE import_id IS NULL", [import_id])


def _fill_logs(run: _DemoRun, progress: Progress) -> None:
    progress(0.05, "Lager aktivitetslogg …")
    activities = run.yearly(_activities_of, ACTIVITY_STREAM)
    run.insert(ACTIVITY_INSERT, activities, "activity", "start_at")
    progress(0.35, "Lager utrykninger …")
    run.insert(CALLOUT_INSERT, run.yearly(_callouts_of, CALLOUT_STREAM), "callouts", "alarm_at")
    progress(0.55, "Lager kjørebok …")
    doctor_trips = run.yearly(_doctor_trips_of, DOCTOR_TRIP_STREAM)
    trips = _concat([_helsevakt_trips(activities), doctor_trips])
    run.insert(TRIP_INSERT, trips, "carlog", "start_at")


def _add_real_goals(store: Store) -> None:
    """The real goal tables the application ships, imported as a user would import them,
    and one of the Røros project's goals tied to the figure that follows it."""
    from dashboard.data.importer import import_file

    for name in REAL_GOALS_FILES:
        import_file(store, RESOURCES / "goals" / name, kind="goals")
    set_goal_details(
        store.con,
        derive_goal_id(*TIED_GOAL),
        deadline=None,
        goal_type="overordnet mål",
        indicator="acute_doctor_share",
        comparator=">=",
        target=0.6,
    )


def _add_domain_facts(store: Store, last_day: date) -> None:
    """The real events and reference figures of DOMAIN.md (data/domain_facts.py)."""
    for event in domain_events(last_day):
        add_event(store.con, event)
    for reference in DOMAIN_REFERENCES:
        add_reference(store.con, reference)


def _remove_database(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.with_name(path.name + ".wal").unlink(missing_ok=True)


def _no_progress(fraction: float, message: str) -> None:
    """Used when the caller does not follow progress."""


def build_demo(
    path: Path,
    seed: int = 2018,
    today: date | None = None,
    progress: Progress | None = None,
    schedule: StaffedSchedule | None = None,
) -> Path:
    """Make the demo database anew at ``path``: 2018-01-01 to ``today``, same data per seed
    and schedule.

    ``schedule``: the staffed hours the data follow and its rollups are built for (the
    user's, if known): the car works in them, the doctor drives it alone outside them."""
    path = Path(path)
    last_day = today or date.today()
    if last_day < FIRST_DAY:
        raise ValueError(f"demodata starter {FIRST_DAY:%d.%m.%Y}; «i dag» kan ikke være før")
    progress = progress or _no_progress
    schedule = schedule or StaffedSchedule()
    _refuse_real_data(path)
    _remove_database(path)
    try:
        with Store.open(path) as store:
            store.con.begin()
            run = _DemoRun(store, seed, last_day, schedule)
            _fill_logs(run, progress)
            _add_domain_facts(store, last_day)
            store.set_meta("demo", "1")
            store.con.commit()
            progress(0.8, "Summerer per dag …")
            rollups.rebuild(store.con, schedule)
            progress(0.85, "Legger inn de ekte måltabellene …")
            _add_real_goals(store)
            _add_followup_log(run)
    except BaseException:
        _remove_database(path)
        raise
    progress(1.0, "Demodatabasen er klar")
    return path


def _refuse_real_data(path: Path) -> None:
    """The demo is made anew in its file: never in one that holds a user's imports."""
    if not path.exists():
        return
    with Store.open(path, read_only=True) as store:
        # What the demo builder itself stores: its generated logs and the real goal tables.
        real = store.con.execute(
            "SELECT count(*) FROM imports WHERE NOT list_contains(?, file_name)",
            [[DEMO_FILE_NAME, *REAL_GOALS_FILES]],
        ).fetchone()[0]
        real = real and not store.is_demo
    if real:
        raise ValueError(
            f"{path.name} er ikke en demodatabase, men holder importerte data; en demodatabase "
            "lages aldri over dem. Oppgi en annen fil med --db."
        )


def ensure_demo() -> Path:
    """The demo database's path, built first if it does not exist yet."""
    path = demo_db_path()
    if not path.exists():
        build_demo(path)
    return path
