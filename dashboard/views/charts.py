"""Chart parts every view shares: the panel with its actions, legends, stacked bars, tooltips."""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from dashboard.views.axes import MONTH_SECONDS, LocaleAxis, MonthAxis
from dashboard.views.formatting import month_epoch
from dashboard.views.table_model import Column, FigureTableModel

# Paul Tol's "muted" scheme: categorical colours told apart with every common colour-vision
# deficiency; grey is kept for the remainder.
CATEGORY_COLOURS = (
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
)
REMAINDER_COLOUR = "#BBBBBB"
# Okabe & Ito: a blue/orange pair stays apart for red-green colour-blind readers.
PAIR_COLOURS = ("#0072B2", "#E69F00")

MONTH_BAR_WIDTH = 0.8 * MONTH_SECONDS
INK = "#222222"


@dataclass(frozen=True)
class LegendEntry:
    label: str
    colour: str
    style: str = "box"  # box | line | band | outline | dashed


class ChartLegend(QWidget):
    """A legend beside the plot, so it never hides bars and never gets clipped."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 8, 4, 8)
        self._layout.setSpacing(4)
        self._entries: list[LegendEntry] = []
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)

    def set_entries(self, entries: Sequence[LegendEntry]) -> None:
        if list(entries) == self._entries:
            return
        self._entries = list(entries)
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                # Hidden at once: deleteLater waits for the event loop.
                item.widget().hide()
                item.widget().deleteLater()
        for entry in self._entries:
            self._layout.addWidget(self._row(entry))
        self._layout.addStretch(1)
        self.setVisible(bool(self._entries))

    def labels(self) -> list[str]:
        return [entry.label for entry in self._entries]

    def _row(self, entry: LegendEntry) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        swatch = QLabel(row)
        swatch.setPixmap(_swatch(entry))
        text = QLabel(entry.label, row)
        text.setMaximumWidth(260)
        text.setWordWrap(True)
        layout.addWidget(swatch, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(text, 1)
        return row


def _swatch(entry: LegendEntry) -> QPixmap:
    pixmap = QPixmap(22, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    colour = QColor(entry.colour)
    if entry.style == "line":
        painter.setPen(QPen(colour, 2.5))
        painter.drawLine(1, 7, 21, 7)
    elif entry.style == "band":
        colour.setAlpha(70)
        painter.fillRect(1, 2, 20, 10, colour)
    elif entry.style == "dashed":
        painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        painter.drawLine(1, 7, 21, 7)
    elif entry.style == "outline":
        painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        painter.drawRect(2, 2, 18, 10)
    else:
        painter.fillRect(1, 1, 20, 12, colour)
    painter.end()
    return pixmap


class ChartPanel(QWidget):
    """A chart with its numbers one click away, "Kopier data" and "Eksporter som PNG"."""

    def __init__(self, title: str, chart: QWidget, parent=None):
        super().__init__(parent)
        self.chart = chart
        self.legend = ChartLegend(self)
        self.model = FigureTableModel(parent=self)
        self.table = self._table_view()
        self.empty_label = QLabel(self.tr("No data in the chosen period."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        self.title_label = QLabel(title, self)
        self.title_label.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.copy_button = self._button(self.tr("Copy data"), self.copy_data)
        self.export_button = self._button(self.tr("Export as PNG"), self._ask_png_path)
        self.numbers_button = self._button(self.tr("Show numbers"), self.show_numbers)
        self.numbers_button.setCheckable(True)
        self.chart_page = self._chart_page()
        self._name_for_screen_readers(title)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.chart_page)
        self.pages.addWidget(self.table)
        self._lay_out()

    def _button(self, text: str, slot: Callable) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.clicked.connect(slot)
        return button

    def _table_view(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        return table

    def _chart_page(self) -> QWidget:
        page = QWidget(self)
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.legend, 0)
        return page

    def _lay_out(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        for button in (self.numbers_button, self.copy_button, self.export_button):
            header.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.pages, 1)

    def set_title(self, title: str) -> None:
        self.title_label.setText(title)
        self._name_for_screen_readers(title)

    def _name_for_screen_readers(self, title: str) -> None:
        self.chart.setAccessibleName(title)
        self.table.setAccessibleName(self.tr("Numbers behind: %1").replace("%1", title))

    def set_columns(self, columns: Sequence[Column]) -> None:
        if self.model.columns() != list(columns):
            self.model.set_columns(columns)

    def set_rows(self, rows: Sequence[Sequence[object]]) -> None:
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)

    def show_numbers(self, on: bool) -> None:
        """Switch between the chart and the table of the numbers behind it."""
        self.numbers_button.setChecked(on)
        self.numbers_button.setText(self.tr("Show chart") if on else self.tr("Show numbers"))
        self.pages.setCurrentWidget(self.table if on else self.chart_page)

    def copy_data(self) -> None:
        QApplication.clipboard().setText(self.model.to_tsv())

    def export_png(self, path: Path | str) -> bool:
        """The chart and its legend as a PNG file, whichever page is showing."""
        return self.chart_page.grab().save(str(path), "PNG")

    def _ask_png_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export as PNG"), "", self.tr("PNG images (*.png)")
        )
        if path:
            self.export_png(path if path.lower().endswith(".png") else f"{path}.png")


def plot_widget(left: pg.AxisItem | None = None, bottom: pg.AxisItem | None = None):
    """A white, fixed (no pan/zoom) plot with locale-aware axes, as on paper."""
    axes = {
        "left": left or LocaleAxis(orientation="left"),
        "bottom": bottom or LocaleAxis(orientation="bottom"),
    }
    widget = pg.PlotWidget(background="w", axisItems=axes)
    plot = widget.getPlotItem()
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.showGrid(x=False, y=True, alpha=0.15)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(INK)
        axis.setTextPen(INK)
    widget.setMinimumHeight(220)
    return widget


def month_plot(left_title: str) -> pg.PlotWidget:
    widget = plot_widget(bottom=MonthAxis(orientation="bottom"))
    widget.getPlotItem().setLabel("left", left_title)
    # Every time series can show the events of its period (views call set_events).
    widget.event_marks = EventMarks(widget)
    return widget


def month_positions(months: Sequence[date]) -> np.ndarray:
    return np.array([month_epoch(month) for month in months], dtype=float)


def month_at(months: Sequence[date], x: float) -> int | None:
    """Index of the month whose bar or point is nearest ``x`` (epoch seconds)."""
    if not months:
        return None
    positions = month_positions(months)
    index = int(np.argmin(np.abs(positions - x)))
    return index if abs(positions[index] - x) <= MONTH_SECONDS / 2 else None


class StackedBars:
    """Stacked bars in one plot; the items are made once and refreshed with ``setOpts``.

    Vertical bars stand on ``positions`` along x; horizontal bars lie on them along y.
    """

    def __init__(self, plot: pg.PlotItem, width: float, horizontal: bool = False):
        self.plot = plot
        self.width = width
        self.horizontal = horizontal
        self.items: list[pg.BarGraphItem] = []
        self.layers: list[tuple[str, np.ndarray, np.ndarray]] = []
        self.positions = np.zeros(0)

    def set_layers(
        self, positions: Sequence[float], layers: Sequence[tuple[str, Sequence[float], str]]
    ) -> list[LegendEntry]:
        """``layers`` are (label, height per position, colour), stacked in that order."""
        self.positions = np.asarray(positions, dtype=float)
        bottoms = np.zeros(len(self.positions))
        self.layers = []
        for index, (label, heights, colour) in enumerate(layers):
            heights = np.asarray(heights, dtype=float)
            self._item(index).setOpts(**self._geometry(bottoms, heights), brush=colour)
            self._item(index).show()
            self.layers.append((label, bottoms.copy(), heights))
            bottoms = bottoms + heights
        for item in self.items[len(layers) :]:
            item.hide()
        # The legend reads in the order the eye meets the layers: top-down or left-right.
        ordered = layers if self.horizontal else list(reversed(layers))
        return [LegendEntry(label, colour) for label, _, colour in ordered]

    def _geometry(self, bottoms: np.ndarray, heights: np.ndarray) -> dict:
        if self.horizontal:
            return {"y": self.positions, "height": self.width, "x0": bottoms, "width": heights}
        return {"x": self.positions, "width": self.width, "y0": bottoms, "height": heights}

    def _item(self, index: int) -> pg.BarGraphItem:
        while len(self.items) <= index:
            item = pg.BarGraphItem(**self._geometry(np.zeros(0), np.zeros(0)), pen=pg.mkPen("w"))
            self.plot.addItem(item)
            self.items.append(item)
        return self.items[index]

    def heights(self, label: str) -> list[float]:
        return next(list(h) for name, _, h in self.layers if name == label)

    def bar_at(self, x: float, y: float) -> tuple[int, str, float] | None:
        """(position index, layer label, value) of the bar segment under a point."""
        along, across = (x, y) if self.horizontal else (y, x)
        hits = np.nonzero(np.abs(self.positions - across) <= self.width / 2)[0]
        if len(hits) == 0:
            return None
        index = int(hits[0])
        for label, bottoms, heights in self.layers:
            if heights[index] > 0 and bottoms[index] <= along <= bottoms[index] + heights[index]:
                return index, label, float(heights[index])
        return None


class HoverTip:
    """Shows a tooltip with the exact value under the mouse in a plot.

    A plain object kept by its view, holding the view's lookup weakly: a reference cycle
    through Qt objects crashed Python's garbage collector when a view was collected.
    """

    def __init__(self, widget: pg.PlotWidget, lookup: Callable[[float, float], str | None]):
        self.widget = widget
        self._lookup = weakref.WeakMethod(lookup) if inspect.ismethod(lookup) else lambda: lookup
        widget.scene().sigMouseMoved.connect(self.on_mouse_moved)

    def lookup(self, x: float, y: float) -> str | None:
        function = self._lookup()
        text = function(x, y) if function is not None else None
        marks = getattr(self.widget, "event_marks", None)
        events = marks.text_at(x) if marks is not None else None
        return "\n".join(part for part in (text, events) if part) or None

    def on_mouse_moved(self, scene_pos: QPointF) -> None:
        view_box = self.widget.getPlotItem().getViewBox()
        text = None
        if view_box.sceneBoundingRect().contains(scene_pos):
            point = view_box.mapSceneToView(scene_pos)
            text = self.lookup(point.x(), point.y())
        if text:
            where = self.widget.mapToGlobal(self.widget.mapFromScene(scene_pos))
            QToolTip.showText(where, text, self.widget)
        else:
            QToolTip.hideText()


# --- Events and reference values on charts ----------------------------------------------

EVENT_COLOUR = "#7A4B94"
EVENT_LABEL_CHARS = 18
# Dark, dashed and apart from the data colours: a reference never reads as a series.
REFERENCE_COLOURS = ("#444444", "#CC3311", "#009988", "#EE7733")


def day_position(day: date) -> float:
    """Where a day lies on a month chart, whose bar or point for a month stands at the
    month's start (``month_epoch``) and is one month wide around it."""
    first = day.replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    fraction = (day - first).days / (following - first).days
    return month_epoch(first) + (fraction - 0.5) * MONTH_SECONDS


