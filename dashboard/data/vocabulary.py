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

EXPORT_KINDS = ("activity", "callouts", "carlog", "goals", "actions")
KIND_LABELS = {
    "activity": "Aktivitetslogg",
    "callouts": "Utrykninger",
    "carlog": "Kjørebok",
    "goals": "Målstatus",
    "actions": "Oppfølgingslogg",
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
