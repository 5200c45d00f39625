"""The daily rollups against the rows: every figure read from the rollups equals the same
figure worked out here row by row, in plain Python, for random data, staffed hours and
periods. Trips are clipped minute by minute against each day's staffed window and the
public holidays, so trips over midnight, trips of up to 30 hours and trips on holidays
(Easter, 1 and 17 May, Ascension and Whit Monday 2024) and weekends are all covered.

An import after the rollups were built adds its rows as deltas; the rollups must then equal
a full rebuild.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta

import holidays
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.data import figures, gains, rollups
from dashboard.data.importer import import_file
from dashboard.data.store import Store
from dashboard.data.values import (
    FIRST_DAY,
    Comparison,
    Filters,
    StaffedHours,
    StaffedSchedule,
    shift_months,
)
from dashboard.data.vocabulary import (
    ACUTE_URGENCIES,
    AVOIDED_ADMISSION,
    OUTCOMES,
    default_owner_by_service,
)

FIRST = date(2024, 3, 18)
DAYS = 75  # to 31 May 2024
LAST = FIRST + timedelta(days=DAYS - 1)
PUBLIC_HOLIDAYS = holidays.Norway(years=range(2023, 2026), include_sundays=False)
# Maundy Thursday, Good Friday, Easter Monday, 1 May, Ascension, 17 May, Whit Monday, and
# weekends on both sides of them: drawn often, so that every example meets some.
SPECIAL_DAYS = [
    date(2024, 3, 27),
    date(2024, 3, 28),
    date(2024, 3, 29),
    date(2024, 3, 30),
    date(2024, 3, 31),
    date(2024, 4, 1),
    date(2024, 5, 1),
    date(2024, 5, 9),
    date(2024, 5, 16),
    date(2024, 5, 17),
    date(2024, 5, 18),
    date(2024, 5, 20),
]
SQL_IMPORT_ID = 1000  # imports through the importer number from 1
MUNICIPALITIES = ("Røros", "Os", None)
TASKS = ("Blodprøve", "EKG", "Ø-hjelp")
SERVICES = ("AMK", "HBO", "Annet", "Fastlege", "Ergoterapi")
# Not recorded, the vocabulary's spelling and another case of it, and an outcome of its own.
OUTCOME_SPELLINGS = (None, "Innleggelse unngått", "innleggelse UNNGÅTT", "Innlagt", "Sendt hjem")
OWNERS = default_owner_by_service()

days = st.one_of(
    st.sampled_from(SPECIAL_DAYS),
    st.integers(0, DAYS - 1).map(lambda n: FIRST + timedelta(days=n)),
)
moments = st.builds(
    lambda day, minute: datetime.combine(day, time()) + timedelta(minutes=minute),
    days,
    st.one_of(st.sampled_from([0, 599, 600, 1319, 1320, 1379, 1380, 1439]), st.integers(0, 1439)),
)
activities = st.lists(
    st.tuples(
        moments,
        st.integers(1, 240),  # minutes
        st.integers(1, 6),  # subproject
        st.sampled_from(TASKS),
        st.sampled_from(SERVICES),
        st.sampled_from(MUNICIPALITIES),
        st.sampled_from((None, 4.5, 12)),  # km
        st.sampled_from(OUTCOME_SPELLINGS),
    ),
    max_size=12,
)
callouts = st.lists(
    st.tuples(
        moments,
        st.sampled_from(("akutt", "haster", "vanlig")),
        st.booleans(),  # doctor present
        st.sampled_from(MUNICIPALITIES),
        st.sampled_from(("Helsevaktbil", "Ambulanse")),
    ),
    max_size=12,
)


def trip_lists(longest: int):
    return st.lists(
        st.tuples(
            moments,
            st.one_of(st.integers(1, 180), st.integers(181, longest)),  # minutes
            st.sampled_from(("helsevakt", "legevaktlege")),
        ),
        max_size=10,
    )


# Rows written straight to the table may be up to 30 hours long; the importer refuses a trip
# ending more than a day after it starts, so an export holds at most 24 hours.
SPRING_GAP = (datetime(2024, 3, 31, 2, 0), datetime(2024, 3, 31, 3, 0))


def clear_of_spring_gap(start: datetime, minutes: int) -> bool:
    """A stored trip neither starts nor ends at a time that does not exist (the importer
    refuses such a time; a row written straight to the table could hold one)."""
    end = start + timedelta(minutes=minutes)
    return not any(SPRING_GAP[0] <= moment < SPRING_GAP[1] for moment in (start, end))


trips = trip_lists(30 * 60).map(lambda rows: [r for r in rows if clear_of_spring_gap(r[0], r[1])])
# The nights the clocks change are the importer's to test (tests/test_import_robustness.py):
# an export has no 02:30 on the spring night, and counts real minutes across either night.
CLOCK_CHANGE_NIGHTS = [
    (datetime(2024, 3, 31, 0, 0), datetime(2024, 3, 31, 4, 0)),
    (datetime(2024, 10, 27, 0, 0), datetime(2024, 10, 27, 4, 0)),
]


def clear_of_clock_changes(start: datetime, minutes: int) -> bool:
    end = start + timedelta(minutes=minutes)
    return all(
        end <= night_from or start >= night_to for night_from, night_to in CLOCK_CHANGE_NIGHTS
    )


def exported(rows: st.SearchStrategy) -> st.SearchStrategy:
    """Rows as an export can hold them: none touching a night the clocks change."""
    return rows.map(
        lambda found: [row for row in found if clear_of_clock_changes(row[0], _length(row))]
    )


def _length(row: tuple) -> int:
    """A row's minutes: activities and trips have them second; a call-out is a moment."""
    return row[1] if isinstance(row[1], int) else 0


