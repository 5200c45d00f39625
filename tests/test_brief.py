"""The steering-group brief: a real PDF from a small hand-checked database, parsed back.

Fixture, period 01.03.2024–30.04.2024 (previous period 31.12.2023–29.02.2024):
- activities: DP1 Ø-hjelp 9 x 40 min (AMK); DP2 Blodprøve 12 x 30 min (HBO), EKG 3 x 20 min
  (Fastlege), Sårstell 7 x 40 min (Sykehjem); DP4 Forebyggende hjemmebesøk 2 x 60 min
  (Ergoterapi). 33 tasks, 1180 min = 19,7 t. Previous period: 5 Blodprøve.
- call-outs: March 10 akutt (6 with a doctor), April 3 haster (2 with a doctor) and 4 vanlig:
  17 in all, 13 acute, 8 with a doctor, 61,5 %. Previous: 4 akutt, 1 with a doctor, 25,0 %.
- car: legevaktlege 05.03 22:30–23:30 (60 min after 22), 12.03 21:30–22:30 (30 min), six in
  April 23:00–23:30 (30 min each); helsevakt 02.04 11–12 (none after 22): 8 trips, 4,5 t.
- goals in "Testplan": A 1 -> 2, B 3 -> 3 (01.06.2023 -> 01.04.2024), C 2 on 01.06.2023.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader

from dashboard.brief import build_brief, norsk
from dashboard.brief.privacy import Mark, protect_group, protect_two_levels
from dashboard.cli import main
from dashboard.data.goals import add_assessment, add_goal
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.settings import read_preferences, settings_path

PERIOD = Filters(date(2024, 3, 1), date(2024, 4, 30))
SPACE = r"[\s ]+"


def _add_import(store: Store, import_id: int, name: str, kind: str, rows: int) -> None:
    store.con.execute(
        "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?)",
        [import_id, name, "0" * 64, kind, rows, rows, datetime(2024, 5, 2, 9, 15)],
    )


def _add_activities(store, first: datetime, count: int, sub: int, task: str, by: str, minutes):
    for n in range(count):
        start = first + timedelta(days=n)
        end = start + timedelta(minutes=minutes)
        store.con.execute(
            "INSERT INTO activities (id, start_at, end_at, minutes, subproject, task, "
            "requested_by, municipality, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, 'Røros', 1)",
            [f"{task}-{first:%Y%m}-{n}", start, end, minutes, sub, task, by],
        )


def _add_callouts(store, first: datetime, count: int, urgency: str, with_doctor: int) -> None:
    for n in range(count):
        store.con.execute(
            "INSERT INTO callouts (id, alarm_at, urgency, doctor_present, import_id) "
            "VALUES (?, ?, ?, ?, 2)",
            [f"{urgency}-{first:%Y%m}-{n}", first + timedelta(days=n), urgency, n < with_doctor],
        )


def _add_trip(store, trip_id: str, start: datetime, minutes: int, role: str) -> None:
    store.con.execute(
        "INSERT INTO car_trips (id, start_at, end_at, driver_role, import_id) "
        "VALUES (?, ?, ?, ?, 3)",
        [trip_id, start, start + timedelta(minutes=minutes), role],
    )


def _add_goals(store: Store) -> None:
    history = {"Mål A": (1, 2), "Mål B": (3, 3), "Mål C": (2, None)}
    for text, (first, second) in history.items():
        goal = add_goal(store.con, "Testplan", text)
        add_assessment(store.con, goal, date(2023, 6, 1), first, recorded_by="test")
        if second:
            add_assessment(store.con, goal, date(2024, 4, 1), second, "Ny vurdering", "test")


def _fill(store: Store) -> None:
    _add_import(store, 1, "aktivitet_2024.csv", "activity", 38)
    _add_import(store, 2, "amk_2024.xlsx", "callouts", 21)
    _add_import(store, 3, "kjørebok_2024.csv", "carlog", 9)
    _add_activities(store, datetime(2024, 3, 1, 11), 9, 1, "Ø-hjelp", "AMK", 40)
    _add_activities(store, datetime(2024, 3, 1, 12), 12, 2, "Blodprøve", "HBO", 30)
    _add_activities(store, datetime(2024, 3, 2, 13), 3, 2, "EKG", "Fastlege", 20)
    _add_activities(store, datetime(2024, 4, 1, 14), 7, 2, "Sårstell", "Sykehjem", 40)
    _add_activities(
        store, datetime(2024, 4, 3, 10, 30), 2, 4, "Forebyggende hjemmebesøk", "Ergoterapi", 60
    )
    _add_activities(store, datetime(2024, 1, 8, 12), 5, 2, "Blodprøve", "HBO", 30)
    _add_callouts(store, datetime(2024, 3, 1, 15), 10, "akutt", 6)
    _add_callouts(store, datetime(2024, 4, 1, 15), 3, "haster", 2)
    _add_callouts(store, datetime(2024, 4, 10, 15), 4, "vanlig", 0)
    _add_callouts(store, datetime(2024, 2, 1, 15), 4, "akutt", 1)
    _add_trip(store, "t1", datetime(2024, 3, 5, 22, 30), 60, "legevaktlege")
    _add_trip(store, "t2", datetime(2024, 3, 12, 21, 30), 60, "legevaktlege")
    for n in range(6):
        _add_trip(store, f"t{3 + n}", datetime(2024, 4, 2 + n, 23), 30, "legevaktlege")
    _add_trip(store, "t9", datetime(2024, 4, 2, 11), 60, "helsevakt")
    _add_goals(store)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "brief.duckdb") as store:
        _fill(store)
        yield store


@pytest.fixture
def brief(store, tmp_path):
    notes = "1. Godkjenning av saksliste\n2. Kostnadsdeling «fra prosjekt til drift» – æøå ÆØÅ"
    return build_brief(
        store,
        PERIOD,
        read_preferences(),
        tmp_path / "notat.pdf",
        meeting_date=date(2024, 5, 6),
        notes=notes,
    )


def _pages(path) -> list[str]:
    """Each page's text; pypdf gives the no-break spaces in numbers back as plain spaces."""
    return [page.extract_text().replace("\u00a0", " ") for page in PdfReader(path).pages]


