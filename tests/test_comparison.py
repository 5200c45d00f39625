"""Issue 13: the comparison chosen (previous, same dates last year, baseline, none), how far
each source reaches, and the brief's grain. Figures counted by hand from the files below."""

import json
import re
from datetime import date

import pytest
from pypdf import PdfReader

from dashboard.cli import main
from dashboard.data.coverage import ShortSource, short_sources
from dashboard.data.figures import CalloutMonth, Freshness, acute_by_month
from dashboard.data.grain import bucket_before, buckets, grain_for, regrain
from dashboard.data.values import Comparison, Filters

ACTIVITIES = """ID;Start;Varighet;Delprosjekt;Oppgave;Bestiller
b1;05.05.2017 10:00;60;2;Blodprøve;HBO
b2;31.12.2017 10:00;30;2;Blodprøve;HBO
p1;15.01.2024 10:00;60;2;Blodprøve;HBO
p2;20.03.2024 10:00;20;2;EKG;Fastlege
p3;01.04.2024 10:00;20;2;EKG;Fastlege
p4;30.06.2024 10:00;30;2;Blodprøve;HBO
p5;01.07.2024 10:00;90;4;Forebyggende hjemmebesøk;Ergoterapi
p6;31.12.2024 10:00;15;2;Blodprøve;HBO
n1;01.01.2025 10:00;40;2;Blodprøve;HBO
n2;20.03.2025 10:00;25;2;EKG;Fastlege
n3;30.06.2025 10:00;50;2;Blodprøve;HBO
n4;01.07.2025 10:00;10;2;EKG;Fastlege
n5;31.12.2025 10:00;35;2;Blodprøve;HBO
"""
CALLOUTS = """Hendelsesnr;Alarmtid;Hastegrad;Ressurs;Lege med
u1;01.06.2017 12:00;Akutt;Helsevaktbil;Ja
u2;10.02.2024 12:00;Akutt;Helsevaktbil;Ja
u3;01.08.2024 12:00;Vanlig;Helsevaktbil;Nei
u4;10.02.2025 12:00;Akutt;Helsevaktbil;Nei
u5;01.08.2025 12:00;Haster;Helsevaktbil;Ja
"""


BASELINE_2017 = ("--baseline-from", "2017-01-01", "--baseline-to", "2017-12-31")
BASELINE_2024H2 = ("--baseline-from", "2024-07-01", "--baseline-to", "2024-12-31")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("comparison")
    (folder / "aktivitet.csv").write_text(ACTIVITIES, encoding="utf-8")
    (folder / "utrykninger.csv").write_text(CALLOUTS, encoding="utf-8")
    path = folder / "sammenligning.duckdb"
    files = [folder / "aktivitet.csv", folder / "utrykninger.csv"]
    assert main(["--db", str(path), "import", *map(str, files)]) == 0
    return path


