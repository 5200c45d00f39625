"""Utrykninger: how often a doctor goes along on acute call-outs, month by month, and who is
sent (preparedness): call-outs per resource and urgency, and the acute ones the car took."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from dashboard.data.capacity import CarAcuteMonth, Preparedness, preparedness
from dashboard.data.events import events_between
from dashboard.data.figures import (
    AcuteMonth,
    CalloutCounts,
    acute_by_month,
    callout_counts,
    callout_months,
)
from dashboard.data.references import references_of
from dashboard.data.values import Filters, months_between
from dashboard.data.vocabulary import URGENCIES
from dashboard.views.base import View
from dashboard.views.charts import (
    CATEGORY_COLOURS,
    MONTH_BAR_WIDTH,
    PAIR_COLOURS,
    ChartPanel,
    HoverTip,
    LegendEntry,
    ReferenceLines,
    StackedBars,
    event_legend,
    month_at,
    month_plot,
    month_positions,
)
from dashboard.views.formatting import format_month, format_number, format_percent
from dashboard.views.reference_text import reference_legend_text
from dashboard.views.table_model import Column


@dataclass(frozen=True)
class ShareSeries:
    """Acute call-outs and those with a doctor, per month with any, for one group."""

    label: str
    points: list[AcuteMonth]

    @property
    def months(self) -> list[date]:
        return [point.month for point in self.points]

    @property
    def acute(self) -> list[int]:
        return [point.acute for point in self.points]

    @property
    def with_doctor(self) -> list[int]:
        return [point.with_doctor for point in self.points]

    def shares(self) -> np.ndarray:
        return np.array([point.share for point in self.points], dtype=float)

    def intervals(self) -> np.ndarray:
        """Rows of (lower, upper) Wilson 95 % bounds."""
        pairs = [point.interval for point in self.points]
        return np.array(pairs, dtype=float).reshape(-1, 2)


class SeriesItems:
    """One line with markers and its interval band; made once, refreshed with setData."""

    def __init__(self, plot: pg.PlotItem, colour: str):
        band_colour = pg.mkColor(colour)
        band_colour.setAlpha(55)
        self.lower = pg.PlotCurveItem(pen=pg.mkPen(None))
        self.upper = pg.PlotCurveItem(pen=pg.mkPen(None))
        self.band = pg.FillBetweenItem(self.lower, self.upper, brush=band_colour)
        self.curve = pg.PlotDataItem(
            pen=pg.mkPen(colour, width=2.5), symbol="o", symbolSize=6, symbolBrush=colour
        )
        for item in (self.lower, self.upper, self.band, self.curve):
            plot.addItem(item)

    def set_series(self, series: ShareSeries | None) -> None:
        for item in (self.lower, self.upper, self.band, self.curve):
            item.setVisible(series is not None and bool(series.months))
        if series is None or not series.months:
            return
        x = month_positions(series.months)
        bounds = series.intervals() * 100
        self.lower.setData(x, bounds[:, 0])
        self.upper.setData(x, bounds[:, 1])
        self.curve.setData(x, series.shares() * 100)


class CalloutsView(View):
    """The monthly share of acute call-outs with a doctor, with a 95 % interval band."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self._data: dict | None = None
        self.series: list[ShareSeries] = []
        self.split_box = QComboBox(self)
        for text, value in (
            (self.tr("All acute call-outs"), "all"),
            (self.tr("By urgency"), "urgency"),
            (self.tr("Staffed or unstaffed hours"), "staffed"),
        ):
            self.split_box.addItem(text, value)
        self.split_box.currentIndexChanged.connect(self._draw)
        self.plot = month_plot(self.tr("Share with doctor (%)"))
        self.plot.getPlotItem().setYRange(0, 100, padding=0.02)
        self.slots = [SeriesItems(self.plot.getPlotItem(), colour) for colour in PAIR_COLOURS]
        self.reference_lines = ReferenceLines(self.plot.getPlotItem())
        self.panel = ChartPanel(self.tr("Acute call-outs with a doctor"), self.plot, self)
        self.summary_labels: dict[str, QLabel] = {}
        self.urgency_box = QComboBox(self)
        self.urgency_box.addItem(self.tr("All urgencies"), None)
        for urgency, text in zip(URGENCIES, self._urgency_names(), strict=True):
            self.urgency_box.addItem(text, urgency)
        self.urgency_box.currentIndexChanged.connect(self._draw_resources)
        self.resource_plot = month_plot(self.tr("Call-outs"))
        self.resource_bars = StackedBars(self.resource_plot.getPlotItem(), MONTH_BAR_WIDTH)
        self.resource_panel = ChartPanel(
            self.tr("Call-outs per month by resource sent"), self.resource_plot, self
        )
        self.resource_months: list[date] = []
        self.car_plot = month_plot(self.tr("Taken by the car (%)"))
        self.car_plot.getPlotItem().setYRange(0, 100, padding=0.02)
        self.car_curve = pg.PlotDataItem(
            pen=pg.mkPen(PAIR_COLOURS[0], width=2.5), symbol="o", symbolSize=6
        )
        self.car_curve.setSymbolBrush(PAIR_COLOURS[0])
        self.car_plot.getPlotItem().addItem(self.car_curve)
        self.car_panel = ChartPanel(
            self.tr("Share of acute call-outs the car took, per month"), self.car_plot, self
        )
        self.car_months: list[CarAcuteMonth] = []
        for panel in (self.resource_panel, self.car_panel):
            panel.title_label.setWordWrap(True)  # side by side, they share the width
        self._tip = HoverTip(self.plot, self.tooltip)
        self._resource_tip = HoverTip(self.resource_plot, self.resource_tooltip)
        self._car_tip = HoverTip(self.car_plot, self.car_tooltip)
        self._lay_out()

    def _urgency_names(self) -> list[str]:
        return [self.tr("Akutt (red)"), self.tr("Haster (yellow)"), self.tr("Vanlig (green)")]

    def _lay_out(self) -> None:
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Split by:"), self))
        controls.addWidget(self.split_box)
        controls.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.panel, 1)
        side = QVBoxLayout()
        side.addWidget(self._summary_box())
        side.addStretch(1)
        body.addLayout(side, 0)
        preparedness_controls = QHBoxLayout()
        preparedness_controls.addWidget(QLabel(self.tr("Urgency:"), self))
        preparedness_controls.addWidget(self.urgency_box)
        preparedness_controls.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(body, 1)
        layout.addLayout(preparedness_controls)
        sent = QHBoxLayout()
        sent.addWidget(self.resource_panel, 3)
        sent.addWidget(self.car_panel, 2)
        layout.addLayout(sent, 1)

    def _summary_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Call-outs in the period"), self)
        form = QFormLayout(box)
        for key, text in (
            ("total", self.tr("All call-outs")),
            ("acute", self.tr("Acute (akutt or haster)")),
            ("acute_with_doctor", self.tr("Acute with a doctor")),
            ("acute_doctor_share", self.tr("Share with a doctor")),
            ("interval", self.tr("95 % interval")),
            ("acute_by_car", self.tr("Acute handled by the car")),
            ("car_share", self.tr("Share handled by the car")),
        ):
            self.summary_labels[key] = QLabel("–", box)
            form.addRow(text, self.summary_labels[key])
        return box

    def title(self) -> str:
        return self.tr("Call-outs")

    def fetch(self, con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
        return {
            "monthly": callout_months(con, filters),
            "months": months_between(filters.start, filters.end),
            "summary": callout_counts(con, filters),
            "preparedness": preparedness(con, filters),
            "events": events_between(con, filters.start, filters.end),
            "references": references_of(con, "acute_doctor_share", filters),
        }

    def present(self, data: dict) -> None:
        self._data = data
        self.plot.event_marks.set_events(data["events"])
        self._show_summary(data["summary"])
        self._show_car_share(data["preparedness"])
        self._draw()
        self._draw_resources()
        self._draw_car_share(data["preparedness"])

    def _draw_car_share(self, sent: Preparedness) -> None:
        """Months with acute call-outs only: a month without any has no share."""
        self.car_months = [month for month in sent.car_acute_months() if month.acute]
        x = month_positions([month.month for month in self.car_months])
        self.car_curve.setData(x, [month.share * 100 for month in self.car_months])
        self.car_plot.getPlotItem().enableAutoRange(x=True)
        self.car_panel.legend.set_entries(
            [LegendEntry(self.tr("Acute call-outs the car took"), PAIR_COLOURS[0], "line")]
        )
        self.car_panel.set_columns(
            [
                Column(self.tr("Month"), "month"),
                Column(self.tr("Acute call-outs"), "number"),
                Column(self.tr("Taken by the car"), "number"),
                Column(self.tr("Taken by the car (%)"), "number", 1),
            ]
        )
        self.car_panel.set_rows(
            [(m.month, m.acute, m.by_car, m.share * 100) for m in self.car_months]
        )

    def car_tooltip(self, x: float, y: float) -> str | None:
        index = month_at([month.month for month in self.car_months], x)
        if index is None:
            return None
        month = self.car_months[index]
        return f"{format_month(month.month)}\n" + self.tr(
            "The car took %1 of %2 acute call-outs (%3)"
        ).replace("%1", format_number(month.by_car)).replace(
            "%2", format_number(month.acute)
        ).replace("%3", format_percent(month.share))

    def _show_car_share(self, sent: Preparedness) -> None:
        self.summary_labels["acute_by_car"].setText(format_number(sent.acute_by_car))
        self.summary_labels["car_share"].setText(format_percent(sent.car_share_of_acute))

    def _resource_name(self, resource: str | None) -> str:
        return resource or self.tr("Not recorded")

    def _draw_resources(self) -> None:
        if self._data is None:
            return
        sent: Preparedness = self._data["preparedness"]
        urgency = self.urgency_box.currentData()
        rows = [row for row in sent.rows if urgency is None or row.urgency == urgency]
        self.resource_months = sorted({row.month for row in rows})
        index = {month: i for i, month in enumerate(self.resource_months)}
        layers = []
        for resource, colour in zip(sent.resources(), CATEGORY_COLOURS, strict=False):
            heights = np.zeros(len(self.resource_months))
            for row in rows:
                if row.resource == resource:
                    heights[index[row.month]] += row.callouts
            layers.append((self._resource_name(resource), heights, colour))
        entries = self.resource_bars.set_layers(month_positions(self.resource_months), layers)
        self.resource_plot.getPlotItem().enableAutoRange()
        self.resource_panel.legend.set_entries(entries)
        self._fill_resource_table(rows)

    def _fill_resource_table(self, rows) -> None:
        urgency_names = dict(zip(URGENCIES, self._urgency_names(), strict=True))
        self.resource_panel.set_columns(
            [
                Column(self.tr("Month"), "month"),
                Column(self.tr("Resource sent"), display=self._resource_name),
                Column(self.tr("Urgency"), display=lambda key: urgency_names.get(key, key)),
                Column(self.tr("Call-outs"), "number"),
            ]
        )
        self.resource_panel.set_rows([(r.month, r.resource, r.urgency, r.callouts) for r in rows])

    def resource_tooltip(self, x: float, y: float) -> str | None:
        hit = self.resource_bars.bar_at(x, y)
        if hit is None:
            return None
        index, label, count = hit
        month = self.resource_months[index]
        car = next(
            (m for m in self._data["preparedness"].car_acute_months() if m.month == month), None
        )
        lines = [format_month(month), f"{label}: {format_number(count)}"]
        if car is not None and car.acute:
            lines.append(
                self.tr("The car took %1 of %2 acute call-outs (%3)")
                .replace("%1", format_number(car.by_car))
                .replace("%2", format_number(car.acute))
                .replace("%3", format_percent(car.share))
            )
        return "\n".join(lines)

    def _show_summary(self, summary: CalloutCounts) -> None:
        for key in ("total", "acute", "acute_with_doctor"):
            self.summary_labels[key].setText(format_number(getattr(summary, key)))
        self.summary_labels["acute_doctor_share"].setText(
            format_percent(summary.acute_doctor_share)
        )
        lower, upper = summary.interval
        self.summary_labels["interval"].setText(self._interval_text(lower, upper))

    @staticmethod
    def _interval_text(lower: float, upper: float) -> str:
        if np.isnan(lower):
            return "–"
        return f"{format_number(lower * 100, 1)}–{format_percent(upper)}"

    def _groups(self, split: str) -> list[tuple[object, str]]:
        if split == "urgency":
            return [("akutt", self.tr("Akutt (red)")), ("haster", self.tr("Haster (yellow)"))]
        if split == "staffed":
            return [(True, self.tr("Staffed hours")), (False, self.tr("Unstaffed hours"))]
        return [("all", self.tr("All acute call-outs"))]

    @staticmethod
    def _group_key(split: str):
        if split == "urgency":
            return lambda row: row.urgency
        if split == "staffed":
            return lambda row: row.staffed
        return lambda row: "all"

    def _build_series(self, split: str) -> list[ShareSeries]:
        group_of = self._group_key(split)
        series = []
        for key, label in self._groups(split):
            months = acute_by_month(
                self._data["monthly"],
                self._data["months"],
                lambda row, key=key: group_of(row) == key,
            )
            series.append(ShareSeries(label, [month for month in months if month.acute]))
        return series

    def _draw(self) -> None:
        if self._data is None:
            return
        self.series = self._build_series(self.split_box.currentData())
        for index, slot in enumerate(self.slots):
            slot.set_series(self.series[index] if index < len(self.series) else None)
        self.plot.getPlotItem().enableAutoRange(x=True)
        references = self.reference_lines.set_references(
            self._data["references"], 100, reference_legend_text
        )
        self.panel.legend.set_entries(self._legend_entries() + references + event_legend(self.plot))
        self._fill_table()

    def _legend_entries(self) -> list[LegendEntry]:
        entries = []
        for series, colour in zip(self.series, PAIR_COLOURS, strict=False):
            entries.append(LegendEntry(series.label, colour, "line"))
            entries.append(LegendEntry(self.tr("95 % interval"), colour, "band"))
        return entries

    def _fill_table(self) -> None:
        self.panel.set_columns(
            [
                Column(self.tr("Month"), "month"),
                Column(self.tr("Group")),
                Column(self.tr("Acute call-outs"), "number"),
                Column(self.tr("With doctor"), "number"),
                Column(self.tr("Share with doctor (%)"), "number", 1),
                Column(self.tr("Lower 95 % (%)"), "number", 1),
                Column(self.tr("Upper 95 % (%)"), "number", 1),
            ]
        )
        rows = []
        for series in self.series:
            bounds = series.intervals() * 100
            for i, month in enumerate(series.months):
                share = series.shares()[i] * 100
                acute, doctor = series.acute[i], series.with_doctor[i]
                rows.append((month, series.label, acute, doctor, share, *bounds[i]))
        self.panel.set_rows(sorted(rows, key=lambda row: row[0]))

    def tooltip(self, x: float, y: float) -> str | None:
        lines = []
        for series in self.series:
            index = month_at(series.months, x)
            if index is None:
                continue
            if not lines:
                lines.append(format_month(series.months[index]))
            lines.append(self._series_line(series, index))
        return "\n".join(lines) or None

    def _series_line(self, series: ShareSeries, index: int) -> str:
        lower, upper = series.intervals()[index]
        return (
            self.tr("%1: %2 (%3 of %4), 95 % interval %5")
            .replace("%1", series.label)
            .replace("%2", format_percent(series.shares()[index]))
            .replace("%3", format_number(series.with_doctor[index]))
            .replace("%4", format_number(series.acute[index]))
            .replace("%5", self._interval_text(lower, upper))
        )


if __name__ == "__main__":
    from dashboard.views.app import run_view

    sys.exit(run_view(CalloutsView))
