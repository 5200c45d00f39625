"""Gevinster and the benefit model in the window, on the fixture of test_gains (one form).

March–April 2024: six tasks, five with an outcome; two admissions avoided (one in the
previous period, January–February), one treated on the spot; 60,0 km.
"""

from __future__ import annotations

from datetime import date

import pytest
from exports import ExportForm, write_export
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from dashboard.data.importer import import_file
from dashboard.data.store import Store
from dashboard.data.values import BenefitModel, Comparison, UnitValue
from dashboard.settings import benefit_model, read_preferences, settings_path
from dashboard.views.benefit_model_panel import BenefitModelPanel, UnitValueDialog
from dashboard.views.cost_view import CostSharingView
from dashboard.views.gains_view import GainsView
from dashboard.views.overview_view import OverviewView
from tests.test_gains import (
    BENEFIT_INI,
    LAST_YEAR_TASKS,
    PERIOD,
    TASKS,
    VALUES,
    records,
    write_benefit_ini,
)

pytestmark = pytest.mark.usefixtures("norwegian")


@pytest.fixture
def store(tmp_path):
    path = write_export(tmp_path / "aktivitet", "activity", records(), ExportForm())
    with Store.open(tmp_path / "gains.duckdb") as store:
        import_file(store, path)
        yield store


def shown(view: GainsView, compare: Comparison | None = None) -> GainsView:
    """The view on PERIOD, compared as ``compare`` says (by default the previous period)."""
    view.prefs = read_preferences()
    view.refresh_now(view.store.cursor(), PERIOD.with_comparison(compare or Comparison()))
    return view


@pytest.fixture
def view(qtbot, store):
    view = GainsView(store)
    qtbot.addWidget(view)
    return view


def fact(view: GainsView, key: str) -> tuple[str, str, str]:
    box = view.facts[key]
    texts = (box.title.text(), box.value.text(), box.detail.text())
    return tuple(text.replace("\u00a0", " ") for text in texts)


def rows(model) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_key_figures_and_outcomes_without_a_valuation(view):
    shown(view)
    assert view.title() == "Gevinster"
    assert view.heading.text() == "Gevinster"
    assert view.period_label.text().splitlines()[0] == (
        "01.03.2024–30.04.2024, sammenlignet med forrige periode, 01.01.2024–29.02.2024."
    )
    assert fact(view, "avoided") == ("Innleggelser unngått", "2", "Forrige periode: 1")
    assert fact(view, "treated") == ("Behandlet på stedet", "1", "Forrige periode: 0")
    assert fact(view, "coverage")[1:] == (
        "83 %",
        "5 av 6 oppgaver; antallene her gjelder bare disse",
    )
    assert fact(view, "value")[:2] == ("Verdi", "Ikke verdsatt")
    assert rows(view.outcome_model) == [
        ["Innleggelse unngått", "2", "1,5", "1"],
        ["Behandlet på stedet", "1", "0,8", "0"],
        ["Henvist fastlege, ny time", "1", "0,7", "0"],
        ["Innlagt", "1", "1,5", "0"],
        ["Ikke registrert", "1", "0,3", "0"],
        ["Alle oppgaver", "6", "4,8", "1"],
    ]
    assert view.month_bars.heights("Innleggelse unngått") == [2, 0]
    assert view.month_bars.heights("Ikke registrert") == [0, 1]
    assert view.month_bars.heights("Andre utfall") == [0, 1]


@pytest.fixture
def two_years(qtbot, tmp_path):
    """The view on the fixture's tasks and those of the same months in 2023 (test_gains)."""
    with Store.open(tmp_path / "to-aar.duckdb") as store:
        for name, tasks in (("aktivitet", TASKS), ("aktivitet-2023", LAST_YEAR_TASKS)):
            import_file(
                store, write_export(tmp_path / name, "activity", records(tasks), ExportForm())
            )
        view = GainsView(store)
        qtbot.addWidget(view)
        yield view


