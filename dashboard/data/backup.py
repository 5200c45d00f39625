"""Backups of a dashboard database, and restoring one, for the command line and the window.

A backup is DuckDB's own ``COPY FROM DATABASE`` into a new file. It runs as one statement in
one read transaction, so the copy is consistent even while the program writes, and it needs
only a read-only connection, so it works while other processes hold the file read-only.
DuckDB lets one process write a file, and while it does no other process may open it at
all: the window therefore backs up on its own connection (:func:`backup_connection`), and
the command line says to close the window or use its File menu.

A restore reads the whole backup into a new file beside the database before it replaces
anything, so a damaged or foreign file is refused with the database untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

import duckdb

from dashboard.data.migrations import MIGRATIONS
from dashboard.data.privacy import MAYBE_SQL_PATTERN, holds_identity_number, maybe_identity_sql

NEWEST_SCHEMA = MIGRATIONS[-1][0]
TABLES = frozenset(
    {
        "schema_version",
        "imports",
        "activities",
        "callouts",
        "car_trips",
        "goals",
        "goal_assessments",
        "meta",
    }
)
# A DuckDB file starts with an 8-byte checksum, then the magic bytes.
MAGIC = b"DUCK"
MAGIC_AT = 8
COPY_ALIAS = "helsevakt_kopi"


class BackupRefused(ValueError):
    """The file is not a backup this program can restore; nothing was replaced."""


def backup(db_path: Path | str, target: Path | str, overwrite: bool = False) -> Path:
    """Copy the database at ``db_path`` into ``target`` (replaced whole, or left as it was).

    A file already at ``target`` is replaced only when ``overwrite`` says so: the user may
    have named a file they need (the window's save dialog asks before it gets here)."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise FileNotFoundError(f"fant ingen database i {db_path}")
    if not _has_magic(db_path):
        raise BackupRefused(
            f"«{db_path.name}» er ikke en database; oppgi databasefilen med --db "
            "(f.eks. helsevakt.duckdb)"
        )
    target = Path(target)
    if target.is_dir():
        raise BackupRefused(
            f"{target} er en mappe; oppgi et filnavn i den, f.eks. "
            f"{target / 'helsevakt-kopi.duckdb'}"
        )
    if target.exists() and not overwrite and not _same_file(target, db_path):
        raise BackupRefused(
            f"{target.name} finnes fra før og er ikke skrevet over; velg et annet navn, "
            "eller skriv over den med --overwrite"
        )
    con = _connect(db_path, read_only=True, in_use=_BACKUP_IN_USE)
    try:
        return backup_connection(con, target)
    finally:
        con.close()


def backup_connection(con: duckdb.DuckDBPyConnection, target: Path | str) -> Path:
    """Copy the database ``con`` is connected to into ``target``, and check the copy."""
    target = Path(target).absolute()
    _refuse_target(con, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".sikkerhetskopi-") as work:
        staged = Path(work) / target.name
        _copy_database(con, staged)
        check_backup(staged)
        os.replace(staged, target)
    return target


# Names of files a backup must not take: the user meant an export, a sheet or a brief.
NOT_BACKUP_SUFFIXES = {
    ".csv": "CSV",
    ".txt": "tekst",
    ".tsv": "tekst",
    ".xlsx": "Excel",
    ".xlsm": "Excel",
    ".xls": "Excel",
    ".pdf": "PDF",
    ".json": "JSON",
    ".png": "bilde",
}


def _refuse_target(con: duckdb.DuckDBPyConnection, target: Path) -> None:
    """Refuse a target named as another kind of file, or the database itself."""
    kind = NOT_BACKUP_SUFFIXES.get(target.suffix.lower())
    if kind:
        raise BackupRefused(
            f"{target.name} er et navn for en {kind}-fil, men en sikkerhetskopi er hele "
            "databasen (en DuckDB-fil som bare kan leses tilbake med gjenoppretting). "
            f"Velg et navn som slutter på .duckdb, f.eks. {target.stem}.duckdb"
        )
    path = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()
    database = Path(path[0]) if path and path[0] else None
    if database and any(
        _same_file(target, own) for own in (database, database.with_name(database.name + ".wal"))
    ):
        raise BackupRefused(
            f"{target.name} er selve databasen (eller loggen dens); en sikkerhetskopi må "
            "skrives til en annen fil"
        )


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.exists() and other.exists() and one.samefile(other)
    except OSError:
        return False


def backup_before_migration(con: duckdb.DuckDBPyConnection, db_path: Path) -> Path | None:
    """A copy beside a database with data that is about to be migrated; else None."""
    version = _schema_version(con)
    if version is None or version == 0 or version >= NEWEST_SCHEMA:
        return None
    name = f"{db_path.stem}.før-migrering-{version}-til-{NEWEST_SCHEMA}-{_stamp()}.duckdb"
    return backup_connection(con, _unused(db_path.with_name(name)))


def check_backup(path: Path | str) -> int:
    """The schema version of a backup this program can restore; else :class:`BackupRefused`."""
    path = Path(path)
    if not path.is_file():
        raise BackupRefused(f"fant ikke sikkerhetskopien {path}")
    if not _has_magic(path):
        raise BackupRefused(f"{path.name} er ikke en DuckDB-database")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as error:
        raise BackupRefused(
            f"{path.name} er skadet eller ufullstendig og kan ikke åpnes"
        ) from error
    try:
        return _checked_schema(con, path.name)
    finally:
        con.close()


def restore(backup_file: Path | str, db_path: Path | str) -> Path | None:
    """Replace the database at ``db_path`` by the backup; returns where the old one is kept.

    The backup is checked and read whole into a file beside the database first, so nothing
    is replaced unless all of it could be read; the swap itself is one ``os.replace``.
    """
    backup_file, db_path = Path(backup_file), Path(db_path).absolute()
    check_backup(backup_file)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=db_path.parent, prefix=".gjenoppretting-") as work:
        staged = Path(work) / db_path.name
        _read_whole(backup_file, staged)
        check_backup(staged)
        _refuse_identity_numbers(staged, backup_file.name)
        kept = _keep_current(db_path)
        os.replace(staged, db_path)
    return kept


