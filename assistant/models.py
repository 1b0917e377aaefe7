"""The answers Pressline gives, as pydantic models: the `ask --json` contract and the API's results."""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field, model_validator

Status = Literal["answered", "escalated", "needs_clarification", "refused_out_of_scope", "refused_no_evidence", "error"]
Rag = Literal["green", "amber", "red"]
Kind = Literal["policy", "media_law", "rag_table", "press_line"]


class Turn(BaseModel):
    """One earlier turn of a conversation, so a follow-up keeps its topic."""

    role: Literal["user", "assistant"]
    content: str


class Citation(BaseModel):
    """A passage the answer rests on; `quote` is verbatim from `source` (for a PDF, from that page)."""

    source: str
    title: str
    kind: Kind
    locator: str
    quote: str
    doc_id: str = ""
    archived: bool = False


class Escalation(BaseModel):
    """Who to contact and why."""

    to: Literal["dmc", "legal_services"]
    reason: str
    contact: str


class PressLineRef(BaseModel):
    """A current approved press line offered with an answer."""

    id: str
    title: str
    text: str
    approved_on: str
    review_by: str


class Flag(BaseModel):
    """A rule that fired; `span` is the [start, end) of the phrase in a checked draft.

    `rule` is the rule's id (kept for `ask --json` and the evaluation); `title` is its plain-English name, the one
    officers see.
    """

    rule: str
    why: str
    title: str | None = None
    span: tuple[int, int] | None = None
    phrase: str | None = None
    safer: str | None = None


class Answer(BaseModel):
    """One answer: the JSON object that `python -m assistant ask --json` prints.

    Usage::

        from assistant import answer
        result = answer("Can I tweet about a burglary arrest on my ward?")
        print(result.rag, [c.locator for c in result.citations])
    """

    id: str | int | None = None
    """The batch line's id, echoed as it was given."""
    question: str
    today: dt.date
    in_scope: bool
    status: Status
    rag: Rag | None
    escalation: list[Escalation] = Field(default_factory=list)
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    press_lines: list[PressLineRef] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    assumptions: list[str] = Field(default_factory=list)
    handoff: str = ""
    """A short text to send to DMC with the question, verdict, reasons and passages."""
    post: str = ""
    """Ready-to-post wording, when the answer offers one: an approved holding line filled from what the question said,
    checked as a draft with nothing raised (also shown in `answer`)."""
    error: str | None = None
    """Why there is no answer: set exactly when status is "error" (the engine failed, or a batch line was unusable)."""
    audit_id: int | None = Field(default=None, exclude=True)
    """The answer's entry in the audit log (None when not audited); not in the JSON, as it only means something here."""

    @model_validator(mode="after")
    def _error_goes_with_its_status(self) -> "Answer":
        if (self.status == "error") != (self.error is not None):
            raise ValueError('an answer has an error exactly when its status is "error"')
        return self


class DraftCheck(Answer):
    """The result of checking a draft post: an Answer whose flags carry spans in `text`."""

    text: str = ""


class InterviewBrief(BaseModel):
    """What an inspector needs before a press interview on `topic`."""

    topic: str
    today: dt.date
    key_messages: list[Citation]
    press_lines: list[PressLineRef]
    do_not_say: list[str]
    tell_beforehand: str
    citations: list[Citation]
    covered: bool = True
    """Whether the force's documents cover the topic; when not, `not_covered` says so and gives DMC's number."""
    not_covered: str = ""
    audit_id: int | None = Field(default=None, exclude=True)
    """The brief's entry in the audit log (None when not audited)."""


class PressLineInfo(BaseModel):
    """A press line as the press-lines page lists it, with whether it is current on `today`."""

    id: str
    title: str
    topic: str
    status: str
    approved_by: str
    approved_on: str
    review_by: str
    audience: str
    text: str
    do_not_say: list[str]
    current: bool
    state: str = ""
    """Why the line is not for use on `today` ("withdrawn …", "past its review date …"); empty when current."""
    match: Literal["words", "meaning", ""] = ""
    """How a search found the line (`Engine.search_press_lines`): every word of the search, or closeness in meaning."""
    source: str
