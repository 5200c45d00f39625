"""Backups and restores on real DuckDB files, with real exports imported into them."""

import subprocess
import sys

import duckdb
import pytest

from dashboard.data.backup import TABLES, BackupRefused, backup, check_backup, restore
from dashboard.data.importer import import_file
from dashboard.data.migrations import MIGRATIONS
from dashboard.data.store import DatabaseLockedError, Store

ACTIVITIES = (
    "ID;Start;Slutt;Delprosjekt;Oppgave;Bestiller\n"
    "1;03.01.2024 10:00;03.01.2024 10:45;2;Blodprøve;HBO\n"
    "2;04.01.2024 12:00;04.01.2024 12:30;1;Ø-hjelp;AMK\n"
)
GOALS = "Plan;Mål;Status;Dato\nStrategi 2030;Felles journal;2;01.05.2021\n"
HOLD_OPEN = (
    "import sys, time, duckdb\n"
    "con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == 'ro')\n"
    "print('open', flush=True)\n"
    "time.sleep(60)\n"
)


def _filled_db(tmp_path, name="helsevakt.duckdb"):
    path = tmp_path / name
    (tmp_path / "aktivitet.csv").write_text(ACTIVITIES, encoding="utf-8")
    (tmp_path / "maal.csv").write_text(GOALS, encoding="utf-8")
    with Store.open(path) as store:
        import_file(store, tmp_path / "aktivitet.csv")
        import_file(store, tmp_path / "maal.csv")
    return path


def _contents(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = {
            table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() for table in TABLES
        }
        sequences = con.execute("SELECT sequence_name, last_value FROM duckdb_sequences()")
        return tables, sequences.fetchall()
    finally:
        con.close()


@pytest.fixture
def holder(request):
    """Another process holding a database open, read-only ('ro') or for writing ('rw')."""
    processes = []

    def hold(path, mode):
        process = subprocess.Popen(
            [sys.executable, "-c", HOLD_OPEN, str(path), mode], stdout=subprocess.PIPE, text=True
        )
        processes.append(process)
        assert process.stdout.readline().strip() == "open"

    yield hold
    for process in processes:
        process.kill()
        process.wait()


def test_a_restored_backup_has_every_row_and_the_old_database_is_kept(tmp_path):
    db = _filled_db(tmp_path)
    before = _contents(db)
    assert len(before[0]["activities"]) == 2 and len(before[0]["goal_assessments"]) == 1
    copy = backup(db, tmp_path / "kopier" / "kopi.duckdb")
    assert _contents(copy) == before
    with Store.open(db) as store:
        store.con.execute("DELETE FROM activities")
    kept = restore(copy, db)
    assert _contents(db) == before
    assert kept.name.startswith("helsevakt.før-gjenoppretting-") and kept.suffix == ".duckdb"
    assert _contents(kept)[0]["activities"] == []
    with Store.open(db) as store:
        assert store.con.execute("SELECT nextval('import_id_seq')").fetchone() == (3,)


def test_restore_into_a_new_place_keeps_nothing(tmp_path):
    copy = backup(_filled_db(tmp_path), tmp_path / "kopi.duckdb")
    assert restore(copy, tmp_path / "ny" / "helsevakt.duckdb") is None
    assert _contents(tmp_path / "ny" / "helsevakt.duckdb") == _contents(copy)


def _truncated(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])


def _garbled(path):
    data = bytearray(path.read_bytes())
    for index in range(20_000, len(data), 997):
        data[index] ^= 0x5A
    path.write_bytes(bytes(data))


def _not_duckdb(path):
    path.write_text("Start;Slutt\n", encoding="utf-8")


def _foreign_duckdb(path):
    path.unlink()
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE pasienter (navn VARCHAR)")
    con.close()


