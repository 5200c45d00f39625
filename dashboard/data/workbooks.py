"""An .xlsx file looked at before openpyxl opens it, and read again apart from openpyxl.

Before: an .xlsx is a zip of XML parts, and a small file can expand to gigabytes (openpyxl
would parse for minutes and hold the strings in memory). The sizes the zip declares are
checked first; zipfile never returns more than a part's declared size (it stops there and
checks the CRC), so a part that lies about its size cannot expand past the bound either.

Apart: the sheet's XML is streamed once to count the rows that hold a value, so a sheet
whose declared ``<dimension>`` is smaller than its content, or a reader that stops early,
can never lose rows silently; the same pass reads numeric cells as written, before any
date conversion, for the privacy guard.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import ParseError, iterparse

from dashboard.data.privacy import holds_identity_number
from dashboard.data.problems import ImportRefused, Problem

# Real exports: a year of activities is a few MB of XML; many times that is no export.
MAX_PART_BYTES = 100_000_000
MAX_TOTAL_BYTES = 150_000_000
# Sheets of real data compress 5 to 20 times; a part built to expand, hundreds of times.
MAX_RATIO = 100
RATIO_FROM_BYTES = 1_000_000
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

OLD_OR_ENCRYPTED = (
    "filen er i det gamle Excel-formatet (.xls) eller beskyttet med passord; åpne den i "
    "Excel og lagre den som Excel-arbeidsbok (.xlsx) uten passord, eller som CSV"
)
NOT_A_WORKBOOK = (
    "filen er ikke en gyldig Excel-arbeidsbok (.xlsx): den er skadet eller av en annen "
    "type; åpne den i Excel og lagre på nytt som .xlsx eller CSV"
)
TOO_BIG = (
    "arbeidsboken ville pakke seg ut til langt mer enn en eksport inneholder "
    "({size} MB); den er ikke lest. Lagre dataarket alene som CSV og importer det."
)


def refuse(name: str, message: str) -> None:
    raise ImportRefused([Problem(name, None, None, message)])


def guard_workbook(path: Path) -> None:
    """Refuse an old or encrypted Excel file, a damaged zip, or one that would expand far
    beyond a real export, before anything is decompressed."""
    with path.open("rb") as handle:
        if handle.read(len(OLE2_MAGIC)) == OLE2_MAGIC:
            refuse(path.name, OLD_OR_ENCRYPTED)
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        refuse(path.name, NOT_A_WORKBOOK)
    total = sum(part.file_size for part in parts)
    if total > MAX_TOTAL_BYTES or any(_expands_too_far(part) for part in parts):
        refuse(path.name, TOO_BIG.format(size=total // 1_000_000))


def _expands_too_far(part: zipfile.ZipInfo) -> bool:
    if part.file_size > MAX_PART_BYTES:
        return True
    ratio = part.file_size / max(part.compress_size, 1)
    return part.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO


@dataclass
class SheetScan:
    """What the sheet's XML holds: rows with a value, and the numeric cells (row, column
    letters) that hold an identity number as written (a date format would hide it)."""

    value_rows: int = 0
    identity_cells: list[tuple[int, str]] = field(default_factory=list)
    # Ten-digit numbers that are an identity number once a leading zero is put back.
    lost_zero_cells: list[tuple[int, str]] = field(default_factory=list)
    # Formulas saved without their value (written by a program, never opened in Excel):
    # openpyxl reads them as empty, and the value would be lost.
    uncached_formulas: list[tuple[int, str]] = field(default_factory=list)


def scan_sheet(path: Path, member: str) -> SheetScan:
    """Stream ``member`` (a worksheet part) and count the rows that hold a value."""
    scan = SheetScan()
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member) as stream:
            for row in _rows(stream):
                _scan_row(row, scan)
    except (zipfile.BadZipFile, ParseError, OSError, KeyError, EOFError):
        refuse(path.name, NOT_A_WORKBOOK)
    return scan


def _rows(stream) -> Iterator:
    for _, element in iterparse(stream, events=("end",)):
        if element.tag == f"{SHEET_NS}row":
            yield element
            element.clear()


def _scan_row(row, scan: SheetScan) -> None:
    holds_value = False
    for cell in row.iter(f"{SHEET_NS}c"):
        value = cell.find(f"{SHEET_NS}v")
        inline = cell.find(f"{SHEET_NS}is")
        if (value is not None and value.text is not None) or inline is not None:
            holds_value = True
        if value is not None and cell.get("t", "n") == "n":
            _scan_number(value.text, _location(row, cell), scan)
        if cell.find(f"{SHEET_NS}f") is not None and (value is None or value.text is None):
            scan.uncached_formulas.append(_location(row, cell))
    scan.value_rows += holds_value


def _scan_number(number: str | None, where: tuple[int, str], scan: SheetScan) -> None:
    digits = _whole_number_digits(number)
    if digits is None:
        return
    if holds_identity_number(digits, lost_zero=False):
        scan.identity_cells.append(where)
    elif holds_identity_number(digits):
        scan.lost_zero_cells.append(where)


def _whole_number_digits(number: str | None) -> str | None:
    """The digits of a whole number of ten or eleven digits, else None."""
    if not number or len(number) < 10:
        return None
    try:
        whole = float(number)
    except ValueError:
        return None
    return str(int(whole)) if whole.is_integer() and 1e9 <= whole < 1e11 else None


def _location(row, cell) -> tuple[int, str]:
    reference = cell.get("r", "")
    letters = "".join(character for character in reference if character.isalpha())
    digits = "".join(character for character in reference if character.isdigit())
    return int(digits or row.get("r") or 0), letters
