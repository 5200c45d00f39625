"""Reference values and events written by someone else, imported and read back from the PDF
brief: beside the figures they concern, with their group, period and source; the events of
the period listed under the time-series charts and drawn in them.

The fixture of test_brief (01.03.2024–30.04.2024): 13 acute call-outs, 8 with a doctor
(61,5 %); previous period 25,0 %. Two preventive visits in 61 days: 2 / (61 / 7) = 0,2 a
week; none before.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from reportlab.graphics.shapes import Line, Rect, String
from test_brief import PERIOD, _fill, _pages, _row

from dashboard.brief import build_brief, charts
from dashboard.data.events import Event
from dashboard.data.importer import import_file
from dashboard.data.store import Store
from dashboard.settings import read_preferences

REFERENCES = (
    "Indikator;Sammenligning;Periode;Verdi;Kilde\n"
    "Andel akutte utrykninger med lege;Sammenlignbare kommuner i Trøndelag;2019;57 %;"
    "Evalueringen 2021\n"
    "acute_doctor_share;Før prosjektet;2017;41,0;Evalueringen 2021\n"
    "preventive_visits_per_week;Mål;;3;Prosjektplanen\n"
)
EVENTS = (
    "Dato;Til;Hendelse\n"
    "01.01.2018;;Prosjektstart\n"
    "04.03.2024;08.03.2024;Rørosmartnan\n"
    "28.03.2024;01.04.2024;Påske\n"
)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "brief.duckdb") as store:
        _fill(store)
        # The fixture stored imports 1–3 by hand: the importer's numbers come after them.
        store.con.execute("SELECT nextval('import_id_seq') FROM range(3)").fetchall()
        for name, text in (("referanser.csv", REFERENCES), ("hendelser.csv", EVENTS)):
            path = tmp_path / name
            path.write_text(text, encoding="utf-8")
            import_file(store, path)
        yield store


@pytest.fixture
def pages(store, tmp_path) -> list[str]:
    path = build_brief(store, PERIOD, read_preferences(), tmp_path / "notat.pdf")
    return _pages(path)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_reference_columns_beside_the_headline_figures(pages):
    first = pages[0]
    header = flat(first)
    assert "Sammenlignbare kommuner i Trøndelag" in header and "Før prosjektet" in header
    assert _row([first], "Andel ø-hjelp med lege", 5) == [
        "61,5 %",
        "25,0 %",
        "+36,5 pp",
        "57,0 % ¹",
        "41,0 % ²",
    ]
    # An indicator the table lacks gets a row of its own, its reference in a table below.
    assert "Forebyggende hjemmebesøk per uke 0,2 0,0 +0,2" in flat(first)
    assert _row([first], "Forebyggende hjemmebesøk per uke", 2) == ["0,2", "3,0 ³"]


def test_footnotes_name_group_period_and_source(pages):
    text = flat(pages[0])
    assert "¹ Sammenlignbare kommuner i Trøndelag, 2019. Kilde: Evalueringen 2021." in text
    assert "² Før prosjektet, 2017. Kilde: Evalueringen 2021." in text
    assert "³ Mål, uten periode. Kilde: Prosjektplanen." in text


def test_events_of_the_period_are_listed_under_the_time_series(pages):
    text = flat(" ".join(pages))
    listed = "1. 04.03.2024–08.03.2024: Rørosmartnan; 2. 28.03.2024–01.04.2024: Påske."
    assert f"Hendelser i perioden, nummerert i figur 2: {listed}" in text
    assert f"Hendelser i perioden, nummerert i figur 3: {listed}" in text
    # The project start lies before the period.
    assert "Prosjektstart" not in text


def test_a_brief_without_references_or_events_keeps_its_table(tmp_path):
    with Store.open(tmp_path / "plain.duckdb") as store:
        _fill(store)
        path = build_brief(store, PERIOD, read_preferences(), tmp_path / "plain.pdf")
    first = _pages(path)[0]
    assert _row([first], "Andel ø-hjelp med lege", 3) == ["61,5 %", "25,0 %", "+36,5 pp"]
    assert "Kilde:" not in first and "Hendelser i perioden" not in flat(" ".join(_pages(path)))


def test_more_groups_than_fit_go_to_a_table_below(store, tmp_path):
    more = tmp_path / "flere.csv"
    more.write_text(
        "Indikator;Gruppe;År;Verdi;Kilde\n"
        "acute_doctor_share;Holtålen;2019;48 %;SSB\n"
        "acute_doctor_share;Os;2019;52 %;SSB\n",
        encoding="utf-8",
    )
    import_file(store, more)
    pages = _pages(build_brief(store, PERIOD, read_preferences(), tmp_path / "n.pdf"))
    rows = [line.strip() for line in pages[0].splitlines() if line.startswith("Andel ø-hjelp med")]
    assert len(rows) == 2  # once beside the figures, once in the table of the other groups
    text = flat(pages[0])
    assert "Holtålen, 2019. Kilde: SSB." in text and "Os, 2019. Kilde: SSB." in text
    assert "48,0 %" in text and "52,0 %" in text


MONTHS = [date(2024, 3, 1), date(2024, 4, 1)]


def test_events_are_drawn_as_a_line_a_band_and_numbers():
    events = [
        Event(1, date(2024, 3, 16), None, "Vaktendring"),
        Event(2, date(2024, 4, 1), date(2024, 4, 15), "Påske"),
    ]
    drawing = charts.monthly_share(MONTHS, [0.5, 0.6], [0.4, 0.5], [0.6, 0.7], 400, events=events)
    lines = [s for s in drawing.contents if isinstance(s, Line) and s.strokeDashArray == (2, 1.5)]
    bands = [
        s for s in drawing.contents if isinstance(s, Rect) and s.fillColor == charts.EVENT_BAND
    ]
    numbers = [
        s.text
        for s in drawing.contents
        if isinstance(s, String) and s.fillColor == charts.EVENT_INK
    ]
    assert len(lines) == 1 and len(bands) == 1 and numbers == ["1", "2"]
    # Plot from x = 40 over 350 points, 175 a month: 16 March is 15/31 into March.
    assert lines[0].x1 == pytest.approx(40 + 175 * 15 / 30.99, abs=0.1)
    # 1–15 April: half of the second month.
    assert bands[0].x == pytest.approx(215) and bands[0].width == pytest.approx(175 * 15 / 30)


def test_numbers_too_close_to_part_are_joined():
    assert charts._joined_labels([(100, 1), (101, 2), (102, 3), (200, 4)]) == [
        (101, "1–3"),
        (200, "4"),
    ]


def test_the_doctor_share_chart_draws_its_references_within_the_page():
    long_source = "Evalueringen av prosjektet mobil integrert helsetjeneste Røros, " * 3
    references = [("Kommuner, 2019: 57,0 % (kilde: Evalueringen)", 0.57), (long_source, 0.41)]
    drawing = charts.monthly_share(
        MONTHS, [0.5, 0.6], [0.4, 0.5], [0.6, 0.7], 400, references=references
    )
    levels = [s for s in drawing.contents if isinstance(s, Line) and s.strokeDashArray == (5, 3)]
    plot_bottom, plot_height = 25, drawing.height - 25 - 37 - 2 * charts.REFERENCE_ROW
    assert [level.y1 for level in levels] == pytest.approx(
        [plot_bottom + plot_height * 0.57, plot_bottom + plot_height * 0.41]
    )
    legend = drawing.contents[-1]
    names = [name for _, name in legend.colorNamePairs]
    assert names[0] == "Kommuner, 2019: 57,0 % (kilde: Evalueringen)"
    assert names[1].endswith("…") and len(names[1]) < len(long_source)


def test_the_doctor_share_figure_names_its_reference_lines(pages):
    figure = next(page for page in pages if "Figur 2." in page)
    text = flat(figure)
    assert "Sammenlignbare kommuner i Trøndelag, 2019: 57,0 % (kilde: Evalueringen 2021)" in text
    assert "Før prosjektet, 2017: 41,0 % (kilde: Evalueringen 2021)" in text