def short_text(text: str) -> str:
    return text if len(text) <= EVENT_LABEL_CHARS else text[: EVENT_LABEL_CHARS - 1] + "…"


class EventAxis(pg.AxisItem):
    """The axis above a time series: each event's text, shortened, at its place; a label
    that would run into the one before it is left out (its line and hover text stay)."""

    def __init__(self):
        super().__init__(orientation="top")
        self.setStyle(tickLength=0)
        self.setPen(pg.mkPen(None))
        self.setTextPen(EVENT_COLOUR)
        self.labels: list[tuple[float, str]] = []
        self.shown: list[str] = []

    def set_labels(self, labels: list[tuple[float, str]]) -> None:
        self.labels = sorted(labels)
        self.picture = None
        self.update()

    def tickValues(self, minVal, maxVal, size):
        if maxVal <= minVal or not self.labels:
            self.shown = []
            return [(1.0, [])]
        per_unit = size / (maxVal - minVal)
        metrics = QFontMetrics(self.style.get("tickFont") or QApplication.font())
        values, right = [], -float("inf")
        for x, text in self.labels:
            if not minVal <= x <= maxVal:
                continue
            half = metrics.horizontalAdvance(text) / 2 + 4
            pixel = (x - minVal) * per_unit
            if pixel - half >= right and pixel - half >= 0 and pixel + half <= size:
                values.append(x)
                right = pixel + half
        self.shown = [text for x, text in self.labels if x in values]
        return [(1.0, values)]

    def tickStrings(self, values, scale, spacing):
        texts = dict(self.labels)
        return [texts.get(value, "") for value in values]


