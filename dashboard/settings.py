"""Where settings live, readable without Qt.

The window writes them through ``QSettings`` in INI format at :func:`settings_path`; the
headless command line reads the same file with ``configparser``. Keys are ``group/key``
in QSettings and ``[group] key`` in the file.
"""

from __future__ import annotations

import configparser
import os
from collections.abc import Callable
from datetime import time
from pathlib import Path

from dashboard.data.costs import DEFAULT_CAR_COST_PER_YEAR, CostModel
from dashboard.data.figures import OWNERS, StaffedHours, default_owner_by_service
from dashboard.data.store import APP_NAME

STAFFED_START = "staffed/start"
STAFFED_END = "staffed/end"
SUPPRESSION_THRESHOLD = "privacy/suppress_below"
DEFAULT_SUPPRESSION_THRESHOLD = 5
CAR_COST_PER_YEAR = "cost/car_per_year"
STAFF_COST_PER_HOUR = "cost/staff_per_hour"


def settings_path() -> Path:
    """The INI file; ``HELSEVAKT_CONFIG_DIR`` overrides its folder (tests, portable use)."""
    override = os.environ.get("HELSEVAKT_CONFIG_DIR")
    if override:
        return Path(override) / f"{APP_NAME}.ini"
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / f"{APP_NAME}.ini"


def read_value(key: str) -> str | None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(settings_path(), encoding="utf-8")
    group, _, name = key.rpartition("/")
    return parser.get(group or "General", name, fallback=None)


def parse_clock(text: str) -> time:
    """``"22:00"`` or ``"22"`` as a time of day."""
    hours, _, minutes = text.strip().partition(":")
    return time(int(hours), int(minutes or 0))


def staffed_hours(read: Callable[[str], str | None] = read_value) -> StaffedHours:
    """The staffed hours in the settings; the window passes its own ``QSettings`` reader."""
    default = StaffedHours()
    start = read(STAFFED_START)
    end = read(STAFFED_END)
    return StaffedHours(
        parse_clock(start) if start else default.start,
        parse_clock(end) if end else default.end,
    )


def suppression_threshold() -> int:
    value = read_value(SUPPRESSION_THRESHOLD)
    return int(value) if value else DEFAULT_SUPPRESSION_THRESHOLD


def owner_key(service: str) -> str:
    """The settings key of a service's owner; ``/`` would split a QSettings group."""
    return "owners/" + service.casefold().replace("/", "_")


def _number(key: str, default: float) -> float:
    value = read_value(key)
    try:
        return float(value.replace(",", ".")) if value else default
    except ValueError:
        return default


def owner_by_service() -> dict[str, str]:
    owners = default_owner_by_service()
    for service in owners:
        chosen = read_value(owner_key(service))
        if chosen in OWNERS:
            owners[service] = chosen
    return owners


def cost_model() -> CostModel:
    return CostModel(
        car_cost_per_year=_number(CAR_COST_PER_YEAR, DEFAULT_CAR_COST_PER_YEAR),
        staff_cost_per_hour=_number(STAFF_COST_PER_HOUR, 0.0),
        owner_by_service=owner_by_service(),
    )
