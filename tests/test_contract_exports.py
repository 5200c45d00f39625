"""Acceptance tests of the import → figures contract, written from DATA_CONTRACT.md alone.

Records are written as real exports in the forms the contract allows, imported through the
command line into a fresh database, and every number ``metrics --json`` prints is compared
with the same figure computed here in plain Python by the contract's rules.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb
import holidays
import pytest
from exports import KINDS, ExportForm, Records, random_records, write_export

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PERIOD = (date(2021, 3, 1), date(2021, 10, 31))
GOAL_MONTHS = [date(2020, 9, 1), date(2021, 3, 1), date(2021, 5, 1), date(2021, 10, 1)]
GOAL_MONTHS.append(date(2022, 2, 1))
STAFFED_CLOSE, STAFFED_OPEN = time(22, 0), time(10, 0)
OWNER_BY_SERVICE = {"AMK": "health_trust", "Annet": "shared"}
TABLES = ("activities", "callouts", "car_trips", "goals", "goal_assessments")

NORWEGIAN_SHEETS = {
    "activity": "Aktivitetslogg",
    "callouts": "Utrykninger",
    "carlog": "Kjørebok",
    "goals": "Målstatus",
}

FORMS = {
    "semicolon-utf8-decimal-comma": ExportForm(),
    "comma-bom-point-iso-aliases": ExportForm(
        delimiter=",",
        encoding="utf-8-sig",
        decimal_comma=False,
        datetime_format="yyyy-mm-dd HH:MM:SS",
        aliases="other",
        varied_spellings=True,
    ),
    "tab-cp1252-split-dates-txt": ExportForm(
        suffix=".txt",
        delimiter="\t",
        encoding="cp1252",
        datetime_format="d.m.yyyy HH:MM",
        split_dates=True,
        aliases="other",
        varied_spellings=True,
        extra_columns=True,
    ),
    "semicolon-cp1252-no-ids-duration": ExportForm(
        encoding="cp1252",
        with_ids=False,
        use_duration=True,
        varied_spellings=True,
        extra_columns=True,
    ),
    "comma-decimal-comma-split-dates": ExportForm(
        delimiter=",", split_dates=True, datetime_format="dd.mm.yyyy HH:MM"
    ),
    "csv-title-rows": ExportForm(title_rows=("Eksport fra fagsystem", "Utskrevet 01.11.2021")),
    "xlsx-kind-sheet-among-others": ExportForm(
        suffix=".xlsx",
        sheet_names=NORWEGIAN_SHEETS,
        other_sheets=("Forside",),
        title_rows=("Helsevaktbilen Røros",),
        varied_spellings=True,
        aliases="other",
    ),
    "xlsx-split-date-and-time-cells": ExportForm(
        suffix=".xlsx",
        split_dates=True,
        title_rows=("Kjørebok og aktiviteter", "2021"),
        extra_columns=True,
    ),
}


def boundary_records() -> dict[str, list[dict]]:
    """Rows on both edges of the period: a row belongs to the day it starts."""
    first, last = PERIOD
    before, after = first - timedelta(days=1), last + timedelta(days=1)

    def at(day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute))

    def activity(ident: str, start: datetime, minutes: int, service: str) -> dict:
        return {
            "id": ident,
            "start": start,
            "end": start + timedelta(minutes=minutes),
            "subproject": 2,
            "task": "Blodprøve",
            "requested_by": service,
            "municipality": "Røros",
            "outcome": "Behandlet på stedet",
            "km": 12.5,
        }

    def callout(ident: str, alarm: datetime, urgency: str) -> dict:
        return {
            "id": ident,
            "time": alarm,
            "urgency": urgency,
            "resource": "Helsevaktbil",
            "doctor_present": True,
            "municipality": "Os",
        }

    def trip(ident: str, start: datetime, minutes: int) -> dict:
        return {
            "id": ident,
            "start": start,
            "end": start + timedelta(minutes=minutes),
            "driver_role": "Legevaktlege",
            "purpose": "Sykebesøk",
            "km": 30,
        }

    return {
        "activity": [
            activity("B-1", at(last, 23, 50), 50, "HBO"),
            activity("B-2", at(before, 23, 30), 90, "AMK"),
            activity("B-3", at(first, 0, 0), 35, "Annet"),
            activity("B-4", at(after, 0, 0), 20, "Fastlege"),
        ],
        "callouts": [
            callout("98765432100", at(first, 0, 0), "akutt"),
            callout("98765432101", at(last, 23, 59), "haster"),
            callout("98765432102", at(after, 0, 0), "akutt"),
            callout("98765432104", at(before, 23, 59), "akutt"),
        ],
        "carlog": [
            trip("B-T1", at(last, 23, 0), 180),
            trip("B-T2", at(before, 21, 0), 360),
            trip("B-T3", at(first, 9, 0), 120),
        ],
    }


@pytest.fixture(scope="module")
def records() -> Records:
    generated = random_records(2021, date(2021, 1, 1), 365, GOAL_MONTHS)
    for kind, extra in boundary_records().items():
        generated.of(kind).extend(extra)
    return generated


# --- The figures by the contract's rules, in plain Python ------------------------------


def in_period(moment: datetime, first: date, last: date) -> bool:
    return first <= moment.date() <= last


def minutes_between(start: datetime, end: datetime) -> float:
    return (end - start).total_seconds() / 60


def one_decimal(value: float) -> float:
    """Half up, as a person rounds by hand (0.25 → 0.3), as the contract's document does."""
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# Public holidays are not staffed (Sundays are weekend days anyway).
PUBLIC_HOLIDAYS = holidays.Norway(years=range(2019, 2026), include_sundays=False)


