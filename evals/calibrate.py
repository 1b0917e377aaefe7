"""`python -m evals.calibrate`: the raw retrieval scores behind "is there any evidence?", to choose its thresholds.

For the golden questions that test evidence (informational, press_line, no_evidence, out_of_scope)
it prints the best raw dense similarity and the best BM25 score retrieval finds, then the pair of
thresholds (MIN_DENSE_SIMILARITY, MIN_BM25_SCORE in assistant/retrieve.py) that best separates the
questions with evidence from those expecting refused_no_evidence or refused_out_of_scope.

Each question is retrieved as the engine retrieves it (its steps up to and including retrieve, so
the same query and kinds); a question the engine stops before retrieving (out of scope) is
retrieved over every kind, so that it still counts as a question with no evidence.
"""

import sys
from dataclasses import dataclass

from assistant import retrieve as retrieve_module
from assistant.api import Engine
from assistant.pipeline import STEPS, Context, Retrieve
from assistant.retrieve import Retrieval, retrieve
from assistant.resources import Resources
from ingest.pipeline import index_status, run_ingest
from ingest.settings import get_settings

from .golden import GoldenRow, load_golden

CATEGORIES = ("informational", "press_line", "no_evidence", "out_of_scope")
NO_EVIDENCE = ("refused_no_evidence", "refused_out_of_scope")


@dataclass
class Scores:
    row: GoldenRow
    dense: float
    bm25: float
    rare_term: bool

    @property
    def has_evidence(self) -> bool:
        return self.row.in_scope and self.row.status not in NO_EVIDENCE

    def relevant(self, min_dense: float, min_bm25: float) -> bool:
        return self.dense >= min_dense or self.bm25 >= min_bm25 or self.rare_term


def engine_retrieval(row: GoldenRow, res: Resources) -> Retrieval:
    ctx = Context(question=row.question, today=row.today, history=list(row.history))
    for step in STEPS:
        step(ctx, res)
        if ctx.stopped or isinstance(step, Retrieve):
            break
    return ctx.retrieval or retrieve(res, row.question, res.embed(row.question), row.today)


def misjudged(scores: list[Scores], min_dense: float, min_bm25: float) -> list[Scores]:
    return [s for s in scores if s.relevant(min_dense, min_bm25) != s.has_evidence]


def cut_points(values: list[float]) -> list[tuple[float, float]]:
    """(threshold, gap width): the midpoint of each gap between neighbouring values, and one past either end."""
    ordered = sorted(set(values))
    points = [(ordered[0] - 0.01, 0.0), (ordered[-1] + 0.01, 0.0)]
    points += [((low + high) / 2, high - low) for low, high in zip(ordered, ordered[1:])]
    return points


def suggest(scores: list[Scores]) -> tuple[float, float]:
    """The pair that misjudges fewest questions; among equals, the one in the widest gaps (relative to the spread)."""
    dense_spread = (max(s.dense for s in scores) - min(s.dense for s in scores)) or 1.0
    bm25_spread = (max(s.bm25 for s in scores) - min(s.bm25 for s in scores)) or 1.0
    best = None
    for min_dense, dense_gap in cut_points([s.dense for s in scores]):
        for min_bm25, bm25_gap in cut_points([s.bm25 for s in scores]):
            key = (len(misjudged(scores, min_dense, min_bm25)), -(dense_gap / dense_spread + bm25_gap / bm25_spread))
            if best is None or key < best[0]:
                best = (key, min_dense, min_bm25)
    return best[1], best[2]


def main() -> int:
    settings = get_settings()
    if index_status(settings) != "fresh":
        run_ingest(settings)
    res = Engine(settings, audit=False).resources
    scores = []
    for row in load_golden():
        if row.category in CATEGORIES:
            found = engine_retrieval(row, res)
            scores.append(Scores(row, found.best_dense, found.best_bm25, found.rare_term_found))

    print(f"{'id':<6} {'category':<14} {'expects':<9} {'dense':>6} {'bm25':>6}  rare  question")
    for s in sorted(scores, key=lambda s: (s.has_evidence, s.dense)):
        print(f"{s.row.id:<6} {s.row.category:<14} {'evidence' if s.has_evidence else 'none':<9} {s.dense:6.3f} "
              f"{s.bm25:6.2f}  {'yes ' if s.rare_term else '    '}  {s.row.question[:70]}")

    current = (retrieve_module.MIN_DENSE_SIMILARITY, retrieve_module.MIN_BM25_SCORE)
    suggested = suggest(scores)
    print(f"\n{len(scores)} questions; a rare query term matched in a top keyword hit counts as evidence whatever the thresholds.")
    for label, (min_dense, min_bm25) in (("current", current), ("suggested", suggested)):
        wrong = misjudged(scores, min_dense, min_bm25)
        ids = ", ".join(f"{s.row.id} ({'missed evidence' if s.has_evidence else 'false evidence'})" for s in wrong)
        print(f"{label:<10} MIN_DENSE_SIMILARITY = {min_dense:.3f}  MIN_BM25_SCORE = {min_bm25:.2f}  "
              f"misjudged {len(wrong)}: {ids or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
