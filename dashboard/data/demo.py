"""A demo database: plausible, reproducible data from 2018 to today for trying the dashboard.

The numbers follow what the project's evaluation describes for Røros, Holtålen and Os: a
car staffed 10:00–22:00 on weekdays doing 10–20 tasks a day, HBO tasks after the 14:00
shift report, psychiatry and substance-abuse tasks after 16:00, about three preventive home
visits a week, a few AMK call-outs a day, and the legevakt doctor using the car outside
staffed hours and most between 20:00 and 22:00.

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
from dashboard.data.goals import derive_goal_id, set_goal_details
from dashboard.data.store import Store, demo_db_path
from dashboard.data.values import StaffedSchedule

__all__ = ["build_demo", "demo_db_path", "ensure_demo"]

Progress = Callable[[float, str], None]
Columns = dict[str, np.ndarray]
YearGenerator = Callable[[np.random.Generator, np.ndarray], Columns]

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
CLOSE = 22 * 60
SHIFT_REPORT = 14 * 60
PSYCHIATRY_FROM = 16 * 60
GP_OFFICE_CLOSES = 15 * 60

MUNICIPALITIES = np.array(["Røros", "Holtålen", "Os"], dtype=object)
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


def _at(hour: int, minute: int = 0) -> int:
    return hour * 60 + minute


TASKS: tuple[TaskKind, ...] = (
    TaskKind(1, "Ø-hjelp", "AMK", 1.6, OPEN, _at(21, 30), 55, "acute"),
    TaskKind(1, "Bistand legevakt", "Legevakt", 1.2, OPEN, _at(21, 30), 45, "acute"),
    TaskKind(1, "Tilsyn", "Legevakt", 1.0, OPEN, _at(21, 30), 40, "assessment"),
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
        (0.35, 0.30, 0.22, 0.13),
    ),
    "assessment": (
        ("Behandlet på stedet", "Innleggelse unngått", "Innlagt", "Henvist fastlege"),
        (0.45, 0.30, 0.10, 0.15),
    ),
    "procedure": (("Behandlet på stedet", "Henvist fastlege"), (0.88, 0.12)),
    "follow_up": (("Behandlet på stedet", "Henvist fastlege", "Innlagt"), (0.85, 0.12, 0.03)),
    "visit": (("Ingen tiltak", "Tiltak anbefalt", "Henvist fastlege"), (0.50, 0.38, 0.12)),
}

TASKS_PER_WEEKDAY = 13.5
VISITS_PER_WEEK = 3.0

CALLOUTS_PER_DAY = 3.2
URGENCIES = np.array(["akutt", "haster", "vanlig"], dtype=object)
URGENCY_SHARES = [0.30, 0.35, 0.35]
# With the car a doctor joins most red and many yellow call-outs: about 60 % of acute ones.
DOCTOR_CHANCE_BY_URGENCY = np.array([0.68, 0.53, 0.20])
# Call-outs the car takes while staffed, and acute ones the doctor drives it to off hours.
CAR_SHARE_STAFFED = 0.55
CAR_SHARE_DOCTOR_OFF_HOURS = 0.5
CALLOUT_HOUR_WEIGHTS = np.array(
    [2, 2, 1.5, 1.5, 1.5, 2, 3, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 5.5, 5, 4.5, 4, 3, 2.5]
)

DOCTOR_TRIPS_PER_WEEKDAY = 1.3
DOCTOR_TRIPS_PER_WEEKEND_DAY = 3.0
# Weekdays: before 10:00 (ending by then) and from 20:00, most between 20:00 and 22:00.
DOCTOR_WEEKDAY_HOUR_WEIGHTS = np.array([2, 1.5, 1, 1, 1, 1, 1.5, 2, 1] + [0] * 11 + [10, 9, 5, 3])
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
    """Ramp-up over the first half of 2018, a quieter July holiday, a busier winter."""
    elapsed = (days - np.datetime64(FIRST_DAY)).astype("int64")
    ramp = np.clip(0.6 + 0.4 * elapsed / 180, None, 1.0)
    month = _month(days)
    season = np.where(month == 7, 0.7, np.where(np.isin(month, (12, 1, 2)), 1.08, 1.0))
    return ramp * season


def _at_minute(days: np.ndarray, minutes: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[m]") + minutes.astype("int64").astype("timedelta64[m]")


def _municipality_and_km(rng: np.random.Generator, size: int) -> tuple[np.ndarray, np.ndarray]:
    place = rng.choice(len(MUNICIPALITIES), size=size, p=MUNICIPALITY_SHARES)
    km = np.round(MUNICIPALITY_KM[place] * rng.gamma(4.0, 0.25, size=size), 1)
    return MUNICIPALITIES[place], km


def _task_kinds_per_row(rng: np.random.Generator, days: np.ndarray) -> tuple[np.ndarray, ...]:
    """The day and kind of every task: the weekday mix plus the week's preventive visits."""
    weekday = _weekday(days) < 5
    level = _activity_level(days) * weekday
    tasks_per_day = rng.poisson(TASKS_PER_WEEKDAY * level)
    mix = _probabilities([kind.weight for kind in TASKS])
    mixed_kinds = rng.choice(len(TASKS), size=tasks_per_day.sum(), p=mix)
    visit_chance = np.where(_month(days) == 7, 0.5, 1.0) * VISITS_PER_WEEK / 5 * weekday
    visits_per_day = rng.binomial(1, visit_chance)
    day = np.concatenate([np.repeat(days, tasks_per_day), np.repeat(days, visits_per_day)])
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


