"""Pressline's guidance engine: safe verdicts, media-law escalation and cited answers.

Usage::

    import datetime as dt
    from assistant import answer
    result = answer("Can I tweet about a burglary arrest on my ward?", today=dt.date(2026, 11, 20))
    print(result.rag, result.status, [c.title for c in result.citations])
"""

from ingest import offline  # noqa: F401  (before any model or store library loads)

from .api import Engine, answer, check_draft, prepare_interview, press_lines, today_in
from .models import Answer, Citation, DraftCheck, Escalation, Flag, InterviewBrief, PressLineInfo, PressLineRef, Turn

__all__ = [
    "Answer",
    "Citation",
    "DraftCheck",
    "Engine",
    "Escalation",
    "Flag",
    "InterviewBrief",
    "PressLineInfo",
    "PressLineRef",
    "Turn",
    "answer",
    "check_draft",
    "prepare_interview",
    "press_lines",
    "today_in",
]