_BACKUP_IN_USE = (
    "Er det vinduet, ta sikkerhetskopien fra Fil-menyen der; ellers vent til det er ferdig "
    "og prøv igjen."
)
_RESTORE_IN_USE = (
    "Er det vinduet, gjenopprett fra Fil-menyen der; ellers vent til det er ferdig og prøv igjen."
)


def _connect(path: Path, read_only: bool, in_use: str) -> duckdb.DuckDBPyConnection:
    # Imported here: the store imports this module for its copy before a migration.
    from dashboard.data.store import DatabaseLockedError, lock_holder

    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise DatabaseLockedError(path, lock_holder(error), in_use) from error
        raise


def _copy_database(con: duckdb.DuckDBPyConnection, target: Path) -> None:
    """Every table, sequence and row of ``con``'s database into the new file ``target``."""
    source = con.execute("SELECT current_database()").fetchone()[0]
    con.execute(f"ATTACH ? AS {COPY_ALIAS} (READ_WRITE)", [str(target)])
    try:
        con.execute(f"COPY FROM DATABASE {_quoted(source)} TO {COPY_ALIAS}")
        con.execute(f"CHECKPOINT {COPY_ALIAS}")
    finally:
        con.execute(f"DETACH {COPY_ALIAS}")


def _read_whole(backup_file: Path, target: Path) -> None:
    """Copy the backup into ``target``, reading every block: damage shows up here."""
    con = duckdb.connect(str(backup_file), read_only=True)
    try:
        _copy_database(con, target)
    except duckdb.Error as error:
        raise BackupRefused(f"{backup_file.name} er skadet og kan ikke leses helt") from error
    finally:
        con.close()


