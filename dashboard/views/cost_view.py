"""Kostnadsdeling: the car's hours per owner of the requesting service.

The cost model comes later. The hours sit in their own panels under a QTabWidget page
"Timer", so a "Kostnader" page can be added beside it without touching them.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from datetime import date

import duckdb
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from dashboard.data.figures import OWNERS, Filters, owner_hours, owner_hours_monthly
from dashboard.views.base import View
from dashboard.views.charts import (
    MONTH_BAR_WIDTH,
    ChartPanel,
    HoverTip,
    StackedBars,
    month_plot,
    month_positions,
    plot_widget,
    run_standalone,
)
from dashboard.views.formatting import format_month, format_number
from dashboard.views.table_model import Column

# Okabe & Ito blue and orange for the two parties, grey for what they share.
OWNER_COLOURS = {"municipality": "#0072B2", "health_trust": "#E69F00", "shared": "#999999"}
BAR_WIDTH = 0.6


def owner_name(owner: str) -> str:
    names = {
        "municipality": QCoreApplication.translate("CostSharingView", "Municipality"),
        "health_trust": QCoreApplication.translate("CostSharingView", "Health trust"),
        "shared": QCoreApplication.translate("CostSharingView", "Shared"),
    }
    return names[owner]


class CostSharingView(View):
    """Hours per owner (municipality, health trust, shared) for the period and per month."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.months: list[date] = []
        self.period_plot = plot_widget()
        self.period_plot.getPlotItem().setLabel("left", self.tr("Hours"))
        self.period_bars = StackedBars(self.period_plot.getPlotItem(), BAR_WIDTH)
        self.period_panel = ChartPanel(self.tr("Hours in the period"), self.period_plot, self)
        self.month_plot = month_plot(self.tr("Hours"))
        self.month_bars = StackedBars(self.month_plot.getPlotItem(), MONTH_BAR_WIDTH)
        self.month_panel = ChartPanel(self.tr("Hours per month"), self.month_plot, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._hours_page(), self.tr("Hours"))
        self._tips = [
            HoverTip(self.period_plot, self.period_tooltip),
            HoverTip(self.month_plot, self.month_tooltip),
        ]
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _hours_page(self) -> QWidget:
        page = QWidget(self)
        layout = QHBoxLayout(page)
        layout.addWidget(self.period_panel, 2)
        layout.addWidget(self.month_panel, 5)
        return page

    def title(self) -> str:
        return self.tr("Cost sharing")

    def fetch(self, con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
        return {
            "period": owner_hours(con, filters),
            "monthly": owner_hours_monthly(con, filters),
        }

    def present(self, data: dict) -> None:
        self._draw_period(data["period"])
        self._draw_months(data["monthly"])

    def _draw_period(self, hours: dict[str, float]) -> None:
        # One layer per owner, each standing at its own position, so each gets its colour.
        layers = [
            (
                owner_name(owner),
                [hours[owner] if i == index else 0.0 for i in range(len(OWNERS))],
                OWNER_COLOURS[owner],
            )
            for index, owner in enumerate(OWNERS)
        ]
        self.period_bars.set_layers(range(len(OWNERS)), layers)
        # The exact hours stand under each bar: the owner is named there anyway.
        self.period_plot.getPlotItem().getAxis("bottom").setTicks(
            [
                [
                    (i, f"{owner_name(owner)}: {format_number(hours[owner], 1)}")
                    for i, owner in enumerate(OWNERS)
                ]
            ]
        )
        self.period_plot.getPlotItem().enableAutoRange()
        self.period_panel.legend.set_entries([])
        self.period_panel.set_columns(
            [Column(self.tr("Owner")), Column(self.tr("Hours"), "number", 1)]
        )
        has_hours = any(hours.values())
        self.period_panel.set_rows(
            [(owner_name(owner), hours[owner]) for owner in OWNERS] if has_hours else []
        )

    def _draw_months(self, rows: list[dict]) -> None:
        self.months = sorted({row["month"] for row in rows})
        hours: dict[str, dict[date, float]] = defaultdict(dict)
        for row in rows:
            hours[row["owner"]][row["month"]] = row["hours"]
        layers = [
            (
                owner_name(owner),
                [hours[owner].get(month, 0.0) for month in self.months],
                OWNER_COLOURS[owner],
            )
            for owner in OWNERS
        ]
        entries = self.month_bars.set_layers(month_positions(self.months), layers)
        self.month_plot.getPlotItem().enableAutoRange()
        self.month_panel.legend.set_entries(entries)
        self.month_panel.set_columns(
            [
                Column(self.tr("Month"), "month"),
                Column(self.tr("Owner"), display=owner_name),
                Column(self.tr("Hours"), "number", 1),
            ]
        )
        self.month_panel.set_rows([(r["month"], r["owner"], r["hours"]) for r in rows])

    def _hours_text(self, value: float) -> str:
        return self.tr("%1 hours").replace("%1", format_number(value, 1))

    def period_tooltip(self, x: float, y: float) -> str | None:
        hit = self.period_bars.bar_at(x, y)
        return None if hit is None else f"{hit[1]}: {self._hours_text(hit[2])}"

    def month_tooltip(self, x: float, y: float) -> str | None:
        hit = self.month_bars.bar_at(x, y)
        if hit is None:
            return None
        index, label, value = hit
        return f"{format_month(self.months[index])}\n{label}: {self._hours_text(value)}"


if __name__ == "__main__":
    sys.exit(run_standalone(CostSharingView))
