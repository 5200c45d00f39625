"""The steering-group brief, against two baselines measured in the same process.

On the demo database for one year (default), or with ``--rows N`` on the generated database
of ``bench_window.py`` (N rows, 2018–2024) for 2018–2025:
- ``metrics``: the same period's figures fetched with ``period_metrics`` alone;
- ``one page``: a minimal one-page reportlab PDF with a line of text;
- ``brief``: ``build_brief`` for the period, first call (fonts loaded, cold) and the median
  of ``--repeats`` further calls.

Target: a brief in at most 2 s, first call included.

    python benchmarks/bench_brief.py [--repeats 5] [--year 2024] [--keep DIR]
    python benchmarks/bench_brief.py --rows 10000000 --keep /tmp/bench   # 2018–2025
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard.data.demo import build_demo
from dashboard.data.metrics import period_metrics
from dashboard.data.store import Store
from dashboard.data.values import Filters
from dashboard.settings import Preferences

TARGET_SECONDS = 2.0


def seconds(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def median_seconds(action, repeats: int) -> float:
    return statistics.median(seconds(action) for _ in range(repeats))


def one_page_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    canvas.drawString(72, 770, "Notat til styringsgruppen")
    canvas.showPage()
    canvas.save()


def demo_database(folder: Path, year: int) -> tuple[Path, Filters, str]:
    database = build_demo(folder / "demo.duckdb", today=date(year, 12, 31))
    return database, Filters(date(year, 1, 1), date(year, 12, 31)), f"the demo year {year}"


def generated_database(folder: Path, rows: int) -> tuple[Path, Filters, str]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_window import build_database

    database = folder / f"bench-{rows}.duckdb"
    if not database.exists():
        build_database(database, rows)
    period = Filters(date(2018, 1, 1), date(2025, 12, 31))
    return database, period, f"2018–2025 over {rows:,} generated rows"


def run(database: Path, filters: Filters, label: str, folder: Path, repeats: int) -> bool:
    from dashboard.brief import build_brief

    out, prefs = folder / "notat.pdf", Preferences()
    with Store.open(database, read_only=True) as store:
        cold = seconds(lambda: build_brief(store, filters, prefs, out))
        warm = median_seconds(lambda: build_brief(store, filters, prefs, out), repeats)
        figures_only = median_seconds(lambda: period_metrics(store.con, filters), repeats)
    one_page = median_seconds(lambda: one_page_pdf(folder / "en_side.pdf"), repeats)
    print(f"Brief for {label} ({out.stat().st_size / 1024:.0f} KiB)")
    rows = [
        ("brief, first call", cold, ""),
        (f"brief, median of {repeats}", warm, ""),
        ("metrics alone", figures_only, f"brief / metrics  {warm / figures_only:6.1f}x"),
        ("one-page PDF", one_page, f"brief / one page {warm / one_page:6.1f}x"),
    ]
    for name, value, ratio in rows:
        print(f"  {name:<20} {value:7.3f} s   {ratio}".rstrip())
    within = cold <= TARGET_SECONDS
    verdict = "OK" if within else "OVER TARGET"
    print(f"  target {TARGET_SECONDS:.1f} s (first call): {verdict}")
    return within


def measure(folder: Path, args: argparse.Namespace) -> bool:
    if args.rows:
        database, filters, label = generated_database(folder, args.rows)
    else:
        database, filters, label = demo_database(folder, args.year)
    return run(database, filters, label, folder, args.repeats)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--rows", type=int, help="use a generated database of this many rows")
    parser.add_argument("--keep", type=Path, help="keep the database and PDF in this folder")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return 0 if measure(args.keep, args) else 1
    with tempfile.TemporaryDirectory() as folder:
        return 0 if measure(Path(folder), args) else 1


if __name__ == "__main__":
    raise SystemExit(main())
