"""The four export kinds: their fields, header aliases, value vocabularies, and detection."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

KIND_LABELS = {
    "activity": "aktivitetslogg",
    "callouts": "utrykninger",
    "carlog": "kjørebok",
    "goals": "målstatus",
    "actions": "oppfølgingslogg",
}

# The goal register's own export (register.py): its header says a file is one. The status
# is written as the source wrote it, its 1–3 value beside it.
REGISTER_HEADER = [
    "Mål-ID",
    "Plan",
    "Område",
    "Mål",
    "Måltype",
    "Frist",
    "Status",
    "Verdi (1–3)",
    "Vurdert",
    "Kommentar",
    "Ansvarlig",
    "Evalueringens vurdering",
    "Nøkkeltall-nøkkel",
    "Nøkkeltall-mål",
]
# Exports written before migration 6 had this header; their cells are escaped alike.
EARLIER_REGISTER_HEADER = [
    "Mål-ID",
    "Plan",
    "Område",
    "Mål",
    "Status",
    "Vurdert",
    "Kommentar",
    "Ansvarlig",
]

# The follow-up log's own export (followup.py): its header says a file is one.
ACTIONS_HEADER = ["Møtedato", "Sak", "Type", "Ansvarlig", "Frist", "Status", "Kommentar"]

# Sheet names that say which kind an Excel sheet holds.
SHEET_NAMES = {
    "activity": ("aktivitetslogg", "aktiviteter", "activity"),
    "callouts": ("utrykninger", "callouts"),
    "carlog": ("kjørebok", "kjorebok", "carlog"),
    "goals": ("målstatus", "malstatus", "mål", "goals"),
    "actions": ("oppfølging", "oppfolging", "oppfølgingslogg", "oppfølgingspunkter", "actions"),
}


def normalize_header(text: str) -> str:
    """Case-insensitive, ignoring spaces, dots and underscores (and a stray BOM)."""
    return re.sub(r"[\s._\ufeff]+", "", str(text)).casefold()


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    aliases: tuple[str, ...]

    @cached_property
    def normalized_aliases(self) -> frozenset[str]:
        return frozenset(normalize_header(alias) for alias in self.aliases)


def _fields(*specs: tuple[str, str, tuple[str, ...]]) -> dict[str, Field]:
    return {name: Field(name, label, aliases) for name, label, aliases in specs}


START = ("start", "Start", ("Start", "Starttid", "Fra"))
END = ("end", "Slutt", ("Slutt", "Sluttid", "Til"))
DAY = ("date", "Dato", ("Dato",))
START_CLOCK = ("start_clock", "Fra kl.", ("Fra kl.", "Fra klokken"))
END_CLOCK = ("end_clock", "Til kl.", ("Til kl.", "Til klokken"))
KM = ("km", "Km", ("Km", "Kjørte km"))
MUNICIPALITY = ("municipality", "Kommune", ("Kommune",))

FIELDS: dict[str, dict[str, Field]] = {
    "activity": _fields(
        ("id", "ID", ("ID", "Løpenr", "Aktivitet-ID")),
        START,
        END,
        DAY,
        START_CLOCK,
        END_CLOCK,
        ("duration", "Varighet", ("Varighet", "Varighet (min)", "Minutter")),
        ("subproject", "Delprosjekt", ("Delprosjekt", "DP")),
        ("task", "Oppgave", ("Oppgave", "Aktivitet", "Oppdragstype")),
        ("requested_by", "Bestiller", ("Bestiller", "Rekvirent", "Tjeneste", "Oppdragsgiver")),
        MUNICIPALITY,
        ("outcome", "Utfall", ("Utfall", "Resultat")),
        KM,
    ),
    "callouts": _fields(
        ("id", "Hendelsesnr", ("Hendelsesnr", "Oppdragsnr", "Hendelse-ID")),
        ("time", "Alarmtid", ("Alarmtid", "Tidspunkt", "Tid")),
        ("urgency", "Hastegrad", ("Hastegrad", "Respons")),
        ("resource", "Ressurs", ("Ressurs", "Enhet")),
        ("doctor_present", "Lege med", ("Lege med", "Lege deltok", "Lege")),
        MUNICIPALITY,
    ),
    "carlog": _fields(
        ("id", "Tur", ("Tur", "Turnr", "ID")),
        START,
        END,
        DAY,
        START_CLOCK,
        END_CLOCK,
        ("driver_role", "Bruker", ("Bruker", "Sjåfør", "Rolle")),
        ("purpose", "Formål", ("Formål", "Oppdrag")),
        KM,
    ),
    "goals": _fields(
        ("goal_id", "Mål-ID", ("Mål-ID", "MålID")),
        ("plan", "Plan", ("Plan", "Dokument", "Utviklingsplan")),
        (
            "area",
            "Område",
            ("Område", "Tema", "Tiltaksområde", "Tiltaksområder", "Satsingsområde"),
        ),
        (
            "goal",
            "Mål",
            (
                "Mål",
                "Tiltak",
                "Målformulering",
                "Aktuelle tiltak",
                "Satsingsområde/tiltak",
                "Helse Midt-Norge vil",
            ),
        ),
        ("status", "Status", ("Status", "Vurdering", "Måloppnåelse")),
        ("assessed", "Vurdert", ("Vurdert", "Dato", "Status per")),
        (
            "comment",
            "Kommentar",
            ("Kommentar", "Kommentarer", "Gruppens vurdering", "Gruppenes vurdering", "Merknad"),
        ),
        ("owner", "Ansvarlig", ("Ansvarlig", "Eier")),
        ("deadline", "Frist", ("Frist", "Tid")),
        ("goal_type", "Måltype", ("Måltype",)),
        ("evaluation", "Evalueringens vurdering", ("Evalueringens vurdering",)),
        ("scale", "Verdi (1–3)", ("Verdi (1–3)", "Verdi (1-3)", "Skalaverdi")),
        # The register's own export carries a goal's tie to a figure (goal_indicators).
        ("indicator", "Nøkkeltall-nøkkel", ("Nøkkeltall-nøkkel",)),
        ("indicator_target", "Nøkkeltall-mål", ("Nøkkeltall-mål",)),
    ),
    "actions": _fields(
        ("meeting", "Møtedato", ("Møtedato", "Møte", "Dato", "Møtedag")),
        ("item", "Sak", ("Sak", "Oppfølgingspunkt", "Tiltak", "Vedtak", "Oppfølgingssak")),
        ("kind", "Type", ("Type", "Sakstype")),
        ("responsible", "Ansvarlig", ("Ansvarlig", "Ansvar")),
        ("deadline", "Frist", ("Frist", "Tidsfrist")),
        ("status", "Status", ("Status",)),
        ("comment", "Kommentar", ("Kommentar", "Kommentarer", "Merknad")),
    ),
}

# Each entry is a set of alternatives; each alternative is fields that must all be present.
REQUIRED: dict[str, list[list[tuple[str, ...]]]] = {
    "activity": [
        [("start",), ("date", "start_clock")],
        [("end",), ("date", "end_clock"), ("duration",)],
        [("subproject",)],
        [("task",)],
        [("requested_by",)],
    ],
    "callouts": [[("id",)], [("time",)], [("urgency",)], [("resource",)], [("doctor_present",)]],
    "carlog": [
        [("start",), ("date", "start_clock")],
        [("end",), ("date", "end_clock")],
        [("driver_role",)],
    ],
    # A table with no goal column takes its area column as the goal (HNT's "Tiltaksområder");
    # statuses and their date are asked for by the rows (typed_rows.GoalSpec).
    "goals": [[("plan",)], [("goal",), ("area",)]],
    "actions": [[("meeting",)], [("item",)]],
}

# Headers that name a field by their form rather than their words: a status header naming
# its date ("Status mai 2021", "Status per 05.2021"), and "Kommentarer (…)". Matched on the
# normalised header; the date is read by goal_dates.parse_assessed.
HEADER_PATTERNS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "goals": (
        ("status", re.compile(r"status(?:per)?(?=.*\d{4}$)(.+)")),
        ("comment", re.compile(r"kommentar(?:er)?\(.*\)")),
    ),
}


def status_header_date(header: str) -> str | None:
    """The date a status header names, as written ("mai 2021" of "Status per mai 2021")."""
    match = re.fullmatch(r"\s*status\s*(?:per\s+)?(.*\d{4})\s*", str(header), re.IGNORECASE)
    return match.group(1).strip() if match else None


def _pattern_field(kind: str, header: str) -> str | None:
    key = normalize_header(header)
    for name, pattern in HEADER_PATTERNS.get(kind, ()):
        if pattern.fullmatch(key):
            return name
    return None


def match_columns(kind: str, headers: list[str]) -> dict[str, int]:
    """Which header column holds each field of ``kind`` (first match wins)."""
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = normalize_header(header)
        for field in FIELDS[kind].values():
            if field.name not in found and key in field.normalized_aliases:
                found[field.name] = index
                break
    for index, header in enumerate(headers):
        name = _pattern_field(kind, header)
        if name and name not in found and index not in found.values():
            found[name] = index
    return found


def missing_fields(kind: str, columns: dict[str, int]) -> list[str]:
    """Readable names of required fields with no column, e.g. ``«Start» (eller …)``."""
    missing = []
    for alternatives in REQUIRED[kind]:
        if any(all(name in columns for name in option) for option in alternatives):
            continue
        options = [
            " + ".join(FIELDS[kind][name].label for name in option) for option in alternatives
        ]
        first = FIELDS[kind][alternatives[0][0]]
        aliases = [alias for alias in first.aliases if alias != first.label]
        missing.append(
            f"«{' eller '.join(options)}» (også kalt {', '.join(aliases)})"
            if aliases
            else f"«{' eller '.join(options)}»"
        )
    return missing


def header_score(headers: list[str]) -> int:
    """How many fields of the best-matching kind these headers name."""
    return max(len(match_columns(kind, headers)) for kind in FIELDS)


def detect_kind(headers: list[str]) -> str | None:
    """The kind whose fields the headers name most; None when two kinds tie."""
    scores = sorted(
        (
            (
                len(match_columns(kind, headers))
                - 0.5 * len(missing_fields(kind, match_columns(kind, headers))),
                kind,
            )
            for kind in FIELDS
        ),
        reverse=True,
    )
    (best, kind), (second, _) = scores[0], scores[1]
    return kind if best > second and best > 0 else None


SUBPROJECT_NAMES = {
    "beredskap og ø-hjelp": 1,
    "beredskap og øyeblikkelig hjelp": 1,
    "beredskap": 1,
    "samarbeid hbo og sykehjem": 2,
    "individuelle pasientforløp og planer": 3,
    "individuelle pasientforløp": 3,
    "forebyggende hjemmebesøk": 4,
    "fra prosjekt til drift": 5,
    "kompetanse": 6,
}

SERVICE_WORDS = {
    "amk": "AMK",
    "legevakt": "Legevakt",
    "legevakta": "Legevakt",
    "hbo": "HBO",
    "hjemmebasert omsorg": "HBO",
    "hjemmesykepleie": "HBO",
    "hjemmetjenesten": "HBO",
    "sykehjem": "Sykehjem",
    "psykiatri/rus": "Psykiatri/rus",
    "psykiatri og rus": "Psykiatri/rus",
    "rus/psykiatri": "Psykiatri/rus",
    "psykisk helse og rus": "Psykiatri/rus",
    "kreftkoordinator": "Kreftkoordinator",
    "ergoterapi": "Ergoterapi",
    "ergoterapeut": "Ergoterapi",
    "fastlege": "Fastlege",
    "annet": "Annet",
}

URGENCY_WORDS = {
    "akutt": "akutt",
    "rød": "akutt",
    "a": "akutt",
    "haster": "haster",
    "gul": "haster",
    "h": "haster",
    "vanlig": "vanlig",
    "grønn": "vanlig",
    "v": "vanlig",
}

YES_NO_WORDS = {
    "ja": True,
    "j": True,
    "1": True,
    "x": True,
    "true": True,
    "sann": True,
    "nei": False,
    "n": False,
    "0": False,
    "false": False,
    "usann": False,
}

ROLE_WORDS = {
    "helsevakt": "helsevakt",
    "helsevaktbil": "helsevakt",
    "ambulansearbeider": "helsevakt",
    "legevaktlege": "legevaktlege",
    "legevakt": "legevaktlege",
    "lege": "legevaktlege",
}

STATUS_WORDS = {
    "1": 1,
    "2": 2,
    "3": 3,
    "ikke oppfylt": 1,
    "delvis oppfylt": 2,
    "oppfylt": 3,
    "ikke oppnådd": 1,
    "delvis oppnådd": 2,
    "oppnådd": 3,
}

MONTH_WORDS = {
    name: number
    for number, names in enumerate(
        [
            ("januar", "jan"),
            ("februar", "feb"),
            ("mars", "mar"),
            ("april", "apr"),
            ("mai",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("desember", "des"),
        ],
        start=1,
    )
    for name in names
}

# The follow-up log's words: as the contract writes them, without the letters æøå, and the
# words a secretary writes for the same thing. Stored as the keys of vocabulary.py.
FOLLOWUP_KIND_WORDS = {
    "vedtak": "decision",
    "beslutning": "decision",
    "oppfølging": "action",
    "oppfolging": "action",
    "oppfølgingspunkt": "action",
    "oppfolgingspunkt": "action",
    "oppfølgingssak": "action",
    "tiltak": "action",
    "oppgave": "action",
}

FOLLOWUP_STATUS_WORDS = {
    "åpen": "open",
    "apen": "open",
    "aapen": "open",
    "ikke startet": "open",
    "pågår": "open",
    "pagar": "open",
    "i arbeid": "open",
    "under arbeid": "open",
    "utført": "done",
    "utfort": "done",
    "ferdig": "done",
    "fullført": "done",
    "gjennomført": "done",
    "lukket": "done",
    "utgår": "dropped",
    "utgar": "dropped",
    "utgått": "dropped",
    "utgatt": "dropped",
    "bortfalt": "dropped",
    "avlyst": "dropped",
}

VOCABULARIES: dict[str, dict[str, object]] = {
    "subproject": SUBPROJECT_NAMES,
    "service": SERVICE_WORDS,
    "urgency": URGENCY_WORDS,
    "yes_no": YES_NO_WORDS,
    "role": ROLE_WORDS,
    "status": STATUS_WORDS,
    "month": MONTH_WORDS,
    "followup_kind": FOLLOWUP_KIND_WORDS,
    "followup_status": FOLLOWUP_STATUS_WORDS,
}


# Kinds 6 and 7: reference values (references.py) and events (events.py).
KIND_LABELS.update({"references": "referanseverdier", "events": "hendelser"})
SHEET_NAMES.update(
    {
        "references": ("referanseverdier", "referanser", "references"),
        "events": ("hendelser", "events"),
    }
)
FIELDS.update(
    {
        "references": _fields(
            ("indicator", "Indikator", ("Indikator", "Nøkkeltall")),
            ("group", "Sammenligning", ("Sammenligning", "Gruppe", "Enhet")),
            ("period", "Periode", ("Periode", "År")),
            ("period_from", "Fra", ("Fra",)),
            ("period_to", "Til", ("Til",)),
            ("value", "Verdi", ("Verdi",)),
            ("source", "Kilde", ("Kilde",)),
        ),
        "events": _fields(
            ("start", "Dato", ("Dato", "Fra")),
            ("end", "Til", ("Til",)),
            ("text", "Hendelse", ("Hendelse", "Tekst", "Beskrivelse")),
        ),
    }
)
REQUIRED.update(
    {
        "references": [[("indicator",)], [("group",)], [("value",)], [("source",)]],
        "events": [[("start",)], [("text",)]],
    }
)


def _indicator_words() -> dict[str, str]:
    """Every name of an indicator, case-folded and with single spaces → its key."""
    from dashboard.data.vocabulary import (
        INDICATOR_ALIASES,
        INDICATOR_PATHS,
        INDICATORS,
    )

    words = {}
    for key, label in INDICATORS.items():
        for name in (key, label, INDICATOR_PATHS[key], *INDICATOR_ALIASES.get(key, ())):
            words[" ".join(name.split()).casefold()] = key
    return words


INDICATOR_WORDS = _indicator_words()
VOCABULARIES["indicator"] = INDICATOR_WORDS


def _indicator_units() -> dict[str, str]:
    from dashboard.data.vocabulary import INDICATOR_UNITS

    return dict(INDICATOR_UNITS)


# An indicator's key → its unit, for reading its value (a share or a plain number).
VOCABULARIES["indicator_unit"] = _indicator_units()
