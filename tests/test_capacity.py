"""Capacity and preparedness from exports written by the tests' own export writer: weekend
and public-holiday trips by both roles, staffed hours that change in the middle of the
period, utilisation and preventive visits. Every expected figure is worked out by hand."""

from datetime import date, datetime, time

import pytest
from exports import ExportForm, write_export

from dashboard.data import capacity, figures
from dashboard.data.calendar import public_holidays
from dashboard.data.costs import cost_sharing
from dashboard.data.importer import import_file
from dashboard.data.metrics import document, period_metrics
from dashboard.data.store import Store
from dashboard.data.values import Filters, StaffedHours, StaffedSchedule

# The project's 10:00–22:00, and 10:00–23:00 from 1 May 2024: the change falls mid-period.
SCHEDULE = StaffedSchedule(
    (
        (date(2018, 1, 1), StaffedHours(time(10), time(22))),
        (date(2024, 5, 1), StaffedHours(time(10), time(23))),
    )
)
PERIOD = Filters(date(2024, 4, 1), date(2024, 5, 31), staffed=SCHEDULE)
APRIL, MAY = date(2024, 4, 1), date(2024, 5, 1)


def activity(ident, start, end, subproject, task, service, place="Røros"):
    return {
        "id": ident,
        "start": start,
        "end": end,
        "subproject": subproject,
        "task": task,
        "requested_by": service,
        "municipality": place,
        "outcome": "Behandlet på stedet",
        "km": 10.0,
    }


VISIT = "Forebyggende hjemmebesøk"
ACTIVITIES = [
    activity("A1", datetime(2024, 4, 2, 10), datetime(2024, 4, 2, 12), 2, "Blodprøve", "Fastlege"),
    activity("A2", datetime(2024, 4, 3, 14), datetime(2024, 4, 3, 15, 30), 4, VISIT, "Ergoterapi"),
    activity("A3", datetime(2024, 4, 10, 11), datetime(2024, 4, 10, 12), 4, VISIT, "Ergoterapi"),
    activity(
        "A4", datetime(2024, 5, 6, 20), datetime(2024, 5, 6, 22, 30), 1, "Bistand", "Legevakt", "Os"
    ),
    activity("A5", datetime(2024, 5, 7, 10), datetime(2024, 5, 7, 11, 15), 4, VISIT, "Ergoterapi"),
    activity(
        "A6", datetime(2024, 5, 31, 13), datetime(2024, 5, 31, 14), 3, "Kreft", "Kreftkoordinator"
    ),
]


def trip(ident, start, end, role):
    return {"id": ident, "start": start, "end": end, "driver_role": role, "purpose": "", "km": 5.0}


TRIPS = [
    # Tuesday inside staffed hours: neither after 22:00 nor outside staffed time.
    trip("T1", datetime(2024, 4, 2, 10), datetime(2024, 4, 2, 12), "helsevakt"),
    # Easter Monday daytime: 90 minutes outside staffed time, none after 22:00.
    trip("T2", datetime(2024, 4, 1, 12), datetime(2024, 4, 1, 13, 30), "legevaktlege"),
    # Saturday 09–11: 120 outside; 60 (before 10:00) in the after-22:00 window.
    trip("T3", datetime(2024, 4, 6, 9), datetime(2024, 4, 6, 11), "legevaktlege"),
    # Tuesday 21:30–22:30 under 10–22: 30 after and outside.
    trip("T4", datetime(2024, 4, 30, 21, 30), datetime(2024, 4, 30, 22, 30), "helsevakt"),
    # Monday 22:00–23:30 under 10–23 (May): 30 after and outside, not 90.
    trip("T5", datetime(2024, 5, 6, 22), datetime(2024, 5, 6, 23, 30), "legevaktlege"),
    # 17 May (Friday, public holiday) in the day: 60 outside, none after.
    trip("T6", datetime(2024, 5, 17, 10), datetime(2024, 5, 17, 11), "helsevakt"),
    # Friday 23:30 into Saturday: 30 + 30 minutes after and outside; belongs to May.
    trip("T7", datetime(2024, 5, 31, 23, 30), datetime(2024, 6, 1, 0, 30), "legevaktlege"),
]


def callout(ident, alarm, urgency, resource, doctor):
    return {
        "id": ident,
        "time": alarm,
        "urgency": urgency,
        "resource": resource,
        "doctor_present": doctor,
        "municipality": "Røros",
    }


CALLOUTS = [
    callout("C1", datetime(2024, 4, 2, 12), "akutt", "Helsevaktbil", True),
    callout("C2", datetime(2024, 4, 6, 3), "haster", "Ambulanse", False),
    callout("C3", datetime(2024, 4, 15, 15), "akutt", "Ambulanse og helsevaktbil", True),
    callout("C4", datetime(2024, 5, 2, 16), "vanlig", "Ambulanse", False),
    callout("C5", datetime(2024, 5, 10, 22, 30), "haster", "helsevaktbil", True),
]

FORMS = {
    "csv": ExportForm(),
    "xlsx": ExportForm(suffix=".xlsx", aliases="other", varied_spellings=True),
}


@pytest.fixture(params=sorted(FORMS))
def store(request, tmp_path):
    form = FORMS[request.param]
    with Store.open(tmp_path / "capacity.duckdb") as store:
        for kind, records in (
            ("activity", ACTIVITIES),
            ("carlog", TRIPS),
            ("callouts", CALLOUTS),
        ):
            path = write_export(tmp_path / f"{kind}-eksport", kind, records, form)
            assert import_file(store, path).rows_added == len(records)
        yield store


