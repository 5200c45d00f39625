"""The demo database's follow-up log: three made-up steering-group meetings before «today».

Dates are days before the demo's last day, so the log stays as current as the demo data:
one item is overdue, one was closed since the last meeting, one was dropped.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb

from dashboard.data.followup import ItemState, add_item, change_item

DEMO_USER = "demo"

# (days before the last day of the meeting, text, kind, responsible, deadline in days
# before the last day or None, then changes: (days before, status, comment)).
MEETINGS = (
    (
        150,
        (
            ("Helsevaktbilen videreføres i ordinær drift ut året", "decision", "Styringsgruppen"),
            ("Kartlegge legevaktlegens bruk av bilen etter kl. 22", "action", "Prosjektleder"),
            ("Utrede kostnadsdeling for leasing av bilen", "action", "Kommunedirektør Røros"),
        ),
    ),
    (
        70,
        (
            (
                "Forebyggende hjemmebesøk prioriteres ned når oppdragene blir mange",
                "decision",
                "Styringsgruppen",
            ),
            ("Lage rutine for oppdrag fra HBO-rapporten kl. 14", "action", "Avdelingsleder HBO"),
            (
                "Hente tall for unngåtte innleggelser fra St. Olavs hospital",
                "action",
                "Prosjektleder",
            ),
            ("Invitere Røyrvik til erfaringsutveksling", "action", "Prosjektleder"),
        ),
    ),
    (
        14,
        (
            ("Bemanning kl. 10–23 på hverdager beholdes", "decision", "Styringsgruppen"),
            (
                "Melde helsevaktbilen inn som sak i helsefellesskapet",
                "action",
                "Kommunedirektør Røros",
            ),
        ),
    ),
)
DEADLINES = {
    "Kartlegge legevaktlegens bruk av bilen etter kl. 22": 105,
    "Utrede kostnadsdeling for leasing av bilen": 77,
    "Lage rutine for oppdrag fra HBO-rapporten kl. 14": 40,
    "Hente tall for unngåtte innleggelser fra St. Olavs hospital": -30,
    "Invitere Røyrvik til erfaringsutveksling": 30,
    "Melde helsevaktbilen inn som sak i helsefellesskapet": -45,
}
CHANGES = {
    "Kartlegge legevaktlegens bruk av bilen etter kl. 22": (
        110,
        "done",
        "Lagt fram i møtet: 291 turer etter kl. 22 hittil i år",
    ),
    "Invitere Røyrvik til erfaringsutveksling": (
        50,
        "dropped",
        "Tas i helsefellesskapets samling i stedet",
    ),
    "Lage rutine for oppdrag fra HBO-rapporten kl. 14": (
        8,
        "done",
        "Rutinen er tatt i bruk",
    ),
}


def add_demo_log(con: duckdb.DuckDBPyConnection, last_day: date) -> int:
    """The demo meetings' items, with the changes made since; how many items."""
    added = 0
    for days_before, items in MEETINGS:
        meeting = last_day - timedelta(days=days_before)
        for text, kind, responsible in items:
            deadline = DEADLINES.get(text)
            state = ItemState(
                kind=kind,
                responsible=responsible,
                deadline=None if deadline is None else last_day - timedelta(days=deadline),
                status="done" if kind == "decision" else "open",
            )
            item_id = add_item(con, meeting, text, state, DEMO_USER)
            if text in CHANGES:
                changed, status, comment = CHANGES[text]
                changed_state = ItemState(kind, responsible, state.deadline, status, comment)
                changed_on = last_day - timedelta(days=changed)
                change_item(con, item_id, changed_on, changed_state, DEMO_USER)
            added += 1
    return added
