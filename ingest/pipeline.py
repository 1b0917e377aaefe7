"""Ingest: read the corpus and build a new index generation beside the current one, then switch readers to it.

Unchanged vectors are copied forward from the current generation by content hash (a chunk whose text is
unchanged keeps its vector even when its metadata changed); only new or changed text is embedded. Nothing
changed: no new generation, and the model is never loaded. See `ingest/generations.py` for the layout.
"""

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout

from .chunking import chunk_document
from .documents import Chunk
from .embeddings import get_embedder
from . import database, generations
from .errors import DocumentError, IngestLocked, PresslineError
from .examples import generation_bank, read_bank, save_generation_bank
from .keyword import KeywordIndex
from .loaders import load_document
from .safe_yaml import BadYaml
from .units import generation_units, passage_units, save_generation_units, unit_keys
from .settings import Settings
from .store import Store, open_client

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
    """Chunks embedded (the rest were copied forward)."""
    sentences_embedded: int = 0
    """Texts that find the answerable units (sentences and lists) embedded; the rest were copied forward."""
    embed_seconds: float = 0.0
    seconds: float = 0.0
    generation: str = ""
    discarded: list[str] = field(default_factory=list)
    """Unfinished or old generations this run removed (a killed ingest leaves one)."""

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
    """'missing' (no complete generation), 'stale' (the corpus changed since the last complete ingest), 'fresh',
    or 'unreachable' (the Chroma server cannot be reached: nothing is known, and building would fail too).

    An unfinished generation left by a killed ingest does not make the index stale (readers never see it);
    `dead_leftovers` finds it, and `--if-stale` and every ingest discard it."""
    if not settings.chroma_url and not (settings.chroma_path / "chroma.sqlite3").exists():
        return "missing"
    client = generations.open_client_or_none(settings)
    if client is None and settings.chroma_url:
        return "unreachable"
    if not generations.current(settings, client):
        return "missing"
    return "fresh" if read_state(settings).get("fingerprint") == fingerprint(settings) else "stale"


def dead_leftovers(settings: Settings) -> list[str]:
    """Generations a killed or failed ingest left behind, that no running ingest is building."""
    if not settings.data_dir.exists():
        return []
    lock = FileLock(str(settings.data_dir / "ingest.lock"), timeout=0)
    try:
        with lock:
            client = generations.open_client_or_none(settings)
            found = generations.leftovers(settings, client)
            if client is None or not settings.chroma_url:
                return found
            return [name for name in found if (age := generations.heartbeat_age(client, settings, name)) is None
                    or age > settings.generation_lease_s]
    except Timeout:
        return []  # an ingest is running here; what it builds is not a leftover


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
        # The file lock keeps one ingest at a time on this machine; the database's lock, across every instance
        # sharing a PostgreSQL database (and so, in a force's deployment, the Chroma server).
        with lock, database.ingest_lock(settings, settings.ingest_lock_timeout_s):
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
    client = open_client(settings, create=True)
    report.discarded = _discard_leftovers(client, settings)
    now = generations.current(settings, client)
    try:
        source = Store.open(settings, generation=now) if now else Store.legacy(settings)
    except PresslineError:
        source, now = Store.legacy(settings), None  # the pointer names a generation that is gone
    previous = source.hashes() if source is not None else {}
    stored = {} if rebuild else previous

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
    carried = [chunk_id for chunk_id in stored if chunk_id not in wanted and chunk_id not in set(stale)]

    # The example bank: the file's on a whole-corpus ingest; otherwise (or when the file is broken) the current one's.
    current_bank = generation_bank(settings, now) if now else None
    bank = None
    if whole_corpus or current_bank is None:
        try:
            bank = read_bank(settings)
        except BadYaml as exc:
            if whole_corpus:
                report.errors.append((exc.path, exc.problem))
    if bank is None:
        bank = (current_bank[0], list(current_bank[1])) if current_bank is not None else (None, [])
    bank_content, bank_texts = bank

    manifest = source.manifest if now and source is not None else None
    bank_digest = _bank_digest(bank_content, settings)
    if (not rebuild and now and manifest is not None and not to_write and not stale
            and manifest.bank == bank_digest and manifest.chunks == len(previous)):
        _ensure_local(settings, source, manifest)
        report.generation = now
        report.chunks = source.count()
    else:
        report.generation = _build(settings, client, source, previous, chunks, to_write, carried, hashes,
                                   bank_content, bank_texts, current_bank, generation_units(settings, now) if now else None,
                                   rebuild, report, progress)
        report.chunks = len(wanted) + len(carried)
    report.seconds = time.perf_counter() - started
    if whole_corpus:
        _write_state(settings, report, fingerprint_before)
    return report


