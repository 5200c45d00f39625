from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from dashboard.data.figures import goal_status
from dashboard.data.goals import add_assessment, add_goal, current_user, status_word
from dashboard.data.importer import import_file
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.views.base import ViewHost
from dashboard.views.goals_view import GoalsView, status_label
from dashboard.views.worker import Database, ImmediateRunner

STRATEGI = "Strategi 2030 (HMN)"
REGIONAL = "Regional utviklingsplan 2019–2022"
YEAR_2021 = Filters(date(2021, 1, 1), date(2021, 12, 31))
LEFT = Qt.MouseButton.LeftButton


pytestmark = [
    pytest.mark.usefixtures("norwegian"),
    # The offscreen platform says so whenever a dialog is shown.
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)"),
]


def query(path: Path, sql: str, params=None) -> list[tuple]:
    """What the file holds, read as another program would: the view has let go of it."""
    with Store.open(path, read_only=True, wait=0) as store:
        return store.con.execute(sql, params).fetchall()


@pytest.fixture
def path(tmp_path) -> Path:
    store = Store.open(tmp_path / "x.duckdb")
    con = store.con
    one = add_goal(con, STRATEGI, "Mål en", area="Samhandling")
    add_assessment(con, one, date(2021, 5, 1), 2, comment="Delvis i gang", recorded_by="test")
    add_assessment(con, one, date(2022, 5, 1), 3, comment="Nådd", recorded_by="test")
    two = add_goal(con, STRATEGI, "Mål to")
    add_assessment(con, two, date(2021, 5, 1), 1, recorded_by="test")
    three = add_goal(con, REGIONAL, "Mål tre")
    add_assessment(con, three, None, None, recorded_by="test")
    four = add_goal(con, REGIONAL, "Mål fire")
    add_assessment(con, four, date(2021, 5, 1), 3, owner="HMN", recorded_by="test")
    store.close()
    return store.path


@pytest.fixture
def host(qtbot, path) -> ViewHost:
    """The view alone, its jobs run at once: each opens the file and closes it again."""
    database = Database.on_file(path, background=False)
    view = GoalsView(database)
    qtbot.addWidget(view)
    host = ViewHost(view, database, YEAR_2021)
    host.refresh()
    return host


@pytest.fixture
def view(host) -> GoalsView:
    return host.view


def goal_rows(view) -> list[list[str]]:
    model = view.goal_model
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_status_is_a_symbol_and_the_register_word(view):
    assert view.title() == "Mål"
    for status, symbol in ((1, "✖"), (2, "◐"), (3, "✔"), (None, "–")):
        assert status_label(status) == f"{symbol} {status_word(status)}"
    assert [view.status_box.itemText(i) for i in range(view.status_box.count())] == [
        "Alle statuser",
        "✔ Oppfylt",
        "◐ Delvis oppfylt",
        "✖ Ikke oppfylt",
        "◇ Vurdert uten skala",
        "– Ikke vurdert",
    ]


def test_goals_grouped_by_plan_with_status_as_of_the_period_end(view):
    # Plan, area, goal, status, assessed, comment, indicator.
    assert goal_rows(view) == [
        [REGIONAL, "–", "Mål fire", "✔ Oppfylt (3)", "01.05.2021", "–", ""],
        [REGIONAL, "–", "Mål tre", "– Ikke vurdert", "–", "–", ""],
        [
            STRATEGI,
            "Samhandling",
            "Mål en",
            "◐ Delvis oppfylt (2)",
            "01.05.2021",
            "Delvis i gang",
            "",
        ],
        [STRATEGI, "–", "Mål to", "✖ Ikke oppfylt (1)", "01.05.2021", "–", ""],
    ]
    view.select_goal(0)
    assert view.details_label.text() == "Måltype: – · Frist: – · Ansvarlig: HMN"


def test_status_counts_per_plan_in_the_chart(view):
    bars = view.bars
    # Plans top-down in alphabetical order: Regional, Strategi.
    assert bars.heights("✔ Oppfylt") == [1, 0]
    assert bars.heights("◐ Delvis oppfylt") == [0, 1]
    assert bars.heights("✖ Ikke oppfylt") == [0, 1]
    assert bars.heights("– Ikke vurdert") == [1, 0]
    assert bars.heights("◇ Vurdert uten skala") == [0, 0]
    assert view.panel.legend.labels() == [
        "✔ Oppfylt",
        "◐ Delvis oppfylt",
        "✖ Ikke oppfylt",
        "◇ Vurdert uten skala",
        "– Ikke vurdert",
    ]
    assert view.panel.title_label.text() == "Målstatus per plan per 31.12.2021"
    assert view.tooltip(0.5, 0) == f"{REGIONAL}\n✔ Oppfylt: 1 mål"