class EventMarks:
    """The events on a month chart: a dashed line for a day, a shaded band for a span, the
    short text above the plot and the whole text on hover (:class:`HoverTip` asks)."""

    def __init__(self, widget: pg.PlotWidget):
        self.widget = widget
        self.plot = widget.getPlotItem()
        self.axis = EventAxis()
        self.plot.setAxisItems({"top": self.axis})
        self.plot.hideAxis("top")
        self.items: list[pg.GraphicsObject] = []
        self.events: list = []

    def set_events(self, events: Sequence) -> None:
        for item in self.items:
            self.plot.removeItem(item)
        self.items = [self._item(event) for event in events]
        for item in self.items:
            self.plot.addItem(item, ignoreBounds=True)
        self.events = list(events)
        self.axis.set_labels([(self._centre(event), short_text(event.text)) for event in events])
        self.plot.showAxis("top", bool(events))

    @staticmethod
    def _span(event) -> tuple[float, float]:
        start = day_position(event.start)
        return start, day_position(event.last_day) + 86400

    def _centre(self, event) -> float:
        start, end = self._span(event)
        return (start + end) / 2 if event.is_span else start

    def _item(self, event) -> pg.GraphicsObject:
        if event.is_span:
            colour = QColor(EVENT_COLOUR)
            colour.setAlpha(40)
            band = pg.LinearRegionItem(self._span(event), movable=False, brush=colour)
            band.setZValue(5)
            for line in band.lines:
                line.setPen(pg.mkPen(None))
            return band
        pen = pg.mkPen(EVENT_COLOUR, width=1.5, style=Qt.PenStyle.DashLine)
        line = pg.InfiniteLine(day_position(event.start), angle=90, movable=False, pen=pen)
        line.setZValue(5)
        return line

    def text_at(self, x: float) -> str | None:
        """The events at ``x``: inside a band, or within a few pixels of a line."""
        tolerance = 5 * self.plot.getViewBox().viewPixelSize()[0]
        hits = []
        for event in self.events:
            start, end = self._span(event) if event.is_span else (self._centre(event),) * 2
            if start - tolerance <= x <= end + tolerance:
                hits.append(f"{event.when}: {event.text}")
        return "\n".join(hits) or None


