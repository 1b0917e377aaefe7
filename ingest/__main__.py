"""`python -m ingest [PATHS...] [--rebuild] [--if-stale]`: bring the index up to date with the corpus."""

import argparse
import sys
from pathlib import Path

from . import offline  # noqa: F401
from .errors import PresslineError
from .pipeline import IngestReport, index_status, run_ingest
from .settings import get_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders to ingest (default: corpus/)")
    parser.add_argument("--rebuild", action="store_true", help="drop the index and embed everything again")
    parser.add_argument("--if-stale", action="store_true", help="do nothing when the index is up to date")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    settings = get_settings()
    if args.if_stale and not args.paths and not args.rebuild and index_status(settings) == "fresh":
        print("The index is up to date.", file=sys.stderr)
        return 0
    try:
        report = ingest_with_progress(settings, args.paths or None, args.rebuild, quiet=args.quiet)
    except PresslineError as exc:
        print(f"ingest failed: {exc}", file=sys.stderr)
        return 2
    print_summary(report)
    return 0 if report.ok else 1


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
    for source, problem in report.errors:
        console.print(f"[red]error[/red] {source}: {problem}", highlight=False, soft_wrap=True)
    if not report.ok:
        console.print("[red]Nothing could be ingested.[/red]")


if __name__ == "__main__":
    sys.exit(main())
