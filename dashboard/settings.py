"""Where settings live, and the frozen preferences read from them once per entry point.

The window writes the INI file through ``QSettings`` at :func:`settings_path`; the headless
command line reads the same file with ``configparser``. Keys are ``group/key`` in QSettings
and ``[group] key`` in the file. :func:`read_preferences` parses every value with one parser
each and refuses a bad value with a message naming the key and the file; the window and the
command line call it at start (and the window again after the settings dialog), then pass
the :class:`Preferences` on like any other argument.
"""

from __future__ import annotations

import configparser
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

from dashboard.data.costs import DEFAULT_CAR_COST_PER_YEAR, CostModel
from dashboard.data.figures import DEFAULT_VISITS_TARGET_PER_WEEK
from dashboard.data.store import APP_NAME
from dashboard.data.values import FIRST_DAY, BenefitModel, StaffedHours, StaffedSchedule, UnitValue
from dashboard.data.vocabulary import OWNERS, default_owner_by_service

STAFFED_START = "staffed/start"
STAFFED_END = "staffed/end"
STAFFED_HISTORY = "staffed/history"
SUPPRESSION_THRESHOLD = "privacy/suppress_below"
DEFAULT_SUPPRESSION_THRESHOLD = 5
CAR_COST_PER_YEAR = "cost/car_per_year"
STAFF_COST_PER_HOUR = "cost/staff_per_hour"
VISITS_TARGET = "capacity/visits_per_week"

Reader = Callable[[str], str | None]


class SettingsError(ValueError):
    """A value in the settings file that cannot be read; the message says which and where."""


def settings_path() -> Path:
    """The INI file; ``HELSEVAKT_CONFIG_DIR`` overrides its folder (tests, portable use)."""
    override = os.environ.get("HELSEVAKT_CONFIG_DIR")
    if override:
        return Path(override) / f"{APP_NAME}.ini"
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / f"{APP_NAME}.ini"