exported_trips = exported(trip_lists(24 * 60 - 1))
hours = st.builds(
    lambda start, end: StaffedHours(time(start), time(end)),
    st.sampled_from((8, 9, 10)),
    st.sampled_from((20, 22, 23)),
)


@st.composite
def schedules(draw) -> StaffedSchedule:
    """10–22 throughout, or from a random day on other hours (e.g. 10–23)."""
    first = draw(st.sampled_from((StaffedHours(), draw(hours))))
    periods = [(FIRST_DAY, first)]
    if draw(st.booleans()):
        since = draw(days)
        periods.append(
            (since, draw(st.sampled_from((StaffedHours(time(10), time(23)), draw(hours)))))
        )
    return StaffedSchedule(tuple(periods))


@st.composite
def periods(draw) -> tuple[date, date]:
    """Any run of days in the data, or whole months."""
    if draw(st.booleans()):
        first_month = draw(st.integers(3, 5))
        last_month = draw(st.integers(first_month, 5))
        end = date(2024, last_month + 1, 1) - timedelta(days=1)
        return date(2024, first_month, 1), end
    start = draw(st.integers(-3, DAYS - 1).map(lambda n: FIRST + timedelta(days=n)))
    return start, start + timedelta(days=draw(st.integers(0, 40)))


# --- The reference, row by row ---------------------------------------------------------


def staffed_day(day: date) -> bool:
    return day.isoweekday() <= 5 and day not in PUBLIC_HOLIDAYS


def inside_hours(moment: datetime, schedule: StaffedSchedule) -> bool:
    hours = schedule.on(moment.date())
    minute = moment.hour * 60 + moment.minute
    return hours.start_minute <= minute < hours.end_minute


def trip_minutes(start: datetime, minutes: int, schedule: StaffedSchedule) -> tuple[int, int]:
    """Minutes after hours (outside the day's staffed hours, any day) and minutes outside
    staffed time (also every minute of a weekend or a public holiday), minute by minute."""
    after = outside = 0
    for n in range(minutes):
        moment = start + timedelta(minutes=n)
        lived = real_length(moment)
        inside = inside_hours(moment, schedule)
        after += lived * (not inside)
        outside += lived * (not (inside and staffed_day(moment.date())))
    return after, outside


def real_length(moment: datetime) -> int:
    """The clock minute starting at ``moment`` lasts a minute, except on the spring night,
    when 02:00–02:59 never happen (the clocks go from 02:00 to 03:00)."""
    return 0 if SPRING_GAP[0] <= moment < SPRING_GAP[1] else 1


def trip_length(start: datetime, minutes: int) -> int:
    return sum(real_length(start + timedelta(minutes=n)) for n in range(minutes))


def in_period(moment: datetime, filters: Filters) -> bool:
    return filters.start <= moment.date() <= filters.end


def same_place(place: str | None, filters: Filters) -> bool:
    wanted = filters.municipality
    return wanted is None or (place is not None and place.lower() == wanted.lower())


