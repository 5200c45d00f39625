"""The privacy guard: no Norwegian national identity number may enter the database.

A fødselsnummer is 11 digits: a birth date DDMMYY, three individual digits and two mod-11
check digits. A D-number adds 4 to the first digit (day + 40), an H-number 4 to the third
(month + 40). Every cell of the file is searched, named columns or not, and the file name
and sheet names too. People and programs write the number in many ways: split by a space,
two spaces, a dot, a dash or a (narrow) non-breaking space, after the date (``150385
45660``) or inside it (``15.03.85-45660``), in full-width or other Unicode digits, or as
an Excel number that lost its leading zero (10 digits).

Numbers that fail the date or the check digits (incident numbers, mobile numbers) pass.
A candidate is never repeated: messages name only where it is.
"""

from __future__ import annotations

import calendar
import re
import unicodedata

from dashboard.data.problems import readable_name

PRIVACY_MESSAGE = (
    "cellen inneholder et fødselsnummer eller D-nummer; helseopplysninger med "
    "pasientidentitet kan ikke importeres. Fjern det og prøv igjen."
)
FIRST_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2)
SECOND_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

# Between the digit groups of a written number: up to three of these («150385 - 45660»;
# spaces of every width, dot, and every kind of dash: a word processor makes «-» an en dash).
SEPARATORS = " .\\-\u2010\u2011\u2012\u2013\u2014\u2212\u00a0\u202f\u2009\u2007"
_SEP = f"[{SEPARATORS}]{{0,3}}"
# A group may end after the day, the month, the year and the individual digits.
WRITTEN = re.compile(
    rf"(?<![0-9])([0-9]{{2}}){_SEP}([0-9]{{2}}){_SEP}([0-9]{{2}}){_SEP}"
    rf"([0-9]{{3}}){_SEP}([0-9]{{2}})(?![0-9])"
)
DIGIT_RUN = re.compile(r"[0-9]+")


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


def ascii_digits(text: str) -> str:
    """Every Unicode digit (full-width, Arabic-Indic, …) as its ASCII digit."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(character))
        if unicodedata.decimal(character, None) is not None
        else character
        for character in text
    )


def holds_identity_number(text: str) -> bool:
    """True when ``text`` holds an identity number in any of the ways it is written."""
    text = ascii_digits(text)
    written = ("".join(match.groups()) for match in WRITTEN.finditer(text))
    # Excel drops the leading zero of a number stored as a number: 10 digits.
    padded = (run.rjust(11, "0") for run in DIGIT_RUN.findall(text) if len(run) == 10)
    return any(is_identity_number(candidate) for candidate in (*written, *padded))


def may_hold_identity_number(text: str | None) -> bool:
    """A cheap first look: ten digits or more, however written (messages never quote such
    a text, identity number or not)."""
    return text is not None and MAYBE.search(ascii_digits(text)) is not None


MAYBE = re.compile(rf"[0-9]{{2}}{_SEP}[0-9]{{2}}{_SEP}[0-9]{{2}}{_SEP}[0-9]{{3}}{_SEP}[0-9]")

# The same first look in SQL (RE2), so that a million cells are searched inside DuckDB;
# \p{Nd} is every Unicode digit.
_SQL_SEP = f"[{SEPARATORS}]{{0,3}}"
MAYBE_SQL_PATTERN = (
    rf"\p{{Nd}}{{2}}{_SQL_SEP}\p{{Nd}}{{2}}{_SQL_SEP}\p{{Nd}}{{2}}{_SQL_SEP}"
    rf"\p{{Nd}}{{3}}{_SQL_SEP}\p{{Nd}}"
)


def maybe_identity_sql(column: str) -> str:
    """True when a cell could hold a candidate; cheap enough to ask of every cell.

    The length test (bytes, cheaper than characters) spares the regular expression for the
    many short cells: a candidate has at least ten digits."""
    return f"(strlen({column}) >= 10 AND regexp_matches({column}, $maybe_identity))"


def maybe_identity_in_any_sql(cells: list[str]) -> str:
    """True when any of ``cells`` could hold a candidate, in one search per row.

    The cells long enough to hold one are joined by a control character, which no match
    can span, so one search finds what a search of each would, at a fraction of the cost."""
    if not cells:
        return "false"
    long_cells = ", ".join(f"CASE WHEN strlen({cell}) >= 10 THEN {cell} END" for cell in cells)
    return maybe_identity_sql(f"concat_ws(chr(31), {long_cells})")


def shown_file_name(name: str) -> str:
    """A file name as messages may show it: readable, and never one holding an identity
    number."""
    name = readable_name(name)
    return "(filnavnet vises ikke)" if holds_identity_number(name) else name
