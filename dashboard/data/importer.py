"""Import one export file into the store: all of it, or nothing.

A clean CSV with its own ids goes in one read: typed, checked and inserted by one statement
that stops at the first doubt. It reads only the usual forms (``parsing.USUAL``) and searches
for identity numbers only in the cells its checks do not require to be read whole. Any doubt
sends the file down the careful path, which reads every form and names every problem.

Careful path: read the file's form (readers), load every cell as text into a temporary DuckDB
table, refuse the file if any cell holds an identity number (privacy), type and check every
field in SQL (typing), then add the rows not already there in one transaction.

Either way the file is also read apart from DuckDB (its records counted, its text checked),
and a file DuckDB read fewer rows of is refused. A row whose id is stored with other content
refuses the file, naming it, unless the user asks to take corrections (:class:`IdRules`).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb

from dashboard import RESOURCES
from dashboard.data import rollups
from dashboard.data.csv_scan import first_record_longer_than
from dashboard.data.goal_dates import ASSESSED_HINT, parse_assessed
from dashboard.data.goals import current_user, derive_goal_id
from dashboard.data.kinds import (
    FIELDS,
    KIND_LABELS,
    detect_kind,
    match_columns,
    missing_fields,
    status_header_date,
)
from dashboard.data.parsing import PARAMETERS, USUAL, cell, quoted
from dashboard.data.privacy import (
    MAYBE_SQL_PATTERN,
    PRIVACY_MESSAGE,
    holds_identity_number,
    maybe_identity_in_any_sql,
    maybe_identity_sql,
    shown_file_name,
)
from dashboard.data.problems import (
    AssessedDateNeeded,
    ImportCancelled,
    ImportRefused,
    ImportResult,
    Problem,
    readable_name,
)
from dashboard.data.readers import RawSource, open_source, reencode_as_utf8
from dashboard.data.store import Store
from dashboard.data.typed_rows import KIND_SPECS, Check, Spec
from dashboard.data.vocabulary import EXPORT_KINDS

Progress = Callable[[float, str], None]
MAX_PROBLEMS = 50
MAYBE_PARAMETERS = {"maybe_identity": MAYBE_SQL_PATTERN}


ID_SCOPES = ("file", "year")


@dataclass(frozen=True)
class IdRules:
    """How the file's ids meet the ids already stored.

    ``replace_changed``: a row whose id is stored with other content replaces it (the old
    values go to the history table); without it such a file is refused. ``scope``: ids
    unique only within each ``file`` (prefixed by the file's name) or each ``year``
    (prefixed by the year the row starts in)."""

    replace_changed: bool = False
    scope: str | None = None
    file_stem: str = ""

    def id_sql(self, spec: Spec) -> str:
        if self.scope == "file":
            return "$id_prefix || r_id"
        if self.scope == "year":
            return f"year({spec.moment})::VARCHAR || ':' || r_id"
        return "r_id"

    @property
    def params(self) -> dict:
        return {"id_prefix": f"{self.file_stem}:"}


def import_file(
    store: Store,
    path: Path | str,
    kind: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    replace_changed: bool = False,
    id_scope: str | None = None,
    assessed: str | None = None,
) -> ImportResult:
    """Import ``path``; raise ImportRefused (nothing changed) or ImportCancelled.

    ``replace_changed`` and ``id_scope`` (``file`` or ``year``): see :class:`IdRules`.
    ``assessed``: the date a goal table's statuses were given, as the user writes it
    ("mai 2021"), for rows whose file gives none; without it such a table raises
    :class:`AssessedDateNeeded`."""
    path = Path(path)
    if id_scope not in (None, *ID_SCOPES):
        raise ValueError(f"ukjent --id-scope «{id_scope}»; bruk file eller year")
    _refuse_identity_in_file_name(path)
    rules = IdRules(replace_changed, id_scope, readable_name(path.stem))
    steps = _Steps(progress, cancelled)
    steps.report(0.0, f"Leser {shown_file_name(path.name)}")
    con = store.cursor()
    try:
        _refuse_demo_database(con, path)
        with open_source(path, kind) as source, ThreadPoolExecutor(max_workers=1) as pool:
            _guard_cells_outside_the_table(source)
            kind = kind or _detect(source)
            columns = _columns(source, kind)
            values = {
                "assessed_fallback": _assessed_fallback(source, columns, assessed),
                "indicator_keys": _goal_indicator_keys() if kind == "goals" else [],
            }
            apart = _ReadApart(pool.submit(source.check_text), pool.submit(_sha256, path))
            result = _store_in_one_pass(con, path, source, kind, columns, steps, rules, apart)
            if result is None:
                result = _store_carefully(
                    con, path, source, kind, columns, steps, rules, apart, values
                )
            steps.report(1.0, "Ferdig")
            return replace(
                result,
                unused_columns=_unused_columns(source, columns),
                empty_rows=result.empty_rows + source.empty_rows,
            )
    finally:
        con.close()


@dataclass(frozen=True)
class _ReadApart:
    """The file read apart from DuckDB, in a thread while DuckDB reads it (DuckDB lets go
    of the GIL): its text checked and its records counted, and its SHA-256."""

    text_checked: Future
    digest: Future


def _store_carefully(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    source: RawSource,
    kind: str,
    columns: dict[str, str],
    steps: _Steps,
    rules: IdRules,
    apart: _ReadApart,
    values: dict,
) -> ImportResult:
    apart.text_checked.result()
    _load_raw(con, source)
    _refuse_rows_not_read(con, source)
    _take_off_register_escapes(con, source)
    empty_rows = _drop_empty_rows(con, source)
    steps.report(0.35, "Ser etter fødselsnummer")
    _guard_privacy(con, source)
    steps.report(0.5, "Kontrollerer verdiene")
    _type_rows(con, kind, columns, rules, values)
    if kind == "goals" and values["assessed_fallback"] is None:
        _ask_for_assessed_date(con, source, columns)
    _refuse_bad_rows(con, source, kind, columns)
    if not rules.replace_changed:
        _refuse_changed_rows(con, source, kind, columns)
    steps.report(0.75, "Lagrer")
    result = _store_rows(con, path, source.name, kind, steps, apart.digest)
    return replace(result, empty_rows=empty_rows)


def _drop_empty_rows(con: duckdb.DuckDBPyConnection, source: RawSource) -> int:
    """Rows of only delimiters (Excel writes them below a table whose rows it once held)
    carry nothing: they are left out, and the summary counts them. The other rows keep
    their numbers (``rowid``), by which problems are named."""
    blank = " AND ".join(f"{cell(f'c{index}')} IS NULL" for index in range(len(source.header)))
    if not blank:
        return 0
    dropped, *_ = con.execute(f"DELETE FROM raw WHERE {blank}").fetchone()
    return dropped


def _unused_columns(source: RawSource, columns: dict[str, str]) -> tuple[str, ...]:
    """Columns with a header the contract does not name: not stored, but named."""
    used = set(columns.values())
    return tuple(
        _column_label(source, f"c{index}")
        for index, header in enumerate(source.header)
        if header and f"c{index}" not in used
    )


def _refuse_demo_database(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Real rows never go into the demo database. The demo builds itself from files the
    application ships (the real goals of Strategi 2030), and only those may go in."""
    demo = con.execute("SELECT value FROM meta WHERE key = 'demo'").fetchone()
    if demo and demo[0] == "1" and not path.resolve().is_relative_to(RESOURCES):
        raise ImportRefused(
            [
                Problem(
                    shown_file_name(path.name),
                    None,
                    None,
                    "databasen er demodatabasen med oppdiktede tall; ekte eksporter kan ikke "
                    "blandes inn i den. Importer til din egen database (uten --db, eller "
                    "--db med stien til den).",
                )
            ]
        )


def _refuse_identity_in_file_name(path: Path) -> None:
    """The file name is stored with the import and printed in the brief."""
    if holds_identity_number(path.name):
        raise ImportRefused(
            [
                Problem(
                    shown_file_name(path.name),
                    None,
                    None,
                    "filnavnet inneholder et fødselsnummer eller D-nummer; gi filen et navn "
                    "uten det og prøv igjen",
                )
            ]
        )


class _Steps:
    def __init__(self, progress: Progress | None, cancelled: Callable[[], bool] | None):
        self._progress = progress
        self._cancelled = cancelled

    def report(self, fraction: float, message: str) -> None:
        if self._cancelled and self._cancelled():
            raise ImportCancelled("import avbrutt; databasen er uendret")
        if self._progress:
            self._progress(fraction, message)


def _detect(source: RawSource) -> str:
    kind = detect_kind(source.header)
    if kind is None:
        raise ImportRefused(
            [
                Problem(
                    source.name,
                    source.header_row,
                    None,
                    "kan ikke se hvilken eksporttype dette er ut fra kolonneoverskriftene; "
                    f"oppgi typen (--kind {'|'.join(EXPORT_KINDS)})",
                )
            ]
        )
    return kind


def _columns(source: RawSource, kind: str) -> dict[str, str]:
    """Field name → raw column name (``c0`` …) for the fields the file has."""
    found = match_columns(kind, source.header)
    missing = missing_fields(kind, found)
    if missing:
        raise ImportRefused(
            [
                Problem(
                    source.name,
                    source.header_row,
                    None,
                    f"mangler kolonnen {name} for {KIND_LABELS[kind]}",
                )
                for name in missing
            ]
        )
    return {field: f"c{index}" for field, index in found.items()}


def _csv_error(source: RawSource, error: duckdb.Error) -> ImportRefused:
    # DuckDB's message quotes the whole line (it may hold anything): the line is taken out
    # before the message is read, and the message itself is never shown.
    text = "\n".join(
        line for line in str(error).splitlines() if not line.startswith("Original Line:")
    )
    reason = text.split("Possible", 1)[0].lower()
    row = None
    if "Line:" in text:
        digits = text.split("Line:", 1)[1].strip().split()[0]
        row = int(digits) if digits.isdigit() else None
    detail = "raden er ikke gyldig CSV"
    long_row = _first_long_row(source, text)
    if long_row is not None:
        row = long_row
        detail = (
            f"raden er over {MAX_LINE_BYTES // 1_000_000} MB lang; en rad i en eksport er "
            "noen hundre tegn. Er en celle limt inn ved en feil?"
        )
    elif "quote" in reason:
        detail = 'et anførselstegn (") åpnes, men lukkes ikke'
    elif "Expected Number of Columns" in text:
        counts = text.split("Expected Number of Columns:", 1)[1].split()
        detail = f"raden har {counts[2]} felt, overskriften har {counts[0]}"
    return ImportRefused([Problem(source.name, row, None, f"kan ikke lese raden: {detail}")])


# DuckDB's default longest line; a longer one is refused with a message that says so.
MAX_LINE_BYTES = 2_000_000


def _first_long_row(source: RawSource, error_text: str) -> int | None:
    # DuckDB names an over-long line only when it reads the file in one thread.
    if "Maximum line size" not in error_text and "full read" not in error_text:
        return None
    return first_record_longer_than(source.csv_path, MAX_LINE_BYTES)


def _refuse_rows_not_read(con: duckdb.DuckDBPyConnection, source: RawSource) -> None:
    """A reader that stops early must never lose rows silently: the count from the
    file's bytes and DuckDB's count must agree."""
    read, *_ = con.execute("SELECT count(*) FROM raw").fetchone()
    if not source.all_rows_read(read):
        expected = source.data_row_count()
        raise ImportRefused(
            [
                Problem(
                    source.name,
                    None,
                    None,
                    f"filen har {expected} rader under overskriften, men {read} kunne leses; "
                    "ingenting er importert. Sjekk anførselstegn og linjeskift i filen, "
                    "eller lagre den på nytt fra Excel.",
                )
            ]
        )


READ_CSV = """read_csv($path, delim = $delim, header = false, skip = $skip, columns = $columns,
    quote = '"', escape = '"', auto_detect = false, strict_mode = true)"""


def _csv_params(source: RawSource) -> dict:
    return {
        "path": str(source.csv_path),
        "delim": source.delimiter,
        "skip": source.skip_lines,
        "columns": {f"c{i}": "VARCHAR" for i in range(len(source.header))},
    }


def _load_raw(con: duckdb.DuckDBPyConnection, source: RawSource) -> None:
    try:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE raw AS SELECT * FROM {READ_CSV}", _csv_params(source)
        )
    except duckdb.InvalidInputException as error:
        if "Invalid unicode" not in str(error) or source.temp_dir is not None:
            raise _csv_error(source, error) from None
        reencode_as_utf8(source)
        _load_raw(con, source)
    except (duckdb.ConversionException, duckdb.NotImplementedException) as error:
        raise _csv_error(source, error) from None


