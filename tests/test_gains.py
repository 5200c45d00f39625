"""Gevinster from exports written by the tests' own export writer, with figures known by hand.

Seven tasks, six of them in March–April 2024 and one in February (the previous period):

| id | day   | min | DP | service    | municipality | outcome                       | km   |
|----|-------|-----|----|------------|--------------|-------------------------------|------|
| A1 | 04.03 | 60  | 1  | AMK        | Røros        | Innleggelse unngått           | 12.5 |
| A2 | 05.03 | 30  | 2  | HBO        | Os           | innleggelse unngått (case)    | 4    |
| A3 | 20.03 | 45  | 2  | HBO        | Røros        | Behandlet på stedet           | 0    |
| A4 | 02.04 | 90  | 3  | Legevakt   | Holtålen     | Innlagt                       | 30.2 |
| A5 | 10.04 | 20  | 4  | Ergoterapi | Røros        | (not recorded)                | 8.3  |
| A6 | 11.04 | 40  | 1  | AMK        | Os           | Henvist fastlege, ny time     | 5    |
| A7 | 28.02 | 15  | 1  | AMK        | Røros        | Innleggelse unngått           | 100  |
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from exports import ExportForm, write_export

from dashboard.data.benefits import estimate
from dashboard.data.figures import headline, outcomes
from dashboard.data.gains import Coverage, KmRow, OutcomeCell, gains
from dashboard.data.importer import import_file
from dashboard.data.metrics import document, period_metrics
from dashboard.data.store import Store
from dashboard.data.values import BenefitModel, Comparison, Filters, UnitValue
from dashboard.settings import SettingsError, benefit_model, read_preferences, settings_path

PERIOD = Filters(date(2024, 3, 1), date(2024, 4, 30))
MARCH, APRIL = date(2024, 3, 1), date(2024, 4, 1)
TASKS = (
    ("A1", datetime(2024, 3, 4, 10), 60, 1, "EKG", "AMK", "Røros", "Innleggelse unngått", 12.5),
    ("A2", datetime(2024, 3, 5, 12), 30, 2, "Blodprøve", "HBO", "Os", "innleggelse unngått", 4),
    ("A3", datetime(2024, 3, 20, 14), 45, 2, "Sårstell", "HBO", "Røros", "Behandlet på stedet", 0),
    ("A4", datetime(2024, 4, 2, 10), 90, 3, "EKG", "Legevakt", "Holtålen", "Innlagt", 30.2),
    (
        "A5",
        datetime(2024, 4, 10, 16),
        20,
        4,
        "Forebyggende hjemmebesøk",
        "Ergoterapi",
        "Røros",
        "",
        8.3,
    ),
    ("A6", datetime(2024, 4, 11, 9), 40, 1, "EKG", "AMK", "Os", "Henvist fastlege, ny time", 5),
    ("A7", datetime(2024, 2, 28, 9), 15, 1, "EKG", "AMK", "Røros", "Innleggelse unngått", 100),
)
FORMS = {
    "semicolon-utf8": ExportForm(),
    "comma-cp1252-other-aliases-duration": ExportForm(
        delimiter=",",
        encoding="cp1252",
        decimal_comma=False,
        aliases="other",
        varied_spellings=True,
        use_duration=True,
        with_ids=False,
    ),
    "xlsx": ExportForm(suffix=".xlsx", title_rows=("Aktivitetslogg 2024",)),
}
VALUES = (
    UnitValue("Unngått innleggelse", 45000, "DRG-refusjon 2024", ("Innleggelse unngått",)),
    UnitValue(
        "Unngått ambulansetransport",
        6500,
        "Kostnad per oppdrag 2023",
        ("innleggelse unngått", "Behandlet på stedet"),
    ),
)


# The same months a year earlier, for the comparison with the same period last year: one
# admission avoided, one treated on the spot, one without an outcome (three tasks).
LAST_YEAR_TASKS = (
    ("L1", datetime(2023, 3, 10, 10), 30, 1, "EKG", "AMK", "Røros", "Innleggelse unngått", 3),
    ("L2", datetime(2023, 4, 15, 10), 30, 2, "EKG", "HBO", "Os", "Behandlet på stedet", 3),
    ("L3", datetime(2023, 4, 20, 10), 30, 2, "EKG", "HBO", "Os", "", 3),
)


def records(tasks: tuple = TASKS) -> list[dict]:
    keys = ("id", "start", "minutes", "subproject", "task", "requested_by", "municipality")
    found = []
    for row in tasks:
        record = dict(zip(keys, row[:7], strict=True))
        record["end"] = record["start"] + timedelta(minutes=record.pop("minutes"))
        found.append(record | {"outcome": row[7], "km": row[8]})
    return found


@pytest.fixture(params=list(FORMS))
def store(request, tmp_path):
    path = write_export(tmp_path / "aktivitet", "activity", records(), FORMS[request.param])
    with Store.open(tmp_path / "gains.duckdb") as store:
        import_file(store, path)
        yield store


def test_outcomes_are_counted_case_insensitively_with_others_as_written(store):
    rows = [(row.outcome, row.count, row.minutes) for row in outcomes(store.con, PERIOD)]
    assert rows == [
        ("Innleggelse unngått", 2, 90.0),
        ("Behandlet på stedet", 1, 45.0),
        ("Henvist fastlege, ny time", 1, 40.0),
        ("Innlagt", 1, 90.0),
        (None, 1, 20.0),
    ]
    metrics = document(period_metrics(store.con, PERIOD), None)
    assert metrics["outcomes"][0] == {"outcome": "Innleggelse unngått", "count": 2, "minutes": 90}
    assert [entry["outcome"] for entry in metrics["outcomes"]][-1] is None


def test_outcomes_per_subproject_service_and_month(store):
    found = gains(store.con, PERIOD)
    assert found.by_subproject == [
        OutcomeCell(1, "Henvist fastlege, ny time", 1, 40.0),
        OutcomeCell(1, "Innleggelse unngått", 1, 60.0),
        OutcomeCell(2, "Behandlet på stedet", 1, 45.0),
        OutcomeCell(2, "Innleggelse unngått", 1, 30.0),
        OutcomeCell(3, "Innlagt", 1, 90.0),
        OutcomeCell(4, None, 1, 20.0),
    ]
    assert found.by_service == [
        OutcomeCell("AMK", "Henvist fastlege, ny time", 1, 40.0),
        OutcomeCell("AMK", "Innleggelse unngått", 1, 60.0),
        OutcomeCell("Ergoterapi", None, 1, 20.0),
        OutcomeCell("HBO", "Behandlet på stedet", 1, 45.0),
        OutcomeCell("HBO", "Innleggelse unngått", 1, 30.0),
        OutcomeCell("Legevakt", "Innlagt", 1, 90.0),
    ]
    assert found.by_month == [
        OutcomeCell(MARCH, "Behandlet på stedet", 1, 45.0),
        OutcomeCell(MARCH, "Innleggelse unngått", 2, 90.0),
        OutcomeCell(APRIL, "Henvist fastlege, ny time", 1, 40.0),
        OutcomeCell(APRIL, "Innlagt", 1, 90.0),
        OutcomeCell(APRIL, None, 1, 20.0),
    ]


def test_coverage_and_the_comparison_with_the_previous_period(store):
    found = gains(store.con, PERIOD)
    assert found.coverage == Coverage(tasks=6, recorded=5)
    assert found.coverage.share == pytest.approx(5 / 6)
    assert found.previous == Filters(date(2024, 1, 1), date(2024, 2, 29))
    assert (found.avoided_admissions, found.previous_avoided_admissions) == (2, 1)


@pytest.fixture
def two_years(tmp_path):
    """The fixture's tasks and, in a second file, those of the same months a year earlier."""
    with Store.open(tmp_path / "to-aar.duckdb") as store:
        for name, tasks in (("aktivitet", TASKS), ("aktivitet-2023", LAST_YEAR_TASKS)):
            import_file(
                store, write_export(tmp_path / name, "activity", records(tasks), FORMS["xlsx"])
            )
        yield store


