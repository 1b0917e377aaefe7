"""The extractive composer: the sentences and whole lists of the force's documents that answer a question.

Every unit (`ingest/units.py`) was embedded at ingest; at question time the question's vector is compared with
them all (one matrix product) and the question's words with theirs, and the best one to four units open the
answer, each verbatim and followed by its citation number. Nothing here writes a sentence of its own: the words
around the units come from `prompts/`.

Usage::

    index = UnitIndex.build(units, vectors)
    chosen = index.best(question_vector, "who trains officers on social media?", allowed=lambda unit: True)
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from ingest.keyword import tokenize
from ingest.units import Unit

__all__ = ["UnitIndex", "Scored", "MIN_UNIT_SCORE", "UNIT_ALONE_SCORE", "COVERED_SCORE", "PAPERWORK", "key_message",
           "complete_sentence", "overlaps", "render_unit", "quoted_units"]

MIN_UNIT_SCORE = 0.45
"""Below this the best unit does not answer the question: the answer says so and gives the Press Bureau's number.
Chosen by hand over the evaluation sets' informational and no-evidence questions (their best unit scores tabulated
once): the highest step of 0.05 that refuses none of the questions the documents answer."""
UNIT_ALONE_SCORE = 0.80
"""A unit this close answers a question on its own, though no whole passage was near enough to count as evidence
("What's the Press Bureau's number?"). Set the same way: the lowest step above every question the documents do not
answer."""
COVERED_SCORE = 0.55
"""For an interview, the best key-message sentence must score this for the documents to cover the topic (else the
brief says so). Set on the development half of the interview topics written blind (evals/answers/topics-dev.jsonl)."""
KEYWORD_WEIGHT = 0.25
"""How much the share of the question's rarer words a unit holds adds to its similarity."""
PASSAGE_WEIGHT = 0.2
"""How much its passage's keyword score (BM25, as a share of the best passage's) adds to a unit's: a sentence of the passage
that matches the question's words best is likelier to answer it than a like-sounding sentence elsewhere."""
KEEP_WITHIN = 0.15
"""Further units are kept while their rank is within this of the best one's."""
MAX_UNITS = 4


PAPERWORK = re.compile(r"(?i)\b(?:recommendation|financial|commercial|implications|equality comments|gdpr|background papers|"
                       r"supporting papers|signed|decision document|key information|contact details|abbreviations)\b")
"""Sections of a decision's paperwork (approval, money, legal and risk notes, signatures): never an interview's key message."""


@dataclass(frozen=True)
class Scored:
    unit: Unit
    score: float
    """How near the unit comes to the question (its similarity and keyword share): what the calibrated thresholds read."""
    rank: float
    """The score with its passage's keyword share added: the order the units are offered in."""


class UnitIndex:
    """Every quotable unit of the index with the vectors of the texts that find it."""

    def __init__(self, units: list[Unit], matrix: np.ndarray, owners: np.ndarray):
        """`matrix` holds one row per text that finds a unit; `owners[i]` is the position in `units` of row i's unit."""
        self.units = units
        self._matrix = matrix
        self._owners = owners
        self._terms = [frozenset(tokenize(f"{unit.context} {unit.lead} {unit.text}")) for unit in units]
        counts: dict[str, int] = {}
        for terms in self._terms:
            for term in terms:
                counts[term] = counts.get(term, 0) + 1
        total = max(len(units), 1)
        self._idf = {term: float(np.log(1 + total / count)) for term, count in counts.items()}

    @classmethod
    def build(cls, units: list[Unit], vectors: dict[str, np.ndarray]) -> "UnitIndex":
        """The index of `units` whose key texts all have a vector in `vectors` (a unit missing one is left out)."""
        kept = [unit for unit in units if all(key in vectors for key in unit.keys)]
        keys, owners = [], []
        for position, unit in enumerate(kept):
            for key in unit.keys:
                keys.append(key)
                owners.append(position)
        matrix = np.array([vectors[key] for key in keys], dtype=np.float32) if keys else np.zeros((0, 1), dtype=np.float32)
        return cls(kept, matrix, np.array(owners, dtype=np.int64))

    def best(self, vector, question: str, allowed: Callable[[Unit], bool], limit: int = MAX_UNITS,
             keep_within: float = KEEP_WITHIN, passages: Mapping[str, float] | None = None, floor: float = 0.0) -> list[Scored]:
        """The units that answer `question` best, best first: the top one, then any within `keep_within` of it.

        `passages` gives the keyword (BM25) score of each passage the question's words found, by chunk id; it orders the
        units whose own score reaches `floor`, so a passage's words never offer a sentence too far from the question."""
        if not len(self._owners) or vector is None:
            return []
        similarities = self._matrix @ np.asarray(vector, dtype=np.float32)
        per_unit = np.full(len(self.units), -1.0, dtype=np.float32)
        np.maximum.at(per_unit, self._owners, similarities)
        wanted = {term: self._idf.get(term, 0.0) for term in set(tokenize(question))}
        weight = sum(wanted.values()) or 1.0
        passages = passages or {}
        top_passage = max(passages.values(), default=0.0) or 1.0
        scored = []
        for position, unit in enumerate(self.units):
            if per_unit[position] < 0 or not allowed(unit):
                continue
            overlap = sum(idf for term, idf in wanted.items() if term in self._terms[position]) / weight
            passage = passages.get(unit.chunk_id, 0.0) / top_passage
            score = float(per_unit[position]) + KEYWORD_WEIGHT * overlap
            if score < floor:
                continue
            scored.append(Scored(unit, score, score + PASSAGE_WEIGHT * passage))
        scored.sort(key=lambda item: -item.rank)
        chosen: list[Scored] = []
        for item in scored:
            if len(chosen) == limit or (chosen and item.rank < chosen[0].rank - keep_within):
                break
            if any(overlaps(item.unit, other.unit) for other in chosen):
                continue
            chosen.append(item)
        return chosen


def key_message(unit: Unit, locator: str) -> bool:
    """Whether a unit can be said in an interview: a complete sentence, not from a decision's paperwork."""
    return not unit.is_list and complete_sentence(unit.text) and not PAPERWORK.search(locator)


def complete_sentence(text: str) -> bool:
    """Starts with a capital or a digit and ends like a sentence (a list's point "Raise awareness for;" does not)."""
    stripped = text.strip().rstrip("\"'”’)")
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit()) and stripped[-1] in ".!?"


def overlaps(one: Unit, other: Unit) -> bool:
    """One unit holds the other (a sentence of a listed point and its list), or they are the same words."""
    return one.text in other.text or other.text in one.text


def render_unit(unit: Unit, number: int) -> str:
    """A unit as the answer shows it: a sentence and its citation number, or a list's lead-in, number and items."""
    if not unit.is_list:
        return f"{unit.text} [{number}]"
    lead = f"{unit.lead} [{number}]" if unit.lead else f"[{number}]"
    return "\n".join([lead, *(f"- {item}" for item in unit.items)])


_MARKED = re.compile(r"^(.*?)\s?\[(\d+)\]$")


def quoted_units(answer: str) -> list[tuple[int, list[str]]]:
    """The units an answer quotes, as `render_unit` wrote them: (citation number, [lead or sentence, item, …])."""
    found = []
    for block in answer.split("\n\n"):
        lines = block.strip().split("\n")
        marked = _MARKED.match(lines[0])
        if not marked:
            continue
        items = []
        for line in lines[1:]:
            if not line.startswith("- "):
                break
            items.append(line[2:])
        found.append((int(marked.group(2)), [piece for piece in [marked.group(1), *items] if piece]))
    return found
