"""The verdict policy: the only place a verdict or an escalation comes from.

It reads `Facts` and nothing else — never the question, never a pattern (an architecture test
checks that this module imports no `re` and no reader). Readers may only add findings, and every
rule here takes the strictest of them, so no reader can lower what another raised:

- the topic's status is the strictest topic found (a topic named outright, or read by example
  with enough similarity; green by example needs a calibrated margin over the nearest amber or red
  example, or the green model's calibrated probability; amber or red by example needs its sentence
  nearer to it than to every green topic); no topic at all is amber;
- an amber topic that is not yet public is red, and "already public" can do no more than that;
- every risk factor raises: most to red, speaking to the media below inspector to amber;
- a person who is named or otherwise identifiable in a post about an incident raises, and so does
  treating someone as guilty while proceedings are active;
- speaking to the media always involves DMC: below inspector the verdict is amber; inspector and
  above keep the topic's verdict and tell DMC beforehand; when the rank is unknown, both are said;
- Legal Services follow from the legal matter a risk carries (contempt while proceedings are
  active, court orders, statutory anonymity, privacy before charge, defamation, data protection,
  complex legal statements), not from which reader found it; any post that needs DMC about a case
  charged and not yet sentenced carries the contempt risk.
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict

from .calibration import Thresholds, thresholds
from .facts import INCIDENT_ROLES, Facts, Rag, Risk, RoleMention, Span
from .topics import SEVERITY, strictest

LegalMatter = Literal[
    "contempt", "court_order", "statutory_anonymity", "privacy_before_charge", "defamation", "data_protection",
    "complex_legal_statement",
]
Note = Literal["tell_dmc_beforehand", "rank_unknown", "already_posted", "arrest_facts_only", "no_topic", "not_public",
               "doubtful_topic", "arrest_for_another_crime", "ahead_of_announcement", "instructed", "media_law_question"]

AMBER_RISKS: frozenset[Risk] = frozenset({"speaking_below_inspector"})
RISKS_FOR_ANY_QUESTION: frozenset[Risk] = frozenset({"defamation", "personal_data", "speaking_below_inspector"})
"""Risks that escalate even a question that is not about posting (a solicitor's letter, a data request, a constable
preparing for a journalist's questions)."""
ALWAYS_LEGAL: dict[Risk, LegalMatter] = {
    "court_order": "court_order",
    "defamation": "defamation",
    "personal_data": "data_protection",
    "complex_legal_statement": "complex_legal_statement",
    "sexual_offence": "statutory_anonymity",
    "jigsaw_identification": "statutory_anonymity",
}
BEFORE_CHARGE = ("none", "suspected", "arrested")
AFTER_CHARGE = ("charged", "convicted", "sentenced")
AFTER_CONVICTION = ("convicted", "sentenced")
WANTED_TOPIC = "Wanted suspects"
MISSING_TOPIC = "Missing people"
NAMING_READERS = ("aliases", "phrases")
"""The readers that find a topic named outright, not by a wording's likeness."""


class Reason(BaseModel):
    """One thing that raised the verdict, with the legal matter it carries (if any)."""

    model_config = ConfigDict(frozen=True)

    risk: Risk
    severity: Rag
    legal: LegalMatter | None = None
    spans: tuple[Span, ...] = ()


class Decision(BaseModel):
    """The verdict and who to contact; `topics` are the topics that counted, strictest first."""

    model_config = ConfigDict(frozen=True)

    rag: Rag | None
    topic_status: Rag | None
    topics: tuple[str, ...]
    reasons: tuple[Reason, ...]
    escalate_dmc: bool
    legal_matters: tuple[LegalMatter, ...]
    notes: tuple[Note, ...]
    doubted: tuple[str, ...] = ()
    """Amber or red topics a sentence leans towards, too faintly to count, that kept the verdict from green."""
    contacts_asked: tuple[str, ...] = ()
    """DMC or Legal Services asked how to reach: the answer sends the officer to them."""

    @property
    def escalate_legal(self) -> bool:
        return bool(self.legal_matters) or "legal_services" in self.contacts_asked


def decide(facts: Facts, limits: Thresholds | None = None) -> Decision:
    """The verdict for `facts`: the strictest of the topic and every raised risk; escalations follow.

    `limits` are the calibrated thresholds (`assistant/calibration.json`) unless the calibration passes its own.
    """
    limits = limits or thresholds()
    reasons = _merge(_reasons(facts, limits))
    if not facts.posting:
        reasons = [reason for reason in reasons if reason.risk in RISKS_FOR_ANY_QUESTION]
    topics = _counted_topics(facts, limits)
    if _passes_on_an_approved_post(facts, topics):
        # the table's retweet row: the Met's, a council's or a community group's own post is public and theirs to have
        # cleared, so an amber row it is about ("Missing people", a Met-wide operation) does not hold the retweet back;
        # a red row, and every risk it or the officer's own words carry, still raise
        topics = [(name, status) for name, status in topics if status != "amber"]
    topic_status = strictest(status for _, status in topics)
    notes: list[Note] = []
    rag: Rag | None = None
    if facts.posting:
        base: Rag = topic_status or "amber"
        if topic_status is None:
            notes.append("no_topic")
        # the table's red row for any amber field not in the public domain; a topic no reader names is treated as amber
        if base == "amber" and facts.publication.public == "not_public" and topic_status in ("amber", None):
            base = "red"
            notes.append("not_public")
        rag = strictest([base, *(reason.severity for reason in reasons)])
        if rag == "green" and facts.publication.ahead_of_announcement:
            rag = "amber"  # someone else's news, before they have announced it: DMC decides, whatever the topic
            notes.append("ahead_of_announcement")
        if rag == "green" and facts.instructed:
            rag = "amber"  # a question that tells the assistant what to answer is exactly one a person should look at
            notes.append("instructed")
        if rag == "green" and facts.media_law is not None:
            rag = "amber"  # the asker raises a point of media law about the post ("is it still live for contempt?"): DMC answers it
            notes.append("media_law_question")
        if rag == "green" and (doubted := _doubted_topics(facts, limits)):
            rag = "amber"  # part of the question reads like an amber or red topic: when unsure, ask DMC
            notes.append("doubtful_topic")
        if rag == "green" and facts.held_for_another_crime is not None:
            rag = "amber"  # someone held for an offence no green row names: a matter the table does not list is amber
            notes.append("arrest_for_another_crime")
        notes += _publishing_notes(facts, rag)
    else:
        if facts.publication.rank == "inspector_or_above" or facts.publication.asker_to_speak:
            # an inspector, or anyone preparing to speak to the media, whatever they ask: tell DMC (or ask it) beforehand
            notes += _speaking_notes(facts)
        if facts.media_law is not None:
            notes.append("media_law_question")  # a point of media law: the documents answer it; a case in hand goes to DMC
    # asking how to reach DMC or Legal Services sends the officer to them (Legal Services not yet set are reached through DMC)
    contacts = tuple(key for key in facts.contacts_asked if key in ("dmc", "legal_services"))
    legal = tuple(dict.fromkeys(reason.legal for reason in reasons if reason.legal))
    if rag in ("amber", "red") and _before_verdict(facts) and "contempt" not in legal:
        legal += ("contempt",)  # anything said about a charged case before its verdict risks contempt: Legal Services advise
    return Decision(
        rag=rag, topic_status=topic_status,
        topics=tuple(name for name, status in sorted(topics, key=lambda item: -SEVERITY[item[1]])),
        reasons=tuple(sorted(reasons, key=lambda reason: -SEVERITY[reason.severity])),
        escalate_dmc=rag in ("amber", "red") or bool(reasons)
        or bool({"tell_dmc_beforehand", "rank_unknown", "media_law_question"} & set(notes))
        or bool(contacts),
        legal_matters=legal, notes=tuple(dict.fromkeys(notes)),
        doubted=tuple(doubted) if "doubtful_topic" in notes else (), contacts_asked=contacts,
    )


def _passes_on_an_approved_post(facts: Facts, topics: list[tuple[str, Rag]]) -> bool:
    """A plain retweet the table's retweet row covers (counted among `topics`), with no words of the force's own added, of
    a post nobody says is not yet public."""
    retweet_rows = {candidate.topic for candidate in facts.topics if candidate.medium == "retweet"}
    return any(name in retweet_rows for name, _ in topics) and not facts.publication.adds_own_words \
        and facts.publication.public != "not_public"


def _doubted_topics(facts: Facts, limits: Thresholds) -> list[str]:
    return list(dict.fromkeys(
        candidate.topic for candidate in sorted(facts.topics, key=lambda candidate: -candidate.score)
        if candidate.reader == "examples" and candidate.status != "green" and candidate.score >= limits.doubt_min_similarity
        and candidate.margin >= limits.doubt_min_margin and not (candidate.medium and candidate.medium not in facts.publication.media)
    ))


def _counted_topics(facts: Facts, limits: Thresholds) -> list[tuple[str, Rag]]:
    """The topics that count: named ones always; by example, raising above one threshold, granting green above another."""
    counted: dict[str, Rag] = {}
    for candidate in facts.topics:
        if candidate.medium and candidate.medium not in facts.publication.media:
            continue  # "@metpoliceuk have covered it" in a post of our own is not a retweet
        if candidate.medium == "retweet" and facts.publication.shares_an_uncovered_source:
            continue  # the row covers the Met's own posts and councils' and community groups', not a private person's or the press's
        if candidate.reader == "green_model":
            counts = candidate.status == "green" and candidate.score >= limits.green_min_probability
        elif candidate.reader != "examples":
            counts = True
        elif candidate.status == "green":
            counts = candidate.score >= limits.green_min_similarity and candidate.margin >= limits.green_min_margin
        else:
            # nearer a green topic than to this one, the sentence is a green post worded like it (an RTC, not speeding)
            counts = candidate.score >= limits.raise_min_similarity and candidate.margin > 0
        if counts:
            counted[candidate.topic] = candidate.status
    return list(counted.items())


def _reasons(facts: Facts, limits: Thresholds) -> list[Reason]:
    found = []
    for factor in facts.risks:
        if factor.reader == "examples" and factor.score < limits.risk_min_similarity:
            continue
        if factor.risk in ("naming_arrested", "under_18", "ethnicity_nationality") and not _about_an_incident(facts):
            # a name asked for, a child's age or a nationality, in a post about nothing that happened (a retirement, a missing
            # child, a charity's appeal for refugees): no one is suspected of anything
            continue
        # the death rule bars a post until the next of kin know; once they do, the death is DMC's to coordinate
        severity: Rag = "amber" if factor.risk == "death" and facts.next_of_kin_told else _severity(factor.risk)
        found.append(Reason(risk=factor.risk, severity=severity, legal=_legal_matter(factor.risk, facts),
                            spans=(factor.span,) if factor.span else ()))
    raised = {reason.risk for reason in found}
    appeal = _an_appeal_to_find_someone(facts, raised, _young(facts))
    if appeal or _only_an_adult_defendant(facts, raised, _young(facts)):
        # from charge the force may name an adult defendant (name, age, address, charge), and after conviction release the
        # custody image; a wanted or missing person's name and photo are released to find them: amber, for DMC, not a legal risk —
        # the same as when the people reader finds the name or the image
        released = {"naming_arrested"} | ({"identifiable_images"} if appeal or facts.proceedings.stage in AFTER_CONVICTION else set()) \
            | ({"under_18"} if appeal else set())  # a missing child's age is given to find them
        found = [reason.model_copy(update={"severity": "amber", "legal": None}) if reason.risk in released else reason
                 for reason in found]
    found += _identification(facts, {reason.risk for reason in found})
    if facts.guilt and _proceedings_active(facts):
        found.append(Reason(risk="prejudicial_comment", severity="red", legal="contempt", spans=facts.guilt))
    proceedings = facts.proceedings
    if proceedings.court_result and proceedings.days_since_sentence is not None and proceedings.days_since_sentence > 7:
        found.append(Reason(risk="court_result_over_a_week", severity="red",
                            spans=(proceedings.date_span,) if proceedings.date_span else ()))
    publication = facts.publication
    if "quote_to_journalist" in publication.media and publication.rank in ("below_inspector", "staff"):
        found.append(Reason(risk="speaking_below_inspector", severity="amber"))
    return found


def _about_an_incident(facts: Facts) -> bool:
    return facts.has_role(*INCIDENT_ROLES) or facts.proceedings.stage != "none" or bool(facts.offences)


def _before_verdict(facts: Facts) -> bool:
    """Charged (or convicted) and not yet sentenced: the case is before the court."""
    return facts.proceedings.stage in ("charged", "convicted") and _proceedings_active(facts)


def _proceedings_active(facts: Facts) -> bool:
    """From arrest or charge until sentence, as read from the stage or from the roles the story gives."""
    return facts.proceedings.active or (facts.has_role("arrested", "charged") and facts.proceedings.stage != "sentenced")


def _identification(facts: Facts, raised: set[str]) -> list[Reason]:
    """A person who can be identified, in a post about an incident, a death or a child, raises."""
    about_an_incident = _about_an_incident(facts)
    reasons = []
    young = _young(facts)
    if young and about_an_incident and not _an_appeal_to_find_someone(facts, raised, young):
        legal = "statutory_anonymity" if facts.has_role("suspect", "arrested", "charged", "victim", "witness") else None
        reasons.append(Reason(risk="under_18", severity="red", legal=legal, spans=tuple(age.span for age in young)))
    if not (about_an_incident or facts.has_role("child")):
        return reasons
    anonymous_victim = bool(raised & {"sexual_offence", "jigsaw_identification"}) or facts.has_role("child") or bool(young)
    pointing = [identifier for identifier in facts.identifiers if not identifier.colleague
                and (about_an_incident or identifier.kind == "name")  # a school visit may show its school, not a child's name
                and (identifier.kind != "relationship" or anonymous_victim)]  # "assaulted his brother" names no one protected
    spans = tuple(identifier.span for identifier in pointing if identifier.span and identifier.kind != "image")
    # From charge the force may name an adult defendant (name, age, address, charge): amber, for DMC to decide, not a legal risk
    defendant = _only_an_adult_defendant(facts, raised, young) or _an_appeal_to_find_someone(facts, raised, young)
    severity: Rag = "amber" if defendant else "red"
    if any(identifier.kind != "image" for identifier in pointing):
        reasons.append(Reason(risk="identifies_person", severity=severity,
                              legal=None if defendant else _identity_matter(facts, raised), spans=spans))
    images = tuple(identifier.span for identifier in pointing if identifier.kind == "image" and identifier.span)
    if any(identifier.kind == "image" for identifier in pointing):
        reasons.append(Reason(risk="identifiable_images", severity=severity,
                              legal=None if defendant else _legal_matter("identifiable_images", facts), spans=images))
    return reasons


def _young(facts: Facts) -> list:
    return [age for age in facts.ages if age.years < 18]


def _only_an_adult_defendant(facts: Facts, raised: set[str], young: list) -> bool:
    """Whether the only person a post can be about is an adult who has been charged, convicted or sentenced.

    Once a case is decided, an arrest in a story that names no one but colleagues is that person's history ("the man we
    arrested in May was sentenced on Monday"), and its victims and witnesses, named by no one, are only mentioned ("the
    victims would love to see it posted"); before that, or with names to tell apart, an arrest may be someone else's. An
    arrest told in an earlier turn, when this one says the case is charged ("he's been charged now"), is that case's history.
    """
    unnamed = not any(identifier.kind == "name" and not identifier.colleague for identifier in facts.identifiers)
    decided = facts.proceedings.stage in AFTER_CONVICTION and unnamed
    others = ("child", "died") if decided else ("suspect", "arrested", "victim", "witness", "child", "died")
    charged_now = any(mention.role in ("charged", "convicted") and _in_this_turn(mention) for mention in facts.roles)

    def someone_else(mention: RoleMention) -> bool:
        history = charged_now and mention.role in ("suspect", "arrested") and not _in_this_turn(mention)
        return mention.role in others and not history

    return facts.proceedings.stage in AFTER_CHARGE and not young and not any(someone_else(m) for m in facts.roles) \
        and not raised & {"sexual_offence", "jigsaw_identification", "court_order"}


def _in_this_turn(mention: RoleMention) -> bool:
    return mention.span is None or mention.span.turn == 0


def _an_appeal_to_find_someone(facts: Facts, raised: set[str], young: list) -> bool:
    """Whether the post is an appeal to find someone, told outright — an adult wanted person not yet caught, or a missing
    person of any age: their name, age and photo are released to find them, through DMC (once found or caught, the photo
    comes down)."""
    def named(topic: str) -> bool:
        return any(candidate.topic == topic and candidate.reader in NAMING_READERS for candidate in facts.topics)

    wanted = named(WANTED_TOPIC) and not young and not facts.guilt
    missing = named(MISSING_TOPIC) and not facts.has_role("suspect")
    # a defendant who did not turn up at court is wanted again, and is named to be found as anyone wanted is
    absconded = wanted and facts.failed_to_appear is not None
    return (wanted or missing) and facts.proceedings.stage in ("none", "suspected", *(("charged",) if absconded else ())) \
        and not facts.has_role("arrested", *(() if absconded else ("charged",)), "convicted", "victim", "witness", "died", "found",
                               *(() if missing else ("child",))) \
        and not raised & {"sexual_offence", "jigsaw_identification", "court_order"}


def _identity_matter(facts: Facts, raised: set[str]) -> LegalMatter | None:
    if raised & {"sexual_offence", "jigsaw_identification"}:
        return "statutory_anonymity"
    if facts.has_role("child") or any(age.years < 18 for age in facts.ages):
        return "statutory_anonymity"
    if facts.has_role("suspect", "arrested") and facts.proceedings.stage in BEFORE_CHARGE:
        return "privacy_before_charge"
    if facts.proceedings.active:
        return "contempt"
    return "data_protection"  # a victim's, witness's or bystander's identity is their personal data


def _legal_matter(risk: Risk, facts: Facts) -> LegalMatter | None:
    if risk in ALWAYS_LEGAL:
        return ALWAYS_LEGAL[risk]
    if risk == "prejudicial_comment":
        return "contempt"
    if risk in ("naming_arrested", "identifiable_images", "ethnicity_nationality") and facts.has_role("suspect", "arrested") \
            and facts.proceedings.stage in BEFORE_CHARGE:
        return "privacy_before_charge"
    if risk == "under_18" and facts.has_role("suspect", "arrested", "charged", "victim", "witness"):
        return "statutory_anonymity"
    if risk == "identifiable_images" and facts.has_role("at_risk"):
        return "data_protection"  # a picture of someone in crisis or in hiding says who and where they are
    return None


def _speaking_notes(facts: Facts) -> list[Note]:
    if "quote_to_journalist" not in facts.publication.media:
        return []
    if facts.publication.rank == "inspector_or_above":
        return ["tell_dmc_beforehand"]
    return ["rank_unknown"] if facts.publication.rank is None else []


def _publishing_notes(facts: Facts, rag: Rag) -> list[Note]:
    notes: list[Note] = _speaking_notes(facts)
    if "already_posted" in facts.publication.media:
        notes.append("already_posted")
    if rag == "green" and facts.proceedings.active:
        notes.append("arrest_facts_only")
    return notes


def _severity(risk: Risk) -> Rag:
    return "amber" if risk in AMBER_RISKS else "red"


def _merge(reasons: list[Reason]) -> list[Reason]:
    """One reason per risk, keeping every span and the legal matter if any finding carried one."""
    merged: dict[str, Reason] = {}
    for reason in reasons:
        if reason.risk in merged:
            kept = merged[reason.risk]
            merged[reason.risk] = kept.model_copy(update={
                "spans": tuple(dict.fromkeys(kept.spans + reason.spans)), "legal": kept.legal or reason.legal,
            })
        else:
            merged[reason.risk] = reason
    return list(merged.values())

