"""The brief's sections, each a list of flowables built from :class:`BriefContent`."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from dashboard.brief import charts, comparing, norsk
from dashboard.brief.content import BriefContent
from dashboard.brief.fonts import REGULAR
from dashboard.brief.goal_section import goal_headline_note
from dashboard.brief.layout import (
    BODY,
    DEMO,
    FACT_LABEL,
    FRAME_WIDTH,
    HEADING,
    HEADING_LOOSE,
    LEAD,
    NOTE,
    OVERLINE,
    SMALL,
    SUBHEADING_LOOSE,
    TITLE,
    WARNING,
    data_table,
    indented,
    keep_with_table_start,
    markup,
    text,
)
from dashboard.brief.privacy import (
    COVER_SYMBOL,
    Mark,
    count_text,
    hidden_or,
    protect_group,
    protect_two_levels,
)
from dashboard.brief.references import events_text, headline_with_references, share_references
from dashboard.data.costs import RULES
from dashboard.data.figures import AcuteMonth
from dashboard.data.gains import count_of
from dashboard.data.phrases import schedule_span
from dashboard.data.vocabulary import AVOIDED_ADMISSION, OWNERS, SUBPROJECTS
from dashboard.data.vocabulary import KIND_LABELS as KIND_NAMES
from dashboard.data.vocabulary import OWNER_LABELS as OWNER_NAMES

ROLE_NAMES = {"legevaktlege": "Legevaktlege", "helsevakt": "Helsevakt"}
MAX_IMPORTS_LISTED = 20


def _section_start(
    heading: str, lead: str, drawing, caption: str, warning: str = ""
) -> KeepTogether:
    """A section's heading, introduction, chart and caption never part across pages; a
    warning (a source that ends before the period) comes right under the introduction."""
    warned = [text(warning, WARNING)] if warning else []
    return KeepTogether(
        [text(heading, HEADING), text(lead, LEAD), *warned, drawing, text(caption, NOTE)]
    )


def after_hours_label(content: BriefContent) -> str:
    return f"etter {norsk.clock(content.filters.staffed.on(content.filters.end).end)}"


def staffed_text(content: BriefContent) -> str:
    filters = content.filters
    return schedule_span(filters.staffed, filters.start, filters.end)


# --- First page -------------------------------------------------------------------------


def front_page(content: BriefContent, meeting_date: date | None, notes: str | None) -> list:
    flowables = [
        text("Helsevaktbilen Røros · mobil integrert helsetjeneste", OVERLINE),
        text("Notat til styringsgruppen", TITLE),
        *_demo_notice(content),
        _facts_table(content, meeting_date),
        Spacer(1, 6),
        text("Nøkkeltall", HEADING),
        text(comparing.comparison_sentence(content), LEAD),
        headline_table(content),
        Spacer(1, 4),
        *_headline_short_note(content),
        *goal_headline_note(content),
        _doctor_share_sentence(content),
    ]
    if notes and notes.strip():
        flowables += [text("Saksliste og notater", HEADING), *notes_paragraphs(notes)]
    return flowables


def _demo_notice(content: BriefContent) -> list:
    if not content.is_demo:
        return []
    return [
        text(
            "Demodata: tallene i dette notatet er oppdiktet til utprøving av verktøyet og "
            "sier ingenting om virkelig drift.",
            DEMO,
        )
    ]


def _facts_table(content: BriefContent, meeting_date: date | None) -> Table:
    filters = content.filters
    days = (filters.end - filters.start).days + 1
    rows = [
        ("Møtedato", norsk.long_date(meeting_date) if meeting_date else "ikke fastsatt"),
        ("Periode", f"{norsk.period(filters.start, filters.end)} ({norsk.number(days)} dager)"),
        ("Utvalg", selection_text(content)),
        ("Data oppdatert til", norsk.day(content.freshness.latest_record)),
    ]
    table = Table(
        [[text(label, FACT_LABEL), text(value)] for label, value in rows],
        colWidths=[35 * mm, FRAME_WIDTH - 35 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def selection_text(content: BriefContent) -> str:
    filters = content.filters
    parts = [
        f"Delprosjekt {filters.subproject} {SUBPROJECTS[filters.subproject]}"
        if filters.subproject
        else "Alle delprosjekter",
        f"{filters.municipality} kommune" if filters.municipality else "alle kommuner",
    ]
    hours = f"bemannet {staffed_text(content)} på hverdager utenom helligdager"
    selection = f"{parts[0]}, {parts[1]}; {hours}."
    if filters.subproject:
        selection += " Utrykninger og bilbruk gjelder alle delprosjekter."
    return selection


HEADLINE_COUNTS = (
    ("Innleggelser unngått", lambda m: count_of(m.outcomes, AVOIDED_ADMISSION), 0),
    ("Oppgaver utført", lambda m: m.activities.count, 0),
    ("Timer med oppgaver", lambda m: m.activities.minutes / 60, 1),
    ("Utrykninger i alt", lambda m: m.callouts.total, 0),
    ("Ø-hjelp (akutt og haster)", lambda m: m.callouts.acute, 0),
    ("Ø-hjelp med lege", lambda m: m.callouts.acute_with_doctor, 0),
    ("Turer med bilen {after}", lambda m: m.car.after_hours.trips, 0),
    ("Timer med bilen {after}", lambda m: m.car.after_hours.minutes / 60, 1),
    ("Mål vurdert som oppfylt", lambda m: sum(plan.status_3 for plan in m.goals), 0),
)
SHARE_ROW_AFTER = 6


def headline_rows(content: BriefContent) -> list[tuple]:
    """Label, this period, and (when there is one) the comparison period and the change,
    as printed."""
    after = after_hours_label(content)
    rows = []
    for label, pick, decimals in HEADLINE_COUNTS:
        shown = label.format(after=after)
        now = pick(content.now)
        if not content.comparison_has_data:
            rows.append((shown, norsk.number(now, decimals)))
            continue
        before = pick(content.before)
        change = norsk.signed(now - before, decimals)
        rows.append((shown, norsk.number(now, decimals), norsk.number(before, decimals), change))
    rows.insert(SHARE_ROW_AFTER, _share_row(content))
    return rows


def _headline_short_note(content: BriefContent) -> list:
    """Right under the key figures: which of them come from a source that ends early."""
    note = comparing.headline_note(content)
    return [text(note, WARNING)] if note else []


def _share_row(content: BriefContent) -> tuple:
    now = content.now.callouts.acute_doctor_share
    label = "Andel ø-hjelp med lege"
    if not content.comparison_has_data:
        return (label, norsk.percent(now))
    before = content.before.callouts.acute_doctor_share
    change = None if now is None or before is None else (now - before) * 100
    return (label, norsk.percent(now), norsk.percent(before), norsk.signed(change, 1, "pp"))


def headline_table(content: BriefContent) -> Table:
    if not content.comparison_has_data:
        return data_table(
            ["Nøkkeltall", "Denne perioden"], headline_rows(content), [FRAME_WIDTH - 95, 95]
        )
    widths = [FRAME_WIDTH - 3 * 95, 95, 95, 95]
    header = ["Nøkkeltall", "Denne perioden", comparing.column_title(content), "Endring"]
    after = after_hours_label(content)
    return headline_with_references(content, header, headline_rows(content), widths, after)


def _doctor_share_sentence(content: BriefContent):
    callouts = content.now.callouts
    if not callouts.acute:
        return text("Ingen ø-hjelp-utrykninger i perioden.", NOTE)
    low, high = callouts.interval
    return text(
        f"Andelen ø-hjelp med lege var {norsk.percent(callouts.acute_doctor_share)} "
        f"(95 % konfidensintervall {norsk.percent(low)}–{norsk.percent(high)}). "
        "pp = prosentpoeng.",
        NOTE,
    )


def notes_paragraphs(notes: str) -> list:
    """Blank lines part paragraphs; single line breaks are kept."""
    blocks = [block.strip() for block in notes.replace("\r\n", "\n").split("\n\n")]
    return [markup(escape(block).replace("\n", "<br/>"), LEAD) for block in blocks if block]


# --- Task mix ---------------------------------------------------------------------------


def task_mix_section(content: BriefContent) -> list:
    heading = "1. Oppgavemiks per delprosjekt"
    if not content.now.task_mix:
        return [text(heading, HEADING), text("Ingen oppgaver registrert i perioden.")]
    by_subproject = defaultdict(list)
    for row in content.now.task_mix:
        by_subproject[row.subproject].append(row)
    groups = [[task.count for task in tasks] for tasks in by_subproject.values()]
    marks = protect_two_levels(groups, content.threshold)
    return [
        _section_start(
            heading,
            "Timer og antall oppgaver bilens personell har gjort, per delprosjekt og oppgave.",
            _task_mix_chart(by_subproject, marks[1]),
            "Figur 1. Timer med oppgaver per delprosjekt.",
            comparing.short_note(content, "activity"),
        ),
        Spacer(1, 6),
        _task_mix_table(content, by_subproject, *marks),
    ]


def _task_mix_chart(by_subproject: dict[int, list[dict]], subtotal_marks: list[Mark]):
    labels = [f"{s}. {SUBPROJECTS[s]}" for s in by_subproject]
    hours = [
        None if mark.hidden else sum(task.minutes for task in tasks) / 60
        for tasks, mark in zip(by_subproject.values(), subtotal_marks, strict=True)
    ]
    return charts.horizontal_bars(labels, hours, FRAME_WIDTH)


def _task_mix_table(
    content: BriefContent,
    by_subproject: dict[int, list[dict]],
    cell_marks: list[list[Mark]],
    subtotal_marks: list[Mark],
    total_mark: Mark,
) -> Table:
    """A bold row per subproject with its subtotal, its tasks set in below it."""
    rows, bold = [], []
    groups = zip(by_subproject.items(), cell_marks, subtotal_marks, strict=True)
    for (subproject, tasks), marks, subtotal_mark in groups:
        bold.append(len(rows))
        label = f"{subproject}. {SUBPROJECTS[subproject]}"
        rows.append(_task_row(label, tasks, subtotal_mark, content.threshold))
        rows += [
            _task_row(indented(task.category), [task], mark, content.threshold)
            for task, mark in zip(tasks, marks, strict=True)
        ]
    bold.append(len(rows))
    rows.append(_task_row("Totalt", content.now.task_mix, total_mark, content.threshold))
    header = ["Delprosjekt og oppgave", "Antall", "Timer"]
    return data_table(header, rows, [FRAME_WIDTH - 2 * 80, 80, 80], bold_rows=bold)


def _task_row(label: str | Flowable, tasks: list[dict], mark: Mark, threshold: int) -> tuple:
    count = sum(task.count for task in tasks)
    minutes = sum(task.minutes for task in tasks)
    return (label, count_text(count, mark, threshold), hidden_or(mark, norsk.hours(minutes)))


# --- Acute call-outs with a doctor ------------------------------------------------------


def callouts_section(content: BriefContent) -> list:
    months, threshold = content.acute_months, content.threshold
    acute_marks, acute_total = protect_group([m.acute for m in months], threshold)
    doctor_marks, doctor_total = protect_group([m.with_doctor for m in months], threshold)
    rows, points = [], []
    for month, acute_mark, doctor_mark in zip(months, acute_marks, doctor_marks, strict=True):
        label = norsk.bucket(month.month, content.grain)
        marks = (acute_mark, doctor_mark)
        row, point = _acute_row(label, month.acute, month.with_doctor, marks, threshold)
        if comparing.after_last_day(content, "callouts", month.month):
            row = (label, *[norsk.MISSING] * (len(row) - 1))
        rows.append(row)
        points.append(point)
    summary = content.now.callouts
    marks = (acute_total, doctor_total)
    total_row, _ = _acute_row("Totalt", summary.acute, summary.acute_with_doctor, marks, threshold)
    shares, lows, highs = zip(*points, strict=True)
    return [
        _section_start(
            "2. Ø-hjelp med lege",
            "Utrykninger med hastegrad akutt eller haster (øyeblikkelig hjelp), og hvor mange "
            "av dem som hadde lege med. Intervallet er et 95 % konfidensintervall (Wilson).",
            charts.monthly_share(
                content.buckets,
                shares,
                lows,
                highs,
                FRAME_WIDTH,
                content.grain,
                events=content.events,
                references=share_references(content),
            ),
            f"Figur 2. Andel ø-hjelp med lege per {norsk.GRAIN_NOUNS[content.grain]}. "
            f"{norsk.GRAIN_WORDS[content.grain]} med skjulte tall er utelatt.",
            comparing.short_note(content, "callouts"),
        ),
        *_events_note(content, "Figur 2"),
        Spacer(1, 6),
        data_table(
            [norsk.GRAIN_WORDS[content.grain], "Ø-hjelp", "Med lege", "Andel med lege", "95 % KI"],
            [*rows, total_row],
            [FRAME_WIDTH - 4 * 85, 85, 85, 85, 85],
            bold_rows=[len(rows)],
        ),
    ]


def _acute_row(
    label: str, acute: int, with_doctor: int, marks: tuple[Mark, Mark], threshold: int
) -> tuple[tuple, tuple]:
    """The printed row, and the share with its interval for the chart (None if hidden)."""
    hidden = Mark.COVER if marks[0].hidden or marks[1].hidden else Mark.SHOWN
    share, low, high = _share(with_doctor, acute, hidden.hidden)
    row = (
        label,
        count_text(acute, marks[0], threshold),
        count_text(with_doctor, marks[1], threshold),
        hidden_or(hidden, norsk.percent(share)),
        hidden_or(hidden, _interval_text(low, high)),
    )
    return row, (share, low, high)


def _share(with_doctor: int, acute: int, hidden: bool) -> tuple:
    month = AcuteMonth(None, acute, with_doctor)
    if hidden or month.share is None:
        return None, None, None
    return (month.share, *month.interval)


def _interval_text(low: float | None, high: float | None) -> str:
    if low is None:
        return norsk.MISSING
    return f"{norsk.number(low * 100, 1)}–{norsk.number(high * 100, 1)}{norsk.NBSP}%"


# --- Car use after hours ----------------------------------------------------------------


def car_section(content: BriefContent) -> list:
    """Each driver role's column is protected on its own: no row total adds the roles up."""
    months = content.car_months
    protected = {
        role: protect_group([month.trips[role] for month in months], content.threshold)
        for role in ROLE_NAMES
    }
    series = {
        ROLE_NAMES[role]: [
            None if mark.hidden else month.trips[role]
            for month, mark in zip(months, marks, strict=True)
        ]
        for role, (marks, _) in protected.items()
    }
    after = after_hours_label(content)
    return [
        _section_start(
            f"3. Bruk av bilen {after}",
            f"Turer i tiden mellom bemannet tid ({staffed_text(content)}) og neste morgen, "
            "når legevaktlegen kan bruke bilen. En tur "
            "telles én gang; timene gjelder bare delen av turen i dette tidsrommet.",
            charts.monthly_bars(
                content.buckets, series, FRAME_WIDTH, grain=content.grain, events=content.events
            ),
            f"Figur 3. Turer {after} per {norsk.GRAIN_NOUNS[content.grain]}, etter hvem som "
            "brukte bilen.",
            comparing.short_note(content, "carlog"),
        ),
        *_events_note(content, "Figur 3"),
        Spacer(1, 6),
        _car_table(content, protected),
    ]


