"""One DuckDB file holding the imported exports, with its schema kept current."""

from __future__ import annotations

import os
import re
import threading
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb

from dashboard.data.migrations import migrate

APP_NAME = "helsevakt-dashboard"
USER_DB_NAME = "helsevakt.duckdb"
DEMO_DB_NAME = "demo.duckdb"
# How long an open waits for another program to let go of the database: a window holds it
# only while it runs a batch of queries, a command line import for the import.
LOCK_WAIT_S = 5.0
FIRST_RETRY_S = 0.05
LONGEST_RETRY_S = 0.5


def data_dir() -> Path:
    """The user's data directory; ``HELSEVAKT_DATA_DIR`` overrides it (tests, portable use)."""
    override = os.environ.get("HELSEVAKT_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / USER_DB_NAME


def demo_db_path() -> Path:
    return data_dir() / DEMO_DB_NAME


class DatabaseLockedError(RuntimeError):
    """Another program holds the database; ``holder_pid`` is its process id, if known."""

    def __init__(self, path: Path, holder_pid: int | None, advice: str | None = None):
        holder = f"et annet program (prosess {holder_pid})" if holder_pid else "et annet program"
        advice = advice or "Vent til det er ferdig, eller lukk det, og prøv igjen."
        super().__init__(f"{path.name} er i bruk av {holder}. {advice}")
        self.holder_pid = holder_pid


def lock_holder(error: duckdb.Error) -> int | None:
    """The process DuckDB names as holding the file; this process if it is a connection
    of ours with other options (DuckDB shares one database per file within a process)."""
    text = str(error)
    if isinstance(error, duckdb.ConnectionException) and "different configuration" in text:
        return os.getpid()
    if isinstance(error, duckdb.IOException) and "lock" in text.lower():
        found = re.search(r"PID (\d+)", text)
        return int(found.group(1)) if found else 0
    return None


class DatabaseFault(RuntimeError):
    """The database file cannot be opened or written; the message says what to do."""


# DuckDB's (English) words for a fault, and what the user is told instead.
_FAULTS = (
    (
        ("is a directory",),
        "«{path}» er en mappe, ikke en databasefil. Oppgi en fil med --db, "
        "f.eks. {path}/helsevakt.duckdb.",
    ),
    (
        ("no space left", "file too large", "disk full", "could not write", "could not truncate"),
        "kunne ikke skrive til databasen {path}: disken er full (eller filen for stor). "
        "Ingenting av det siste er lagret. Frigjør plass og prøv igjen.",
    ),
    (
        ("permission denied", "read-only", "read only"),
        "databasen {path} kan ikke skrives til (skrivebeskyttet fil, mappe eller "
        "filsystem). Gi skrivetilgang, eller velg en annen fil med --db.",
    ),
    (
        ("not a valid duckdb database", "corrupt", "checksum", "could not read", "serializ"),
        "databasefilen {path} er skadet eller ikke en database (tom, avkortet eller "
        "ødelagt). Hent den fra sikkerhetskopi, eller velg en annen fil med --db; "
        "importerte eksporter kan importeres på nytt.",
    ),
)
_OTHER_FAULT = (
    "databasen {path} kunne ikke brukes. Ingenting av det siste er lagret. "
    "Prøv igjen; hjelper ikke det, velg en annen fil med --db."
)


DUCKDB_MAGIC = b"DUCK"
EXPORT_SUFFIXES = {".csv", ".txt", ".xlsx", ".xlsm", ".xls"}


def _refuse_what_is_no_database(path: Path) -> None:
    """A folder, an export or another file given as --db is refused before DuckDB opens
    it: DuckDB would read a CSV as a database and keep nothing written to it."""
    if path.is_dir():
        raise database_fault(IsADirectoryError("is a directory"), path)
    if path.suffix.lower() in EXPORT_SUFFIXES:
        raise DatabaseFault(
            f"«{path.name}» ser ut som en eksportfil, ikke en database. Oppgi databasefilen "
            "med --db (f.eks. helsevakt.duckdb), og eksportfilen etter import."
        )
    if path.is_file():
        with path.open("rb") as handle:
            if handle.read(12)[8:] != DUCKDB_MAGIC:
                raise database_fault(ValueError("not a valid duckdb database"), path)


def database_fault(error: BaseException, path: Path | str) -> DatabaseFault:
    """A DuckDB or OS error about the database file, in words the user can act on."""
    text = str(error).lower()
    for words, message in _FAULTS:
        if any(word in text for word in words):
            return DatabaseFault(message.format(path=path))
    return DatabaseFault(_OTHER_FAULT.format(path=path))


@dataclass(frozen=True)
class Freshness:
    """How current the data in a store is."""

    last_import: datetime | None
    latest_record: date | None


def connect_when_free(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """Connect, retrying with a growing pause while the file is locked by someone else."""
    give_up_at = time.monotonic() + wait
    pause = FIRST_RETRY_S
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except (duckdb.IOException, duckdb.ConnectionException) as error:
            holder = lock_holder(error)
            if holder is None:
                raise
            if time.monotonic() + pause > give_up_at:
                raise DatabaseLockedError(path, holder or None) from error
        time.sleep(pause)
        pause = min(pause * 2, LONGEST_RETRY_S)


class Store:
    """A DuckDB file with the dashboard's schema. Open it with :meth:`open`."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool):
        self.con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False, wait: float = LOCK_WAIT_S) -> Store:
        """Open (or make) the database; while another program holds it, retry for up to
        ``wait`` seconds. DatabaseLockedError or DatabaseFault when it cannot."""
        path = Path(path)
        _refuse_what_is_no_database(path)
        try:
            if not read_only:
                path.parent.mkdir(parents=True, exist_ok=True)
            con = connect_when_free(path, read_only, wait)
        except (duckdb.Error, OSError) as error:
            raise database_fault(error, path) from error
        try:
            if not read_only:
                # Loaded only here: a read-only open never migrates, so never backs up.
                from dashboard.data.backup import backup_before_migration

                backup_before_migration(con, path)
                migrate(con)
        except duckdb.Error as error:
            con.close()
            raise database_fault(error, path) from error
        return cls(con, path, read_only)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection for another thread, on the same database."""
        return self.con.cursor()

    @property
    def is_demo(self) -> bool:
        return self.meta("demo") == "1"

    def meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])

    def freshness(self) -> Freshness:
        last_import, latest = self.con.execute(
            """
            SELECT (SELECT max(imported_at) FROM imports),
                   greatest((SELECT max(start_at) FROM activities),
                            (SELECT max(alarm_at) FROM callouts),
                            (SELECT max(start_at) FROM car_trips))::DATE
            """
        ).fetchone()
        return Freshness(last_import, latest)

    def data_range(self) -> tuple[date, date] | None:
        """First and last day with any activity, call-out or trip."""
        first, last = self.con.execute(
            """
            SELECT least((SELECT min(start_at) FROM activities),
                         (SELECT min(alarm_at) FROM callouts),
                         (SELECT min(start_at) FROM car_trips))::DATE,
                   greatest((SELECT max(start_at) FROM activities),
                            (SELECT max(alarm_at) FROM callouts),
                            (SELECT max(start_at) FROM car_trips))::DATE
            """
        ).fetchone()
        return (first, last) if first else None

    def last_import_id(self) -> int | None:
        """The newest import's id: it changes whenever anyone imports into this file."""
        return self.con.execute("SELECT max(id) FROM imports").fetchone()[0]

    def imports(self) -> list[dict]:
        """Provenance: every import, newest first."""
        cursor = self.con.execute(
            "SELECT id, file_name, sha256, kind, rows_read, rows_added, imported_at "
            "FROM imports ORDER BY imported_at DESC, id DESC"
        )
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


class Opening:
    """:meth:`Store.open` on a thread of its own. DuckDB lets go of the interpreter while it
    reads the file, so the caller can load what it needs meanwhile (the command line's
    figures take about as long to import as the file takes to open); :meth:`store` waits
    for the store and raises what opening it raised."""

    def __init__(self, path: Path, read_only: bool = False, wait: float = LOCK_WAIT_S):
        self._outcome: list[Store | BaseException] = []
        self._thread = threading.Thread(
            target=self._open, args=(path, read_only, wait), name="helsevakt-open"
        )
        self._thread.start()

    def _open(self, path: Path, read_only: bool, wait: float) -> None:
        try:
            self._outcome.append(Store.open(path, read_only, wait))
        except BaseException as error:  # raised on the caller's thread by store()
            self._outcome.append(error)

    def store(self) -> Store:
        self._thread.join()
        outcome = self._outcome[0]
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome
