"""Bilbruk: when the car is in use, and how much the legevakt doctor uses it after hours."""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from datetime import date

import duckdb
import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtWidgets import QComboBox, QGraphicsRectItem, QHBoxLayout, QLabel, QVBoxLayout

from dashboard.data.events import events_between
from dashboard.data.figures import CarMonth, HeatCell, car_after_hours_months, car_heatmap
from dashboard.data.phrases import staffed_span
from dashboard.data.values import Filters, StaffedHours
from dashboard.data.vocabulary import DRIVER_ROLES as ROLES
from dashboard.views.base import View
from dashboard.views.charts import (
    MONTH_BAR_WIDTH,
    PAIR_COLOURS,
    ChartPanel,
    HoverTip,
    LegendEntry,
    StackedBars,
    event_legend,
    month_plot,
    month_positions,
    plot_widget,
)
from dashboard.views.formatting import format_clock, format_month, format_number, language, locale
from dashboard.views.table_model import Column

STAFFED_OUTLINE = "#D55E00"
# ColorBrewer "Blues": one hue from light to dark reads the same for colour-blind readers.
HEAT_COLOURS = ("#F7FBFF", "#9ECAE1", "#4292C6", "#08306B")


def weekday_name(iso_weekday: int) -> str:
    """``Mandag`` for 1 in bokmål."""
    name = locale().dayName(iso_weekday)
    return name[:1].upper() + name[1:]


def role_name(role: str) -> str:
    names = {
        "helsevakt": QCoreApplication.translate("CarUseView", "Health-watch staff"),
        "legevaktlege": QCoreApplication.translate("CarUseView", "Doctor"),
    }
    return names.get(role, role)


def heat_grid(rows: list[HeatCell]) -> np.ndarray:
    """Minutes as a 7 × 24 grid: a row per weekday (Monday first), a column per hour."""
    grid = np.zeros((7, 24))
    for cell in rows:
        grid[cell.weekday - 1, cell.hour] = cell.minutes
    return grid


def hour_span(hour: int) -> str:
    return f"{format_clock(hour)}–{(hour + 1) % 24:02d}:00"


