"""`python -m ingest [PATHS...] [--rebuild] [--if-stale]`: bring the index up to date with the corpus.

Exit codes: 0 everything ingested; 3 the rest ingested but some files could not be (each named at the end);
1 nothing usable (no file could be ingested, or the ingest could not run); 2 a wrong command line.
"""

import argparse
import sys
from pathlib import Path

from . import offline  # noqa: F401
from .errors import PresslineError
from .pipeline import IngestReport, dead_leftovers, index_status, read_state, run_ingest
from .settings import get_settings

EXIT_OK, EXIT_FAILED, EXIT_SOME_FILES_FAILED = 0, 1, 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders to ingest (default: corpus/)")
    parser.add_argument("--rebuild", action="store_true",
                        help="embed everything again into a new index generation (the current one serves until it is complete)")
    parser.add_argument("--if-stale", action="store_true", help="do nothing when the index is up to date")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    settings = get_settings()
    # Up to date: the corpus is unchanged since the last complete ingest and no killed ingest left a generation behind.
    if (args.if_stale and not args.paths and not args.rebuild and index_status(settings) == "fresh"
            and not dead_leftovers(settings)):
        # The files that failed last time are still there unchanged: say so, or they would go unnoticed.
        failed = [tuple(error) for error in read_state(settings).get("errors", [])]
        print("The index is up to date.", file=sys.stderr)
        print_failed(failed, f"{_files(len(failed))} could not be ingested at the last ingest and are unchanged since:")
        return EXIT_SOME_FILES_FAILED if failed else EXIT_OK
    try:
        report = ingest_with_progress(settings, args.paths or None, args.rebuild, quiet=args.quiet)
    except PresslineError as exc:
        print(f"ingest failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print_summary(report)
    return exit_code(report)


def exit_code(report: IngestReport) -> int:
    if not report.ok:
        return EXIT_FAILED
    return EXIT_SOME_FILES_FAILED if report.errors else EXIT_OK


def ingest_with_progress(settings, paths=None, rebuild=False, quiet=False) -> IngestReport:
    """Run the ingest with a progress bar on stderr (also used by `python -m assistant ask`)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description:<14}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, disable=quiet, transient=False,
    ) as bar:
        tasks: dict[str, int] = {}

        def on_progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        return run_ingest(settings, paths, rebuild, on_progress)


def print_summary(report: IngestReport) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=True)
    table = Table(title="Ingest summary")
    for column in ("created", "updated", "deleted", "unchanged", "chunks in index", "embedded", "seconds"):
        table.add_column(column, justify="right")
    table.add_row(*map(str, (report.created, report.updated, report.deleted, report.unchanged,
                             report.chunks, report.embedded)), f"{report.seconds:.1f}")
    console.print(table)
    kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(report.documents.items())) or "none"
    console.print(f"Documents ingested: {kinds}")
    if report.discarded:
        console.print(f"Discarded {len(report.discarded)} unfinished or old index generation(s) left by an earlier ingest: "
                      f"{', '.join(report.discarded)}")
    print_problems(report)


def print_problems(report: IngestReport) -> None:
    """Every warning, then every file that failed, one line each and each naming its file (on stderr)."""
    for source, warning in report.warnings:
        print(f"warning: {source}: {warning}", file=sys.stderr)
    count = _files(len(report.errors))
    if not report.ok:
        print_failed(report.errors, f"Nothing could be ingested; {count} failed:")
    else:
        print_failed(report.errors, f"{count} could not be ingested; everything else was:")


def print_failed(errors: list[tuple[str, str]], heading: str) -> None:
    if errors:
        print(heading, file=sys.stderr)
    for source, problem in errors:
        print(f"error: {source}: {problem}", file=sys.stderr)


def _files(count: int) -> str:
    return f"{count} file{'' if count == 1 else 's'}"


if __name__ == "__main__":
    sys.exit(main())