def test_the_outcomes_are_compared_with_the_same_period_last_year(two_years):
    found = gains(two_years.con, PERIOD.with_comparison(Comparison("last-year")))
    assert found.previous == Filters(
        date(2023, 3, 1), date(2023, 4, 30), compare=Comparison("last-year")
    )
    assert (found.avoided_admissions, found.previous_avoided_admissions) == (2, 1)
    assert found.previous_coverage == Coverage(tasks=3, recorded=2)
    baseline = Comparison.baseline(date(2023, 4, 1), date(2023, 4, 30))
    april = gains(two_years.con, PERIOD.with_comparison(baseline))
    assert [(row.outcome, row.count) for row in april.previous_outcomes] == [
        ("Behandlet på stedet", 1),
        (None, 1),
    ]


def test_without_a_comparison_there_are_no_earlier_outcomes(two_years):
    found = gains(two_years.con, PERIOD.with_comparison(Comparison("none")))
    assert found.previous is None
    assert found.previous_outcomes is None and found.previous_coverage is None
    assert found.previous_avoided_admissions is None
    assert (found.avoided_admissions, found.coverage) == (2, Coverage(tasks=6, recorded=5))


def test_the_services_and_a_subproject_narrow_alike(store):
    narrowed = gains(store.con, Filters(PERIOD.start, PERIOD.end, 2))
    assert [(c.group, c.outcome, c.count) for c in narrowed.by_service] == [
        ("HBO", "Behandlet på stedet", 1),
        ("HBO", "Innleggelse unngått", 1),
    ]
    assert narrowed.km.total == pytest.approx(4.0)


