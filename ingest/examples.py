"""Embed the example bank (`corpus/examples.yaml`) at ingest, so answering never has to.

The vectors are cached under data/examples/ by a hash of the bank's content and the model name:
an unchanged bank is never embedded twice, and a changed one replaces the old cache atomically.
What the examples mean is the assistant's business (`assistant/examples.py`); this module only
reads their texts.
"""

import hashlib
from pathlib import Path

import numpy as np

from .embeddings import get_embedder
from .safe_yaml import load_yaml
from .settings import Settings

BANK_FILE = "examples.yaml"


def bank_path(settings: Settings) -> Path:
    return settings.corpus_dir / BANK_FILE


def bank_texts(data: dict) -> list[str]:
    """Every example text in a parsed bank, each once, in file order."""
    texts = []
    for section in ("topics", "risks"):
        for examples in (data.get(section) or {}).values():
            texts.extend(str(text).strip() for text in examples or [])
    texts.extend(str(text).strip() for text in data.get("not_in_table") or [])
    return list(dict.fromkeys(texts))


def bank_digest(content: bytes, model: str) -> str:
    return hashlib.sha256(model.encode() + b"\0" + content).hexdigest()[:16]


def cached_vectors(settings: Settings, content: bytes, texts: list[str]) -> dict[str, np.ndarray]:
    """text → vector for `texts`, from the cache for this content and model, embedding (one batch) what is missing."""
    folder = settings.data_dir / "examples"
    path = folder / f"{bank_digest(content, settings.embedding_model)}.npz"
    if path.exists():
        with np.load(path, allow_pickle=False) as cached:
            known = dict(zip(cached["texts"].tolist(), cached["vectors"]))
        if all(text in known for text in texts):
            return known
    vectors = get_embedder(settings.embedding_model).embed_documents(texts) if texts else []
    known = {text: np.asarray(vector, dtype=np.float32) for text, vector in zip(texts, vectors)}
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{path.stem}.tmp.npz"
    np.savez(temporary, texts=np.array(texts, dtype=str), vectors=np.array(list(known.values()), dtype=np.float32).reshape(len(texts), -1))
    temporary.replace(path)
    for stale in folder.glob("*.npz"):
        if stale != path:
            stale.unlink(missing_ok=True)
    return known


def embed_bank(settings: Settings) -> int:
    """Embed the bank if its cache is missing or stale; the number of examples.

    YAML that cannot be read raises BadYaml naming the file; whether the examples make sense is the assistant's check."""
    path = bank_path(settings)
    if not path.exists():
        return 0
    content = path.read_bytes()
    data = load_yaml(content, settings.relative(path), settings) or {}
    texts = bank_texts(data) if isinstance(data, dict) else []
    cached_vectors(settings, content, texts)
    return len(texts)
