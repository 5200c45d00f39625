"""How fast the window starts and follows a filter change, on a 1,000,000-row database.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py [--rows N] [--keep DIR]``

Figures, each beside a baseline measured in the same run on the same machine:
- cold start to a painted window (a fresh process), against an empty QMainWindow painted
  in a fresh process; target at most 1.5 s;
- a filter change until every view has its new data and the shown view is repainted,
  against the bare figure queries for the same filters; targets at most 50 ms for the shown
  view and 100 ms for every view. Every view is shown once first (views are built when
  first shown), so every view that follows the filters is refreshed;
- what opening the file for a batch of jobs costs: the window's worker opens it read-only
  for each refresh and closes it when idle.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.data import figures, rollups  # noqa: E402
from dashboard.data.metrics import period_metrics  # noqa: E402
from dashboard.data.store import Store  # noqa: E402
from dashboard.data.values import Filters, StaffedSchedule  # noqa: E402

START_TARGET_S = 1.5
SHOWN_TARGET_MS = 50.0
EVERY_TARGET_MS = 100.0
REPEATS = 5

# Activities, call-outs and trips in the proportions of the demo data, spread over
# 2018–2024 and stored in time order, as exports appended month by month are; every value
# comes from the row number, so the database is the same each run.
GENERATE = """
INSERT INTO imports VALUES (1, 'benchmark', 'bench', 'activity', $activities, $activities,
                            TIMESTAMP '2025-01-02 08:00:00');
INSERT INTO activities
SELECT 'a' || i, t, t + to_minutes(15 + i % 75), 15 + i % 75, 1 + i % 6,
       ['Blodprøve', 'EKG', 'Sårstell', 'Ø-hjelp', 'Tilsyn', 'Forebyggende hjemmebesøk'][1 + i % 6],
       ['AMK', 'Legevakt', 'HBO', 'Sykehjem', 'Psykiatri/rus', 'Kreftkoordinator', 'Ergoterapi',
        'Fastlege', 'Annet'][1 + i % 9],
       ['Røros', 'Holtålen', 'Os'][1 + i % 3], NULL, i % 40, 1
FROM (SELECT i, TIMESTAMP '2018-01-01 10:00:00' + to_minutes((i * 7919) % 3680000) AS t
      FROM range($activities) r(i))
ORDER BY t;
INSERT INTO callouts
SELECT 'c' || i, TIMESTAMP '2018-01-01' + to_minutes((i * 104729) % 3680000),
       ['akutt', 'haster', 'vanlig'][1 + i % 3], 'Helsevaktbil', i % 5 < 3,
       ['Røros', 'Holtålen', 'Os'][1 + i % 3], 1
FROM range($callouts) r(i)
ORDER BY 2;
INSERT INTO car_trips
SELECT 't' || i, t, t + to_minutes(20 + i % 100), ['helsevakt', 'legevaktlege'][1 + i % 2],
       NULL, i % 50, 1
FROM (SELECT i, TIMESTAMP '2018-01-01' + to_minutes((i * 15485863) % 3680000) AS t
      FROM range($trips) r(i))
ORDER BY t;
"""


def build_database(path: Path, rows: int) -> Path:
    """``rows`` rows in all: 60 % activities, 20 % call-outs, 20 % trips."""
    activities, callouts = rows * 6 // 10, rows * 2 // 10
    counts = {"activities": activities, "callouts": callouts, "trips": rows - activities - callouts}
    with Store.open(path) as store:
        for statement in filter(str.strip, GENERATE.split(";")):
            named = {name: value for name, value in counts.items() if f"${name}" in statement}
            store.con.execute(statement, named)
        # Rows written without the importer: their daily sums are built here, as the demo
        # generator builds its own.
        rollups.rebuild(store.con, StaffedSchedule())
        store.con.execute("CHECKPOINT")
    return path


COLD_START = """
import sys, time
began = time.perf_counter()
from pathlib import Path
from PySide6.QtWidgets import QApplication
from dashboard.views.app import application, install_language
from dashboard.views.main_window import MainWindow
from dashboard.views.qt_settings import AppSettings
app = application()
install_language(app, "nb")
window = MainWindow(Path(sys.argv[1]), AppSettings())
window.view_refreshed.connect(lambda index: (window.repaint(), app.quit()))
window.show()
app.exec()
print(time.perf_counter() - began)
"""

EMPTY_WINDOW = """
import time
began = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1400, 900)
window.show()
window.repaint()
print(time.perf_counter() - began)
"""


def run_child(code: str, *args: str) -> float:
    """Wall time from starting a fresh interpreter until it reports being done."""
    environment = os.environ | {"PYTHONPATH": str(ROOT)}
    began = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=environment
    )
    elapsed = time.perf_counter() - began
    if child.returncode != 0:
        raise RuntimeError(f"the measured process failed:\n{child.stderr[-2000:]}")
    return elapsed


def median_of(measure, repeats: int = REPEATS) -> float:
    return statistics.median(measure() for _ in range(repeats))


def filter_pairs() -> list[Filters]:
    """Alternating filters, so that each change really changes what is shown."""
    return [
        Filters(date(2023, 1, 1), date(2023, 12, 31)),
        Filters(date(2022, 4, 1), date(2022, 6, 30), subproject=2),
        Filters(date(2018, 1, 1), date(2024, 12, 31), municipality="Os"),
    ]


def bare_queries(con, filters: Filters) -> float:
    """The figures alone, as the command line computes them, plus the monthly series."""
    began = time.perf_counter()
    period_metrics(con, filters)
    figures.task_mix(con, filters, monthly=True)
    figures.callout_months(con, filters)
    figures.car_after_hours_months(con, filters)
    figures.owner_months(con, filters)
    figures.car_heatmap(con, filters)
    return time.perf_counter() - began


def warm_query_times(path: Path, changes: list[Filters]) -> list[float]:
    """The bare queries of each change on a file already open and read once: measured after
    the window is closed, as the window must not share this process's open file."""
    with Store.open(path, read_only=True) as store:
        for filters in filter_pairs():
            bare_queries(store.con, filters)
        return [bare_queries(store.con, filters) for filters in changes]


