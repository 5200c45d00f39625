"""Importing each export kind in each file form; refusals leave the database unchanged."""

from datetime import date, datetime

import pytest
from exports import identity_number
from openpyxl import Workbook

from dashboard.data import figures
from dashboard.data.importer import import_file
from dashboard.data.problems import ImportCancelled, ImportRefused
from dashboard.data.store import Store
from dashboard.data.values import Filters

FEBRUARY = Filters(date(2024, 2, 1), date(2024, 2, 29))


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "import.duckdb") as store:
        yield store


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def table(store, name):
    return store.con.execute(f"SELECT * EXCLUDE (import_id) FROM {name} ORDER BY ALL").fetchall()


def counts(store):
    return [
        store.con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        for name in ("activities", "callouts", "car_trips", "goals", "goal_assessments", "imports")
    ]


SEMICOLON_ACTIVITIES = (
    "Løpenr;Starttid;Sluttid;DP;Oppdragstype;Rekvirent;Kommune;Km\n"
    "A1;01.02.2024 10:00;01.02.2024 10:30;DP2;Blodprøve;HBO;Røros;12,5\n"
    "A2;1.2.2024 14:05;1.2.2024 15:00;Delprosjekt 1;Ø-hjelp;amk;Os;3\n"
    "A3;29.02.2024 23:00;01.03.2024 00:30;Kompetanse;Opplæring;Annet;Røros;\n"
)


def test_semicolon_utf8_with_decimal_comma_and_aliases(store, tmp_path):
    result = import_file(store, write(tmp_path / "a.csv", SEMICOLON_ACTIVITIES))
    assert (result.kind, result.rows_read, result.rows_added) == ("aktivitetslogg", 3, 3)
    # 30 + 55 + 90 minutes; A3 starts 29 February and belongs to February.
    # 12,5 + 3 km; A3 has none.
    assert figures.activity_totals(store.con, FEBRUARY) == figures.ActivityTotals(3, 175, 15.5)
    # Owner hours are exact now (rounded only in the JSON document): AMK's 55 minutes are
    # 55/60 = 0.9166… h, which the document shows as 0.9.
    assert figures.owner_hours(store.con, FEBRUARY) == {
        "municipality": 0.5,
        "health_trust": pytest.approx(55 / 60),
        "shared": 1.5,
    }
    assert store.con.execute("SELECT km FROM activities WHERE id = 'A1'").fetchone() == (12.5,)


def test_comma_delimited_utf8_with_bom_and_iso_dates(store, tmp_path):
    text = (
        "ID,Start,Slutt,Delprosjekt,Oppgave,Bestiller,Km\n"
        '7,2024-02-05 10:00:00,2024-02-05 11:15:00,4,Forebyggende hjemmebesøk,Ergoterapi,"2.5"\n'
    )
    import_file(store, write(tmp_path / "b.csv", text, "utf-8-sig"))
    assert table(store, "activities") == [
        (
            "7",
            datetime(2024, 2, 5, 10, 0),
            datetime(2024, 2, 5, 11, 15),
            75.0,
            4,
            "Forebyggende hjemmebesøk",
            "Ergoterapi",
            None,
            None,
            2.5,
        )
    ]


def test_tab_delimited_windows_1252_keeps_every_character(store, tmp_path):
    text = (
        "Start\tSlutt\tDP\tOppgave\tBestiller\tUtfall\n"
        "05.02.2024 12:00\t05.02.2024 12:20\t3\tSårstell – oppfølging\tPsykiatri/rus\t"
        "Henvist fastlege (egenandel 50 €)\n"
    )
    import_file(store, write(tmp_path / "c.txt", text, "cp1252"))
    task, outcome = store.con.execute("SELECT task, outcome FROM activities").fetchone()
    assert task == "Sårstell – oppfølging"
    assert outcome == "Henvist fastlege (egenandel 50 €)"


def test_split_date_and_clock_columns_with_an_end_past_midnight(store, tmp_path):
    text = (
        "Dato;Fra kl.;Til kl.;Delprosjekt;Oppgave;Bestiller\n"
        "10.02.2024;23:40;00:25;1;Bistand legevakt;Legevakt\n"
        "11.02.2024;kl. 09.15;10.00;2;EKG;Fastlege\n"
    )
    import_file(store, write(tmp_path / "d.csv", text))
    rows = store.con.execute(
        "SELECT start_at, end_at, minutes FROM activities ORDER BY 1"
    ).fetchall()
    assert rows == [
        (datetime(2024, 2, 10, 23, 40), datetime(2024, 2, 11, 0, 25), 45.0),
        (datetime(2024, 2, 11, 9, 15), datetime(2024, 2, 11, 10, 0), 45.0),
    ]


