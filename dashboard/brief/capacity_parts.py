"""The brief's capacity and preparedness parts, each set at the end of an existing section:
capacity after the task mix, who was sent after the acute call-outs, and the car outside
staffed time after its use after 22:00. Short by design: what a steering group decides on.
"""

from __future__ import annotations

from collections import defaultdict

from dashboard.brief import comparing, norsk
from dashboard.brief.content import BriefContent
from dashboard.brief.layout import (
    BODY,
    FRAME_WIDTH,
    SUBHEADING_LOOSE,
    data_table,
    keep_with_table_start,
    text,
)
from dashboard.brief.privacy import (
    COVER_SYMBOL,
    count_text,
    hidden_or,
    protect_group,
    protect_two_levels,
)
from dashboard.brief.sections import ROLE_NAMES, staffed_text
from dashboard.data.capacity import Preparedness
from dashboard.data.figures import TaskMixRow
from dashboard.data.vocabulary import SUBPROJECTS, URGENCIES, URGENCY_LABELS

# --- Capacity (after the task mix) --------------------------------------------------------


def _by_subproject(rows: list[TaskMixRow]) -> dict[int, tuple[int, float]]:
    """Tasks and minutes per subproject."""
    totals: dict[int, list] = defaultdict(lambda: [0, 0.0])
    for row in rows:
        totals[row.subproject][0] += row.count
        totals[row.subproject][1] += row.minutes
    return {subproject: (count, minutes) for subproject, (count, minutes) in totals.items()}


def _protected_minutes(totals: dict[int, tuple[int, float]], subprojects: list[int], threshold):
    """Each subproject's minutes, or None where its count of tasks is hidden."""
    counts = [totals.get(s, (0, 0.0))[0] for s in subprojects]
    marks, _ = protect_group(counts, threshold)
    return [
        None if mark.hidden else totals.get(s, (0, 0.0))[1]
        for s, mark in zip(subprojects, marks, strict=True)
    ]


def capacity_sentence(content: BriefContent) -> str:
    now = content.now
    visits, capacity = now.preventive_visits, content.capacity
    before = (
        f" ({_compared_words(content)} {norsk.percent(content.before.utilisation.share)})"
        if content.comparison_has_data
        else ""
    )
    return (
        f"Bilen var bemannet {norsk.number(now.utilisation.staffed_hours, 1)} timer i perioden "
        f"({staffed_text(content)} på hverdager utenom helligdager). Oppgavene tok "
        f"{norsk.hours(now.activities.minutes)} timer, {norsk.percent(now.utilisation.share)} "
        f"av den bemannede tiden{before}. "
        f"Forebyggende hjemmebesøk: {norsk.number(visits.per_week, 1)} per uke mot målet "
        f"{norsk.number(visits.target_per_week, 1)}; {norsk.number(capacity.months_below_target)} "
        f"av {norsk.number(len(capacity.visits))} måneder var under målet."
    )


def _compared_words(content: BriefContent) -> str:
    """``forrige periode``, ``samme periode i fjor`` or ``grunnlinje``: the comparison."""
    return comparing.column_title(content).lower()


def capacity_part(content: BriefContent) -> list:
    compared = content.comparison_has_data
    now = _by_subproject(content.now.task_mix)
    before = _by_subproject(content.before.task_mix) if compared else {}
    subprojects = sorted(set(now) | set(before))
    threshold = content.threshold
    minutes_now = _protected_minutes(now, subprojects, threshold)
    minutes_before = _protected_minutes(before, subprojects, threshold)
    rows = []
    for subproject, hours_now, hours_before in zip(
        subprojects, minutes_now, minutes_before, strict=True
    ):
        change = None if hours_now is None or hours_before is None else hours_now - hours_before
        row = (f"{subproject}. {SUBPROJECTS[subproject]}", _hours_or_hidden(hours_now))
        if compared:
            row += (
                _hours_or_hidden(hours_before),
                norsk.signed(None if change is None else change / 60, 1),
            )
        rows.append(row)
    rows += _capacity_total_rows(content)
    header = ["Timer med oppgaver", "Denne perioden"]
    if compared:
        header += [comparing.column_title(content), "Endring"]
    widths = [FRAME_WIDTH - (len(header) - 1) * 85] + [85] * (len(header) - 1)
    table = data_table(header, rows, widths, bold_rows=[len(rows) - 1])
    intro = [text("Kapasitet: oppgaver mot bemannet tid", SUBHEADING_LOOSE)]
    intro.append(text(capacity_sentence(content), BODY))
    return keep_with_table_start(intro, table)


def _hours_or_hidden(minutes: float | None) -> str:
    return COVER_SYMBOL if minutes is None else norsk.hours(minutes)