def file_reader(path: Path | None = None) -> Reader:
    """A reader of the INI file, parsed once."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path or settings_path(), encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError) as error:
        raise SettingsError(
            f"innstillingsfilen {path or settings_path()} kan ikke leses; rett eller slett den"
        ) from error

    def read(key: str) -> str | None:
        group, _, name = key.rpartition("/")
        value = parser.get(group or "General", name, fallback=None)
        return None if value is None else ini_text(value)

    return read


INI_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", ";": ";", ",": ",", "=": "="}
INI_ESCAPE = re.compile(r'\\x([0-9a-fA-F]{1,4})|\\(.)|"', re.DOTALL)


def ini_text(raw: str) -> str:
    """A value as the window's ``QSettings`` wrote it, read back: it puts a text holding a
    comma, semicolon or equals sign in quotes and escapes quotes, backslashes and line
    breaks. A value written by hand without quotes or backslashes is read as written."""

    def unescaped(match: re.Match) -> str:
        if match.group(1):
            return chr(int(match.group(1), 16))
        if match.group(2) is not None:
            return INI_ESCAPES.get(match.group(2), match.group(0))
        return ""

    text = INI_ESCAPE.sub(unescaped, raw)
    return text[1:] if text.startswith("@@") else text


def read_value(key: str) -> str | None:
    return file_reader()(key)


def _bad(key: str, text: str, expected: str) -> SettingsError:
    return SettingsError(
        f"innstillingen {key} = «{text}» i {settings_path()} kan ikke brukes: {expected}"
    )


def parse_clock(text: str) -> time:
    """``"22:00"`` or ``"22"`` as a time of day."""
    hours, _, minutes = text.strip().partition(":")
    return time(int(hours), int(minutes or 0))


def _clock(read: Reader, key: str, default: time) -> time:
    text = read(key)
    if not text:
        return default
    try:
        return parse_clock(text)
    except ValueError:
        raise _bad(key, text, "forventet et klokkeslett som 22:00") from None


def _span(key: str, text: str) -> StaffedHours:
    """``10:00-22:00`` as staffed hours."""
    start, _, end = text.replace("–", "-").partition("-")
    try:
        hours = StaffedHours(parse_clock(start), parse_clock(end))
    except ValueError:
        raise _bad(key, text, "forventet f.eks. 2018-01-01=10:00-22:00") from None
    if hours.minutes <= 0:
        raise _bad(key, text, "bemannet tid må slutte etter at den begynner")
    return hours


def staffed_hours(read: Reader = read_value) -> StaffedHours:
    """The staffed hours of one day (the settings dialog's two clocks)."""
    default = StaffedHours()
    return StaffedHours(
        _clock(read, STAFFED_START, default.start), _clock(read, STAFFED_END, default.end)
    )


def staffed_schedule(read: Reader = read_value) -> StaffedSchedule:
    """The staffed hours with their history: ``staffed/history`` holds
    ``2018-01-01=10:00-22:00; 2023-01-01=10:00-23:00``; without it, one span for all days."""
    text = read(STAFFED_HISTORY)
    if not text:
        return StaffedSchedule.constant(staffed_hours(read))
    periods = []
    for part in filter(str.strip, text.split(";")):
        since, _, span = part.strip().partition("=")
        try:
            day = date.fromisoformat(since.strip())
        except ValueError:
            raise _bad(STAFFED_HISTORY, text, "forventet ÅÅÅÅ-MM-DD=TT:MM-TT:MM") from None
        periods.append((max(day, FIRST_DAY), _span(STAFFED_HISTORY, span)))
    try:
        return StaffedSchedule(tuple(periods))
    except ValueError as error:
        raise _bad(STAFFED_HISTORY, text, str(error)) from None


def _number(read: Reader, key: str, default: float) -> float:
    text = read(key)
    if not text:
        return default
    try:
        value = float(text.replace(",", ".").replace(" ", ""))
    except ValueError:
        raise _bad(key, text, "forventet et tall") from None
    if value < 0 or value != value or value == float("inf"):
        raise _bad(key, text, "forventet et tall som ikke er negativt")
    return value


def suppression_threshold(read: Reader = read_value) -> int:
    value = _number(read, SUPPRESSION_THRESHOLD, float(DEFAULT_SUPPRESSION_THRESHOLD))
    if not value.is_integer():
        raise _bad(SUPPRESSION_THRESHOLD, str(read(SUPPRESSION_THRESHOLD)), "forventet et heltall")
    return int(value)


def owner_key(service: str) -> str:
    """The settings key of a service's owner; ``/`` would split a QSettings group."""
    return "owners/" + service.casefold().replace("/", "_")


def owner_by_service(read: Reader = read_value) -> dict[str, str]:
    owners = default_owner_by_service()
    for service in owners:
        chosen = read(owner_key(service))
        if chosen and chosen not in OWNERS:
            raise _bad(owner_key(service), chosen, "forventet " + ", ".join(OWNERS))
        owners[service] = chosen or owners[service]
    return owners


def cost_model(read: Reader = read_value) -> CostModel:
    return CostModel(
        car_cost_per_year=_number(read, CAR_COST_PER_YEAR, DEFAULT_CAR_COST_PER_YEAR),
        staff_cost_per_hour=_number(read, STAFF_COST_PER_HOUR, 0.0),
        owner_by_service=owner_by_service(read),
    )


BENEFIT_GROUP = "benefit_"
MAX_UNIT_VALUES = 20
UNIT_VALUE_FIELDS = ("name", "kroner", "source", "outcomes")
OUTCOME_SEPARATOR = ";"


def benefit_key(number: int, name: str) -> str:
    """``benefit_1/kroner``: one group per unit value, numbered from 1."""
    return f"{BENEFIT_GROUP}{number}/{name}"


def _required(read: Reader, key: str, expected: str) -> str:
    text = (read(key) or "").strip()
    if not text:
        raise _bad(key, "", expected)
    return text


def _kroner(read: Reader, key: str) -> float:
    _required(read, key, "forventet et beløp i kroner, f.eks. 45000")
    return _number(read, key, 0.0)


def unit_value(read: Reader, number: int) -> UnitValue | None:
    """The unit value in group ``benefit_<number>``, or None if the group is empty."""
    if not any(read(benefit_key(number, name)) for name in UNIT_VALUE_FIELDS):
        return None
    outcomes = (read(benefit_key(number, "outcomes")) or "").split(OUTCOME_SEPARATOR)
    return UnitValue(
        name=_required(read, benefit_key(number, "name"), "forventet et navn på verdien"),
        kroner=_kroner(read, benefit_key(number, "kroner")),
        source=_required(
            read, benefit_key(number, "source"), "forventet en kilde: hvor beløpet kommer fra"
        ),
        outcomes=tuple(dict.fromkeys(o.strip() for o in outcomes if o.strip())),
    )


def benefit_model(read: Reader = read_value) -> BenefitModel:
    """The unit values in groups ``benefit_1`` … ``benefit_20``; none by default."""
    found = (unit_value(read, number) for number in range(1, MAX_UNIT_VALUES + 1))
    return BenefitModel(tuple(value for value in found if value is not None))


def visits_target(read: Reader = read_value) -> float:
    """The preventive home visits a week to aim for (the evaluation's three by default)."""
    return _number(read, VISITS_TARGET, DEFAULT_VISITS_TARGET_PER_WEEK)


@dataclass(frozen=True)
class Preferences:
    """Everything a computation needs from the settings, read once."""

    staffed: StaffedSchedule = field(default_factory=StaffedSchedule)
    suppression_threshold: int = DEFAULT_SUPPRESSION_THRESHOLD
    cost_model: CostModel = field(default_factory=CostModel)
    visits_target_per_week: float = DEFAULT_VISITS_TARGET_PER_WEEK
    benefit_model: BenefitModel = field(default_factory=BenefitModel)


def read_preferences(read: Reader | None = None) -> Preferences:
    """The preferences in the settings file (or of ``read``, the window's QSettings)."""
    read = read or file_reader()
    return Preferences(
        staffed=staffed_schedule(read),
        suppression_threshold=suppression_threshold(read),
        cost_model=cost_model(read),
        visits_target_per_week=_number(read, VISITS_TARGET, DEFAULT_VISITS_TARGET_PER_WEEK),
        benefit_model=benefit_model(read),
    )
