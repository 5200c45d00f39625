"""Vector charts for the brief, drawn with reportlab's own graphics (no raster images).

A value hidden by the suppression rule is ``None`` here and is not drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.textlabels import NA_Label
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from dashboard.brief import norsk
from dashboard.brief.fonts import REGULAR
from dashboard.data.events import Event
from dashboard.data.grain import MONTHS_IN, bucket_of
from dashboard.data.values import shift_months

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
    events: Sequence[Event] = (),
) -> Drawing:
    """Grouped bars per month (or quarter, year), one colour per series, with a legend
    above; ``events`` are drawn as numbered lines and bands (see :func:`event_marks`)."""
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
    event_marks(drawing, months, events, (chart.x, chart.y, chart.width, chart.height), grain)
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
    events: Sequence[Event] = (),
    references: Sequence[tuple[str, float]] = (),
) -> Drawing:
    """A share per month (or quarter, year) in per cent with its 95 % confidence band as
    thin dashed lines; ``events`` as numbered lines and bands (see :func:`event_marks`);
    ``references`` (legend text, share) as dashed levels, named in a second legend row.

    Drawn from shapes rather than reportlab's line chart, which joins lines across hidden
    months and cannot draw a lone point: here a hidden month leaves a gap.
    """
    room = REFERENCE_ROW * len(references[: len(REFERENCE_INK)])
    height += room
    drawing = _drawing(width, height)
    left, bottom = 40, 25
    plot_width, plot_height = width - left - 10, height - bottom - 37 - room
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
    event_marks(drawing, months, events, (left, bottom, plot_width, plot_height), grain)
    names = ["Andel med lege", "95 % konfidensintervall"]
    drawing.add(_legend(names, left, height - 18, [PALETTE[0], PALETTE[3]]))
    reference_levels(drawing, references, (left, bottom, plot_width, plot_height), height - 20)
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


# --- Events on a monthly chart ----------------------------------------------------------

EVENT_INK = colors.HexColor("#7a4b94")
EVENT_BAND = colors.Color(0.48, 0.29, 0.58, alpha=0.13)
EVENT_FONT_SIZE = 6.5
EVENT_GAP = 2


def event_x(
    buckets: Sequence[date], day: date, left: float, width: float, grain: str = "month"
) -> float:
    """Where the start of ``day`` falls on a chart of one band per month (quarter, year);
    the chart's edges for a day before or after its buckets."""
    step = MONTHS_IN[grain]
    first, after = buckets[0], shift_months(buckets[-1], step)
    if day <= first:
        return left
    if day >= after:
        return left + width
    bucket = bucket_of(day, grain)
    fraction = (day - bucket).days / (shift_months(bucket, step) - bucket).days
    return left + width * (buckets.index(bucket) + fraction) / len(buckets)


def event_marks(
    drawing: Drawing,
    months: Sequence[date],
    events: Sequence[Event],
    plot: tuple,
    grain: str = "month",
) -> None:
    """Each event as a dashed line (a day) or a shaded band (a span) across the plot, and
    its number just above the plot; numbers too close to part are joined («3–4»), so none
    overlaps another or the data. The brief lists the numbers below the figure."""
    left, bottom, width, height = plot
    if not months:
        return
    labels = []
    for number, event in enumerate(events, start=1):
        x = event_x(months, event.start, left, width, grain)
        if event.is_span:
            x_end = event_x(months, event.last_day + timedelta(days=1), left, width, grain)
            band = Rect(x, bottom, max(1.0, x_end - x), height, fillColor=EVENT_BAND)
            band.strokeColor = None
            drawing.add(band)
            x = (x + x_end) / 2
        else:
            line = Line(x, bottom, x, bottom + height, strokeColor=EVENT_INK, strokeWidth=0.6)
            line.strokeDashArray = (2, 1.5)
            drawing.add(line)
        labels.append((x, number))
    for x, label in _joined_labels(labels):
        drawing.add(
            String(
                x,
                bottom + height + 2,
                label,
                fontName=REGULAR,
                fontSize=EVENT_FONT_SIZE,
                fillColor=EVENT_INK,
                textAnchor="middle",
            )
        )


def _joined_labels(labels: list[tuple[float, int]]) -> list[tuple[float, str]]:
    """Numbers at their x; a number that would touch the one before joins it («3–5»)."""
    groups: list[list[tuple[float, int]]] = []
    for x, number in sorted(labels):
        if groups and x - _right_edge(groups[-1]) < EVENT_GAP + _half_width(str(number)):
            groups[-1].append((x, number))
        else:
            groups.append([(x, number)])
    return [(_centre(group), _label(group)) for group in groups]


def _label(group: list[tuple[float, int]]) -> str:
    numbers = sorted(number for _, number in group)
    return str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"


def _centre(group: list[tuple[float, int]]) -> float:
    return (group[0][0] + group[-1][0]) / 2


def _half_width(label: str) -> float:
    return stringWidth(label, REGULAR, EVENT_FONT_SIZE) / 2


def _right_edge(group: list[tuple[float, int]]) -> float:
    return _centre(group) + _half_width(_label(group))


# --- Reference values on a share chart --------------------------------------------------

REFERENCE_ROW = 14
REFERENCE_INK = (colors.HexColor("#444444"), colors.HexColor("#cc3311"))


def reference_levels(
    drawing: Drawing, references: Sequence[tuple[str, float]], plot: tuple, legend_top: float
) -> None:
    """Each reference share (two at most) as a dashed level across the plot, named one
    under the other below ``legend_top``."""
    left, bottom, width, height = plot
    shown = list(references)[: len(REFERENCE_INK)]
    for (_, share), colour in zip(shown, REFERENCE_INK, strict=False):
        y = bottom + height * share
        level = Line(left, y, left + width, y, strokeColor=colour, strokeWidth=1.1)
        level.strokeDashArray = (5, 3)
        drawing.add(level)
    if shown:
        names = [_fitted(name, width - 20) for name, _ in shown]
        legend = _legend(names, left, legend_top - REFERENCE_ROW * len(shown), REFERENCE_INK)
        legend.colorNamePairs = list(zip(REFERENCE_INK, names, strict=False))
        legend.columnMaximum = len(shown)
        legend.deltay = REFERENCE_ROW
        drawing.add(legend)


def _fitted(text: str, width: float) -> str:
    """``text`` cut with «…» to fit ``width`` (the full source is in the table's footnote)."""
    while len(text) > 1 and stringWidth(text, REGULAR, FONT_SIZE) > width:
        text = text[:-2] + "…"
    return text
