"""Recurring phrases, written once for the window and the brief alike."""

from __future__ import annotations

import re
from datetime import date, time

from dashboard.data.values import StaffedHours, StaffedSchedule

NBSP = "\u00a0"
EN_DASH = "\u2013"


def clock(value: time, language: str = "nb") -> str:
    """``kl. 22:00`` in bokmål, ``22:00`` in English."""
    return f"kl.{NBSP}{value:%H:%M}" if language == "nb" else f"{value:%H:%M}"


def staffed_span(hours: StaffedHours, language: str = "nb") -> str:
    """``kl. 10:00–22:00``: one "kl." before the span, never one per end."""
    return f"{clock(hours.start, language)}{EN_DASH}{hours.end:%H:%M}"


def schedule_span(schedule: StaffedSchedule, start: date, end: date, language: str = "nb") -> str:
    """The staffed hours in force in a period; ``kl. 10:00–22:00, senere kl. 10:00–23:00``
    when they changed inside it."""
    later = ", senere " if language == "nb" else ", later "
    return later.join(staffed_span(hours, language) for hours in schedule.in_period(start, end))


ELLIPSIS = "…"


def shorten(value: str | None, limit: int) -> str:
    """``value`` on one line, whole when it fits in ``limit`` characters; else cut at the
    last word boundary before it and marked with "…" (a single word longer than the limit
    is cut inside it, and marked too). Never cut without the mark."""
    if not value:
        return ""
    flat = re.sub(r"\s+", " ", value).strip()
    if len(flat) <= limit:
        return flat
    room = flat[: limit - len(ELLIPSIS) + 1]
    cut = room.rsplit(" ", 1)[0] if " " in room else room[:-1]
    return cut.rstrip(" ,.;:–-") + ELLIPSIS
