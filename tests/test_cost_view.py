from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from dashboard.data.costs import RULES
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.settings import STAFF_COST_PER_HOUR, owner_key, read_preferences, settings_path
from dashboard.views.cost_view import CostSharingView
from dashboard.views.formatting import month_epoch

JAN_FEB = Filters(date(2024, 1, 1), date(2024, 2, 29))
# HBO and Fastlege are the municipality's, AMK the health trust's, Annet shared.
ACTIVITIES = [
    ("a1", datetime(2024, 1, 10, 10), 60, "HBO"),
    ("a2", datetime(2024, 1, 11, 10), 90, "AMK"),
    ("a3", datetime(2024, 2, 5, 10), 30, "Annet"),
    ("a4", datetime(2024, 2, 6, 10), 120, "Fastlege"),
]

# Car: Wednesday 22-23 and Saturday 12-13 are outside staffed hours (10-22 on weekdays),
# Thursday 12-14 inside: 120 of 240 minutes outside, a share of 0,5.
TRIPS = [
    ("t1", datetime(2024, 1, 10, 22), 60),
    ("t2", datetime(2024, 1, 13, 12), 60),
    ("t3", datetime(2024, 1, 11, 12), 120),
]

pytestmark = pytest.mark.usefixtures("norwegian")


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "x.duckdb")
    for id_, start, minutes, requested_by in ACTIVITIES:
        store.con.execute(
            "INSERT INTO activities (id, start_at, end_at, minutes, subproject, task, "
            "requested_by, import_id) VALUES (?, ?, ?, ?, 2, 'Oppgave', ?, 1)",
            [id_, start, start + timedelta(minutes=minutes), minutes, requested_by],
        )
    for id_, start, minutes in TRIPS:
        store.con.execute(
            "INSERT INTO car_trips (id, start_at, end_at, driver_role, import_id) "
            "VALUES (?, ?, ?, 'legevaktlege', 3)",
            [id_, start, start + timedelta(minutes=minutes)],
        )
    yield store
    store.close()


@pytest.fixture
def view(qtbot, store):
    view = CostSharingView(store)
    qtbot.addWidget(view)
    view.refresh_now(store.cursor(), JAN_FEB)
    return view


def test_hours_per_owner_for_the_period(view):
    assert view.title() == "Kostnadsdeling"
    assert view.tabs.tabText(0) == "Timer"
    bars = view.period_bars
    assert bars.heights("Kommunen") == [3.0, 0, 0]
    assert bars.heights("Helseforetaket") == [0, 1.5, 0]
    assert bars.heights("Delt") == [0, 0, 0.5]
    ticks = view.period_plot.getPlotItem().getAxis("bottom")._tickLevels[0]
    assert [label for _, label in ticks] == [
        "Kommunen\n3,0 t",
        "Helseforetaket\n1,5 t",
        "Delt\n0,5 t",
    ]


def test_hours_per_owner_per_month(view):
    bars = view.month_bars
    assert list(bars.positions) == [month_epoch(date(2024, 1, 1)), month_epoch(date(2024, 2, 1))]
    assert bars.heights("Kommunen") == [1.0, 2.0]
    assert bars.heights("Helseforetaket") == [1.5, 0]
    delt = bars.items[2]
    assert list(delt.opts["height"]) == [0, 0.5]
    assert list(delt.opts["y0"]) == [2.5, 2.0]
    assert view.month_panel.legend.labels() == ["Delt", "Helseforetaket", "Kommunen"]


def test_the_numbers_behind_and_copy(view):
    view.period_panel.copy_data()
    assert QApplication.clipboard().text().splitlines() == [
        "Eier\tTimer",
        "Kommunen\t3,0",
        "Helseforetaket\t1,5",
        "Delt\t0,5",
    ]
    view.month_panel.copy_data()
    assert QApplication.clipboard().text().splitlines() == [
        "Måned\tEier\tTimer",
        "januar 2024\tHelseforetaket\t1,5",
        "januar 2024\tKommunen\t1,0",
        "februar 2024\tKommunen\t2,0",
        "februar 2024\tDelt\t0,5",
    ]