def _rows(pages: list[str], label: str, cells: int) -> list[list[str]]:
    """The ``cells`` cells after each table cell reading exactly ``label``.

    pypdf gives each table cell its own line, in reading order.
    """
    lines = [line.strip() for page in pages for line in page.splitlines()]
    return [lines[i + 1 : i + 1 + cells] for i, line in enumerate(lines) if line == label]


def _row(pages: list[str], label: str, cells: int) -> list[str]:
    """Like :func:`_rows` for a label that occurs once."""
    rows = _rows(pages, label, cells)
    assert len(rows) == 1, rows
    return rows[0]


def test_first_page_has_title_meeting_date_period_and_headline_figures(brief):
    first = _pages(brief)[0]
    assert "Notat til styringsgruppen" in first
    assert "6. mai 2024" in first
    assert "01.03.2024–30.04.2024 (61 dager)" in first
    # Two whole months compare with the two before (no longer the 61 days 31.12.–29.02.); the
    # fixture has nothing on 31 December, so the figures below are unchanged.
    assert "01.01.2024–29.02.2024" in first
    pages = [first]
    assert _row(pages, "Oppgaver utført", 3) == ["33", "5", "+28"]
    assert _row(pages, "Timer med oppgaver", 3) == ["19,7", "2,5", "+17,2"]
    assert _row(pages, "Utrykninger i alt", 3) == ["17", "4", "+13"]
    assert _row(pages, "Ø-hjelp (akutt og haster)", 3) == ["13", "4", "+9"]
    assert _row(pages, "Ø-hjelp med lege", 3) == ["8", "1", "+7"]
    share = ["61,5 %", "25,0 %", "+36,5 pp"]
    assert _row(pages, "Andel ø-hjelp med lege", 3) == share
    assert _row(pages, "Turer med bilen etter kl. 22:00", 3) == ["8", "0", "+8"]
    assert _row(pages, "Timer med bilen etter kl. 22:00", 3) == ["4,5", "0,0", "+4,5"]
    assert _row(pages, "Mål vurdert som oppfylt", 3) == ["1", "1", "±0"]


def test_every_page_is_numbered_side_x_av_y(brief):
    pages = _pages(brief)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Side {number} av {len(pages)}" in page


