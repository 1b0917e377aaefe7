"""Put every golden question to one system, timing each answer once the system is warm."""

import time
from collections.abc import Callable

from assistant.models import Answer
from ingest.settings import Settings

from .golden import GoldenRow
from .scoring import QuestionResult, score

AnswerFn = Callable[..., Answer]


def answer_all(system: str, answer: AnswerFn, rows: list[GoldenRow], settings: Settings) -> list[QuestionResult]:
    """`answer(question, today, history)` for every row, after one untimed answer that loads the model and index."""
    if rows:
        answer(rows[0].question, rows[0].today, rows[0].history)
    results = []
    for row in rows:
        started = time.perf_counter()
        reply = answer(row.question, row.today, row.history)
        latency_ms = (time.perf_counter() - started) * 1000
        results.append(score(system, row, reply, latency_ms, settings))
    return results
