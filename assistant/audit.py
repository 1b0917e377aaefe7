"""The audit log: every answer Pressline gives, who asked, from where, and the feedback on it, in SQLite under data/.

The engine writes it (assistant/api.py), so the app, the CLI and the API are audited alike; the app reads it
for feedback and the admin page.

Usage::

    log = open_audit_log(settings)
    entry_id = log.record(kind="ask", result=answer, source="cli", officer="PC 1234", session_id="…", app_version="0.1.0")
    log.set_feedback(entry_id, "up")
    rows = log.entries(verdicts=["red"])
"""

import csv
import datetime as dt
import io
import json
import os
import sqlite3
import time
import tomllib
from contextlib import closing
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from ingest.settings import Settings

AUDIT_FILE = "audit.sqlite3"
Source = Literal["app", "cli", "api"]
SOURCES: tuple[Source, ...] = ("app", "cli", "api")

SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    session_id TEXT NOT NULL,
    officer TEXT NOT NULL,
    kind TEXT NOT NULL,
    question TEXT NOT NULL,
    date_used TEXT NOT NULL,
    status TEXT NOT NULL,
    verdict TEXT,
    escalation TEXT NOT NULL,
    citations TEXT NOT NULL,
    answer TEXT NOT NULL,
    app_version TEXT NOT NULL,
    feedback TEXT,
    feedback_at TEXT,
    source TEXT NOT NULL DEFAULT 'app',
    feedback_comment TEXT
);
CREATE INDEX IF NOT EXISTS answers_at ON answers (at);
CREATE TABLE IF NOT EXISTS admin_actions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    admin TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    before TEXT,
    after TEXT,
    outcome TEXT NOT NULL,
    session_id TEXT NOT NULL,
    client TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS admin_actions_at ON admin_actions (at);
