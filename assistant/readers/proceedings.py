"""The proceedings reader: how far a case has gone (suspected, arrested, charged, convicted, sentenced) and when."""

import datetime as dt

from ..dates import FoundDate
from ..facts import Proceedings, Stage
from ..phrasebook import phrase_book
from .people import PAST_RECORD
from .text import Located

STAGE_WORDS: tuple[tuple[Stage, str], ...] = (
    ("sentenced", "sentence"), ("convicted", "convicted"), ("charged", "charge"), ("arrested", "arrest"), ("suspected", "suspected"))
"""The furthest stage the question reaches, with the phrase book's word list for it: the first found wins."""


def read_proceedings(text: str, dates: list[FoundDate], today: dt.date, locate: Located) -> Proceedings:
    """`text` is the normalised question (earlier turns first) with negated mentions blanked."""
    text = PAST_RECORD.sub(lambda match: " " * len(match.group(0)), text)  # an old jail term is not this case's stage
    said = phrase_book().vocabulary
    stage: Stage = next((stage for stage, words in STAGE_WORDS if said[words].search(text)), "none")
    court_result = bool(said["court_result"].search(text))
    oldest = min(dates, key=lambda found: found.date, default=None) if court_result else None
    return Proceedings(
        stage=stage, court_result=court_result, date_known=bool(dates),
        sentenced_on=oldest.date if oldest else None,
        days_since_sentence=(today - oldest.date).days if oldest else None,
        date_span=locate(oldest.start, oldest.end) if oldest else None,
    )
