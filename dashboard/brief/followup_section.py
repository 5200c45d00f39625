"""The brief's follow-up section: what the steering group agreed, and whether it was done.

Built from :class:`dashboard.data.followup.MeetingFollowUp` for the meeting the brief is
for: the items still open (overdue first, and said so), the items closed since the previous
meeting, and the decisions of the previous meeting.
"""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Table

from dashboard.brief import norsk
from dashboard.brief.layout import (
    BODY,
    FRAME_WIDTH,
    HEADING,
    LEAD,
    SUBHEADING_LOOSE,
    data_table,
    keep_with_table_start,
    text,
)
from dashboard.data.followup import FollowUpItem, MeetingFollowUp

HEADING_TEXT = "Oppfølging fra styringsgruppen"
OVERDUE = "Forfalt"
DATE_WIDTH = 66
WHO_WIDTH = 100
COMMENT_WIDTH = 130


def followup_section(followup: MeetingFollowUp) -> list:
    """The section for the meeting ``followup`` is for; one line when the log is empty."""
    meeting = norsk.day(followup.meeting_on)
    heading = text(HEADING_TEXT, HEADING)
    if followup.previous_meeting is None:
        return [
            heading,
            text(f"Oppfølgingsloggen har ingen saker fra møter før {meeting}."),
        ]
    previous = norsk.day(followup.previous_meeting)
    lead = text(
        f"Fra oppfølgingsloggen slik den står på møtedagen {meeting}. Forrige møte var "
        f"{previous}. En sak er forfalt når fristen er passert og saken fortsatt er åpen.",
        LEAD,
    )
    return [
        heading,
        lead,
        *_open_part(followup),
        *_closed_part(followup, previous),
        *_decisions_part(followup, previous),
    ]


def _open_part(followup: MeetingFollowUp) -> list:
    items = followup.open_items
    count = norsk.number(len(items))
    title = f"Åpne saker ({count}, av dem {norsk.number(followup.overdue)} forfalt)"
    if not items:
        return _empty(title, "Ingen saker fra tidligere møter står åpne.")
    header = ["Sak", "Møte", "Ansvarlig", "Frist", "Status"]
    rows = [
        (
            item.text,
            norsk.day(item.meeting_on),
            item.responsible or "–",
            _deadline(item),
            OVERDUE if item.overdue else item.status_label,
        )
        for item in items
    ]
    overdue_rows = [index for index, item in enumerate(items) if item.overdue]
    widths = [FRAME_WIDTH - 3 * DATE_WIDTH - WHO_WIDTH, DATE_WIDTH, WHO_WIDTH, DATE_WIDTH]
    table = data_table(header, rows, [*widths, DATE_WIDTH], len(header), overdue_rows)
    return keep_with_table_start([text(title, SUBHEADING_LOOSE)], table)


def _closed_part(followup: MeetingFollowUp, previous: str) -> list:
    items = followup.closed_since
    title = f"Lukket siden forrige møte {previous} ({norsk.number(len(items))})"
    if not items:
        return _empty(title, "Ingen saker er lukket siden forrige møte.")
    return keep_with_table_start([text(title, SUBHEADING_LOOSE)], _status_table("Sak", items))


def _decisions_part(followup: MeetingFollowUp, previous: str) -> list:
    items = followup.previous_decisions
    title = f"Vedtak i forrige møte {previous} ({norsk.number(len(items))})"
    if not items:
        return _empty(title, "Loggen har ingen vedtak fra forrige møte.")
    return keep_with_table_start([text(title, SUBHEADING_LOOSE)], _status_table("Vedtak", items))


def _status_table(first: str, items: tuple[FollowUpItem, ...]) -> Table:
    header = [first, "Ansvarlig", "Status", "Kommentar"]
    rows = [
        (item.text, item.responsible or "–", item.status_label, item.comment or "")
        for item in items
    ]
    widths = [FRAME_WIDTH - WHO_WIDTH - DATE_WIDTH - COMMENT_WIDTH, WHO_WIDTH, DATE_WIDTH]
    return data_table(header, rows, [*widths, COMMENT_WIDTH], len(header))


def _deadline(item: FollowUpItem) -> str:
    return norsk.day(item.deadline) if item.deadline else "ingen"


def _empty(title: str, message: str) -> list:
    return [KeepTogether([text(title, SUBHEADING_LOOSE), text(message, BODY)])]
