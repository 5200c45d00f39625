"""Same id, other content: never dropped silently. Refused by default, naming the rows;
taken as corrections on request (old values kept); or ids scoped to a file or a year.
Real imports never go into the demo database."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from dashboard.data.importer import import_file
from dashboard.data.problems import ImportRefused
from dashboard.data.store import Store

PROJECT_ROOT = Path(__file__).resolve().parent.parent
HEADER = "Løpenr;Start;Slutt;Delprosjekt;Oppgave;Bestiller;Kommune;Km"


def activity_log(path: Path, year: int = 2021, changes: dict[int, str] | None = None) -> Path:
    """Løpenr 1–4, 30 minutes each; ``changes`` gives some rows another task."""
    changes = changes or {}
    rows = [
        f"{number};0{number}.02.{year} 10:00;0{number}.02.{year} 10:30;2;"
        f"{changes.get(number, 'Blodprøve')};HBO;Røros;3,5"
        for number in range(1, 5)
    ]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "db.duckdb") as opened:
        yield opened


def tasks(store: Store) -> list[tuple]:
    return store.con.execute("SELECT id, task FROM activities ORDER BY start_at").fetchall()


def test_a_row_with_a_known_id_and_other_content_refuses_the_file_naming_it(store, tmp_path):
    import_file(store, activity_log(tmp_path / "jan.csv"))
    corrected = activity_log(tmp_path / "rettet.csv", changes={3: "EKG"})

    with pytest.raises(ImportRefused) as refused:
        import_file(store, corrected)

    problems = refused.value.problems
    assert (problems[0].row, problems[0].column) == (4, "Løpenr")
    assert "«3»" in problems[0].message and "annet innhold" in problems[0].message
    assert "--replace-changed" in str(refused.value) and "--id-scope" in str(refused.value)
    assert [task for _, task in tasks(store)] == ["Blodprøve"] * 4


def test_identical_rows_are_still_a_no_op(store, tmp_path):
    import_file(store, activity_log(tmp_path / "a.csv"))

    result = import_file(store, activity_log(tmp_path / "b.csv"))

    assert result.already_imported and len(tasks(store)) == 4


def test_replace_changed_takes_the_corrections_and_keeps_the_old_values(store, tmp_path):
    import_file(store, activity_log(tmp_path / "jan.csv"))
    corrected = activity_log(tmp_path / "rettet.csv", changes={2: "EKG", 3: "Sårstell"})

    result = import_file(store, corrected, replace_changed=True)

    assert (result.rows_read, result.rows_added, result.rows_replaced) == (4, 0, 2)
    assert "2 rettet" in result.summary()
    assert [task for _, task in tasks(store)] == ["Blodprøve", "EKG", "Sårstell", "Blodprøve"]
    history = store.con.execute(
        "SELECT id, task, replaced_by_import FROM activities_history ORDER BY id"
    ).fetchall()
    import_ids = [row["id"] for row in store.imports()]
    assert history == [("2", "Blodprøve", import_ids[0]), ("3", "Blodprøve", import_ids[0])]


def test_replace_changed_on_the_careful_path_too(store, tmp_path):
    """A blank Km sends the file the careful way; corrections are taken there as well."""
    import_file(store, activity_log(tmp_path / "jan.csv"))
    corrected = activity_log(tmp_path / "rettet.csv", changes={1: "EKG"})
    corrected.write_text(corrected.read_text(encoding="utf-8").replace(";3,5\n", ";  3,5\n", 1))

    result = import_file(store, corrected, replace_changed=True)

    assert result.rows_replaced == 1
    assert tasks(store)[0] == ("1", "EKG")


def test_a_new_year_restarting_its_numbers_imports_with_ids_scoped_by_year(store, tmp_path):
    import_file(store, activity_log(tmp_path / "2021.csv", 2021), id_scope="year")

    result = import_file(store, activity_log(tmp_path / "2022.csv", 2022), id_scope="year")

    assert result.rows_added == 4
    ids = [identity for identity, _ in tasks(store)]
    assert ids == ["2021:1", "2021:2", "2021:3", "2021:4", "2022:1", "2022:2", "2022:3", "2022:4"]


def test_without_a_scope_a_new_year_restarting_its_numbers_is_refused(store, tmp_path):
    import_file(store, activity_log(tmp_path / "2021.csv", 2021))

    with pytest.raises(ImportRefused):
        import_file(store, activity_log(tmp_path / "2022.csv", 2022))


def test_ids_scoped_by_file(store, tmp_path):
    import_file(store, activity_log(tmp_path / "bil_a.csv"), id_scope="file")
    import_file(store, activity_log(tmp_path / "bil_b.csv", changes={1: "EKG"}), id_scope="file")

    again = import_file(store, activity_log(tmp_path / "bil_a.csv"), id_scope="file")

    assert again.already_imported
    assert sorted(identity for identity, _ in tasks(store))[:2] == ["bil_a:1", "bil_a:2"]
    assert len(tasks(store)) == 8


def cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "--db", str(db), "import", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_command_line_refuses_then_takes_corrections_on_request(tmp_path):
    db = tmp_path / "db.duckdb"
    assert cli(db, str(activity_log(tmp_path / "jan.csv"))).returncode == 0
    corrected = str(activity_log(tmp_path / "rettet.csv", changes={4: "EKG"}))

    refused = cli(db, corrected)
    taken = cli(db, corrected, "--replace-changed")

    assert refused.returncode != 0 and "rad 5" in refused.stderr, refused.stderr
    assert taken.returncode == 0 and "1 rettet" in taken.stdout, taken.stderr


def test_real_rows_never_go_into_the_demo_database(tmp_path):
    db = tmp_path / "demo.duckdb"
    with Store.open(db) as store:
        store.set_meta("demo", "1")

    result = cli(db, str(activity_log(tmp_path / "jan.csv")))

    assert result.returncode != 0 and "demodatabasen" in result.stderr
    assert "egen database" in result.stderr and "Traceback" not in result.stderr
    with Store.open(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM activities").fetchone() == (0,)


def test_a_scoped_id_keeps_the_row_it_names(store, tmp_path):
    import_file(store, activity_log(tmp_path / "2021.csv", 2021), id_scope="year")

    start = store.con.execute("SELECT start_at FROM activities WHERE id = '2021:3'").fetchone()

    assert start == (datetime(2021, 2, 3, 10, 0),)
