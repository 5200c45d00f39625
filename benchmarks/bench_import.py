"""The data spine against bare DuckDB, in one run, on one generated activity log.

1. ``helsevakt-dashboard import`` against a bare DuckDB process reading the same CSV into a
   typed table (target: at most 1.5x the time).
2. ``helsevakt-dashboard metrics --json`` over that database against a bare process that
   opens it read-only and runs one query (target: at most 1.5x); with ``--metrics-db`` over
   a database given (bench_window.py's ten million rows, kept), this alone.

Every measurement is a fresh process, timed end to end (start-up included), and each import
goes into a fresh database file; the median of ``--repeats`` runs counts. The child's CPU
time (user + system, all threads) is shown too: on a shared machine it moves less than the
wall clock. Peak memory is the child's own maximum resident set (``wait4``), shown as a
ratio too. Linux counts the parent's resident set into a child's peak, so this process
stays small: even the CSV is written by a child, and DuckDB is never imported here.

    python benchmarks/bench_import.py [--rows 1000000] [--repeats 3] [--keep DIR]
        [--source TREE]   # measure another checkout (e.g. a patched copy) of the dashboard
        [--metrics-db FILE]  # only metrics --json, over this database
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
from dataclasses import dataclass
from pathlib import Path

IMPORT_TARGET = 1.5
METRICS_TARGET = 1.5
PERIOD = ("2018-01-01", "2025-12-31")
BENCH_DIR = Path(__file__).resolve().parent

BARE_IMPORT = """
import sys, duckdb
con = duckdb.connect(sys.argv[2])
con.execute(
    "CREATE TABLE t AS SELECT * FROM read_csv(?, delim = ';', header = true, "
    "decimal_separator = ',', timestampformat = '%d.%m.%Y %H:%M')",
    [sys.argv[1]],
)
print(con.execute("SELECT count(*) FROM t").fetchone()[0])
"""

BARE_QUERY = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute(
    "SELECT count(*), sum(minutes) FROM activities WHERE start_at::DATE BETWEEN ? AND ?",
    [sys.argv[2], sys.argv[3]],
).fetchone())
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float
    peak_mb: float
    output: str


def median_run(runs: list[Run]) -> Run:
    return Run(
        statistics.median(run.seconds for run in runs),
        statistics.median(run.cpu_seconds for run in runs),
        statistics.median(run.peak_mb for run in runs),
        runs[-1].output,
    )


def fresh(db_path: Path) -> Path:
    """No database at ``db_path`` (a kept one from an earlier run would make a no-op)."""
    for leftover in (db_path, db_path.with_name(db_path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    return db_path


@dataclass(frozen=True)
class Bench:
    """Where the files go, and which source tree ``python -m dashboard`` runs from."""

    workdir: Path
    source: Path

    def run(self, command: list[str]) -> Run:
        """Run ``command`` to the end; wall-clock seconds and its own peak memory."""
        out_path = self.workdir / "stdout.txt"
        with out_path.open("w+", encoding="utf-8") as out:
            began = time.perf_counter()
            child = subprocess.Popen(command, stdout=out, cwd=self.source)
            _, status, usage = os.wait4(child.pid, 0)
            seconds = time.perf_counter() - began
            child.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            output = out.read().strip()
        if child.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{output}")
        return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output)

    def write_csv(self, rows: int) -> Path:
        csv_path = self.workdir / f"activity_{rows}.csv"
        generator = BENCH_DIR / "make_activity_csv.py"
        made = self.run([sys.executable, str(generator), str(csv_path), "--rows", str(rows)])
        print(f"CSV: {made.output}")
        return csv_path

    def bare_import(self, csv_path: Path, db_path: Path) -> Run:
        return self.run([sys.executable, "-c", BARE_IMPORT, str(csv_path), str(db_path)])

    def dashboard_import(self, csv_path: Path, db_path: Path) -> Run:
        return self.run(
            [sys.executable, "-m", "dashboard", "--db", str(db_path), "import", str(csv_path)]
        )

    def bare_query(self, db_path: Path) -> Run:
        return self.run([sys.executable, "-c", BARE_QUERY, str(db_path), *PERIOD])

    def dashboard_metrics(self, db_path: Path) -> Run:
        command = [sys.executable, "-m", "dashboard", "--db", str(db_path), "metrics"]
        return self.run([*command, "--from", PERIOD[0], "--to", PERIOD[1], "--json"])

    def compare_imports(self, csv_path: Path, repeats: int) -> tuple[Run, Run, Path]:
        """Alternate the two so that a busy neighbour on the machine slows both alike."""
        bare_runs, app_runs = [], []
        for attempt in range(repeats):
            bare_db = fresh(self.workdir / f"bare-{attempt}.duckdb")
            bare_runs.append(self.bare_import(csv_path, bare_db))
            app_db = fresh(self.workdir / f"dashboard-{attempt}.duckdb")
            app_runs.append(self.dashboard_import(csv_path, app_db))
            print(
                f"  round {attempt + 1}: DuckDB {bare_runs[-1].seconds:.2f} s, "
                f"import {app_runs[-1].seconds:.2f} s",
                flush=True,
            )
        return median_run(bare_runs), median_run(app_runs), app_db

    def compare_metrics(self, db_path: Path, repeats: int) -> tuple[Run, Run]:
        bare_runs, app_runs = [], []
        for _ in range(repeats):
            bare_runs.append(self.bare_query(db_path))
            app_runs.append(self.dashboard_metrics(db_path))
        return median_run(bare_runs), median_run(app_runs)


def report(title: str, bare: Run, app: Run, target: float) -> bool:
    ratio = app.seconds / bare.seconds
    verdict = "PASS" if ratio <= target else "FAIL"
    print(f"\n{title}")
    for name, run in (("bare DuckDB", bare), ("dashboard", app)):
        print(
            f"  {name:12}: {run.seconds:7.2f} s  cpu {run.cpu_seconds:6.2f} s  "
            f"peak {run.peak_mb:7.1f} MB"
        )
    print(f"  time ratio  : {ratio:.2f}x (target <= {target}x)  {verdict}")
    print(f"  cpu ratio   : {app.cpu_seconds / bare.cpu_seconds:.2f}x")
    print(f"  memory ratio: {app.peak_mb / bare.peak_mb:.2f}x")
    return ratio <= target


def run(bench: Bench, rows: int, repeats: int) -> bool:
    csv_path = bench.write_csv(rows)
    print(f"Import (median of {repeats}), dashboard from {bench.source}:", flush=True)
    bare, app, app_db = bench.compare_imports(csv_path, repeats)
    print(f"  bare table rows: {bare.output}; dashboard: {app.output}")
    import_ok = report("import", bare, app, IMPORT_TARGET)
    bare_query, metrics = bench.compare_metrics(app_db, repeats)
    print(f"\n  bare query: {bare_query.output}")
    title = f"metrics --json (median of {repeats})"
    return report(title, bare_query, metrics, METRICS_TARGET) and import_ok


def metrics_only(source: Path, db_path: Path, repeats: int) -> bool:
    with tempfile.TemporaryDirectory(prefix="bench-metrics-") as workdir:
        bare, app = Bench(Path(workdir), source).compare_metrics(db_path, repeats)
    print(f"  bare query: {bare.output}")
    return report(
        f"metrics --json over {db_path.name} (median of {repeats})", bare, app, METRICS_TARGET
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep CSV and databases here")
    parser.add_argument(
        "--source",
        type=Path,
        default=BENCH_DIR.parent,
        metavar="TREE",
        help="directory holding the dashboard package to measure (default: this checkout)",
    )
    parser.add_argument(
        "--metrics-db",
        type=Path,
        metavar="FILE",
        help="measure only metrics --json over this database (e.g. bench_window.py's, kept)",
    )
    args = parser.parse_args()
    source = args.source.resolve()
    # An installed program runs from bytecode (pip and the bundle compile it); a machine
    # with PYTHONDONTWRITEBYTECODE would otherwise compile the package in every timed run.
    compileall.compile_dir(source / "dashboard", quiet=1)
    if args.metrics_db:
        return 0 if metrics_only(source, args.metrics_db.resolve(), args.repeats) else 1
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return 0 if run(Bench(args.keep.resolve(), source), args.rows, args.repeats) else 1
    with tempfile.TemporaryDirectory(prefix="bench-import-") as workdir:
        return 0 if run(Bench(Path(workdir), source), args.rows, args.repeats) else 1


if __name__ == "__main__":
    sys.exit(main())
