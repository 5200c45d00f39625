"""File forms: turn a CSV/TXT/XLSX export into one UTF-8 CSV that DuckDB reads.

Only the first lines are looked at in Python (to find the encoding, the delimiter and the
header row); DuckDB's CSV reader reads the bulk. Excel sheets are hand-kept and small, so
they are written out row by row to a temporary CSV first.
"""

from __future__ import annotations

import codecs
import csv
import io
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from dashboard.data.kinds import SHEET_NAMES, header_score, normalize_header
from dashboard.data.problems import ImportRefused, Problem

CSV_SUFFIXES = {".csv", ".txt"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
DELIMITERS = (";", ",", "\t")
HEADER_SEARCH_ROWS = 30
SNIFF_BYTES = 64 * 1024


@dataclass
class RawSource:
    """A readable UTF-8 CSV with a known delimiter and header row."""

    name: str
    csv_path: Path
    delimiter: str
    header: list[str]
    skip_lines: int
    header_row: int
    data_rows: list[int] | None = None
    # Title rows, the header and other sheets: (sheet, row, column number, text).
    outside_cells: list[tuple[str | None, int, int, str]] = field(default_factory=list)
    temp_dir: tempfile.TemporaryDirectory | None = field(default=None, repr=False)

    def user_rows(self, ordinals: Iterable[int]) -> dict[int, int]:
        """Row numbers as the user counts them (Excel rows, blank lines included)."""
        wanted = sorted(set(ordinals))
        if self.data_rows is not None:
            return {ordinal: self.data_rows[ordinal] for ordinal in wanted}
        return self._count_csv_rows(wanted)

    def _count_csv_rows(self, wanted: list[int]) -> dict[int, int]:
        # Only on the refusal path: DuckDB skips blank lines, the user counts them.
        found: dict[int, int] = {}
        with self.csv_path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter=self.delimiter)
            for _ in range(self.header_row):
                next(reader, None)
            ordinal, row_number = 0, self.header_row
            for record in reader:
                row_number += 1
                if not record:
                    continue
                if ordinal in wanted:
                    found[ordinal] = row_number
                    if len(found) == len(wanted):
                        break
                ordinal += 1
        return found

    def close(self) -> None:
        if self.temp_dir is not None:
            self.temp_dir.cleanup()

    def __enter__(self) -> RawSource:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def refuse(name: str, message: str, row: int | None = None, column: str | None = None):
    raise ImportRefused([Problem(name, row, column, message)])


def open_source(path: Path, kind: str | None = None) -> RawSource:
    """Find how ``path`` is written; refuse a file that cannot be read as an export."""
    if not path.is_file():
        refuse(path.name, "filen finnes ikke")
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _open_csv(path)
    if suffix in EXCEL_SUFFIXES:
        return _open_excel(path, kind)
    refuse(path.name, f"ukjent filtype «{path.suffix}»; forventet .csv, .txt eller .xlsx")
    raise AssertionError("unreachable")


def _read_head(path: Path) -> tuple[str, bool]:
    """The first SNIFF_BYTES as text, and whether they are UTF-8; otherwise Windows-1252.

    Only the head is judged here (a big file is never held in memory): DuckDB checks the
    rest as it reads, and a later non-UTF-8 byte makes the importer call
    :func:`reencode_as_utf8`."""
    with path.open("rb") as handle:
        data = handle.read(SNIFF_BYTES)
    try:
        return codecs.getincrementaldecoder("utf-8-sig")().decode(data), True
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), False


def reencode_as_utf8(source: RawSource) -> None:
    """Point ``source`` at a UTF-8 copy of its Windows-1252 file (æøå, – and € intact).

    DuckDB reads UTF-8 and Latin-1 only; Latin-1 would garble – and € (0x80–0x9F)."""
    text = source.csv_path.read_bytes().decode("cp1252", errors="replace")
    source.temp_dir = tempfile.TemporaryDirectory(prefix="helsevakt-")
    source.csv_path = Path(source.temp_dir.name) / "utf8.csv"
    source.csv_path.write_text(text, encoding="utf-8", newline="")


def _find_header(rows: list[list[str]]) -> tuple[int, int]:
    """Index and score of the row that names the most fields (title rows may sit above)."""
    best_index, best_score = 0, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = header_score([cell for cell in row if cell])
        if score > best_score:
            best_index, best_score = index, score
    return best_index, best_score


