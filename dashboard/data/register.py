"""The goal register written out in a form the importer reads back (CSV or Excel)."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb

from dashboard.data.goals import status_word

HEADER = ["Mål-ID", "Plan", "Område", "Mål", "Status", "Vurdert", "Kommentar", "Ansvarlig"]


def register_rows(con: duckdb.DuckDBPyConnection) -> list[list[str]]:
    """One row per assessment, oldest first within each goal; dates as dd.mm.yyyy."""
    rows = con.execute(
        """
        SELECT g.source_goal_id, g.plan, g.area, g.goal_text, a.status,
               strftime(a.assessed_on, '%d.%m.%Y'), a.comment, a.owner
        FROM goals g JOIN goal_assessments a USING (goal_id)
        ORDER BY g.plan, g.area NULLS LAST, g.goal_text, a.assessed_on NULLS FIRST,
                 a.recorded_at
        """
    ).fetchall()
    return [
        [
            given or "",
            plan,
            area or "",
            text,
            status_word(status) if status else "",
            assessed or "",
            comment or "",
            owner or "",
        ]
        for given, plan, area, text, status, assessed, comment, owner in rows
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
        writer.writerows(rows)


def _write_xlsx(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Målstatus"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
