"""What goes into the brief: the figures for a period and the one before it, fetched once.

Everything comes from :mod:`dashboard.data.figures` and :mod:`dashboard.data.metrics`;
this module computes nothing, it only gathers the results the sections present.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from dashboard.data import figures
from dashboard.data.benefits import BenefitEstimate, estimate
from dashboard.data.capacity import Capacity, Preparedness, capacity, preparedness
from dashboard.data.costs import CostModel
from dashboard.data.coverage import ShortSource, short_sources
from dashboard.data.events import Event, events_between
from dashboard.data.gains import Gains, gains
from dashboard.data.goal_indicators import GoalIndicator, goal_indicators
from dashboard.data.grain import bucket_before, buckets, grain_for, regrain
from dashboard.data.metrics import PeriodMetrics, compared_metrics
from dashboard.data.references import ReferenceTable, reference_table
from dashboard.data.store import Freshness, Store
from dashboard.data.values import Filters
from dashboard.settings import Preferences


@dataclass(frozen=True)
class BriefContent:
    filters: Filters
    now: PeriodMetrics
    before: PeriodMetrics | None  # None: compared with nothing
    grain: str  # month, quarter or year: what a row of the series tables is
    buckets: list[date]  # the first day of each month, quarter or year of the period
    acute_months: list[figures.AcuteMonth]  # per bucket, as the series below
    car_months: list[figures.RoleMonth]
    owner_months: dict[date, dict[str, float]]
    by_bucket: dict[date, figures.Headline]  # also the bucket before the first, to compare
    goals: list[dict]
    rounds: figures.GoalRounds
    goal_changes: list[dict]
    imports: list[dict]
    freshness: Freshness
    threshold: int
    cost_model: CostModel
    is_demo: bool
    first_day: date | None  # the first day with any data
    short: dict[str, ShortSource]  # the sources whose data ends before the period
    gains: Gains
    benefit: BenefitEstimate
    capacity: Capacity
    preparedness: Preparedness
    preparedness_before: Preparedness | None  # None without a comparison
    references: ReferenceTable
    events: list[Event]
    # The words each plan uses for the 1–3 scale, and the figures goals are tied to.
    plan_words: list[figures.PlanWords]
    goal_indicators: dict[str, GoalIndicator]

    @property
    def previous(self) -> Filters | None:
        """The comparison period, or None when the period is compared with nothing."""
        return self.before.filters if self.before else None

    @property
    def comparison_has_data(self) -> bool:
        """False when the comparison period ends before the data begins (2009–2017 for
        2018–2026): its zeros would read as growth."""
        previous = self.previous
        return (
            previous is not None and self.first_day is not None and (previous.end >= self.first_day)
        )


def collect(
    store: Store, con: duckdb.DuckDBPyConnection, filters: Filters, prefs: Preferences
) -> BriefContent:
    """Every figure the brief shows, from ``con`` (a cursor of ``store`` for this thread)."""
    on_cursor = Store(con, store.path, read_only=True)  # provenance on this thread's cursor
    rounds = figures.goal_rounds(con, filters.end)
    changes = figures.goal_changes(con, rounds.previous, filters.end) if rounds.previous else []
    model, target = prefs.cost_model, prefs.visits_target_per_week
    grain = grain_for(filters.start, filters.end)
    series = buckets(filters.start, filters.end, grain)
    compared = filters.comparison()
    now, before = compared_metrics(con, filters, model, target)
    extent = figures.data_range(con, filters.staffed)
    found = gains(con, filters, model.owner_by_service)
    goals = figures.goals_as_of(con, filters.end)
    return BriefContent(
        filters=filters,
        now=now,
        before=before,
        grain=grain,
        buckets=series,
        acute_months=figures.acute_by_month(
            regrain(figures.callout_months(con, filters), grain), series
        ),
        car_months=figures.after_hours_by_month(
            regrain(figures.car_after_hours_months(con, filters), grain), series
        ),
        owner_months=figures.owner_hours_by_month(
            regrain(figures.owner_months(con, filters, model.owner_by_service), grain)
        ),
        by_bucket=figures.headline_by(
            con,
            filters.with_period(bucket_before(series[0], grain), filters.end),
            grain,
            model.owner_by_service,
        ),
        goals=goals,
        rounds=rounds,
        goal_changes=changes,
        imports=on_cursor.imports(),
        freshness=on_cursor.freshness(),
        threshold=prefs.suppression_threshold,
        cost_model=model,
        is_demo=on_cursor.is_demo,
        first_day=extent[0] if extent else None,
        short=short_sources(now.freshness, filters),
        gains=found,
        benefit=estimate(prefs.benefit_model, found.outcomes),
        capacity=capacity(con, filters, target),
        preparedness=preparedness(con, filters),
        preparedness_before=preparedness(con, compared) if compared else None,
        references=reference_table(con, filters),
        events=events_between(con, filters.start, filters.end),
        plan_words=figures.plan_scale_words(con, filters.end),
        goal_indicators=goal_indicators(con, filters, goals),
    )
