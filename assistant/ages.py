"""Ages as officers write them: "15", "15-year-old", "aged fifteen", "16yo", "Dean Hollis, 34,", "a Year 9 pupil".

One reading shared by the people reader and the phrase book's under-18 rule, so the two never disagree on what an
age is. Numbers that only look like ages are not read as ages: a day and a time ("Sat 9 May, 7.30pm"), a numbered
list ("the junction, 2) cycle theft"), counts ("1 of the trainers"), and a bracket of ages ("aged 11 to 13") is a group's,
not a person's.
"""

import datetime as dt
import re

__all__ = ["NUMBER_WORDS", "read_ages"]

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20,
}
_NUM = r"(\d{1,2}|" + "|".join(NUMBER_WORDS) + r")"
_OF_A_PERSON = r"of(?!\s+(?:those|these|them|us|which|whom|all|each|every)\b)"
""""Hollis, 34 of Brixton" places a person; "shops visited, 4 of those" counts things."""
AGE_PATTERNS = (
    re.compile(rf"(?<![\w£$.:/])({_NUM[1:-1]})\s*-?\s*(?:years?|yrs?|yr)\s*-?\s*olds?\b", re.I),
    re.compile(rf"(?<![\w£$.:/]){_NUM}\s*y/?o\b", re.I),
    re.compile(rf"\baged?\s+{_NUM}\b", re.I),
    # initials stand for a name here too ("R.T., 15,")
    # "Dean Hollis, 34, of…"; not "on Tuesday, 6 and 7 years" (a day, then terms of years)
    re.compile(r"\b(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
               r"august|september|october|november|december)\b)[A-Za-z]+\.?,\s*(\d{1,2})"
               rf"(?=\s*(?:[,)?!]|\.(?!\d))|\s+(?:from|{_OF_A_PERSON}|who|was|is|has|had)\b|\s+and\b(?!\s+\d{{1,2}}\s*(?:years?|yrs?|months?))|\s*$)", re.I),
    re.compile(r"\b[A-Za-z]+\s*\((\d{1,2})(?=(?:\s*(?:,|&|and)\s*\d{1,2})*\))"),  # "Jade (16)", "four girls (13, 14 and 16)"
    re.compile(rf"\b(?:man|woman|boy|girl|lad|lass|teenager|youth|child|kid|male|female)\s+of\s+{_NUM}\b(?!\s*(?:%|percent|times?))", re.I),
    # "jayden 15 from the estate"; "found 9 of those" counts things
    re.compile(r"\b(?!(?:the|a|an|on|at|in|of|to|for|by|route|bus|number|no|platform|junction|year|aged?|about|over|under|"
               r"around|nearly|almost|and|or|with|than|were|was|is|are|all|only|just)\b)[A-Za-z]+\s+(\d{1,2})\s+"
               r"(?:from|of(?!\s+(?:those|these|them|the|us|our|their|its|which|whom|all|each|every)\b)|who|was|is|has|had)\b", re.I),
    # "the cyclist, who is 15, …": an age as a clause of its own, not "who is 6 foot" or "who are 2 short"
    re.compile(rf"\bwho\s*(?:'s|’s|is|was)\s+{_NUM}(?=\s*(?:[,;:)!?]|\.(?!\d)|$)|\s+(?:and|but|years?|yrs?)\b)", re.I),
    re.compile(rf"\b(?:look|looks|looked|looking|appear|appears|appeared|seem|seems|seemed)\s+(?:to be\s+)?"
               rf"(?:about|around|roughly|maybe|like|approximately|approx)\s+{_NUM}\b(?!\s*(?:%|percent|years? ago|minutes?|mins?|hours?|"
               r"days?|weeks?|months?|metres?|miles?|feet|ft))", re.I),
    re.compile(rf"\b(?:he|she|they|victim|suspect|boy|girl|witness|lad|lass|kid|child|driver|rider|one|both|the others|"
               rf"the (?:other|youngest|oldest|eldest|younger|older)(?: one| two| three)?)\s*(?:'s|’s|is|are|was|were)\s+"
               rf"(?:only\s+|just\s+|about\s+|actually\s+|really\s+)?{_NUM}\b"
               r"(?!\s*(?:years? ago|months?|weeks?|days?|hours?|minutes?|mins?|%|pm|am|:|\.\d|mph|previous|times?|(?:st|nd|rd|th)\b|"
               r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|"
               r"dec(?:ember)?)\b|"
               r"officers?|people|of|arrests?|convictions?|miles?|metres?|percent))", re.I),
)
SCHOOL_YEAR = re.compile(r"\b(?:year|yr)\s*(\d{1,2})\s+(?:pupils?|students?|kids?|boys?|girls?|lads?|at\b)|\b(?:in|a)\s+(?:year|yr)\s*(\d{1,2})\b", re.I)


