"""What kind of fact a question about the documents asks for, and whether the sentences chosen to answer it give one.

"When is the next course?" wants a date, "how many branches?" a count of branches, "what time of day…?" a
time, "what's their email?" an address. The documents can speak about the thing asked ("the workshops are held
regularly") without giving the fact, and an answer that quotes them would read like an answer while being a guess. The kinds are read from the question's own
words and the facts are plain English forms of numbers, dates, times and sums: nothing here knows about the force.

    >>> asked_for("When's the next media law workshop?")
    [Asked(kind='date', noun=None)]
    >>> gives_what_is_asked("When's the next media law workshop?", ["The workshops are advertised well in advance."])
    False
"""

import re
from dataclasses import dataclass
from typing import Literal

from .ages import NUMBER_WORDS
from .dates import MONTHS, WEEKDAYS

__all__ = ["Asked", "asked_for", "gives_what_is_asked"]

Kind = Literal["count", "date", "year", "clock", "money", "percent", "email"]

_NUMBER_WORDS = "|".join([*NUMBER_WORDS, "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
                          "dozen", "single", "couple"])
NUMBER = rf"(?:\d[\d,.]*|(?:{_NUMBER_WORDS})\b|an?\b)"
"""A number as written: digits, a number word, or "a"/"an" ("a week")."""
_MONTH = "|".join([*MONTHS, *(month[:3] for month in MONTHS), "sept"])
_WEEKDAY = "|".join(WEEKDAYS)
YEAR = r"\b(?:19|20)\d{2}\b"
DATE = (rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b|\b(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b(?:{_WEEKDAY})s?\b|"
        rf"\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b|{YEAR}")
CLOCK = (r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\b|\b(?:morning|afternoon|evening|lunchtime|midday|noon|midnight|"
         r"overnight|o'clock|round the clock|24/7)\b|\b24[- ]hours?\b")
MONEY = r"£\s?\d|\b\d[\d,.]*\s?(?:k|m|million|thousand|pounds)\b"
PERCENT = r"\d\s?%|\bper ?cent\b|\bhalf\b|\ba (?:third|quarter)\b"
EMAIL = r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
LIST_ITEM = r"\n\s*(?:\d+[.)]|[-•*])\s"
"""A numbered or bulleted item: a list with a lead-in counts the things it names."""
DURATIONS = ("minute", "hour", "day", "week", "fortnight", "month", "year")

_ASKED: tuple[tuple[Kind, re.Pattern], ...] = tuple((kind, re.compile(pattern, re.I)) for kind, pattern in (
    ("count", r"\bhow many\s+(?:more\s+|of\s+(?:the|our|its|their|these|those)\s+)?(?P<noun>[a-z][\w'-]*)"),
    ("date", r"\bwhen(?:'s|’s| is| are| will| does| do)?\s+(?:the\s+|our\s+)?next\b|\b(?:what|which)\s+date\b"),
    ("year", r"\b(?:what|which)\s+year\b"),
    ("clock", r"\bwhat\s+time\b(?!\s+(?:limit|frame|scale)s?\b)"),
    ("money", r"\bhow much\s+(?:money|funding|funds|cash|budget|of the £)|\bhow much\s+(?:did|does|will|would)\s+(?:\w+\s+){1,3}?(?:cost|spend|pay)\b"
              r"|\bwhat\s+(?:was|is|were)\s+the\s+(?:budget|cost)\b"),
    ("percent", r"\bwhat\s+(?:percentage|proportion|percent|share)\b"),
    ("email", r"\b(?:what|which)(?:'s|’s|s|\s+is|\s+are)?\s+(?:[\w'’]+\s+){0,3}?e-?mail(?:\s+address)?(?:es)?\b"),
))
_FACT: dict[Kind, re.Pattern] = {
    "date": re.compile(DATE, re.I), "year": re.compile(YEAR), "clock": re.compile(CLOCK, re.I),
    "money": re.compile(MONEY, re.I), "percent": re.compile(PERCENT, re.I), "email": re.compile(EMAIL),
}


@dataclass(frozen=True)
class Asked:
    """A kind of fact asked for; for a count, the word for what is counted ("themes")."""

    kind: Kind
    noun: str | None = None


def asked_for(question: str) -> list[Asked]:
    """Every kind of fact `question` asks for, in the order asked (none for "which words should a post avoid?")."""
    found: list[tuple[int, Asked]] = []
    for kind, pattern in _ASKED:
        for match in pattern.finditer(question):
            noun = match.group("noun").lower() if kind == "count" else None
            found.append((match.start(), Asked(kind, noun)))
    return [asked for _, asked in sorted(found, key=lambda item: item[0])]


def gives_what_is_asked(question: str, sentences: list[str]) -> bool:
    """Whether `sentences` between them give every kind of fact `question` asks for (true when it asks for none)."""
    text = "\n".join(sentences)
    return all(_gives(asked, text) for asked in asked_for(question))


def _gives(asked: Asked, text: str) -> bool:
    if asked.kind != "count":
        return bool(_FACT[asked.kind].search(text))
    stem = _stem(asked.noun or "")
    counted = rf"\b{re.escape(stem)}\w*"
    if stem in DURATIONS:
        counted = rf"\b(?:{'|'.join(DURATIONS)})s?\b"  # "how many days after sentencing?" is answered by "a week"
    if re.search(rf"\b{NUMBER}\s+(?:[\w'-]+\s+){{0,3}}?{counted}", text, re.I):
        return True
    return bool(re.search(counted, text, re.I) and re.search(LIST_ITEM, text))


def _stem(noun: str) -> str:
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if re.search(r"(?:ch|sh|ss|x)es$", noun):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