def kept_activity(start: datetime, sub: int, place: str | None, filters: Filters) -> bool:
    return (
        in_period(start, filters)
        and filters.subproject in (None, sub)
        and same_place(place, filters)
    )


def expected_car_use(rows, filters: Filters) -> dict:
    use = {
        kind: {role: [0, 0] for role in ("helsevakt", "legevaktlege")}
        for kind in ("all", "after", "outside")
    }
    for start, minutes, role in rows:
        if not in_period(start, filters):
            continue
        after, outside = trip_minutes(start, minutes, filters.staffed)
        lived = trip_length(start, minutes)
        for kind, value in (("all", lived), ("after", after), ("outside", outside)):
            if value:
                use[kind][role][0] += 1
                use[kind][role][1] += value
    return use


def expected_activities(rows, filters: Filters) -> list[tuple]:
    mix = defaultdict(lambda: [0, 0])
    for start, minutes, sub, task, _service, place, _km, _outcome in rows:
        if kept_activity(start, sub, place, filters):
            mix[(sub, task)][0] += 1
            mix[(sub, task)][1] += minutes
    return sorted((sub, task, n, m) for (sub, task), (n, m) in mix.items())


def vocabulary_spelling(outcome: str | None) -> str | None:
    """An outcome of the vocabulary in any case is counted under the vocabulary's spelling."""
    known = {name.casefold(): name for name in OUTCOMES}
    return known.get(outcome.casefold(), outcome) if outcome else None


def expected_outcomes_by_service(rows, filters: Filters) -> list[gains.OutcomeCell]:
    """Tasks and minutes per requesting service and outcome, by service, then outcome (not
    recorded last)."""
    cells = defaultdict(lambda: [0, 0])
    for start, minutes, sub, _task, service, place, _km, outcome in rows:
        if kept_activity(start, sub, place, filters):
            cell = cells[(service, vocabulary_spelling(outcome))]
            cell[0] += 1
            cell[1] += minutes
    order = sorted(cells, key=lambda key: (key[0], key[1] is None, key[1] or ""))
    return [gains.OutcomeCell(*key, cells[key][0], float(cells[key][1])) for key in order]


def kept_callouts(rows, filters: Filters) -> list[tuple]:
    return [row for row in rows if in_period(row[0], filters) and same_place(row[3], filters)]


def expected_callout_months(rows, filters: Filters) -> list[tuple]:
    months = Counter()
    doctors = Counter()
    for alarm, urgency, doctor, _place, _resource in kept_callouts(rows, filters):
        staffed = staffed_day(alarm.date()) and inside_hours(alarm, filters.staffed)
        key = (alarm.date().replace(day=1), urgency, staffed)
        months[key] += 1
        doctors[key] += doctor
    return sorted((*key, months[key], doctors[key]) for key in months)


def expected_headline(data, filters: Filters) -> figures.Headline:
    acts, calls, car = data
    tasks = task_minutes = municipal = avoided = recorded = 0
    for start, minutes, sub, _task, service, place, _km, outcome in acts:
        if kept_activity(start, sub, place, filters):
            tasks += 1
            task_minutes += minutes
            municipal += minutes if OWNERS.get(service, "shared") == "municipality" else 0
            avoided += vocabulary_spelling(outcome) == AVOIDED_ADMISSION
            recorded += outcome is not None
    kept = kept_callouts(calls, filters)
    acute = [row for row in kept if row[1] in ACUTE_URGENCIES]
    late = [
        after
        for start, minutes, _ in car
        if in_period(start, filters)
        for after in [trip_minutes(start, minutes, filters.staffed)[0]]
        if after
    ]
    return figures.Headline(
        tasks=tasks,
        task_minutes=task_minutes,
        municipal_minutes=municipal,
        callouts=len(kept),
        acute=len(acute),
        acute_with_doctor=sum(1 for row in acute if row[2]),
        late_trips=len(late),
        late_minutes=sum(late),
        avoided_admissions=avoided,
        outcomes_recorded=recorded,
    )


# --- Storing the rows -------------------------------------------------------------------