def _car_table(content: BriefContent, protected: dict[str, tuple[list[Mark], Mark]]) -> Table:
    months, threshold = content.car_months, content.threshold
    rows = []
    for index, month in enumerate(months):
        trips = [
            count_text(month.trips[r], marks[index], threshold)
            for r, (marks, _) in protected.items()
        ]
        label = norsk.bucket(month.month, content.grain)
        if comparing.after_last_day(content, "carlog", month.month):
            rows.append((label, *[norsk.MISSING] * (len(trips) + 1)))
            continue
        rows.append((label, *trips, norsk.hours(month.minutes)))
    totals = [
        count_text(sum(month.trips[role] for month in months), total_mark, threshold)
        for role, (_, total_mark) in protected.items()
    ]
    rows.append(("Totalt", *totals, norsk.hours(sum(month.minutes for month in months))))
    header = [
        norsk.GRAIN_WORDS[content.grain],
        "Legevaktlege, turer",
        "Helsevakt, turer",
        f"Timer {after_hours_label(content)}",
    ]
    widths = [FRAME_WIDTH - 3 * 100, 100, 100, 100]
    return data_table(header, rows, widths, bold_rows=[len(rows) - 1])


# --- Hours per owner --------------------------------------------------------------------


def _owner_mapping_text(content: BriefContent) -> str:
    """Which services count to which owner, as the cost model in use says."""
    by_owner: dict[str, list[str]] = {}
    for service, owner in content.cost_model.owner_by_service.items():
        by_owner.setdefault(owner, []).append(f"«{service}»")
    return "; ".join(
        f"{OWNER_NAMES[owner].lower()}: {', '.join(by_owner[owner])}"
        for owner in OWNERS
        if owner in by_owner
    )


