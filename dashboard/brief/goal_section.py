"""The brief's goal section: each plan in its own words, comments, changes since the last
assessment, and the figures goals are tied to.

A plan's status is printed as the plan wrote it with its 1–3 value beside it; dates at the
precision written ("mai 2021"). Long texts are shortened at a word boundary, and always
with a mark (…), never cut mid-word without one.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import KeepTogether, Table

from dashboard.brief import norsk
from dashboard.brief.content import BriefContent
from dashboard.brief.layout import (
    BODY,
    CELL_INDENTED,
    FRAME_WIDTH,
    HEADING,
    LEAD,
    NOTE,
    SUBHEADING_LOOSE,
    data_table,
    keep_with_table_start,
    markup,
    text,
)
from dashboard.data.figures import PlanStatus
from dashboard.data.goal_dates import format_assessed
from dashboard.data.goal_indicators import SHOWN_COMPARATORS, GoalIndicator
from dashboard.data.goals import status_shown
from dashboard.data.phrases import shorten

STATUS_LIMIT = 110
COMMENT_LIMIT = 260
CHANGE_COMMENT_LIMIT = 160


def _status(status: int | None, status_text: str | None) -> str:
    """As written, shortened with care, the value (or "uten skala") always kept beside it."""
    return status_shown(status, shorten(status_text, STATUS_LIMIT) or None)


# --- The first page's note on the headline ---------------------------------------------


def goal_headline_note(content: BriefContent) -> list:
    """What "Mål vurdert som oppfylt" adds up: value 3 of the scale, in each plan's words,
    and the goals assessed without a scale that it leaves out."""
    words = {plan.plan: plan.words[3] for plan in content.plan_words if 3 in plan.words}
    if not words and not _without_scale(content.now.goals):
        return []
    parts = [
        "Mål vurdert som oppfylt: mål med verdi 3 på skalaen 1–3, summert over planene"
        + (f" som skriver den med egne ord: {_plan_words(words)}." if words else ".")
    ]
    without = _without_scale(content.now.goals)
    if without:
        plans = ", ".join(plan.plan for plan in content.now.goals if plan.assessed_without_scale)
        parts.append(
            f"{norsk.number(without)} mål er vurdert med egne ord uten skala ({plans}) og er "
            "ikke med."
        )
    return [text(" ".join(parts), NOTE)]


def _without_scale(plans: list[PlanStatus]) -> int:
    return sum(plan.assessed_without_scale for plan in plans)


def _plan_words(words: dict[str, tuple[str, ...]]) -> str:
    return "; ".join(
        f"{' / '.join(f'«{word}»' for word in spelled)} ({plan})" for plan, spelled in words.items()
    )


# --- The section ------------------------------------------------------------------------


def goals_section(content: BriefContent) -> list:
    flowables = [
        text("4. Målstatus per plan", HEADING),
        text(
            f"Hvert mål telles én gang, med siste vurdering til og med "
            f"{norsk.day(content.filters.end)}. Hver plan står med sine egne ord; tallet i "
            "parentes er verdien på skalaen 1–3 (1 ikke oppfylt, 2 delvis oppfylt, 3 oppfylt).",
            LEAD,
        ),
    ]
    if not content.goals:
        return [*flowables, text("Ingen mål er registrert.")]
    return [
        *flowables,
        _summary_table(content),
        *_scale_words(content),
        *_goal_changes(content),
        *_attention_part(content),
    ]


def _needs_attention(content: BriefContent, goal: dict) -> bool:
    """Not met at its latest assessment (value 1), or tied to a figure of the period."""
    return goal["status"] == 1 or goal["goal_id"] in content.goal_indicators


def _attention_part(content: BriefContent) -> list:
    """The goals a steering group follows up, with their comments; the rest are counted
    above and listed whole in the Mål view and the register's export, which keeps a brief of
    many plans to a readable length."""
    heading = text("Mål som ikke er oppfylt, og mål knyttet til et nøkkeltall", SUBHEADING_LOOSE)
    listed = [goal for goal in content.goals if _needs_attention(content, goal)]
    rest = len(content.goals) - len(listed)
    pointer = text(
        f"De øvrige {norsk.number(rest)} målene står med status, kommentarer og vurderinger i "
        "Mål-visningen og i eksporten av målregisteret.",
        NOTE,
    )
    if not listed:
        return [KeepTogether([heading, text("Ingen mål er vurdert som ikke oppfylt."), pointer])]
    return [*keep_with_table_start([heading], _goal_list_table(content, listed)), pointer]


def _summary_table(content: BriefContent) -> Table:
    header = ["Plan", "Verdi 3", "Verdi 2", "Verdi 1", "Uten skala", "Ikke vurdert", "I alt"]
    rows = []
    for plan in content.now.goals:
        counts = [
            plan.status_3,
            plan.status_2,
            plan.status_1,
            plan.assessed_without_scale,
            plan.not_assessed,
            plan.goals,
        ]
        rows.append((plan.plan, *map(norsk.number, counts)))
    return data_table(header, rows, [FRAME_WIDTH - 6 * 52, *[52] * 6])


def _scale_words(content: BriefContent) -> list:
    """Each plan's words for the scale, as it writes them."""
    lines = [
        f"{plan.plan}: "
        + ", ".join(
            f"{value} = {' / '.join(f'«{word}»' for word in plan.words[value])}"
            for value in sorted(plan.words, reverse=True)
        )
        + "."
        for plan in content.plan_words
    ]
    if not lines:
        return []
    return [text("Planenes egne ord for skalaen: " + " ".join(lines), NOTE)]


