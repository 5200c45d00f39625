"""The demo database: reproducible, replaced on rebuild, and calibrated to the domain."""

from datetime import date

import pytest

from dashboard.data import figures
from dashboard.data.demo import build_demo, demo_db_path, ensure_demo
from dashboard.data.metrics import document, period_metrics
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.data.vocabulary import SERVICES

FIRST_DAY = date(2018, 1, 1)
YEAR_END = date(2018, 12, 31)
WEEKDAYS_IN_2018 = 261
STRATEGY_PLAN = "Strategi 2030 (HMN)"
PROJECT_PLAN = "Rørosprosjektet – mobil integrert helsetjeneste"


@pytest.fixture(scope="module")
def demo_2018(tmp_path_factory):
    """One demo year, built once and opened read-only for the calibration checks."""
    path = build_demo(tmp_path_factory.mktemp("demo") / "demo.duckdb", today=YEAR_END)
    with Store.open(path, read_only=True) as store:
        yield store


def _scalar(store: Store, sql: str):
    return store.con.execute(sql).fetchone()[0]


def _column(store: Store, sql: str) -> list:
    return [row[0] for row in store.con.execute(sql).fetchall()]


def _year(**narrowing) -> Filters:
    return Filters(FIRST_DAY, YEAR_END, **narrowing)


def _metrics(path, end: date) -> dict:
    with Store.open(path, read_only=True) as store:
        return document(period_metrics(store.con, Filters(FIRST_DAY, end)), None)


def _all_rows(path, before: date | None = None) -> list[list]:
    """Every log row, optionally only those starting before ``before``."""
    day = before or date.max
    with Store.open(path, read_only=True) as store:
        return [
            store.con.execute(sql, [day]).fetchall()
            for sql in (
                "SELECT * FROM activities WHERE start_at < ? ORDER BY id",
                "SELECT * FROM callouts WHERE alarm_at < ? ORDER BY id",
                "SELECT * FROM car_trips WHERE start_at < ? ORDER BY id",
            )
        ]


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(tmp_path):
    end = date(2018, 3, 31)
    first = build_demo(tmp_path / "first.duckdb", seed=7, today=end)
    second = build_demo(tmp_path / "second.duckdb", seed=7, today=end)
    other = build_demo(tmp_path / "other.duckdb", seed=8, today=end)

    assert _metrics(first, end) == _metrics(second, end)
    assert _all_rows(first) == _all_rows(second)
    assert _metrics(first, end) != _metrics(other, end)


def test_a_later_today_keeps_the_earlier_days_unchanged(tmp_path):
    earlier = build_demo(tmp_path / "march.duckdb", today=date(2018, 3, 31))
    later = build_demo(tmp_path / "june.duckdb", today=date(2018, 6, 30))

    april = date(2018, 4, 1)
    assert _all_rows(earlier, before=april) == _all_rows(later, before=april)


def test_the_demo_is_flagged_and_each_log_has_its_import(demo_2018):
    assert demo_2018.is_demo
    for kind, table in (
        ("activity", "activities"),
        ("callouts", "callouts"),
        ("carlog", "car_trips"),
    ):
        (record,) = [row for row in demo_2018.imports() if row["kind"] == kind]
        assert record["file_name"] == "Demodata (generert)"
        assert len(record["sha256"]) == 64
        rows = demo_2018.con.execute(
            f"SELECT count(*), count(*) FILTER (import_id = ?) FROM {table}", [record["id"]]
        ).fetchone()
        assert rows[0] > 0
        assert rows == (record["rows_added"], record["rows_added"])


def test_a_rebuild_replaces_the_old_file(tmp_path):
    path = tmp_path / "demo.duckdb"
    end = date(2018, 2, 28)
    build_demo(path, today=end)
    fresh_rows = _all_rows(path)
    with Store.open(path) as store:
        store.con.execute(
            "INSERT INTO activities VALUES ('stray', TIMESTAMP '2018-02-01 11:00', "
            "TIMESTAMP '2018-02-01 11:30', 30, 1, 'Tilsyn', 'Legevakt', 'Røros', NULL, NULL, 99)"
        )
        store.set_meta("demo", "0")

    assert build_demo(path, today=end) == path

    assert _all_rows(path) == fresh_rows
    with Store.open(path, read_only=True) as store:
        assert store.is_demo


def test_the_period_runs_from_2018_to_today(demo_2018):
    assert demo_2018.data_range() == (FIRST_DAY, YEAR_END)


