"""The window and the brief show the same figures for the same filters.

Both call the functions of dashboard.data.figures; this test reads what each shows (the
overview's cards, the brief's headline table parsed back from the PDF) and compares them,
for the whole period and for a narrowed one.
"""

from datetime import date

import pytest
from pypdf import PdfReader
from test_overview_view import make_fixture_store

from dashboard.brief import build_brief
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.settings import Preferences
from dashboard.views.main_window import MainWindow
from dashboard.views.qt_settings import AppSettings

pytestmark = pytest.mark.usefixtures("norwegian")

# The overview's card and the brief's headline row for the same figure.
SAME_FIGURE = {
    "avoided_admissions": "Innleggelser unngått",
    "tasks": "Oppgaver utført",
    "task_hours": "Timer med oppgaver",
    "callouts": "Utrykninger i alt",
    "acute": "Ø-hjelp (akutt og haster)",
    "doctor_share": "Andel ø-hjelp med lege",
    "late_trips": "Turer med bilen etter kl. 22:00",
    "late_hours": "Timer med bilen etter kl. 22:00",
}


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def window_values(path, filters: Filters, qtbot) -> dict[str, str]:
    window = MainWindow(path, AppSettings(), background=False, filters=filters)
    qtbot.addWidget(window)
    overview = window.view("overview")
    values = {key: plain(overview.cards[key].value_label.text()) for key in SAME_FIGURE}
    window.close()
    return values


def brief_values(path, filters: Filters, out) -> dict[str, str]:
    """This period's value in each headline row of the brief, as the PDF reads back: a
    row's cells come out one a line, the label first."""
    with Store.open(path, read_only=True) as store:
        build_brief(store, filters, Preferences(), out)
    lines = plain(PdfReader(out).pages[0].extract_text()).splitlines()
    return {key: lines[lines.index(label) + 1] for key, label in SAME_FIGURE.items()}


@pytest.mark.parametrize(
    "filters",
    [
        Filters(date(2024, 3, 1), date(2024, 3, 31)),
        Filters(date(2024, 1, 1), date(2024, 3, 31), municipality="Røros"),
    ],
    ids=["march", "first-quarter-roros"],
)
def test_the_window_and_the_brief_show_the_same_headline_figures(qtbot, tmp_path, filters):
    path = tmp_path / "samme.duckdb"
    make_fixture_store(path).close()
    shown = window_values(path, filters, qtbot)
    assert brief_values(path, filters, tmp_path / "notat.pdf") == shown
    # Not two empty sets that agree: the fixture has tasks and acute call-outs in both.
    assert shown["tasks"] not in ("0", "–") and shown["doctor_share"].endswith("%")


def test_a_bad_setting_is_named_in_the_window_and_the_settings_in_force_kept(qtbot, tmp_path):
    from dashboard.settings import settings_path

    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("[staffed]\nend = 25:00\n", encoding="utf-8")
    path = tmp_path / "innstilling.duckdb"
    make_fixture_store(path).close()
    window = MainWindow(path, AppSettings(), background=False)
    qtbot.addWidget(window)
    assert window.prefs == Preferences()
    assert "staffed/end = «25:00»" in window.statusBar().currentMessage()
    window.close()
