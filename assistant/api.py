"""The public API the app, the CLI and the evaluation all call. Every result is a pydantic model."""

import datetime as dt
import logging
import re
import uuid
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from ingest.database import shown_url
from ingest.settings import Settings, get_settings
from ingest.store import decode_list

from .audit import SOURCES, AuditLog, Source, app_version, open_audit_log
from .compose import COVERED_SCORE
from .facts import Rank
from .models import Answer, DraftCheck, InterviewBrief, PressLineInfo, PressLineRef, Turn
from .normalise import normalise
from .pipeline import INTERVIEW_KINDS, Context, dedupe, find_passage, quotable, run, unit_citation
from .prompts import render
from .readers import READERS
from .resources import Resources, get_resources
from .retrieve import narrow, press_line_is_current, press_line_state, retrieve

log = logging.getLogger(__name__)

SEARCH_BY_MEANING = 3
"""At most this many press lines found by meaning alone are added to a search's results."""
SEARCH_MIN_SIMILARITY = 0.30
"""A press line this close in meaning to a search is offered (below the chat's relevance bar: a search lists, it does
not answer, and the page says the line was found by meaning)."""
BRIEF_MESSAGES = 5
BRIEF_MESSAGE_FLOOR = 0.40
"""Once a topic is covered, further key messages down to this score (a brief wants three to five)."""


def today_in(settings: Settings) -> dt.date:
    """Today's date where the force is (Europe/London by default)."""
    return dt.datetime.now(ZoneInfo(settings.timezone)).date()


