"""A goal tied to a figure the dashboard computes, with a target.

"Flere akutte hendelser i Røros skal ha lege til stede" ↔ the acute doctor share ≥ 60 %.
The goal stores the figure's ``metrics`` key, a comparator and a target; its value for a
period comes from the figure functions (never computed here), beside the value for the
period before, so the Mål view and the brief can show the value and its trend.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from dashboard.data import figures
from dashboard.data.values import Filters

COMPARATORS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
}
SHOWN_COMPARATORS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}


@dataclass(frozen=True)
class Indicator:
    """A figure a goal can be tied to; ``share`` figures are fractions (0.6 = 60 %)."""

    key: str
    label: str
    is_share: bool
    value: Callable[[duckdb.DuckDBPyConnection, Filters], float | None]


INDICATORS: dict[str, Indicator] = {
    indicator.key: indicator
    for indicator in (
        Indicator(
            "acute_doctor_share",
            "Andel akutte utrykninger med lege",
            True,
            lambda con, f: figures.callout_counts(con, f).acute_doctor_share,
        ),
        Indicator(
            "preventive_visits_per_week",
            "Forebyggende hjemmebesøk per uke",
            False,
            lambda con, f: figures.preventive_visits(con, f).per_week,
        ),
        Indicator(
            "utilisation_share",
            "Andel av bemannet tid med oppgaver",
            True,
            lambda con, f: figures.utilisation(con, f).share,
        ),
        Indicator(
            "car_after_22_trips",
            "Turer med bilen etter kl. 22",
            False,
            lambda con, f: float(figures.car_use(con, f).after_hours.trips),
        ),
        Indicator(
            "activities_count",
            "Oppgaver utført",
            False,
            lambda con, f: float(figures.activity_totals(con, f).count),
        ),
    )
}


@dataclass(frozen=True)
class GoalIndicator:
    """A goal's indicator in a period: its value, the previous period's, and the target."""

    key: str
    label: str
    is_share: bool
    comparator: str
    target: float
    value: float | None
    previous: float | None

    @property
    def met(self) -> bool | None:
        if self.value is None:
            return None
        return COMPARATORS[self.comparator](self.value, self.target)

    @property
    def change(self) -> float | None:
        """Value minus the previous period's (None when either is unknown)."""
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


def goal_indicators(
    con: duckdb.DuckDBPyConnection, filters: Filters, goals: list[dict]
) -> dict[str, GoalIndicator]:
    """The indicator of each tied goal (by goal id), each figure computed once per period."""
    values: dict[tuple, float | None] = {}

    def value(key: str, period: Filters) -> float | None:
        known = (key, period.start, period.end)
        if known not in values:
            values[known] = INDICATORS[key].value(con, period)
        return values[known]

    tied = {}
    for goal in goals:
        key = goal.get("indicator")
        if key not in INDICATORS or goal.get("target") is None:
            continue
        indicator = INDICATORS[key]
        tied[goal["goal_id"]] = GoalIndicator(
            key,
            indicator.label,
            indicator.is_share,
            goal.get("comparator") or ">=",
            goal["target"],
            value(key, filters),
            value(key, filters.previous()),
        )
    return tied
