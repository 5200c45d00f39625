"""Mål: the health-trust goals per plan, their status on the period's last day and history."""

from __future__ import annotations

import sys
from datetime import date

import duckdb
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dashboard.data.figures import Filters, goal_history, goal_status, goals_as_of
from dashboard.views.base import View
from dashboard.views.charts import ChartPanel, HoverTip, StackedBars, plot_widget, run_standalone
from dashboard.views.formatting import format_date
from dashboard.views.table_model import Column, FigureTableModel

NOT_ASSESSED = 0
# Left to right in the bars: met first, not assessed last.
STATUS_ORDER = (3, 2, 1, NOT_ASSESSED)
STATUS_SYMBOLS = {3: "✔", 2: "◐", 1: "✖", NOT_ASSESSED: "–"}
# Okabe & Ito colours for the bars and light tints of them behind table text.
STATUS_COLOURS = {3: "#009E73", 2: "#E69F00", 1: "#D55E00", NOT_ASSESSED: "#BBBBBB"}
STATUS_TINTS = {3: "#C2E8DC", 2: "#F9E2B3", 1: "#F5CDB3", NOT_ASSESSED: "#E8E8E8"}
COUNT_KEYS = {1: "status_1", 2: "status_2", 3: "status_3", NOT_ASSESSED: "not_assessed"}
BAR_THICKNESS = 0.6


def status_key(status: int | None) -> int:
    return status or NOT_ASSESSED


def status_label(status: int | None) -> str:
    """Symbol and word, so status never rests on colour alone."""
    words = {
        1: QCoreApplication.translate("GoalsView", "Not met"),
        2: QCoreApplication.translate("GoalsView", "Partly met"),
        3: QCoreApplication.translate("GoalsView", "Met"),
        NOT_ASSESSED: QCoreApplication.translate("GoalsView", "Not assessed"),
    }
    key = status_key(status)
    return f"{STATUS_SYMBOLS[key]} {words[key]}"


