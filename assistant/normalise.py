"""Step 1: slang and misspellings → the corpus's own words, keeping a map back to the original text."""

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ingest.approvals import Approvals
from ingest.safe_yaml import load_yaml
from ingest.settings import get_settings

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"[A-Za-z0-9@#]+(?:['’][A-Za-z]+)?")
# "nicked" means stolen when something was nicked ("got her bike nicked", "nicked off the drive"); a person who
# "has been nicked" was arrested.
NICKED_PERSON = r"(?:him|her|them|a|the|this|that|two|three|four)\b(?! (?:bikes?|cars?|phones?|bags?|stuff|things?|money))"
"""What follows 'nicking' when it is a person who is nicked (the phrase book's `nicking_someone` fragment reads the same)."""
_NICKING_SOMEONE = re.compile(rf"nicking {NICKED_PERSON}", re.I)
"""'Nicking' a person is arresting them (the phrase book's `nicking_someone`); nicking anything else is stealing."""
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:uk|com|org|net|gov|police|co|io|info|london)\b(?:/\S*)?",
                          re.I)
"""A web address ("redbridge.gov.uk/gritting") is kept as written: "gov" in it is no slang for government."""
THINGS = ("(?:it|bikes?|bicycles?|cars?|vans?|lorr(?:y|ies)|mopeds?|scooters?|e-?bikes?|motorbikes?|vehicles?|phones?|wallets?|purses?|"
          "bags?|handbags?|laptops?|tools?|mowers?|strimmers?|parcels?|packages?|presents?|(?:number )?plates?|cats?|catcons?|"
          "(?:catalytic )?converters?|sat ?navs?|jewellery|cash|money|stuff|items?|bits|goods|property)")
"""Things, not people: what was "nicked" when it was stolen."""
_STOLEN_NICKED = re.compile(
    r"\b(?:got|had|get|getting|having)\s+(?:[^\s.!?]+\s+){1,4}?nicked\b(?!\s+(?:for|4)\b)|\bnicked\s+(?:off|from|frm)\b"
    r"|\b(?:a|an|the|some|any|of|handling|buying|selling|flogging)\s+nicked\b"  # "a nicked moped": nicked describes a thing
    r"|\b(?:prob|probably|possibly|likely|looks?|looking|looked)\s+nicked\b"  # "a bike that looks nicked"
    rf"|\b{THINGS}\s+(?:(?:that|which|were|was|are|is|have|has|had|been|being|getting|gettin|got|keep|keeps|all|both|\d+)\s+){{0,3}}"
    r"nicked\b(?!\s+(?:for|4)\b)",  # "bikes are getting nicked", "3 cars nicked that way"; "the lad on a moped got nicked for it" was arrested
    re.I)
"""Where "nicked" means stolen: something (not someone) was nicked."""


