"""What one Pressline server shares between its sessions: the guidance engine, the audit log, saved conversations
and the index."""

import gc
import threading

import streamlit as st

from assistant import Engine
from assistant import today_in
from assistant.audit import AuditLog, open_audit_log
from assistant.audit import app_version as read_app_version
from ingest.database import get_engine, shown_url
from ingest.errors import IndexUnavailable
from ingest.pipeline import IngestReport, index_status, run_ingest
from ingest.settings import Settings, get_settings

from .saved_conversations import SavedConversations

WARM_UP_QUESTION = "Can I tweet about a burglary arrest on my ward?"
PAGE_DRAWN = threading.Event()
"""Set when a page has been drawn. `python -m ui.serve` warms the engine up only after the first page (or a few seconds):
the warm-up's imports and the first page's run share one interpreter lock, and the officer waiting for the page comes
first."""


def settings_key(settings: Settings) -> str:
    """What keys a cached resource to its settings, so tests with other PRESSLINE_* settings get their own. Secrets
    dump as asterisks, so the database's URL (its password masked) is added to tell databases apart."""
    return settings.model_dump_json() + shown_url(settings)


_INDEXED: set[str] = set()
"""Settings (by `settings_key`) whose index has been seen or built: a page draws many answers, and looking for the
index opens the store each time."""


def engine() -> Engine:
    """The guidance engine, loaded and warmed up once per server; a missing index is built first."""
    settings = get_settings()
    key = settings_key(settings)
    if key not in _INDEXED:
        ensure_index(settings)
        _INDEXED.add(key)
    return _warm_engine(settings, key)


@st.cache_resource(show_spinner="Loading the guidance engine (the first start takes a few seconds)…")
def _warm_engine(_settings: Settings, key: str) -> Engine:
    loaded = Engine(_settings, source="app")
    warm_up(_settings)  # at once when `python -m ui.serve` has warmed the process already
    return loaded


def warm_up(settings: Settings) -> None:
    """Answer one question, which loads the model and the index, so an officer's first question does not pay for it.
    Nobody asked it, so it stays out of the audit log; every engine in the process shares the model and index."""
    Engine(settings, audit=False).answer(WARM_UP_QUESTION, today=today_in(settings))
    # The model and the index are millions of objects that live as long as the server: set aside from the collector,
    # they are not walked again at each of its full collections.
    gc.collect()
    gc.freeze()


def ensure_index(settings: Settings) -> None:
    """Build the index on a first run, with a progress bar, so a fresh install answers without a manual step."""
    if index_status(settings) != "missing":
        return
    st.info("Building Pressline's index of the force's documents for the first time; this takes a minute.", icon=":material/hourglass_top:")
    report = ingest_with_progress(settings, "Building the index")
    if not report.ok:
        problems = "; ".join(f"{source}: {problem}" for source, problem in report.errors[:5])
        raise IndexUnavailable(f"no document in {settings.corpus_dir} could be indexed ({problems})")


def ingest_with_progress(settings: Settings, label: str) -> IngestReport:
    """run_ingest over the whole corpus, its progress shown as a bar that goes away when it is done."""
    bar = st.progress(0.0, text=label)

    def show(stage: str, done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"{label} — {stage}: {done} of {total}")

    report = run_ingest(settings, on_progress=show)
    bar.empty()
    return report


def audit_log() -> AuditLog:
    settings = get_settings()
    return _open_audit_log(settings, settings_key(settings))


@st.cache_resource(show_spinner=False)
def _open_audit_log(_settings: Settings, key: str) -> AuditLog:
    # Opening purges old entries, so the retention period holds from the server's start.
    return open_audit_log(_settings)


@st.cache_data(show_spinner=False)
def app_version() -> str:
    """The release recorded with every answer, so an audit can tell which version gave it."""
    return read_app_version(get_settings())


def saved_conversations() -> SavedConversations:
    settings = get_settings()
    return _open_saved_conversations(settings, settings_key(settings))


@st.cache_resource(show_spinner=False)
def _open_saved_conversations(_settings: Settings, key: str) -> SavedConversations:
    return SavedConversations(get_engine(_settings))
