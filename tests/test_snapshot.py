"""Every view drawn offscreen to a PNG, from Python and from the command line."""

from datetime import date

import pytest
from PySide6.QtGui import QImage
from test_overview_view import make_fixture_store

from dashboard.cli import main
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.views.snapshot import SNAPSHOT_SIZE, render_snapshots

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise)\(\)"
)
NAMES = [
    "01-oversikt.png",
    "02-gevinster.png",
    "03-oppgavemiks.png",
    "04-utrykninger.png",
    "05-bilbruk.png",
    "06-maal.png",
    "07-oppfolging.png",
    "08-kostnadsdeling.png",
    "09-kapasitet.png",
    "10-import.png",
    "11-referanser.png",
]


def test_every_view_is_drawn_at_the_window_size(qapp, tmp_path):
    path = tmp_path / "fixture.duckdb"
    make_fixture_store(path).close()
    with Store.open(path, read_only=True) as store:
        paths = render_snapshots(store, Filters(date(2024, 3, 1), date(2024, 3, 31)), tmp_path)
    assert [p.name for p in paths] == NAMES
    for png in paths:
        image = QImage(str(png))
        assert (image.width(), image.height()) == SNAPSHOT_SIZE, png.name  # nothing widens it
        # Not blank: a drawn view has many colours.
        colours = {
            image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, 800, 23)
        }
        assert len(colours) > 5, png.name


def test_the_command_line_writes_the_snapshots(qapp, tmp_path, capsys):
    path = tmp_path / "fixture.duckdb"
    make_fixture_store(path).close()
    out = tmp_path / "bilder"
    assert main(["snapshot", "--db", str(path), "--out", str(out), "--to", "2024-03-31"]) == 0
    assert sorted(p.name for p in out.iterdir()) == NAMES
    assert capsys.readouterr().out.splitlines() == [str(out / name) for name in NAMES]
