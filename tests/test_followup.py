"""The steering group's follow-up log (Kind 5): import, history, export, the meeting brief.

The fixture log, as a secretary might keep it (other headers than the contract's first
names, words in other case or without æøå, dates in the contract's several forms):

    meeting     item                               kind        responsible       deadline    status
 1  12.03.2024  Avklare leasing av bilen           Vedtak      Kommunedirektør   30.04.2024  (blank)
 2  12.03.2024  Lage rutine for HBO-oppdrag        oppfølging  Avdelingsleder    15.04.2024  utført
 3  12.03.2024  Kartlegge bruk etter kl. 22        (blank)     Prosjektleder     31.05.2024  Apen
 4  23.04.2024  Dobbel bemanning i påsken          VEDTAK      Styringsgruppen   –           Utført
 5  23.04.2024  Hente tall for innleggelser        Oppfølging  Prosjektleder     20.06.2024  (blank)
 6  23.04.2024  Invitere Røyrvik                   Oppfølging  –                 –           Utgår
 7  23.04.2024  Forebyggende besøk prioriteres ned Vedtak      Styringsgruppen   –           Åpen

Brief for the meeting on 04.06.2024, by hand: the previous meeting is 23.04.2024. Open on
04.06 from earlier meetings: 1 (overdue since 30.04), 3 (overdue since 31.05), 5 (due
20.06), 7 (no deadline), in that order. Item 5 is closed in the window on 20.05.2024, so
it is instead closed since the previous meeting; item 3 closed on 10.06.2024 is still open
(and overdue) on 04.06. Decisions of 23.04: 4 and 7.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from exports import identity_number
from openpyxl import Workbook
from pypdf import PdfReader

from dashboard.brief import build_brief
from dashboard.cli import main
from dashboard.data import followup
from dashboard.data.followup import ItemState
from dashboard.data.followup_io import export_log
from dashboard.data.importer import import_file
from dashboard.data.problems import ImportRefused
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.settings import read_preferences

HEADER = "Møte;Oppfølgingspunkt;Type;Ansvar;Tidsfrist;Status;Merknad;Saksnr"
ROWS = [
    "12.3.2024;Avklare leasing av bilen;Vedtak;Kommunedirektør;30.04.2024;;;1",
    "12.03.2024;Lage rutine for HBO-oppdrag;oppfølging;Avdelingsleder;2024-04-15;utført;"
    "Ferdig i april;2",
    "12.03.2024;Kartlegge bruk etter kl. 22;;Prosjektleder;31.05.2024;Apen;;3",
    "2024-04-23;Dobbel bemanning i påsken;VEDTAK;Styringsgruppen;;Utført;;4",
    "23.04.2024;Hente tall for innleggelser;Oppfølging;Prosjektleder;20.06.2024;;;5",
    "23.04.2024;Invitere Røyrvik;Oppfølging;;;Utgår;Erstattet av samling;6",
    "23.04.2024;Forebyggende besøk prioriteres ned;Vedtak;Styringsgruppen;;Åpen;;7",
]
MARCH, APRIL = date(2024, 3, 12), date(2024, 4, 23)
# (meeting, item, kind, responsible, deadline, status, comment) of every item, newest state.
EXPECTED = [
    (MARCH, "Avklare leasing av bilen", "decision", "Kommunedirektør", date(2024, 4, 30),
     "open", None),
    (MARCH, "Lage rutine for HBO-oppdrag", "action", "Avdelingsleder", date(2024, 4, 15),
     "done", "Ferdig i april"),
    (MARCH, "Kartlegge bruk etter kl. 22", "action", "Prosjektleder", date(2024, 5, 31),
     "open", None),
    (APRIL, "Dobbel bemanning i påsken", "decision", "Styringsgruppen", None, "done", None),
    (APRIL, "Hente tall for innleggelser", "action", "Prosjektleder", date(2024, 6, 20),
     "open", None),
    (APRIL, "Invitere Røyrvik", "action", None, None, "dropped", "Erstattet av samling"),
    (APRIL, "Forebyggende besøk prioriteres ned", "decision", "Styringsgruppen", None,
     "open", None),
]  # fmt: skip


def write_log(path, rows=ROWS, header=HEADER, encoding="utf-8"):
    path.write_text("\n".join([header, *rows]) + "\n", encoding=encoding)
    return path


def contents(con) -> list[tuple]:
    return [
        (i.meeting_on, i.text, i.kind, i.responsible, i.deadline, i.status, i.comment)
        for i in followup.current_log(con)
    ]


def item_id(con, text: str) -> str:
    sql = "SELECT item_id FROM followup_items WHERE item_text = ?"
    return con.execute(sql, [text]).fetchone()[0]


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "logg.duckdb") as store:
        yield store


@pytest.fixture
def imported(store, tmp_path):
    result = import_file(store, write_log(tmp_path / "oppfølging.csv"))
    assert (result.kind, result.rows_read, result.rows_added) == ("oppfølgingslogg", 7, 7)
    return store


# --- Import -----------------------------------------------------------------------------


def test_someone_elses_log_imports_with_its_words_and_dates_and_names_the_unused_column(
    imported,
):
    assert contents(imported.con) == EXPECTED


def test_the_unused_column_is_named_in_the_summary(store, tmp_path):
    result = import_file(store, write_log(tmp_path / "logg.csv"))
    assert result.summary() == "logg.csv: oppfølgingslogg, 7 rader, 7 nye; ikke brukt: Saksnr"


def test_a_reimport_changes_nothing_and_says_so(imported, tmp_path):
    again = import_file(imported, write_log(tmp_path / "oppfølging.csv"))
    assert again.already_imported
    assert "alle fantes fra før (ingen endring)" in again.summary()
    assert imported.con.execute("SELECT count(*) FROM followup_changes").fetchone() == (7,)


def test_the_same_log_as_a_workbook_with_a_title_row_and_excel_dates_is_the_same_content(
    imported, tmp_path
):
    book = Workbook()
    sheet = book.active
    sheet.title = "Oppfølging"
    sheet.append(["Oppfølgingslogg for styringsgruppen, helsevaktbilen"])
    sheet.append(["Møtedato", "Sak", "Type", "Ansvarlig", "Frist", "Status", "Kommentar"])
    for meeting, text, kind, who, deadline, status, comment in EXPECTED:
        words = {"decision": "vedtak", "action": "OPPFOLGING"}
        statuses = {"open": "åpen", "done": "Ferdig", "dropped": "utgar"}
        sheet.append(
            [
                datetime.combine(meeting, datetime.min.time()),
                f"  {text.upper()} ",  # case and spacing do not make another item
                words[kind],
                who,
                deadline,
                statuses[status],
                comment,
            ]
        )
    book.create_sheet("Notater").append(["Fra møtet i mars"])
    book.save(tmp_path / "logg.xlsx")
    result = import_file(imported, tmp_path / "logg.xlsx")
    assert result.already_imported, result.summary()
    assert contents(imported.con) == EXPECTED


def test_import_with_kind_actions_on_the_command_line(tmp_path, capsys):
    db = tmp_path / "kommando.duckdb"
    path = write_log(tmp_path / "logg.txt", encoding="cp1252")
    assert main(["--db", str(db), "import", "--kind", "actions", str(path)]) == 0
    assert capsys.readouterr().out.startswith("logg.txt: oppfølgingslogg, 7 rader, 7 nye")
    with Store.open(db, read_only=True) as store:
        assert contents(store.con) == EXPECTED


# --- Refusals ---------------------------------------------------------------------------


def refusal(store, path) -> list[str]:
    before = store.con.execute("SELECT count(*) FROM followup_changes").fetchone()
    with pytest.raises(ImportRefused) as refused:
        import_file(store, path)
    after = store.con.execute("SELECT count(*) FROM followup_changes").fetchone()
    assert after == before, "a refused file changed the database"
    return [str(problem) for problem in refused.value.problems]


def test_an_identity_number_in_a_comment_refuses_the_file_without_echoing_it(store, tmp_path):
    number = identity_number(date(1985, 3, 15))
    spaced = f"{number[:6]} {number[6:]}"
    rows = [*ROWS[:4], f"23.04.2024;Ringe pasient;Oppfølging;;;;Gjelder {spaced};5"]
    problems = refusal(store, write_log(tmp_path / "logg.csv", rows))
    assert problems == [
        "logg.csv, rad 6, kolonne «Merknad»: cellen inneholder et fødselsnummer eller "
        "D-nummer; helseopplysninger med pasientidentitet kan ikke importeres. Fjern det og "
        "prøv igjen."
    ]
    assert number not in "".join(problems) and spaced not in "".join(problems)


def test_an_unknown_status_is_refused_naming_row_and_column(store, tmp_path):
    rows = [*ROWS[:2], "12.03.2024;Kartlegge bruk;;Prosjektleder;31.05.2024;Kanskje;;3"]
    assert refusal(store, write_log(tmp_path / "logg.csv", rows)) == [
        "logg.csv, rad 4, kolonne «Status»: ukjent status «Kanskje»; forventet Åpen, Utført "
        "eller Utgår (tom = Åpen)"
    ]


def test_a_missing_meeting_an_unreadable_deadline_and_an_unknown_kind_are_each_named(
    store, tmp_path
):
    rows = [
        ";Avklare leasing;Vedtak;;;;;1",
        "12.03.2024;Kartlegge bruk;Vedtak;;neste møte;;;2",
        "12.03.2024;Lage rutine;Info;;;;;3",
    ]
    assert refusal(store, write_log(tmp_path / "logg.csv", rows)) == [
        "logg.csv, rad 2, kolonne «Møte»: mangler møtedato",
        "logg.csv, rad 3, kolonne «Tidsfrist»: «neste møte» er ikke en dato; forventet f.eks. "
        "12.03.2024, 12.3.2024 eller 2024-03-12",
        "logg.csv, rad 4, kolonne «Type»: ukjent type «Info»; forventet Vedtak eller "
        "Oppfølging (tom = Oppfølging)",
    ]


def test_the_same_item_twice_for_one_meeting_is_refused(store, tmp_path):
    rows = [ROWS[0], "12.03.2024;avklare  leasing av bilen;Vedtak;;;Utført;;9"]
    problems = refusal(store, write_log(tmp_path / "logg.csv", rows))
    assert problems[0] == (
        "logg.csv, rad 2, kolonne «Oppfølgingspunkt»: saken «Avklare leasing av bilen» står "
        "på flere rader for samme møte; slå radene sammen til én"
    )
    assert problems[1].startswith("logg.csv, rad 3, kolonne «Oppfølgingspunkt»")


def test_a_known_item_in_another_state_is_refused_naming_the_field_and_both_values(
    imported, tmp_path
):
    rows = [*ROWS]
    rows[2] = "12.03.2024;Kartlegge bruk etter kl. 22;;Prosjektleder;31.05.2024;Utført;;3"
    problems = refusal(imported, write_log(tmp_path / "logg.csv", rows))
    assert problems[0] == (
        "logg.csv, rad 4, kolonne «Status»: saken «Kartlegge bruk etter kl. 22» er importert "
        "før med status «Åpen»; filen sier «Utført»"
    )
    assert problems[1].startswith("logg.csv: 1 sak finnes fra før med annet innhold; ")
    assert "--replace-changed" in problems[1]


def test_replace_changed_appends_the_new_state_from_the_import_day_and_keeps_the_old(
    imported, tmp_path
):
    rows = [*ROWS]
    rows[2] = "12.03.2024;Kartlegge bruk etter kl. 22;;Prosjektleder;31.05.2024;Utført;Lagt fram;3"
    result = import_file(imported, write_log(tmp_path / "logg.csv", rows), replace_changed=True)
    assert (result.rows_added, result.rows_replaced) == (0, 1)
    history = followup.item_history(imported.con, item_id(imported.con, rows[2].split(";")[1]))
    assert [(h.effective_on, h.status, h.comment, h.source) for h in history] == [
        (MARCH, "open", None, "oppfølging.csv"),
        (date.today(), "done", "Lagt fram", "logg.csv"),
    ]


def test_a_log_without_a_column_keeps_what_is_stored_for_that_field(imported, tmp_path):
    leasing = item_id(imported.con, "Avklare leasing av bilen")
    state = ItemState("decision", "Kommunedirektør", date(2024, 4, 30), "open", "Møte avtalt")
    followup.change_item(imported.con, leasing, date(2024, 4, 1), state, "sekretær")
    short = write_log(tmp_path / "kort.csv", ["12.03.2024;Avklare leasing av bilen;Åpen"],
                      "Møtedato;Sak;Status")  # fmt: skip
    assert import_file(imported, short).already_imported
    assert followup.current_log(imported.con)[0].comment == "Møte avtalt"


# --- Export and round trip --------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_export_imports_back_to_the_same_content(imported, tmp_path, suffix):
    tricky = ItemState("action", "-Leder", None, "open", "=1+1 'sitat' @navn")
    followup.add_item(imported.con, APRIL, "'Sitat' fra møtet", tricky, "sekretær")
    before = contents(imported.con)
    exported = tmp_path / f"logg{suffix}"
    assert export_log(imported.con, exported) == 8
    with Store.open(tmp_path / "ny.duckdb") as fresh:
        assert import_file(fresh, exported).rows_added == 8
        assert contents(fresh.con) == before
        again = tmp_path / f"igjen{suffix}"
        export_log(fresh.con, again)
        assert import_file(imported, again).already_imported


def test_the_csv_export_writes_the_contract_headers_and_norwegian_dates(imported, tmp_path):
    path = tmp_path / "logg.csv"
    export_log(imported.con, path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Møtedato;Sak;Type;Ansvarlig;Frist;Status;Kommentar"
    assert lines[1] == "12.03.2024;Avklare leasing av bilen;Vedtak;Kommunedirektør;30.04.2024;Åpen;"
    assert lines[6] == "23.04.2024;Invitere Røyrvik;Oppfølging;;;Utgår;Erstattet av samling"


def test_actions_export_on_the_command_line(tmp_path, capsys):
    db = tmp_path / "kommando.duckdb"
    main(["--db", str(db), "import", str(write_log(tmp_path / "logg.csv"))])
    capsys.readouterr()
    out = tmp_path / "ut.xlsx"
    assert main(["--db", str(db), "actions", "export", str(out)]) == 0
    assert capsys.readouterr().out == f"Oppfølgingsloggen skrevet: {out} (7 saker)\n"
    assert main(["--db", str(db), "actions", "export", str(tmp_path / "ut.pdf")]) == 2
    assert "bruk .csv eller .xlsx" in capsys.readouterr().err


# --- The window's edits -----------------------------------------------------------------


def test_a_change_is_appended_with_who_and_when_and_the_old_state_stays(imported):
    leasing = item_id(imported.con, "Avklare leasing av bilen")
    done = ItemState("decision", "Kommunedirektør", date(2024, 4, 30), "done", "Avtale signert")
    followup.change_item(imported.con, leasing, date(2024, 5, 2), done, "kari")
    history = followup.item_history(imported.con, leasing)
    assert [(h.effective_on, h.status, h.recorded_by, h.source) for h in history] == [
        (MARCH, "open", history[0].recorded_by, "oppfølging.csv"),
        (date(2024, 5, 2), "done", "kari", None),
    ]
    assert history[1].recorded_at >= history[0].recorded_at


def test_the_window_refuses_an_identity_number_without_repeating_it(imported):
    number = identity_number(date(1990, 7, 1), d_number=True)
    state = ItemState(comment=f"Pasient {number}")
    with pytest.raises(ValueError) as refused:
        followup.add_item(imported.con, APRIL, "Ringe tilbake", state)
    assert str(refused.value) == (
        "feltet «Kommentar» inneholder et fødselsnummer eller D-nummer; det kan ikke lagres. "
        "Fjern det og prøv igjen."
    )
    with pytest.raises(ValueError, match="står allerede i loggen"):
        followup.add_item(imported.con, MARCH, "AVKLARE leasing av  bilen", ItemState())
    assert len(followup.current_log(imported.con)) == 7


# --- The meeting's follow-up and the brief ----------------------------------------------

MEETING = date(2024, 6, 4)


@pytest.fixture
def worked(imported):
    """Item 5 closed on 20.05 (before the meeting), item 3 on 10.06 (after it)."""
    con = imported.con
    for text, day in (("Hente tall for innleggelser", 20), ("Kartlegge bruk etter kl. 22", 10)):
        item = next(i for i in followup.current_log(con) if i.text == text)
        state = ItemState(item.kind, item.responsible, item.deadline, "done", "Levert")
        followup.change_item(con, item.item_id, date(2024, 5 if day == 20 else 6, day), state)
    return imported


def test_the_meeting_lists_open_items_overdue_first_closed_ones_and_the_last_decisions(worked):
    got = followup.meeting_followup(worked.con, MEETING)
    assert got.previous_meeting == APRIL
    assert [(i.text, i.overdue) for i in got.open_items] == [
        ("Avklare leasing av bilen", True),
        ("Kartlegge bruk etter kl. 22", True),
        ("Forebyggende besøk prioriteres ned", False),
    ]
    assert [(i.text, i.status) for i in got.closed_since] == [
        ("Hente tall for innleggelser", "done")
    ]
    assert [i.text for i in got.previous_decisions] == [
        "Dobbel bemanning i påsken",
        "Forebyggende besøk prioriteres ned",
    ]


def test_without_the_closing_the_open_item_keeps_its_place_by_deadline(imported):
    got = followup.meeting_followup(imported.con, MEETING)
    assert [i.text for i in got.open_items] == [
        "Avklare leasing av bilen",
        "Kartlegge bruk etter kl. 22",
        "Hente tall for innleggelser",
        "Forebyggende besøk prioriteres ned",
    ]
    assert got.closed_since == ()


def test_an_imported_change_counts_as_closed_since_the_previous_meeting(imported, tmp_path):
    rows = [*ROWS]
    rows[2] = "12.03.2024;Kartlegge bruk etter kl. 22;;Prosjektleder;31.05.2024;Utført;;3"
    import_file(imported, write_log(tmp_path / "logg.csv", rows), replace_changed=True)
    later = followup.meeting_followup(imported.con, date.today() + timedelta(days=30))
    assert [i.text for i in later.closed_since] == ["Kartlegge bruk etter kl. 22"]
    assert followup.meeting_followup(imported.con, MEETING).closed_since == ()


def test_before_the_first_meeting_there_is_nothing_to_follow_up(imported):
    got = followup.meeting_followup(imported.con, MARCH)
    assert (got.previous_meeting, got.open_items, got.previous_decisions) == (None, (), ())


def pdf_lines(path) -> list[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return [line.strip() for line in text.replace("\u00a0", " ").splitlines()]


def section(lines: list[str]) -> list[str]:
    start = lines.index("Oppfølging fra styringsgruppen")
    return lines[start : lines.index("1. Oppgavemiks per delprosjekt", start)]


def after(lines: list[str], label: str, cells: int) -> list[str]:
    index = lines.index(label)
    return lines[index + 1 : index + 1 + cells]


def test_the_brief_for_the_meeting_lists_the_items_as_computed_by_hand(worked, tmp_path):
    pdf = build_brief(
        worked,
        Filters(date(2024, 3, 1), date(2024, 5, 31)),
        read_preferences(),
        tmp_path / "notat.pdf",
        meeting_date=MEETING,
    )
    lines = section(pdf_lines(pdf))
    assert "Forrige møte var 23.04.2024." in " ".join(lines)
    open_part = lines[lines.index("Åpne saker (3, av dem 2 forfalt)") :]
    assert after(open_part, "Avklare leasing av bilen", 4) == [
        "12.03.2024",
        "Kommunedirektør",
        "30.04.2024",
        "Forfalt",
    ]
    assert after(open_part, "Kartlegge bruk etter kl. 22", 4) == [
        "12.03.2024",
        "Prosjektleder",
        "31.05.2024",
        "Forfalt",
    ]
    assert after(open_part, "Forebyggende besøk prioriteres ned", 4) == [
        "23.04.2024",
        "Styringsgruppen",
        "ingen",
        "Åpen",
    ]
    order = [open_part.index(text) for text in ("Avklare leasing av bilen",
             "Kartlegge bruk etter kl. 22", "Forebyggende besøk prioriteres ned")]  # fmt: skip
    assert order == sorted(order)
    closed = lines[lines.index("Lukket siden forrige møte 23.04.2024 (1)") :]
    assert after(closed, "Hente tall for innleggelser", 3) == ["Prosjektleder", "Utført", "Levert"]
    decisions = lines[lines.index("Vedtak i forrige møte 23.04.2024 (2)") :]
    assert after(decisions, "Dobbel bemanning i påsken", 2) == ["Styringsgruppen", "Utført"]
    assert after(decisions, "Forebyggende besøk prioriteres ned", 2) == [
        "Styringsgruppen",
        "Åpen",
    ]


def test_a_brief_without_a_meeting_date_has_no_follow_up_section(worked, tmp_path):
    pdf = build_brief(
        worked, Filters(date(2024, 3, 1), date(2024, 5, 31)), read_preferences(), tmp_path / "n.pdf"
    )
    assert "Oppfølging fra styringsgruppen" not in pdf_lines(pdf)


def test_a_brief_for_a_meeting_with_an_empty_log_says_so_in_one_line(store, tmp_path):
    pdf = build_brief(
        store,
        Filters(date(2024, 3, 1), date(2024, 5, 31)),
        read_preferences(),
        tmp_path / "tom.pdf",
        meeting_date=MEETING,
    )
    lines = section(pdf_lines(pdf))
    # One line, then the next section (on the same page: the front page has room to spare).
    assert lines[1:3] == [
        "Oppfølgingsloggen har ingen saker fra møter før 04.06.2024.",
        "Gevinster",
    ]


def test_every_items_history_at_once_equals_each_items_alone(imported):
    rows = imported.con.execute("SELECT item_id FROM followup_items").fetchall()
    items = [item for (item,) in rows]
    histories = followup.item_histories(imported.con)
    assert sorted(histories) == sorted(items)
    for item in items:
        assert histories[item] == followup.item_history(imported.con, item)
        assert followup.item_histories(imported.con, item) == {item: histories[item]}
    assert (
        sum(map(len, histories.values()))
        == imported.con.execute("SELECT count(*) FROM followup_changes").fetchone()[0]
    )


def test_undo_takes_back_only_what_was_entered_here_newest_first(imported):
    con = imported.con
    log_before = followup.current_log(con, date(2025, 1, 1))
    # Every change came with the import: nothing to undo.
    assert followup.last_change(con) is None
    assert followup.undo_last_change(con) is None
    item = log_before[0]
    followup.change_item(con, item.item_id, date(2024, 6, 1), ItemState(status="done"), "ola")
    new_item = followup.add_item(con, date(2024, 6, 3), "Ny sak", ItemState(), "kari")
    newest = followup.last_change(con)
    assert (newest["item_id"], newest["removes_item"], newest["recorded_by"]) == (
        new_item,
        True,
        "kari",
    )
    assert followup.undo_last_change(con)["item_id"] == new_item
    assert con.execute(
        "SELECT count(*) FROM followup_items WHERE item_id = ?", [new_item]
    ).fetchone() == (0,)
    change = followup.undo_last_change(con)
    assert (change["item_id"], change["removes_item"], change["status"]) == (
        item.item_id,
        False,
        "done",
    )
    assert followup.current_log(con, date(2025, 1, 1)) == log_before
    assert followup.last_change(con) is None
