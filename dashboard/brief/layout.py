"""The brief's look: A4 page, paragraph styles, tables that split cleanly, page numbers."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from dashboard.brief.fonts import BOLD, ITALIC, REGULAR

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
BOTTOM_MARGIN = 22 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN

NAVY = colors.HexColor("#1f4e79")
LIGHT = colors.HexColor("#eef3f8")
RULE = colors.HexColor("#b7c4d1")
MUTED = colors.HexColor("#555555")

BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=13, spaceAfter=6)
LEAD = ParagraphStyle("lead", parent=BODY, keepWithNext=True)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10.5, spaceAfter=4)
FACT_LABEL = ParagraphStyle("fact_label", parent=SMALL, textColor=MUTED, spaceAfter=0)
NOTE = ParagraphStyle("note", parent=SMALL, textColor=MUTED, fontName=ITALIC)
DEMO = ParagraphStyle(
    "demo", parent=BODY, fontName=BOLD, textColor=colors.HexColor("#9a3412"), spaceAfter=8
)
WARNING = ParagraphStyle("warning", parent=SMALL, textColor=colors.HexColor("#9a3412"))
OVERLINE = ParagraphStyle("overline", parent=BODY, textColor=NAVY, fontSize=10, spaceAfter=2)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName=BOLD, fontSize=22, leading=27, textColor=NAVY, spaceAfter=10
)
HEADING = ParagraphStyle(
    "heading",
    parent=BODY,
    fontName=BOLD,
    fontSize=13.5,
    leading=17,
    textColor=NAVY,
    spaceBefore=12,
    spaceAfter=6,
    keepWithNext=True,
)
SUBHEADING = ParagraphStyle(
    "subheading", parent=HEADING, fontSize=10.5, leading=14, spaceBefore=10, spaceAfter=4
)
# Before a long table a heading must not use keepWithNext: reportlab would then move the
# whole table to the next page. keep_with_table_start keeps it with the first rows instead.
HEADING_LOOSE = ParagraphStyle("heading_loose", parent=HEADING, keepWithNext=False)
SUBHEADING_LOOSE = ParagraphStyle("subheading_loose", parent=SUBHEADING, keepWithNext=False)
TABLE_START_ROOM = 150

CELL = ParagraphStyle("cell", parent=BODY, fontSize=8.5, leading=10.5, spaceAfter=0)
CELL_INDENTED = ParagraphStyle("cell_indented", parent=CELL, leftIndent=10)
CELL_BOLD = ParagraphStyle("cell_bold", parent=CELL, fontName=BOLD)
CELL_HEAD = ParagraphStyle("cell_head", parent=CELL_BOLD, textColor=colors.white)
CELL_HEAD_RIGHT = ParagraphStyle("cell_head_right", parent=CELL_HEAD, alignment=TA_RIGHT)


def text(value: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of plain text: markup characters are escaped."""
    return Paragraph(escape(value), style)


def indented(value: str) -> Paragraph:
    """A table cell set in under a group row, wrapped lines included."""
    return Paragraph(escape(value), CELL_INDENTED)


def markup(value: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph whose caller already escaped what needs it and uses <b>/<i>."""
    return Paragraph(value, style)


def keep_with_table_start(intro: Sequence[Flowable], table: Table) -> list[Flowable]:
    """Intro (in the *_LOOSE styles) and a table that may split across pages.

    They move to a new page only when less than ``TABLE_START_ROOM`` points are left, room
    for the intro and the table's first rows; otherwise the table starts here and splits.
    """
    return [CondPageBreak(TABLE_START_ROOM), *intro, table]


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence],
    widths: Sequence[float],
    numeric_from: int = 1,
    bold_rows: Sequence[int] = (),
) -> Table:
    """A table whose header repeats on every page it spans.

    Columns from ``numeric_from`` on are right-aligned numbers; strings in the other columns
    become paragraphs so long text wraps instead of running past the page edge.
    """
    head = [
        Paragraph(escape(title), CELL_HEAD_RIGHT if i >= numeric_from else CELL_HEAD)
        for i, title in enumerate(header)
    ]
    body = [_cells(row, numeric_from, row_index in bold_rows) for row_index, row in enumerate(rows)]
    table = Table([head, *body], colWidths=list(widths), repeatRows=1)
    table.setStyle(_table_style(len(body), numeric_from, [r + 1 for r in bold_rows]))
    return table


def _cells(row: Sequence, numeric_from: int, bold: bool) -> list:
    cells = []
    for index, value in enumerate(row):
        if isinstance(value, str) and index < numeric_from:
            cells.append(Paragraph(escape(value), CELL_BOLD if bold else CELL))
        else:
            cells.append(value)
    return cells


def _table_style(body_rows: int, numeric_from: int, bold_rows: Sequence[int]) -> TableStyle:
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("LEADING", (0, 0), (-1, -1), 10.5),
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("BACKGROUND", (0, row), (-1, row), LIGHT) for row in range(2, body_rows + 1, 2)]
    for row in bold_rows:
        commands += [
            ("FONTNAME", (0, row), (-1, row), BOLD),
            ("LINEABOVE", (0, row), (-1, row), 0.6, NAVY),
        ]
    return TableStyle(commands)


def page_decorations(footer: str):
    """An ``onPage`` callback drawing the running footer and a thin rule above it."""

    def draw(canvas: Canvas, doc) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, 15 * mm, PAGE_WIDTH - MARGIN, 15 * mm)
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, 10 * mm, footer)
        canvas.restoreState()

    return draw


class NumberedCanvas(Canvas):
    """Holds every page back until the end, then writes «Side x av y» on each."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict] = []

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._draw_page_number(number, total)
            super().showPage()
        super().save()

    def _draw_page_number(self, number: int, total: int) -> None:
        self.saveState()
        self.setFont(REGULAR, 7.5)
        self.setFillColor(MUTED)
        self.drawRightString(PAGE_WIDTH - MARGIN, 10 * mm, f"Side {number} av {total}")
        self.restoreState()