class GoalsView(View):
    """Goals grouped by plan; status as symbol, word and colour; filters; assessment history."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self._data: dict | None = None
        self.plans: list[str] = []
        self.plan_box = QComboBox(self)
        self.plan_box.addItem(self.tr("All plans"), None)
        self.plan_box.currentIndexChanged.connect(self._draw)
        self.status_box = self._status_box()
        self.chart = plot_widget(left=pg.AxisItem(orientation="left"))
        self.chart.getPlotItem().showGrid(x=True, y=False, alpha=0.15)
        self.chart.getPlotItem().setLabel("bottom", self.tr("Number of goals"))
        self.bars = StackedBars(self.chart.getPlotItem(), BAR_THICKNESS, horizontal=True)
        self.panel = ChartPanel("", self.chart, self)
        self.goal_model = FigureTableModel(self._goal_columns(), self)
        self.goal_table = self._table(self.goal_model)
        self.goal_table.selectionModel().selectionChanged.connect(self._on_goal_selected)
        self.history_model = FigureTableModel(self._history_columns(), self)
        self.history_table = self._table(self.history_model)
        self.history_label = QLabel(self.tr("Choose a goal to see its assessments."), self)
        self.history_label.setWordWrap(True)
        self.shown_goals: list[dict] = []
        self._tip = HoverTip(self.chart, self.tooltip)
        self._lay_out()

    def _status_box(self) -> QComboBox:
        box = QComboBox(self)
        box.addItem(self.tr("All statuses"), None)
        for key in STATUS_ORDER:
            box.addItem(status_label(key), key)
        box.currentIndexChanged.connect(self._draw)
        return box

    def _goal_columns(self) -> list[Column]:
        return [
            Column(self.tr("Plan")),
            Column(self.tr("Area")),
            Column(self.tr("Goal")),
            Column(
                self.tr("Status"),
                display=status_label,
                background=lambda s: QColor(STATUS_TINTS[status_key(s)]),
            ),
            Column(self.tr("Assessed"), "date"),
            Column(self.tr("Comment")),
        ]

    def _history_columns(self) -> list[Column]:
        return [
            Column(self.tr("Assessed"), "date"),
            Column(
                self.tr("Status"),
                display=status_label,
                background=lambda s: QColor(STATUS_TINTS[status_key(s)]),
            ),
            Column(self.tr("Comment")),
            Column(self.tr("Responsible")),
            Column(self.tr("Recorded by")),
        ]

    def _table(self, model: FigureTableModel) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _lay_out(self) -> None:
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Plan:"), self))
        controls.addWidget(self.plan_box, 1)
        controls.addSpacing(12)
        controls.addWidget(QLabel(self.tr("Status:"), self))
        controls.addWidget(self.status_box)
        controls.addStretch(1)
        history = QWidget(self)
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history_label)
        history_layout.addWidget(self.history_table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for widget in (self.panel, self.goal_table, history):
            splitter.addWidget(widget)
        splitter.setSizes([260, 360, 180])
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)

    def title(self) -> str:
        return self.tr("Goals")

    def fetch(self, con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
        goals = goals_as_of(con, filters.end)
        return {
            "as_of": filters.end,
            "goals": goals,
            "counts": goal_status(con, filters.end),
            "history": {goal["goal_id"]: goal_history(con, goal["goal_id"]) for goal in goals},
        }

    def present(self, data: dict) -> None:
        self._data = data
        self._update_plans([row["plan"] for row in data["counts"]])
        self._draw()

    def _update_plans(self, plans: list[str]) -> None:
        if plans == self.plans:
            return
        chosen = self.plan_box.currentData()
        self.plans = plans
        self.plan_box.blockSignals(True)
        while self.plan_box.count() > 1:
            self.plan_box.removeItem(1)
        for plan in plans:
            self.plan_box.addItem(plan, plan)
        self.plan_box.setCurrentIndex(max(0, self.plan_box.findData(chosen)))
        self.plan_box.blockSignals(False)

    def _draw(self) -> None:
        if self._data is None:
            return
        plan = self.plan_box.currentData()
        counts = [row for row in self._data["counts"] if plan in (None, row["plan"])]
        self._draw_counts(counts)
        self._fill_goals(plan, self.status_box.currentData())

    def _draw_counts(self, counts: list[dict]) -> None:
        positions = [-index for index in range(len(counts))]
        layers = [
            (status_label(key), [row[COUNT_KEYS[key]] for row in counts], STATUS_COLOURS[key])
            for key in STATUS_ORDER
        ]
        self.panel.legend.set_entries(self.bars.set_layers(positions, layers))
        plot = self.chart.getPlotItem()
        plot.getAxis("left").setTicks(
            [[(p, row["plan"]) for p, row in zip(positions, counts, strict=True)]]
        )
        plot.setYRange(-len(counts) + 0.5, 0.5, padding=0.05)
        plot.enableAutoRange(x=True)
        self.panel.set_title(
            self.tr("Goal status per plan on %1").replace("%1", format_date(self._data["as_of"]))
        )
        self.panel.set_columns(
            [Column(self.tr("Plan"))]
            + [Column(status_label(key), "number") for key in STATUS_ORDER]
        )
        self.panel.set_rows(
            [(row["plan"], *(row[COUNT_KEYS[key]] for key in STATUS_ORDER)) for row in counts]
        )

    def _fill_goals(self, plan: str | None, status: int | None) -> None:
        self.shown_goals = [
            goal
            for goal in self._data["goals"]
            if plan in (None, goal["plan"]) and status in (None, status_key(goal["status"]))
        ]
        self.goal_model.set_rows(
            [
                (g["plan"], g["area"], g["goal_text"], g["status"], g["assessed_on"], g["comment"])
                for g in self.shown_goals
            ]
        )
        self.goal_table.resizeColumnsToContents()
        self.goal_table.setColumnWidth(2, min(self.goal_table.columnWidth(2), 420))
        self.goal_table.resizeRowsToContents()
        self._show_selected_history()

    def _on_goal_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_selected_history()

    def _show_selected_history(self) -> None:
        # A refresh of the same shape keeps the selection, so the history follows it.
        rows = self.goal_table.selectionModel().selectedRows()
        self._show_history(self.shown_goals[rows[0].row()] if rows else None)

    def _show_history(self, goal: dict | None) -> None:
        if goal is None:
            self.history_label.setText(self.tr("Choose a goal to see its assessments."))
            self.history_model.set_rows([])
            return
        as_of: date = self._data["as_of"]
        history = [
            row
            for row in self._data["history"][goal["goal_id"]]
            if row["assessed_on"] is None or row["assessed_on"] <= as_of
        ]
        self.history_label.setText(self.tr("Assessments of: %1").replace("%1", goal["goal_text"]))
        self.history_model.set_rows(
            [
                (r["assessed_on"], r["status"], r["comment"], r["owner"], r["recorded_by"])
                for r in history
            ]
        )

    def select_goal(self, row: int) -> None:
        self.goal_table.selectRow(row)

    def tooltip(self, x: float, y: float) -> str | None:
        hit = self.bars.bar_at(x, y)
        if hit is None:
            return None
        index, label, value = hit
        goals = self.tr("%n goal(s)", "", round(value))
        return f"{self.plan_names_shown()[index]}\n{label}: {goals}"

    def plan_names_shown(self) -> list[str]:
        plan = self.plan_box.currentData()
        return [row["plan"] for row in self._data["counts"] if plan in (None, row["plan"])]


if __name__ == "__main__":
    sys.exit(run_standalone(GoalsView))
