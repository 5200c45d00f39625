"""Reference values and events in the brief: columns beside the headline figures with their
sources as footnotes, and the events of the period listed under the time-series charts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer

from dashboard.brief import norsk
from dashboard.brief.layout import CELL_HEAD, FRAME_WIDTH, SMALL, data_table, text
from dashboard.data.events import Event
from dashboard.data.references import INDICATOR_VALUES, ReferenceTable, ReferenceValue
from dashboard.data.vocabulary import INDICATOR_UNITS, INDICATORS

# Two groups fit beside the headline figures; more go to tables of their own below.
GROUPS_IN_HEADLINE = 2
GROUPS_PER_EXTRA_TABLE = 4
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

# The headline table's rows that show an indicator: label (as printed, ``{after}`` filled
# in) → its key. Hours rows show minutes indicators in hours.
HEADLINE_INDICATORS = {
    "Oppgaver utført": "activities_count",
    "Timer med oppgaver": "activities_minutes",
    "Ø-hjelp (akutt og haster)": "acute_callouts",
    "Andel ø-hjelp med lege": "acute_doctor_share",
    "Turer med bilen {after}": "car_after_22_trips",
    "Timer med bilen {after}": "car_after_22_minutes",
}


def shown_value(value: float | None, unit: str) -> str:
    """An indicator's value as the brief prints it: shares in per cent, minutes in hours."""
    if unit == "share":
        return norsk.percent(value)
    if unit == "minutes":
        return norsk.hours(value)
    if unit in ("km", "per_week"):
        return norsk.number(value, 1)
    return norsk.number(value)


def shown_change(now: float | None, before: float | None, unit: str) -> str:
    if now is None or before is None:
        return norsk.MISSING
    if unit == "share":
        return norsk.signed((now - before) * 100, 1, "pp")
    if unit == "minutes":
        return norsk.signed((now - before) / 60, 1)
    return norsk.signed(now - before, 0 if unit == "count" else 1)


def row_label(indicator: str) -> str:
    """A row of its own for an indicator the headline table does not show."""
    label = INDICATORS[indicator]
    if INDICATOR_UNITS[indicator] == "minutes":
        return label.replace("Minutter", "Timer")
    return label


@dataclass(frozen=True)
class Footnotes:
    """One numbered note per group, period and source, in the order the cells cite them."""

    notes: list[tuple[str, str, str]]

    def mark(self, ref: ReferenceValue) -> str:
        number = self.notes.index(_note_key(ref)) + 1
        return str(number).translate(SUPERSCRIPTS)

    def lines(self) -> list[str]:
        return [
            f"{str(n).translate(SUPERSCRIPTS)} {group}, {period}. Kilde: {source}."
            for n, (group, period, source) in enumerate(self.notes, start=1)
        ]


def _note_key(ref: ReferenceValue) -> tuple[str, str, str]:
    return (ref.group, ref.period_text, ref.source)


def footnotes(table: ReferenceTable, rows: Sequence[tuple], chunks: list[list[str]]) -> Footnotes:
    """Numbered in the order the tables are read: table by table, row by row."""
    keys = [
        _note_key(ref)
        for groups in chunks
        for row in rows
        for group in groups
        if (ref := table.value(row[-1], group)) is not None
    ]
    return Footnotes(list(dict.fromkeys(keys)))


def reference_cell(table: ReferenceTable, notes: Footnotes, indicator: str, group: str) -> str:
    ref = table.value(indicator, group)
    if ref is None:
        return ""
    return f"{shown_value(ref.value, ref.unit)}{norsk.NBSP}{notes.mark(ref)}"


def extra_rows(table: ReferenceTable, now, before) -> list[tuple[str, str, str, str, str]]:
    """Rows for indicators with reference values that the headline table lacks: label,
    this period, the previous period, the change, and the indicator's key."""
    shown = set(HEADLINE_INDICATORS.values())
    rows = []
    for indicator in table.by_indicator:
        if indicator in shown:
            continue
        unit = INDICATOR_UNITS[indicator]
        value_now = INDICATOR_VALUES[indicator](now)
        value_before = INDICATOR_VALUES[indicator](before)
        rows.append(
            (
                row_label(indicator),
                shown_value(value_now, unit),
                shown_value(value_before, unit),
                shown_change(value_now, value_before, unit),
                indicator,
            )
        )
    return rows


