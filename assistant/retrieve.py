"""Step 5: hybrid retrieval — dense (Chroma, the query embedded once) and BM25, fused by reciprocal rank."""

import datetime as dt
from dataclasses import dataclass, field

from ingest.keyword import tokenize

from .resources import ChunkRow, Resources

RRF_K = 60
CANDIDATES = 30
# "Nothing relevant" is decided on the raw scores before fusion (fused scores carry only ranks).
# Calibrated on the golden set (evals/golden.jsonl): see evals/calibrate.py.
MIN_DENSE_SIMILARITY = 0.49
MIN_BM25_SCORE = 5.5


@dataclass
class Retrieval:
    """The fused hits, best first, with the raw best scores used to decide relevance.

    `dense` and `keyword` keep the candidates (id, raw score) so a narrower view (say, press lines
    only) can be fused again without searching twice.
    """

    hits: list[ChunkRow] = field(default_factory=list)
    best_dense: float = 0.0
    best_bm25: float = 0.0
    rare_term_found: bool = False
    dense: list[tuple[str, float]] = field(default_factory=list)
    keyword: list[tuple[str, float]] = field(default_factory=list)

    @property
    def keyword_scores(self) -> dict[str, float]:
        """The keyword (BM25) score of each candidate passage, by chunk id."""
        return dict(self.keyword)

    @property
    def relevant(self) -> bool:
        return self.best_dense >= MIN_DENSE_SIMILARITY or self.best_bm25 >= MIN_BM25_SCORE or self.rare_term_found


def press_line_is_current(meta: dict, today: dt.date) -> bool:
    """Approved, approved on or before `today`, and not past its review-by date."""
    if meta.get("kind") != "press_line" or meta.get("status") != "approved":
        return False
    try:
        approved_on = dt.date.fromisoformat(str(meta.get("approved_on")))
        review_by = dt.date.fromisoformat(str(meta.get("review_by")))
    except ValueError:
        return False
    return approved_on <= today <= review_by


def press_line_state(meta: dict, today: dt.date) -> str:
    """Why a press line is not current on `today`, in words for the officer ("" when it is current)."""
    if press_line_is_current(meta, today):
        return ""
    status = meta.get("status")
    approved_on, review_by = meta.get("approved_on") or "", meta.get("review_by") or ""
    if status == "withdrawn":
        return "withdrawn" + (f" (approved on {approved_on}, due for review by {review_by})" if approved_on else "")
    if status != "approved":
        return "a draft that has not been approved"
    if approved_on and approved_on > today.isoformat():
        return f"not approved until {approved_on}"
    return f"past its review date ({review_by}) and has not been approved again since"


def named_press_line_topics(resources: Resources, text: str) -> set[str]:
    """The press-line topics whose every word `text` has ("stop and search" names stop_and_search, "arrests" arrests)."""
    asked = set(tokenize(text))
    topics = {row.meta.get("topic") for row in resources.rows.values() if row.meta.get("kind") == "press_line"}
    return {topic for topic in topics if topic and set(tokenize(topic.replace("_", " "))) <= asked}


def usable(meta: dict, today: dt.date) -> bool:
    """Press lines that are withdrawn, draft or overdue on `today` are never offered."""
    return meta.get("kind") != "press_line" or press_line_is_current(meta, today)


def retrieve(
    resources: Resources,
    query: str,
    vector: list[float],
    today: dt.date,
    kinds: tuple[str, ...] | None = None,
    k: int = 8,
) -> Retrieval:
    """The best `k` chunks for `query` of the given kinds, excluding press lines not current on `today`."""
    dense = [(chunk_id, score) for chunk_id, score in resources.dense(vector, CANDIDATES) if chunk_id in resources.rows]
    keyword = resources.keyword.search(query, CANDIDATES)
    rare = resources.keyword.rare_terms(query)
    return fuse(resources, dense, keyword, rare, today, kinds, k)


def narrow(resources: Resources, retrieval: Retrieval, query: str, today: dt.date, kinds: tuple[str, ...], k: int,
           include_inactive: bool = False) -> Retrieval:
    """The same search seen through `kinds` only (with press lines not current on `today` too, if asked): no second
    query to the store."""
    return fuse(resources, retrieval.dense, retrieval.keyword, resources.keyword.rare_terms(query), today, kinds, k,
                include_inactive)


def fuse(resources, dense, keyword, rare, today, kinds, k, include_inactive: bool = False) -> Retrieval:
    """Reciprocal rank fusion of the dense and keyword candidates that are usable on `today`."""

    def keep(chunk_id: str) -> bool:
        row = resources.rows.get(chunk_id)
        return row is not None and (include_inactive or usable(row.meta, today)) and (kinds is None or row.meta.get("kind") in kinds)

    candidates = dense, keyword
    dense = [(chunk_id, score) for chunk_id, score in dense if keep(chunk_id)]
    keyword = [(chunk_id, score) for chunk_id, score in keyword if keep(chunk_id)]
    fused: dict[str, float] = {}
    for ranking in (dense, keyword):
        for rank, (chunk_id, _) in enumerate(ranking):
            fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (RRF_K + rank + 1)
    ordered = sorted(fused, key=lambda chunk_id: (-fused[chunk_id], chunk_id))[:k]
    top_keyword = [chunk_id for chunk_id, _ in keyword[:3]]
    return Retrieval(
        hits=[resources.rows[chunk_id] for chunk_id in ordered],
        best_dense=max((score for _, score in dense), default=0.0),
        best_bm25=max((score for _, score in keyword), default=0.0),
        rare_term_found=bool(rare) and any(rare & resources.terms_of(chunk_id) for chunk_id in top_keyword),
        dense=candidates[0],
        keyword=candidates[1],
    )