def role_key(role: str) -> str:
    return role.strip().casefold()


def expected_activities(records: Records, first: date, last: date) -> dict:
    rows = [row for row in records.activity if in_period(row["start"], first, last)]
    mix: dict[tuple, list] = defaultdict(lambda: [0, 0.0])
    owners = {"municipality": 0.0, "health_trust": 0.0, "shared": 0.0}
    for row in rows:
        minutes = minutes_between(row["start"], row["end"])
        mix[(row["subproject"], row["task"])][0] += 1
        mix[(row["subproject"], row["task"])][1] += minutes
        owners[OWNER_BY_SERVICE.get(row["requested_by"], "municipality")] += minutes
    return {
        "activities": {
            "count": len(rows),
            "minutes": one_decimal(sum(minutes_between(r["start"], r["end"]) for r in rows)),
            "km": one_decimal(sum(r["km"] or 0 for r in rows)),
        },
        "task_mix": {key: (count, one_decimal(minutes)) for key, (count, minutes) in mix.items()},
        "owner_hours": {owner: one_decimal(minutes / 60) for owner, minutes in owners.items()},
    }


def expected_callouts(records: Records, first: date, last: date) -> dict:
    rows = [row for row in records.callouts if in_period(row["time"], first, last)]
    acute = [row for row in rows if row["urgency"] in ("akutt", "haster")]
    with_doctor = sum(1 for row in acute if row["doctor_present"])
    return {
        "total": len(rows),
        "acute": len(acute),
        "acute_with_doctor": with_doctor,
        "acute_doctor_share": with_doctor / len(acute) if acute else None,
    }


def minutes_after_hours(start: datetime, end: datetime) -> float:
    """Minutes of [start, end) inside the daily window 22:00 → 10:00 next morning."""
    total = 0.0
    day = start.date() - timedelta(days=1)
    while day <= end.date():
        window_start = datetime.combine(day, STAFFED_CLOSE)
        window_end = datetime.combine(day + timedelta(days=1), STAFFED_OPEN)
        total += max(0.0, minutes_between(max(start, window_start), min(end, window_end)))
        day += timedelta(days=1)
    return total


def expected_car_after_22(records: Records, first: date, last: date) -> dict:
    inside = [
        minutes_after_hours(row["start"], row["end"])
        for row in records.carlog
        if in_period(row["start"], first, last)
    ]
    inside = [minutes for minutes in inside if minutes > 0]
    return {"trips": len(inside), "minutes": one_decimal(sum(inside))}


def goal_key(row: dict) -> tuple[str, str]:
    return (row["plan"], " ".join(row["goal"].split()).casefold())


