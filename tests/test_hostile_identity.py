"""Identity numbers in disguise: split, in other digits, in names, behind a date format.

Every number here is built valid by computing its two mod-11 check digits; every refusal
must name where the number is and never repeat it, in any form.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from exports import FIRST_CHECK_WEIGHTS, SECOND_CHECK_WEIGHTS, identity_number, passes_mod11
from openpyxl import Workbook

from dashboard.data.importer import import_file
from dashboard.data.privacy import holds_identity_number
from dashboard.data.problems import ImportRefused
from dashboard.data.store import Store

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FNR = identity_number(date(1985, 3, 15))
HEADER = "ID;Start;Slutt;Delprosjekt;Oppgave;Bestiller;Kommune;Utfall;Km"


def check_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    rest = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return 0 if rest == 11 else None if rest == 10 else rest


def h_number(day: int, month: int, year: int) -> str:
    """A valid H-number: the month raised by 40."""
    for individual in range(100, 1000):
        nine = f"{day:02d}{month + 40:02d}{year:02d}{individual:03d}"
        first = check_digit(nine, FIRST_CHECK_WEIGHTS)
        second = None if first is None else check_digit(f"{nine}{first}", SECOND_CHECK_WEIGHTS)
        if second is not None:
            return f"{nine}{first}{second}"
    raise ValueError


H_NUMBER = h_number(7, 11, 92)
FULL_WIDTH = {ord(str(digit)): chr(0xFF10 + digit) for digit in range(10)}
ARABIC_INDIC = {ord(str(digit)): chr(0x0660 + digit) for digit in range(10)}


def disguises(number: str) -> dict[str, str]:
    day, month, year, rest = number[:2], number[2:4], number[4:6], number[6:]
    return {
        "dot": f"{number[:6]}.{rest}",
        "dash": f"{number[:6]}-{rest}",
        "nbsp": f"{number[:6]}\u00a0{rest}",
        "narrow-nbsp": f"{number[:6]}\u202f{rest}",
        "two-spaces": f"{number[:6]}  {rest}",
        "spaced-dash": f"{number[:6]} - {rest}",
        "2-2-2-5": f"{day}.{month}.{year} {rest}",
        "2-2-2-5-dashes": f"{day}-{month}-{year}-{rest}",
        "full-width": number.translate(FULL_WIDTH),
        "arabic-indic": number.translate(ARABIC_INDIC),
        "full-width-spaced": f"{number[:6]} {rest}".translate(FULL_WIDTH),
    }


def every_form(number: str) -> list[str]:
    return [number, *disguises(number).values()]


def assert_not_echoed(text: str, number: str) -> None:
    for form in every_form(number):
        assert form not in text
    digits_only = "".join(character for character in text if character.isdigit())
    assert number not in digits_only.translate({v: k for k, v in FULL_WIDTH.items()})


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "db.duckdb") as opened:
        yield opened


def activity_csv(path: Path, task: str = "Blodprøve", start: str = "01.02.2021 10:00") -> Path:
    rows = [
        f"A{number};{start if number == 3 else '01.02.2021 10:00'};01.02.2021 10:30;2;"
        f"{task if number == 3 else 'EKG'};HBO;Røros;;3,5"
        for number in range(1, 6)
    ]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def refusal(store: Store, path: Path) -> str:
    with pytest.raises(ImportRefused) as refused:
        import_file(store, path)
    assert store.con.execute("SELECT count(*) FROM activities").fetchone() == (0,)
    return "\n".join(str(problem) for problem in refused.value.problems)


def test_the_numbers_are_valid():
    assert passes_mod11(FNR) and passes_mod11(H_NUMBER) and H_NUMBER[2:4] == "51"


@pytest.mark.parametrize("form", sorted(disguises(FNR)))
def test_a_disguised_identity_number_in_a_cell_is_refused_at_its_row(store, tmp_path, form):
    text = disguises(FNR)[form]
    message = refusal(store, activity_csv(tmp_path / "a.csv", task=f"pasient {text} ringt"))

    assert "rad 4" in message and "Oppgave" in message
    assert_not_echoed(message, FNR)


def test_an_h_number_is_refused(store, tmp_path):
    message = refusal(store, activity_csv(tmp_path / "a.csv", task=H_NUMBER))

    assert "rad 4" in message
    assert_not_echoed(message, H_NUMBER)


def test_a_dotted_identity_number_in_a_date_column_is_never_quoted_as_a_date(store, tmp_path):
    dotted = f"{FNR[:6]}.{FNR[6:]}"

    message = refusal(store, activity_csv(tmp_path / "a.csv", start=dotted))

    assert "gyldig dato" not in message and "fødselsnummer" in message
    assert_not_echoed(message, FNR)


@pytest.mark.parametrize(
    "number",
    ["4791234567", "9123456789", "12345678901", "32134567890", "15138545660"],
    ids=["mobile", "ten-digits", "eleven-digits", "no-day-32", "no-month-13"],
)
def test_ten_and_eleven_digit_numbers_that_are_no_birth_date_pass(store, tmp_path, number):
    assert not holds_identity_number(number)
    assert not holds_identity_number(f"{number[:6]} {number[6:]}")

    result = import_file(store, activity_csv(tmp_path / "a.csv", task=f"Ring {number}"))

    assert result.rows_added == 5


def test_a_valid_check_pair_on_an_impossible_date_passes():
    """The date is checked before the number is called an identity number."""
    for day in (32, 39, 72):
        for individual in range(1000):
            nine = f"{day:02d}0385{individual:03d}"
            first = check_digit(nine, FIRST_CHECK_WEIGHTS)
            if first is None:
                continue
            second = check_digit(f"{nine}{first}", SECOND_CHECK_WEIGHTS)
            if second is not None:
                assert not holds_identity_number(f"{nine}{first}{second}")
                break


def run_cli(db: Path, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "--db", str(db), "import", str(path)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_identity_number_in_the_file_name_is_refused_and_never_shown(tmp_path):
    path = activity_csv(tmp_path / f"pasient_{FNR[:6]}-{FNR[6:]}.csv")

    result = run_cli(tmp_path / "db.duckdb", path)

    output = result.stdout + result.stderr
    assert result.returncode != 0 and "filnavnet" in output and "Traceback" not in output
    assert_not_echoed(output, FNR)
    with Store.open(tmp_path / "db.duckdb", read_only=True) as store:
        assert store.imports() == []


def test_an_identity_number_in_a_sheet_name_is_refused_and_never_shown(store, tmp_path):
    book = Workbook()
    book.active.append(HEADER.split(";"))
    book.active.append(["A1", "01.02.2021 10:00", "01.02.2021 10:30", 2, "EKG", "HBO"])
    book.create_sheet(f"Pasient {FNR[:6]} {FNR[6:]}")
    book.save(tmp_path / "ark.xlsx")

    message = refusal(store, tmp_path / "ark.xlsx")

    assert "ark nr. 2" in message
    assert_not_echoed(message, FNR)


def test_a_number_typed_into_a_date_cell_is_refused_without_a_warning_that_quotes_it(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(";"))
    sheet.append(["A1", "01.02.2021 10:00", "01.02.2021 10:30", 2, "EKG", "HBO", "Os"])
    sheet["G2"].value = int(FNR)
    sheet["G2"].number_format = "dd.mm.yyyy"
    book.save(tmp_path / "dato.xlsx")

    result = run_cli(tmp_path / "db.duckdb", tmp_path / "dato.xlsx")

    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Kommune" in output and "rad 2" in output, output
    assert "Warning" not in output
    assert_not_echoed(output, FNR)


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", "\u2212"], ids=["en", "em", "minus"])
def test_an_identity_number_split_by_a_typographic_dash_is_refused(store, tmp_path, dash):
    message = refusal(store, activity_csv(tmp_path / "a.csv", task=f"{FNR[:6]}{dash}{FNR[6:]}"))

    assert "rad 4" in message
    assert_not_echoed(message, FNR)
