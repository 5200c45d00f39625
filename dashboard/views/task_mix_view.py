"""Oppgavemiks: what the car's staff spend their time on, per subproject or per month."""

from __future__ import annotations

import sys
from collections import defaultdict
from datetime import date

import duckdb
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from dashboard.data.events import events_between
from dashboard.data.figures import TaskMixRow, task_mix
from dashboard.data.values import Filters
from dashboard.data.vocabulary import SUBPROJECTS
from dashboard.views.base import View
from dashboard.views.charts import (
    CATEGORY_COLOURS,
    MONTH_BAR_WIDTH,
    REMAINDER_COLOUR,
    ChartPanel,
    HoverTip,
    StackedBars,
    event_legend,
    month_plot,
    month_positions,
    plot_widget,
)
from dashboard.views.formatting import format_month, format_number
from dashboard.views.table_model import Column

SPLITS = ("task", "requested_by")
BAR_THICKNESS = 0.7


def subproject_label(number: int) -> str:
    return f"{number} {SUBPROJECTS[number]}"


def measure_of(row: TaskMixRow, measure: str) -> float:
    """Tasks are counted; time is shown in hours."""
    return float(row.count) if measure == "count" else row.minutes / 60


class TaskMixView(View):
    """Stacked bars split by task or by requesting service, counted as tasks or hours."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self._data: dict | None = None
        self.month_months: list[date] = []
        self.split_box = self._combo(
            [(self.tr("Task"), "task"), (self.tr("Requested by"), "requested_by")]
        )
        self.measure_box = self._combo(
            [(self.tr("Number of tasks"), "count"), (self.tr("Hours"), "hours")]
        )
        self.period_box = self._combo(
            [(self.tr("Whole period"), "period"), (self.tr("Per month"), "monthly")]
        )
        self.period_plot = plot_widget(left=pg.AxisItem(orientation="left"))
        self.period_plot.getPlotItem().showGrid(x=True, y=False, alpha=0.15)
        self.period_bars = StackedBars(
            self.period_plot.getPlotItem(), BAR_THICKNESS, horizontal=True
        )
        self.month_plot = month_plot("")
        self.month_bars = StackedBars(self.month_plot.getPlotItem(), MONTH_BAR_WIDTH)
        self.period_panel = ChartPanel("", self.period_plot, self)
        self.month_panel = ChartPanel("", self.month_plot, self)
        self._tips = [
            HoverTip(self.period_plot, self.period_tooltip),
            HoverTip(self.month_plot, self.month_tooltip),
        ]
        self._lay_out()

    def _combo(self, choices: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox(self)
        for text, value in choices:
            box.addItem(text, value)
        box.currentIndexChanged.connect(self._draw)
        return box

    def _lay_out(self) -> None:
        controls = QHBoxLayout()
        for label, box in (
            (self.tr("Split by:"), self.split_box),
            (self.tr("Show:"), self.measure_box),
            (self.tr("Period:"), self.period_box),
        ):
            controls.addWidget(QLabel(label, self))
            controls.addWidget(box)
            controls.addSpacing(12)
        controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.period_panel, 1)
        layout.addWidget(self.month_panel, 1)

    def title(self) -> str:
        return self.tr("Task mix")

    def fetch(self, con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
        return {
            "subproject": filters.subproject,
            "period": {by: task_mix(con, filters, by) for by in SPLITS},
            "monthly": {by: task_mix(con, filters, by, monthly=True) for by in SPLITS},
            "events": events_between(con, filters.start, filters.end),
        }

    def present(self, data: dict) -> None:
        self._data = data
        self.month_plot.event_marks.set_events(data["events"])
        self._draw()

    @property
    def split(self) -> str:
        return self.split_box.currentData()

    @property
    def measure(self) -> str:
        return self.measure_box.currentData()

    @property
    def per_month(self) -> bool:
        return self.period_box.currentData() == "monthly"

    def _draw(self) -> None:
        if self._data is None:
            return
        self.period_panel.setVisible(not self.per_month)
        self.month_panel.setVisible(self.per_month)
        if self.per_month:
            self._draw_months(self._data["monthly"][self.split])
        else:
            self._draw_period(self._data["period"][self.split])

    def _split_title(self) -> str:
        return self.tr("Task") if self.split == "task" else self.tr("Requested by")

    def _measure_title(self) -> str:
        return self.tr("Number of tasks") if self.measure == "count" else self.tr("Hours")

    def _layers(self, totals: dict[str, dict[object, float]], positions: list) -> list[tuple]:
        """The largest categories in their own colour, the rest summed as one grey layer."""
        ranked = sorted(totals, key=lambda name: (-sum(totals[name].values()), name))
        shown, rest = ranked[: len(CATEGORY_COLOURS)], ranked[len(CATEGORY_COLOURS) :]
        layers = [
            (name, [totals[name].get(p, 0.0) for p in positions], colour)
            for name, colour in zip(shown, CATEGORY_COLOURS, strict=False)
        ]
        if rest:
            heights = [sum(totals[name].get(p, 0.0) for name in rest) for p in positions]
            label = self.tr("Other (%n categories)", "", len(rest))
            layers.append((label, heights, REMAINDER_COLOUR))
        return layers

    def _draw_period(self, rows: list[TaskMixRow]) -> None:
        subprojects = sorted(SUBPROJECTS)
        totals: dict[str, dict[object, float]] = defaultdict(dict)
        for row in rows:
            totals[row.category][row.subproject] = measure_of(row, self.measure)
        layers = self._layers(totals, subprojects)
        # Subproject 1 at the top, as in a list.
        positions = [-number for number in subprojects]
        entries = self.period_bars.set_layers(positions, layers)
        plot = self.period_plot.getPlotItem()
        plot.getAxis("left").setTicks([[(-n, subproject_label(n)) for n in subprojects]])
        plot.setLabel("bottom", self._measure_title())
        plot.setYRange(-6.6, -0.4, padding=0)
        plot.enableAutoRange(x=True)
        self.period_panel.legend.set_entries(entries)
        self.period_panel.set_title(
            self.tr("%1 per subproject, whole period").replace("%1", self._measure_title())
        )
        self._fill_period_table(rows)

    def _fill_period_table(self, rows: list[TaskMixRow]) -> None:
        self.period_panel.set_columns(
            [
                Column(self.tr("Subproject"), display=lambda n: subproject_label(n)),
                Column(self._split_title()),
                Column(self.tr("Number of tasks"), "number"),
                Column(self.tr("Hours"), "number", 1),
            ]
        )
        self.period_panel.set_rows(
            [(row.subproject, row.category, row.count, measure_of(row, "hours")) for row in rows]
        )

    def _draw_months(self, rows: list[TaskMixRow]) -> None:
        months = sorted({row.month for row in rows})
        totals: dict[str, dict[object, float]] = defaultdict(lambda: defaultdict(float))
        for row in rows:
            totals[row.category][row.month] += measure_of(row, self.measure)
        entries = self.month_bars.set_layers(month_positions(months), self._layers(totals, months))
        self.month_months = months
        plot = self.month_plot.getPlotItem()
        plot.setLabel("left", self._measure_title())
        plot.enableAutoRange()
        self.month_panel.legend.set_entries(entries + event_legend(self.month_plot))
        self.month_panel.set_title(self._month_title())
        self._fill_month_table(rows)

    def _month_title(self) -> str:
        subproject = self._data["subproject"]
        scope = subproject_label(subproject) if subproject else self.tr("all subprojects")
        return self.tr("%1 per month, %2").replace("%1", self._measure_title()).replace("%2", scope)

    def _fill_month_table(self, rows: list[TaskMixRow]) -> None:
        self.month_panel.set_columns(
            [
                Column(self.tr("Month"), "month"),
                Column(self.tr("Subproject"), display=lambda n: subproject_label(n)),
                Column(self._split_title()),
                Column(self.tr("Number of tasks"), "number"),
                Column(self.tr("Hours"), "number", 1),
            ]
        )
        self.month_panel.set_rows(
            [
                (
                    row.month,
                    row.subproject,
                    row.category,
                    row.count,
                    measure_of(row, "hours"),
                )
                for row in rows
            ]
        )

    def _value_text(self, value: float) -> str:
        if self.measure == "count":
            return self.tr("%n task(s)", "", round(value))
        return self.tr("%1 hours").replace("%1", format_number(value, 1))

    def period_tooltip(self, x: float, y: float) -> str | None:
        hit = self.period_bars.bar_at(x, y)
        if hit is None:
            return None
        index, label, value = hit
        subproject = -int(self.period_bars.positions[index])
        return f"{subproject_label(subproject)}\n{label}: {self._value_text(value)}"

    def month_tooltip(self, x: float, y: float) -> str | None:
        hit = self.month_bars.bar_at(x, y)
        if hit is None:
            return None
        index, label, value = hit
        month: date = self.month_months[index]
        return f"{format_month(month)}\n{label}: {self._value_text(value)}"


if __name__ == "__main__":
    from dashboard.views.app import run_view

    sys.exit(run_view(TaskMixView))
