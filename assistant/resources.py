"""Everything an answer needs, loaded once per process: the index, the model, the RAG table, contacts."""

import datetime as dt
import logging
import re
import shutil
import threading
import time
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ingest import generations, offline  # noqa: F401
from ingest.approvals import Approvals
from ingest.chunking import chunk_document
from ingest.embeddings import get_embedder
from ingest.errors import DocumentError, IndexUnavailable
from ingest.examples import generation_bank
from ingest.loaders import decode, rag_table_from_text
from ingest.keyword import KeywordIndex, tokenize
from ingest.pipeline import rebuild_keyword_index
from ingest.safe_yaml import BadYaml, load_yaml
from ingest.settings import Settings
from ingest.store import Store, decode_list
from ingest.units import generation_units, passage_units, save_generation_units, unit_keys

from .compose import UnitIndex

from .examples import ExampleBank, load_bank
from .green_checks import GreenChecks
from .normalise import Speller, lexicon, normalise
from .phrasebook import PHRASE_BOOK_FILE
from .prompts import render
from .topics import Topic, TopicMatcher

GENERATION_CHECK_SECONDS = 5.0
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChunkRow:
    """A stored chunk: its id, the text that was embedded, and its metadata."""

    id: str
    text: str
    meta: dict

    @property
    def doc_id(self) -> str:
        return self.meta.get("doc_id", "")


class Resources:
    """The opened index and everything derived from it.

    Usage::

        resources = Resources.load(get_settings())
        resources.chunks_of("ml-contempt")
    """

    def __init__(self, settings: Settings, store: Store, keyword: KeywordIndex, rows: list[ChunkRow],
                 stored_bank: tuple | None = None):
        self.settings = settings
        self.store = store
        self.keyword = keyword
        self.stored_bank = stored_bank
        self._lock = threading.Lock()
        self._checked_at = time.monotonic()
        self.approvals = Approvals(settings)
        self._use(rows)

    @classmethod
    def load(cls, settings: Settings) -> "Resources":
        return cls(settings, *_open_generation(settings))

    @property
    def generation(self) -> str:
        return self.store.generation

    def _use(self, rows: list[ChunkRow]) -> None:
        """Use the index's `rows`: only those of approved documents can be searched, cited or read as the RAG table.

        Drafts (uploads, files changed since they were approved) are listed in `drafts` and never cited. A RAG table
        with unapproved changes is replaced by its last approved version, with a warning in `warnings`."""
        self._all_rows = rows
        sources = {row.meta.get("source") for row in rows if row.meta.get("source")}
        approved = self.approvals.approved_sources(sources)
        self._approved = frozenset(approved)
        self.drafts = sorted(sources - approved)
        self.warnings: list[str] = []
        kept = [row for row in rows if row.meta.get("source") in approved]
        for source in sorted({row.meta["source"] for row in rows if row.meta.get("kind") == "rag_table"}):
            kept.extend(self._approved_rag_table(source, source in approved))
        self.__dict__.pop("contacts", None)
        self.__dict__.pop("units", None)
        self._build(kept)

    def _approved_rag_table(self, source: str, approved: bool) -> list[ChunkRow]:
        """The rows of the last approved version of an unapproved RAG table (none when the file on disk is approved)."""
        content, warning = self.approvals.configuration(self.settings.root / source)
        if approved:
            return []
        if warning:
            log.warning("%s", warning)
            self.warnings.append(warning)
        if content is None:
            return []
        try:
            document = rag_table_from_text(decode(content, source), source, self.settings)
        except DocumentError as exc:
            self.warnings.append(f"the last approved version of {source} cannot be read: {exc.problem}")
            return []
        return [ChunkRow(f"approved:{chunk.id}", chunk.text, chunk.metadata) for chunk in chunk_document(document, self.settings.chunk_words)]

    def _build(self, rows: list[ChunkRow]) -> None:
        self.rows = {row.id: row for row in rows}
        self._terms: dict[str, frozenset[str]] = {}
        self.by_doc: dict[str, list[ChunkRow]] = {}
        for row in rows:
            self.by_doc.setdefault(row.doc_id, []).append(row)
        self.topics = [
            Topic(
                name=row.meta["rag_topic"], status=row.meta["rag_status"], label=row.meta["rag_label"],
                condition=row.meta.get("rag_condition"), aliases=tuple(decode_list(row.meta.get("aliases"))), chunk_id=row.id,
                medium=row.meta.get("rag_medium"), offence=row.meta.get("rag_offence"),
            )
            for row in rows if row.meta.get("kind") == "rag_table" and row.meta.get("rag_topic")
        ]
        self.matcher = TopicMatcher(self.topics)
        self._bank: ExampleBank | None = None
        vocabulary = set()
        for row in rows:
            vocabulary.update(re.findall(r"[a-z]+", row.text.lower()))
        for topic in self.topics:
            for alias in topic.aliases:
                vocabulary.update(re.findall(r"[a-z]+", alias.lower()))
        phrases, slang = lexicon()
        for value in [*phrases.values(), *slang.values()]:
            vocabulary.update(re.findall(r"[a-z]+", value.lower()))
        vocabulary.update(_EVERYDAY)
        self.speller = Speller(vocabulary)

    def refresh(self, force: bool = False) -> None:
        """Pick up a finished re-ingest: reload when the pointer names another generation.

        Checked at most every few seconds, unless `force` (e.g. right after the admin page re-ingests, or when the
        generation in use has been removed under us)."""
        if not force and time.monotonic() - self._checked_at < GENERATION_CHECK_SECONDS:
            return
        with self._lock:
            self._checked_at = time.monotonic()
            now = generations.current(self.settings)
            if not now or now == self.generation:
                # The same generation (or the pointer cannot be read just now): keep it, but an approval given or a
                # file changed on disk since moves which documents may be cited.
                sources = {row.meta.get("source") for row in self._all_rows if row.meta.get("source")}
                if force or self.approvals.approved_sources(sources) != self._approved:
                    self._use(self._all_rows)
                return
            try:
                store, keyword, rows, stored_bank = _open_generation(self.settings)
            except Exception:
                log.exception("index generation %s could not be loaded; still answering from %s", now, self.generation)
                return
            held = self.generation
            self.store, self.keyword, self.stored_bank = store, keyword, stored_bank
            self._use(rows)
            if self.settings.chroma_url:  # this instance's own copy of the old generation's BM25 index and bank
                shutil.rmtree(generations.folder(self.settings, held), ignore_errors=True)

    def dense(self, vector: list[float], k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """The store's nearest chunks; if the generation in use was removed (a newer one replaced it), reload and ask again."""
        try:
            return self.store.dense(vector, k, where)
        except Exception as exc:
            held = self.generation
            self.refresh(force=True)
            if self.generation == held:
                raise
            log.info("index generation %s was removed (%s); now using %s", held, type(exc).__name__, self.generation)
            return self.store.dense(vector, k, where)

    @cached_property
    def embedder(self):
        return get_embedder(self.settings.embedding_model)

    def embed(self, text: str) -> list[float]:
        return self.embedder.embed_query(text)

    def embed_many(self, texts: list[str]) -> np.ndarray:
        """Unit vectors for `texts` (each distinct text once), in one batched call to the model."""
        unique = list(dict.fromkeys(texts))
        if not unique:
            return np.zeros((0, 0), dtype=np.float32)
        vectors = np.asarray(self.embedder.embed_documents(unique), dtype=np.float32)
        row = {text: index for index, text in enumerate(unique)}
        return vectors[[row[text] for text in texts]]

    @property
    def bank(self) -> ExampleBank:
        """The example bank with its vectors, for the RAG topics of the current generation."""
        if self._bank is None:
            phrases, _ = self.approvals.configuration(self.settings.corpus_dir / PHRASE_BOOK_FILE)
            topics = repr(sorted((topic.name, topic.status, topic.aliases) for topic in self.topics)).encode()
            checks = GreenChecks.open(self.settings, phrases or b"", topics)
            self._bank = load_bank(self.settings, self.topics, lambda text: checks.get(text, self._green_example_raises),
                                   self.stored_bank)
            checks.save()
        return self._bank

    def _green_example_raises(self, text: str) -> str | None:
        from .policy import decide
        from .readers import Reading, read
        from .readers.text import Turn

        normalised = normalise(text)
        reading = Reading(turns=[Turn(0, text, normalised)], text=normalised.text, current_start=0, dates=[],
                          today=dt.date.today(), posting=True)
        reasons = decide(read(reading, self.matcher, None, frozenset({"phrases", "people"}))).reasons
        return ", ".join(reason.risk.replace("_", " ") for reason in reasons) or None

    @cached_property
    def units(self) -> UnitIndex:
        """The sentences and lists of the approved passages with their vectors, embedded at ingest (here only when this
        instance's copy of the generation lacks them)."""
        units = passage_units((row.id, row.text, row.meta) for row in self.rows.values())
        vectors = generation_units(self.settings, self.generation)
        if vectors is None or any(key not in vectors for key in unit_keys(units)):
            all_units = passage_units((row.id, row.text, row.meta) for row in self._all_rows)
            save_generation_units(self.settings, self.generation, unit_keys(all_units), vectors)
            vectors = generation_units(self.settings, self.generation) or {}
        return UnitIndex.build(units, vectors)

    def terms_of(self, chunk_id: str) -> frozenset[str]:
        """The BM25 terms of a chunk, worked out once."""
        if chunk_id not in self._terms:
            self._terms[chunk_id] = frozenset(tokenize(self.rows[chunk_id].text))
        return self._terms[chunk_id]

    def chunks_of(self, doc_id: str) -> list[ChunkRow]:
        return self.by_doc.get(doc_id, [])

    @cached_property
    def contacts(self) -> dict:
        return approved_contacts(self.settings, self.approvals)

    def contact_text(self, key: str) -> str:
        """How to reach `key` (dmc, legal_services, …) in one line; a contact the force has not set yet is reached
        through the Press Bureau, never shown as a placeholder."""
        entry = self.contacts.get(key) or {}
        name = known_value(entry.get("name")) or key.replace("_", " ")
        phone, email = known_value(entry.get("phone")), known_value(entry.get("email"))
        parts = [name] + ([f"phone: {phone}"] if phone else []) + ([f"email: {email}"] if "@" in email else [])
        if len(parts) == 1 and key != "dmc":
            return render("contact_via_press_bureau", who=name, dmc_contact=self.contact_text("dmc"))
        return " — ".join(parts)

    def unset_contacts(self) -> list[str]:
        """The contacts whose phone and email the force has not set yet (a warning on the admin page)."""
        return [key for key, entry in self.contacts.items()
                if not known_value(entry.get("phone")) and "@" not in known_value(entry.get("email"))]


PLACEHOLDER = "TO BE SET"


def known_value(value) -> str:
    """A contacts.yaml field's value, or "" while it is still the force's placeholder."""
    text = str(value or "").strip()
    return "" if PLACEHOLDER in text else text


# Common words of a question that the corpus may not use; the speller must never "correct" them.
_EVERYDAY = set(
    """about after again against already also always another anyone anything around asked asking because before being
    below between bloke both could doing during each every everyone first found going gonna have having here into just
    know last least leave left like made make many maybe might more most much must near need never next night nothing
    once only other over people please post posted posting quite really right said same says should since some someone
    something still such sure take than thanks that their them then there these they thing think this those through
    today tomorrow tonight twitter under until very want wanted week weekend well were what when where which while will
    with without would yesterday your yours pizza recipe poem limerick lasagne weather france capital football arsenal
    spreadsheet vlookup annual leave drinks pub pint christmas holiday holidays""".split()
)


def _open_generation(settings: Settings, attempts: int = 3):
    """(store, keyword index, rows, the generation's example bank) of the current generation, read consistently.

    A newer ingest may switch the pointer and remove this generation while it is read: then read the new one."""
    for attempt in range(attempts):
        try:
            store = Store.open(settings)
            rows = [ChunkRow(chunk_id, text, meta) for chunk_id, text, meta in store.all_chunks()]
            manifest = store.manifest
            keyword = KeywordIndex.load(settings, store.generation)
            if keyword is None or manifest is None or generations.digest(keyword.ids) != manifest.chunk_ids:
                keyword = rebuild_keyword_index(store, settings)  # e.g. a server's generation built by another instance
            return store, keyword, rows, generation_bank(settings, store.generation)
        except IndexUnavailable:
            if attempt == attempts - 1 or not generations.current(settings):
                raise
        except Exception:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


_LOCK = threading.Lock()
_CACHE: dict[tuple, Resources] = {}


def get_resources(settings: Settings) -> Resources:
    """The process-wide Resources for these settings (the model and index load once)."""
    key = (str(settings.data_dir), settings.chroma_url, settings.collection, settings.embedding_model)
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = Resources.load(settings)
        return _CACHE[key]


def approved_contacts(settings: Settings, approvals: Approvals | None = None) -> dict[str, dict]:
    """The contacts by key (dmc, legal_services, …) from the approved version of `contacts.yaml`: an unapproved
    edit falls back to the last approved one, or to none; an unreadable file gives none (and a logged reason)."""
    path = settings.corpus_dir / "contacts.yaml"
    content, warning = (approvals or Approvals(settings)).configuration(path)
    if warning:
        log.warning("%s", warning)
    try:
        contacts = (load_yaml(content, settings.relative(path), settings) or {}) if content is not None else {}
    except BadYaml as exc:
        # Answers still name the Press Bureau from the templates; the log says which file to fix.
        log.warning("contacts unavailable: %s", exc)
        return {}
    return {key: value for key, value in contacts.items() if isinstance(value, dict)} if isinstance(contacts, dict) else {}