def _take_off_register_escapes(con: duckdb.DuckDBPyConnection, source: RawSource) -> None:
    """The register's CSV export puts an apostrophe before a cell a spreadsheet would take
    for a formula, and before one that begins with an apostrophe: one comes off again."""
    if not source.register_escapes:
        return
    for index in range(len(source.header)):
        column = quoted(f"c{index}")
        sql = f"UPDATE raw SET {column} = substr({column}, 2) WHERE starts_with({column}, ?)"
        con.execute(sql, ["'"])


def _column_label(source: RawSource, raw_column: str) -> str:
    index = int(raw_column[1:])
    header = source.header[index] if index < len(source.header) else ""
    if not header or holds_identity_number(header):
        return f"kolonne {index + 1}"
    return header


def _guard_cells_outside_the_table(source: RawSource) -> None:
    """Title rows, the header row and other sheets are searched too (they are small)."""
    hits = [
        Problem(
            f"{source.name}, arket «{sheet}»" if sheet else source.name,
            row,
            f"kolonne {column}",
            PRIVACY_MESSAGE,
        )
        for sheet, row, column, text in source.outside_cells
        if holds_identity_number(text)
    ] + [
        Problem(source.name, row, _column_label(source, f"c{column - 1}"), PRIVACY_MESSAGE)
        for row, column in source.identity_cells
    ]
    if hits:
        raise ImportRefused(hits[:MAX_PROBLEMS])


