"""The brief's goal section from the real goal tables and a table in other words, read back
from the PDF: each plan in its own words, months, comments shortened with care, the changes
since the last assessment, a tied figure, and what the headline adds up."""

import re
from datetime import date

import pytest
from pypdf import PdfReader

from dashboard import RESOURCES
from dashboard.brief import build_brief
from dashboard.data.goals import derive_goal_id, set_goal_details
from dashboard.data.importer import import_file
from dashboard.data.phrases import shorten
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.settings import read_preferences

GAULDAL = (
    "Dokument;Målformulering;Måloppnåelse;Dato;Merknad\n"
    "Samhandlingsplan Gauldal;Mål A;Pågår;mars 2024;Merknad om A\n"
    "Samhandlingsplan Gauldal;Mål B;Delvis oppfylt;mars 2024;\n"
    "Samhandlingsplan Gauldal;MÅL  a;OPPFYLT;september 2024;Nådd i august\n"
    "Samhandlingsplan Gauldal;mål b;DELVIS OPPFYLT;september 2024;Uendret\n"
)
CALLOUTS = (
    "Hendelsesnr;Alarmtid;Hastegrad;Ressurs;Lege med\n"
    "A1;03.10.2024 10:00;Akutt;Helsevaktbil;Ja\n"
    "A2;04.10.2024 10:00;Akutt;Helsevaktbil;Nei\n"
    "B1;03.10.2023 10:00;Akutt;Helsevaktbil;Ja\n"
)


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("notat")
    (folder / "gauldal.csv").write_text(GAULDAL, encoding="utf-8")
    (folder / "amk.csv").write_text(CALLOUTS, encoding="utf-8")
    with Store.open(folder / "mål.duckdb") as store:
        for table in sorted((RESOURCES / "goals").glob("*.csv")):
            import_file(store, table)
        import_file(store, folder / "gauldal.csv")
        import_file(store, folder / "amk.csv")
        goal = derive_goal_id(
            "Rørosprosjektet – mobil integrert helsetjeneste",
            "Styrke det lokale akuttmedisinske tilbudet, inklusive helseberedskap i regionen",
        )
        set_goal_details(store.con, goal, None, "overordnet mål", "acute_doctor_share", ">=", 0.6)
        path = build_brief(
            store,
            Filters(date(2024, 1, 1), date(2024, 12, 31)),
            read_preferences(),
            folder / "n.pdf",
        )
    return [page.extract_text().replace("\u00a0", " ") for page in PdfReader(path).pages]


def flat(pages: list[str]) -> str:
    return " ".join(" ".join(pages).split())


def test_the_summary_counts_each_plan_by_value_without_scale_and_not_assessed(pages):
    lines = [line.strip() for page in pages for line in page.splitlines()]

    def after(label: str) -> list[str]:
        return lines[lines.index(label) + 1 : lines.index(label) + 7]

    # Verdi 3, 2, 1, uten skala, ikke vurdert, i alt.
    assert after("Strategi 2030 (HMN)") == ["3", "9", "3", "0", "0", "15"]
    assert after("Samhandlingsplan Gauldal") == ["1", "1", "0", "0", "0", "2"]


def test_each_plan_is_printed_in_its_own_words_and_months(pages):
    text = flat(pages)
    assert "Lokal utviklingsplan St. Olav 2019 – 2035: 3 = «Oppnådd», 2 = «Delvis oppnådd»" in text
    # A goal not met is listed with its comment, in the plan's words and at month precision.
    assert "Kun forsøksvis etablert ordninger der fastlege også deltar" in text
    assert "Ikke oppnådd (1) mai 2021" in text
    assert "01.05.2021" not in text
    # Goals met in part or whole, or assessed in words without the scale, are counted above
    # and left to the Mål view: the brief stays short however many plans there are.
    assert "Godkjent avtale om sykehustjeneste for ALIS kandidater" not in text
    assert "målene står med status, kommentarer og vurderinger i Mål-visningen" in text


def test_long_texts_are_shortened_at_a_word_with_a_mark(pages):
    text = flat(pages)
    sources = "".join(
        path.read_text(encoding="utf-8") for path in (RESOURCES / "goals").glob("*.csv")
    )
    section = text[text.index("4. Målstatus per plan") :]
    cuts = re.findall(r"(\w+)…", section)
    assert cuts  # the St. Olav comments are longer than the brief prints
    # Every mark in the goal section follows a whole word of the source.
    for cut in cuts:
        assert re.search(rf"\b{cut}\b", sources + GAULDAL), cut


def test_changes_since_the_last_assessment_in_the_plans_words(pages):
    text = flat(pages)
    assert "Status ved siste vurdering (01.09.2024) sammenlignet med forrige vurdering" in text
    assert "Mål A (Samhandlingsplan Gauldal) Pågår (uten skala) OPPFYLT (3) Nådd i august" in text
    # The same status in other case is no change.
    assert "Mål B (Samhandlingsplan Gauldal)" not in text


def test_a_tied_goal_shows_the_figure_and_its_trend(pages):
    assert (
        "Nøkkeltall: Andel akutte utrykninger med lege 50,0 % (mål ≥ 60,0 %), ikke nådd; ned "
        "fra 100,0 % perioden før"
    ) in flat(pages)


def test_the_headline_says_what_it_adds_up(pages):
    first = flat(pages[:1])
    assert "Mål vurdert som oppfylt: mål med verdi 3 på skalaen 1–3, summert over planene" in first
    assert "«OPPFYLT» (Samhandlingsplan Gauldal)" in first
    assert "«Oppnådd» (Lokal utviklingsplan St. Olav 2019 – 2035)" in first
    assert "25 mål er vurdert med egne ord uten skala (Lokal utviklingsplan HMR 2019 – 2022)" in (
        first
    )


def test_shorten_cuts_at_a_word_and_always_marks_the_cut():
    assert shorten("Arbeidet er godt kjent både i kommunane", 20) == "Arbeidet er godt…"
    assert shorten("Helseplattformprosjektet", 10) == "Helseplat…"
    assert shorten("  Kort\n tekst ", 20) == "Kort tekst"
    assert shorten(None, 5) == ""
