"""The privacy guard: no Norwegian national identity number may enter the database.

A fødselsnummer (or D-number, whose first digit is raised by 4) is 11 digits whose last two
are mod-11 check digits. Every cell of the file is searched, named columns or not.
Numbers that fail the check (incident numbers and the like) pass.
"""

from __future__ import annotations

import re

PRIVACY_MESSAGE = (
    "cellen inneholder et fødselsnummer eller D-nummer; helseopplysninger med "
    "pasientidentitet kan ikke importeres. Fjern det og prøv igjen."
)
FIRST_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2)
SECOND_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _check_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    digit = (11 - remainder) % 11
    return None if digit == 10 else digit


def is_identity_number(candidate: str) -> bool:
    """True when ``candidate`` is 11 digits with both check digits right."""
    if len(candidate) != 11 or not candidate.isdigit():
        return False
    first = _check_digit(candidate[:9], FIRST_WEIGHTS)
    if first is None or first != int(candidate[9]):
        return False
    return _check_digit(candidate[:10], SECOND_WEIGHTS) == int(candidate[10])


SPACED = re.compile(r"([0-9]{6}) ([0-9]{5})")
DIGIT_RUN = re.compile(r"[0-9]+")


def holds_identity_number(text: str) -> bool:
    """The Python twin of the SQL scan, for the few cells outside the data table."""
    joined = SPACED.sub(r"\1\2", text)
    return any(
        is_identity_number(run.rjust(11, "0"))
        for run in DIGIT_RUN.findall(joined)
        if len(run) in (10, 11)
    )


def _weighted_sum_sql(token: str, weights: tuple[int, ...]) -> str:
    terms = [f"{w} * (ord(substr({token}, {i}, 1)) - 48)" for i, w in enumerate(weights, 1)]
    return " + ".join(terms)


# The same check in SQL, so that a million cells are searched inside DuckDB.
IDENTITY_NUMBER_SQL = f"""
    (11 - ({_weighted_sum_sql("token", FIRST_WEIGHTS)}) % 11) % 11
        = ord(substr(token, 10, 1)) - 48
    AND (11 - ({_weighted_sum_sql("token", SECOND_WEIGHTS)}) % 11) % 11
        = ord(substr(token, 11, 1)) - 48
"""


def maybe_identity_sql(column: str) -> str:
    """True when a cell could hold a candidate; cheap enough to ask of every cell.

    A candidate is 11 digits, optionally written "DDMMYY NNNNN", or 10 digits, because Excel
    drops the leading zero of a number stored as a number.

    The length test (bytes, cheaper than characters) spares the regular expression for the
    many short cells."""
    return f"(strlen({column}) >= 10 AND regexp_matches({column}, '[0-9]{{6}} ?[0-9]{{4}}'))"


def maybe_identity_in_any_sql(cells: list[str]) -> str:
    """True when any of ``cells`` could hold a candidate, in one search per row.

    The cells long enough to hold one are joined by a control character, which no match
    can span, so one search finds what a search of each would, at a fraction of the cost."""
    if not cells:
        return "false"
    long_cells = ", ".join(f"CASE WHEN strlen({cell}) >= 10 THEN {cell} END" for cell in cells)
    return maybe_identity_sql(f"concat_ws(chr(31), {long_cells})")


def candidate_tokens_sql(column: str) -> str:
    """All maximal digit runs of a cell that could be an identity number, padded to 11."""
    joined = f"regexp_replace({column}, '([0-9]{{6}}) ([0-9]{{5}})', '\\1\\2', 'g')"
    return (
        f"list_transform(list_filter(regexp_extract_all({joined}, '[0-9]+'), "
        "lambda t: length(t) IN (10, 11)), lambda t: lpad(t, 11, '0'))"
    )