def owners_section(content: BriefContent) -> list:
    hours = content.now.owner_hours
    return [
        _section_start(
            "5. Timer per eier (kostnadsdeling)",
            "Timer fra aktivitetsloggen fordelt på hvem som eier tjenesten som ba om oppgaven "
            f"({_owner_mapping_text(content)}).",
            charts.horizontal_bars(
                [OWNER_NAMES[o] for o in OWNERS], [hours[o] for o in OWNERS], FRAME_WIDTH
            ),
            "Figur 4. Timer med oppgaver per eier i perioden.",
            comparing.short_note(content, "activity"),
        ),
        Spacer(1, 6),
        _owner_table(content),
        *keep_with_table_start(
            [text(f"Timer per {norsk.GRAIN_NOUNS[content.grain]}", SUBHEADING_LOOSE)],
            _owner_monthly_table(content),
        ),
        *cost_sharing_part(content),
    ]


def _owner_table(content: BriefContent) -> Table:
    """Hours per owner, and in the comparison period when it has data."""
    now = content.now.owner_hours
    before = content.before.owner_hours if content.comparison_has_data else None
    total = sum(now.values())

    def row(label: str, hours: float, hours_before: float | None) -> tuple:
        share = hours / total if total else None
        shown = (label, norsk.number(hours, 1), norsk.percent(share))
        return shown if before is None else (*shown, norsk.number(hours_before, 1))

    rows = [row(OWNER_NAMES[o], now[o], before[o] if before else None) for o in OWNERS]
    rows.append(row("Totalt", total, sum(before.values()) if before else None))
    header = ["Eier", "Timer", "Andel"]
    if before is not None:
        header.append(f"{comparing.column_title(content)}, timer")
    widths = [FRAME_WIDTH - (len(header) - 1) * 100] + [100] * (len(header) - 1)
    return data_table(header, rows, widths, bold_rows=[len(rows) - 1])


