"""The key figures per quarter or year of a long period, each against the quarter or year
before: on the first page, where a brief for 2018–2026 otherwise compares with 2009–2017,
years that hold no data."""

from __future__ import annotations

from datetime import date, timedelta

from reportlab.platypus import Table

from dashboard.brief import norsk
from dashboard.brief.content import BriefContent
from dashboard.brief.layout import (
    FRAME_WIDTH,
    HEADING_LOOSE,
    NOTE,
    data_table,
    keep_with_table_start,
    text,
)
from dashboard.brief.privacy import Mark, count_text, protect_group
from dashboard.brief.sections import after_hours_label
from dashboard.data.figures import Headline
from dashboard.data.grain import MONTHS_IN, bucket_before
from dashboard.data.values import shift_months

HEADINGS = {"quarter": "Nøkkeltall per kvartal", "year": "Nøkkeltall per år"}
BEFORE = {"quarter": "kvartalet før", "year": "året før"}
COUNTED = ("tasks", "acute", "late_trips")


def grain_section(content: BriefContent) -> list:
    """Nothing for a monthly brief: its months are in the sections' tables."""
    if content.grain == "month":
        return []
    caption = (
        f"Endring er fra {BEFORE[content.grain]}; «{norsk.MISSING}» der det ikke finnes et helt "
        f"{norsk.GRAIN_NOUNS[content.grain]} å sammenligne med. pp = prosentpoeng."
    )
    if _incomplete(content, content.buckets[-1]):
        last = min(content.filters.end, content.freshness.latest_record or content.filters.end)
        caption += (
            f" * Ufullstendig {norsk.GRAIN_NOUNS[content.grain]}: tall til og med "
            f"{norsk.day(last)}, uten endring."
        )
    heading = [text(HEADINGS[content.grain], HEADING_LOOSE)]
    return [*keep_with_table_start(heading, _table(content)), text(caption, NOTE)]


def _table(content: BriefContent) -> Table:
    rows_of = [content.by_bucket.get(bucket, Headline()) for bucket in content.buckets]
    marks = {
        key: protect_group([row.value(key) for row in rows_of], content.threshold)[0]
        for key in COUNTED
    }
    rows = [
        _row(content, bucket, {key: marks[key][index] for key in COUNTED})
        for index, bucket in enumerate(content.buckets)
    ]
    header = [
        norsk.GRAIN_WORDS[content.grain],
        "Oppgaver",
        "Endring",
        "Ø-hjelp",
        "Andel med lege",
        "Endring",
        f"Turer {after_hours_label(content)}",
        "Endring",
    ]
    widths = [62, 50, 50, 58, 56, 62, 50]
    return data_table(header, rows, [FRAME_WIDTH - sum(widths), *widths])


def _row(content: BriefContent, bucket: date, marks: dict[str, Mark]) -> tuple:
    now = content.by_bucket.get(bucket, Headline())
    incomplete = _incomplete(content, bucket)
    before = None if incomplete else _before(content, bucket)
    threshold = content.threshold

    def count(key: str) -> str:
        return count_text(now.value(key), marks[key], threshold)

    def change(key: str) -> str:
        hidden = marks[key].hidden or before is None
        return norsk.MISSING if hidden else norsk.signed(now.value(key) - before.value(key))

    share, share_before = now.value("doctor_share"), before and before.value("doctor_share")
    share_change = None if share is None or share_before is None else (share - share_before)
    hidden_share = marks["acute"].hidden
    return (
        norsk.bucket(bucket, content.grain) + ("*" if incomplete else ""),
        count("tasks"),
        change("tasks"),
        count("acute"),
        norsk.MISSING if hidden_share else norsk.percent(share),
        norsk.MISSING if hidden_share else norsk.signed(_points(share_change), 1, "pp"),
        count("late_trips"),
        change("late_trips"),
    )


def _before(content: BriefContent, bucket: date) -> Headline | None:
    """The bucket before, if it is a whole one with data: a period starting mid-year has
    no whole year before its first row, nor has the year the data began in mid-year."""
    earlier = bucket_before(bucket, content.grain)
    if bucket == content.buckets[0] and content.filters.start != bucket:
        return None
    if content.first_day is None or earlier < content.first_day.replace(day=1):
        return None
    return content.by_bucket.get(earlier)


def _incomplete(content: BriefContent, bucket: date) -> bool:
    """The last bucket, when the period or the data ends before it does."""
    if bucket != content.buckets[-1]:
        return False
    following = shift_months(bucket, MONTHS_IN[content.grain])
    last = content.freshness.latest_record
    return content.filters.end < following - timedelta(days=1) or (
        last is not None and last < following - timedelta(days=1)
    )


def _points(change: float | None) -> float | None:
    return None if change is None else change * 100
