"""What an import reports: its result, or the problems that made it refuse a file."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass


def readable_name(name: str) -> str:
    """A file name as text: a name that is not UTF-8 (from an old Windows share) is read as
    Windows-1252, so «logg_Røros.csv» is shown, stored and printed as the user knows it."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("cp1252", errors="replace")
    return name


# Control characters (a terminal escape, a line break, a carriage return) and the format
# characters that reorder or hide text (bidi overrides and isolates, zero-width marks).
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def printable(text: str) -> str:
    """``text`` from a file (its name, a header, a cell) safe to print: a file must never
    drive the terminal nor fake a line of output, so each such character shows as «?»."""
    return UNPRINTABLE.sub("?", text)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file, located as the user counts rows in it."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [readable_name(self.file)]
        if self.row is not None:
            where.append(f"rad {self.row}")
        if self.column and re.fullmatch(r"kolonne \d+", self.column):
            where.append(self.column)
        elif self.column:
            where.append(f"kolonne «{self.column}»")
        return printable(f"{', '.join(where)}: {self.message}")


class ImportRefused(Exception):
    """The file was refused; the database is unchanged."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


class AssessedDateNeeded(ImportRefused):
    """A goal table gives statuses but no date for them: the user is asked for it."""


class ImportCancelled(Exception):
    """The user cancelled; the database is unchanged."""


@dataclass(frozen=True)
class ImportResult:
    file: str
    kind: str
    rows_read: int
    rows_added: int
    # Rows that replaced a stored row with the same id (``replace_changed``).
    rows_replaced: int = 0
    # Columns the contract does not name: read by the privacy guard, not stored.
    unused_columns: tuple[str, ...] = ()
    # Rows of only delimiters or spaces, left out.
    empty_rows: int = 0

    @property
    def already_imported(self) -> bool:
        return self.rows_added == 0 and self.rows_replaced == 0

    def summary(self) -> str:
        parts = [self._counts()]
        if self.empty_rows:
            rows = "tom rad" if self.empty_rows == 1 else "tomme rader"
            parts.append(f"{self.empty_rows} {rows} (bare skilletegn eller mellomrom) hoppet over")
        if self.unused_columns:
            parts.append(f"ikke brukt: {', '.join(self.unused_columns)}")
        return printable("; ".join(parts))

    def _counts(self) -> str:
        if self.rows_read == 0:
            return f"{self.file}: {self.kind}, ingen rader under overskriften (ingen endring)"
        if self.already_imported:
            return (
                f"{self.file}: {self.kind}, {self.rows_read} rader, alle fantes fra før "
                "(ingen endring)"
            )
        skipped = self.rows_read - self.rows_added - self.rows_replaced
        tail = f", {skipped} fantes fra før" if skipped else ""
        if self.rows_replaced:
            tail += f", {self.rows_replaced} rettet (de gamle verdiene er tatt vare på)"
        return f"{self.file}: {self.kind}, {self.rows_read} rader, {self.rows_added} nye{tail}"
