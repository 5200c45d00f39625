"""Identity numbers split by what a reader does not see, or by what Excel leaves behind.

A line break in a cell, a zero-width space, a soft hyphen, a byte order mark, a bidi mark,
every Unicode space, a control character, a slash: the number is still the number. An
Excel number loses its leading zero (10 digits). Every refusal names file, row and column
and never repeats the number; a refused file changes nothing.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import duckdb
import pytest
from exports import identity_number, passes_mod11
from openpyxl import Workbook
from test_hostile_identity import assert_not_echoed

from dashboard.data.importer import import_file
from dashboard.data.privacy import (
    MAYBE_SQL_PATTERN,
    holds_identity_number,
    maybe_identity_in_any_sql,
)
from dashboard.data.problems import ImportRefused
from dashboard.data.store import Store

FNR = identity_number(date(1985, 3, 15))
# Born on the 1st: Excel shows (and a CSV export writes) it without its leading zero.
FNR_ZERO = identity_number(date(1990, 1, 1))
HEADER = ["ID", "Start", "Slutt", "Delprosjekt", "Oppgave", "Bestiller", "Kommune", "Utfall", "Km"]
CALL_HEADER = ["Hendelsesnr", "Alarmtid", "Hastegrad", "Ressurs", "Lege med", "Notat"]

SPLITS = {
    "line-feed": "\n",
    "crlf": "\r\n",
    "two-blank-lines": "\r\n\r\n\r\n",
    "tab": "\t",
    "vertical-tab": "\x0b",
    "form-feed": "\x0c",
    "unit-separator": "\x1f",
    "zero-width-space": "\u200b",
    "zero-width-non-joiner": "\u200c",
    "zero-width-joiner": "\u200d",
    "word-joiner": "\u2060",
    "byte-order-mark": "\ufeff",
    "soft-hyphen": "\u00ad",
    "left-to-right-mark": "\u200e",
    "right-to-left-override": "\u202e",
    "five-zero-width-spaces": "\u200b" * 5,
    "em-space": "\u2003",
    "ideographic-space": "\u3000",
    "line-separator": "\u2028",
    "paragraph-separator": "\u2029",
    "slash": "/",
    "backslash": "\\",
    "underscore": "_",
    "full-width-slash": "\uff0f",
    "full-width-full-stop": "\uff0e",
    "space-and-zero-width": " \u200b ",
}


def forms(number: str) -> dict[str, str]:
    split = {name: f"{number[:6]}{gap}{number[6:]}" for name, gap in SPLITS.items()}
    return {
        **split,
        "zero-width-between-every-digit": "\u200b".join(number),
        "soft-hyphen-between-every-digit": "\u00ad".join(number),
        "slashed-date": f"{number[:2]}/{number[2:4]}/{number[4:6]} {number[6:]}",
        "date-with-line-break": f"{number[:2]}.{number[2:4]}.{number[4:6]}\n{number[6:]}",
    }


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "db.duckdb") as opened:
        yield opened


def write_csv(path: Path, header: list[str], rows: list[list[str]], encoding="utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([header, *rows])
    return path


def activity_rows(task: str = "EKG", row: int = 3) -> list[list[str]]:
    """Five rows with their own ids; the third (file row 4) has ``task``."""
    period = ["01.02.2021 10:00", "01.02.2021 10:30"]
    return [
        [f"A{n}", *period, "2", task if n == row else "EKG", "HBO", "Røros", "", "3,5"]
        for n in range(1, 6)
    ]


def refusal(store: Store, path: Path, table: str = "activities") -> str:
    with pytest.raises(ImportRefused) as refused:
        import_file(store, path)
    assert store.con.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
    return "\n".join(str(problem) for problem in refused.value.problems)


@pytest.mark.parametrize("form", sorted(forms(FNR)))
def test_a_number_split_by_an_invisible_or_odd_separator_is_refused(store, tmp_path, form):
    text = forms(FNR)[form]
    path = write_csv(tmp_path / "a.csv", HEADER, activity_rows(f"Blodprøve {text} ok"))

    message = refusal(store, path)

    assert "a.csv" in message and "rad 4" in message and "Oppgave" in message
    assert_not_echoed(message, FNR)


@pytest.mark.parametrize("form", ["line-feed", "soft-hyphen", "slash", "tab"])
def test_a_split_number_in_a_windows_1252_file_is_refused(store, tmp_path, form):
    rows = activity_rows(f"Innlagt på Røros {forms(FNR)[form]}")
    path = write_csv(tmp_path / "a.csv", HEADER, rows, encoding="cp1252")

    message = refusal(store, path)

    assert "rad 4" in message
    assert_not_echoed(message, FNR)


@pytest.mark.parametrize("form", ["line-feed", "zero-width-space", "soft-hyphen", "em-space"])
def test_a_split_number_in_an_excel_cell_is_refused(store, tmp_path, form):
    book = Workbook()
    book.active.append(HEADER)
    for row in activity_rows(f"Blodprøve {forms(FNR)[form]}"):
        book.active.append(row)
    book.save(tmp_path / "a.xlsx")

    message = refusal(store, tmp_path / "a.xlsx")

    assert "rad 4" in message and "Oppgave" in message
    assert_not_echoed(message, FNR)


def test_an_excel_number_that_lost_its_leading_zero_is_refused_in_a_csv(store, tmp_path):
    assert FNR_ZERO.startswith("0")
    rows = [r + ([FNR_ZERO[1:]] if r[0] == "A4" else [""]) for r in activity_rows()]
    path = write_csv(tmp_path / "a.csv", [*HEADER, "Notat"], rows)

    message = refusal(store, path)

    assert "rad 5" in message and "Notat" in message
    assert_not_echoed(message, FNR_ZERO)
    assert FNR_ZERO[1:] not in message


def year_numbered_incidents() -> list[str]:
    """Ten-digit incident numbers as an AMK export numbers them (year first) that read as an
    identity number once a leading zero is put back (day 02, month 02, year 40–49)."""
    found = [f"2024{n:06d}" for n in range(20_000) if passes_mod11(f"02024{n:06d}")]
    assert len(found) > 100  # about one in 121: a year's export holds dozens
    return found[:5]


def test_ten_digit_incident_numbers_in_the_id_column_are_not_taken_for_identity_numbers(
    store, tmp_path
):
    ids = year_numbered_incidents()
    rows = [
        [id_, f"0{n + 1}.04.2024 10:15", "Akutt", "Helsevaktbil", "Ja", ""]
        for n, id_ in enumerate(ids)
    ]

    result = import_file(store, write_csv(tmp_path / "amk.csv", CALL_HEADER, rows))

    assert result.rows_added == 5
    stored = {row[0] for row in store.con.execute("SELECT id FROM callouts").fetchall()}
    assert stored == set(ids)


def test_the_same_ten_digits_outside_the_id_column_are_refused(store, tmp_path):
    number = year_numbered_incidents()[0]
    rows = [
        ["H1", "01.04.2024 10:15", "Akutt", "Helsevaktbil", "Ja", ""],
        ["H2", "02.04.2024 10:15", "Akutt", "Helsevaktbil", "Ja", number],
    ]

    message = refusal(store, write_csv(tmp_path / "amk.csv", CALL_HEADER, rows), "callouts")

    assert "rad 3" in message and "Notat" in message


def test_ten_digit_excel_number_ids_are_not_taken_for_identity_numbers(store, tmp_path):
    ids = year_numbered_incidents()
    book = Workbook()
    book.active.append(CALL_HEADER)
    for n, id_ in enumerate(ids):
        book.active.append([int(id_), f"0{n + 1}.04.2024 10:15", "Akutt", "Ambulanse", "Nei"])
    book.save(tmp_path / "amk.xlsx")

    assert import_file(store, tmp_path / "amk.xlsx").rows_added == 5


def test_an_eleven_digit_identity_number_in_the_id_column_is_still_refused(store, tmp_path):
    rows = [[FNR, "01.04.2024 10:15", "Akutt", "Helsevaktbil", "Ja", ""]]

    message = refusal(store, write_csv(tmp_path / "amk.csv", CALL_HEADER, rows), "callouts")

    assert "rad 2" in message and "Hendelsesnr" in message


def test_the_lost_zero_is_put_back_only_where_asked():
    assert holds_identity_number(FNR_ZERO[1:])
    assert not holds_identity_number(FNR_ZERO[1:], lost_zero=False)
    assert holds_identity_number(FNR, lost_zero=False)


@pytest.mark.parametrize(
    "text",
    [
        FNR[:10] + str((int(FNR[10]) + 1) % 10),  # check digit wrong
        "Ring 73 86 80 00 / 915 03 854",
        "01.03.2024 10:00",
        "Km 12,5 / 13,0 / 14,5",
        "Sak 2024/1503 85-456",
    ],
)
def test_ordinary_numbers_with_the_new_separators_pass(text):
    assert not holds_identity_number(text)


def test_the_first_look_does_not_join_an_ordinary_rows_cells():
    """The one-pass import joins a row's cells for one search; a row of dates and clock
    times must not look like a candidate, or every file would take the careful path."""
    cells = ["A1", "01.03.2024 10:00", "01.03.2024 11:00", "2", "Blodprøve", "HBO", "Røros"]
    cells += ["Behandlet på stedet", "12,5", "2024-03-01 10:00", "10:00", "11:30"]
    names = [f"c{n}" for n in range(len(cells))]
    select = ", ".join(f"$v{n}::VARCHAR AS {name}" for n, name in enumerate(names))
    sql = f"SELECT {maybe_identity_in_any_sql(names)} FROM (SELECT {select})"
    con = duckdb.connect()

    def first_look(row: list[str]) -> bool:
        params = {f"v{n}": text for n, text in enumerate(row)}
        return con.execute(sql, {**params, "maybe_identity": MAYBE_SQL_PATTERN}).fetchone()[0]

    assert not first_look(cells)
    assert first_look([*cells[:4], f"Blodprøve {FNR[:6]}\u200b{FNR[6:]}", *cells[5:]])


def grouped_by_thousands(number: str, separator: str) -> str:
    """``number`` as a spreadsheet's number format with a thousands separator writes it."""
    head = len(number) % 3 or 3
    groups = [number[:head]] + [number[i : i + 3] for i in range(head, len(number), 3)]
    return separator.join(groups)


