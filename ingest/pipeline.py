"""Incremental ingest: read the corpus, embed only new or changed chunks, keep Chroma and BM25 in step."""

import hashlib
import json
import os
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout

from .chunking import chunk_document
from .documents import Chunk
from .embeddings import get_embedder
from .errors import DocumentError, IngestLocked
from .examples import embed_bank
from .keyword import KeywordIndex
from .loaders import load_document
from .safe_yaml import BadYaml
from .settings import Settings
from .store import Store

ProgressCallback = Callable[[str, int, int], None]
STATE_FILE = "ingest-state.json"


@dataclass
class IngestReport:
    """What one ingest run did; `ok` is False only when nothing could be ingested."""

    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    documents: dict[str, int] = field(default_factory=dict)
    chunks: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    embedded: int = 0
    embed_seconds: float = 0.0
    seconds: float = 0.0
    generation: str = ""

    @property
    def ok(self) -> bool:
        return sum(self.documents.values()) > 0 or not self.errors


def corpus_files(roots: list[Path], settings: Settings) -> list[Path]:
    """Document files under `roots`. Files directly in corpus/ (README, contacts, legal references) are configuration."""
    files = []
    for root in roots:
        root = Path(root).resolve()
        if root.is_file():
            files.append(root)
            continue
        for path in sorted(root.rglob("*")):
            if not path.is_file() or path.name.startswith(".") or path.name.lower() == "readme.md":
                continue
            if path.parent == settings.corpus_dir:
                continue
            files.append(path)
    return files


def fingerprint(settings: Settings) -> str:
    """Changes when any corpus file or the embedding model changes: a cheap staleness check."""
    digest = hashlib.sha256(settings.embedding_model.encode())
    for path in corpus_files([settings.corpus_dir], settings):
        stat = path.stat()
        digest.update(f"{settings.relative(path)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def read_state(settings: Settings) -> dict:
    try:
        return json.loads((settings.data_dir / STATE_FILE).read_text())
    except (OSError, ValueError):
        return {}


def index_status(settings: Settings) -> str:
    """'missing', 'stale' (the corpus changed since the last complete ingest) or 'fresh'."""
    if settings.chroma_url:
        return "fresh" if read_state(settings).get("fingerprint") == fingerprint(settings) else "stale"
    if not (settings.chroma_path / "chroma.sqlite3").exists() or not read_state(settings):
        return "missing"
    return "fresh" if read_state(settings).get("fingerprint") == fingerprint(settings) else "stale"


def run_ingest(
    settings: Settings,
    paths: list[Path] | None = None,
    rebuild: bool = False,
    on_progress: ProgressCallback | None = None,
) -> IngestReport:
    """Bring the index up to date with `paths` (default: the whole corpus).

    Usage::

        report = run_ingest(get_settings())
        print(report.created, report.updated, report.deleted, report.unchanged)
    """
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(settings.data_dir / "ingest.lock"), timeout=settings.ingest_lock_timeout_s)
    try:
        with lock:
            return _ingest(settings, paths, rebuild, on_progress or (lambda *_: None))
    except Timeout:
        raise IngestLocked(
            f"another ingest has held {settings.data_dir / 'ingest.lock'} for {settings.ingest_lock_timeout_s:g} s; "
            "wait for it to finish"
        ) from None


