"""`python -m assistant ask "QUESTION" [--today YYYY-MM-DD] [--json]`, or `ask --json --batch FILE` (JSON lines, - for stdin)."""

import argparse
import datetime as dt
import json
import sys
import typing

from assistant.facts import Rank
from ingest import offline  # noqa: F401
from ingest.errors import PresslineError
from ingest.pipeline import index_status
from ingest.settings import get_settings

VERDICT_STYLE = {"green": "bold white on green", "amber": "bold black on dark_orange", "red": "bold white on red"}
VERDICT_LABEL = {"green": "✔ GREEN — Go for it", "amber": "▲ AMBER — Ask DMC first, only if already public",
                 "red": "✖ RED — Do not post, contact DMC"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="Pressline: media-law and press-line guidance.")
    commands = parser.add_subparsers(dest="command", required=True)
    ask = commands.add_parser("ask", help="answer a question")
    ask.add_argument("question", nargs="?", help="the question (or use --batch)")
    ask.add_argument("--today", type=dt.date.fromisoformat, help="the date to answer as of (default: today in Europe/London)")
    ask.add_argument("--json", action="store_true", help="print one JSON object (per line with --batch)")
    ask.add_argument("--batch", metavar="FILE", help='JSON lines {"id", "question", "today", "rank"}; - for stdin')
    ask.add_argument("--rank", choices=RANKS, help="the asker's rank, for questions about speaking to the media "
                     "(default: read from the question, or both cases explained)")
    args = parser.parse_args(argv)
    if not args.question and not args.batch:
        parser.error("give a QUESTION or --batch FILE")
    settings = get_settings()
    try:
        _ensure_index(settings)
        from assistant.api import Engine

        engine = Engine(settings)
        if args.batch:
            return _batch(engine, args.batch, args.today, args.rank)
        result = engine.answer(args.question, today=args.today, rank=args.rank)
    except PresslineError as exc:
        print(f"pressline: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(result.model_dump_json())
    else:
        _print_readable(result)
    return 0


RANKS = typing.get_args(Rank)


def _ensure_index(settings) -> None:
    """Build the index first when it is missing or stale (progress on stderr; stdout stays JSON only).

    Files that could not be ingested are named as a warning and the answer goes on from the rest."""
    if index_status(settings) == "fresh":
        return
    from ingest.__main__ import ingest_with_progress, print_problems

    print("Building the index first…", file=sys.stderr)
    report = ingest_with_progress(settings)
    print_problems(report)
    if not report.ok:
        raise PresslineError(f"no document in {settings.corpus_dir} could be ingested, so there is nothing to answer from")


def _batch(engine, path: str, default_today: dt.date | None, default_rank: str | None = None) -> int:
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                today = dt.date.fromisoformat(item["today"]) if item.get("today") else default_today
                rank = item.get("rank") or default_rank
                if rank is not None and rank not in RANKS:
                    raise ValueError(f"rank must be one of {', '.join(RANKS)}")
                result = engine.answer(item["question"], today=today, history=item.get("history") or (), rank=rank)
                result.id = item.get("id")
                print(result.model_dump_json(), flush=True)
            except (ValueError, KeyError, TypeError) as exc:
                print(json.dumps({"id": _id_of(line), "status": "error", "error": f"line {number}: {exc}"}), flush=True)
    return 0


def _id_of(line: str):
    try:
        return json.loads(line).get("id")
    except (ValueError, AttributeError):
        return None


def _print_readable(result) -> None:
    from rich.console import Console
    from rich.panel import Panel

    console = Console()
    if result.rag:
        console.print(f" {VERDICT_LABEL[result.rag]} ", style=VERDICT_STYLE[result.rag])
    else:
        console.print(f"[bold]{result.status.replace('_', ' ')}[/bold]")
    console.print(result.answer, highlight=False)
    for number, citation in enumerate(result.citations, start=1):
        archived = " [archived — may be out of date]" if citation.archived else ""
        console.print(Panel(f"“{citation.quote}”", title=f"[{number}] {citation.title} — {citation.locator}{archived}",
                            subtitle=citation.source, title_align="left"), highlight=False)
    for line in result.press_lines:
        console.print(Panel(line.text, title=f"Press line: {line.title}", subtitle=f"approved {line.approved_on}, review by {line.review_by}"))
    for note in result.assumptions:
        console.print(f"[dim]Assumed: {note}[/dim]", highlight=False)


if __name__ == "__main__":
    sys.exit(main())
