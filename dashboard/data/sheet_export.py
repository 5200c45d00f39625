"""Tables the dashboard writes for spreadsheets (.csv or .xlsx), safe to open in Excel.

A cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be a live
formula in a spreadsheet (formula injection: a goal text «=HYPERLINK(…)» from an imported
sheet would run on the reader's machine). In Excel every cell is written as text, so no
escape is needed. In CSV such a cell gets a leading apostrophe (the OWASP advice), and so
does a cell that begins with an apostrophe itself: an importer of the export takes exactly
one leading apostrophe off every cell, so the file imports back to the same content.
Characters XML cannot hold (PowerPoint's soft line break ``\\x0b``) are written in the
workbook as ``_xHHHH_``, the OOXML escape that the reader decodes.

Every export (the goal register, the follow-up log, …) writes through :func:`write_table`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SUFFIXES = (".csv", ".xlsx")


def write_table(
    path: Path, sheet_title: str, header: Sequence[str], rows: Sequence[Sequence[str]]
) -> None:
    """Write ``header`` and ``rows`` (text cells) to ``path``, .csv or .xlsx."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        _write_csv(path, header, rows)
    elif suffix == ".xlsx":
        _write_xlsx(path, sheet_title, header, rows)
    else:
        raise ValueError(f"kan ikke skrive «{path.suffix}»; bruk .csv eller .xlsx")


def csv_text(cell: str) -> str:
    """``cell`` as a CSV field no spreadsheet runs as a formula."""
    return f"'{cell}" if cell.startswith((*FORMULA_STARTS, "'")) else cell


# What XML 1.0 cannot hold, and a literal text that looks like the escape itself.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def xlsx_text(cell: str) -> str:
    """``cell`` as an OOXML string: ``_xHHHH_`` for what XML cannot hold."""
    return XML_ILLEGAL.sub(lambda match: f"_x{ord(match.group()):04X}_", cell)


def _write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    # UTF-8 with BOM and semicolons: what Norwegian Excel opens without asking.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerows([csv_text(cell) for cell in row] for row in rows)


def _write_xlsx(
    path: Path, sheet_title: str, header: Sequence[str], rows: Sequence[Sequence[str]]
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title
    sheet.append(list(header))
    for number, row in enumerate(rows, 2):
        for column, text in enumerate(row, 1):
            _write_text(sheet.cell(number, column), text)
    book.save(path)


def _write_text(cell, text: str) -> None:
    """Text, never a formula: openpyxl takes a value beginning with ``=`` for one."""
    cell.value = xlsx_text(text)
    if text:
        cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
