"""Answering as a pipeline of named steps over one Context; any step can stop it with a status and a reply.

normalise → resolve_dates → scope → guard → retrieve → classify_topic → apply_rules → decide_verdict
→ compose → verify. The verdict and escalation come only from the rules; composing and verifying
never change them.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import FoundDate, find_dates
from .guard import read_claims, strip_instructions
from .models import Citation, Escalation, Flag, PressLineRef, Status, Turn
from .normalise import Normalised, normalise
from .prompts import render
from .resources import ChunkRow, Resources
from .retrieve import Retrieval, narrow, press_line_is_current, retrieve
from .rules import ARREST_FACTS_ONLY, COURT_RESULT, Hit, Rule, fire, read_facts, words
from .scope import Intent, in_scope, read_intent
from .topics import SEVERITY, TopicMatch, strictest
from .verify import verified

PUBLIC = words(
    r"already (?:been )?(?:public|out|reported|published|announced|released|covered|run|in the (?:press|papers|news|public domain)|"
    r"on (?:the )?(?:met website|news|bbc|twitter|facebook))", "in the public domain", r"(?:is|are|it's|it is|now) public",
    r"publicly (?:announced|available)", r"(?:standard|evening standard|bbc|itv|sky|local paper|local press|papers|press|news|"
    r"media|journalists?)(?:'s| has| have| had)? ?(?:already )?(?:run|covered|reported|published|got|has|picked up)",
    r"(?:on|in) the (?:met website|standard|evening standard|local paper|news|papers|press)", r"press release (?:has )?(?:gone|went) out",
    r"@metpoliceuk (?:has |have )?(?:tweeted|posted)", r"dmc (?:has |have )?(?:already )?(?:put out|released|published|tweeted)",
    r"all over (?:facebook|twitter|social media|the news|the papers)", "widely reported",
)
NOT_PUBLIC = words(
    r"not (?:yet )?(?:been )?(?:public|released|announced|published|reported|out|in the (?:press|papers|news|public domain))",
    r"(?:hasn't|has not|haven't|have not|hasnt|havent) (?:yet )?(?:been )?(?:put anything out|released|announced|published|"
    r"reported|gone out|been in the (?:press|papers|news)|made public|gone public)", r"not gone public", r"before (?:it's|it is|it has been|dmc|the press|anyone) ",
    r"ahead of (?:the )?(?:launch|announcement)", r"embargo\w*", "not public", "nobody knows", "no one knows", "under wraps",
    r"next (?:week|month)", "launching", "will launch", "is launching", "are launching", r"trail(?:ing)? it", "start trailing",
    "upcoming", r"going to (?:launch|run|start)", r"(?:hasn't|has not|not) been in the (?:press|papers|news)",
    "tomorrow", "tonight", "in advance", r"ahead of (?:the|it|them)", r"before (?:the|it|they) (?:go|goes|happen|happens|start)",
)
FOLLOW_UP_CUE = re.compile(r"^\s*(?:what if|what about|and\b|also|but\b|ok\b|okay\b|update|same|then|so\b|just\b)|\b(?:too|as well|still|instead|now)\b")
COURT_RESULT_TOPIC = "Court results"
# The documents hold no live statistics: "how many did we do last month" has no evidence here.
LIVE_FIGURES = words(r"how (?:many|much)\b.*\b(?:last|this) (?:week|month|year|quarter)", r"(?:figures|numbers|statistics|stats) for (?:last|this)")
RAG_WORDS = words("rag", "green", "amber", "red", "traffic light", "go for it", "ask dmc before posting")
ANSWER_CITATIONS = 3
QUOTE_CHARS = 420


@dataclass
class Context:
    """Everything one answer knows, filled in step by step."""

    question: str
    today: dt.date
    history: list[Turn] = field(default_factory=list)
    draft: bool = False
    has_media: bool = False
    normalised: Normalised | None = None
    text: str = ""  # normalised text the rules read: earlier turns of a follow-up, then this question
    current_start: int = 0  # where this question starts in `text`
    earlier: str = ""  # the earlier questions a follow-up is read with, as asked
    dates: list[FoundDate] = field(default_factory=list)
    in_scope: bool = True
    intent: Intent | None = None
    claims: list[str] = field(default_factory=list)
    vector: list[float] | None = None
    retrieval: Retrieval | None = None
    topics: list[TopicMatch] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    public: str | None = None  # "public" | "not_public" | None (unknown)
    rag: str | None = None
    status: Status | None = None
    reply: str = ""
    citations: list[Citation] = field(default_factory=list)
    rule_citations: dict[str, list[Citation]] = field(default_factory=dict)
    escalation: list[Escalation] = field(default_factory=list)
    press_lines: list[PressLineRef] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    handoff: str = ""

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
        if earlier and _is_follow_up(current, res):
            ctx.earlier = " ".join(earlier)
            prefix = normalise(ctx.earlier, res.speller).text + " \n "
            ctx.text = prefix + current
            ctx.current_start = len(prefix)
            ctx.assumptions.append("Read as a follow-up to the earlier question in this conversation.")
        else:
            ctx.text = current
        if ctx.normalised.corrections:
            fixed = ", ".join(f"'{wrong}' as '{right}'" for wrong, right in ctx.normalised.corrections)
            ctx.assumptions.append(f"Read {fixed}.")


def _is_follow_up(current: str, res: Resources) -> bool:
    return (
        len(current.split()) <= 14
        or bool(FOLLOW_UP_CUE.search(current))
        or not res.matcher.find(current)
    )


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
        posting_about_a_topic = ctx.intent == "posting" and bool(res.matcher.find(ctx.text))
        ctx.in_scope = ctx.draft or in_scope(ctx.text) or posting_about_a_topic or _raises_anything(ctx)
        if not ctx.in_scope:
            ctx.stop("refused_out_of_scope", render("reply_out_of_scope"))
        elif ctx.intent is None:
            ctx.intent = "posting" if res.matcher.find(ctx.text) else "informational"


def _raises_anything(ctx: Context) -> bool:
    """A question that trips a legal rule is in scope however it is worded."""
    facts = read_facts(ctx.text, ctx.dates, ctx.today.toordinal())
    return any(hit.rule.kind == "raises" for hit in fire(facts, posting=True))


class Guard(Step):
    name = "guard"

    def __call__(self, ctx, res):
        ctx.claims = read_claims(ctx.text)
        if ctx.claims:
            ctx.notes.append(render("guard_note"))
            ctx.flags.append(Flag(rule="claimed_authority", why="The question claims an approval or gives instructions; "
                                  "these cannot be checked here and do not change the rules."))
        ctx.text = strip_instructions(ctx.text)


class Retrieve(Step):
    name = "retrieve"

    def __call__(self, ctx, res):
        query = f"{ctx.earlier} {ctx.question}".strip()
        ctx.vector = res.embed(query)
        kinds = {"press_line": ("press_line",), "interview": ("policy", "press_line", "media_law")}.get(ctx.intent)
        ctx.retrieval = retrieve(res, query, ctx.vector, ctx.today, kinds=kinds)


class ClassifyTopic(Step):
    name = "classify_topic"

    def __call__(self, ctx, res):
        ctx.topics = res.matcher.find(ctx.text)
        court = next((topic for topic in res.topics if topic.name == COURT_RESULT_TOPIC), None)
        sentence = COURT_RESULT.search(ctx.text)
        if court and sentence and not any(match.topic is court for match in ctx.topics):
            # A sentence length ("got 6 years") names the court-results topic as surely as its aliases.
            ctx.topics.append(TopicMatch(court, sentence.start(), sentence.end(), sentence.group(0)))
        if NOT_PUBLIC.search(ctx.text):
            ctx.public = "not_public"
        elif PUBLIC.search(ctx.text):
            ctx.public = "public"


class ApplyRules(Step):
    name = "apply_rules"

    def __call__(self, ctx, res):
        # The tick box "shows an identifiable person" reads as words after the draft: its flag has no span.
        text = ctx.text + (" \n shows an identifiable person" if ctx.has_media else "")
        facts = read_facts(text, ctx.dates, ctx.today.toordinal())
        hits = fire(facts, posting=ctx.posting)
        current = ctx.text[ctx.current_start :]
        ctx.hits = [
            hit for hit in hits
            if not (hit.start < ctx.current_start and hit.rule.cancelled_by is not None and hit.rule.cancelled_by.search(current))
        ]


def _raising(ctx: Context) -> list[Rule]:
    seen: dict[str, Rule] = {}
    for hit in ctx.hits:
        if hit.rule.kind == "raises":
            seen.setdefault(hit.rule.name, hit.rule)
    return list(seen.values())


class DecideVerdict(Step):
    name = "decide_verdict"

    def __call__(self, ctx, res):
        raising = _raising(ctx)
        if ctx.posting:
            topic_status = strictest(match.topic.status for match in ctx.topics)
            base = topic_status or "amber"
            if base == "amber" and ctx.public == "not_public":
                base = "red"
            ctx.rag = "red" if raising else base
            court = any(match.topic.name == COURT_RESULT_TOPIC for match in ctx.topics)
            if ctx.rag == "amber" and court and not ctx.dates:
                ctx.stop("needs_clarification", render("reply_clarify_date", event="the sentencing"))
                one_week = find_passage(res, "policy-local-communication", "more than a week has passed since sentencing")
                ctx.citations = [one_week] if one_week else []
                return
        if ctx.rag in ("amber", "red") or raising:
            reasons = " ".join(rule.why for rule in raising) or _topic_reason(ctx)
            ctx.escalation.append(Escalation(to="dmc", reason=reasons, contact=res.contact_text("dmc")))
        legal = [rule for rule in raising if rule.legal]
        if legal:
            ctx.escalation.append(Escalation(
                to="legal_services", reason=" ".join(rule.why for rule in legal), contact=res.contact_text("legal_services"),
            ))


def _topic_reason(ctx: Context) -> str:
    if not ctx.topics:
        return render("no_topic") + (" " + render("not_public") if ctx.public == "not_public" else "")
    worst = max(ctx.topics, key=lambda match: SEVERITY[match.topic.status]).topic
    reason = f"'{worst.name}' is {worst.status} in the RAG table ({worst.label})."
    if ctx.public == "not_public" and worst.status == "amber":
        reason += " " + render("not_public")
    return reason


class Compose(Step):
    """Gather the citations and press lines, and word the answer from the prompts/ templates."""

    name = "compose"

    def __call__(self, ctx, res):
        if ctx.intent == "press_line":
            self._press_lines(ctx, res, limit=3)
            if not ctx.press_lines:
                ctx.stop("refused_no_evidence", render("reply_no_evidence", dmc_contact=res.contact_text("dmc")))
                return
            ctx.citations = [citation_of(res.chunks_of(line.id)[0]) for line in ctx.press_lines]
            ctx.reply = render("answer_press_lines")
        elif ctx.posting:
            self._posting(ctx, res)
        else:
            self._informational(ctx, res)

    def _informational(self, ctx, res):
        retrieval = ctx.retrieval
        if retrieval is None or not retrieval.relevant or LIVE_FIGURES.search(ctx.text):
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
        ctx.citations = [citation_of(row) for row in rows[:ANSWER_CITATIONS]]
        if ctx.intent == "interview":
            self._press_lines(ctx, res, limit=2)
            tell = find_passage(res, "policy-stop-search-comms-strategy", "inspectors or above may speak")
            if tell:
                ctx.citations.append(tell)
            ctx.notes.append(render("interview_tell_beforehand", dmc_contact=res.contact_text("dmc")))
        ctx.reply = render("answer_informational")

    def _posting(self, ctx, res):
        citations: list[Citation] = []
        for match in sorted(ctx.topics, key=lambda m: -SEVERITY[m.topic.status]):
            row = res.rows.get(match.topic.chunk_id)
            if row:
                citations.append(citation_of(row))
        if not ctx.topics:
            passage = find_passage(res, "policy-local-communication", "The RAG Traffic Light System gives advice")
            amber_row = next((row for row in res.chunks_of("rag-table") if row.meta.get("rag_status") == "amber"), None)
            citations.extend(c for c in (passage, amber_row and citation_of(amber_row)) if c)
        if ctx.public == "not_public" and any(m.topic.status == "amber" for m in ctx.topics):
            red_row = next((row for row in res.chunks_of("rag-table") if row.meta.get("rag_topic", "").startswith("Any of the amber")), None)
            if red_row:
                citations.append(citation_of(red_row))
        for hit in ctx.hits:
            if hit.rule.name in ctx.rule_citations:
                continue
            found = [passage for doc_id, needle in hit.rule.cites
                     if (passage := _section_reference_passage(res, doc_id, hit.phrase) or find_passage(res, doc_id, needle))]
            found = found[: 2 if hit.rule.legal else 1]
            ctx.rule_citations[hit.rule.name] = found
            citations.extend(found)
        ctx.citations = _dedupe(citations)
        if ctx.rag != "red":
            self._press_lines(ctx, res, limit=1)
        ctx.reply = _posting_text(ctx)

    def _press_lines(self, ctx, res, limit):
        retrieval = ctx.retrieval
        if retrieval is None:
            return
        if ctx.intent != "press_line":
            retrieval = narrow(res, retrieval, ctx.question, ctx.today, kinds=("press_line",), k=limit)
        if not retrieval.relevant:
            return
        for row in retrieval.hits[:limit]:
            meta = row.meta
            if press_line_is_current(meta, ctx.today):
                ctx.press_lines.append(PressLineRef(id=row.doc_id, title=meta["title"], text=meta["quote"],
                                                    approved_on=meta["approved_on"], review_by=meta["review_by"]))


def _posting_text(ctx: Context) -> str:
    topics = ", ".join(dict.fromkeys(match.topic.name for match in ctx.topics)) or "no RAG topic matched"
    raising = _raising(ctx)
    if ctx.rag == "green":
        verdict_line = render("verdict_green", topics=topics)
    elif ctx.rag == "amber":
        verdict_line = render("verdict_amber", topics=topics, condition=render("amber_condition"))
    else:
        verdict_line = render("verdict_red", reasons=", ".join(rule.name.replace("_", " ") for rule in raising) or topics)
    why = ["Why:"] + [f"- {_topic_reason(ctx)}"] + [f"- {rule.why}" for rule in raising]
    conditions = [hit.rule for hit in ctx.hits if hit.rule.kind == "conditions"]
    may_say = []
    if ctx.rag == "green" and conditions:
        may_say = ["What you may say:", f"- {conditions[0].why}"]
    must_not = [f"- {rule.safer}" for rule in raising if rule.safer]
    if conditions and ctx.rag == "green":
        must_not.append("- No names, and nothing on guilt, character, evidence or previous convictions.")
    must_not_say = ["What you must not say:", *must_not] if must_not else []
    contacts = [f"- {entry.contact}" for entry in ctx.escalation]
    contact = ["Who to contact:", *contacts] if contacts else []
    return render(
        "answer_posting",
        verdict_line=verdict_line,
        why="\n".join(why),
        may_say="\n".join(may_say),
        must_not_say="\n".join(must_not_say),
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
    """A verbatim excerpt of at most QUOTE_CHARS: the sentence at `focus` on, or the passage's opening."""
    if focus is not None:
        sentence_end = quote.rfind(". ", 0, focus)
        start = max(sentence_end + 2 if sentence_end >= 0 else 0, quote.rfind("\n", 0, focus) + 1)
        quote = quote[start:]
    if len(quote) <= QUOTE_CHARS:
        return quote.strip()
    cut = max(quote.rfind(". ", 0, QUOTE_CHARS), quote.rfind("\n", 0, QUOTE_CHARS))
    return quote[: cut + 1 if cut > 80 else QUOTE_CHARS].strip()


