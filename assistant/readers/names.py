"""The list of personal first names the people reader knows, from the gender-guesser package's data.

Only its name dictionary is used (a data file inside the wheel); nothing is downloaded.
"""

import unicodedata
from functools import lru_cache
from pathlib import Path

FUNCTION_WORDS = 300
"""The most frequent English words ("the", "can", "will") never start a name, whatever a name list says."""
COMMON_ENGLISH = 6000
"""A capitalised word that is one of this many most frequent English words ("Will", "May", "Grace")
is a name only when context says so (a title, a surname after it, an age after it)."""

INTERJECTIONS = frozenset("oh ah aw ooh eh erm um uh hi hey ok yo ha".split())
"""Spoken fillers and greetings, which the frequency list leaves out: "Oh, and one more thing…" names nobody."""
FESTIVALS = frozenset("""easter christmas halloween whitsun lent advent pentecost diwali eid ramadan hanukkah passover vaisakhi
    navratri holi""".split())
"""Festivals in the name list ("Easter hols are coming up"): a time of year, never a person."""


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lower-case first names (about 40,000, many languages)."""
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    names = set()
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith("#") or len(line) < 30:
                continue
            name = line[3:29].strip()
            if name and "+" not in name and " " not in name and name.isalpha():
                names.add(name.lower())
    return frozenset(names - FESTIVALS)


@lru_cache(maxsize=1)
def _ranked_english() -> tuple[str, ...]:
    """English words, most frequent first, by symspellpy's frequency list."""
    import symspellpy

    path = Path(symspellpy.__file__).parent / "frequency_dictionary_en_82_765.txt"
    ranked = sorted(
        (line.split(" ") for line in path.read_text(encoding="utf-8").splitlines() if line),
        key=lambda parts: -int(parts[1]),
    )
    return tuple(word for word, _ in ranked)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    return frozenset(_ranked_english()[:COMMON_ENGLISH])


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    return frozenset(_ranked_english()[:FUNCTION_WORDS]) | INTERJECTIONS


def without_accents(word: str) -> str:
    """'Siobhán' → 'Siobhan': the name list spells names without accents."""
    return "".join(char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char))


def is_first_name(word: str) -> bool:
    return without_accents(word.lower()) in first_names()


def is_plain_name(word: str) -> bool:
    """A first name that is not also an everyday English word."""
    lower = without_accents(word.lower())
    return lower in first_names() and lower not in common_words()


__all__ = ["first_names", "common_words", "function_words", "is_first_name", "is_plain_name", "without_accents"]