def insert_rows(store: Store, data, prefix: str) -> None:
    acts, calls, car = data
    con = store.con
    for n, (start, minutes, sub, task, service, place, km, outcome) in enumerate(acts):
        con.execute(
            "INSERT INTO activities (id, start_at, end_at, minutes, subproject, task, "
            "requested_by, municipality, km, outcome, import_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                f"{prefix}A{n}",
                start,
                start + timedelta(minutes=minutes),
                minutes,
                sub,
                task,
                service,
                place,
                km,
                outcome,
                SQL_IMPORT_ID,
            ],
        )
    for n, (alarm, urgency, doctor, place, resource) in enumerate(calls):
        con.execute(
            "INSERT INTO callouts (id, alarm_at, urgency, resource, doctor_present, "
            "municipality, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [f"{prefix}C{n}", alarm, urgency, resource, doctor, place, SQL_IMPORT_ID],
        )
    for n, (start, minutes, role) in enumerate(car):
        con.execute(
            "INSERT INTO car_trips (id, start_at, end_at, driver_role, import_id) "
            "VALUES (?, ?, ?, ?, ?)",
            [f"{prefix}T{n}", start, start + timedelta(minutes=minutes), role, SQL_IMPORT_ID],
        )


def stamp(moment: datetime) -> str:
    return f"{moment:%d.%m.%Y %H:%M}"


def write_exports(folder, data, prefix: str) -> list:
    """The rows as the exports a user imports: activity log, call-outs and car log."""
    acts, calls, car = data
    colour = {"akutt": "Rød", "haster": "Gul", "vanlig": "Grønn"}
    files = {
        "aktivitet.csv": ["Løpenr;Starttid;Sluttid;DP;Oppdragstype;Rekvirent;Kommune;Km;Utfall"]
        + [
            f"{prefix}A{n};{stamp(start)};{stamp(start + timedelta(minutes=minutes))};{sub};"
            f"{task};{service};{place or ''};{'' if km is None else str(km).replace('.', ',')};"
            f"{outcome or ''}"
            for n, (start, minutes, sub, task, service, place, km, outcome) in enumerate(acts)
        ],
        "utrykninger.csv": ["Oppdragsnr;Tidspunkt;Respons;Enhet;Lege deltok;Kommune"]
        + [
            f"{prefix}-{n:03d};{stamp(alarm)};{colour[urgency]};{resource};"
            f"{'J' if doctor else 'N'};{place or ''}"
            for n, (alarm, urgency, doctor, place, resource) in enumerate(calls)
        ],
        "kjorebok.csv": ["Turnr;Start;Slutt;Sjåfør"]
        + [
            f"{prefix}T{n};{stamp(start)};{stamp(start + timedelta(minutes=minutes))};"
            f"{role.capitalize()}"
            for n, (start, minutes, role) in enumerate(car)
        ],
    }
    paths = []
    for name, lines in files.items():
        if len(lines) > 1:
            path = folder / name
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            paths.append(path)
    return paths


# --- Comparing ----------------------------------------------------------------------------


def check_figures(con, data, filters: Filters) -> None:
    acts, calls, car = data
    use = figures.car_use(con, filters)
    expected = expected_car_use(car, filters)
    pairs = (
        ("all", use.all, None),
        ("after", use.after_hours, use.after_hours_by_role),
        ("outside", use.outside_staffed, use.outside_staffed_by_role),
    )
    for kind, total, by_role in pairs:
        roles = expected[kind]
        assert total.trips == sum(n for n, _ in roles.values()), kind
        assert total.minutes == pytest.approx(sum(m for _, m in roles.values())), kind
        for role, (n, m) in roles.items():
            if by_role is not None:
                assert (by_role[role].trips, by_role[role].minutes) == (n, pytest.approx(m))

    counts = figures.callout_counts(con, filters)
    kept = kept_callouts(calls, filters)
    acute = [row for row in kept if row[1] in ACUTE_URGENCIES]
    assert counts == figures.CalloutCounts(
        total=len(kept), acute=len(acute), acute_with_doctor=sum(1 for row in acute if row[2])
    )
    months = [
        (m.month, m.urgency, m.staffed, m.callouts, m.with_doctor)
        for m in figures.callout_months(con, filters)
    ]
    assert sorted(months) == expected_callout_months(calls, filters)

    mix = [(r.subproject, r.category, r.count, r.minutes) for r in figures.task_mix(con, filters)]
    assert sorted(mix) == expected_activities(acts, filters)
    by_service = gains.outcomes_by(con, filters, "requested_by")
    assert by_service == expected_outcomes_by_service(acts, filters)

    assert figures.headline(con, filters) == expected_headline(data, filters)
    for kind in ("previous", "last-year"):
        check_overview(con, data, filters.with_comparison(Comparison(kind)))