def _guard_privacy(con: duckdb.DuckDBPyConnection, source: RawSource) -> None:
    """Refuse the file if any cell holds a valid identity number; never echo it.

    DuckDB picks the few cells that could hold one; Python judges them, by the same
    function that judges file names, sheet names and title rows."""
    names = [f"c{i}" for i in range(len(source.header))]
    if not names:
        return
    candidates = " UNION ALL ".join(
        f"SELECT rowid AS ord, '{name}' AS col, {quoted(name)} AS text FROM raw "
        f"WHERE {maybe_identity_sql(quoted(name))}"
        for name in names
    )
    cursor = con.execute(
        f"SELECT ord, col, text FROM ({candidates}) ORDER BY ord, col", MAYBE_PARAMETERS
    )
    hits: list[tuple[int, str]] = []
    while len(hits) < MAX_PROBLEMS and (batch := cursor.fetchmany(10_000)):
        hits += [(ord_, col) for ord_, col, text in batch if _holds_identity(source, col, text)]
    if hits:
        hits = hits[:MAX_PROBLEMS]
        rows = source.user_rows(ord_ for ord_, _ in hits)
        raise ImportRefused(
            [
                Problem(source.name, rows.get(ord_), _column_label(source, col), PRIVACY_MESSAGE)
                for ord_, col in hits
            ]
        )


