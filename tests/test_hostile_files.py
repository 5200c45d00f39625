"""Files built to lose rows or garble text: every one is read whole or refused, by row.

Each test builds its hostile file itself, small; the big ones are generated on the fly.
"""

from __future__ import annotations

import os
import re
import shutil
import time
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from dashboard.data.importer import import_file
from dashboard.data.problems import ImportRefused
from dashboard.data.store import Store

HEADER = "ID;Start;Slutt;Delprosjekt;Oppgave;Bestiller;Kommune;Utfall;Km"


def activity_row(number: int, municipality: str = "Røros") -> str:
    return f"A{number};01.02.2021 10:00;01.02.2021 10:30;2;Blodprøve;HBO;{municipality};;3,5"


ROWS = [activity_row(number) for number in range(1, 6)]


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "db.duckdb") as opened:
        yield opened


def stored(store: Store) -> list[tuple]:
    return store.con.execute("SELECT id, municipality, task FROM activities ORDER BY id").fetchall()


def refused(store: Store, path: Path) -> list:
    with pytest.raises(ImportRefused) as error:
        import_file(store, path)
    assert stored(store) == []
    return error.value.problems


# --- 1. Rows lost silently -------------------------------------------------------------


def test_a_quoted_title_cell_with_line_breaks_above_the_header_loses_no_row(store, tmp_path):
    path = tmp_path / "tittel.csv"
    title = '"Aktivitetslogg\nRøros\n2021";\n'
    path.write_text(title + HEADER + "\n" + "\n".join(ROWS) + "\n", encoding="utf-8")

    result = import_file(store, path)

    assert (result.rows_read, result.rows_added) == (5, 5)
    assert [row[0] for row in stored(store)] == ["A1", "A2", "A3", "A4", "A5"]


def test_a_blank_line_and_a_line_break_inside_a_cell_count_as_the_user_counts(store, tmp_path):
    path = tmp_path / "blank.csv"
    rows = [*ROWS[:2], "", ROWS[2].replace("Blodprøve", '"Blod-\nprøve"'), *ROWS[3:]]
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")

    assert import_file(store, path).rows_added == 5


def _sheet_with_small_dimension(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(";"))
    for row in ROWS:
        sheet.append(row.split(";"))
    sheet["J4"] = "merknad"
    book.save(path)
    return _rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:C3"', xml),
    )


def _rewrite_part(path: Path, member: str, change) -> Path:
    copy = path.with_name("kopi.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            out.writestr(info, change(data) if info.filename == member else data)
    shutil.move(copy, path)
    return path


def test_an_xlsx_declaring_a_smaller_dimension_is_read_whole(store, tmp_path):
    path = _sheet_with_small_dimension(tmp_path / "dimensjon.xlsx")

    result = import_file(store, path)

    assert (result.rows_read, result.rows_added) == (5, 5)
    assert stored(store)[4] == ("A5", "Røros", "Blodprøve")


def test_a_50_mb_line_between_normal_rows_is_refused_at_its_row(store, tmp_path):
    path = tmp_path / "lang.csv"
    huge = activity_row(9).replace("Blodprøve", "x" * 50_000_000)
    path.write_text("\n".join([HEADER, ROWS[0], huge, ROWS[1]]) + "\n", encoding="utf-8")

    problems = refused(store, path)

    assert problems[0].row == 3
    assert "MB lang" in problems[0].message
    assert "anførselstegn" not in problems[0].message


def test_a_first_line_of_megabytes_is_refused_as_such(store, tmp_path):
    path = tmp_path / "lang.csv"
    path.write_text("x" * 3_000_000 + "\n" + HEADER + "\n" + ROWS[0] + "\n", encoding="utf-8")

    problems = refused(store, path)

    assert problems[0].row == 1 and "første linje" in problems[0].message


# --- 2. Mixed encodings ----------------------------------------------------------------


def _mixed(path: Path, most: str, odd: str) -> Path:
    lines = [HEADER.encode(most)] + [row.encode(most) for row in ROWS]
    lines[3] = ROWS[2].encode(odd)
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.mark.parametrize(("most", "odd"), [("utf-8", "cp1252"), ("cp1252", "utf-8")])
def test_a_file_mixing_encodings_is_refused_at_the_row_that_does_not_fit(
    store, tmp_path, most, odd
):
    problems = refused(store, _mixed(tmp_path / "blandet.csv", most, odd))

    assert problems[0].row == 4
    assert "tegnkoding" in problems[0].message


def test_a_mixed_file_is_refused_even_when_the_odd_row_is_past_the_sniffed_head(store, tmp_path):
    rows = [activity_row(number) for number in range(1, 3001)]
    path = tmp_path / "sent.csv"
    body = "\n".join([HEADER, *rows]).encode("utf-8") + b"\n"
    path.write_bytes(body + activity_row(3001).encode("cp1252") + b"\n")

    problems = refused(store, path)

    assert problems[0].row == 3002


@pytest.mark.parametrize("garbled", ["RÃ¸ros", "Ã˜yer", "BlÃ¥ bil", "Ã…len", "10â€“12"])
def test_text_already_garbled_is_never_stored(store, tmp_path, garbled):
    path = tmp_path / "mojibake.csv"
    rows = [*ROWS[:3], activity_row(9, municipality=garbled)]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")

    problems = refused(store, path)

    assert problems[0].row == 5 and "feilkodede" in problems[0].message


def test_windows_1252_alone_still_keeps_every_letter(store, tmp_path):
    path = tmp_path / "ansi.csv"
    rows = [activity_row(1, "Holtålen – Ålen"), activity_row(2, "Røros")]
    path.write_bytes("\n".join([HEADER, *rows]).encode("cp1252") + b"\n")

    import_file(store, path)

    assert [row[1] for row in stored(store)] == ["Holtålen – Ålen", "Røros"]


# --- 10. Excel's «Unicode-tekst» -------------------------------------------------------


def test_excel_unicode_text_utf16_with_bom_and_tabs_imports(store, tmp_path):
    path = tmp_path / "unicode.txt"
    text = "\r\n".join([HEADER, *ROWS]).replace(";", "\t") + "\r\n"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))

    result = import_file(store, path)

    assert (result.kind, result.rows_added) == ("aktivitetslogg", 5)
    assert stored(store)[0] == ("A1", "Røros", "Blodprøve")


