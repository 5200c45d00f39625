from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QApplication

from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.views.callouts_view import CalloutsView
from dashboard.views.formatting import month_epoch

JAN_FEB = Filters(date(2024, 1, 1), date(2024, 2, 29))
# Staffed hours are weekdays 10:00-22:00; 10 January 2024 is a Wednesday.
CALLOUTS = [
    ("c1", datetime(2024, 1, 10, 12), "akutt", True),  # staffed
    ("c2", datetime(2024, 1, 13, 12), "akutt", False),  # Saturday
    ("c3", datetime(2024, 1, 10, 23), "haster", True),  # evening
    ("c4", datetime(2024, 1, 11, 11), "haster", True),  # staffed
    ("c5", datetime(2024, 1, 12, 10), "vanlig", True),  # not acute
    ("c6", datetime(2024, 2, 7, 15), "akutt", False),  # staffed
    ("c7", datetime(2024, 2, 8, 3), "haster", False),  # night
]
JAN, FEB = month_epoch(date(2024, 1, 1)), month_epoch(date(2024, 2, 1))


pytestmark = pytest.mark.usefixtures("norwegian")


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "x.duckdb")
    for id_, alarm_at, urgency, doctor in CALLOUTS:
        store.con.execute(
            "INSERT INTO callouts (id, alarm_at, urgency, resource, doctor_present, "
            "municipality, import_id) VALUES (?, ?, ?, 'Helsevaktbil', ?, 'Røros', 1)",
            [id_, alarm_at, urgency, doctor],
        )
    yield store
    store.close()


@pytest.fixture
def view(qtbot, store):
    view = CalloutsView(store)
    qtbot.addWidget(view)
    view.refresh_now(store.cursor(), JAN_FEB)
    return view


def labels(view) -> dict[str, str]:
    return {key: label.text() for key, label in view.summary_labels.items()}


def test_counts_beside_the_chart(view):
    assert view.title() == "Utrykninger"
    # 6 acute call-outs, 3 of them with a doctor; Wilson(3, 6) = 0.1876..0.8124.
    assert labels(view) == {
        "total": "7",
        "acute": "6",
        "acute_with_doctor": "3",
        "acute_doctor_share": "50,0 %",
        "interval": "18,8–81,2 %",
        # Every call-out here sent the car.
        "acute_by_car": "6",
        "car_share": "100,0 %",
    }


def test_monthly_share_of_acute_call_outs_with_a_doctor(view):
    curve = view.slots[0].curve
    x, y = curve.getData()
    assert list(x) == [JAN, FEB]
    assert list(y) == [75.0, 0.0]
    assert not view.slots[1].curve.isVisible()
    assert view.panel.legend.labels() == ["Alle akutte utrykninger", "95 %-intervall"]


def test_the_wilson_band_around_the_share(view):
    # January 3 of 4: Wilson 95 % = 0.3006..0.9544; February 0 of 2: 0..0.6576.
    _, lower = view.slots[0].lower.getData()
    _, upper = view.slots[0].upper.getData()
    assert lower == pytest.approx([30.06, 0.0], abs=0.01)
    assert upper == pytest.approx([95.44, 65.76], abs=0.01)
    assert view.slots[0].band.isVisible()


def test_split_by_urgency(view):
    view.split_box.setCurrentIndex(1)
    assert view.split_box.currentText() == "Etter hastegrad"
    assert list(view.slots[0].curve.getData()[1]) == [50.0, 0.0]
    assert list(view.slots[1].curve.getData()[1]) == [100.0, 0.0]
    assert view.panel.legend.labels() == [
        "Akutt (rød)",
        "95 %-intervall",
        "Haster (gul)",
        "95 %-intervall",
    ]
    # Wilson(2, 2) = 0.3424..1.
    _, lower = view.slots[1].lower.getData()
    assert lower[0] == pytest.approx(34.24, abs=0.01)


def test_split_by_staffed_hours(view):
    view.split_box.setCurrentIndex(2)
    staffed, unstaffed = view.series
    assert (staffed.label, staffed.acute, staffed.with_doctor) == ("Bemannet tid", [2, 1], [2, 0])
    assert (unstaffed.label, unstaffed.acute, unstaffed.with_doctor) == (
        "Ubemannet tid",
        [2, 1],
        [1, 0],
    )


def test_the_numbers_behind_the_chart_and_copy(view):
    model = view.panel.model
    first = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert first == ["januar 2024", "Alle akutte utrykninger", "4", "3", "75,0", "30,1", "95,4"]
    view.panel.copy_data()
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0] == (
        "Måned\tGruppe\tAkutte utrykninger\tMed lege\tAndel med lege (%)"
        "\tNedre 95 % (%)\tØvre 95 % (%)"
    )
    assert lines[2] == "februar 2024\tAlle akutte utrykninger\t2\t0\t0,0\t0,0\t65,8"


def test_tooltip_names_share_counts_and_interval(view):
    text = view.tooltip(JAN, 50)
    assert (
        text == "januar 2024\nAlle akutte utrykninger: 75,0 % (3 av 4), 95 %-intervall 30,1–95,4 %"
    )


def test_no_acute_call_outs_leaves_the_chart_empty(view, store):
    view.refresh_now(store.cursor(), Filters(date(2023, 1, 1), date(2023, 12, 31)))
    assert labels(view)["acute_doctor_share"] == "–"
    assert labels(view)["interval"] == "–"
    assert not view.slots[0].curve.isVisible()
    assert view.panel.model.rowCount() == 0
