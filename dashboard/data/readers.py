"""File forms: turn a CSV/TXT/XLSX export into one UTF-8 CSV that DuckDB reads.

Only the first lines are looked at in Python (to find the encoding, the delimiter and the
header row); DuckDB's CSV reader reads the bulk. Excel sheets are hand-kept and small, so
they are written out row by row to a temporary CSV first.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import tempfile
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from dashboard.data.csv_scan import (
    NulFound,
    count_records,
    csv_records,
    field_index_at,
    last_line_bytes,
    line_ends,
    one_encoding,
    record_at,
    utf8_copy,
    utf16_without_bom,
)
from dashboard.data.kinds import (
    ACTIONS_HEADER,
    EARLIER_REGISTER_HEADER,
    FIELDS,
    REGISTER_HEADER,
    SHEET_NAMES,
    header_score,
    match_columns,
    normalize_header,
)
from dashboard.data.privacy import holds_identity_number
from dashboard.data.problems import ImportRefused, Problem, readable_name
from dashboard.data.workbooks import NOT_A_WORKBOOK, SheetScan, guard_workbook, scan_sheet

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
    # Numeric Excel cells (row, column number) holding an identity number as written.
    identity_cells: list[tuple[int, int]] = field(default_factory=list)
    # Columns (0-based) holding the export's own ids: see privacy.holds_identity_number.
    id_columns: frozenset[int] = frozenset()
    # Sheet rows below the header holding only spaces: left out of the CSV, counted.
    empty_rows: int = 0
    # A CSV export of the goal register: one leading apostrophe on a cell is an escape.
    register_escapes: bool = False
    # Non-blank records from the top of the file to the header row, both included.
    records_before_data: int = 0
    _line_ends: int | None = field(default=None, repr=False)
    _data_rows_counted: int | None = field(default=None, repr=False)

    def user_rows(self, ordinals: Iterable[int]) -> dict[int, int]:
        """Row numbers as the user counts them (Excel rows, blank lines included)."""
        wanted = sorted(set(ordinals))
        if self.data_rows is not None:
            return {ordinal: self.data_rows[ordinal] for ordinal in wanted}
        return self._count_csv_rows(wanted)

    def _count_csv_rows(self, wanted: list[int]) -> dict[int, int]:
        # Only on the refusal path: DuckDB skips blank lines, the user counts them.
        found: dict[int, int] = {}
        ordinal = 0
        for row_number, blank in csv_records(self.csv_path):
            if row_number <= self.header_row or blank:
                continue
            if ordinal in wanted:
                found[ordinal] = row_number
                if len(found) == len(wanted):
                    break
            ordinal += 1
        return found

    def check_text(self) -> None:
        """Refuse text decoded in the wrong encoding before anything is read into DuckDB."""
        self._line_end_count()

    def all_rows_read(self, read: int) -> bool:
        """Whether ``read`` rows are every row under the header, counted apart from DuckDB:
        fast by line ends, exactly (blank lines left out, as DuckDB does) when they differ."""
        if read == self._line_end_count() - self.skip_lines:
            return True
        return read == self.data_row_count()

    def data_row_count(self) -> int:
        if self._data_rows_counted is None:
            records = count_records(self.csv_path)
            self._data_rows_counted = records - self.records_before_data
        return self._data_rows_counted

    def _line_end_count(self) -> int:
        if self._line_ends is None:
            try:
                self._line_ends = line_ends(self.csv_path, self.name)
            except NulFound as found:
                self.refuse_nul(found.offset)
        return self._line_ends

    def refuse_nul(self, offset: int) -> None:
        """Refuse the file at the cell holding the NUL byte at ``offset`` of the CSV."""
        row, start = record_at(self.csv_path, offset)
        column = field_index_at(self.csv_path, start, offset, self.delimiter)
        refuse(self.name, NUL_MESSAGE, row=row, column=header_label(self.header, column))

    def close(self) -> None:
        if self.temp_dir is not None:
            self.temp_dir.cleanup()

    def __enter__(self) -> RawSource:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


NUL_MESSAGE = (
    "cellen inneholder et NUL-tegn (byte 0), som ingen eksport har: filen er trolig binær "
    "eller skadet. Eksporter den på nytt fra fagsystemet eller Excel."
)


def header_label(header: list[str], index: int) -> str:
    """A column as messages name it: its header, unless that is blank or must not be shown
    (an identity number, a NUL)."""
    name = header[index] if index < len(header) else ""
    if not name or "\x00" in name or holds_identity_number(name):
        return f"kolonne {index + 1}"
    return name


def refuse(name: str, message: str, row: int | None = None, column: str | None = None):
    raise ImportRefused([Problem(name, row, column, message)])


def open_source(path: Path, kind: str | None = None) -> RawSource:
    """Find how ``path`` is written; refuse a file that cannot be read as an export."""
    if path.is_dir():
        refuse(path.name, "er en mappe, ikke en fil; oppgi filene i den (f.eks. mappe/*.csv)")
    if not path.is_file():
        refuse(path.name, "filen finnes ikke")
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _open_csv(path, kind)
    if suffix in EXCEL_SUFFIXES:
        return _open_excel(path, kind)
    refuse(path.name, f"ukjent filtype «{path.suffix}»; forventet .csv, .txt eller .xlsx")
    raise AssertionError("unreachable")


def _read_head(path: Path) -> str:
    """The first SNIFF_BYTES of a UTF-8 file as text (a big file is never held in memory)."""
    with path.open("rb") as handle:
        data = handle.read(SNIFF_BYTES)
    return codecs.getincrementaldecoder("utf-8-sig")(errors="replace").decode(data)


def _head_is_utf8(path: Path) -> bool:
    with path.open("rb") as handle:
        data = handle.read(SNIFF_BYTES)
    try:
        codecs.getincrementaldecoder("utf-8-sig")().decode(data)
    except UnicodeDecodeError:
        return False
    return True


def _utf8_version(path: Path) -> tuple[Path, tempfile.TemporaryDirectory | None]:
    """The file itself when its head is UTF-8 (DuckDB checks the rest as it reads, and a
    later non-UTF-8 byte makes the importer call :func:`reencode_as_utf8`), else a copy."""
    name = readable_name(path.name)
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    unicode = _unicode_encoding(head)
    if unicode:
        return utf8_copy(path, name, unicode)
    old_mac = b"\r" in head and b"\n" not in head
    if _head_is_utf8(path):
        if old_mac:
            return utf8_copy(path, name, "utf-8-cr")
        return (path, None) if _utf8_path(path) else utf8_copy(path, name, "utf-8")
    if old_mac:
        refuse(name, OLD_MAC_TEXT)
    return utf8_copy(path, name, one_encoding(path, name))


def _unicode_encoding(head: bytes) -> str | None:
    """UTF-32 or UTF-16 by the byte order mark (UTF-32's begins like UTF-16's), or UTF-16
    without one."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return utf16_without_bom(head)


