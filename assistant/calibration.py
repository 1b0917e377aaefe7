"""The thresholds the example reader's findings must reach to count, as set by `python -m evals.calibrate`.

They live in `assistant/calibration.json` with the figures they were set on, so a change of
threshold is a reviewed change of a tracked file, never a side effect of measuring.
"""

import json
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

CALIBRATION_PATH = Path(__file__).with_name("calibration.json")


class Thresholds(BaseModel):
    """Cosine similarities (0–1) between a question's sentence and its nearest example."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    raise_min_similarity: float = Field(ge=0, le=1)
    """An amber or red topic read by example counts from here."""
    risk_min_similarity: float = Field(ge=0, le=1)
    """A risk factor read by example counts from here."""
    green_min_similarity: float = Field(ge=0, le=1)
    """A green topic read by example counts only from here…"""
    green_min_margin: float = Field(ge=0, le=1)
    """…and only this far ahead of the nearest amber or red example."""
    green_min_probability: float = Field(default=1.0, ge=0, le=1)
    """The green model's probability from which its green topic counts (1.0: never)."""
    doubt_min_similarity: float = Field(default=1.0, ge=0, le=1)
    """An amber or red topic read by example, too faint to raise, still stops a green verdict from here…"""
    doubt_min_margin: float = Field(default=1.0, ge=0, le=1)
    """…when its sentence leans this far away from every green topic (1.0: never). The verdict is then amber."""


class Calibration(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    thresholds: Thresholds
    set_on: str
    figures: dict[str, float | int | str]


@lru_cache(maxsize=1)
def load_calibration(path: Path = CALIBRATION_PATH) -> Calibration:
    return Calibration.model_validate(json.loads(path.read_text(encoding="utf-8")))


def thresholds() -> Thresholds:
    return load_calibration().thresholds
