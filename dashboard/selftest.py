"""``self-test``: the program proves on this machine that it can do its work.

In a temporary folder, never touching the user's data or settings, it builds a small demo
database, draws every view to PNG with the snapshot code and writes the brief, then checks
what came out. Meant for a fresh install and the desktop bundle, where no Python is at hand.
"""

from __future__ import annotations

import os
import re
import struct
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from dashboard import __version__

DEMO_LAST_DAY = date(2018, 12, 31)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FOLDER_VARIABLES = ("HELSEVAKT_DATA_DIR", "HELSEVAKT_CONFIG_DIR")
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


class SelfTestFailed(Exception):
    """A step produced something wrong; the message says what, in Norwegian."""


def run_self_test(report: Callable[[str], None] = print) -> int:
    """0 when every step works; else 1, with the failing step named."""
    report(f"Selvtest av Helsevakt-dashboard {__version__}")
    with (
        tempfile.TemporaryDirectory(prefix="helsevakt-selvtest-") as work,
        _user_folders_in(Path(work)),
    ):
        try:
            _run_steps(Path(work), report)
        except Exception as error:
            report(f"Selvtesten feilet: {_described(error)}")
            return 1
    report("Alt virker.")
    return 0


@contextmanager
def _user_folders_in(work: Path) -> Iterator[None]:
    """Settings and data folders inside ``work``: the user's own are neither read nor written."""
    saved = {name: os.environ.get(name) for name in FOLDER_VARIABLES}
    os.environ.update({name: str(work / name.lower()) for name in FOLDER_VARIABLES})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _run_steps(work: Path, report: Callable[[str], None]) -> None:
    from dashboard.data.demo import build_demo
    from dashboard.data.store import Store
    from dashboard.data.values import Filters
    from dashboard.settings import read_preferences

    prefs = read_preferences()
    db_path = build_demo(work / "selvtest.duckdb", today=DEMO_LAST_DAY, schedule=prefs.staffed)
    with Store.open(db_path, read_only=True) as store:
        activities = store.con.execute("SELECT count(*) FROM activities").fetchone()[0]
        if activities == 0:
            raise SelfTestFailed("demodatabasen ble tom")
        report(f"  Demodatabase laget: {activities} aktiviteter i 2018")
        filters = Filters(date(2018, 1, 1), DEMO_LAST_DAY, staffed=prefs.staffed)
        report(f"  Visninger tegnet: {_check_snapshots(store, filters, work / 'bilder')}")
        report(f"  Notat skrevet: {_check_brief(store, filters, prefs, work / 'notat.pdf')}")


def _check_snapshots(store, filters, out_dir: Path) -> str:
    from dashboard.views.snapshot import SNAPSHOT_SIZE, render_snapshots

    paths = render_snapshots(store, filters, out_dir)
    if not paths:
        raise SelfTestFailed("ingen visninger ble tegnet")
    for path in paths:
        if png_size(path) != SNAPSHOT_SIZE:
            width, height = png_size(path)
            raise SelfTestFailed(f"{path.name} er {width}×{height}, ventet {SNAPSHOT_SIZE}")
    return f"{len(paths)} PNG-filer, {SNAPSHOT_SIZE[0]}×{SNAPSHOT_SIZE[1]} punkter hver"


def _check_brief(store, filters, prefs, out_path: Path) -> str:
    from dashboard.brief import build_brief

    build_brief(store, filters, prefs, out_path, meeting_date=DEMO_LAST_DAY)
    pages = pdf_page_count(out_path)
    if pages < 1:
        raise SelfTestFailed(f"{out_path.name} har ingen sider")
    return f"PDF med {pages} sider, {out_path.stat().st_size // 1024} kB"


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header; raises if the file is not a PNG."""
    header = path.read_bytes()[:24]
    if len(header) < 24 or not header.startswith(PNG_SIGNATURE):
        raise SelfTestFailed(f"{path.name} er ikke et PNG-bilde")
    return struct.unpack(">II", header[16:24])


def pdf_page_count(path: Path) -> int:
    """Pages in a PDF that keeps its page objects uncompressed, as reportlab writes them."""
    data = path.read_bytes()
    if not data.startswith(b"%PDF"):
        raise SelfTestFailed(f"{path.name} er ikke en PDF")
    return len(PAGE_OBJECT.findall(data))


def _described(error: Exception) -> str:
    if isinstance(error, SelfTestFailed):
        return str(error)
    return f"{type(error).__name__}: {error}"
