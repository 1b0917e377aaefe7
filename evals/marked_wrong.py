"""Answers officers marked wrong, exported as candidate evaluation questions for DMC to label.

Each candidate keeps what the officer asked, the date the engine used, what it answered and what the officer said was
wrong (never the officer's name or session); the labels a question set needs (`acceptable_rag`, escalations, sources) are left for a person to fill. Before
export, every candidate is run through the evaluation sets' near-copy check (`evals.overlap`): one that near-copies a
question or draft already in a set, or an earlier candidate, is left out and counted, so the sets stay apart.

Usage::

    export = export_marked_wrong(audit_log.entries(marked_wrong_only=True), evaluation_texts(), embedder.embed_documents)
    export.jsonl(), export.left_out
"""

import json
from collections.abc import Callable, Iterable

from pydantic import BaseModel, ConfigDict

from .overlap import near_copies

__all__ = ["Candidate", "MarkedWrongExport", "export_marked_wrong"]

KINDS = {"ask": "question", "draft": "draft", "interview": "interview_topic"}
"""The audit log's kind of entry → what the candidate is."""


class Candidate(BaseModel):
    """One answer marked wrong, as a row to be labelled (the labels are null until a person sets them)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    kind: str
    question: str
    today: str
    answered_verdict: str | None
    answered_status: str
    what_was_wrong: str
    acceptable_rag: list[str | None] | None = None
    escalate_dmc: bool | None = None
    escalate_legal: bool | None = None
    notes: str = "Marked wrong by an officer; label acceptable_rag, escalations and sources before adding to a set."


class MarkedWrongExport(BaseModel):
    candidates: list[Candidate]
    left_out: list[str]
    """Entries left out, each with why (a near copy of an evaluation text or of an earlier candidate)."""

    def jsonl(self) -> bytes:
        return "".join(json.dumps(row.model_dump(), ensure_ascii=False) + "\n" for row in self.candidates).encode("utf-8")


def export_marked_wrong(entries: Iterable[dict], evaluation_texts: list[str],
                        embed: Callable[[list[str]], list[list[float]]]) -> MarkedWrongExport:
    """The audit `entries` marked wrong (oldest first) as candidates, without near copies of `evaluation_texts` or of each
    other; `embed(texts)` gives unit vectors (the engine's model)."""
    wrong = sorted((entry for entry in entries if entry.get("feedback") == "down" and entry.get("question", "").strip()),
                   key=lambda entry: entry["id"])
    questions = [entry["question"] for entry in wrong]
    copies_of_sets = {copy.left for copy in near_copies(questions, evaluation_texts, embed)}
    copies_among: dict[str, set[str]] = {}
    for copy in near_copies(questions, questions, embed):  # one batched comparison, every pair (each text with itself too)
        copies_among.setdefault(copy.left, set()).add(copy.right)
    kept: list[dict] = []
    left_out = []
    for entry in wrong:
        if entry["question"] in copies_of_sets:
            left_out.append(f"entry {entry['id']}: near-copies a question or draft already in an evaluation set")
        elif any(other["question"] in copies_among.get(entry["question"], ()) for other in kept):
            left_out.append(f"entry {entry['id']}: near-copies an earlier candidate")
        else:
            kept.append(entry)
    return MarkedWrongExport(candidates=[_candidate(entry) for entry in kept], left_out=left_out)


def _candidate(entry: dict) -> Candidate:
    return Candidate(id=f"audit-{entry['id']}", kind=KINDS.get(entry["kind"], entry["kind"]), question=entry["question"],
                     today=entry["date_used"], answered_verdict=entry["verdict"], answered_status=entry["status"],
                     what_was_wrong=entry.get("feedback_comment") or "")
