"""The brief's capacity, preparedness and outside-staffed-time parts, read back from the PDF
made from the hand-computed exports of test_capacity (imported for real)."""

from dataclasses import replace

import pytest
from exports import ExportForm, write_export
from test_brief import _pages
from test_capacity import ACTIVITIES, CALLOUTS, PERIOD, SCHEDULE, TRIPS

from dashboard.brief import build_brief
from dashboard.data.importer import import_file
from dashboard.data.store import Store
from dashboard.settings import Preferences

# Threshold 1: no count is hidden, so every hand-computed number shows.
CAPACITY = "Kapasitet: oppgaver mot bemannet tid"
SENT = "Hvem ble sendt"
OUTSIDE = "Bruk utenom bemannet tid"
OPEN = Preferences(staffed=SCHEDULE, suppression_threshold=1)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    path = folder / "brief.duckdb"
    with Store.open(path) as store:
        for kind, records in (("activity", ACTIVITIES), ("carlog", TRIPS), ("callouts", CALLOUTS)):
            import_file(
                store,
                write_export(
                    folder / kind,
                    kind,
                    records,
                    ExportForm(suffix=".txt", delimiter="\t", encoding="cp1252"),
                ),
            )
    return path


def brief_pages(db_path, tmp_path, prefs: Preferences) -> list[str]:
    with Store.open(db_path, read_only=True) as store:
        path = build_brief(store, PERIOD, prefs, tmp_path / "notat.pdf")
    return _pages(path)


def row_after(pages: list[str], heading: str, label: str, cells: int) -> list[str]:
    """The ``cells`` cells after the first table cell reading ``label`` below ``heading``
    (pypdf gives each table cell its own line, in reading order)."""
    lines = [line.strip() for page in pages for line in page.splitlines()]
    start = next(i for i, line in enumerate(lines) if heading in line)
    found = lines.index(label, start)
    return lines[found + 1 : found + 1 + cells]


def flat(pages: list[str]) -> str:
    return " ".join(" ".join(pages).split())


def test_capacity_part_follows_the_task_mix(db_path, tmp_path):
    pages = brief_pages(db_path, tmp_path, OPEN)
    # The previous period (February–March 2024) lies before the data begins: no comparison
    # is shown, as in the key figures (its zeros would read as growth).
    assert (
        "Bilen var bemannet 499,0 timer i perioden (kl. 10:00–22:00, senere kl. 10:00–23:00 "
        "på hverdager utenom helligdager). Oppgavene tok 9,2 timer, 1,9 % av den bemannede "
        "tiden. Forebyggende hjemmebesøk: 0,3 per uke mot målet 3,0; "
        "2 av 2 måneder var under målet."
    ) in flat(pages)
    assert row_after(pages, CAPACITY, "4. Forebyggende hjemmebesøk", 2) == ["3,8", "Alle oppgaver"]
    assert row_after(pages, CAPACITY, "Bemannede timer", 2) == [
        "499,0",
        "Utnyttelse av bemannet tid",
    ]
    assert row_after(pages, CAPACITY, "Utnyttelse av bemannet tid", 1) == ["1,9 %"]
    text = flat(pages)
    assert text.index("Kapasitet: oppgaver mot bemannet tid") < text.index("2. Ø-hjelp med lege")


def test_who_was_sent_and_the_cars_share_of_acute_call_outs(db_path, tmp_path):
    pages = brief_pages(db_path, tmp_path, OPEN)
    assert "Bilen ble sendt på 3 av 4 ø-hjelp-utrykninger, 75,0 %. Der både" in flat(pages)
    assert row_after(pages, SENT, "Ambulanse", 4) == ["0", "1", "1", "2"]
    assert row_after(pages, SENT, "Ambulanse og helsevaktbil", 4) == ["1", "0", "0", "1"]
    assert row_after(pages, SENT, "helsevaktbil", 4) == ["0", "1", "0", "1"]


def test_use_outside_staffed_time_by_role(db_path, tmp_path):
    pages = brief_pages(db_path, tmp_path, OPEN)
    text = flat(pages)
    assert "Bruk utenom bemannet tid" in text
    assert "hele døgnet i helger og på helligdager" in text
    # Legevaktlege 90 + 120 + 30 + 60 min; helsevakt 30 + 60 min.
    assert row_after(pages, OUTSIDE, "Legevaktlege", 2) == ["4", "5,0"]
    assert row_after(pages, OUTSIDE, "Helsevakt", 2) == ["2", "1,5"]
    assert row_after(pages, OUTSIDE, "I alt", 2) == ["6", "6,5"]
    assert "Forrige periode, turer" not in flat(pages)


def test_small_counts_of_the_new_parts_are_hidden(db_path, tmp_path):
    pages = brief_pages(db_path, tmp_path, replace(OPEN, suppression_threshold=5))
    assert row_after(pages, OUTSIDE, "Legevaktlege", 2) == ["<5", ":"]
    assert row_after(pages, OUTSIDE, "I alt", 2) == ["6", "6,5"]
    assert row_after(pages, SENT, "Ambulanse og helsevaktbil", 4) == ["<5", "0", "0", "<5"]
    # A subproject with few tasks shows no hours either.
    assert row_after(pages, CAPACITY, "4. Forebyggende hjemmebesøk", 3)[0] == ":"
