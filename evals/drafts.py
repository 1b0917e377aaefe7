"""Draft posts written blind, with the spans a good checker flags: the model, the loader and the scoring.

A flag counts when it overlaps a labelled span and is of the right kind (each labelled kind maps to
the risks that may flag it). Recall is over labelled spans, precision over the flags with spans whose
risk is one of those kinds.
"""

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

DRAFTS_DIR = Path(__file__).resolve().parent / "drafts"
DRAFTS_TODAY = dt.date(2026, 12, 2)
"""The fixed day drafts and interview topics are checked as of, so their scores do not move with the calendar."""
SpanKind = str
KIND_FLAGS: dict[str, frozenset[str]] = {
    "person_name": frozenset({"identifies_person", "naming_arrested"}),
    "address": frozenset({"identifies_person", "jigsaw_identification", "naming_arrested", "personal_data"}),
    "school_or_workplace": frozenset({"identifies_person", "jigsaw_identification", "naming_arrested"}),
    "child_age": frozenset({"under_18"}),
    "sex_offence_jigsaw": frozenset({"jigsaw_identification", "identifies_person", "sexual_offence"}),
    "previous_convictions": frozenset({"prejudicial_comment"}),
    "presumes_guilt": frozenset({"prejudicial_comment"}),
}


SPAN_RULES = frozenset().union(*KIND_FLAGS.values())
"""The flags precision is judged on: those that point at a phrase of one of the labelled kinds (a flag for the
topic as a whole, such as sexual_offence or death, has no labelled counterpart here)."""


class LabelledSpan(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int = Field(ge=0)
    end: int
    kind: SpanKind
    phrase: str


class DraftRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z]\d{3,}$")
    text: str
    has_media: bool
    clean: bool
    spans: list[LabelledSpan]
    notes: str

    @model_validator(mode="after")
    def _consistent(self) -> "DraftRow":
        if self.clean != (not self.spans):
            raise ValueError("clean must be true exactly when there are no spans")
        for span in self.spans:
            if span.kind not in KIND_FLAGS:
                raise ValueError(f"unknown span kind {span.kind!r}")
            if self.text[span.start : span.end] != span.phrase:
                raise ValueError(f"span {span.start}-{span.end} is not {span.phrase!r}")
        return self


def load_drafts(path: Path) -> list[DraftRow]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(DraftRow.model_validate_json(line))
            except ValidationError as exc:
                raise ValueError(f"{path.name} line {number}: {exc}") from None
    return rows


class DraftScore(BaseModel):
    drafts: int
    labelled_spans: int
    spans_found: int
    flags_with_spans: int
    flags_right: int
    clean_drafts: int
    clean_drafts_raised: int
    missed: list[str]
    wrong: list[str]

    @property
    def recall(self) -> float:
        return self.spans_found / self.labelled_spans if self.labelled_spans else 1.0

    @property
    def precision(self) -> float:
        return self.flags_right / self.flags_with_spans if self.flags_with_spans else 1.0


def score_drafts(rows: list[DraftRow], check, today: dt.date) -> DraftScore:
    """`check(text, has_media, today)` returns a DraftCheck; spans compare by overlap and kind."""
    found = right = with_spans = clean_raised = 0
    missed, wrong = [], []
    for row in rows:
        result = check(row.text, row.has_media, today)
        flags = [flag for flag in result.flags if flag.span and flag.rule in SPAN_RULES]
        for span in row.spans:
            if any(_overlaps(flag.span, span) and flag.rule in KIND_FLAGS[span.kind] for flag in flags):
                found += 1
            else:
                missed.append(f"{row.id} {span.kind} {span.phrase!r}")
        for flag in flags:
            with_spans += 1
            if any(_overlaps(flag.span, span) and flag.rule in KIND_FLAGS[span.kind] for span in row.spans):
                right += 1
            else:
                wrong.append(f"{row.id} {flag.rule} {row.text[flag.span[0]:flag.span[1]]!r}")
        if row.clean and result.rag in ("amber", "red"):
            clean_raised += 1
    return DraftScore(
        drafts=len(rows), labelled_spans=sum(len(row.spans) for row in rows), spans_found=found,
        flags_with_spans=with_spans, flags_right=right, clean_drafts=sum(row.clean for row in rows),
        clean_drafts_raised=clean_raised, missed=missed, wrong=wrong,
    )


def _overlaps(flag_span: tuple[int, int], span: LabelledSpan) -> bool:
    return flag_span[0] < span.end and span.start < flag_span[1]
