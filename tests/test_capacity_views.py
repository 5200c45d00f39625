"""The Kapasitet view, Bilbruk's use outside staffed time by role and Utrykninger's
preparedness part, on the hand-computed exports of test_capacity (imported for real)."""

from datetime import date

import pytest
from exports import ExportForm, write_export
from test_capacity import ACTIVITIES, CALLOUTS, PERIOD, SCHEDULE, TRIPS

from dashboard.data.importer import import_file
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.settings import Preferences
from dashboard.views.callouts_view import CalloutsView
from dashboard.views.capacity_view import CapacityView
from dashboard.views.car_use_view import CarUseView
from dashboard.views.formatting import month_epoch

pytestmark = pytest.mark.usefixtures("norwegian")
APRIL = Filters(date(2024, 4, 1), date(2024, 4, 30), staffed=SCHEDULE)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    path = folder / "capacity.duckdb"
    with Store.open(path) as store:
        for kind, records in (("activity", ACTIVITIES), ("carlog", TRIPS), ("callouts", CALLOUTS)):
            import_file(store, write_export(folder / kind, kind, records, ExportForm()))
    return path


@pytest.fixture
def store(db_path):
    with Store.open(db_path, read_only=True) as store:
        yield store


def shown(panel) -> list[list[str]]:
    model = panel.model
    return [
        [model.data(model.index(row, column)) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def make(view_class, qtbot, store, filters=PERIOD, prefs: Preferences | None = None):
    view = view_class(store)
    qtbot.addWidget(view)
    if prefs is not None:
        view.prefs = prefs
    view.refresh_now(store.cursor(), filters)
    return view


def test_capacity_view_shows_utilisation_against_all_staffed_hours(qtbot, store):
    view = make(CapacityView, qtbot, store)
    assert view.title() == "Kapasitet"
    assert view.share_panel.title_label.text() == "Utnyttelse av bemannet tid per måned"
    _, shares = view.share_curve.getData()
    assert list(shares) == pytest.approx([4.5 / 252 * 100, 4.75 / 247 * 100])
    assert view.full_line.value() == 100
    assert shown(view.share_panel) == [
        ["april 2024", "4,5", "252,0", "1,8"],
        ["mai 2024", "4,8", "247,0", "1,9"],
    ]
    labels = {key: label.text() for key, label in view.summary_labels.items()}
    assert labels["task_hours"] == "9,3"
    assert labels["staffed_hours"] == "499,0"
    assert labels["share"] == "1,9 %"


def test_capacity_view_stacks_task_hours_per_subproject_under_the_staffed_hours(qtbot, store):
    view = make(CapacityView, qtbot, store)
    bars = view.hours_bars
    assert [label for label, _, _ in bars.layers] == [
        "1. Beredskap og ø-hjelp",
        "2. Samarbeid HBO og sykehjem",
        "3. Individuelle pasientforløp og planer",
        "4. Forebyggende hjemmebesøk",
    ]
    assert bars.heights("4. Forebyggende hjemmebesøk") == [2.5, 1.25]
    assert bars.heights("1. Beredskap og ø-hjelp") == [0, 2.5]
    assert list(view.staffed_curve.getData()[1]) == [252, 247]
    assert view.hours_panel.legend.labels()[0] == "Bemannede timer"


def test_capacity_view_shows_visits_a_week_against_the_target_setting(qtbot, store):
    view = make(CapacityView, qtbot, store, prefs=Preferences(visits_target_per_week=2.5))
    assert view.visits_panel.title_label.text() == (
        "Forebyggende hjemmebesøk per uke (snitt per måned)"
    )
    assert view.visits_bars.heights("Besøk per uke") == pytest.approx([2 / (30 / 7), 7 / 31])
    assert view.target_line.value() == 2.5
    assert view.visits_panel.legend.labels() == ["Besøk per uke", "Mål: 2,5 per uke"]
    assert shown(view.visits_panel) == [
        ["april 2024", "2", "30", "0,5", "2,5"],
        ["mai 2024", "1", "31", "0,2", "2,5"],
    ]
    assert view.summary_labels["below"].text() == "2 av 2"
    x = month_epoch(date(2024, 4, 1))
    assert view.visits_tooltip(x, 0.2) == "april 2024: 2 besøk, 0,5 per uke"


def test_car_use_names_after_22_and_outside_staffed_time_apart(qtbot, store):
    view = make(CarUseView, qtbot, store, APRIL)
    assert view.after_panel.title_label.text() == "Bruk etter kl. 22:00 per måned"
    assert view.outside_panel.title_label.text() == (
        "Bruk utenom bemannet tid per måned (kveld, natt og morgen, helg og helligdag)"
    )
    assert view.after_heading.text() == "Etter kl. 22:00"
    # April: the doctor's Easter Monday and Saturday trips are outside staffed time; only
    # the Saturday one's hour before 10:00 is after 22:00.
    assert view.outside_bars.heights("Legevaktlege") == [2]
    assert view.after_bars.heights("Legevaktlege") == [1]
    assert view.outside_bars.heights("Helsevakt") == [1]


def test_car_use_summary_by_role_over_weekends_holidays_and_a_schedule_change(qtbot, store):
    view = make(CarUseView, qtbot, store)
    summary = {key: label.text() for key, label in view.summary_labels.items()}
    assert summary[("legevaktlege", "outside_trips")] == "4"
    assert summary[("legevaktlege", "outside_hours")] == "5,0"
    assert summary[("helsevakt", "outside_trips")] == "2"
    assert summary[("helsevakt", "outside_hours")] == "1,5"
    assert summary[("all", "after_trips")] == "4"
    assert summary[("all", "after_hours")] == "3,0"
    view.measure_box.setCurrentIndex(1)
    assert view.outside_bars.heights("Legevaktlege") == [210, 90]
    assert shown(view.outside_panel) == [
        ["april 2024", "Helsevakt", "1", "30,0"],
        ["april 2024", "Legevaktlege", "2", "210,0"],
        ["mai 2024", "Helsevakt", "1", "60,0"],
        ["mai 2024", "Legevaktlege", "2", "90,0"],
    ]


def test_call_outs_by_resource_sent_and_the_cars_acute_share(qtbot, store):
    view = make(CalloutsView, qtbot, store)
    assert view.summary_labels["acute_by_car"].text() == "3"
    assert view.summary_labels["car_share"].text() == "75,0 %"
    bars = view.resource_bars
    assert [label for label, _, _ in bars.layers] == [
        "Ambulanse",
        "Ambulanse og helsevaktbil",
        "Helsevaktbil",
        "helsevaktbil",
    ]
    assert bars.heights("Ambulanse") == [1, 1]
    assert view.resource_panel.title_label.text() == "Utrykninger per måned etter ressurs sendt"
    view.urgency_box.setCurrentIndex(view.urgency_box.findData("akutt"))
    assert view.urgency_box.currentText() == "Akutt (rød)"
    assert bars.heights("Ambulanse") == [0]
    assert bars.heights("Helsevaktbil") == [1]
    assert shown(view.resource_panel) == [
        ["april 2024", "Ambulanse og helsevaktbil", "Akutt (rød)", "1"],
        ["april 2024", "Helsevaktbil", "Akutt (rød)", "1"],
    ]
    x = bars.positions[0]
    assert view.resource_tooltip(x, 0.5) == (
        "april 2024\nAmbulanse og helsevaktbil: 1\nBilen tok 2 av 3 ø-hjelp-utrykninger (66,7 %)"
    )


def test_car_use_names_both_staffed_spans_when_they_changed_in_the_period(qtbot, store):
    view = make(CarUseView, qtbot, store)
    assert view.heat_panel.legend.labels() == [
        "Bemannet tid (man–fre kl.\u00a010:00–22:00, senere kl.\u00a010:00–23:00)"
    ]


def test_an_empty_period_shows_dashes_and_empty_charts(qtbot, store):
    view = make(CapacityView, qtbot, store, Filters(date(2023, 1, 1), date(2023, 1, 31)))
    assert view.summary_labels["share"].text() == "0,0 %"
    assert view.summary_labels["task_hours"].text() == "0,0"
    # 22 weekdays in January 2023, less New Year's Day (a Sunday: no weekday lost).
    assert view.summary_labels["staffed_hours"].text() == "264,0"
    assert view.hours_bars.layers == []
    assert view.visits_bars.heights("Besøk per uke") == [0]
    callouts = make(CalloutsView, qtbot, store, Filters(date(2023, 1, 1), date(2023, 1, 31)))
    assert callouts.summary_labels["car_share"].text() == "–"
    assert callouts.resource_panel.empty_label.isVisibleTo(callouts.resource_panel)


def test_a_period_without_staffed_days_has_no_utilisation(qtbot, store):
    # Easter Saturday and Sunday 2024: nothing staffed, so no share to draw.
    view = make(CapacityView, qtbot, store, Filters(date(2024, 3, 30), date(2024, 3, 31)))
    assert view.summary_labels["staffed_hours"].text() == "0,0"
    assert view.summary_labels["share"].text() == "–"
    assert view.share_tooltip(month_epoch(date(2024, 3, 1)), 50) == (
        "mars 2024: 0,0 av 0,0 bemannede timer (–)"
    )


def test_the_share_of_acute_call_outs_the_car_took_per_month(qtbot, store):
    view = make(CalloutsView, qtbot, store)
    assert view.car_panel.title_label.text() == "Andel ø-hjelp bilen tok, per måned"
    # April: C1, C2, C3 acute, the car on C1 and C3; May: C5, the car's.
    assert list(view.car_curve.getData()[1]) == pytest.approx([200 / 3, 100])
    assert shown(view.car_panel) == [
        ["april 2024", "3", "2", "66,7"],
        ["mai 2024", "1", "1", "100,0"],
    ]
    assert view.car_tooltip(month_epoch(date(2024, 5, 1)), 50) == (
        "mai 2024\nBilen tok 1 av 1 ø-hjelp-utrykninger (100,0 %)"
    )