def test_the_numbers_behind_the_chart_copy_to_excel(view):
    view.panel.copy_data()
    assert QApplication.clipboard().text().splitlines() == [
        "Plan\t✔ Oppfylt\t◐ Delvis oppfylt\t✖ Ikke oppfylt\t◇ Vurdert uten skala\t– Ikke vurdert",
        f"{REGIONAL}\t1\t0\t0\t0\t1",
        f"{STRATEGI}\t0\t1\t1\t0\t0",
    ]


def test_filter_by_plan(view):
    view.plan_box.setCurrentIndex(view.plan_box.findText(STRATEGI))
    assert [row[2] for row in goal_rows(view)] == ["Mål en", "Mål to"]
    assert view.bars.heights("◐ Delvis oppfylt") == [1]
    assert view.plan_names_shown() == [STRATEGI]


def test_filter_by_status(view):
    view.status_box.setCurrentIndex(view.status_box.findText("– Ikke vurdert"))
    assert [row[2] for row in goal_rows(view)] == ["Mål tre"]
    view.status_box.setCurrentIndex(view.status_box.findText("✔ Oppfylt"))
    assert [row[2] for row in goal_rows(view)] == ["Mål fire"]
    view.plan_box.setCurrentIndex(view.plan_box.findText(STRATEGI))
    assert goal_rows(view) == []


def test_a_goals_history_up_to_the_period_end(view, host):
    view.select_goal(2)
    assert view.history_label.text() == "Vurderinger av: Mål en"
    model = view.history_model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 1)) == "◐ Delvis oppfylt (2)"
    host.refresh(Filters(date(2022, 1, 1), date(2022, 12, 31)))
    assert goal_rows(view)[2][3] == "✔ Oppfylt (3)"
    view.select_goal(2)
    history = [[model.data(model.index(r, c)) for c in range(3)] for r in range(model.rowCount())]
    assert history == [
        ["01.05.2021", "◐ Delvis oppfylt (2)", "Delvis i gang"],
        ["01.05.2022", "✔ Oppfylt (3)", "Nådd"],
    ]


# The register kept from the view: record, add, undo, export.

YEAR_2022 = Filters(date(2022, 1, 1), date(2022, 12, 31))


def assessments_of(path, goal_text) -> list[tuple]:
    return query(
        path,
        "SELECT a.assessed_on, a.status, a.comment, a.owner, a.recorded_by "
        "FROM goal_assessments a JOIN goals g USING (goal_id) WHERE g.goal_text = ? "
        "ORDER BY a.recorded_at, a.rowid",
        [goal_text],
    )


def record_through_dialog(qtbot, view, row: int, status: str, day: QDate, comment: str):
    view.select_goal(row)
    dialog = view.open_record_dialog()
    dialog.status_box.setCurrentIndex(dialog.status_box.findText(status))
    dialog.date_edit.setDate(day)
    dialog.comment_edit.setPlainText(comment)
    dialog.owner_edit.setText("Kari")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    return dialog


def test_recording_an_assessment_through_the_dialog_appends_it_with_the_os_user(qtbot, view, path):
    view.select_goal(3)
    dialog = view.open_record_dialog()
    assert dialog.goal_label.text() == "Mål to"
    assert dialog.plan_label.text() == STRATEGI
    assert dialog.status_box.currentText() == "✖ Ikke oppfylt (1)"
    assert [dialog.status_box.itemText(i) for i in range(4)] == [
        "✖ Ikke oppfylt (1)",
        "◐ Delvis oppfylt (2)",
        "✔ Oppfylt (3)",
        "– Ikke vurdert",
    ]
    dialog.reject()
    record_through_dialog(qtbot, view, 3, "✔ Oppfylt (3)", QDate(2021, 9, 1), "Fullført")
    assert assessments_of(path, "Mål to") == [
        (date(2021, 5, 1), 1, None, None, "test"),
        (date(2021, 9, 1), 3, "Fullført", "Kari", current_user()),
    ]
    assert goal_rows(view)[3][3:5] == ["✔ Oppfylt (3)", "01.09.2021"]
    assert view.message.text() == "Vurderingen er lagret."
    view.select_goal(3)
    history = view.history_model
    assert [history.data(history.index(r, 1)) for r in range(2)] == [
        "✖ Ikke oppfylt (1)",
        "✔ Oppfylt (3)",
    ]
    assert history.data(history.index(1, 5)) == current_user()


