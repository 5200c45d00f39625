from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from dashboard.data.store import Store
from dashboard.data.values import Filters, StaffedHours
from dashboard.views.car_use_view import CarUseView

JAN_FEB = Filters(date(2024, 1, 1), date(2024, 2, 29))
# 8 January 2024 is a Monday.
TRIPS = [
    ("t1", datetime(2024, 1, 8, 10, 30), datetime(2024, 1, 8, 11, 15), "helsevakt"),
    ("t2", datetime(2024, 1, 9, 21, 30), datetime(2024, 1, 9, 22, 30), "legevaktlege"),
    ("t3", datetime(2024, 2, 3, 23, 0), datetime(2024, 2, 3, 23, 40), "legevaktlege"),
    ("t4", datetime(2024, 2, 7, 22, 10), datetime(2024, 2, 7, 22, 20), "helsevakt"),
]


pytestmark = pytest.mark.usefixtures("norwegian")


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "x.duckdb")
    for id_, start, end, role in TRIPS:
        store.con.execute(
            "INSERT INTO car_trips (id, start_at, end_at, driver_role, import_id) "
            "VALUES (?, ?, ?, ?, 1)",
            [id_, start, end, role],
        )
    yield store
    store.close()


@pytest.fixture
def view(qtbot, store):
    view = CarUseView(store)
    qtbot.addWidget(view)
    view.refresh_now(store.cursor(), JAN_FEB)
    return view


def test_heat_map_minutes_per_weekday_and_hour(view):
    assert view.title() == "Bilbruk"
    grid = view.heat_image.image
    assert grid.shape == (7, 24)
    expected = {(0, 10): 30, (0, 11): 15, (1, 21): 30, (1, 22): 30, (2, 22): 10, (5, 23): 40}
    for (weekday, hour), minutes in expected.items():
        assert grid[weekday, hour] == pytest.approx(minutes)
    assert grid.sum() == pytest.approx(155)
    assert view.colour_bar.levels() == (0, 40)


def test_heat_map_axes_and_tooltip_are_norwegian(view):
    ticks = view.heat_plot.getPlotItem().getAxis("left")._tickLevels[0]
    assert [label for _, label in ticks] == [
        "Mandag",
        "Tirsdag",
        "Onsdag",
        "Torsdag",
        "Fredag",
        "Lørdag",
        "Søndag",
    ]
    assert view.heat_tooltip(10.5, 0.5) == "Mandag kl. 10:00–11:00: 30,0 minutter"
    assert view.heat_tooltip(25, 0.5) is None


def test_staffed_hours_are_drawn_on_the_heat_map(view):
    assert view.staffed_box.rect() == QRectF(10, 0, 12, 5)
    assert view.heat_panel.legend.labels() == ["Bemannet tid (man–fre kl.\u00a010:00–22:00)"]


def test_trips_after_hours_per_month_by_driver_role(view):
    bars = view.after_bars
    assert [label for label, _, _ in bars.layers] == ["Helsevakt", "Legevaktlege"]
    assert bars.heights("Helsevakt") == [0, 1]
    assert bars.heights("Legevaktlege") == [1, 1]
    assert list(bars.items[1].opts["y0"]) == [0, 1]
    assert view.after_panel.title_label.text() == ("Bruk etter kl. 22:00 per måned")


def test_minutes_after_hours_and_the_numbers_behind(view):
    view.measure_box.setCurrentIndex(1)
    assert view.measure_box.currentText() == "Minutter"
    assert view.after_bars.heights("Helsevakt") == [0, 10]
    assert view.after_bars.heights("Legevaktlege") == [30, 40]
    model = view.after_panel.model
    shown = [[model.data(model.index(r, c)) for c in range(4)] for r in range(model.rowCount())]
    assert shown == [
        ["januar 2024", "Legevaktlege", "1", "30,0"],
        ["februar 2024", "Helsevakt", "1", "10,0"],
        ["februar 2024", "Legevaktlege", "1", "40,0"],
    ]
    x = view.after_bars.positions[1]
    assert view.after_tooltip(x, 45) == "februar 2024\nLegevaktlege: 40,0 minutter"


def test_staffed_hours_come_from_the_filters(view, store):
    late = StaffedHours(time(10), time(23))
    view.refresh_now(store.cursor(), Filters(JAN_FEB.start, JAN_FEB.end, staffed=late))
    assert view.staffed_box.rect() == QRectF(10, 0, 13, 5)
    assert view.heat_panel.legend.labels() == ["Bemannet tid (man–fre kl.\u00a010:00–23:00)"]
    # Only the Saturday trip from 23:00 falls outside 10–23.
    assert view.after_bars.heights("Legevaktlege") == [1]
    assert view.after_bars.heights("Helsevakt") == [0]


def test_heat_map_exports_as_png(view, tmp_path):
    view.resize(1280, 860)
    path = tmp_path / "bilbruk.png"
    assert view.heat_panel.export_png(path)
    image = QImage(str(path))
    assert image.width() >= view.heat_panel.chart_page.width() > 0
    assert image.height() >= view.heat_panel.chart_page.height() > 0
