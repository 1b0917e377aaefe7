"""Informational, interview and contact questions written blind, each with patterns a right answer must contain.

A question counts when one of its patterns is found in the answer text itself (not only in a quoted source);
a contact question counts as "first unit" when the pattern is in the first passage the answer quotes.

Usage::

    score = score_answers(load_answers(ANSWERS_DIR / "answers-dev.jsonl"), engine.answer)
    score.in_answer, score.misses
"""

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from assistant.compose import quoted_units
from assistant.models import Answer, InterviewBrief

from .scoring import unquoted_units

__all__ = ["ANSWERS_DIR", "AnswerRow", "AnswersScore", "TopicRow", "TopicsScore", "load_answers", "load_topics",
           "score_answers", "score_topics"]

ANSWERS_DIR = Path(__file__).resolve().parent / "answers"


def _compiled(patterns: list[str]) -> list[str]:
    """`patterns`, each checked to compile as a regular expression (the error names the one that does not)."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"pattern {pattern!r} does not compile: {exc}") from None
    return patterns


Patterns = Annotated[list[str], AfterValidator(_compiled)]


class AnswerRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^a\d{3,}$")
    kind: Literal["informational", "interview", "contact"]
    question: str = Field(min_length=3)
    today: dt.date
    answer_patterns: Annotated[Patterns, Field(min_length=1)]
    sources: list[str]
    notes: str = ""

    def found_in(self, text: str) -> bool:
        return any(re.search(pattern, text, re.IGNORECASE) for pattern in self.answer_patterns)


class AnswerMiss(BaseModel):
    id: str
    kind: str
    question: str
    status: str
    rag: str | None
    in_a_citation: bool
    answer: str


class AnswersScore(BaseModel):
    questions: int
    in_answer: float
    """Share whose answer text holds a pattern."""
    in_answer_or_citation: float
    contact_first_unit: float | None
    """Of the contact questions, the share whose first quoted unit holds a pattern."""
    unquoted_units: list[str]
    """Sentences marked [n] that are not in citation n's quote (must be none)."""
    misses: list[AnswerMiss]


class TopicRow(BaseModel):
    """A free-typed interview topic: whether the force's documents cover it, and facts a good brief gives."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^t\d{3,}$")
    topic: str = Field(min_length=2)
    covered: bool
    key_facts: Patterns
    notes: str = ""


class TopicMiss(BaseModel):
    id: str
    topic: str
    covered: bool
    said_covered: bool
    key_messages: list[str]


class TopicsScore(BaseModel):
    topics: int
    right: float
    """Covered topics with three or more key messages, one of them holding a key fact; uncovered ones said so."""
    covered_right: float | None
    uncovered_right: float | None
    misses: list[TopicMiss]


def _rows(path: Path, model):
    """The rows of a JSONL file as `model`; a bad line raises ValueError naming the file and line."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(model.model_validate_json(line))
        except ValidationError as exc:
            raise ValueError(f"{path.name} line {number}: {exc}") from None
    return rows


def load_answers(path: Path) -> list[AnswerRow]:
    return _rows(path, AnswerRow)


def load_topics(path: Path) -> list[TopicRow]:
    return _rows(path, TopicRow)


def score_topics(rows: list[TopicRow], prepare: Callable[..., InterviewBrief], today: dt.date) -> TopicsScore:
    """Prepare a brief on every topic and judge it against the row."""
    judged = []
    for row in rows:
        brief = prepare(row.topic, today)
        messages = [citation.quote for citation in brief.key_messages]
        if row.covered:
            text = " ".join(messages)
            right = len(messages) >= 3 and any(re.search(fact, text, re.IGNORECASE) for fact in row.key_facts)
        else:
            right = not brief.covered and not messages
        judged.append((row, right, TopicMiss(id=row.id, topic=row.topic, covered=row.covered, said_covered=brief.covered,
                                              key_messages=messages)))
    share = lambda group: sum(right for _, right, _ in group) / len(group) if group else None  # noqa: E731
    return TopicsScore(topics=len(rows), right=share(judged) or 0.0,
                       covered_right=share([item for item in judged if item[0].covered]),
                       uncovered_right=share([item for item in judged if not item[0].covered]),
                       misses=[miss for _, right, miss in judged if not right])


def score_answers(rows: list[AnswerRow], answer: Callable[..., Answer]) -> AnswersScore:
    """Put every row's question to `answer(question, today)` and judge the answer text."""
    found = anywhere = contact = contact_first = 0
    unquoted, misses = [], []
    for row in rows:
        reply = answer(row.question, row.today)
        in_answer = row.found_in(reply.answer)
        in_citation = any(row.found_in(citation.quote) for citation in reply.citations)
        found += in_answer
        anywhere += in_answer or in_citation
        if row.kind == "contact":
            contact += 1
            first = quoted_units(reply.answer)[:1]
            contact_first += bool(first) and row.found_in(" ".join(first[0][1]))
        unquoted += [f"{row.id}: {piece}" for piece in unquoted_units(reply)]
        if not in_answer:
            misses.append(AnswerMiss(id=row.id, kind=row.kind, question=row.question, status=reply.status, rag=reply.rag,
                                     in_a_citation=in_citation, answer=reply.answer))
    total = max(len(rows), 1)
    return AnswersScore(questions=len(rows), in_answer=found / total, in_answer_or_citation=anywhere / total,
                        contact_first_unit=contact_first / contact if contact else None, unquoted_units=unquoted,
                        misses=misses)