def test_norwegian_public_holidays_are_known_dates():
    holidays = set(public_holidays(2024, 2024))
    for day in (
        date(2024, 1, 1),
        date(2024, 3, 28),  # Maundy Thursday
        date(2024, 3, 29),  # Good Friday
        date(2024, 4, 1),  # Easter Monday
        date(2024, 5, 1),
        date(2024, 5, 9),  # Ascension Day
        date(2024, 5, 17),
        date(2024, 5, 20),  # Whit Monday
        date(2024, 12, 25),
        date(2024, 12, 26),
    ):
        assert day in holidays, day
    assert date(2024, 4, 2) not in holidays
    assert date(2024, 5, 2) not in holidays


def test_staffed_hours_per_month_follow_the_hours_in_force_and_the_holidays(store):
    # April: 22 weekdays less Easter Monday = 21 days at 12 h. May: 23 weekdays less
    # 1, 9, 17 and 20 May = 19 days at 13 h.
    assert capacity.staffed_hours_by_month(store.con, PERIOD) == {APRIL: 252.0, MAY: 247.0}


def test_utilisation_per_month_and_per_subproject(store):
    result = capacity.capacity(store.con, PERIOD)
    # April: 120 + 90 + 60 min = 4.5 h; May: 150 + 75 + 60 min = 4.75 h.
    assert result.months == (
        capacity.UtilisationMonth(APRIL, 4.5, 252.0),
        capacity.UtilisationMonth(MAY, 4.75, 247.0),
    )
    assert result.months[0].share == pytest.approx(4.5 / 252)
    assert result.share == pytest.approx(9.25 / 499)
    assert {(r.month, r.subproject): r.hours for r in result.by_subproject} == {
        (APRIL, 2): 2.0,
        (APRIL, 4): 2.5,
        (MAY, 1): 2.5,
        (MAY, 3): 1.0,
        (MAY, 4): 1.25,
    }


def test_preventive_visits_per_week_month_by_month_against_the_target(store):
    result = capacity.capacity(store.con, PERIOD, target_per_week=3.0)
    assert result.visits == (capacity.VisitsMonth(APRIL, 2, 30), capacity.VisitsMonth(MAY, 1, 31))
    assert result.visits[0].per_week == pytest.approx(2 / (30 / 7))
    assert result.visits_per_week == pytest.approx(3 / (61 / 7))
    assert result.months_below_target == 2
    # Half a month: 15 days of April hold both April visits.
    half = capacity.capacity(store.con, PERIOD.with_period(APRIL, date(2024, 4, 15)))
    assert half.visits == (capacity.VisitsMonth(APRIL, 2, 15),)
    # Another subproject chosen: no preventive visits in it.
    other = capacity.capacity(store.con, Filters(APRIL, MAY, subproject=2, staffed=SCHEDULE))
    assert other.visit_count == 0


def test_call_outs_by_resource_urgency_and_month_and_the_cars_acute_share(store):
    sent = capacity.preparedness(store.con, PERIOD)
    assert {(r.month, r.resource, r.urgency): r.callouts for r in sent.rows} == {
        (APRIL, "Helsevaktbil", "akutt"): 1,
        (APRIL, "Ambulanse", "haster"): 1,
        (APRIL, "Ambulanse og helsevaktbil", "akutt"): 1,
        (MAY, "Ambulanse", "vanlig"): 1,
        (MAY, "helsevaktbil", "haster"): 1,
    }
    assert sent.resources()[0] == "Ambulanse"
    # Acute: C1, C2, C3, C5; the car was sent on C1, C3 (with the ambulance) and C5.
    assert (sent.acute, sent.acute_by_car) == (4, 3)
    assert sent.car_share_of_acute == 0.75
    assert sent.car_acute_months() == [
        capacity.CarAcuteMonth(APRIL, 3, 2),
        capacity.CarAcuteMonth(MAY, 1, 1),
    ]


def test_car_outside_staffed_time_by_role_and_month(store):
    months = {(r.month, r.driver_role): r for r in capacity.car_use_months(store.con, PERIOD)}
    trips = figures.TripCount
    assert months[(APRIL, "helsevakt")].after_hours == trips(1, 30)
    assert months[(APRIL, "helsevakt")].outside_staffed == trips(1, 30)
    assert months[(APRIL, "legevaktlege")].after_hours == trips(1, 60)
    assert months[(APRIL, "legevaktlege")].outside_staffed == trips(2, 210)
    assert months[(MAY, "helsevakt")].after_hours == trips(0, 0)
    assert months[(MAY, "helsevakt")].outside_staffed == trips(1, 60)
    assert months[(MAY, "legevaktlege")].after_hours == trips(2, 90)
    assert months[(MAY, "legevaktlege")].outside_staffed == trips(2, 90)


def test_the_metrics_document_and_the_cost_rule_agree(store):
    doc = document(period_metrics(store.con, PERIOD), None)
    assert doc["car_after_22"] == {"trips": 4, "minutes": 180}
    assert doc["car_outside_staffed"] == {
        "trips": 6,
        "minutes": 390,
        "by_role": {
            "legevaktlege": {"trips": 4, "minutes": 300},
            "helsevakt": {"trips": 2, "minutes": 90},
        },
    }
    assert doc["utilisation"]["task_hours"] == 9.3  # 9.25 rounded half up
    assert doc["utilisation"]["staffed_hours"] == 499
    assert doc["preventive_visits"] == {"count": 3, "per_week": 0.3, "target_per_week": 3.0}
    # Only the doctor's 300 minutes outside staffed time count for the municipality, of the
    # car's 120 + 90 + 120 + 60 + 90 + 60 + 60 = 600 minutes.
    sharing = cost_sharing(store.con, PERIOD)
    assert sharing.doctor_minutes_outside_staffed == 300
    assert sharing.doctor_outside_share == 0.5
