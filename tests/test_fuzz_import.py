"""Fuzzing the import with mutated real exports (CSV and XLSX).

For every mutation, the import either stores exactly the rows the file holds, or refuses
it with located problems; it never raises anything else, never repeats an identity number,
and a refusal leaves the database as it was.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date
from itertools import count
from pathlib import Path

import pytest
from exports import ExportForm, identity_number, random_records, write_export
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.data.importer import import_file
from dashboard.data.problems import ImportRefused
from dashboard.data.store import Store

FNR = identity_number(date(1985, 3, 15))
GOAL_MONTHS = [date(2021, 3, 1), date(2021, 5, 1), date(2021, 10, 1)]
SEPARATORS = [" ", "  ", ".", "-", "\u00a0", "\u202f"]
TABLES = ("activities", "callouts", "car_trips", "goal_assessments", "imports")
FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
file_numbers = count()
_EXPORTS: dict[tuple[str, str], bytes] = {}


def export_bytes(kind: str, suffix: str, tmp_path: Path) -> bytes:
    """Written once per kind and form, so hypothesis replays an example on the same bytes."""
    if (kind, suffix) not in _EXPORTS:
        records = random_records(5, date(2021, 1, 1), 365, GOAL_MONTHS).of(kind)[:15]
        path = write_export(tmp_path / f"valid_{kind}", kind, records, ExportForm(suffix=suffix))
        _EXPORTS[kind, suffix] = path.read_bytes()
    return _EXPORTS[kind, suffix]


def disguised(number: str, separator: str, grouping: str) -> str:
    if grouping == "6-5":
        return f"{number[:6]}{separator}{number[6:]}"
    return separator.join([number[:2], number[2:4], number[4:6], number[6:]])


@st.composite
def mutated_csv(draw, original: bytes) -> bytes:
    lines = original.split(b"\n")
    for _ in range(draw(st.integers(1, 3))):
        if len(lines) < 3:
            break
        action = draw(
            st.sampled_from(["flip", "truncate", "encoding", "mixed", "identity", "huge", "cut"])
        )
        at = draw(st.integers(1, len(lines) - 2))
        if action == "flip":
            line = bytearray(lines[at])
            if line:
                where = draw(st.integers(0, len(line) - 1))
                line[where] ^= draw(st.integers(1, 255))
            lines[at] = bytes(line)
        elif action == "truncate":
            joined = b"\n".join(lines)
            lines = joined[: draw(st.integers(0, len(joined)))].split(b"\n")
        elif action == "encoding":
            text = b"\n".join(lines).decode("utf-8", errors="replace")
            encoding = draw(st.sampled_from(["cp1252", "utf-16", "utf-8-sig"]))
            return text.encode(encoding, errors="replace")
        elif action == "mixed":
            lines[at] = lines[at].decode("utf-8", errors="replace").encode("cp1252", "replace")
        elif action == "identity":
            separator = draw(st.sampled_from(SEPARATORS))
            number = disguised(FNR, separator, draw(st.sampled_from(["6-5", "2-2-2-5"])))
            lines[at] = lines[at].replace(b";", f";{number} ".encode(), 1)
        elif action == "huge":
            lines[at] = lines[at].replace(b";", b";" + b"x" * 200_000, 1)
        else:
            del lines[at]
    return b"\n".join(lines)


def snapshot(store: Store) -> list[int]:
    return [store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES]


def digits_of(text: str) -> str:
    return "".join(
        str(unicodedata.decimal(character)) for character in text if character.isdecimal()
    )


def rows_in(content: bytes) -> int | None:
    """Non-blank records under the header, by Python's csv module, for a UTF-8 file whose
    header is the first line (else None: the count is the importer's to judge)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    try:
        records = [record for record in reader if record]
    except csv.Error:
        return None
    return len(records) - 1 if records else None


def import_or_refuse(store: Store, path: Path, content: bytes, header_intact: bool) -> None:
    before = snapshot(store)
    try:
        result = import_file(store, path)
    except ImportRefused as refused:
        assert refused.problems
        for problem in refused.problems:
            assert problem.file and problem.message
            assert FNR not in digits_of(str(problem))
        assert snapshot(store) == before
        return
    assert FNR not in digits_of(result.summary())
    expected = rows_in(content) if header_intact and path.suffix == ".csv" else None
    if expected is not None:
        assert result.rows_read == expected
    assert snapshot(store)[:4] != before[:4] or result.already_imported


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "fuzz.duckdb") as opened:
        yield opened


@FUZZ
@given(data=st.data(), kind=st.sampled_from(["activity", "callouts", "carlog"]))
def test_mutated_csv_exports_are_read_whole_or_refused_with_a_place(store, tmp_path, data, kind):
    original = export_bytes(kind, ".csv", tmp_path)
    content = data.draw(mutated_csv(original))
    path = tmp_path / f"fil{next(file_numbers)}.csv"
    path.write_bytes(content)

    header_intact = content.split(b"\n", 1)[0] == original.split(b"\n", 1)[0]
    import_or_refuse(store, path, content, header_intact)


@st.composite
def mutated_xlsx(draw, original: bytes) -> bytes:
    content = bytearray(original)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(content) - 1))
        action = draw(st.sampled_from(["flip", "truncate", "insert"]))
        if action == "flip":
            content[at] ^= draw(st.integers(1, 255))
        elif action == "truncate":
            del content[at:]
            if not content:
                break
        else:
            content[at:at] = draw(st.binary(min_size=1, max_size=16))
    return bytes(content)


@FUZZ
@given(data=st.data(), kind=st.sampled_from(["activity", "callouts"]))
def test_mutated_xlsx_exports_are_read_whole_or_refused(store, tmp_path, data, kind):
    content = data.draw(mutated_xlsx(export_bytes(kind, ".xlsx", tmp_path)))
    path = tmp_path / f"fil{next(file_numbers)}.xlsx"
    path.write_bytes(content)

    import_or_refuse(store, path, content, header_intact=False)


@FUZZ
@given(
    separator=st.sampled_from(SEPARATORS),
    grouping=st.sampled_from(["6-5", "2-2-2-5"]),
    digits=st.sampled_from(["ascii", "full-width", "arabic-indic"]),
    row=st.integers(0, 9),
)
def test_an_identity_number_however_written_refuses_an_xlsx_without_echo(
    store, tmp_path, separator, grouping, digits, row
):
    from openpyxl import Workbook

    number = disguised(FNR, separator, grouping)
    if digits != "ascii":
        zero = 0xFF10 if digits == "full-width" else 0x0660
        number = "".join(chr(zero + int(c)) if c.isdigit() else c for c in number)
    book = Workbook()
    book.active.append(["Hendelsesnr", "Alarmtid", "Hastegrad", "Ressurs", "Lege med", "Notat"])
    for index in range(10):
        note = f"ringt {number}" if index == row else "ok"
        book.active.append([f"H{index}", "01.02.2021 10:00", "Akutt", "Bil", "Ja", note])
    path = tmp_path / f"fil{next(file_numbers)}.xlsx"
    book.save(path)

    with pytest.raises(ImportRefused) as refused:
        import_file(store, path)

    problem = refused.value.problems[0]
    assert (problem.row, problem.column) == (row + 2, "Notat")
    assert FNR not in digits_of(str(refused.value))
