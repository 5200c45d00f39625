"""SQL expressions that read the text of a cell as a date, a number or a vocabulary word.

Formats and words travel as parameters; only column names (quoted) and fixed SQL are spliced.

Two sets of forms: ``CAREFUL`` reads every form the contract lists; ``USUAL`` reads only the
forms a typical export uses, at a fraction of the cost, and gives NULL for the rest. Where
``USUAL`` gives a value it is the value ``CAREFUL`` gives (a test holds them to this), so a
statement using it may stop at a NULL and hand the file to the careful path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dashboard.data.kinds import VOCABULARIES

# Most common form first: every format tried and missed costs about 0.5 s per million cells
# (try_strptime builds an error for each miss). A format must match the whole text, so the
# order never changes a result.
DATETIME_FORMATS = [
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H.%M",
    "%d.%m.%Y kl. %H:%M",
    "%d.%m.%Y kl %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%d/%m/%Y %H:%M",
    "%d.%m.%Y",
    "%Y-%m-%d",
    "%d/%m/%Y",
]
DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%y"]
FIRST_YEAR, LAST_YEAR = 2000, 2099
CLOCK_FORMATS = ["%H:%M:%S", "%H:%M", "%H.%M", "%H"]
MONTH_FORMATS = ["%m.%Y", "%Y-%m", "%m/%Y", "%m-%Y"]


def _summer_time_starts_and_ends() -> tuple[list[datetime], list[datetime]]:
    """Per year FIRST_YEAR–LAST_YEAR, the local wall-clock moments when Norwegian summer time
    begins (02:00 becomes 03:00) and ends (03:00 becomes 02:00), from the time-zone data."""
    oslo = ZoneInfo("Europe/Oslo")
    starts, ends = [], []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        starts.append(datetime.combine(_change_day(year, 3, oslo), time(2)))
        ends.append(datetime.combine(_change_day(year, 10, oslo), time(3)))
    return starts, ends


def _change_day(year: int, month: int, zone: ZoneInfo) -> date:
    """The day in ``month`` the offset changes: the last Sunday in Norway since 1996, and
    the zone data is asked for it (a week of days, not the whole month: start-up is fast)."""
    last = date(year, month, 31)
    for day in (last - timedelta(days=n) for n in range(7)):
        if _offset(day + timedelta(days=1), zone) != _offset(day, zone):
            return day
    raise ValueError(f"ingen sommertidsovergang i {month}/{year}")


def _offset(day: date, zone: ZoneInfo) -> timedelta | None:
    return datetime.combine(day, time(0), tzinfo=zone).utcoffset()


SUMMER_STARTS, SUMMER_ENDS = _summer_time_starts_and_ends()

PARAMETERS: dict[str, object] = {
    "summer_starts": SUMMER_STARTS,
    "summer_ends": SUMMER_ENDS,
    "longest_minutes": 24 * 60,
    "datetime_formats": DATETIME_FORMATS,
    "usual_datetime_format": DATETIME_FORMATS[0],
    "subproject_numbers": [str(number) for number in range(1, 7)],
    "date_formats": DATE_FORMATS,
    "clock_formats": CLOCK_FORMATS,
    "month_formats": MONTH_FORMATS,
}
for _name, _words in VOCABULARIES.items():
    PARAMETERS[f"words_{_name}"] = list(_words)
    PARAMETERS[f"values_{_name}"] = [str(value) for value in _words.values()]


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def cell(column: str) -> str:
    """The trimmed text of a cell, NULL when blank.

    Trimming copies the text; the few cells with a space at either end are the only ones
    that need it, and asking costs much less than the copy."""
    text = quoted(column)
    trimmed = f"CASE WHEN {text} LIKE ' %' OR {text} LIKE '% ' THEN trim({text}) ELSE {text} END"
    return f"nullif({trimmed}, '')"


def untrimmed_cell(column: str) -> str:
    """The text of a cell as it stands, NULL when empty."""
    return f"nullif({quoted(column)}, '')"


def as_datetime(text: str) -> str:
    return plausible(f"try_strptime({text}, $datetime_formats)")


def as_date(text: str) -> str:
    return plausible(f"try_strptime({text}, $date_formats)::DATE")


def as_clock(text: str) -> str:
    """A time of day, accepting ``14:30``, ``14.30`` and ``kl. 14:30``."""
    bare = f"regexp_replace({text}, '^kl\\.?\\s*', '', 'i')"
    # strptime also takes words such as «infinity» and «epoch» as time stamps; a clock time
    # is digits and separators only, so anything else is NULL before it is parsed.
    clock = f"try_strptime({bare}, $clock_formats)"
    digits_and_marks = f"regexp_full_match({bare}, '[0-9]+([:.][0-9]+)*')"
    return f"CASE WHEN {digits_and_marks} THEN {clock}::TIME END"


def as_number(text: str) -> str:
    """Decimal comma or point; spaces as thousands separators; finite numbers only."""
    compact = f"regexp_replace({text}, '[\\s\u00a0]', '', 'g')"
    number = (
        f"try_cast(CASE WHEN {compact} LIKE '%,%' "
        f"THEN replace(replace({compact}, '.', ''), ',', '.') ELSE {compact} END AS DOUBLE)"
    )
    return digits_not_grouped(text, finite(number))


def finite(number: str) -> str:
    return f"CASE WHEN isfinite({number}) THEN {number} END"


def digits_not_grouped(text: str, number: str) -> str:
    """``number`` read from ``text``, NULL when the text groups digits with ``_``: a cast
    reads «12_5» as 125, which no one writing 12,5 or 12.5 meant."""
    return f"CASE WHEN NOT contains({text}, '_') THEN {number} END"


def plausible_year(year: str) -> str:
    return f"CASE WHEN {year} BETWEEN {FIRST_YEAR} AND {LAST_YEAR} THEN {year} END"


def plausible(moment: str) -> str:
    """A date or time stamp, NULL outside the years an export can speak of (typos)."""
    return f"CASE WHEN year({moment}) BETWEEN {FIRST_YEAR} AND {LAST_YEAR} THEN {moment} END"


def _this_year(moments: str, moment: str) -> str:
    return f"${moments}[year({moment}) - {FIRST_YEAR - 1}]"


def summer_time(moment: str) -> str:
    """1 when a local (Oslo) wall-clock moment is in summer time, else 0."""
    begins, ends = _this_year("summer_starts", moment), _this_year("summer_ends", moment)
    return f"coalesce(({moment} >= {begins} AND {moment} < {ends})::INTEGER, 0)"


def clock_change_minutes(start: str, end: str) -> str:
    """Minutes to add to the wall-clock difference from ``start`` to ``end`` to count real
    minutes: -60 across the spring change, +60 across the autumn one.

    The clocks change in March and October only; asking the month first spares the rest
    of the year the look-up (the one-pass import reads a million rows)."""
    changes = f"month({start}) IN (3, 10) OR month({end}) IN (3, 10)"
    return f"CASE WHEN {changes} THEN 60 * ({summer_time(start)} - {summer_time(end)}) ELSE 0 END"


def in_spring_gap(moment: str) -> str:
    """True for a wall-clock time that does not exist: 02:00–02:59 the night summer time
    begins, when the clocks go from 02:00 to 03:00 (the hour is asked first: it is cheap)."""
    begins = _this_year("summer_starts", moment)
    return (
        f"(hour({moment}) = 2 AND {moment} >= {begins} AND {moment} < {begins} + INTERVAL 1 HOUR)"
    )


def as_word(text: str, vocabulary: str) -> str:
    """The canonical value of a word in a vocabulary (see kinds.VOCABULARIES), or NULL."""
    return f"$values_{vocabulary}[list_position($words_{vocabulary}, lower({text}))]"


def as_subproject(text: str) -> str:
    """1–6 from ``2``, ``DP2``, ``Delprosjekt 2``, ``2. Samarbeid …`` or the name (never
    from ``2,5``: a number with decimals is no subproject)."""
    number = (
        f"try_cast(regexp_extract(lower({text}), "
        "'^(?:dp|delprosjekt)?\\s*([1-6])(?:[.):]?\\s+[^0-9].*|[.):])?$', 1) AS INTEGER)"
    )
    return f"coalesce({number}, {as_word(text, 'subproject')}::INTEGER)"


def as_month_start(text: str) -> str:
    """``05.2021``, ``2021-05``, ``mai 2021`` or ``per mai 2021`` as the month's first day."""
    numeric = plausible(f"try_strptime({text}, $month_formats)::DATE")
    month_word = f"regexp_extract(lower({text}), {MONTH_WORD_PATTERN}, 1)"
    year = f"try_cast(regexp_extract(lower({text}), {MONTH_WORD_PATTERN}, 2) AS INTEGER)"
    worded = f"make_date({plausible_year(year)}, {as_word(month_word, 'month')}::INTEGER, 1)"
    return f"coalesce({numeric}, {worded})"


