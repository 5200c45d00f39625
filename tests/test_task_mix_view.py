from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.views.formatting import month_epoch
from dashboard.views.task_mix_view import TaskMixView

JAN_FEB = Filters(date(2024, 1, 1), date(2024, 2, 29))
# id, start, minutes, subproject, task, requested by
ACTIVITIES = [
    ("a1", datetime(2024, 1, 10, 10), 60, 2, "Blodprøve", "HBO"),
    ("a2", datetime(2024, 1, 11, 11), 30, 2, "Blodprøve", "Fastlege"),
    ("a3", datetime(2024, 2, 5, 12), 90, 2, "EKG", "Fastlege"),
    ("a4", datetime(2024, 2, 6, 13), 45, 4, "Forebyggende hjemmebesøk", "Ergoterapi"),
    ("a5", datetime(2024, 3, 1, 10), 120, 1, "Ø-hjelp", "AMK"),
]


pytestmark = pytest.mark.usefixtures("norwegian")


def insert_activities(store: Store, rows) -> None:
    for id_, start, minutes, subproject, task, requested_by in rows:
        store.con.execute(
            "INSERT INTO activities (id, start_at, end_at, minutes, subproject, task, "
            "requested_by, municipality, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, 'Røros', 1)",
            [
                id_,
                start,
                start + timedelta(minutes=minutes),
                minutes,
                subproject,
                task,
                requested_by,
            ],
        )


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "x.duckdb")
    insert_activities(store, ACTIVITIES)
    yield store
    store.close()


@pytest.fixture
def view(qtbot, store):
    view = TaskMixView(store)
    qtbot.addWidget(view)
    view.refresh_now(store.cursor(), JAN_FEB)
    return view


def test_title_and_labels_are_norwegian(view):
    assert view.title() == "Oppgavemiks"
    assert view.split_box.currentText() == "Oppgave"
    assert view.measure_box.currentText() == "Antall oppgaver"
    assert view.period_box.currentText() == "Hele perioden"
    assert view.period_panel.title_label.text() == "Antall oppgaver per delprosjekt, hele perioden"


def test_tasks_per_subproject_for_the_period(view):
    bars = view.period_bars
    # Subprojects 1..6 top-down; March's Ø-hjelp is outside the period.
    assert list(bars.positions) == [-1, -2, -3, -4, -5, -6]
    assert [label for label, _, _ in bars.layers] == [
        "Blodprøve",
        "EKG",
        "Forebyggende hjemmebesøk",
    ]
    assert bars.heights("Blodprøve") == [0, 2, 0, 0, 0, 0]
    ekg = bars.items[1]
    assert list(ekg.opts["width"]) == [0, 1, 0, 0, 0, 0]
    assert list(ekg.opts["x0"]) == [0, 2, 0, 0, 0, 0]
    assert bars.heights("Forebyggende hjemmebesøk") == [0, 0, 0, 1, 0, 0]
    assert view.period_panel.legend.labels() == ["Blodprøve", "EKG", "Forebyggende hjemmebesøk"]


def test_hours_by_requesting_service(view):
    view.split_box.setCurrentIndex(1)
    view.measure_box.setCurrentIndex(1)
    bars = view.period_bars
    assert bars.heights("Fastlege") == [0, 2.0, 0, 0, 0, 0]
    assert bars.heights("HBO") == [0, 1.0, 0, 0, 0, 0]
    assert bars.heights("Ergoterapi") == [0, 0, 0, 0.75, 0, 0]
    assert view.period_panel.title_label.text() == "Timer per delprosjekt, hele perioden"
    assert view.period_plot.getPlotItem().getAxis("bottom").labelText == "Timer"