def test_today_before_2018_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"01\.01\.2018"):
        build_demo(tmp_path / "demo.duckdb", today=date(2017, 12, 31))


def test_progress_rises_to_done(tmp_path):
    reports = []
    build_demo(
        tmp_path / "demo.duckdb", today=date(2018, 1, 31), progress=lambda *r: reports.append(r)
    )

    fractions = [fraction for fraction, _ in reports]
    assert fractions == sorted(fractions)
    assert fractions[0] >= 0
    assert reports[-1] == (1.0, "Demodatabasen er klar")


def test_activities_happen_only_in_staffed_weekday_hours(demo_2018):
    outside = _scalar(
        demo_2018,
        """
        SELECT count(*) FROM activities
        WHERE isodow(start_at) > 5 OR start_at::TIME < TIME '10:00'
           OR end_at > start_at::DATE + INTERVAL 22 HOUR
        """,
    )
    assert outside == 0


def test_a_weekday_has_ten_to_twenty_tasks(demo_2018):
    tasks = figures.activity_totals(demo_2018.con, _year()).count
    assert 10 <= tasks / WEEKDAYS_IN_2018 <= 20


def test_hbo_tasks_follow_the_shift_report_and_psychiatry_comes_after_16(demo_2018):
    earliest = dict(
        demo_2018.con.execute(
            "SELECT requested_by, min(start_at::TIME)::VARCHAR FROM activities "
            "WHERE requested_by IN ('HBO', 'Psykiatri/rus') GROUP BY requested_by"
        ).fetchall()
    )
    assert earliest["HBO"] >= "14:00:00"
    assert earliest["Psykiatri/rus"] >= "16:00:00"


def test_gp_tasks_start_in_daytime(demo_2018):
    assert (
        _scalar(
            demo_2018,
            "SELECT max(start_at::TIME)::VARCHAR FROM activities WHERE requested_by = 'Fastlege'",
        )
        <= "15:00:00"
    )


def test_about_three_preventive_visits_a_week_for_the_occupational_therapist(demo_2018):
    visits = figures.task_mix(demo_2018.con, _year(subproject=4), by="requested_by")
    assert [row.category for row in visits] == ["Ergoterapi"]
    assert 2 <= visits[0].count / (365 / 7) <= 4


def test_values_come_from_the_contract_vocabulary(demo_2018):
    assert set(_column(demo_2018, "SELECT DISTINCT requested_by FROM activities")) == set(SERVICES)
    assert set(_column(demo_2018, "SELECT DISTINCT subproject FROM activities")) == set(range(1, 7))
    for table in ("activities", "callouts"):
        assert set(_column(demo_2018, f"SELECT DISTINCT municipality FROM {table}")) == {
            "Røros",
            "Holtålen",
            "Os",
        }
    assert set(_column(demo_2018, "SELECT DISTINCT resource FROM callouts")) == {
        "Helsevaktbil",
        "Ambulanse",
        "Ambulanse og helsevaktbil",
    }
    assert {"Behandlet på stedet", "Innleggelse unngått", "Innlagt", "Henvist fastlege"} <= set(
        _column(demo_2018, "SELECT DISTINCT outcome FROM activities")
    )


def test_call_outs_come_a_few_a_day_at_all_hours_with_every_urgency(demo_2018):
    summary = figures.callout_counts(demo_2018.con, _year())
    assert 2 <= summary.total / 365 <= 5
    assert _scalar(demo_2018, "SELECT count(DISTINCT hour(alarm_at)) FROM callouts") == 24
    assert set(_column(demo_2018, "SELECT DISTINCT urgency FROM callouts")) == {
        "akutt",
        "haster",
        "vanlig",
    }


def test_a_doctor_joins_55_to_65_percent_of_acute_call_outs(demo_2018):
    share = figures.callout_counts(demo_2018.con, _year()).acute_doctor_share
    assert 0.55 <= share <= 0.65


def test_the_helsevakt_drives_only_in_staffed_weekday_hours(demo_2018):
    outside = _scalar(
        demo_2018,
        """
        SELECT count(*) FROM car_trips WHERE driver_role = 'helsevakt'
          AND (isodow(start_at) > 5 OR start_at::TIME < TIME '10:00'
               OR end_at > start_at::DATE + INTERVAL 22 HOUR)
        """,
    )
    assert outside == 0
    assert _scalar(demo_2018, "SELECT count(*) FROM car_trips WHERE driver_role = 'helsevakt'") > 0


