"""Kostnadsmodell: edits go to the shared INI file at once and the Kostnader table follows.

The store and the period are those of test_cost_view: 60 days, 44 weekdays of which 43 are
staffed (1 January is a public holiday: 516 staffed hours), car use half outside staffed
hours; hours 3,0 municipality, 1,5 health trust (AMK), 0,5 shared.
"""

import pytest

from dashboard.data.costs import CostModel
from dashboard.data.values import StaffedHours
from dashboard.data.vocabulary import SERVICES
from dashboard.settings import cost_model, settings_path
from dashboard.views.base import ViewHost
from dashboard.views.cost_model_panel import CostModelPanel
from dashboard.views.cost_view import CostSharingView
from dashboard.views.worker import Database
from tests.test_cost_view import JAN_FEB, cost_rows, store  # noqa: F401 - the fixture

pytestmark = pytest.mark.usefixtures("norwegian")


@pytest.fixture
def view(qtbot, store):  # noqa: F811 - the imported fixture
    # The view's own jobs open the file, one at a time, as the window's worker would.
    store.close()
    database = Database.on_file(store.path, background=False)
    view = CostSharingView(database)
    qtbot.addWidget(view)
    ViewHost(view, database, JAN_FEB).refresh()
    return view


def test_the_panel_starts_from_the_defaults(view):
    panel = view.model_panel
    assert panel.car_cost.value() == 300_000
    assert panel.staff_cost.value() == 0
    assert panel.car_cost.text().replace("\u00a0", " ") == "kr 300 000"
    assert panel.staff_cost.text() == "kr 0,00"
    assert [panel.owner_table.item(row, 0).text() for row in range(len(SERVICES))] == list(SERVICES)
    assert panel.owner_boxes["AMK"].currentText() == "Helseforetaket"
    assert panel.owner_boxes["Annet"].currentText() == "Delt"
    assert panel.owner_boxes["HBO"].currentText() == "Kommunen"
    assert panel.staffed_label.text().startswith(
        "Bemannet tid hentes fra innstillingene: kl.\u00a010:00–22:00 på hverdager."
    )
    assert not settings_path().exists()


def test_editing_the_staff_cost_writes_the_ini_and_updates_the_table(view):
    view.model_panel.staff_cost.setValue(500)
    assert cost_model().staff_cost_per_hour == 500.0
    # Staff 516 h x 500 = 258 000 (was 528 h and 264 000 before New Year's Day was
    # unstaffed); the car 49 315 as before.
    assert [row[2:] for row in cost_rows(view)][1] == ["kr 49 315", "kr 258 000"]
    assert view.cost_labels["staff"].text().replace("\u00a0", " ") == (
        "kr 258 000 for perioden (516,0 bemannede timer à kr 500 per time)"
    )


def test_editing_the_car_cost_and_an_owner(view):
    panel = view.model_panel
    panel.car_cost.setValue(365_000)
    amk = panel.owner_boxes["AMK"]
    amk.setCurrentIndex(amk.findText("Delt"))
    model = cost_model()
    assert model.car_cost_per_year == 365_000.0
    assert model.owner_by_service["AMK"] == "shared"
    # Car 365 000 x 60 / 365 = 60 000; hours share (3,0 + 2,0 / 2) / 5,0 = 0,8.
    assert [row[2:] for row in cost_rows(view)] == [
        ["kr 48 000", "kr 12 000"],
        ["kr 60 000", "kr 0"],
        ["kr 30 000", "kr 30 000"],
    ]
    assert view.period_bars.heights("Delt") == [0, 0, 2.0]


def test_reset_to_defaults(view):
    panel = view.model_panel
    panel.staff_cost.setValue(800)
    panel.owner_boxes["HBO"].setCurrentIndex(1)
    panel.reset_button.click()
    assert cost_model() == CostModel()
    assert panel.staff_cost.value() == 0
    assert panel.owner_boxes["HBO"].currentText() == "Kommunen"
    assert "owners" not in settings_path().read_text(encoding="utf-8")
    assert cost_rows(view)[1][2:] == ["kr 49 315", "kr 0"]


def test_the_panel_reads_what_was_saved_before(qtbot):
    first = CostModelPanel()
    qtbot.addWidget(first)
    first.staff_cost.setValue(612.5)
    second = CostModelPanel()
    qtbot.addWidget(second)
    second.set_staffed(StaffedHours())
    assert second.staff_cost.value() == 612.5
    assert second.staff_cost.text() == "kr 612,50"
