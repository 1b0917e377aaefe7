"""`python -m assistant ask "QUESTION" [--today YYYY-MM-DD] [--json]`, or `ask --json --batch FILE` (JSON lines, - for stdin).

`python -m assistant admin lockouts` lists the admin page's password back-offs; `admin clear-lockout [--client ADDR]`
clears one client address's (or, without --client, every one), recorded as an admin action by the OS user.

Every answer goes into the audit log with source "cli" and the OS user as the officer (`--officer NAME` to name
another); an evaluation run passes `--no-audit`.

Exit codes: 0 answered (in a batch, a line that cannot be answered gets an Answer with status "error" and the
rest go on); 2 the index, the model or the batch file could not be used (one line on stderr says why).
"""

import argparse
import datetime as dt
import getpass
import json
import os
import sys
import typing
from dataclasses import dataclass
from typing import BinaryIO

from pydantic import ValidationError

from assistant.facts import Rank
from assistant.models import Answer, Turn
from assistant.prompts import render
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
    ask.add_argument("--officer", help="who is asking, for the audit log (default: the OS user)")
    ask.add_argument("--no-audit", action="store_true", help="write nothing to the audit log (for evaluation runs)")
    admin = commands.add_parser("admin", help="the admin page's password back-off")
    admin_commands = admin.add_subparsers(dest="admin_command", required=True)
    admin_commands.add_parser("lockouts", help="list the clients and sessions waiting after wrong admin passwords")
    clear = admin_commands.add_parser("clear-lockout", help="let a locked-out client try the admin password again now")
    clear.add_argument("--client", metavar="ADDR", help="the client address to clear (default: every client and session)")
    args = parser.parse_args(argv)
    if args.command == "admin":
        return _admin(args)
    if not args.question and not args.batch:
        parser.error("give a QUESTION or --batch FILE")
    settings = get_settings()
    try:
        # Opened before the index and the model load, so a wrong path fails at once.
        batch = _open_batch(args.batch) if args.batch else None
    except OSError as exc:
        print(f"pressline: cannot read the batch file {args.batch}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        _ensure_index(settings)
        from assistant.api import Engine

        engine = Engine(settings, audit=not args.no_audit, source="cli", officer=args.officer or _os_user())
        if batch is not None:
            return _batch(engine, batch, args.today, args.rank)
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


def _admin(args) -> int:
    """The admin commands: read the lockouts from the audit store, or clear them and record who did."""
    import time

    from assistant.audit import open_audit_log

    log = open_audit_log(get_settings())
    if args.admin_command == "lockouts":
        rows = log.lockouts()
        for row in rows:
            wait = max(0.0, row["locked_until"] - time.time())
            print(f"{row['subject']}: {row['failures']} failure(s), "
                  + (f"waits {wait:.0f} s more" if wait else "may try now"))
        if not rows:
            print("No lockouts.")
        return 0
    cleared = log.clear_lockouts(args.client)
    target = f"client {args.client}" if args.client else "every client and session"
    log.record_admin_action(admin=_os_user(), action="clear_lockout", target=target, after={"cleared": cleared},
                            source="cli")
    print(f"Cleared {cleared} lockout(s) ({target}).")
    return 0


def _os_user() -> str:
    """The login name the CLI runs as: the officer on the audit record unless --officer names one."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in the environment and none in the password database
        return f"uid {os.getuid()}"


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


def _open_batch(path: str) -> BinaryIO:
    # Bytes, decoded line by line: one line that is not UTF-8 must not cost the others their answers.
    return sys.stdin.buffer if path == "-" else open(path, "rb")


class BadLine(ValueError):
    """A batch line that cannot be asked; its id and question when they could be read."""

    def __init__(self, problem: str, line_id: str | int | None = None, question: str = ""):
        super().__init__(problem)
        self.line_id = line_id
        self.question = question


@dataclass
class BatchLine:
    id: str | int | None
    question: str
    today: dt.date | None
    rank: str | None
    history: list[Turn]


def _batch(engine, stream: BinaryIO, default_today: dt.date | None, default_rank: str | None = None) -> int:
    """One JSON Answer per non-blank line, in order; a line that cannot be asked gets an Answer with status "error"."""
    asked = failed = 0
    with stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            asked += 1
            try:
                line = _read_line(raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw, number, default_today, default_rank)
                result = engine.answer(line.question, today=line.today, history=line.history, rank=line.rank)
                result.id = line.id
            except BadLine as exc:
                failed += 1
                result = _unanswered(exc, default_today or _today(engine))
            print(result.model_dump_json(), flush=True)
    if failed:
        print(f'pressline: {failed} of {asked} batch lines could not be answered (status "error", the reason in "error")',
              file=sys.stderr)
    return 0


def _read_line(raw: bytes, number: int, default_today: dt.date | None, default_rank: str | None) -> BatchLine:
    where = f"line {number}"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadLine(f"{where} is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at byte {exc.start + 1}); "
                      "save the file as UTF-8", _id_of(raw.decode("utf-8", "replace"))) from None
    try:
        item = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadLine(f"{where} is not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(item, dict):
        raise BadLine(f'{where} is a JSON {type(item).__name__}, not an object like {{"id": "1", "question": "…"}}')
    line_id = _id_of(text)
    if item.get("id") is not None and line_id is None:
        raise BadLine(f"{where}: id must be text or a whole number")
    question = item.get("question")
    if not isinstance(question, str) or not question.strip():
        raise BadLine(f'{where} has no question (give "question" as non-empty text)', line_id)

    def bad(problem: str) -> BadLine:
        return BadLine(f"{where}: {problem}", line_id, question)

    today = default_today
    if item.get("today"):
        try:
            today = dt.date.fromisoformat(item["today"])
        except (TypeError, ValueError):
            raise bad(f"today {item['today']!r} is not a date (YYYY-MM-DD)") from None
    rank = item.get("rank") or default_rank
    if rank is not None and rank not in RANKS:
        raise bad(f"rank {rank!r} must be one of {', '.join(RANKS)}")
    history = item.get("history") or []
    try:
        turns = [Turn.model_validate(turn) for turn in history] if isinstance(history, list) else None
    except ValidationError:
        turns = None
    if turns is None:
        raise bad('history must be a list of {"role": "user" or "assistant", "content": "…"}')
    return BatchLine(line_id, question, today, rank, turns)


def _id_of(text: str) -> str | int | None:
    """The line's id when it is text or a whole number (JSON booleans are not ids)."""
    try:
        line_id = json.loads(text).get("id")
    except (ValueError, AttributeError):
        return None
    return line_id if isinstance(line_id, (str, int)) and not isinstance(line_id, bool) else None


def _unanswered(problem: BadLine, today: dt.date) -> Answer:
    return Answer(id=problem.line_id, question=problem.question, today=today, in_scope=True, status="error", rag=None,
                  answer=render("reply_bad_batch_line", problem=str(problem)), error=str(problem))


def _today(engine) -> dt.date:
    from assistant.api import today_in

    return today_in(engine.settings)


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
