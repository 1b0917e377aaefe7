"""One answer scored against its golden row: what was expected, what came back, and the judgements."""

from pydantic import BaseModel, computed_field

import re

from assistant.compose import quoted_units
from assistant.models import Answer, Rag, Status
from assistant.verify import quote_is_verbatim, squash
from ingest.settings import Settings

from .golden import GoldenRow

WARNING_VERDICTS = ("amber", "red")


class QuestionResult(BaseModel):
    """One line of a run's results.jsonl. `cited` holds the cited doc ids, each once, in citation order."""

    system: str
    id: str
    category: str
    question: str
    expected_rag: list[Rag | None]
    expected_status: Status | None
    expected_in_scope: bool
    expected_dmc: bool
    expected_legal: bool
    expected_sources: list[str]
    expected_contains: str | list[str] | None
    rag: Rag | None
    status: Status
    in_scope: bool
    escalation: list[str]
    cited: list[str]
    citations: int
    unverifiable_quotes: list[str]
    """Locators of citations whose quote is not verbatim in the cited file."""
    unquoted_units: list[str] = []
    """Sentences or list items marked [n] in the answer that are not in citation n's quote."""
    post: str = ""
    """The ready-to-post wording the answer offered, if any."""
    contains_found: bool | None
    latency_ms: float

    @computed_field
    @property
    def verdict_ok(self) -> bool:
        status_ok = self.expected_status is None or self.status == self.expected_status
        return self.rag in self.expected_rag and status_ok

    @computed_field
    @property
    def unsafe_green(self) -> bool:
        return self.rag == "green" and "green" not in self.expected_rag

    @computed_field
    @property
    def warning_without_dmc(self) -> bool:
        """An amber or red verdict that does not send the officer to DMC."""
        return self.rag in WARNING_VERDICTS and "dmc" not in self.escalation

    @computed_field
    @property
    def source_rank(self) -> int | None:
        """1-based rank of the first expected source among the cited docs; None when none is cited."""
        for rank, doc_id in enumerate(self.cited, start=1):
            if doc_id in self.expected_sources:
                return rank
        return None

    def describe(self) -> str:
        """A line for a failing test: the question, what was expected, what came back."""
        expected = f"rag in {self.expected_rag}" + (f", status {self.expected_status}" if self.expected_status else "")
        expected += f", dmc={self.expected_dmc}, legal={self.expected_legal}"
        return (f"{self.id} [{self.category}] {self.question!r}\n    expected {expected}\n"
                f"    got rag={self.rag}, status={self.status}, escalation={self.escalation}, cited={self.cited}")


def unquoted_units(answer: Answer) -> list[str]:
    """The pieces the answer marks [n] that citation n does not hold word for word (a list's heading may be its locator's)."""
    missing = []
    for number, pieces in quoted_units(answer.answer):
        citation = answer.citations[number - 1] if 0 < number <= len(answer.citations) else None
        held = squash(citation.quote) if citation else ""
        heading = citation.locator.split(" › ")[-1] if citation else ""
        missing += [f"[{number}] {piece}" for piece in pieces if squash(piece) not in held and piece != heading]
    return missing


def score(system: str, row: GoldenRow, answer: Answer, latency_ms: float, settings: Settings) -> QuestionResult:
    """Judge `answer` (from `system`) against `row`; quotes are checked against the files under `settings.root`."""
    answer_text = " ".join([answer.answer, *answer.assumptions, *(c.quote for c in answer.citations),
                            *(line.text for line in answer.press_lines)]).lower()
    return QuestionResult(
        system=system, id=row.id, category=row.category, question=row.question,
        expected_rag=row.acceptable_rag, expected_status=row.status, expected_in_scope=row.in_scope,
        expected_dmc=row.escalate_dmc, expected_legal=row.escalate_legal, expected_sources=row.sources,
        expected_contains=row.answer_contains,
        rag=answer.rag, status=answer.status, in_scope=answer.in_scope,
        escalation=list(dict.fromkeys(entry.to for entry in answer.escalation)),
        cited=list(dict.fromkeys(c.doc_id for c in answer.citations if c.doc_id)),
        citations=len(answer.citations),
        unverifiable_quotes=[f"{c.source} {c.locator}" for c in answer.citations if not quote_is_verbatim(c, settings)],
        unquoted_units=unquoted_units(answer),
        post=answer.post,
        contains_found=None if row.answer_contains is None else all(
            phrase.lower() in answer_text for phrase in ([row.answer_contains] if isinstance(row.answer_contains, str)
                                                         else row.answer_contains)),
        latency_ms=latency_ms,
    )
