"""Write a large activity log CSV the way a Norwegian export looks, for the import benchmark.

``;`` delimiter, UTF-8, dates ``dd.mm.yyyy HH:MM``, decimal comma in Km, 2018–2025.
DuckDB writes the file from ``range(rows)``, so a million rows take seconds, not minutes.
Every value derives from a hash of the row number: the same ``--rows`` gives the same file.

    python benchmarks/make_activity_csv.py OUT.csv [--rows 1000000]
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

import duckdb

TASKS = [
    "Blodprøve",
    "EKG",
    "Sårstell",
    "Forebyggende hjemmebesøk",
    "Vurdering ved fall",
    "Medisinering",
    "Kateterskifte",
    "Oppfølging etter utskrivning",
    "Hospitering",
    "Undervisning",
]
SERVICES = [
    "AMK",
    "Legevakt",
    "HBO",
    "Sykehjem",
    "Psykiatri/rus",
    "Kreftkoordinator",
    "Ergoterapi",
    "Fastlege",
    "Annet",
]
MUNICIPALITIES = ["Røros", "Holtålen", "Os"]
OUTCOMES = ["Behandlet på stedet", "Innleggelse unngått", "Innlagt", "Henvist fastlege", ""]
MINUTES_2018_TO_2025 = (date(2026, 1, 1) - date(2018, 1, 1)).days * 24 * 60

# Løpenr is a letter and eight digits (up to 99,999,999 rows: lpad cuts a longer number), so
# the privacy guard never mistakes it for an 11-digit identity number. A blank outcome is
# NULL, which COPY writes as an empty cell, as exports do. Times are Oslo wall-clock times,
# as a real export's: none falls in the hour the clocks skip the night summer time begins
# (the last Sunday of March, 02:00–03:00), which the import refuses.
ACTIVITY_SQL = """
COPY (
    WITH rows AS (
        SELECT i,
               TIMESTAMP '2018-01-01' + to_minutes((hash(i, 1) % $span)::BIGINT) AS start_at,
               5 + (hash(i, 2) % 176)::BIGINT AS duration
        FROM range($rows) r(i)
    ),
    shifted AS (
        SELECT *, wall_clock(start_at) AS starts FROM rows
    ),
    times AS (
        SELECT *, wall_clock(starts + to_minutes(duration)) AS ends FROM shifted
    )
    SELECT 'A' || lpad((i + 1)::VARCHAR, 8, '0') AS "Løpenr",
           strftime(starts, '%d.%m.%Y %H:%M') AS "Start",
           strftime(ends, '%d.%m.%Y %H:%M') AS "Slutt",
           1 + (hash(i, 3) % 6)::BIGINT AS "Delprosjekt",
           $tasks[1 + (hash(i, 4) % len($tasks))::BIGINT] AS "Oppgave",
           $services[1 + (hash(i, 5) % len($services))::BIGINT] AS "Bestiller",
           $municipalities[1 + (hash(i, 6) % len($municipalities))::BIGINT] AS "Kommune",
           nullif($outcomes[1 + (hash(i, 7) % len($outcomes))::BIGINT], '') AS "Utfall",
           replace(((hash(i, 8) % 800) / 10)::DECIMAL(5, 1)::VARCHAR, '.', ',') AS "Km"
    FROM times
    ORDER BY i
) TO $path (FORMAT csv, DELIMITER ';', HEADER true, QUOTE '"')
"""


SKIPPED_HOUR_MACRO = """
CREATE MACRO wall_clock(moment) AS moment + CASE
    WHEN month(moment) = 3 AND dayofweek(moment) = 0 AND day(moment) >= 25
         AND hour(moment) = 2 THEN INTERVAL 1 HOUR ELSE INTERVAL 0 HOUR END
"""


def write_activity_csv(path: Path, rows: int) -> Path:
    """Write ``rows`` activity rows to ``path`` and return it."""
    with duckdb.connect() as con:
        con.execute(SKIPPED_HOUR_MACRO)
        con.execute(
            ACTIVITY_SQL,
            {
                "path": str(path),
                "rows": rows,
                "span": MINUTES_2018_TO_2025,
                "tasks": TASKS,
                "services": SERVICES,
                "municipalities": MUNICIPALITIES,
                "outcomes": OUTCOMES,
            },
        )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the CSV file to write")
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    began = time.perf_counter()
    write_activity_csv(args.out, args.rows)
    size = args.out.stat().st_size / 1e6
    print(f"{args.rows} rows, {size:.1f} MB, {time.perf_counter() - began:.1f} s: {args.out}")


if __name__ == "__main__":
    main()