def test_small_counts_in_the_task_mix_are_suppressed_and_the_totals_do_not_reveal_them(brief):
    pages = _pages(brief)
    assert _row(pages, "EKG", 2) == ["<5", ":"]
    assert _row(pages, "Sårstell", 2) == [":", ":"]
    assert _row(pages, "Blodprøve", 2) == ["12", "6,0"]
    assert ["22", "11,7"] in _rows(pages, "2. Samarbeid HBO og sykehjem", 2)
    assert ["<5", ":"] in _rows(pages, "4. Forebyggende hjemmebesøk", 2)
    # DP4 alone would follow from the grand total, so DP1 and one of its cells are hidden too.
    assert [":", ":"] in _rows(pages, "1. Beredskap og ø-hjelp", 2)
    assert [":", ":"] in _rows(pages, "Ø-hjelp", 2)


def test_monthly_call_outs_and_car_trips_are_suppressed(brief):
    pages = _pages(brief)
    # Three tables have a row per month: call-outs (4 cells), car (3), hours per owner (4).
    callouts_march, car_march, _ = _rows(pages, "mars 2024", 4)
    callouts_april, car_april, _ = _rows(pages, "april 2024", 4)
    assert callouts_march == [":", ":", ":", ":"]
    assert callouts_april == ["<5", "<5", ":", ":"]
    assert car_march[:3] == ["<5", "0", "1,5"]
    assert car_april[:3] == [":", "0", "3,0"]
    callouts_total, car_total = _rows(pages, "Totalt", 4)[1:3]
    assert callouts_total == ["13", "8", "61,5 %", "35,5–82,3 %"]
    assert car_total[:3] == ["8", "0", "4,5"]


def test_goal_status_words_and_changes_since_the_previous_assessment(brief):
    pages = _pages(brief)
    # Value 3, 2, 1, without scale, not assessed, all.
    assert ["1", "2", "0", "0", "0", "3"] in _rows(pages, "Testplan", 6)
    text = "\n".join(pages)
    assert "Status ved siste vurdering (01.04.2024) sammenlignet med forrige vurdering" in text
    assert _row(pages, "Mål A (Testplan)", 3) == [
        "Ikke oppfylt (1)",
        "Delvis oppfylt (2)",
        "Ny vurdering",
    ]
    assert "Mål B (Testplan)" not in text
    # No goal is at value 1 or tied to a figure: none is listed, all three are pointed to.
    flat = " ".join(text.split())
    assert "Ingen mål er vurdert som ikke oppfylt." in flat
    assert "De øvrige 3 målene står med status, kommentarer og vurderinger i Mål-visningen" in flat
    assert "Testplan: 3 = «Oppfylt», 2 = «Delvis oppfylt»." in " ".join(text.split())


def test_hours_per_owner_and_provenance_footnote(brief):
    pages = _pages(brief)
    assert ["13,7", "69,5 %", "2,5"] in _rows(pages, "Kommunen", 3)
    assert ["6,0", "30,5 %", "0,0"] in _rows(pages, "Helseforetaket", 3)
    text = "\n".join(pages)
    assert "kjørebok_2024.csv" in text
    assert "Siste import 02.05.2024 kl. 09:15" in text
    assert "Siste registrering i dataene er fra 13.04.2024" in text
    assert "vises antall fra 1 til 4 som «<5»" in text


def test_notes_are_printed_with_norwegian_letters(brief):
    first = _pages(brief)[0]
    assert "Saksliste og notater" in first
    assert "Kostnadsdeling «fra prosjekt til drift» – æøå ÆØÅ" in first


def test_metadata_language_and_embedded_fonts(brief):
    reader = PdfReader(brief)
    assert reader.metadata.title.startswith("Notat til styringsgruppen")
    assert "01.03.2024–30.04.2024" in reader.metadata.title
    assert reader.metadata.author
    assert "06.05.2024" in reader.metadata.subject
    assert reader.trailer["/Root"]["/Lang"] == "nb-NO"
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for font in fonts.values():
            descriptor = font.get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor, font.get_object()["/BaseFont"]


def test_charts_are_vector_graphics_not_images(brief):
    for page in PdfReader(brief).pages:
        assert list(page.images) == []


def test_suppression_threshold_is_a_setting(store, tmp_path, _isolated_user_dirs):
    config = _isolated_user_dirs / "config"
    config.mkdir(exist_ok=True)
    (config / "helsevakt-dashboard.ini").write_text("[privacy]\nsuppress_below = 3\n")
    pages = _pages(build_brief(store, PERIOD, read_preferences(), tmp_path / "terskel.pdf"))
    assert _row(pages, "EKG", 2) == ["3", "1,0"]
    assert ["<3", ":"] in _rows(pages, "4. Forebyggende hjemmebesøk", 2)
    assert "vises antall fra 1 til 2 som «<3»" in "\n".join(pages)


