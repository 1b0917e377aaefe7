"""The golden set: one pydantic model per question of evals/golden.jsonl, and its loader."""

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.models import Rag, Status, Turn

HOLDOUT_PATH = Path(__file__).resolve().parent / "holdout.jsonl"
BLIND_PATH = Path(__file__).resolve().parent / "blind.jsonl"
GOLDEN_PATH = Path(__file__).resolve().parent / "golden.jsonl"
REFUSALS = ("refused_out_of_scope", "refused_no_evidence", "needs_clarification")


class HistoryTurn(Turn):
    """An earlier turn of the conversation; unknown fields are an error here too."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldenRow(BaseModel):
    """What a good answer to one question looks like.

    `acceptable_rag` lists every verdict that is right (None: no verdict, e.g. an informational
    answer or a refusal); `status` is checked only when it is set. `sources` are doc ids of which a
    good answer cites at least one.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z]+\d{3,}$")
    category: str = Field(min_length=1)
    question: str = Field(min_length=1)
    today: dt.date
    history: list[HistoryTurn]
    acceptable_rag: list[Rag | None] = Field(min_length=1)
    in_scope: bool
    status: Status | None
    escalate_dmc: bool
    escalate_legal: bool
    sources: list[str]
    answer_contains: str | list[str] | None
    """A phrase (or phrases, all required) an informational answer must contain."""
    notes: str

    @model_validator(mode="after")
    def _consistent(self) -> "GoldenRow":
        if len(set(self.acceptable_rag)) != len(self.acceptable_rag):
            raise ValueError("acceptable_rag lists a verdict twice")
        if not self.in_scope and self.status != "refused_out_of_scope":
            raise ValueError("a question out of scope must expect status refused_out_of_scope")
        if self.status in REFUSALS and self.acceptable_rag != [None]:
            raise ValueError(f"status {self.status} gives no verdict: acceptable_rag must be [null]")
        if self.escalate_legal and not self.escalate_dmc:
            raise ValueError("Legal Services is reached through DMC: escalate_legal needs escalate_dmc")
        return self


def load_golden(path: Path = GOLDEN_PATH) -> list[GoldenRow]:
    """Every row of `path`, validated; a bad line or a repeated id raises ValueError naming the line."""
    rows: list[GoldenRow] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = GoldenRow.model_validate_json(line)
        except ValidationError as exc:
            raise ValueError(f"{path.name} line {number}: {exc}") from None
        if row.id in seen:
            raise ValueError(f"{path.name} line {number}: id {row.id} is already used on line {seen[row.id]}")
        seen[row.id] = number
        rows.append(row)
    return rows
