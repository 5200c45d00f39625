"""Mål: the health-trust goals per plan, their status on the period's last day and history.

Planners also keep the register here: record an assessment, add a goal, undo the last edit
and export the register. Each is a job on the database worker, like every query.
"""

from __future__ import annotations

import sys
from datetime import date
from functools import partial
from pathlib import Path

import duckdb
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QDate, QItemSelection, QModelIndex, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dashboard.data import goals as register
from dashboard.data.figures import (
    PlanStatus,
    goal_changes,
    goal_histories,
    goal_rounds,
    goal_status,
    goals_as_of,
    plan_scale_words,
    plans_status_over_time,
)
from dashboard.data.goal_indicators import SHOWN_COMPARATORS, GoalIndicator, goal_indicators
from dashboard.data.phrases import shorten
from dashboard.data.register import export_register
from dashboard.data.values import Filters
from dashboard.views.base import Fetch, View
from dashboard.views.charts import ChartPanel, HoverTip, StackedBars, plot_widget
from dashboard.views.formatting import (
    format_date,
    format_moment,
    format_month,
    format_number,
    format_percent,
    locale,
    pydate,
    qdate,
)
from dashboard.views.goal_dialogs import (
    AssessmentDialog,
    GoalDetailsDialog,
    NewGoalDialog,
    UndoConfirmation,
)
from dashboard.views.sheet_dialog import ask_sheet_path
from dashboard.views.table_model import Column, FigureTableModel, record_table
from dashboard.views.undo import (
    confirmation,
    recorded_text,
    show_undo_state,
    undo_action,
    undone_text,
)
from dashboard.views.worker import Database, Job, error_text

NOT_ASSESSED = 0
# Assessed in words outside the 1–3 scale (kept as written, counted apart).
WITHOUT_SCALE = -1
# Left to right in the bars: met first, not assessed last.
STATUS_ORDER = (3, 2, 1, WITHOUT_SCALE, NOT_ASSESSED)
STATUS_SYMBOLS = {3: "✔", 2: "◐", 1: "✖", WITHOUT_SCALE: "◇", NOT_ASSESSED: "–"}
# Okabe & Ito colours for the bars and light tints of them behind table text.
STATUS_COLOURS = {
    3: "#009E73",
    2: "#E69F00",
    1: "#D55E00",
    WITHOUT_SCALE: "#56B4E9",
    NOT_ASSESSED: "#BBBBBB",
}
STATUS_TINTS = {
    3: "#C2E8DC",
    2: "#F9E2B3",
    1: "#F5CDB3",
    WITHOUT_SCALE: "#D4ECF9",
    NOT_ASSESSED: "#E8E8E8",
}
COUNT_KEYS = {
    1: "status_1",
    2: "status_2",
    3: "status_3",
    WITHOUT_SCALE: "assessed_without_scale",
    NOT_ASSESSED: "not_assessed",
}
BAR_THICKNESS = 0.6
EXPORT_NAME = "malregister.xlsx"
# The widest the short columns of the goal table get (plan, area, status, assessed,
# indicator); goal text and comment take the rest. A chosen plan hides the plan column.
GOAL_COLUMN_WIDTHS = {0: 180, 1: 120, 3: 220, 4: 90, 6: 240}
# The goal table shows long texts shortened (marked with "…"); the assessments below the
# table show the chosen goal's statuses and comments whole.
GOAL_TEXT_LIMIT = 180
STATUS_TEXT_LIMIT = 90
COMMENT_LIMIT = 160


def _count(row: PlanStatus, key: int) -> int:
    return getattr(row, COUNT_KEYS[key])


def status_key(status: int | None) -> int:
    return status or NOT_ASSESSED


def written_key(written: tuple[int | None, str | None]) -> int:
    """The key of a status as written (value, text): its value, or without scale."""
    status, text = written
    return WITHOUT_SCALE if status is None and text is not None else status_key(status)


def status_label(status: int | None) -> str:
    """Symbol and word, so status never rests on colour alone."""
    words = {
        1: QCoreApplication.translate("GoalsView", "Not met"),
        2: QCoreApplication.translate("GoalsView", "Partly met"),
        3: QCoreApplication.translate("GoalsView", "Met"),
        WITHOUT_SCALE: QCoreApplication.translate("GoalsView", "Assessed without scale"),
        NOT_ASSESSED: QCoreApplication.translate("GoalsView", "Not assessed"),
    }
    key = status_key(status)
    return f"{STATUS_SYMBOLS[key]} {words[key]}"