BIRTH_DATE = re.compile(r"\b(?:(?:dob|date of birth|birthday|born(?: on| in)?)\b|d\.o\.b\.?)(?:\s+(?:is|was|of|as|down as|given as|shows|says|"
                        r"on (?:the )?(?:system|file|record|pnc)))?\s*[:\-–]?\s*"
                        r"(?:(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})|((?:19|20)\d\d))\b", re.I)
"""A date of birth ("DOB given as 21/06/2011", "d.o.b. 2.9.09", "born in 2012"), day first as in the UK: an age once today is known."""


def read_ages(text: str, today: dt.date | None = None) -> list[tuple[int, int, int]]:
    """Every age the text gives a person, as (years, start, end), earliest first; a school year counts as its age, and a
    date of birth its age on `today` when given."""
    ages = [(years, *match.span()) for match in BIRTH_DATE.finditer(text) if today and (years := _age_on(match, today)) is not None]
    for pattern in AGE_PATTERNS:
        for match in pattern.finditer(text):
            if _list_number(text, match.start(), match.end()) or _one_end_of_a_range(text, match.start(), match.end()):
                continue
            value = next(group for group in match.groups() if group)
            if value == "1" and not _SAYS_AGE.search(match.group(0)):
                continue  # a bare "1" is text-speak for "one" ("the next 1 is", "she's 1 of the trainers")
            years = _years(value)
            ages.append((years, *match.span()))
            at = match.end()
            while more := _MORE_AGES.match(text, at):  # "aged 13, 15 and 17": each is an age
                ages.append((_years(more.group(1)), *more.span(1)))
                at = more.end()
    for match in SCHOOL_YEAR.finditer(text):
        school_year = int(next(group for group in match.groups() if group))
        if 1 <= school_year <= 13:
            ages.append((school_year + 5, *match.span()))
    kept: list[tuple[int, int, int]] = []
    for age in sorted(set(ages), key=lambda age: (age[1], -age[2])):
        if not any(age[1] < other[2] and other[1] < age[2] for other in kept):
            kept.append(age)
    return kept


_MORE_AGES = re.compile(rf"\s*(?:,\s*and|,|&|and)\s*{_NUM}\b(?!\s*(?:years? ago|months?|weeks?|days?|hours?|minutes?|mins?|%|pm|am|"
                        r"[:.]\d|mph|times?|people|officers?|of\b|arrests?|previous|convictions?|miles?|metres?|percent))", re.I)
"""The next age of a list ("aged 13, 15 and 17", "(13, 14 and 16)", "the youngest is 12, the others are 18 and 21")."""
_SAYS_AGE = re.compile(r"\b(?:aged?|years?|yrs?|yr|y/?o)\b|\dy/?o\b", re.I)
_BRACKETED = re.compile(r"\((\d{1,2})\)?$")
_RANGE_TO = re.compile(r"\s*(?:-|–|—|to)\s*\d{1,2}(?![\d:.]\d)")
_RANGE_FROM = re.compile(r"(?<![\d:.])\d{1,2}\s*(?:-|–|—|to)\s*$")


def _age_on(match: re.Match, today: dt.date) -> int | None:
    """The age on `today` of someone born on the date `match` gives; for a bare year, the younger of the two ages it can be
    (a child is the case to protect)."""
    day, month, year, year_only = match.groups()
    if year_only:
        return today.year - int(year_only) - 1 if int(year_only) <= today.year else None
    year_number = int(year)
    if len(year) == 2:
        year_number += 2000 if year_number <= today.year % 100 else 1900
    try:
        born = dt.date(year_number, int(month), int(day))
    except ValueError:
        return None
    if born > today:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _years(value: str) -> int:
    return int(value) if value.isdigit() else NUMBER_WORDS[value.lower()]


def _one_end_of_a_range(text: str, start: int, end: int) -> bool:
    """'members aged 10 to 12', 'a club for 12–15 year olds': a bracket of ages describes a group, not a person's age."""
    return bool(_RANGE_TO.match(text, end) or _RANGE_FROM.search(text[max(0, start - 8) : start]))


def _list_number(text: str, start: int, end: int) -> bool:
    """'…the junction, 2) cycle theft…': a number closing with a bracket that no bracket opened numbers a list item, and so
    does '(3)' after a '(2)'."""
    if (bracketed := _BRACKETED.search(text, start, end)) and f"({int(bracketed.group(1)) - 1})" in text[:start]:
        return True
    if text[end - 1 : end] == ")":
        closing = end - 1
    elif text[end:].lstrip().startswith(")"):
        closing = text.index(")", end)
    else:
        return False
    line_start = max(text.rfind("\n", 0, start), text.rfind(")", 0, start)) + 1
    return "(" not in text[line_start:closing]
