"""The goal register: goals per plan and their append-only history of assessments."""

from __future__ import annotations

import getpass
import hashlib
import re
from datetime import date

import duckdb

STATUS_WORDS = {1: "Ikke oppfylt", 2: "Delvis oppfylt", 3: "Oppfylt"}
NOT_ASSESSED = "Ikke vurdert"


def fold(text: str) -> str:
    """Case and whitespace folded, so that the same goal matches across assessments."""
    return re.sub(r"\s+", " ", text).strip().casefold()


def derive_goal_id(plan: str, goal_text: str) -> str:
    digest = hashlib.sha256(f"{fold(plan)}\x1f{fold(goal_text)}".encode()).hexdigest()
    return f"g-{digest[:16]}"


def status_word(status: int | None) -> str:
    return STATUS_WORDS.get(status, NOT_ASSESSED)


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "ukjent"


def add_goal(
    con: duckdb.DuckDBPyConnection,
    plan: str,
    goal_text: str,
    area: str | None = None,
    goal_id: str | None = None,
) -> str:
    """Register a goal (a no-op if it exists) and return its id."""
    goal_id = goal_id or derive_goal_id(plan, goal_text)
    con.execute(
        "INSERT INTO goals (goal_id, plan, area, goal_text) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (goal_id) DO NOTHING",
        [goal_id, plan.strip(), area, goal_text.strip()],
    )
    return goal_id


def add_assessment(
    con: duckdb.DuckDBPyConnection,
    goal_id: str,
    assessed_on: date | None,
    status: int | None,
    comment: str | None = None,
    owner: str | None = None,
    recorded_by: str | None = None,
) -> None:
    """Append an assessment; history is never overwritten."""
    if status is not None and status not in STATUS_WORDS:
        raise ValueError(f"status må være 1, 2 eller 3, ikke {status}")
    con.execute(
        "INSERT INTO goal_assessments (goal_id, assessed_on, status, comment, owner, "
        "recorded_at, recorded_by, import_id) "
        "VALUES (?, ?, ?, ?, ?, current_timestamp::TIMESTAMP, ?, NULL)",
        [goal_id, assessed_on, status, comment, owner, recorded_by or current_user()],
    )


def plans(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [
        row[0] for row in con.execute("SELECT DISTINCT plan FROM goals ORDER BY plan").fetchall()
    ]


def register_goal(
    con: duckdb.DuckDBPyConnection,
    plan: str,
    goal_text: str,
    registered_on: date,
    area: str | None = None,
    owner: str | None = None,
) -> str:
    """A new goal, shown as not yet assessed from the day it is registered."""
    goal_id = add_goal(con, plan, goal_text, area)
    add_assessment(con, goal_id, registered_on, None, "Nytt mål", owner)
    return goal_id


def last_edit(con: duckdb.DuckDBPyConnection) -> dict | None:
    """The newest assessment recorded by hand (imports are undone by no one here)."""
    cursor = con.execute(
        """
        SELECT a.rowid AS row_id, a.goal_id, g.goal_text, a.assessed_on, a.status,
               a.recorded_at, a.recorded_by
        FROM goal_assessments a JOIN goals g USING (goal_id)
        WHERE a.import_id IS NULL
        ORDER BY a.recorded_at DESC, a.rowid DESC LIMIT 1
        """
    )
    row = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], row, strict=True)) if row else None


def undo_last_edit(con: duckdb.DuckDBPyConnection) -> dict | None:
    """Take back the newest hand-recorded assessment; a goal left with none goes too."""
    edit = last_edit(con)
    if edit is None:
        return None
    con.begin()
    try:
        con.execute("DELETE FROM goal_assessments WHERE rowid = ?", [edit["row_id"]])
        con.execute(
            "DELETE FROM goals WHERE goal_id = ? "
            "AND NOT EXISTS (SELECT 1 FROM goal_assessments WHERE goal_id = ?)",
            [edit["goal_id"], edit["goal_id"]],
        )
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return edit