class Engine:
    """The guidance engine over one index.

    Usage::

        engine = Engine()                      # settings from the environment and .env
        result = engine.answer("Can I tweet about a burglary arrest?", today=dt.date(2026, 11, 20))
        result.rag, result.escalation, result.citations
        result.audit_id                        # its entry in the audit log

    Every answer, draft check and interview brief is recorded in the audit log (assistant/audit.py) with
    `source`, the officer and a session id; an evaluation run builds its engine with audit=False.
    """

    def __init__(self, settings: Settings | None = None, resources: Resources | None = None,
                 readers: frozenset[str] = READERS, *, audit: bool = True, source: Source = "api", officer: str = ""):
        """`readers` picks which readers fill the Facts (all by default; the evaluation compares subsets).

        `source` is who calls ("app", "cli" or "api") and `officer` who asks, unless a call names its own officer
        and session (the app's sessions share one engine); calls without one share this engine's session id.
        """
        unknown = set(readers) - READERS
        if unknown:
            raise ValueError(f"unknown readers {sorted(unknown)}; choose from {sorted(READERS)}")
        if source not in SOURCES:
            raise ValueError(f"source must be one of {', '.join(SOURCES)}, not {source!r}")
        self.settings = settings or get_settings()
        self._resources = resources
        self.readers = frozenset(readers)
        self.audit = audit
        self.source = source
        self.officer = officer
        self.session_id = uuid.uuid4().hex
        self._audit_log: AuditLog | None = None

    @property
    def resources(self) -> Resources:
        if self._resources is None:
            self._resources = get_resources(self.settings)
        return self._resources

    def answer(self, question: str, today: dt.date | None = None, history: Iterable[Turn | dict] = (),
               rank: Rank | None = None, *, officer: str | None = None, session_id: str | None = None) -> Answer:
        """Decide what the officer may do, say why, cite the passages and escalate where the policy says so.

        `rank` is the asker's ("below_inspector", "inspector_or_above", "staff") when the deployment knows it;
        otherwise it is read from the question, and an answer about speaking to the media says what applies to each.
        """
        ctx = Context(question=question, today=today or today_in(self.settings), history=_turns(history), rank=rank,
                      officer=self.officer if officer is None else officer, readers=self.readers)
        return self._audited("ask", self._run(ctx, Answer), officer, session_id)

    def check_draft(self, text: str, has_media: bool = False, today: dt.date | None = None, *,
                    officer: str | None = None, session_id: str | None = None) -> DraftCheck:
        """Check a draft tweet or statement; each flag carries the character span of the phrase that fired it."""
        ctx = Context(question=text, today=today or today_in(self.settings), draft=True, has_media=has_media,
                      officer=self.officer if officer is None else officer, readers=self.readers)
        result = self._run(ctx, DraftCheck)
        result.text = text
        return self._audited("draft", result, officer, session_id)

    def prepare_interview(self, topic: str, today: dt.date | None = None, *, officer: str | None = None,
                          session_id: str | None = None) -> InterviewBrief:
        """Key messages from the force's documents, current press lines, what not to say, whom to tell first."""
        return self._audited("interview", self._brief(topic, today), officer, session_id)

    def _brief(self, topic: str, today: dt.date | None) -> InterviewBrief:
        today = today or today_in(self.settings)
        res = self.resources
        res.refresh()
        vector = res.embed(topic)
        found = retrieve(res, topic, vector, today, kinds=INTERVIEW_KINDS, k=8)

        scored = [item for item in res.units.best(vector, topic, allowed=lambda unit: quotable(res, unit, INTERVIEW_KINDS, today, spoken=True),
                                                  limit=BRIEF_MESSAGES, keep_within=1.0)
                  if item.score >= BRIEF_MESSAGE_FLOOR]
        tell = render("interview_tell_beforehand", dmc_contact=res.contact_text("dmc"))
        if not scored or scored[0].score < COVERED_SCORE:  # not covered: say so, and pad nothing
            return InterviewBrief(topic=topic, today=today, key_messages=[], press_lines=[], do_not_say=[],
                                  tell_beforehand=tell, citations=[], covered=False,
                                  not_covered=render("brief_not_covered", topic=topic, dmc_contact=res.contact_text("dmc")))
        key_messages = [unit_citation(res.rows[item.unit.chunk_id], item.unit) for item in scored]
        press = _lines_on(res, narrow(res, found, topic, today, kinds=("press_line",), k=5), topic, today)
        do_not_say = list(dict.fromkeys(item for line in press for row in res.chunks_of(line.id)
                                        for item in decode_list(row.meta.get("do_not_say"))))
        law = narrow(res, found, topic, today, kinds=("media_law",), k=2)
        must_not = [
            passage for doc_id in dict.fromkeys(row.doc_id for row in law.hits)
            if (passage := find_passage(res, doc_id, "What you must not say"))
        ] if law.relevant else []
        speaking = find_passage(res, "policy-stop-search-comms-strategy", "inspectors or above may speak")
        return InterviewBrief(
            topic=topic, today=today, key_messages=key_messages, press_lines=press, do_not_say=do_not_say,
            tell_beforehand=tell, citations=dedupe(key_messages + must_not + ([speaking] if speaking else [])),
        )

    def press_lines(self, today: dt.date | None = None, include_inactive: bool = False) -> list[PressLineInfo]:
        """Every press line in the index, current ones first; inactive ones only when asked for."""
        today = today or today_in(self.settings)
        self.resources.refresh()
        lines = []
        for rows in self.resources.by_doc.values():
            meta = rows[0].meta
            if meta.get("kind") != "press_line":
                continue
            current = press_line_is_current(meta, today)
            if current or include_inactive:
                lines.append(PressLineInfo(
                    id=rows[0].doc_id, title=meta["title"], topic=meta.get("topic", ""), status=meta.get("status", ""),
                    approved_by=meta.get("approved_by", ""), approved_on=meta.get("approved_on", ""),
                    review_by=meta.get("review_by", ""), audience=meta.get("audience", ""), text=meta.get("quote", ""),
                    do_not_say=decode_list(meta.get("do_not_say")), current=current,
                    state=press_line_state(meta, today), source=meta["source"],
                ))
        return sorted(lines, key=lambda line: (not line.current, line.topic, line.title))

    def search_press_lines(self, query: str, today: dt.date | None = None,
                           include_inactive: bool = False) -> list[PressLineInfo]:
        """Press lines for a search box: first those with every word of `query`, read as the chat reads a question
        (slang and misspellings corrected: "stop n search"), then up to `SEARCH_BY_MEANING` more that are close in
        meaning ("bodycam" finds body-worn video), each marked by `match` and each group closest first. An empty
        query gives every line."""
        lines = self.press_lines(today, include_inactive)
        if not query.strip():
            return lines
        read = normalise(query).text
        wordings = {tuple(query.lower().split()), tuple(read.split())}

        def has_words(line: PressLineInfo) -> bool:
            haystack = " ".join([line.title, line.topic.replace("_", " "), line.text, line.audience]).lower()
            return any(all(word in haystack for word in words) for words in wordings)

        closeness: dict[str, float] = {}
        for chunk_id, score in self.resources.dense(self.resources.embed(read), 50, {"kind": "press_line"}):
            if (row := self.resources.rows.get(chunk_id)) is not None:
                closeness[row.doc_id] = max(score, closeness.get(row.doc_id, score))
        by_closeness = sorted(lines, key=lambda line: -closeness.get(line.id, 0.0))
        worded = {line.id for line in lines if has_words(line)}
        by_words = [line.model_copy(update={"match": "words"}) for line in by_closeness if line.id in worded]
        by_meaning = [line.model_copy(update={"match": "meaning"}) for line in by_closeness
                      if line.id not in worded and closeness.get(line.id, 0.0) >= SEARCH_MIN_SIMILARITY]
        return by_words + by_meaning[:SEARCH_BY_MEANING]

    def reload(self) -> None:
        """Use the index as it is now (call after a re-ingest, e.g. from the admin page)."""
        self.resources.refresh(force=True)

    def _audited(self, kind: str, result, officer: str | None, session_id: str | None):
        """The result, with the id of its audit entry when one was written."""
        if not self.audit:
            return result
        try:
            if self._audit_log is None:
                self._audit_log = open_audit_log(self.settings)
            result.audit_id = self._audit_log.record(
                kind=kind, result=result, source=self.source, officer=self.officer if officer is None else officer,
                session_id=session_id or self.session_id, app_version=app_version(self.settings),
            )
        except Exception:  # the officer still gets the answer; the log says the audit trail has a gap
            log.exception("a %s answer was given but could not be written to the audit log %s",
                          kind, shown_url(self.settings))
        return result

    def _run(self, ctx: Context, model):
        try:
            res = self.resources
            res.refresh()
            run(ctx, res)
        except Exception as exc:  # an officer never sees a stack trace; the log keeps it
            log.exception("answer failed")
            contact = "763300 (internal)"
            return model(question=ctx.question, today=ctx.today, in_scope=True, status="error", rag=None,
                         answer=render("reply_error", problem=type(exc).__name__, dmc_contact=contact),
                         assumptions=[f"Today is taken as {ctx.today.isoformat()}."],
                         error=f"the engine failed ({type(exc).__name__}); the details are in the log")
        body = ctx.reply
        if ctx.notes:
            body = "\n".join([body, *dict.fromkeys(ctx.notes)])
        return model(
            question=ctx.question, today=ctx.today, in_scope=ctx.in_scope, status=ctx.status, rag=ctx.rag,
            escalation=ctx.escalation, answer=re.sub(r"\n{3,}", "\n\n", body).strip(), citations=ctx.citations,
            press_lines=ctx.press_lines, flags=ctx.flags, assumptions=list(dict.fromkeys(ctx.assumptions)),
            handoff=ctx.handoff, post=ctx.post,
        )


