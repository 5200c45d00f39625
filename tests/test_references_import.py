"""Reference values (kind 6) and events (kind 7) written by someone else: CSV and XLSX with
the contract's aliases and share forms import with the right values; wrong rows are refused
naming file, row and column; re-import changes nothing."""

from datetime import date, datetime

import pytest
from exports import identity_number
from openpyxl import Workbook

from dashboard.cli import main
from dashboard.data.events import Event, all_events, events_between
from dashboard.data.importer import import_file
from dashboard.data.problems import ImportRefused
from dashboard.data.references import reference_table, reference_values
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.data.vocabulary import INDICATORS


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "refs.duckdb") as store:
        yield store


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def stored(store):
    return [
        (ref.indicator, ref.group, ref.period_from, ref.period_to, ref.value, ref.source)
        for ref in reference_values(store.con)
    ]


# A steering-group secretary's sheet: semicolons, Windows-1252, labels and keys mixed, the
# three forms of a share, a year, a span of years, a date span and a blank period.
SECRETARY_CSV = (
    "Indikator;Sammenligning;Periode;Verdi;Kilde\n"
    "Andel akutte utrykninger med lege;Sammenlignbare kommuner i Trøndelag;2019;57 %;"
    "Evalueringen\n"
    "acute_doctor_share;Før prosjektet (2017);2017;41,0;Evalueringen\n"
    "callouts.acute_doctor_share;Mål;2018–2022;0,6;Prosjektplanen\n"
    "  forebyggende   HJEMMEBESØK per uke ;Mål;;3;Prosjektplanen\n"
    "Antall oppgaver;Os kommune;01.01.2020-30.06.2020;1 200;Årsmelding\n"
)


def test_csv_with_aliases_and_share_forms(store, tmp_path):
    result = import_file(store, write(tmp_path / "ref.csv", SECRETARY_CSV, "cp1252"))
    assert (result.kind, result.rows_read, result.rows_added) == ("referanseverdier", 5, 5)
    assert sorted(stored(store)) == sorted(
        [
            (
                "acute_doctor_share",
                "Sammenlignbare kommuner i Trøndelag",
                date(2019, 1, 1),
                date(2019, 12, 31),
                0.57,
                "Evalueringen",
            ),
            (
                "acute_doctor_share",
                "Før prosjektet (2017)",
                date(2017, 1, 1),
                date(2017, 12, 31),
                0.41,
                "Evalueringen",
            ),
            (
                "acute_doctor_share",
                "Mål",
                date(2018, 1, 1),
                date(2022, 12, 31),
                0.6,
                "Prosjektplanen",
            ),
            ("preventive_visits_per_week", "Mål", None, None, 3.0, "Prosjektplanen"),
            (
                "activities_count",
                "Os kommune",
                date(2020, 1, 1),
                date(2020, 6, 30),
                1200.0,
                "Årsmelding",
            ),
        ]
    )


def test_reimport_is_a_no_op(store, tmp_path):
    path = write(tmp_path / "ref.csv", SECRETARY_CSV)
    import_file(store, path)
    again = import_file(store, path)
    assert (again.rows_read, again.rows_added) == (5, 0)
    assert "ingen endring" in again.summary()
    assert len(reference_values(store.con)) == 5


