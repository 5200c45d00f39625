"""The steering group's follow-up log: decisions and follow-up items per meeting.

An item is what one meeting decided or asked for (``followup_items``: its meeting and its
text, which together say it is the same item in every import). What may change – kind,
responsible, deadline, status, comment – is an append-only history (``followup_changes``):
a change never overwrites, it is added with the day it applies from, when and by whom it
was recorded, and the import it came with (none when entered in the window). The one
exception is undo: the newest change entered in the window may be taken back, as a slip of
the hand (:func:`undo_last_change`); an import's changes stay.

The day a state applies from: the meeting day for an item's first state as the log gave it;
the day chosen in the window for a change made there; the day of the import for a change
an import brought to an item already known. The state of an item on a day is its newest
change applying on or before that day, so a brief for an earlier meeting reads the log as
it stood then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from dashboard.data.goals import current_user
from dashboard.data.privacy import holds_identity_number
from dashboard.data.vocabulary import (
    FOLLOWUP_KIND_LABELS,
    FOLLOWUP_KINDS,
    FOLLOWUP_STATUS_LABELS,
    FOLLOWUP_STATUSES,
)

# The fields a change holds, in the order the log writes them.
STATE_FIELDS = ("kind", "responsible", "deadline", "status", "comment")
FIELD_LABELS = {
    "meeting": "møtedato",
    "item": "sak",
    "kind": "type",
    "responsible": "ansvarlig",
    "deadline": "frist",
    "status": "status",
    "comment": "kommentar",
}
LAST_DAY = date(9999, 12, 31)


def item_id_sql(meeting: str, text: str) -> str:
    """The id of the item ``text`` decided at ``meeting`` (SQL expressions): the same item
    whatever its case and spacing, as goals match across assessments."""
    folded = f"lower(trim(regexp_replace({text}, '\\s+', ' ', 'g')))"
    return f"'f-' || left(md5(strftime({meeting}, '%Y-%m-%d') || chr(31) || {folded}), 16)"


# Each item's state on $as_of: its newest change applying on or before that day.
STATE_AS_OF = """
    SELECT i.item_id, i.meeting_on, i.item_text, c.kind, c.responsible, c.deadline, c.status,
           c.comment, c.effective_on
    FROM followup_items i
    JOIN followup_changes c USING (item_id)
    WHERE c.effective_on <= $as_of
    QUALIFY row_number() OVER (
        PARTITION BY i.item_id ORDER BY c.effective_on DESC, c.change_no DESC) = 1
"""


@dataclass(frozen=True)
class FollowUpItem:
    """An item as it stood on a day; ``overdue``: open with its deadline before that day."""

    item_id: str
    meeting_on: date
    text: str
    kind: str
    responsible: str | None
    deadline: date | None
    status: str
    comment: str | None
    changed_on: date
    overdue: bool

    @property
    def kind_label(self) -> str:
        return FOLLOWUP_KIND_LABELS[self.kind]

    @property
    def status_label(self) -> str:
        return FOLLOWUP_STATUS_LABELS[self.status]

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class ItemChange:
    """One entry of an item's history; ``source`` is the imported file's name, or None
    for a change entered in the window."""

    effective_on: date
    kind: str
    responsible: str | None
    deadline: date | None
    status: str
    comment: str | None
    recorded_at: datetime
    recorded_by: str
    source: str | None

    @property
    def kind_label(self) -> str:
        return FOLLOWUP_KIND_LABELS[self.kind]

    @property
    def status_label(self) -> str:
        return FOLLOWUP_STATUS_LABELS[self.status]


@dataclass(frozen=True)
class Meeting:
    meeting_on: date
    items: int


@dataclass(frozen=True)
class MeetingFollowUp:
    """What the brief for a meeting reports from the log.

    ``open_items``: items of earlier meetings still open on the meeting day, overdue first;
    ``closed_since``: items closed since the previous meeting; ``previous_decisions``: the
    decisions of the previous meeting. The previous meeting is the latest meeting day in
    the log before this one."""

    meeting_on: date
    previous_meeting: date | None
    open_items: tuple[FollowUpItem, ...]
    closed_since: tuple[FollowUpItem, ...]
    previous_decisions: tuple[FollowUpItem, ...]

    @property
    def overdue(self) -> int:
        return sum(item.overdue for item in self.open_items)


def has_log(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the file has the log's tables: one from before them, opened read-only (not
    migrated), has an empty log."""
    sql = "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'followup_changes'"
    return con.execute(sql).fetchone()[0] > 0