def _newer_schema(path):
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [MIGRATIONS[-1][0] + 1])
    con.close()


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_truncated, "skadet"),
        (_garbled, "skadet"),
        (_not_duckdb, "ikke en DuckDB-database"),
        (_foreign_duckdb, "ikke en database fra Helsevakt-dashboard"),
        (_newer_schema, "nyere versjon"),
    ],
)
def test_a_bad_backup_is_refused_before_anything_is_replaced(tmp_path, spoil, message):
    db = _filled_db(tmp_path)
    copy = backup(db, tmp_path / "kopi.duckdb")
    spoil(copy)
    original = db.read_bytes()
    with pytest.raises(BackupRefused, match=message):
        restore(copy, db)
    assert db.read_bytes() == original
    assert sorted(path.name for path in tmp_path.iterdir() if "duckdb" in path.name) == [
        "helsevakt.duckdb",
        "kopi.duckdb",
    ]


def test_backup_while_another_process_reads_the_database(tmp_path, holder):
    db = _filled_db(tmp_path)
    holder(db, "ro")
    assert check_backup(backup(db, tmp_path / "kopi.duckdb")) == MIGRATIONS[-1][0]
    assert _contents(tmp_path / "kopi.duckdb") == _contents(db)


def test_backup_on_the_connection_of_an_open_store(tmp_path):
    from dashboard.data.backup import backup_connection

    db = _filled_db(tmp_path)
    with Store.open(db) as store:
        store.con.execute("DELETE FROM goal_assessments")
        copy = backup_connection(store.cursor(), tmp_path / "kopi.duckdb")
        assert _contents(copy)[0]["goal_assessments"] == []
        assert len(_contents(copy)[0]["activities"]) == 2


def test_a_database_another_process_writes_is_neither_copied_nor_replaced(tmp_path, holder):
    db = _filled_db(tmp_path)
    copy = backup(db, tmp_path / "kopi.duckdb")
    holder(db, "rw")
    with pytest.raises(DatabaseLockedError, match="Fil-menyen"):
        backup(db, tmp_path / "kopi2.duckdb")
    with pytest.raises(DatabaseLockedError, match="gjenopprett fra Fil-menyen"):
        restore(copy, db)
    assert not (tmp_path / "kopi2.duckdb").exists()


def _database_at_schema_1(path):
    con = duckdb.connect(str(path))
    con.execute(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
    )
    con.execute(MIGRATIONS[0][1])
    con.execute("INSERT INTO schema_version VALUES (1, now()::TIMESTAMP)")
    con.execute("INSERT INTO goals VALUES ('g1', 'Strategi 2030', NULL, 'Felles journal')")
    con.close()


def test_an_older_database_is_copied_before_it_is_migrated(tmp_path):
    db = tmp_path / "helsevakt.duckdb"
    _database_at_schema_1(db)
    with Store.open(db):
        pass
    copies = list(tmp_path.glob("helsevakt.før-migrering-1-til-*.duckdb"))
    assert len(copies) == 1
    assert check_backup(copies[0]) == 1
    assert _contents(copies[0])[0]["goals"] == [("g1", "Strategi 2030", None, "Felles journal")]
    with Store.open(db):
        pass
    assert len(list(tmp_path.glob("*før-migrering*"))) == 1


def test_a_new_or_current_database_is_not_copied(tmp_path):
    with Store.open(tmp_path / "ny.duckdb"):
        pass
    with Store.open(tmp_path / "ny.duckdb"):
        pass
    assert [path.name for path in tmp_path.iterdir()] == ["ny.duckdb"]


def test_cli_backup_and_restore(tmp_path):
    db = _filled_db(tmp_path)

    def run(*args):
        command = [sys.executable, "-m", "dashboard", "--db", str(db), *map(str, args)]
        return subprocess.run(command, capture_output=True, text=True, encoding="utf-8")

    made = run("backup", tmp_path / "kopi.duckdb")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("Sikkerhetskopi skrevet:")
    restored = run("restore", tmp_path / "kopi.duckdb")
    assert restored.returncode == 0, restored.stderr
    assert "Den gamle databasen er beholdt som" in restored.stdout
    refused = run("restore", tmp_path / "aktivitet.csv")
    assert refused.returncode == 2
    assert refused.stderr == "Feil: aktivitet.csv er ikke en DuckDB-database\n"
