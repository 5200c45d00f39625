"""Bilbruk: when the car is in use, its use after 22:00 (the contract's daily window) and its
use outside staffed time (that window, and all of weekends and public holidays), by role."""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from datetime import date

import duckdb
import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsRectItem,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from dashboard.data.capacity import CarUseMonth, car_use_months
from dashboard.data.events import events_between
from dashboard.data.figures import CarUse, HeatCell, TripCount, car_heatmap, car_use
from dashboard.data.phrases import schedule_span
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
        self.measure_box.currentIndexChanged.connect(self._draw_months)
        self.after_plot = month_plot("")
        self.after_bars = StackedBars(self.after_plot.getPlotItem(), MONTH_BAR_WIDTH)
        self.after_panel = ChartPanel("", self.after_plot, self)
        self.outside_plot = month_plot("")
        self.outside_bars = StackedBars(self.outside_plot.getPlotItem(), MONTH_BAR_WIDTH)
        self.outside_panel = ChartPanel("", self.outside_plot, self)
        for panel in (self.after_panel, self.outside_panel):
            panel.title_label.setWordWrap(True)  # two panels side by side share the width
        self.summary_box = QGroupBox(self.tr("Car use in the period"), self)
        self.summary_labels: dict[tuple[str, str], QLabel] = {}
        self._tips = [
            HoverTip(self.heat_plot, self.heat_tooltip),
            HoverTip(self.after_plot, self.after_tooltip),
            HoverTip(self.outside_plot, self.outside_tooltip),
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
        top = QHBoxLayout()
        top.addWidget(self.heat_panel, 1)
        side = QVBoxLayout()
        side.addWidget(self._summary_grid())
        side.addStretch(1)
        top.addLayout(side, 0)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Show per month:"), self))
        controls.addWidget(self.measure_box)
        controls.addStretch(1)
        months = QHBoxLayout()
        months.addWidget(self.after_panel, 1)
        months.addWidget(self.outside_panel, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(controls)
        layout.addLayout(months, 1)

    def _summary_grid(self) -> QGroupBox:
        """Trips and hours per driver role, after 22:00 and outside staffed time."""
        grid = QGridLayout(self.summary_box)
        self.after_heading = QLabel(self.summary_box)
        self.after_heading.setWordWrap(True)
        outside_heading = QLabel(self.tr("Outside staffed time"), self.summary_box)
        outside_heading.setWordWrap(True)
        for column, label in ((1, self.after_heading), (3, outside_heading)):
            label.setStyleSheet("font-weight: bold;")
            grid.addWidget(label, 0, column, 1, 2)
        for column, text in enumerate([self.tr("Trips"), self.tr("Hours")] * 2, start=1):
            grid.addWidget(QLabel(text, self.summary_box), 1, column)
        for row, role in enumerate((*ROLES, "all"), start=2):
            name = self.tr("In all") if role == "all" else role_name(role)
            grid.addWidget(QLabel(name, self.summary_box), row, 0)
            for column, key in enumerate(
                ("after_trips", "after_hours", "outside_trips", "outside_hours"), 1
            ):
                label = QLabel("–", self.summary_box)
                label.setAlignment(Qt.AlignmentFlag.AlignRight)
                self.summary_labels[(role, key)] = label
                grid.addWidget(label, row, column)
        return self.summary_box

    def title(self) -> str:
        return self.tr("Car use")

    def fetch(self, con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
        return {
            "staffed": filters.staffed.on(filters.end),
            "filters": filters,
            "heatmap": car_heatmap(con, filters),
            "months": car_use_months(con, filters),
            "use": car_use(con, filters),
            "events": events_between(con, filters.start, filters.end),
        }

    def present(self, data: dict) -> None:
        self._data = data
        for plot in (self.after_plot, self.outside_plot):
            plot.event_marks.set_events(data["events"])
        self._draw_heatmap(data["heatmap"], data["staffed"])
        self._show_summary(data["use"])
        self._draw_months()

    def _show_summary(self, use: CarUse) -> None:
        self.after_heading.setText(self._after_name())
        parts = {"after": use.after_hours_by_role, "outside": use.outside_staffed_by_role}
        totals = {"after": use.after_hours, "outside": use.outside_staffed}
        for role in (*ROLES, "all"):
            for part, by_role in parts.items():
                count = totals[part] if role == "all" else by_role.get(role, TripCount(0, 0.0))
                self.summary_labels[(role, f"{part}_trips")].setText(format_number(count.trips))
                hours = format_number(count.minutes / 60, 1)
                self.summary_labels[(role, f"{part}_hours")].setText(hours)

    def _after_name(self) -> str:
        """``Etter kl. 22:00``: the contract's name, at the end of the staffed hours."""
        staffed: StaffedHours = self._data["staffed"]
        return self.tr("After %1").replace("%1", format_clock(staffed.end.hour, staffed.end.minute))

    def _staffed_text(self) -> str:
        """The hours in force in the period, each once ("…, senere …"): the box shows the
        latest."""
        filters: Filters = self._data["filters"]
        spans = schedule_span(filters.staffed, filters.start, filters.end, language())
        return self.tr("Staffed hours (Mon–Fri %1)").replace("%1", spans)

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
            [LegendEntry(self._staffed_text(), STAFFED_OUTLINE, "outline")]
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

    def _draw_months(self) -> None:
        if self._data is None:
            return
        rows: list[CarUseMonth] = self._data["months"]
        self.months = sorted({row.month for row in rows if row.outside_staffed.trips})
        self._draw_part(rows, "after_hours", self.after_panel, self.after_bars)
        self._draw_part(rows, "outside_staffed", self.outside_panel, self.outside_bars)
        self.after_panel.set_title(self._after_title())
        self.outside_panel.set_title(
            self.tr(
                "Use outside staffed time per month (evenings, nights and mornings, weekends "
                "and public holidays)"
            )
        )

    def _draw_part(
        self, rows: list[CarUseMonth], part: str, panel: ChartPanel, bars: StackedBars
    ) -> None:
        """One of the two monthly charts: ``part`` is after_hours or outside_staffed."""
        values: dict[str, dict[date, float]] = defaultdict(dict)
        for row in rows:
            values[row.driver_role][row.month] = float(getattr(getattr(row, part), self.measure))
        layers = [
            (role_name(role), [values[role].get(m, 0.0) for m in self.months], colour)
            for role, colour in zip(ROLES, PAIR_COLOURS, strict=True)
        ]
        entries = bars.set_layers(month_positions(self.months), layers)
        plot = panel.chart.getPlotItem()
        plot.setLabel("left", self._measure_title())
        plot.enableAutoRange()
        panel.legend.set_entries(entries + event_legend(panel.chart))
        self._fill_table(panel, [(row.month, row.driver_role, getattr(row, part)) for row in rows])

    def _after_title(self) -> str:
        return self.tr("Use %1 per month").replace("%1", self._after_name().lower())

    def _fill_table(self, panel: ChartPanel, rows: list[tuple[date, str, TripCount]]) -> None:
        panel.set_columns(
            [
                Column(self.tr("Month"), "month"),
                Column(self.tr("Driver"), display=role_name),
                Column(self.tr("Trips"), "number"),
                Column(self.tr("Minutes"), "number", 1),
            ]
        )
        panel.set_rows(
            [(month, role, use.trips, use.minutes) for month, role, use in rows if use.trips]
        )

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
        return self._bar_tooltip(self.after_bars, x, y)

    def outside_tooltip(self, x: float, y: float) -> str | None:
        return self._bar_tooltip(self.outside_bars, x, y)

    def _bar_tooltip(self, bars: StackedBars, x: float, y: float) -> str | None:
        hit = bars.bar_at(x, y)
        if hit is None:
            return None
        index, label, value = hit
        decimals = 0 if self.measure == "trips" else 1
        amount = f"{format_number(value, decimals)} {self._measure_title().lower()}"
        return f"{format_month(self.months[index])}\n{label}: {amount}"


if __name__ == "__main__":
    from dashboard.views.app import run_view

    sys.exit(run_view(CarUseView))
