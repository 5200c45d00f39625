"""The Import view: provenance, refusals as a table, drops, and importing file by file."""

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from test_overview_view import make_fixture_store

from dashboard.data.problems import ImportResult, Problem
from dashboard.data.store import Store
from dashboard.views.import_view import ImportOutcome, ImportView, import_files

GOOD = (
    "Start;Slutt;Delprosjekt;Oppgave;Bestiller\n01.03.2024 10:00;01.03.2024 10:45;2;Blodprøve;HBO\n"
)
BAD = (
    "Start;Slutt;Delprosjekt;Oppgave;Bestiller\n01.03.2024 10:00;01.03.2024 10:45;9;Blodprøve;HBO\n"
)


pytestmark = pytest.mark.usefixtures("norwegian")


@pytest.fixture
def store(tmp_path):
    with make_fixture_store(tmp_path / "fixture.duckdb") as opened:
        yield opened


@pytest.fixture
def view(qtbot, store):
    import_view = ImportView(store)
    qtbot.addWidget(import_view)
    return import_view


def file_with(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def shown_cells(model, row: int) -> list[str]:
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


def test_provenance_lists_every_import_in_norwegian(view, store):
    view.refresh_now(store.cursor(), None)
    assert shown_cells(view.imports, 0) == [
        "02.04.2024 kl. 08:15",
        "fixture.csv",
        "Aktivitetslogg",
        "6",
        "6",
        "abcdef012345",
    ]


def test_a_refusal_is_a_table_of_file_row_column_and_problem(view):
    problems = [
        Problem("feil.csv", 3, "Delprosjekt", "ukjent delprosjekt «9»"),
        Problem("feil.csv", None, None, "filen er tom"),
    ]
    view.show_outcome(ImportOutcome(refusals={"feil.csv": problems}))
    assert shown_cells(view.problems, 0) == [
        "feil.csv",
        "3",
        "Delprosjekt",
        "ukjent delprosjekt «9»",
    ]
    assert shown_cells(view.problems, 1) == ["feil.csv", "–", "", "filen er tom"]
    assert view.problems_heading.text() == (
        "Avvist: feil.csv. Ingenting fra disse filene ble lagret; rett radene nedenfor."
    )
    assert not view.problems_table.isHidden()
    view.copy_problems()
    assert QApplication.clipboard().text().splitlines()[1] == (
        "feil.csv\t3\tDelprosjekt\tukjent delprosjekt «9»"
    )


def test_results_say_what_each_file_brought(view):
    view.show_outcome(
        ImportOutcome(
            results=[
                ImportResult("a.csv", "utrykninger", 10, 4),
                ImportResult("b.xlsx", "kjørebok", 3, 0),
            ]
        )
    )
    assert view.result_label.text().splitlines() == [
        "a.csv (Utrykninger): 10 rader lest, 4 nye.",
        "b.xlsx (Kjørebok): 3 rader, alle importert før – ingen endring.",
    ]
    assert view.problems_table.isHidden()


def test_results_count_the_empty_rows_left_out(view):
    view.show_outcome(
        ImportOutcome(results=[ImportResult("a.csv", "aktivitetslogg", 3, 3, 0, (), 2)])
    )

    assert view.result_label.text() == (
        "a.csv (Aktivitetslogg): 3 rader lest, 3 nye. "
        "2 tomme rader (bare skilletegn eller mellomrom) hoppet over."
    )


def drop(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    point = QPointF(widget.rect().center())
    actions = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), actions, mime, buttons, modifiers)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(point, actions, mime, buttons, modifiers))


def test_dropped_export_files_are_asked_for_and_others_left_out(qtbot, view, tmp_path):
    csv = file_with(tmp_path / "aktivitet.csv", GOOD)
    pdf = file_with(tmp_path / "notat.pdf", "%PDF")
    view.kind_box.setCurrentIndex(view.kind_box.findData("activity"))
    with qtbot.waitSignal(view.import_requested) as requested:
        drop(view.drop_zone, [csv, pdf])
    assert requested.args == [[csv], "activity", None]


def test_a_read_only_store_takes_no_files(qtbot, tmp_path):
    path = tmp_path / "kopi.duckdb"
    make_fixture_store(path).close()
    with Store.open(path, read_only=True) as store:
        view = ImportView(store)
        qtbot.addWidget(view)
        assert not view.drop_zone.isEnabled()
        assert view.read_only_label.text() == (
            "Databasen er skrivebeskyttet her: import er slått av."
        )
        with qtbot.assertNotEmitted(view.import_requested):
            view.request_import([file_with(tmp_path / "a.csv", GOOD)])


def count_rows(store: Store) -> int:
    return store.con.execute("SELECT count(*) FROM activities").fetchone()[0]


def test_files_are_imported_one_by_one_and_a_refusal_stops_only_its_file(store, tmp_path):
    good = file_with(tmp_path / "god.csv", GOOD)
    bad = file_with(tmp_path / "feil.csv", BAD)
    steps: list[float] = []
    outcome = import_files(store, [bad, good], None, lambda f, _: steps.append(f), lambda: False)
    assert [result.file for result in outcome.results] == ["god.csv"]
    assert list(outcome.refusals) == ["feil.csv"]
    assert outcome.refusals["feil.csv"][0].row == 2
    assert count_rows(store) == 7
    # The second file's progress runs from one half to the whole.
    assert min(steps) == 0.0 and max(steps) <= 1.0 and any(step >= 0.5 for step in steps)


def test_cancelling_mid_file_leaves_the_database_as_it_was(store, tmp_path):
    first = file_with(tmp_path / "en.csv", GOOD)
    second = file_with(tmp_path / "to.csv", GOOD.replace("10:45", "10:50"))
    reports: list[str] = []

    def cancelled() -> bool:
        return len(reports) >= 2

    outcome = import_files(store, [first, second], None, lambda _, m: reports.append(m), cancelled)
    assert outcome.results == []
    assert outcome.cancelled_file == "en.csv"
    assert outcome.skipped == ["to.csv"]
    assert count_rows(store) == 6
    assert store.imports()[0]["imported_at"] == datetime(2024, 4, 2, 8, 15)