OLD_MAC_TEXT = (
    "filen har linjeskift fra gamle Mac-programmer (bare CR) og er ikke UTF-8, så "
    "tegnkodingen (trolig Mac Roman) kan ikke leses sikkert; lagre den på nytt i Excel som "
    "«CSV UTF-8 (kommadelt)»"
)


def _utf8_path(path: Path) -> bool:
    """Whether DuckDB can open ``path``: a name from an old Windows share may not be UTF-8."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def reencode_as_utf8(source: RawSource) -> None:
    """Point ``source`` at a UTF-8 copy of its Windows-1252 file, or refuse a file that
    mixes encodings at the first line that does not fit, or that was cut off mid-letter."""
    _refuse_cut_mid_letter(source)
    source.csv_path, source.temp_dir = utf8_copy(
        source.csv_path, source.name, one_encoding(source.csv_path, source.name)
    )


def _refuse_cut_mid_letter(source: RawSource) -> None:
    """A UTF-8 file whose last letter lost its last byte(s): a file cut off (a copy that
    stopped, a full disk), not another encoding. Named at its last row and cell."""
    last_line = last_line_bytes(source.csv_path)
    try:
        last_line.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason != "unexpected end of data":
            return
        # Delimiters counted, not parsed: the line may hold a cell too long for csv.
        column = last_line.count(source.delimiter.encode())
        row = max(number for number, _ in csv_records(source.csv_path))
        refuse(source.name, CUT_MID_LETTER, row=row, column=header_label(source.header, column))


CUT_MID_LETTER = (
    "filen slutter midt i en bokstav: den er avkortet (kopieringen eller eksporten stoppet); "
    "eksporter eller kopier den på nytt"
)


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


def _open_csv(path: Path, kind: str | None) -> RawSource:
    csv_path, temp_dir = _utf8_version(path)
    head = _read_head(csv_path)
    if not head.strip():
        refuse(path.name, "filen er tom")
    if "\n" not in head and csv_path.stat().st_size > SNIFF_BYTES:
        refuse(path.name, LONG_FIRST_LINE, row=1)
    delimiter, header_index, header = _sniff_csv(head)
    records = _records(head, delimiter)
    source = RawSource(
        name=readable_name(path.name),
        csv_path=csv_path,
        delimiter=delimiter,
        header=[cell.strip() for cell in header],
        # DuckDB's skip counts records (a quoted title cell may span lines), blank ones too.
        skip_lines=header_index + 1,
        header_row=header_index + 1,
        outside_cells=_cells_above_data(records, header_index),
        temp_dir=temp_dir,
        records_before_data=sum(1 for record in records[: header_index + 1] if record),
        register_escapes=[cell.strip() for cell in header]
        in (REGISTER_HEADER, EARLIER_REGISTER_HEADER, ACTIONS_HEADER),
        id_columns=id_columns([cell.strip() for cell in header], kind),
    )
    if "\x00" in head:
        # Before the kind is judged by a header that may hold it.
        with csv_path.open("rb") as handle:
            source.refuse_nul(handle.read(SNIFF_BYTES).index(b"\x00"))
    return source


LONG_FIRST_LINE = (
    f"første linje er over {SNIFF_BYTES // 1024} kB uten linjeskift; en eksportfil har en "
    "overskriftsrad først. Er dette riktig fil?"
)


def _cell_text(value) -> str:
    """An Excel cell as text the importer's parsers read like a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return _datetime_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        # Spaces only, as a CSV cell is trimmed: a leading tab is content (the register).
        return OOXML_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), value).strip(" ")
    return str(value).strip()


