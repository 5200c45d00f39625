"""What the brief says about its comparison and about sources that end before the period:
the comparison period in words, and "utrykninger bare til og med 30.09.2024" beside the
figures a short source makes."""

from __future__ import annotations

from datetime import date

from dashboard.brief import norsk
from dashboard.brief.content import BriefContent
from dashboard.data.coverage import SOURCE_NAMES, SOURCES
from dashboard.data.figures import Freshness

COLUMN_TITLES = {
    "previous": "Forrige periode",
    "last-year": "Samme periode i fjor",
    "baseline": "Grunnlinje",
}
NO_DATA = {
    "activity": "ingen aktiviteter registrert",
    "callouts": "ingen utrykninger registrert",
    "carlog": "ingen turer i kjøreboken",
}
COMPARED_WITH = {
    "previous": "forrige periode",
    "last-year": "samme datoer året før",
    "baseline": "grunnlinjen",
}


def column_title(content: BriefContent) -> str:
    return COLUMN_TITLES[content.filters.compare.kind]


def comparison_sentence(content: BriefContent) -> str:
    """``Perioden … sammenlignet med forrige periode, ….`` and why changes are missing."""
    filters, previous = content.filters, content.previous
    period = f"Perioden {norsk.period(filters.start, filters.end)}"
    if previous is None:
        return f"{period}. Ingen sammenligning er valgt."
    words = COMPARED_WITH[filters.compare.kind]
    sentence = f"{period} sammenlignet med {words}, {norsk.period(previous.start, previous.end)}."
    if not content.comparison_has_data:
        return f"{sentence} Det finnes ingen data så langt tilbake, så endringer vises ikke."
    if previous.start < content.first_day.replace(day=1):  # not a quiet first day or two
        sentence += (
            f" Dataene begynner {norsk.day(content.first_day)}, så sammenligningsperioden er "
            "bare delvis dekket."
        )
    if abs(previous.days - filters.days) > filters.days / 10:  # not a leap day or a month
        sentence += (
            f" Merk at perioden har {norsk.number(filters.days)} dager og "
            f"sammenligningsperioden {norsk.number(previous.days)}: antall og timer er summer "
            "for hver periode."
        )
    return sentence


def short_label(content: BriefContent, kind: str | None) -> str:
    """``utrykninger bare til og med 30.09.2024`` when ``kind`` ends before the period."""
    short = content.short.get(kind) if kind else None
    if short is None:
        return ""
    if short.last_day is None:
        return NO_DATA[kind]
    return f"{SOURCE_NAMES[kind]} bare til og med {norsk.day(short.last_day)}"


def after_last_day(content: BriefContent, kind: str, bucket: date) -> bool:
    """True for a month (quarter, year) that begins after ``kind``'s last day with data:
    its row shows a dash, not zeros that would read as a fall."""
    short = content.short.get(kind)
    return short is not None and (short.last_day is None or bucket > short.last_day)


def short_note(content: BriefContent, kind: str) -> str:
    """A sentence for a section whose source ends before the period, or empty."""
    label = short_label(content, kind)
    if not label:
        return ""
    return (
        f"Merk: {label}, mens perioden går til {norsk.day(content.filters.end)}. "
        "Tallene etter dette mangler, de er ikke null."
    )


FIGURES_OF = {
    "activity": "oppgaver og timer",
    "callouts": "utrykninger og ø-hjelp",
    "carlog": "bilturer",
}


def headline_note(content: BriefContent) -> str:
    """``Merk: utrykninger bare til og med 30.09.2024 (gjelder utrykninger og ø-hjelp); …``"""
    days = {short.last_day for short in content.short.values()}
    if len(content.short) > 1 and len(days) == 1 and None not in days:
        names = [SOURCE_NAMES[kind] for kind in content.short]
        together = f"{', '.join(names[:-1])} og {names[-1]}"
        parts = [f"{together} bare til og med {norsk.day(days.pop())}"]
    else:
        parts = [
            f"{short_label(content, kind)} (gjelder {FIGURES_OF[kind]})" for kind in content.short
        ]
    if not parts:
        return ""
    return (
        f"Merk: {'; '.join(parts)}. Perioden går til {norsk.day(content.filters.end)}; "
        "tallene etter siste dag med data mangler, de er ikke null."
    )


def freshness_text(freshness: Freshness) -> str:
    """``Sist data: aktivitet 31.12.2025, utrykninger 30.09.2025, kjørebok …, målstatus …``."""
    parts = [f"{SOURCE_NAMES[kind]} {norsk.day(getattr(freshness, kind))}" for kind in SOURCES]
    parts.append(f"målstatus {norsk.day(freshness.goals)}")
    return "Sist data: " + ", ".join(parts) + "."


DEFINITIONS = {
    "previous": "Forrige periode slutter dagen før perioden starter: like mange hele måneder "
    "når perioden er hele måneder (et år sammenlignes med året før, et halvår med halvåret "
    "før), ellers like mange dager.",
    "last-year": "Samme periode i fjor er de samme datoene ett år tidligere (29. februar blir "
    "28. februar).",
    "baseline": "Grunnlinjen er perioden brukeren valgte å sammenligne med.",
    "none": "Notatet sammenligner ikke med en annen periode.",
}
GRAIN_SENTENCES = {
    "month": "Tabeller og figurer viser hver måned.",
    "quarter": "Perioden er lengre enn 18 måneder, så tabeller og figurer viser kvartaler.",
    "year": "Perioden er lengre enn fem år, så tabeller og figurer viser hele år; "
    "månedstallene finnes i vinduet.",
}


def definition(content: BriefContent) -> str:
    return DEFINITIONS[content.filters.compare.kind]


def grain_sentence(content: BriefContent) -> str:
    return GRAIN_SENTENCES[content.grain]