def header(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_the_gains_follow_a_comparison_with_the_same_period_last_year(two_years):
    view = shown(two_years, Comparison("last-year"))
    assert view.period_label.text().splitlines()[0] == (
        "01.03.2024–30.04.2024, sammenlignet med samme periode i fjor, 01.03.2023–30.04.2023."
    )
    assert fact(view, "avoided") == ("Innleggelser unngått", "2", "Samme periode i fjor: 1")
    assert fact(view, "treated") == ("Behandlet på stedet", "1", "Samme periode i fjor: 1")
    assert header(view.outcome_model) == ["Utfall", "Oppgaver", "Timer", "Samme periode i fjor"]
    assert [row[0::3] for row in rows(view.outcome_model)] == [
        ["Innleggelse unngått", "1"],
        ["Behandlet på stedet", "1"],
        ["Henvist fastlege, ny time", "0"],
        ["Innlagt", "0"],
        ["Ikke registrert", "1"],
        ["Alle oppgaver", "3"],
    ]
    # A baseline without tasks says so, in the baseline's words.
    shown(view, Comparison.baseline(date(2022, 1, 1), date(2022, 12, 31)))
    assert fact(view, "avoided")[2] == "Ingen data for grunnlinjen"
    assert header(view.outcome_model)[3] == "Grunnlinje"


def test_without_a_comparison_the_view_says_nothing_of_another_period(two_years):
    view = shown(two_years, Comparison("none"))
    assert view.period_label.text().splitlines()[0] == "01.03.2024–30.04.2024, uten sammenligning."
    assert fact(view, "avoided") == ("Innleggelser unngått", "2", "")
    assert view.facts["avoided"].detail.isHidden() and view.facts["treated"].detail.isHidden()
    assert header(view.outcome_model) == ["Utfall", "Oppgaver", "Timer"]
    assert rows(view.outcome_model)[-1] == ["Alle oppgaver", "6", "4,8"]
    shown_texts = [label.text() for label in view.findChildren(QLabel)]
    assert not [text for text in shown_texts if "forrige periode" in text.lower()]
    # Back to the previous period: the line and the column return.
    shown(view)
    assert fact(view, "avoided")[2] == "Forrige periode: 1"
    assert not view.facts["avoided"].detail.isHidden()
    assert header(view.outcome_model)[3] == "Forrige periode"


def test_no_valuation_says_so_and_where_to_set_one(view):
    shown(view)
    assert view.value_title.text() == "Ingen verdsetting er satt"
    assert "Kostnadsdeling → Gevinstmodell" in view.value_text.text()
    assert view.value_table.isHidden()
    assert view.value_button.text() == "Sett enhetsverdier …"


def test_outcomes_per_service_and_subproject_in_counts_or_hours(view):
    shown(view)
    header = [view.group_model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert header == [
        "Bestillende tjeneste",
        "Innleggelse unngått",
        "Behandlet på stedet",
        "Innlagt",
        "Andre utfall",
        "Ikke registrert",
        "Alle oppgaver",
        "Utfall registrert",
    ]
    assert rows(view.group_model)[0] == ["AMK", "1", "0", "0", "1", "0", "2", "100 %"]
    assert rows(view.group_model)[1] == ["Ergoterapi", "0", "0", "0", "0", "1", "1", "0 %"]
    view.split_box.setCurrentIndex(1)
    view.measure_box.setCurrentIndex(1)
    assert rows(view.group_model)[1] == [
        "2 Samarbeid HBO og sykehjem",
        "0,5",
        "0,8",
        "0,0",
        "0,0",
        "0,0",
        "1,3",
        "100 %",
    ]


def test_kilometres_per_subproject_owner_and_municipality(view):
    shown(view)
    assert view.km_total.text().startswith("60,0 km på oppgaver i perioden")
    assert rows(view.km_models["owner"]) == [
        ["Kommunen", "42,5", "4"],
        ["Helseforetaket", "17,5", "2"],
        ["Delt", "0,0", "0"],
    ]
    assert rows(view.km_models["mun"]) == [
        ["Holtålen", "30,2", "1"],
        ["Os", "9,0", "2"],
        ["Røros", "20,8", "3"],
    ]


def test_the_valuation_is_an_estimate_with_its_assumptions(view):
    write_benefit_ini(BENEFIT_INI)
    shown(view)
    assert fact(view, "value")[:2] == ("Anslått verdi (anslag)", "kr 109 500")
    assert view.value_title.text().replace("\u00a0", " ") == "Anslått verdi: kr 109 500 (anslag)"
    table = [[cell.replace("\u00a0", " ") for cell in row] for row in rows(view.value_model)]
    assert table == [
        [
            "Unngått innleggelse",
            "Innleggelse unngått",
            "2",
            "kr 45 000",
            "kr 90 000",
            "DRG-refusjon 2024",
        ],
        [
            "Unngått ambulansetransport",
            "innleggelse unngått, Behandlet på stedet",
            "3",
            "kr 6 500",
            "kr 19 500",
            "Kostnad per oppdrag 2023",
        ],
    ]
    assumptions = view.value_text.text()
    assert "Et anslag, ikke en målt besparelse" in assumptions
    assert "Bare oppgaver med registrert utfall teller: 5 av 6 oppgaver (83 %)" in assumptions
    twice = "Oppgaver med utfallet «Innleggelse unngått» teller i hver av: Unngått innleggelse, "
    assert twice + "Unngått ambulansetransport." in assumptions
    assert "Ikke verdsatt: Henvist fastlege, ny time, Innlagt." in assumptions


def test_the_panel_saves_what_the_command_line_reads(qtbot):
    panel = BenefitModelPanel()
    qtbot.addWidget(panel)
    assert panel.table.rowCount() == 0
    panel.values = [
        UnitValue(
            "Unngått drosjetur",
            850,
            'Pasientreiser, snittpris 2024; «drosje», "Os" = 1,5 mil \\ tur',
            ("Behandlet på stedet", "Henvist fastlege, ny time"),
        )
    ]
    with qtbot.waitSignal(panel.changed):
        panel.save()
    assert benefit_model() == panel.model()
    assert read_preferences().benefit_model == panel.model()
    assert "benefit_1" in settings_path().read_text(encoding="utf-8")
    assert panel.table.item(0, 1).text().replace("\u00a0", " ") == "kr 850"
    panel.table.selectRow(0)
    panel.remove_value()
    assert benefit_model() == BenefitModel()


def test_the_dialog_asks_for_a_source_before_a_value_can_be_saved(qtbot):
    dialog = UnitValueDialog(["Ingen tiltak"])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.name.setCurrentText("Unngått innleggelse")
    dialog.kroner.setValue(45000)
    dialog.outcomes.item(0).setCheckState(Qt.CheckState.Checked)
    assert not ok.isEnabled()
    assert dialog.problem.text() == "Si hvor beløpet kommer fra: et anslag trenger en kilde."
    dialog.source.setPlainText("DRG-refusjon\n2024")
    assert ok.isEnabled()
    offered = [dialog.outcomes.item(row).text() for row in range(dialog.outcomes.count())]
    assert offered == [
        "Innleggelse unngått",
        "Behandlet på stedet",
        "Innlagt",
        "Henvist fastlege",
        "Ingen tiltak",
    ]
    dialog.other.setText("Sendt hjem")
    dialog._add_other()
    assert dialog.value() == UnitValue(
        "Unngått innleggelse", 45000.0, "DRG-refusjon 2024", ("Innleggelse unngått", "Sendt hjem")
    )


# A dialog shown offscreen: the platform says it cannot size a window for a screen.
@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
def test_the_view_opens_the_benefit_model_and_refreshes_after_a_change(qtbot, view):
    shown(view)
    dialog = view.open_benefit_model()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Gevinstmodell"
    assert "Henvist fastlege, ny time" in dialog.panel.known_outcomes
    dialog.panel.values = [VALUES[0]]
    with qtbot.waitSignal(view.data_changed):
        dialog.panel.save()
    assert shown(view).value_title.text().replace("\u00a0", " ") == (
        "Anslått verdi: kr 90 000 (anslag)"
    )


def test_the_cost_sharing_view_holds_the_benefit_model(qtbot, store):
    view = CostSharingView(store)
    qtbot.addWidget(view)
    assert view.tabs.tabText(3) == "Gevinstmodell"
    assert view.tabs.widget(3) is view.benefit_panel


def test_the_overview_card_shows_avoided_admissions_against_the_previous_period(qtbot, store):
    view = OverviewView(store)
    qtbot.addWidget(view)
    view.refresh_now(store.cursor(), PERIOD)
    card = view.cards["avoided_admissions"]
    assert card.title_label.text() == "Innleggelser unngått"
    assert card.value_label.text() == "2"
    assert card.change_label.text() == "▲ 100 % fra 1 i forrige periode"
    assert card.note_label.text() == "Utfall registrert for 83 % av oppgavene."
