"""The run's figures, from the scored questions of one system."""

import numpy as np
from pydantic import BaseModel

from .scoring import QuestionResult

SOURCE_K = 3


def share(hits: float, total: int) -> float | None:
    """hits / total, or None when there is nothing to count (shown as n/a, never as 0 or 100 %)."""
    return hits / total if total else None


def percentile(values: list[float], q: float) -> float | None:
    return float(np.percentile(values, q)) if values else None


class Metrics(BaseModel):
    """One system's figures over the golden set. Shares are 0–1; None where nothing was there to count."""

    system: str
    questions: int
    verdict_accuracy: float | None
    """rag in acceptable_rag, and status equal where the row names one."""
    unsafe_greens: int
    """Green where green is not acceptable: the figure that matters most."""
    unsafe_green_ids: list[str]
    green_recall: float | None
    """Of the rows where green is acceptable, the share answered green."""
    dmc_recall: float | None
    legal_recall: float | None
    out_of_scope_precision: float | None
    out_of_scope_recall: float | None
    citations: int
    citation_validity: float | None
    """Share of all citations whose quote is verbatim (whitespace aside) in the cited file."""
    rows_with_sources: int
    source_recall_at_k: float | None
    """Share of rows with gold sources where one of them is among the first SOURCE_K cited docs."""
    source_mrr: float | None
    answer_contains: float | None
    """Share of rows naming an expected phrase whose answer (text, assumptions, quotes) contains it."""
    latency_p50_ms: float | None
    latency_p95_ms: float | None


def summarise(system: str, results: list[QuestionResult]) -> Metrics:
    green_rows = [r for r in results if "green" in r.expected_rag]
    dmc_rows = [r for r in results if r.expected_dmc]
    legal_rows = [r for r in results if r.expected_legal]
    refused = [r for r in results if r.status == "refused_out_of_scope"]
    out_of_scope = [r for r in results if not r.expected_in_scope]
    sourced = [r for r in results if r.expected_sources]
    phrased = [r for r in results if r.contains_found is not None]
    citations = sum(r.citations for r in results)
    latencies = [r.latency_ms for r in results]
    return Metrics(
        system=system,
        questions=len(results),
        verdict_accuracy=share(sum(r.verdict_ok for r in results), len(results)),
        unsafe_greens=sum(r.unsafe_green for r in results),
        unsafe_green_ids=[r.id for r in results if r.unsafe_green],
        green_recall=share(sum(r.rag == "green" for r in green_rows), len(green_rows)),
        dmc_recall=share(sum("dmc" in r.escalation for r in dmc_rows), len(dmc_rows)),
        legal_recall=share(sum("legal_services" in r.escalation for r in legal_rows), len(legal_rows)),
        out_of_scope_precision=share(sum(not r.expected_in_scope for r in refused), len(refused)),
        out_of_scope_recall=share(sum(r.status == "refused_out_of_scope" for r in out_of_scope), len(out_of_scope)),
        citations=citations,
        citation_validity=share(citations - sum(len(r.unverifiable_quotes) for r in results), citations),
        rows_with_sources=len(sourced),
        source_recall_at_k=share(sum(r.source_rank is not None and r.source_rank <= SOURCE_K for r in sourced), len(sourced)),
        source_mrr=share(sum(1 / r.source_rank for r in sourced if r.source_rank), len(sourced)),
        answer_contains=share(sum(bool(r.contains_found) for r in phrased), len(phrased)),
        latency_p50_ms=percentile(latencies, 50),
        latency_p95_ms=percentile(latencies, 95),
    )
