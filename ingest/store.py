"""The Chroma collection that holds the chunks: a local PersistentClient, or a Chroma server."""

import json
from urllib.parse import urlparse

from . import offline  # noqa: F401
from .documents import Chunk
from .errors import IndexUnavailable
from .settings import Settings

GENERATION_KEY = "generation"


def open_client(settings: Settings, create: bool = False):
    """A Chroma client: the server at PRESSLINE_CHROMA_URL if set, else the store under data/."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        try:
            return chromadb.HttpClient(
                host=url.hostname or "127.0.0.1", port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https", settings=chroma_settings,
            )
        except Exception as exc:
            raise IndexUnavailable(f"cannot reach the Chroma server at {settings.chroma_url}: {exc}") from None
    if not create and not (settings.chroma_path / "chroma.sqlite3").exists():
        raise IndexUnavailable(f"no index at {settings.chroma_path}: run `python -m ingest` to build it")
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


class Store:
    """The chunk collection. Always given our own vectors: Chroma never embeds anything itself.

    Usage::

        store = Store.open(get_settings())
        hits = store.dense(query_vector, k=10)
    """

    def __init__(self, collection):
        self.collection = collection
        self._count: int | None = None

    @classmethod
    def open(cls, settings: Settings, create: bool = False) -> "Store":
        client = open_client(settings, create=create)
        if create:
            collection = client.get_or_create_collection(
                settings.collection, embedding_function=None,
                configuration={"hnsw": {"space": "cosine"}}, metadata={GENERATION_KEY: "empty"},
            )
        else:
            try:
                collection = client.get_collection(settings.collection, embedding_function=None)
            except Exception:
                raise IndexUnavailable(f"the index has no collection {settings.collection!r}: run `python -m ingest`") from None
        return cls(collection)

    @staticmethod
    def drop(settings: Settings) -> None:
        client = open_client(settings, create=True)
        try:
            client.delete_collection(settings.collection)
        except Exception:
            pass  # nothing to drop

    @property
    def generation(self) -> str:
        return (self.collection.metadata or {}).get(GENERATION_KEY, "empty")

    def set_generation(self, generation: str) -> None:
        metadata = dict(self.collection.metadata or {})
        metadata.pop("hnsw:space", None)
        metadata[GENERATION_KEY] = generation
        self.collection.modify(metadata=metadata)

    def count(self) -> int:
        """The number of chunks; cached, because Chroma counts by scanning (milliseconds a query)."""
        if self._count is None:
            self._count = self.collection.count()
        return self._count

    def hashes(self) -> dict[str, dict]:
        """id → {hash, doc_id, source} for every stored chunk."""
        found = self.collection.get(include=["metadatas"])
        return {
            chunk_id: {"hash": meta.get("content_hash"), "doc_id": meta.get("doc_id"), "source": meta.get("source")}
            for chunk_id, meta in zip(found["ids"], found["metadatas"])
        }

    def upsert(self, chunks: list[Chunk], vectors: list[list[float]], hashes: list[str]) -> None:
        self._count = None
        self.collection.upsert(
            ids=[chunk.id for chunk in chunks],
            embeddings=vectors,
            documents=[chunk.text for chunk in chunks],
            metadatas=[chunk.metadata | {"content_hash": digest} for chunk, digest in zip(chunks, hashes)],
        )

    def delete(self, ids: list[str]) -> None:
        self._count = None
        for start in range(0, len(ids), 500):
            self.collection.delete(ids=ids[start : start + 500])

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