def _build(settings, client, source: Store | None, previous: dict, chunks: list[Chunk], to_write: list[Chunk],
           carried: list[str], hashes: dict, bank_content, bank_texts, current_bank, current_units, rebuild: bool,
           report: IngestReport, progress: ProgressCallback) -> str:
    """Build a whole new generation, check it against its manifest, then point readers at it and remove the old."""
    generation = generations.new_id()
    generations.folder(settings, generation).mkdir(parents=True)  # marks the build before anything is written
    target = Store.create_generation(settings, generation)

    # Copy forward: unchanged chunks and those outside this ingest's paths keep their stored vectors and metadata.
    writing = {chunk.id for chunk in to_write}
    unchanged = [chunk.id for chunk in chunks if chunk.id not in writing]
    if source is not None and (unchanged or carried):
        progress("copying", 0, len(unchanged) + len(carried))
        source.copy_to(target, unchanged + carried)
        progress("copying", len(unchanged) + len(carried), len(unchanged) + len(carried))

    # A changed chunk whose text is unchanged (only its metadata moved) keeps its vector too, unless rebuilding.
    vector_hashes = {chunk.id: vector_hash(chunk.text, settings.embedding_model) for chunk in to_write}
    reusable = {} if rebuild else {row["vector_hash"]: chunk_id for chunk_id, row in previous.items() if row.get("vector_hash")}
    reuse = [chunk for chunk in to_write if vector_hashes[chunk.id] in reusable]
    if reuse and source is not None:
        vectors = source.vectors([reusable[vector_hashes[chunk.id]] for chunk in reuse])
        reuse = [chunk for chunk in reuse if reusable[vector_hashes[chunk.id]] in vectors]
        if reuse:
            target.upsert(reuse, [vectors[reusable[vector_hashes[chunk.id]]] for chunk in reuse],
                          [hashes[chunk.id] for chunk in reuse], [vector_hashes[chunk.id] for chunk in reuse])
    reused = {chunk.id for chunk in reuse}
    _write(target, [chunk for chunk in to_write if chunk.id not in reused], hashes, vector_hashes, settings, report, progress)

    progress("example bank", 0, 1)
    known = {} if rebuild else (current_bank[1] if current_bank else {})
    texts, example_dimension = save_generation_bank(settings, generation, bank_content, bank_texts, known)
    progress("example bank", 1, 1)
    target.heartbeat()

    progress("keyword index", 0, 1)
    keyword = rebuild_keyword_index(target, settings)
    progress("keyword index", 1, 1)

    progress("passage sentences", 0, 1)
    began = time.perf_counter()
    keys = unit_keys(passage_units(target.all_chunks()))
    embedded = save_generation_units(settings, generation, keys, None if rebuild else current_units)
    report.sentences_embedded += embedded
    report.embed_seconds += time.perf_counter() - began if embedded else 0.0
    progress("passage sentences", 1, 1)

    progress("verifying", 0, 1)
    ids, dimensions, _ = target.ids_and_dimensions()
    manifest = generations.Manifest(
        generation=generation, model=settings.embedding_model, chunks=len(keyword.ids), chunk_ids=generations.digest(keyword.ids),
        dimension=next(iter(dimensions), example_dimension), examples=len(texts), example_texts=generations.digest(texts),
        bank=_bank_digest(bank_content, settings),
    )
    (generations.folder(settings, generation) / "manifest.json").write_text(manifest.dump())
    problems = verify(settings, target, manifest)
    if problems:
        raise PresslineError(f"the new index generation {generation} does not match its manifest ({'; '.join(problems)}); "
                             "the current one stays in use, and the next ingest discards this one")
    progress("verifying", 1, 1)
    _pause(settings, "before-switch")

    target.set_metadata(**{generations.MANIFEST_KEY: manifest.dump()})
    generations.switch(client, settings, generation)
    old = [name for name in generations.stored(client, settings) if name != generation]
    old += [name for name in generations.local_folders(settings) if name != generation and name not in old]
    generations.discard(client, settings, old)
    _remove_legacy(client, settings)
    return generation


def verify(settings: Settings, store: Store, manifest: "generations.Manifest") -> list[str]:
    """What in a generation disagrees with its manifest: chunk ids and vectors, the BM25 index, the example vectors,
    and the passage sentences' vectors."""
    problems = []
    ids, dimensions, missing = store.ids_and_dimensions()
    if len(ids) != manifest.chunks or generations.digest(ids) != manifest.chunk_ids:
        problems.append(f"Chroma holds {len(ids)} chunks, the manifest {manifest.chunks} (or other ids)")
    if missing or (dimensions and dimensions != {manifest.dimension}):
        problems.append(f"{missing} chunks have no vector, or vectors are not all {manifest.dimension} long")
    keyword = KeywordIndex.load(settings, manifest.generation)
    if keyword is None or len(keyword.ids) != manifest.chunks or generations.digest(keyword.ids) != manifest.chunk_ids:
        problems.append("the BM25 index does not hold the manifest's chunks")
    bank = generation_bank(settings, manifest.generation)
    if bank is None:
        problems.append("the example vectors are missing")
    else:
        texts, vectors = list(bank[1]), list(bank[1].values())
        if len(texts) != manifest.examples or generations.digest(texts) != manifest.example_texts:
            problems.append(f"the example bank holds {len(texts)} vectors, the manifest {manifest.examples}")
        elif any(len(vector) != manifest.dimension for vector in vectors):
            problems.append(f"example vectors are not all {manifest.dimension} long")
    sentence_vectors = generation_units(settings, manifest.generation)
    if sentence_vectors is None or any(key not in sentence_vectors for key in unit_keys(passage_units(store.all_chunks()))):
        problems.append("the passage-sentence vectors are missing or incomplete")
    return problems


