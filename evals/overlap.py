"""Near copies between texts: the check that keeps evaluation questions out of the example bank and apart from each other.

Two texts are near copies when their embeddings' cosine similarity is at least 0.90, or their
rapidfuzz token-set ratio is at least 85. `python -m evals.overlap` lists every example-bank entry
that near-copies an evaluation question (the test suite fails on any).
"""

import sys
from dataclasses import dataclass

import numpy as np

COSINE_LIMIT = 0.90
TOKEN_SET_LIMIT = 85.0


@dataclass(frozen=True)
class NearCopy:
    left: str
    right: str
    cosine: float
    token_set: float


def near_copies(left: list[str], right: list[str], embed) -> list[NearCopy]:
    """Every pair (one text from each list) that is a near copy; `embed(texts)` gives unit vectors."""
    from rapidfuzz import fuzz, process

    if not left or not right:
        return []
    cosine = np.asarray(embed(left)) @ np.asarray(embed(right)).T
    ratios = process.cdist(left, right, scorer=fuzz.token_set_ratio, processor=str.lower)
    found = []
    for i, j in zip(*np.nonzero((cosine >= COSINE_LIMIT) | (ratios >= TOKEN_SET_LIMIT))):
        found.append(NearCopy(left[i], right[j], round(float(cosine[i, j]), 3), round(float(ratios[i, j]), 1)))
    return found


def evaluation_texts() -> list[str]:
    """Every question of every question set, and every draft of the draft sets."""
    from .drafts import DRAFTS_DIR, load_drafts
    from .golden import GOLDEN_PATH, load_golden

    texts = [row.question for path in sorted(GOLDEN_PATH.parent.glob("*.jsonl")) for row in load_golden(path)]
    texts += [draft.text for path in sorted(DRAFTS_DIR.glob("*.jsonl")) for draft in load_drafts(path)]
    return texts


def main() -> int:
    from ingest.embeddings import get_embedder
    from ingest.examples import bank_path, bank_texts
    from ingest.safe_yaml import read_yaml
    from ingest.settings import get_settings

    settings = get_settings()
    bank = bank_texts(read_yaml(bank_path(settings), settings) or {})
    embedder = get_embedder(settings.embedding_model)
    found = near_copies(bank, evaluation_texts(), embedder.embed_documents)
    for copy in found:
        print(f"cosine {copy.cosine:.3f} token-set {copy.token_set:.0f}: {copy.left!r} ~ {copy.right!r}")
    print(f"{len(found)} example-bank entries near-copy an evaluation question", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