def _items(con: duckdb.DuckDBPyConnection, as_of: date, where: str = "true", **params) -> list:
    cursor = con.execute(
        f"SELECT * FROM ({STATE_AS_OF}) WHERE {where} ORDER BY meeting_on, item_text",
        {"as_of": as_of, **params},
    )
    return [_item(row, as_of) for row in cursor.fetchall()]


def _item(row: tuple, overdue_from: date | None) -> FollowUpItem:
    """An item from a row of ``STATE_AS_OF``; overdue when open past its deadline on
    ``overdue_from``."""
    deadline, status = row[5], row[6]
    late = overdue_from is not None and status == "open" and deadline is not None
    return FollowUpItem(*row, overdue=late and deadline < overdue_from)


def current_log(con: duckdb.DuckDBPyConnection, today: date | None = None) -> list[FollowUpItem]:
    """Every item in its newest state, in the order the log lists them: by meeting, then
    as entered. ``today``: the day overdue is counted from (none is overdue without it)."""
    if not has_log(con):
        return []
    cursor = con.execute(
        f"SELECT s.* FROM ({STATE_AS_OF}) s JOIN followup_items i USING (item_id) "
        "ORDER BY s.meeting_on, i.recorded_at, i.position NULLS LAST, s.item_text",
        {"as_of": LAST_DAY},
    )
    return [_item(row, today) for row in cursor.fetchall()]


def overdue_first(items: list[FollowUpItem]) -> list[FollowUpItem]:
    """Overdue items first, then by deadline (none last), meeting and text."""
    return sorted(
        items,
        key=lambda item: (
            not item.overdue,
            item.deadline is None,
            item.deadline or LAST_DAY,
            item.meeting_on,
            item.text.casefold(),
        ),
    )


def open_items(con: duckdb.DuckDBPyConnection, meeting_on: date) -> list[FollowUpItem]:
    """Items of meetings before ``meeting_on`` still open on that day, overdue first."""
    return overdue_first(
        _items(con, meeting_on, "status = 'open' AND meeting_on < $meeting", meeting=meeting_on)
    )


def previous_meeting(con: duckdb.DuckDBPyConnection, meeting_on: date) -> date | None:
    """The latest meeting day in the log before ``meeting_on``."""
    sql = "SELECT max(meeting_on) FROM followup_items WHERE meeting_on < ?"
    return con.execute(sql, [meeting_on]).fetchone()[0]


def closed_since(
    con: duckdb.DuckDBPyConnection, previous: date, meeting_on: date
) -> list[FollowUpItem]:
    """Items closed (done or dropped) on ``meeting_on`` that were open at the ``previous``
    meeting.

    An item the log gave as closed from the start was closed on its own meeting day as far
    as the log tells, so it is not news at the next meeting (a decision recorded as done)."""
    open_then = f"SELECT item_id FROM ({STATE_AS_OF.replace('$as_of', '$previous')}) " + (
        "WHERE status = 'open'"
    )
    where = f"status IN ('done', 'dropped') AND item_id IN ({open_then})"
    return _items(con, meeting_on, where, previous=previous)


def decisions_of(con: duckdb.DuckDBPyConnection, meeting: date, as_of: date) -> list[FollowUpItem]:
    """The decisions of ``meeting``, as they stood on ``as_of``."""
    where = "kind = 'decision' AND meeting_on = $meeting"
    return _items(con, as_of, where, meeting=meeting)