class ReferenceLines:
    """Reference values of the chart's indicator as dashed horizontal lines; the legend
    entries name the group, period, value and source."""

    def __init__(self, plot: pg.PlotItem):
        self.plot = plot
        self.lines: list[pg.InfiniteLine] = []

    def set_references(self, references: Sequence, scale: float, describe: Callable) -> list:
        """``scale`` turns a stored value into the chart's unit; ``describe(ref)`` is the
        legend text. Returns the legend entries."""
        for line in self.lines:
            self.plot.removeItem(line)
        self.lines = []
        entries = []
        for ref, colour in zip(references, REFERENCE_COLOURS, strict=False):
            pen = pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine)
            line = pg.InfiniteLine(ref.value * scale, angle=0, movable=False, pen=pen)
            self.plot.addItem(line, ignoreBounds=True)
            self.lines.append(line)
            entries.append(LegendEntry(describe(ref), colour, "dashed"))
        return entries


def event_legend(widget: pg.PlotWidget) -> list[LegendEntry]:
    """A legend entry saying what the event lines and bands are, when a chart has any."""
    if not widget.event_marks.events:
        return []
    text = QCoreApplication.translate("EventMarks", "Event (point at it to read it)")
    return [LegendEntry(text, EVENT_COLOUR, "dashed")]