def _ingest(settings: Settings, paths: list[Path] | None, rebuild: bool, progress: ProgressCallback) -> IngestReport:
    started = time.perf_counter()
    report = IngestReport()
    roots = [Path(p) for p in paths] if paths else [settings.corpus_dir]
    files = corpus_files(roots, settings)
    whole_corpus = not paths
    fingerprint_before = fingerprint(settings) if whole_corpus else None

    chunks, failed_sources = _read(files, settings, report, progress)
    if rebuild:
        Store.drop(settings)
    store = Store.open(settings, create=True)
    stored = store.hashes()

    hashes = {chunk.id: chunk.content_hash(settings.embedding_model) for chunk in chunks}
    to_write = [chunk for chunk in chunks if stored.get(chunk.id, {}).get("hash") != hashes[chunk.id]]
    report.created = sum(1 for chunk in to_write if chunk.id not in stored)
    report.updated = len(to_write) - report.created
    report.unchanged = len(chunks) - len(to_write)
    scanned = [settings.relative(root) for root in roots]
    wanted = set(hashes)
    stale = [
        chunk_id for chunk_id, row in stored.items()
        if chunk_id not in wanted and row["source"] not in failed_sources and _under(row["source"], scanned)
    ]
    report.deleted = len(stale)

    _write(store, to_write, hashes, settings, report, progress)
    if stale:
        store.delete(stale)

    changed = bool(to_write or stale)
    if changed or rebuild or KeywordIndex.saved_generation(settings) != store.generation or store.generation == "empty":
        store.set_generation(uuid.uuid4().hex)
        progress("keyword index", 0, 1)
        rebuild_keyword_index(store, settings)
        progress("keyword index", 1, 1)
    if whole_corpus:
        progress("example bank", 0, 1)
        try:
            embed_bank(settings)
        except BadYaml as exc:
            report.errors.append((exc.path, exc.problem))
        progress("example bank", 1, 1)
    report.generation = store.generation
    report.chunks = store.count()
    report.seconds = time.perf_counter() - started
    if whole_corpus:
        _write_state(settings, report, fingerprint_before)
    return report


def _read(files: list[Path], settings: Settings, report: IngestReport, progress: ProgressCallback):
    chunks: list[Chunk] = []
    failed: set[str] = set()
    owners: dict[str, str] = {}
    kinds: Counter = Counter()
    for done, path in enumerate(files, start=1):
        progress("reading", done - 1, len(files))
        source = settings.relative(path)
        try:
            document = load_document(path, settings)
            if document.id in owners:
                raise DocumentError(source, f"id {document.id!r} is already used by {owners[document.id]}")
            document_chunks = chunk_document(document, settings.chunk_words)
        except DocumentError as exc:
            report.errors.append((exc.path, exc.problem))
            failed.add(source)
            continue
        except OSError as exc:
            report.errors.append((source, f"cannot read the file ({exc.strerror or exc})"))
            failed.add(source)
            continue
        except Exception as exc:  # a loader's blind spot must cost one file, never the whole ingest
            detail = " ".join(str(exc).split())[:160]
            report.errors.append((source, f"could not be read ({type(exc).__name__}{': ' + detail if detail else ''}); "
                                          "check the file, or remove it from the corpus"))
            failed.add(source)
            continue
        owners[document.id] = source
        kinds[document.kind] += 1
        report.warnings.extend((source, warning) for warning in document.warnings)
        chunks.extend(document_chunks)
    progress("reading", len(files), len(files))
    report.documents = dict(kinds)
    return chunks, failed


def _write(store: Store, chunks: list[Chunk], hashes: dict, settings: Settings, report: IngestReport, progress):
    if not chunks:
        return
    embedder = get_embedder(settings.embedding_model)
    batch = settings.embed_batch_size
    for start in range(0, len(chunks), batch):
        progress("embedding", start, len(chunks))
        part = chunks[start : start + batch]
        began = time.perf_counter()
        vectors = embedder.embed_documents([chunk.text for chunk in part])
        report.embed_seconds += time.perf_counter() - began
        report.embedded += len(part)
        store.upsert(part, vectors, [hashes[chunk.id] for chunk in part])
        if start == 0 and settings.ingest_pause_after_first_batch_s:
            (settings.data_dir / "ingest-paused").write_text(str(os.getpid()))
            time.sleep(settings.ingest_pause_after_first_batch_s)
    progress("embedding", len(chunks), len(chunks))


def rebuild_keyword_index(store: Store, settings: Settings) -> KeywordIndex:
    """Rebuild BM25 from the chunks the store holds (so server mode indexes the server's chunks)."""
    rows = store.all_chunks()
    index = KeywordIndex.build([row[0] for row in rows], [row[1] for row in rows], store.generation)
    index.save(settings)
    return index


def _under(source: str | None, roots: list[str]) -> bool:
    return bool(source) and any(source == root or source.startswith(root.rstrip("/") + "/") for root in roots)


def _write_state(settings: Settings, report: IngestReport, corpus_fingerprint: str | None) -> None:
    state = asdict(report) | {
        "fingerprint": corpus_fingerprint,
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "embedding_model": settings.embedding_model,
    }
    tmp = settings.data_dir / f".{STATE_FILE}.tmp"
    tmp.write_text(json.dumps(state, indent=2))
    os.replace(tmp, settings.data_dir / STATE_FILE)
