"""The real events and reference figures DOMAIN.md states, for the demo database.

Only what the project's evaluation says: the project started on 1 January 2018, and the car
ran double shifts at Easter and during Rørosmartnan, which is held in February (the exact
days are not given, so the whole month is marked). The evaluation's figures to compare with
are the target of about three preventive home visits a week and the day ambulance's active
share of working time before the project, «under 10 %» (stored as 10 %, the source says so).
No comparison figure for other municipalities is given, so none is made up.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.easter import easter

from dashboard.data.events import EventInput
from dashboard.data.references import ReferenceInput

PROJECT_START = date(2018, 1, 1)
EVALUATION = "Evalueringen av prosjektet mobil integrert helsetjeneste Røros"

DOMAIN_REFERENCES = (
    ReferenceInput(
        "preventive_visits_per_week",
        "Mål",
        None,
        None,
        3.0,
        f"{EVALUATION}: målet var om lag tre forebyggende hjemmebesøk i uka",
    ),
    ReferenceInput(
        "utilisation_share",
        "Før prosjektet (dagambulansen)",
        None,
        None,
        0.10,
        f"{EVALUATION}: aktiv andel av arbeidstiden «under 10 %» på dagambulansen",
    ),
)


def _february(year: int) -> EventInput:
    last = date(year, 3, 1) - timedelta(days=1)
    return EventInput(date(year, 2, 1), last, "Rørosmartnan i februar (dobbel vakt)")


def _easter(year: int) -> EventInput:
    sunday = easter(year)
    return EventInput(sunday - timedelta(days=3), sunday + timedelta(days=1), "Påske (dobbel vakt)")


def domain_events(last_day: date) -> list[EventInput]:
    """The project start, and Rørosmartnan and Easter every year, up to ``last_day``."""
    start = "Prosjektstart: helsevaktbilen erstatter dagambulansen"
    events = [EventInput(PROJECT_START, None, start)]
    for year in range(PROJECT_START.year, last_day.year + 1):
        events += [_february(year), _easter(year)]
    return sorted(
        (event for event in events if event.start <= last_day), key=lambda event: event.start
    )
