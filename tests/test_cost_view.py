from datetime import date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from dashboard.data.figures import Filters
from dashboard.data.store import Store
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
    assert [label for _, label in ticks] == ["Kommunen: 3,0", "Helseforetaket: 1,5", "Delt: 0,5"]


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
