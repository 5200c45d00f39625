"""The figures on a small hand-built database; every expected number worked out by hand."""

from datetime import date, time

import pytest

from dashboard.data import figures
from dashboard.data.goals import add_assessment, add_goal
from dashboard.data.metrics import document as metrics_document
from dashboard.data.metrics import period_metrics
from dashboard.data.store import Store
from dashboard.data.values import Filters, StaffedHours, StaffedSchedule

MARCH = Filters(date(2024, 3, 1), date(2024, 3, 31))


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "figures.duckdb") as store:
        con = store.con
        con.executemany(
            "INSERT INTO activities VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 1)",
            [
                ("a1", "2024-03-04 10:00", "2024-03-04 10:30", 30, 2, "Blodprøve", "HBO", "Røros"),
                ("a2", "2024-03-04 14:00", "2024-03-04 15:00", 60, 2, "Blodprøve", "HBO", "Os"),
                ("a3", "2024-03-05 11:00", "2024-03-05 11:45", 45, 1, "Ø-hjelp", "AMK", "Røros"),
                ("a4", "2024-03-31 21:00", "2024-03-31 21:12", 12, 4, "Besøk", "Annet", "Røros"),
                ("a5", "2024-04-01 10:00", "2024-04-01 11:00", 60, 2, "EKG", "Fastlege", "Os"),
            ],
        )
        con.executemany(
            "INSERT INTO callouts VALUES (?, ?, ?, 'Helsevaktbil', ?, ?, 1)",
            [
                ("c1", "2024-03-04 12:00", "akutt", True, "Røros"),
                ("c2", "2024-03-09 03:00", "haster", False, "Os"),
                ("c3", "2024-03-10 15:00", "haster", True, "Røros"),
                ("c4", "2024-03-11 16:00", "vanlig", True, "Røros"),
                ("c5", "2024-04-02 16:00", "akutt", True, "Røros"),
            ],
        )
        con.executemany(
            "INSERT INTO car_trips VALUES (?, ?, ?, ?, NULL, NULL, 1)",
            [
                ("t1", "2024-03-04 21:30", "2024-03-04 23:00", "legevaktlege"),
                ("t2", "2024-03-05 09:00", "2024-03-05 11:00", "helsevakt"),
                ("t3", "2024-03-05 12:00", "2024-03-05 13:00", "helsevakt"),
                ("t4", "2024-03-06 20:00", "2024-03-07 11:00", "legevaktlege"),
                ("t5", "2024-02-29 23:00", "2024-03-01 01:00", "legevaktlege"),
            ],
        )
        yield store


def test_activity_totals_count_only_days_inside_the_period(store):
    totals = figures.activity_totals(store.con, MARCH)
    assert (totals.count, totals.minutes) == (4, 147)


def test_task_mix_groups_by_subproject_and_task(store):
    assert figures.task_mix(store.con, MARCH) == [
        figures.TaskMixRow(1, "Ø-hjelp", 1, 45),
        figures.TaskMixRow(2, "Blodprøve", 2, 90),
        figures.TaskMixRow(4, "Besøk", 1, 12),
    ]


def test_filters_narrow_to_subproject_and_municipality(store):
    narrowed = Filters(MARCH.start, MARCH.end, subproject=2, municipality="røros")
    totals = figures.activity_totals(store.con, narrowed)
    assert (totals.count, totals.minutes) == (1, 30)


def test_acute_share_counts_akutt_and_haster(store):
    counts = figures.callout_counts(store.con, MARCH)
    assert counts == figures.CalloutCounts(total=4, acute=3, acute_with_doctor=2)
    assert counts.acute_doctor_share == 2 / 3


def test_acute_share_is_none_without_acute_callouts(store):
    empty = Filters(date(2023, 1, 1), date(2023, 1, 31))
    assert figures.callout_counts(store.con, empty).acute_doctor_share is None


def test_car_after_22_counts_only_the_minutes_inside_the_window(store):
    # t1: 22:00–23:00 = 60; t2: 09:00–10:00 = 60; t3: none; t4: 22:00–10:00 = 720.
    # t5 started in February, so it belongs to February.
    assert figures.car_use(store.con, MARCH).after_hours == figures.TripCount(3, 840)


