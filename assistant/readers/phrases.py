"""The phrase readers: the rules' patterns over the normalised text, and the RAG table's topic names and aliases.

These are the engine's first readers. They stay as a floor under the newer ones (people, examples):
whatever they find still raises.
"""

from ..dates import FoundDate
from ..facts import RiskFactor, TopicCandidate
from ..rules import COURT_RESULT, fire, phrase_text
from ..topics import TopicMatch, TopicMatcher
from .text import Located

COURT_RESULT_TOPIC = "Court results"


def read_risks(text: str, current_start: int, current: str, dates: list[FoundDate], today_ordinal: int,
               posting: bool, has_media: bool, locate: Located) -> list[RiskFactor]:
    """A finding for each rule pattern that matches; a later turn can take back an earlier one ("without his name")."""
    scanned = text + (" \n shows an identifiable person" if has_media else "")
    found = []
    for hit in fire(phrase_text(scanned, dates, today_ordinal), posting=posting):
        if hit.rule.kind != "raises":
            continue
        if hit.start < current_start and hit.rule.cancelled_by is not None and hit.rule.cancelled_by.search(current):
            continue
        span = locate(hit.start, hit.end) if hit.end <= len(text) else None
        found.append(RiskFactor(risk=hit.rule.name, reader="phrases", span=span))
    return found


def read_topics(text: str, matcher: TopicMatcher, locate: Located) -> list[TopicCandidate]:
    """RAG topics named outright, by name or alias; a sentence length ("got 6 years") names the court-results topic."""
    matches = matcher.find(text)
    court = next((topic for topic in matcher.topics if topic.name == COURT_RESULT_TOPIC), None)
    sentence = COURT_RESULT.search(text)
    if court and sentence and not any(match.topic is court for match in matches):
        matches.append(TopicMatch(court, sentence.start(), sentence.end(), sentence.group(0)))
    return [
        TopicCandidate(topic=match.topic.name, status=match.topic.status, reader="aliases", span=locate(match.start, match.end))
        for match in matches
    ]