def _holds_identity(source: RawSource, raw_column: str, text: str) -> bool:
    """An id column's ten-digit ids are not read as identity numbers that lost a zero."""
    return holds_identity_number(text, lost_zero=int(raw_column[1:]) not in source.id_columns)


def _type_rows(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    columns: dict[str, str],
    rules: IdRules,
    values: dict,
) -> None:
    spec = KIND_SPECS[kind](columns)
    sql = (
        f"CREATE OR REPLACE TEMP TABLE typed AS SELECT *{_identity(con, spec, columns, rules)} "
        f"FROM (SELECT rowid AS ord, {spec.select} FROM raw)"
    )
    con.execute(sql, _used(sql, {**PARAMETERS, **rules.params, **values}))


def _assessed_fallback(
    source: RawSource, columns: dict[str, str], assessed: str | None
) -> str | None:
    """The date for statuses whose row has none: the one a status header names ("Status
    mai 2021"), else the user's. Either is refused here if it is no date."""
    header = source.header[int(columns["status"][1:])] if "status" in columns else ""
    named = status_header_date(header)
    for text, where in ((named, source.header_row), (assessed, None)):
        if text is None:
            continue
        if parse_assessed(text) is None:
            column = _column_label(source, columns["status"]) if where else None
            raise ImportRefused(
                [Problem(source.name, where, column, f"«{text}» er ikke en dato; {ASSESSED_HINT}")]
            )
        return text
    return None