def test_the_numbers_behind_the_period_chart(view):
    model = view.period_panel.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Delprosjekt", "Oppgave", "Antall oppgaver", "Timer"]
    shown = [[model.data(model.index(r, c)) for c in range(4)] for r in range(model.rowCount())]
    assert shown == [
        ["2 Samarbeid HBO og sykehjem", "Blodprøve", "2", "1,5"],
        ["2 Samarbeid HBO og sykehjem", "EKG", "1", "1,5"],
        ["4 Forebyggende hjemmebesøk", "Forebyggende hjemmebesøk", "1", "0,8"],
    ]


def test_copy_data_pastes_into_excel(view):
    view.period_panel.copy_data()
    assert QApplication.clipboard().text().splitlines() == [
        "Delprosjekt\tOppgave\tAntall oppgaver\tTimer",
        "2 Samarbeid HBO og sykehjem\tBlodprøve\t2\t1,5",
        "2 Samarbeid HBO og sykehjem\tEKG\t1\t1,5",
        "4 Forebyggende hjemmebesøk\tForebyggende hjemmebesøk\t1\t0,8",
    ]


def test_tasks_per_month(view):
    view.period_box.setCurrentIndex(1)
    bars = view.month_bars
    assert list(bars.positions) == [month_epoch(date(2024, 1, 1)), month_epoch(date(2024, 2, 1))]
    assert bars.heights("Blodprøve") == [2, 0]
    assert bars.heights("EKG") == [0, 1]
    assert list(bars.items[1].opts["y0"]) == [2, 0]
    assert view.month_panel.title_label.text() == "Antall oppgaver per måned, alle delprosjekter"
    # January's Blodprøve, February's EKG and February's visit.
    assert view.month_panel.model.rowCount() == 3
    assert view.month_panel.model.data(view.month_panel.model.index(0, 0)) == "januar 2024"


def test_tooltips_give_the_exact_value(view):
    assert view.period_tooltip(1.0, -2) == "2 Samarbeid HBO og sykehjem\nBlodprøve: 2 oppgaver"
    assert view.period_tooltip(2.5, -2) == "2 Samarbeid HBO og sykehjem\nEKG: 1 oppgave"
    assert view.period_tooltip(0.5, -3) is None
    view.period_box.setCurrentIndex(1)
    view.measure_box.setCurrentIndex(1)
    x = month_epoch(date(2024, 2, 1))
    assert view.month_tooltip(x, 0.5) == "februar 2024\nEKG: 1,5 timer"


def test_small_categories_are_summed_as_one_grey_layer(qtbot, tmp_path):
    store = Store.open(tmp_path / "many.duckdb")
    rows = [
        (f"m{i}-{n}", datetime(2024, 1, 2, 10), 60, 2, f"Oppgave {i:02d}", "HBO")
        for i in range(11)
        for n in range(11 - i)
    ]
    insert_activities(store, rows)
    view = TaskMixView(store)
    qtbot.addWidget(view)
    view.refresh_now(store.cursor(), JAN_FEB)
    labels = [label for label, _, _ in view.period_bars.layers]
    assert labels[:2] == ["Oppgave 00", "Oppgave 01"]
    assert labels[-1] == "Øvrige (2 kategorier)"
    # Oppgave 09 and 10 have 2 and 1 tasks.
    assert view.period_bars.heights("Øvrige (2 kategorier)")[1] == 3
    assert view.period_panel.model.rowCount() == 11
    store.close()


def test_a_subproject_filter_names_the_subproject(view, store):
    view.period_box.setCurrentIndex(1)
    view.refresh_now(store.cursor(), Filters(JAN_FEB.start, JAN_FEB.end, subproject=4))
    assert view.month_bars.heights("Forebyggende hjemmebesøk") == [1]
    title = view.month_panel.title_label.text()
    assert title == "Antall oppgaver per måned, 4 Forebyggende hjemmebesøk"


def test_an_empty_period_shows_no_bars(view, store):
    view.refresh_now(store.cursor(), Filters(date(2023, 1, 1), date(2023, 12, 31)))
    assert view.period_bars.layers == []
    assert view.period_panel.model.rowCount() == 0
    assert not view.period_panel.empty_label.isHidden()
