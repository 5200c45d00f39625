"""The month axis labels a time series without running its labels into each other."""

import itertools
from datetime import date

import pytest
from PySide6.QtGui import QPainter, QPicture

from dashboard.views.charts import month_plot, month_positions

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)"),
    pytest.mark.usefixtures("norwegian"),
]

WHOLE_PROJECT = (date(2018, 1, 1), date(2026, 11, 1))
ONE_YEAR = (date(2025, 1, 1), date(2025, 12, 1))


def months_between(first: date, last: date) -> list[date]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def drawn_labels(qtbot, period: tuple[date, date], width: int) -> list[tuple[float, float, str]]:
    """(left, right, text) of every month label the bottom axis draws, as its paint() does."""
    chart = month_plot("Timer")
    qtbot.addWidget(chart)
    months = months_between(*period)
    chart.getPlotItem().plot(month_positions(months), [float(n % 7) for n in range(len(months))])
    chart.resize(width, 240)
    chart.show()
    qtbot.waitExposed(chart)
    axis = chart.getPlotItem().getAxis("bottom")
    qtbot.waitUntil(lambda: axis.range[1] > month_positions(months[-1:])[0])
    picture = QPicture()
    painter = QPainter(picture)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return sorted((rect.left(), rect.right(), text) for rect, _, text in texts)


@pytest.mark.parametrize("width", [180, 250, 330, 420, 560, 800, 1200])
@pytest.mark.parametrize("period", [WHOLE_PROJECT, ONE_YEAR], ids=["2018-2026", "2025"])
def test_month_labels_never_overlap(qtbot, period, width):
    labels = drawn_labels(qtbot, period, width)
    assert labels
    for (_, right, text), (left, _, following) in itertools.pairwise(labels):
        assert right < left, f"«{text}» runs into «{following}» at {width} px: {labels}"


def test_a_narrow_chart_of_the_whole_project_labels_every_other_year(qtbot):
    texts = [text for _, _, text in drawn_labels(qtbot, WHOLE_PROJECT, 250)]
    assert texts == ["2020", "2022", "2024", "2026"]


def test_a_wide_chart_of_the_whole_project_labels_every_year(qtbot):
    texts = [text for _, _, text in drawn_labels(qtbot, WHOLE_PROJECT, 1200)]
    assert texts == [str(year) for year in range(2018, 2027)]


def test_a_narrow_chart_of_one_year_labels_the_quarters(qtbot):
    texts = [text for _, _, text in drawn_labels(qtbot, ONE_YEAR, 420)]
    # January sits at the axis's left end, where pyqtgraph leaves out a label it cannot centre.
    assert texts[-3:] == ["apr. 2025", "juli 2025", "okt. 2025"]
    assert texts[:-3] in ([], ["jan. 2025"])


def test_a_wide_chart_of_one_year_labels_every_month(qtbot):
    texts = [text for _, _, text in drawn_labels(qtbot, ONE_YEAR, 1200)]
    assert texts[:4] == ["jan. 2025", "feb. 2025", "mars 2025", "apr. 2025"]
    assert len(texts) == 12