def _ask_for_assessed_date(
    con: duckdb.DuckDBPyConnection, source: RawSource, columns: dict[str, str]
) -> None:
    """Statuses without a date anywhere in the file: the user must say when they were given."""
    rows = [ord_ for (ord_,) in con.execute(MISSING_DATE_SQL).fetchall()]
    if not rows:
        return
    shown = source.user_rows(rows[:MAX_PROBLEMS])
    column = _column_label(source, columns["status"])
    raise AssessedDateNeeded(
        [
            Problem(
                source.name,
                shown.get(ord_),
                column,
                "statusen har ingen vurderingsdato i filen; oppgi datoen statusene gjelder "
                '(import --assessed "mai 2021", eller svar når vinduet spør)',
            )
            for ord_ in rows[:MAX_PROBLEMS]
        ]
    )


MISSING_DATE_SQL = (
    "SELECT ord FROM typed WHERE r_assessed IS NULL AND status_text IS NOT NULL ORDER BY ord"
)


def _identity(
    con: duckdb.DuckDBPyConnection, spec: Spec, columns: dict[str, str], rules: IdRules
) -> str:
    """The id column: the file's own (scoped), or one derived from the row where the cell
    is blank.

    Deriving takes a window over every row, so it is only asked for when an id is blank."""
    if not spec.has_id:
        return ""
    if spec.derived_id is None or not _has_blank_ids(con, columns):
        return f", {rules.id_sql(spec)} AS id"
    return f", coalesce({rules.id_sql(spec)}, {spec.derived_id}) AS id"


def _has_blank_ids(con: duckdb.DuckDBPyConnection, columns: dict[str, str]) -> bool:
    if "id" not in columns:
        return True
    sql = f"SELECT count(*) FROM raw WHERE {cell(columns['id'])} IS NULL"
    return con.execute(sql).fetchone()[0] > 0


def _used(sql: str, params: dict) -> dict:
    return {name: value for name, value in params.items() if f"${name}" in sql}


def _field_label(source: RawSource, kind: str, columns: dict[str, str], check: Check) -> str:
    present = [columns[name] for name in check.fields if name in columns]
    if present:
        return "/".join(_column_label(source, column) for column in present)
    return " / ".join(FIELDS[kind][name].label for name in check.fields)


def _refuse_bad_rows(
    con: duckdb.DuckDBPyConnection, source: RawSource, kind: str, columns: dict[str, str]
) -> None:
    checks = KIND_SPECS[kind](columns).checks
    union = " UNION ALL ".join(
        f"SELECT ord, {number} AS check_no, {check.found} AS found FROM typed "
        f"WHERE {check.condition}"
        for number, check in enumerate(checks)
    )
    params = _used(union, PARAMETERS)
    total, *_ = con.execute(f"SELECT count(*) FROM ({union})", params).fetchone()
    if not total:
        return
    bad = con.execute(
        f"SELECT ord, check_no, found FROM ({union}) ORDER BY ord, check_no LIMIT {MAX_PROBLEMS}",
        params,
    ).fetchall()
    rows = source.user_rows(ord_ for ord_, _, _ in bad)
    problems = [
        Problem(
            source.name,
            rows.get(ord_),
            _field_label(source, kind, columns, checks[number]),
            checks[number].message(found),
        )
        for ord_, number, found in bad
    ]
    if total > len(problems):
        problems.append(
            Problem(source.name, None, None, f"… og {total - len(problems)} problemer til")
        )
    raise ImportRefused(problems)


