"""Who the admin is, where they connect from, and the record of what they do on the admin page.

Every admin action — unlocking (and each wrong password), uploads, edits, approvals, withdrawals, deletions,
re-ingests, CSV and candidate-question exports, locking — goes to the audit store's admin_actions table with the admin's name, the
target, the state before and after, and how it ended.

Usage (in a page script)::

    with admin_log.audited("withdraw", settings.relative(path), before=state(path)) as change:
        withdraw_press_line(settings, path)
        change["after"] = state(path)
"""

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from assistant.audit import AuditLog, to_csv
from evals.marked_wrong import export_marked_wrong
from evals.overlap import evaluation_texts
from ingest.settings import get_settings

from . import services, session

LOCAL_CLIENT = "this machine"


@dataclass(frozen=True)
class Actor:
    admin: str
    session_id: str
    client: str


def client_address() -> str:
    """The client's address as Streamlit sees the connection.

    Streamlit reports none for a connection from this machine, so those all count as one client. Behind a reverse
    proxy this is the proxy's address (every officer one client) until the address is taken from a trusted proxy's
    header; a header a client sets itself (X-Forwarded-For) is not trusted here, as it would let a guesser reset
    the back-off by changing it."""
    return session.peer_address() or LOCAL_CLIENT


def login_subjects() -> list[str]:
    """What a wrong password is counted against: this browser session and this client address."""
    return [f"session:{session.session_id()}", f"client:{client_address()}"]


def actor() -> Actor:
    """The admin as the app knows them: the name given at unlock, else the session's identity."""
    name = st.session_state.get("admin_name") or session.identity() or "unnamed"
    return Actor(name, session.session_id(), client_address())


def record(action: str, target: str, before: dict | None = None, after: dict | None = None, outcome: str = "done",
           who: Actor | None = None) -> None:
    who = who or actor()
    services.audit_log().record_admin_action(admin=who.admin, action=action, target=target, before=before, after=after,
                                             outcome=outcome, session_id=who.session_id, client=who.client)


@contextmanager
def audited(action: str, target: str, before: dict | None = None) -> Iterator[dict]:
    """Record the action once the block ends, as done or as failed with the reason; set change["after"] inside
    (and change["target"] when the target is known only once it is done, e.g. an upload's stored path)."""
    change: dict = {"after": None, "target": target}
    try:
        yield change
    except Exception as exc:
        record(action, change["target"], before, change["after"], outcome=f"failed: {exc}")
        raise
    record(action, change["target"], before, change["after"])


def file_state(path: Path) -> dict | None:
    """A file's size and hash, for the record of an upload or a deletion."""
    path = Path(path)
    if not path.is_file():
        return None
    data = path.read_bytes()
    return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def csv_export(log: AuditLog, filters: dict, who: Actor) -> Callable[[], bytes]:
    """What a deferred download button calls when the admin clicks: the filtered entries as formula-safe CSV,
    built then and not before, recorded as an export by `who` (the callable runs outside the page script)."""

    def build() -> bytes:
        entries = log.entries(**filters)
        log.record_admin_action(admin=who.admin, action="export_csv", target="audit log",
                                before={key: _plain(value) for key, value in filters.items()},
                                after={"rows": len(entries)}, session_id=who.session_id, client=who.client)
        return to_csv(entries).encode("utf-8")

    return build


def marked_wrong_export(log: AuditLog, filters: dict, who: Actor) -> Callable[[], bytes]:
    """What a deferred download button calls: the filtered answers marked wrong as candidate evaluation questions
    (JSONL, no officer names), near copies of the evaluation sets left out, recorded as an export by `who`."""

    def build() -> bytes:
        export = export_marked_wrong(log.entries(**{**filters, "marked_wrong_only": True}), evaluation_texts(),
                                     services.engine().resources.embedder.embed_documents)
        log.record_admin_action(admin=who.admin, action="export_candidates", target="answers marked wrong",
                                before={key: _plain(value) for key, value in filters.items()},
                                after={"rows": len(export.candidates), "left_out": export.left_out},
                                session_id=who.session_id, client=who.client)
        return export.jsonl()

    return build


def wait_text(seconds: float) -> str:
    """A wait as a person reads it, rounded up: "1 second", "30 seconds", "5 minutes"."""
    whole = max(1, int(-(-seconds // 1)))
    if whole < 120:
        return f"{whole} second{'s' if whole != 1 else ''}"
    minutes = -(-whole // 60)
    return f"{minutes} minutes"


def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def backoff_settings() -> tuple[float, float]:
    settings = get_settings()
    return settings.admin_backoff_base_s, settings.admin_backoff_cap_s
