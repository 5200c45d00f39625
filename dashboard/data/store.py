"""One DuckDB file holding the imported exports, with its schema kept current."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb

from dashboard.data.backup import backup_before_migration
from dashboard.data.migrations import migrate

APP_NAME = "helsevakt-dashboard"
USER_DB_NAME = "helsevakt.duckdb"
DEMO_DB_NAME = "demo.duckdb"


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
    """Another process holds the database open for writing."""


@dataclass(frozen=True)
class Freshness:
    """How current the data in a store is."""

    last_import: datetime | None
    latest_record: date | None


class Store:
    """A DuckDB file with the dashboard's schema. Open it with :meth:`open`."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool):
        self.con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False) -> Store:
        path = Path(path)
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as error:
            if "lock" in str(error).lower():
                raise DatabaseLockedError(str(error)) from error
            raise
        if not read_only:
            backup_before_migration(con, path)
            migrate(con)
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

    def imports(self) -> list[dict]:
        """Provenance: every import, newest first."""
        cursor = self.con.execute(
            "SELECT id, file_name, sha256, kind, rows_read, rows_added, imported_at "
            "FROM imports ORDER BY imported_at DESC, id DESC"
        )
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