def test_kilometres_per_subproject_owner_and_municipality(store):
    km = gains(store.con, PERIOD).km
    assert km.total == pytest.approx(60.0)
    assert [(r.group, r.tasks, round(r.km, 6)) for r in km.by_subproject] == [
        (1, 2, 17.5),
        (2, 2, 4.0),
        (3, 1, 30.2),
        (4, 1, 8.3),
    ]
    assert [(r.group, round(r.km, 6)) for r in km.by_owner] == [
        ("municipality", 42.5),
        ("health_trust", 17.5),
        ("shared", 0.0),
    ]
    assert [(r.group, round(r.km, 6)) for r in km.by_municipality] == [
        ("Holtålen", 30.2),
        ("Os", 9.0),
        ("Røros", 20.8),
    ]
    assert KmRow("shared", 0, 0.0) in km.by_owner


def test_the_headline_counts_avoided_admissions_and_recorded_outcomes(store):
    now = headline(store.con, PERIOD)
    assert (now.avoided_admissions, now.outcomes_recorded, now.tasks) == (2, 5, 6)
    assert now.value("outcome_coverage") == pytest.approx(5 / 6)


def test_the_estimate_is_counts_times_unit_values_with_its_assumptions(store):
    valued = estimate(BenefitModel(VALUES), outcomes(store.con, PERIOD))
    assert [(line.count, line.amount) for line in valued.lines] == [(2, 90_000), (3, 19_500)]
    assert valued.total == 109_500
    assert valued.coverage == Coverage(6, 5)
    assert valued.counted_twice == (
        ("Innleggelse unngått", ("Unngått innleggelse", "Unngått ambulansetransport")),
    )
    assert valued.not_valued == ("Henvist fastlege, ny time", "Innlagt")
    nothing = estimate(BenefitModel(), outcomes(store.con, PERIOD))
    assert (nothing.is_set, nothing.total, nothing.not_valued) == (False, 0, ())


def write_benefit_ini(text: str) -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(text, encoding="utf-8")


BENEFIT_INI = """
[benefit_1]
name = Unngått innleggelse
kroner = 45000
source = "DRG-refusjon 2024"
outcomes = Innleggelse unngått

[benefit_3]
name = Unngått ambulansetransport
kroner = 6500,0
source = Kostnad per oppdrag 2023
outcomes = "innleggelse unngått; Behandlet på stedet"
"""


def test_the_benefit_model_is_read_from_the_settings_file():
    assert read_preferences().benefit_model == BenefitModel()
    write_benefit_ini(BENEFIT_INI)
    assert read_preferences().benefit_model == BenefitModel(VALUES)


@pytest.mark.parametrize(
    ("group", "key", "expected"),
    [
        ("name = X\nkroner = mange\nsource = s\n", "benefit_2/kroner", "forventet et tall"),
        ("name = X\nkroner = -5\nsource = s\n", "benefit_2/kroner", "ikke er negativt"),
        ("name = X\nsource = s\n", "benefit_2/kroner", "forventet et beløp"),
        ("name = X\nkroner = 10\n", "benefit_2/source", "forventet en kilde"),
        ("kroner = 10\nsource = s\n", "benefit_2/name", "forventet et navn"),
    ],
)
def test_a_bad_unit_value_is_named_with_its_key_and_file(group, key, expected):
    write_benefit_ini(f"[benefit_2]\n{group}")
    with pytest.raises(SettingsError) as refused:
        benefit_model()
    assert key in str(refused.value)
    assert str(settings_path()) in str(refused.value)
    assert expected in str(refused.value)