def meeting_followup(con: duckdb.DuckDBPyConnection, meeting_on: date) -> MeetingFollowUp:
    """What the brief for the meeting on ``meeting_on`` reports from the log."""
    if not has_log(con):
        return MeetingFollowUp(meeting_on, None, (), (), ())
    previous = previous_meeting(con, meeting_on)
    return MeetingFollowUp(
        meeting_on=meeting_on,
        previous_meeting=previous,
        open_items=tuple(open_items(con, meeting_on)),
        closed_since=tuple(closed_since(con, previous, meeting_on)) if previous else (),
        previous_decisions=tuple(decisions_of(con, previous, meeting_on)) if previous else (),
    )


def meetings(con: duckdb.DuckDBPyConnection) -> list[Meeting]:
    """Every meeting in the log, newest first, with how many items it has."""
    if not has_log(con):
        return []
    rows = con.execute(
        f"SELECT meeting_on, count(*) FROM ({STATE_AS_OF}) "
        "GROUP BY meeting_on ORDER BY meeting_on DESC",
        {"as_of": LAST_DAY},
    ).fetchall()
    return [Meeting(*row) for row in rows]


def item_history(con: duckdb.DuckDBPyConnection, item_id: str) -> list[ItemChange]:
    """Every change of an item, in the order they apply (oldest first)."""
    return item_histories(con, item_id).get(item_id, [])


def item_histories(
    con: duckdb.DuckDBPyConnection, item_id: str | None = None
) -> dict[str, list[ItemChange]]:
    """Every item's history ($item NULL) or one item's, by item, each oldest first: in one
    query, however long the log."""
    rows = con.execute(
        """
        SELECT c.item_id, c.effective_on, c.kind, c.responsible, c.deadline, c.status,
               c.comment, c.recorded_at, c.recorded_by, m.file_name
        FROM followup_changes c LEFT JOIN imports m ON m.id = c.import_id
        WHERE $item IS NULL OR c.item_id = $item
        ORDER BY c.item_id, c.effective_on, c.change_no
        """,
        {"item": item_id},
    ).fetchall()
    histories: dict[str, list[ItemChange]] = {}
    for item, *change in rows:
        histories.setdefault(item, []).append(ItemChange(*change))
    return histories


# --- Entering and changing items (the window) ------------------------------------------


@dataclass(frozen=True)
class ItemState:
    """What a change sets: everything but the item's meeting and text."""

    kind: str = "action"
    responsible: str | None = None
    deadline: date | None = None
    status: str = "open"
    comment: str | None = None


def _refuse_invalid(state: ItemState, texts: dict[str, str | None]) -> None:
    """Plain Norwegian for what cannot be stored; an identity number is never repeated."""
    if state.kind not in FOLLOWUP_KINDS:
        raise ValueError(f"ukjent type «{state.kind}»; forventet vedtak eller oppfølging")
    if state.status not in FOLLOWUP_STATUSES:
        raise ValueError(f"ukjent status «{state.status}»; forventet åpen, utført eller utgår")
    for field, value in texts.items():
        if value and holds_identity_number(value):
            raise ValueError(
                f"feltet «{FIELD_LABELS[field].capitalize()}» inneholder et fødselsnummer "
                "eller D-nummer; det kan ikke lagres. Fjern det og prøv igjen."
            )


def _clean(text: str | None) -> str | None:
    return text.strip() or None if text else None


