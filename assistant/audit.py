"""The audit log: every answer Pressline gives, who asked, from where, and the feedback on it, kept in Pressline's
database (ingest/database.py: an SQLite file under data/, or the force's PostgreSQL).

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
import time
import tomllib
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import Connection, Engine, and_, delete, false, insert, or_, select, true, update

from ingest.database import admin_actions, admin_lockouts, answers, get_engine, transaction, upsert
from ingest.settings import Settings

Source = Literal["app", "cli", "api"]
SOURCES: tuple[Source, ...] = ("app", "cli", "api")
COLUMNS = tuple(answers.c.keys())
FEEDBACK = ("up", "down")
MAX_COMMENT_CHARS = 1000
ADMIN_ACTION_COLUMNS = tuple(admin_actions.c.keys())
FORGET_FAILURES_AFTER_S = 24 * 60 * 60
"""A client or session with no wrong admin password for a day starts again from the base delay."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class AuditLog:
    """An append-only record of answers; entries older than `retention_days` are purged on open and on every write."""

    def __init__(self, engine: Engine, retention_days: int):
        if retention_days < 1:
            raise ValueError(f"retention_days must be at least 1, not {retention_days}: "
                             "set PRESSLINE_AUDIT_RETENTION_DAYS to 1 or more")
        self.engine = engine
        self.retention_days = retention_days
        self.purge()

    def record(self, *, kind: str, result: BaseModel, source: Source, officer: str, session_id: str, app_version: str,
               now: dt.datetime | None = None) -> int:
        """Append one answer (an Answer, DraftCheck or InterviewBrief) and return its entry id."""
        if source not in SOURCES:
            raise ValueError(f"source must be one of {', '.join(SOURCES)}, not {source!r}")
        fields = result.model_dump(mode="json")
        citations = [
            {key: citation[key] for key in ("source", "locator", "title", "archived")}
            for citation in fields.get("citations", [])
        ]
        escalation = [{key: item[key] for key in ("to", "reason")} for item in fields.get("escalation", [])]
        row = {
            "at": _stamp(now), "session_id": session_id, "officer": officer, "kind": kind,
            "question": fields.get("question") or fields.get("topic") or "", "date_used": fields["today"],
            "status": fields.get("status", "answered"), "verdict": fields.get("rag"),
            "escalation": json.dumps(escalation), "citations": json.dumps(citations),
            "answer": fields.get("answer", ""), "app_version": app_version, "source": source,
        }
        with transaction(self.engine) as db:
            entry_id = db.execute(insert(answers).values(row).returning(answers.c.id)).scalar_one()
        self.purge(now)
        return entry_id

    def set_feedback(self, entry_id: int, feedback: str | None, now: dt.datetime | None = None, *,
                     comment: str | None = None) -> None:
        """Store the officer's thumbs up/down on an answer, with what was wrong if they said (None clears both)."""
        if feedback is not None and feedback not in FEEDBACK:
            raise ValueError(f"feedback must be one of {', '.join(FEEDBACK)} or None, not {feedback!r}")
        comment = ((comment or "").strip()[:MAX_COMMENT_CHARS] or None) if feedback else None
        with transaction(self.engine) as db:
            db.execute(update(answers).where(answers.c.id == entry_id).values(
                feedback=feedback, feedback_at=_stamp(now) if feedback else None, feedback_comment=comment))
        self.purge(now)

    def purge(self, now: dt.datetime | None = None) -> int:
        """Delete entries older than the retention period, one DELETE a table in one transaction; returns how many
        answers went."""
        cutoff = _stamp((now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=self.retention_days))
        with transaction(self.engine) as db:
            db.execute(delete(admin_actions).where(admin_actions.c.at < cutoff))
            return db.execute(delete(answers).where(answers.c.at < cutoff)).rowcount

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
        clauses = _filters(answers, since, until, answers.c.officer, officer,
                           {answers.c.kind: kinds, answers.c.source: sources})
        if verdicts is not None:
            named = [verdict for verdict in verdicts if verdict]
            parts = [answers.c.verdict.in_(named)] if named else []
            if None in verdicts:
                parts.append(answers.c.verdict.is_(None))
            clauses.append(or_(*parts) if parts else false())
        if text:
            clauses.append(or_(_contains(answers.c.question, text), _contains(answers.c.answer, text)))
        if with_feedback_only:
            clauses.append(answers.c.feedback.is_not(None))
        if marked_wrong_only:
            clauses.append(answers.c.feedback == "down")
        with self.engine.connect() as db:
            rows = db.execute(select(answers).where(and_(true(), *clauses)).order_by(answers.c.id.desc())).mappings()
            return [dict(row) for row in rows]

    # --- What admins did ---------------------------------------------------------------------------------

    def record_admin_action(self, *, admin: str, action: str, target: str, before: dict | None = None,
                            after: dict | None = None, outcome: str = "done", session_id: str = "", client: str = "",
                            source: str = "app", now: dt.datetime | None = None) -> int:
        """Append one admin action: who, what, on what, with the state before and after (JSON) and how it ended."""
        row = {"at": _stamp(now), "admin": admin, "action": action, "target": target, "before": _json_or_none(before),
               "after": _json_or_none(after), "outcome": outcome, "session_id": session_id, "client": client,
               "source": source}
        with transaction(self.engine) as db:
            action_id = db.execute(insert(admin_actions).values(row).returning(admin_actions.c.id)).scalar_one()
        self.purge(now)
        return action_id

    def admin_actions(self, since: dt.date | None = None, until: dt.date | None = None, admin: str = "",
                      actions: list[str] | None = None) -> list[dict]:
        """Admin actions, newest first, narrowed by the filters given (dates are UTC days of `at`, inclusive)."""
        clauses = _filters(admin_actions, since, until, admin_actions.c.admin, admin, {admin_actions.c.action: actions})
        with self.engine.connect() as db:
            rows = db.execute(select(admin_actions).where(and_(true(), *clauses))
                              .order_by(admin_actions.c.id.desc())).mappings()
            return [dict(row) for row in rows]

    # --- Back-off after wrong admin passwords ---------------------------------------------------------------
    # A subject is "session:<id>" or "client:<address>"; a try waits for the longest lock among its subjects.

    def login_wait(self, subjects: list[str] | tuple[str, ...], now: float | None = None) -> float:
        """Seconds until a password may be tried again by these subjects (0 when it may be tried now)."""
        now = time.time() if now is None else now
        with self.engine.connect() as db:
            return self._wait(db, subjects, now)

    def claim_login_try(self, subjects: list[str] | tuple[str, ...], base_s: float, cap_s: float,
                        now: float | None = None) -> tuple[float, float]:
        """Start a password try: (wait, 0) when the subjects must still wait, else (0, wait) with the try already
        counted as a failure, in one exclusive transaction, so tries made in parallel (many tabs from one client,
        or one client on several instances) cannot all pass one open moment. A right password then calls
        login_succeeded, which takes the count away."""
        now = time.time() if now is None else now
        with transaction(self.engine, exclusive=True) as db:
            waiting = self._wait(db, subjects, now)
            if waiting:
                return waiting, 0.0
            return 0.0, self._count_failure(db, subjects, base_s, cap_s, now)

    def login_failed(self, subjects: list[str] | tuple[str, ...], base_s: float, cap_s: float,
                     now: float | None = None) -> float:
        """Count a wrong password against each subject and lock it for base_s * 2**(failures - 1), at most cap_s;
        returns the longest wait it set."""
        now = time.time() if now is None else now
        with transaction(self.engine, exclusive=True) as db:  # two tries at once must not both read the old count
            return self._count_failure(db, subjects, base_s, cap_s, now)

    @staticmethod
    def _wait(db: Connection, subjects, now: float) -> float:
        locks = db.execute(select(admin_lockouts.c.locked_until).where(admin_lockouts.c.subject.in_(list(subjects))))
        return max([until - now for (until,) in locks if until > now], default=0.0)

    def _count_failure(self, db: Connection, subjects, base_s: float, cap_s: float, now: float) -> float:
        longest = 0.0
        for subject in subjects:
            row = db.execute(select(admin_lockouts.c.failures, admin_lockouts.c.last_failure)
                             .where(admin_lockouts.c.subject == subject)).first()
            failures = row.failures if row and now - row.last_failure < FORGET_FAILURES_AFTER_S else 0
            failures += 1
            wait = min(cap_s, base_s * 2 ** min(failures - 1, 60))
            counted = {"failures": failures, "last_failure": now, "locked_until": now + wait}
            db.execute(upsert(self.engine, admin_lockouts).values(subject=subject, **counted)
                       .on_conflict_do_update(index_elements=["subject"], set_=counted))
            longest = max(longest, wait)
        return longest

    def login_succeeded(self, subjects: list[str] | tuple[str, ...]) -> None:
        """A right password (tried when no lock held) starts these subjects' counts again."""
        with transaction(self.engine) as db:
            db.execute(delete(admin_lockouts).where(admin_lockouts.c.subject.in_(list(subjects))))

    def clear_lockouts(self, client: str | None = None) -> int:
        """Forget the failures of one client address, or of every client and session; returns how many went."""
        gone = delete(admin_lockouts)
        if client is not None:
            gone = gone.where(admin_lockouts.c.subject == f"client:{client}")
        with transaction(self.engine) as db:
            return db.execute(gone).rowcount

    def lockouts(self) -> list[dict]:
        """Every subject with counted failures: subject, failures, last_failure and locked_until (epoch seconds)."""
        with self.engine.connect() as db:
            rows = db.execute(select(admin_lockouts).order_by(admin_lockouts.c.locked_until.desc())).mappings()
            return [dict(row) for row in rows]