def _activities_of(rng: np.random.Generator, days: np.ndarray) -> Columns:
    day, kind = _task_kinds_per_row(rng, days)
    earliest = np.array([task.earliest for task in TASKS])[kind]
    latest = np.array([task.latest for task in TASKS])[kind]
    mean = np.array([task.mean_minutes for task in TASKS])[kind]
    start = np.floor((earliest + rng.random(kind.size) * (latest - earliest)) / 5) * 5
    # Every task ends by the end of the staffed shift.
    minutes = np.minimum(np.round(np.clip(rng.gamma(3.0, mean / 3.0), 10, None)), CLOSE - start)
    municipality, km = _municipality_and_km(rng, kind.size)
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


def _callouts_of(rng: np.random.Generator, days: np.ndarray) -> Columns:
    per_day = rng.poisson(CALLOUTS_PER_DAY, size=days.size)
    day = np.repeat(days, per_day)
    size = day.size
    hour = rng.choice(24, size=size, p=_probabilities(CALLOUT_HOUR_WEIGHTS))
    minute = hour * 60 + rng.integers(0, 60, size=size)
    urgency = rng.choice(len(URGENCIES), size=size, p=URGENCY_SHARES)
    doctor = rng.random(size) < DOCTOR_CHANCE_BY_URGENCY[urgency]
    staffed = (_weekday(day) < 5) & (minute >= OPEN) & (minute < CLOSE)
    # Outside staffed hours the car only turns out when the doctor drives it to an acute call.
    doctor_takes_car = doctor & (urgency < 2) & (rng.random(size) < CAR_SHARE_DOCTOR_OFF_HOURS)
    car = np.where(staffed, rng.random(size) < CAR_SHARE_STAFFED, doctor_takes_car)
    municipality, _ = _municipality_and_km(rng, size)
    return {
        "alarm_at": _at_minute(day, minute),
        "urgency": URGENCIES[urgency],
        "resource": np.where(car, "Helsevaktbil", "Ambulanse").astype(object),
        "doctor_present": doctor,
        "municipality": municipality,
    }


def _doctor_trips_of(rng: np.random.Generator, days: np.ndarray) -> Columns:
    weekend = _weekday(days) >= 5
    per_day = rng.poisson(np.where(weekend, DOCTOR_TRIPS_PER_WEEKEND_DAY, DOCTOR_TRIPS_PER_WEEKDAY))
    day = np.repeat(days, per_day)
    on_weekend = np.repeat(weekend, per_day)
    size = day.size
    weekday_hour = rng.choice(24, size=size, p=_probabilities(DOCTOR_WEEKDAY_HOUR_WEIGHTS))
    weekend_hour = rng.choice(24, size=size, p=_probabilities(DOCTOR_WEEKEND_HOUR_WEIGHTS))
    start = np.where(on_weekend, weekend_hour, weekday_hour) * 60 + rng.integers(0, 12, size) * 5
    minutes = np.round(np.clip(rng.gamma(2.5, 20.0, size=size), 10, 240))
    # A weekday morning trip hands the car back before the shift starts.
    minutes = np.where(~on_weekend & (start < OPEN), np.minimum(minutes, OPEN - start), minutes)
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

    def yearly(self, generate: YearGenerator, stream: int) -> Columns:
        parts = [
            generate(np.random.default_rng([self.seed, stream, year]), _days_of(year))
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
    """Make the demo database anew at ``path``: 2018-01-01 to ``today``, same data per seed.

    ``schedule``: the staffed hours its rollups are built for (the user's, if known)."""
    path = Path(path)
    last_day = today or date.today()
    if last_day < FIRST_DAY:
        raise ValueError(f"demodata starter {FIRST_DAY:%d.%m.%Y}; «i dag» kan ikke være før")
    progress = progress or _no_progress
    _refuse_real_data(path)
    _remove_database(path)
    try:
        with Store.open(path) as store:
            store.con.begin()
            _fill_logs(_DemoRun(store, seed, last_day), progress)
            store.set_meta("demo", "1")
            store.con.commit()
            progress(0.8, "Summerer per dag …")
            rollups.rebuild(store.con, schedule or StaffedSchedule())
            progress(0.85, "Legger inn de ekte måltabellene …")
            _add_real_goals(store)
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
