from datetime import date

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QToolTip

from dashboard import RESOURCES
from dashboard.views.charts import ChartPanel, HoverTip, StackedBars, plot_widget
from dashboard.views.table_model import RAW_ROLE, Column, FigureTableModel

# The offscreen platform warns about every shown top-level window.
pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)"),
    pytest.mark.usefixtures("norwegian"),
]


def test_translations_are_all_finished():
    catalogue = (RESOURCES / "i18n" / "charts_nb.ts").read_text(encoding="utf-8")
    assert "unfinished" not in catalogue
    assert "<translation></translation>" not in catalogue


COLUMNS = [
    Column("Måned", "month"),
    Column("Navn"),
    Column("Timer", "number", 1),
    Column("Vurdert", "date"),
]
ROWS = [
    (date(2024, 3, 1), "Blodprøve", 1234.5, date(2024, 3, 9)),
    (date(2024, 4, 1), "EKG", 2.0, None),
]


def test_table_model_shows_norwegian_numbers_and_dates():
    model = FigureTableModel(COLUMNS)
    model.set_rows(ROWS)
    assert model.rowCount() == 2
    assert model.columnCount() == 4
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Timer"
    assert model.data(model.index(0, 0)) == "mars 2024"
    assert model.data(model.index(0, 2)).replace("\xa0", " ") == "1 234,5"
    assert model.data(model.index(0, 2), RAW_ROLE) == 1234.5
    assert model.data(model.index(0, 3)) == "09.03.2024"
    assert model.data(model.index(1, 3)) == "–"


def test_table_model_copies_tab_separated_with_decimal_comma_and_no_group_separator():
    model = FigureTableModel(COLUMNS)
    model.set_rows(ROWS)
    assert model.to_tsv() == (
        "Måned\tNavn\tTimer\tVurdert\n"
        "mars 2024\tBlodprøve\t1234,5\t09.03.2024\n"
        "april 2024\tEKG\t2,0\t–\n"
    )


def test_table_model_background_comes_from_the_column():
    model = FigureTableModel([Column("Status", background=lambda s: QColor("#ff0000"))])
    model.set_rows([(1,)])
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) == QColor("#ff0000")


def test_table_model_emits_data_changed_when_the_shape_is_kept(qtbot):
    model = FigureTableModel(COLUMNS)
    model.set_rows(ROWS)
    with qtbot.waitSignal(model.dataChanged):
        model.set_rows([(date(2024, 5, 1), "Sårstell", 3.0, None), ROWS[1]])
    assert model.data(model.index(0, 1)) == "Sårstell"


def make_panel(qtbot) -> tuple[ChartPanel, StackedBars]:
    chart = plot_widget()
    panel = ChartPanel("Timer per måned", chart)
    qtbot.addWidget(panel)
    bars = StackedBars(chart.getPlotItem(), width=0.8)
    panel.legend.set_entries(bars.set_layers([0, 1], [("A", [1, 2], "#000000")]))
    panel.set_columns([Column("Navn"), Column("Timer", "number", 1)])
    panel.set_rows([("A", 1.25), ("B", 2.0)])
    panel.resize(600, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel, bars


def test_panel_buttons_are_norwegian(qtbot):
    panel, _ = make_panel(qtbot)
    assert panel.copy_button.text() == "Kopier data"
    assert panel.export_button.text() == "Eksporter som PNG"
    assert panel.numbers_button.text() == "Vis tall"


def test_panel_copies_its_numbers_to_the_clipboard(qtbot):
    panel, _ = make_panel(qtbot)
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == "Navn\tTimer\nA\t1,3\nB\t2,0\n"


def test_panel_shows_its_numbers_one_click_away(qtbot):
    panel, _ = make_panel(qtbot)
    assert panel.pages.currentWidget() is panel.chart_page
    qtbot.mouseClick(panel.numbers_button, Qt.MouseButton.LeftButton)
    assert panel.pages.currentWidget() is panel.table
    assert panel.table.model().data(panel.table.model().index(1, 1)) == "2,0"
    assert panel.numbers_button.text() == "Vis diagram"
    qtbot.mouseClick(panel.numbers_button, Qt.MouseButton.LeftButton)
    assert panel.pages.currentWidget() is panel.chart_page


def test_panel_exports_the_chart_as_png(qtbot, tmp_path):
    panel, _ = make_panel(qtbot)
    path = tmp_path / "diagram.png"
    assert panel.export_png(path)
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() >= panel.chart_page.width()
    assert image.height() >= panel.chart_page.height()


def test_panel_says_so_when_there_is_no_data(qtbot):
    panel, _ = make_panel(qtbot)
    assert not panel.empty_label.isVisible()
    panel.set_rows([])
    assert panel.empty_label.isVisible()
    assert panel.empty_label.text() == "Ingen data i valgt periode."


def test_stacked_bars_stack_with_y0_and_hide_unused_items(qtbot):
    chart = plot_widget()
    qtbot.addWidget(chart)
    bars = StackedBars(chart.getPlotItem(), width=0.8)
    entries = bars.set_layers([0, 1], [("A", [1, 2], "#000000"), ("B", [3, 0], "#ffffff")])
    assert [entry.label for entry in entries] == ["B", "A"]
    first, second = bars.items
    assert list(second.opts["y0"]) == [1, 2]
    assert list(second.opts["height"]) == [3, 0]
    assert bars.bar_at(0, 2.5) == (0, "B", 3.0)
    assert bars.bar_at(1, 1.0) == (1, "A", 2.0)
    assert bars.bar_at(0.5, 1.0) is None
    bars.set_layers([0], [("C", [5], "#000000")])
    assert bars.items == [first, second]
    assert not second.isVisible()


def test_horizontal_bars_stack_along_x(qtbot):
    chart = plot_widget()
    qtbot.addWidget(chart)
    bars = StackedBars(chart.getPlotItem(), width=0.6, horizontal=True)
    entries = bars.set_layers([0, -1], [("A", [1, 2], "#000000"), ("B", [3, 1], "#ffffff")])
    assert [entry.label for entry in entries] == ["A", "B"]
    assert list(bars.items[1].opts["x0"]) == [1, 2]
    assert bars.bar_at(2.5, -1) == (1, "B", 1.0)


def test_hover_shows_the_exact_value_as_a_tooltip(qtbot):
    chart = plot_widget()
    qtbot.addWidget(chart)
    chart.resize(400, 300)
    chart.show()
    qtbot.waitExposed(chart)
    chart.getPlotItem().setRange(xRange=(0, 10), yRange=(0, 10), padding=0)
    chart.getPlotItem().addItem(pg.PlotDataItem([0, 10], [0, 10]))
    tip = HoverTip(chart, lambda x, y: f"{round(x)} og {round(y)}")
    scene_pos = chart.getPlotItem().getViewBox().mapViewToScene(QPointF(3, 7))
    tip.on_mouse_moved(scene_pos)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "3 og 7"