CREATE TABLE IF NOT EXISTS admin_lockouts (
    subject TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure REAL NOT NULL,
    locked_until REAL NOT NULL
);
"""
COLUMNS = (
    "id", "at", "session_id", "officer", "kind", "question", "date_used", "status", "verdict",
    "escalation", "citations", "answer", "app_version", "feedback", "feedback_at", "source", "feedback_comment",
)
FEEDBACK = ("up", "down")
MAX_COMMENT_CHARS = 1000
ADMIN_ACTION_COLUMNS = ("id", "at", "admin", "action", "target", "before", "after", "outcome", "session_id", "client", "source")
FORGET_FAILURES_AFTER_S = 24 * 60 * 60
"""A client or session with no wrong admin password for a day starts again from the base delay."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class AuditLog:
    """An append-only record of answers; entries older than `retention_days` are purged on open and on every write."""

    def __init__(self, path: Path, retention_days: int):
        if retention_days < 1:
            raise ValueError(f"retention_days must be at least 1, not {retention_days}: "
                             "set PRESSLINE_AUDIT_RETENTION_DAYS to 1 or more")
        self.path = Path(path)
        self.retention_days = retention_days
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Create the file owner-only before SQLite opens it: it holds officers' names and questions.
        os.close(os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600))
        os.chmod(self.path, 0o600)
        with closing(self._connect()) as db, db:
            db.executescript(SCHEMA)
            _add_later_columns(db)
        self.purge()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        db.row_factory = sqlite3.Row
        return db

    def record(self, *, kind: str, result: BaseModel, source: Source, officer: str, session_id: str, app_version: str,
               now: dt.datetime | None = None) -> int:
        """Append one answer (an Answer, DraftCheck or InterviewBrief) and return its entry id."""
        if source not in SOURCES:
            raise ValueError(f"source must be one of {', '.join(SOURCES)}, not {source!r}")
        fields = result.model_dump(mode="json")
        question = fields.get("question") or fields.get("topic") or ""
        citations = [
            {key: citation[key] for key in ("source", "locator", "title", "archived")}
            for citation in fields.get("citations", [])
        ]
        escalation = [{key: item[key] for key in ("to", "reason")} for item in fields.get("escalation", [])]
        row = (
            _stamp(now), session_id, officer, kind, question, fields["today"], fields.get("status", "answered"),
            fields.get("rag"), json.dumps(escalation), json.dumps(citations), fields.get("answer", ""), app_version,
            source,
        )
        with closing(self._connect()) as db, db:
            cursor = db.execute(
                "INSERT INTO answers (at, session_id, officer, kind, question, date_used, status, verdict, escalation,"
                " citations, answer, app_version, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            entry_id = cursor.lastrowid
        self.purge(now)
        return entry_id

    def set_feedback(self, entry_id: int, feedback: str | None, now: dt.datetime | None = None, *,
                     comment: str | None = None) -> None:
        """Store the officer's thumbs up/down on an answer, with what was wrong if they said (None clears both)."""
        if feedback is not None and feedback not in FEEDBACK:
            raise ValueError(f"feedback must be one of {', '.join(FEEDBACK)} or None, not {feedback!r}")
        comment = ((comment or "").strip()[:MAX_COMMENT_CHARS] or None) if feedback else None
        with closing(self._connect()) as db, db:
            db.execute(
                "UPDATE answers SET feedback = ?, feedback_at = ?, feedback_comment = ? WHERE id = ?",
                (feedback, _stamp(now) if feedback else None, comment, entry_id),
            )
        self.purge(now)

    def purge(self, now: dt.datetime | None = None) -> int:
        """Delete entries older than the retention period; returns how many went."""
        cutoff = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=self.retention_days)
        with closing(self._connect()) as db, db:
            db.execute("DELETE FROM admin_actions WHERE at < ?", (_stamp(cutoff),))
            return db.execute("DELETE FROM answers WHERE at < ?", (_stamp(cutoff),)).rowcount

    def entries(
        self,
        since: dt.date | None = None,
        until: dt.date | None = None,
        officer: str = "",
        verdicts: list[str | None] | None = None,
        kinds: list[str] | None = None,
        sources: list[str] | None = None,
        text: str = "",
        with_feedback_only: bool = False,
        marked_wrong_only: bool = False,
    ) -> list[dict]:
        """Entries, newest first, narrowed by the filters given (dates are UTC days of `at`, inclusive)."""
        clauses, params = _filters(since, until, "officer", officer, {"kind": kinds, "source": sources})
        if verdicts is not None:
            named = [verdict for verdict in verdicts if verdict]
            parts = [f"verdict IN ({', '.join('?' * len(named))})"] if named else []
            if None in verdicts:
                parts.append("verdict IS NULL")
            clauses.append(f"({' OR '.join(parts) or '0'})")
            params.extend(named)
        if text:
            clauses.append("(question LIKE ? OR answer LIKE ?)")
            params.extend([f"%{text}%"] * 2)
        if with_feedback_only:
            clauses.append("feedback IS NOT NULL")
        if marked_wrong_only:
            clauses.append("feedback = 'down'")
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with closing(self._connect()) as db:
            rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM answers {where} ORDER BY id DESC", params).fetchall()
        return [dict(row) for row in rows]

    # --- What admins did ---------------------------------------------------------------------------------

    def record_admin_action(self, *, admin: str, action: str, target: str, before: dict | None = None,
                            after: dict | None = None, outcome: str = "done", session_id: str = "", client: str = "",
                            source: str = "app", now: dt.datetime | None = None) -> int:
        """Append one admin action: who, what, on what, with the state before and after (JSON) and how it ended."""
        row = (_stamp(now), admin, action, target, _json_or_none(before), _json_or_none(after), outcome, session_id,
               client, source)
        with closing(self._connect()) as db, db:
            action_id = db.execute(
                "INSERT INTO admin_actions (at, admin, action, target, before, after, outcome, session_id, client, source)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row,
            ).lastrowid
        self.purge(now)
        return action_id

    def admin_actions(self, since: dt.date | None = None, until: dt.date | None = None, admin: str = "",
                      actions: list[str] | None = None) -> list[dict]:
        """Admin actions, newest first, narrowed by the filters given (dates are UTC days of `at`, inclusive)."""
        clauses, params = _filters(since, until, "admin", admin, {"action": actions})
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with closing(self._connect()) as db:
            rows = db.execute(f"SELECT {', '.join(ADMIN_ACTION_COLUMNS)} FROM admin_actions {where} ORDER BY id DESC",
                              params).fetchall()
        return [dict(row) for row in rows]

    # --- Back-off after wrong admin passwords ---------------------------------------------------------------
    # A subject is "session:<id>" or "client:<address>"; a try waits for the longest lock among its subjects.

    def login_wait(self, subjects: list[str] | tuple[str, ...], now: float | None = None) -> float:
        """Seconds until a password may be tried again by these subjects (0 when it may be tried now)."""
        now = time.time() if now is None else now
        with closing(self._connect()) as db:
            return self._wait(db, subjects, now)

    def claim_login_try(self, subjects: list[str] | tuple[str, ...], base_s: float, cap_s: float,
                        now: float | None = None) -> tuple[float, float]:
        """Start a password try: (wait, 0) when the subjects must still wait, else (0, wait) with the try already
        counted as a failure, in one transaction, so tries made in parallel (many tabs from one client) cannot all
        pass one open moment. A right password then calls login_succeeded, which takes the count away."""
        now = time.time() if now is None else now
        with closing(self._connect()) as db, db:
            db.execute("BEGIN IMMEDIATE")
            waiting = self._wait(db, subjects, now)
            if waiting:
                return waiting, 0.0
            return 0.0, self._count_failure(db, subjects, base_s, cap_s, now)

    def login_failed(self, subjects: list[str] | tuple[str, ...], base_s: float, cap_s: float,
                     now: float | None = None) -> float:
        """Count a wrong password against each subject and lock it for base_s * 2**(failures - 1), at most cap_s;
        returns the longest wait it set."""
        now = time.time() if now is None else now
        with closing(self._connect()) as db, db:
            db.execute("BEGIN IMMEDIATE")  # two tries at once must not both read the old count
            return self._count_failure(db, subjects, base_s, cap_s, now)

    @staticmethod
    def _wait(db: sqlite3.Connection, subjects, now: float) -> float:
        rows = db.execute(f"SELECT locked_until FROM admin_lockouts WHERE subject IN ({', '.join('?' * len(subjects))})",
                          list(subjects)).fetchall()
        return max([row["locked_until"] - now for row in rows if row["locked_until"] > now], default=0.0)

    @staticmethod
    def _count_failure(db: sqlite3.Connection, subjects, base_s: float, cap_s: float, now: float) -> float:
        longest = 0.0
        for subject in subjects:
            row = db.execute("SELECT failures, last_failure FROM admin_lockouts WHERE subject = ?", (subject,)).fetchone()
            failures = row["failures"] if row and now - row["last_failure"] < FORGET_FAILURES_AFTER_S else 0
            failures += 1
            wait = min(cap_s, base_s * 2 ** min(failures - 1, 60))
            db.execute("INSERT INTO admin_lockouts (subject, failures, last_failure, locked_until) VALUES (?, ?, ?, ?)"
                       " ON CONFLICT (subject) DO UPDATE SET failures = excluded.failures,"
                       " last_failure = excluded.last_failure, locked_until = excluded.locked_until",
                       (subject, failures, now, now + wait))
            longest = max(longest, wait)
        return longest

    def login_succeeded(self, subjects: list[str] | tuple[str, ...]) -> None:
        """A right password (tried when no lock held) starts these subjects' counts again."""
        with closing(self._connect()) as db, db:
            db.execute(f"DELETE FROM admin_lockouts WHERE subject IN ({', '.join('?' * len(subjects))})", list(subjects))

    def clear_lockouts(self, client: str | None = None) -> int:
        """Forget the failures of one client address, or of every client and session; returns how many went."""
        with closing(self._connect()) as db, db:
            if client is None:
                return db.execute("DELETE FROM admin_lockouts").rowcount
            return db.execute("DELETE FROM admin_lockouts WHERE subject = ?", (f"client:{client}",)).rowcount

    def lockouts(self) -> list[dict]:
        """Every subject with counted failures: subject, failures, last_failure and locked_until (epoch seconds)."""
        with closing(self._connect()) as db:
            rows = db.execute("SELECT subject, failures, last_failure, locked_until FROM admin_lockouts"
                              " ORDER BY locked_until DESC").fetchall()
        return [dict(row) for row in rows]