@dataclass
class Normalised:
    """The question in lower case with slang and misspellings replaced; `origin` maps back."""

    original: str
    text: str
    origin: list[int] = field(default_factory=list)  # origin[i] = index in `original` of text[i]
    corrections: list[tuple[str, str]] = field(default_factory=list)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if not self.origin:
            return start, end
        first = self.origin[min(start, len(self.origin) - 1)]
        last = self.origin[min(max(end - 1, start), len(self.origin) - 1)] + 1
        # Extend to the end of the original word, so a replaced word is highlighted whole.
        while last < len(self.original) and self.original[last].isalnum():
            last += 1
        return first, last


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, str], dict[str, str]]:
    """(phrases, words) of the approved lexicon; unapproved changes fall back to the last approved version, or to none."""
    path = Path(__file__).parent / "lexicon.yaml"
    content, warning = Approvals(get_settings()).configuration(path)
    if warning:
        log.warning("%s", warning)
    if content is None:
        return {}, {}
    data = load_yaml(content, str(path))
    return data["phrases"], data["words"]


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Correctly spelt English words (symspellpy's frequency dictionary): these are never "corrected"."""
    import symspellpy

    path = Path(symspellpy.__file__).parent / "frequency_dictionary_en_82_765.txt"
    return frozenset(line.split(" ", 1)[0] for line in path.read_text(encoding="utf-8").splitlines() if line)


class Speller:
    """Repairs misspelt words against the corpus's own vocabulary (its words and the RAG aliases).

    A word that is correct English is left alone, however close it is to a corpus word.

    Usage::

        Speller({"burglary", "tweet"}).correct("burgalry")  # → "burglary"
    """

    def __init__(self, vocabulary: set[str]):
        self.vocabulary = {word for word in vocabulary if len(word) >= 3}
        self.candidates = sorted(word for word in self.vocabulary if word.isalpha() and len(word) >= 4)
        self.english = english_words()

    def known(self, word: str) -> bool:
        if word in self.vocabulary or word in self.english:
            return True
        # Inflections of a known word ("searches", "months") are known too.
        return any(word.endswith(suffix) and word[: -len(suffix)] in self.vocabulary for suffix in ("s", "es", "ed", "ing", "'s"))

    def correct(self, word: str) -> str | None:
        from rapidfuzz import process
        from rapidfuzz.distance import DamerauLevenshtein

        if len(word) < 4 or not word.isalpha() or self.known(word):
            return None
        if word.endswith("in") and word + "g" in self.english:  # a dropped g: "drinkin", "reportin", "goin"
            return word + "g"
        if len(word) < 5:
            return None
        limit = 1 if len(word) < 7 else 2
        found = process.extractOne(
            word, self.candidates, scorer=DamerauLevenshtein.distance, score_cutoff=limit,
        )
        if not found:
            return None
        candidate = found[0]
        # Same first letter: real typos rarely change it, and it keeps plural and verb forms apart.
        if candidate[0] != word[0] or abs(len(candidate) - len(word)) > limit:
            return None
        return candidate


def normalise(question: str, speller: Speller | None = None) -> Normalised:
    """Lower-case `question`, expand slang and repair misspellings, tracking where each character came from."""
    phrases, words = lexicon()
    stolen_spans = [match.span() for match in _STOLEN_NICKED.finditer(question)]
    pieces: list[tuple[str, int]] = []  # (replacement text, original start), in order
    corrections: list[tuple[str, str]] = []
    lower = question.lower().replace("’", "'")
    position = 0
    phrase_pattern = _phrase_pattern(tuple(sorted(phrases, key=len, reverse=True)))
    web_addresses = [match.span() for match in _WEB_ADDRESS.finditer(lower)]
    while position < len(lower):
        address_end = next((end for start, end in web_addresses if start <= position < end), None)
        if address_end is not None:
            pieces.append((lower[position:address_end], position))
            position = address_end
            continue
        phrase = phrase_pattern.match(lower, position) if phrase_pattern else None
        if phrase and (position == 0 or not lower[position - 1].isalnum()):
            pieces.append((phrases[phrase.group(0)], position))
            position = phrase.end()
            continue
        token = _TOKEN.match(lower, position)
        if not token:
            pieces.append((lower[position], position))
            position += 1
            continue
        word = token.group(0)
        replacement = None
        as_written = question[position : token.end()]
        if word.startswith("@") and len(as_written) == len(word) and (parts := _handle_words(as_written)):
            # "@CllrJaneDoe" hides its words from every reader: keep the handle and add them after it.
            replacement = word + " " + " ".join(words.get(part, part) for part in parts)
        elif word == "nicked":
            replacement = "stolen" if any(s <= position < e for s, e in stolen_spans) else "arrested"
        elif word == "nicking" and not _NICKING_SOMEONE.match(lower, position):
            replacement = "stealing"  # "nicking all the catalytic converters"; "nicking a man" stays an arrest
        elif word in words:
            replacement = words[word]
        elif speller is not None and not (as_written[:1].isupper() and as_written[1:].islower()):
            # a word written with a capital is a name or a place ("Brockley"), never a typo for a nearby word
            replacement = speller.correct(word)
            if replacement:
                corrections.append((word, replacement))
        pieces.append((replacement or word, position) if replacement else (word, position))
        position = token.end()
    text_parts, origin = [], []
    for piece, start in pieces:
        text_parts.append(piece)
        original_length = len(piece) if piece == lower[start : start + len(piece)] else None
        for offset in range(len(piece)):
            origin.append(start + offset if original_length else start)
    return Normalised(original=question, text="".join(text_parts), origin=origin, corrections=corrections)


def _handle_words(handle: str) -> list[str]:
    """The words of a camel-case handle ("@SamBrandForMP" → sam, brand, for, mp); none for a handle in one case."""
    if not re.search(r"[a-z][A-Z]", handle):
        return []
    return [part.lower() for part in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", handle[1:])]


@lru_cache(maxsize=4)
def _phrase_pattern(phrases: tuple[str, ...]):
    if not phrases:
        return None
    return re.compile("|".join(re.escape(p) + r"(?![a-z0-9])" for p in phrases))