def metrics(capsys, db, *args) -> dict:
    capsys.readouterr()
    assert main(["--db", str(db), "metrics", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def compared(capsys, db, start, end, *compare) -> tuple[dict, dict]:
    document = metrics(capsys, db, "--from", start, "--to", end, *compare)
    return document, document["comparison"]


# The comparison period, as values


def test_a_year_compares_with_the_year_before_and_a_half_year_with_the_one_before():
    year = Filters(date(2025, 1, 1), date(2025, 12, 31))
    assert year.comparison() == year.with_period(date(2024, 1, 1), date(2024, 12, 31))
    half = Filters(date(2025, 7, 1), date(2025, 12, 31))
    assert half.comparison("previous").start == date(2025, 1, 1)
    assert half.comparison("previous").end == date(2025, 6, 30)


def test_last_year_is_the_same_dates_and_a_baseline_its_own_days():
    span = Filters(date(2024, 2, 29), date(2024, 7, 5))
    before = span.comparison("last-year")
    assert (before.start, before.end) == (date(2023, 2, 28), date(2023, 7, 5))
    baseline = span.with_comparison(Comparison.baseline(date(2017, 1, 1), date(2017, 12, 31)))
    assert (baseline.comparison().start, baseline.comparison().end) == (
        date(2017, 1, 1),
        date(2017, 12, 31),
    )
    assert span.comparison("none") is None


def test_a_baseline_needs_both_days_in_order():
    with pytest.raises(ValueError, match="både første og siste dag"):
        Comparison("baseline", date(2017, 1, 1))
    with pytest.raises(ValueError, match="etter at den slutter"):
        Comparison.baseline(date(2018, 1, 1), date(2017, 1, 1))
    with pytest.raises(ValueError, match="ukjent sammenligning"):
        Comparison("forrige")


# metrics --compare: exactly the figures of the comparison period


def test_2025_compares_with_2024(capsys, db):
    now, before = compared(capsys, db, "2025-01-01", "2025-12-31", "--compare", "previous")
    assert now["activities"] == {"count": 5, "minutes": 160, "km": 0}  # 40+25+50+10+35
    assert before["period"] == {"from": "2024-01-01", "to": "2024-12-31"}
    assert before["activities"] == {"count": 6, "minutes": 235, "km": 0}  # 60+20+20+30+90+15
    assert (now["callouts"]["acute"], now["callouts"]["acute_with_doctor"]) == (2, 1)
    assert (before["callouts"]["total"], before["callouts"]["acute"]) == (2, 1)


def test_the_second_half_of_2025_compares_with_the_first(capsys, db):
    now, before = compared(capsys, db, "2025-07-01", "2025-12-31", "--compare", "previous")
    assert now["activities"] == {"count": 2, "minutes": 45, "km": 0}
    assert before["period"] == {"from": "2025-01-01", "to": "2025-06-30"}
    assert before["activities"] == {"count": 3, "minutes": 115, "km": 0}


def test_last_year_of_an_odd_span_takes_the_same_dates(capsys, db):
    now, before = compared(capsys, db, "2025-03-21", "2025-07-05", "--compare", "last-year")
    assert now["activities"] == {"count": 2, "minutes": 60, "km": 0}  # n3, n4
    assert before["period"] == {"from": "2024-03-21", "to": "2024-07-05"}
    assert before["activities"] == {"count": 3, "minutes": 140, "km": 0}  # p3, p4, p5


def test_the_previous_period_of_an_odd_span_is_as_many_days(capsys, db):
    _, before = compared(capsys, db, "2025-03-21", "2025-07-05")
    assert before["period"] == {"from": "2024-12-04", "to": "2025-03-20"}  # 107 days each
    assert before["activities"] == {"count": 3, "minutes": 80, "km": 0}  # p6, n1, n2


def test_a_baseline_is_the_year_before_the_project(capsys, db):
    baseline = BASELINE_2017
    _, before = compared(capsys, db, "2025-01-01", "2025-12-31", "--compare", "baseline", *baseline)
    assert before["period"] == {"from": "2017-01-01", "to": "2017-12-31"}
    assert before["activities"] == {"count": 2, "minutes": 90, "km": 0}
    assert before["callouts"]["acute_with_doctor"] == 1
    # Baseline days alone mean a baseline.
    _, alone = compared(capsys, db, "2025-01-01", "2025-12-31", *baseline)
    assert alone == before


@pytest.mark.parametrize(
    "period,compare",
    [
        (("2025-01-01", "2025-12-31"), ("--compare", "previous")),
        (("2025-03-21", "2025-07-05"), ("--compare", "last-year")),
        (
            ("2025-07-01", "2025-12-31"),
            ("--baseline-from", "2024-07-01", "--baseline-to", "2024-12-31"),
        ),
    ],
)
def test_the_comparison_block_is_the_comparison_period_on_its_own(capsys, db, period, compare):
    _, before = compared(capsys, db, *period, *compare)
    days = before["period"]
    alone = metrics(capsys, db, "--from", days["from"], "--to", days["to"], "--compare", "none")
    assert before == alone


def test_none_leaves_out_the_comparison(capsys, db):
    assert "comparison" not in metrics(capsys, db, "--compare", "none")


def test_a_half_given_baseline_is_refused_in_norwegian(capsys, db):
    assert main(["--db", str(db), "metrics", "--baseline-from", "2017-01-01"]) == 2
    assert "både --baseline-from og --baseline-to" in capsys.readouterr().err
    args = [
        "--compare",
        "last-year",
        "--baseline-from",
        "2017-01-01",
        "--baseline-to",
        "2017-12-31",
    ]
    assert main(["--db", str(db), "metrics", *args]) == 2
    assert "gjelder bare --compare baseline" in capsys.readouterr().err


# Freshness per source


def test_freshness_per_source_and_the_sources_a_period_runs_past(capsys, db):
    document = metrics(capsys, db, "--to", "2025-12-31")
    assert document["freshness"]["activity"] == "2025-12-31"
    assert document["freshness"]["callouts"] == "2025-08-01"
    assert document["freshness"]["carlog"] is None
    days = Freshness(date(2025, 12, 31), date(2025, 8, 1), None, None)
    year = Filters(date(2025, 1, 1), date(2025, 12, 31))
    assert short_sources(days, year) == {
        "callouts": ShortSource("callouts", date(2025, 8, 1)),
        "carlog": ShortSource("carlog", None),
    }
    assert "callouts" not in short_sources(days, year.with_period(year.start, date(2025, 8, 1)))


# The grain


@pytest.mark.parametrize(
    "start,end,grain",
    [
        (date(2025, 1, 1), date(2025, 12, 31), "month"),
        (date(2024, 7, 1), date(2025, 12, 31), "month"),  # 18 months
        (date(2024, 6, 1), date(2025, 12, 31), "quarter"),  # 19 months
        (date(2021, 1, 1), date(2025, 12, 31), "quarter"),  # five years
        (date(2020, 12, 1), date(2025, 12, 31), "year"),
        (date(2018, 1, 1), date(2026, 12, 31), "year"),
    ],
)
def test_the_grain_follows_the_length_of_the_period(start, end, grain):
    assert grain_for(start, end) == grain


def test_buckets_and_monthly_rows_summed_into_them():
    assert buckets(date(2024, 11, 15), date(2025, 4, 2), "quarter") == [
        date(2024, 10, 1),
        date(2025, 1, 1),
        date(2025, 4, 1),
    ]
    assert bucket_before(date(2025, 1, 1), "quarter") == date(2024, 10, 1)
    assert bucket_before(date(2025, 1, 1), "year") == date(2024, 1, 1)
    rows = [
        CalloutMonth(date(2024, 11, 1), "akutt", True, 3, 2),
        CalloutMonth(date(2024, 12, 1), "haster", False, 4, 1),
        CalloutMonth(date(2025, 2, 1), "akutt", True, 5, 5),
        CalloutMonth(date(2025, 2, 1), "vanlig", True, 9, 0),
    ]
    years = acute_by_month(regrain(rows, "year"), [date(2024, 1, 1), date(2025, 1, 1)])
    assert [(m.month.year, m.acute, m.with_doctor) for m in years] == [(2024, 7, 3), (2025, 5, 5)]


# The brief


def pages(path) -> list[str]:
    return [page.extract_text().replace("\u00a0", " ") for page in PdfReader(path).pages]


def brief(db, tmp_path, name, *args) -> list[str]:
    out = tmp_path / name
    assert main(["--db", str(db), "brief", *args, "--out", str(out)]) == 0
    return pages(out)


def test_the_brief_names_its_comparison_and_flags_a_short_source(db, tmp_path):
    year = ("--from", "2025-01-01", "--to", "2025-12-31")
    text = "\n".join(brief(db, tmp_path, "fjor.pdf", *year, "--compare", "last-year"))
    flat = " ".join(text.split())
    assert "sammenlignet med samme datoer året før, 01.01.2024–31.12.2024" in flat
    assert "Samme periode i fjor" in flat
    assert "utrykninger bare til og med 01.08.2025" in flat
    assert "Sist data: aktivitet 31.12.2025, utrykninger 01.08.2025" in flat
    baseline = ("--baseline-from", "2017-01-01", "--baseline-to", "2017-12-31")
    flat = " ".join("\n".join(brief(db, tmp_path, "grunnlinje.pdf", *year, *baseline)).split())
    assert "sammenlignet med grunnlinjen, 01.01.2017–31.12.2017" in flat
    flat = " ".join("\n".join(brief(db, tmp_path, "ingen.pdf", *year, "--compare", "none")).split())
    assert "Ingen sammenligning er valgt" in flat
    assert "Forrige periode" not in flat and "Endring" not in flat


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    assert main(["demo", "--db", str(path)]) == 0
    return path


def test_a_brief_for_2018_to_2026_has_at_most_ten_pages_of_years(demo, tmp_path):
    shown = brief(demo, tmp_path, "lang.pdf", "--from", "2018-01-01", "--to", "2026-12-31")
    assert len(shown) <= 10
    lines = [line.strip() for page in shown for line in page.splitlines()]
    assert "År" in lines
    assert [line for line in lines if line in {str(year) for year in range(2018, 2027)}]
    assert not [line for line in lines if re.fullmatch(r"(januar|juni) 20\d\d", line)]
    assert "tabeller og figurer viser hele år" in " ".join(" ".join(shown).split())


def test_a_brief_for_a_year_stays_monthly(demo, tmp_path):
    shown = brief(demo, tmp_path, "aar.pdf", "--from", "2025-01-01", "--to", "2025-12-31")
    lines = [line.strip() for page in shown for line in page.splitlines()]
    assert "Måned" in lines
    assert "januar 2025" in lines and "desember 2025" in lines
    assert len(shown) <= 10


def test_a_brief_for_three_years_shows_quarters(demo, tmp_path):
    shown = brief(demo, tmp_path, "tre.pdf", "--from", "2022-01-01", "--to", "2024-12-31")
    lines = [line.strip() for page in shown for line in page.splitlines()]
    assert "Kvartal" in lines
    assert "1. kvartal 2022" in lines and "4. kvartal 2024" in lines


def test_a_long_brief_gives_each_year_against_the_year_before(db, tmp_path, _isolated_user_dirs):
    config = _isolated_user_dirs / "config"
    config.mkdir(exist_ok=True)
    (config / "helsevakt-dashboard.ini").write_text("[privacy]\nsuppress_below = 1\n")
    shown = brief(db, tmp_path, "aar.pdf", "--from", "2017-01-01", "--to", "2025-12-31")
    lines = [line.strip() for page in shown for line in page.splitlines()]
    assert "Nøkkeltall per år" in lines
    row = lines.index("2025", lines.index("Nøkkeltall per år"))
    # 2025: five tasks against six in 2024; two acute call-outs (u4, u5), one with a doctor,
    # against one (u2) with a doctor: 50 % against 100 %; no car trips at all.
    assert lines[row + 1 : row + 8] == ["5", "−1", "2", "50,0 %", "−50,0 pp", "0", "±0"]
    # 2024 against 2018–2023, which hold nothing; 2017 has no year with data before it.
    row_2017 = lines.index("2017", lines.index("Nøkkeltall per år"))
    assert lines[row_2017 + 1 : row_2017 + 3] == ["2", "–"]


def test_a_comparison_period_partly_before_the_data_says_so(db, tmp_path):
    # 2018 against 2017, whose data begins with b1 on 05.05.2017.
    shown = brief(db, tmp_path, "delvis.pdf", "--from", "2018-01-01", "--to", "2018-12-31")
    flat = " ".join(" ".join(shown).split())
    assert "Dataene begynner 05.05.2017, så sammenligningsperioden er bare delvis dekket." in flat