def open_audit_log(settings: Settings) -> AuditLog:
    """The audit log under settings.data_dir, purged to settings.audit_retention_days."""
    return AuditLog(settings.data_dir / AUDIT_FILE, settings.audit_retention_days)


def app_version(settings: Settings) -> str:
    """The release recorded with every answer, so an audit can tell which version gave it."""
    try:
        return tomllib.loads((settings.root / "pyproject.toml").read_text())["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


def _filters(since: dt.date | None, until: dt.date | None, who_column: str, who: str,
             one_of: dict[str, list[str] | None]) -> tuple[list[str], list]:
    """SQL clauses and parameters: `at` within the UTC days since–until (inclusive), `who_column` containing `who`,
    and each column of `one_of` among its values (none given: no row)."""
    clauses, params = [], []
    if since:
        clauses.append("at >= ?")
        params.append(since.isoformat())
    if until:
        clauses.append("at < ?")
        params.append((until + dt.timedelta(days=1)).isoformat())
    if who:
        clauses.append(f"{who_column} LIKE ?")
        params.append(f"%{who}%")
    for column, values in one_of.items():
        if values is not None:
            clauses.append(f"{column} IN ({', '.join('?' * len(values)) or 'NULL'})")
            params.extend(values)
    return clauses, params


def to_csv(entries: list[dict], columns: tuple[str, ...] = COLUMNS) -> str:
    """The entries as CSV, one row per answer with its feedback alongside.

    A text cell that a spreadsheet would read as a formula (it starts with = + - @, a tab or a carriage return)
    gets a leading single quote, so an officer's question such as `=HYPERLINK(…)` opens as text."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows({key: as_text_cell(value) for key, value in entry.items()} for entry in entries)
    return out.getvalue()


def as_text_cell(value):
    """The value, with a single quote before it when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _json_or_none(value: dict | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def _add_later_columns(db: sqlite3.Connection) -> None:
    """Columns added since the first release, added to a log written before them."""
    columns = {row["name"] for row in db.execute("PRAGMA table_info(answers)")}
    if "source" not in columns:  # before the engine audited every caller, all answers came from the app
        db.execute("ALTER TABLE answers ADD COLUMN source TEXT NOT NULL DEFAULT 'app'")
    if "feedback_comment" not in columns:
        db.execute("ALTER TABLE answers ADD COLUMN feedback_comment TEXT")


def _stamp(moment: dt.datetime | None) -> str:
    """UTC ISO time to the second: sorts and compares as text."""
    return (moment or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")