@pytest.mark.parametrize(
    "separator", [" ", "\u00a0", "\u202f", ".", ",", "'"], ids=["space", "nbsp", "nnbsp", *".,'"]
)
def test_a_number_written_with_thousands_separators_is_refused(store, tmp_path, separator):
    """Excel's number format «# ##0» writes 15038550060 as «15 038 550 060» in a CSV."""
    rows = activity_rows(f"Pasient {grouped_by_thousands(FNR, separator)},00 ok")
    message = refusal(store, write_csv(tmp_path / "a.csv", HEADER, rows))

    assert "rad 4" in message and "Oppgave" in message
    assert_not_echoed(message, FNR)


def test_a_lost_zero_number_with_thousands_separators_is_refused(store, tmp_path):
    rows = [
        [*row, grouped_by_thousands(FNR_ZERO[1:], "\u00a0") if row[0] == "A2" else ""]
        for row in activity_rows()
    ]

    message = refusal(store, write_csv(tmp_path / "a.csv", [*HEADER, "Notat"], rows))

    assert "rad 3" in message and "Notat" in message


def test_thousands_grouped_amounts_that_are_no_identity_number_pass():
    assert not holds_identity_number("Budsjett 12 345 678 901 kr")
    assert not holds_identity_number(grouped_by_thousands(FNR[:10] + "9", " ") + " kr")


@pytest.mark.parametrize(
    "mark", ["\u0332", "\u0336", "\u20e3"], ids=["low-line", "strikethrough", "keycap"]
)
def test_digits_decorated_by_combining_marks_are_refused(store, tmp_path, mark):
    """Text «styled» by a generator (underlined, struck through, keycaps) adds a combining
    mark after every character; the digits are still the number."""
    decorated = "".join(digit + mark for digit in f"{FNR[:6]} {FNR[6:]}")
    rows = activity_rows(f"Blodprøve {decorated}")

    message = refusal(store, write_csv(tmp_path / "a.csv", HEADER, rows))

    assert "rad 4" in message and "Oppgave" in message
