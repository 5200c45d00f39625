"""Gevinster: what the car's tasks led to, how far it drove, and what that is worth.

Outcomes (Utfall) per month and per requesting service or subproject, the share of tasks
with an outcome recorded, kilometres per subproject, owner and municipality, and the value
of the outcomes under the user's benefit model, always as an estimate beside its
assumptions; with no benefit model, counts only and where to set one. The outcomes are set
beside those of the comparison the filter bar chose, named as the overview names it; with
no comparison there is no such column or line.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from datetime import date
from functools import partial

import duckdb
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dashboard.data.benefits import BenefitEstimate, estimate
from dashboard.data.gains import Gains, KmRow, OutcomeCell, count_of, gains
from dashboard.data.values import BenefitModel, Filters
from dashboard.data.vocabulary import AVOIDED_ADMISSION, OUTCOMES, SUBPROJECTS
from dashboard.views.base import Fetch, View
from dashboard.views.benefit_model_panel import BenefitModelDialog, kroner_text
from dashboard.views.charts import (
    MONTH_BAR_WIDTH,
    ChartPanel,
    HoverTip,
    StackedBars,
    month_plot,
    month_positions,
)
from dashboard.views.cost_model_panel import owner_name
from dashboard.views.filter_bar import COMPARISON_CHOICES
from dashboard.views.formatting import format_month, format_number, format_percent
from dashboard.views.overview_view import CHANGE_TEXTS, comparison_text
from dashboard.views.table_model import Column, FigureTableModel

# Okabe & Ito, told apart with every common colour-vision deficiency; grey: not recorded.
OUTCOME_COLOURS = dict(zip(OUTCOMES, ("#0072B2", "#009E73", "#D55E00", "#E69F00"), strict=True))
OTHER_COLOUR = "#CC79A7"
NOT_RECORDED_COLOUR = "#BBBBBB"
OTHER = "other"


def gains_figures(
    con: duckdb.DuckDBPyConnection, filters: Filters, owners: dict[str, str], model: BenefitModel
) -> dict:
    """What the view shows, on the worker: the gains and their value under ``model``."""
    found = gains(con, filters, owners)
    return {"gains": found, "model": model, "estimate": estimate(model, found.outcomes)}


def _column_of(outcome: str | None) -> str | None:
    """The vocabulary's outcomes get a column each; others share one; None: not recorded."""
    if outcome is None:
        return None
    return outcome if outcome in OUTCOMES else OTHER


def _bold(label: QLabel, factor: float = 1.0) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    label.setFont(font)
    return label


