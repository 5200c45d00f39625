"""Goal tables as planners receive them: the six real ones in resources/goals, and a table
written by someone else, in its own headers and words. Expected values are read by hand
from the files."""

import csv
import json
import subprocess
import sys
from datetime import date

import duckdb
import pytest

from dashboard import RESOURCES
from dashboard.data import figures
from dashboard.data.goal_indicators import goal_indicators
from dashboard.data.goals import add_assessment, derive_goal_id, set_goal_details
from dashboard.data.importer import import_file
from dashboard.data.migrations import MIGRATIONS
from dashboard.data.problems import AssessedDateNeeded, ImportRefused
from dashboard.data.register import export_register, register_rows
from dashboard.data.store import Store
from dashboard.data.values import Filters

SAMPLES = RESOURCES / "goals"
MAY_2021 = date(2021, 5, 1)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "mål.duckdb") as store:
        yield store


def assessments(store, plan: str) -> list[tuple]:
    """(goal, status text, value, assessed, precision, comment), by goal and date."""
    return store.con.execute(
        "SELECT g.goal_text, a.status_text, a.status, a.assessed_on, a.assessed_precision, "
        "a.comment FROM goals g JOIN goal_assessments a USING (goal_id) WHERE g.plan = ? "
        "ORDER BY a.assessed_on NULLS FIRST, g.goal_text",
        [plan],
    ).fetchall()


def counts(store, as_of: date) -> dict[str, tuple[int, int, int, int, int]]:
    """Per plan: value 1, 2, 3, assessed without scale, not assessed."""
    return {
        row.plan: (
            row.status_1,
            row.status_2,
            row.status_3,
            row.assessed_without_scale,
            row.not_assessed,
        )
        for row in figures.goal_status(store.con, as_of)
    }


def source_rows(name: str) -> list[list[str]]:
    with (SAMPLES / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))[1:]


# --- The six real tables, one by one -----------------------------------------------------


def test_strategi_2030_keeps_its_numbers_its_month_and_its_comments(store):
    result = import_file(store, SAMPLES / "hmn_strategi2030_samhandling.csv")
    assert (result.rows_read, result.rows_added, result.unused_columns) == (15, 15, ())
    rows = assessments(store, "Strategi 2030 (HMN)")
    source = source_rows("hmn_strategi2030_samhandling.csv")
    assert [(r[0], r[1], r[5]) for r in rows] == sorted((s[2], s[3], s[5]) for s in source)
    assert {(r[2], r[3], r[4]) for r in rows} == {
        (1, MAY_2021, "month"),
        (2, MAY_2021, "month"),
        (3, MAY_2021, "month"),
    }
    assert counts(store, date(2021, 5, 31)) == {"Strategi 2030 (HMN)": (3, 9, 3, 0, 0)}


def test_st_olav_keeps_oppnadd_and_the_hos_comments(store):
    result = import_file(store, SAMPLES / "stolav_lokal_utviklingsplan_2021.csv")
    assert (result.rows_added, result.unused_columns) == (14, ())
    plan = "Lokal utviklingsplan St. Olav 2019 – 2035"
    rows = assessments(store, plan)
    source = source_rows("stolav_lokal_utviklingsplan_2021.csv")
    assert [(r[0], r[1], r[5]) for r in rows] == sorted((s[1], s[2], s[4]) for s in source)
    values = {"Oppnådd": 3, "Delvis oppnådd": 2, "Ikke oppnådd": 1}
    assert all(r[2] == values[r[1]] and r[3:5] == (MAY_2021, "month") for r in rows)
    assert counts(store, date(2021, 6, 1)) == {plan: (4, 8, 2, 0, 0)}


def test_hmr_keeps_its_free_text_statuses_dated_by_the_header_and_its_periods(store):
    result = import_file(store, SAMPLES / "hmr_utviklingsplan_2021.csv")
    assert (result.rows_read, result.rows_added, result.unused_columns) == (26, 26, ())
    plan = "Lokal utviklingsplan HMR 2019 – 2022"
    rows = assessments(store, plan)
    source = source_rows("hmr_utviklingsplan_2021.csv")
    assert [(r[0], r[1] or "") for r in rows] == sorted((s[1], s[3]) for s in source)
    # "Status mai 2021": every row is dated May 2021, as a month; no status has a value.
    assert {(r[2], r[3], r[4]) for r in rows} == {(None, MAY_2021, "month")}
    deadlines = store.con.execute("SELECT goal_text, deadline FROM goals").fetchall()
    assert {text: deadline or "" for text, deadline in deadlines} == {s[1]: s[2] for s in source}
    assert counts(store, date(2021, 5, 31)) == {plan: (0, 0, 0, 25, 1)}
    assert counts(store, date(2021, 4, 30)) == {}


