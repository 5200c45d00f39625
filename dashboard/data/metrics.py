"""The figures of one period together, and the command line's ``metrics --json`` document.

:func:`period_metrics` gathers the typed figures, :func:`compared_metrics` those of a period
and its comparison at once (the command line and the brief); :func:`document` only
serialises them in the contract's keys and rounding.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from dashboard.data import figures
from dashboard.data.costs import CostModel, CostSharing, share_costs
from dashboard.data.two_connections import read_all
from dashboard.data.values import Filters, one_decimal
from dashboard.data.vocabulary import DRIVER_ROLES, OWNERS


@dataclass(frozen=True)
class PeriodMetrics:
    filters: Filters
    activities: figures.ActivityTotals
    task_mix: list[figures.TaskMixRow]
    outcomes: list[figures.OutcomeRow]
    callouts: figures.CalloutCounts
    by_resource: list[figures.ResourceRow]
    car: figures.CarUse
    utilisation: figures.Utilisation
    preventive_visits: figures.PreventiveVisits
    goals: list[figures.PlanStatus]
    freshness: figures.Freshness
    owner_hours: dict[str, float]
    cost_sharing: CostSharing


def period_metrics(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    model: CostModel | None = None,
    visits_target: float = figures.DEFAULT_VISITS_TARGET_PER_WEEK,
) -> PeriodMetrics:
    return periods_metrics(con, [filters], model, visits_target)[0]


def compared_metrics(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    model: CostModel | None = None,
    visits_target: float = figures.DEFAULT_VISITS_TARGET_PER_WEEK,
) -> tuple[PeriodMetrics, PeriodMetrics | None]:
    """The period's figures and its comparison's (None when it is compared with nothing)."""
    compared = filters.comparison()
    if compared is None:
        return period_metrics(con, filters, model, visits_target), None
    now, before = periods_metrics(con, [filters, compared], model, visits_target)
    return now, before


def periods_metrics(
    con: duckdb.DuckDBPyConnection,
    periods: list[Filters],
    model: CostModel | None = None,
    visits_target: float = figures.DEFAULT_VISITS_TARGET_PER_WEEK,
) -> list[PeriodMetrics]:
    """Each period's figures; their queries, all at once, shared out between ``con`` and a
    cursor of it (``two_connections.read_all``)."""
    model = model or CostModel()
    reads = [_reads(filters, model) for filters in periods]
    results = iter(read_all(con, periods[0].staffed, [r for each in reads for r in each.values()]))
    return [
        _assembled(filters, model, visits_target, {name: next(results) for name in each})
        for filters, each in zip(periods, reads, strict=True)
    ]


def _reads(filters: Filters, model: CostModel) -> dict[str, Callable]:
    """The queries of one period's figures, by name; the other figures are worked out from
    what they return."""
    return {
        "activities": lambda con: figures.activity_totals(con, filters),
        "task_mix": lambda con: figures.task_mix(con, filters),
        "staffed": lambda con: figures.staffed_hours(con, filters),
        "car": lambda con: figures.car_use(con, filters),
        "owner_hours": lambda con: figures.owner_hours(con, filters, model.owner_by_service),
        "outcomes": lambda con: figures.outcomes(con, filters),
        "callouts": lambda con: figures.callout_counts(con, filters),
        "by_resource": lambda con: figures.callouts_by_resource(con, filters),
        "goals": lambda con: figures.goal_status(con, filters.end),
        "freshness": lambda con: figures.freshness(con, filters.staffed),
    }


def _assembled(
    filters: Filters, model: CostModel, visits_target: float, read: dict
) -> PeriodMetrics:
    staffed = read["staffed"]
    return PeriodMetrics(
        filters=filters,
        activities=read["activities"],
        task_mix=read["task_mix"],
        outcomes=read["outcomes"],
        callouts=read["callouts"],
        by_resource=read["by_resource"],
        car=read["car"],
        utilisation=figures.utilisation_of(read["activities"], staffed),
        preventive_visits=figures.preventive_visits_among(read["task_mix"], filters, visits_target),
        goals=read["goals"],
        freshness=read["freshness"],
        owner_hours=read["owner_hours"],
        cost_sharing=share_costs(filters, model, staffed, read["owner_hours"], read["car"]),
    )


def number(value: float | None) -> float | int:
    """Minutes and hours as JSON likes them: one decimal, whole numbers as ints."""
    rounded = one_decimal(value)
    return int(rounded) if rounded.is_integer() else rounded


def _day(value) -> str | None:
    return value.isoformat() if value is not None else None


def _trips(count: figures.TripCount) -> dict:
    return {"trips": count.trips, "minutes": number(count.minutes)}


def _period_document(m: PeriodMetrics) -> dict:
    car, callouts = m.car, m.callouts
    return {
        "period": {"from": m.filters.start.isoformat(), "to": m.filters.end.isoformat()},
        "activities": {
            "count": m.activities.count,
            "minutes": number(m.activities.minutes),
            "km": one_decimal(m.activities.km),
        },
        "task_mix": [
            {
                "subproject": r.subproject,
                "task": r.category,
                "count": r.count,
                "minutes": number(r.minutes),
            }
            for r in m.task_mix
        ],
        "outcomes": [
            {"outcome": r.outcome, "count": r.count, "minutes": number(r.minutes)}
            for r in m.outcomes
        ],
        "callouts": {
            "total": callouts.total,
            "acute": callouts.acute,
            "acute_with_doctor": callouts.acute_with_doctor,
            "acute_doctor_share": callouts.acute_doctor_share,
            "by_resource": [
                {"resource": r.resource, "total": r.total, "acute": r.acute} for r in m.by_resource
            ],
        },
        "car_after_22": _trips(car.after_hours),
        "car_outside_staffed": _trips(car.outside_staffed)
        | {
            "by_role": {
                role: _trips(car.outside_staffed_by_role[role])
                for role in sorted(DRIVER_ROLES, reverse=True)
            }
        },
        "utilisation": {
            "task_hours": one_decimal(m.utilisation.task_hours),
            "staffed_hours": one_decimal(m.utilisation.staffed_hours),
            "share": m.utilisation.share,
        },
        "preventive_visits": {
            "count": m.preventive_visits.count,
            "per_week": one_decimal(m.preventive_visits.per_week),
            "target_per_week": m.preventive_visits.target_per_week,
        },
        "goals": [
            {
                "plan": g.plan,
                "status_1": g.status_1,
                "status_2": g.status_2,
                "status_3": g.status_3,
                "assessed_without_scale": g.assessed_without_scale,
                "not_assessed": g.not_assessed,
            }
            for g in m.goals
        ],
        "freshness": {
            "activity": _day(m.freshness.activity),
            "callouts": _day(m.freshness.callouts),
            "carlog": _day(m.freshness.carlog),
            "goals": _day(m.freshness.goals),
        },
        "owner_hours": {owner: one_decimal(m.owner_hours[owner]) for owner in OWNERS},
        "cost_sharing": _cost_document(m.cost_sharing),
    }


def _cost_document(sharing: CostSharing) -> dict:
    return {
        "car_cost": sharing.car_cost,
        "staff_cost": sharing.staff_cost,
        "car_minutes_outside_staffed_hours": one_decimal(sharing.doctor_minutes_outside_staffed),
        "car_minutes": one_decimal(sharing.car_minutes),
        "rules": [
            {
                "rule": p.rule.key,
                "name": p.rule.name,
                "municipality": p.municipality,
                "health_trust": p.health_trust,
            }
            for p in sharing.payments
        ],
    }


def document(now: PeriodMetrics, comparison: PeriodMetrics | None) -> dict:
    """The ``metrics --json`` document: the period, and the comparison period if any."""
    result = _period_document(now)
    if comparison is not None:
        result["comparison"] = _period_document(comparison)
    return result
