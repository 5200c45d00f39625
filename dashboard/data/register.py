"""The goal register written out in a form the importer reads back (CSV or Excel).

The cells are written by :mod:`sheet_export`, which keeps a spreadsheet from running any
as a formula; the importer takes its CSV escape off again (known by the header).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from dashboard.data.goal_dates import format_assessed
from dashboard.data.kinds import REGISTER_HEADER as HEADER
from dashboard.data.sheet_export import write_table


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
    write_table(path, "Målstatus", HEADER, rows)
    return len(rows)
