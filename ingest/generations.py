"""Index generations: every ingest that changes anything builds a whole new generation beside the current one.

A generation is
- a Chroma collection ``<collection>-gen-<id>`` holding the chunks and their vectors, whose metadata carries
  the generation's manifest once it is complete;
- a folder ``data/generations/<id>/`` holding its BM25 index (``bm25/``), the example bank it was built with
  and that bank's vectors (``examples.npz``) and the manifest again (``manifest.json``).

Readers use the generation named by the pointer: the metadata of the collection ``<collection>-pointer``, in
the same Chroma as the chunks, so with a Chroma server every instance sees the same pointer. The pointer
moves only after the new generation has been checked against its manifest (chunk ids and vectors, BM25 ids
and example vectors all agree); an ingest killed before that leaves the old generation in use, and the next
ingest (``--if-stale`` included) discards what it left. Old generations are removed after the switch; a
reader still holding one gets a Chroma NotFoundError on its next query and reloads the current one.
"""

import hashlib
import json
import shutil
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import IndexUnavailable
from .settings import Settings

POINTER = "-pointer"
INFIX = "-gen-"
CURRENT_KEY = "current"
MANIFEST_KEY = "manifest"
HEARTBEAT_KEY = "heartbeat"


def new_id() -> str:
    """A generation id that sorts by creation time."""
    return time.strftime("%Y%m%d%H%M%S") + uuid.uuid4().hex[:8]


def collection_name(settings: Settings, generation: str) -> str:
    return f"{settings.collection}{INFIX}{generation}"


def folder(settings: Settings, generation: str) -> Path:
    return settings.data_dir / "generations" / generation


def digest(values) -> str:
    """A digest of a list of strings, order-independent."""
    return hashlib.sha256("\n".join(sorted(values)).encode("utf-8")).hexdigest()[:32]


@dataclass
class Manifest:
    """What a complete generation holds: the checks readers and the switch make against it."""

    generation: str
    model: str
    chunks: int
    chunk_ids: str  # digest of the chunk ids (Chroma and BM25 hold the same ids)
    dimension: int
    examples: int
    example_texts: str  # digest of the example texts whose vectors examples.npz holds
    bank: str  # digest of the example bank file the generation was built with ("" when there is none)

    def dump(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def parse(cls, text: str | None) -> "Manifest | None":
        try:
            return cls(**json.loads(text)) if text else None
        except (TypeError, ValueError):
            return None


def open_client_or_none(settings: Settings):
    from .store import open_client

    try:
        return open_client(settings)
    except IndexUnavailable:
        return None


def pointer_collection(client, settings: Settings, create: bool = False):
    name = settings.collection + POINTER
    if create:
        return client.get_or_create_collection(name, embedding_function=None, metadata={CURRENT_KEY: ""})
    return client.get_collection(name, embedding_function=None)


def current(settings: Settings, client=None) -> str | None:
    """The generation readers use, or None when no generation has ever been completed."""
    client = client or open_client_or_none(settings)
    if client is None:
        return None
    try:
        return (pointer_collection(client, settings).metadata or {}).get(CURRENT_KEY) or None
    except Exception:  # no pointer collection yet
        return None


def switch(client, settings: Settings, generation: str) -> None:
    """Point every reader at `generation`: one metadata write, atomic in Chroma."""
    pointer = pointer_collection(client, settings, create=True)
    pointer.modify(metadata={CURRENT_KEY: generation, "switched_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")})


def stored(client, settings: Settings) -> dict[str, object]:
    """generation id → its collection, for every generation collection in the store."""
    prefix = settings.collection + INFIX
    found = {}
    for collection in client.list_collections():
        name = collection if isinstance(collection, str) else collection.name
        if name.startswith(prefix):
            found[name[len(prefix):]] = collection
    return found


def local_folders(settings: Settings) -> list[str]:
    root = settings.data_dir / "generations"
    return sorted(path.name for path in root.iterdir() if path.is_dir()) if root.is_dir() else []


def leftovers(settings: Settings, client=None) -> list[str]:
    """Generations that are not the current one: an unfinished build, or old ones not yet removed."""
    client = client or open_client_or_none(settings)
    now = current(settings, client) if client is not None else None
    names = set(local_folders(settings))
    if client is not None:
        names |= set(stored(client, settings))
    return sorted(name for name in names if name != now)


def heartbeat_age(client, settings: Settings, generation: str) -> float | None:
    """Seconds since a generation being built last reported progress (None when it has no heartbeat)."""
    try:
        meta = client.get_collection(collection_name(settings, generation), embedding_function=None).metadata or {}
    except Exception:
        return None
    if meta.get(MANIFEST_KEY) or HEARTBEAT_KEY not in meta:
        return None
    return time.time() - float(meta[HEARTBEAT_KEY])


def discard(client, settings: Settings, generations: list[str]) -> None:
    """Remove these generations: their collections, their folders, and the vector folders Chroma leaves behind."""
    for generation in generations:
        try:
            client.delete_collection(collection_name(settings, generation))
        except Exception:
            pass  # never created, or already gone
        shutil.rmtree(folder(settings, generation), ignore_errors=True)
    remove_orphan_segments(settings)


def remove_orphan_segments(settings: Settings) -> None:
    """A deleted local collection leaves its HNSW folder behind in chroma/: remove the ones no segment owns."""
    if settings.chroma_url or not (settings.chroma_path / "chroma.sqlite3").exists():
        return
    import sqlite3

    try:
        with sqlite3.connect(f"file:{settings.chroma_path / 'chroma.sqlite3'}?mode=ro", uri=True, timeout=30) as db:
            live = {row[0] for row in db.execute("SELECT id FROM segments")}
    except sqlite3.Error:
        return
    for path in settings.chroma_path.iterdir():
        if path.is_dir() and _is_uuid(path.name) and path.name not in live:
            shutil.rmtree(path, ignore_errors=True)


def _is_uuid(name: str) -> bool:
    try:
        uuid.UUID(name)
    except ValueError:
        return False
    return True