def test_progress_is_reported_from_start_to_end(store, tmp_path):
    reports = []
    build_brief(
        store,
        PERIOD,
        read_preferences(),
        tmp_path / "p.pdf",
        progress=lambda f, m: reports.append((f, m)),
    )
    fractions = [fraction for fraction, _ in reports]
    assert fractions == sorted(fractions)
    assert fractions[0] == 0.0
    assert fractions[-1] == 1.0
    assert all(message for _, message in reports)


def test_an_empty_database_gives_a_brief_that_says_so(tmp_path):
    with Store.open(tmp_path / "tom.duckdb") as empty:
        pages = _pages(build_brief(empty, PERIOD, read_preferences(), tmp_path / "tom.pdf"))
    text = "\n".join(pages)
    assert "Ingen oppgaver registrert i perioden." in text
    assert "Ingen mål er registrert." in text
    assert "Ingen importer er registrert." in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils (pdftoppm)")
def test_rendered_pages_are_not_blank(brief, tmp_path):
    from PIL import Image

    subprocess.run(["pdftoppm", "-png", "-r", "40", str(brief), str(tmp_path / "side")], check=True)
    images = sorted(tmp_path.glob("side-*.png"))
    assert len(images) == len(PdfReader(brief).pages)
    for image in images:
        grey = Image.open(image).convert("L")
        dark = sum(grey.histogram()[:200])
        assert dark / (grey.width * grey.height) > 0.01, image.name


def test_secondary_suppression_covers_the_next_smallest_cell():
    marks, total = protect_group([12, 3, 7, 0], threshold=5)
    assert marks == [Mark.SHOWN, Mark.SMALL, Mark.COVER, Mark.SHOWN]
    assert total is Mark.SHOWN


def test_a_lone_small_cell_hides_its_total():
    assert protect_group([0, 2], threshold=5) == ([Mark.SHOWN, Mark.SMALL], Mark.SMALL)
    assert protect_group([2, 3], threshold=5) == ([Mark.SMALL, Mark.SMALL], Mark.SHOWN)


def test_two_levels_cover_a_subtotal_and_one_of_its_cells():
    cells, subtotals, total = protect_two_levels([[9], [12, 3, 7], [2]], threshold=5)
    assert cells == [[Mark.COVER], [Mark.SHOWN, Mark.SMALL, Mark.COVER], [Mark.SMALL]]
    assert subtotals == [Mark.COVER, Mark.SHOWN, Mark.SMALL]
    assert total is Mark.SHOWN


def test_norwegian_number_and_date_formats():
    assert norsk.number(1234567.891, 1) == "1\u00a0234\u00a0567,9"
    assert norsk.number(-3) == "\u22123"
    assert norsk.signed(-1.25, 1) == "\u22121,2"
    assert norsk.signed(0) == "±0"
    assert norsk.percent(0.615) == "61,5\u00a0%"
    assert norsk.day(date(2024, 3, 1)) == "01.03.2024"
    assert norsk.month(date(2024, 3, 1)) == "mars 2024"
    assert norsk.month(date(2024, 12, 1), short=True) == "des. 24"
    assert norsk.long_date(date(2024, 5, 6)) == "6. mai 2024"


def test_the_command_line_writes_the_brief(tmp_path):
    database = tmp_path / "cli.duckdb"
    with Store.open(database) as store:
        _fill(store)
    notes = tmp_path / "saksliste.txt"
    notes.write_text("Sak 1: Kostnadsdeling med Røros kommune", encoding="utf-8")
    out = tmp_path / "notat.pdf"
    arguments = ["brief", "--db", str(database), "--from", "2024-03-01", "--to", "2024-04-30"]
    arguments += ["--out", str(out), "--notes", str(notes), "--meeting-date", "2024-05-06"]
    assert main(arguments) == 0
    pages = _pages(out)
    assert "Sak 1: Kostnadsdeling med Røros kommune" in pages[0]
    assert _row(pages, "Oppgaver utført", 3) == ["33", "5", "+28"]


