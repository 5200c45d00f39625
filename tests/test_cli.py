"""The command line, run as a user runs it: a separate process."""

import json
import subprocess
import sys
from datetime import date

import duckdb
import pytest

ACTIVITIES = (
    "ID;Start;Slutt;Delprosjekt;Oppgave;Bestiller\n"
    "1;03.01.2024 10:00;03.01.2024 10:45;2;Blodprøve;HBO\n"
    "2;04.01.2024 12:00;04.01.2024 12:30;1;Ø-hjelp;AMK\n"
    "3;05.02.2024 12:00;05.02.2024 13:00;2;EKG;Fastlege\n"
)


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "aktiviteter.csv"
    path.write_text(ACTIVITIES, encoding="utf-8")
    return path


def test_help_lists_every_subcommand():
    output = run("--help").stdout
    for command in ("import", "metrics", "demo", "brief", "snapshot"):
        assert command in output


def test_import_then_metrics_json(tmp_path, export):
    db = tmp_path / "cli.duckdb"
    imported = run("--db", db, "import", export)
    assert imported.returncode == 0
    assert imported.stdout.strip() == "aktiviteter.csv: aktivitetslogg, 3 rader, 3 nye"
    metrics = run("metrics", "--db", db, "--from", "2024-01-01", "--to", "2024-01-31", "--json")
    document = json.loads(metrics.stdout)
    assert document["period"] == {"from": "2024-01-01", "to": "2024-01-31"}
    assert document["activities"] == {"count": 2, "minutes": 75, "km": 0}
    # January is a whole month: it compares with December by default.
    assert document["comparison"]["period"] == {"from": "2023-12-01", "to": "2023-12-31"}
    assert document["owner_hours"] == {"municipality": 0.8, "health_trust": 0.5, "shared": 0.0}
    # 31 days of a NOK 300 000 car; no staff cost set: the municipality pays the car.
    car = round(300_000 * 31 / 365)
    rules = {rule["rule"]: rule for rule in document["cost_sharing"]["rules"]}
    assert rules["municipality_pays_car"]["municipality"] == car


def test_metrics_compare_with_last_year_or_nothing(tmp_path, export):
    db = tmp_path / "cli.duckdb"
    run("--db", db, "import", export)
    period = ("--from", "2024-02-01", "--to", "2024-02-29")
    last_year = json.loads(run("metrics", "--db", db, *period, "--compare", "last-year").stdout)
    assert last_year["activities"]["count"] == 1
    assert last_year["comparison"]["period"] == {"from": "2023-02-01", "to": "2023-02-28"}
    assert last_year["comparison"]["activities"]["count"] == 0
    alone = json.loads(run("metrics", "--db", db, *period, "--compare", "none").stdout)
    assert "comparison" not in alone


def test_refused_import_exits_non_zero_with_a_clear_message(tmp_path):
    bad = tmp_path / "feil.csv"
    bad.write_text("Start;Slutt;DP;Oppgave;Bestiller\nkvelden;10:00;2;EKG;HBO\n", encoding="utf-8")
    result = run("--db", tmp_path / "cli.duckdb", "import", bad)
    assert result.returncode != 0
    assert "feil.csv, rad 2, kolonne «Start»" in result.stderr
    assert "Traceback" not in result.stderr


def test_metrics_on_a_missing_database_says_so(tmp_path):
    result = run("--db", tmp_path / "none.duckdb", "metrics", "--json")
    assert result.returncode != 0
    assert "fant ingen database" in result.stderr


def test_bad_date_option_is_a_usage_error(tmp_path):
    result = run("metrics", "--db", tmp_path / "x.duckdb", "--from", "01.01.2024")
    assert result.returncode == 2
    assert "ÅÅÅÅ-MM-DD" in result.stderr


def test_figures_from_a_demo_database_say_so_beside_the_json(tmp_path):
    db = tmp_path / "demo.duckdb"
    assert run("demo", "--db", db).returncode == 0
    result = run("metrics", "--db", db, "--from", "2024-01-01", "--to", "2024-01-31", "--json")
    assert "demodatabase" in result.stderr
    assert json.loads(result.stdout)["period"] == {"from": "2024-01-01", "to": "2024-01-31"}


def test_figures_from_a_real_database_carry_no_demo_note(tmp_path, export):
    db = tmp_path / "own.duckdb"
    run("--db", db, "import", export)
    assert "demo" not in run("--db", db, "metrics", "--json").stderr


def test_a_bad_setting_is_refused_at_the_entry_point_with_its_key(tmp_path, capsys):
    from dashboard.cli import main
    from dashboard.settings import settings_path

    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("[staffed]\nend = 25:00\n", encoding="utf-8")
    db = tmp_path / "tom.duckdb"
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "metrics"]) == 2
    error = capsys.readouterr().err
    assert "staffed/end" in error and "25:00" in error and "klokkeslett" in error
    assert "Traceback" not in error


def test_demo_never_overwrites_a_database_with_imports(tmp_path, capsys):
    from dashboard.cli import main

    export = tmp_path / "aktivitet.csv"
    export.write_text(
        "Løpenr;Start;Slutt;Delprosjekt;Oppgave;Bestiller\n"
        "A1;04.03.2024 10:00;04.03.2024 10:30;2;Blodprøve;HBO\n",
        encoding="utf-8",
    )
    db = tmp_path / "egen.duckdb"
    assert main(["--db", str(db), "import", str(export)]) == 0
    assert main(["--db", str(db), "demo"]) == 2
    assert "ikke en demodatabase" in capsys.readouterr().err
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT id FROM activities").fetchall() == [("A1",)]


def test_a_brief_refuses_notes_holding_an_identity_number(tmp_path, capsys):
    from dashboard.cli import main
    from tests.exports import identity_number

    number = identity_number(date(1985, 3, 15))
    notes = tmp_path / "notater.txt"
    notes.write_text(f"Sak 3: pasient {number[:6]} {number[6:]} ble lagt inn.", encoding="utf-8")
    db = tmp_path / "demo.duckdb"
    assert main(["--db", str(db), "demo"]) == 0
    out = tmp_path / "notat.pdf"
    code = main(["--db", str(db), "brief", "--out", str(out), "--notes", str(notes)])
    error = capsys.readouterr().err
    assert code == 2 and "fødselsnummer" in error
    assert number[:6] not in error and not out.exists()


def test_a_brief_into_a_missing_folder_says_so_in_norwegian(tmp_path, capsys):
    from dashboard.cli import main

    db = tmp_path / "demo.duckdb"
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "brief", "--out", str(tmp_path / "finnes" / "ikke.pdf")]) == 2
    error = capsys.readouterr().err
    assert "finnes ikke" in error and "Errno" not in error


def test_metrics_on_a_database_from_before_the_split_rollups(tmp_path, capsys):
    """A file from the previous version (schema 4, one activity rollup) still answers: the
    command migrates it once and sums it again, and the figures are those of the rows."""
    from dashboard.cli import main

    db = tmp_path / "gammel.duckdb"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "metrics", "--from", "2019-01-01", "--to", "2019-12-31"]) == 0
    before = json.loads(capsys.readouterr().out)
    with duckdb.connect(str(db)) as con:
        con.execute("DELETE FROM schema_version WHERE version >= 5")
        con.execute("DROP TABLE activity_tasks")
    assert main(["--db", str(db), "metrics", "--from", "2019-01-01", "--to", "2019-12-31"]) == 0
    assert json.loads(capsys.readouterr().out) == before
    assert before["activities"]["count"] > 0