# --- 7. Workbooks built to expand ------------------------------------------------------


def _small_workbook(path: Path) -> Path:
    book = Workbook()
    book.active.append(HEADER.split(";"))
    book.active.append(ROWS[0].split(";"))
    book.save(path)
    return path


def _declare_size(path: Path, member: str, size: int) -> Path:
    """Patch the central directory so that ``member`` claims ``size`` bytes unpacked."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_length] == name:
            data[at + 24 : at + 28] = size.to_bytes(4, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def test_a_workbook_declaring_a_gigabyte_sheet_is_refused_before_it_is_read(store, tmp_path):
    path = _declare_size(
        _small_workbook(tmp_path / "bombe.xlsx"), "xl/worksheets/sheet1.xml", 2**30
    )

    started = time.monotonic()
    problems = refused(store, path)

    assert time.monotonic() - started < 5
    assert "pakke seg ut" in problems[0].message


@pytest.mark.slow
def test_a_workbook_whose_shared_strings_expand_far_is_refused_within_seconds(store, tmp_path):
    path = _small_workbook(tmp_path / "strenger.xlsx")
    block = b"<si><t>" + b"a" * 1_000_000 + b"</t></si>"
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/padding.xml", "w", force_zip64=True) as part,
    ):
        for _ in range(300):
            part.write(block)

    started = time.monotonic()
    problems = refused(store, path)

    assert time.monotonic() - started < 10
    assert "pakke seg ut" in problems[0].message


# --- 11. Messages that mislead ---------------------------------------------------------


def test_an_old_xls_or_encrypted_workbook_is_named_as_such(store, tmp_path):
    path = tmp_path / "gammel.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)

    problems = refused(store, path)

    assert ".xls" in problems[0].message and "passord" in problems[0].message
    assert "BadZipFile" not in str(problems[0])


def test_a_damaged_workbook_is_named_in_norwegian(store, tmp_path):
    path = tmp_path / "skadet.xlsx"
    path.write_bytes(_small_workbook(tmp_path / "hel.xlsx").read_bytes()[:-200])

    problems = refused(store, path)

    assert "skadet" in problems[0].message and "Error" not in str(problems[0])


# --- 9. Time without a time zone -------------------------------------------------------


@pytest.fixture
def machine_in_new_york(monkeypatch):
    """A machine whose own zone changes to summer time on another night than Oslo."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_an_excel_time_with_a_fraction_of_a_second_is_rounded_without_a_time_zone(
    store, tmp_path, machine_in_new_york
):
    path = tmp_path / "sommertid.xlsx"
    book = Workbook()
    book.active.append(HEADER.split(";"))
    # 02:10 does not exist in New York that night; in Oslo (and in the export) it does.
    start = datetime(2021, 3, 14, 2, 10, 59, 600_000)
    end = datetime(2021, 3, 14, 2, 40)
    book.active.append(["A1", start, end, 2, "EKG", "HBO", "Røros", None, None])
    book.save(path)

    import_file(store, path)

    assert store.con.execute("SELECT start_at FROM activities").fetchone() == (
        datetime(2021, 3, 14, 2, 11),
    )


