"""The usual forms (the one-pass import) against the careful forms (every form the contract
lists): where the usual forms read a cell at all, they must read it as the careful forms do
(the usual forms skip trimming, too), and what they read whole must hold no run of digits
long enough to be an identity number."""

from __future__ import annotations

import re

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.data.kinds import VOCABULARIES
from dashboard.data.parsing import CAREFUL, PARAMETERS, USUAL, Forms, as_clock

TRICKY = [
    "31.01.2024 14:30",
    " 31.01.2024 14:30",
    "31.01.2024 14:30 ",
    "   ",
    "31.01.2024  14:30",
    "1.1.2024 1:05",
    "31.01.1999 14:30",
    "31.01.2100 00:00",
    "31.01.02024 14:30",
    "29.02.2023 10:00",
    "31.01.2024 24:00",
    "31.01.2024 14:30:00",
    "2024-01-31 14:30",
    "31.01.2024 kl. 14:30",
    "kl. 14:30",
    " kl. 14:30 ",
    " 14:30",
    "14.30",
    "14",
    "0014",
    "140",
    "36,9",
    " 36,9",
    "36,9 ",
    "36.9",
    "1.234,5",
    "1 234,5",
    "1\u00a0234",
    "1,2,3",
    ",5",
    "5.",
    "-5,5",
    "+5",
    "1e5",
    "inf",
    "nan",
    "1_000",
    "0x10",
    "12345678901",
    "3",
    " 3",
    "3 ",
    "03",
    "7",
    "DP3",
    "3. Samarbeid",
    "",
]

PIECES = st.sampled_from(
    ["0", "1", "2", "9", "31", "12", "2024", "1999", ".", ",", ":", " ", "-", "/", "kl.", "e"]
)
TEXTS = st.one_of(st.sampled_from(TRICKY), st.lists(PIECES, max_size=8).map("".join), st.text())


def read(texts: list[str], forms: Forms) -> list[tuple]:
    """Each cell as a date-time, a number, a subproject and a clock time, read in DuckDB."""
    con = duckdb.connect()
    con.execute("CREATE TABLE t AS SELECT unnest($texts) AS cell", {"texts": texts})
    text = forms.text("cell")
    sql = (
        f"SELECT {forms.datetime(text)}, {forms.number(text)}, "
        f"{forms.subproject(text)}, {as_clock(text)} FROM t ORDER BY rowid"
    )
    params = {name: value for name, value in PARAMETERS.items() if f"${name}" in sql}
    return con.execute(sql, params).fetchall()


def longest_digit_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"[0-9]+", text)), default=0)


def assert_usual_agrees_with_careful(texts: list[str]) -> None:
    for text, usual, careful in zip(texts, read(texts, USUAL), read(texts, CAREFUL), strict=True):
        for usual_value, careful_value in zip(usual, careful, strict=True):
            assert usual_value is None or usual_value == careful_value, text
        if any(usual[index] is not None for index in (0, 2, 3)):
            assert longest_digit_run(text) <= 4, text


def test_the_usual_forms_read_the_tricky_texts_as_the_careful_ones_do():
    assert_usual_agrees_with_careful(TRICKY)


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=40))
def test_the_usual_forms_never_read_a_text_differently(texts):
    assert_usual_agrees_with_careful(texts)


def test_the_usual_forms_read_the_common_forms():
    usual = read(["31.01.2024 14:30", "36,9", "36.9", "4"], USUAL)
    assert usual[0][0].isoformat() == "2024-01-31T14:30:00"
    assert (usual[1][1], usual[2][1], usual[3][2]) == (36.9, 36.9, 4)


@pytest.mark.parametrize("vocabulary", sorted(VOCABULARIES))
def test_no_vocabulary_word_holds_a_long_digit_run(vocabulary):
    assert all(longest_digit_run(word) <= 4 for word in VOCABULARIES[vocabulary])


@pytest.mark.parametrize("word", ["INFINITY", "-infinity", "epoch", "allballs"])
def test_a_word_strptime_takes_for_a_time_stamp_is_no_clock_time(word):
    for forms in (USUAL, CAREFUL):
        assert read([word], forms) == [(None, None, None, None)]
