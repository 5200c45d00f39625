"""The steering-group brief: an A4 PDF in Norwegian with vector charts, free of Qt.

Imported only when a brief is made, so reportlab stays out of the other commands' start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from reportlab.platypus import CondPageBreak, SimpleDocTemplate

from dashboard.brief import capacity_parts, goal_section, norsk, sections
from dashboard.brief.content import BriefContent, collect
from dashboard.brief.followup_section import followup_section
from dashboard.brief.fonts import REGULAR, register_fonts
from dashboard.brief.gains import gains_section
from dashboard.brief.grain_table import grain_section
from dashboard.brief.layout import (
    BOTTOM_MARGIN,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    NumberedCanvas,
    page_decorations,
)
from dashboard.data.followup import MeetingFollowUp, meeting_followup
from dashboard.data.privacy import holds_identity_number
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.settings import Preferences

Progress = Callable[[float, str], None]
AUTHOR = "Helsevakt-dashboard, styringsgruppen for helsevaktbilen Røros"
LANGUAGE = "nb-NO"


def build_brief(
    store: Store,
    filters: Filters,
    prefs: Preferences,
    out_path: Path | str,
    meeting_date: date | None = None,
    notes: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the brief for ``filters`` to ``out_path`` and return the path.

    Safe to run on a worker thread: it reads through its own cursor of ``store``.
    """
    report = progress or (lambda fraction, message: None)
    out_path = Path(out_path)
    _refuse_identity_numbers(notes)
    report(0.0, "Henter tall")
    con = store.cursor()
    try:
        content = collect(store, con, filters, prefs)
        followup = meeting_followup(con, meeting_date) if meeting_date else None
    finally:
        con.close()
    report(0.4, "Setter opp notatet")
    register_fonts()
    story = _story(content, meeting_date, notes, followup)
    report(0.6, "Skriver PDF")
    _write(story, content, meeting_date, out_path)
    report(1.0, "Ferdig")
    return out_path


def _refuse_identity_numbers(notes: str | None) -> None:
    """The notes are the user's own text, printed as written: they must hold no identity
    number either (the message never repeats it)."""
    if notes and holds_identity_number(notes):
        raise ValueError(
            "notatene (saksliste og notater) inneholder et fødselsnummer eller D-nummer; "
            "notatet lages ikke. Fjern det og prøv igjen."
        )


def _story(
    content: BriefContent,
    meeting_date: date | None,
    notes: str | None,
    followup: MeetingFollowUp | None = None,
) -> list:
    """The brief's parts; the follow-up log's section only in a brief for a meeting."""
    return [
        *sections.front_page(content, meeting_date, notes),
        *grain_section(content),
        # The sections start on a page of their own unless the front page ran over with room
        # to spare (a long period's table of years): no page of one row.
        CondPageBreak(PAGE_HEIGHT * 0.4),
        *(followup_section(followup) if followup else []),
        *gains_section(content),
        *sections.task_mix_section(content),
        *capacity_parts.capacity_part(content),
        *sections.callouts_section(content),
        *capacity_parts.preparedness_part(content),
        *sections.car_section(content),
        *capacity_parts.outside_staffed_part(content),
        *goal_section.goals_section(content),
        *sections.owners_section(content),
        *sections.provenance_section(content, datetime.now()),
    ]


DEMO_MARK = "DEMODATA (oppdiktede tall)"


def title_of(content: BriefContent) -> str:
    """The document's title, also its running footer; demo data says so on every page."""
    filters = content.filters
    title = (
        "Notat til styringsgruppen – helsevaktbilen Røros, "
        f"{norsk.period(filters.start, filters.end)}"
    )
    return f"{DEMO_MARK} – {title}" if content.is_demo else title


def _write(story: list, content: BriefContent, meeting_date: date | None, out_path: Path) -> None:
    meeting = f"møte {norsk.day(meeting_date)}" if meeting_date else "styringsgruppemøte"
    document = SimpleDocTemplate(
        str(out_path),
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=title_of(content),
        author=AUTHOR,
        subject=f"Oppgavemiks, ø-hjelp, bilbruk, målstatus og kostnadsdeling – {meeting}",
        creator="helsevakt-dashboard",
        lang=LANGUAGE,
        initialFontName=REGULAR,
    )
    footer = page_decorations(title_of(content).replace(" – ", " · "))
    document.build(story, onFirstPage=footer, onLaterPages=footer, canvasmaker=NumberedCanvas)