# --- 9. Daylight-saving nights (Europe/Oslo) -------------------------------------------


def minutes_of(store: Store, path: Path) -> list[tuple]:
    import_file(store, path)
    return store.con.execute("SELECT id, end_at, minutes FROM activities ORDER BY id").fetchall()


def test_a_task_across_a_clock_change_counts_the_real_minutes(store, tmp_path):
    path = tmp_path / "natt.csv"
    rows = [
        "V1;28.03.2021 01:30;28.03.2021 03:30;1;Ø-hjelp;AMK;Røros;;",  # spring: 60 real
        "V2;31.10.2021 01:30;31.10.2021 03:30;1;Ø-hjelp;AMK;Røros;;",  # autumn: 180 real
        "V3;27.03.2021 23:00;28.03.2021 01:00;1;Ø-hjelp;AMK;Røros;;",  # before: 120
    ]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")

    assert [(row[0], row[2]) for row in minutes_of(store, path)] == [
        ("V1", 60.0),
        ("V2", 180.0),
        ("V3", 120.0),
    ]


def test_a_duration_across_the_spring_change_ends_an_hour_later_on_the_clock(store, tmp_path):
    path = tmp_path / "varighet.csv"
    path.write_text(
        "ID;Start;Varighet;Delprosjekt;Oppgave;Bestiller\nV1;28.03.2021 01:30;60;1;Ø-hjelp;AMK\n",
        encoding="utf-8",
    )

    assert minutes_of(store, path) == [("V1", datetime(2021, 3, 28, 3, 30), 60.0)]


@pytest.mark.parametrize(
    ("start", "end", "column"),
    [
        ("28.03.2021 02:30", "28.03.2021 03:30", "Start"),
        ("28.03.2021 01:30", "28.03.2021 02:15", "Slutt"),
    ],
)
def test_a_clock_time_that_does_not_exist_that_night_is_refused(
    store, tmp_path, start, end, column
):
    path = tmp_path / "finnes_ikke.csv"
    rows = [ROWS[0], f"V1;{start};{end};1;Ø-hjelp;AMK;Røros;;"]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")

    problems = refused(store, path)

    assert (problems[0].file, problems[0].row, problems[0].column) == ("finnes_ikke.csv", 3, column)
    assert "finnes ikke" in problems[0].message and "sommertid" in problems[0].message


# --- 11. A valid date in a year outside the accepted ones ------------------------------


@pytest.mark.parametrize("text", ["31.01.1999 14:30", "2124-01-31 14:30", "31.01.0024"])
def test_a_date_in_a_year_outside_the_range_says_so(store, tmp_path, text):
    path = tmp_path / "aar.csv"
    rows = [ROWS[0], f"V1;{text};01.02.2021 10:30;1;EKG;AMK;Røros;;"]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")

    problems = refused(store, path)

    assert (problems[0].row, problems[0].column) == (3, "Start")
    assert "2000–2099" in problems[0].message and "ikke en gyldig dato" not in problems[0].message


def test_a_column_the_contract_does_not_name_is_named_in_the_summary(store, tmp_path):
    path = tmp_path / "notat.csv"
    rows = [f"{row};hei" for row in ROWS]
    path.write_text("\n".join([f"{HEADER};Notat", *rows]) + "\n", encoding="utf-8")

    result = import_file(store, path)

    assert result.unused_columns == ("Notat",) and "ikke brukt: Notat" in result.summary()


def test_a_file_cut_off_mid_letter_is_named_at_its_last_cell(store, tmp_path):
    path = tmp_path / "avkortet.csv"
    lines = [line.rsplit(";", 2)[0] for line in [HEADER, *ROWS]]  # Kommune last
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8")[:-5])
    assert path.read_bytes().endswith(b"R\xc3")

    problems = refused(store, path)

    assert (problems[0].row, problems[0].column) == (6, "Kommune")
    assert "avkortet" in problems[0].message