def _refuse_identity_numbers(path: Path, name: str) -> None:
    """The privacy guard of the import holds for a restore too: a backup holding an
    identity number (written in any of the ways the import refuses) is refused, by table
    and column, never by the number."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        found = _columns_with_identity_numbers(con)
    finally:
        con.close()
    if found:
        raise BackupRefused(
            f"{name} inneholder fødselsnummer eller D-nummer ({'; '.join(found)}); "
            "helseopplysninger med pasientidentitet gjenopprettes ikke. Databasen er uendret."
        )


# Columns the program computes (hexadecimal digests, which now and then hold eleven digits
# that read as an identity number), and the form of an id derived from a row's content.
COMPUTED_COLUMNS = frozenset({"sha256", "goal_id"})
DERIVED_ID = "^h[0-9a-f]{32}-[0-9]+$"


def _columns_with_identity_numbers(con: duckdb.DuckDBPyConnection) -> list[str]:
    columns = con.execute(
        "SELECT schema_name, table_name, column_name FROM duckdb_columns() WHERE "
        "database_name = current_database() AND data_type = 'VARCHAR' "
        "ORDER BY schema_name, table_name, column_index"
    ).fetchall()
    return [
        f"tabellen «{table}», kolonnen «{column}»"
        for schema, table, column in columns
        if column not in COMPUTED_COLUMNS and _holds_identity_number(con, schema, table, column)
    ]


def _holds_identity_number(
    con: duckdb.DuckDBPyConnection, schema: str, table: str, column: str
) -> bool:
    # An id column's ten-digit ids are not identity numbers that lost a zero (privacy.py).
    lost_zero = column != "id"
    text = _quoted(column)
    derived = f" AND NOT regexp_full_match({text}, $derived_id)" if column == "id" else ""
    cursor = con.execute(
        f"SELECT {text} FROM {_quoted(schema)}.{_quoted(table)} "
        f"WHERE {maybe_identity_sql(text)}{derived}",
        {"maybe_identity": MAYBE_SQL_PATTERN, **({"derived_id": DERIVED_ID} if derived else {})},
    )
    while batch := cursor.fetchmany(10_000):
        if any(holds_identity_number(value, lost_zero=lost_zero) for (value,) in batch):
            return True
    return False


def _keep_current(db_path: Path) -> Path | None:
    """Fold the database's log into it and keep a copy beside it, unless there is none."""
    if not db_path.exists():
        return None
    _checkpoint(db_path)
    kept = _unused(db_path.with_name(f"{db_path.stem}.før-gjenoppretting-{_stamp()}.duckdb"))
    shutil.copy2(db_path, kept)
    wal = db_path.with_name(db_path.name + ".wal")
    if wal.exists():
        # A log left by a crash would otherwise be replayed onto the restored file.
        os.replace(wal, kept.with_name(kept.name + ".wal"))
    return kept


def _checkpoint(db_path: Path) -> None:
    """Write the database's log into it; a damaged database is kept as it is."""
    try:
        con = _connect(db_path, read_only=False, in_use=_RESTORE_IN_USE)
    except duckdb.Error:
        return
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _checked_schema(con: duckdb.DuckDBPyConnection, name: str) -> int:
    tables = {
        row[0]
        for row in con.execute(
            "SELECT table_name FROM duckdb_tables() "
            "WHERE database_name = current_database() AND schema_name = 'main'"
        ).fetchall()
    }
    missing = sorted(TABLES - tables)
    if missing:
        raise BackupRefused(
            f"{name} er ikke en database fra Helsevakt-dashboard (mangler {', '.join(missing)})"
        )
    version = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
    if version > NEWEST_SCHEMA:
        raise BackupRefused(
            f"{name} er laget av en nyere versjon av programmet (skjema {version}; denne "
            f"versjonen kan lese til og med {NEWEST_SCHEMA}). Oppdater programmet først."
        )
    return version


def _schema_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The database's schema version, or None if it has no ``schema_version`` table."""
    exists = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND table_name = 'schema_version'"
    ).fetchone()[0]
    if not exists:
        return None
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def _has_magic(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(MAGIC_AT + len(MAGIC))[MAGIC_AT:] == MAGIC


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _unused(path: Path) -> Path:
    """``path``, or the same name with ``-2``, ``-3`` … if it is taken."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate
