"""A CSV file's bytes read apart from DuckDB: how many records it holds, and whether its
text is decoded right.

DuckDB reads the bulk; these scans are the independent count and checks that make sure it
read all of it (a parser that silently stops early loses rows, and a file decoded in the
wrong encoding stores «RÃ¸ros»). They run in C-speed bytes methods, chunk by chunk, so a
million-row file costs a fraction of a second and never sits whole in memory.
"""

from __future__ import annotations

import codecs
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from dashboard.data.problems import ImportRefused, Problem

CHUNK_BYTES = 16 * 1024 * 1024
QUOTE = b'"'
NUL = b"\x00"


class NulFound(Exception):
    """A NUL byte at ``offset``: no export holds one, so the file is binary or damaged."""

    def __init__(self, offset: int):
        super().__init__(offset)
        self.offset = offset


# UTF-8 text decoded once more as Windows-1252 (or Latin-1) and stored as UTF-8: «ø» becomes
# «Ã¸», «Ø» «Ã˜», «Å» «Ã…», «–» «â€“». «Ã» before another non-ASCII letter, or «â€», does not
# occur in Norwegian text written right.
MOJIBAKE = re.compile(rb"\xc3\x83(?:\xc2|\xc5|\xcb|\xe2\x80|\xe2\x84)|\xc3\xa2\xe2\x82\xac")

MIXED_ENCODING = (
    "raden er skrevet i en annen tegnkoding enn resten av filen (UTF-8 og Windows-1252 "
    "blandet); lagre filen på nytt med én tegnkoding, helst UTF-8"
)
MOJIBAKE_MESSAGE = (
    "raden inneholder feilkodede tegn (som «Ã¸» for «ø»): teksten er lest med feil "
    "tegnkoding før den ble lagret; rett kilden og eksporter på nytt"
)


def _chunks(path: Path) -> Iterator[bytes]:
    """The file in chunks that end at a line break (a multi-byte letter is never cut)."""
    rest = b""
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(CHUNK_BYTES), b""):
            block = rest + block
            cut = block.rfind(b"\n") + 1
            if cut == 0:
                rest = block
                continue
            rest = block[cut:]
            yield block[:cut]
    if rest:
        yield rest


def line_ends(path: Path, name: str) -> int:
    """Records in the file, blank ones included (a line break inside quotes does not end
    one); a file holding text decoded in the wrong encoding is refused at its row, and one
    holding a NUL byte raises :class:`NulFound`.

    The fast count, in blocks read as they come: no copy, no line split."""
    ends, quoted, seen, tail = 0, False, 0, b""
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(CHUNK_BYTES), b""):
            _refuse_mojibake(tail + block[:SEAM], path, name, seen - len(tail))
            _refuse_mojibake(block, path, name, seen)
            if NUL in block:
                raise NulFound(seen + block.index(NUL))
            if QUOTE in block:
                ends, quoted = _unquoted_line_ends(block, ends, quoted)
            elif not quoted:
                ends += block.count(b"\n")
            seen += len(block)
            tail = block[-SEAM:]
    return ends + _unterminated_last_record(path)


# Longer than any mojibake sequence: a search across the seam of two blocks finds it.
SEAM = 8


def _unquoted_line_ends(block: bytes, ends: int, quoted: bool) -> tuple[int, bool]:
    for index, part in enumerate(block.split(QUOTE)):
        if index:
            quoted = not quoted
        if not quoted:
            ends += part.count(b"\n")
    return ends, quoted


def count_records(path: Path) -> int:
    """Non-blank records in the file: the exact count, when blank lines make it differ."""
    records, quoted = 0, False
    for chunk in _chunks(path):
        parts = chunk.split(QUOTE) if QUOTE in chunk else [chunk]
        for index, part in enumerate(parts):
            if index:
                quoted = not quoted
            if not quoted:
                records += _record_ends(part, after_quote=index > 0)
    return records + _unterminated_last_record(path)


def _record_ends(part: bytes, after_quote: bool) -> int:
    """Line breaks in unquoted text that end a record with something in it (a part starts
    after a quote, or at a line start, where a line break at once ends a blank line)."""
    ends = part.count(b"\n")
    if not ends:
        return 0
    if not after_quote and part[: part.index(b"\n")] in (b"", b"\r"):
        ends -= 1
    if b"\n\n" in part or b"\n\r\n" in part:
        middle = part.split(b"\n")[1:-1]
        ends -= middle.count(b"") + middle.count(b"\r")
    return ends


def _unterminated_last_record(path: Path) -> int:
    """1 when the file ends in a record without a line break after it."""
    with path.open("rb") as handle:
        handle.seek(0, 2)
        if handle.tell() == 0:
            return 0
        handle.seek(-1, 2)
        return 0 if handle.read(1) == b"\n" else 1


def csv_records(path: Path) -> Iterator[tuple[int, bool]]:
    """Each record's number as the user counts rows (blank ones too), and whether blank."""
    for number, blank, _ in _records_with_size(path):
        yield number, blank


def first_record_longer_than(path: Path, limit: int) -> int | None:
    """The row number of the first record over ``limit`` bytes (only on the refusal path)."""
    return next((number for number, _, size in _records_with_size(path) if size > limit), None)


def _records_with_size(path: Path) -> Iterator[tuple[int, bool, int]]:
    number, quoted, blank, size = 0, False, True, 0
    with path.open("rb") as handle:
        for line in handle:
            if not quoted:
                blank, size = line.strip(b"\r\n") == b"", 0
            size += len(line)
            if line.count(QUOTE) % 2:
                quoted = not quoted
            if not quoted:
                number += 1
                yield number, blank, size


def record_at(path: Path, offset: int) -> tuple[int, int]:
    """The row number (as the user counts rows) and the start of the record holding the
    byte at ``offset`` (only on the refusal path)."""
    end, number = 0, 0
    for number, _, size in _records_with_size(path):
        end += size
        if end > offset:
            return number, end - size
    return number + 1, end


def field_index_at(path: Path, start: int, offset: int, delimiter: str) -> int:
    """Which field (0-based) of the record beginning at ``start`` holds byte ``offset``:
    the delimiters before it, outside quotes."""
    with path.open("rb") as handle:
        handle.seek(start)
        before = handle.read(offset - start)
    return sum(part.count(delimiter.encode()) for part in before.split(QUOTE)[::2])


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``head`` is UTF-16 text without a byte order
    mark: an export's characters are mostly Latin, so every other byte is zero (which
    UTF-8 and Windows-1252 text never holds)."""
    pairs = len(head) // 2
    if pairs < 8:
        return None
    low, high = head[0 : 2 * pairs : 2], head[1 : 2 * pairs : 2]
    for zeros, others, codec in ((high, low, "utf-16-le"), (low, high, "utf-16-be")):
        if zeros.count(0) >= 0.8 * pairs and others.count(0) <= 0.05 * pairs:
            return codec
    return None


def last_line_bytes(path: Path, limit: int = 1 << 20) -> bytes:
    """The file's last line (at most ``limit`` bytes of it)."""
    with path.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - limit))
        tail = handle.read().rstrip(b"\r\n")
    return tail[tail.rfind(b"\n") + 1 :]


def line_number_at(path: Path, offset: int) -> int:
    with path.open("rb") as handle:
        return handle.read(offset).count(b"\n") + 1


def _refuse_mojibake(chunk: bytes, path: Path, name: str, seen: int) -> None:
    found = MOJIBAKE.search(chunk)
    if found:
        row = line_number_at(path, seen + found.start())
        raise ImportRefused([Problem(name, row, None, MOJIBAKE_MESSAGE)])


def utf8_copy(path: Path, name: str, encoding: str) -> tuple[Path, tempfile.TemporaryDirectory]:
    """A UTF-8 copy of a file written in ``encoding`` (``utf-8``, ``cp1252``, ``utf-16`` or
    ``utf-32`` with a byte order mark, ``utf-16-le``/``utf-16-be`` without, or ``utf-8-cr``:
    UTF-8 with old Mac line ends), under a name DuckDB can open."""
    temp_dir = tempfile.TemporaryDirectory(prefix="helsevakt-")
    target = Path(temp_dir.name) / "utf8.csv"
    try:
        if encoding == "cp1252":
            _copy_windows_1252(path, target)
        elif encoding == "utf-8":
            shutil.copyfile(path, target)
        elif encoding == "utf-8-cr":
            _copy_with_line_feeds(path, target)
        else:
            _copy_utf16(path, target, name, encoding)
    except BaseException:
        temp_dir.cleanup()
        raise
    return target, temp_dir


def _copy_with_line_feeds(path: Path, target: Path) -> None:
    """Old Mac line ends (CR alone) as line feeds, which the counts here and DuckDB read
    alike; a UTF-8 letter never holds the byte CR, so blocks may end anywhere."""
    with path.open("rb") as handle, target.open("wb") as out:
        for block in iter(lambda: handle.read(CHUNK_BYTES), b""):
            out.write(block.replace(b"\r", b"\n"))


def _copy_windows_1252(path: Path, target: Path) -> None:
    # Not Latin-1, which DuckDB could read itself: it garbles – and € (0x80–0x9F).
    with target.open("wb") as out:
        for chunk in _chunks(path):
            out.write(chunk.decode("cp1252", errors="replace").encode("utf-8"))


def one_encoding(path: Path, name: str) -> str:
    """``utf-8`` or ``cp1252``: the encoding of the first line beyond ASCII. A later line in
    the other one is refused, named: one file, one encoding."""
    found, line_number = None, 0
    for chunk in _chunks(path):
        if chunk.isascii() or (found != "cp1252" and _is_utf8(chunk)):
            found = found or (None if chunk.isascii() else "utf-8")
        else:
            for offset, line in enumerate(chunk.split(b"\n")):
                kind = _line_encoding(line)
                if kind and found and kind != found:
                    row = line_number + offset + 1
                    raise ImportRefused([Problem(name, row, None, MIXED_ENCODING)])
                found = found or kind
        line_number += chunk.count(b"\n")
    return found or "utf-8"


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _line_encoding(line: bytes) -> str | None:
    if line.isascii():
        return None
    return "utf-8" if _is_utf8(line) else "cp1252"


def _copy_utf16(path: Path, target: Path, name: str, encoding: str) -> None:
    """Excel's «Unicode-tekst»: UTF-16 with a byte order mark (or, from other programs,
    without one)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    line_number = 1
    with path.open("rb") as handle, target.open("w", encoding="utf-8", newline="") as out:
        for block in iter(lambda: handle.read(CHUNK_BYTES), b""):
            try:
                text = decoder.decode(block)
            except UnicodeDecodeError:
                raise ImportRefused(
                    [Problem(name, line_number, None, "filen er ikke gyldig UTF-16-tekst")]
                ) from None
            line_number += text.count("\n")
            out.write(text)
        try:
            out.write(decoder.decode(b"", final=True))
        except UnicodeDecodeError:
            raise ImportRefused(
                [Problem(name, line_number, None, "filen slutter midt i et UTF-16-tegn")]
            ) from None
