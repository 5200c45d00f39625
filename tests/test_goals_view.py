from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from dashboard.data.figures import Filters
from dashboard.data.goals import add_assessment, add_goal, status_word
from dashboard.data.store import Store
from dashboard.views.goals_view import GoalsView, status_label

STRATEGI = "Strategi 2030 (HMN)"
REGIONAL = "Regional utviklingsplan 2019–2022"
YEAR_2021 = Filters(date(2021, 1, 1), date(2021, 12, 31))


pytestmark = pytest.mark.usefixtures("norwegian")


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "x.duckdb")
    con = store.con
    one = add_goal(con, STRATEGI, "Mål en", area="Samhandling")
    add_assessment(con, one, date(2021, 5, 1), 2, comment="Delvis i gang", recorded_by="test")
    add_assessment(con, one, date(2022, 5, 1), 3, comment="Nådd", recorded_by="test")
    two = add_goal(con, STRATEGI, "Mål to")
    add_assessment(con, two, date(2021, 5, 1), 1, recorded_by="test")
    three = add_goal(con, REGIONAL, "Mål tre")
    add_assessment(con, three, None, None, recorded_by="test")
    four = add_goal(con, REGIONAL, "Mål fire")
    add_assessment(con, four, date(2021, 5, 1), 3, owner="HMN", recorded_by="test")
    yield store
    store.close()


@pytest.fixture
def view(qtbot, store):
    view = GoalsView(store)
    qtbot.addWidget(view)
    view.refresh_now(store.cursor(), YEAR_2021)
    return view


def goal_rows(view) -> list[list[str]]:
    model = view.goal_model
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_status_is_a_symbol_and_the_register_word(view):
    assert view.title() == "Mål"
    for status, symbol in ((1, "✖"), (2, "◐"), (3, "✔"), (None, "–")):
        assert status_label(status) == f"{symbol} {status_word(status)}"
    assert [view.status_box.itemText(i) for i in range(view.status_box.count())] == [
        "Alle statuser",
        "✔ Oppfylt",
        "◐ Delvis oppfylt",
        "✖ Ikke oppfylt",
        "– Ikke vurdert",
    ]


def test_goals_grouped_by_plan_with_status_as_of_the_period_end(view):
    assert goal_rows(view) == [
        [REGIONAL, "–", "Mål fire", "✔ Oppfylt", "01.05.2021", "–"],
        [REGIONAL, "–", "Mål tre", "– Ikke vurdert", "–", "–"],
        [STRATEGI, "Samhandling", "Mål en", "◐ Delvis oppfylt", "01.05.2021", "Delvis i gang"],
        [STRATEGI, "–", "Mål to", "✖ Ikke oppfylt", "01.05.2021", "–"],
    ]


def test_status_counts_per_plan_in_the_chart(view):
    bars = view.bars
    # Plans top-down in alphabetical order: Regional, Strategi.
    assert bars.heights("✔ Oppfylt") == [1, 0]
    assert bars.heights("◐ Delvis oppfylt") == [0, 1]
    assert bars.heights("✖ Ikke oppfylt") == [0, 1]
    assert bars.heights("– Ikke vurdert") == [1, 0]
    assert view.panel.legend.labels() == [
        "✔ Oppfylt",
        "◐ Delvis oppfylt",
        "✖ Ikke oppfylt",
        "– Ikke vurdert",
    ]
    assert view.panel.title_label.text() == "Målstatus per plan per 31.12.2021"
    assert view.tooltip(0.5, 0) == f"{REGIONAL}\n✔ Oppfylt: 1 mål"


def test_the_numbers_behind_the_chart_copy_to_excel(view):
    view.panel.copy_data()
    assert QApplication.clipboard().text().splitlines() == [
        "Plan\t✔ Oppfylt\t◐ Delvis oppfylt\t✖ Ikke oppfylt\t– Ikke vurdert",
        f"{REGIONAL}\t1\t0\t0\t1",
        f"{STRATEGI}\t0\t1\t1\t0",
    ]


def test_filter_by_plan(view):
    view.plan_box.setCurrentIndex(view.plan_box.findText(STRATEGI))
    assert [row[2] for row in goal_rows(view)] == ["Mål en", "Mål to"]
    assert view.bars.heights("◐ Delvis oppfylt") == [1]
    assert view.plan_names_shown() == [STRATEGI]


def test_filter_by_status(view):
    view.status_box.setCurrentIndex(view.status_box.findText("– Ikke vurdert"))
    assert [row[2] for row in goal_rows(view)] == ["Mål tre"]
    view.status_box.setCurrentIndex(view.status_box.findText("✔ Oppfylt"))
    assert [row[2] for row in goal_rows(view)] == ["Mål fire"]
    view.plan_box.setCurrentIndex(view.plan_box.findText(STRATEGI))
    assert goal_rows(view) == []


def test_a_goals_history_up_to_the_period_end(view, store):
    view.select_goal(2)
    assert view.history_label.text() == "Vurderinger av: Mål en"
    model = view.history_model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 1)) == "◐ Delvis oppfylt"
    view.refresh_now(store.cursor(), Filters(date(2022, 1, 1), date(2022, 12, 31)))
    assert goal_rows(view)[2][3] == "✔ Oppfylt"
    view.select_goal(2)
    history = [[model.data(model.index(r, c)) for c in range(3)] for r in range(model.rowCount())]
    assert history == [
        ["01.05.2021", "◐ Delvis oppfylt", "Delvis i gang"],
        ["01.05.2022", "✔ Oppfylt", "Nådd"],
    ]
