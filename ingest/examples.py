"""Embed the example bank (`corpus/examples.yaml`) at ingest, so answering never has to.

Each index generation keeps the bank it was built with and the bank's vectors in its folder
(data/generations/ID/examples.npz): readers use that bank, not the file as it is now, so a bank
edited during an ingest changes answers only when the new generation is switched in. An unchanged
bank's vectors are copied from the current generation, never embedded twice. What the examples mean
is the assistant's business (`assistant/examples.py`); this module only reads their texts.
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
    for section in ("topics", "risks", "more_green_wordings"):
        for examples in (data.get(section) or {}).values():
            texts.extend(str(text).strip() for text in examples or [])
    for section in ("not_in_table", "not_in_the_documents"):
        texts.extend(str(text).strip() for text in data.get(section) or [])
    return list(dict.fromkeys(texts))


def bank_digest(content: bytes, model: str) -> str:
    return hashlib.sha256(model.encode() + b"\0" + content).hexdigest()[:16]


def cached_vectors(settings: Settings, content: bytes, texts: list[str]) -> dict[str, np.ndarray]:
    """text → vector for `texts`, embedded now in one batch (for a reader without its generation's bank file)."""
    vectors = get_embedder(settings.embedding_model).embed_documents(texts) if texts else []
    return {text: np.asarray(vector, dtype=np.float32) for text, vector in zip(texts, vectors)}


def read_bank(settings: Settings) -> tuple[bytes | None, list[str]]:
    """The bank file's bytes (None when there is none) and its texts.

    YAML that cannot be read raises BadYaml naming the file; whether the examples make sense is the assistant's check."""
    path = bank_path(settings)
    if not path.exists():
        return None, []
    content = path.read_bytes()
    data = load_yaml(content, settings.relative(path), settings) or {}
    return content, bank_texts(data) if isinstance(data, dict) else []


def generation_bank(settings: Settings, generation: str) -> tuple[bytes | None, dict[str, np.ndarray]] | None:
    """The bank a generation was built with (None: it had none) and text → vector; None when the file is missing."""
    from .generations import folder

    try:
        with np.load(folder(settings, generation) / "examples.npz", allow_pickle=False) as saved:
            content = saved["content"].tobytes() if int(saved["present"]) else None
            return content, dict(zip(saved["texts"].tolist(), saved["vectors"]))
    except (OSError, ValueError, KeyError):
        return None


def save_generation_bank(settings: Settings, generation: str, content: bytes | None, texts: list[str],
                         reuse: dict[str, np.ndarray] | None = None) -> tuple[list[str], int]:
    """Write the generation's bank and its vectors (embedding those `reuse` lacks); (texts, vector length)."""
    from .generations import folder

    known = dict(reuse or {})
    missing = [text for text in texts if text not in known]
    if missing:
        known.update(cached_vectors(settings, content or b"", missing))
    vectors = (np.array([known[text] for text in texts], dtype=np.float32).reshape(len(texts), -1) if texts
               else np.zeros((0, 0), dtype=np.float32))
    target = folder(settings, generation)
    target.mkdir(parents=True, exist_ok=True)
    temporary = target / ".examples.tmp.npz"
    np.savez(temporary, texts=np.array(texts, dtype=str), vectors=vectors, present=np.array(int(content is not None)),
             content=np.frombuffer(content or b"", dtype=np.uint8))
    temporary.replace(target / "examples.npz")
    return texts, vectors.shape[1] if len(texts) else 0