def test_duration_instead_of_end(store, tmp_path):
    text = "Start;Varighet (min);DP;Oppgave;Bestiller\n01.02.2024 10:00;22,5;2;EKG;Fastlege\n"
    import_file(store, write(tmp_path / "e.csv", text))
    assert store.con.execute("SELECT end_at, minutes FROM activities").fetchone() == (
        datetime(2024, 2, 1, 10, 22, 30),
        22.5,
    )


def test_xlsx_with_title_rows_excel_dates_and_text_dates(store, tmp_path):
    book = Workbook()
    book.active.title = "Forside"
    sheet = book.create_sheet("Kjørebok")
    sheet.append(["Kjørebok helsevaktbil Røros"])
    sheet.append(["Eksportert 01.03.2024"])
    sheet.append([])
    sheet.append(["Turnr", "Fra", "Til", "Sjåfør", "Formål", "Km"])
    sheet.append(
        [
            1,
            datetime(2024, 2, 3, 21, 0),
            datetime(2024, 2, 3, 23, 30),
            "Legevaktlege",
            "Sykebesøk",
            14.5,
        ]
    )
    sheet.append([2, "05.02.2024 11:00", "05.02.2024 12:00", "helsevakt", "Blodprøver", 8])
    path = tmp_path / "kjørebok.xlsx"
    book.save(path)
    result = import_file(store, path)
    assert (result.kind, result.rows_added) == ("kjørebok", 2)
    assert figures.car_use(store.con, FEBRUARY).after_hours == figures.TripCount(1, 90)


