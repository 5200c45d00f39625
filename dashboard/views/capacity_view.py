"""Kapasitet: how full the staffed hours are, which tasks fill them, and the preventive home
visits against their target."""

from __future__ import annotations

import sys
from datetime import date
from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QLabel, QVBoxLayout

from dashboard.data.capacity import Capacity, capacity
from dashboard.data.values import Filters
from dashboard.data.vocabulary import SUBPROJECTS
from dashboard.views.base import Fetch, View
from dashboard.views.charts import (
    CATEGORY_COLOURS,
    MONTH_BAR_WIDTH,
    PAIR_COLOURS,
    ChartPanel,
    HoverTip,
    LegendEntry,
    StackedBars,
    month_at,
    month_plot,
    month_positions,
)
from dashboard.views.formatting import format_month, format_number, format_percent
from dashboard.views.table_model import Column

REFERENCE_COLOUR = "#D55E00"


def subproject_label(number: int) -> str:
    return f"{number}. {SUBPROJECTS[number]}"


def reference_line(plot: pg.PlotItem) -> pg.InfiniteLine:
    """A dashed horizontal line: the whole of the staffed hours, or the target."""
    pen = pg.mkPen(REFERENCE_COLOUR, width=2, style=Qt.PenStyle.DashLine)
    line = pg.InfiniteLine(angle=0, pen=pen, movable=False)
    plot.addItem(line)
    return line