def vector_hash(text: str, model: str) -> str:
    """What a chunk's vector depends on: its text and the model."""
    return hashlib.sha256(f"{model}\0{text}".encode("utf-8")).hexdigest()


def _bank_digest(content: bytes | None, settings: Settings) -> str:
    return "" if content is None else hashlib.sha256(settings.embedding_model.encode() + b"\0" + content).hexdigest()[:32]


def _discard_leftovers(client, settings: Settings) -> list[str]:
    """Remove what killed or failed ingests left; with a server, a build another instance is still running stops us."""
    found = generations.leftovers(settings, client)
    if settings.chroma_url:
        for name in found:
            age = generations.heartbeat_age(client, settings, name)
            if age is not None and age <= settings.generation_lease_s:
                raise IngestLocked(f"another instance is building index generation {name} (it reported {age:.0f} s ago); "
                                   "wait for it to finish")
    if found:
        generations.discard(client, settings, found)
    return found


def _ensure_local(settings: Settings, store: Store, manifest: "generations.Manifest") -> None:
    """The current generation's BM25 index, example and passage-sentence vectors in this instance's data folder (a server's generation
    may have been built by another instance)."""
    keyword = KeywordIndex.load(settings, manifest.generation)
    if keyword is None or generations.digest(keyword.ids) != manifest.chunk_ids:
        rebuild_keyword_index(store, settings)
    if generation_bank(settings, manifest.generation) is None:
        try:
            content, texts = read_bank(settings)
        except BadYaml:
            content, texts = None, []
        save_generation_bank(settings, manifest.generation, content, texts)
    if generation_units(settings, manifest.generation) is None:
        save_generation_units(settings, manifest.generation, unit_keys(passage_units(store.all_chunks())))


def _remove_legacy(client, settings: Settings) -> None:
    """The single collection, BM25 folders and example cache of an index built before generations."""
    import shutil

    try:
        client.delete_collection(settings.collection)
    except Exception:
        pass
    (settings.data_dir / "bm25.json").unlink(missing_ok=True)
    for old in settings.data_dir.glob("bm25-*"):
        shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(settings.data_dir / "examples", ignore_errors=True)
    generations.remove_orphan_segments(settings)


def _pause(settings: Settings, point: str) -> None:
    """Test hook (PRESSLINE_INGEST_PAUSE_AT): say where the ingest is, then wait to be killed."""
    if point in {name.strip() for name in settings.ingest_pause_at.split(",")}:
        (settings.data_dir / "ingest-paused").write_text(f"{point} {os.getpid()}")
        time.sleep(settings.ingest_pause_s)


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


def _write(store: Store, chunks: list[Chunk], hashes: dict, vector_hashes: dict, settings: Settings,
           report: IngestReport, progress):
    if not chunks:
        return
    embedder = get_embedder(settings.embedding_model)
    batch = settings.embed_batch_size
    half = False
    for start in range(0, len(chunks), batch):
        progress("embedding", start, len(chunks))
        part = chunks[start : start + batch]
        began = time.perf_counter()
        vectors = embedder.embed_documents([chunk.text for chunk in part])
        report.embed_seconds += time.perf_counter() - began
        report.embedded += len(part)
        store.upsert(part, vectors, [hashes[chunk.id] for chunk in part], [vector_hashes[chunk.id] for chunk in part])
        store.heartbeat()
        if start == 0 and settings.ingest_pause_after_first_batch_s:
            (settings.data_dir / "ingest-paused").write_text(str(os.getpid()))
            time.sleep(settings.ingest_pause_after_first_batch_s)
        if start == 0:
            _pause(settings, "first-batch")
        if not half and start + len(part) >= len(chunks) / 2 and start + len(part) < len(chunks):
            half = True
            _pause(settings, "mid-embedding")
    progress("embedding", len(chunks), len(chunks))


def rebuild_keyword_index(store: Store, settings: Settings) -> KeywordIndex:
    """Build BM25 from a generation's chunks and save it in the generation's folder (best effort for a reader)."""
    rows = store.all_chunks()
    index = KeywordIndex.build([row[0] for row in rows], [row[1] for row in rows], store.generation)
    try:
        index.save(settings)
    except OSError:
        if store.manifest is None:  # the ingest building it must save it; a reader can do without
            raise
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
