"""Value types every figure takes: staffed hours with their history, and the filters; and
the benefit model's unit values, which the settings hold.

Frozen, hashable and Qt-free: the window builds them on the GUI thread and hands them to the
worker, the command line builds them from its arguments, and the brief receives them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

FIRST_DAY = date(2000, 1, 1)


@dataclass(frozen=True)
class StaffedHours:
    """When the car is staffed on a weekday; outside it the legevakt doctor uses the car."""

    start: time = time(10, 0)
    end: time = time(22, 0)

    @property
    def start_minute(self) -> int:
        return self.start.hour * 60 + self.start.minute

    @property
    def end_minute(self) -> int:
        return self.end.hour * 60 + self.end.minute

    @property
    def minutes(self) -> int:
        return max(0, self.end_minute - self.start_minute)


@dataclass(frozen=True)
class StaffedSchedule:
    """Staffed hours with a history: from each date, these hours (until the next date).

    The project staffed the car 10:00–22:00; ordinary operation later 10:00–23:00. Days
    before the first date take the first hours.
    """

    periods: tuple[tuple[date, StaffedHours], ...] = ((FIRST_DAY, StaffedHours()),)

    def __post_init__(self) -> None:
        if not self.periods:
            raise ValueError("bemannet tid trenger minst én periode")
        ordered = tuple(sorted(self.periods))
        if len({day for day, _ in ordered}) != len(ordered):
            raise ValueError("to perioder for bemannet tid starter samme dag")
        object.__setattr__(self, "periods", ordered)

    @classmethod
    def constant(cls, hours: StaffedHours) -> StaffedSchedule:
        return cls(((FIRST_DAY, hours),))

    def on(self, day: date) -> StaffedHours:
        """The hours in force on ``day``."""
        current = self.periods[0][1]
        for since, hours in self.periods:
            if since > day:
                break
            current = hours
        return current

    @property
    def latest(self) -> StaffedHours:
        return self.periods[-1][1]

    def in_period(self, start: date, end: date) -> tuple[StaffedHours, ...]:
        """The distinct hours in force on some day of ``start``–``end``, oldest first."""
        hours = [self.on(start)] + [h for since, h in self.periods if start < since <= end]
        return tuple(dict.fromkeys(hours))

    def fingerprint(self) -> str:
        """A stable text that changes whenever any day's hours change (rollups keep it)."""
        return ";".join(
            f"{since.isoformat()}={hours.start:%H:%M}-{hours.end:%H:%M}"
            for since, hours in self.periods
        )


COMPARISONS = ("previous", "last-year", "baseline", "none")


@dataclass(frozen=True)
class Comparison:
    """What a period is compared with: the period before (``previous``), the same dates a
    year earlier (``last-year``), a baseline the user names (``baseline``, its days both
    ends included) or nothing (``none``)."""

    kind: str = "previous"
    start: date | None = None
    end: date | None = None

    def __post_init__(self) -> None:
        if self.kind not in COMPARISONS:
            raise ValueError(f"ukjent sammenligning «{self.kind}»")
        if self.kind != "baseline":
            object.__setattr__(self, "start", None)
            object.__setattr__(self, "end", None)
        elif self.start is None or self.end is None:
            raise ValueError("en grunnlinje trenger både første og siste dag")
        elif self.start > self.end:
            raise ValueError(f"grunnlinjen starter {self.start}, etter at den slutter {self.end}")

    @classmethod
    def baseline(cls, start: date, end: date) -> Comparison:
        return cls("baseline", start, end)

    @property
    def shows_change(self) -> bool:
        return self.kind != "none"


@dataclass(frozen=True)
class Filters:
    """A period of whole days (both ends included), optional narrowing, and what the
    period is compared with."""

    start: date
    end: date
    subproject: int | None = None
    municipality: str | None = None
    staffed: StaffedSchedule = field(default_factory=StaffedSchedule)
    compare: Comparison = Comparison()

    def __post_init__(self) -> None:
        if isinstance(self.staffed, StaffedHours):  # the same hours on every day
            object.__setattr__(self, "staffed", StaffedSchedule.constant(self.staffed))

    def params(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "sub": self.subproject,
            "mun": self.municipality,
        }

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def with_period(self, start: date, end: date) -> Filters:
        return replace(self, start=start, end=end)

    def previous(self) -> Filters:
        """The period just before this one: as many whole calendar months when this one is
        whole months (a year compares with the year before), else as many days."""
        end = self.start - timedelta(days=1)
        if self.start.day == 1 and (self.end + timedelta(days=1)).day == 1:
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
            return self.with_period(shift_months(self.start, -months), end)
        return self.with_period(end - (self.end - self.start), end)

    def last_year(self) -> Filters:
        """The same dates one year earlier (29 February becomes the 28th)."""
        return self.with_period(one_year_before(self.start), one_year_before(self.end))

    def comparison(self, kind: str | None = None) -> Filters | None:
        """The period to compare with: as ``kind`` says (``previous``, ``last-year``,
        ``none``), or without it as the filters' own choice says (also a baseline)."""
        if kind is not None and kind != self.compare.kind:
            return replace(self, compare=Comparison(kind)).comparison()
        if self.compare.kind == "baseline":
            return self.with_period(self.compare.start, self.compare.end)
        return {"previous": self.previous, "last-year": self.last_year}.get(
            self.compare.kind, lambda: None
        )()

    def with_comparison(self, compare: Comparison) -> Filters:
        return replace(self, compare=compare)


@dataclass(frozen=True)
class UnitValue:
    """Kroner for each task with one of ``outcomes``, and where that figure comes from."""

    name: str
    kroner: float
    source: str
    outcomes: tuple[str, ...] = ()


@dataclass(frozen=True)
class BenefitModel:
    values: tuple[UnitValue, ...] = ()

    @property
    def is_set(self) -> bool:
        return bool(self.values)


def shift_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after (or before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def one_year_before(day: date) -> date:
    if day.month == 2 and day.day == 29:
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


def months_between(start: date, end: date) -> list[date]:
    """The first day of every month the period touches."""
    months, current = [], date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def round_half_up(value: float | None, places: int = 1) -> float:
    """Rounded as a person checking by hand would (0.25 h → 0.3, not Python's 0.2)."""
    exact = Decimal(repr(value or 0.0))
    return float(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def one_decimal(value: float | None) -> float:
    return round_half_up(value, 1)