def test_hnt_takes_its_areas_as_goals_not_assessed_with_its_one_comment(store):
    result = import_file(store, SAMPLES / "hnt_utviklingsplan_2021.csv")
    assert (result.rows_added, result.unused_columns) == (11, ())
    plan = "Lokal utviklingsplan HNT 2019 – 2022"
    rows = assessments(store, plan)
    source = source_rows("hnt_utviklingsplan_2021.csv")
    assert [(r[0], r[5] or "") for r in rows] == sorted((s[1], s[3]) for s in source)
    assert {r[1:5] for r in rows} == {(None, None, None, None)}
    assert store.con.execute("SELECT count(*) FROM goals WHERE area IS NOT NULL").fetchone() == (0,)
    assert counts(store, date(2019, 1, 1)) == {plan: (0, 0, 0, 0, 11)}


def test_the_regional_plan_is_dated_but_not_assessed_goal_by_goal(store):
    import_file(store, SAMPLES / "hmn_regional_utviklingsplan_2019_2022.csv")
    plan = "Regional utviklingsplan 2019 – 2022"
    rows = assessments(store, plan)
    assert len(rows) == 5
    assert {r[1:5] for r in rows} == {(None, None, MAY_2021, "month")}
    assert counts(store, date(2021, 5, 31)) == {plan: (0, 0, 0, 0, 5)}


def test_the_roros_goals_keep_their_types_and_the_evaluations_verdicts(store):
    result = import_file(store, SAMPLES / "rorosprosjektet_maal.csv")
    assert (result.rows_read, result.unused_columns) == (19, ())
    goals = dict(
        store.con.execute("SELECT goal_text, (goal_type, evaluation) FROM goals").fetchall()
    )
    # Three goals stand under two goal types in the evaluation: one goal, both types.
    assert len(goals) == 16
    assert goals["Styrke det lokale arbeidet med å forebygge sykdom og skade for innbyggerne"] == (
        "effektmål; overordnet mål",
        "målet vurderes å være nådd",
    )
    assert goals["Økt kompetanse i helsetjenestene på Røros"] == ("effektmål", "JA")
    assert goals["Effektiv ressursutnyttelse"] == ("overordnet mål", None)
    for _, goal_type, text, verdict in source_rows("rorosprosjektet_maal.csv"):
        assert goal_type in goals[text][0] and goals[text][1] == (verdict or None)
    assert counts(store, date(2020, 12, 31)) == {
        "Rørosprosjektet – mobil integrert helsetjeneste": (0, 0, 0, 0, 16)
    }


def test_the_six_tables_together_export_and_import_back_unchanged(store, tmp_path):
    for path in sorted(SAMPLES.glob("*.csv")):
        import_file(store, path)
    exported = tmp_path / "register.csv"
    export_register(store.con, exported)
    with Store.open(tmp_path / "igjen.duckdb") as again:
        import_file(again, exported)
        assert register_rows(again.con) == register_rows(store.con)
        assert counts(again, date(2021, 5, 31)) == counts(store, date(2021, 5, 31))
    text = exported.read_text(encoding="utf-8-sig")
    assert "Delvis oppnådd;2;mai 2021;Godkjent avtale om sykehustjeneste" in text
    assert "01.05.2021" not in text


# --- A table written by someone else -------------------------------------------------------

OTHER_TABLE = (
    "Dokument;Målformulering;Måloppnåelse;Dato;Merknad;Eier;Intern note\n"
    "Samhandlingsplan Gauldal;Mål A;Pågår;mars 2024;Merknad om A;Kari;x\n"
    "Samhandlingsplan Gauldal;Mål B;Delvis oppfylt;mars 2024;;Kari;\n"
    "Samhandlingsplan Gauldal;Mål C;;mars 2024;Ikke startet;;\n"
    "Samhandlingsplan Gauldal;MÅL  a;OPPFYLT;september 2024;Nådd i august;Kari;\n"
    "Samhandlingsplan Gauldal;mål b;DELVIS OPPFYLT;september 2024;Uendret;Kari;\n"
)
GAULDAL = "Samhandlingsplan Gauldal"


