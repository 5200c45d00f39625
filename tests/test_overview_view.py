"""Oversikt on a small fixture whose figures are counted by hand below."""

from datetime import date, datetime
from pathlib import Path

import pytest

from dashboard.data.figures import trend_window
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.views.overview_view import OverviewView

MARCH = Filters(date(2024, 3, 1), date(2024, 3, 31))

ACTIVITIES = [
    # id, start, minutes, subproject, task, requested_by, municipality
    ("a1", datetime(2024, 3, 4, 10, 0), 30, 2, "Blodprøve", "HBO", "Røros"),
    ("a2", datetime(2024, 3, 5, 11, 0), 60, 4, "Forebyggende hjemmebesøk", "Ergoterapi", "Os"),
    ("a3", datetime(2024, 3, 20, 13, 0), 90, 1, "Ø-hjelp", "AMK", "Røros"),
    ("a4", datetime(2024, 2, 10, 10, 0), 60, 2, "Blodprøve", "HBO", "Røros"),
    ("a5", datetime(2024, 2, 12, 12, 0), 30, 2, "EKG", "Fastlege", "Holtålen"),
    ("a6", datetime(2024, 1, 15, 17, 0), 45, 3, "Samtale", "Psykiatri/rus", "Røros"),
]
CALLOUTS = [
    # id, alarm, urgency, doctor_present, municipality
    ("c1", datetime(2024, 3, 2, 3, 0), "akutt", True, "Røros"),
    ("c2", datetime(2024, 3, 10, 14, 0), "haster", False, "Os"),
    ("c3", datetime(2024, 3, 15, 12, 0), "vanlig", False, "Røros"),
    ("c4", datetime(2024, 3, 25, 23, 0), "akutt", True, "Røros"),
    ("c5", datetime(2024, 2, 5, 9, 0), "akutt", True, "Røros"),
    ("c6", datetime(2024, 2, 6, 15, 0), "haster", True, "Holtålen"),
]
TRIPS = [
    # id, start, end, driver_role
    ("t1", datetime(2024, 3, 8, 21, 30), datetime(2024, 3, 8, 22, 30), "legevaktlege"),
    ("t2", datetime(2024, 3, 9, 2, 0), datetime(2024, 3, 9, 3, 0), "legevaktlege"),
    ("t3", datetime(2024, 3, 11, 12, 0), datetime(2024, 3, 11, 13, 0), "helsevakt"),
    ("t4", datetime(2024, 2, 20, 23, 0), datetime(2024, 2, 20, 23, 30), "legevaktlege"),
]


def fill_fixture(store: Store) -> Store:
    """Six tasks, six call-outs and four trips from January to March 2024."""
    con = store.con
    con.execute(
        "INSERT INTO imports VALUES (nextval('import_id_seq'), 'fixture.csv', 'abcdef0123456789', "
        "'activity', 6, 6, TIMESTAMP '2024-04-02 08:15:00')"
    )
    for key, start, minutes, sub, task, service, place in ACTIVITIES:
        con.execute(
            "INSERT INTO activities VALUES (?, ?, ? + to_minutes(?::BIGINT), ?, ?, ?, ?, ?, "
            "NULL, NULL, 1)",
            [key, start, start, minutes, minutes, sub, task, service, place],
        )
    for key, alarm, urgency, doctor, place in CALLOUTS:
        con.execute(
            "INSERT INTO callouts VALUES (?, ?, ?, 'Helsevaktbil', ?, ?, 1)",
            [key, alarm, urgency, doctor, place],
        )
    for key, start, end, role in TRIPS:
        con.execute(
            "INSERT INTO car_trips VALUES (?, ?, ?, ?, NULL, NULL, 1)", [key, start, end, role]
        )
    return store


def make_fixture_store(path: Path) -> Store:
    return fill_fixture(Store.open(path))


@pytest.fixture
def store(tmp_path):
    with make_fixture_store(tmp_path / "fixture.duckdb") as opened:
        yield opened


pytestmark = pytest.mark.usefixtures("norwegian")


@pytest.fixture
def view(qtbot, store):
    overview = OverviewView(store)
    qtbot.addWidget(overview)
    return overview


def shown(view: OverviewView, filters: Filters) -> dict[str, tuple[str, str, str]]:
    cursor = view.store.cursor()
    view.refresh_now(cursor, filters)
    cursor.close()
    return {
        key: (card.title_label.text(), card.value_label.text(), card.change_label.text())
        for key, card in view.cards.items()
    }


