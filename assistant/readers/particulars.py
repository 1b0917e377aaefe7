"""The particulars reader: what the APP lets a post say of the person arrested — gender, age, area, custody status.

Only the wording a green answer offers uses it ("A man aged 34 has been arrested on suspicion of burglary in
Streatham"), so it reads narrowly and says nothing when unsure: the person is the one nearest the word of arrest in
its sentence; two people arrested, or two sentences naming different people, give no gender at all; an area is a capitalised place after
"in" or "from" that is not a street, an estate or a month, and two different areas give none.
"""

import re

from ..facts import Age, Custody, Gender, Particulars, Span
from .names import function_words
from .people import PLACE_WORDS, RANK_TITLES, STREET_WORDS
from .text import Turn, blank_negations

_ARREST_VERB = r"(?:arrested|arresting|arrest|nicked|nicking|nick|detained|lifted|nabbed|collared)"
ARRESTED_OBJECT = re.compile(rf"\b{_ARREST_VERB}\s+(?:(?:a|an|the|one|two|three|four|five|\d+|both|several)\s+)?"
                             r"(?:[\w-]+\s+){0,3}?$", re.I)
"""Just before a person: the arrest whose object they are ("arrested a 34-year-old ", "nicked a ")."""
ARRESTED_SUBJECT = re.compile(rf"(?:\s*,?\s*(?:aged\s+)?\d{{1,2}}\s*,?)?(?:\s+(?:from|of|in)\s+[\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?\s*,?"
                              rf"\s+(?:(?:who|that)\s+)?(?:(?:has|have|had)\s+been\s+|was\s+|were\s+|is\s+|got\s+|been\s+)?"
                              rf"(?:\w+\s+)?{_ARREST_VERB}\b", re.I)
"""Just after a person: the arrest they are the subject of ("man, 34, from Penge has been arrested", "Man arrested")."""
PERSON = re.compile(
    r"\b(?:(?P<count>two|three|four|five|six|seven|eight|nine|ten|several|some|both|a few|a couple of|\d+)\s+(?:[\w-]+\s+){0,2}?)?"
    r"(?P<noun>men|women|boys|girls|lads|males|females|people|ppl|persons|youths|teenagers|teens|suspects|"
    r"man|woman|boy|girl|lad|bloke|guy|male|female|teenager|teen|youth)\b", re.I)
GENDER_OF: dict[str, Gender] = {"man": "man", "lad": "man", "bloke": "man", "guy": "man", "male": "man",
                                "woman": "woman", "female": "woman", "boy": "boy", "girl": "girl"}
SINGULAR = frozenset({*GENDER_OF, "teenager", "teen", "youth"})
AGE_BEFORE = re.compile(r"(\d{1,2})[- ]?(?:years?|yrs?)[- ]?old\s+(?:[\w-]+\s+)?$", re.I)
AGE_AFTER = re.compile(r"^\s*(?:,\s*|\(\s*)?(?:aged\s+)?(\d{1,2})\b(?!\s*(?:years? ago|pm|am|%|:|mph))", re.I)
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
AREA = re.compile(r"\b(?:in|from)\s+((?:[A-Z][a-z'’]+)(?:[ -](?:[A-Z][a-z'’]+)){0,2})\b(?!\s+(?-i:[A-Z]))")
NOT_AN_AREA = frozenset("""january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday christmas easter london met police custody court""".split())
IN_CUSTODY = re.compile(r"\b(?:still|remains?|remained|is|are|was|were|being|been|currently|now|held)\s+(?:\w+\s+)?in custody\b", re.I)
BAILED = re.compile(r"\b(?:bailed|on bail|released on bail|police bail)\b", re.I)
RELEASED = re.compile(r"\b(?:released|rui|de-?arrested|no further action|nfa|let go|let off)\b", re.I)


def read_particulars(turns: list[Turn]) -> Particulars:
    """The arrested person's particulars across `turns` (oldest first); a later turn's reading replaces an earlier one's."""
    found = Particulars()
    for turn in turns:
        text = blank_negations(turn.original)
        person = _arrested_person(text, turn.index)
        updates = {}
        if person is not None:
            updates |= person
        if (area := _area(text, turn.index)) is not None:
            updates["area"] = area
        if (custody := _custody(text)) is not None:
            updates["custody"] = custody
        found = found.model_copy(update=updates)
    return found


def _arrested_person(text: str, turn: int) -> dict | None:
    """Gender, age and whether several, of the person the text says was arrested; a later mention replaces an earlier,
    and two that differ leave it unclear."""
    chosen: dict | None = None
    for person in _arrested_mentions(text):
        noun = person.group("noun").lower()
        several = noun not in SINGULAR or (person.group("count") or "").lower() not in ("", "a", "an", "one")
        reading = {"several": several or bool(chosen and chosen["several"]),
                   "gender": None if several else GENDER_OF.get(noun),
                   "gender_span": Span(turn=turn, start=person.start("noun"), end=person.end("noun")),
                   "age": _age(text, person, turn)}
        if chosen is not None and chosen["gender"] != reading["gender"]:
            reading |= {"gender": None, "several": True}
        chosen = reading
    return chosen


def _arrested_mentions(text: str) -> list[re.Match]:
    """The people the text says were arrested: the object of the arrest ("we nicked a bloke", "arrested a 34-year-old
    man") or its subject ("a man aged 30 has been arrested", "Man arrested for ABH")."""
    found = []
    for person in PERSON.finditer(text):
        before, after = text[max(0, person.start() - 40) : person.start()], text[person.end() : person.end() + 60]
        if ARRESTED_OBJECT.search(before) or ARRESTED_SUBJECT.match(after):
            found.append(person)
    return found


def _age(text: str, person: re.Match, turn: int) -> Age | None:
    """The age written against the person: "a 34-year-old man", "a man aged 34", "man, 34"."""
    before = AGE_BEFORE.search(text[max(0, person.start() - 30) : person.start("noun")])
    if before:
        start = max(0, person.start() - 30) + before.start(1)
        return Age(years=int(before.group(1)), span=Span(turn=turn, start=start, end=start + len(before.group(1))))
    after = AGE_AFTER.search(text[person.end() : person.end() + 15])
    if after:
        start = person.end() + after.start(1)
        return Age(years=int(after.group(1)), span=Span(turn=turn, start=start, end=start + len(after.group(1))))
    return None


def _area(text: str, turn: int) -> Span | None:
    """The one town or area the text names ("arrested in Streatham", "a man from Penge"); none if two or a street."""
    areas: dict[str, Span] = {}
    for match in AREA.finditer(text):
        name = match.group(1)
        words = re.split(r"[ -]", name.lower())
        if words[0] in function_words() or words[0] in RANK_TITLES or words[-1] in PLACE_WORDS or words[0] in NOT_AN_AREA:
            continue
        if re.match(rf"\s+(?:{STREET_WORDS})\b", text[match.end() :], re.I):
            continue
        areas.setdefault(name.lower(), Span(turn=turn, start=match.start(1), end=match.end(1)))
    return next(iter(areas.values())) if len(areas) == 1 else None


def _custody(text: str) -> Custody | None:
    """Whether the person is held, bailed or released; none when the text says more than one."""
    said = {status for status, pattern in (("released", RELEASED), ("bailed", BAILED), ("in_custody", IN_CUSTODY))
            if pattern.search(text)}
    if said == {"released", "bailed"}:
        return "bailed"  # "released on bail"
    return next(iter(said)) if len(said) == 1 else None
