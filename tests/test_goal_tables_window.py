"""The Mål view and the import view with the real goal tables: the sources' words, months,
comments and verdicts as shown, a goal tied to a figure through the dialog, and the date
asked for when a table gives statuses without one."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from dashboard import RESOURCES
from dashboard.data.importer import import_file
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.views.base import ViewHost
from dashboard.views.goals_view import GoalsView
from dashboard.views.import_view import ImportOutcome, ImportView, import_files
from dashboard.views.worker import Database

pytestmark = [
    pytest.mark.usefixtures("norwegian"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)"),
]
JANUARY = Filters(date(2024, 1, 1), date(2024, 1, 31))
ST_OLAV = "Lokal utviklingsplan St. Olav 2019 – 2035"
HMR = "Lokal utviklingsplan HMR 2019 – 2022"
ROROS = "Rørosprosjektet – mobil integrert helsetjeneste"
TIED = "Styrke det lokale akuttmedisinske tilbudet, inklusive helseberedskap i regionen"
# January 2024: 4 acute call-outs, 3 with a doctor (75 %); December 2023: 2 and 1 (50 %).
CALLOUTS = (
    "Hendelsesnr;Alarmtid;Hastegrad;Ressurs;Lege med\n"
    "A1;03.01.2024 10:00;Akutt;Helsevaktbil;Ja\n"
    "A2;04.01.2024 10:00;Haster;Helsevaktbil;Ja\n"
    "A3;05.01.2024 10:00;Akutt;Helsevaktbil;Ja\n"
    "A4;06.01.2024 10:00;Akutt;Helsevaktbil;Nei\n"
    "A5;07.01.2024 10:00;Vanlig;Helsevaktbil;Nei\n"
    "B1;03.12.2023 10:00;Akutt;Helsevaktbil;Ja\n"
    "B2;04.12.2023 10:00;Akutt;Helsevaktbil;Nei\n"
)


@pytest.fixture
def path(tmp_path) -> Path:
    calls = tmp_path / "amk.csv"
    calls.write_text(CALLOUTS, encoding="utf-8")
    with Store.open(tmp_path / "mål.duckdb") as store:
        for table in sorted((RESOURCES / "goals").glob("*.csv")):
            import_file(store, table)
        import_file(store, calls)
        return store.path


@pytest.fixture
def view(qtbot, path) -> GoalsView:
    database = Database.on_file(path, background=False)
    view = GoalsView(database)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    ViewHost(view, database, JANUARY).refresh()
    return view


def rows(model) -> list[list[str]]:
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def choose_plan(view, plan: str) -> list[list[str]]:
    view.plan_box.setCurrentIndex(view.plan_box.findText(plan))
    return rows(view.goal_model)


def test_st_olav_is_shown_in_its_own_words_with_its_month_and_comments(view):
    shown = choose_plan(view, ST_OLAV)
    assert view.goal_table.isColumnHidden(0)
    first = next(row for row in shown if row[2].startswith("Bidra til at fastlegeordningen"))
    assert first[3:6] == [
        "◐ Delvis oppnådd (2)",
        "mai 2021",
        "Godkjent avtale om sykehustjeneste for ALIS kandidater",
    ]
    assert {row[3] for row in shown} == {
        "✔ Oppnådd (3)",
        "◐ Delvis oppnådd (2)",
        "✖ Ikke oppnådd (1)",
    }
    assert view.bars.heights("◐ Delvis oppfylt") == [8]


def test_hmr_statuses_are_kept_as_written_and_counted_apart(view):
    shown = choose_plan(view, HMR)
    assert len(shown) == 26
    iverksatt = next(row for row in shown if "Psykisk helsevern og rus" in row[2])
    assert iverksatt[3:5] == ["◇ Iverksatt (uten skala)", "mai 2021"]
    assert view.bars.heights("◇ Vurdert uten skala") == [25]
    assert view.bars.heights("– Ikke vurdert") == [1]
    view.status_box.setCurrentIndex(view.status_box.findText("◇ Vurdert uten skala"))
    assert len(rows(view.goal_model)) == 25
    # A long status is shortened in the table, with a mark, and shown whole below it.
    long_row = next(i for i, row in enumerate(rows(view.goal_model)) if "Barn og unge" in row[2])
    assert rows(view.goal_model)[long_row][3].endswith("… (uten skala)")
    view.select_goal(long_row)
    history = rows(view.history_model)
    assert history[0][1].endswith(
        "dialogmøter mellom HMR og aktuelle kommuner knyttet til "
        "konkrete problemstillinger (uten skala)"
    )
    assert view.details_label.text() == "Måltype: – · Frist: 2018-2022 · Ansvarlig: –"


def test_the_roros_goals_show_the_evaluations_verdict(view):
    shown = choose_plan(view, ROROS)
    competence = next(row for row in shown if row[2] == "Økt kompetanse i helsetjenestene på Røros")
    assert competence[3:6] == ["– Ikke vurdert", "–", "Evalueringens vurdering: JA"]


def test_a_goal_is_tied_to_the_acute_doctor_share_through_the_dialog(qtbot, view, path):
    shown = choose_plan(view, ROROS)
    row = next(i for i, r in enumerate(shown) if r[2] == TIED)
    view.select_goal(row)
    dialog = view.open_details_dialog()
    assert dialog.windowTitle() == "Rediger mål"
    assert not dialog.target_edit.isEnabled()
    dialog.indicator_box.setCurrentIndex(dialog.indicator_box.findData("acute_doctor_share"))
    assert dialog.target_edit.isEnabled() and dialog.target_edit.suffix() == " %"
    dialog.comparator_box.setCurrentIndex(dialog.comparator_box.findText("≥"))
    dialog.target_edit.setValue(60)
    dialog.deadline_edit.setText("2025")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    with Store.open(path, read_only=True, wait=0) as store:
        assert store.con.execute(
            "SELECT indicator, comparator, target, deadline FROM goals WHERE goal_text = ?",
            [TIED],
        ).fetchall() == [("acute_doctor_share", ">=", 0.6, "2025")]
    assert view.message.text() == "Målet er lagret."
    tied = next(r for r in rows(view.goal_model) if r[2] == TIED)
    assert tied[6] == (
        "Andel akutte utrykninger med lege: 75,0 % (mål ≥ 60,0 %), ↑ fra 50,0 % perioden før"
    )


def test_the_import_view_asks_for_the_date_of_undated_statuses(qtbot, tmp_path):
    table = tmp_path / "udatert.csv"
    table.write_text("Plan;Mål;Status\nP;Mål A;Delvis oppnådd\n", encoding="utf-8")
    with Store.open(tmp_path / "imp.duckdb") as store:
        view = ImportView(store)
        qtbot.addWidget(view)
        outcome = import_files(store, [table], None, lambda *_: None, lambda: False)
        assert outcome.needs_date == [table] and not outcome.results
        view.show_outcome(outcome)
        assert view.date_panel.isVisibleTo(view)
        assert view.date_panel.question.text().startswith("udatert.csv har statuser, men ikke")
        view.date_panel.date_edit.setText("neste uke")
        with qtbot.assertNotEmitted(view.import_requested):
            view.date_panel.import_button.click()
        assert view.date_panel.warning.text().startswith("«neste uke» er ikke en dato")
        view.date_panel.date_edit.setText("mai 2021")
        with qtbot.waitSignal(view.import_requested) as requested:
            view.date_panel.import_button.click()
        assert requested.args == [[table], None, "mai 2021"]
        outcome = import_files(store, [table], None, lambda *_: None, lambda: False, "mai 2021")
        view.show_outcome(outcome)
        assert not view.date_panel.isVisibleTo(view)
        assert store.con.execute(
            "SELECT status_text, assessed_on, assessed_precision FROM goal_assessments"
        ).fetchall() == [("Delvis oppnådd", date(2021, 5, 1), "month")]


def test_the_import_summary_in_the_window_names_unused_columns(qtbot, tmp_path):
    table = tmp_path / "merknad.csv"
    table.write_text("Plan;Mål;Status;Vurdert;Merknad;Egen kolonne\nP;A;1;2021;ok;x\n", "utf-8")
    with Store.open(tmp_path / "imp.duckdb") as store:
        view = ImportView(store)
        qtbot.addWidget(view)
        view.show_outcome(ImportOutcome(results=[import_file(store, table)]))
        assert view.result_label.text().endswith("Kolonner som ikke ble brukt: Egen kolonne.")
        assert store.con.execute("SELECT comment FROM goal_assessments").fetchall() == [("ok",)]


def test_an_assessment_is_recorded_in_the_plans_own_words(qtbot, view, path):
    shown = choose_plan(view, ST_OLAV)
    row = next(i for i, r in enumerate(shown) if r[3] == "✖ Ikke oppnådd (1)")
    view.select_goal(row)
    dialog = view.open_record_dialog()
    assert [dialog.status_box.itemText(i) for i in range(4)] == [
        "✖ Ikke oppnådd (1)",
        "◐ Delvis oppnådd (2)",
        "✔ Oppnådd (3)",
        "– Ikke vurdert",
    ]
    dialog.set_status(2)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    with Store.open(path, read_only=True, wait=0) as store:
        assert store.con.execute(
            "SELECT status_text, status FROM goal_assessments WHERE import_id IS NULL"
        ).fetchall() == [("Delvis oppnådd", 2)]
