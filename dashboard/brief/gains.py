"""The brief's first section, Gevinster: what the car's tasks led to, and what it is worth.

Counts of outcomes, the share of tasks with one recorded, kilometres, and the value under
the benefit model in the settings file, always called an estimate and printed with its
assumptions; without a benefit model the section says that no valuation is set. The
outcomes are set beside those of the brief's comparison, named as the key figures name it,
when it has data; otherwise the section says nothing of another period.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import KeepTogether, Spacer, Table

from dashboard.brief import charts, comparing, norsk
from dashboard.brief.content import BriefContent
from dashboard.brief.layout import (
    BODY,
    FRAME_WIDTH,
    HEADING,
    LEAD,
    NOTE,
    SMALL,
    SUBHEADING,
    SUBHEADING_LOOSE,
    data_table,
    keep_with_table_start,
    markup,
    text,
)
from dashboard.brief.privacy import COVER_SYMBOL, Mark, count_text, is_small, protect_group
from dashboard.data.benefits import BenefitEstimate
from dashboard.data.gains import Gains
from dashboard.data.grain import bucket_of
from dashboard.data.vocabulary import (
    AVOIDED_ADMISSION,
    OUTCOMES,
    OWNER_LABELS,
    SERVICES,
    SUBPROJECTS,
)

NOT_RECORDED = "Ikke registrert"
CHARTED = (AVOIDED_ADMISSION, OUTCOMES[1])


def kroner(amount: float) -> str:
    return f"kr{norsk.NBSP}{norsk.number(amount)}"


def gains_section(content: BriefContent) -> list:
    found = content.gains
    flowables = [text("Gevinster", HEADING), text(_lead(found), LEAD)]
    if not found.coverage.tasks:
        return [*flowables, text("Ingen oppgaver registrert i perioden.")]
    return [
        *flowables,
        _headline_sentence(content),
        _outcome_table(content),
        *valuation_part(content.benefit, content.threshold),
        Spacer(1, 10),
        _month_chart(content),
        *_service_part(content),
        *_km_part(found),
    ]


def _lead(found: Gains) -> str:
    coverage = found.coverage
    lead = (
        "Hva bilens oppgaver førte til, slik utfallet (Utfall) av hver oppgave er registrert i "
        "aktivitetsloggen."
    )
    if not coverage.tasks:
        return lead
    return (
        f"{lead} Utfall er registrert for {norsk.percent(coverage.share)} av oppgavene "
        f"({norsk.number(coverage.recorded)} av {norsk.number(coverage.tasks)}); tallene for "
        "hvert utfall gjelder bare disse."
    )


def _small_or(count: int, threshold: int) -> str:
    mark = Mark.SMALL if is_small(count, threshold) else Mark.SHOWN
    return count_text(count, mark, threshold)


def _headline_sentence(content: BriefContent):
    found, threshold = content.gains, content.threshold
    now = f"<b>Innleggelser unngått: {escape(_small_or(found.avoided_admissions, threshold))}</b>"
    if not content.comparison_has_data:
        return markup(f"{now}.", BODY)
    words = comparing.COMPARED_WITH[content.filters.compare.kind]
    before = (
        _small_or(found.previous_avoided_admissions, threshold)
        if found.previous_coverage.tasks
        else "ingen oppgaver"
    )
    return markup(f"{now} ({escape(words)}: {escape(before)}).", BODY)


def _outcome_table(content: BriefContent) -> Table:
    """Tasks and hours per outcome; beside them the comparison period's tasks and the
    change, when the comparison has data."""
    found, threshold = content.gains, content.threshold
    rows = sorted(found.outcomes, key=lambda row: row.outcome is None)
    marks, total_mark = protect_group([row.count for row in rows], threshold)
    printed = [
        [
            row.outcome or NOT_RECORDED,
            count_text(row.count, mark, threshold),
            COVER_SYMBOL if mark.hidden else norsk.hours(row.minutes),
        ]
        for row, mark in zip(rows, marks, strict=True)
    ]
    total = found.coverage.tasks
    hours = norsk.hours(sum(row.minutes for row in rows))
    printed.append(["Alle oppgaver", count_text(total, total_mark, threshold), hours])
    bold = [len(printed) - 1]
    if not content.comparison_has_data:
        widths = [FRAME_WIDTH - 2 * 80, 80, 80]
        return data_table(["Utfall", "Oppgaver", "Timer"], printed, widths, bold_rows=bold)
    before = {row.outcome: row.count for row in found.previous_outcomes}
    previous = [before.get(row.outcome, 0) for row in rows]
    before_marks, before_total = protect_group(previous, threshold)
    for line, row, old, mark, old_mark in zip(
        printed[:-1], rows, previous, marks, before_marks, strict=True
    ):
        hidden = mark.hidden or old_mark.hidden
        line += [
            count_text(old, old_mark, threshold),
            COVER_SYMBOL if hidden else norsk.signed(row.count - old),
        ]
    old_total = found.previous_coverage.tasks
    printed[-1] += [count_text(old_total, before_total, threshold), norsk.signed(total - old_total)]
    header = ["Utfall", "Oppgaver", "Timer", comparing.column_title(content), "Endring"]
    return data_table(header, printed, [FRAME_WIDTH - 4 * 80, 80, 80, 80, 80], bold_rows=bold)


def _month_chart(content: BriefContent):
    found, threshold = content.gains, content.threshold
    series = {}
    for outcome in CHARTED:
        counts = [
            sum(
                c.count
                for c in found.by_month
                if bucket_of(c.group, content.grain) == bucket and c.outcome == outcome
            )
            for bucket in content.buckets
        ]
        marks, _ = protect_group(counts, threshold)
        series[outcome] = [
            None if mark.hidden else count for count, mark in zip(counts, marks, strict=True)
        ]
    return KeepTogether(
        [
            charts.monthly_bars(content.buckets, series, FRAME_WIDTH, grain=content.grain),
            text(
                "Figur: Oppgaver med utfallene innleggelse unngått og behandlet på stedet "
                f"per {norsk.GRAIN_NOUNS[content.grain]}. Skjulte tall er utelatt.",
                NOTE,
            ),
        ]
    )


def _service_part(content: BriefContent) -> list:
    found, threshold = content.gains, content.threshold
    services = [s for s in SERVICES if any(c.group == s for c in found.by_service)]
    services += sorted({c.group for c in found.by_service} - set(services))
    columns = {
        "tasks": lambda s: sum(c.count for c in found.by_service if c.group == s),
        "recorded": lambda s: sum(
            c.count for c in found.by_service if c.group == s and c.outcome is not None
        ),
        **{
            outcome: lambda s, o=outcome: sum(
                c.count for c in found.by_service if c.group == s and c.outcome == o
            )
            for outcome in CHARTED
        },
    }
    values = {key: [pick(s) for s in services] for key, pick in columns.items()}
    marks = {key: protect_group(counts, threshold)[0] for key, counts in values.items()}
    rows = []
    for index, service in enumerate(services):
        tasks, recorded = values["tasks"][index], values["recorded"][index]
        hidden = marks["tasks"][index].hidden or marks["recorded"][index].hidden
        share = COVER_SYMBOL if hidden else norsk.percent(recorded / tasks if tasks else None)
        rows.append(
            (
                service,
                count_text(tasks, marks["tasks"][index], threshold),
                share,
                *(count_text(values[o][index], marks[o][index], threshold) for o in CHARTED),
            )
        )
    header = ["Bestillende tjeneste", "Oppgaver", "Utfall registrert", *CHARTED]
    table = data_table(header, rows, [FRAME_WIDTH - 4 * 85, 85, 85, 85, 85])
    return [
        Spacer(1, 6),
        KeepTogether([text("Utfall per bestillende tjeneste", SUBHEADING), table]),
    ]


def _km_part(found: Gains) -> list:
    km = found.km
    rows, bold = [], []
    groups = (
        (
            "Per delprosjekt",
            [(f"{r.group}. {SUBPROJECTS[r.group]}", r.km) for r in km.by_subproject],
        ),
        ("Per eier av tjenesten", [(OWNER_LABELS[r.group], r.km) for r in km.by_owner]),
        ("Per kommune", [(r.group or "Ikke oppgitt", r.km) for r in km.by_municipality]),
    )
    for title, lines in groups:
        bold.append(len(rows))
        rows.append((title, ""))
        rows += [(f"{norsk.NBSP * 3}{label}", norsk.number(value, 1)) for label, value in lines]
    table = data_table(
        ["Kilometer på oppgaver", "Km"], rows, [FRAME_WIDTH - 100, 100], bold_rows=bold
    )
    intro = text(
        f"Bilen kjørte {norsk.number(km.total, 1)} km på oppgaver i perioden (kolonnen Km i "
        "aktivitetsloggen; en oppgave uten km teller som null).",
        BODY,
    )
    # The table may part across pages; its heading and first rows stay together.
    return keep_with_table_start([text("Kilometer", SUBHEADING_LOOSE), intro], table)


def valuation_part(valued: BenefitEstimate, threshold: int) -> list:
    heading = text("Verdsetting", SUBHEADING)
    if not valued.is_set:
        return [
            KeepTogether(
                [
                    heading,
                    text(
                        "Ingen verdsetting er satt: gevinstene vises bare som antall. "
                        "Enhetsverdier med kilde (kroner per unngått innleggelse, per unngått "
                        "ambulansetransport, per unngått drosjetur …) settes i vinduet under "
                        "Kostnadsdeling → Gevinstmodell. Et anslag vises da her, med "
                        "forutsetningene.",
                        BODY,
                    ),
                ]
            )
        ]
    marks, _ = protect_group([line.count for line in valued.lines], threshold)
    # With the unit values printed, any sum of amounts would give a hidden count away.
    total_hidden = any(mark.hidden for mark in marks)
    rows = [
        (
            line.value.name,
            ", ".join(line.value.outcomes),
            count_text(line.count, mark, threshold),
            kroner(line.value.kroner),
            COVER_SYMBOL if mark.hidden else kroner(line.amount),
        )
        for line, mark in zip(valued.lines, marks, strict=True)
    ]
    total = COVER_SYMBOL if total_hidden else kroner(valued.total)
    rows.append(("Anslag i alt", "", "", "", total))
    table = data_table(
        ["Enhetsverdi", "Teller utfallene", "Oppgaver", "Kr per oppgave", "Anslag"],
        rows,
        [FRAME_WIDTH - 4 * 80 - 40, 120, 60, 90, 90],
        numeric_from=2,
        bold_rows=[len(rows) - 1],
    )
    sources = [
        markup(f"<b>Kilde, {escape(line.value.name)}:</b> {escape(line.value.source)}", SMALL)
        for line in valued.lines
    ]
    assumptions = [text(f"• {sentence}", SMALL) for sentence in assumption_sentences(valued)]
    return [
        KeepTogether(
            [
                heading,
                markup(f"<b>Anslått verdi: {total} (anslag).</b>", LEAD),
                table,
                Spacer(1, 4),
                *sources,
                markup("<b>Forutsetninger for anslaget</b>", SMALL),
                *assumptions,
            ]
        )
    ]


def assumption_sentences(valued: BenefitEstimate) -> list[str]:
    coverage = valued.coverage
    sentences = [
        "Et anslag, ikke en målt besparelse: antall oppgaver med hvert utfall ganger "
        "enhetsverdien som er satt for det, med kildene over.",
        "Bare oppgaver med registrert utfall teller: "
        f"{norsk.number(coverage.recorded)} av {norsk.number(coverage.tasks)} oppgaver "
        f"({norsk.percent(coverage.share)}). Oppgaver uten registrert utfall gir ingenting.",
        "Hver oppgave med et verdsatt utfall antas å ha spart det enhetsverdien setter pris på "
        "(en innleggelse, en transport), én gang.",
    ]
    for outcome, names in valued.counted_twice:
        sentences.append(f"Oppgaver med utfallet «{outcome}» teller i hver av: {', '.join(names)}.")
    if valued.not_valued:
        sentences.append(f"Ikke verdsatt: {', '.join(valued.not_valued)}.")
    return sentences
