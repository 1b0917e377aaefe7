"""Step 2: resolve the dates a question mentions against the question's `today`."""

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "couple of": 2}
HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
            "new year's eve": (12, 31), "new year's day": (1, 1), "bonfire night": (11, 5), "halloween": (10, 31)}

_WEEKDAY = "|".join(WEEKDAYS)
_HOLIDAY = "|".join(re.escape(name) for name in HOLIDAYS)
_MONTH = "|".join(MONTHS + [m[:3] for m in MONTHS] + ["sept"])
_NUMBER = "|".join(sorted((re.escape(n) for n in NUMBERS), key=len, reverse=True)) + r"|\d+"
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"

CLEARLY_OVER_A_WEEK = re.compile(
    rf"\b(?:(?:a few|few|several|some|{_NUMBER})\s+(?:weeks?|months?|years?)\s+(?:ago|back|since)|last (?:month|year)|months ago|weeks ago)\b"
)


@dataclass(frozen=True)
class FoundDate:
    """A date the question mentions, where in the text it was, and how it was read."""

    date: dt.date
    start: int
    end: int
    phrase: str
    approximate: bool = False


def _date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None for one that does not exist (30 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _days_ago(today: dt.date, days: int) -> dt.date:
    return today - dt.timedelta(days=days)


def _last_weekday(today: dt.date, weekday: int, strictly_before: bool) -> dt.date:
    delta = (today.weekday() - weekday) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return today - dt.timedelta(days=delta)


def _past_month_day(today: dt.date, month: int, day: int) -> dt.date | None:
    for year in (today.year, today.year - 1):
        candidate = _date(year, month, day)
        if candidate is not None and candidate <= today:
            return candidate
    return None


def _latest_day_of_month(today: dt.date, day: int) -> dt.date | None:
    """"The 30th": the latest date on or before `today` that falls on that day of a month."""
    month_start = today.replace(day=1)
    for _ in range(3):
        candidate = _date(month_start.year, month_start.month, day)
        if candidate is not None and candidate <= today:
            return candidate
        month_start = (month_start - dt.timedelta(days=1)).replace(day=1)
    return None


def _month_number(name: str) -> int:
    name = name[:3]
    return [m[:3] for m in MONTHS].index(name) + 1


def find_dates(text: str, today: dt.date) -> list[FoundDate]:
    """Every date expression in (normalised, lower-case) `text`, resolved against `today`."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match, date: dt.date | None, approximate: bool = False):
        if date is None or any(s < match.end() and match.start() < e for s, e in taken):
            return
        taken.append(match.span())
        found.append(FoundDate(date, match.start(), match.end(), match.group(0), approximate))

    for match in re.finditer(r"\b(\d{4})-(\d{2})-(\d{2})\b", text):
        add(match, _date(int(match.group(1)), int(match.group(2)), int(match.group(3))))
    for match in re.finditer(rf"\b({_WEEKDAY}) of last week\b", text):
        this_monday = today - dt.timedelta(days=today.weekday())
        add(match, this_monday - dt.timedelta(days=7 - WEEKDAYS.index(match.group(1))))
    # "the Wednesday before last", "a week last Wednesday": the one a week before last Wednesday
    for match in re.finditer(rf"\b(?:the\s+)?({_WEEKDAY})\s+before\s+last\b|\ba\s+week\s+(?:last|on)\s+({_WEEKDAY})\b", text):
        last = _last_weekday(today, WEEKDAYS.index(match.group(1) or match.group(2)), strictly_before=True)
        add(match, last - dt.timedelta(days=7))
    for match in re.finditer(rf"\b(?:last|this past)\s+({_WEEKDAY})\b|\b({_WEEKDAY})\s+just gone\b", text):
        add(match, _last_weekday(today, WEEKDAYS.index(match.group(1) or match.group(2)), strictly_before=True))
    for match in re.finditer(rf"\bthe\s+{_ORDINAL}\s+of\s+last\s+month\b", text):
        first_of_month = today.replace(day=1)
        previous = first_of_month - dt.timedelta(days=1)
        add(match, _date(previous.year, previous.month, int(match.group(1))))
    for match in re.finditer(rf"\b{_ORDINAL}\s+(?:of\s+)?({_MONTH})\b(?:\s+(\d{{4}}))?", text):
        day, month = int(match.group(1)), _month_number(match.group(2))
        if match.group(3):
            add(match, _date(int(match.group(3)), month, day))
        else:
            add(match, _past_month_day(today, month, day))
    for match in re.finditer(rf"\b({_MONTH})\s+{_ORDINAL}\b", text):
        add(match, _past_month_day(today, _month_number(match.group(1)), int(match.group(2))))
    for match in re.finditer(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b", text):
        day, month = int(match.group(1)), int(match.group(2))
        if match.group(3):
            year = int(match.group(3)) + (2000 if len(match.group(3)) == 2 else 0)
            add(match, _date(year, month, day))
        elif 1 <= month <= 12:
            add(match, _past_month_day(today, month, day))
    # "the Friday before Christmas", "the Monday after Boxing Day": that weekday counted from the holiday
    for match in re.finditer(rf"\b(?:the\s+)?({_WEEKDAY})\s+(before|after)\s+({_HOLIDAY})\b", text):
        holiday = _past_month_day(today, *HOLIDAYS[match.group(3)])
        weekday = WEEKDAYS.index(match.group(1))
        if holiday is not None and match.group(2) == "before":
            add(match, holiday - dt.timedelta(days=(holiday.weekday() - weekday - 1) % 7 + 1))
        elif holiday is not None:
            add(match, holiday + dt.timedelta(days=(weekday - holiday.weekday() - 1) % 7 + 1))
    for name, (month, day) in HOLIDAYS.items():
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            add(match, _past_month_day(today, month, day))
    for match in re.finditer(rf"\b(?:on\s+)?the\s+{_ORDINAL}\b(?!\s*(?:of\s+)?(?:{_MONTH}|last month))", text):
        if not re.search(r"(?:st|nd|rd|th)$", match.group(0)):
            continue
        add(match, _latest_day_of_month(today, int(match.group(1))))
    for match in re.finditer(rf"\b({_NUMBER})\s+(day|week|month|year)s?\s+(?:ago|back)\b", text):
        count = NUMBERS.get(match.group(1)) or int(match.group(1))
        unit = {"day": 1, "week": 7, "month": 30, "year": 365}[match.group(2)]
        add(match, _days_ago(today, count * unit), approximate=match.group(2) != "day")
    for match in CLEARLY_OVER_A_WEEK.finditer(text):
        add(match, _days_ago(today, 21), approximate=True)
    for match in re.finditer(r"\b(?:the\s+)?week before last\b", text):
        add(match, _days_ago(today, 14), approximate=True)
    for match in re.finditer(r"\blast week\b", text):
        add(match, _days_ago(today, 7), approximate=True)
    for match in re.finditer(rf"\b(?:next|this coming|coming)\s+({_WEEKDAY})\b", text):
        add(match, today + dt.timedelta(days=(WEEKDAYS.index(match.group(1)) - today.weekday() - 1) % 7 + 1))
    for match in re.finditer(r"\b(tomorrow)\b", text):
        add(match, today + dt.timedelta(days=1))
    for match in re.finditer(rf"\b(?:on\s+)?({_WEEKDAY})\b", text):
        add(match, _last_weekday(today, WEEKDAYS.index(match.group(1)), strictly_before=False))
    for match in re.finditer(r"\b(yesterday|last night)\b", text):
        add(match, _days_ago(today, 1))
    for match in re.finditer(r"\b(today|this morning|this afternoon|this evening|tonight|earlier today|just now)\b", text):
        add(match, today)
    return sorted(found, key=lambda item: item.start)
