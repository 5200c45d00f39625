"""The goal register written out in a form the importer reads back (CSV or Excel).

The cells are written by :mod:`sheet_export`, which keeps a spreadsheet from running any
as a formula; the importer takes its CSV escape off again (known by the header).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from dashboard.data.goals import status_word
from dashboard.data.kinds import REGISTER_HEADER as HEADER
from dashboard.data.sheet_export import write_table


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
    write_table(path, "Målstatus", HEADER, rows)
    return len(rows)