def expected_goals(records: Records, last: date) -> dict:
    """Per plan, each goal once by its latest assessment on or before ``last``."""
    latest: dict[tuple, dict] = {}
    for row in records.goals:
        if row["assessed"] > last:
            continue
        key = goal_key(row)
        if key not in latest or row["assessed"] > latest[key]["assessed"]:
            latest[key] = row
    # The generated records carry a status on the 1–3 scale or none, never another word.
    per_plan: dict[str, dict] = defaultdict(
        lambda: {
            "status_1": 0,
            "status_2": 0,
            "status_3": 0,
            "assessed_without_scale": 0,
            "not_assessed": 0,
        }
    )
    for (plan, _), row in latest.items():
        status = row["status"]
        per_plan[plan]["not_assessed" if status is None else f"status_{status}"] += 1
    return dict(per_plan)


def expected_metrics(records: Records, first: date, last: date) -> dict:
    activity = expected_activities(records, first, last)
    return {
        "period": {"from": first.isoformat(), "to": last.isoformat()},
        **activity,
        "callouts": expected_callouts(records, first, last),
        "car_after_22": expected_car_after_22(records, first, last),
        "car_outside_staffed": expected_car_outside_staffed(records, first, last),
        "goals": expected_goals(records, last),
    }


def comparable(document: dict) -> dict:
    """The printed document with its lists keyed, so order does not matter."""
    return {
        "period": document["period"],
        "activities": document["activities"],
        "task_mix": {
            (row["subproject"], row["task"]): (row["count"], row["minutes"])
            for row in document["task_mix"]
        },
        "owner_hours": document.get("owner_hours"),
        "callouts": document["callouts"],
        "car_after_22": document["car_after_22"],
        "car_outside_staffed": document.get("car_outside_staffed"),
        "goals": {
            row["plan"]: {key: value for key, value in row.items() if key != "plan"}
            for row in document["goals"]
        },
    }


def mismatches(expected: dict, actual: dict) -> dict:
    wrong = {}
    for section, value in expected.items():
        got = actual.get(section)
        if section == "callouts":
            same = got is not None and _same_callouts(value, got)
        else:
            same = got == value
        if not same:
            wrong[section] = {"expected": value, "printed": got}
    return wrong


def _same_callouts(expected: dict, actual: dict) -> bool:
    share, printed_share = expected["acute_doctor_share"], actual.get("acute_doctor_share")
    counts_agree = all(actual.get(key) == expected[key] for key in expected if "share" not in key)
    if share is None:
        return counts_agree and printed_share is None
    return counts_agree and printed_share == pytest.approx(share)


# --- Running the command line ----------------------------------------------------------


def run_cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "--db", str(db), *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def import_files(db: Path, *paths: Path, kind: str | None = None) -> subprocess.CompletedProcess:
    extra = ["--kind", kind] if kind else []
    return run_cli(db, "import", *map(str, paths), *extra)


def printed_metrics(db: Path, first: date, last: date) -> dict:
    result = run_cli(db, "metrics", "--from", first.isoformat(), "--to", last.isoformat(), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def row_counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES
        }
    finally:
        con.close()


def write_all(folder: Path, records: Records, form: ExportForm, stem: str = "eksport") -> list:
    return [write_export(folder / f"{stem}_{kind}", kind, records.of(kind), form) for kind in KINDS]


# --- The tests -------------------------------------------------------------------------


def test_expected_figures_are_not_trivial(records):
    """Guard the fixture itself: every figure the tests compare has something in it."""
    expected = expected_metrics(records, *PERIOD)
    assert 10 < expected["activities"]["count"] < len(records.activity)
    assert expected["callouts"]["acute"] > 5
    assert 0 < expected["callouts"]["acute_with_doctor"] < expected["callouts"]["acute"]
    assert 3 < expected["car_after_22"]["trips"] < len(records.carlog)
    outside = expected["car_outside_staffed"]
    assert outside["trips"] >= expected["car_after_22"]["trips"]
    assert outside["by_role"]["legevaktlege"]["minutes"] > 0
    assert all(value > 0 for value in expected["owner_hours"].values())
    goals = expected["goals"]
    assert sum(plan["not_assessed"] for plan in goals.values()) > 0
    assert sum(plan["status_1"] + plan["status_2"] + plan["status_3"] for plan in goals.values())


