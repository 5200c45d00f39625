"""The command line in Norwegian, whatever the user types; backups that never overwrite a
file the user has, and restores that never let an identity number in."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
from exports import identity_number

from dashboard.cli import main

FNR = identity_number(date(1985, 3, 15))
# argparse's own English, and words no Norwegian message holds.
ENGLISH = re.compile(
    r"usage:|options:|positional arguments|error:|show this help|version number|"
    r"\b(invalid|choice|choose|expected|required|unrecognized|the|START|END|SEED)\b"
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    captured = capsys.readouterr()
    return exited.value.code, captured.out, captured.err


@pytest.mark.parametrize(
    "argv, says",
    [
        (["--bogus"], "ukjent argument: --bogus"),
        (["import"], "mangler FIL"),
        (["import", "--kind", "tull", "x.csv"], "--kind: ugyldig valg «tull»; velg blant"),
        (["import", "--kind"], "--kind: mangler en verdi"),
        (["tull"], "KOMMANDO: ugyldig valg «tull»"),
        (["metrics", "--from", "2024-02-30"], "--from: ugyldig dato «2024-02-30»"),
        (["metrics", "--from", "31.12.2024"], "--from: ugyldig dato «31.12.2024»"),
        (["metrics", "--json=ja"], "--json: tar ingen verdi"),
        (["demo", "--seed", "mange"], "--seed: ugyldig verdi «mange»; skriv et heltall"),
        (["goals"], "mangler HANDLING"),
        (["backup"], "mangler FIL"),
    ],
)
def test_every_argument_error_is_norwegian_and_exits_2(capsys, argv, says):
    code, out, err = run(capsys, *argv)

    assert code == 2 and out == ""
    assert err.startswith("bruk: helsevakt-dashboard")
    assert says in err and ": feil: " in err
    assert not ENGLISH.search(err), err


def test_an_identity_number_typed_as_an_argument_is_not_repeated(capsys):
    code, _, err = run(capsys, "import", "--kind", FNR, "x.csv")

    assert code == 2 and "fødselsnummer" in err
    assert FNR not in err


@pytest.mark.parametrize(
    "argv", [["--help"], ["import", "--help"], ["metrics", "-h"], ["goals", "export", "--help"]]
)
def test_help_is_norwegian(capsys, argv):
    code, out, _ = run(capsys, *argv)

    assert code == 0
    assert out.startswith("bruk: ") and "\nvalg:\n" in out
    assert "vis denne hjelpen og avslutt" in out
    assert not ENGLISH.search(out), out


def test_version_help_is_norwegian(capsys):
    code, out, _ = run(capsys, "--help")

    assert code == 0 and "--version   vis versjonsnummeret og avslutt" in out


def test_the_program_itself_prints_norwegian_for_a_bad_option():
    result = subprocess.run(
        [sys.executable, "-m", "dashboard", "metrics", "--til", "2024-01-01"],
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 2
    assert "feil: ukjent argument: --til 2024-01-01" in result.stderr
    assert not ENGLISH.search(result.stderr), result.stderr


# --- backup and restore ----------------------------------------------------------------


@pytest.fixture
def database(tmp_path, monkeypatch):
    monkeypatch.setenv("HELSEVAKT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HELSEVAKT_CONFIG_DIR", str(tmp_path / "cfg"))
    export = tmp_path / "logg.csv"
    export.write_text(
        "ID;Start;Slutt;Delprosjekt;Oppgave;Bestiller\n"
        "A1;01.02.2021 10:00;01.02.2021 10:30;2;Blodprøve;HBO\n"
        "A2;02.02.2021 10:00;02.02.2021 10:30;2;EKG;HBO\n",
        encoding="utf-8",
    )
    db = tmp_path / "hv.duckdb"
    assert main(["--db", str(db), "import", str(export)]) == 0
    return db


def contents(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT id, task FROM activities ORDER BY id").fetchall()


def test_a_backup_never_overwrites_a_file_the_user_has(database, tmp_path, capsys):
    kept = tmp_path / "kopi.duckdb"
    kept.write_bytes(b"en annen fil")

    code = main(["--db", str(database), "backup", str(kept)])

    err = capsys.readouterr().err
    assert code == 2 and "kopi.duckdb finnes fra før" in err and "--overwrite" in err
    assert kept.read_bytes() == b"en annen fil"


def test_a_backup_overwrites_only_when_asked(database, tmp_path, capsys):
    first = tmp_path / "kopi.duckdb"
    assert main(["--db", str(database), "backup", str(first)]) == 0

    assert main(["--db", str(database), "backup", "--overwrite", str(first)]) == 0

    assert contents(first) == contents(database)


def test_a_backup_never_overwrites_the_database_itself(database, capsys):
    before = contents(database)

    code = main(["--db", str(database), "backup", "--overwrite", str(database)])

    assert code == 2 and "selve databasen" in capsys.readouterr().err
    assert contents(database) == before


@pytest.mark.parametrize("name", ["eksport.csv", "logg.TXT", "rapport.xlsx", "notat.pdf"])
def test_a_backup_to_an_export_name_says_what_a_backup_is(database, tmp_path, capsys, name):
    code = main(["--db", str(database), "backup", str(tmp_path / name)])

    err = capsys.readouterr().err
    assert code == 2 and "en sikkerhetskopi er hele databasen" in err and ".duckdb" in err
    assert not (tmp_path / name).exists()


def test_a_restore_of_a_backup_holding_an_identity_number_is_refused(database, tmp_path, capsys):
    backup = tmp_path / "kopi.duckdb"
    assert main(["--db", str(database), "backup", str(backup)]) == 0
    with duckdb.connect(str(backup)) as con:
        con.execute("UPDATE activities SET task = ? WHERE id = 'A2'", [f"EKG {FNR[:6]} {FNR[6:]}"])
    before = contents(database)
    capsys.readouterr()

    code = main(["--db", str(database), "restore", str(backup)])

    captured = capsys.readouterr()
    assert code == 2 and "fødselsnummer" in captured.err and "activities" in captured.err
    assert FNR not in captured.out + captured.err and FNR[6:] not in captured.out + captured.err
    assert contents(database) == before
    assert [p.name for p in tmp_path.iterdir() if "gjenoppretting" in p.name] == []


def test_a_backup_of_an_export_given_as_the_database_says_so(database, tmp_path, capsys):
    export = tmp_path / "logg.csv"

    code = main(["--db", str(export), "backup", str(tmp_path / "kopi.duckdb")])

    err = capsys.readouterr().err
    assert code == 2 and "«logg.csv» er ikke en database" in err and "--db" in err
    assert not (tmp_path / "kopi.duckdb").exists()


def test_a_backup_to_a_folder_asks_for_a_file_name(database, tmp_path, capsys):
    folder = tmp_path / "kopier"
    folder.mkdir()

    code = main(["--db", str(database), "backup", "--overwrite", str(folder)])

    assert code == 2 and "er en mappe; oppgi et filnavn" in capsys.readouterr().err
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_importing_a_folder_says_it_is_a_folder(database, tmp_path, capsys):
    code = main(["--db", str(database), "import", str(tmp_path)])

    assert code == 1 and "er en mappe, ikke en fil" in capsys.readouterr().err


# --- what a file holds never drives the terminal ---------------------------------------

HOSTILE_TEXT = "\x1b[2J\x1b[31m\nlogg.csv: aktivitetslogg, 9 rader, 9 nye\u202e\r"
ROW = "A1;01.02.2021 10:00;01.02.2021 10:30;2;Blodprøve;HBO"


def assert_plain(text: str) -> None:
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", text), repr(text)
    assert "9 rader" not in text.split("\n")[0] or text.count("\n") <= 1


def test_a_header_with_terminal_escapes_is_printed_plain(tmp_path, capsys):
    path = tmp_path / "logg.csv"
    header = f'ID;Start;Slutt;Delprosjekt;Oppgave;Bestiller;"Notat{HOSTILE_TEXT}"'
    path.write_text(f"{header}\n{ROW};x\n", encoding="utf-8")

    assert main(["--db", str(tmp_path / "hv.duckdb"), "import", str(path)]) == 0

    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith("logg.csv: aktivitetslogg, 1 rader")
    assert "ikke brukt: Notat?[2J?[31m?logg.csv" in out
    assert_plain(out)


def test_a_cell_with_terminal_escapes_is_quoted_plain(tmp_path, capsys):
    path = tmp_path / "logg.csv"
    row = ROW.replace(";2;", f';"9{HOSTILE_TEXT}";')
    path.write_text(f"ID;Start;Slutt;Delprosjekt;Oppgave;Bestiller\n{row}\n", encoding="utf-8")

    assert main(["--db", str(tmp_path / "hv.duckdb"), "import", str(path)]) == 1

    err = capsys.readouterr().err
    assert "rad 2, kolonne «Delprosjekt»: ukjent delprosjekt «9?[2J" in err
    assert err.count("\n") == 2
    assert_plain(err)


def test_a_file_name_with_terminal_escapes_is_printed_plain(tmp_path, capsys):
    path = tmp_path / "logg\x1b[31m\nfalsk.csv"
    path.write_text("ID;Start\nA1;tull\n", encoding="utf-8")

    assert main(["--db", str(tmp_path / "hv.duckdb"), "import", str(path)]) == 1

    err = capsys.readouterr().err
    assert err.startswith("Avvist: logg?[31m?falsk.csv (ingen endringer i databasen)\n")
    assert_plain(err)


def test_a_restore_is_not_refused_for_digits_the_program_computed(database, tmp_path, capsys):
    """A file's SHA-256, a goal id and an id derived from a row's content are hexadecimal:
    one in a few thousand holds eleven digits that read as an identity number."""
    backup = tmp_path / "kopi.duckdb"
    assert main(["--db", str(database), "backup", str(backup)]) == 0
    derived = f"h{FNR}{'ab12' * 5}c-1"
    assert len(derived) == 35
    with duckdb.connect(str(backup)) as con:
        con.execute("UPDATE activities SET id = ? WHERE id = 'A2'", [derived])
        con.execute("UPDATE imports SET sha256 = ?", [f"{FNR}{'f' * 53}"])

    assert main(["--db", str(database), "restore", str(backup)]) == 0

    assert contents(database) == [("A1", "Blodprøve"), (derived, "EKG")]


def test_a_backup_never_overwrites_the_database_log(database, capsys):
    wal = database.with_name(database.name + ".wal")
    wal.write_bytes(b"")
    before = contents(database)

    code = main(["--db", str(database), "backup", "--overwrite", str(wal)])

    assert code == 2 and "selve databasen (eller loggen dens)" in capsys.readouterr().err
    assert wal.read_bytes() == b""
    assert contents(database) == before


def test_a_message_of_our_own_passes_and_unknown_english_does_not():
    from dashboard.cli_parser import UNKNOWN_ERROR, norwegian_error

    assert norwegian_error("argument --uke: skriv et tall fra 1 til 53") == (
        "--uke: skriv et tall fra 1 til 53"
    )
    assert norwegian_error("cannot have multiple subparser arguments") == UNKNOWN_ERROR
    assert norwegian_error("argument -x: conflicting option string: -x") == f"-x: {UNKNOWN_ERROR}"
