"""Kostnadsdeling: the car's hours per owner and what each party pays under named rules.

Three tabs: "Timer" (hours per owner of the requesting service), "Kostnader" (the period's
costs split by each rule of :mod:`dashboard.data.costs`, each explained in a sentence) and
"Kostnadsmodell" (the editable model, saved to the shared settings file at once).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from datetime import date
from functools import partial

import duckdb
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dashboard.data.costs import RULES, CostModel, CostSharing, share_costs
from dashboard.data.events import events_between
from dashboard.data.figures import (
    OwnerMonth,
    car_use,
    owner_hours_in,
    owner_months,
    staffed_hours,
)
from dashboard.data.phrases import schedule_span
from dashboard.data.values import Filters
from dashboard.data.vocabulary import OWNERS
from dashboard.views.base import Fetch, View
from dashboard.views.benefit_model_panel import BenefitModelPanel
from dashboard.views.charts import (
    MONTH_BAR_WIDTH,
    ChartPanel,
    HoverTip,
    StackedBars,
    event_legend,
    month_plot,
    month_positions,
    plot_widget,
)
from dashboard.views.cost_model_panel import CostModelPanel, owner_name
from dashboard.views.formatting import (
    format_date,
    format_month,
    format_number,
    format_percent,
    language,
)
from dashboard.views.table_model import Column, FigureTableModel

# Okabe & Ito blue and orange for the two parties, grey for what they share.
OWNER_COLOURS = {"municipality": "#0072B2", "health_trust": "#E69F00", "shared": "#999999"}
BAR_WIDTH = 0.6


def format_kroner(amount: float) -> str:
    """``kr 1 234 567``: whole kroner, as the rules give them."""
    return QCoreApplication.translate("CostSharingView", "NOK %1").replace(
        "%1", format_number(amount, 0)
    )


def cost_figures(con: duckdb.DuckDBPyConnection, filters: Filters, model: CostModel) -> dict:
    """What the view shows, on the worker: hours per owner and what each rule shares."""
    monthly = owner_months(con, filters, model.owner_by_service)
    period = owner_hours_in(monthly)
    staffed, use = staffed_hours(con, filters), car_use(con, filters)
    return {
        "filters": filters,
        "model": model,
        "period": period,
        "monthly": monthly,
        "costs": share_costs(filters, model, staffed, period, use),
        "events": events_between(con, filters.start, filters.end),
    }


class CostSharingView(View):
    """Hours per owner (municipality, health trust, shared) for the period and per month."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.months: list[date] = []
        self.period_plot = plot_widget()
        self.period_plot.getPlotItem().setLabel("left", self.tr("Hours"))
        self.period_bars = StackedBars(self.period_plot.getPlotItem(), BAR_WIDTH)
        # Each bar is labelled with owner and hours on two lines; pyqtgraph sizes for one.
        self.period_plot.getPlotItem().getAxis("bottom").setHeight(
            2 * self.fontMetrics().height() + 16
        )
        self.period_panel = ChartPanel(self.tr("Hours in the period"), self.period_plot, self)
        self.month_plot = month_plot(self.tr("Hours"))
        self.month_bars = StackedBars(self.month_plot.getPlotItem(), MONTH_BAR_WIDTH)
        self.month_panel = ChartPanel(self.tr("Hours per month"), self.month_plot, self)
        self._filters: Filters | None = None
        self.cost_labels = {
            name: self._cost_label() for name in ("car", "staff", "staffed", "outside")
        }
        self.cost_model = FigureTableModel(self._cost_columns(), self)
        self.cost_table = self._cost_table()
        self.model_panel = CostModelPanel(self)
        self.model_panel.changed.connect(self._on_model_changed)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._hours_page(), self.tr("Hours"))
        self.tabs.addTab(self._costs_page(), self.tr("Costs"))
        self.tabs.addTab(self.model_panel, self.tr("Cost model"))
        self.benefit_panel = BenefitModelPanel(self)
        self.benefit_panel.changed.connect(self._on_model_changed)
        self.tabs.addTab(self.benefit_panel, self.tr("Benefit model"))
        self._tips = [
            HoverTip(self.period_plot, self.period_tooltip),
            HoverTip(self.month_plot, self.month_tooltip),
        ]
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def _cost_label(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _cost_columns(self) -> list[Column]:
        return [
            Column(self.tr("Rule")),
            Column(self.tr("Explanation")),
            Column(owner_name("municipality"), "number", display=format_kroner),
            Column(owner_name("health_trust"), "number", display=format_kroner),
        ]

    def _cost_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.cost_model)
        table.setWordWrap(True)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # The explanations wrap: the rows grow or shrink with the column.
        header.sectionResized.connect(self._on_cost_column_resized)
        return table

    def _on_cost_column_resized(self, _index: int, _old: int, _new: int) -> None:
        self.cost_table.resizeRowsToContents()

    def _costs_page(self) -> QWidget:
        page = QWidget(self)
        facts = QGridLayout()
        titles = {
            "car": self.tr("Car:"),
            "staff": self.tr("Staff:"),
            "staffed": self.tr("Staffed hours:"),
            "outside": self.tr("Car use outside staffed hours:"),
        }
        for row, (name, title) in enumerate(titles.items()):
            heading = QLabel(title, page)
            heading.setStyleSheet("font-weight: bold;")
            facts.addWidget(heading, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(self.cost_labels[name], row, 1)
        facts.setColumnStretch(1, 1)
        self.costs_title = QLabel(page)
        self.costs_title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        layout = QVBoxLayout(page)
        layout.addWidget(self.costs_title)
        layout.addLayout(facts)
        layout.addWidget(self.cost_table, 1)
        return page

    def _hours_page(self) -> QWidget:
        page = QWidget(self)
        layout = QHBoxLayout(page)
        layout.addWidget(self.period_panel, 2)
        layout.addWidget(self.month_panel, 5)
        return page

    def title(self) -> str:
        return self.tr("Cost sharing")

    def fetcher(self, filters: Filters) -> Fetch:
        return partial(cost_figures, filters=filters, model=self.prefs.cost_model)

    def present(self, data: dict) -> None:
        self._filters = data["filters"]
        self._draw_period(data["period"])
        self.month_plot.event_marks.set_events(data["events"])
        self._draw_months(data["monthly"])
        self._show_costs(data["costs"], data["model"], data["filters"])
        self.model_panel.set_staffed(data["filters"].staffed.on(data["filters"].end))

    def _on_model_changed(self) -> None:
        """The panel saved a new model to the settings; the window reads it and refreshes."""
        self.data_changed.emit()

    def _show_costs(self, costs: CostSharing, model: CostModel, filters: Filters) -> None:
        self.costs_title.setText(
            self.tr("What each party would pay for %1–%2")
            .replace("%1", format_date(filters.start))
            .replace("%2", format_date(filters.end))
        )
        self.cost_labels["car"].setText(self._car_text(costs, model, filters))
        self.cost_labels["staff"].setText(self._staff_text(costs, model, filters))
        span = schedule_span(filters.staffed, filters.start, filters.end, language())
        self.cost_labels["staffed"].setText(
            self.tr("%1 on weekdays (from the settings)").replace("%1", span)
        )
        self.cost_labels["outside"].setText(self._outside_text(costs))
        explanations = {rule.key: rule.explanation for rule in RULES}
        self.cost_model.set_rows(
            [
                (
                    payment.rule.name,
                    explanations[payment.rule.key],
                    payment.municipality,
                    payment.health_trust,
                )
                for payment in costs.payments
            ]
        )
        self.cost_table.resizeRowsToContents()

    def _car_text(self, costs: CostSharing, model: CostModel, filters: Filters) -> str:
        return (
            self.tr("%1 for the period (%2 a year, %3 days)")
            .replace("%1", format_kroner(costs.car_cost))
            .replace("%2", format_kroner(model.car_cost_per_year))
            .replace("%3", format_number(filters.days))
        )

    def _staff_text(self, costs: CostSharing, model: CostModel, filters: Filters) -> str:
        if model.staff_cost_per_hour <= 0:
            return self.tr(
                "Staff cost is not set (NOK 0 an hour), so the rules share only the car. "
                "Set it under Cost model."
            )
        return (
            self.tr("%1 for the period (%2 staffed hours at %3 an hour)")
            .replace("%1", format_kroner(costs.staff_cost))
            .replace("%2", format_number(costs.staffed_hours, 1))
            .replace("%3", format_kroner(model.staff_cost_per_hour))
        )

    def _outside_text(self, costs: CostSharing) -> str:
        outside, total = costs.doctor_minutes_outside_staffed, costs.car_minutes
        if not total:
            return self.tr("No car trips in the period.")
        return (
            self.tr(
                "%1 hours of %2 hours (%3 of all car use): the legevakt doctor's, that is "
                "the municipality's"
            )
            .replace("%1", format_number(outside / 60, 1))
            .replace("%2", format_number(total / 60, 1))
            .replace("%3", format_percent(costs.doctor_outside_share))
        )

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
                    (i, f"{owner_name(owner)}\n{format_number(hours[owner], 1)} t")
                    for i, owner in enumerate(OWNERS)
                ]
            ]
        )
        plot = self.period_plot.getPlotItem()
        plot.enableAutoRange(axis="y")
        # A whole slot either side, so the outer bars' labels have room to be drawn.
        plot.setXRange(-0.5, len(OWNERS) - 0.5, padding=0)
        self.period_panel.legend.set_entries([])
        self.period_panel.set_columns(
            [Column(self.tr("Owner")), Column(self.tr("Hours"), "number", 1)]
        )
        has_hours = any(hours.values())
        self.period_panel.set_rows(
            [(owner_name(owner), hours[owner]) for owner in OWNERS] if has_hours else []
        )

    def _draw_months(self, rows: list[OwnerMonth]) -> None:
        self.months = sorted({row.month for row in rows})
        hours: dict[str, dict[date, float]] = defaultdict(dict)
        for row in rows:
            hours[row.owner][row.month] = row.hours
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
        self.month_panel.legend.set_entries(entries + event_legend(self.month_plot))
        self.month_panel.set_columns(
            [
                Column(self.tr("Month"), "month"),
                Column(self.tr("Owner"), display=owner_name),
                Column(self.tr("Hours"), "number", 1),
            ]
        )
        self.month_panel.set_rows([(r.month, r.owner, r.hours) for r in rows])

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
    from dashboard.views.app import run_view

    sys.exit(run_view(CostSharingView))