def test_after_hours_rule_by_hand():
    """The plain-Python window rule itself, on trips worked out on paper."""
    day = datetime(2021, 5, 3)
    assert (
        minutes_after_hours(day.replace(hour=21, minute=30), day.replace(hour=22, minute=30)) == 30
    )
    assert minutes_after_hours(day.replace(hour=21), day.replace(hour=22)) == 0
    assert minutes_after_hours(day.replace(hour=9), day.replace(hour=11)) == 60
    assert (
        minutes_after_hours(day.replace(hour=20), day.replace(hour=12) + timedelta(days=1)) == 720
    )
    assert minutes_after_hours(day.replace(hour=13), day.replace(hour=14)) == 0


@pytest.mark.parametrize("form_name", list(FORMS))
def test_imported_export_gives_the_contract_figures(tmp_path, records, form_name):
    paths = write_all(tmp_path, records, FORMS[form_name])
    db = tmp_path / "x.duckdb"

    result = import_files(db, *paths)

    assert result.returncode == 0, result.stdout + result.stderr
    assert len(result.stdout.strip().splitlines()) == len(paths), result.stdout
    printed = comparable(printed_metrics(db, *PERIOD))
    assert mismatches(expected_metrics(records, *PERIOD), printed) == {}


@pytest.mark.parametrize(
    "period",
    [(date(2021, 1, 1), date(2021, 12, 31)), PERIOD[1:] * 2, (date(2025, 1, 1), date(2025, 1, 31))],
    ids=["whole-year", "last-day-only", "empty-period"],
)
def test_other_periods_give_the_contract_figures(tmp_path, records, period):
    """A whole year; a single day (both ends included); a period with no rows at all."""
    db = tmp_path / "x.duckdb"
    assert import_files(db, *write_all(tmp_path, records, ExportForm())).returncode == 0

    printed = comparable(printed_metrics(db, *period))

    assert mismatches(expected_metrics(records, *period), printed) == {}


def says_nothing_changed(summary: str) -> bool:
    words = ("ingen endring", "fantes fra før", "allerede", "0 nye", "no change", "already")
    return any(word in summary.lower() for word in words)


@pytest.mark.parametrize(
    "form_name", ["semicolon-utf8-decimal-comma", "xlsx-kind-sheet-among-others"]
)
def test_importing_the_same_file_twice_is_a_no_op_and_says_so(tmp_path, records, form_name):
    db = tmp_path / "x.duckdb"
    paths = write_all(tmp_path, records, FORMS[form_name])
    assert import_files(db, *paths).returncode == 0
    counts, figures = row_counts(db), printed_metrics(db, *PERIOD)

    again = import_files(db, *paths)

    assert again.returncode == 0, again.stderr
    lines = again.stdout.strip().splitlines()
    assert len(lines) == len(paths)
    assert all(says_nothing_changed(line) for line in lines), again.stdout
    assert row_counts(db) == counts
    assert printed_metrics(db, *PERIOD) == figures


NO_IDS = ExportForm(encoding="cp1252", with_ids=False)
# Goal assessments written as months only, so a rewrite carries exactly the same facts.
MONTHS_ONLY = {name: form.but(whole_assessment_dates=False) for name, form in FORMS.items()}


@pytest.mark.parametrize(
    ("first_form", "second_form"),
    [
        (FORMS["semicolon-utf8-decimal-comma"], MONTHS_ONLY["xlsx-kind-sheet-among-others"]),
        (FORMS["semicolon-utf8-decimal-comma"], MONTHS_ONLY["comma-bom-point-iso-aliases"]),
        (NO_IDS, NO_IDS),
        (NO_IDS, MONTHS_ONLY["comma-bom-point-iso-aliases"].but(with_ids=False)),
    ],
    ids=["csv-then-xlsx", "csv-then-csv-other-form", "no-ids-same-form", "no-ids-other-form"],
)
def test_the_same_rows_in_another_form_add_nothing(tmp_path, records, first_form, second_form):
    """Identical records re-exported in another form are the same rows: no duplicates."""
    db = tmp_path / "x.duckdb"
    first = write_all(tmp_path, records, first_form, stem="forst")
    second = write_all(tmp_path, records, second_form, stem="igjen")
    assert import_files(db, *first).returncode == 0
    counts = row_counts(db)

    again = import_files(db, *second)

    assert again.returncode == 0, again.stderr
    assert row_counts(db) == counts, again.stdout
    assert (
        mismatches(expected_metrics(records, *PERIOD), comparable(printed_metrics(db, *PERIOD)))
        == {}
    )