@pytest.fixture
def other_table(tmp_path):
    path = tmp_path / "gauldal.csv"
    path.write_text(OTHER_TABLE, encoding="utf-8")
    return path


def test_a_table_in_its_own_headers_and_words_counts_right_as_of_any_date(store, other_table):
    result = import_file(store, other_table)
    assert result.unused_columns == ("Intern note",)
    assert "ikke brukt: Intern note" in result.summary()
    assert counts(store, date(2024, 2, 29)) == {}
    assert counts(store, date(2024, 3, 31)) == {GAULDAL: (0, 1, 0, 1, 1)}
    assert counts(store, date(2024, 8, 31)) == {GAULDAL: (0, 1, 0, 1, 1)}
    assert counts(store, date(2024, 9, 30)) == {GAULDAL: (0, 1, 1, 0, 1)}
    # The same goal across assessments in other case and spacing; its words as written.
    assert store.con.execute("SELECT count(*) FROM goals").fetchone() == (3,)
    rows = assessments(store, GAULDAL)
    assert [(r[0], *r[1:3], r[5]) for r in rows] == [
        ("Mål A", "Pågår", None, "Merknad om A"),
        ("Mål B", "Delvis oppfylt", 2, None),
        ("Mål C", None, None, "Ikke startet"),
        ("Mål A", "OPPFYLT", 3, "Nådd i august"),
        ("Mål B", "DELVIS OPPFYLT", 2, "Uendret"),
    ]
    # A changed its status; B is the same status written in other case: no change.
    changes = figures.goal_changes(store.con, date(2024, 3, 31), date(2024, 9, 30))
    assert [(c["goal_text"], c["status_text_before"], c["status_text_now"]) for c in changes] == [
        ("Mål A", "Pågår", "OPPFYLT")
    ]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_other_table_exports_in_its_own_words_and_imports_back_the_same(
    store, other_table, tmp_path, suffix
):
    import_file(store, other_table)
    goal = derive_goal_id(GAULDAL, "Mål A")
    set_goal_details(store.con, goal, "2025", None, "preventive_visits_per_week", ">=", 2.5)
    exported = tmp_path / f"eksport{suffix}"
    assert export_register(store.con, exported) == 5
    with Store.open(tmp_path / "tilbake.duckdb") as again:
        import_file(again, exported)
        assert register_rows(again.con) == register_rows(store.con)
        assert again.con.execute(
            "SELECT goal_text, deadline, indicator, comparator, target FROM goals "
            "WHERE indicator IS NOT NULL"
        ).fetchall() == [("Mål A", "2025", "preventive_visits_per_week", ">=", 2.5)]
        for day in (date(2024, 3, 31), date(2024, 9, 30)):
            assert counts(again, day) == counts(store, day)
    rows = register_rows(store.con)
    assert rows[0][6:11] == ["Pågår", "", "mars 2024", "Merknad om A", "Kari"]
    assert rows[1][6:10] == ["OPPFYLT", "3", "september 2024", "Nådd i august"]


# --- What the contract refuses or asks for ----------------------------------------------