def _capacity_total_rows(content: BriefContent) -> list[tuple]:
    now = content.now.utilisation
    rows = [
        ("Alle oppgaver", norsk.number(now.task_hours, 1)),
        ("Bemannede timer", norsk.number(now.staffed_hours, 1)),
        ("Utnyttelse av bemannet tid", norsk.percent(now.share)),
    ]
    if not content.comparison_has_data:
        return rows
    before = content.before.utilisation
    share_change = (
        None if now.share is None or before.share is None else (now.share - before.share) * 100
    )
    earlier = [
        (
            norsk.number(before.task_hours, 1),
            norsk.signed(now.task_hours - before.task_hours, 1),
        ),
        (
            norsk.number(before.staffed_hours, 1),
            norsk.signed(now.staffed_hours - before.staffed_hours, 1),
        ),
        (norsk.percent(before.share), norsk.signed(share_change, 1, "pp")),
    ]
    return [row + cells for row, cells in zip(rows, earlier, strict=True)]


# --- Who was sent (after the acute call-outs) ---------------------------------------------


def _resource_counts(sent: Preparedness) -> dict[str | None, list[int]]:
    counts: dict[str | None, list[int]] = {name: [0] * len(URGENCIES) for name in sent.resources()}
    for row in sent.rows:
        if row.urgency in URGENCIES:
            counts[row.resource][URGENCIES.index(row.urgency)] += row.callouts
    return counts


def preparedness_sentence(content: BriefContent) -> str:
    now, before = content.preparedness, content.preparedness_before
    if not now.acute:
        return "Ingen ø-hjelp-utrykninger i perioden."
    earlier = (
        f" ({_compared_words(content)} {norsk.percent(before.car_share_of_acute)})"
        if content.comparison_has_data and before is not None
        else ""
    )
    return (
        f"Bilen ble sendt på {norsk.number(now.acute_by_car)} av {norsk.number(now.acute)} "
        f"ø-hjelp-utrykninger, {norsk.percent(now.car_share_of_acute)}{earlier}. Der både "
        "ambulansen og bilen ble sendt, telles utrykningen med for bilen."
    )


def preparedness_part(content: BriefContent) -> list:
    heading = text("Hvem ble sendt: utrykninger etter ressurs og hastegrad", SUBHEADING_LOOSE)
    counts = _resource_counts(content.preparedness)
    if not counts:
        return [heading, text("Ingen utrykninger i perioden.", BODY)]
    threshold = content.threshold
    cell_marks, total_marks, _ = protect_two_levels(list(counts.values()), threshold)
    rows = [
        (
            resource or "Ikke registrert",
            *(count_text(n, m, threshold) for n, m in zip(cells, marks, strict=True)),
            count_text(sum(cells), total_mark, threshold),
        )
        for (resource, cells), marks, total_mark in zip(
            counts.items(), cell_marks, total_marks, strict=True
        )
    ]
    header = ["Ressurs sendt", *(URGENCY_LABELS[u] for u in URGENCIES), "I alt"]
    table = data_table(header, rows, [FRAME_WIDTH - 4 * 70, 70, 70, 70, 70])
    return keep_with_table_start([heading, text(preparedness_sentence(content), BODY)], table)


# --- Outside staffed time (after the use after 22:00) ------------------------------------


def outside_staffed_part(content: BriefContent) -> list:
    roles = list(ROLE_NAMES)
    threshold = content.threshold
    columns = []
    periods = (content.now, content.before) if content.comparison_has_data else (content.now,)
    for metrics in periods:
        by_role = metrics.car.outside_staffed_by_role
        trips = [by_role[role].trips for role in roles]
        marks, total_mark = protect_group(trips, threshold)
        columns.append((by_role, marks, total_mark, metrics.car.outside_staffed))
    rows = [
        (ROLE_NAMES[role], *_role_cells(role, index, columns, threshold))
        for index, role in enumerate(roles)
    ]
    rows.append(("I alt", *_total_cells(columns, threshold)))
    header = ["Hvem kjørte", "Turer", "Timer"]
    if content.comparison_has_data:
        earlier = comparing.column_title(content)
        header += [f"{earlier}, turer", f"{earlier}, timer"]
    widths = [FRAME_WIDTH - (len(header) - 1) * 80] + [80] * (len(header) - 1)
    table = data_table(header, rows, widths, bold_rows=[len(rows) - 1])
    intro = [
        text("Bruk utenom bemannet tid", SUBHEADING_LOOSE),
        text(
            "Utenom bemannet tid er hverdagskvelder, netter og morgener utenfor "
            f"{staffed_text(content)}, og hele døgnet i helger og på helligdager. En tur telles "
            "én gang; timene gjelder bare delen utenom bemannet tid. I bemannet tid sitter "
            "legevaktlegen på med helsevakten, som kjører. Kostnadsregelen «etter bruk utenfor "
            "bemannet tid» regner bare med legevaktlegens bruk.",
            BODY,
        ),
    ]
    return keep_with_table_start(intro, table)


def _role_cells(role: str, index: int, columns, threshold: int) -> list[str]:
    cells = []
    for by_role, marks, _, _ in columns:
        use, mark = by_role[role], marks[index]
        cells += [count_text(use.trips, mark, threshold), hidden_or(mark, norsk.hours(use.minutes))]
    return cells


def _total_cells(columns, threshold: int) -> list[str]:
    cells = []
    for _, _, total_mark, total in columns:
        cells += [
            count_text(total.trips, total_mark, threshold),
            hidden_or(total_mark, norsk.hours(total.minutes)),
        ]
    return cells
