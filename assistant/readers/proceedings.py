"""The proceedings reader: how far a case has gone (suspected, arrested, charged, convicted, sentenced) and when."""

import datetime as dt

from ..dates import FoundDate
from ..facts import Proceedings, Stage
from ..rules import ARREST, CHARGE, COURT_RESULT, SENTENCE, words
from .people import PAST_RECORD
from .text import Located

CONVICTED = words("convicted", "found guilty", "pleaded guilty", "pled guilty", "guilty plea", "guilty verdict")
SUSPECTED = words(r"suspects?", "suspected", "wanted", "accused")


def read_proceedings(text: str, dates: list[FoundDate], today: dt.date, locate: Located) -> Proceedings:
    """`text` is the normalised question (earlier turns first) with negated mentions blanked."""
    text = PAST_RECORD.sub(lambda match: " " * len(match.group(0)), text)  # an old jail term is not this case's stage
    stage: Stage = "none"
    if SENTENCE.search(text):
        stage = "sentenced"
    elif CONVICTED.search(text):
        stage = "convicted"
    elif CHARGE.search(text):
        stage = "charged"
    elif ARREST.search(text):
        stage = "arrested"
    elif SUSPECTED.search(text):
        stage = "suspected"
    court_result = bool(COURT_RESULT.search(text))
    oldest = min(dates, key=lambda found: found.date, default=None) if court_result else None
    return Proceedings(
        stage=stage, court_result=court_result, date_known=bool(dates),
        sentenced_on=oldest.date if oldest else None,
        days_since_sentence=(today - oldest.date).days if oldest else None,
        date_span=locate(oldest.start, oldest.end) if oldest else None,
    )
