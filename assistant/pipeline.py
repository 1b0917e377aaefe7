"""Answering as a pipeline of named steps over one Context; any step can stop it with a status and a reply.

normalise → resolve_dates → scope → guard → retrieve → read → decide → compose → verify.
Reading is separate from deciding: the readers fill one typed `Facts`, and the verdict and every
escalation come only from the policy over it (`assistant/policy.py`); composing and verifying never
change them.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

import numpy as np

from ingest.keyword import tokenize
from ingest.units import QUOTED_KINDS, Unit, whole_cut

from .answer_kind import gives_what_is_asked
from .contact_request import contacts_asked_for
from .compose import COVERED_SCORE, MIN_UNIT_SCORE, UNIT_ALONE_SCORE, Scored, key_message, overlaps, render_unit
from .dates import FoundDate, find_dates
from .facts import Facts, Rank, Span, describe
from .guard import read_claims, strip_instructions
from .holding import fill_holding_line, slot_values
from .models import Citation, Escalation, Flag, PressLineRef, Status, Turn
from .normalise import Normalised, normalise
from .policy import Decision, decide
from .prompts import render
from .readers import READERS, Reading, question_units, read
from .readers.phrases import read_risks
from .readers.examples import QUOTED, SENTENCE
from .readers.publication import read_publication
from .readers.text import Turn as ReadTurn
from .resources import ChunkRow, Resources, known_value
from .retrieve import (Retrieval, named_press_line_topics, narrow, press_line_is_current, press_line_state, retrieve,
                       usable)
from .phrasebook import phrase_book
from .rules import Rule, words
from .scope import (PUBLISHING, Intent, asks_about_the_documents, asks_about_the_rules, asks_facts_for_the_press, asks_for_approval,
                    asks_for_wording, asks_its_own_question, asks_who_may_speak, describes_own_post, in_scope, off_topic, only_asks_how_to_reach,
                    read_intent, refers_back, without_device_talk)
from .verify import quote_is_verbatim, verified

COURT_RESULT_TOPIC = "Court results"
# The documents hold no live statistics: "how many did we do last month" has no evidence here.
LIVE_FIGURES = words(r"how (?:many|much)\b.*\b(?:last|this) (?:week|month|year|quarter)", r"(?:figures|numbers|statistics|stats) for (?:last|this)")
QUOTED_PASSAGE_WORDS = 8
"""A quoted passage this long is a draft or a proposal (an email, a council's suggested line), not a phrase asked about."""
PRESS_LINES_NAMED = words(r"(?:press|holding|approved|current|reactive|proactive|media|agreed) lines?")
"""Press lines asked for as such ("which press lines…"), not any line ("a line about pavement riding", "the advice line")."""
RAG_WORDS = words("rag", "green", "amber", "red", "traffic light", "go for it", "ask dmc before posting")
ANSWER_CITATIONS = 3
INTERVIEW_KINDS = ("policy", "press_line", "media_law")
POSTING_UNITS = 3
"""How many units of the documents an amber or red answer quotes at most (fewer when the rest fall behind the best one)."""
DOCUMENTS_ANSWER_SCORE = 0.6
"""A question whose words name nothing about publishing is still in scope when a unit of the documents scores this for it:
over every evaluation set, no question written as out of scope (police powers, pay, IT) and not already read as off
topic reaches it."""
QUOTE_CHARS = 420
HOLDING_LINE_TOPIC = "arrests"
"""The `topic` of the approved press line a post about an arrest on a green topic is worded from."""
LEFT_OUT_BY_THE_HOLDING_LINE = frozenset({"naming_arrested", "identifies_person", "identifiable_images", "prejudicial_comment"})
"""Risks in how a post is worded that the holding line's bare facts leave out: on a green topic, that post is offered."""
HELD_BACK_BY = frozenset({"no_topic", "not_public", "doubtful_topic", "arrest_for_another_crime", "ahead_of_announcement", "instructed", "media_law_question"})
"""What makes a verdict amber or red other than a risk in the wording: no post is offered then."""


@dataclass
class Context:
    """Everything one answer knows, filled in step by step."""

    question: str
    today: dt.date
    history: list[Turn] = field(default_factory=list)
    draft: bool = False
    has_media: bool = False
    rank: Rank | None = None
    officer: str = ""
    readers: frozenset[str] = READERS
    normalised: Normalised | None = None
    turns: list[ReadTurn] = field(default_factory=list)
    follow_up: bool = False
    text: str = ""  # normalised text the rules read: earlier turns of a follow-up, then this question
    current_start: int = 0  # where this question starts in `text`
    earlier: str = ""  # the earlier questions a follow-up is read with, as asked
    dates: list[FoundDate] = field(default_factory=list)
    in_scope: bool = True
    intent: Intent | None = None
    claims: list[str] = field(default_factory=list)
    vector: list[float] | None = None
    retrieval: Retrieval | None = None
    facts: Facts | None = None
    decision: Decision | None = None
    rag: str | None = None
    status: Status | None = None
    reply: str = ""
    citations: list[Citation] = field(default_factory=list)
    rule_citations: dict[str, list[Citation]] = field(default_factory=dict)
    unit_vectors: object = None
    unit_spans: list[Span] = field(default_factory=list)
    escalation: list[Escalation] = field(default_factory=list)
    press_lines: list[PressLineRef] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    handoff: str = ""
    post: str = ""

    def stop(self, status: Status, reply: str) -> None:
        self.status = status
        self.reply = reply

    @property
    def stopped(self) -> bool:
        return self.status is not None

    @property
    def posting(self) -> bool:
        return self.intent == "posting"


class Step:
    """One named step of the pipeline."""

    name = "step"

    def __call__(self, ctx: Context, res: Resources) -> None:
        raise NotImplementedError


class Normalise(Step):
    name = "normalise"

    def __call__(self, ctx, res):
        ctx.normalised = normalise(ctx.question, res.speller)
        current = ctx.normalised.text
        earlier = [turn.content for turn in ctx.history if turn.role == "user"][-2:]
        this_turn = ReadTurn(0, ctx.question, ctx.normalised)
        answering = bool(ctx.history) and ctx.history[-1].role == "assistant" and ctx.history[-1].content.rstrip().endswith("?")
        before = normalise(" ".join(earlier), res.speller) if earlier else None
        if before and not ctx.draft and (answering or _is_follow_up(current, res, _raised(before.text, ctx.today))):
            ctx.follow_up = True
            ctx.earlier = " ".join(earlier)
            prefix = before.text + " \n "
            ctx.text = prefix + current
            ctx.current_start = len(prefix)
            ctx.turns = [ReadTurn(1, ctx.earlier, before), this_turn]
            ctx.assumptions.append("Read as a follow-up to the earlier question in this conversation: what it said still counts.")
        else:
            ctx.text = current
            ctx.turns = [this_turn]
        if ctx.normalised.corrections:
            fixed = ", ".join(f"'{wrong}' as '{right}'" for wrong, right in ctx.normalised.corrections)
            ctx.assumptions.append(f"Read {fixed}.")


def _raised(text: str, today: dt.date, current_start: int = 0, dates: list[FoundDate] | None = None) -> bool:
    """Whether the phrase rules raise anything in `text` (read as a post), this turn starting at `current_start`."""
    return bool(read_risks(text, current_start, text[current_start:], dates or [], today.toordinal(), posting=True,
                           locate=lambda start, end: None))


def _is_follow_up(current: str, res: Resources, earlier_raised: bool = True) -> bool:
    """A follow-up refers back or has no subject of its own; a question with a subject of its own starts fresh.

    (A reply to a question the assistant asked, such as the date of a sentencing, is always a follow-up.)

    "what if he's 16?" refers back; "Facebook as well?" has no subject of its own, and when unsure the
    earlier facts are carried (and the answer says so). "And can I tweet about the ward panel?" names
    its own topic, and "Who may speak to the media?" asks about something of its own: both start fresh.
    """
    if off_topic(current):
        return False  # pay, powers or IT in its own words: a new question, however it begins
    if contacts_asked_for(current, res.contacts):
        return False  # "And what's the Press Bureau's number?": how to reach someone named is a question of its own
    if refers_back(current):
        return True
    if read_intent(current) is None and not current.rstrip().endswith("?"):
        return True  # no question of its own: more facts for the earlier one ("update from the scene - …")
    if len(current.split()) >= STORY_WORDS and not earlier_raised:
        return False  # a story of its own after a turn that raised nothing: nothing to carry, so it starts fresh
    return not (res.matcher.find(current) or asks_its_own_question(current))


STORY_WORDS = 25
"""A question this long that asks something tells a story of its own: with no word pointing back, it starts fresh —
unless an earlier turn raised something, which, when unsure, is carried."""


class ResolveDates(Step):
    name = "resolve_dates"

    def __call__(self, ctx, res):
        ctx.dates = find_dates(ctx.text, ctx.today)
        ctx.assumptions.append(f"Today is taken as {ctx.today.isoformat()} ({ctx.today.strftime('%A')}).")
        for found in ctx.dates:
            approx = "about " if found.approximate else ""
            ctx.assumptions.append(f"'{found.phrase}' is taken as {approx}{found.date.isoformat()} ({found.date.strftime('%A %d %B %Y')}).")


class Scope(Step):
    name = "scope"

    def __call__(self, ctx, res):
        ctx.intent = read_intent(ctx.normalised.text)
        if ctx.current_start and ctx.intent in (None, "informational"):
            ctx.intent = read_intent(ctx.text[: ctx.current_start]) or ctx.intent
        if ctx.draft:
            ctx.intent = "posting"
        names_a_topic = bool(res.matcher.find(ctx.text))
        if ctx.intent in (None, "informational") and asks_for_approval(ctx.normalised.text) and names_a_topic \
                and not asks_about_the_rules(ctx.normalised.text):
            ctx.intent = "posting"  # "Christmas shopping tips: bags zipped, phones away. Alright?"
        to_the_media = "quote_to_journalist" in read_publication(without_device_talk(ctx.text)).media
        if to_the_media and ctx.intent in (None, "informational", "interview") and not asks_for_wording(ctx.normalised.text) \
                and not asks_about_the_documents(ctx.normalised.text) and not asks_about_the_rules(ctx.normalised.text) \
                and not (asks_facts_for_the_press(ctx.normalised.text) and not _raises_anything(ctx)):
            ctx.intent = "posting"  # whether to speak to the press at all is decided like a post: by rank and topic
        if contacts_asked_for(ctx.normalised.text, res.contacts) and (asks_about_the_documents(ctx.normalised.text)
                                                                       or only_asks_how_to_reach(ctx.normalised.text)):
            ctx.intent = "informational"  # "what's the press bureau's number? I want to run a post past them": the number
        if ctx.intent in (None, "informational") and "instruction" in read_claims(ctx.text):
            ctx.intent = "posting"  # a message that tells the assistant what verdict to give asks for one: judge what it says
        if ctx.intent in ("press_line", "informational") and _quotes_a_passage(ctx.text) and _quoted_passage_raises(ctx, res):
            ctx.intent = "posting"  # a quoted draft or proposal that names or identifies someone is judged, not looked up
        pay_powers_or_law = off_topic(ctx.normalised.text)
        # "Can I claim mileage for the cadets' kit?" names a topic but is about pay, not publishing
        posting_about_a_topic = ctx.intent == "posting" and names_a_topic and not pay_powers_or_law
        # a story that raises something is in scope however it is asked, but not a question about powers or law alone
        story_raises = not (ctx.intent == "informational" and pay_powers_or_law) and _raises_anything(ctx)
        ctx.in_scope = ctx.draft or in_scope(ctx.text) or posting_about_a_topic or describes_own_post(ctx.normalised.text) \
            or to_the_media or story_raises or _offers_a_draft(ctx) \
            or (not pay_powers_or_law and _the_documents_answer_it(ctx, res))
        if not ctx.in_scope:
            ctx.stop("refused_out_of_scope", render("reply_out_of_scope"))
        elif ctx.intent is None:
            ctx.intent = "posting" if names_a_topic or _offers_a_draft(ctx) else "informational"


def _the_documents_answer_it(ctx: Context, res: Resources) -> bool:
    """A question that one sentence or list of the force's documents answers closely is about them, in whatever words it is
    asked ("which group of volunteers looks at our search records?")."""
    chosen = res.units.best(res.embed(ctx.question), ctx.question, limit=1,
                            allowed=lambda unit: quotable(res, unit, QUOTED_KINDS, ctx.today))
    return bool(chosen) and chosen[0].score >= DOCUMENTS_ANSWER_SCORE


def _quotes_a_passage(text: str) -> bool:
    return any(len(match.group(1).split()) >= QUOTED_PASSAGE_WORDS for match in QUOTED.finditer(text))


def _offers_a_draft(ctx: Context) -> bool:
    """A passage quoted as a draft, a post or a reply is a post to judge, whatever it talks about (pay, rotas, overtime)."""
    return _quotes_a_passage(ctx.text) and bool(PUBLISHING.search(ctx.normalised.text))


def _quoted_passage_raises(ctx: Context, res: Resources) -> bool:
    """Whether the question, read as a post by every reader but the examples (no model call), raises a risk."""
    reading = Reading(turns=ctx.turns, text=ctx.text, current_start=ctx.current_start, dates=ctx.dates, today=ctx.today,
                      posting=True, rank=ctx.rank)
    return bool(decide(read(reading, res.matcher, None, ctx.readers - {"examples"})).reasons)


def _raises_anything(ctx: Context) -> bool:
    """A question that trips a legal rule is in scope however it is worded."""
    return _raised(ctx.text, ctx.today, ctx.current_start, ctx.dates)


class Guard(Step):
    name = "guard"

    def __call__(self, ctx, res):
        ctx.claims = read_claims(ctx.text)
        if ctx.claims:
            ctx.notes.append(render("guard_note"))
            ctx.flags.append(Flag(rule="claimed_authority", title="a claimed approval or instruction",
                                  why="The question claims an approval or gives instructions; "
                                  "these cannot be checked here and do not change the rules."))
        ctx.text = strip_instructions(ctx.text)


class Retrieve(Step):
    name = "retrieve"

    def __call__(self, ctx, res):
        query = f"{ctx.earlier} {ctx.question}".strip()
        found = question_units(ctx.turns) if "examples" in ctx.readers else []
        texts = [text for text, _ in found]
        # One call to the model: the sentences (and quoted drafts) in a batch. A long question's retrieval vector is
        # their mean weighted by length, which costs nothing more; embedding it whole beside them would pad every
        # sentence to its length. A question with no sentence worth reading is embedded whole.
        vectors = res.embed_many(texts) if texts else None
        if query in texts:
            ctx.vector = vectors[texts.index(query)].tolist()
        elif texts and not ctx.earlier:
            weights = np.array([len(text.split()) for text in texts], dtype=np.float32)
            mean = (vectors * weights[:, None]).sum(axis=0)
            ctx.vector = (mean / np.linalg.norm(mean)).tolist()
        else:
            ctx.vector = res.embed(query)
        ctx.unit_vectors, ctx.unit_spans = vectors, [span for _, span in found]
        kinds = {"press_line": ("press_line",), "interview": INTERVIEW_KINDS}.get(ctx.intent)
        ctx.retrieval = retrieve(res, query, ctx.vector, ctx.today, kinds=kinds)


class Read(Step):
    """Every reader fills one typed Facts; nothing here decides."""

    name = "read"

    def __call__(self, ctx, res):
        reading = Reading(
            turns=ctx.turns, text=ctx.text, current_start=ctx.current_start, dates=ctx.dates, today=ctx.today,
            posting=ctx.posting, has_media=ctx.has_media, rank=ctx.rank, unit_vectors=ctx.unit_vectors,
            unit_spans=ctx.unit_spans, question_vector=np.asarray(ctx.vector, dtype=np.float32) if ctx.vector else None,
            instructed="instruction" in ctx.claims, contacts=res.contacts,
            interview=ctx.intent == "interview" or asks_who_may_speak(ctx.normalised.text),
            asks_for_a_line=ctx.intent == "press_line",
        )
        ctx.facts = read(reading, res.matcher, res.bank, ctx.readers)


class Decide(Step):
    """The policy's verdict and escalations, and the fixed reply when the date of a court result is needed."""

    name = "decide"

    def __call__(self, ctx, res):
        decision = ctx.decision = decide(ctx.facts)
        ctx.rag = decision.rag
        if decision.rag == "amber" and COURT_RESULT_TOPIC in decision.topics and not ctx.facts.proceedings.date_known \
                and not decision.reasons and not ctx.draft:  # a draft is checked as written: amber, DMC decides
            ctx.stop("needs_clarification", render("reply_clarify_date", event="the sentencing"))
            one_week = find_passage(res, "policy-local-communication", "more than a week has passed since sentencing")
            ctx.citations = [one_week] if one_week else []
            return
        if decision.escalate_dmc:
            reasons = " ".join(phrase_book().rule(reason.risk).why for reason in decision.reasons) or (
                render("speaking_to_the_media") if decision.rag == "green" else render("contact_asked_for") if decision.rag is None
                and decision.contacts_asked else render("media_law_referral") if "media_law_question" in decision.notes
                else _topic_reason(ctx))
            ctx.escalation.append(Escalation(to="dmc", reason=reasons, contact=res.contact_text("dmc")))
        if decision.escalate_legal:
            legal = [phrase_book().rule(reason.risk).why for reason in decision.reasons if reason.legal]
            if "contempt" in decision.legal_matters and not any(reason.legal == "contempt" for reason in decision.reasons):
                legal.append(render("legal_case_before_the_court"))
            if not legal and "legal_services" in decision.contacts_asked:
                legal.append(render("contact_asked_for"))
            ctx.escalation.append(Escalation(to="legal_services", reason=" ".join(legal), contact=res.contact_text("legal_services")))
        dmc = res.contact_text("dmc")
        if "tell_dmc_beforehand" in decision.notes:
            ctx.notes.append(render("interview_tell_beforehand", dmc_contact=dmc))
        if "rank_unknown" in decision.notes:
            ctx.notes.append(render("note_rank_unknown", dmc_contact=dmc))
        if "already_posted" in decision.notes:
            ctx.notes.append(render("note_already_posted_green" if decision.rag == "green" else "note_already_posted_warning",
                                    dmc_contact=dmc))


def _refuse_no_evidence(ctx: Context, res: Resources) -> None:
    """Stop with "no evidence — contact the Press Bureau" and its number: never a guess.

    The reply sends the officer to the Press Bureau, so the answer names DMC as its contact too: a referral for a question
    the documents do not answer, not a verdict (verdicts and the escalations they bring come only from the decide step)."""
    ctx.stop("refused_no_evidence", render("reply_no_evidence", dmc_contact=res.contact_text("dmc")))
    _refer_to_the_press_bureau(ctx, res, render("no_evidence_referral"))


def _refer_to_the_press_bureau(ctx: Context, res: Resources, why: str) -> None:
    """Name the Press Bureau as the answer's contact when its fixed reply sends the officer there (no evidence, no current
    press line): a referral, never a verdict."""
    if not any(escalation.to == "dmc" for escalation in ctx.escalation):
        ctx.escalation.append(Escalation(to="dmc", reason=why, contact=res.contact_text("dmc")))


def _raising(ctx: Context) -> list[Rule]:
    return [phrase_book().rule(reason.risk) for reason in ctx.decision.reasons] if ctx.decision else []


def _topic_reason(ctx: Context) -> str:
    decision = ctx.decision
    if decision and "doubtful_topic" in decision.notes:
        return render("doubtful_topic", topic=decision.doubted[0])
    if decision and "arrest_for_another_crime" in decision.notes:
        return render("arrest_for_another_crime")
    if decision and "ahead_of_announcement" in decision.notes:
        return render("ahead_of_announcement")
    if decision and "instructed" in decision.notes:
        return render("instructed")
    if decision and decision.rag is not None and "media_law_question" in decision.notes:
        return render("media_law_held_back")
    if not decision or not decision.topics:
        return render("no_topic") + (" " + render("not_public") if "not_public" in (decision.notes if decision else ()) else "")
    worst = decision.topics[0]
    status = decision.topic_status
    label = {"green": "Go for it!", "amber": "Ask DMC before posting", "red": "Do not post, contact DMC"}[status]
    reason = f"'{worst}' is {status} in the RAG table ({label})."
    if "not_public" in decision.notes:
        reason += " " + render("not_public")
    return reason


class Compose(Step):
    """Gather the citations and press lines, and word the answer from the prompts/ templates."""

    name = "compose"

    def __call__(self, ctx, res):
        if ctx.intent == "press_line":
            self._press_lines(ctx, res, limit=3)
            inactive = _inactive_line_asked_for(ctx, res)
            if inactive:
                ctx.notes.insert(0, render("inactive_line", title=inactive.meta["title"],
                                           state=press_line_state(inactive.meta, ctx.today),
                                           instead=render("inactive_line_current" if ctx.press_lines else "inactive_line_none",
                                                          dmc_contact=res.contact_text("dmc"))))
            if not ctx.press_lines:
                if inactive:
                    ctx.reply = ""  # the note says which line not to use; the Press Bureau gives the one to use instead
                    _refer_to_the_press_bureau(ctx, res, render("no_current_line_referral"))
                    return
                _refuse_no_evidence(ctx, res)
                return
            ctx.citations = [citation_of(res.chunks_of(line.id)[0]) for line in ctx.press_lines]
            ctx.reply = "" if inactive else render("answer_press_lines")
        elif ctx.posting:
            self._posting(ctx, res)
        else:
            self._informational(ctx, res)

    def _informational(self, ctx, res):
        if ctx.intent == "informational" and ctx.facts and ctx.facts.contacts_asked:
            self._contacts(ctx, res, list(ctx.facts.contacts_asked))
            return
        retrieval = ctx.retrieval
        interview = ctx.intent == "interview"
        kinds = INTERVIEW_KINDS if interview else QUOTED_KINDS

        chosen = res.units.best(ctx.vector, f"{ctx.earlier} {ctx.question}",
                                allowed=lambda unit: quotable(res, unit, kinds, ctx.today, spoken=interview),
                                passages=retrieval.keyword_scores if retrieval else None, floor=MIN_UNIT_SCORE)
        best = max((item.score for item in chosen), default=0.0)
        if not interview and res.bank.nearness_to_the_unanswered(ctx.vector) > best:
            # nearer a question the documents do not answer than anything they say: no evidence, never the nearest guess
            _refuse_no_evidence(ctx, res)
            return
        # An interview is covered as a brief is (by its best sentence) or by passages near enough on its subject; any other
        # question needs a passage near enough or one unit that answers it on its own.
        found = retrieval is not None and (retrieval.relevant or best >= (COVERED_SCORE if interview else UNIT_ALONE_SCORE))
        if not found or LIVE_FIGURES.search(ctx.text):
            ctx.citations = []
            return
        about_the_table = bool(RAG_WORDS.search(ctx.text))
        rows, per_doc = [], {}
        for row in retrieval.hits:
            if row.meta.get("kind") == "rag_table" and not about_the_table:
                continue
            # One passage per document first, so three citations show three places to look.
            if per_doc.get(row.doc_id, 0) >= 1 and len(retrieval.hits) > ANSWER_CITATIONS:
                continue
            per_doc[row.doc_id] = per_doc.get(row.doc_id, 0) + 1
            rows.append(row)
        passages = [citation_of(row) for row in rows[:ANSWER_CITATIONS]]
        answering = _answering(res, chosen)
        if not answering or not gives_what_is_asked(ctx.question, [unit.text for unit, _ in answering]):
            # the nearest passages do not answer it, or speak of what is asked without giving the date, count or sum it
            # asks for: say so, never a guess
            _refuse_no_evidence(ctx, res)
            return
        quoted = {(citation.source, citation.locator) for _, citation in answering}
        ctx.citations = dedupe([citation for _, citation in answering]
                                + [passage for passage in passages if (passage.source, passage.locator) not in quoted])
        units = "\n\n".join(render_unit(unit, number) for number, (unit, _) in enumerate(answering, start=1))
        ctx.reply = render("answer_informational", units=units)
        if ctx.intent == "interview":
            self._press_lines(ctx, res, limit=2)
            tell = find_passage(res, "policy-stop-search-comms-strategy", "inspectors or above may speak")
            if tell:
                ctx.citations.append(tell)
            ctx.notes.append(render("interview_tell_beforehand", dmc_contact=res.contact_text("dmc")))

    def _contacts(self, ctx, res, asked: list[str]) -> None:
        """How to reach each contact asked for, cited to the passage of its source document that gives the details (the
        policy counts the officer as sent to DMC or Legal Services)."""
        lines, citations, said = [], [], []
        for key in asked:
            entry = res.contacts[key]
            hours = known_value(entry.get("hours"))
            lines.append(f"- {res.contact_text(key)}" + (f", {hours}" if hours else ""))
            source_doc = next((row.doc_id for row in res.rows.values() if row.meta.get("source") == entry.get("source")), None)
            needle = known_value(entry.get("phone")).split(" (")[0]
            passage = find_passage(res, source_doc, needle) if source_doc and needle else None
            sentence = next((found for found in SENTENCE.findall(passage.quote) if needle in found), "") if passage else ""
            if sentence:
                citations.append(passage)
                said.append(f"{sentence.strip()} [{len(citations)}]")
        if not gives_what_is_asked(ctx.question, lines + said):
            _refuse_no_evidence(ctx, res)  # "what's their email address?" when the documents give none: say so, not the phone
            return
        ctx.citations = dedupe(citations)
        ctx.reply = render("answer_contact", contacts="\n".join(lines),
                           documents=render("answer_informational", units="\n\n".join(said)) if said else "")

    def _posting(self, ctx, res):
        citations: list[Citation] = []
        decision = ctx.decision
        topic_rows = {topic.name: topic.chunk_id for topic in res.topics}
        for name in decision.topics:
            row = res.rows.get(topic_rows.get(name, ""))
            if row:
                citations.append(citation_of(row))
        if not decision.topics:
            passage = find_passage(res, "policy-local-communication", "The RAG Traffic Light System gives advice")
            amber_row = next((row for row in res.chunks_of("rag-table") if row.meta.get("rag_status") == "amber"), None)
            citations.extend(c for c in (passage, amber_row and citation_of(amber_row)) if c)
        if "not_public" in decision.notes:
            red_row = next((row for row in res.chunks_of("rag-table") if row.meta.get("rag_topic", "").startswith("Any of the amber")), None)
            if red_row:
                citations.append(citation_of(red_row))
        for reason in decision.reasons:
            rule = phrase_book().rule(reason.risk)
            phrases = [_phrase(ctx, span) for span in reason.spans]
            found = [passage for doc_id, needle in rule.cites
                     if (passage := next(filter(None, (_section_reference_passage(res, doc_id, phrase) for phrase in phrases)), None)
                         or find_passage(res, doc_id, needle))]
            found = found[: 2 if reason.legal else 1]
            ctx.rule_citations[rule.name] = found
            citations.extend(found)
        if "arrest_facts_only" in decision.notes:
            citations.extend(passage for doc_id, needle in phrase_book().rule("arrest_facts_only").cites if (passage := find_passage(res, doc_id, needle)))
        ctx.citations = dedupe(citations)
        if ctx.rag != "red":
            self._press_lines(ctx, res, limit=1)
        post = None if ctx.draft else _what_you_can_post(ctx, res)
        if post:
            ctx.post = post[0]
            ctx.citations.append(post[1])
        ctx.reply = _posting_text(ctx, self._documents_say(ctx, res), ctx.post)

    def _documents_say(self, ctx, res) -> str:
        """For an amber or red answer, what the force's documents say on it, each unit numbered after the citations it adds:
        first the unit nearest the question in a passage its reasons rest on, then the units nearest the question in any
        document (an officer who asks whether something is lawful, "is that contempt?", "is the reporter right?", is
        answered by the passage on that, often in another factsheet than the rule's)."""
        if ctx.rag == "green":
            return ""
        asked = f"{ctx.earlier} {ctx.question}"
        keyword_scores = ctx.retrieval.keyword_scores if ctx.retrieval else None
        allowed = lambda unit: quotable(res, unit, QUOTED_KINDS, ctx.today)  # noqa: E731
        rested_on = {(citation.doc_id, citation.locator) for passages in ctx.rule_citations.values() for citation in passages}

        def in_a_reasons_passage(unit: Unit) -> bool:
            row = res.rows[unit.chunk_id]
            return (row.doc_id, row.meta.get("locator", "")) in rested_on and allowed(unit)

        first = res.units.best(ctx.vector, asked, allowed=in_a_reasons_passage, limit=1, passages=keyword_scores,
                               floor=MIN_UNIT_SCORE)
        nearest = res.units.best(ctx.vector, asked, allowed=allowed, limit=POSTING_UNITS, passages=keyword_scores,
                                 floor=MIN_UNIT_SCORE)
        chosen = first + [item for item in nearest if not any(overlaps(item.unit, other.unit) for other in first)]
        lines = []
        for unit, citation in _answering(res, chosen[:POSTING_UNITS]):
            ctx.citations.append(citation)
            lines.append(render_unit(unit, len(ctx.citations)))
        return render("documents_say", units="\n\n".join(lines)) if lines else ""

    def _press_lines(self, ctx, res, limit):
        retrieval = ctx.retrieval
        if retrieval is None:
            return
        if ctx.intent != "press_line":
            retrieval = narrow(res, retrieval, ctx.question, ctx.today, kinds=("press_line",), k=limit)
        hits = retrieval.hits if retrieval.relevant else []
        if not hits and ctx.intent == "press_line" and PRESS_LINES_NAMED.search(ctx.text):  # their topic named: its lines
            named = named_press_line_topics(res, ctx.question)
            hits = [row for row in narrow(res, retrieval, ctx.question, ctx.today, kinds=("press_line",), k=len(res.rows)).hits
                    if row.meta.get("topic") in named]
        for row in hits[:limit]:
            meta = row.meta
            if press_line_is_current(meta, ctx.today):
                ctx.press_lines.append(PressLineRef(id=row.doc_id, title=meta["title"], text=meta["quote"],
                                                    approved_on=meta["approved_on"], review_by=meta["review_by"]))


def _inactive_line_asked_for(ctx: Context, res: Resources) -> ChunkRow | None:
    """The withdrawn, draft or overdue press line a question asks for: the best press line for it, when it is not current
    and the question names something of its title that no current line's title has ("the 2019 figures", "the proposed
    changes"). A question about the topic in general ("the current line on stop and search") asks for no inactive line."""
    if ctx.retrieval is None:
        return None
    lines = narrow(res, ctx.retrieval, ctx.question, ctx.today, kinds=("press_line",), k=1, include_inactive=True)
    best = lines.hits[0] if lines.hits and lines.relevant else None
    if best is None or press_line_is_current(best.meta, ctx.today):
        return None
    current = {word for row in res.rows.values() if row.meta.get("kind") == "press_line" and press_line_is_current(row.meta, ctx.today)
               for word in tokenize(row.meta.get("title", ""))}
    return best if set(tokenize(ctx.question)) & (set(tokenize(best.meta.get("title", ""))) - current) else None


def quotable(res: Resources, unit: Unit, kinds: tuple[str, ...], today: dt.date, spoken: bool = False) -> bool:
    """A unit of an approved passage of one of `kinds` that may be used on `today` (no withdrawn or overdue line);
    `spoken` (an interview): only what can be said aloud, a complete sentence from no decision's paperwork."""
    row = res.rows.get(unit.chunk_id)
    return (row is not None and row.meta.get("kind") in kinds and usable(row.meta, today)
            and (not spoken or key_message(unit, row.meta.get("locator", ""))))


def _answering(res: Resources, chosen: list[Scored]) -> list[tuple[Unit, Citation]]:
    """The chosen units (already at `MIN_UNIT_SCORE` or more: the floor `UnitIndex.best` was given), each with its citation,
    whose quote is checked verbatim in its source."""
    kept = []
    for scored in chosen:
        citation = unit_citation(res.rows[scored.unit.chunk_id], scored.unit)
        if quote_is_verbatim(citation, res.settings):
            kept.append((scored.unit, citation))
    return kept


def unit_citation(row: ChunkRow, unit: Unit) -> Citation:
    """The citation of a unit the answer quotes: its passage's place, and the unit itself as the quote."""
    meta = row.meta
    return Citation(source=meta["source"], title=meta["title"], kind=meta["kind"], locator=meta.get("locator", ""),
                    quote=unit.text, doc_id=row.doc_id, archived=meta.get("status") == "archived")


def _phrase(ctx: Context, span: Span) -> str:
    """The words a finding was read from: in the question as asked, or in the earlier turns."""
    if span.turn == 0:
        return ctx.question[span.start : span.end]
    return ctx.text[span.start : span.end]


def _what_you_can_post(ctx: Context, res: Resources) -> tuple[str, Citation] | None:
    """Wording the officer can post, from the approved arrest holding line filled from `Facts`, with its citation.

    Offered for an arrest on a green crime topic: as the answer when it is green, or in place of the post asked about
    when only a risk in its wording (a name, a photo, words of guilt) raised it. Never when the topic itself is amber
    or red, and never unless the filled wording, checked as a draft, raises nothing.
    """
    decision, facts = ctx.decision, ctx.facts
    if facts is None or not decision.topics or decision.topic_status != "green" or facts.proceedings.stage != "arrested":
        return None
    if set(decision.notes) & HELD_BACK_BY or (ctx.rag != "green" and not (
            decision.reasons and all(reason.risk in LEFT_OUT_BY_THE_HOLDING_LINE for reason in decision.reasons))):
        return None
    particulars = facts.particulars
    if particulars.custody == "released":  # the line announces an arrest whose enquiries continue
        return None
    offences = [topic.offence for topic in res.topics if topic.name in decision.topics and topic.offence]
    line = next((row for row in res.rows.values() if row.meta.get("kind") == "press_line"
                 and row.meta.get("topic") == HOLDING_LINE_TOPIC and press_line_is_current(row.meta, ctx.today)), None)
    if line is None or len(set(offences)) != 1 or particulars.several or particulars.gender is None:
        return None
    area = _said(ctx, particulars.area) if particulars.area else None
    values = slot_values(particulars.gender, particulars.age.years if particulars.age else None, offences[0], area)
    post = fill_holding_line(line.meta["quote"], values, in_custody=particulars.custody == "in_custody")
    if post is None:
        return None
    check = run(Context(question=post, today=ctx.today, draft=True, readers=ctx.readers), res)
    if check.rag != "green" or check.decision is None or check.decision.reasons:
        return None
    return post, citation_of(line)


def _said(ctx: Context, span: Span) -> str:
    """The words at `span` as the officer wrote them: in this question, or in the earlier turns it follows."""
    return (ctx.question if span.turn == 0 else ctx.earlier)[span.start : span.end]


def _posting_text(ctx: Context, documents_say: str, post: str = "") -> str:
    topics = ", ".join(ctx.decision.topics) or "no RAG topic matched"
    raising = _raising(ctx)
    if ctx.rag == "green":
        verdict_line = render("verdict_green", topics=topics)
    elif ctx.rag == "amber":
        verdict_line = render("verdict_amber", topics=topics, condition=render("amber_condition"))
    else:
        verdict_line = render("verdict_red", reasons="; ".join(dict.fromkeys(rule.title for rule in raising)) or topics)
    # The reasons that raised come first. A green topic is then named as overruled by them; "no topic, so treat it as
    # amber" would contradict a red answer, so it is left out.
    why = ["Why:"] + list(dict.fromkeys(f"- {rule.why}" for rule in raising))
    if not raising or (ctx.decision.topics and ctx.decision.topic_status != "green"):
        why.append(f"- {_topic_reason(ctx)}")
    elif ctx.decision.topics:
        why.append("- " + render("topic_overruled", topic=ctx.decision.topics[0], verdict=ctx.rag))
    conditions = [phrase_book().rule("arrest_facts_only")] if "arrest_facts_only" in ctx.decision.notes else []
    may_say = []
    if ctx.rag == "green" and conditions:
        may_say = ["What you may say:", f"- {conditions[0].why}"]
    must_not = list(dict.fromkeys(f"- {rule.safer}" for rule in raising if rule.safer))
    if conditions and ctx.rag == "green":
        must_not.append("- No names, and nothing on guilt, character, evidence or previous convictions.")
    must_not_say = ["What you must not say:", *must_not] if must_not else []
    can_post = render("can_post" if ctx.rag == "green" else "can_post_instead", post=post) if post else ""
    contacts = [f"- {entry.contact}" for entry in ctx.escalation]
    contact = ["Who to contact:", *contacts] if contacts else []
    return render(
        "answer_posting",
        verdict_line=verdict_line,
        why="\n".join(why),
        may_say="\n".join(may_say),
        can_post=can_post,
        must_not_say="\n".join(must_not_say),
        documents_say=documents_say,
        contact="\n".join(contact),
    )


def _section_reference_passage(res: Resources, doc_id: str, phrase: str) -> Citation | None:
    """For a hit such as "section 4(2)", the passage of `doc_id` that names that section, if any."""
    number = re.search(r"\d+[a-z]?(?:\(\d+\))?", phrase)
    if not number or not re.search(r"\b(?:section|s\.?)\s?\d", phrase):
        return None
    wanted = re.compile(rf"s\.\s?{re.escape(number.group(0))}(?![\w(])", re.IGNORECASE)
    for row in res.chunks_of(doc_id):
        match = wanted.search(row.meta.get("quote", ""))
        if match:
            return citation_of(row, focus=match.start())
    return None


def find_passage(res: Resources, doc_id: str, needle: str) -> Citation | None:
    """The passage of `doc_id` whose section is `needle`, or whose text contains it."""
    rows = res.chunks_of(doc_id)
    for row in rows:
        if row.meta.get("section", "").lower() == needle.lower():
            return citation_of(row)
    for row in rows:
        quote = row.meta.get("quote", "")
        at = quote.lower().find(needle.lower())
        if at >= 0:
            return citation_of(row, focus=at)
    return None


def citation_of(row: ChunkRow, focus: int | None = None) -> Citation:
    meta = row.meta
    return Citation(
        source=meta["source"], title=meta["title"], kind=meta["kind"], locator=meta.get("locator", ""),
        quote=_trim_quote(meta.get("quote", ""), focus), doc_id=row.doc_id, archived=meta.get("status") == "archived",
    )


def _trim_quote(quote: str, focus: int | None) -> str:
    """A verbatim excerpt of about QUOTE_CHARS: the sentence at `focus` on, or the passage's opening; whole sentences
    and whole lists, never cut mid-word."""
    if focus is not None:
        sentence_end = quote.rfind(". ", 0, focus)
        start = max(sentence_end + 2 if sentence_end >= 0 else 0, quote.rfind("\n", 0, focus) + 1)
        quote = quote[start:]
    return quote[: whole_cut(quote, QUOTE_CHARS)].strip()


def dedupe(citations: list[Citation]) -> list[Citation]:
    """`citations` without repeats (the same source, place and quote), in order."""
    seen, kept = set(), []
    for citation in citations:
        key = (citation.source, citation.locator, citation.quote)
        if key not in seen:
            seen.add(key)
            kept.append(citation)
    return kept


class Verify(Step):
    """Drop any citation whose quote is not verbatim in its source; the verdict never depends on this."""

    name = "verify"

    def __call__(self, ctx, res):
        ctx.citations, dropped = verified(ctx.citations, res.settings)
        if dropped:
            ctx.assumptions.append(f"{len(dropped)} passage(s) could not be matched to their source and were left out.")
        for rule_name, passages in ctx.rule_citations.items():
            if not any(passage in ctx.citations for passage in passages):
                ctx.notes.append(render("passage_missing", rule=phrase_book().rule(rule_name).title))
        for citation in ctx.citations:
            if citation.archived:
                ctx.notes.append(render("archived_note", title=citation.title))
        if not ctx.posting and ctx.intent != "press_line" and not ctx.citations and not ctx.escalation:
            _refuse_no_evidence(ctx, res)


STEPS: tuple[Step, ...] = (Normalise(), ResolveDates(), Scope(), Guard(), Retrieve(), Read(), Decide(), Compose(), Verify())


def run(ctx: Context, res: Resources) -> Context:
    """Run the steps in order until one stops the pipeline; then settle the status and the hand-off."""
    for step in STEPS:
        step(ctx, res)
        if ctx.stopped:
            break
    if not ctx.stopped:
        ctx.status = "escalated" if ctx.escalation else "answered"
    if ctx.status in ("needs_clarification", "refused_out_of_scope", "refused_no_evidence"):
        ctx.rag = None
    _finish(ctx)
    return ctx


def _finish(ctx: Context) -> None:
    """Flags for every reason the policy gave, each with the spans that raised it (highlighted in a draft)."""
    decision = ctx.decision
    for reason in decision.reasons if decision else ():
        rule = phrase_book().rule(reason.risk)
        spans = [span for span in reason.spans if span.turn == 0] or [None]
        for span in spans:
            flag = Flag(rule=rule.name, title=rule.title, why=rule.why, safer=rule.safer,
                        span=(span.start, span.end) if span and ctx.draft else None,
                        phrase=ctx.question[span.start : span.end] if span else None)
            if not any(f.rule == flag.rule and f.span == flag.span and f.phrase == flag.phrase for f in ctx.flags):
                ctx.flags.append(flag)
    if decision and "arrest_facts_only" in decision.notes:
        arrest_facts = phrase_book().rule("arrest_facts_only")
        ctx.flags.append(Flag(rule=arrest_facts.name, title=arrest_facts.title, why=arrest_facts.why,
                              safer=arrest_facts.safer))
    if ctx.escalation:
        ctx.handoff = _handoff(ctx)


def _handoff(ctx: Context) -> str:
    """The text an officer sends DMC: every turn, who and when, the verdict, each reason once, what was read, the
    passages and the contacts."""
    asked = [turn.content for turn in ctx.history if turn.role == "user"] + [ctx.question]
    reasons = [phrase_book().rule(reason.risk).why for reason in ctx.decision.reasons] if ctx.decision else []
    if not reasons:
        reasons = [entry.reason for entry in ctx.escalation if entry.to == "dmc"]
    read = describe(ctx.facts) if ctx.facts else []
    if ctx.decision and ctx.decision.topics:
        read.append("RAG topics: " + ", ".join(ctx.decision.topics))
    bullet = lambda items, empty: "\n".join(f"- {item}" for item in dict.fromkeys(items)) or f"- {empty}"  # noqa: E731
    return render(
        "handoff", officer=ctx.officer or "(not given)", today=ctx.today.isoformat(),
        turns="\n".join(f"{number}. {text}" for number, text in enumerate(asked, start=1)),
        verdict=(ctx.rag or "no verdict").upper(), reasons=bullet(reasons, "none given"),
        facts=bullet(read, "nothing beyond the question"),
        passages=bullet((f"{c.title} ({c.locator})" for c in ctx.citations), "none found"),
        contacts=bullet((entry.contact for entry in ctx.escalation), "the 24-hour Press Bureau"),
    )