def test_a_write_tells_the_other_views(qtbot, view):
    with qtbot.waitSignal(view.data_changed, timeout=1000):
        record_through_dialog(qtbot, view, 3, "✔ Oppfylt (3)", QDate(2021, 9, 1), "Fullført")


def test_an_assessment_after_the_period_is_saved_and_said_to_be_hidden(qtbot, view, path):
    record_through_dialog(qtbot, view, 3, "✔ Oppfylt (3)", QDate(2022, 2, 1), "Senere")
    assert assessments_of(path, "Mål to")[-1][:2] == (date(2022, 2, 1), 3)
    assert goal_rows(view)[3][3] == "✖ Ikke oppfylt (1)"
    assert "etter at den valgte perioden slutter (31.12.2021)" in view.message.text()


def test_undo_through_the_view_says_what_it_takes_back(qtbot, view, path):
    record_through_dialog(qtbot, view, 3, "✔ Oppfylt (3)", QDate(2021, 9, 1), "Fullført")
    recorded = query(path, "SELECT max(recorded_at) FROM goal_assessments")[0][0]
    expected = (
        "vurderingen av «Mål to» per 01.09.2021 (✔ Oppfylt), registrert "
        f"{recorded:%d.%m.%Y} kl. {recorded:%H:%M} av {current_user()}"
    )
    assert view.undo_action.toolTip() == f"Angre: {expected}"
    box = view.ask_undo()
    assert box.text() == f"Angre {expected}?"
    assert box.defaultButton() is box.cancel_button
    qtbot.mouseClick(box.cancel_button, LEFT)
    assert len(assessments_of(path, "Mål to")) == 2
    box = view.ask_undo()
    qtbot.mouseClick(box.undo_button, LEFT)
    assert assessments_of(path, "Mål to") == [(date(2021, 5, 1), 1, None, None, "test")]
    assert goal_rows(view)[3][3] == "✖ Ikke oppfylt (1)"
    assert view.message.text() == "Siste endring er angret."


def test_undo_is_ctrl_z_within_the_view(view):
    assert view.undo_action in view.actions()
    assert view.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert view.undo_action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    assert [button.text() for button in view.buttons] == [
        "Registrer vurdering…",
        "Rediger mål…",
        "Nytt mål…",
        "Angre siste endring",
        "Eksporter målregister…",
    ]


def test_a_new_goal_through_the_dialog(qtbot, view, path, host):
    view.plan_box.setCurrentIndex(view.plan_box.findText(REGIONAL))
    dialog = view.open_new_goal_dialog()
    assert dialog.plan_box.currentText() == REGIONAL
    assert [dialog.plan_box.itemText(i) for i in range(dialog.plan_box.count())] == [
        REGIONAL,
        STRATEGI,
    ]
    assert not dialog.ok_button.isEnabled()
    dialog.plan_box.setCurrentText("Ny plan 2030")
    dialog.area_edit.setText("Kompetanse")
    dialog.goal_edit.setPlainText("  Mål fem  ")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, LEFT)
    today = date.today()
    assert query(
        path,
        "SELECT g.plan, g.area, g.goal_text, a.assessed_on, a.status, a.recorded_by "
        "FROM goals g JOIN goal_assessments a USING (goal_id) WHERE g.plan = 'Ny plan 2030'",
    ) == [("Ny plan 2030", "Kompetanse", "Mål fem", today, None, current_user())]
    # Registered today, after the 2021 period: the view says why it is not listed yet.
    assert "vises derfor ikke" in view.message.text()
    host.refresh(Filters(date(2021, 1, 1), today))
    view.plan_box.setCurrentIndex(0)
    assert ["Ny plan 2030", "Kompetanse", "Mål fem", "– Ikke vurdert"] in [
        row[:4] for row in goal_rows(view)
    ]
    box = view.ask_undo()
    assert box.text().startswith("Angre det nye målet «Mål fem», registrert ")
    qtbot.mouseClick(box.undo_button, LEFT)
    assert query(path, "SELECT count(*) FROM goals") == [(4,)]


