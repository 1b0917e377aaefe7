"""Conversations kept for a reload: expiry after 12 idle hours and 24 hours in all, "Not me", and nothing usable in the
database itself; on SQLite and on PostgreSQL."""

import datetime as dt

import pytest
from sqlalchemy import select, update

from assistant import Answer
from ingest.database import conversations, get_engine, transaction
from ui.saved_conversations import IDLE_EXPIRY, MAX_AGE, Entry, Saved, SavedConversations

HOUR = 3600.0
START = 1_800_000_000.0


@pytest.fixture
def store(store_settings) -> SavedConversations:
    return SavedConversations(get_engine(store_settings))


def saved(question: str = "Can I tweet about a burglary arrest?") -> Saved:
    answer = Answer(question=question, today=dt.date(2026, 11, 20), in_scope=True, status="answered", rag="green",
                    answer="GREEN — Go for it.")
    return Saved(officer="PC 1234", session_id="s1", entries=[Entry(question=question, result=answer, entry_id=7)])


def test_a_saved_conversation_comes_back_whole(store):
    store.save("token:abc", saved(), now=START)
    back = store.load("token:abc", now=START + HOUR)
    assert back == saved() and back.entries[0].result.rag == "green" and back.entries[0].entry_id == 7
    assert store.load("token:other", now=START + HOUR) is None


def test_a_conversation_expires_after_twelve_idle_hours_and_twenty_four_in_all(store):
    assert IDLE_EXPIRY == dt.timedelta(hours=12) and MAX_AGE == dt.timedelta(hours=24)
    store.save("token:idle", saved(), now=START)
    assert store.load("token:idle", now=START + 12 * HOUR + 1) is None
    store.save("token:busy", saved(), now=START)
    for hour in range(2, 24, 2):  # used every two hours: never idle, yet gone after a day
        store.save("token:busy", saved(), now=START + hour * HOUR)
    assert store.load("token:busy", now=START + 23 * HOUR) is not None
    assert store.load("token:busy", now=START + 24 * HOUR + 1) is None


def test_not_me_forgets_at_once(store):
    store.save("token:abc", saved(), now=START)
    store.forget("token:abc")
    assert store.load("token:abc", now=START) is None


def test_the_database_holds_no_key(store):
    store.save("token:secret-token-value", saved())
    with store.engine.connect() as db:
        key_hash = db.execute(select(conversations.c.key_hash)).scalar_one()
    assert "secret-token-value" not in key_hash and len(key_hash) == 64


def test_an_unreadable_saved_conversation_starts_afresh(store):
    store.save("token:abc", saved())
    with transaction(store.engine) as db:
        db.execute(update(conversations).values(saved='{"entries": 3}'))
    assert store.load("token:abc") is None
    assert store.load("token:abc") is None  # forgotten, not failing each time
