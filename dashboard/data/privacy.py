"""The privacy guard: no Norwegian national identity number may enter the database.

A fødselsnummer is 11 digits: a birth date DDMMYY, three individual digits and two mod-11
check digits. A D-number adds 4 to the first digit (day + 40), an H-number 4 to the third
(month + 40). Every cell of the file is searched, named columns or not, and the file name
and sheet names too. People and programs write the number in many ways: split by a space
of any width, a line break (a cell with Alt+Enter), a tab, a dot, a dash or a slash, after
the date (``150385 45660``) or inside it (``15.03.85-45660``), grouped by thousands as a
number format writes it (``15 038 545 660``), with invisible characters
between the digits (zero-width space, soft hyphen, byte order mark, bidi marks: Unicode
category Cf) or on them (combining marks: an «underlined» text), in full-width or other
Unicode digits, or as an Excel number that lost its leading zero (10 digits; not in an id
column, see :func:`holds_identity_number`).

Numbers that fail the date or the check digits (incident numbers, mobile numbers) pass.
A candidate is never repeated: messages name only where it is.
"""

from __future__ import annotations

import calendar
import re
import unicodedata

from dashboard.data.problems import printable, readable_name

PRIVACY_MESSAGE = (
    "cellen inneholder et fødselsnummer eller D-nummer; helseopplysninger med "
    "pasientidentitet kan ikke importeres. Fjern det og prøv igjen."
)
FIRST_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2)
SECOND_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

# Between the digit groups of a written number: up to three of these («150385 - 45660»;
# every kind of dash, as a word processor makes «-» an en dash; slashes, as in a date). Every
# space, line break and control character counts as one space, and invisible format
# characters (zero-width space, soft hyphen, byte order mark, bidi marks) as nothing.
SEPARATORS = (
    " .\\-/\\\\_|'\u00b7\u2019\u2022\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
    "\ufe52\ufe58\ufe63\uff0d\uff0e\uff0f\uff3f"
)
_SEP = f"[{SEPARATORS}]{{0,3}}"
# A group may end after the day, the month, the year and the individual digits.
WRITTEN = re.compile(
    rf"(?<![0-9])([0-9]{{2}}){_SEP}([0-9]{{2}}){_SEP}([0-9]{{2}}){_SEP}"
    rf"([0-9]{{3}}){_SEP}([0-9]{{2}})(?![0-9])"
)
# A number format with a thousands separator (Excel's «# ##0») writes 15038545660 as
# «15 038 545 660», and a number that lost its leading zero as «1 019 012 345».
GROUPED = re.compile(r"(?<![0-9])([0-9]{1,2})([ .,'])([0-9]{3})\2([0-9]{3})\2([0-9]{3})(?![0-9])")
DIGIT_RUN = re.compile(r"[0-9]+")
BLANKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")


def _check_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    digit = (11 - remainder) % 11
    return None if digit == 10 else digit


def _is_birth_date(six: str) -> bool:
    """DDMMYY, after taking off the D-number (day + 40) and H-number (month + 40) offsets."""
    day, month, year = int(six[:2]), int(six[2:4]), int(six[4:])
    day -= 40 if day > 40 else 0
    month -= 40 if month > 40 else 0
    if not 1 <= month <= 12:
        return False
    # The century is unknown: 29 February counts in any year that may be a leap year.
    longest = calendar.monthrange(2000 + year if year % 4 == 0 else 2001, month)[1]
    return 1 <= day <= longest


def is_identity_number(candidate: str) -> bool:
    """True when ``candidate`` is 11 ASCII digits: a birth date and both check digits right."""
    if len(candidate) != 11 or not candidate.isascii() or not candidate.isdigit():
        return False
    if not _is_birth_date(candidate[:6]):
        return False
    first = _check_digit(candidate[:9], FIRST_WEIGHTS)
    if first is None or first != int(candidate[9]):
        return False
    return _check_digit(candidate[:10], SECOND_WEIGHTS) == int(candidate[10])


class _Comparable(dict):
    """A ``str.translate`` table, filled as characters come: every Unicode digit (full-width,
    Arabic-Indic, …) as its ASCII digit, a format character (Unicode category Cf) or a
    combining mark (Mn, Me: an underline or a keycap on each digit) as nothing, every
    other space as a space."""

    def __missing__(self, code: int) -> str | int | None:
        character = chr(code)
        digit = unicodedata.decimal(character, None)
        category = unicodedata.category(character)
        if digit is not None:
            found: str | int | None = str(digit)
        elif category in ("Cf", "Mn", "Me"):
            found = None
        elif category.startswith("Z"):
            found = " "
        else:
            found = code
        self[code] = found
        return found


