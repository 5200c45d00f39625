"""Every table the dashboard writes for a spreadsheet: no cell runs as a formula."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from dashboard.data.sheet_export import write_table

HEADER = ["Sak", "Kommentar"]
HOSTILE = ["=1+1", "+47 22 33 44 55", "-5 pasienter", "@SUM(A1:A2)", "\t=2+2", "\r=3", "'sitat"]
ROWS = [[text, "vanlig tekst æøå"] for text in HOSTILE]


def test_no_csv_field_starts_as_a_formula_and_each_keeps_its_text(tmp_path):
    path = tmp_path / "ut.csv"

    write_table(path, "Ark", HEADER, ROWS)

    with path.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle, delimiter=";"))
    assert header == HEADER
    assert [row[0] for row in rows] == [f"'{text}" for text in HOSTILE]
    assert [row[1] for row in rows] == ["vanlig tekst æøå"] * len(HOSTILE)


def test_no_workbook_cell_is_a_formula(tmp_path):
    path = tmp_path / "ut.xlsx"

    write_table(path, "Oppfølging", HEADER, [*ROWS, ["Myk\x0blinjeskift", ""]])

    sheet = load_workbook(path)["Oppfølging"]
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.value]
    assert all(cell.data_type == "s" for cell in cells)
    first = [row[0] for row in sheet.iter_rows(min_row=2, max_row=len(HOSTILE) + 1)]
    # XML reads a carriage return back as a line feed.
    assert [cell.value for cell in first] == [text.replace("\r", "\n") for text in HOSTILE]
    assert [cell.quotePrefix for cell in first] == [True] * 6 + [False]


def test_another_file_type_is_refused_in_norwegian(tmp_path):
    with pytest.raises(ValueError, match=r"bruk \.csv eller \.xlsx"):
        write_table(tmp_path / "ut.pdf", "Ark", HEADER, ROWS)