# How a workbook writes a character XML cannot hold (and ``_x005F_`` a literal ``_``);
# openpyxl leaves it as written.
OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _datetime_text(value: datetime) -> str:
    """To the nearest second, as wall-clock arithmetic: an Excel time has no time zone,
    and going through the machine's would move 02:10 on a spring night to 03:10."""
    rounded = value.replace(microsecond=0)
    if value.microsecond >= 500_000:
        rounded += timedelta(seconds=1)
    if rounded.time() == time(0, 0):
        return rounded.strftime("%Y-%m-%d")
    return rounded.strftime("%Y-%m-%d %H:%M:%S")


def _pick_sheet(workbook, kind: str | None):
    kinds = [kind] if kind else list(SHEET_NAMES)
    for candidate in kinds:
        names = {normalize_header(name) for name in SHEET_NAMES[candidate]}
        for sheet in workbook.worksheets:
            if normalize_header(sheet.title) in names:
                return sheet
    return workbook.worksheets[0]


@dataclass
class SheetRows:
    """A sheet's rows that hold text (row number, cells), how many hold any value, and
    the numbers of those whose values are only spaces."""

    rows: list[tuple[int, list[str]]]
    value_rows: int
    blank_rows: list[int] = field(default_factory=list)


def _sheet_rows(sheet) -> SheetRows:
    # The declared <dimension> may be smaller than the content: read what the sheet holds.
    sheet.reset_dimensions()
    read = SheetRows([], 0)
    for row in sheet.iter_rows():
        values = [cell.value for cell in row]
        holds_value = any(value is not None for value in values)
        read.value_rows += holds_value
        cells = [_cell_text(value) for value in values]
        number = next((cell.row for cell in row if hasattr(cell, "row")), None)
        if number is not None and any(cells):
            read.rows.append((number, cells))
        elif number is not None and holds_value:
            read.blank_rows.append(number)
    return read


def _refuse_identity_in_sheet_names(path: Path, workbook) -> None:
    """A sheet name is shown in messages: one holding an identity number refuses the file,
    named by its place, never by its name."""
    problems = [
        Problem(
            path.name,
            None,
            None,
            f"navnet på ark nr. {number} inneholder et fødselsnummer "
            "eller D-nummer; gi arket et annet navn og prøv igjen",
        )
        for number, sheet in enumerate(workbook.worksheets, 1)
        if holds_identity_number(sheet.title)
    ]
    if problems:
        raise ImportRefused(problems)


def _refuse_rows_not_read(path: Path, sheet, read: SheetRows) -> SheetScan:
    """The sheet's XML, counted apart from openpyxl, must hold the rows that were read."""
    scan = scan_sheet(path, sheet._worksheet_path)
    if scan.value_rows != read.value_rows:
        refuse(
            path.name,
            f"arket har {scan.value_rows} rader med innhold, men {read.value_rows} kunne "
            "leses; ingenting er importert. Lagre arbeidsboken på nytt i Excel.",
        )
    return scan


UNCACHED_FORMULA = (
    "cellen har en formel uten lagret verdi (filen er laget av et program, ikke lagret i "
    "Excel), så verdien kan ikke leses; åpne filen i Excel og lagre den, eller skriv verdien"
)


