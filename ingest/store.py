"""The Chroma collection that holds the chunks: a local PersistentClient, or a Chroma server."""

import json
import threading
import time
from urllib.parse import urlparse

from . import offline  # noqa: F401
from .documents import Chunk
from .errors import IndexUnavailable
from .settings import Settings

GENERATION_KEY = "generation"
_OPENING = threading.Lock()
"""Chroma keeps one shared system per path and creates it unguarded: two threads opening the same store at once (the
server's warm-up and a first question) could leave one with a half-made system ("Could not connect to tenant", a
KeyError). Clients are opened one at a time."""


def open_client(settings: Settings, create: bool = False):
    """A Chroma client: the server at PRESSLINE_CHROMA_URL if set, else the store under data/."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        try:
            with _OPENING:
                return chromadb.HttpClient(
                    host=url.hostname or "127.0.0.1", port=url.port or (443 if url.scheme == "https" else 8000),
                    ssl=url.scheme == "https", settings=chroma_settings,
                )
        except Exception as exc:
            raise IndexUnavailable(f"cannot reach the Chroma server at {settings.chroma_url}: {exc}") from None
    if not create and not (settings.chroma_path / "chroma.sqlite3").exists():
        raise IndexUnavailable(f"no index at {settings.chroma_path}: run `python -m ingest` to build it")
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    with _OPENING:
        return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


class Store:
    """The chunk collection of one index generation. Always given our own vectors: Chroma never embeds anything itself.

    Usage::

        store = Store.open(get_settings())          # the current generation
        hits = store.dense(query_vector, k=10)
    """

    def __init__(self, collection):
        self.collection = collection
        self._count: int | None = None

    @classmethod
    def open(cls, settings: Settings, create: bool = False, generation: str | None = None) -> "Store":
        """The current generation's collection (or `generation`'s).

        `create=True` is the plain collection named settings.collection, created if missing: a stand-in for
        benchmarks, and the collection an index built before generations kept its chunks in."""
        from . import generations

        client = open_client(settings, create=create)
        if create:
            collection = client.get_or_create_collection(
                settings.collection, embedding_function=None,
                configuration={"hnsw": {"space": "cosine"}}, metadata={GENERATION_KEY: "empty"},
            )
            return cls(collection)
        generation = generation or generations.current(settings, client)
        if not generation:
            raise IndexUnavailable(f"the index at {settings.chroma_url or settings.chroma_path} has no complete "
                                   "generation: run `python -m ingest`")
        try:
            collection = client.get_collection(generations.collection_name(settings, generation), embedding_function=None)
        except Exception:
            raise IndexUnavailable(f"the index has no generation {generation!r}: run `python -m ingest`") from None
        return cls(collection)

    @classmethod
    def create_generation(cls, settings: Settings, generation: str) -> "Store":
        """A new, empty collection for `generation`, beside the current one."""
        from . import generations

        client = open_client(settings, create=True)
        collection = client.create_collection(
            generations.collection_name(settings, generation), embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
            metadata={GENERATION_KEY: generation, generations.HEARTBEAT_KEY: time.time()},
        )
        return cls(collection)

    @classmethod
    def legacy(cls, settings: Settings) -> "Store | None":
        """The single collection of an index built before generations, if there is one."""
        try:
            return cls(open_client(settings).get_collection(settings.collection, embedding_function=None))
        except Exception:
            return None

    @property
    def generation(self) -> str:
        return (self.collection.metadata or {}).get(GENERATION_KEY, "empty")

    @property
    def manifest(self):
        from .generations import MANIFEST_KEY, Manifest

        return Manifest.parse((self.collection.metadata or {}).get(MANIFEST_KEY))

    def set_metadata(self, **values) -> None:
        metadata = dict(self.collection.metadata or {})
        metadata.pop("hnsw:space", None)
        metadata.update(values)
        self.collection.modify(metadata=metadata)

    def heartbeat(self) -> None:
        """Tell other instances (with a Chroma server) that this generation is still being built."""
        from .generations import HEARTBEAT_KEY

        self.set_metadata(**{HEARTBEAT_KEY: time.time()})

    def count(self) -> int:
        """The number of chunks; cached, because Chroma counts by scanning (milliseconds a query)."""
        if self._count is None:
            self._count = self.collection.count()
        return self._count

    def hashes(self) -> dict[str, dict]:
        """id → {hash, vector_hash, doc_id, source} for every stored chunk."""
        found = self.collection.get(include=["metadatas"])
        return {
            chunk_id: {"hash": meta.get("content_hash"), "vector_hash": meta.get("vector_hash"),
                       "doc_id": meta.get("doc_id"), "source": meta.get("source")}
            for chunk_id, meta in zip(found["ids"], found["metadatas"])
        }

    def upsert(self, chunks: list[Chunk], vectors, hashes: list[str], vector_hashes: list[str]) -> None:
        self._count = None
        self.collection.upsert(
            ids=[chunk.id for chunk in chunks],
            embeddings=vectors,
            documents=[chunk.text for chunk in chunks],
            metadatas=[chunk.metadata | {"content_hash": digest, "vector_hash": vector_digest}
                       for chunk, digest, vector_digest in zip(chunks, hashes, vector_hashes)],
        )

    def vectors(self, ids: list[str]) -> dict[str, list[float]]:
        """id → stored vector, for those of `ids` this collection holds."""
        found: dict[str, list[float]] = {}
        for start in range(0, len(ids), 500):
            part = self.collection.get(ids=ids[start : start + 500], include=["embeddings"])
            found.update(zip(part["ids"], [list(map(float, vector)) for vector in part["embeddings"]]))
        return found

    def copy_to(self, target: "Store", ids: list[str]) -> None:
        """Copy these chunks, vectors and all, into another generation's collection."""
        target._count = None
        for start in range(0, len(ids), 500):
            part = self.collection.get(ids=ids[start : start + 500], include=["embeddings", "documents", "metadatas"])
            if part["ids"]:
                target.collection.upsert(ids=part["ids"], embeddings=part["embeddings"],
                                         documents=part["documents"], metadatas=part["metadatas"])

    def delete(self, ids: list[str]) -> None:
        self._count = None
        for start in range(0, len(ids), 500):
            self.collection.delete(ids=ids[start : start + 500])

    def ids_and_dimensions(self) -> tuple[list[str], set[int], int]:
        """Every chunk id, the vector lengths found, and how many chunks have no vector."""
        ids, dimensions, missing = [], set(), 0
        total = self.collection.count()
        for offset in range(0, total, 5000):
            found = self.collection.get(include=["embeddings"], limit=5000, offset=offset)
            ids.extend(found["ids"])
            embeddings = found["embeddings"]
            for vector in (embeddings if embeddings is not None else [None] * len(found["ids"])):
                if vector is None or len(vector) == 0:
                    missing += 1
                else:
                    dimensions.add(len(vector))
        return ids, dimensions, missing

    def all_chunks(self) -> list[tuple[str, str, dict]]:
        """(id, text, metadata) of every chunk, in id order."""
        rows = []
        total = self.count()
        for offset in range(0, total, 5000):
            found = self.collection.get(include=["documents", "metadatas"], limit=5000, offset=offset)
            rows.extend(zip(found["ids"], found["documents"], found["metadatas"]))
        return sorted(rows)

    def dense(self, vector: list[float], k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """(id, cosine similarity) of the k nearest chunks, best first."""
        k = min(k, self.count())
        if k <= 0:
            return []
        found = self.collection.query(query_embeddings=[vector], n_results=k, where=where, include=["distances"])
        return [(chunk_id, 1.0 - distance) for chunk_id, distance in zip(found["ids"][0], found["distances"][0])]


def decode_list(value) -> list:
    """A list that `flat_metadata` stored as JSON text."""
    if not value:
        return []
    if isinstance(value, list):
        return value
    return json.loads(value)