def test_a_number_outside_the_scale_is_still_refused(store, tmp_path):
    path = tmp_path / "fire.csv"
    path.write_text("Plan;Mål;Status;Vurdert\nP;Mål A;2;mai 2021\nP;Mål B;4;mai 2021\n", "utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_file(store, path)
    assert "rad 3" in str(refused.value) and "«4» er utenfor skalaen" in str(refused.value)
    assert store.con.execute("SELECT count(*) FROM goals").fetchone() == (0,)


@pytest.mark.parametrize(
    ("key", "target", "column"),
    [
        ("antall_smil", ">= 3", "Nøkkeltall-nøkkel"),
        ("acute_doctor_share", "minst 60 %", "Nøkkeltall-mål"),
        ("acute_doctor_share", "", "Nøkkeltall-mål"),
    ],
)
def test_a_tie_to_a_figure_the_program_does_not_compute_is_refused(
    store, tmp_path, key, target, column
):
    path = tmp_path / "knyttet.csv"
    path.write_text(
        f"Plan;Mål;Status;Vurdert;Nøkkeltall-nøkkel;Nøkkeltall-mål\nP;A;2;2021;{key};{target}\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRefused) as refused:
        import_file(store, path)
    assert f"rad 2, kolonne «{column}»" in str(refused.value)
    assert store.con.execute("SELECT count(*) FROM goals").fetchone() == (0,)


def test_statuses_without_a_date_ask_for_one_and_take_it_at_its_precision(store, tmp_path):
    path = tmp_path / "udatert.csv"
    path.write_text("Plan;Mål;Status\nP;Mål A;Pågår\nP;Mål B;\n", encoding="utf-8")
    with pytest.raises(AssessedDateNeeded) as asked:
        import_file(store, path)
    assert "rad 2" in str(asked.value) and "--assessed" in str(asked.value)
    with pytest.raises(ImportRefused, match="«neste uke» er ikke en dato"):
        import_file(store, path, assessed="neste uke")
    import_file(store, path, assessed="05.2021")
    assert [r[:5] for r in assessments(store, "P")] == [
        ("Mål A", "Pågår", None, MAY_2021, "month"),
        ("Mål B", None, None, MAY_2021, "month"),
    ]


def test_the_command_line_takes_assessed(tmp_path):
    path = tmp_path / "udatert.csv"
    path.write_text("Plan;Mål;Status\nP;Mål A;Oppnådd\n", encoding="utf-8")
    db = tmp_path / "cli.duckdb"
    run = [sys.executable, "-m", "dashboard", "--db", str(db), "import", str(path)]
    refused = subprocess.run(run, capture_output=True, text=True, encoding="utf-8")
    assert refused.returncode == 1 and "--assessed" in refused.stderr
    taken = subprocess.run([*run, "--assessed", "2021"], capture_output=True, text=True)
    assert taken.returncode == 0, taken.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute(
        "SELECT status_text, status, assessed_on, assessed_precision FROM goal_assessments"
    ).fetchall() == [("Oppnådd", 3, date(2021, 1, 1), "year")]
    con.close()


# --- Migration 6 carries old rows over -----------------------------------------------------


def test_a_database_before_migration_6_keeps_its_goals(tmp_path):
    path = tmp_path / "gammel.duckdb"
    con = duckdb.connect(str(path))
    con.execute(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
    )
    for number, script in MIGRATIONS:
        if number < 6:
            con.execute(script)
            con.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [number])
    con.execute("INSERT INTO goals (goal_id, plan, goal_text) VALUES ('g1', 'Plan', 'Mål')")
    con.execute(
        "INSERT INTO goal_assessments (goal_id, assessed_on, status, comment, recorded_at, "
        "recorded_by) VALUES ('g1', '2021-05-01', 2, 'Gammel', now()::TIMESTAMP, 'kari'), "
        "('g1', NULL, NULL, NULL, now()::TIMESTAMP, 'kari')"
    )
    con.close()
    with Store.open(path) as store:
        rows = store.con.execute(
            "SELECT status, status_text, assessed_on, assessed_precision, comment "
            "FROM goal_assessments ORDER BY assessed_on NULLS FIRST"
        ).fetchall()
        assert rows == [
            (None, None, None, None, None),
            (2, "Delvis oppfylt", date(2021, 5, 1), "day", "Gammel"),
        ]
        assert counts(store, date(2021, 6, 1)) == {"Plan": (0, 1, 0, 0, 0)}


# --- Planners' tools: history, the plan's words, a tie to a figure -----------------------


def test_a_recorded_assessment_is_written_in_the_plans_own_words(store):
    import_file(store, SAMPLES / "stolav_lokal_utviklingsplan_2021.csv")
    plan = "Lokal utviklingsplan St. Olav 2019 – 2035"
    goal = derive_goal_id(plan, source_rows("stolav_lokal_utviklingsplan_2021.csv")[1][1])
    add_assessment(store.con, goal, date(2022, 5, 1), 2, "Bedre", "Kari", recorded_by="kari")
    history = figures.goal_history(store.con, goal)
    assert [(h["status_text"], h["status"], h["recorded_by"]) for h in history] == [
        ("Ikke oppnådd", 1, history[0]["recorded_by"]),
        ("Delvis oppnådd", 2, "kari"),
    ]


def test_a_goal_tied_to_the_acute_doctor_share_shows_its_value_and_trend(store):
    import_file(store, SAMPLES / "rorosprosjektet_maal.csv")
    roros = "Rørosprosjektet – mobil integrert helsetjeneste"
    text = "Styrke det lokale akuttmedisinske tilbudet, inklusive helseberedskap i regionen"
    goal = derive_goal_id(roros, text)
    set_goal_details(store.con, goal, None, "overordnet mål", "acute_doctor_share", ">=", 0.6)
    # January: 4 acute, 3 with a doctor (75 %); December before: 2 acute, 1 with (50 %).
    calls = [
        ("A1", "2024-01-03 10:00", "akutt", True),
        ("A2", "2024-01-04 10:00", "haster", True),
        ("A3", "2024-01-05 10:00", "akutt", True),
        ("A4", "2024-01-06 10:00", "akutt", False),
        ("A5", "2024-01-07 10:00", "vanlig", False),
        ("B1", "2023-12-03 10:00", "akutt", True),
        ("B2", "2023-12-04 10:00", "akutt", False),
    ]
    path = store.path.parent / "amk.csv"
    path.write_text(
        "Hendelsesnr;Alarmtid;Hastegrad;Ressurs;Lege med\n"
        + "".join(
            f"{i};{t[8:10]}.{t[5:7]}.{t[:4]} {t[11:]};{u};Helsevaktbil;{'Ja' if d else 'Nei'}\n"
            for i, t, u, d in calls
        ),
        encoding="utf-8",
    )
    import_file(store, path)
    january = Filters(date(2024, 1, 1), date(2024, 1, 31))
    goals = figures.goals_as_of(store.con, january.end)
    tied = goal_indicators(store.con, january, goals)
    assert list(tied) == [goal]
    assert (tied[goal].value, tied[goal].previous, tied[goal].met) == (0.75, 0.5, True)
    assert tied[goal].change == pytest.approx(0.25)


def test_metrics_counts_statuses_without_scale_apart(tmp_path):
    db = tmp_path / "metrics.duckdb"
    base = [sys.executable, "-m", "dashboard", "--db", str(db)]
    for name in ("hmr_utviklingsplan_2021.csv", "stolav_lokal_utviklingsplan_2021.csv"):
        subprocess.run([*base, "import", str(SAMPLES / name)], check=True, capture_output=True)
    printed = subprocess.run(
        [*base, "metrics", "--from", "2021-01-01", "--to", "2021-05-31", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    document = json.loads(printed.stdout)
    assert document["goals"] == [
        {
            "plan": "Lokal utviklingsplan HMR 2019 – 2022",
            "status_1": 0,
            "status_2": 0,
            "status_3": 0,
            "assessed_without_scale": 25,
            "not_assessed": 1,
        },
        {
            "plan": "Lokal utviklingsplan St. Olav 2019 – 2035",
            "status_1": 4,
            "status_2": 8,
            "status_3": 2,
            "assessed_without_scale": 0,
            "not_assessed": 0,
        },
    ]
    assert document["freshness"]["goals"] == "2021-05-01"


@pytest.mark.parametrize(
    ("header", "row", "stored"),
    [
        (
            "Plan;Helse Midt-Norge vil;Status per mai 2021;Gruppenes vurdering",
            "P;Mål A;Delvis oppfylt;Godt i gang",
            ("Mål A", "Delvis oppfylt", 2, date(2021, 5, 1), "month", "Godt i gang"),
        ),
        (
            "Utviklingsplan;Tiltak;Vurdering;Dato;Kommentarer (arbeidsgruppen)",
            "P;Mål A;oppnådd;31.05.2021;Ferdig",
            ("Mål A", "oppnådd", 3, date(2021, 5, 31), "day", "Ferdig"),
        ),
        (
            "Dokument;Satsingsområde;Måloppnåelse;Vurdert;Merknad",
            "P;Mål A;I rute;2022-03;Se vedlegg",
            ("Mål A", "I rute", None, date(2022, 3, 1), "month", "Se vedlegg"),
        ),
    ],
    ids=["hmn-group", "comments-in-parentheses", "area-as-goal-merknad"],
)
def test_headers_of_other_tables(store, tmp_path, header, row, stored):
    path = tmp_path / "form.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    assert import_file(store, path).unused_columns == ()
    assert assessments(store, "P") == [stored]