def test_xlsx_refusal_names_the_excel_row(store, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Aktiviteter februar"])
    sheet.append(["Start", "Slutt", "DP", "Oppgave", "Bestiller"])
    sheet.append([datetime(2024, 2, 1, 10), datetime(2024, 2, 1, 11), 2, "EKG", "Fastlege"])
    sheet.append([datetime(2024, 2, 1, 10), datetime(2024, 2, 1, 11), 9, "EKG", "Fastlege"])
    path = tmp_path / "a.xlsx"
    book.save(path)
    with pytest.raises(ImportRefused) as refused:
        import_file(store, path)
    [problem] = refused.value.problems
    assert (problem.file, problem.row, problem.column) == ("a.xlsx", 4, "DP")


def test_callouts_with_colour_urgencies_and_yes_no_spellings(store, tmp_path):
    text = (
        "Oppdragsnr;Tidspunkt;Respons;Enhet;Lege deltok;Kommune\n"
        "24-001;01.02.2024 03:10;Rød;Helsevaktbil;J;Røros\n"
        "24-002;02.02.2024 12:00;gul;Ambulanse;;Os\n"
        "24-003;03.02.2024 13:00;H;Helsevaktbil;x;Røros\n"
        "24-004;04.02.2024 14:00;Grønn;Helsevaktbil;1;Røros\n"
        "24-005;05.02.2024 15:00;A;Ambulanse;Nei;Holtålen\n"
    )
    import_file(store, write(tmp_path / "u.csv", text))
    counts = figures.callout_counts(store.con, FEBRUARY)
    assert counts == figures.CalloutCounts(total=5, acute=4, acute_with_doctor=2)
    assert counts.acute_doctor_share == 0.5


def test_car_log_time_only_end_before_start_ends_after_midnight(store, tmp_path):
    text = "Tur;Start;Slutt;Rolle\nT1;07.02.2024 23:00;01:30;Legevaktlege\n"
    import_file(store, write(tmp_path / "k.csv", text))
    assert figures.car_use(store.con, FEBRUARY).after_hours == figures.TripCount(1, 150)


def test_goal_words_and_month_names(store, tmp_path):
    text = (
        "Utviklingsplan;Tema;Målformulering;Måloppnåelse;Status per;Ansvarlig\n"
        "Plan X;Samhandling;Mål  én;Delvis oppnådd;mai 2021;Kari\n"
        "Plan X;Samhandling;Mål to;;05.2021;\n"
        "plan x;Samhandling;mål én;oppfylt;2022-03;Kari\n"
    )
    import_file(store, write(tmp_path / "g.csv", text))
    assert figures.goal_status(store.con, date(2021, 12, 31)) == [
        figures.PlanStatus("Plan X", status_1=0, status_2=1, status_3=0, not_assessed=1)
    ]
    assert figures.goal_status(store.con, date(2022, 3, 1)) == [
        figures.PlanStatus("Plan X", status_1=0, status_2=0, status_3=1, not_assessed=1)
    ]


def test_kind_can_be_given_when_headers_do_not_say(store, tmp_path):
    path = write(tmp_path / "g.csv", "Plan;Mål;Status;Dato\nP;M;2;01.05.2021\n")
    assert import_file(store, path, kind="goals").rows_added == 1


def test_reimport_is_a_no_op_that_says_so(store, tmp_path):
    path = write(tmp_path / "a.csv", SEMICOLON_ACTIVITIES)
    import_file(store, path)
    before = counts(store)
    again = import_file(store, path)
    assert again.already_imported
    assert "fantes fra før" in again.summary()
    assert counts(store) == before


def test_rows_without_id_are_deduplicated_by_content(store, tmp_path):
    text = "Start;Slutt;DP;Oppgave;Bestiller\n01.02.2024 10:00;01.02.2024 10:30;2;EKG;HBO\n"
    twice = text + "01.02.2024 10:00;01.02.2024 10:30;2;EKG;HBO\n"
    import_file(store, write(tmp_path / "one.csv", text))
    result = import_file(store, write(tmp_path / "two.csv", twice))
    # Two identical tasks in one file are two tasks; the first was there already.
    assert (result.rows_read, result.rows_added) == (2, 1)


def test_provenance_records_file_hash_kind_and_rows(store, tmp_path):
    import hashlib

    path = write(tmp_path / "a.csv", SEMICOLON_ACTIVITIES)
    import_file(store, path)
    [entry] = store.imports()
    assert entry["file_name"] == "a.csv"
    assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (entry["kind"], entry["rows_read"], entry["rows_added"]) == ("activity", 3, 3)


def refusal(store, tmp_path, text, encoding="utf-8", name="bad.csv"):
    import_file(store, write(tmp_path / "good.csv", SEMICOLON_ACTIVITIES))
    before = counts(store)
    with pytest.raises(ImportRefused) as refused:
        import_file(store, write(tmp_path / name, text, encoding))
    assert counts(store) == before
    return refused.value.problems


def test_missing_required_column_is_refused(store, tmp_path):
    [problem] = refusal(store, tmp_path, "Start;Slutt;DP;Oppgave\n01.02.2024 10:00;10:30;2;EKG\n")
    assert (problem.file, problem.row) == ("bad.csv", 1)
    assert "Bestiller" in problem.message


def test_unreadable_date_is_refused_with_row_and_column(store, tmp_path):
    text = (
        "Tittelrad\n"
        "Start;Slutt;DP;Oppgave;Bestiller\n"
        "01.02.2024 10:00;01.02.2024 10:30;2;EKG;HBO\n"
        "\n"
        "32.02.2024 10:00;01.02.2024 10:30;2;EKG;HBO\n"
    )
    [problem] = refusal(store, tmp_path, text)
    assert (problem.row, problem.column) == (5, "Start")
    assert "32.02.2024 10:00" in problem.message


def test_unknown_subproject_is_refused(store, tmp_path):
    text = "Start;Slutt;DP;Oppgave;Bestiller\n01.02.2024 10:00;01.02.2024 10:30;DP7;EKG;HBO\n"
    [problem] = refusal(store, tmp_path, text)
    assert (problem.row, problem.column) == (2, "DP")


def test_status_outside_the_scale_is_refused(store, tmp_path):
    text = "Plan;Mål;Status;Vurdert\nP;M;4;05.2021\n"
    [problem] = refusal(store, tmp_path, text)
    assert (problem.row, problem.column) == (2, "Status")


def test_end_before_start_is_refused(store, tmp_path):
    text = "Tur;Start;Slutt;Rolle\nT1;07.02.2024 12:00;07.02.2024 11:00;Helsevakt\n"
    [problem] = refusal(store, tmp_path, text)
    assert (problem.row, problem.column) == (2, "Slutt")
    assert "før start" in problem.message


def test_a_person_name_as_driver_is_refused(store, tmp_path):
    text = "Tur;Start;Slutt;Rolle\nT1;07.02.2024 12:00;07.02.2024 13:00;Ola Nordmann\n"
    [problem] = refusal(store, tmp_path, text)
    assert problem.column == "Rolle"


FNR = identity_number(date(1985, 3, 15))
D_NUMBER = identity_number(date(1985, 3, 15), d_number=True)


@pytest.mark.parametrize(
    ("extra_header", "extra_cell", "column"),
    [
        ("Pasient", FNR, "Pasient"),
        ("", f"{FNR[:6]} {FNR[6:]}", "kolonne 6"),
        ("Notat", f"ringte om pasient {FNR} i går", "Notat"),
        ("Notat", D_NUMBER, "Notat"),
    ],
)
def test_identity_numbers_refuse_the_file_without_echoing_them(
    store, tmp_path, extra_header, extra_cell, column
):
    text = (
        f"Start;Slutt;DP;Oppgave;Bestiller;{extra_header}\n"
        "01.02.2024 10:00;01.02.2024 10:30;2;EKG;HBO;\n"
        f"01.02.2024 11:00;01.02.2024 11:30;2;EKG;HBO;{extra_cell}\n"
    )
    [problem] = refusal(store, tmp_path, text)
    assert (problem.row, problem.column) == (3, column)
    assert FNR[6:] not in str(problem) and D_NUMBER[6:] not in str(problem)


def test_eleven_digits_failing_the_check_pass(store, tmp_path):
    number = FNR[:10] + str((int(FNR[10]) + 1) % 10)
    text = (
        f"Hendelsesnr;Alarmtid;Hastegrad;Ressurs;Lege med\n"
        f"{number};01.02.2024 10:00;Akutt;Helsevaktbil;Ja\n"
    )
    assert import_file(store, write(tmp_path / "u.csv", text)).rows_added == 1


def test_identity_number_in_an_excel_number_cell_losing_its_leading_zero(store, tmp_path):
    leading_zero = identity_number(date(1985, 3, 1))
    book = Workbook()
    book.active.append(["Start", "Slutt", "DP", "Oppgave", "Bestiller", "Ref"])
    book.active.append(["01.02.2024 10:00", "01.02.2024 10:30", 2, "EKG", "HBO", int(leading_zero)])
    book.save(tmp_path / "x.xlsx")
    with pytest.raises(ImportRefused) as refused:
        import_file(store, tmp_path / "x.xlsx")
    assert refused.value.problems[0].column == "Ref"


def test_cancelled_import_leaves_the_database_unchanged(store, tmp_path):
    calls = []

    def cancel_when_storing():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(ImportCancelled):
        import_file(
            store, write(tmp_path / "a.csv", SEMICOLON_ACTIVITIES), cancelled=cancel_when_storing
        )
    assert counts(store) == [0, 0, 0, 0, 0, 0]


def test_progress_is_reported_up_to_done(store, tmp_path):
    seen = []
    import_file(
        store, write(tmp_path / "a.csv", SEMICOLON_ACTIVITIES), progress=lambda f, m: seen.append(f)
    )
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.csv", "", "tom"),
        ("notes.docx", "x", "filtype"),
        ("unknown.csv", "Foo;Bar\n1;2\n", "eksporttype"),
        ("ragged.csv", "Start;Slutt;DP;Oppgave;Bestiller\n1;2;3;4;5;6;7\n", "felt"),
    ],
)
def test_unreadable_files_are_refused_clearly(store, tmp_path, name, content, expected):
    with pytest.raises(ImportRefused) as refused:
        import_file(store, write(tmp_path / name, content))
    assert expected in str(refused.value)
    assert counts(store) == [0, 0, 0, 0, 0, 0]


