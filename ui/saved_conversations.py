"""Conversations kept on the server so a reload does not lose them, in Pressline's database (ingest/database.py).

A conversation is keyed on the deployment's login where there is one, otherwise on a random token the browser keeps
in a cookie; only a hash of the key is stored, so the database cannot be used to take over a browser's conversation.
A conversation not used for `IDLE_EXPIRY` is gone, and none is kept longer than `MAX_AGE` from its start, whatever
its use: station computers are shared, and a conversation holds an officer's name and questions.

Usage::

    store = SavedConversations(get_engine(settings))
    store.save(key, Saved(officer="PC 1234", session_id="…", entries=[...]))
    saved = store.load(key)          # None once expired or forgotten
    store.forget(key)                # "Not me"
"""

import datetime as dt
import hashlib
import time

from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine, delete, or_, select

from assistant import Answer
from ingest.database import conversations, transaction, upsert

IDLE_EXPIRY = dt.timedelta(hours=12)
MAX_AGE = dt.timedelta(hours=24)

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
    def __init__(self, engine: Engine):
        self.engine = engine
        self.purge()

    def load(self, key: str, now: float | None = None) -> Saved | None:
        """The conversation saved under `key`, or None if there is none, it has expired, or it cannot be read."""
        self.purge(now)
        with self.engine.connect() as db:
            saved = db.execute(select(conversations.c.saved).where(conversations.c.key_hash == _hash(key))).scalar()
        if saved is None:
            return None
        try:
            return Saved.model_validate_json(saved)
        except ValidationError:  # written by an older release: start afresh rather than fail the page
            self.forget(key)
            return None

    def save(self, key: str, saved: Saved, now: float | None = None) -> None:
        """Keep `saved` under `key`; the idle clock restarts, the start (and so the most it is kept) does not."""
        now = time.time() if now is None else now
        kept = upsert(self.engine, conversations).values(key_hash=_hash(key), saved=saved.model_dump_json(),
                                                         started=now, touched=now)
        with transaction(self.engine) as db:
            db.execute(kept.on_conflict_do_update(index_elements=["key_hash"],
                                                  set_={"saved": kept.excluded.saved, "touched": kept.excluded.touched}))
        self.purge(now)

    def forget(self, key: str) -> None:
        with transaction(self.engine) as db:
            db.execute(delete(conversations).where(conversations.c.key_hash == _hash(key)))

    def purge(self, now: float | None = None) -> int:
        """Delete conversations idle for `IDLE_EXPIRY` or started more than `MAX_AGE` ago; returns how many went."""
        now = time.time() if now is None else now
        with transaction(self.engine) as db:
            return db.execute(delete(conversations).where(or_(
                conversations.c.touched < now - IDLE_EXPIRY.total_seconds(),
                conversations.c.started < now - MAX_AGE.total_seconds(),
            ))).rowcount


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()