CHANGED_HELP = (
    "ingenting er importert. Er radene rettelser, importer med --replace-changed (de nye "
    "verdiene erstatter de gamle, som tas vare på i historikken). Begynner ID-ene på nytt "
    "i hver fil eller hvert år (f.eks. Løpenr fra 1 i et nytt års ark), importer med "
    "--id-scope file eller --id-scope year."
)


def _refuse_changed_rows(
    con: duckdb.DuckDBPyConnection, source: RawSource, kind: str, columns: dict[str, str]
) -> None:
    """A row whose id is stored with other content is never dropped silently."""
    if kind == "actions":
        _refuse_changed_items(con, source, columns)
        return
    spec = KIND_SPECS[kind](columns)
    if spec.table is None:
        return
    changed_sql = (
        f"FROM typed t WHERE EXISTS (SELECT 1 FROM {spec.table} s WHERE s.id = t.id) "
        f"AND NOT EXISTS (SELECT 1 FROM {spec.table} s WHERE {spec.same_row})"
    )
    total, *_ = con.execute(f"SELECT count(*) {changed_sql}").fetchone()
    if not total:
        return
    changed = con.execute(
        f"SELECT ord, id {changed_sql} ORDER BY ord LIMIT {MAX_PROBLEMS}"
    ).fetchall()
    rows = source.user_rows(ord_ for ord_, _ in changed)
    label = _column_label(source, columns["id"]) if "id" in columns else "ID"
    problems = [
        Problem(
            source.name, rows.get(ord_), label, f"ID «{id_}» er importert før med annet innhold"
        )
        for ord_, id_ in changed
    ]
    if total > len(problems):
        problems.append(Problem(source.name, None, None, f"… og {total - len(problems)} rader til"))
    problems.append(
        Problem(
            source.name,
            None,
            None,
            f"{total} rader finnes fra før med annet innhold; {CHANGED_HELP}",
        )
    )
    raise ImportRefused(problems)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _store_rows(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    name: str,
    kind: str,
    steps: _Steps,
    digest: Future,
) -> ImportResult:
    spec = KIND_SPECS[kind]
    rows_read = con.execute("SELECT count(*) FROM typed").fetchone()[0]
    if kind == "goals":
        _attach_goal_ids(con)
    con.begin()
    try:
        import_id = con.execute("SELECT nextval('import_id_seq')").fetchone()[0]
        params = {"import_id": import_id, "user": current_user()}
        counts = [con.execute(sql, _used(sql, params)).fetchone()[0] for sql in spec.inserts]
        stored = counts[-1]
        # Rows with a changed id only get this far when the user asked for corrections.
        replaced = _replace_corrected_rows(con, spec.table, import_id) if spec.table else 0
        if kind == "actions":
            from dashboard.data import followup_io  # the follow-up log's own, as below

            replaced = followup_io.corrected(counts)
        steps.report(0.95, "Lagrer")
        if stored == 0:
            _rollback(con)
            return ImportResult(name, KIND_LABELS[kind], rows_read, 0)
        _record_import(con, import_id, path, name, kind, rows_read, stored, digest.result())
        con.commit()
    except BaseException:
        _rollback(con)
        raise
    steps.report(1.0, "Ferdig")
    return ImportResult(name, KIND_LABELS[kind], rows_read, stored - replaced, replaced)


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back, if DuckDB has not already: after a failed write (a full disk) it has, and
    «cannot rollback» must not hide the fault, nor keep the next import from working."""
    with contextlib.suppress(duckdb.Error):
        con.rollback()


def _replace_corrected_rows(con: duckdb.DuckDBPyConnection, table: str, import_id: int) -> int:
    """Rows stored by earlier imports under an id this import stores too are replaced: an
    identical row was never stored again, so each is a correction. Their old values go to
    the history table. Inside the import's transaction; returns how many were replaced."""
    older = (
        f"FROM {table} s WHERE s.import_id <> $import_id "
        f"AND s.id IN (SELECT id FROM {table} WHERE import_id = $import_id)"
    )
    con.execute(
        f"INSERT INTO {table}_history SELECT s.*, $import_id, current_timestamp::TIMESTAMP {older}",
        {"import_id": import_id},
    )
    replaced, *_ = con.execute(f"DELETE {older}", {"import_id": import_id}).fetchone()
    return replaced