@pytest.mark.parametrize(
    ("text", "column", "expected"),
    [
        (
            "Start;Varighet;DP;Oppgave;Bestiller\n01.02.2024 10:00;inf;2;EKG;HBO\n",
            "Varighet",
            "minutter",
        ),
        (
            "Start;Slutt;DP;Oppgave;Bestiller;Km\n01.02.2024 10:00;11:00;2;EKG;HBO;nan\n",
            "Km",
            "tall",
        ),
        ("Plan;Mål;Status;Vurdert\nP;M;2;mai 99999\n", "Vurdert", "ikke en dato"),
        (
            "Start;Slutt;DP;Oppgave;Bestiller\n01.02.0024 10:00;11:00;2;EKG;HBO\n",
            "Start",
            "2000–2099",
        ),
        (
            "Start;Slutt;DP;Oppgave;Bestiller\n01.02.2024 10:00;03.02.2024 11:00;2;EKG;HBO\n",
            "Slutt",
            "ett døgn",
        ),
    ],
)
def test_implausible_values_are_refused(store, tmp_path, text, column, expected):
    [problem] = refusal(store, tmp_path, text)
    assert (problem.row, problem.column) == (2, column)
    assert expected in problem.message


def test_unclosed_quote_is_refused_with_its_row(store, tmp_path):
    text = 'Start;Slutt;DP;Oppgave;Bestiller\n01.02.2024 10:00;11:00;2;"EKG;HBO\n'
    [problem] = refusal(store, tmp_path, text)
    assert problem.row == 2 and "anførselstegn" in problem.message


