"""The example bank (`corpus/examples.yaml`): how officers word each RAG topic and each risk factor.

Domain knowledge as data, matched by meaning (as semantic routers and NeMo Guardrails match intents
by example utterances): the press office edits the YAML, ingest embeds it, and the example reader
finds the nearest examples to each sentence of a question.

Loading validates the file with pydantic (every topic must be a topic of the RAG table, every risk a
known risk factor) and then rejects, with a logged reason, any example that would teach the wrong
thing: a green example in which a risk reader finds a risk, and an example nearer to another
status's examples than to its own.

Usage::

    bank = load_bank(settings, topics, check_green, stored)   # stored: the index generation's bank and vectors
    bank.examples[0].label, bank.vectors[0]
"""

import logging
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from ingest.approvals import Approvals
from ingest.errors import PresslineError
from ingest.examples import bank_path, cached_vectors
from ingest.safe_yaml import BadYaml, load_yaml, read_yaml
from ingest.settings import Settings

from .facts import Rag, Risk
from .topics import Topic

log = logging.getLogger(__name__)
RISK_STATUS: Rag = "red"


class BankFile(BaseModel):
    """The YAML as written: topic name → examples, risk factor → examples."""

    model_config = ConfigDict(extra="forbid")

    topics: dict[str, list[str]] = Field(default_factory=dict)
    risks: dict[Risk, list[str]] = Field(default_factory=dict)
    not_in_table: list[str] = Field(default_factory=list)
    """Posts about matters the RAG table does not list (a robbery, a drugs seizure): never green, so ask DMC."""
    more_green_wordings: dict[str, list[str]] = Field(default_factory=dict)
    """Further wordings of the green rows, written in bulk: matched by the example reader like any example, but not taught
    to the green model (taught, four times the green data made it surer of green than its calibrated threshold allows)."""
    not_in_the_documents: list[str] = Field(default_factory=list)
    """Questions the force's documents do not answer (brand colours, the best time to post, verified ticks): asked as
    questions, they get "no evidence — contact the Press Bureau" rather than the nearest passage."""

    @field_validator("topics", "risks", "more_green_wordings")
    @classmethod
    def _non_empty(cls, value: dict) -> dict:
        for label, examples in value.items():
            if any(not example.strip() for example in examples):
                raise ValueError(f"{label!r} has an empty example")
        return value

    @field_validator("not_in_table", "not_in_the_documents")
    @classmethod
    def _no_empty(cls, value: list[str], info: ValidationInfo) -> list[str]:
        if any(not example.strip() for example in value):
            raise ValueError(f"{info.field_name} has an empty example")
        return value


NOT_IN_TABLE = "not in the RAG table"
UNLISTED_STATUS: Rag = "amber"
"""A matter the table does not list has no topic, and no topic is amber."""
GREEN_MODEL_C = 4.0
"""Inverse regularisation of the green model (set with the calibration; see evals/calibrate_examples.py)."""


@dataclass(frozen=True)
class Example:
    """One example: a topic's (with the topic's status), a risk factor's (counted as red) or an unlisted matter's."""

    text: str
    kind: str  # "topic" | "risk" | "unlisted"
    label: str
    status: Rag
    teaches_the_green_model: bool = True


@dataclass(frozen=True)
class GreenModel:
    """A linear model over sentence embeddings: how likely a question is about a green topic and nothing else.

    Fitted on the bank (green examples against every other kind; not the bulk `more_green_wordings`), so it
    learns what separates a crime-prevention tip from a robbery appeal in all the bank's wordings at once, not
    from the nearest two examples. It is one reader's evidence: the policy counts it only above a calibrated probability,
    and only where nothing else raised.
    """

    weights: np.ndarray
    bias: float

    @classmethod
    def fit(cls, vectors: np.ndarray, green: np.ndarray) -> "GreenModel | None":
        if vectors.size == 0 or green.all() or not green.any():
            return None
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=GREEN_MODEL_C, class_weight="balanced", max_iter=5000).fit(vectors, green)
        return cls(weights=model.coef_[0].astype(np.float32), bias=float(model.intercept_[0]))

    def probability(self, vectors: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(vectors @ self.weights + self.bias)))


@dataclass(frozen=True)
class ExampleBank:
    """The examples in use, their unit vectors row by row, and those left out with the reason."""

    examples: tuple[Example, ...]
    vectors: np.ndarray
    rejected: tuple[tuple[Example, str], ...]
    green_model: GreenModel | None = None
    not_in_the_documents: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    """The unit vectors of the questions the documents do not answer (kept apart: they are questions, not posts)."""

    def nearness_to_the_unanswered(self, vector) -> float:
        """The mean similarity of a question's vector to its two nearest questions the documents do not answer (0.0
        with none)."""
        if vector is None or not self.not_in_the_documents.size:
            return 0.0
        return float(np.sort(self.not_in_the_documents @ np.asarray(vector, dtype=np.float32).reshape(-1))[-2:].mean())

    @cached_property
    def green_rows(self) -> np.ndarray:
        """The row numbers of the green examples."""
        return np.array([index for index, example in enumerate(self.examples) if example.status == "green"], dtype=int)