class FactBox(QFrame):
    """A key figure: a title, the figure, and a line saying what it is compared with."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.value = _bold(QLabel("–", self), 1.8)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        for widget in (self.title, self.value, self.detail):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_fact(self, title: str, value: str, detail: str) -> None:
        """``detail`` empty: the line is left out."""
        self.title.setText(title)
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(f"{title}: {value}")


def _table_view(parent: QWidget, model: FigureTableModel) -> QTableView:
    """A read-only table whose wrapped rows grow or shrink with their columns."""
    table = QTableView(parent)
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.sectionResized.connect(lambda *_: table.resizeRowsToContents())
    return table


class GainsView(View):
    """Outcomes, kilometres and their value for the chosen period."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.data: dict | None = None
        self.months: list[date] = []
        self.heading = _bold(QLabel(self), 1.5)
        self.period_label = QLabel(self)
        self.period_label.setWordWrap(True)
        self.facts = {key: FactBox(self) for key in ("avoided", "treated", "coverage", "value")}
        self.outcome_model = FigureTableModel(parent=self)
        self.outcome_table = _table_view(self, self.outcome_model)
        self.month_plot = month_plot(self.tr("Tasks"))
        self.month_bars = StackedBars(self.month_plot.getPlotItem(), MONTH_BAR_WIDTH)
        self.month_panel = ChartPanel(self.tr("Outcomes per month"), self.month_plot, self)
        self._tips = [HoverTip(self.month_plot, self.month_tooltip)]
        self.split_box = self._combo(
            [(self.tr("Requesting service"), "service"), (self.tr("Subproject"), "subproject")]
        )
        self.measure_box = self._combo(
            [(self.tr("Number of tasks"), "count"), (self.tr("Hours"), "hours")]
        )
        self.group_model = FigureTableModel(parent=self)
        self.group_table = _table_view(self, self.group_model)
        self.km_models = {key: FigureTableModel(parent=self) for key in ("sub", "owner", "mun")}
        self.km_tables = {key: _table_view(self, model) for key, model in self.km_models.items()}
        self.km_total = QLabel(self)
        self.value_title = _bold(QLabel(self), 1.1)
        self.value_model = FigureTableModel(parent=self)
        self.value_table = _table_view(self, self.value_model)
        self.assumptions_title = _bold(QLabel(self.tr("What the estimate assumes"), self))
        self.value_text = QLabel(self)
        self.value_text.setWordWrap(True)
        self.value_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value_button = QPushButton(self)
        self.value_button.clicked.connect(self.open_benefit_model)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._outcomes_page(), self.tr("Outcomes over time"))
        self.tabs.addTab(self._groups_page(), self.tr("By service or subproject"))
        self.tabs.addTab(self._km_page(), self.tr("Kilometres"))
        self.tabs.addTab(self._value_page(), self.tr("Valuation"))
        self._lay_out()

    def _combo(self, choices: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox(self)
        for text, value in choices:
            box.addItem(text, value)
        box.currentIndexChanged.connect(self._fill_groups)
        return box

    def _lay_out(self) -> None:
        strip = QHBoxLayout()
        for box in self.facts.values():
            strip.addWidget(box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.period_label)
        layout.addLayout(strip)
        layout.addWidget(self.tabs, 1)

    def _outcomes_page(self) -> QWidget:
        page = QWidget(self)
        left = QVBoxLayout()
        left.addWidget(_bold(QLabel(self.tr("Outcomes in the period"), page)))
        left.addWidget(self.outcome_table, 1)
        layout = QHBoxLayout(page)
        layout.addLayout(left, 2)
        layout.addWidget(self.month_panel, 3)
        return page

    def _groups_page(self) -> QWidget:
        page = QWidget(self)
        controls = QHBoxLayout()
        for label, box in (
            (self.tr("Split by:"), self.split_box),
            (self.tr("Show:"), self.measure_box),
        ):
            controls.addWidget(QLabel(label, page))
            controls.addWidget(box)
            controls.addSpacing(12)
        controls.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(controls)
        layout.addWidget(self.group_table, 1)
        return page

    def _km_page(self) -> QWidget:
        page = QWidget(self)
        grid = QGridLayout()
        titles = {
            "sub": self.tr("Per subproject"),
            "owner": self.tr("Per owner of the requesting service"),
            "mun": self.tr("Per municipality"),
        }
        for column, (key, title) in enumerate(titles.items()):
            grid.addWidget(_bold(QLabel(title, page)), 0, column)
            grid.addWidget(self.km_tables[key], 1, column)
            grid.setColumnStretch(column, 3 if key == "sub" else 2)
        layout = QVBoxLayout(page)
        layout.addWidget(self.km_total)
        layout.addLayout(grid, 1)
        return page

    def _value_page(self) -> QWidget:
        page = QWidget(self)
        button_row = QHBoxLayout()
        button_row.addWidget(self.value_button)
        button_row.addStretch(1)
        self.value_layout = QVBoxLayout(page)
        self.value_layout.addWidget(self.value_title)
        self.value_layout.addWidget(self.value_table, 1)
        self.value_layout.addWidget(self.assumptions_title)
        self.value_layout.addWidget(self.value_text)
        self.value_layout.addLayout(button_row)
        # Takes the room the table leaves when there is none, so the text stays at the top.
        self.value_layout.addStretch(0)
        return page

    def title(self) -> str:
        return self.tr("Gains")

    def fetcher(self, filters: Filters) -> Fetch:
        owners = self.prefs.cost_model.owner_by_service  # read here, on the GUI thread
        model = self.prefs.benefit_model
        return partial(gains_figures, filters=filters, owners=owners, model=model)

    def present(self, data: dict) -> None:
        self.data = data
        found: Gains = data["gains"]
        self.heading.setText(self.title())
        about = self.tr(
            "What the car's tasks led to, as the activity log records each task's outcome."
        )
        self.period_label.setText(f"{comparison_text(found.filters, found.previous)}\n{about}")
        self._show_facts(found, data["estimate"])
        self._fill_outcomes(found)
        self._draw_months(found.by_month)
        self._fill_groups()
        self._fill_km(found)
        self._show_value(data["estimate"])

    # --- Key figures --------------------------------------------------------------------

    def _previous_text(self, found: Gains, outcome: str) -> str:
        """The count of ``outcome`` in the comparison period, named as the overview's cards
        name it; empty without a comparison."""
        if found.previous is None:
            return ""
        texts = CHANGE_TEXTS[found.filters.compare.kind]
        if not found.previous_coverage.tasks:
            return QCoreApplication.translate("MetricCard", texts[3])
        count = format_number(count_of(found.previous_outcomes, outcome))
        return QCoreApplication.translate("MetricCard", texts[2]).replace("%1", count)

    def _show_facts(self, found: Gains, valued: BenefitEstimate) -> None:
        self.facts["avoided"].show_fact(
            self.tr("Admissions avoided"),
            format_number(found.avoided_admissions),
            self._previous_text(found, AVOIDED_ADMISSION),
        )
        treated = OUTCOMES[1]
        self.facts["treated"].show_fact(
            self.tr("Treated on the spot"),
            format_number(count_of(found.outcomes, treated)),
            self._previous_text(found, treated),
        )
        coverage = found.coverage
        self.facts["coverage"].show_fact(
            self.tr("Tasks with an outcome recorded"),
            format_percent(coverage.share, 0),
            self.tr("%1 of %2 tasks; the counts above include only these")
            .replace("%1", format_number(coverage.recorded))
            .replace("%2", format_number(coverage.tasks)),
        )
        if valued.is_set:
            self.facts["value"].show_fact(
                self.tr("Estimated value (estimate)"),
                kroner_text(valued.total),
                self.tr("Under the unit values set; assumptions under Valuation"),
            )
        else:
            self.facts["value"].show_fact(
                self.tr("Value"),
                self.tr("Not valued"),
                self.tr("No valuation is set: counts only. Set unit values under Valuation."),
            )

    # --- Outcomes -------------------------------------------------------------------------

    def outcome_name(self, outcome: str | None) -> str:
        if outcome is None:
            return self.tr("Not recorded")
        return self.tr("Other outcomes") if outcome == OTHER else outcome

    def _fill_outcomes(self, found: Gains) -> None:
        """Tasks and hours per outcome, and the tasks in the comparison period when there
        is one."""
        before = {row.outcome: row.count for row in found.previous_outcomes or []}
        rows = [
            (
                self.outcome_name(row.outcome),
                row.count,
                row.minutes / 60,
                before.get(row.outcome, 0),
            )
            for row in sorted(found.outcomes, key=lambda row: row.outcome is None)
        ]
        total = found.coverage.tasks, sum(r.minutes for r in found.outcomes) / 60
        before_total = found.previous_coverage.tasks if found.previous_coverage else 0
        rows.append((self.tr("All tasks"), *total, before_total))
        columns = [
            Column(self.tr("Outcome")),
            Column(self.tr("Tasks"), "number"),
            Column(self.tr("Hours"), "number", 1),
        ]
        if found.previous is None:
            rows = [row[:-1] for row in rows]
        else:
            columns.append(Column(self._comparison_title(found), "number"))
        self.outcome_model.set_columns(columns)
        self.outcome_model.set_rows(rows)
        self.outcome_table.resizeRowsToContents()

    @staticmethod
    def _comparison_title(found: Gains) -> str:
        """The comparison as the filter bar names it: Previous period, Same period last
        year, Baseline."""
        label = COMPARISON_CHOICES[found.filters.compare.kind]
        return QCoreApplication.translate("FilterBar", label).rstrip("…")

    def _layer_order(self, cells: list[OutcomeCell]) -> list[str | None]:
        present = {_column_of(cell.outcome) for cell in cells}
        return [key for key in (*OUTCOMES, OTHER, None) if key in present]

    def _draw_months(self, cells: list[OutcomeCell]) -> None:
        self.months = sorted({cell.group for cell in cells})
        counts: dict[str | None, dict[date, int]] = defaultdict(lambda: defaultdict(int))
        for cell in cells:
            counts[_column_of(cell.outcome)][cell.group] += cell.count
        colours = {**OUTCOME_COLOURS, OTHER: OTHER_COLOUR, None: NOT_RECORDED_COLOUR}
        layers = [
            (self.outcome_name(key), [counts[key][m] for m in self.months], colours[key])
            for key in self._layer_order(cells)
        ]
        entries = self.month_bars.set_layers(month_positions(self.months), layers)
        self.month_plot.getPlotItem().enableAutoRange()
        self.month_panel.legend.set_entries(entries)
        self.month_panel.set_columns(
            [
                Column(self.tr("Month"), "month"),
                Column(self.tr("Outcome")),
                Column(self.tr("Tasks"), "number"),
                Column(self.tr("Hours"), "number", 1),
            ]
        )
        self.month_panel.set_rows(
            [(c.group, self.outcome_name(c.outcome), c.count, c.minutes / 60) for c in cells]
        )

    def month_tooltip(self, x: float, y: float) -> str | None:
        hit = self.month_bars.bar_at(x, y)
        if hit is None:
            return None
        index, label, value = hit
        tasks = self.tr("%n task(s)", "", round(value))
        return f"{format_month(self.months[index])}\n{label}: {tasks}"

    # --- By service or subproject ---------------------------------------------------------

    def _group_name(self, group: int | str) -> str:
        if isinstance(group, int):
            return f"{group} {SUBPROJECTS[group]}"
        return group

    def _fill_groups(self) -> None:
        if self.data is None:
            return
        found: Gains = self.data["gains"]
        cells = (
            found.by_service if self.split_box.currentData() == "service" else found.by_subproject
        )
        hours = self.measure_box.currentData() == "hours"
        keys = self._layer_order(cells)
        table: dict[int | str, dict[str | None, float]] = defaultdict(lambda: defaultdict(float))
        for cell in cells:
            table[cell.group][_column_of(cell.outcome)] += (
                cell.minutes / 60 if hours else cell.count
            )
        decimals = 1 if hours else 0
        self.group_model.set_columns(
            [
                Column(self.split_box.currentText()),
                *(Column(self.outcome_name(key), "number", decimals) for key in keys),
                Column(self.tr("All tasks"), "number", decimals),
                Column(self.tr("Outcome recorded"), display=lambda v: format_percent(v, 0)),
            ]
        )
        self.group_model.set_rows([self._group_row(g, table[g], keys) for g in sorted(table)])

    def _group_row(self, group, values: dict[str | None, float], keys: list) -> tuple:
        total = sum(values.values())
        recorded = total - values.get(None, 0)
        return (
            self._group_name(group),
            *(values.get(key, 0) for key in keys),
            total,
            recorded / total if total else None,
        )

    # --- Kilometres -----------------------------------------------------------------------

    def _fill_km(self, found: Gains) -> None:
        km = found.km
        self.km_total.setText(
            self.tr("%1 km on tasks in the period, from the activity log's Km column.").replace(
                "%1", format_number(km.total, 1)
            )
        )
        names = {
            "sub": lambda n: f"{n} {SUBPROJECTS[n]}",
            "owner": owner_name,
            "mun": lambda m: m or self.tr("Not given"),
        }
        rows = {"sub": km.by_subproject, "owner": km.by_owner, "mun": km.by_municipality}
        titles = {
            "sub": self.tr("Subproject"),
            "owner": self.tr("Owner"),
            "mun": self.tr("Municipality"),
        }
        for key, model in self.km_models.items():
            model.set_columns(
                [
                    Column(titles[key], display=names[key]),
                    Column(self.tr("Km"), "number", 1),
                    Column(self.tr("Tasks"), "number"),
                ]
            )
            model.set_rows(self._km_rows(rows[key]))
            # The name column takes the room; the numbers stay beside it, not far right.
            header = self.km_tables[key].horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _km_rows(self, rows: list[KmRow]) -> list[tuple]:
        return [(row.group, row.km, row.tasks) for row in rows]

    # --- Valuation ------------------------------------------------------------------------

    def _show_value(self, valued: BenefitEstimate) -> None:
        self.value_table.setVisible(valued.is_set)
        self.assumptions_title.setVisible(valued.is_set)
        self.value_layout.setStretch(self.value_layout.count() - 1, 0 if valued.is_set else 1)
        if not valued.is_set:
            self.value_title.setText(self.tr("No valuation is set"))
            self.value_text.setText(
                self.tr(
                    "The gains are shown as counts only. To show what they are worth, set "
                    "unit values with their sources (kroner per avoided admission, per "
                    "avoided ambulance transport …) under Cost sharing → Benefit model, or "
                    "here. Anything computed from them is shown as an estimate, with its "
                    "assumptions."
                )
            )
            self.value_button.setText(self.tr("Set unit values…"))
            return
        self.value_title.setText(
            self.tr("Estimated value: %1 (estimate)").replace("%1", kroner_text(valued.total))
        )
        self.value_model.set_columns(
            [
                Column(self.tr("Unit value")),
                Column(self.tr("Counts the outcomes")),
                Column(self.tr("Tasks"), "number"),
                Column(self.tr("Kroner per task"), "number", display=kroner_text),
                Column(self.tr("Estimate"), "number", display=kroner_text),
                Column(self.tr("Source")),
            ]
        )
        self.value_model.set_rows(
            [
                (
                    line.value.name,
                    ", ".join(line.value.outcomes),
                    line.count,
                    line.value.kroner,
                    line.amount,
                    line.value.source,
                )
                for line in valued.lines
            ]
        )
        self.value_table.resizeRowsToContents()
        self.value_text.setText("\n".join(f"• {text}" for text in self.assumptions(valued)))
        self.value_button.setText(self.tr("Edit unit values…"))

    def assumptions(self, valued: BenefitEstimate) -> list[str]:
        """What the estimate assumes, in sentences printed beside it."""
        coverage = valued.coverage
        texts = [
            self.tr(
                "An estimate, not a measured saving: the number of tasks with each outcome "
                "times the unit value set for it, with the sources named in the table."
            ),
            self.tr(
                "Only tasks with an outcome recorded count: %1 of %2 tasks (%3). Tasks "
                "without one add nothing."
            )
            .replace("%1", format_number(coverage.recorded))
            .replace("%2", format_number(coverage.tasks))
            .replace("%3", format_percent(coverage.share, 0)),
            self.tr(
                "Every task with a valued outcome is assumed to have spared what the unit "
                "value prices (an admission, a transport), once."
            ),
        ]
        for outcome, names in valued.counted_twice:
            texts.append(
                self.tr("Tasks with the outcome «%1» count in each of: %2.")
                .replace("%1", outcome)
                .replace("%2", ", ".join(names))
            )
        if valued.not_valued:
            texts.append(self.tr("Not valued: %1.").replace("%1", ", ".join(valued.not_valued)))
        return texts

    def open_benefit_model(self) -> BenefitModelDialog:
        outcomes = (
            [row.outcome for row in self.data["gains"].outcomes if row.outcome] if self.data else []
        )
        dialog = BenefitModelDialog(outcomes, self)
        dialog.panel.changed.connect(self.data_changed)
        dialog.open()
        return dialog


if __name__ == "__main__":
    from dashboard.views.app import run_view

    sys.exit(run_view(GainsView))