_COMPARABLE = _Comparable()


def comparable(text: str) -> str:
    """``text`` as the search reads it: ASCII digits, no invisible characters, and one space
    for each run of spaces, line breaks and control characters."""
    if not text.isascii():
        text = text.translate(_COMPARABLE)
    return BLANKS.sub(" ", text)


def holds_identity_number(text: str, *, lost_zero: bool = True) -> bool:
    """True when ``text`` holds an identity number in any of the ways it is written.

    ``lost_zero``: a run of exactly ten digits counts too when a leading zero makes it one,
    as Excel writes a number typed into a cell of the General format. Not asked of a
    file's id column: year-numbered ids (2024012345) read as a birth date on the 2nd of
    February once a zero is put before them, and about one in 121 of them would pass both
    check digits, so a year's AMK export would be refused for numbers that are no one's."""
    text = comparable(text)
    written = ["".join(match.groups()) for match in WRITTEN.finditer(text)]
    grouped = [match.expand(r"\1\3\4\5") for match in GROUPED.finditer(text)]
    runs = [*DIGIT_RUN.findall(text), *grouped] if lost_zero else []
    padded = ["0" + run for run in runs if len(run) == 10]
    return any(is_identity_number(candidate) for candidate in (*written, *grouped, *padded))


def may_hold_identity_number(text: str | None) -> bool:
    """A cheap first look: ten digits or more, however written (messages never quote such
    a text, identity number or not)."""
    if text is None:
        return False
    text = comparable(text)
    return MAYBE.search(text) is not None or GROUPED.search(text) is not None


MAYBE = re.compile(rf"[0-9]{{2}}{_SEP}[0-9]{{2}}{_SEP}[0-9]{{2}}{_SEP}[0-9]{{3}}{_SEP}[0-9]")

# The same first look in SQL (RE2), so that a million cells are searched inside DuckDB;
# \p{Nd} is every Unicode digit. It finds at least what the search in Python finds: any
# number of separators, spaces (\p{Z}), control (\p{Cc}), format (\p{Cf}) characters and
# combining marks between the groups, and the invisible ones between any
# two digits.
# The combining marks a text «styler» puts on each character (underline, strikethrough,
# keycap), as ranges: all of \p{Mn} would make the search a fifth slower.
_SQL_MARKS = r"\x{0300}-\x{036F}\x{20D0}-\x{20FF}\x{FE20}-\x{FE2F}"
_SQL_SEP = rf"[{SEPARATORS}\p{{Z}}\p{{Cc}}\p{{Cf}}{_SQL_MARKS}]*"
_SQL_INVISIBLE = rf"[\p{{Cf}}{_SQL_MARKS}]*"


def _sql_digits(count: int) -> str:
    return _SQL_INVISIBLE.join([r"\p{Nd}"] * count)


_SQL_THOUSANDS = rf"[.,'\p{{Z}}\p{{Cc}}\p{{Cf}}{_SQL_MARKS}]*"
_SQL_WRITTEN = _SQL_SEP.join(_sql_digits(count) for count in (2, 2, 2, 3, 1))
_SQL_GROUPED = _SQL_THOUSANDS.join(
    [rf"\p{{Nd}}(?:{_SQL_INVISIBLE}\p{{Nd}})?", *[_sql_digits(3)] * 3]
)
MAYBE_SQL_PATTERN = f"{_SQL_WRITTEN}|{_SQL_GROUPED}"


def maybe_identity_sql(column: str) -> str:
    """True when a cell could hold a candidate; cheap enough to ask of every cell.

    The length test (bytes, cheaper than characters) spares the regular expression for the
    many short cells: a candidate has at least ten digits."""
    return f"(strlen({column}) >= 10 AND regexp_matches({column}, $maybe_identity))"


def maybe_identity_in_any_sql(cells: list[str]) -> str:
    """True when any of ``cells`` could hold a candidate, in one search per row.

    The cells long enough to hold one are joined by a private-use character (U+E000), which
    is neither digit nor separator, so no match can span two cells: one search finds what a
    search of each would, at a fraction of the cost."""
    if not cells:
        return "false"
    long_cells = ", ".join(f"CASE WHEN strlen({cell}) >= 10 THEN {cell} END" for cell in cells)
    return maybe_identity_sql(f"concat_ws(chr({CELL_JOINER}), {long_cells})")


CELL_JOINER = 0xE000


def shown_file_name(name: str) -> str:
    """A file name as messages may show it: readable, and never one holding an identity
    number."""
    name = readable_name(name)
    return "(filnavnet vises ikke)" if holds_identity_number(name) else printable(name)