def test_staffed_hours_are_a_setting(store):
    later = Filters(MARCH.start, MARCH.end, staffed=StaffedHours(time(10), time(23)))
    # t1: 23:00 only → 0 min, so it no longer counts; t2: 60; t4: 23:00–10:00 = 660.
    assert figures.car_use(store.con, later).after_hours == figures.TripCount(2, 720)


def test_staffed_hours_have_a_history(store):
    # 10–22 until 5 March, 10–23 from 6 March: t1 (Monday 4th) keeps its 60 minutes; t4
    # (6th 20:00 to 7th 11:00) has 23:00–24:00 on the 6th and 00:00–10:00 on the 7th.
    history = StaffedSchedule(
        ((date(2018, 1, 1), StaffedHours()), (date(2024, 3, 6), StaffedHours(time(10), time(23))))
    )
    changed = Filters(MARCH.start, MARCH.end, staffed=history)
    assert figures.car_use(store.con, changed).after_hours == figures.TripCount(3, 60 + 60 + 660)


def test_heatmap_splits_a_trip_across_hours(store):
    cells = {(c.weekday, c.hour): c.minutes for c in figures.car_heatmap(store.con, MARCH)}
    assert cells[(1, 21)] == 30  # t1 on Monday 21:30–22:00
    assert cells[(1, 22)] == 60
    assert cells[(4, 10)] == 60  # t4 ends Thursday 11:00


def test_owner_hours_by_requesting_service(store):
    # HBO 90 min → municipality 1.5 h; AMK 45 min → trust 0.75 h; Annet 12 min → 0.2 h.
    assert figures.owner_hours(store.con, MARCH) == {
        "municipality": 1.5,
        "health_trust": 0.75,
        "shared": 0.2,
    }


def test_wilson_interval_matches_the_formula():
    low, high = figures.wilson_interval(5, 10)
    assert low == pytest.approx(0.2366, abs=1e-4)
    assert high == pytest.approx(0.7634, abs=1e-4)


def test_previous_period_has_the_same_length():
    previous = Filters(date(2024, 3, 1), date(2024, 3, 20)).previous()
    assert (previous.start, previous.end) == (date(2024, 2, 10), date(2024, 2, 29))


def test_previous_of_whole_months_is_whole_months():
    assert Filters(date(2025, 1, 1), date(2025, 12, 31)).previous().start == date(2024, 1, 1)
    assert MARCH.previous().start == date(2024, 2, 1)
    half = Filters(date(2025, 7, 1), date(2025, 12, 31)).previous()
    assert (half.start, half.end) == (date(2025, 1, 1), date(2025, 6, 30))


def test_last_year_is_the_same_dates():
    leap = Filters(date(2024, 2, 1), date(2024, 2, 29)).last_year()
    assert (leap.start, leap.end) == (date(2023, 2, 1), date(2023, 2, 28))


@pytest.fixture
def goals_store(store):
    con = store.con
    first = add_goal(con, "Plan A", "Mål én")
    second = add_goal(con, "Plan A", "Mål to")
    third = add_goal(con, "Plan B", "Mål tre")
    add_assessment(con, first, date(2021, 5, 1), 1)
    add_assessment(con, first, date(2022, 5, 1), 3)
    add_assessment(con, second, date(2021, 5, 1), 2)
    add_assessment(con, second, date(2023, 1, 1), None)
    add_assessment(con, third, date(2022, 1, 1), 2)
    return store


def test_goal_status_uses_the_latest_assessment_on_or_before_the_date(goals_store):
    assert figures.goal_status(goals_store.con, date(2021, 12, 31)) == [
        figures.PlanStatus("Plan A", status_1=1, status_2=1, status_3=0, not_assessed=0),
    ]
    assert figures.goal_status(goals_store.con, date(2023, 6, 1)) == [
        figures.PlanStatus("Plan A", status_1=0, status_2=0, status_3=1, not_assessed=1),
        figures.PlanStatus("Plan B", status_1=0, status_2=1, status_3=0, not_assessed=0),
    ]


def test_goal_changes_lists_goals_whose_status_moved(goals_store):
    changes = figures.goal_changes(goals_store.con, date(2021, 12, 31), date(2022, 6, 1))
    assert [(c["goal_text"], c["status_before"], c["status_now"]) for c in changes] == [
        ("Mål én", 1, 3),
        ("Mål tre", None, 2),
    ]