def written_label(written: tuple[int | None, str | None]) -> str:
    """The status in the source's words with its 1–3 value beside it ("◐ Delvis oppnådd
    (2)"); words outside the scale are said to be so."""
    status, text = written
    key = written_key(written)
    if text is None:
        return status_label(status)
    if key == WITHOUT_SCALE:
        beside = QCoreApplication.translate("GoalsView", "without scale")
    elif text.strip() == str(status):
        beside = status_label(status)[2:].lower()
    else:
        beside = str(status)
    return f"{STATUS_SYMBOLS[key]} {text} ({beside})"


def plan_status_label(words: dict[int, str], status: int | None) -> str:
    """A value of the scale in the plan's own word ("◐ Delvis oppnådd (2)"), or in the
    register's where the plan has none for it yet."""
    if status is None:
        return status_label(None)
    return written_label((status, words.get(status, register.status_word(status))))


def assessed_text(assessed: tuple[date | None, str | None]) -> str:
    """An assessment date at the precision written: "31.05.2021", "mai 2021" or "2021"."""
    day, precision = assessed
    if day is None:
        return "–"
    if precision == "month":
        return format_month(day)
    if precision == "year":
        return str(day.year)
    return format_date(day)


def indicator_text(tied: GoalIndicator | None) -> str:
    """ "Andel akutte utrykninger med lege: 57,0 % (mål ≥ 60,0 %), ↑ fra 52,0 %"."""
    if tied is None:
        return ""
    shown = format_percent if tied.is_share else partial(format_number, decimals=1)
    text = (
        QCoreApplication.translate("GoalsView", "%1: %2 (target %3 %4)")
        .replace("%1", tied.label)
        .replace("%2", shown(tied.value))
        .replace("%3", SHOWN_COMPARATORS[tied.comparator])
        .replace("%4", shown(tied.target))
    )
    if tied.change is None:
        return text
    arrow = "↑" if tied.change > 0 else "↓" if tied.change < 0 else "→"
    before = QCoreApplication.translate("GoalsView", "%1 from %2 the period before")
    return f"{text}, " + before.replace("%1", arrow).replace("%2", shown(tied.previous))


def default_since(con: duckdb.DuckDBPyConnection, as_of: date, fallback: date) -> date:
    """The assessment round before the latest one: what "the last meeting" usually saw."""
    return goal_rounds(con, as_of).previous or fallback


def fetch_goals(con: duckdb.DuckDBPyConnection, filters: Filters, since: date | None) -> dict:
    """Everything the view shows; ``since``: the chosen day for changes, or None for the
    round before the latest."""
    goals = goals_as_of(con, filters.end)
    counts = goal_status(con, filters.end)
    indicators = goal_indicators(con, filters, goals)
    since = since or default_since(con, filters.end, filters.start)
    edit = register.last_edit(con)
    histories, over_time = goal_histories(con), plans_status_over_time(con)
    return {
        "filters": filters,
        "as_of": filters.end,
        "goals": goals,
        "indicators": indicators,
        # Each plan's own word for each value of the scale, for the assessment dialog.
        "plan_words": {
            plan.plan: {value: words[0] for value, words in plan.words.items()}
            for plan in plan_scale_words(con, filters.end)
        },
        "counts": counts,
        "history": {goal["goal_id"]: histories.get(goal["goal_id"], []) for goal in goals},
        "over_time": {row.plan: over_time.get(row.plan, []) for row in counts},
        "since": since,
        "changes": goal_changes(con, since, filters.end),
        "last_edit": edit,
        # Undoing a goal's only assessment removes the goal too: say so before.
        "undo_removes_goal": edit is not None and len(histories.get(edit["goal_id"], [])) == 1,
    }