def test_doctors_drive_alone_only_outside_staffed_time(demo_2018):
    """In staffed time the doctor rides with the ambulance worker, who drives."""
    inside_day_shift = _scalar(
        demo_2018,
        """
        SELECT count(*) FROM car_trips WHERE driver_role = 'legevaktlege'
          AND isodow(start_at) <= 5
          AND start_at::DATE NOT IN (DATE '2018-01-01', DATE '2018-03-29', DATE '2018-03-30',
              DATE '2018-04-02', DATE '2018-05-01', DATE '2018-05-10', DATE '2018-05-17',
              DATE '2018-05-21', DATE '2018-12-25', DATE '2018-12-26')
          AND start_at < start_at::DATE + INTERVAL 22 HOUR
          AND end_at > start_at::DATE + INTERVAL 10 HOUR
        """,
    )
    assert inside_day_shift == 0
    use = figures.car_use(demo_2018.con, _year())
    assert use.outside_staffed_by_role["legevaktlege"].trips == use.all.trips - (
        _scalar(demo_2018, "SELECT count(*) FROM car_trips WHERE driver_role = 'helsevakt'")
    )


def test_public_holidays_are_unstaffed_and_the_doctor_uses_the_car_then(demo_2018):
    # 17 May 2018 was a Thursday: no tasks, but the doctor's trips as on a weekend.
    on_17_may = "start_at::DATE = DATE '2018-05-17'"
    assert _scalar(demo_2018, f"SELECT count(*) FROM activities WHERE {on_17_may}") == 0
    roles = _column(demo_2018, f"SELECT DISTINCT driver_role FROM car_trips WHERE {on_17_may}")
    assert roles == ["legevaktlege"]


def test_the_doctor_rides_along_most_between_20_and_22_on_weekdays(demo_2018):
    busiest_hours = _column(
        demo_2018,
        """
        SELECT hour(start_at) AS hour FROM activities
        WHERE requested_by = 'Legevakt' AND isodow(start_at) <= 5
        GROUP BY hour ORDER BY count(*) DESC LIMIT 2
        """,
    )
    assert sorted(busiest_hours) == [20, 21]


def test_roros_municipality_services_are_done_in_roros(demo_2018):
    places = _column(
        demo_2018,
        "SELECT DISTINCT municipality FROM activities WHERE requested_by NOT IN ('AMK', "
        "'Legevakt')",
    )
    assert places == ["Røros"]


def test_the_car_is_busy_most_of_its_staffed_time_but_not_all(demo_2018):
    share = figures.utilisation(demo_2018.con, _year()).share
    assert 0.6 <= share <= 0.9


def test_avoided_admissions_are_a_few_a_week_not_a_few_a_day(demo_2018):
    avoided = {row.outcome: row.count for row in figures.outcomes(demo_2018.con, _year())}
    assert 20 <= avoided["Innleggelse unngått"] <= 150


def test_some_trips_cross_midnight_and_the_car_is_used_after_22(demo_2018):
    assert (
        _scalar(demo_2018, "SELECT count(*) FROM car_trips WHERE end_at::DATE > start_at::DATE") > 0
    )
    after_22 = figures.car_after_hours_months(demo_2018.con, _year())
    assert {row.driver_role for row in after_22} == {"legevaktlege"}
    assert figures.car_use(demo_2018.con, _year()).after_hours.trips > 0


# Counted by hand from resources/goals/*.csv: per plan, (1, 2, 3, without scale, not assessed).
REAL_COUNTS_MAY_2021 = {
    STRATEGY_PLAN: (3, 9, 3, 0, 0),
    "Lokal utviklingsplan St. Olav 2019 – 2035": (4, 8, 2, 0, 0),
    "Lokal utviklingsplan HMR 2019 – 2022": (0, 0, 0, 25, 1),
    "Lokal utviklingsplan HNT 2019 – 2022": (0, 0, 0, 0, 11),
    "Regional utviklingsplan 2019 – 2022": (0, 0, 0, 0, 5),
    # 19 rows; three goals stand under two goal types, as in the evaluation.
    PROJECT_PLAN: (0, 0, 0, 0, 16),
}


def _counts(row: figures.PlanStatus) -> tuple[int, int, int, int, int]:
    return (
        row.status_1,
        row.status_2,
        row.status_3,
        row.assessed_without_scale,
        row.not_assessed,
    )


