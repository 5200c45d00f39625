"""The benefit model's estimate: what the outcomes are worth, under values the user states.

Beside the cost model. The user sets unit values (kroner per avoided admission, per avoided
ambulance transport, per avoided taxi trip …), each with the source it comes from, and says
which outcomes count towards each: a ``values.BenefitModel``, read with the settings.
There are none by default: then nothing is valued and the window and the brief show counts
only. An estimate is the counted tasks times the unit
values, never a measured saving; it carries what it assumes, so every place that shows it
can print the assumptions beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.data.figures import OutcomeRow
from dashboard.data.gains import Coverage, count_of, coverage
from dashboard.data.values import BenefitModel, UnitValue, round_half_up


@dataclass(frozen=True)
class ValuedLine:
    """One unit value applied: the tasks it counts and what they are worth, in whole kroner."""

    value: UnitValue
    count: int
    amount: int


@dataclass(frozen=True)
class BenefitEstimate:
    """An estimate, not a measured saving: the lines, their sum, and what they assume."""

    lines: tuple[ValuedLine, ...]
    total: int
    coverage: Coverage
    # Outcomes valued by more than one unit value, with those values' names: each task
    # with such an outcome is counted once for every value it is mapped to.
    counted_twice: tuple[tuple[str, tuple[str, ...]], ...]
    # Outcomes recorded in the period that no unit value counts.
    not_valued: tuple[str, ...]

    @property
    def is_set(self) -> bool:
        return bool(self.lines)


def _whole_kroner(amount: float) -> int:
    return int(round_half_up(amount, 0))


def _valued_line(value: UnitValue, outcomes: list[OutcomeRow]) -> ValuedLine:
    count = sum(count_of(outcomes, outcome) for outcome in set(map(str.casefold, value.outcomes)))
    return ValuedLine(value, count, _whole_kroner(count * value.kroner))


def _counted_twice(model: BenefitModel) -> tuple[tuple[str, tuple[str, ...]], ...]:
    names: dict[str, list[str]] = {}
    spelling: dict[str, str] = {}
    for value in model.values:
        for outcome in dict.fromkeys(o.casefold() for o in value.outcomes):
            names.setdefault(outcome, []).append(value.name)
            spelling.setdefault(outcome, next(o for o in value.outcomes if o.casefold() == outcome))
    return tuple((spelling[o], tuple(n)) for o, n in names.items() if len(n) > 1)


def _not_valued(model: BenefitModel, outcomes: list[OutcomeRow]) -> tuple[str, ...]:
    valued = {o.casefold() for value in model.values for o in value.outcomes}
    return tuple(
        row.outcome for row in outcomes if row.outcome and row.outcome.casefold() not in valued
    )


def estimate(model: BenefitModel, outcomes: list[OutcomeRow]) -> BenefitEstimate:
    """The period's outcomes (as :func:`figures.outcomes` counts them) under ``model``."""
    lines = tuple(_valued_line(value, outcomes) for value in model.values)
    return BenefitEstimate(
        lines=lines,
        total=sum(line.amount for line in lines),
        coverage=coverage(outcomes),
        counted_twice=_counted_twice(model),
        not_valued=_not_valued(model, outcomes) if model.is_set else (),
    )