def test_a_formula_saved_without_its_value_is_refused_not_read_as_empty(store, tmp_path):
    book = Workbook()
    book.active.append(HEADER.split(";"))
    book.active.append(ROWS[0].split(";"))
    book.active["I2"] = "=2+3"
    book.save(tmp_path / "formel.xlsx")

    problems = refused(store, tmp_path / "formel.xlsx")

    assert (problems[0].row, problems[0].column) == (2, "Km")
    assert "formel" in problems[0].message


def test_a_decimal_number_is_no_subproject(store, tmp_path):
    path = tmp_path / "dp.csv"
    path.write_text(f"{HEADER}\n{ROWS[0].replace(';2;', ';2,5;')}\n", encoding="utf-8")

    problems = refused(store, path)

    assert (problems[0].row, problems[0].column) == (2, "Delprosjekt")


@pytest.mark.slow
def test_a_workbook_with_a_sheet_of_260_mb_is_refused_within_seconds(store, tmp_path):
    path = _small_workbook(tmp_path / "ark.xlsx")
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 20_000

    def grow(xml: bytes) -> bytes:
        head, tail = xml.split(b"</sheetData>")
        return head + row * 270 + b"</sheetData>" + tail

    _rewrite_part(path, "xl/worksheets/sheet1.xml", grow)

    started = time.monotonic()
    problems = refused(store, path)

    assert time.monotonic() - started < 10 and "pakke seg ut" in problems[0].message


def test_a_file_name_from_an_old_windows_share_imports_and_reads_as_written(store, tmp_path):
    """The name's «ø» is the Windows-1252 byte 0xF8, which is no UTF-8."""
    raw_name = os.fsencode(tmp_path) + b"/logg_R\xf8ros.csv"
    with open(raw_name, "wb") as handle:
        handle.write(("\n".join([HEADER, *ROWS]) + "\n").encode("utf-8"))

    result = import_file(store, os.fsdecode(raw_name))

    assert (result.file, result.rows_added) == ("logg_Røros.csv", 5)
    assert store.imports()[0]["file_name"] == "logg_Røros.csv"


@pytest.mark.parametrize("km", ["12_5", "1_000"])
def test_digits_grouped_with_underscores_are_no_number(store, tmp_path, km):
    path = tmp_path / "km.csv"
    path.write_text(f"{HEADER}\n{ROWS[0][: ROWS[0].rindex(';')]};{km}\n", encoding="utf-8")

    problems = refused(store, path)

    assert (problems[0].row, problems[0].column) == (2, "Km")


# --- NUL bytes, UTF-16 without a byte order mark, rows of only delimiters ---------------


def test_a_nul_byte_in_a_cell_refuses_the_file_at_its_row_and_column(store, tmp_path):
    path = tmp_path / "nul.csv"
    rows = [*ROWS[:2], ROWS[2].replace("Blodprøve", "Blod\x00prøve"), *ROWS[3:]]
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")

    (problem,) = refused(store, path)

    assert (problem.file, problem.row, problem.column) == ("nul.csv", 4, "Oppgave")
    assert "NUL" in problem.message and "\x00" not in str(problem)


def test_a_nul_byte_after_a_quoted_line_break_is_named_at_the_row_the_user_counts(store, tmp_path):
    path = tmp_path / "nul.csv"
    rows = [ROWS[0].replace("Blodprøve", '"Blod\nprøve"'), ROWS[1].replace(";;", ";Inn\x00lagt;")]
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")

    (problem,) = refused(store, path)

    assert (problem.row, problem.column) == (3, "Utfall")


def test_a_nul_byte_in_the_header_refuses_the_file(store, tmp_path):
    path = tmp_path / "nul.csv"
    path.write_text(HEADER.replace("Kommune", "Kom\x00mune") + "\n" + ROWS[0] + "\n")

    (problem,) = refused(store, path)

    assert (problem.row, problem.column) == (1, "kolonne 7")


def test_a_nul_byte_in_a_windows_1252_file_is_refused(store, tmp_path):
    path = tmp_path / "nul.csv"
    text = HEADER + "\n" + "\n".join(ROWS) + "\n"
    path.write_bytes(text.replace("A4;", "A4\x00;").encode("cp1252"))

    (problem,) = refused(store, path)

    assert (problem.row, problem.column) == (5, "ID")


