"""`python -m evals.calibrate_examples [--write]`: the example reader's thresholds, set on the development halves.

The readers' findings do not depend on the thresholds, so each question is read once (the engine's
steps up to and including `read`) and the verdict policy is then applied under each candidate set of
thresholds. A candidate is admissible only if it gives **no unsafe green** on the development halves
and on the guard sets (golden, held-out, older blind sets, test halves after their first runs), also with the
green model's probability and the green-by-example thresholds lowered by buffers — except the unsafe greens the
strictest thresholds give too (a topic named outright, a rule: no threshold causes or cures them); among those, the one with the most right
verdicts wins (ties go to the stricter thresholds). Coordinate search: the doubting thresholds, the green-by-example
thresholds, the green model's probability, then the raising ones, twice over. (A doubting threshold is an
amber or red topic too faint to raise that still keeps a sentence from green: the verdict is amber.)

Prints the figures; with `--write` it also rewrites `assistant/calibration.json` with the thresholds
and the figures they were set on. A test half is never read here before its first run is recorded.
"""

import argparse
import datetime as dt
import itertools
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from assistant.api import Engine
from assistant.calibration import CALIBRATION_PATH, Thresholds, thresholds
from assistant.facts import Facts
from assistant.pipeline import STEPS, Context, Read
from assistant.policy import decide
from ingest.pipeline import index_status, run_ingest
from ingest.settings import get_settings

from .golden import GOLDEN_PATH, GoldenRow, load_golden

EVALS = Path(__file__).resolve().parent
FIRST_RUNS = EVALS / "results" / "first-runs"
DEV_PATHS = sorted(EVALS.glob("blind-*-dev.jsonl"))
GUARD_PATHS = [GOLDEN_PATH, EVALS / "holdout.jsonl", EVALS / "blind.jsonl"] + [
    path for path in sorted(EVALS.glob("blind-*-test.jsonl")) if any(FIRST_RUNS.glob(f"{path.stem}_first-run_*"))]
"""The golden set, the held-out and older blind sets, and the test halves that became regression sets after their first
runs (a test half whose first run is not yet recorded is never read)."""
GREEN_PROBABILITY = [round(0.5 + 0.01 * i, 2) for i in range(50)] + [1.0]
PROBABILITY_BUFFER = 0.15
SIMILARITY_BUFFER = 0.05
"""A green threshold is admissible only if one this much lower is also safe on every set: the lowest safe
threshold sits just above the highest non-green question seen, and new wordings land past it."""
GREEN_MIN = [round(0.45 + 0.025 * i, 3) for i in range(19)]
GREEN_MARGIN = [round(0.02 * i, 2) for i in range(11)]
RAISE_MIN = [round(0.55 + 0.02 * i, 2) for i in range(21)]
DOUBT_MIN = [round(0.40 + 0.02 * i, 2) for i in range(10)] + [1.0]
DOUBT_MARGIN = [round(0.02 * i, 2) for i in range(8)] + [1.0]


@dataclass
class Read_:
    row: GoldenRow
    facts: Facts | None
    """None when the engine stopped before reading (out of scope): its outcome does not depend on thresholds."""
    fixed_rag: str | None
    fixed_status: str | None


def read_rows(engine: Engine, rows: list[GoldenRow]) -> list[Read_]:
    res = engine.resources
    found = []
    for row in rows:
        ctx = Context(question=row.question, today=row.today, history=list(row.history), readers=engine.readers)
        for step in STEPS:
            step(ctx, res)
            if ctx.stopped or isinstance(step, Read):
                break
        found.append(Read_(row, ctx.facts if not ctx.stopped else None, None, ctx.status))
    return found


def verdict(item: Read_, limits: Thresholds) -> tuple[str | None, str | None]:
    if item.facts is None:
        return item.fixed_rag, item.fixed_status
    decision = decide(item.facts, limits)
    if decision.rag == "amber" and "Court results" in decision.topics and not item.facts.proceedings.date_known \
            and not decision.reasons:
        return None, "needs_clarification"
    return decision.rag, None


STRICTEST = Thresholds(raise_min_similarity=min(RAISE_MIN), risk_min_similarity=min(RAISE_MIN), green_min_similarity=1.0,
                       green_min_margin=1.0, green_min_probability=1.0, doubt_min_similarity=min(DOUBT_MIN), doubt_min_margin=0.0)
"""Thresholds that grant nothing green by example and raise and doubt all they can: what is unsafe under them is not the
thresholds' doing (a topic named outright, a rule), so it does not rule a candidate out."""