def check_overview(con, data, filters: Filters) -> None:
    """The overview's period, its comparison and every trend month as the rows give them.
    Its periods and trend window start and end inside months, which the rollups must then
    read day by day rather than from the monthly sums."""
    shown = figures.overview(con, filters)
    now, before = expected_headline(data, filters), expected_headline(data, filters.comparison())
    window = figures.trend_window(filters, shown.first_day)
    month_ends = [
        shift_months(month, 1) - timedelta(days=1) for month in shown.trends["tasks"].months
    ]
    months = [
        expected_headline(data, filters.with_period(max(m, window.start), min(end, window.end)))
        for m, end in zip(shown.trends["tasks"].months, month_ends, strict=True)
    ]
    for key in figures.HEADLINE_KEYS:
        trend = shown.trends[key]
        assert _same(trend.value, now.value(key)), key
        assert _same(trend.previous, before.value(key)), key
        assert all(map(_same, trend.values, [m.value(key) for m in months])), key


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def rollup_sums(con) -> dict[str, list]:
    """Each rollup summed per key: delta rows for the same key add up to one."""
    sums = {}
    for table, columns in rollups.TABLES.items():
        if table == "staffed_calendar":
            continue
        names = [line.split()[0] for line in columns.replace("\n", " ").split(",")]
        keys = [name for name in names if not _is_measure(name)]
        measures = [name for name in names if _is_measure(name)]
        sql = (
            f"SELECT {', '.join(keys)}, "
            + ", ".join(f"round(sum({m}), 6)" for m in measures)
            + f" FROM {table} GROUP BY ALL ORDER BY ALL"
        )
        sums[table] = con.execute(sql).fetchall()
    return sums


def _is_measure(name: str) -> bool:
    return name in {"tasks", "minutes", "km", "callouts", "trips"} or name.startswith(
        ("after_", "outside_")
    )


data_sets = st.tuples(activities, callouts, trips)
exported_sets = st.tuples(exported(activities), exported(callouts), exported_trips)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    before=data_sets,
    imported=exported_sets,
    schedule=schedules(),
    period=periods(),
    subproject=st.sampled_from((None, 2)),
    municipality=st.sampled_from((None, "røros")),
)
def test_figures_from_rollups_equal_the_rows(
    tmp_path_factory, before, imported, schedule, period, subproject, municipality
):
    folder = tmp_path_factory.mktemp("rollups")
    filters = Filters(*period, subproject, municipality, schedule)
    with Store.open(folder / "rollups.duckdb") as store:
        insert_rows(store, before, "S")
        # The first figure builds the rollups from the rows.
        check_figures(store.con, before, filters)
        check_figures(store.con, before, Filters(FIRST, LAST, staffed=schedule))

        # An import after that adds its rows to the rollups as deltas.
        for path in write_exports(folder, imported, "I"):
            assert import_file(store, path).rows_added > 0
        both = tuple(a + b for a, b in zip(before, imported, strict=True))
        check_figures(store.con, both, filters)
        added = rollup_sums(store.con)
        rollups.rebuild(store.con, schedule)
        assert rollup_sums(store.con) == added
        check_figures(store.con, both, filters)


def test_the_reference_clips_a_trip_as_worked_out_by_hand():
    """Maundy Thursday 28 March 2024 is a public holiday: a trip from Wednesday 21:00 to
    Thursday 12:00 (15 h) is after hours 22:00–10:00 (12 h) and outside staffed time all
    but Wednesday's 21–22 hour (14 h)."""
    start = datetime(2024, 3, 27, 21)
    schedule = StaffedSchedule()
    assert trip_minutes(start, 15 * 60, schedule) == (12 * 60, 14 * 60)
    # The same trip a week later, Wednesday to an ordinary Thursday: 12 h outside.
    assert trip_minutes(start + timedelta(days=7), 15 * 60, schedule) == (12 * 60, 12 * 60)


