"""The planners' goal register: append-only history, undo, status over time, crash safety."""

import os
import signal
import subprocess
import sys
from datetime import date

import pytest

from dashboard.data import figures
from dashboard.data.goals import (
    add_assessment,
    current_user,
    register_goal,
    undo_last_edit,
)
from dashboard.data.importer import import_file
from dashboard.data.store import Store


@pytest.fixture
def store(tmp_path):
    source = tmp_path / "goals.csv"
    source.write_text(
        "Plan;Mål;Status;Vurdert\nPlan A;Mål én;1;01.2021\nPlan A;Mål to;2;01.2021\n",
        encoding="utf-8",
    )
    with Store.open(tmp_path / "register.duckdb") as store:
        import_file(store, source)
        yield store


def goal_id(store, text):
    return store.con.execute("SELECT goal_id FROM goals WHERE goal_text = ?", [text]).fetchone()[0]


def test_an_assessment_is_appended_with_who_recorded_it(store):
    first = goal_id(store, "Mål én")
    add_assessment(store.con, first, date(2022, 1, 1), 3, "Nådd", "Kari")
    history = figures.goal_history(store.con, first)
    assert [(h["assessed_on"], h["status"]) for h in history] == [
        (date(2021, 1, 1), 1),
        (date(2022, 1, 1), 3),
    ]
    assert history[-1]["recorded_by"] == current_user()


def test_a_new_goal_counts_as_not_assessed_from_the_day_it_is_registered(store):
    register_goal(store.con, "Plan A", "Mål tre", date(2022, 6, 1))
    before = figures.goal_status(store.con, date(2022, 5, 31))[0]
    after = figures.goal_status(store.con, date(2022, 6, 1))[0]
    assert (before.not_assessed, after.not_assessed) == (0, 1)


def test_undo_takes_back_only_the_last_hand_edit(store):
    first = goal_id(store, "Mål én")
    add_assessment(store.con, first, date(2022, 1, 1), 2)
    add_assessment(store.con, first, date(2023, 1, 1), 3)
    undone = undo_last_edit(store.con)
    assert (undone["assessed_on"], undone["status"]) == (date(2023, 1, 1), 3)
    assert [h["status"] for h in figures.goal_history(store.con, first)] == [1, 2]
    undo_last_edit(store.con)
    # Imported assessments are not edits: nothing more to undo.
    assert undo_last_edit(store.con) is None
    assert [h["status"] for h in figures.goal_history(store.con, first)] == [1]


def test_undoing_a_new_goal_removes_it(store):
    register_goal(store.con, "Plan A", "Mål tre", date(2022, 6, 1))
    undo_last_edit(store.con)
    assert store.con.execute("SELECT count(*) FROM goals").fetchone() == (2,)


def test_status_counts_over_the_assessment_dates(store):
    first, second = goal_id(store, "Mål én"), goal_id(store, "Mål to")
    add_assessment(store.con, first, date(2022, 1, 1), 2)
    add_assessment(store.con, second, date(2023, 1, 1), 3)
    assert [
        (row.assessed_on, row.status_1, row.status_2, row.status_3)
        for row in figures.goal_status_over_time(store.con, "Plan A")
    ] == [
        (date(2021, 1, 1), 1, 1, 0),
        (date(2022, 1, 1), 0, 2, 0),
        (date(2023, 1, 1), 0, 1, 1),
    ]


def test_every_plan_over_time_at_once_is_each_plan_alone(store):
    other = register_goal(store.con, "Plan B", "Mål tre", date(2022, 6, 1))
    add_assessment(store.con, other, date(2022, 6, 1), 1, status_text="Ikke nådd")
    every = figures.plans_status_over_time(store.con)
    assert sorted(every) == ["Plan A", "Plan B"]
    for plan, rows in every.items():
        assert rows == figures.goal_status_over_time(store.con, plan)
    assert [(row.assessed_on, row.status_1) for row in every["Plan B"]] == [(date(2022, 6, 1), 1)]


def test_every_goals_history_at_once_is_each_goals_alone(store):
    first, second = goal_id(store, "Mål én"), goal_id(store, "Mål to")
    add_assessment(store.con, first, date(2022, 1, 1), 3, "Nådd", "Kari")
    every = figures.goal_histories(store.con)
    assert every == {goal: figures.goal_history(store.con, goal) for goal in (first, second)}
    assert [row["status"] for row in every[first]] == [1, 3]


def test_goal_columns_name_the_query_s_columns(store):
    cursor = store.con.execute(
        figures.queries.GOALS_AS_OF.replace("$as_of", "?"), [date(2030, 1, 1)]
    )
    assert tuple(column[0] for column in cursor.description) == figures.queries.GOAL_COLUMNS


def test_status_counts_and_scale_words_from_the_latest_assessments(store):
    first, second = goal_id(store, "Mål én"), goal_id(store, "Mål to")
    add_assessment(store.con, first, date(2022, 1, 1), 3, status_text="Nådd ")
    add_assessment(store.con, second, date(2022, 1, 1), 3, status_text="nådd")
    third = register_goal(store.con, "Plan A", "Mål tre", date(2022, 1, 1))
    add_assessment(store.con, third, date(2022, 1, 1), None, status_text="Pågår")
    # As of 2021 both goals have their first status (1 and 2); Mål tre is not yet assessed.
    (plan_2021,) = figures.goal_status(store.con, date(2021, 6, 1))
    assert (plan_2021.status_1, plan_2021.status_2, plan_2021.status_3) == (1, 1, 0)
    (plan_2022,) = figures.goal_status(store.con, date(2022, 6, 1))
    assert (plan_2022.status_3, plan_2022.assessed_without_scale) == (2, 1)
    (words,) = figures.plan_scale_words(store.con, date(2022, 6, 1))
    # "Nådd " and "nådd" are one word in other case and spacing: the smaller spelling.
    assert words.words == {3: ("Nådd ",)}


EDIT_THEN_WAIT = """
import sys, time
from datetime import date
from dashboard.data.goals import add_assessment
from dashboard.data.store import Store
store = Store.open(sys.argv[1])
goal = store.con.execute("SELECT goal_id FROM goals WHERE goal_text = 'Mål én'").fetchone()[0]
add_assessment(store.con, goal, date(2024, 5, 1), 3, "Registrert rett før krasj")
print("edited", flush=True)
time.sleep(60)
"""


def test_an_edit_survives_the_process_being_killed_right_after(store):
    path = store.path
    store.close()
    process = subprocess.Popen(
        [sys.executable, "-c", EDIT_THEN_WAIT, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "edited"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with Store.open(path) as reopened:
        comments = reopened.con.execute("SELECT comment FROM goal_assessments").fetchall()
    assert ("Registrert rett før krasj",) in comments