@pytest.mark.parametrize(
    "sheet_names",
    [NORWEGIAN_SHEETS, dict(zip(KINDS, KINDS, strict=True))],
    ids=["norwegian-sheet-names", "cli-kind-sheet-names"],
)
def test_xlsx_sheet_named_after_the_kind_is_read_when_kind_is_given(tmp_path, records, sheet_names):
    form = FORMS["xlsx-kind-sheet-among-others"].but(sheet_names=sheet_names)
    db = tmp_path / "x.duckdb"
    for kind in KINDS:
        path = write_export(tmp_path / kind, kind, records.of(kind), form)
        result = import_files(db, path, kind=kind)
        assert result.returncode == 0, result.stdout + result.stderr

    printed = comparable(printed_metrics(db, *PERIOD))

    assert mismatches(expected_metrics(records, *PERIOD), printed) == {}


# --- Hand-written files with figures worked out on paper -------------------------------

HAND_WRITTEN = {
    "aktivitet.csv": (
        "utf-8",
        "Løpenr;Dato;Fra kl.;Til kl.;DP;Oppdragstype;Rekvirent\n"
        "1;03.05.2021;10:00;10:45;2;Blodprøve;HBO\n"
        "2;03.05.2021;23:30;00:18;1;EKG;AMK\n"
        "3;04.05.2021;14:00;15:45;Delprosjekt 4;Forebyggende hjemmebesøk;Ergoterapi\n"
        "4;31.05.2021;23:50;00:20;DP2;Blodprøve;annet\n"
        "5;01.06.2021;09:00;09:20;2;Blodprøve;HBO\n"
        "6;30.04.2021;23:00;01:00;2;Blodprøve;HBO\n",
    ),
    "utrykninger.csv": (
        "cp1252",
        "Oppdragsnr,Tidspunkt,Respons,Enhet,Lege deltok\n"
        "10000000001,2021-05-02 08:00:00,Rød,Helsevaktbil,J\n"
        "10000000002,2021-05-02 09:00:00,Gul,Ambulanse,N\n"
        "10000000003,2021-05-10 12:00:00,Grønn,Helsevaktbil,J\n"
        "10000000004,2021-05-31 23:59:00,A,Helsevaktbil,x\n"
        "10000000005,2021-06-01 00:00:00,A,Helsevaktbil,J\n",
    ),
    "kjorebok.txt": (
        "utf-8-sig",
        "Turnr\tStart\tSlutt\tSjåfør\n"
        "1\t03.05.2021 21:30\t03.05.2021 22:30\tLegevaktlege\n"
        "2\t04.05.2021 21:00\t04.05.2021 22:00\tHelsevakt\n"
        "3\t05.05.2021 09:00\t05.05.2021 11:00\tHelsevakt\n"
        "4\t06.05.2021 20:00\t07.05.2021 12:00\tLegevaktlege\n"
        "5\t31.05.2021 23:00\t01.06.2021 01:00\tlegevaktlege\n"
        "6\t30.04.2021 23:00\t01.05.2021 01:00\tLegevaktlege\n"
        "7\t10.05.2021 10:00\t10.05.2021 22:00\tHelsevakt\n",
    ),
    "maal.csv": (
        "cp1252",
        "Plan;Mål;Status;Vurdert\n"
        "Strategi 2030 (HMN);Mål A;1;05.2020\n"
        "Strategi 2030 (HMN);  mål   a ;3;mai 2021\n"
        "Strategi 2030 (HMN);Mål B;delvis oppfylt;2021-03\n"
        "Strategi 2030 (HMN);Mål B;1;2021-09\n"
        "Strategi 2030 (HMN);Mål C;;05.2021\n"
        "Lokal utviklingsplan St. Olav 2019–2035;Mål D;Oppnådd;01.02.2021\n",
    ),
}