def _attach_goal_ids(con: duckdb.DuckDBPyConnection) -> None:
    """Goal ids from plan and text (or the file's Mål-ID), one definition for all."""
    pairs = con.execute("SELECT DISTINCT plan, goal_text, given_id FROM typed").fetchall()
    ids = [
        (plan, text, given, derive_goal_id(plan, f"id:{given}" if given else text))
        for plan, text, given in pairs
    ]
    con.execute(
        "CREATE OR REPLACE TEMP TABLE goal_ids AS SELECT unnest($p) AS plan, "
        "unnest($t) AS goal_text, unnest($g) AS given_id, unnest($i) AS goal_id",
        {
            "p": [row[0] for row in ids],
            "t": [row[1] for row in ids],
            "g": [row[2] for row in ids],
            "i": [row[3] for row in ids],
        },
    )


def _record_import(
    con: duckdb.DuckDBPyConnection,
    import_id: int,
    path: Path,
    name: str,
    kind: str,
    rows_read: int,
    added: int,
    sha256: str | None = None,
) -> None:
    """Provenance; ``sha256`` when already computed (it was, while DuckDB read the file)."""
    con.execute(
        "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, current_timestamp::TIMESTAMP)",
        [import_id, name, sha256 or _sha256(path), kind, rows_read, added],
    )
    rollups.add_import(con, kind, import_id)


def _one_pass_sql(source: RawSource, spec: Spec, rules: IdRules) -> str:
    """Type, check and insert in one statement that raises at the first doubtful row."""
    maybe_identity = maybe_identity_in_any_sql(_cells_to_search(source, spec))
    doubts = " OR ".join(
        ["maybe_identity", *(f"({check.condition})" for check in spec.checks if check.per_row)]
    )
    # error() rather than a filter: one doubtful row must stop the whole statement, and a
    # filtered-out row would be silently lost.
    return (
        f"WITH typed AS (SELECT *, {rules.id_sql(spec)} AS id FROM "
        f"(SELECT {spec.select}, {maybe_identity} AS maybe_identity FROM {READ_CSV}) "
        f"WHERE CASE WHEN {doubts} THEN error('import: ta den grundige veien') ELSE true END) "
        f"{spec.insert_all()}"
    )


def _cells_to_search(source: RawSource, spec: Spec) -> list[str]:
    """Every cell but those the spec's checks require to be read whole (they cannot hold an
    identity number in a row that passes). Each column holds one field at most."""
    spared = {column for field, column in spec.columns.items() if field in spec.read_whole}
    columns = (f"c{index}" for index in range(len(source.header)))
    return [quoted(column) for column in columns if column not in spared]


def _store_in_one_pass(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    source: RawSource,
    kind: str,
    columns: dict[str, str],
    steps: _Steps,
    rules: IdRules,
    apart: _ReadApart,
) -> ImportResult | None:
    """The common case, a clean file with its own ids, in one read of the file.

    None when any cell might hold an identity number, a row fails a check, an id is blank
    or repeated, or DuckDB cannot read a row: the careful path then names every problem
    (or, when the doubt was unfounded, imports the file after all)."""
    spec = KIND_SPECS[kind](columns, USUAL)
    if spec.table is None or "id" not in columns:
        return None
    steps.report(0.35, "Leser og kontrollerer")
    sql = _one_pass_sql(source, spec, rules)
    con.begin()
    try:
        import_id = con.execute("SELECT nextval('import_id_seq')").fetchone()[0]
        params = {
            **PARAMETERS,
            **MAYBE_PARAMETERS,
            **rules.params,
            **_csv_params(source),
            "import_id": import_id,
        }
        rows_read = con.execute(sql, _used(sql, params)).fetchone()[0]
        apart.text_checked.result()
        steps.report(0.75, "Lagrer")
        if not source.all_rows_read(rows_read):
            _rollback(con)
            return None
        kept = _keep_new_rows(con, spec, import_id, rows_read)
        if kept is None or (kept.changed and not rules.replace_changed):
            _rollback(con)
            return None
        stored = kept.stored
        replaced = _replace_corrected_rows(con, spec.table, import_id) if kept.changed else 0
        steps.report(0.95, "Lagrer")
        if stored == 0:
            _rollback(con)
            return ImportResult(source.name, KIND_LABELS[kind], rows_read, 0)
        sha256 = apart.digest.result()
        _record_import(con, import_id, path, source.name, kind, rows_read, stored, sha256)
        con.commit()
    except duckdb.Error as error:
        _rollback(con)
        if isinstance(error, duckdb.InterruptException):
            raise
        return None
    except BaseException:
        _rollback(con)
        raise
    return ImportResult(source.name, KIND_LABELS[kind], rows_read, stored - replaced, replaced)