def add_item(
    con: duckdb.DuckDBPyConnection,
    meeting_on: date,
    text: str,
    state: ItemState,
    recorded_by: str | None = None,
) -> str:
    """A new item of the meeting on ``meeting_on``, in ``state`` from that day; its id."""
    text = _clean(text) or ""
    if not text:
        raise ValueError("saken mangler tekst")
    state = _cleaned(state)
    _refuse_invalid(state, {"item": text, **_texts(state)})
    item_id = con.execute(
        f"SELECT {item_id_sql('$meeting::DATE', '$text')}", {"meeting": meeting_on, "text": text}
    ).fetchone()[0]
    if con.execute("SELECT 1 FROM followup_items WHERE item_id = ?", [item_id]).fetchone():
        raise ValueError("saken står allerede i loggen for dette møtet")
    con.begin()
    try:
        con.execute(
            "INSERT INTO followup_items (item_id, meeting_on, item_text, recorded_at, "
            "recorded_by) VALUES (?, ?, ?, current_timestamp::TIMESTAMP, ?)",
            [item_id, meeting_on, text, recorded_by or current_user()],
        )
        _append(con, item_id, meeting_on, state, recorded_by)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return item_id


def change_item(
    con: duckdb.DuckDBPyConnection,
    item_id: str,
    effective_on: date,
    state: ItemState,
    recorded_by: str | None = None,
) -> None:
    """Append a change to the item's history, applying from ``effective_on``."""
    state = _cleaned(state)
    _refuse_invalid(state, _texts(state))
    meeting = con.execute(
        "SELECT meeting_on FROM followup_items WHERE item_id = ?", [item_id]
    ).fetchone()
    if meeting is None:
        raise ValueError("saken finnes ikke lenger i loggen")
    if effective_on < meeting[0]:
        raise ValueError("endringen kan ikke gjelde fra før møtet saken ble tatt opp")
    _append(con, item_id, effective_on, state, recorded_by)


def last_change(con: duckdb.DuckDBPyConnection) -> dict | None:
    """The newest change entered in the window (an import's are undone by no one here):
    its item, what it set, who recorded it when, and whether it is the item's only change
    (the item was added with it, and undoing it takes the item away)."""
    cursor = con.execute(
        """
        SELECT c.change_no, c.item_id, i.item_text, i.meeting_on, c.effective_on, c.status,
               c.recorded_at, c.recorded_by,
               (SELECT count(*) FROM followup_changes o WHERE o.item_id = c.item_id) = 1
                   AS removes_item
        FROM followup_changes c JOIN followup_items i USING (item_id)
        WHERE c.import_id IS NULL
        ORDER BY c.recorded_at DESC, c.change_no DESC LIMIT 1
        """
    )
    row = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], row, strict=True)) if row else None


def undo_last_change(con: duckdb.DuckDBPyConnection) -> dict | None:
    """Take back the newest change entered in the window; an item left with none goes too.
    What was taken back, as :func:`last_change` gave it (None: nothing to undo)."""
    change = last_change(con)
    if change is None:
        return None
    con.begin()
    try:
        con.execute("DELETE FROM followup_changes WHERE change_no = ?", [change["change_no"]])
        con.execute(
            "DELETE FROM followup_items WHERE item_id = $item "
            "AND NOT EXISTS (SELECT 1 FROM followup_changes WHERE item_id = $item)",
            {"item": change["item_id"]},
        )
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return change


def _cleaned(state: ItemState) -> ItemState:
    return ItemState(
        state.kind, _clean(state.responsible), state.deadline, state.status, _clean(state.comment)
    )


def _texts(state: ItemState) -> dict[str, str | None]:
    return {"responsible": state.responsible, "comment": state.comment}


def _append(
    con: duckdb.DuckDBPyConnection,
    item_id: str,
    effective_on: date,
    state: ItemState,
    recorded_by: str | None,
) -> None:
    con.execute(
        "INSERT INTO followup_changes (item_id, kind, responsible, deadline, status, comment, "
        "effective_on, recorded_at, recorded_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, current_timestamp::TIMESTAMP, ?)",
        [
            item_id,
            state.kind,
            state.responsible,
            state.deadline,
            state.status,
            state.comment,
            effective_on,
            recorded_by or current_user(),
        ],
    )
