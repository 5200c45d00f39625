"""The goal register written out in a form the importer reads back (CSV or Excel).

A cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be a live
formula in a spreadsheet (formula injection). In Excel every cell is written as text, so
no escape is needed. In CSV such a cell gets a leading apostrophe (the OWASP advice), and so
does a cell that begins with an apostrophe itself: the importer takes exactly one leading
apostrophe off every cell of a register export (known by its header), so the file imports
back to the same content. Characters XML cannot hold (PowerPoint's soft line break ``\x0b``)
are written in the workbook as ``_xHHHH_``, the OOXML escape that the reader decodes.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import duckdb

from dashboard.data.goal_dates import format_assessed
from dashboard.data.kinds import REGISTER_HEADER as HEADER

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def register_rows(con: duckdb.DuckDBPyConnection) -> list[list[str]]:
    """One row per assessment, oldest first within each goal: the status in the source's
    words with its 1–3 value beside it, the date at the precision written."""
    rows = con.execute(
        """
        SELECT g.source_goal_id, g.plan, g.area, g.goal_text, g.goal_type, g.deadline,
               a.status_text, a.status, a.assessed_on, a.assessed_precision, a.comment,
               a.owner, g.evaluation, g.indicator, g.comparator, g.target
        FROM goals g JOIN goal_assessments a USING (goal_id)
        ORDER BY g.plan, g.area NULLS LAST, g.goal_text, a.assessed_on NULLS FIRST,
                 a.recorded_at
        """
    ).fetchall()
    return [_register_row(*row) for row in rows]


def _register_row(
    given, plan, area, text, goal_type, deadline, status_text, status, day, precision, *rest
) -> list[str]:
    comment, owner, evaluation, indicator, comparator, target = rest
    return [
        given or "",
        plan,
        area or "",
        text,
        goal_type or "",
        deadline or "",
        status_text or "",
        str(status) if status else "",
        format_assessed(day, precision),
        comment or "",
        owner or "",
        evaluation or "",
        indicator or "",
        f"{comparator} {target!r}" if indicator else "",
    ]


def export_register(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Write the register to ``path`` (.csv or .xlsx); return the number of assessments."""
    rows = register_rows(con)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        _write_csv(path, rows)
    elif suffix == ".xlsx":
        _write_xlsx(path, rows)
    else:
        raise ValueError(f"kan ikke skrive «{path.suffix}»; bruk .csv eller .xlsx")
    return len(rows)


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    # UTF-8 with BOM and semicolons: what Norwegian Excel opens without asking.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows([_csv_text(cell) for cell in row] for row in rows)


def _csv_text(cell: str) -> str:
    return f"'{cell}" if cell.startswith((*FORMULA_STARTS, "'")) else cell


# What XML 1.0 cannot hold, and a literal text that looks like the escape itself.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


def xlsx_text(cell: str) -> str:
    """``cell`` as an OOXML string: ``_xHHHH_`` for what XML cannot hold."""
    return XML_ILLEGAL.sub(lambda match: f"_x{ord(match.group()):04X}_", cell)


def _write_xlsx(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Målstatus"
    sheet.append(HEADER)
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