def test_tooltips(view):
    assert view.period_tooltip(1, 1.0) == "Helseforetaket: 1,5 timer"
    x = month_epoch(date(2024, 2, 1))
    assert view.month_tooltip(x, 2.2) == "februar 2024\nDelt: 0,5 timer"


def test_an_empty_period(view, store):
    view.refresh_now(store.cursor(), Filters(date(2023, 1, 1), date(2023, 1, 31)))
    assert view.period_panel.model.rowCount() == 0
    assert view.month_bars.heights("Kommunen") == []


# Kostnader, worked by hand for 01.01.–29.02.2024 (60 days, 44 weekdays = 528 staffed hours):
# car 300 000 x 60 / 365 = 49 315,07; hours 5,0 of which the municipality's share is
# (3,0 + 0,5 / 2) / 5,0 = 0,65.


def cost_rows(view) -> list[list[str]]:
    model = view.cost_model
    return [
        [model.data(model.index(r, c)).replace("\u00a0", " ") for c in range(4)]
        for r in range(model.rowCount())
    ]


def label(view, name: str) -> str:
    return view.cost_labels[name].text().replace("\u00a0", " ")


def test_the_costs_tab_splits_the_car_under_each_rule(view):
    assert [view.tabs.tabText(i) for i in range(3)] == ["Timer", "Kostnader", "Kostnadsmodell"]
    assert [row[2:] for row in cost_rows(view)] == [
        # 49 315,07 x 0,65 = 32 054,79 and the rest 17 260,27.
        ["kr 32 055", "kr 17 260"],
        ["kr 49 315", "kr 0"],
        # Half the car's use is outside staffed hours: 24 657,53 each.
        ["kr 24 658", "kr 24 658"],
    ]
    assert [row[:2] for row in cost_rows(view)] == [[rule.name, rule.explanation] for rule in RULES]
    assert view.costs_title.text() == "Hva hver part ville betale for 01.01.2024–29.02.2024"
    assert label(view, "car") == "kr 49 315 for perioden (kr 300 000 i året, 60 dager)"
    assert label(view, "staff").startswith("Bemanningskostnaden er ikke satt (kr 0 per time)")
    assert label(view, "staffed") == "kl. 10:00–22:00 på hverdager (fra innstillingene)"
    assert label(view, "outside") == (
        "2,0 timer av 4,0 timer (50,0 % av all bilbruk): legevaktlegens, altså kommunens"
    )


def test_the_cost_model_from_the_settings_file_is_used(qtbot, store):
    settings = QSettings(str(settings_path()), QSettings.Format.IniFormat)
    settings.setValue(STAFF_COST_PER_HOUR, "500")
    settings.setValue(owner_key("AMK"), "municipality")
    settings.sync()
    view = CostSharingView(store)
    qtbot.addWidget(view)
    # The main window reads the preferences once and hands them to every view.
    view.prefs = read_preferences()
    view.refresh_now(store.cursor(), JAN_FEB)
    # 44 weekdays, less New Year's Day (Monday 1 January, a public holiday and now
    # unstaffed): 43 x 12 = 516 h (was 528 h). Staff 516 h x 500 = 258 000, so 307 315,07 in
    # all; with AMK the municipality's, its share of the hours is (4,5 + 0,5 / 2) / 5,0 =
    # 0,95: 291 949,32 and 15 365,75. By use: 24 657,53 and 24 657,53 + 258 000.
    assert [row[2:] for row in cost_rows(view)] == [
        ["kr 291 949", "kr 15 366"],
        ["kr 49 315", "kr 258 000"],
        ["kr 24 658", "kr 282 658"],
    ]
    assert label(view, "staff") == (
        "kr 258 000 for perioden (516,0 bemannede timer à kr 500 per time)"
    )
    assert view.period_bars.heights("Kommunen") == [4.5, 0, 0]


def test_no_car_trips_is_said_plainly(view, store):
    view.refresh_now(store.cursor(), Filters(date(2024, 2, 1), date(2024, 2, 29)))
    assert label(view, "outside") == "Ingen turer med bilen i perioden."