def group_chunks(groups: Sequence[str]) -> list[list[str]]:
    """The groups beside the headline figures, then the rest four at a time."""
    first, rest = list(groups[:GROUPS_IN_HEADLINE]), list(groups[GROUPS_IN_HEADLINE:])
    chunks = [first]
    while rest:
        chunks.append(rest[:GROUPS_PER_EXTRA_TABLE])
        rest = rest[GROUPS_PER_EXTRA_TABLE:]
    return chunks


def share_references(content) -> list[tuple[str, float]]:
    """The doctor share's reference values for its chart: the groups beside the headline
    figures, each named with its period and the number of its footnote's source."""
    table: ReferenceTable = content.references
    refs = [table.value("acute_doctor_share", group) for group in table.groups]
    shown = [ref for ref in refs if ref is not None][:GROUPS_IN_HEADLINE]
    return [
        (
            f"{ref.group}, {ref.period_text}: {norsk.percent(ref.value)} (kilde: {ref.source})",
            ref.value,
        )
        for ref in shown
    ]


# --- Events -----------------------------------------------------------------------------


def event_line(number: int, event: Event) -> str:
    return f"{number}. {_event_when(event)}: {event.text}"


def _event_when(event: Event) -> str:
    if not event.is_span:
        return norsk.day(event.start)
    return norsk.period(event.start, event.last_day)


def events_text(events: Sequence[Event], figure: str) -> str:
    """«Hendelser i perioden, nummerert i figur 2: 1. 01.01.2018: Prosjektstart; …»."""
    listed = "; ".join(event_line(n, event) for n, event in enumerate(events, start=1))
    return f"Hendelser i perioden, nummerert i {figure}: {listed}."


# --- The headline table with its reference columns --------------------------------------

NUMBER_WIDTH = 58
LABEL_WIDTH_MIN = 120
GROUP_WIDTH_MAX = 110
CELL_PADDING = 6  # a table cell's left and right padding (layout's table style)


def headline_with_references(
    content, header: list[str], rows: list[tuple], widths: list[float], after: str
) -> Flowable:
    """The headline table as it was when no reference values apply; else with a column per
    group (two at most, the rest in tables below), rows for referenced indicators it lacks,
    and the footnotes naming each value's group, period and source."""
    table: ReferenceTable = content.references
    if not table.groups:
        return data_table(header, rows, widths)
    labelled = [(*row, _indicator_of(row[0], after)) for row in rows]
    labelled += extra_rows(table, content.now, content.before)
    chunks = group_chunks(table.groups)
    notes = footnotes(table, labelled, chunks)
    parts = [_with_groups(header, labelled, chunks[0], table, notes)]
    for chunk in chunks[1:]:
        short = [(row[0], row[1], row[-1]) for row in labelled if _any_value(table, row, chunk)]
        parts += [Spacer(1, 4), _with_groups(header[:2], short, chunk, table, notes)]
    lines = [text(line, SMALL) for line in notes.lines()]
    return KeepTogether([*parts, Spacer(1, 3), *lines])


def _indicator_of(label: str, after: str) -> str | None:
    return next(
        (
            key
            for template, key in HEADLINE_INDICATORS.items()
            if template.format(after=after) == label
        ),
        None,
    )


def _longest_word(heading: str) -> float:
    """The width a group's heading needs so that no word of it is broken across lines."""
    words = heading.split() or [""]
    widest = max(stringWidth(word, CELL_HEAD.fontName, CELL_HEAD.fontSize) for word in words)
    return widest + 2 * CELL_PADDING


def _any_value(table: ReferenceTable, row: tuple, groups: Sequence[str]) -> bool:
    return any(table.value(row[-1], group) for group in groups)


def _with_groups(
    header: Sequence[str],
    rows: Sequence[tuple],
    groups: Sequence[str],
    table: ReferenceTable,
    notes: Footnotes,
):
    own = [NUMBER_WIDTH] * (len(header) - 1)
    room = (FRAME_WIDTH - LABEL_WIDTH_MIN - sum(own)) / len(groups)
    group_widths = [min(max(room, _longest_word(group)), GROUP_WIDTH_MAX) for group in groups]
    label_width = FRAME_WIDTH - sum(own) - sum(group_widths)
    widths = [label_width, *own, *group_widths]
    body = [
        (
            *row[:-1],
            *(reference_cell(table, notes, row[-1], group) if row[-1] else "" for group in groups),
        )
        for row in rows
    ]
    return data_table([*header, *groups], body, widths)
