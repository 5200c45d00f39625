"""The Oppfølging view: the log per meeting, add an item, change one, its history, export.

Fixture, days counted from today (T): meeting A on T-60 with «Avklare leasing av bilen»
(open, deadline T-10: overdue) and «Lage rutine for HBO-oppdrag» (done); meeting B on
T-14 with «Hente tall for innleggelser» (open, deadline T+20) and the decision «Bemanning
10–23 beholdes» (done). Open now: 2, one of them overdue.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from exports import identity_number
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from dashboard.data import followup
from dashboard.data.followup import ItemState
from dashboard.data.goals import current_user
from dashboard.data.importer import import_file
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.views.base import ViewHost
from dashboard.views.followup_view import FollowUpView
from dashboard.views.formatting import format_date, qdate
from dashboard.views.worker import Database, ImmediateRunner

TODAY = date.today()
MEETING_A, MEETING_B = TODAY - timedelta(days=60), TODAY - timedelta(days=14)
LEFT = Qt.MouseButton.LeftButton
PERIOD = Filters(date(2024, 1, 1), date(2024, 12, 31))

pytestmark = [
    pytest.mark.usefixtures("norwegian"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)"),
]


@pytest.fixture
def path(tmp_path) -> Path:
    with Store.open(tmp_path / "logg.duckdb") as store:
        con = store.con
        items = (
            (MEETING_A, "Avklare leasing av bilen", ItemState("decision", "Kommunedirektør",
                                                               TODAY - timedelta(days=10))),
            (MEETING_A, "Lage rutine for HBO-oppdrag", ItemState("action", "HBO", None, "done")),
            (MEETING_B, "Hente tall for innleggelser", ItemState("action", "Prosjektleder",
                                                                  TODAY + timedelta(days=20))),
            (MEETING_B, "Bemanning 10–23 beholdes", ItemState("decision", None, None, "done")),
        )  # fmt: skip
        for meeting, text, state in items:
            followup.add_item(con, meeting, text, state, "test")
        return store.path


@pytest.fixture
def view(qtbot, path) -> FollowUpView:
    database = Database.on_file(path, background=False)
    view = FollowUpView(database)
    qtbot.addWidget(view)
    ViewHost(view, database, PERIOD).refresh()
    return view


def rows(view) -> list[list[str]]:
    model = view.item_model
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def history(view) -> list[list[str]]:
    model = view.history_model
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def stored(path: Path) -> list[tuple]:
    with Store.open(path, read_only=True, wait=0) as store:
        return [
            (i.meeting_on, i.text, i.kind, i.responsible, i.deadline, i.status, i.comment)
            for i in followup.current_log(store.con)
        ]


def row_of(view, text: str) -> int:
    return [item.text for item in view.shown_items].index(text)


def test_open_items_by_meeting_newest_first_with_status_as_symbol_and_word(view):
    assert view.title() == "Oppfølging"
    assert rows(view) == [
        [format_date(MEETING_B), "Oppfølging", "Hente tall for innleggelser", "Prosjektleder",
         format_date(TODAY + timedelta(days=20)), "○ Åpen", "–"],
        [format_date(MEETING_A), "Vedtak", "Avklare leasing av bilen", "Kommunedirektør",
         format_date(TODAY - timedelta(days=10)), "⚠ Forfalt", "–"],
    ]  # fmt: skip
    assert view.summary.text().startswith(
        f"2 åpne saker, 1 av dem forfalt per {format_date(TODAY)}. Loggen vises slik den står nå"
    )


def test_all_items_and_one_meeting(view):
    view.show_box.setCurrentIndex(view.show_box.findText("Alle saker"))
    assert [row[2] for row in rows(view)] == [
        "Hente tall for innleggelser",
        "Bemanning 10–23 beholdes",
        "Avklare leasing av bilen",
        "Lage rutine for HBO-oppdrag",
    ]
    assert [view.meeting_box.itemText(i) for i in range(view.meeting_box.count())] == [
        "Alle møter",
        f"{format_date(MEETING_B)} (2 saker)",
        f"{format_date(MEETING_A)} (2 saker)",
    ]
    view.meeting_box.setCurrentIndex(2)
    assert [(row[2], row[5]) for row in rows(view)] == [
        ("Avklare leasing av bilen", "⚠ Forfalt"),
        ("Lage rutine for HBO-oppdrag", "✔ Utført"),
    ]


def test_a_new_item_through_the_dialog_is_stored_and_shown(qtbot, view, path):
    dialog = view.open_new_item_dialog()
    assert dialog.meeting_edit.date() == qdate(MEETING_B)
    assert not dialog.ok_button.isEnabled()
    dialog.text_edit.setPlainText("  Melde saken inn i helsefellesskapet ")
    dialog.fields.responsible_edit.setText("Kommunedirektør")
    dialog.fields.has_deadline.setChecked(True)
    dialog.fields.deadline_edit.setDate(QDate(2030, 1, 15))
    with qtbot.waitSignal(view.data_changed, timeout=2000):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    assert view.message.text() == f"Saken er lagt til møtet {format_date(MEETING_B)}."
    added = (MEETING_B, "Melde saken inn i helsefellesskapet", "action", "Kommunedirektør",
             date(2030, 1, 15), "open", None)  # fmt: skip
    assert added in stored(path)
    assert [row[2] for row in rows(view)][:2] == [
        "Hente tall for innleggelser",
        "Melde saken inn i helsefellesskapet",
    ]


def change_through_dialog(qtbot, view, text: str, status: str, comment: str, day: date):
    view.select_item(row_of(view, text))
    dialog = view.open_change_dialog()
    assert dialog.item_label.text() == text
    dialog.fields.status_box.setCurrentIndex(dialog.fields.status_box.findText(status))
    dialog.fields.comment_edit.setPlainText(comment)
    dialog.effective_edit.setDate(qdate(day))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    return dialog


def test_changing_the_status_keeps_the_history_and_shows_it(qtbot, view, path):
    change_through_dialog(qtbot, view, "Avklare leasing av bilen", "Utført", "Avtale signert",
                          TODAY)  # fmt: skip
    assert view.message.text() == "Endringen er lagret; det som sto før, er tatt vare på."
    assert "Avklare leasing av bilen" not in [row[2] for row in rows(view)]
    view.show_box.setCurrentIndex(view.show_box.findText("Alle saker"))
    view.select_item(row_of(view, "Avklare leasing av bilen"))
    assert rows(view)[row_of(view, "Avklare leasing av bilen")][5:] == [
        "✔ Utført",
        "Avtale signert",
    ]
    assert view.history_label.text() == "Historikk for: Avklare leasing av bilen"
    shown = history(view)
    assert [(row[0], row[1], row[5], row[7], row[8]) for row in shown] == [
        (format_date(MEETING_A), "○ Åpen", "–", "test", "Registrert her"),
        (format_date(TODAY), "✔ Utført", "Avtale signert", current_user(), "Registrert her"),
    ]


def test_a_closed_item_can_be_opened_again_and_both_changes_stay(qtbot, view, path):
    view.show_box.setCurrentIndex(view.show_box.findText("Alle saker"))
    change_through_dialog(qtbot, view, "Lage rutine for HBO-oppdrag", "Åpen", "Må revideres",
                          TODAY)  # fmt: skip
    view.select_item(row_of(view, "Lage rutine for HBO-oppdrag"))
    assert [row[1] for row in history(view)] == ["✔ Utført", "○ Åpen"]
    with Store.open(path, read_only=True, wait=0) as store:
        assert store.con.execute("SELECT count(*) FROM followup_changes").fetchone() == (5,)


def test_an_identity_number_in_a_comment_is_refused_without_echo(qtbot, view, path):
    before = stored(path)
    number = identity_number(date(1985, 3, 15))
    change_through_dialog(qtbot, view, "Avklare leasing av bilen", "Utført",
                          f"Gjelder {number}", TODAY)  # fmt: skip
    assert view.message.text() == (
        "Endringen ble ikke lagret: feltet «Kommentar» inneholder et fødselsnummer eller "
        "D-nummer; det kan ikke lagres. Fjern det og prøv igjen."
    )
    assert number not in view.message.text()
    assert stored(path) == before


def test_change_needs_a_chosen_item_and_a_read_only_file_disables_editing(qtbot, view, path):
    assert not view.change_action.isEnabled()
    assert view.open_change_dialog() is None
    view.select_item(0)
    assert view.change_action.isEnabled()
    database = Database(path, ImmediateRunner(path), read_only=True)
    read_only = FollowUpView(database)
    qtbot.addWidget(read_only)
    ViewHost(read_only, database, PERIOD).refresh()
    read_only.select_item(0)
    for action in (read_only.new_action, read_only.change_action):
        assert not action.isEnabled()
        assert "skrivebeskyttet" in action.toolTip()
    assert read_only.open_new_item_dialog() is None
    assert read_only.export_action.isEnabled()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_from_the_view_imports_back(view, path, tmp_path, suffix):
    exported = tmp_path / f"oppfølging{suffix}"
    assert view.export_to(exported).writes is False
    assert view.message.text() == f"4 saker eksportert til {exported}."
    with Store.open(tmp_path / "tom.duckdb") as empty:
        import_file(empty, exported)
        assert [
            (i.meeting_on, i.text, i.kind, i.responsible, i.deadline, i.status, i.comment)
            for i in followup.current_log(empty.con)
        ] == stored(path)


def test_an_imported_items_history_names_its_file(qtbot, tmp_path):
    log = tmp_path / "logg.csv"
    log.write_text("Møtedato;Sak;Status\n12.03.2024;Avklare leasing;Åpen\n", encoding="utf-8")
    with Store.open(tmp_path / "importert.duckdb") as store:
        import_file(store, log)
    database = Database.on_file(tmp_path / "importert.duckdb", background=False)
    view = FollowUpView(database)
    qtbot.addWidget(view)
    ViewHost(view, database, PERIOD).refresh()
    view.select_item(0)
    assert history(view)[0][8] == "Import av logg.csv"
    assert rows(view)[0][5] == "○ Åpen"


def test_an_empty_log_says_how_to_fill_it(qtbot, tmp_path):
    Store.open(tmp_path / "tom.duckdb").close()
    database = Database.on_file(tmp_path / "tom.duckdb", background=False)
    view = FollowUpView(database)
    qtbot.addWidget(view)
    ViewHost(view, database, PERIOD).refresh()
    assert view.summary.text().startswith("Oppfølgingsloggen er tom. Legg inn sakene")
    assert rows(view) == []


# --- Undo ---------------------------------------------------------------------------------


def last_recorded(path: Path):
    with Store.open(path, read_only=True, wait=0) as store:
        return store.con.execute("SELECT max(recorded_at) FROM followup_changes").fetchone()[0]


def test_undo_of_a_change_says_what_it_takes_back_and_restores_the_state(qtbot, view, path):
    before = stored(path)
    change_through_dialog(qtbot, view, "Avklare leasing av bilen", "Utført", "Avtale signert",
                          TODAY)  # fmt: skip
    recorded = last_recorded(path)
    expected = (
        f"endringen av «Avklare leasing av bilen» som gjelder fra {TODAY:%d.%m.%Y} (Utført), "
        f"registrert {recorded:%d.%m.%Y} kl. {recorded:%H:%M} av {current_user()}"
    )
    assert view.undo_action.toolTip() == f"Angre: {expected}"
    box = view.ask_undo()
    assert box.text() == f"Angre {expected}?"
    assert box.defaultButton() is box.cancel_button
    qtbot.mouseClick(box.cancel_button, LEFT)
    assert stored(path) != before
    box = view.ask_undo()
    qtbot.mouseClick(box.undo_button, LEFT)
    assert stored(path) == before
    assert view.message.text() == "Siste endring er angret."
    view.select_item(row_of(view, "Avklare leasing av bilen"))
    assert [(row[0], row[1]) for row in history(view)] == [(format_date(MEETING_A), "○ Åpen")]


def test_undo_of_a_new_item_takes_the_item_away_then_the_one_before(qtbot, view, path):
    # The fixture added four items in the window; the newest is the decision of meeting B.
    expected = f"den nye saken «Bemanning 10–23 beholdes» fra møtet {MEETING_B:%d.%m.%Y}"
    assert view.undo_action.toolTip().startswith(f"Angre: {expected}, registrert ")
    assert view.undo_action.toolTip().endswith(" av test")
    qtbot.mouseClick(view.ask_undo().undo_button, LEFT)
    assert "Bemanning 10–23 beholdes" not in [text for _, text, *_ in stored(path)]
    assert len(stored(path)) == 3
    assert "«Hente tall for innleggelser»" in view.undo_action.toolTip()


def test_undo_is_ctrl_z_within_the_view_and_off_for_a_read_only_file(qtbot, view, path):
    assert view.undo_action in view.actions()
    assert view.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert view.undo_action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    database = Database(path, ImmediateRunner(path), read_only=True)
    read_only = FollowUpView(database)
    qtbot.addWidget(read_only)
    ViewHost(read_only, database, PERIOD).refresh()
    assert not read_only.undo_action.isEnabled()
    assert "skrivebeskyttet" in read_only.undo_action.toolTip()
    assert read_only.ask_undo() is None