class CapacityView(View):
    """Utilisation per month (against 100 %), task hours per subproject against the staffed
    hours, and preventive home visits a week against the target."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.data: Capacity | None = None
        self.months: list[date] = []
        self.share_plot = month_plot(self.tr("Share of staffed hours (%)"))
        self.share_curve = pg.PlotDataItem(
            pen=pg.mkPen(PAIR_COLOURS[0], width=2.5), symbol="o", symbolSize=6
        )
        self.share_curve.setSymbolBrush(PAIR_COLOURS[0])
        self.share_plot.getPlotItem().addItem(self.share_curve)
        self.full_line = reference_line(self.share_plot.getPlotItem())
        self.full_line.setValue(100)
        self.share_panel = ChartPanel(self.tr("Utilisation per month"), self.share_plot, self)
        self.hours_plot = month_plot(self.tr("Hours"))
        self.hours_bars = StackedBars(self.hours_plot.getPlotItem(), MONTH_BAR_WIDTH)
        self.staffed_curve = pg.PlotDataItem(
            pen=pg.mkPen(REFERENCE_COLOUR, width=2, style=Qt.PenStyle.DashLine)
        )
        self.hours_plot.getPlotItem().addItem(self.staffed_curve)
        self.hours_panel = ChartPanel(
            self.tr("Task hours per subproject per month"), self.hours_plot, self
        )
        self.visits_plot = month_plot(self.tr("Visits a week"))
        self.visits_bars = StackedBars(self.visits_plot.getPlotItem(), MONTH_BAR_WIDTH)
        self.target_line = reference_line(self.visits_plot.getPlotItem())
        self.visits_panel = ChartPanel(
            self.tr("Preventive home visits a week (average per month)"), self.visits_plot, self
        )
        for panel in (self.share_panel, self.hours_panel, self.visits_panel):
            panel.title_label.setWordWrap(True)  # two panels side by side share the width
        self.summary_labels: dict[str, QLabel] = {}
        self._tips = [
            HoverTip(self.share_plot, self.share_tooltip),
            HoverTip(self.hours_plot, self.hours_tooltip),
            HoverTip(self.visits_plot, self.visits_tooltip),
        ]
        self._lay_out()

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.addWidget(self.share_panel, 0, 0)
        grid.addWidget(self.hours_panel, 0, 1)
        grid.addWidget(self.visits_panel, 1, 0)
        side = QVBoxLayout()
        side.addWidget(self._summary_box())
        side.addStretch(1)
        grid.addLayout(side, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def _summary_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Capacity in the period"), self)
        form = QFormLayout(box)
        for key, text in (
            ("task_hours", self.tr("Task hours")),
            ("staffed_hours", self.tr("Staffed hours")),
            ("share", self.tr("Utilisation")),
            ("visits", self.tr("Preventive home visits")),
            ("per_week", self.tr("Visits a week")),
            ("target", self.tr("Target a week")),
            ("below", self.tr("Months below target")),
        ):
            self.summary_labels[key] = QLabel("–", box)
            form.addRow(text, self.summary_labels[key])
        note = QLabel(
            self.tr(
                "Staffed hours: weekdays that are not public holidays, at the hours in force "
                "each day. Task hours: the activity log's minutes."
            ),
            box,
        )
        note.setWordWrap(True)
        form.addRow(note)
        return box

    def title(self) -> str:
        return self.tr("Capacity")

    def fetcher(self, filters: Filters) -> Fetch:
        """The target a week is a setting: copied here, on the GUI thread."""
        target = self.prefs.visits_target_per_week
        return partial(capacity, filters=filters, target_per_week=target)

    def present(self, data: Capacity) -> None:
        self.data = data
        self.months = [month.month for month in data.months]
        self._show_summary(data)
        self._draw_share(data)
        self._draw_hours(data)
        self._draw_visits(data)

    def _show_summary(self, data: Capacity) -> None:
        texts = {
            "task_hours": format_number(data.task_hours, 1),
            "staffed_hours": format_number(data.staffed_hours, 1),
            "share": format_percent(data.share),
            "visits": format_number(data.visit_count),
            "per_week": format_number(data.visits_per_week, 1),
            "target": format_number(data.target_per_week, 1),
            "below": self.tr("%1 of %2")
            .replace("%1", format_number(data.months_below_target))
            .replace("%2", format_number(len(data.visits))),
        }
        for key, text in texts.items():
            self.summary_labels[key].setText(text)

    def _draw_share(self, data: Capacity) -> None:
        """Months without staffed hours have no share: no point, not a zero."""
        drawn = [(m.month, m.share * 100) for m in data.months if m.share is not None]
        x = month_positions([month for month, _ in drawn])
        y = np.array([share for _, share in drawn], dtype=float)
        self.share_curve.setData(x, y)
        plot = self.share_plot.getPlotItem()
        plot.enableAutoRange(x=True)
        plot.setYRange(0, max([100.0, *y]) * 1.08, padding=0)
        self.share_panel.legend.set_entries(
            [
                LegendEntry(
                    self.tr("Task hours as a share of staffed hours"), PAIR_COLOURS[0], "line"
                ),
                LegendEntry(self.tr("All staffed hours (100 %)"), REFERENCE_COLOUR, "line"),
            ]
        )
        self.share_panel.set_columns(
            [
                Column(self.tr("Month"), "month"),
                Column(self.tr("Task hours"), "number", 1),
                Column(self.tr("Staffed hours"), "number", 1),
                Column(self.tr("Utilisation (%)"), "number", 1),
            ]
        )
        self.share_panel.set_rows(
            [
                (m.month, m.task_hours, m.staffed_hours, None if m.share is None else m.share * 100)
                for m in data.months
                if m.task_hours or m.staffed_hours
            ]
        )

    def _draw_hours(self, data: Capacity) -> None:
        index = {month: i for i, month in enumerate(self.months)}
        layers = []
        for number, colour in zip(sorted(SUBPROJECTS), CATEGORY_COLOURS, strict=False):
            heights = np.zeros(len(self.months))
            for row in data.by_subproject:
                if row.subproject == number:
                    heights[index[row.month]] += row.hours
            if heights.any():
                layers.append((subproject_label(number), heights, colour))
        x = month_positions(self.months)
        entries = self.hours_bars.set_layers(x, layers)
        self.staffed_curve.setData(x, [month.staffed_hours for month in data.months])
        self.hours_plot.getPlotItem().enableAutoRange()
        staffed = LegendEntry(self.tr("Staffed hours"), REFERENCE_COLOUR, "line")
        self.hours_panel.legend.set_entries([staffed, *entries])
        self.hours_panel.set_columns(
            [
                Column(self.tr("Month"), "month"),
                Column(self.tr("Subproject"), display=subproject_label),
                Column(self.tr("Task hours"), "number", 1),
            ]
        )
        self.hours_panel.set_rows([(r.month, r.subproject, r.hours) for r in data.by_subproject])

    def _draw_visits(self, data: Capacity) -> None:
        per_week = [month.per_week for month in data.visits]
        label = self.tr("Visits a week")
        entries = self.visits_bars.set_layers(
            month_positions(self.months), [(label, per_week, PAIR_COLOURS[0])]
        )
        self.target_line.setValue(data.target_per_week)
        plot = self.visits_plot.getPlotItem()
        plot.enableAutoRange()
        plot.setYRange(0, max([data.target_per_week, *per_week]) * 1.15, padding=0)
        target = self.tr("Target: %1 a week").replace("%1", format_number(data.target_per_week, 1))
        self.visits_panel.legend.set_entries(
            [*entries, LegendEntry(target, REFERENCE_COLOUR, "line")]
        )
        self.visits_panel.set_columns(
            [
                Column(self.tr("Month"), "month"),
                Column(self.tr("Visits"), "number"),
                Column(self.tr("Days in the period"), "number"),
                Column(self.tr("Visits a week"), "number", 1),
                Column(self.tr("Target a week"), "number", 1),
            ]
        )
        self.visits_panel.set_rows(
            [(m.month, m.visits, m.days, m.per_week, data.target_per_week) for m in data.visits]
        )

    def share_tooltip(self, x: float, y: float) -> str | None:
        index = month_at(self.months, x)
        if index is None or self.data is None:
            return None
        month = self.data.months[index]
        return (
            self.tr("%1: %2 of %3 staffed hours (%4)")
            .replace("%1", format_month(month.month))
            .replace("%2", format_number(month.task_hours, 1))
            .replace("%3", format_number(month.staffed_hours, 1))
            .replace("%4", format_percent(month.share))
        )

    def hours_tooltip(self, x: float, y: float) -> str | None:
        hit = self.hours_bars.bar_at(x, y)
        if hit is None:
            return None
        index, label, hours = hit
        return f"{format_month(self.months[index])}\n{label}: " + self.tr("%1 hours").replace(
            "%1", format_number(hours, 1)
        )

    def visits_tooltip(self, x: float, y: float) -> str | None:
        index = month_at(self.months, x)
        if index is None or self.data is None:
            return None
        month = self.data.visits[index]
        return (
            self.tr("%1: %2 visits, %3 a week")
            .replace("%1", format_month(month.month))
            .replace("%2", format_number(month.visits))
            .replace("%3", format_number(month.per_week, 1))
        )


if __name__ == "__main__":
    from dashboard.views.app import run_view

    sys.exit(run_view(CapacityView))
