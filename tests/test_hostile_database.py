"""The database under attack, and an export that must stay text: every fault is a
Norwegian message saying what happened and what to do, never a traceback or DuckDB's
English, and after a failed write the next command works."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dashboard.data.goals import add_assessment, add_goal
from dashboard.data.importer import import_file
from dashboard.data.register import export_register
from dashboard.data.store import Store

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CALLOUTS = "Hendelsesnr;Alarmtid;Hastegrad;Ressurs;Lege med\n"
ENGLISH = ("Error", "error", "Exception", "Traceback", "DuckDB", "IO ", "Could not")


def callouts(path: Path, count: int = 3, first: int = 1) -> Path:
    rows = [
        f"H{number};01.02.2021 10:{number % 60:02d};Akutt;Helsevaktbil;Ja"
        for number in range(first, first + count)
    ]
    path.write_text(CALLOUTS + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def cli(*args: str, **run) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        **run,
    )


def assert_norwegian_failure(result: subprocess.CompletedProcess, *words: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert not any(word in output for word in ENGLISH), output
    assert all(word in output for word in words), output


def good_database(path: Path) -> Path:
    with Store.open(path) as store:
        import_file(store, callouts(path.with_name("utr.csv"), 200))
    return path


def damaged(kind: str, tmp_path: Path) -> Path:
    path = tmp_path / f"{kind}.duckdb"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "truncated":
        path.write_bytes(good_database(tmp_path / "god.duckdb").read_bytes()[:5000])
    elif kind == "garbled":
        data = bytearray(good_database(tmp_path / "god.duckdb").read_bytes())
        data[100:3100] = b"\xff" * 3000
        path.write_bytes(bytes(data))
    elif kind == "not-a-database":
        path.write_text("Dette er et notat, ikke en database.\n" * 200, encoding="utf-8")
    else:
        path.mkdir()
    return path


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("empty", "skadet"),
        ("truncated", "skadet"),
        ("garbled", "skadet"),
        ("not-a-database", "skadet"),
        ("folder", "mappe"),
    ],
)
@pytest.mark.parametrize("command", ["import", "metrics"])
def test_a_database_that_cannot_be_used_is_named_in_norwegian(tmp_path, kind, says, command):
    db = damaged(kind, tmp_path)
    args = ["import", str(callouts(tmp_path / "ny.csv"))] if command == "import" else ["metrics"]

    result = cli("--db", str(db), *args)

    assert_norwegian_failure(result, says, "--db")


FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    from pathlib import Path
    from dashboard.cli import main
    # A full disk, as far as this process can make one without root: no file may grow
    # past the database's present size (and the signal becomes an error DuckDB sees).
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    size = Path(sys.argv[1]).stat().st_size
    resource.setrlimit(resource.RLIMIT_FSIZE, (size + 4096, resource.RLIM_INFINITY))
    sys.exit(main(["--db", sys.argv[1], "import", sys.argv[2]]))
    """
)


def test_a_full_disk_is_named_and_the_next_import_works(tmp_path):
    db = good_database(tmp_path / "db.duckdb")
    big = callouts(tmp_path / "stor.csv", 200_000, first=1000)

    full = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(db), str(big)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    after = cli("--db", str(db), "import", str(callouts(tmp_path / "neste.csv", 5, 500)))

    assert_norwegian_failure(full, "disken er full", "Frigjør plass")
    assert after.returncode == 0, after.stderr
    with Store.open(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM callouts").fetchone() == (205,)


def test_goals_export_into_a_folder_is_a_norwegian_message(tmp_path):
    db = good_database(tmp_path / "db.duckdb")
    (tmp_path / "mappe.csv").mkdir()

    result = cli("--db", str(db), "goals", "export", str(tmp_path / "mappe.csv"))

    assert_norwegian_failure(result, "mappe")


# --- 5. Formula injection, 6. control characters in the export -------------------------

HOSTILE_TEXTS = [
    '=HYPERLINK("http://x";"klikk")',
    "+47 123",
    "-2+3",
    "@SUM(A1)",
    "\tinnrykk",
    "'sitat",
    "linje\x0bskift fra PowerPoint",
    "literal _x000B_ tekst",
]


@pytest.fixture
def hostile_register(tmp_path):
    with Store.open(tmp_path / "register.duckdb") as store:
        for number, text in enumerate(HOSTILE_TEXTS):
            goal = add_goal(store.con, "Plan X", f"Mål {number}", area=text)
            add_assessment(store.con, goal, date(2021, 5, 1), 2, text, text)
        yield store


def register_content(store: Store) -> list[tuple]:
    return store.con.execute(
        "SELECT g.plan, g.area, g.goal_text, a.status, a.assessed_on, a.comment, a.owner "
        "FROM goals g JOIN goal_assessments a USING (goal_id) ORDER BY g.goal_text"
    ).fetchall()


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_hostile_register_exports_as_text_and_imports_back_unchanged(
    hostile_register, tmp_path, suffix
):
    path = tmp_path / f"register{suffix}"

    assert export_register(hostile_register.con, path) == len(HOSTILE_TEXTS)

    with Store.open(tmp_path / "tom.duckdb") as empty:
        import_file(empty, path)
        assert register_content(empty) == register_content(hostile_register)


def test_the_xlsx_export_holds_no_formula(hostile_register, tmp_path):
    path = tmp_path / "register.xlsx"
    export_register(hostile_register.con, path)

    cells = [cell for row in load_workbook(path).active.iter_rows() for cell in row]

    assert all(cell.data_type != "f" for cell in cells)
    assert any(cell.value == '=HYPERLINK("http://x";"klikk")' for cell in cells)


def test_the_csv_export_starts_no_cell_with_a_formula_character(hostile_register, tmp_path):
    path = tmp_path / "register.csv"
    export_register(hostile_register.con, path)

    import csv

    with path.open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle, delimiter=";") for cell in row]

    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert '\'=HYPERLINK("http://x";"klikk")' in cells


def test_goals_export_of_text_with_control_characters_works_from_the_command_line(
    hostile_register, tmp_path
):
    db = hostile_register.path
    hostile_register.close()

    result = cli("--db", str(db), "goals", "export", str(tmp_path / "ut.xlsx"))

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_an_export_given_as_the_database_is_refused_and_left_as_it_was(tmp_path):
    export = callouts(tmp_path / "min_logg.csv")
    original = export.read_bytes()

    result = cli("--db", str(export), "import", str(callouts(tmp_path / "ny.csv")))

    assert_norwegian_failure(result, "eksportfil", "--db")
    assert export.read_bytes() == original


def test_another_kind_of_file_given_as_the_database_is_refused(tmp_path):
    notes = tmp_path / "notater.db"
    notes.write_text("Møtenotater\n" * 100, encoding="utf-8")

    result = cli("--db", str(notes), "import", str(callouts(tmp_path / "ny.csv")))

    assert_norwegian_failure(result, "skadet eller ikke en database")
    assert notes.read_text(encoding="utf-8") == "Møtenotater\n" * 100


def test_a_database_locked_by_another_process_is_said_in_norwegian(tmp_path):
    db = good_database(tmp_path / "db.duckdb")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True);"
            " time.sleep(60)",
            str(db),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout.readline().strip() == b"ok"
        result = cli("--db", str(db), "import", str(callouts(tmp_path / "ny.csv")))
    finally:
        holder.kill()
        holder.wait()

    assert_norwegian_failure(result, "i bruk")
