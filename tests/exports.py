"""An export writer of the tests' own, written from the data contract alone.

It turns plain records (dicts of datetimes, numbers and vocabulary values) into the files
real systems and hand-kept sheets produce: CSV/TXT in several delimiters, encodings, decimal
marks, date formats, header aliases and value spellings, and XLSX workbooks with title rows,
real Excel date cells mixed with text dates and more than one sheet. It also makes a seeded
random set of records to write.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

KINDS = ("activity", "callouts", "carlog", "goals")

SUBPROJECT_NAMES = {
    1: "Beredskap og ø-hjelp",
    2: "Samarbeid HBO og sykehjem",
    3: "Individuelle pasientforløp og planer",
    4: "Forebyggende hjemmebesøk",
    5: "Fra prosjekt til drift",
    6: "Kompetanse",
}
SERVICES = (
    "AMK",
    "Legevakt",
    "HBO",
    "Sykehjem",
    "Psykiatri/rus",
    "Kreftkoordinator",
    "Ergoterapi",
    "Fastlege",
    "Annet",
)
TASKS = ("Blodprøve", "EKG", "Forebyggende hjemmebesøk", "Sårstell", "Øyeblikkelig hjelp")
MUNICIPALITIES = ("Røros", "Holtålen", "Os")
OUTCOMES = ("Behandlet på stedet", "Innleggelse unngått", "Innlagt", "Henvist fastlege")
PLANS = (
    "Strategi 2030 (HMN)",
    "Lokal utviklingsplan St. Olav 2019–2035",
    "Regional utviklingsplan 2019–2022",
)
NORWEGIAN_MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)

# Header per field: the first alias the contract lists, and another alias it also allows.
HEADERS = {
    "activity": {
        "first": {
            "id": "ID",
            "start": "Start",
            "end": "Slutt",
            "duration": "Varighet",
            "subproject": "Delprosjekt",
            "task": "Oppgave",
            "requested_by": "Bestiller",
            "municipality": "Kommune",
            "outcome": "Utfall",
            "km": "Km",
        },
        "other": {
            "id": "Løpenr",
            "start": "Starttid",
            "end": "Sluttid",
            "duration": "Varighet (min)",
            "subproject": "DP",
            "task": "Oppdragstype",
            "requested_by": "Rekvirent",
            "municipality": "KOMMUNE",
            "outcome": "Resultat",
            "km": "Kjørte km",
        },
    },
    "callouts": {
        "first": {
            "id": "Hendelsesnr",
            "time": "Alarmtid",
            "urgency": "Hastegrad",
            "resource": "Ressurs",
            "doctor_present": "Lege med",
            "municipality": "Kommune",
        },
        "other": {
            "id": "Oppdragsnr",
            "time": "Tidspunkt",
            "urgency": "Respons",
            "resource": "Enhet",
            "doctor_present": "Lege_deltok",
            "municipality": "kommune",
        },
    },
    "carlog": {
        "first": {
            "id": "Tur",
            "start": "Start",
            "end": "Slutt",
            "driver_role": "Bruker",
            "purpose": "Formål",
            "km": "Km",
        },
        "other": {
            "id": "Turnr",
            "start": "Fra",
            "end": "Til",
            "driver_role": "Sjåfør",
            "purpose": "Oppdrag",
            "km": "KM",
        },
    },
    "goals": {
        "first": {
            "plan": "Plan",
            "area": "Område",
            "goal": "Mål",
            "status": "Status",
            "assessed": "Vurdert",
            "comment": "Kommentar",
            "owner": "Ansvarlig",
        },
        "other": {
            "plan": "Utviklingsplan",
            "area": "Tema",
            "goal": "Målformulering",
            "status": "Måloppnåelse",
            "assessed": "Status per",
            "comment": "Gruppens vurdering",
            "owner": "Eier",
        },
    },
}
SPLIT_HEADERS = {
    "first": ("Dato", "Fra kl.", "Til kl."),
    "other": ("dato", "Fra kl", "TIL_KL."),
}

URGENCY_SPELLINGS = {
    "akutt": ("Akutt", "Rød", "A", "AKUTT", "rød"),
    "haster": ("Haster", "Gul", "H", "haster", "GUL"),
    "vanlig": ("Vanlig", "Grønn", "V", "vanlig", "grønn"),
}
YES_NO_SPELLINGS = (("Ja", "Nei"), ("J", "N"), ("1", "0"), ("x", ""), ("true", "false"))
STATUS_SPELLINGS = (
    ("1", "2", "3"),
    ("Ikke oppfylt", "Delvis oppfylt", "Oppfylt"),
    ("ikke oppnådd", "delvis oppnådd", "oppnådd"),
    ("IKKE OPPNÅDD", "Delvis Oppnådd", "Oppnådd"),
)


@dataclass(frozen=True)
class ExportForm:
    """How one export is written; every choice is one the contract allows."""

    suffix: str = ".csv"
    delimiter: str = ";"
    encoding: str = "utf-8"
    decimal_comma: bool = True
    datetime_format: str = "dd.mm.yyyy HH:MM"
    split_dates: bool = False
    aliases: str = "first"
    varied_spellings: bool = False
    with_ids: bool = True
    use_duration: bool = False
    title_rows: tuple[str, ...] = ()
    extra_columns: bool = False
    sheet_names: dict[str, str] | None = None
    other_sheets: tuple[str, ...] = ()
    excel_dates: bool = True
    # A whole date says more than a month: off when the same rows must be rewritten alike.
    whole_assessment_dates: bool = True

    def but(self, **changes) -> ExportForm:
        return replace(self, **changes)


def format_datetime(value: datetime, style: str) -> str:
    if style == "dd.mm.yyyy HH:MM":
        return f"{value.day:02d}.{value.month:02d}.{value.year} {value.hour:02d}:{value.minute:02d}"
    if style == "d.m.yyyy HH:MM":
        return f"{value.day}.{value.month}.{value.year} {value.hour:02d}:{value.minute:02d}"
    if style == "yyyy-mm-dd HH:MM:SS":
        return value.strftime("%Y-%m-%d %H:%M:%S")
    raise ValueError(style)


def format_date(value: date, style: str) -> str:
    if style.startswith("dd.mm.yyyy"):
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    if style.startswith("d.m.yyyy"):
        return f"{value.day}.{value.month}.{value.year}"
    return value.isoformat()


def format_number(value: float, form: ExportForm) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if form.decimal_comma else text


def format_assessed(value: date, row: int, form: ExportForm) -> str:
    """A whole date, `mm.yyyy`, `yyyy-mm` or a Norwegian month and year."""
    if not form.varied_spellings:
        return f"{value.month:02d}.{value.year}"
    month_name = NORWEGIAN_MONTHS[value.month - 1]
    choices = [
        f"{value.month:02d}.{value.year}",
        f"{value.year}-{value.month:02d}",
        f"{month_name} {value.year}",
        f"{month_name.capitalize()} {value.year}",
    ]
    if form.whole_assessment_dates:
        choices.append(format_date(value, form.datetime_format))
    return choices[row % len(choices)]


def spell_subproject(number: int, row: int, form: ExportForm) -> str:
    if not form.varied_spellings:
        return str(number)
    choices = (
        str(number),
        f"DP{number}",
        f"Delprosjekt {number}",
        SUBPROJECT_NAMES[number],
        SUBPROJECT_NAMES[number].upper(),
        f"delprosjekt {number}",
    )
    return choices[row % len(choices)]


def spell_vocabulary(value: str, row: int, form: ExportForm) -> str:
    """Vocabulary values are matched case-insensitively, so vary the case."""
    if not form.varied_spellings:
        return value
    return (value, value.lower(), value.upper())[row % 3]


def spell_urgency(value: str, row: int, form: ExportForm) -> str:
    choices = URGENCY_SPELLINGS[value]
    return choices[row % len(choices)] if form.varied_spellings else choices[0]


def spell_yes_no(value: bool, row: int, form: ExportForm) -> str:
    pair = YES_NO_SPELLINGS[row % len(YES_NO_SPELLINGS)] if form.varied_spellings else ("Ja", "Nei")
    return pair[0] if value else pair[1]


def spell_status(value: int | None, row: int, form: ExportForm) -> str:
    if value is None:
        return ""
    words = (
        STATUS_SPELLINGS[row % len(STATUS_SPELLINGS)] if form.varied_spellings else ("1", "2", "3")
    )
    return words[value - 1]


def fold_goal_text(text: str, row: int, form: ExportForm) -> str:
    """The same goal written with other spacing and case, as hand-kept sheets drift."""
    if not form.varied_spellings:
        return text
    variants = (text, f"  {text.upper()} ", text.replace(" ", "  "), text.lower() + " ")
    return variants[row % len(variants)]


def _time_cells(start: datetime, end: datetime, form: ExportForm, excel: bool) -> list:
    """Start and end as one or three cells; as Excel values when ``excel``."""
    if form.split_dates:
        if excel:
            return [start.date(), start.time(), end.time()]
        return [
            format_date(start.date(), form.datetime_format),
            start.strftime("%H:%M"),
            end.strftime("%H:%M"),
        ]
    if excel:
        return [start, end]
    return [
        format_datetime(start, form.datetime_format),
        format_datetime(end, form.datetime_format),
    ]


def _time_headers(names: dict, form: ExportForm) -> list[str]:
    if form.split_dates:
        return list(SPLIT_HEADERS[form.aliases])
    return [names["start"], names["end"]]


def _activity_table(records: list[dict], form: ExportForm, excel_row) -> tuple[list, list]:
    names = HEADERS["activity"][form.aliases]
    headers = [names["id"]] if form.with_ids else []
    if form.use_duration:
        headers += [names["start"], names["duration"]]
    else:
        headers += _time_headers(names, form)
    headers += [names[key] for key in ("subproject", "task", "requested_by", "municipality")]
    headers += [names["outcome"], names["km"]]
    rows = []
    for row, record in enumerate(records):
        excel = excel_row(row)
        cells = [record["id"]] if form.with_ids else []
        if form.use_duration:
            minutes = (record["end"] - record["start"]).total_seconds() / 60
            start = record["start"]
            cells.append(start if excel else format_datetime(start, form.datetime_format))
            cells.append(minutes if excel else format_number(minutes, form))
        else:
            cells += _time_cells(record["start"], record["end"], form, excel)
        cells += [
            record["subproject"] if excel else spell_subproject(record["subproject"], row, form),
            record["task"],
            spell_vocabulary(record["requested_by"], row, form),
            record["municipality"],
            record["outcome"],
            record["km"] if excel else format_number(record["km"], form),
        ]
        rows.append(cells)
    return headers, rows


def _callout_table(records: list[dict], form: ExportForm, excel_row) -> tuple[list, list]:
    names = HEADERS["callouts"][form.aliases]
    headers = [names[key] for key in ("id", "time", "urgency", "resource")]
    headers += [names["doctor_present"], names["municipality"]]
    rows = []
    for row, record in enumerate(records):
        excel = excel_row(row)
        alarm = record["time"]
        rows.append(
            [
                int(record["id"]) if excel and record["id"].isdigit() else record["id"],
                alarm if excel else format_datetime(alarm, form.datetime_format),
                spell_urgency(record["urgency"], row, form),
                record["resource"],
                spell_yes_no(record["doctor_present"], row, form),
                record["municipality"],
            ]
        )
    return headers, rows


def _carlog_table(records: list[dict], form: ExportForm, excel_row) -> tuple[list, list]:
    names = HEADERS["carlog"][form.aliases]
    headers = [names["id"]] if form.with_ids else []
    headers += [*_time_headers(names, form), names["driver_role"], names["purpose"], names["km"]]
    rows = []
    for row, record in enumerate(records):
        excel = excel_row(row)
        cells = [record["id"]] if form.with_ids else []
        cells += _time_cells(record["start"], record["end"], form, excel)
        cells += [
            spell_vocabulary(record["driver_role"], row, form),
            record["purpose"],
            record["km"] if excel else format_number(record["km"], form),
        ]
        rows.append(cells)
    return headers, rows


def _goal_table(records: list[dict], form: ExportForm, excel_row) -> tuple[list, list]:
    names = HEADERS["goals"][form.aliases]
    headers = [names[key] for key in ("plan", "area", "goal", "status", "assessed", "comment")]
    headers.append(names["owner"])
    rows = []
    for row, record in enumerate(records):
        excel = excel_row(row)
        status = record["status"]
        rows.append(
            [
                record["plan"],
                record["area"],
                fold_goal_text(record["goal"], row, form),
                status if excel else spell_status(status, row, form),
                format_assessed(record["assessed"], row, form),
                record["comment"],
                record["owner"],
            ]
        )
    return headers, rows


TABLES = {
    "activity": _activity_table,
    "callouts": _callout_table,
    "carlog": _carlog_table,
    "goals": _goal_table,
}


def _with_extra_columns(headers: list, rows: list) -> tuple[list, list]:
    """A column the contract does not name, one with no header, and a trailing empty one."""
    headers = [*headers, "Notat", "", ""]
    rows = [[*cells, f"merknad {index}", f"x{index % 3}", ""] for index, cells in enumerate(rows)]
    return headers, rows


def table(kind: str, records: list[dict], form: ExportForm, excel_row=lambda row: False):
    """The header and the rows of cells for ``records`` in ``form``."""
    headers, rows = TABLES[kind](records, form, excel_row)
    if form.extra_columns:
        headers, rows = _with_extra_columns(headers, rows)
    return headers, rows


def csv_text(kind: str, records: list[dict], form: ExportForm) -> str:
    headers, rows = table(kind, records, form)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=form.delimiter, lineterminator="\r\n")
    for title in form.title_rows:
        # Spreadsheet programs pad a title row with empty cells up to the table's width.
        writer.writerow([title] + [""] * (len(headers) - 1))
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue()


def write_csv(path: Path, kind: str, records: list[dict], form: ExportForm) -> Path:
    path.write_bytes(csv_text(kind, records, form).encode(form.encoding))
    return path


def write_xlsx(path: Path, kind: str, records: list[dict], form: ExportForm) -> Path:
    """A workbook whose data sheet may sit among others; dates alternate cell and text."""
    from openpyxl import Workbook

    workbook = Workbook()
    first = workbook.active
    sheets = [*form.other_sheets, (form.sheet_names or {}).get(kind, kind)]
    first.title = sheets[0]
    for name in sheets[1:]:
        workbook.create_sheet(name)
    for name in form.other_sheets:
        workbook[name].append(["Dette arket er ikke data", "Røros"])
    data_sheet = workbook[sheets[-1]]
    for title in form.title_rows:
        data_sheet.append([title])
    headers, rows = table(kind, records, form, lambda row: form.excel_dates and row % 2 == 0)
    data_sheet.append(headers)
    for cells in rows:
        data_sheet.append(cells)
    workbook.save(path)
    return path


def write_export(path: Path, kind: str, records: list[dict], form: ExportForm) -> Path:
    path = path.with_suffix(form.suffix)
    if form.suffix == ".xlsx":
        return write_xlsx(path, kind, records, form)
    return write_csv(path, kind, records, form)


# --- Identity numbers ------------------------------------------------------------------

FIRST_CHECK_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2)
SECOND_CHECK_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _check_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    """The mod-11 check digit for ``digits``, or None when none exists (remainder 1)."""
    rest = 11 - sum(int(digit) * weight for digit, weight in zip(digits, weights, strict=True)) % 11
    if rest == 11:
        return 0
    return None if rest == 10 else rest


def passes_mod11(number: str) -> bool:
    """Both check digits of an 11-digit number are right."""
    if len(number) != 11 or not number.isdigit():
        return False
    return _check_digit(number[:9], FIRST_CHECK_WEIGHTS) == int(number[9]) and (
        _check_digit(number[:10], SECOND_CHECK_WEIGHTS) == int(number[10])
    )


def identity_number(birth: date, d_number: bool = False, skip: int = 0) -> str:
    """A valid fødselsnummer (or D-number: first digit + 4) for ``birth``."""
    day = birth.day + (40 if d_number else 0)
    stem = f"{day:02d}{birth.month:02d}{birth.year % 100:02d}"
    found = 0
    for individual in range(500, 1000):
        nine = f"{stem}{individual:03d}"
        first = _check_digit(nine, FIRST_CHECK_WEIGHTS)
        if first is None:
            continue
        second = _check_digit(nine + str(first), SECOND_CHECK_WEIGHTS)
        if second is None:
            continue
        if found == skip:
            return f"{nine}{first}{second}"
        found += 1
    raise ValueError(birth)


# --- A seeded random set of records -----------------------------------------------------


@dataclass
class Records:
    activity: list[dict]
    callouts: list[dict]
    carlog: list[dict]
    goals: list[dict]

    def of(self, kind: str) -> list[dict]:
        return getattr(self, kind)


def _moment(rng: random.Random, first: date, days: int) -> datetime:
    day = first + timedelta(days=rng.randrange(days))
    return datetime.combine(day, time(rng.randrange(24), rng.randrange(60)))


def random_activities(rng: random.Random, count: int, first: date, days: int) -> list[dict]:
    records = []
    for index in range(count):
        start = _moment(rng, first, days)
        records.append(
            {
                "id": f"A-{index + 1:05d}",
                "start": start,
                "end": start + timedelta(minutes=rng.randrange(5, 240)),
                "subproject": rng.randint(1, 6),
                "task": rng.choice(TASKS),
                "requested_by": rng.choice(SERVICES),
                "municipality": rng.choice(MUNICIPALITIES),
                "outcome": rng.choice(OUTCOMES),
                "km": rng.choice((0, 4.5, 12, 23.7, 61.2)),
            }
        )
    return records


def incident_id(rng: random.Random) -> str:
    """An 11-digit incident number that is not a valid identity number."""
    while True:
        number = f"{rng.randrange(10**10, 10**11)}"
        if not passes_mod11(number):
            return number


def random_callouts(rng: random.Random, count: int, first: date, days: int) -> list[dict]:
    return [
        {
            "id": incident_id(rng),
            "time": _moment(rng, first, days),
            "urgency": rng.choice(("akutt", "haster", "vanlig")),
            "resource": rng.choice(("Helsevaktbil", "Ambulanse")),
            "doctor_present": rng.random() < 0.5,
            "municipality": rng.choice(MUNICIPALITIES),
        }
        for index in range(count)
    ]


# Trip shapes that touch the 22:00 and 10:00 edges and midnight, plus ordinary ones.
TRIP_SHAPES = (
    (time(21, 30), 60),
    (time(21, 0), 45),
    (time(23, 20), 90),
    (time(9, 15), 90),
    (time(20, 0), 16 * 60),
    (time(13, 0), 30),
    (time(2, 0), 30),
    (time(22, 0), 30),
    (time(9, 30), 30),
)


def random_trips(rng: random.Random, count: int, first: date, days: int) -> list[dict]:
    records = []
    for index in range(count):
        day = first + timedelta(days=rng.randrange(days))
        start_time, minutes = TRIP_SHAPES[index % len(TRIP_SHAPES)]
        start = datetime.combine(day, start_time) + timedelta(minutes=rng.randrange(0, 10))
        records.append(
            {
                "id": f"T{index + 1:04d}",
                "start": start,
                "end": start + timedelta(minutes=minutes + rng.randrange(0, 20)),
                "driver_role": rng.choice(("Helsevakt", "Legevaktlege")),
                "purpose": rng.choice(("Sykebesøk", "Hjemmebesøk", "Utrykning")),
                "km": rng.choice((3, 17.5, 42)),
            }
        )
    return records


GOAL_TEXTS = (
    "Etablere tettere samarbeid omkring enkeltpasienter",
    "Utvikle felles kompetansetiltak med kommunene",
    "Styrke akuttberedskapen i distriktet",
    "Ta i bruk digitale løsninger for samhandling",
    "Bidra til effektive tiltak for å forebygge sykdom",
    "Redusere unødvendige innleggelser",
    "Utvikle helhetlige pasientforløp for eldre",
    "Sikre likeverdige tjenester i hele regionen",
)


def random_goals(rng: random.Random, months: list[date]) -> list[dict]:
    """Goals with 2–3 assessments in distinct months; blanks only before the first status."""
    records = []
    for index, text in enumerate(GOAL_TEXTS):
        chosen = sorted(rng.sample(months, rng.choice((2, 3))))
        blanks = rng.choice((0, 0, 1, len(chosen)))
        for number, month in enumerate(chosen):
            records.append(
                {
                    "plan": PLANS[index % len(PLANS)],
                    "area": "Samhandling",
                    "goal": text,
                    "status": None if number < blanks else rng.randint(1, 3),
                    "assessed": month.replace(day=rng.randint(1, 28)),
                    "comment": rng.choice(
                        ("Godt i gang; mer gjenstår", "Lite kjent, «uklart»", "")
                    ),
                    "owner": rng.choice(("Styringsgruppen", "Kommunen", "")),
                }
            )
    return records


def random_records(seed: int, first: date, days: int, goal_months: list[date]) -> Records:
    rng = random.Random(seed)
    return Records(
        activity=random_activities(rng, 40, first, days),
        callouts=random_callouts(rng, 30, first, days),
        carlog=random_trips(rng, 25, first, days),
        goals=random_goals(rng, goal_months),
    )