def test_the_demo_goals_are_the_real_tables_with_their_real_statuses(demo_2018):
    status = figures.goal_status(demo_2018.con, date(2021, 5, 31))
    assert {row.plan: _counts(row) for row in status} == REAL_COUNTS_MAY_2021
    words = _column(
        demo_2018,
        "SELECT DISTINCT a.status_text FROM goal_assessments a JOIN goals g USING (goal_id) "
        "WHERE g.plan LIKE '%St. Olav%' ORDER BY 1",
    )
    assert words == ["Delvis oppnådd", "Ikke oppnådd", "Oppnådd"]
    recorded_by_hand = _scalar(
        demo_2018, "SELECT count(*) FROM goal_assessments WHERE import_id IS NULL"
    )
    assert recorded_by_hand == 0


def test_goals_assessed_after_the_period_end_are_not_counted_then(demo_2018):
    # On 31.12.2018 only the goals without a dated assessment count (not assessed).
    status = figures.goal_status(demo_2018.con, YEAR_END)
    assert {row.plan: _counts(row) for row in status} == {
        "Lokal utviklingsplan HNT 2019 – 2022": (0, 0, 0, 0, 11),
        PROJECT_PLAN: (0, 0, 0, 0, 16),
    }


def test_a_roros_goal_is_tied_to_the_acute_doctor_share(demo_2018):
    tied = _column(
        demo_2018,
        "SELECT indicator || ' ' || comparator || ' ' || target FROM goals "
        "WHERE indicator IS NOT NULL",
    )
    assert tied == ["acute_doctor_share >= 0.6"]


@pytest.mark.slow
def test_ensure_demo_builds_the_demo_once():
    path = ensure_demo()
    assert path == demo_db_path()
    with Store.open(path) as store:
        assert store.is_demo
        store.set_meta("kept", "yes")

    assert ensure_demo() == path
    with Store.open(path, read_only=True) as store:
        assert store.meta("kept") == "yes"


def test_the_car_is_busier_at_rorosmartnan(demo_2018):
    # Rørosmartnan 2018: Tuesday 27 February to Saturday 3 March (weekdays 27.02.–02.03.).
    per_day = dict(
        demo_2018.con.execute(
            "SELECT start_at::DATE BETWEEN DATE '2018-02-27' AND DATE '2018-03-02', "
            "count(*) / count(DISTINCT start_at::DATE) FROM activities "
            "WHERE start_at BETWEEN DATE '2018-02-01' AND DATE '2018-03-31' GROUP BY 1"
        ).fetchall()
    )
    assert per_day[True] > 1.15 * per_day[False]


def test_the_demo_follows_a_staffed_schedule_that_changes(tmp_path):
    """From 1 July 2018 staffed until 23:00: the car works until then, and the doctor
    takes it alone only outside staffed time, whichever hours are in force."""
    from datetime import time

    from dashboard.data.values import StaffedHours, StaffedSchedule

    schedule = StaffedSchedule(
        (
            (date(2018, 1, 1), StaffedHours(time(10), time(22))),
            (date(2018, 7, 1), StaffedHours(time(10), time(23))),
        )
    )
    path = build_demo(tmp_path / "demo.duckdb", today=YEAR_END, schedule=schedule)
    with Store.open(path, read_only=True) as store:
        use = figures.car_use(store.con, _year(staffed=schedule))
        doctor_trips = _scalar(
            store, "SELECT count(*) FROM car_trips WHERE driver_role = 'legevaktlege'"
        )
        late_tasks = _scalar(
            store,
            "SELECT count(*) FROM activities WHERE end_at > start_at::DATE + INTERVAL 22 HOUR",
        )
        early_late_tasks = _scalar(
            store,
            "SELECT count(*) FROM activities WHERE start_at < DATE '2018-07-01' "
            "AND end_at > start_at::DATE + INTERVAL 22 HOUR",
        )
    assert use.outside_staffed_by_role["helsevakt"].trips == 0
    assert use.outside_staffed_by_role["legevaktlege"].trips == doctor_trips
    assert late_tasks > 0
    assert early_late_tasks == 0


def test_the_demo_follow_up_log_is_the_demos_import_and_nothing_to_undo(demo_2018):
    from dashboard.data import followup

    assert followup.last_change(demo_2018.con) is None
    items = _scalar(demo_2018, "SELECT count(*) FROM followup_items")
    assert items > 0
    assert _column(
        demo_2018,
        "SELECT DISTINCT i.file_name || ' ' || i.kind || ' ' || i.rows_added FROM imports i "
        "JOIN followup_changes c ON c.import_id = i.id",
    ) == [f"Demodata (generert) actions {items}"]
