"""The proceedings reader: how far a case has gone (suspected, arrested, charged, convicted, sentenced) and when."""

import datetime as dt
import re

from ..dates import FoundDate
from ..facts import Proceedings, Stage
from ..phrasebook import phrase_book
from ..ages import NUMBER_WORDS
from .people import PAST_RECORD, TERM_UNIT, a_thing_suspected, without_tallies
from .text import Located

STAGE_WORDS: tuple[tuple[Stage, str], ...] = (
    ("sentenced", "sentence"), ("convicted", "convicted"), ("charged", "charge"), ("arrested", "arrest"), ("suspected", "suspected"))
"""The furthest stage the question reaches, with the phrase book's word list for it: the first found wins."""

SUSPECTED = re.compile(r"\bsuspected\b", re.I)
"""'A suspected gas leak' suspects no one: blanked before the stage is read."""
_AMOUNT = rf"(?:\d+|{'|'.join(NUMBER_WORDS)}|a couple of|a few)"
SENTENCE_TERM = re.compile(
    rf"\b(?:got|given|handed|gets|received)\s+(?:a |an )?{_AMOUNT}(?:(?:,|\s+and|\s+to|-|\s+or)\s+(?:a half|{_AMOUNT}))*"
    rf"[\s-]{TERM_UNIT}\b(?![\s-]+olds?\b)(?!\s+(?:off|of|leave|holiday|notice|ago|left|to|in (?:the job|post|role|the met)|service|experience)\b)|\b(?:got|given|handed|gets|received)\s+(?:life|a life sentence)\b")
"""A term of custody in figures or words ("got 6 years", "got four and five years", "given eighteen months", "got life"):
a sentence passed, whatever the phrase book lists."""


def read_proceedings(text: str, dates: list[FoundDate], today: dt.date, locate: Located) -> Proceedings:
    """`text` is the normalised question (earlier turns first) with negated mentions blanked."""
    text = without_tallies(PAST_RECORD.sub(lambda match: " " * len(match.group(0)), text))  # an old jail term is not this case's stage
    text = SUSPECTED.sub(lambda match: " " * len(match.group(0)) if a_thing_suspected(text, *match.span()) else match.group(0), text)
    said = phrase_book().vocabulary
    term = SENTENCE_TERM.search(text)
    stage: Stage = "sentenced" if term else next((stage for stage, words in STAGE_WORDS if said[words].search(text)), "none")
    court_result = bool(term or said["court_result"].search(text))
    oldest = min(dates, key=lambda found: found.date, default=None) if court_result else None
    return Proceedings(
        stage=stage, court_result=court_result, date_known=bool(dates),
        sentenced_on=oldest.date if oldest else None,
        days_since_sentence=(today - oldest.date).days if oldest else None,
        date_span=locate(oldest.start, oldest.end) if oldest else None,
        trial_to_come=bool(said["trial_to_come"].search(text)),
    )
