"""The brief's Gevinster section, written by the command line and read back from the PDF,
with and without a benefit model in the settings file (the fixture of test_gains).

With the privacy threshold at 1 every count is printed; at the default 5 they are hidden.
"""

from __future__ import annotations

import pytest
from exports import ExportForm, write_export
from pypdf import PdfReader

from dashboard.cli import main
from dashboard.data.importer import import_file
from dashboard.data.store import Store
from tests.test_brief import _row, _rows
from tests.test_gains import BENEFIT_INI, LAST_YEAR_TASKS, TASKS, records, write_benefit_ini


@pytest.fixture
def database(tmp_path):
    path = write_export(tmp_path / "aktivitet", "activity", records(), ExportForm())
    with Store.open(tmp_path / "gains.duckdb") as store:
        import_file(store, path)
    return tmp_path / "gains.duckdb"


def write_brief(database, tmp_path, settings: str, *compare: str) -> list[str]:
    write_benefit_ini(settings)
    out = tmp_path / "notat.pdf"
    period = ["--from", "2024-03-01", "--to", "2024-04-30", *compare]
    assert main(["--db", str(database), "brief", *period, "--out", str(out)]) == 0
    return [page.extract_text().replace("\u00a0", " ") for page in PdfReader(out).pages]


SHOW_ALL = "[privacy]\nsuppress_below = 1\n"


def test_the_section_opens_the_brief_after_the_front_page(database, tmp_path):
    pages = write_brief(database, tmp_path, SHOW_ALL)
    lines = [line.strip() for line in pages[1].splitlines()]
    assert lines.index("Gevinster") < lines.index("Utfall") < lines.index("Verdsetting")
    assert "Gevinster" not in pages[0]
    assert _row(pages[:1], "Innleggelser unngått", 3) == ["2", "1", "+1"]
    text = " ".join(pages)
    assert text.index("Gevinster") < text.index("1. Oppgavemiks per delprosjekt")
    assert "Utfall er registrert for 83,3 % av oppgavene (5 av 6)" in pages[1].replace("\n", " ")
    assert "Innleggelser unngått: 2 (forrige periode: 1)." in pages[1]
    assert "Utfall Oppgaver Timer Forrige periode Endring" in gains_page(pages)
    assert _rows(pages, "Innleggelse unngått", 4)[0] == ["2", "1,5", "1", "+1"]
    assert _row(pages, "Ikke registrert", 4) == ["1", "0,3", "0", "+1"]
    assert _rows(pages, "Alle oppgaver", 4)[0] == ["6", "4,8", "1", "+5"]  # the gains table first
    assert _row(pages, "AMK", 4) == ["2", "100,0 %", "1", "0"]
    assert _row(pages, "Per kommune", 0) == []
    assert _row(pages, "Holtålen", 1) == ["30,2"]


@pytest.fixture
def two_years(tmp_path):
    """The fixture's tasks and those of the same months in 2023 (test_gains)."""
    path = tmp_path / "to-aar.duckdb"
    with Store.open(path) as store:
        for name, tasks in (("aktivitet", TASKS), ("aktivitet-2023", LAST_YEAR_TASKS)):
            import_file(
                store, write_export(tmp_path / name, "activity", records(tasks), ExportForm())
            )
    return path


def gains_page(pages: list[str]) -> str:
    """The section's first page, its lines joined with spaces."""
    return " ".join(next(page for page in pages if "\nGevinster\n" in page).split())


def test_the_section_follows_a_comparison_with_the_same_period_last_year(two_years, tmp_path):
    pages = write_brief(two_years, tmp_path, SHOW_ALL, "--compare", "last-year")
    assert "Innleggelser unngått: 2 (samme datoer året før: 1)." in gains_page(pages)
    assert "Utfall Oppgaver Timer Samme periode i fjor Endring" in gains_page(pages)
    # 2023: one admission avoided, one treated on the spot, one not recorded.
    assert _rows(pages, "Innleggelse unngått", 4)[0] == ["2", "1,5", "1", "+1"]
    assert _rows(pages, "Behandlet på stedet", 4)[0] == ["1", "0,8", "1", "±0"]
    assert _rows(pages, "Alle oppgaver", 4)[0] == ["6", "4,8", "3", "+3"]
    assert "forrige periode" not in gains_page(pages).lower()