def test_march_figures_and_their_change_against_february(view):
    cards = shown(view, MARCH)
    # Three tasks (30 + 60 + 90 min) against two (60 + 30 min) in February: a whole month
    # compares with the whole month before (01.02.–29.02.), no longer 30.01.–29.02.; the
    # fixture has nothing on 30–31 January, so every figure below stays as it was.
    assert cards["tasks"] == ("Utførte oppgaver", "3", "▲ 50 % fra 2 i forrige periode")
    assert cards["task_hours"][1:] == ("3,0", "▲ 100 % fra 1,5 i forrige periode")
    # HBO 30 + Ergoterapi 60 min now; HBO 60 + Fastlege 30 min before. AMK is the trust's.
    assert cards["municipal_hours"][1:] == ("1,5", "Uendret fra 1,5 i forrige periode")
    assert cards["callouts"][1:] == ("4", "▲ 100 % fra 2 i forrige periode")
    assert cards["acute"][1:] == ("3", "▲ 50 % fra 2 i forrige periode")
    # Two of three acute call-outs had a doctor; both of two did in February.
    assert cards["doctor_share"][1:] == (
        "66,7 %",
        "▼ 33,3 prosentpoeng fra 100,0 % i forrige periode",
    )
    # t1 counts 22:00–22:30, t2 02:00–03:00; t3 is inside staffed hours.
    assert cards["late_trips"] == (
        "Bilturer etter kl. 22:00",
        "2",
        "▲ 100 % fra 1 i forrige periode",
    )
    assert cards["late_hours"][1:] == ("1,5", "▲ 200 % fra 0,5 i forrige periode")


def test_the_heading_names_both_periods(view):
    shown(view, MARCH)
    assert view.period_label.text() == (
        "01.03.2024–31.03.2024, sammenlignet med forrige periode, 01.02.2024–29.02.2024."
    )


def test_trend_lines_hold_one_point_per_month_from_the_first_data(view):
    shown(view, MARCH)
    assert view.cards["tasks"].trend.values() == [1, 2, 3]
    assert view.cards["task_hours"].trend.values() == [0.75, 1.5, 3.0]
    # January has no call-outs, so no share: the line starts in February.
    assert view.cards["doctor_share"].trend.values() == [None, 1.0, pytest.approx(2 / 3)]
    # Only March, the chosen period, is shaded.
    assert view.cards["tasks"].trend.period_from() == 2


def test_a_period_ending_mid_month_draws_its_last_step_dotted(view):
    shown(view, Filters(date(2024, 2, 26), date(2024, 3, 25)))
    assert view.cards["tasks"].trend.ends_mid_month()
    assert "Siste måned er ikke over ennå (prikket linje)." in view.cards["tasks"].toolTip()
    shown(view, MARCH)
    assert not view.cards["tasks"].trend.ends_mid_month()


TEN_MINUTE_MEETING = """
    INSERT INTO activities VALUES ($id, $day::TIMESTAMP, $day::TIMESTAMP + INTERVAL 10 MINUTE,
                                   10, 5, 'Møte', 'Annet', 'Røros', NULL, NULL, 1)
"""


def test_small_changes_keep_a_decimal(view, store):
    for number in range(198):
        for day in ("2024-02-15", "2024-03-15"):
            store.con.execute(TEN_MINUTE_MEETING, {"id": f"{day}-{number}", "day": day})
    cards = shown(view, MARCH)
    # March: 3 + 198 = 201 tasks; February: 2 + 198 = 200, so not "0 %".
    assert cards["tasks"][1:] == ("201", "▲ 0,5 % fra 200 i forrige periode")


def test_trend_reaches_back_a_year_when_there_is_data(view):
    window = trend_window(MARCH, date(2020, 1, 1))
    assert (window.start, window.end) == (date(2023, 4, 1), date(2024, 3, 31))


def test_a_subproject_narrows_tasks_and_says_what_it_cannot_narrow(view):
    cards = shown(view, Filters(MARCH.start, MARCH.end, subproject=2))
    assert cards["tasks"][1:] == ("1", "▼ 50 % fra 2 i forrige periode")
    assert cards["callouts"][1] == "4"
    assert view.cards["callouts"].note_label.text() == (
        "Utrykninger har ikke delprosjekt: alle delprosjekter."
    )
    assert view.cards["tasks"].note_label.isHidden()


def test_a_municipality_narrows_tasks_and_call_outs(view):
    cards = shown(view, Filters(MARCH.start, MARCH.end, municipality="os"))
    assert cards["tasks"][1] == "1"
    assert cards["callouts"][1] == "1"
    assert cards["doctor_share"][1] == "0,0 %"


def test_a_period_before_the_data_says_there_is_nothing_to_compare(view):
    cards = shown(view, Filters(date(2024, 1, 1), date(2024, 1, 31)))
    assert cards["tasks"][1:] == ("1", "Ingen data for forrige periode")


def test_empty_previous_values_are_named_not_divided_by(view):
    cards = shown(view, Filters(date(2024, 2, 1), date(2024, 3, 31)))
    # Two whole months compare with the two before, December and January: they hold task
    # a6 but no trips and no call-outs (as the 60 days before 01.02. did).
    assert cards["late_trips"][1:] == ("3", "Forrige periode: 0")
    assert cards["doctor_share"][1:] == ("80,0 %", "Forrige periode: –")


def test_tooltips_give_both_periods_exactly(view):
    shown(view, MARCH)
    tip = view.cards["late_hours"].toolTip()
    assert "01.03.2024–31.03.2024: 1,5" in tip
    assert "01.02.2024–29.02.2024: 0,5" in tip
