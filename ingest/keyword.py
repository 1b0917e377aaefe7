"""The BM25 keyword index of an index generation, built from the generation's chunks and kept in its folder."""

import json
import os
import re
import shutil
from functools import lru_cache

from .settings import Settings

_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
STOPWORDS = frozenset(
    "a an and are as at be been being but by can could did do does for from had has have he her his i if in into "
    "is it its me my of on or our she so that the their them then there these they this those to was we were what "
    "when where which who will with would you your".split()
)


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The Snowball English stem of a lower-case word."""
    return _stemmer().stemWord(word)


def tokenize(text: str) -> list[str]:
    """Stemmed lower-case words without stopwords; hyphenated words count whole and in parts."""
    words = []
    for word in _WORD.findall(text.lower().replace("’", "'")):
        word = word.removesuffix("'s")
        if word in STOPWORDS:
            continue
        words.append(word)
        if "-" in word or "'" in word:
            words.extend(part for part in re.split(r"['-]", word) if part and part not in STOPWORDS)
    return [stem(word) for word in words]


class KeywordIndex:
    """A BM25 index over chunk texts, tagged with the store generation it was built from.

    Usage::

        index = KeywordIndex.build(ids, texts, generation)
        index.save(settings)
        KeywordIndex.load(settings).search("burglary arrest", k=10)
    """

    def __init__(self, retriever, ids: list[str], generation: str):
        self.retriever = retriever
        self.ids = ids
        self.generation = generation
        self.vocab = retriever.vocab_dict if retriever is not None else {}

    @classmethod
    def build(cls, ids: list[str], texts: list[str], generation: str) -> "KeywordIndex":
        import bm25s

        if not ids:
            return cls(None, [], generation)
        retriever = bm25s.BM25()
        retriever.index([tokenize(text) or ["empty"] for text in texts], show_progress=False)
        return cls(retriever, list(ids), generation)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """(id, BM25 score) of the best k chunks with a score above zero, best first."""
        if self.retriever is None:
            return []
        tokens = [token for token in tokenize(query) if token in self.vocab]
        if not tokens:
            return []
        k = min(k, len(self.ids))
        documents, scores = self.retriever.retrieve([tokens], k=k, show_progress=False, n_threads=1)
        return [(self.ids[int(doc)], float(score)) for doc, score in zip(documents[0], scores[0]) if score > 0]

    def rare_terms(self, query: str, max_documents: int = 2) -> set[str]:
        """The query's terms that only a handful of chunks use: a match on one is real evidence."""
        if self.retriever is None:
            return set()
        indptr = self.retriever.scores["indptr"]
        rare = set()
        for token in tokenize(query):
            index = self.vocab.get(token)
            if index is not None and 0 < indptr[index + 1] - indptr[index] <= max_documents:
                rare.add(token)
        return rare

    def save(self, settings: Settings) -> None:
        """Write into its generation's folder (data/generations/ID/bm25), complete or not at all (an atomic rename)."""
        from .generations import folder as generation_folder

        target = generation_folder(settings, self.generation) / "bm25"
        tmp = target.with_name(".bm25.tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self.retriever is not None:
            self.retriever.save(str(tmp), show_progress=False)
        (tmp / "ids.json").write_text(json.dumps(self.ids))
        shutil.rmtree(target, ignore_errors=True)
        os.replace(tmp, target)

    @classmethod
    def load(cls, settings: Settings, generation: str | None = None) -> "KeywordIndex | None":
        """The saved index of `generation` (default: the current one), or None when there is none (or it cannot be read)."""
        import bm25s

        from . import generations

        generation = generation or generations.current(settings)
        if not generation:
            return None
        folder = generations.folder(settings, generation) / "bm25"
        try:
            ids = json.loads((folder / "ids.json").read_text())
            retriever = bm25s.BM25.load(str(folder), show_progress=False) if ids else None
        except (OSError, ValueError, KeyError):
            return None
        return cls(retriever, ids, generation)
