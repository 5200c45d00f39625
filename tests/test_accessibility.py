"""Every control is reached by Tab and has a name a screen reader can say; every chart and
card is named, and its numbers are one key away."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QTabBar,
    QWidget,
)
from test_overview_view import make_fixture_store

from dashboard.data.store import default_db_path
from dashboard.views.charts import ChartPanel
from dashboard.views.main_window import MainWindow
from dashboard.views.qt_settings import AppSettings
from dashboard.views.registry import VIEWS
from dashboard.views.registry import index_of as registry_index

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)"),
    pytest.mark.usefixtures("norwegian"),
]
# Far more stops than any view has: a chain that never comes back round is a failure.
MOST_STOPS = 400


@pytest.fixture
def window(qtbot):
    make_fixture_store(default_db_path()).close()
    window = MainWindow(default_db_path(), AppSettings())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.refreshed, timeout=20000):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says for a control: its accessible name, its own text (a tab
    bar: its current tab's), or the text of the label that names it (the label's buddy)."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text():
        return widget.text()
    if isinstance(widget, QTabBar):
        return widget.tabText(widget.currentIndex())
    labels = widget.window().findChildren(QLabel)
    return next((label.text() for label in labels if label.buddy() is widget), "")


def tab_chain(window: MainWindow) -> list[QWidget]:
    """The widgets Tab visits from the sidebar until it comes round to it again."""
    window.nav.setFocus()
    chain = [window.nav]
    for _ in range(MOST_STOPS):
        window.focusNextChild()
        widget = QApplication.focusWidget()
        if widget is window.nav:
            return chain
        chain.append(widget)
    raise AssertionError("Tab never came back to the sidebar")


def is_control(widget: QWidget) -> bool:
    """Shown, usable and taking focus itself: not through another widget (a tab widget's
    tab bar, a scroll area's viewport)."""
    parent = widget.parentWidget()
    viewport = isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and not viewport
    )


def describe(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}"


@pytest.mark.parametrize("index", range(len(VIEWS)), ids=[entry.key for entry in VIEWS])
def test_tab_reaches_every_control_and_each_has_a_name(qtbot, window, index):
    if index not in window.views:
        with qtbot.waitSignal(window.view_refreshed, timeout=20000):
            window.show_view(index)
    window.show_view(index)
    chain = tab_chain(window)
    controls = [
        widget for widget in window.views[index].findChildren(QWidget) if is_control(widget)
    ]
    assert [describe(widget) for widget in controls if widget not in chain] == []
    assert [describe(widget) for widget in chain if not spoken_name(widget).strip()] == []


def test_every_chart_and_card_is_named_and_its_numbers_are_a_button_away(qtbot, window):
    for index in range(len(VIEWS)):
        if index not in window.views:
            with qtbot.waitSignal(window.view_refreshed, timeout=20000):
                window.show_view(index)
    # A panel its view has hidden (task mix per month while per period shows) is drawn,
    # and named, when shown.
    panels = [panel for panel in window.findChildren(ChartPanel) if not panel.isHidden()]
    assert len(panels) == 14  # Gevinster adds one panel, Kapasitet and the capacity parts six
    assert [describe(panel) for panel in panels if not panel.title_label.text()] == []
    for panel in panels:
        assert panel.chart.accessibleName() == panel.title_label.text()
        assert panel.numbers_button.text() == "Vis tall"
        assert panel.table.accessibleName() == f"Tallene bak: {panel.title_label.text()}"
    cards = window.view("overview").cards.values()
    assert [card.accessibleName() for card in cards] == [
        f"{card.title_label.text()}: {card.value_label.text()}" for card in cards
    ]


def test_ctrl_t_shows_the_numbers_behind_the_shown_views_charts(qtbot, window):
    with qtbot.waitSignal(window.view_refreshed, timeout=20000):
        window.show_view(registry_index("callouts"))
    panel = window.current_view().findChild(ChartPanel)
    QTest.keySequence(window, QKeySequence("Ctrl+T"))
    assert panel.pages.currentWidget() is panel.table
    assert panel.numbers_button.text() == "Vis diagram"
    with qtbot.waitSignal(window.view_refreshed, timeout=20000):
        window.show_view(registry_index("car_use"))
    assert all(
        shown.pages.currentWidget() is shown.table
        for shown in window.current_view().findChildren(ChartPanel)
    )
    QTest.keySequence(window, QKeySequence("Ctrl+T"))
    assert window.current_view().findChild(ChartPanel).numbers_button.text() == "Vis tall"