def test_a_read_only_database_disables_editing_and_says_why(qtbot, path, tmp_path):
    database = Database(path, ImmediateRunner(path), read_only=True)
    view = GoalsView(database)
    qtbot.addWidget(view)
    ViewHost(view, database, YEAR_2021).refresh()
    view.select_goal(0)
    for action in (view.record_action, view.new_goal_action, view.undo_action):
        assert not action.isEnabled()
        assert "skrivebeskyttet" in action.toolTip()
    assert not view.buttons[0].isEnabled()
    assert view.open_record_dialog() is None
    assert view.open_new_goal_dialog() is None
    assert view.ask_undo() is None
    assert view.export_action.isEnabled()
    view.export_to(tmp_path / "lest.csv")
    assert view.message.text() == f"5 vurderinger eksportert til {tmp_path / 'lest.csv'}."


def test_record_needs_a_chosen_goal(view):
    assert not view.record_action.isEnabled()
    assert view.open_record_dialog() is None
    view.select_goal(0)
    assert view.record_action.isEnabled()


def test_status_over_time_for_the_chosen_plan(view, host):
    host.refresh(YEAR_2022)
    view.plan_box.setCurrentIndex(view.plan_box.findText(STRATEGI))
    bars = view.time_bars
    # 01.05.2021: Mål en partly, Mål to not met; 01.05.2022: Mål en met.
    assert bars.heights("✔ Oppfylt") == [0, 1]
    assert bars.heights("◐ Delvis oppfylt") == [1, 0]
    assert bars.heights("✖ Ikke oppfylt") == [1, 1]
    assert bars.heights("– Ikke vurdert") == [0, 0]
    ticks = view.time_chart.getPlotItem().getAxis("bottom")._tickLevels[0]
    assert [label for _, label in ticks] == ["01.05.2021", "01.05.2022"]
    assert view.time_panel.title_label.text() == f"Målstatus ved hver vurdering: {STRATEGI}"
    assert view.time_tooltip(1, 0.5) == "01.05.2022\n✔ Oppfylt: 1 mål"
    # Up to the period's end only.
    host.refresh(YEAR_2021)
    assert view.time_bars.heights("✖ Ikke oppfylt") == [1]


def test_all_plans_shows_the_first_plan_over_time(view):
    assert view.time_panel.title_label.text() == f"Målstatus ved hver vurdering: {REGIONAL}"
    assert view.time_bars.heights("✔ Oppfylt") == [1]
    assert view.time_bars.heights("– Ikke vurdert") == [1]


def change_rows(view) -> list[list[str]]:
    model = view.changes_model
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_changed_since_the_previous_round_by_default_and_a_chosen_date(view, host):
    host.refresh(YEAR_2022)
    assert view.since_edit.date() == QDate(2021, 5, 1)
    assert change_rows(view) == [
        [STRATEGI, "Mål en", "◐ Delvis oppfylt (2)", "✔ Oppfylt (3)", "01.05.2022", "Nådd"]
    ]
    assert view.changes_label.text() == "1 mål har endret status fra 01.05.2021 til 31.12.2022."
    view.since_edit.setDate(QDate(2021, 4, 30))
    assert [row[1:4] for row in change_rows(view)] == [
        ["Mål fire", "– Ikke vurdert", "✔ Oppfylt (3)"],
        ["Mål en", "– Ikke vurdert", "✔ Oppfylt (3)"],
        ["Mål to", "– Ikke vurdert", "✖ Ikke oppfylt (1)"],
    ]
    view.plan_box.setCurrentIndex(view.plan_box.findText(REGIONAL))
    assert [row[1] for row in change_rows(view)] == ["Mål fire"]
    assert view.changes_label.text() == "1 mål har endret status fra 30.04.2021 til 31.12.2022."


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_from_the_view_imports_back(view, path, tmp_path, suffix):
    exported = tmp_path / f"målregister{suffix}"
    assert view.export_to(exported).writes is False
    assert view.message.text() == f"5 vurderinger eksportert til {exported}."
    with Store.open(tmp_path / "tom.duckdb") as empty, Store.open(path, read_only=True) as kept:
        import_file(empty, exported)
        for day in (date(2021, 12, 31), date(2022, 12, 31)):
            assert goal_status(empty.con, day) == goal_status(kept.con, day)


def test_an_export_that_fails_says_so(view, tmp_path):
    view.export_to(tmp_path / "register.pdf")
    assert view.message.text().startswith("Kunne ikke eksportere målregisteret: ")
