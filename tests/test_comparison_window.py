"""Issue 13 in the window: the comparison chosen in the filter bar, remembered, followed by
the overview's cards; a period past a source's last day flagged beside its figures."""

import configparser
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from test_overview_view import MARCH, shown
from test_overview_view import store as store
from test_window import open_window, tasks_card
from test_window import user_db as user_db

from dashboard.data.values import Comparison, Filters
from dashboard.settings import settings_path
from dashboard.views.baseline_dialog import BaselineDialog
from dashboard.views.brief_dialog import BriefDialog
from dashboard.views.filter_bar import FilterBar
from dashboard.views.overview_view import OverviewView

pytestmark = [
    pytest.mark.usefixtures("norwegian"),
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)"),
]
BASELINE_2017 = Comparison.baseline(date(2017, 1, 1), date(2017, 12, 31))


@pytest.fixture
def bar(qtbot):
    widget = FilterBar()
    qtbot.addWidget(widget)
    widget.set_data((date(2018, 1, 5), date(2025, 12, 31)), [])
    return widget


@pytest.fixture
def view(qtbot, store):
    overview = OverviewView(store)
    qtbot.addWidget(overview)
    return overview


def choices(bar: FilterBar) -> list[str]:
    return [bar.comparison.itemText(i) for i in range(bar.comparison.count())]


def answer_dialog(accept: bool) -> None:
    """Answer the baseline dialog the bar is about to open, as a user clicks."""

    def click() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, BaselineDialog)
        dialog.accept() if accept else dialog.reject()

    QTimer.singleShot(0, click)


def test_the_choices_are_norwegian_and_each_is_announced(qtbot, bar):
    assert choices(bar) == ["Forrige periode", "Samme periode i fjor", "Grunnlinje…", "Ingen"]
    with qtbot.waitSignal(bar.changed) as changed:
        bar.choose_comparison(Comparison("last-year"))
    assert changed.args[0].compare == Comparison("last-year")
    assert bar.comparison.currentText() == "Samme periode i fjor"
    bar.choose_comparison(BASELINE_2017)
    assert bar.comparison.currentText() == "Grunnlinje 2017"
    assert bar.comparison.toolTip() == "Grunnlinje 01.01.2017–31.12.2017"
    bar.choose_comparison(Comparison.baseline(date(2016, 7, 1), date(2017, 6, 30)))
    assert bar.comparison.currentText() == "Grunnlinje 01.07.2016–30.06.2017"
    assert bar.filters().comparison().start == date(2016, 7, 1)


def test_choosing_a_baseline_asks_for_its_days_the_year_before_the_data(qtbot, bar):
    answer_dialog(accept=True)
    with qtbot.waitSignal(bar.changed) as changed:
        bar.comparison.activated.emit(bar.comparison.findData("baseline"))
    assert changed.args[0].compare == BASELINE_2017


def test_a_cancelled_baseline_keeps_the_comparison_before(qtbot, bar):
    bar.choose_comparison(Comparison("none"))
    answer_dialog(accept=False)
    with qtbot.assertNotEmitted(bar.changed):
        bar.comparison.setCurrentIndex(bar.comparison.findData("baseline"))
        bar.comparison.activated.emit(bar.comparison.findData("baseline"))
    assert bar.comparison.currentText() == "Ingen"
    assert bar.filters().compare == Comparison("none")


def test_a_baseline_that_ends_before_it_starts_cannot_be_chosen(qtbot):
    dialog = BaselineDialog(date(2017, 1, 1), date(2017, 12, 31))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.end_edit.setDate(date(2016, 6, 30))
    assert not ok.isEnabled()
    assert dialog.problem.text() == "Første dag er etter siste dag."


def test_the_comparison_is_remembered_across_restarts(qtbot, user_db):
    first = open_window(qtbot, user_db)
    with qtbot.waitSignal(first.refreshed, timeout=20000):
        first.filter_bar.choose_comparison(BASELINE_2017)
    first.close()
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(settings_path(), encoding="utf-8")
    assert parser.get("filters", "compare") == "baseline"
    second = open_window(qtbot, user_db)
    assert second.filters().compare == BASELINE_2017
    assert second.filter_bar.comparison.currentText() == "Grunnlinje 2017"


# The overview follows the choice


def test_last_year_changes_name_last_year(view):
    cards = shown(view, MARCH.with_comparison(Comparison("last-year")))
    # Nothing in March 2023: the fixture begins in January 2024.
    assert cards["tasks"][2] == "Ingen data for samme periode i fjor"
    assert view.period_label.text() == (
        "01.03.2024–31.03.2024, sammenlignet med samme periode i fjor, 01.03.2023–31.03.2023."
    )


def test_a_baseline_compares_every_card_with_its_days(view):
    baseline = Comparison.baseline(date(2024, 1, 1), date(2024, 2, 29))
    cards = shown(view, MARCH.with_comparison(baseline))
    # a4, a5 and a6 in January and February; three tasks in March too.
    assert cards["tasks"][1:] == ("3", "Uendret fra 3 i grunnlinjen")
    # c5 and c6 were acute, both with a doctor: 66,7 % against 100 %.
    assert cards["doctor_share"][2] == "▼ 33,3 prosentpoeng fra 100,0 % i grunnlinjen"


def test_no_comparison_hides_every_change(view):
    shown(view, MARCH.with_comparison(Comparison("none")))
    assert all(card.change_label.isHidden() for card in view.cards.values())
    assert view.period_label.text() == "01.03.2024–31.03.2024, uten sammenligning."


def test_cards_from_a_source_that_ends_early_say_so(view):
    shown(view, MARCH)
    # The last task is a3 on 20.03., the last call-out c4 on 25.03., the last trip t3 on 11.03.
    flags = {key: card.short_label.text() for key, card in view.cards.items()}
    assert flags["tasks"] == "⚠ Aktivitetslogg bare til og med 20.03.2024"
    assert flags["doctor_share"] == "⚠ Utrykninger bare til og med 25.03.2024"
    assert flags["late_trips"] == "⚠ Kjørebok bare til og med 11.03.2024"
    shown(view, MARCH.with_period(date(2024, 3, 1), date(2024, 3, 11)))
    assert all(card.short_label.isHidden() for card in view.cards.values())


def test_the_window_flags_a_period_past_a_source_above_every_view(qtbot, user_db):
    window = open_window(qtbot, user_db)
    # The whole data period ends 25.03.2024 with call-out c4.
    assert window.coverage_warning.text() == (
        "⚠ Perioden går forbi siste data: Aktivitetslogg bare til og med 20.03.2024; "
        "Kjørebok bare til og med 11.03.2024."
    )
    with qtbot.waitSignal(window.refreshed, timeout=20000):
        window.filter_bar.end_edit.setDate(date(2024, 3, 11))
    assert window.coverage_warning.isHidden()
    assert tasks_card(window) == "5"


def test_the_brief_dialog_names_the_comparison_it_follows(qtbot, tmp_path):
    year = Filters(date(2025, 1, 1), date(2025, 12, 31), compare=Comparison("last-year"))
    dialog = BriefDialog(year, tmp_path)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Samme periode i fjor (01.01.2024–31.12.2024)" in texts
    alone = BriefDialog(year.with_comparison(Comparison("none")), tmp_path)
    qtbot.addWidget(alone)
    texts = [label.text() for label in alone.findChildren(QLabel)]
    assert "Ingenting (ingen sammenligning valgt i filterlinjen)" in texts