def open_audit_log(settings: Settings) -> AuditLog:
    """The audit log in the settings' database (PRESSLINE_AUDIT_URL), purged to settings.audit_retention_days."""
    return AuditLog(get_engine(settings), settings.audit_retention_days)


def app_version(settings: Settings) -> str:
    """The release recorded with every answer, so an audit can tell which version gave it."""
    try:
        return tomllib.loads((settings.root / "pyproject.toml").read_text())["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


def _filters(table, since: dt.date | None, until: dt.date | None, who_column, who: str,
             one_of: dict) -> list:
    """Clauses: `at` within the UTC days since–until (inclusive), `who_column` containing `who`, and each column of
    `one_of` among its values (none given: no row)."""
    clauses = []
    if since:
        clauses.append(table.c.at >= since.isoformat())
    if until:
        clauses.append(table.c.at < (until + dt.timedelta(days=1)).isoformat())
    if who:
        clauses.append(_contains(who_column, who))
    for column, values in one_of.items():
        if values is not None:
            clauses.append(column.in_(values) if values else false())
    return clauses


def _contains(column, text: str):
    """The column holds `text`, ignoring case as SQLite's LIKE does; % and _ in it are matched as themselves."""
    return column.icontains(text, autoescape=True)


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


def _stamp(moment: dt.datetime | None) -> str:
    """UTC ISO time to the second: sorts and compares as text."""
    return (moment or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")