class GoalsView(View):
    """Goals grouped by plan; status as symbol, word and colour; filters; assessment history.

    Emits ``data_changed`` after every write to the register.
    """

    def __init__(self, database: Database, parent=None):
        super().__init__(parent)
        self.database = database
        self._data: dict | None = None
        self._filters: Filters | None = None
        # None: changes since the assessment round before the latest; else the chosen day.
        self.since: date | None = None
        self.plans: list[str] = []
        self.plan_box = QComboBox(self)
        # Plan names are long: the box shows about 18 characters and the list them whole, so
        # that the row of buttons beside it fits a 1440-pixel window.
        self.plan_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.plan_box.setMinimumContentsLength(18)
        self.plan_box.addItem(self.tr("All plans"), None)
        self.plan_box.currentIndexChanged.connect(self._draw)
        self.status_box = self._status_box()
        self.chart = plot_widget(left=pg.AxisItem(orientation="left"))
        self.chart.getPlotItem().showGrid(x=True, y=False, alpha=0.15)
        self.chart.getPlotItem().setLabel("bottom", self.tr("Number of goals"))
        self.bars = StackedBars(self.chart.getPlotItem(), BAR_THICKNESS, horizontal=True)
        self.panel = ChartPanel("", self.chart, self)
        self.time_chart = plot_widget(bottom=pg.AxisItem(orientation="bottom"))
        self.time_chart.getPlotItem().setLabel("left", self.tr("Number of goals"))
        self.time_bars = StackedBars(self.time_chart.getPlotItem(), BAR_THICKNESS)
        self.time_panel = ChartPanel("", self.time_chart, self)
        self.time_dates: list[tuple[date, str | None]] = []
        self.since_edit = self._since_edit()
        self.changes_label = QLabel(self)
        self.changes_label.setWordWrap(True)
        self.changes_model = FigureTableModel(self._change_columns(), self)
        self.changes_table = record_table(self, self.changes_model)
        self.changes_table.setAccessibleName(self.tr("Changes"))
        self.goal_model = FigureTableModel(self._goal_columns(), self)
        self.goal_table = record_table(self, self.goal_model)
        self.goal_table.setAccessibleName(self.tr("Goals"))
        self.goal_table.selectionModel().selectionChanged.connect(self._on_goal_selected)
        self.goal_table.doubleClicked.connect(self._on_goal_double_clicked)
        self.history_model = FigureTableModel(self._history_columns(), self)
        self.history_table = record_table(self, self.history_model)
        self.history_table.setAccessibleName(self.tr("Assessments of the chosen goal"))
        self.history_label = QLabel(self.tr("Choose a goal to see its assessments."), self)
        self.history_label.setWordWrap(True)
        self.details_label = QLabel(self)
        self.details_label.setWordWrap(True)
        self.details_label.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        self.shown_goals: list[dict] = []
        self.open_dialog: QWidget | None = None
        self._create_actions()
        self._tips = [
            HoverTip(self.chart, self.tooltip),
            HoverTip(self.time_chart, self.time_tooltip),
        ]
        self._lay_out()
        self._update_actions()

    # Building the view

    def _status_box(self) -> QComboBox:
        box = QComboBox(self)
        box.addItem(self.tr("All statuses"), None)
        for key in STATUS_ORDER:
            box.addItem(status_label(key), key)
        box.currentIndexChanged.connect(self._draw)
        return box

    def _since_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setDisplayFormat("dd.MM.yyyy")
        edit.setCalendarPopup(True)
        edit.setLocale(locale())
        edit.dateChanged.connect(self._on_since_changed)
        return edit

    def _action(self, text: str, slot) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        self.record_action = self._action(self.tr("Record assessment…"), self.open_record_dialog)
        self.new_goal_action = self._action(self.tr("New goal…"), self.open_new_goal_dialog)
        self.details_action = self._action(self.tr("Edit goal…"), self.open_details_dialog)
        self.undo_action = undo_action(self, self.ask_undo)
        self.export_action = self._action(self.tr("Export register…"), self.ask_export_path)
        self.export_action.setToolTip(
            self.tr("Write every goal and assessment to an Excel or CSV file that can be imported.")
        )

    def _button(self, action: QAction) -> QToolButton:
        # The button follows its action: text, enabled state and tooltip.
        # The "…" says a dialog follows; a tool button would drop it from the icon text.
        action.setIconText(action.text())
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _goal_columns(self) -> list[Column]:
        return [
            Column(self.tr("Plan")),
            Column(self.tr("Area")),
            Column(self.tr("Goal")),
            self._status_column(self.tr("Status")),
            Column(self.tr("Assessed"), display=assessed_text),
            Column(self.tr("Comment")),
            Column(self.tr("Indicator")),
        ]

    def _status_column(self, title: str) -> Column:
        return Column(
            title,
            display=written_label,
            background=lambda w: QColor(STATUS_TINTS[written_key(w)]),
        )

    def _history_columns(self) -> list[Column]:
        return [
            Column(self.tr("Assessed"), display=assessed_text),
            self._status_column(self.tr("Status")),
            Column(self.tr("Comment")),
            Column(self.tr("Responsible")),
            Column(self.tr("Recorded"), display=format_moment),
            Column(self.tr("Recorded by")),
        ]

    def _change_columns(self) -> list[Column]:
        return [
            Column(self.tr("Plan")),
            Column(self.tr("Goal")),
            self._status_column(self.tr("Before")),
            self._status_column(self.tr("Now")),
            Column(self.tr("Assessed"), display=assessed_text),
            Column(self.tr("Comment")),
        ]

    def _controls(self) -> QHBoxLayout:
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Plan:"), self))
        controls.addWidget(self.plan_box, 1)
        controls.addSpacing(12)
        controls.addWidget(QLabel(self.tr("Status:"), self))
        controls.addWidget(self.status_box)
        controls.addStretch(1)
        self.buttons = [
            self._button(action)
            for action in (
                self.record_action,
                self.details_action,
                self.new_goal_action,
                self.undo_action,
                self.export_action,
            )
        ]
        for button in self.buttons:
            controls.addWidget(button)
        return controls

    def _changes_page(self) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Changed since:"), page))
        row.addWidget(self.since_edit)
        row.addWidget(self.changes_label, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.changes_table, 1)
        return page

    def _lay_out(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.panel, self.tr("Status per plan"))
        self.tabs.addTab(self.time_panel, self.tr("Status over time"))
        self.tabs.addTab(self._changes_page(), self.tr("Changes"))
        history = QWidget(self)
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history_label)
        history_layout.addWidget(self.details_label)
        history_layout.addWidget(self.history_table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for widget in (self.tabs, self.goal_table, history):
            splitter.addWidget(widget)
        splitter.setSizes([300, 320, 160])
        layout = QVBoxLayout(self)
        layout.addLayout(self._controls())
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def title(self) -> str:
        return self.tr("Goals")

    # Data

    def fetcher(self, filters: Filters) -> Fetch:
        return partial(fetch_goals, filters=filters, since=self.since)

    def present(self, data: dict) -> None:
        self._data = data
        self._filters = data["filters"]
        self._update_plans([row.plan for row in data["counts"]])
        self._show_since(data["since"])
        self._draw()
        self._update_actions()

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

    def _show_since(self, since: date) -> None:
        self.since_edit.blockSignals(True)
        self.since_edit.setDate(qdate(since))
        self.since_edit.blockSignals(False)

    # Drawing

    def _draw(self) -> None:
        if self._data is None:
            return
        plan = self.plan_box.currentData()
        counts = [row for row in self._data["counts"] if plan in (None, row.plan)]
        self._draw_counts(counts)
        self._draw_over_time(plan or (self.plans[0] if self.plans else None))
        self._fill_changes(plan)
        self._fill_goals(plan, self.status_box.currentData())

    def _draw_counts(self, counts: list[PlanStatus]) -> None:
        positions = [-index for index in range(len(counts))]
        layers = [
            (status_label(key), [_count(row, key) for row in counts], STATUS_COLOURS[key])
            for key in STATUS_ORDER
        ]
        self.panel.legend.set_entries(self.bars.set_layers(positions, layers))
        plot = self.chart.getPlotItem()
        plot.getAxis("left").setTicks(
            [[(p, row.plan) for p, row in zip(positions, counts, strict=True)]]
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
            [(row.plan, *(_count(row, key) for key in STATUS_ORDER)) for row in counts]
        )

    def _draw_over_time(self, plan: str | None) -> None:
        as_of: date = self._data["as_of"]
        rows = [row for row in self._data["over_time"].get(plan, []) if row.assessed_on <= as_of]
        self.time_dates = [(row.assessed_on, row.assessed_precision) for row in rows]
        layers = [
            (status_label(key), [_count(row, key) for row in rows], STATUS_COLOURS[key])
            for key in STATUS_ORDER
        ]
        self.time_panel.legend.set_entries(self.time_bars.set_layers(range(len(rows)), layers))
        plot = self.time_chart.getPlotItem()
        plot.getAxis("bottom").setTicks(
            [[(i, assessed_text(day)) for i, day in enumerate(self.time_dates)]]
        )
        plot.enableAutoRange()
        self.time_panel.set_title(
            self.tr("Goal status at each assessment: %1").replace("%1", plan or "–")
        )
        self.time_panel.set_columns(
            [Column(self.tr("Assessed"), display=assessed_text)]
            + [Column(status_label(key), "number") for key in STATUS_ORDER]
        )
        self.time_panel.set_rows(
            [
                (
                    (row.assessed_on, row.assessed_precision),
                    *(_count(row, key) for key in STATUS_ORDER),
                )
                for row in rows
            ]
        )

    def _fill_changes(self, plan: str | None) -> None:
        changes = [row for row in self._data["changes"] if plan in (None, row["plan"])]
        self.changes_label.setText(
            self.tr("%n goal(s) changed status from %1 to %2.", "", len(changes))
            .replace("%1", format_date(self._data["since"]))
            .replace("%2", format_date(self._data["as_of"]))
        )
        self.changes_model.set_rows(
            [
                (
                    c["plan"],
                    c["goal_text"],
                    (c["status_before"], c["status_text_before"]),
                    (c["status_now"], c["status_text_now"]),
                    (c["assessed_on"], c["assessed_precision"]),
                    c["comment"],
                )
                for c in changes
            ]
        )
        self.changes_table.resizeColumnsToContents()
        self.changes_table.setColumnWidth(1, min(self.changes_table.columnWidth(1), 380))
        self.changes_table.resizeRowsToContents()

    def _fill_goals(self, plan: str | None, status: int | None) -> None:
        self.shown_goals = [
            goal
            for goal in self._data["goals"]
            if plan in (None, goal["plan"])
            and status in (None, written_key((goal["status"], goal["status_text"])))
        ]
        indicators = self._data["indicators"]
        self.goal_model.set_rows(
            [
                (
                    g["plan"],
                    g["area"],
                    shorten(g["goal_text"], GOAL_TEXT_LIMIT),
                    (g["status"], shorten(g["status_text"], STATUS_TEXT_LIMIT) or None),
                    (g["assessed_on"], g["assessed_precision"]),
                    shorten(self._comment_and_evaluation(g), COMMENT_LIMIT) or None,
                    indicator_text(indicators.get(g["goal_id"])),
                )
                for g in self.shown_goals
            ]
        )
        self.goal_table.resizeColumnsToContents()
        for column, widest in GOAL_COLUMN_WIDTHS.items():
            self.goal_table.setColumnWidth(column, min(self.goal_table.columnWidth(column), widest))
        # Goal text and comment share what is left and wrap; rows follow their height.
        header = self.goal_table.horizontalHeader()
        for column in (2, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.goal_table.setColumnHidden(0, plan is not None)
        self.goal_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self._show_selected_history()

    def _comment_and_evaluation(self, goal: dict) -> str | None:
        """The comment, and the evaluation's verdict where the table gives one."""
        if not goal["evaluation"]:
            return goal["comment"]
        verdict = self.tr("The evaluation's verdict: %1").replace("%1", goal["evaluation"])
        return "\n".join(part for part in (goal["comment"], verdict) if part)

    def _on_goal_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_selected_history()
        self._update_actions()

    def selected_goal(self) -> dict | None:
        rows = self.goal_table.selectionModel().selectedRows()
        return self.shown_goals[rows[0].row()] if rows else None

    def _show_selected_history(self) -> None:
        # A refresh of the same shape keeps the selection, so the history follows it.
        self._show_history(self.selected_goal())

    def _show_history(self, goal: dict | None) -> None:
        if goal is None:
            self.history_label.setText(self.tr("Choose a goal to see its assessments."))
            self.details_label.hide()
            self.history_model.set_rows([])
            return
        self.details_label.setText(self._details_text(goal))
        self.details_label.show()
        as_of: date = self._data["as_of"]
        history = [
            row
            for row in self._data["history"][goal["goal_id"]]
            if row["assessed_on"] is None or row["assessed_on"] <= as_of
        ]
        self.history_label.setText(
            self.tr("Assessments of: %1").replace("%1", shorten(goal["goal_text"], 400))
        )
        self.history_model.set_rows(
            [
                (
                    (r["assessed_on"], r["assessed_precision"]),
                    (r["status"], r["status_text"]),
                    r["comment"],
                    r["owner"],
                    r["recorded_at"],
                    r["recorded_by"],
                )
                for r in history
            ]
        )
        self.history_table.resizeColumnsToContents()
        # Statuses and comments as written, whole: wrapped in columns of a readable width.
        self.history_table.setColumnWidth(1, min(self.history_table.columnWidth(1), 420))
        self.history_table.setColumnWidth(2, min(self.history_table.columnWidth(2), 520))
        self.history_table.resizeRowsToContents()

    def _details_text(self, goal: dict) -> str:
        """What a planner keeps on the chosen goal: "Måltype: effektmål · Frist: 2022 · …"."""
        parts = [
            (self.tr("Goal type"), goal["goal_type"]),
            (self.tr("Deadline"), goal["deadline"]),
            (self.tr("Responsible"), goal["owner"]),
        ]
        return " · ".join(f"{label}: {value or '–'}" for label, value in parts)

    def select_goal(self, row: int) -> None:
        self.goal_table.selectRow(row)

    def tooltip(self, x: float, y: float) -> str | None:
        hit = self.bars.bar_at(x, y)
        if hit is None:
            return None
        index, label, value = hit
        goals = self.tr("%n goal(s)", "", round(value))
        return f"{self.plan_names_shown()[index]}\n{label}: {goals}"

    def time_tooltip(self, x: float, y: float) -> str | None:
        hit = self.time_bars.bar_at(x, y)
        if hit is None:
            return None
        index, label, value = hit
        goals = self.tr("%n goal(s)", "", round(value))
        return f"{assessed_text(self.time_dates[index])}\n{label}: {goals}"

    def plan_names_shown(self) -> list[str]:
        plan = self.plan_box.currentData()
        return [row.plan for row in self._data["counts"] if plan in (None, row.plan)]

    # Editing the register

    def _update_actions(self) -> None:
        read_only = self.database.read_only
        edit = self._data["last_edit"] if self._data else None
        why_not = self.tr(
            "The database file is read-only for you (its permissions do not let you change "
            "it): the goal register cannot be changed here."
        )
        self.record_action.setEnabled(not read_only and self.selected_goal() is not None)
        self.record_action.setToolTip(
            why_not if read_only else self.tr("Record a new assessment of the chosen goal.")
        )
        self.details_action.setEnabled(not read_only and self.selected_goal() is not None)
        self.details_action.setToolTip(
            why_not
            if read_only
            else self.tr("Deadline, goal type and the figure the chosen goal is tied to.")
        )
        self.new_goal_action.setEnabled(not read_only)
        self.new_goal_action.setToolTip(why_not if read_only else self.tr("Add a goal to a plan."))
        show_undo_state(
            self.undo_action,
            why_not if read_only else None,
            self.undo_description() if edit is not None else None,
            self.tr("Nothing recorded here to undo."),
        )

    def _on_goal_double_clicked(self, _index: QModelIndex) -> None:
        if self.record_action.isEnabled():
            self.open_record_dialog()

    def open_record_dialog(self) -> AssessmentDialog | None:
        """Open the dialog for the chosen goal; accepting it records the assessment."""
        goal = self.selected_goal()
        if goal is None or self.database.read_only:
            return None
        dialog = AssessmentDialog(
            goal["goal_id"],
            goal["goal_text"],
            goal["plan"],
            partial(plan_status_label, self._data["plan_words"].get(goal["plan"], {})),
            goal["owner"],
            parent=self,
        )
        dialog.set_status(goal["status"])
        dialog.accepted.connect(self._on_assessment_accepted)
        return self._open(dialog)

    def _on_assessment_accepted(self) -> None:
        dialog = self.open_dialog
        self.record_assessment(dialog.goal_id, dialog.assessment())

    def open_details_dialog(self) -> GoalDetailsDialog | None:
        """Edit the chosen goal's details; accepting saves them."""
        goal = self.selected_goal()
        if goal is None or self.database.read_only:
            return None
        dialog = GoalDetailsDialog(goal, parent=self)
        dialog.accepted.connect(partial(self._on_details_accepted, goal["goal_id"]))
        return self._open(dialog)

    def _on_details_accepted(self, goal_id: str) -> None:
        self.save_details(goal_id, self.open_dialog.details())

    def save_details(self, goal_id: str, details) -> Job:
        work = partial(
            register.set_goal_details,
            goal_id=goal_id,
            deadline=details.deadline,
            goal_type=details.goal_type,
            indicator=details.indicator,
            comparator=details.comparator,
            target=details.target,
        )
        return self._write(work, self.tr("The goal is saved."), None)

    def open_new_goal_dialog(self) -> NewGoalDialog | None:
        if self.database.read_only:
            return None
        dialog = NewGoalDialog(self.plans, self.plan_box.currentData(), parent=self)
        dialog.accepted.connect(self._on_new_goal_accepted)
        return self._open(dialog)

    def _on_new_goal_accepted(self) -> None:
        self.add_goal(self.open_dialog.new_goal())

    def _open(self, dialog):
        # Window-modal and not blocking: the caller (or a test) gets the dialog back.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open_dialog = dialog
        dialog.open()
        return dialog

    def record_assessment(self, goal_id: str, assessment) -> Job:
        work = partial(
            register.add_assessment,
            goal_id=goal_id,
            assessed_on=assessment.assessed_on,
            status=assessment.status,
            comment=assessment.comment,
            owner=assessment.owner,
        )
        return self._write(work, self.tr("The assessment is saved."), assessment.assessed_on)

    def add_goal(self, new_goal, today: date | None = None) -> Job:
        """Register ``new_goal``; the job's result is its id."""
        registered_on = today or date.today()
        work = partial(
            register.register_goal,
            plan=new_goal.plan,
            goal_text=new_goal.goal_text,
            registered_on=registered_on,
            area=new_goal.area,
        )
        saved = self.tr("The goal is added to «%1».").replace("%1", new_goal.plan)
        return self._write(work, saved, registered_on)

    def undo_description(self) -> str:
        """What undo would take back, from :func:`dashboard.data.goals.last_edit`."""
        edit = self._data["last_edit"]
        if self._data["undo_removes_goal"]:
            what = self.tr("the new goal «%1»").replace("%1", edit["goal_text"])
        else:
            what = (
                self.tr("the assessment of «%1» on %2 (%3)")
                .replace("%1", edit["goal_text"])
                .replace("%2", format_date(edit["assessed_on"]))
                .replace("%3", status_label(edit["status"]))
            )
        return f"{what}, {recorded_text(edit['recorded_at'], edit['recorded_by'])}"

    def ask_undo(self) -> UndoConfirmation | None:
        """Ask before undoing; the answer "Undo" takes the last edit back."""
        if not self.undo_action.isEnabled():
            return None
        return self._open(confirmation(self.undo_description(), self, self.undo))

    def undo(self) -> Job:
        """Take the last edit back; the job's result is the edit, as ``last_edit`` gave it."""
        return self._write(register.undo_last_edit, undone_text(), None)

    def _write(self, change, saved: str, day: date | None) -> Job:
        """Run ``change(con)`` as a writing job; once it succeeds, say so and have every
        view fetched again."""
        job = Job(lambda con, _job: change(con), writes=True)
        job.succeeded.connect(lambda _result: self._written(saved, day))
        job.failed.connect(self._write_failed)
        return self.database.submit(job)

    def _written(self, saved: str, day: date | None) -> None:
        as_of = self._filters.end
        if day is not None and day > as_of:
            saved += " " + self.tr(
                "It applies from %1, after the chosen period ends (%2), so it is not shown."
            ).replace("%1", format_date(day)).replace("%2", format_date(as_of))
        self.show_message(saved)
        self.data_changed.emit()

    def _write_failed(self, error: Exception) -> None:
        self.show_message(self.tr("The change was not saved: %1").replace("%1", error_text(error)))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_since_changed(self, day: QDate) -> None:
        self.since = pydate(day)
        if self._filters is not None:
            self.fetch_requested.emit()

    # Exporting the register

    def ask_export_path(self) -> None:
        target = ask_sheet_path(self, self.tr("Export goal register"), EXPORT_NAME)
        if target is not None:
            self.export_to(target)

    def export_to(self, path: Path) -> Job:
        """Write the register to ``path`` (.xlsx or .csv) on the worker; the job's result is
        the number of assessments written."""
        path = Path(path)
        job = Job(lambda con, _job: export_register(con, path))
        job.succeeded.connect(lambda count: self._exported(count, path))
        job.failed.connect(self._export_failed)
        return self.database.submit(job)

    def _exported(self, count: int, path: Path) -> None:
        self.show_message(
            self.tr("%n assessment(s) exported to %1.", "", count).replace("%1", str(path))
        )

    def _export_failed(self, error: Exception) -> None:
        reason = str(error) if isinstance(error, OSError | ValueError) else error_text(error)
        self.show_message(self.tr("Could not export the register: %1").replace("%1", reason))


if __name__ == "__main__":
    from dashboard.views.app import run_view

    sys.exit(run_view(GoalsView))
