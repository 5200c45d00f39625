"""Cost sharing between the municipality and the hospital trust, under named rules.

The hospital trust pays the car and its staff today. For a period, the cost is the car's
share of its annual cost plus the staffed hours at the staff cost per hour; each rule says
who would pay what. Figures come from :mod:`dashboard.data.figures`; nothing is counted here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from dashboard.data.figures import CarUse, car_use, owner_hours, staffed_hours
from dashboard.data.values import Filters, round_half_up
from dashboard.data.vocabulary import default_owner_by_service

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


def _whole_kroner(amount: float) -> int:
    return int(round_half_up(amount, 0))


def _split(total: float, municipality_share: float) -> tuple[int, int]:
    municipality = total * municipality_share
    return _whole_kroner(municipality), _whole_kroner(total - municipality)


@dataclass(frozen=True)
class Payment:
    rule: Rule
    municipality: int
    health_trust: int


@dataclass(frozen=True)
class CostSharing:
    """The period's costs and what each party pays under each rule, in whole kroner."""

    car_cost: int
    staff_cost: int
    staffed_hours: float
    car_minutes: float
    doctor_minutes_outside_staffed: float
    payments: tuple[Payment, ...]

    @property
    def doctor_outside_share(self) -> float:
        return self.doctor_minutes_outside_staffed / self.car_minutes if self.car_minutes else 0.0


def cost_sharing(
    con: duckdb.DuckDBPyConnection, filters: Filters, model: CostModel | None = None
) -> CostSharing:
    model = model or CostModel()
    hours = owner_hours(con, filters, model.owner_by_service)
    return share_costs(filters, model, staffed_hours(con, filters), hours, car_use(con, filters))


def share_costs(
    filters: Filters,
    model: CostModel,
    staffed: float,
    hours: dict[str, float],
    use: CarUse,
) -> CostSharing:
    """The period's costs under every rule, from its staffed hours, the hours each owner
    ordered and the car's use (the figures a caller may already hold)."""
    car_cost = model.car_cost_per_year * filters.days / 365
    staff_cost = staffed * model.staff_cost_per_hour
    # Unrounded: money is shared by the exact hours, not by hours rounded for display.
    hours_total = sum(hours.values())
    hours_share = (
        (hours["municipality"] + hours["shared"] / 2) / hours_total if hours_total else 0.5
    )
    # Only the legevakt doctor's own use outside staffed time is the municipality's.
    doctor = use.outside_staffed_by_role["legevaktlege"].minutes
    outside_share = doctor / use.all.minutes if use.all.minutes else 0.0
    splits = {
        "hours_share": _split(car_cost + staff_cost, hours_share),
        "municipality_pays_car": (_whole_kroner(car_cost), _whole_kroner(staff_cost)),
        "car_by_use_outside_staffed_hours": (
            _whole_kroner(car_cost * outside_share),
            _whole_kroner(car_cost * (1 - outside_share) + staff_cost),
        ),
    }
    return CostSharing(
        car_cost=_whole_kroner(car_cost),
        staff_cost=_whole_kroner(staff_cost),
        staffed_hours=staffed,
        car_minutes=use.all.minutes,
        doctor_minutes_outside_staffed=doctor,
        payments=tuple(Payment(rule, *splits[rule.key]) for rule in RULES),
    )