def test_xlsx_with_title_rows_and_from_to_columns(store, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Referanser"
    sheet.append(["Sammenligningstall fra evalueringen"])
    sheet.append([])
    sheet.append(["Indikator", "Gruppe", "Fra", "Til", "Verdi", "Kilde"])
    sheet.append(["Andel ø-hjelp med lege", "Holtålen", 2019, 2020, 0.49, "SSB"])
    sheet.append(["acute_callouts", "Holtålen", "01.03.2019", "31.08.2019", 120, "AMK"])
    sheet.append(["utilisation_share", "Dagambulansen", 2017, None, "9 %", "Evalueringen"])
    path = tmp_path / "referanser.xlsx"
    book.save(path)
    result = import_file(store, path)
    assert (result.kind, result.rows_added) == ("referanseverdier", 3)
    assert sorted(stored(store)) == sorted(
        [
            ("acute_doctor_share", "Holtålen", date(2019, 1, 1), date(2020, 12, 31), 0.49, "SSB"),
            ("acute_callouts", "Holtålen", date(2019, 3, 1), date(2019, 8, 31), 120.0, "AMK"),
            (
                "utilisation_share",
                "Dagambulansen",
                date(2017, 1, 1),
                date(2017, 12, 31),
                0.09,
                "Evalueringen",
            ),
        ]
    )


def refusal(store, path) -> list[str]:
    with pytest.raises(ImportRefused) as caught:
        import_file(store, path)
    assert reference_values(store.con) == [] and all_events(store.con) == []
    return [str(problem) for problem in caught.value.problems]


def test_unknown_indicator_is_refused_with_the_known_names(store, tmp_path):
    path = write(
        tmp_path / "ukjent.csv",
        "Indikator;Sammenligning;Periode;Verdi;Kilde\n"
        "acute_doctor_share;Mål;2019;50 %;Plan\n"
        "Pasienttilfredshet;Mål;2019;80 %;Plan\n",
    )
    (problem,) = refusal(store, path)
    assert problem.startswith("ukjent.csv, rad 3, kolonne «Indikator»: ukjent indikator")
    assert "«Pasienttilfredshet»" in problem
    for key, label in INDICATORS.items():
        assert f"{label} ({key})" in problem


def test_wrong_values_are_refused_with_row_and_column(store, tmp_path):
    path = write(
        tmp_path / "feil.csv",
        "Indikator;Sammenligning;Periode;Verdi;Kilde\n"
        "acute_doctor_share;Mål;2019;157;Plan\n"
        "acute_callouts;Mål;2019;14 %;Plan\n"
        "acute_callouts;Mål;2022-2019;14;Plan\n"
        "acute_callouts;Mål;2019;mange;\n"
        "acute_callouts;Mål;i fjor;14;Plan\n",
    )
    problems = refusal(store, path)
    expected = [
        ("rad 2, kolonne «Verdi»", "«157» er ingen andel"),
        ("rad 3, kolonne «Verdi»", "«14 %» er en prosent, men indikatoren er ingen andel"),
        ("rad 4, kolonne «Periode»", "perioden slutter før den begynner"),
        ("rad 5, kolonne «Kilde»", "mangler kilde"),
        ("rad 5, kolonne «Verdi»", "«mange» er ikke et tall"),
        ("rad 6, kolonne «Periode»", "perioden «i fjor» kan ikke leses"),
    ]
    assert len(problems) == len(expected)
    for where, what in expected:
        assert any(f"feil.csv, {where}: {what}" in problem for problem in problems), where


def test_another_value_for_a_stored_reference_is_refused(store, tmp_path):
    first = "Indikator;Gruppe;År;Verdi;Kilde\nacute_doctor_share;Mål;2019;57 %;Plan\n"
    import_file(store, write(tmp_path / "a.csv", first))
    changed = write(tmp_path / "b.csv", first.replace("57 %", "55 %"))
    with pytest.raises(ImportRefused) as caught:
        import_file(store, changed)
    (problem,) = caught.value.problems
    assert "b.csv, rad 2, kolonne «Verdi»" in str(problem)
    assert "importert før med en annen verdi" in str(problem)
    assert [ref.value for ref in reference_values(store.con)] == [0.57]


def test_identity_number_in_a_reference_is_refused(store, tmp_path):
    number = identity_number(date(1985, 3, 15))
    path = write(
        tmp_path / "kilde.csv",
        "Indikator;Sammenligning;Periode;Verdi;Kilde\n"
        f"acute_doctor_share;Mål;2019;57 %;Notat om pasient {number}\n",
    )
    problems = refusal(store, path)
    assert any("rad 2, kolonne «Kilde»" in problem for problem in problems)
    assert not any(number in problem for problem in problems)


EVENTS_CSV = (
    "Fra,Til,Beskrivelse\n"
    "2018-01-01,,Prosjektstart\n"
    "04.02.2024,10.02.2024,Rørosmartnan\n"
    "28.03.2024 00:00,01.04.2024,Påske\n"
)


def test_events_import_and_touch_the_period(store, tmp_path):
    result = import_file(store, write(tmp_path / "hendelser.csv", EVENTS_CSV))
    assert (result.kind, result.rows_added) == ("hendelser", 3)
    assert [(e.start, e.end, e.text) for e in all_events(store.con)] == [
        (date(2018, 1, 1), None, "Prosjektstart"),
        (date(2024, 2, 4), date(2024, 2, 10), "Rørosmartnan"),
        (date(2024, 3, 28), date(2024, 4, 1), "Påske"),
    ]
    # A span partly inside the period touches it; the start of 2018 does not.
    touching = events_between(store.con, date(2024, 2, 8), date(2024, 3, 28))
    assert [event.text for event in touching] == ["Rørosmartnan", "Påske"]
    assert import_file(store, write(tmp_path / "igjen.csv", EVENTS_CSV)).rows_added == 0


def test_event_ending_before_it_starts_is_refused(store, tmp_path):
    path = write(
        tmp_path / "h.csv", "Dato;Til;Hendelse\n10.02.2024;04.02.2024;Martnan\n;;Uten dato\n"
    )
    problems = refusal(store, path)
    assert "h.csv, rad 2, kolonne «Til»: slutt «04.02.2024» er før start" in problems
    assert "h.csv, rad 3, kolonne «Dato»: mangler dato" in problems


def test_cli_kind_option_and_detection(tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    events = write(tmp_path / "x.csv", "Dato;Hendelse\n01.01.2018;Prosjektstart\n")
    assert main(["--db", str(db), "import", "--kind", "events", str(events)]) == 0
    refs = write(tmp_path / "r.csv", SECRETARY_CSV)
    assert main(["--db", str(db), "import", str(refs)]) == 0
    out = capsys.readouterr().out
    assert "x.csv: hendelser, 1 rader, 1 nye" in out
    assert "r.csv: referanseverdier, 5 rader, 5 nye" in out


def test_the_nearest_value_of_each_group_is_chosen(store, tmp_path):
    path = write(
        tmp_path / "r.csv",
        "Indikator;Sammenligning;Periode;Verdi;Kilde\n"
        "acute_doctor_share;Kommuner;2019;50 %;A\n"
        "acute_doctor_share;Kommuner;2023;52 %;B\n"
        "acute_doctor_share;Kommuner;2020;51 %;C\n"
        "acute_doctor_share;Før;2017;40 %;D\n",
    )
    import_file(store, path)
    table = reference_table(store.con, Filters(date(2024, 1, 1), date(2024, 12, 31)))
    assert table.groups == ["Kommuner", "Før"]
    assert table.value("acute_doctor_share", "Kommuner").source == "B"  # a year apart
    assert table.value("acute_doctor_share", "Før").source == "D"  # the only one
    overlapping = reference_table(store.con, Filters(date(2020, 3, 1), date(2020, 5, 31)))
    assert overlapping.value("acute_doctor_share", "Kommuner").source == "C"


def test_event_value_type():
    span = Event(1, date(2024, 2, 4), date(2024, 2, 10), "Rørosmartnan")
    assert (span.is_span, span.when) == (True, "04.02.2024–10.02.2024")
    day = Event(2, date(2018, 1, 1), None, "Prosjektstart")
    assert (day.is_span, day.when, day.last_day) == (False, "01.01.2018", date(2018, 1, 1))


def test_events_from_an_xlsx_with_real_excel_dates(store, tmp_path):
    book = Workbook()
    book.active.title = "Ark1"
    sheet = book.create_sheet("Hendelser")  # a sheet named after the kind is read
    sheet.append(["Fra", "Til", "Tekst"])
    sheet.append([datetime(2019, 2, 5), datetime(2019, 2, 9), "Rørosmartnan"])
    sheet.append([date(2020, 1, 1), None, "Ordinær drift"])
    path = tmp_path / "hendelser.xlsx"
    book.save(path)
    result = import_file(store, path)
    assert (result.kind, result.rows_added) == ("hendelser", 2)
    assert [(e.start, e.end, e.text) for e in all_events(store.con)] == [
        (date(2019, 2, 5), date(2019, 2, 9), "Rørosmartnan"),
        (date(2020, 1, 1), None, "Ordinær drift"),
    ]


def test_text_entered_in_the_window_may_hold_no_identity_number(store):
    from dashboard.data.events import EventInput, add_event
    from dashboard.data.references import ReferenceInput, add_reference

    number = identity_number(date(1990, 5, 17))
    event = EventInput(date(2024, 2, 4), None, f"Pasient {number} innlagt")
    reference = ReferenceInput("acute_callouts", "Mål", None, None, 10, f"Journal {number}")
    for add, entry in ((add_event, event), (add_reference, reference)):
        with pytest.raises(ValueError) as caught:
            add(store.con, entry)
        assert "fødselsnummer" in str(caught.value) and number not in str(caught.value)
    assert all_events(store.con) == [] and reference_values(store.con) == []
