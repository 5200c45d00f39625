"""The goal register exported and imported back gives the same goal figures."""

import subprocess
import sys
from datetime import date

import pytest

from dashboard.data import figures
from dashboard.data.goals import add_assessment, add_goal
from dashboard.data.importer import import_file
from dashboard.data.register import export_register
from dashboard.data.store import Store

DATES = [date(2019, 12, 31), date(2021, 5, 31), date(2022, 1, 1), date(2026, 11, 22)]


@pytest.fixture
def register(tmp_path):
    source = tmp_path / "goals.csv"
    source.write_text(
        "Mål-ID;Plan;Mål;Status;Vurdert\n"
        "S-1;Plan B;Mål med egen ID;1;03.2020\n"
        "S-1;Plan B;Mål med egen ID (ny tekst);3;mai 2022\n",
        encoding="utf-8",
    )
    with Store.open(tmp_path / "register.duckdb") as store:
        import_file(store, source)
        first = add_goal(store.con, "Plan A", "Første mål", area="Samhandling")
        second = add_goal(store.con, "Plan A", "Andre mål; med semikolon")
        add_assessment(store.con, first, date(2020, 1, 1), 1, "Startet; «sakte»", "Kari")
        add_assessment(store.con, first, date(2021, 5, 1), 2)
        add_assessment(store.con, second, date(2021, 5, 1), None, "Ikke vurdert ennå")
        add_assessment(store.con, second, date(2022, 6, 1), 3)
        yield store


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_imports_into_an_empty_database_with_identical_goal_figures(
    register, tmp_path, suffix
):
    exported = tmp_path / f"register{suffix}"
    assert export_register(register.con, exported) == 6
    with Store.open(tmp_path / f"empty{suffix}.duckdb") as empty:
        import_file(empty, exported)
        for day in DATES:
            assert figures.goal_status(empty.con, day) == figures.goal_status(register.con, day)


def test_export_imports_back_into_its_own_database_as_a_no_op(register, tmp_path):
    exported = tmp_path / "register.xlsx"
    export_register(register.con, exported)
    assert import_file(register, exported).already_imported


def test_goals_export_command(register, tmp_path):
    path = register.path
    register.close()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "dashboard",
            "goals",
            "export",
            str(tmp_path / "r.csv"),
            "--db",
            str(path),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert "6 vurderinger" in result.stdout
    assert (tmp_path / "r.csv").read_text(encoding="utf-8-sig").startswith("Mål-ID;Plan;")