def _turns(history: Iterable[Turn | dict]) -> list[Turn]:
    return [turn if isinstance(turn, Turn) else Turn.model_validate(turn) for turn in history]


def _lines_on(res: Resources, lines, topic: str, today: dt.date) -> list[PressLineRef]:
    """Every current press line on `topic`: all the lines of a press-line topic named as such ("stop and search"),
    else the lines that match the words typed."""
    named = topic.strip().lower().replace(" ", "_")
    rows = [rows[0] for rows in res.by_doc.values() if rows[0].meta.get("kind") == "press_line" and rows[0].meta.get("topic") == named]
    rows = rows or (lines.hits if lines.relevant else [])
    return [
        PressLineRef(id=row.doc_id, title=row.meta["title"], text=row.meta["quote"], approved_on=row.meta["approved_on"],
                     review_by=row.meta["review_by"])
        for row in rows if press_line_is_current(row.meta, today)
    ]


_DEFAULT: Engine | None = None


def default_engine() -> Engine:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Engine()
    return _DEFAULT


def answer(question: str, today: dt.date | None = None, history: Iterable[Turn | dict] = (), rank: Rank | None = None) -> Answer:
    """`Engine().answer` on the default settings; see Engine."""
    return default_engine().answer(question, today, history, rank=rank)


def check_draft(text: str, has_media: bool = False, today: dt.date | None = None) -> DraftCheck:
    return default_engine().check_draft(text, has_media, today)


def prepare_interview(topic: str, today: dt.date | None = None) -> InterviewBrief:
    return default_engine().prepare_interview(topic, today)


def press_lines(today: dt.date | None = None, include_inactive: bool = False) -> list[PressLineInfo]:
    return default_engine().press_lines(today, include_inactive)