def _goal_changes(content: BriefContent) -> list:
    rounds = content.rounds
    heading = text("Endringer siden forrige vurdering", SUBHEADING_LOOSE)
    if rounds.previous is None:
        return [KeepTogether([heading, text("Ingen tidligere vurdering å sammenligne med.")])]
    intro = text(
        f"Status ved siste vurdering ({norsk.day(rounds.latest)}) sammenlignet med forrige "
        f"vurdering ({norsk.day(rounds.previous)}).",
        BODY,
    )
    if not content.goal_changes:
        return [KeepTogether([heading, intro, text("Ingen mål har endret status.")])]
    rows = [
        (
            f"{change['goal_text']} ({change['plan']})",
            _status(change["status_before"], change["status_text_before"]),
            _status(change["status_now"], change["status_text_now"]),
            shorten(change["comment"], CHANGE_COMMENT_LIMIT),
        )
        for change in content.goal_changes
    ]
    header = ["Mål", "Før", "Nå", "Kommentar"]
    table = data_table(header, rows, [FRAME_WIDTH - 3 * 95 - 40, 90, 90, 145], numeric_from=4)
    return keep_with_table_start([heading, intro], table)


def _goal_list_table(content: BriefContent, goals: list[dict]) -> Table:
    rows, bold, plan = [], [], None
    for goal in goals:
        if goal["plan"] != plan:
            plan = goal["plan"]
            bold.append(len(rows))
            rows.append((plan, "", ""))
        rows.append(
            (
                _goal_cell(goal, content.goal_indicators.get(goal["goal_id"])),
                _status(goal["status"], goal["status_text"]),
                format_assessed(goal["assessed_on"], goal["assessed_precision"]) or "–",
            )
        )
    header = ["Plan og mål", "Status", "Vurdert"]
    widths = [FRAME_WIDTH - 150 - 62, 150, 62]
    return data_table(header, rows, widths, numeric_from=2, bold_rows=bold)


def _goal_cell(goal: dict, tied: GoalIndicator | None):
    """The goal, and under it in small type: its type, deadline and who is responsible, its
    comment, the evaluation's verdict and the figure it is tied to."""
    lines = [escape(goal["goal_text"])]
    notes = [
        ("Måltype", goal["goal_type"]),
        ("Frist", goal["deadline"]),
        ("Ansvarlig", goal["owner"]),
        ("Kommentar", shorten(goal["comment"], COMMENT_LIMIT)),
        ("Evalueringens vurdering", shorten(goal["evaluation"], COMMENT_LIMIT)),
        ("Nøkkeltall", indicator_text(tied)),
    ]
    lines += [
        f'<font size="7.5" color="#555555">{label}: {escape(value)}</font>'
        for label, value in notes
        if value
    ]
    return markup("<br/>".join(lines), CELL_INDENTED)


def indicator_text(tied: GoalIndicator | None) -> str:
    """ "Andel akutte utrykninger med lege 57,0 % (mål ≥ 60,0 %), opp fra 52,0 %"."""
    if tied is None:
        return ""
    shown = norsk.percent if tied.is_share else (lambda value: norsk.number(value, 1))
    comparator = SHOWN_COMPARATORS[tied.comparator]
    line = f"{tied.label} {shown(tied.value)} (mål {comparator} {shown(tied.target)})"
    if tied.met is not None:
        line += ", nådd" if tied.met else ", ikke nådd"
    if tied.change is None:
        return line
    direction = "opp" if tied.change > 0 else "ned" if tied.change < 0 else "uendret"
    return f"{line}; {direction} fra {shown(tied.previous)} perioden før"
