"""Cost sharing under each rule, checked against figures worked out by hand."""

from datetime import date

import pytest

from dashboard import settings
from dashboard.data import rollups
from dashboard.data.costs import CostModel, CostSharing, cost_sharing
from dashboard.data.figures import TripCount, car_use, staffed_hours
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.data.vocabulary import default_owner_by_service

# Monday 4 to Sunday 10 March 2024: 7 days, 5 weekdays of 12 staffed hours = 60 hours.
WEEK = Filters(date(2024, 3, 4), date(2024, 3, 10))
# 365 000 a year is 1 000 a day: 7 000 for the week; staff 60 h × 500 = 30 000.
MODEL = CostModel(car_cost_per_year=365_000, staff_cost_per_hour=500)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "costs.duckdb") as store:
        store.con.executemany(
            "INSERT INTO activities VALUES (?, ?, ?, ?, 2, 'Oppgave', ?, NULL, NULL, NULL, 1)",
            [
                ("hbo", "2024-03-04 14:00", "2024-03-04 17:00", 180, "HBO"),
                ("amk", "2024-03-05 11:00", "2024-03-05 12:00", 60, "AMK"),
                ("other", "2024-03-06 11:00", "2024-03-06 13:00", 120, "Annet"),
            ],
        )
        store.con.executemany(
            "INSERT INTO car_trips VALUES (?, ?, ?, ?, NULL, NULL, 1)",
            [
                # Monday 21–23: one hour staffed, one outside.
                ("t1", "2024-03-04 21:00", "2024-03-04 23:00", "legevaktlege"),
                # Tuesday 11–12: staffed.
                ("t2", "2024-03-05 11:00", "2024-03-05 12:00", "helsevakt"),
                # Wednesday 23:00 to Thursday 01:00: two hours outside.
                ("t3", "2024-03-06 23:00", "2024-03-07 01:00", "legevaktlege"),
                # Saturday noon: the weekend is outside staffed time.
                ("t4", "2024-03-09 12:00", "2024-03-09 13:00", "legevaktlege"),
            ],
        )
        yield store


def payments(sharing: CostSharing) -> dict[str, tuple[int, int]]:
    return {p.rule.key: (p.municipality, p.health_trust) for p in sharing.payments}


def test_staffed_hours_count_weekdays_only(store):
    assert staffed_hours(store.con, WEEK) == 60


def test_public_holidays_are_not_staffed(store):
    # Monday 25 to Sunday 31 March 2024: Maundy Thursday (28th) and Good Friday (29th) are
    # public holidays, so 3 staffed weekdays × 12 h = 36 hours, not 60.
    assert staffed_hours(store.con, Filters(date(2024, 3, 25), date(2024, 3, 31))) == 36


def test_car_minutes_outside_staffed_time_include_evenings_nights_and_weekends(store):
    use = car_use(store.con, WEEK)
    assert (use.all.minutes, use.outside_staffed.minutes) == (360.0, 240.0)


def test_period_costs(store):
    sharing = cost_sharing(store.con, WEEK, MODEL)
    assert (sharing.car_cost, sharing.staff_cost) == (7_000, 30_000)


def test_by_share_of_hours(store):
    # Municipality 3 h + half of 2 shared = 4 of 6 hours: 2/3 of 37 000 = 24 666,67.
    assert payments(cost_sharing(store.con, WEEK, MODEL))["hours_share"] == (24_667, 12_333)


def test_municipality_pays_the_car(store):
    assert payments(cost_sharing(store.con, WEEK, MODEL))["municipality_pays_car"] == (
        7_000,
        30_000,
    )


def test_municipality_pays_the_car_by_its_use_outside_staffed_hours(store):
    # 240 of 360 car minutes are outside staffed time: 2/3 of 7 000 = 4 666,67.
    assert payments(cost_sharing(store.con, WEEK, MODEL))["car_by_use_outside_staffed_hours"] == (
        4_667,
        32_333,
    )


def test_only_the_doctors_use_outside_staffed_hours_counts_for_the_car_rule(store):
    # The helsevakt drives on Sunday 10 March 10:00–12:00: 120 minutes outside staffed time,
    # but not the legevakt doctor's. Outside staffed time is now 360 of 480 car minutes, the
    # doctor's part still 240: 240/480 of 7 000 = 3 500 for the municipality, and
    # 3 500 + 30 000 = 33 500 for the health trust.
    store.con.execute(
        "INSERT INTO car_trips VALUES "
        "('t5', '2024-03-10 10:00', '2024-03-10 12:00', 'helsevakt', NULL, NULL, 1)"
    )
    rollups.rebuild(store.con, WEEK.staffed)
    use = car_use(store.con, WEEK)
    assert use.outside_staffed == TripCount(4, 360.0)
    assert use.outside_staffed_by_role["legevaktlege"] == TripCount(3, 240.0)
    sharing = cost_sharing(store.con, WEEK, MODEL)
    assert sharing.doctor_minutes_outside_staffed == 240.0
    assert payments(sharing)["car_by_use_outside_staffed_hours"] == (3_500, 33_500)


def test_the_owner_mapping_is_editable(store):
    mapping = default_owner_by_service() | {"Annet": "health_trust"}
    model = CostModel(365_000, 500, mapping)
    # Municipality 3 of 6 hours: half of 37 000.
    assert payments(cost_sharing(store.con, WEEK, model))["hours_share"] == (18_500, 18_500)


def test_cost_model_and_owners_are_read_from_the_shared_settings_file():
    path = settings.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[cost]\ncar_per_year=250000\nstaff_per_hour=650,5\n[owners]\npsykiatri_rus=shared\n",
        encoding="utf-8",
    )
    model = settings.cost_model()
    assert (model.car_cost_per_year, model.staff_cost_per_hour) == (250_000, 650.5)
    assert model.owner_by_service["Psykiatri/rus"] == "shared"
    assert model.owner_by_service["HBO"] == "municipality"


def test_defaults_follow_the_evaluation():
    model = settings.cost_model()
    assert model.car_cost_per_year == 300_000
    assert model.owner_by_service == default_owner_by_service()
