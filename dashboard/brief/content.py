"""What goes into the brief: the figures for a period and the one before it, fetched once.

Everything comes from :mod:`dashboard.data.figures` and :mod:`dashboard.data.metrics`;
this module computes nothing, it only gathers the results the sections present.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from dashboard.data import figures
from dashboard.data.costs import CostModel
from dashboard.data.goal_indicators import GoalIndicator, goal_indicators
from dashboard.data.metrics import PeriodMetrics, period_metrics
from dashboard.data.store import Freshness, Store
from dashboard.data.values import Filters, months_between
from dashboard.settings import Preferences


@dataclass(frozen=True)
class BriefContent:
    filters: Filters
    now: PeriodMetrics
    before: PeriodMetrics
    months: list[date]
    acute_months: list[figures.AcuteMonth]
    car_months: list[figures.RoleMonth]
    owner_months: dict[date, dict[str, float]]
    goals: list[dict]
    rounds: figures.GoalRounds
    goal_changes: list[dict]
    imports: list[dict]
    freshness: Freshness
    threshold: int
    cost_model: CostModel
    is_demo: bool
    # The words each plan uses for the 1–3 scale, and the figures goals are tied to.
    plan_words: list[figures.PlanWords]
    goal_indicators: dict[str, GoalIndicator]

    @property
    def previous(self) -> Filters:
        return self.before.filters


def collect(
    store: Store, con: duckdb.DuckDBPyConnection, filters: Filters, prefs: Preferences
) -> BriefContent:
    """Every figure the brief shows, from ``con`` (a cursor of ``store`` for this thread)."""
    on_cursor = Store(con, store.path, read_only=True)  # provenance on this thread's cursor
    rounds = figures.goal_rounds(con, filters.end)
    changes = figures.goal_changes(con, rounds.previous, filters.end) if rounds.previous else []
    model, target = prefs.cost_model, prefs.visits_target_per_week
    months = months_between(filters.start, filters.end)
    goals = figures.goals_as_of(con, filters.end)
    return BriefContent(
        filters=filters,
        now=period_metrics(con, filters, model, target),
        before=period_metrics(con, filters.previous(), model, target),
        months=months,
        acute_months=figures.acute_by_month(figures.callout_months(con, filters), months),
        car_months=figures.after_hours_by_month(
            figures.car_after_hours_months(con, filters), months
        ),
        owner_months=figures.owner_hours_by_month(
            figures.owner_months(con, filters, model.owner_by_service)
        ),
        goals=goals,
        rounds=rounds,
        goal_changes=changes,
        imports=on_cursor.imports(),
        freshness=on_cursor.freshness(),
        threshold=prefs.suppression_threshold,
        cost_model=model,
        is_demo=on_cursor.is_demo,
        plan_words=figures.plan_scale_words(con, filters.end),
        goal_indicators=goal_indicators(con, filters, goals),
    )