def test_a_nul_character_in_an_excel_cell_is_refused(store, tmp_path):
    book = Workbook()
    book.active.append(HEADER.split(";"))
    for row in ROWS:
        book.active.append(row.split(";"))
    book.active["E3"] = "Blod_x0000_prøve"  # how a workbook writes a NUL XML cannot hold
    book.save(tmp_path / "nul.xlsx")

    (problem,) = refused(store, tmp_path / "nul.xlsx")

    assert (problem.row, problem.column) == (3, "Oppgave")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_imports(store, tmp_path, codec):
    path = tmp_path / "unicode.txt"
    text = (HEADER + "\r\n" + "\r\n".join(ROWS) + "\r\n").replace(";", "\t")
    path.write_bytes(text.replace("A1\t", "A1\t").encode(codec))

    result = import_file(store, path)

    assert (result.rows_read, result.rows_added) == (5, 5)
    assert {municipality for _, municipality, _ in stored(store)} == {"Røros"}


def test_rows_of_only_delimiters_are_skipped_and_counted(store, tmp_path):
    path = tmp_path / "hale.csv"
    tail = ";;;;;;;;\r\n" * 3
    path.write_text(HEADER + "\r\n" + "\r\n".join(ROWS) + "\r\n" + tail, encoding="utf-8")

    result = import_file(store, path)

    assert (result.rows_read, result.rows_added, result.empty_rows) == (5, 5, 3)
    assert "3 tomme rader (bare skilletegn eller mellomrom) hoppet over" in result.summary()


def test_a_row_of_only_delimiters_in_the_middle_keeps_the_rows_numbered(store, tmp_path):
    path = tmp_path / "hull.csv"
    rows = [*ROWS[:2], ";;;;;;;;", " ; ;;;;;;;", ROWS[2].replace("2;Blod", "9;Blod")]
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")

    problems = refused(store, path)

    assert [(problem.row, problem.column) for problem in problems] == [(6, "Delprosjekt")]


def test_a_file_of_only_delimiter_rows_says_it_has_no_rows(store, tmp_path):
    path = tmp_path / "tom.csv"
    path.write_text(HEADER + "\n;;;;;;;;\n;;;;;;;;\n", encoding="utf-8")

    result = import_file(store, path)

    assert (result.rows_read, result.rows_added, result.empty_rows) == (0, 0, 2)
    assert "ingen rader" in result.summary() and "2 tomme rader" in result.summary()


def test_old_mac_line_ends_in_utf8_import_every_row(store, tmp_path):
    path = tmp_path / "mac.csv"
    rows = [*ROWS[:2], ROWS[2].replace("Blodprøve", '"Blod\rprøve"')]
    path.write_bytes((HEADER + "\r" + "\r".join(rows) + "\r").encode("utf-8"))

    result = import_file(store, path)

    assert (result.rows_read, result.rows_added) == (3, 3)
    assert stored(store)[2] == ("A3", "Røros", "Blod\nprøve")


def test_old_mac_line_ends_in_another_encoding_are_refused_as_such(store, tmp_path):
    path = tmp_path / "mac.csv"
    path.write_bytes((HEADER + "\r" + "\r".join(ROWS) + "\r").encode("mac_roman"))

    (problem,) = refused(store, path)

    assert "Mac" in problem.message and "CSV UTF-8" in problem.message


def test_utf32_with_a_byte_order_mark_imports(store, tmp_path):
    path = tmp_path / "u32.txt"
    path.write_bytes((HEADER + "\n" + "\n".join(ROWS) + "\n").encode("utf-32"))

    assert import_file(store, path).rows_added == 5
    assert {municipality for _, municipality, _ in stored(store)} == {"Røros"}


def test_excel_rows_of_only_spaces_are_skipped_and_counted(store, tmp_path):
    book = Workbook()
    book.active.append(HEADER.split(";"))
    for row in ROWS[:2]:
        book.active.append(row.split(";"))
    book.active.append([" ", None, "  "])
    book.active.append(ROWS[2].split(";"))
    book.active.append([None, " "])
    book.save(tmp_path / "mellomrom.xlsx")

    result = import_file(store, tmp_path / "mellomrom.xlsx")

    assert (result.rows_read, result.rows_added, result.empty_rows) == (3, 3, 2)
    assert "2 tomme rader (bare skilletegn eller mellomrom) hoppet over" in result.summary()
