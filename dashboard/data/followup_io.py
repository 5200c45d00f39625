"""The follow-up log in and out: what an import stores, and the export that imports back.

An imported row is an item of a meeting (its meeting day and text say which). A row of an
item not yet known adds the item with its state from the meeting day. A row of a known item
in the state stored is nothing new (a re-import changes nothing). A row of a known item in
another state is refused, naming the row, the column and both values, unless the user asks
to take the changes (``import --replace-changed``): each is then appended to the item's
history, applying from the day of the import; the old state stays in the history.

A field whose column the file lacks keeps what is stored (a log without comments does not
wipe the comments entered in the window); a blank cell in a column the file has says what
the contract says a blank means (kind Oppfølging, status Åpen, no responsible…).

The export writes each item in its newest state with the contract's headers, dates as
dd.mm.yyyy, CSV cells a spreadsheet would take for a formula escaped as the goal register's
export escapes them (see register.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from dashboard.data.followup import FIELD_LABELS, STATE_AS_OF, STATE_FIELDS, current_log
from dashboard.data.kinds import ACTIONS_HEADER
from dashboard.data.sheet_export import write_table
from dashboard.data.vocabulary import FOLLOWUP_KIND_LABELS, FOLLOWUP_STATUS_LABELS

DEFAULTS = {"kind": "'action'", "status": "'open'"}
STORED = STATE_AS_OF.replace("$as_of", "DATE '9999-12-31'")


def _merged_field(field: str) -> str:
    """The file's value where it has the column, else the stored one (or the default)."""
    kept = f"coalesce(c.{field}, {DEFAULTS[field]})" if field in DEFAULTS else f"c.{field}"
    return f"CASE WHEN t.given_{field} THEN t.{field} ELSE {kept} END AS {field}"


SAME = " AND ".join(f"m.{field} IS NOT DISTINCT FROM m.stored_{field}" for field in STATE_FIELDS)
MERGED = f"""
    SELECT t.ord, t.item_id, t.meeting_on, t.item_text, c.item_id IS NOT NULL AS known,
           {", ".join(_merged_field(field) for field in STATE_FIELDS)},
           {", ".join(f"c.{field} AS stored_{field}" for field in STATE_FIELDS)}
    FROM typed t LEFT JOIN ({STORED}) c USING (item_id)
"""

INSERT_ITEMS = """
    INSERT INTO followup_items
        (item_id, meeting_on, item_text, recorded_at, recorded_by, import_id, position)
    SELECT item_id, meeting_on, item_text, current_timestamp::TIMESTAMP, $user, $import_id,
           ord + 1
    FROM typed t
    WHERE NOT EXISTS (SELECT 1 FROM followup_items i WHERE i.item_id = t.item_id)
"""
INSERT_CHANGES = f"""
    INSERT INTO followup_changes (item_id, kind, responsible, deadline, status, comment,
                                  effective_on, recorded_at, recorded_by, import_id)
    SELECT item_id, kind, responsible, deadline, status, comment,
           CASE WHEN known THEN greatest(current_date, meeting_on) ELSE meeting_on END,
           current_timestamp::TIMESTAMP, $user, $import_id
    FROM ({MERGED}) m
    WHERE NOT ({SAME})
"""
# New items first, then every state that is not stored already: the second count less the
# first is the number of known items whose state changed.
IMPORT_INSERTS = (INSERT_ITEMS, INSERT_CHANGES)


def corrected(counts: list[int]) -> int:
    """Known items an import gave a new state, from the counts of ``IMPORT_INSERTS``."""
    return counts[1] - counts[0]


@dataclass(frozen=True)
class ChangedRow:
    """A row of a known item whose state differs from the stored one: the first field that
    differs, and both values as the log writes them."""

    ord: int
    field: str
    item_text: str
    stored: str
    given: str

    def message(self) -> str:
        return (
            f"saken «{_short(self.item_text)}» er importert før med "
            f"{FIELD_LABELS[self.field]} «{_short(self.stored)}»; filen sier «{_short(self.given)}»"
        )


def _short(text: str) -> str:
    return text if len(text) <= 60 else f"{text[:57]}…"


CHANGED_HELP = (
    "ingenting er importert. Er loggen oppdatert siden sist (ny status, frist eller "
    "kommentar), importer med --replace-changed: de nye verdiene gjelder fra i dag, og de "
    "gamle tas vare på i historikken til hver sak."
)


def changed_rows(con: duckdb.DuckDBPyConnection, limit: int) -> tuple[int, list[ChangedRow]]:
    """How many rows of ``typed`` give a known item another state, and the first ``limit``."""
    differs = f"FROM ({MERGED}) m WHERE m.known AND NOT ({SAME})"
    total, *_ = con.execute(f"SELECT count(*) {differs}").fetchone()
    fields = ", ".join(f"m.{field}, m.stored_{field}" for field in STATE_FIELDS)
    sql = f"SELECT m.ord, m.item_text, {fields} {differs} ORDER BY m.ord LIMIT {limit}"
    return total, [_changed_row(row) for row in con.execute(sql).fetchall()]


def _changed_row(row: tuple) -> ChangedRow:
    ord_, text, *values = row
    for index, field in enumerate(STATE_FIELDS):
        given, stored = values[2 * index], values[2 * index + 1]
        if given != stored:
            return ChangedRow(ord_, field, text, _shown(field, stored), _shown(field, given))
    raise AssertionError("a changed row differs in some field")


def _shown(field: str, value) -> str:
    if value is None:
        return ""
    if field == "kind":
        return FOLLOWUP_KIND_LABELS[value]
    if field == "status":
        return FOLLOWUP_STATUS_LABELS[value]
    if field == "deadline":
        return value.strftime("%d.%m.%Y")
    return str(value)


# --- Export -----------------------------------------------------------------------------


def log_rows(con: duckdb.DuckDBPyConnection) -> list[list[str]]:
    """One row per item in its newest state, as the contract writes a log."""
    return [
        [
            item.meeting_on.strftime("%d.%m.%Y"),
            item.text,
            item.kind_label,
            item.responsible or "",
            item.deadline.strftime("%d.%m.%Y") if item.deadline else "",
            item.status_label,
            item.comment or "",
        ]
        for item in current_log(con)
    ]


def export_log(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Write the log to ``path`` (.csv or .xlsx); return the number of items."""
    rows = log_rows(con)
    write_table(path, "Oppfølging", ACTIONS_HEADER, rows)
    return len(rows)