def _owner_monthly_table(content: BriefContent) -> Table:
    empty = dict.fromkeys(OWNERS, 0.0)
    rows = []
    for month in content.buckets:
        hours = content.owner_months.get(month, empty)
        if comparing.after_last_day(content, "activity", month):
            rows.append((norsk.bucket(month, content.grain), *[norsk.MISSING] * (len(OWNERS) + 1)))
            continue
        rows.append(
            (
                norsk.bucket(month, content.grain),
                *(norsk.number(hours[owner], 1) for owner in OWNERS),
                norsk.number(sum(hours.values()), 1),
            )
        )
    header = [norsk.GRAIN_WORDS[content.grain], *(OWNER_NAMES[o] for o in OWNERS), "I alt"]
    return data_table(header, rows, [FRAME_WIDTH - 4 * 85, 85, 85, 85, 85])


def kroner(amount: float) -> str:
    """``kr 1 234 567`` in whole kroner."""
    return f"kr{norsk.NBSP}{norsk.number(amount)}"


def cost_sharing_part(content: BriefContent) -> list:
    """What each party would pay under each rule, with the model's inputs and the rules."""
    rows = [
        (payment.rule.name, kroner(payment.municipality), kroner(payment.health_trust))
        for payment in content.now.cost_sharing.payments
    ]
    table = data_table(
        ["Regel", OWNER_NAMES["municipality"], OWNER_NAMES["health_trust"]],
        rows,
        [FRAME_WIDTH - 2 * 100, 100, 100],
    )
    intro = [
        text("Kostnadsdeling", SUBHEADING_LOOSE),
        text(cost_inputs_text(content), BODY),
    ]
    explanations = [
        markup(f"<b>{escape(rule.name)}:</b> {escape(rule.explanation)}", SMALL) for rule in RULES
    ]
    # Small enough to keep whole: the rules' explanations stay with their figures.
    return [KeepTogether([*intro, table, Spacer(1, 4), *explanations])]


