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


def status_shown(status: int | None, status_text: str | None) -> str:
    """A status as the source wrote it, with its 1–3 value beside it: "Delvis oppnådd (2)",
    "2 (delvis oppfylt)" for a bare number, "Implementert … (uten skala)" for words outside
    the scale, "Ikke vurdert" for none."""
    if status_text is None and status is None:
        return NOT_ASSESSED
    if status is None:
        return f"{status_text} (uten skala)"
    if status_text is None or status_text.strip() == str(status):
        return f"{status} ({status_word(status).lower()})"
    return f"{status_text} ({status})"


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
    status_text: str | None = None,
    precision: str = "day",
) -> None:
    """Append an assessment; history is never overwritten. Without ``status_text`` the
    status is written in the plan's own word for that value (what its latest assessment
    with that value said), else in the register's."""
    if status is not None and status not in STATUS_WORDS:
        raise ValueError(f"status må være 1, 2 eller 3, ikke {status}")
    if status_text is None and status is not None:
        status_text = plan_word(con, goal_id, status)
    con.execute(
        "INSERT INTO goal_assessments (goal_id, assessed_on, status, comment, owner, "
        "recorded_at, recorded_by, import_id, status_text, assessed_precision) "
        "VALUES (?, ?, ?, ?, ?, current_timestamp::TIMESTAMP, ?, NULL, ?, ?)",
        [
            goal_id,
            assessed_on,
            status,
            comment,
            owner,
            recorded_by or current_user(),
            status_text,
            precision if assessed_on else None,
        ],
    )


def plan_word(con: duckdb.DuckDBPyConnection, goal_id: str, status: int) -> str:
    """The word the goal's plan last used for ``status`` ("Delvis oppnådd"), or the
    register's ("Delvis oppfylt"); a plan that writes numbers gets the number."""
    row = con.execute(
        """
        SELECT a.status_text FROM goal_assessments a JOIN goals g USING (goal_id)
        WHERE g.plan = (SELECT plan FROM goals WHERE goal_id = ?) AND a.status = ?
              AND a.status_text IS NOT NULL
        ORDER BY a.assessed_on DESC NULLS LAST, a.recorded_at DESC LIMIT 1
        """,
        [goal_id, status],
    ).fetchone()
    return row[0] if row else status_word(status)


def set_goal_details(
    con: duckdb.DuckDBPyConnection,
    goal_id: str,
    deadline: str | None,
    goal_type: str | None,
    indicator: str | None,
    comparator: str | None,
    target: float | None,
) -> None:
    """What a planner keeps on a goal beside its assessments: its deadline and type, and
    the dashboard figure it is tied to with a target (all three, or none)."""
    if indicator is None or target is None:
        indicator = comparator = target = None
    elif comparator is None:
        comparator = ">="
    con.execute(
        "UPDATE goals SET deadline = ?, goal_type = ?, indicator = ?, comparator = ?, "
        "target = ? WHERE goal_id = ?",
        [deadline, goal_type, indicator, comparator, target, goal_id],
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
