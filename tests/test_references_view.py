"""Reference values and events in the window: the chart items exist where their figure and
period are shown, and the list keeps them (add, change, delete as writing jobs)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pyqtgraph as pg
import pytest

from dashboard.data.events import EventInput, add_event, all_events
from dashboard.data.references import ReferenceInput, add_reference, reference_values
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.views.base import ViewHost
from dashboard.views.callouts_view import CalloutsView
from dashboard.views.car_use_view import CarUseView
from dashboard.views.charts import day_position
from dashboard.views.cost_view import CostSharingView
from dashboard.views.overview_view import OverviewView
from dashboard.views.references_view import ReferencesView
from dashboard.views.task_mix_view import TaskMixView
from dashboard.views.worker import Database, ImmediateRunner

pytestmark = [
    pytest.mark.usefixtures("norwegian"),
    # Offscreen, a dialog cannot pass its size to a window manager: nothing to do with us.
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)"),
]

SPRING = Filters(date(2024, 1, 1), date(2024, 4, 30))
COMPARABLE = ReferenceInput(
    "acute_doctor_share",
    "Sammenlignbare kommuner",
    date(2019, 1, 1),
    date(2019, 12, 31),
    0.57,
    "Evalueringen",
)
BEFORE = ReferenceInput("acute_doctor_share", "Før prosjektet", None, None, 0.41, "Årsmelding 2017")
TASKS_TARGET = ReferenceInput("activities_count", "Mål", None, None, 1200, "Prosjektplanen")
MARTNAN = EventInput(date(2024, 2, 4), date(2024, 2, 10), "Rørosmartnan")
ROTA = EventInput(date(2024, 3, 15), None, "Ny turnus")
LONG_AGO = EventInput(date(2018, 1, 1), None, "Prosjektstart")


@pytest.fixture
def path(tmp_path) -> Path:
    with Store.open(tmp_path / "x.duckdb") as store:
        con = store.con
        for n, (day, urgency, doctor) in enumerate(
            [(date(2024, 1, 10), "akutt", True), (date(2024, 2, 7), "haster", False)]
        ):
            con.execute(
                "INSERT INTO callouts VALUES (?, ?, ?, 'Helsevaktbil', ?, 'Røros', 1)",
                [
                    f"c{n}",
                    datetime.combine(day, datetime.min.time()).replace(hour=12),
                    urgency,
                    doctor,
                ],
            )
        con.execute(
            "INSERT INTO activities (id, start_at, end_at, minutes, subproject, task, "
            "requested_by, import_id) VALUES ('a1', '2024-03-01 10:00', '2024-03-01 11:00', 60, "
            "2, 'Blodprøve', 'HBO', 1)"
        )
        for reference in (COMPARABLE, BEFORE, TASKS_TARGET):
            add_reference(con, reference)
        for event in (MARTNAN, ROTA, LONG_AGO):
            add_event(con, event)
    return tmp_path / "x.duckdb"


def host_of(qtbot, view_class, path, filters=SPRING) -> ViewHost:
    database = Database.on_file(path, background=False)
    view = view_class(database)
    qtbot.addWidget(view)
    host = ViewHost(view, database, filters)
    host.refresh()
    return host


def test_events_on_the_call_out_chart_with_text_on_hover(qtbot, path):
    view = host_of(qtbot, CalloutsView, path).view
    marks = view.plot.event_marks
    # The project start lies outside the period; the two others are drawn.
    assert [event.text for event in marks.events] == ["Rørosmartnan", "Ny turnus"]
    band, line = marks.items
    assert isinstance(band, pg.LinearRegionItem) and isinstance(line, pg.InfiniteLine)
    assert band.getRegion() == pytest.approx(
        (day_position(date(2024, 2, 4)), day_position(date(2024, 2, 10)) + 86400)
    )
    assert line.value() == pytest.approx(day_position(date(2024, 3, 15)))
    assert band in view.plot.getPlotItem().items and line in view.plot.getPlotItem().items
    assert [text for _, text in marks.axis.labels] == ["Rørosmartnan", "Ny turnus"]
    assert view.plot.getPlotItem().getAxis("top").isVisible()
    middle = day_position(date(2024, 2, 7))
    assert "04.02.2024–10.02.2024: Rørosmartnan" in view._tip.lookup(middle, 50)
    assert "Hendelse (pek på den for å lese den)" in view.panel.legend.labels()


def test_reference_lines_on_the_doctor_share_chart(qtbot, path):
    view = host_of(qtbot, CalloutsView, path).view
    levels = sorted(line.value() for line in view.reference_lines.lines)
    assert levels == pytest.approx([41.0, 57.0])  # per cent on this chart
    assert all(line.angle == 0 for line in view.reference_lines.lines)
    legend = view.panel.legend.labels()
    assert "Sammenlignbare kommuner, 2019: 57,0 % (kilde: Evalueringen)" in legend
    assert "Før prosjektet, uten periode: 41,0 % (kilde: Årsmelding 2017)" in legend


@pytest.mark.parametrize(
    "view_class,plot",
    [(TaskMixView, "month_plot"), (CarUseView, "after_plot"), (CostSharingView, "month_plot")],
)
def test_every_month_chart_draws_the_events(qtbot, path, view_class, plot):
    view = host_of(qtbot, view_class, path).view
    marks = getattr(view, plot).event_marks
    assert [event.text for event in marks.events] == ["Rørosmartnan", "Ny turnus"]
    assert len(marks.items) == 2


def test_a_period_without_events_shows_none(qtbot, path):
    view = host_of(qtbot, CalloutsView, path, Filters(date(2023, 5, 1), date(2023, 6, 30))).view
    assert view.plot.event_marks.items == []
    assert not view.plot.getPlotItem().getAxis("top").isVisible()


def test_overview_cards_name_their_references(qtbot, path):
    view = host_of(qtbot, OverviewView, path).view
    share = view.cards["doctor_share"]
    assert share.reference_label.text().splitlines() == [
        "Sammenlignbare kommuner, 2019: 57,0 % (kilde: Evalueringen)",
        "Før prosjektet, uten periode: 41,0 % (kilde: Årsmelding 2017)",
    ]
    assert sorted(share.trend.reference_levels()) == pytest.approx([0.41, 0.57])
    tasks = view.cards["tasks"]
    assert tasks.reference_label.text() == "Mål, uten periode: 1\u00a0200 (kilde: Prosjektplanen)"
    assert tasks.trend.reference_levels() == []  # a count of another period has no level
    assert view.cards["callouts"].reference_label.isHidden()


def rows(table) -> list[list[str]]:
    model = table.model()
    return [
        [model.data(model.index(row, column)) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_the_list_shows_every_reference_and_event(qtbot, path):
    view = host_of(qtbot, ReferencesView, path).view
    assert view.title() == "Referanser og hendelser"
    assert rows(view.references.table) == [
        ["Antall oppgaver", "Mål", "uten periode", "1\u00a0200", "Her", "Prosjektplanen"],
        [
            "Andel akutte utrykninger med lege",
            "Før prosjektet",
            "uten periode",
            "41,0 %",
            "Her",
            "Årsmelding 2017",
        ],
        [
            "Andel akutte utrykninger med lege",
            "Sammenlignbare kommuner",
            "2019",
            "57,0 %",
            "Her",
            "Evalueringen",
        ],
    ]
    assert rows(view.events.table) == [
        ["01.01.2018", "–", "Her", "Prosjektstart"],
        ["04.02.2024", "10.02.2024", "Her", "Rørosmartnan"],
        ["15.03.2024", "–", "Her", "Ny turnus"],
    ]


def test_add_a_reference_value_in_the_dialog(qtbot, path):
    host = host_of(qtbot, ReferencesView, path)
    view = host.view
    dialog = view.open_reference_dialog(None)
    dialog.indicator_box.setCurrentIndex(dialog.indicator_box.findData("utilisation_share"))
    dialog.group_box.setCurrentText("Dagambulansen")
    dialog.period_box.setCurrentIndex(1)
    dialog.year_box.setValue(2017)
    dialog.value_box.setValue(9.5)
    assert not dialog.ok_button.isEnabled()  # no source yet
    dialog.source_edit.setText("Evalueringen")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(host.presented):
        dialog.accept()
    with Store.open(path, read_only=True) as store:
        added = [ref for ref in reference_values(store.con) if ref.group == "Dagambulansen"]
    assert [(r.indicator, r.period_from, r.period_to, r.value, r.source) for r in added] == [
        (
            "utilisation_share",
            date(2017, 1, 1),
            date(2017, 12, 31),
            pytest.approx(0.095),
            "Evalueringen",
        )
    ]
    assert view.message.text() == "Referanseverdien er lagt til."


def test_change_and_delete_an_event(qtbot, path):
    host = host_of(qtbot, ReferencesView, path)
    view = host.view
    view.events.select(2)
    dialog = view.open_event_dialog(view.events.selected())
    assert dialog.text_edit.text() == "Ny turnus" and not dialog.span_box.isChecked()
    dialog.text_edit.setText("Ny turnus med dobbel vakt")
    with qtbot.waitSignal(host.presented):
        dialog.accept()
    view.events.select(0)
    box = view.ask_delete_event()
    with qtbot.waitSignal(host.presented):
        box.clickedButton = lambda: box.buttons()[0]
        box.done(0)
    with Store.open(path, read_only=True) as store:
        texts = [event.text for event in all_events(store.con)]
    assert texts == ["Rørosmartnan", "Ny turnus med dobbel vakt"]


def test_a_read_only_database_offers_no_changes(qtbot, path):
    database = Database(path, ImmediateRunner(path), read_only=True)
    view = ReferencesView(database)
    qtbot.addWidget(view)
    ViewHost(view, database, SPRING).refresh()
    assert view.references.table.model().rowCount() == 3
    assert not view.references.add_button.isEnabled()
    assert view.open_event_dialog(None) is None


def test_the_dialog_says_why_it_cannot_be_saved(qtbot, path):
    view = host_of(qtbot, ReferencesView, path).view
    dialog = view.open_event_dialog(None)
    assert dialog.problem_label.text() == "Mangler tekst (hva som skjedde)."
    dialog.text_edit.setText("Ny turnus")
    assert dialog.problem_label.isHidden() and dialog.ok_button.isEnabled()


def test_overview_trend_lines_shade_the_events(qtbot, path):
    view = host_of(qtbot, OverviewView, path).view
    card = view.cards["doctor_share"]
    months = view.data.trends["doctor_share"].months
    february = months.index(date(2024, 2, 1))
    # 4–10 February: from 3/29 into February to the end of the 10th; 15 March: one day.
    spans = [edge for span in card.trend.event_spans() for edge in span]
    march = february + 1
    assert spans == pytest.approx(
        [february + 3 / 29, february + 10 / 29, march + 14 / 31, march + 15 / 31]
    )
    assert "04.02.2024–10.02.2024: Rørosmartnan" in card.toolTip()
    assert "Prosjektstart" not in card.toolTip()  # 2018 lies before the trend line
