"""The names the dashboard uses, each spelled once: keys as stored, labels as shown.

The window translates the English source texts of its own labels; the brief and the command
line print the Norwegian labels here. Anything that names a subproject, a service, an owner,
a driver role, an urgency or an export kind reads it from this module.
"""

from __future__ import annotations

SUBPROJECTS: dict[int, str] = {
    1: "Beredskap og ø-hjelp",
    2: "Samarbeid HBO og sykehjem",
    3: "Individuelle pasientforløp og planer",
    4: "Forebyggende hjemmebesøk",
    5: "Fra prosjekt til drift",
    6: "Kompetanse",
}
PREVENTIVE_VISITS_SUBPROJECT = 4

SERVICES = (
    "AMK",
    "Legevakt",
    "HBO",
    "Sykehjem",
    "Psykiatri/rus",
    "Kreftkoordinator",
    "Ergoterapi",
    "Fastlege",
    "Annet",
)

OWNERS = ("municipality", "health_trust", "shared")
OWNER_LABELS = {"municipality": "Kommunen", "health_trust": "Helseforetaket", "shared": "Delt"}

DRIVER_ROLES = ("helsevakt", "legevaktlege")
ROLE_LABELS = {"helsevakt": "Helsevakt", "legevaktlege": "Legevaktlege"}

URGENCIES = ("akutt", "haster", "vanlig")
ACUTE_URGENCIES = ("akutt", "haster")
URGENCY_LABELS = {"akutt": "Akutt", "haster": "Haster", "vanlig": "Vanlig"}

EXPORT_KINDS = ("activity", "callouts", "carlog", "goals", "actions", "references", "events")
KIND_LABELS = {
    "activity": "Aktivitetslogg",
    "callouts": "Utrykninger",
    "carlog": "Kjørebok",
    "goals": "Målstatus",
    "actions": "Oppfølgingslogg",
    "references": "Referanseverdier",
    "events": "Hendelser",
}


def default_owner_by_service() -> dict[str, str]:
    """AMK is the health trust's, Annet is shared, every other service the municipality's."""
    owners = dict.fromkeys(SERVICES, "municipality")
    owners["AMK"] = "health_trust"
    owners["Annet"] = "shared"
    return owners


# The outcomes (Utfall) the contract names; an export's outcome matching one of them
# case-insensitively is counted under this spelling, any other is kept as written.
OUTCOMES = ("Innleggelse unngått", "Behandlet på stedet", "Innlagt", "Henvist fastlege")
AVOIDED_ADMISSION = "Innleggelse unngått"

# The steering group's follow-up log (oppfølgingslogg): kinds and statuses as stored.
FOLLOWUP_KINDS = ("decision", "action")
FOLLOWUP_KIND_LABELS = {"decision": "Vedtak", "action": "Oppfølging"}
FOLLOWUP_STATUSES = ("open", "done", "dropped")
FOLLOWUP_STATUS_LABELS = {"open": "Åpen", "done": "Utført", "dropped": "Utgår"}

# Kinds 6 and 7 of the contract: reference values and events (data/references.py, events.py).

# The figures a reference value may name: key → Norwegian label. The key is also how the
# figure is spelled in ``metrics --json`` (INDICATOR_PATHS), and either is accepted on import.
INDICATORS: dict[str, str] = {
    "activities_count": "Antall oppgaver",
    "activities_minutes": "Minutter med oppgaver",
    "activities_km": "Kjørte km på oppgaver",
    "acute_callouts": "Akutte utrykninger (akutt og haster)",
    "acute_doctor_share": "Andel akutte utrykninger med lege",
    "car_after_22_trips": "Turer med bilen etter kl. 22",
    "car_after_22_minutes": "Minutter med bilen etter kl. 22",
    "car_outside_staffed_trips": "Turer med bilen utenfor bemannet tid",
    "car_outside_staffed_minutes": "Minutter med bilen utenfor bemannet tid",
    "utilisation_share": "Andel av bemannet tid brukt på oppgaver",
    "preventive_visits_per_week": "Forebyggende hjemmebesøk per uke",
    "avoided_admissions": "Innleggelser unngått",
}
# share: a fraction 0–1 (shown in per cent); count, minutes, km, per_week: plain numbers.
INDICATOR_UNITS: dict[str, str] = {
    "activities_count": "count",
    "activities_minutes": "minutes",
    "activities_km": "km",
    "acute_callouts": "count",
    "acute_doctor_share": "share",
    "car_after_22_trips": "count",
    "car_after_22_minutes": "minutes",
    "car_outside_staffed_trips": "count",
    "car_outside_staffed_minutes": "minutes",
    "utilisation_share": "share",
    "preventive_visits_per_week": "per_week",
    "avoided_admissions": "count",
}
INDICATOR_PATHS: dict[str, str] = {
    "activities_count": "activities.count",
    "activities_minutes": "activities.minutes",
    "activities_km": "activities.km",
    "acute_callouts": "callouts.acute",
    "acute_doctor_share": "callouts.acute_doctor_share",
    "car_after_22_trips": "car_after_22.trips",
    "car_after_22_minutes": "car_after_22.minutes",
    "car_outside_staffed_trips": "car_outside_staffed.trips",
    "car_outside_staffed_minutes": "car_outside_staffed.minutes",
    "utilisation_share": "utilisation.share",
    "preventive_visits_per_week": "preventive_visits.per_week",
    "avoided_admissions": "outcomes.innleggelse_unngatt",
}
# Other names a user may write for an indicator (the brief's and the window's labels).
INDICATOR_ALIASES: dict[str, tuple[str, ...]] = {
    "activities_count": ("Oppgaver utført", "Oppgaver"),
    "activities_minutes": ("Minutter på oppgaver",),
    "acute_callouts": ("Ø-hjelp (akutt og haster)", "Akutte utrykninger", "Ø-hjelp"),
    "acute_doctor_share": ("Andel ø-hjelp med lege", "Andel akutte oppdrag med lege"),
    "utilisation_share": ("Aktiv andel av arbeidstiden", "Utnyttelsesgrad"),
    "preventive_visits_per_week": ("Forebyggende hjemmebesøk i uka",),
    "avoided_admissions": ("Innleggelse unngått", "Unngåtte innleggelser"),
}