def _dedupe(citations: list[Citation]) -> list[Citation]:
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
                ctx.notes.append(render("passage_missing", rule=rule_name.replace("_", " ")))
        for citation in ctx.citations:
            if citation.archived:
                ctx.notes.append(render("archived_note", title=citation.title))
        if not ctx.posting and ctx.intent != "press_line" and not ctx.citations and not ctx.escalation:
            ctx.stop("refused_no_evidence", render("reply_no_evidence", dmc_contact=res.contact_text("dmc")))


STEPS: tuple[Step, ...] = (Normalise(), ResolveDates(), Scope(), Guard(), Retrieve(), ClassifyTopic(), ApplyRules(),
                           DecideVerdict(), Compose(), Verify())


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
    for hit in ctx.hits:
        if hit.rule.kind == "raises" or hit.rule is ARREST_FACTS_ONLY:
            span = None
            phrase = hit.phrase
            if ctx.normalised and ctx.draft and ctx.current_start <= hit.start and hit.end <= len(ctx.text):
                span = ctx.normalised.original_span(hit.start - ctx.current_start, hit.end - ctx.current_start)
                phrase = ctx.question[span[0] : span[1]]
            flag = Flag(rule=hit.rule.name, why=hit.rule.why, span=span, phrase=phrase, safer=hit.rule.safer)
            if not any(f.rule == flag.rule and f.span == flag.span for f in ctx.flags):
                ctx.flags.append(flag)
    if ctx.escalation:
        passages = "; ".join(f"{c.title} ({c.locator})" for c in ctx.citations) or "none found"
        ctx.handoff = render(
            "handoff", question=ctx.question, verdict=(ctx.rag or "no verdict").upper(), today=ctx.today.isoformat(),
            reasons=" ".join(e.reason for e in ctx.escalation), passages=passages,
        )