def test_without_a_comparison_the_section_says_nothing_of_another_period(two_years, tmp_path):
    pages = write_brief(two_years, tmp_path, SHOW_ALL, "--compare", "none")
    section = gains_page(pages)
    assert "Innleggelser unngått: 2." in section
    assert "Utfall Oppgaver Timer Innleggelse unngått 2 1,5 Behandlet" in section
    # The table ends with the hours: the next line is the next heading.
    assert _rows(pages, "Alle oppgaver", 3)[0] == ["6", "4,8", "Verdsetting"]
    assert "forrige periode" not in section.lower() and "Endring" not in section


def test_a_comparison_before_the_data_begins_leaves_the_columns_out(database, tmp_path):
    # March–April 2024 against the same months of 2023, before the first task (28.02.2024):
    # as the key figures, the section shows no comparison whose zeros would read as growth.
    section = gains_page(write_brief(database, tmp_path, SHOW_ALL, "--compare", "last-year"))
    assert "Innleggelser unngått: 2." in section
    assert "Samme periode i fjor" not in section and "Endring" not in section


def test_without_a_benefit_model_the_brief_says_no_valuation_is_set(database, tmp_path):
    text = " ".join(write_brief(database, tmp_path, SHOW_ALL)).replace("\n", " ")
    assert "Ingen verdsetting er satt: gevinstene vises bare som antall." in text
    assert "Anslått verdi" not in text
    assert "(anslag)" not in text


def test_with_a_benefit_model_the_estimate_is_labelled_with_its_assumptions(database, tmp_path):
    pages = write_brief(database, tmp_path, BENEFIT_INI + SHOW_ALL)
    text = " ".join(pages).replace("\n", " ")
    assert "Anslått verdi: kr 109 500 (anslag)." in text
    assert "Ingen verdsetting er satt" not in text
    assert _row(pages, "Anslag i alt", 1) == ["kr 109 500"]
    assert "Kilde, Unngått innleggelse: DRG-refusjon 2024" in text
    assert "Forutsetninger for anslaget" in text
    assert "Et anslag, ikke en målt besparelse" in text
    assert "Bare oppgaver med registrert utfall teller: 5 av 6 oppgaver (83,3 %)." in text
    assert "Ikke verdsatt: Henvist fastlege, ny time, Innlagt." in text


def test_small_counts_are_hidden_and_so_is_what_would_give_them_away(database, tmp_path):
    pages = write_brief(database, tmp_path, BENEFIT_INI)
    assert _rows(pages, "Innleggelse unngått", 4)[0] == ["<5", ":", "<5", ":"]
    assert _rows(pages, "Alle oppgaver", 4)[0] == ["6", "4,8", "<5", "+5"]  # the gains table
    text = " ".join(pages).replace("\n", " ")
    assert "Innleggelser unngått: <5 (forrige periode: <5)." in text
    # The counts behind the estimate are small: its amounts would give them away.
    assert _row(pages, "Unngått innleggelse", 4) == ["Innleggelse unngått", "<5", "kr 45 000", ":"]
    assert _row(pages, "Anslag i alt", 1) == [":"]
    assert "kr 109 500" not in text and "kr 90 000" not in text


def test_a_period_without_tasks_says_so(database, tmp_path):
    write_benefit_ini(BENEFIT_INI)
    out = tmp_path / "tom.pdf"
    period = ["--from", "2023-01-01", "--to", "2023-06-30"]
    assert main(["--db", str(database), "brief", *period, "--out", str(out)]) == 0
    text = PdfReader(out).pages[1].extract_text()
    assert "Gevinster" in text
    assert "Ingen oppgaver registrert i perioden." in text
    assert "0 av 0" not in text and "Anslått verdi" not in text
