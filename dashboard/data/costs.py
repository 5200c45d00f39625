"""Cost sharing between the municipality and the hospital trust, under named rules.

The hospital trust pays the car and its staff today. For a period, the cost is the car's
share of its annual cost plus the staffed hours at the staff cost per hour; each rule says
who would pay what. Figures come from :mod:`dashboard.data.figures`; nothing is counted here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import duckdb

from dashboard.data.figures import (
    OWNERS,
    Filters,
    StaffedHours,
    car_minutes_by_staffing,
    default_owner_by_service,
    owner_hours_monthly,
    round_half_up,
    sum_months,
)

DEFAULT_CAR_COST_PER_YEAR = 300_000.0


@dataclass(frozen=True)
class CostModel:
    """What the car and its staff cost, and which party owns each requesting service."""

    car_cost_per_year: float = DEFAULT_CAR_COST_PER_YEAR
    staff_cost_per_hour: float = 0.0
    owner_by_service: dict[str, str] = field(default_factory=default_owner_by_service)


@dataclass(frozen=True)
class Rule:
    key: str
    name: str
    explanation: str


RULES = (
    Rule(
        "hours_share",
        "Etter andel timer",
        "Hele kostnaden (bil og bemanning) deles etter hvor mange timer hver part har bestilt; "
        "delte timer deles likt.",
    ),
    Rule(
        "municipality_pays_car",
        "Kommunen betaler bilen",
        "Kommunen betaler bilens årskostnad for perioden, fordi legevaktlegen også bruker "
        "bilen; helseforetaket betaler bemanningen.",
    ),
    Rule(
        "car_by_use_outside_staffed_hours",
        "Kommunen betaler bilen etter bruk utenfor bemannet tid",
        "Kommunen betaler den andelen av bilkostnaden som svarer til bilens bruk utenfor "
        "bemannet tid (legevaktlegens bruk); helseforetaket betaler resten og bemanningen.",
    ),
)


def period_days(filters: Filters) -> int:
    return (filters.end - filters.start).days + 1


def staffed_hours_in_period(filters: Filters) -> float:
    """Weekdays in the period times the length of the staffed day."""
    weekdays = sum(
        1
        for offset in range(period_days(filters))
        if (filters.start + timedelta(days=offset)).isoweekday() <= 5
    )
    staffed: StaffedHours = filters.staffed
    return weekdays * max(0, staffed.end_minute - staffed.start_minute) / 60


def _whole_kroner(amount: float) -> int:
    return int(round_half_up(amount, 0))


def _split(total: float, municipality_share: float) -> dict[str, int]:
    municipality = total * municipality_share
    return {
        "municipality": _whole_kroner(municipality),
        "health_trust": _whole_kroner(total - municipality),
    }


def cost_sharing(
    con: duckdb.DuckDBPyConnection, filters: Filters, model: CostModel | None = None
) -> dict:
    """The period's costs and what each party pays under each rule, in whole kroner."""
    model = model or CostModel()
    car_cost = model.car_cost_per_year * period_days(filters) / 365
    staff_cost = staffed_hours_in_period(filters) * model.staff_cost_per_hour
    # Unrounded: money is shared by the exact hours, not by hours rounded for display.
    monthly = owner_hours_monthly(con, filters, model.owner_by_service)
    hours = dict.fromkeys(OWNERS, 0.0) | {
        row["owner"]: row["hours"] for row in sum_months(monthly, ("owner",), ("hours",))
    }
    car = car_minutes_by_staffing(con, filters)
    outside, all_minutes = car["outside"], car["all"]
    hours_total = sum(hours.values())
    shares = {
        "hours_share": (
            (hours["municipality"] + hours["shared"] / 2) / hours_total if hours_total else 0.5
        ),
    }
    outside_share = outside / all_minutes if all_minutes else 0.0
    payments = {
        "hours_share": _split(car_cost + staff_cost, shares["hours_share"]),
        "municipality_pays_car": {
            "municipality": _whole_kroner(car_cost),
            "health_trust": _whole_kroner(staff_cost),
        },
        "car_by_use_outside_staffed_hours": {
            "municipality": _whole_kroner(car_cost * outside_share),
            "health_trust": _whole_kroner(car_cost * (1 - outside_share) + staff_cost),
        },
    }
    return {
        "car_cost": _whole_kroner(car_cost),
        "staff_cost": _whole_kroner(staff_cost),
        "car_minutes_outside_staffed_hours": round(outside, 1),
        "car_minutes": round(all_minutes, 1),
        "rules": [{"rule": rule.key, "name": rule.name, **payments[rule.key]} for rule in RULES],
    }
