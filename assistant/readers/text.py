"""The text every reader works from: each turn as asked and as normalised, with negations blanked."""

from collections.abc import Callable
from dataclasses import dataclass

from ..facts import Span
from ..normalise import Normalised
from ..rules import ASKED_IF_EVER, MAKE_BELIEVE, NEGATED_MENTION, OTHER_SENSE, blank_spans, scare_quoted


@dataclass(frozen=True)
class Turn:
    """One piece of text to read: `index` 0 is the question as asked, 1 the earlier turns it follows up."""

    index: int
    original: str
    normalised: Normalised


def blank_negations(text: str) -> str:
    """`text` with negated mentions ("no names", "without the photo"), make-believe ("a mock arrest"), questions put about
    whether a thing ever happened, words in scare quotes ("'arrest' the head for charity"; not a Capitalised one, which may
    be a nickname) and a heart's arrest blanked, same length and case."""
    lowered = text.lower().replace("’", "'")
    return blank_spans(text, [match.span() for match in (*NEGATED_MENTION.finditer(lowered), *MAKE_BELIEVE.finditer(text),
                                                          *OTHER_SENSE.finditer(text), *ASKED_IF_EVER.finditer(text))]
                       + scare_quoted(text, capitalised=False))


Located = Callable[[int, int], Span]
"""Maps [start, end) in the combined normalised text to a Span in the turn it came from."""


def locator(turns: list[Turn], current_start: int) -> Located:
    """Spans in the combined normalised text (earlier turns, then this question from `current_start`)."""
    current = turns[-1]

    def locate(start: int, end: int) -> Span:
        if start >= current_start:
            first, last = current.normalised.original_span(start - current_start, end - current_start)
            return Span(turn=0, start=first, end=last)
        return Span(turn=1, start=start, end=end)

    return locate