class CarUseView(View):
    """A weekday × hour heat map of use and the after-hours trips per month by driver role."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self._data: dict | None = None
        self.grid = np.zeros((7, 24))
        self.months: list[date] = []
        self.heat_plot = self._heat_plot()
        self.heat_image = pg.ImageItem(axisOrder="row-major")
        self.heat_plot.getPlotItem().addItem(self.heat_image)
        self.colour_bar = self._colour_bar()
        self.staffed_box = self._staffed_box()
        self.heat_panel = ChartPanel("", self.heat_plot, self)
        self.measure_box = QComboBox(self)
        self.measure_box.addItem(self.tr("Trips"), "trips")
        self.measure_box.addItem(self.tr("Minutes"), "minutes")
        self.measure_box.currentIndexChanged.connect(self._draw_after_hours)
        self.after_plot = month_plot("")
        self.after_bars = StackedBars(self.after_plot.getPlotItem(), MONTH_BAR_WIDTH)
        self.after_panel = ChartPanel("", self.after_plot, self)
        self._tips = [
            HoverTip(self.heat_plot, self.heat_tooltip),
            HoverTip(self.after_plot, self.after_tooltip),
        ]
        self._lay_out()

    def _heat_plot(self) -> pg.PlotWidget:
        widget = plot_widget(left=pg.AxisItem("left"), bottom=pg.AxisItem("bottom"))
        plot = widget.getPlotItem()
        plot.showGrid(x=False, y=False)
        plot.invertY(True)
        plot.setRange(xRange=(0, 24), yRange=(0, 7), padding=0.015)
        plot.getAxis("bottom").setTicks([[(h, f"{h:02d}") for h in range(25)]])
        plot.getAxis("left").setTicks([[(d - 0.5, weekday_name(d)) for d in range(1, 8)]])
        plot.setLabel("bottom", self.tr("Hour of the day"))
        return widget

    def _colour_bar(self) -> pg.ColorBarItem:
        colour_map = pg.ColorMap(np.linspace(0, 1, len(HEAT_COLOURS)), HEAT_COLOURS)
        bar = pg.ColorBarItem(
            values=(0, 1),
            colorMap=colour_map,
            label=self.tr("Minutes"),
            interactive=False,
            colorMapMenu=False,
        )
        bar.setImageItem(self.heat_image, insert_in=self.heat_plot.getPlotItem())
        return bar

    def _staffed_box(self) -> QGraphicsRectItem:
        box = QGraphicsRectItem()
        pen = pg.mkPen(STAFFED_OUTLINE, width=3, style=Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        box.setPen(pen)
        self.heat_plot.getPlotItem().addItem(box)
        return box

    def _lay_out(self) -> None:
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Show after hours:"), self))
        controls.addWidget(self.measure_box)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heat_panel, 1)
        layout.addLayout(controls)
        layout.addWidget(self.after_panel, 1)

    def title(self) -> str:
        return self.tr("Car use")

    def fetch(self, con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
        return {
            "staffed": filters.staffed.on(filters.end),
            "heatmap": car_heatmap(con, filters),
            "after_hours": car_after_hours_months(con, filters),
            "events": events_between(con, filters.start, filters.end),
        }

    def present(self, data: dict) -> None:
        self._data = data
        self.after_plot.event_marks.set_events(data["events"])
        self._draw_heatmap(data["heatmap"], data["staffed"])
        self._draw_after_hours()

    def _staffed_text(self, staffed: StaffedHours) -> str:
        return self.tr("Staffed hours (Mon–Fri %1)").replace(
            "%1", staffed_span(staffed, language())
        )

    def _draw_heatmap(self, rows: list[HeatCell], staffed: StaffedHours) -> None:
        self.grid = heat_grid(rows)
        highest = max(float(self.grid.max()), 1.0)
        self.heat_image.setImage(self.grid, levels=(0, highest))
        # The rect scales by the image's size, so it is set after every setImage.
        self.heat_image.setRect(QRectF(0, 0, 24, 7))
        self.colour_bar.setLevels((0, highest))
        start, end = staffed.start_minute / 60, staffed.end_minute / 60
        self.staffed_box.setRect(QRectF(start, 0, end - start, 5))
        self.heat_panel.legend.set_entries(
            [LegendEntry(self._staffed_text(staffed), STAFFED_OUTLINE, "outline")]
        )
        self.heat_panel.set_title(self.tr("Minutes of car use per weekday and hour"))
        self.heat_panel.set_columns(
            [
                Column(self.tr("Weekday"), display=weekday_name),
                Column(self.tr("Hour"), display=hour_span),
                Column(self.tr("Minutes"), "number", 1),
            ]
        )
        self.heat_panel.set_rows([(r.weekday, r.hour, r.minutes) for r in rows])

    @property
    def measure(self) -> str:
        return self.measure_box.currentData()

    def _measure_title(self) -> str:
        return self.tr("Trips") if self.measure == "trips" else self.tr("Minutes")

    def _draw_after_hours(self) -> None:
        if self._data is None:
            return
        rows: list[CarMonth] = self._data["after_hours"]
        self.months = sorted({row.month for row in rows})
        values: dict[str, dict[date, float]] = defaultdict(dict)
        for row in rows:
            values[row.driver_role][row.month] = float(getattr(row, self.measure))
        layers = [
            (role_name(role), [values[role].get(m, 0.0) for m in self.months], colour)
            for role, colour in zip(ROLES, PAIR_COLOURS, strict=True)
        ]
        entries = self.after_bars.set_layers(month_positions(self.months), layers)
        plot = self.after_plot.getPlotItem()
        plot.setLabel("left", self._measure_title())
        plot.enableAutoRange()
        self.after_panel.legend.set_entries(entries + event_legend(self.after_plot))
        self.after_panel.set_title(self._after_title())
        self._fill_after_table(rows)

    def _after_title(self) -> str:
        staffed: StaffedHours = self._data["staffed"]
        return self.tr("Use outside staffed hours (after %1) per month").replace(
            "%1", format_clock(staffed.end.hour, staffed.end.minute)
        )

    def _fill_after_table(self, rows: list[CarMonth]) -> None:
        self.after_panel.set_columns(
            [
                Column(self.tr("Month"), "month"),
                Column(self.tr("Driver"), display=role_name),
                Column(self.tr("Trips"), "number"),
                Column(self.tr("Minutes"), "number", 1),
            ]
        )
        self.after_panel.set_rows([(r.month, r.driver_role, r.trips, r.minutes) for r in rows])

    def heat_tooltip(self, x: float, y: float) -> str | None:
        if not (0 <= x < 24 and 0 <= y < 7):
            return None
        weekday, hour = math.floor(y) + 1, math.floor(x)
        minutes = format_number(self.grid[weekday - 1, hour], 1)
        return (
            self.tr("%1 %2: %3 minutes")
            .replace("%1", weekday_name(weekday))
            .replace("%2", hour_span(hour))
            .replace("%3", minutes)
        )

    def after_tooltip(self, x: float, y: float) -> str | None:
        hit = self.after_bars.bar_at(x, y)
        if hit is None:
            return None
        index, label, value = hit
        decimals = 0 if self.measure == "trips" else 1
        amount = f"{format_number(value, decimals)} {self._measure_title().lower()}"
        return f"{format_month(self.months[index])}\n{label}: {amount}"


if __name__ == "__main__":
    from dashboard.views.app import run_view

    sys.exit(run_view(CarUseView))