MONTH_WORD_PATTERN = "'([a-zæøå]+)\\.?\\s+([0-9]{4})'"


def as_usual_datetime(text: str) -> str:
    """``31.01.2024 14:30`` only; a list of formats costs three times one format."""
    return plausible(f"try_strptime({text}, $usual_datetime_format)")


def as_plain_number(text: str) -> str:
    """``36,9`` or ``36.9``: one decimal mark and nothing else to remove."""
    return digits_not_grouped(text, finite(f"try_cast(replace({text}, ',', '.') AS DOUBLE)"))


def as_subproject_number(text: str) -> str:
    """``1`` to ``6`` only."""
    return f"list_position($subproject_numbers, {text})"


@dataclass(frozen=True)
class Forms:
    """How date-times, numbers and subprojects are read, and how the text of a cell to be
    read so (or as a word) is taken from it.

    ``digit_runs_bounded``: a date-time or subproject text these forms read holds no run of
    more than four digits (``%Y`` takes at most four)."""

    text: Callable[[str], str]
    datetime: Callable[[str], str]
    number: Callable[[str], str]
    subproject: Callable[[str], str]
    digit_runs_bounded: bool


CAREFUL = Forms(cell, as_datetime, as_number, as_subproject, digit_runs_bounded=False)
# Untrimmed: the usual forms read a padded cell as the careful ones read it trimmed, or
# not at all (and the file goes the careful way).
USUAL = Forms(
    untrimmed_cell,
    as_usual_datetime,
    as_plain_number,
    as_subproject_number,
    digit_runs_bounded=True,
)