def _sniff_csv(text: str) -> tuple[str, int, list[str]]:
    """Delimiter, header record index and header cells, judged by known field names."""
    best = (DELIMITERS[0], 0, [], -1)
    for delimiter in DELIMITERS:
        rows = _records(text, delimiter)[:HEADER_SEARCH_ROWS]
        index, score = _find_header(rows)
        if score > best[3]:
            best = (delimiter, index, rows[index] if rows else [], score)
    return best[0], best[1], best[2]


def _records(text: str, delimiter: str) -> list[list[str]]:
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        return []


def _cells_above_data(rows: list[list[str]], header_index: int) -> list[tuple]:
    return [
        (None, index + 1, column + 1, text)
        for index, row in enumerate(rows[: header_index + 1])
        for column, text in enumerate(row)
        if text
    ]


def _lines_before_data(text: str, delimiter: str, header_index: int) -> int:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for _ in range(header_index + 1):
        next(reader, None)
    return reader.line_num


def _open_csv(path: Path) -> RawSource:
    head, is_utf8 = _read_head(path)
    if not head.strip():
        refuse(path.name, "filen er tom")
    delimiter, header_index, header = _sniff_csv(head)
    source = RawSource(
        name=path.name,
        csv_path=path,
        delimiter=delimiter,
        header=[cell.strip() for cell in header],
        skip_lines=_lines_before_data(head, delimiter, header_index),
        header_row=header_index + 1,
        outside_cells=_cells_above_data(_records(head, delimiter), header_index),
    )
    if not is_utf8:
        reencode_as_utf8(source)
    return source


def _cell_text(value) -> str:
    """An Excel cell as text the importer's parsers read like a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        rounded = value.replace(microsecond=0)
        if value.microsecond >= 500_000:
            rounded = rounded.fromtimestamp(rounded.timestamp() + 1)
        if rounded.time() == time(0, 0):
            return rounded.strftime("%Y-%m-%d")
        return rounded.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _pick_sheet(workbook, kind: str | None):
    kinds = [kind] if kind else list(SHEET_NAMES)
    for candidate in kinds:
        names = {normalize_header(name) for name in SHEET_NAMES[candidate]}
        for sheet in workbook.worksheets:
            if normalize_header(sheet.title) in names:
                return sheet
    return workbook.worksheets[0]


def _sheet_rows(sheet) -> list[tuple[int, list[str]]]:
    rows = []
    for row in sheet.iter_rows():
        cells = [_cell_text(cell.value) for cell in row]
        number = next((cell.row for cell in row if hasattr(cell, "row")), None)
        if number is not None and any(cells):
            rows.append((number, cells))
    return rows


def _read_workbook(path: Path, kind: str | None) -> tuple[list, list[tuple]]:
    """The data sheet's rows, and every non-empty cell of the other sheets."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        refuse(path.name, f"kan ikke lese Excel-filen ({type(error).__name__})")
    try:
        chosen = _pick_sheet(workbook, kind)
        others = [
            (sheet.title, number, column + 1, text)
            for sheet in workbook.worksheets
            if sheet is not chosen
            for number, cells in _sheet_rows(sheet)
            for column, text in enumerate(cells)
            if text
        ]
        return _sheet_rows(chosen), others
    finally:
        workbook.close()


def _open_excel(path: Path, kind: str | None) -> RawSource:
    rows, other_sheets = _read_workbook(path, kind)
    if not rows:
        refuse(path.name, "arket er tomt")
    header_index, _ = _find_header([cells for _, cells in rows])
    header_number, header = rows[header_index]
    width = len(header)
    temp_dir = tempfile.TemporaryDirectory(prefix="helsevakt-")
    csv_path = Path(temp_dir.name) / "sheet.csv"
    data = rows[header_index + 1 :]
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        for _, cells in data:
            writer.writerow((cells + [""] * width)[:width] if len(cells) <= width else cells)
    return RawSource(
        name=path.name,
        csv_path=csv_path,
        delimiter=";",
        header=header,
        skip_lines=1,
        header_row=header_number,
        data_rows=[number for number, _ in data],
        outside_cells=other_sheets
        + [
            (None, number, column + 1, text)
            for number, cells in rows[: header_index + 1]
            for column, text in enumerate(cells)
            if text
        ],
        temp_dir=temp_dir,
    )