def test_a_correction_moves_its_row_in_the_rollups(tmp_path):
    """A call-out corrected from Rød without a doctor on 4 March to Grønn with a doctor on
    5 March, and a trip moved from Saturday to Monday evening: the figures follow the new
    rows, the old ones leave no trace, and the sums equal a rebuild."""
    first = tmp_path / "utrykninger.csv"
    first.write_text(
        "Oppdragsnr;Tidspunkt;Respons;Enhet;Lege deltok;Kommune\n"
        "K-1;04.03.2024 12:00;Rød;Helsevaktbil;N;Røros\n"
        "K-2;04.03.2024 13:00;Gul;Ambulanse;J;Os\n",
        encoding="utf-8",
    )
    trips = tmp_path / "kjorebok.csv"
    trips.write_text(
        "Turnr;Start;Slutt;Sjåfør\nT-1;02.03.2024 12:00;02.03.2024 13:00;Legevaktlege\n"
    )
    march = Filters(date(2024, 3, 1), date(2024, 3, 31))
    with Store.open(tmp_path / "rettelse.duckdb") as store:
        for path in (first, trips):
            import_file(store, path)
        before = figures.callout_counts(store.con, march)
        assert (before.total, before.acute, before.acute_with_doctor) == (2, 2, 1)
        assert figures.car_use(store.con, march).outside_staffed.minutes == 60
        first.write_text(
            "Oppdragsnr;Tidspunkt;Respons;Enhet;Lege deltok;Kommune\n"
            "K-1;05.03.2024 12:00;Grønn;Helsevaktbil;J;Røros\n",
            encoding="utf-8",
        )
        trips.write_text(
            "Turnr;Start;Slutt;Sjåfør\nT-1;04.03.2024 21:30;04.03.2024 22:30;Legevaktlege\n"
        )
        for path in (first, trips):
            assert import_file(store, path, replace_changed=True).rows_replaced == 1
        after = figures.callout_counts(store.con, march)
        # K-2 unchanged (haster with a doctor); K-1 now vanlig: one acute, with a doctor.
        assert (after.total, after.acute, after.acute_with_doctor) == (2, 1, 1)
        assert [(m.urgency, m.callouts) for m in figures.callout_months(store.con, march)] == [
            ("haster", 1),
            ("vanlig", 1),
        ]
        # Monday 21:30–22:30: only 22:00–22:30 is outside staffed time.
        assert figures.car_use(store.con, march).outside_staffed == figures.TripCount(1, 30)
        corrected = rollup_sums(store.con)
        rollups.rebuild(store.con, StaffedSchedule())
        assert _without_empty(corrected) == rollup_sums(store.con)


ACTIVITY_HEADER = "Løpenr;Starttid;Sluttid;DP;Oppdragstype;Rekvirent;Kommune;Km;Utfall"


def test_a_corrected_outcome_moves_its_task_in_the_outcomes_per_service(tmp_path):
    """A-1 (HBO, 60 min) first recorded as Innlagt, then corrected to Innleggelse unngått;
    A-2 (AMK, 30 min) has none: per service the old outcome leaves no trace, and the sums
    equal a rebuild."""
    log = tmp_path / "aktivitet.csv"
    log.write_text(
        f"{ACTIVITY_HEADER}\n"
        "A-1;04.03.2024 10:00;04.03.2024 11:00;2;EKG;HBO;Os;5;Innlagt\n"
        "A-2;05.03.2024 10:00;05.03.2024 10:30;1;EKG;AMK;Røros;;\n",
        encoding="utf-8",
    )
    march = Filters(date(2024, 3, 1), date(2024, 3, 31))
    with Store.open(tmp_path / "utfall.duckdb") as store:
        import_file(store, log)
        assert gains.outcomes_by(store.con, march, "requested_by") == [
            gains.OutcomeCell("AMK", None, 1, 30.0),
            gains.OutcomeCell("HBO", "Innlagt", 1, 60.0),
        ]
        log.write_text(
            f"{ACTIVITY_HEADER}\n"
            "A-1;04.03.2024 10:00;04.03.2024 11:00;2;EKG;HBO;Os;5;innleggelse unngått\n",
            encoding="utf-8",
        )
        assert import_file(store, log, replace_changed=True).rows_replaced == 1
        assert gains.outcomes_by(store.con, march, "requested_by") == [
            gains.OutcomeCell("AMK", None, 1, 30.0),
            gains.OutcomeCell("HBO", "Innleggelse unngått", 1, 60.0),
        ]
        corrected = rollup_sums(store.con)
        rollups.rebuild(store.con, StaffedSchedule())
        assert _without_empty(corrected) == rollup_sums(store.con)


