"""The steering-group brief for one year of the demo database, against two baselines.

Measured in one process, on one demo database built for the run:
- ``metrics``: the same year's figures fetched with ``figures.metrics`` alone;
- ``one page``: a minimal one-page reportlab PDF with a line of text;
- ``brief``: ``build_brief`` for the year, first call (fonts loaded, cold) and the median
  of ``--repeats`` further calls.

Target: a brief in at most 2 s, first call included.

    python benchmarks/bench_brief.py [--repeats 5] [--year 2024] [--keep DIR]
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
from dashboard.data.figures import Filters, metrics
from dashboard.data.store import Store

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


def run(folder: Path, year: int, repeats: int) -> bool:
    from dashboard.brief import build_brief

    database = build_demo(folder / "demo.duckdb", today=date(year, 12, 31))
    filters = Filters(date(year, 1, 1), date(year, 12, 31))
    out = folder / "notat.pdf"
    with Store.open(database, read_only=True) as store:
        cold = seconds(lambda: build_brief(store, filters, out))
        warm = median_seconds(lambda: build_brief(store, filters, out), repeats)
        figures_only = median_seconds(lambda: metrics(store.con, filters), repeats)
    one_page = median_seconds(lambda: one_page_pdf(folder / "en_side.pdf"), repeats)
    print(f"Brief for {year} from the demo database ({out.stat().st_size / 1024:.0f} KiB)")
    rows = [
        ("brief, first call", cold, ""),
        (f"brief, median of {repeats}", warm, ""),
        ("metrics alone", figures_only, f"brief / metrics  {warm / figures_only:6.1f}x"),
        ("one-page PDF", one_page, f"brief / one page {warm / one_page:6.1f}x"),
    ]
    for label, value, ratio in rows:
        print(f"  {label:<20} {value:7.3f} s   {ratio}".rstrip())
    within = cold <= TARGET_SECONDS
    verdict = "OK" if within else "OVER TARGET"
    print(f"  target {TARGET_SECONDS:.1f} s (first call): {verdict}")
    return within


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--keep", type=Path, help="keep the database and PDF in this folder")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return 0 if run(args.keep, args.year, args.repeats) else 1
    with tempfile.TemporaryDirectory() as folder:
        return 0 if run(Path(folder), args.year, args.repeats) else 1


if __name__ == "__main__":
    raise SystemExit(main())