def test_metrics_document_has_the_contract_keys(store):
    now = period_metrics(store.con, MARCH)
    document = metrics_document(now, period_metrics(store.con, MARCH.previous()))
    assert list(document) == [
        "period",
        "activities",
        "task_mix",
        "outcomes",
        "callouts",
        "car_after_22",
        "car_outside_staffed",
        "utilisation",
        "preventive_visits",
        "goals",
        "freshness",
        "owner_hours",
        "cost_sharing",
        "comparison",
    ]
    assert document["period"] == {"from": "2024-03-01", "to": "2024-03-31"}
    assert document["comparison"]["period"] == {"from": "2024-02-01", "to": "2024-02-29"}
    # 0.75 h rounds half up to 0.8 in the document.
    assert document["owner_hours"]["health_trust"] == 0.8


def test_hours_round_half_up_as_by_hand(tmp_path):
    with Store.open(tmp_path / "round.duckdb") as store:
        store.con.execute(
            "INSERT INTO activities VALUES ('r', '2024-03-04 10:00', '2024-03-04 10:15', 15, 2, "
            "'EKG', 'Fastlege', NULL, NULL, NULL, 1)"
        )
        document = metrics_document(period_metrics(store.con, MARCH), None)
        assert document["owner_hours"]["municipality"] == 0.3


def test_headline_adds_up_to_the_period_figures(store):
    headline = figures.headline(store.con, MARCH)
    assert (headline.tasks, headline.task_minutes) == (4, 147)
    assert headline.municipal_minutes == 90  # the HBO tasks
    assert (headline.callouts, headline.acute, headline.acute_with_doctor) == (4, 3, 2)
    assert (headline.late_trips, headline.late_minutes) == (3, 840)


def test_the_period_is_the_sum_of_its_months(store):
    wide = Filters(date(2024, 2, 1), date(2024, 4, 30))
    summed: dict[tuple, list] = {}
    for row in figures.task_mix(store.con, wide, monthly=True):
        total = summed.setdefault((row.subproject, row.category), [0, 0.0])
        total[0] += row.count
        total[1] += row.minutes
    direct = figures.task_mix(store.con, wide)
    assert [(r.subproject, r.category, r.count, r.minutes) for r in direct] == [
        (*key, *summed[key]) for key in sorted(summed)
    ]


def test_inside_rows_shared_a_sum_is_read_once_and_outside_afresh(store):
    """The window's refresh shares sums between views; the block must be what decides."""
    # A task on 6 March, in the daily rollup and in March's, as an import adds it.
    added_day = (
        "INSERT INTO activity_tasks VALUES ('2024-03-06', 2, 'Røros', 'EKG', 1, 20, NULL);"
        "INSERT INTO activity_tasks_monthly VALUES ('2024-03-01', 2, 'Røros', 'EKG', 1, 20, NULL)"
    )
    with figures.rows_shared():
        first = figures.activity_totals(store.con, MARCH)
        store.con.execute(added_day)
        shared = figures.activity_totals(store.con, MARCH)
    afresh = figures.activity_totals(store.con, MARCH)
    assert (first.count, shared.count, afresh.count) == (4, 4, 5)


def test_a_period_is_read_as_whole_months_and_the_days_around_them():
    # 15 January – 10 April: February and March whole, the days of January and April apart.
    assert figures.month_runs(date(2024, 1, 15), date(2024, 4, 10)) == (
        [(date(2024, 2, 1), date(2024, 3, 1))],
        [(date(2024, 1, 15), date(2024, 1, 31)), (date(2024, 4, 1), date(2024, 4, 10))],
    )
    # A cut on 10 March splits March; one on 1 April splits nothing.
    cuts = [date(2024, 3, 10), date(2024, 4, 1)]
    assert figures.month_runs(date(2024, 1, 1), date(2024, 4, 30), cuts) == (
        [(date(2024, 1, 1), date(2024, 2, 1)), (date(2024, 4, 1), date(2024, 4, 1))],
        [(date(2024, 3, 1), date(2024, 3, 31))],
    )
    # Days of two months in a row join into one run.
    assert figures.month_runs(date(2024, 2, 5), date(2024, 3, 20)) == (
        [],
        [(date(2024, 2, 5), date(2024, 3, 20))],
    )
