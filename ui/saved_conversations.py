"""Conversations kept on the server so a reload does not lose them, in SQLite under data/ (owner-only).

A conversation is keyed on the deployment's login where there is one, otherwise on a random token the browser keeps
in a cookie; only a hash of the key is stored, so the file cannot be used to take over a browser's conversation.
A conversation not used for `IDLE_EXPIRY` is gone, and none is kept longer than `MAX_AGE` from its start, whatever
its use: station computers are shared, and a conversation holds an officer's name and questions.

Usage::

    store = SavedConversations(settings.data_dir / CONVERSATIONS_FILE)
    store.save(key, Saved(officer="PC 1234", session_id="…", entries=[...]))
    saved = store.load(key)          # None once expired or forgotten
    store.forget(key)                # "Not me"
"""

import datetime as dt
import hashlib
import os
import sqlite3
import time
from contextlib import closing
from pathlib import Path

from pydantic import BaseModel, ValidationError

from assistant import Answer

CONVERSATIONS_FILE = "conversations.sqlite3"
IDLE_EXPIRY = dt.timedelta(hours=12)
MAX_AGE = dt.timedelta(hours=24)

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    key_hash TEXT PRIMARY KEY,
    saved TEXT NOT NULL,
    started REAL NOT NULL,
    touched REAL NOT NULL
);
"""


class Entry(BaseModel):
    """One question of a conversation, its answer and the answer's audit-log entry (for feedback)."""

    question: str
    result: Answer
    entry_id: int | None = None


class Saved(BaseModel):
    """What a reload brings back: who was asking, their session and the conversation so far."""

    officer: str = ""
    session_id: str
    entries: list[Entry] = []


class SavedConversations:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600))
        os.chmod(self.path, 0o600)
        with closing(self._connect()) as db, db:
            db.executescript(SCHEMA)
        self.purge()

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def load(self, key: str, now: float | None = None) -> Saved | None:
        """The conversation saved under `key`, or None if there is none, it has expired, or it cannot be read."""
        self.purge(now)
        with closing(self._connect()) as db:
            row = db.execute("SELECT saved FROM conversations WHERE key_hash = ?", (_hash(key),)).fetchone()
        if row is None:
            return None
        try:
            return Saved.model_validate_json(row[0])
        except ValidationError:  # written by an older release: start afresh rather than fail the page
            self.forget(key)
            return None

    def save(self, key: str, saved: Saved, now: float | None = None) -> None:
        """Keep `saved` under `key`; the idle clock restarts, the start (and so the most it is kept) does not."""
        now = time.time() if now is None else now
        with closing(self._connect()) as db, db:
            db.execute(
                "INSERT INTO conversations (key_hash, saved, started, touched) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (key_hash) DO UPDATE SET saved = excluded.saved, touched = excluded.touched",
                (_hash(key), saved.model_dump_json(), now, now),
            )
        self.purge(now)

    def forget(self, key: str) -> None:
        with closing(self._connect()) as db, db:
            db.execute("DELETE FROM conversations WHERE key_hash = ?", (_hash(key),))

    def purge(self, now: float | None = None) -> int:
        """Delete conversations idle for `IDLE_EXPIRY` or started more than `MAX_AGE` ago; returns how many went."""
        now = time.time() if now is None else now
        with closing(self._connect()) as db, db:
            return db.execute(
                "DELETE FROM conversations WHERE touched < ? OR started < ?",
                (now - IDLE_EXPIRY.total_seconds(), now - MAX_AGE.total_seconds()),
            ).rowcount


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()