@dataclass(frozen=True)
class _Kept:
    stored: int
    changed: int


def _stored_before(con: duckdb.DuckDBPyConnection, table: str, import_id: int) -> bool:
    """Whether an earlier import stored rows here (the first import has none to compare)."""
    sql = f"SELECT EXISTS (SELECT 1 FROM {table} WHERE import_id <> $import_id)"
    return con.execute(sql, {"import_id": import_id}).fetchone()[0]


def _keep_new_rows(
    con: duckdb.DuckDBPyConnection, spec: Spec, import_id: int, rows_read: int
) -> _Kept | None:
    """Drop the rows just stored that an earlier import stored identically; how many are
    left, and how many of those an earlier import stored under the same id with other
    content.

    None when the file names one id twice: the careful path refuses it."""
    table, params = spec.table, {"import_id": import_id}
    distinct, *_ = con.execute(
        f"SELECT count(DISTINCT id) FROM {table} WHERE import_id = $import_id", params
    ).fetchone()
    if distinct != rows_read:
        return None
    if not _stored_before(con, table, import_id):
        return _Kept(rows_read, 0)
    known, *_ = con.execute(
        f"SELECT count(*) FROM {table} t WHERE import_id = $import_id AND EXISTS "
        f"(SELECT 1 FROM {table} s WHERE s.id = t.id AND s.import_id <> $import_id)",
        params,
    ).fetchone()
    if not known:
        return _Kept(rows_read, 0)
    identical, *_ = con.execute(
        f"DELETE FROM {table} t WHERE import_id = $import_id AND EXISTS "
        f"(SELECT 1 FROM {table} s WHERE s.import_id <> $import_id AND {spec.same_row})",
        params,
    ).fetchone()
    return _Kept(rows_read - identical, known - identical)


def _goal_indicator_keys() -> list[str]:
    """The figures a goal may be tied to. They are figures, loaded for a goal table only:
    an activity log's import starts without them."""
    from dashboard.data.goal_indicators import INDICATORS

    return list(INDICATORS)


def _refuse_changed_items(
    con: duckdb.DuckDBPyConnection, source: RawSource, columns: dict[str, str]
) -> None:
    """A row of the follow-up log whose item is stored in another state is never taken
    silently: each is named with the field that differs and both values."""
    # Loaded for a follow-up log only: an activity log's import starts without it.
    from dashboard.data import followup_io

    total, changed = followup_io.changed_rows(con, MAX_PROBLEMS)
    if not total:
        return
    rows = source.user_rows(row.ord for row in changed)
    problems = [
        Problem(
            source.name, rows.get(row.ord), _column_label(source, columns[row.field]), row.message()
        )
        for row in changed
    ]
    if total > len(problems):
        problems.append(Problem(source.name, None, None, f"… og {total - len(problems)} rader til"))
    problems.append(
        Problem(
            source.name,
            None,
            None,
            f"{total} {'sak' if total == 1 else 'saker'} finnes fra før med annet innhold; "
            f"{followup_io.CHANGED_HELP}",
        )
    )
    raise ImportRefused(problems)