def _refuse_uncached_formulas(path: Path, scan: SheetScan, header: list[str]) -> None:
    problems = []
    for row, letters in scan.uncached_formulas[:50]:
        number = _column_number(letters)
        name = header[number - 1] if number <= len(header) else ""
        label = name if name and not holds_identity_number(name) else f"kolonne {number}"
        problems.append(Problem(path.name, row, label, UNCACHED_FORMULA))
    if problems:
        raise ImportRefused(problems)


def _column_number(letters: str) -> int:
    from openpyxl.utils import column_index_from_string

    return column_index_from_string(letters) if letters else 1


def _read_workbook(path: Path, kind: str | None) -> tuple[SheetRows, list[tuple], SheetScan]:
    """The data sheet's rows, and every non-empty cell of the other sheets."""
    guard_workbook(path)
    with warnings.catch_warnings():
        # openpyxl's warnings may quote a cell (a number typed into a date cell); the
        # import says what it must in its own words, and never repeats a value.
        warnings.simplefilter("ignore")
        try:
            return _read_open_workbook(path, kind)
        except ImportRefused:
            raise
        except Exception:  # openpyxl raises many kinds for a damaged file
            refuse(path.name, NOT_A_WORKBOOK)
    raise AssertionError("unreachable")


def _read_open_workbook(path: Path, kind: str | None) -> tuple[SheetRows, list[tuple], SheetScan]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        _refuse_identity_in_sheet_names(path, workbook)
        chosen = _pick_sheet(workbook, kind)
        read = _sheet_rows(chosen)
        scan = _refuse_rows_not_read(path, chosen, read)
        others = [
            (sheet.title, row_number, column + 1, text)
            for sheet in workbook.worksheets
            if sheet is not chosen
            for row_number, cells in _sheet_rows(sheet).rows
            for column, text in enumerate(cells)
            if text
        ]
        return read, others, scan
    finally:
        workbook.close()


def _open_excel(path: Path, kind: str | None) -> RawSource:
    read, other_sheets, scan = _read_workbook(path, kind)
    rows = read.rows
    if not rows:
        refuse(path.name, "arket er tomt")
    header_index, _ = _find_header([cells for _, cells in rows])
    header_number, header = rows[header_index]
    _refuse_uncached_formulas(path, scan, header)
    _refuse_nul_cells(path, rows[header_index:], header)
    data = rows[header_index + 1 :]
    # The table is as wide as its header; a cell beyond it (a note, or one lone cell in
    # column XFD) is searched like a title row's, not made a column of every row.
    width = len(_without_trailing_blanks(header))
    header = header[:width]
    ids = id_columns(header, kind)
    temp_dir = tempfile.TemporaryDirectory(prefix="helsevakt-")
    csv_path = Path(temp_dir.name) / "sheet.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        for _, cells in data:
            writer.writerow((cells + [""] * width)[:width])
    return RawSource(
        name=readable_name(path.name),
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
        ]
        + [
            (None, number, column + 1, text)
            for number, cells in data
            for column, text in enumerate(cells[width:], width)
            if text
        ],
        temp_dir=temp_dir,
        records_before_data=1,
        identity_cells=_identity_cells(scan, ids),
        id_columns=ids,
        empty_rows=sum(1 for number in read.blank_rows if number > header_number),
    )


def _refuse_nul_cells(path: Path, rows: list[tuple[int, list[str]]], header: list[str]) -> None:
    """A cell holding NUL (written ``_x0000_`` in the workbook's XML) is refused, named."""
    for number, cells in rows:
        for column, text in enumerate(cells):
            if "\x00" in text:
                refuse(path.name, NUL_MESSAGE, row=number, column=header_label(header, column))


def id_columns(header: list[str], kind: str | None) -> frozenset[int]:
    """The columns holding the export's own ids: the id column of ``kind``, or of any kind
    the file may be."""
    kinds = [kind] if kind else list(FIELDS)
    found = (match_columns(candidate, header).get("id") for candidate in kinds)
    return frozenset(index for index in found if index is not None)


def _identity_cells(scan: SheetScan, ids: frozenset[int]) -> list[tuple[int, int]]:
    """Numeric cells holding an identity number: as written, or, outside the id columns,
    once the leading zero Excel takes off is put back."""
    written = [(row, _column_number(letters)) for row, letters in scan.identity_cells]
    lost_zero = [(row, _column_number(letters)) for row, letters in scan.lost_zero_cells]
    return written + [(row, column) for row, column in lost_zero if column - 1 not in ids]


def _without_trailing_blanks(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]