def long_activity_log(rows: int, bad_row: int | None = None, bad_task: str = "") -> str:
    """A log with its own ids (the one-pass route); row numbers count the header as 1."""
    lines = ["Løpenr;Start;Slutt;DP;Oppgave;Bestiller;Km"]
    for number in range(2, rows + 2):
        task = bad_task if number == bad_row else "Blodprøve"
        lines.append(f"L{number};01.02.2024 10:00;01.02.2024 10:30;2;{task};HBO;1,5")
    return "\n".join(lines) + "\n"


def test_a_windows_1252_byte_after_the_sniffed_head_still_reads(store, tmp_path):
    text = long_activity_log(3000, bad_row=2900, bad_task="Sårstell – 5 €")
    assert len(text.encode("cp1252")) > 64 * 1024
    import_file(store, write(tmp_path / "long.csv", text, "cp1252"))
    tasks = store.con.execute("SELECT task FROM activities WHERE id = 'L2900'").fetchone()
    assert tasks == ("Sårstell – 5 €",)


def test_a_doubt_deep_in_a_file_is_named_at_its_row(store, tmp_path):
    [problem] = refusal(store, tmp_path, long_activity_log(3000, bad_row=2302, bad_task=""))
    assert (problem.row, problem.column) == (2302, "Oppgave")


def test_an_identity_number_deep_in_a_file_refuses_it(store, tmp_path):
    [problem] = refusal(store, tmp_path, long_activity_log(3000, 2999, f"Pasient {FNR}"))
    assert (problem.row, problem.column) == (2999, "Oppgave")
    assert FNR[6:] not in str(problem)


def test_an_id_twice_in_one_file_is_refused(store, tmp_path):
    text = long_activity_log(5) + "L3;02.02.2024 10:00;02.02.2024 10:30;2;EKG;HBO;1\n"
    problems = refusal(store, tmp_path, text)
    assert {problem.row for problem in problems} == {3, 7}
    assert all("flere rader" in problem.message for problem in problems)


def test_overlapping_files_add_only_the_new_rows(store, tmp_path):
    import_file(store, write(tmp_path / "first.csv", long_activity_log(10)))
    result = import_file(store, write(tmp_path / "second.csv", long_activity_log(15)))
    assert (result.rows_read, result.rows_added) == (15, 5)
    assert store.con.execute("SELECT count(*) FROM activities").fetchone() == (15,)


def test_an_identity_number_after_a_date_in_a_natively_read_column_refuses_the_file(
    store, tmp_path
):
    rows = long_activity_log(400).splitlines()
    rows[350] = rows[350].replace("01.02.2024 10:00;", f"01.02.2024 10:00 {FNR};", 1)
    [problem] = refusal(store, tmp_path, "\n".join(rows) + "\n")
    assert (problem.row, problem.column) == (351, "Start")
    assert FNR[6:] not in str(problem)


@pytest.mark.parametrize(
    ("usual", "with_number", "column"),
    [
        (";HBO;", f";HBO {FNR};", "Bestiller"),
        (";2;", f";2 {FNR};", "DP"),
        ("10:30;", f"10:30 {FNR};", "Slutt"),
    ],
)
def test_an_identity_number_beside_a_word_or_date_refuses_the_file(
    store, tmp_path, usual, with_number, column
):
    rows = long_activity_log(400).splitlines()
    rows[350] = rows[350].replace(usual, with_number, 1)
    [problem] = refusal(store, tmp_path, "\n".join(rows) + "\n")
    assert (problem.row, problem.column) == (351, column)
    assert "fødselsnummer" in problem.message and FNR[6:] not in str(problem)


def test_an_identity_number_in_a_start_column_beside_date_and_clock_refuses_the_file(
    store, tmp_path
):
    text = (
        "Løpenr;Start;Dato;Fra kl.;Til kl.;DP;Oppgave;Bestiller\n"
        "L1;01.02.2024 09:00;01.02.2024;09:00;09:30;2;EKG;HBO\n"
        f"L2;{FNR};01.02.2024;10:00;10:30;2;EKG;HBO\n"
    )
    [problem] = refusal(store, tmp_path, text)
    assert (problem.row, problem.column) == (3, "Start")


def test_a_date_in_another_form_late_in_a_file_still_imports(store, tmp_path):
    rows = long_activity_log(400).splitlines()
    rows[390] = rows[390].replace("01.02.2024 10:00;01.02.2024 10:30", "2024-02-01 10:00;10:30")
    import_file(store, write(tmp_path / "mixed.csv", "\n".join(rows) + "\n"))
    assert store.con.execute("SELECT count(*) FROM activities").fetchone() == (400,)