def cost_inputs_text(content: BriefContent) -> str:
    model, costs, filters = content.cost_model, content.now.cost_sharing, content.filters
    if model.staff_cost_per_hour > 0:
        staff = (
            f"bemanningen {kroner(costs.staff_cost)} "
            f"({norsk.number(costs.staffed_hours, 1)} bemannede timer à "
            f"{kroner(model.staff_cost_per_hour)})"
        )
    else:
        staff = "bemanningskostnaden er ikke satt (kr 0 per time), så reglene fordeler bare bilen"
    outside, total = costs.doctor_minutes_outside_staffed, costs.car_minutes
    share = norsk.percent(costs.doctor_outside_share) if total else norsk.MISSING
    return (
        f"Kostnadsmodell: bilen koster {kroner(model.car_cost_per_year)} i året, "
        f"{kroner(costs.car_cost)} for periodens {norsk.number(filters.days)} dager; "
        f"{staff}. Bemannet tid er {staffed_text(content)} på hverdager utenom helligdager. "
        f"Legevaktlegen brukte bilen {norsk.hours(outside)} timer utenfor bemannet tid, "
        f"{share} av de {norsk.hours(total)} timene bilen var i bruk."
    )


# --- Provenance and privacy -------------------------------------------------------------


def provenance_section(content: BriefContent, generated: datetime) -> list:
    freshness = content.freshness
    intro = [
        text("Om tallene", HEADING_LOOSE),
        text(
            f"Siste import {norsk.moment(freshness.last_import)}. Siste registrering i dataene "
            f"er fra {norsk.day(freshness.latest_record)}. Notatet er laget "
            f"{norsk.moment(generated)} fra databasen med importene nedenfor.",
            SMALL,
        ),
        text(comparing.freshness_text(content.now.freshness), SMALL),
        *_headline_short_note(content),
    ]
    return [
        *_with_imports(intro, content),
        Spacer(1, 6),
        KeepTogether(
            [
                text(privacy_text(content.threshold), SMALL),
                text(
                    "Definisjoner: Ø-hjelp er utrykninger med hastegrad akutt eller haster. En "
                    "oppgave, utrykning eller tur hører til dagen den starter. "
                    f"{comparing.definition(content)} {comparing.grain_sentence(content)}",
                    SMALL,
                ),
            ]
        ),
    ]