def test_a_worker_thread_can_build_the_brief(store, tmp_path):
    results = []
    out = tmp_path / "fra_tråd.pdf"
    worker = threading.Thread(
        target=lambda: results.append(build_brief(store, PERIOD, read_preferences(), out))
    )
    worker.start()
    worker.join(timeout=120)
    assert results == [out]
    assert _row(_pages(out), "Oppgaver utført", 3) == ["33", "5", "+28"]


def test_the_brief_does_not_load_qt():
    code = (
        "import sys, dashboard.brief\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_narrowed_brief_names_its_subproject(store, tmp_path):
    narrowed = Filters(PERIOD.start, PERIOD.end, subproject=2)
    pages = _pages(build_brief(store, narrowed, read_preferences(), tmp_path / "dp2.pdf"))
    assert "Delprosjekt 2 Samarbeid HBO og sykehjem, alle kommuner" in pages[0]
    assert _row(pages, "Oppgaver utført", 3) == ["22", "5", "+17"]


# Kostnadsdeling, by hand: 61 days, car 300 000 x 61 / 365 = 50 136,99. 820 minutes for the
# municipality and 360 for the health trust (shared by exact minutes, not the rounded
# hours shown): 50 136,99 x 820 / 1 180 = 34 841,20 and 15 295,79.
# Car 360 minutes, 270 outside staffed hours (t1 60, t2 30, t3-t8 180), all of them the
# legevakt doctor's (only the doctor's use counts now; t9, the helsevakt's, is staffed):
# a share of 0,75, 37 602,74 and 12 534,25.


def test_the_cost_sharing_table_per_rule_and_party(brief):
    pages = _pages(brief)
    assert _row(pages, "Etter andel timer", 2) == ["kr 34 841", "kr 15 296"]
    assert _row(pages, "Kommunen betaler bilen", 2) == ["kr 50 137", "kr 0"]
    rule = "Kommunen betaler bilen etter bruk utenfor bemannet tid"
    assert _row(pages, rule, 2) == ["kr 37 603", "kr 12 534"]
    text = " ".join(" ".join(pages).split())
    assert (
        "Kostnadsmodell: bilen koster kr 300 000 i året, kr 50 137 for periodens 61 dager" in text
    )
    assert "bemanningskostnaden er ikke satt (kr 0 per time)" in text
    assert "Bemannet tid er kl. 10:00–22:00 på hverdager utenom helligdager." in text
    assert (
        "Legevaktlegen brukte bilen 4,5 timer utenfor bemannet tid, 75,0 % av de 6,0 timene "
        "bilen var i bruk." in text
    )
    assert "Etter andel timer: Hele kostnaden (bil og bemanning) deles etter" in text


def test_the_cost_sharing_table_uses_the_cost_model_in_the_settings(store, tmp_path):
    config = settings_path()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(
        "[cost]\ncar_per_year=365000\nstaff_per_hour=100\n[owners]\namk=municipality\n",
        encoding="utf-8",
    )
    path = build_brief(store, PERIOD, read_preferences(), tmp_path / "modell.pdf")
    pages = _pages(path)
    # Car 365 000 x 61 / 365 = 61 000; 43 weekdays, less the public holidays 28 and 29 March
    # and 1 April (Easter), are 40 staffed days x 12 h = 480 h x 100 = 48 000 (was 516 h and
    # 51 600 before holidays were unstaffed). All hours are the municipality's now: it pays
    # everything by share of hours, 61 000 + 48 000 = 109 000.
    assert _row(pages, "Etter andel timer", 2) == ["kr 109 000", "kr 0"]
    assert _row(pages, "Kommunen betaler bilen", 2) == ["kr 61 000", "kr 48 000"]
    text = " ".join(" ".join(pages).split())
    assert "bemanningen kr 48 000 (480,0 bemannede timer à kr 100)" in text


def test_a_brief_from_demo_data_says_so_on_every_page(store, tmp_path):
    store.set_meta("demo", "1")
    pages = _pages(build_brief(store, PERIOD, read_preferences(), tmp_path / "demo.pdf"))
    assert "Demodata: tallene i dette notatet er oppdiktet" in pages[0]
    assert all("DEMODATA (oppdiktede tall)" in page for page in pages)
    assert PdfReader(tmp_path / "demo.pdf").metadata.title.startswith("DEMODATA")


def test_a_brief_from_real_data_carries_no_demo_mark(brief):
    assert not any("DEMODATA" in page or "Demodata" in page for page in _pages(brief))
