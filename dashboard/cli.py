"""The one entry point: no subcommand opens the window, the others run headless.

Heavy modules (Qt, pandas, reportlab) are imported inside the commands that need them, so
the headless commands start fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

import duckdb

from dashboard import __version__
from dashboard.cli_parser import NorwegianArgumentParser
from dashboard.data.store import (
    DatabaseFault,
    DatabaseLockedError,
    Opening,
    Store,
    database_fault,
    default_db_path,
)
from dashboard.data.values import COMPARISONS, Comparison, Filters, one_year_before
from dashboard.data.vocabulary import EXPORT_KINDS


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"ugyldig dato «{text}», bruk ÅÅÅÅ-MM-DD") from error


def _db_option(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        default=default,
        help="DuckDB-filen som skal brukes (standard: brukerens egen database)",
    )


def _period_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="start", type=_iso_date, metavar="DATO", help="første dag, ÅÅÅÅ-MM-DD"
    )
    parser.add_argument(
        "--to", dest="end", type=_iso_date, metavar="DATO", help="siste dag, ÅÅÅÅ-MM-DD"
    )


def _comparison_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--compare",
        choices=COMPARISONS,
        help="sammenlign med forrige periode (standard), samme datoer i fjor, en grunnlinje "
        "(--baseline-from og --baseline-to) eller ingen",
    )
    parser.add_argument(
        "--baseline-from", type=_iso_date, metavar="ÅÅÅÅ-MM-DD", help="grunnlinjens første dag"
    )
    parser.add_argument(
        "--baseline-to", type=_iso_date, metavar="ÅÅÅÅ-MM-DD", help="grunnlinjens siste dag"
    )


def _comparison(args: argparse.Namespace) -> Comparison:
    """The comparison the options ask for; baseline days alone mean a baseline."""
    days = (args.baseline_from, args.baseline_to)
    kind = args.compare or ("baseline" if any(days) else "previous")
    if kind != "baseline" and any(days):
        raise ValueError("--baseline-from og --baseline-to gjelder bare --compare baseline")
    if kind == "baseline" and not all(days):
        raise ValueError("en grunnlinje trenger både --baseline-from og --baseline-to")
    return Comparison(kind, *days)


def build_parser() -> argparse.ArgumentParser:
    parser = NorwegianArgumentParser(
        prog="helsevakt-dashboard",
        description="Styringsdashboard for helsevaktbilen. Uten underkommando åpnes vinduet.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _db_option(parser, None)
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO")

    importer = commands.add_parser("import", help="importer eksportfiler (CSV, TXT, XLSX)")
    importer.add_argument("files", nargs="+", type=Path, metavar="FIL")
    importer.add_argument("--kind", choices=EXPORT_KINDS, help="eksporttype (ellers gjenkjent)")
    importer.add_argument(
        "--replace-changed",
        action="store_true",
        help="ta inn rettelser: en rad med en ID som finnes fra før med annet innhold "
        "erstatter den gamle (de gamle verdiene tas vare på i historikken)",
    )
    importer.add_argument(
        "--id-scope",
        choices=("file", "year"),
        help="ID-ene er bare unike i hver fil (file) eller hvert år (year), f.eks. Løpenr "
        "som begynner på 1 i et nytt års ark",
    )
    importer.add_argument(
        "--assessed",
        metavar="DATO",
        help="for en måltabell uten dato for statusene: datoen de gjelder, slik den skrives "
        '(f.eks. "mai 2021", 05.2021 eller 31.05.2021)',
    )

    metrics = commands.add_parser("metrics", help="skriv nøkkeltallene for en periode")
    _period_options(metrics)
    _comparison_options(metrics)
    metrics.add_argument("--json", action="store_true", help="skriv JSON (standard)")

    demo = commands.add_parser("demo", help="lag en demodatabase på nytt")
    demo.add_argument(
        "--seed", type=int, default=2018, metavar="TALL", help="frø for tilfeldige tall"
    )

    brief = commands.add_parser("brief", help="lag PDF-notatet til styringsgruppen")
    _period_options(brief)
    brief.add_argument("--out", type=Path, required=True, metavar="FIL.pdf")
    brief.add_argument("--meeting-date", type=_iso_date, help="møtedato, ÅÅÅÅ-MM-DD")
    brief.add_argument("--notes", type=Path, metavar="FIL", help="tekstfil med saksliste/notater")
    _comparison_options(brief)

    goals = commands.add_parser("goals", help="målregisteret")
    goal_commands = goals.add_subparsers(dest="goals_command", metavar="HANDLING", required=True)
    goals_export = goal_commands.add_parser(
        "export", help="skriv målregisteret til .xlsx eller .csv som kan importeres igjen"
    )
    goals_export.add_argument("file", type=Path, metavar="FIL.xlsx|FIL.csv")
    _db_option(goals_export, argparse.SUPPRESS)

    actions = commands.add_parser(
        "actions", help="oppfølgingsloggen (vedtak og oppfølgingspunkter)"
    )
    action_commands = actions.add_subparsers(
        dest="actions_command", metavar="HANDLING", required=True
    )
    actions_export = action_commands.add_parser(
        "export", help="skriv oppfølgingsloggen til .xlsx eller .csv som kan importeres igjen"
    )
    actions_export.add_argument("file", type=Path, metavar="FIL.xlsx|FIL.csv")
    _db_option(actions_export, argparse.SUPPRESS)

    snapshot = commands.add_parser("snapshot", help="tegn hver visning til PNG")
    snapshot.add_argument("--out", type=Path, required=True, metavar="MAPPE")
    _period_options(snapshot)
    _comparison_options(snapshot)

    backup = commands.add_parser("backup", help="ta sikkerhetskopi av databasen til FIL")
    backup.add_argument("file", type=Path, metavar="FIL")
    backup.add_argument(
        "--overwrite", action="store_true", help="skriv over FIL om den finnes fra før"
    )
    restore = commands.add_parser(
        "restore", help="gjenopprett databasen fra sikkerhetskopien FIL (den gamle beholdes)"
    )
    restore.add_argument("file", type=Path, metavar="FIL")

    commands.add_parser(
        "self-test", help="sjekk at programmet virker her (demodata, bilder, notat i en temp-mappe)"
    )

    for sub in commands.choices.values():
        _db_option(sub, argparse.SUPPRESS)
    return parser


def _fail(message: str) -> int:
    print(f"Feil: {message}", file=sys.stderr)
    return 2


def _open_existing(path: Path) -> Opening:
    """The database, opened read-only on a thread of its own while the command loads what
    it needs; ``.store()`` waits for it (then pass it to :func:`_ready`)."""
    if not path.exists():
        raise FileNotFoundError(
            f"fant ingen database i {path}. Importer filer først, eller oppgi --db."
        )
    return Opening(path, read_only=True)


def _ready(store: Store, prefs=None) -> Store:
    """``store``; with ``prefs``, its daily sums first brought up to date for the staffed
    hours in force and kept, so that later commands need not sum again."""
    from dashboard.data import rollups

    stale = prefs is not None and not rollups.is_current(store.con, prefs.staffed)
    # A file we may not change is summed for this command alone, by the figures.
    if stale and os.access(store.path, os.W_OK):
        store.close()
        with Store.open(store.path) as writable:
            rollups.ensure(writable.con, prefs.staffed)
        store = Store.open(store.path, read_only=True)
    if store.is_demo:
        # On standard error, so that what the command prints stays as the contract says.
        print(f"Merk: {store.path.name} er en demodatabase med oppdiktede tall.", file=sys.stderr)
    return store


def _filters(store: Store, prefs, start: date | None, end: date | None) -> Filters:
    """The period the contract gives: without ``--to`` the last day with data, without
    ``--from`` the first day with data or ``--to`` minus a year, whichever is earlier."""
    from dashboard.data.figures import data_range

    extent = data_range(store.con, prefs.staffed)
    end = end or (extent[1] if extent else date.today())
    if start is None:
        year_before = one_year_before(end)
        start = min(extent[0], year_before) if extent else year_before
    if start > end:
        raise ValueError(f"--from ({start}) er etter --to ({end})")
    return Filters(start, end, staffed=prefs.staffed)


def _preferences():
    from dashboard.settings import read_preferences

    return read_preferences()


def run_import(args: argparse.Namespace) -> int:
    from dashboard.data.importer import import_file
    from dashboard.data.privacy import shown_file_name
    from dashboard.data.problems import ImportRefused

    refused = 0
    db = args.db or default_db_path()
    with Store.open(db) as store:
        for path in args.files:
            try:
                result = import_file(
                    store,
                    path,
                    kind=args.kind,
                    replace_changed=args.replace_changed,
                    id_scope=args.id_scope,
                    assessed=args.assessed,
                )
                print(result.summary())
            except duckdb.Error as error:
                # The database failed, not the file: the next files would fail alike.
                raise database_fault(error, db) from None
            except ImportRefused as error:
                refused += 1
                shown = shown_file_name(path.name)
                print(f"Avvist: {shown} (ingen endringer i databasen)", file=sys.stderr)
                for problem in error.problems:
                    print(f"  {problem}", file=sys.stderr)
    return 1 if refused else 0


def run_metrics(args: argparse.Namespace) -> int:
    opening = _open_existing(args.db or default_db_path())
    from dashboard.data.figures import rows_shared
    from dashboard.data.metrics import compared_metrics, document

    prefs = _preferences()
    # Read-only throughout: a query asked again (each source's days) runs once.
    with _ready(opening.store(), prefs) as store, rows_shared():
        filters = _filters(store, prefs, args.start, args.end).with_comparison(_comparison(args))
        model, target = prefs.cost_model, prefs.visits_target_per_week
        now, before = compared_metrics(store.con, filters, model, target)
    print(json.dumps(document(now, before), ensure_ascii=False, indent=2))
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from dashboard.data.demo import build_demo, demo_db_path

    schedule = _preferences().staffed  # the data follow the user's staffed hours
    path = build_demo(args.db or demo_db_path(), seed=args.seed, schedule=schedule)
    print(f"Demodatabase laget: {path}")
    return 0


def run_brief(args: argparse.Namespace) -> int:
    notes = args.notes.read_text(encoding="utf-8") if args.notes else None
    if not args.out.parent.is_dir():
        raise ValueError(f"mappen {args.out.parent} finnes ikke; velg en mappe som finnes")
    opening = _open_existing(args.db or default_db_path())
    from dashboard.brief import build_brief

    prefs = _preferences()
    with _ready(opening.store(), prefs) as store:
        filters = _filters(store, prefs, args.start, args.end).with_comparison(_comparison(args))
        try:
            build_brief(
                store, filters, prefs, args.out, meeting_date=args.meeting_date, notes=notes
            )
        except OSError as error:
            raise ValueError(
                f"kunne ikke skrive {args.out}: {_os_reason(error)}; velg en annen fil eller mappe"
            ) from None
    print(f"Notat skrevet: {args.out}")
    return 0


def run_snapshot(args: argparse.Namespace) -> int:
    opening = _open_existing(args.db or default_db_path())
    from dashboard.views.snapshot import render_snapshots

    prefs = _preferences()
    with _ready(opening.store(), prefs) as store:
        filters = _filters(store, prefs, args.start, args.end).with_comparison(_comparison(args))
        paths = render_snapshots(store, filters, args.out)
    for path in paths:
        print(path)
    return 0


def run_goals(args: argparse.Namespace) -> int:
    from dashboard.data.register import export_register

    count = _export_sheet(args, export_register)
    print(f"Målregisteret skrevet: {args.file} ({count} vurderinger)")
    return 0


def run_actions(args: argparse.Namespace) -> int:
    from dashboard.data.followup_io import export_log

    count = _export_sheet(args, export_log)
    print(f"Oppfølgingsloggen skrevet: {args.file} ({count} saker)")
    return 0


def _export_sheet(args: argparse.Namespace, write) -> int:
    """``write(con, file)`` from the database to the file the user named; what it wrote."""
    with _ready(_open_existing(args.db or default_db_path()).store()) as store:
        try:
            return write(store.con, args.file)
        except OSError as error:
            raise ValueError(
                f"kunne ikke skrive {args.file}: {_os_reason(error)}; velg en annen fil eller mappe"
            ) from None


def _os_reason(error: OSError) -> str:
    if isinstance(error, IsADirectoryError):
        return "det er en mappe"
    if isinstance(error, PermissionError):
        return "ingen skrivetilgang"
    if isinstance(error, FileNotFoundError):
        return "mappen finnes ikke"
    return "disken er full eller utilgjengelig"
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from dashboard.data.backup import backup

    try:
        written = backup(args.db or default_db_path(), args.file, overwrite=args.overwrite)
    except FileNotFoundError:
        raise  # no database: main() says so
    except OSError as error:
        return _fail(f"kunne ikke skrive {args.file}: {error.strerror or error}")
    print(f"Sikkerhetskopi skrevet: {written}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from dashboard.data.backup import restore

    db_path = args.db or default_db_path()
    try:
        kept = restore(args.file, db_path)
    except OSError as error:
        return _fail(f"kunne ikke gjenopprette {db_path}: {error.strerror or error}")
    print(f"Gjenopprettet {db_path} fra {args.file}")
    if kept is not None:
        print(f"Den gamle databasen er beholdt som {kept}")
    return 0


def run_self_test(args: argparse.Namespace) -> int:
    from dashboard import selftest

    return selftest.run_self_test()


def run_window(args: argparse.Namespace) -> int:
    from dashboard.views.app import run_app

    return run_app(args.db)


COMMANDS = {
    "import": run_import,
    "metrics": run_metrics,
    "demo": run_demo,
    "brief": run_brief,
    "snapshot": run_snapshot,
    "goals": run_goals,
    "actions": run_actions,
    "backup": run_backup,
    "restore": run_restore,
    "self-test": run_self_test,
    None: run_window,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (FileNotFoundError, ValueError, DatabaseFault, DatabaseLockedError) as error:
        return _fail(str(error))
    except duckdb.Error as error:
        return _fail(str(database_fault(error, args.db or default_db_path())))


if __name__ == "__main__":
    raise SystemExit(main())