# May 2021. Activities 1–4 start in it (4 on its last day, ending after midnight):
# 45 + 48 + 105 + 30 minutes. Call-outs 1–4: acute are Rød, Gul and A, two with a doctor.
# Trips after 22:00: #1 30 min, #3 60 (09:00–10:00), #4 720 (22–10), #5 120; #2 ends at
# 22:00 and #7 ends at 22:00, so neither counts. Goal A is 3 by May, B is 2 (its 1 is in
# September), C not assessed; D in the local plan is 3.
HAND_FIGURES = {
    "period": {"from": "2021-05-01", "to": "2021-05-31"},
    "activities": {"count": 4, "minutes": 228, "km": 0},
    "task_mix": {(1, "EKG"): (1, 48), (2, "Blodprøve"): (2, 75)}
    | {(4, "Forebyggende hjemmebesøk"): (1, 105)},
    "owner_hours": {"municipality": 2.5, "health_trust": 0.8, "shared": 0.5},
    "callouts": {"total": 4, "acute": 3, "acute_with_doctor": 2, "acute_doctor_share": 2 / 3},
    "car_after_22": {"trips": 4, "minutes": 930},
    # Outside staffed time (weekdays 10–22 that are not public holidays; 13, 17 and 24 May
    # have no trips): #1 30, #3 60 (the helsevakt's), #4 720, #5 120; the doctor's are
    # #1, #4 and #5, 870 minutes.
    "car_outside_staffed": {
        "trips": 4,
        "minutes": 930,
        "by_role": {
            "legevaktlege": {"trips": 3, "minutes": 870},
            "helsevakt": {"trips": 1, "minutes": 60},
        },
    },
    "goals": {
        "Strategi 2030 (HMN)": {"status_1": 0, "status_2": 1, "status_3": 1}
        | {"assessed_without_scale": 0, "not_assessed": 1},
        "Lokal utviklingsplan St. Olav 2019–2035": {
            "status_1": 0,
            "status_2": 0,
            "status_3": 1,
            "assessed_without_scale": 0,
            "not_assessed": 0,
        },
    },
}


def test_hand_written_files_give_figures_worked_out_on_paper(tmp_path):
    paths = []
    for name, (encoding, text) in HAND_WRITTEN.items():
        paths.append(tmp_path / name)
        paths[-1].write_bytes(text.encode(encoding))
    db = tmp_path / "x.duckdb"

    result = import_files(db, *paths)

    assert result.returncode == 0, result.stdout + result.stderr
    printed = comparable(printed_metrics(db, date(2021, 5, 1), date(2021, 5, 31)))
    assert mismatches(HAND_FIGURES, printed) == {}


def test_goal_id_column_makes_differently_worded_rows_one_goal(tmp_path):
    path = tmp_path / "maal.csv"
    path.write_text(
        "Plan;Mål-ID;Mål;Status;Vurdert\n"
        "Strategi 2030 (HMN);S1;Fremme samarbeid;1;03.2021\n"
        "Strategi 2030 (HMN);S1;Fremme samarbeid mellom helseforetak og kommuner;2;05.2021\n"
        "Strategi 2030 (HMN);S2;Fremme samarbeid;3;04.2021\n",
        encoding="utf-8",
    )
    db = tmp_path / "x.duckdb"
    assert import_files(db, path).returncode == 0

    goals = printed_metrics(db, date(2021, 1, 1), date(2021, 6, 30))["goals"]

    assert goals == [
        {"plan": "Strategi 2030 (HMN)", "status_1": 0, "status_2": 1, "status_3": 1}
        | {"assessed_without_scale": 0, "not_assessed": 0}
    ]


def test_durations_with_decimal_comma_and_times_with_seconds(tmp_path):
    """`Varighet (min)` with a decimal comma instead of an end; `HH:MM:SS` in `Fra kl.`."""
    durations = tmp_path / "varighet.csv"
    durations.write_text(
        "ID;Start;Varighet (min);Delprosjekt;Oppgave;Bestiller\n"
        "V1;03.05.2021 10:00;45,5;2;Blodprøve;HBO\n"
        "V2;2021-05-04 11:00:00;30;2;Blodprøve;HBO\n",
        encoding="utf-8",
    )
    seconds = tmp_path / "sekunder.csv"
    seconds.write_text(
        "ID;Dato;Fra kl.;Til kl.;Delprosjekt;Oppgave;Bestiller\n"
        "S1;5.5.2021;23:45:00;00:15:00;3;EKG;Fastlege\n",
        encoding="utf-8",
    )
    db = tmp_path / "x.duckdb"
    result = import_files(db, durations, seconds)
    assert result.returncode == 0, result.stdout + result.stderr

    printed = printed_metrics(db, date(2021, 5, 1), date(2021, 5, 31))

    assert printed["activities"] == {"count": 3, "minutes": 105.5, "km": 0}