def parse_bank_file(path: Path, content: bytes | None = None) -> BankFile:
    """`path` (or `content`, read from it earlier: its approved version), validated; a malformed bank raises
    PresslineError naming the file and saying what to fix."""
    try:
        data = read_yaml(path, source=str(path)) if content is None else load_yaml(content, str(path))
        return BankFile.model_validate(data or {})
    except BadYaml as exc:
        raise PresslineError(f"{path}: not a valid example bank: {exc.problem}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise PresslineError(f"{path}: not a valid example bank: {where}: {first['msg']}") from None
    except OSError as exc:
        raise PresslineError(f"{path}: not a valid example bank: {exc}") from None


def read_bank_file(path: Path, topics: list[Topic], content: bytes | None = None) -> list[Example]:
    """The examples of `path` (or of `content`), validated, each with its kind, label and status."""
    return examples_of(parse_bank_file(path, content), path, topics)


def examples_of(bank: BankFile, path: Path, topics: list[Topic]) -> list[Example]:
    """The examples of a parsed bank, each with its kind, label and status; a topic the RAG table lacks is an error."""
    status_of = {topic.name: topic.status for topic in topics}
    unknown = sorted((set(bank.topics) | set(bank.more_green_wordings)) - set(status_of))
    if unknown:
        raise PresslineError(f"{path}: topics not in the RAG table: {', '.join(unknown)}; use the table's topic names")
    not_green = sorted(name for name in bank.more_green_wordings if status_of[name] != "green")
    if not_green:
        raise PresslineError(f"{path}: more_green_wordings holds only green rows, not {', '.join(not_green)}; "
                             "put these examples under topics")
    examples = [Example(text.strip(), "topic", name, status_of[name]) for name, texts in bank.topics.items() for text in texts]
    examples += [Example(text.strip(), "topic", name, "green", teaches_the_green_model=False)
                 for name, texts in bank.more_green_wordings.items() for text in texts]
    examples += [Example(text.strip(), "risk", risk, RISK_STATUS) for risk, texts in bank.risks.items() for text in texts]
    examples += [Example(text.strip(), "unlisted", NOT_IN_TABLE, UNLISTED_STATUS) for text in bank.not_in_table]
    return list({(example.kind, example.label, example.text.lower()): example for example in examples}.values())


def load_bank(settings: Settings, topics: list[Topic], check_green, stored: tuple | None = None) -> ExampleBank:
    """The bank with its vectors, minus the examples that would teach the wrong thing (each logged with why).

    `check_green(text)` says why a green example raises a risk, or None when it raises nothing. The bank used is the
    approved one (the file if approved, else its last approved version, else none). `stored` is the index
    generation's bank, (file content or None, text → vector), as ingest saved it: its vectors are used when it is
    that same bank; otherwise the approved bank's examples are embedded here.
    """
    path = bank_path(settings)
    # Only an approved bank is used: unapproved changes fall back to the last approved version, or to no examples.
    content, warning = Approvals(settings).configuration(path)
    if warning:
        log.warning("%s", warning)
    if content is None or not topics:  # no approved bank, or no approved RAG table for its topics to name
        return ExampleBank(examples=(), vectors=np.zeros((0, 0), dtype=np.float32), rejected=())
    known = stored[1] if stored is not None and stored[0] == content else {}
    bank_file = parse_bank_file(path, content)
    examples = examples_of(bank_file, path, topics)
    unanswered = [text.strip() for text in bank_file.not_in_the_documents]
    missing = [text for text in [example.text for example in examples] + unanswered if text not in known]
    if missing:
        known = dict(known) | cached_vectors(settings, content, missing)
    vectors = np.array([known[example.text] for example in examples], dtype=np.float32)
    rejected: dict[int, str] = {}
    for index, example in enumerate(examples):
        if example.status == "green" and (why := check_green(example.text)):
            rejected[index] = f"a green example in which {why}"
    for index, why in nearer_another_status(examples, vectors):
        rejected.setdefault(index, why)
    for index, why in rejected.items():
        log.info("%s: example %r of %s left out: %s", path.name, examples[index].text, examples[index].label, why)
    kept = [index for index in range(len(examples)) if index not in rejected]
    # The green model learns from every example but the green ones that raise and the bulk wordings: an example that is
    # merely near another status's still says which side of the line its wording falls.
    taught = [index for index in range(len(examples)) if examples[index].teaches_the_green_model
              and not rejected.get(index, "").startswith("a green example")]
    return ExampleBank(
        examples=tuple(examples[index] for index in kept), vectors=vectors[kept] if kept else vectors[:0],
        rejected=tuple((examples[index], why) for index, why in rejected.items()),
        green_model=GreenModel.fit(vectors[taught], np.array([examples[index].status == "green" for index in taught])),
        not_in_the_documents=np.array([known[text] for text in unanswered], dtype=np.float32).reshape(len(unanswered), -1),
    )


def nearer_another_status(examples: list[Example], vectors: np.ndarray) -> list[tuple[int, str]]:
    """Examples whose nearest other example has a different status: they would pull questions the wrong way."""
    if len(examples) < 2:
        return []
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, -1.0)
    statuses = np.array([example.status for example in examples])
    found = []
    for index, example in enumerate(examples):
        same = similarity[index][statuses == example.status]
        other = similarity[index][statuses != example.status]
        if other.size and (not same.size or other.max() > same.max()):
            nearest = int(np.argmax(np.where(statuses != example.status, similarity[index], -1.0)))
            found.append((index, f"nearer a {examples[nearest].status} example ({examples[nearest].label}: "
                                 f"{examples[nearest].text!r}) than any {example.status} one"))
    return found