def open_and_close(path: Path) -> float:
    """What the worker pays per batch of jobs to hold no lock while idle."""
    began = time.perf_counter()
    Store.open(path, read_only=True).close()
    return time.perf_counter() - began


def filter_change_times(path: Path) -> dict[str, list[float]]:
    """Seconds from a filter change until the shown view is repainted with the new figures,
    until every view has them, and for the bare queries of the same filters."""
    from dashboard.views.app import application, install_language
    from dashboard.views.main_window import MainWindow
    from dashboard.views.qt_settings import AppSettings

    app = application()
    install_language(app, "nb")
    window = MainWindow(path, AppSettings(), filters=filter_pairs()[0])
    window.show()
    _wait_for(app, window.refreshed)
    _show_every_view(app, window)
    times: dict[str, list[float]] = {"shown": [], "every": [], "after idle": []}
    changes: list[Filters] = []
    shown: list[float] = []
    window.view_refreshed.connect(
        lambda index: (
            index == window.stack.currentIndex()
            and (window.current_view().repaint(), shown.append(time.perf_counter()))
        )
    )
    for index in range(REPEATS * 2):
        filters = filter_pairs()[(index + 1) % 3]
        changes.append(filters)
        shown.clear()
        began = time.perf_counter()
        window.filter_bar.set_filters(filters)
        window.filters_changed()
        _wait_for(app, window.refreshed)
        times["every"].append(time.perf_counter() - began)
        times["shown"].append(shown[0] - began)
    for filters in filter_pairs():
        _wait_until_released(app, window)
        changes.append(filters)
        shown.clear()
        began = time.perf_counter()
        window.filter_bar.set_filters(filters)
        window.filters_changed()
        _wait_for(app, window.refreshed)
        times["after idle"].append(shown[0] - began)
    window.close()
    times["queries"] = warm_query_times(path, changes)
    return times


def _wait_until_released(app, window) -> None:
    """Until the worker has closed the file, as it does when the window is left alone."""
    while window.runner.busy() or window.runner.holds_database():
        app.processEvents()
        time.sleep(0.01)


def _show_every_view(app, window) -> None:
    for index in range(window.nav.count()):
        if index not in window.views:
            window.show_view(index)
            _wait_for(app, window.view_refreshed)
    window.show_view(0)


def _wait_for(app, signal) -> None:
    done = []
    signal.connect(lambda *args: done.append(True))
    while not done:
        app.processEvents()
        time.sleep(0.001)
    signal.disconnect()


def report(name: str, seconds: float, baseline: float, target: float, unit: str) -> None:
    scale = 1000 if unit == "ms" else 1
    verdict = "OK" if seconds * scale <= target else "OVER TARGET"
    print(
        f"{name:<44} {seconds * scale:8.1f} {unit}   baseline {baseline * scale:8.1f} {unit}   "
        f"ratio {seconds / baseline:5.2f}   target ≤ {target:g} {unit}: {verdict}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="folder to keep the generated database in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="helsevakt-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-{args.rows}.duckdb"
    os.environ.setdefault("HELSEVAKT_CONFIG_DIR", str(folder / "config"))
    # The cold start of an installed program reads bytecode (pip and the bundle compile it).
    compileall.compile_dir(Path(__file__).resolve().parents[1] / "dashboard", quiet=1)
    if not path.exists():
        began = time.perf_counter()
        build_database(path, args.rows)
        print(f"generated {args.rows:,} rows in {time.perf_counter() - began:.1f} s: {path}")
    empty = median_of(lambda: run_child(EMPTY_WINDOW))
    start = median_of(lambda: run_child(COLD_START, str(path)))
    times = filter_change_times(path)
    queries = statistics.median(times["queries"])
    opening = median_of(lambda: open_and_close(path), REPEATS * 2)
    print(f"{args.rows:,} rows; medians of {REPEATS} cold starts and {len(times['every'])} changes")
    report("cold start to a painted window", start, empty, START_TARGET_S, "s")
    report(
        "filter change, shown view repainted",
        statistics.median(times["shown"]),
        queries,
        SHOWN_TARGET_MS,
        "ms",
    )
    report(
        "filter change, every view updated",
        statistics.median(times["every"]),
        queries,
        EVERY_TARGET_MS,
        "ms",
    )
    report(
        "filter change after idle, shown view repainted",
        statistics.median(times["after idle"]),
        queries,
        EVERY_TARGET_MS,
        "ms",
    )
    report("opening and closing the file (per batch)", opening, queries, SHOWN_TARGET_MS, "ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
