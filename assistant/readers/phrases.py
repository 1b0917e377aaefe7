"""The phrase readers: the phrase book's rules over the normalised text, and the RAG table's topics by name, alias
or the phrase book's plain words for them.

These are the engine's first readers. They stay as a floor under the newer ones (people, examples):
whatever they find still raises.
"""

from ..dates import FoundDate
from ..facts import RiskFactor, TopicCandidate
from ..phrasebook import phrase_book
from ..topics import TopicMatch, TopicMatcher
from .people import PAST_RECORD, without_tallies
from .text import Located

COURT_RESULT_TOPIC = "Court results"
KSI_TOPIC = "KSI RTCs"
COLLISION_TOPICS = ("Road traffic collision", "Non KSI RTCs")


def read_risks(text: str, current_start: int, current: str, dates: list[FoundDate], today_ordinal: int,
               posting: bool, locate: Located) -> list[RiskFactor]:
    """A finding for each rule pattern that matches; a later turn can take back an earlier one ("without his name")."""
    scanned = without_tallies(text)
    book = phrase_book()
    found = []
    earlier_case = PAST_RECORD.sub(lambda match: " " * len(match.group(0)), scanned)  # an old order is not this case's stage
    for hit in book.fire(book.phrase_text(scanned, dates, today_ordinal, stage_text=earlier_case), posting=posting):
        if hit.rule.kind != "raises":
            continue
        if hit.start < current_start and hit.rule.cancelled_by is not None and hit.rule.cancelled_by.search(current):
            continue
        span = locate(hit.start, hit.end) if hit.end <= len(text) else None
        found.append(RiskFactor(risk=hit.rule.name, reader="phrases", span=span))
    return found


def read_topics(text: str, matcher: TopicMatcher, locate: Located) -> list[TopicCandidate]:
    """RAG topics named outright, by name or alias, or told in the phrase book's plain words; a sentence length
    ("got 6 years") names the court-results topic, and a collision with a severe injury the KSI one."""
    book = phrase_book()
    matches = matcher.find(text)
    court = matcher.named(COURT_RESULT_TOPIC)
    sentence = book.vocabulary["court_result"].search(text)
    if court and sentence and not any(match.topic is court for match in matches):
        matches.append(TopicMatch(court, sentence.start(), sentence.end(), sentence.group(0)))
    for name, pattern in book.topics.items():
        topic = matcher.named(name)
        found = pattern.search(text)
        if topic and found and not any(match.topic is topic for match in matches):
            matches.append(TopicMatch(topic, found.start(), found.end(), found.group(0)))
    ksi = matcher.named(KSI_TOPIC)
    severe = book.vocabulary["severe_injury"].search(text)
    if ksi and severe and (any(match.topic.name in COLLISION_TOPICS for match in matches) or book.vocabulary["collision"].search(text)):
        matches.append(TopicMatch(ksi, severe.start(), severe.end(), severe.group(0)))
    return [
        TopicCandidate(topic=match.topic.name, status=match.topic.status, reader="aliases", span=locate(match.start, match.end))
        for match in matches
    ]
