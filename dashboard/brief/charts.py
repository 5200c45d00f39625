"""Vector charts for the brief, drawn with reportlab's own graphics (no raster images).

A value hidden by the suppression rule is ``None`` here and is not drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.textlabels import NA_Label
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors

from dashboard.brief import norsk
from dashboard.brief.fonts import REGULAR

INK = colors.HexColor("#222222")
GRID = colors.HexColor("#d9d9d9")
PALETTE = (
    colors.HexColor("#1f4e79"),
    colors.HexColor("#d9822b"),
    colors.HexColor("#2e8b57"),
    colors.HexColor("#8c8c8c"),
)
FONT_SIZE = 8
MAX_MONTH_LABELS = 14


def month_labels(months: Sequence[date], grain: str = "month") -> list[str]:
    """Short month (quarter, year) names; with many only every n-th is named so none overlap."""
    step = max(1, -(-len(months) // MAX_MONTH_LABELS))
    return [
        norsk.bucket(m, grain, short=True) if i % step == 0 else "" for i, m in enumerate(months)
    ]


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose default font is the embedded one, not the unembedded Helvetica."""
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR
    drawing.initialFontSize = FONT_SIZE
    return drawing


def _style_value_axis(axis, formatter) -> None:
    axis.valueMin = 0
    axis.labels.fontName = REGULAR
    axis.labels.fontSize = FONT_SIZE
    axis.labels.fillColor = INK
    axis.labelTextFormat = formatter
    axis.visibleGrid = True
    axis.gridStrokeColor = GRID
    axis.gridStrokeWidth = 0.5
    axis.strokeColor = GRID


def _style_category_axis(axis, names: Sequence[str]) -> None:
    axis.categoryNames = list(names)
    axis.labels.fontName = REGULAR
    axis.labels.fontSize = FONT_SIZE
    axis.labels.fillColor = INK
    axis.strokeColor = INK
    axis.strokeWidth = 0.5


def _legend(names: Sequence[str], x: float, y: float, swatch_colors) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName = REGULAR
    legend.fontSize = FONT_SIZE
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 0
    legend.dxTextSpace = 4
    legend.boxAnchor = "sw"
    legend.colorNamePairs = list(zip(swatch_colors, names, strict=True))
    return legend


def _nice_max(values: Sequence[float | None], floor: float = 1.0) -> float:
    """An axis top a little above the largest value, so labels above bars fit."""
    largest = max((v for v in values if v is not None), default=0.0)
    return max(floor, largest * 1.15)


def horizontal_bars(
    labels: Sequence[str],
    values: Sequence[float | None],
    width: float,
    decimals: int = 1,
    unit: str = "t",
) -> Drawing:
    """One bar per label with its value written after it; hidden values say «skjult»."""
    row_height = 22
    height = row_height * len(labels) + 30
    label_room = 190
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_room, 20
    chart.width, chart.height = width - label_room - 40, height - 30
    chart.data = [list(values)]
    chart.bars[0].fillColor = PALETTE[0]
    chart.bars.strokeColor = None
    chart.barLabelFormat = lambda v: f"{norsk.number(v, decimals)}{norsk.NBSP}{unit}"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = FONT_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.naLabel = NA_Label()
    chart.naLabel.text = "skjult"
    chart.naLabel.fontName = REGULAR
    chart.naLabel.fontSize = FONT_SIZE
    chart.naLabel.boxAnchor = "w"
    chart.naLabel.dx = 3
    _style_category_axis(chart.categoryAxis, labels)
    chart.categoryAxis.reverseDirection = True  # first label on top, as in the table
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    _style_value_axis(chart.valueAxis, lambda v: norsk.number(v))
    chart.valueAxis.valueMax = _nice_max(values)
    drawing.add(chart)
    return drawing


def monthly_bars(
    months: Sequence[date],
    series: dict[str, Sequence[int | None]],
    width: float,
    height: float = 190,
    grain: str = "month",
) -> Drawing:
    """Grouped bars per month (or quarter, year), one colour per series, legend above."""
    drawing = _drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 35, 25
    chart.width, chart.height = width - 45, height - 62
    chart.data = [list(values) for values in series.values()]
    for index in range(len(series)):
        chart.bars[index].fillColor = PALETTE[index]
    chart.bars.strokeColor = None
    chart.groupSpacing = 4
    _style_category_axis(chart.categoryAxis, month_labels(months, grain))
    _style_value_axis(chart.valueAxis, lambda v: norsk.number(v))
    all_values = [v for values in series.values() for v in values]
    chart.valueAxis.valueMax = _nice_max(all_values, floor=5)
    drawing.add(chart)
    drawing.add(_legend(list(series), chart.x, height - 18, PALETTE[: len(series)]))
    return drawing


def monthly_share(
    months: Sequence[date],
    shares: Sequence[float | None],
    lows: Sequence[float | None],
    highs: Sequence[float | None],
    width: float,
    grain: str = "month",
    height: float = 190,
) -> Drawing:
    """A share per month (or quarter, year) in per cent with its 95 % confidence band as
    thin dashed lines.

    Drawn from shapes rather than reportlab's line chart, which joins lines across hidden
    months and cannot draw a lone point: here a hidden month leaves a gap.
    """
    drawing = _drawing(width, height)
    left, bottom = 40, 25
    plot_width, plot_height = width - left - 10, height - bottom - 37
    _percent_grid(drawing, left, bottom, plot_width, plot_height)
    band = plot_width / max(1, len(months))
    xs = [left + band * (i + 0.5) for i in range(len(months))]
    for x, label in zip(xs, month_labels(months, grain), strict=True):
        drawing.add(
            String(
                x,
                bottom - 12,
                label,
                fontName=REGULAR,
                fontSize=FONT_SIZE,
                fillColor=INK,
                textAnchor="middle",
            )
        )

    def y_of(share: float) -> float:
        return bottom + plot_height * share

    for values in (lows, highs):
        _polylines(drawing, xs, values, y_of, PALETTE[3], 0.7, (2, 2))
    _polylines(drawing, xs, shares, y_of, PALETTE[0], 1.8, None)
    radius = 2.2 if len(months) <= 24 else 1.2  # a lone month between hidden ones stays visible
    for x, share in zip(xs, shares, strict=True):
        if share is not None:
            drawing.add(Circle(x, y_of(share), radius, fillColor=PALETTE[0], strokeColor=None))
    names = ["Andel med lege", "95 % konfidensintervall"]
    drawing.add(_legend(names, left, height - 18, [PALETTE[0], PALETTE[3]]))
    return drawing


def _percent_grid(drawing: Drawing, left: float, bottom: float, width: float, height: float):
    for percent in range(0, 101, 20):
        y = bottom + height * percent / 100
        colour = INK if percent == 0 else GRID
        drawing.add(Line(left, y, left + width, y, strokeColor=colour, strokeWidth=0.5))
        label = f"{percent}{norsk.NBSP}%"
        drawing.add(
            String(
                left - 4,
                y - 3,
                label,
                fontName=REGULAR,
                fontSize=FONT_SIZE,
                fillColor=INK,
                textAnchor="end",
            )
        )


def _polylines(drawing, xs, values, y_of, colour, stroke_width, dash) -> None:
    """One line per run of consecutive shown months."""
    run: list[float] = []
    for x, value in [*zip(xs, values, strict=True), (None, None)]:
        if value is not None:
            run += [x, y_of(value)]
            continue
        if len(run) >= 4:
            drawing.add(
                PolyLine(run, strokeColor=colour, strokeWidth=stroke_width, strokeDashArray=dash)
            )
        run = []