# --- Cost sharing under each rule, worked out from the records ---------------------------

CAR_PER_YEAR, STAFF_PER_HOUR = 365_000, 500


def staffed_day(day: date) -> bool:
    return day.isoweekday() <= 5 and day not in PUBLIC_HOLIDAYS


def staffed_minute(moment: datetime) -> bool:
    """The car is staffed 10:00–22:00 on weekdays that are not public holidays."""
    return staffed_day(moment.date()) and STAFFED_OPEN <= moment.time() < STAFFED_CLOSE


def car_minutes_outside_staffed_time(records: Records, first: date, last: date) -> tuple:
    """The legevakt doctor's minutes outside staffed time (only those are the
    municipality's under the by-use rule), and all car minutes."""
    outside = total = 0
    for row in records.carlog:
        if not in_period(row["start"], first, last):
            continue
        doctor = role_key(row["driver_role"]) == "legevaktlege"
        moment = row["start"]
        while moment < row["end"]:
            total += 1
            outside += doctor and not staffed_minute(moment)
            moment += timedelta(minutes=1)
    return outside, total


def expected_car_outside_staffed(records: Records, first: date, last: date) -> dict:
    """Trips with minutes outside staffed time (evenings, nights, weekends, public
    holidays), counted minute by minute, in all and per driver role."""
    by_role = {"legevaktlege": [0, 0], "helsevakt": [0, 0]}
    for row in records.carlog:
        if not in_period(row["start"], first, last):
            continue
        minutes, moment = 0, row["start"]
        while moment < row["end"]:
            minutes += not staffed_minute(moment)
            moment += timedelta(minutes=1)
        if minutes:
            by_role[role_key(row["driver_role"])][0] += 1
            by_role[role_key(row["driver_role"])][1] += minutes
    trips = sum(trips for trips, _ in by_role.values())
    minutes = sum(minutes for _, minutes in by_role.values())
    return {
        "trips": trips,
        "minutes": one_decimal(minutes),
        "by_role": {
            role: {"trips": n, "minutes": one_decimal(m)} for role, (n, m) in by_role.items()
        },
    }


def kroner(amount: float) -> int:
    return int(amount + 0.5)


def expected_cost_sharing(records: Records, first: date, last: date) -> dict:
    days = (last - first).days + 1
    staffed_days = sum(1 for n in range(days) if staffed_day(first + timedelta(days=n)))
    car, staff = CAR_PER_YEAR * days / 365, staffed_days * 12 * STAFF_PER_HOUR
    minutes = {"municipality": 0.0, "health_trust": 0.0, "shared": 0.0}
    for row in records.activity:
        if in_period(row["start"], first, last):
            owner = OWNER_BY_SERVICE.get(row["requested_by"], "municipality")
            minutes[owner] += minutes_between(row["start"], row["end"])
    share = (minutes["municipality"] + minutes["shared"] / 2) / sum(minutes.values())
    outside, total = car_minutes_outside_staffed_time(records, first, last)
    return {
        "hours_share": (kroner((car + staff) * share), kroner((car + staff) * (1 - share))),
        "municipality_pays_car": (kroner(car), kroner(staff)),
        "car_by_use_outside_staffed_hours": (
            kroner(car * outside / total),
            kroner(car * (1 - outside / total) + staff),
        ),
    }


def test_cost_sharing_rules_match_the_records(tmp_path, records):
    settings_folder = Path(os.environ["HELSEVAKT_CONFIG_DIR"])
    settings_folder.mkdir(parents=True, exist_ok=True)
    (settings_folder / "helsevakt-dashboard.ini").write_text(
        f"[cost]\ncar_per_year={CAR_PER_YEAR}\nstaff_per_hour={STAFF_PER_HOUR}\n",
        encoding="utf-8",
    )
    db = tmp_path / "x.duckdb"
    assert import_files(db, *write_all(tmp_path, records, ExportForm())).returncode == 0

    rules = printed_metrics(db, *PERIOD)["cost_sharing"]["rules"]

    printed = {rule["rule"]: (rule["municipality"], rule["health_trust"]) for rule in rules}
    assert printed == expected_cost_sharing(records, *PERIOD)