def test_a_file_from_before_the_outcomes_per_service_had_a_rollup_sums_them(tmp_path):
    """A file at schema 9 (the services' rollup keyed by outcome, no table of the outcomes
    per service): opened read-only it is summed in temporary tables, opened to write it is
    migrated and summed again; both give the outcomes per service and the owners' hours of
    the rows."""
    log = tmp_path / "aktivitet.csv"
    log.write_text(
        f"{ACTIVITY_HEADER}\n"
        "A-1;04.03.2024 10:00;04.03.2024 11:00;2;EKG;HBO;Os;5;Innlagt\n"
        "A-2;05.03.2024 10:00;05.03.2024 10:30;2;EKG;HBO;Os;;Innleggelse unngått\n",
        encoding="utf-8",
    )
    march = Filters(date(2024, 3, 1), date(2024, 3, 31))
    path = tmp_path / "gammel.duckdb"
    with Store.open(path) as store:
        import_file(store, log)
        figures.headline(store.con, march)  # builds the rollups
        store.con.execute("DELETE FROM schema_version WHERE version >= 10")
        store.con.execute("DROP TABLE activity_service_outcomes")
        store.con.execute("DROP TABLE activity_services")
        store.con.execute(
            "CREATE TABLE activity_services (day DATE NOT NULL, subproject TINYINT NOT NULL, "
            "municipality VARCHAR, requested_by VARCHAR NOT NULL, outcome VARCHAR, "
            "tasks BIGINT NOT NULL, minutes DOUBLE NOT NULL, km DOUBLE)"
        )
    expected = [
        gains.OutcomeCell("HBO", "Innlagt", 1, 60.0),
        gains.OutcomeCell("HBO", "Innleggelse unngått", 1, 30.0),
    ]
    # HBO is a municipal service: 60 + 30 minutes are the municipality's hour and a half.
    owners = {"municipality": 1.5, "health_trust": 0.0, "shared": 0.0}
    with Store.open(path, read_only=True) as store:
        assert gains.outcomes_by(store.con, march, "requested_by") == expected
        assert figures.owner_hours(store.con, march) == owners
    with Store.open(path) as store:
        assert gains.outcomes_by(store.con, march, "requested_by") == expected
        assert figures.owner_hours(store.con, march) == owners
        columns = store.con.execute("DESCRIBE activity_services").fetchall()
        assert "outcome" not in [column[0] for column in columns]


def _without_empty(sums: dict[str, list]) -> dict[str, list]:
    """Keys whose rows were all taken away sum to nothing; a rebuild never has them."""
    kept = {}
    for table, rows in sums.items():
        names = [line.split()[0] for line in rollups.TABLES[table].replace("\n", " ").split(",")]
        measures = sum(map(_is_measure, names))
        kept[table] = [row for row in rows if any(row[-measures:])]
    return kept


@pytest.mark.parametrize(
    ("start", "end", "lived"),
    [
        # Saturday 23:00 to Sunday 04:00 on the spring night: the clocks skip 02:00–03:00.
        (datetime(2024, 3, 30, 23, 0), datetime(2024, 3, 31, 4, 0), 240),
        # The same on the autumn night: 02:00–03:00 happens twice.
        (datetime(2024, 10, 26, 23, 0), datetime(2024, 10, 27, 4, 0), 360),
    ],
    ids=["spring", "autumn"],
)
def test_car_minutes_across_a_clock_change_are_real_minutes(tmp_path, start, end, lived):
    with Store.open(tmp_path / "klokka.duckdb") as store:
        store.con.execute(
            "INSERT INTO car_trips (id, start_at, end_at, driver_role, import_id) "
            "VALUES ('natt', ?, ?, 'legevaktlege', 1)",
            [start, end],
        )
        night = Filters(start.date(), start.date())
        use = figures.car_use(store.con, night)
        # A weekend night: every minute is after 22:00 and outside staffed time.
        assert use.all == use.after_hours == use.outside_staffed == figures.TripCount(1, lived)


def test_rollup_schema_version_names_the_last_migration_that_shapes_the_rollups():
    """A read-only file older than this version is summed in temporary tables; a migration
    that changes a rollup table must raise the version, or such a file reads missing tables."""
    from dashboard.data.migrations import MIGRATIONS

    shaping = [
        number
        for number, script in MIGRATIONS
        if any(name in script for name in rollups.TABLES if name != "staffed_calendar")
    ]
    assert max(shaping) == rollups.ROLLUP_SCHEMA_VERSION