def privacy_text(threshold: int) -> str:
    if threshold <= 1:
        return "Personvern: Små antall er ikke skjult (terskelen er slått av i innstillingene)."
    return (
        f"Personvern: I tabeller som deler tallene opp (per oppgave, per måned) vises antall "
        f"fra 1 til {threshold - 1} som «<{threshold}». Når bare ett tall i en gruppe er "
        f"skjult, skjules også det nest minste tallet (vist som «{COVER_SYMBOL}»), slik at "
        "summen ikke avslører det skjulte tallet. Timer og andeler for skjulte tall vises "
        "heller ikke. Nøkkeltallene på første side er summer for hele perioden."
    )


def _with_imports(intro: list, content: BriefContent) -> list:
    imports = content.imports
    if not imports:
        return [*intro, text("Ingen importer er registrert.", SMALL)]
    rows = [
        (
            item["file_name"],
            KIND_NAMES.get(item["kind"], item["kind"]),
            norsk.day(item["imported_at"]),
            norsk.number(item["rows_read"]),
            norsk.number(item["rows_added"]),
        )
        for item in imports[:MAX_IMPORTS_LISTED]
    ]
    table = data_table(
        ["Fil", "Type", "Importert", "Rader lest", "Lagt til"],
        rows,
        [FRAME_WIDTH - 265, 88, 67, 55, 55],  # room for a long file name and «Referanseverdier»
        numeric_from=3,
    )
    flowables = keep_with_table_start(intro, table)
    if len(imports) > MAX_IMPORTS_LISTED:
        rest = len(imports) - MAX_IMPORTS_LISTED
        flowables.append(text(f"… og {norsk.number(rest)} eldre importer.", SMALL))
    return flowables


# --- Events of the period ---------------------------------------------------------------


def _events_note(content: BriefContent, figure: str) -> list:
    """The events drawn in a time-series figure, listed right below it by their numbers."""
    if not content.events:
        return []
    return [text(events_text(content.events, figure.lower()), NOTE)]