def judge(items: list[Read_], limits: Thresholds) -> tuple[int, set[int], int]:
    """(right, the questions given an unsafe green, green recall count)."""
    right = greens = 0
    unsafe: set[int] = set()
    for item in items:
        rag, status = verdict(item, limits)
        status_ok = item.row.status is None or item.row.status == status or (status is None and item.row.status not in (
            "needs_clarification", "refused_out_of_scope", "refused_no_evidence"))
        right += rag in item.row.acceptable_rag and status_ok
        if rag == "green" and "green" not in item.row.acceptable_rag:
            unsafe.add(id(item))
        greens += rag == "green" and "green" in item.row.acceptable_rag
    return right, unsafe, greens


def search(dev: list[Read_], guard: list[Read_], start: Thresholds) -> Thresholds:
    best = start
    floor = judge(dev, STRICTEST)[1] | judge(guard, STRICTEST)[1]

    def key(limits: Thresholds):
        right, unsafe, _ = judge(dev, limits)
        guard_right, guard_unsafe, _ = judge(guard, limits)
        looser = limits.model_copy(update={
            "green_min_probability": max(0.0, limits.green_min_probability - PROBABILITY_BUFFER),
            "green_min_similarity": max(0.0, limits.green_min_similarity - SIMILARITY_BUFFER),
            "green_min_margin": max(0.0, limits.green_min_margin - SIMILARITY_BUFFER)})
        admissible = (unsafe | guard_unsafe | judge(dev, looser)[1] | judge(guard, looser)[1]) <= floor
        return (admissible, right + guard_right, limits.green_min_similarity + limits.green_min_margin
                + limits.green_min_probability + limits.raise_min_similarity + limits.risk_min_similarity
                - limits.doubt_min_similarity - limits.doubt_min_margin)  # lower doubt thresholds are the stricter

    if not key(start)[0]:
        print("the current thresholds give unsafe greens (with the buffer) beyond those no threshold can avoid")
    for _ in range(2):
        best = max((best.model_copy(update={"doubt_min_similarity": d, "doubt_min_margin": m})
                    for d, m in itertools.product(DOUBT_MIN, DOUBT_MARGIN)), key=key)
        best = max((best.model_copy(update={"green_min_similarity": g, "green_min_margin": m})
                    for g, m in itertools.product(GREEN_MIN, GREEN_MARGIN)), key=key)
        best = max((best.model_copy(update={"green_min_probability": p}) for p in GREEN_PROBABILITY), key=key)
        best = max((best.model_copy(update={"raise_min_similarity": r, "risk_min_similarity": k})
                    for r, k in itertools.product(RAISE_MIN, RAISE_MIN)), key=key)
    if not key(best)[0]:
        print("no admissible thresholds found: keeping the current ones")
        return start
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.calibrate_examples", description=__doc__)
    parser.add_argument("--write", action="store_true", help="rewrite assistant/calibration.json with the result")
    args = parser.parse_args(argv)
    settings = get_settings()
    if index_status(settings) != "fresh":
        run_ingest(settings)
    engine = Engine(settings, audit=False)
    dev = [item for path in DEV_PATHS for item in read_rows(engine, load_golden(path))]
    guard = [item for path in GUARD_PATHS for item in read_rows(engine, load_golden(path))]
    current = thresholds()
    chosen = search(dev, guard, current)
    figures = {}
    for label, limits in (("current", current), ("chosen", chosen)):
        for name, items in (("dev", dev), ("guard", guard)):
            right, unsafe_found, greens = judge(items, limits)
            unsafe = len(unsafe_found)
            wanted = sum("green" in item.row.acceptable_rag for item in items)
            print(f"{label:<8} {name:<7} accuracy {right}/{len(items)} ({right / len(items):.1%})  unsafe greens {unsafe}  "
                  f"green recall {greens}/{wanted}  {limits.model_dump()}")
            if label == "chosen":
                figures |= {f"{name}_accuracy": round(right / len(items), 4), f"{name}_unsafe_greens": unsafe,
                            f"{name}_green_recall": round(greens / wanted, 4) if wanted else 1.0, f"{name}_questions": len(items)}
    if args.write:
        payload = {"thresholds": chosen.model_dump(), "set_on": f"{', '.join(path.name for path in DEV_PATHS)} (development halves) "
                   f"with {', '.join(path.name for path in GUARD_PATHS)} as no-unsafe-green guards, {dt.date.today().isoformat()}",
                   "figures": figures}
        CALIBRATION_PATH.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {CALIBRATION_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
