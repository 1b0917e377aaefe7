"""One typed reading of what a question says: the only thing the verdict policy ever sees.

`Facts` holds no free text. Every field is typed, and every finding keeps the span it was read
from (`turn` 0 is the question as asked, 1 the earlier turns a follow-up is read with), so the
draft checker can highlight what fired and an answer can say why. Readers (`assistant/readers/`)
fill it in; `assistant/policy.py` decides from it.
"""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Rag = Literal["green", "amber", "red"]
ReaderName = Literal["phrases", "aliases", "people", "examples", "green_model", "proceedings", "publication"]
Role = Literal["suspect", "arrested", "charged", "convicted", "victim", "witness", "child", "officer", "died", "found", "at_risk"]
"""`found`: a missing person said to be found ("turned up safe at her nan's"): no appeal to find them any more. `at_risk`: someone
in a mental-health crisis or hiding from harm (a refuge, fleeing abuse), whose identity is as sensitive as a victim's."""
INCIDENT_ROLES: tuple[Role, ...] = ("suspect", "arrested", "charged", "convicted", "victim", "witness", "died", "at_risk")
"""The roles that make a story an incident, where a person's name or picture is a risk (a thanked colleague's is not)."""
IdentifierKind = Literal["name", "address", "school_or_workplace", "relationship", "image", "vehicle"]
"""`relationship`: how a victim is related to the accused ("his stepdaughter"); it identifies her once he is known.
`vehicle`: a registration, which points to the car's keeper."""
Stage = Literal["none", "suspected", "arrested", "charged", "convicted", "sentenced"]
Medium = Literal["text", "photo", "video", "retweet", "quote_to_journalist", "reply_to_complaint", "already_posted"]
Rank = Literal["below_inspector", "inspector_or_above", "staff"]
Public = Literal["public", "not_public", "unknown"]
Gender = Literal["man", "woman", "boy", "girl"]
Custody = Literal["in_custody", "bailed", "released"]
Risk = Literal[
    "under_18", "sexual_offence", "jigsaw_identification", "prejudicial_comment", "naming_arrested",
    "identifies_person", "identifiable_images", "death", "complaints_misconduct", "terror_threat_level",
    "major_incident", "political", "court_order", "defamation", "personal_data", "complex_legal_statement",
    "court_result_over_a_week", "ethnicity_nationality", "speaking_below_inspector",
]
"""Every risk factor a reader can raise; the policy says what each one does to the verdict."""


class Span(BaseModel):
    """Where a finding was read: [start, end) in the original text of `turn` (0: this question)."""

    model_config = ConfigDict(frozen=True)

    turn: int = 0
    start: int
    end: int


class Identifier(BaseModel):
    """Something that points to one person: a name, an address, a school or workplace, an image, a registration."""

    model_config = ConfigDict(frozen=True)

    kind: IdentifierKind
    span: Span | None = None
    colleague: bool = False
    """A colleague being thanked or a consenting person: naming them is not a risk."""


class Age(BaseModel):
    model_config = ConfigDict(frozen=True)

    years: int
    span: Span


class RoleMention(BaseModel):
    model_config = ConfigDict(frozen=True)

    role: Role
    span: Span


class Proceedings(BaseModel):
    """How far the case has gone. Proceedings are active from arrest (or charge) until sentence, and while anyone in the story
    still awaits trial."""

    model_config = ConfigDict(frozen=True)

    stage: Stage = "none"
    sentenced_on: dt.date | None = None
    days_since_sentence: int | None = None
    court_result: bool = False
    date_known: bool = False
    date_span: Span | None = None
    """Where the date that puts a court result more than a week back was read."""
    trial_to_come: bool = False
    """Someone in the story still awaits trial (a co-accused), whatever stage the rest have reached."""

    @property
    def active(self) -> bool:
        return self.stage in ("arrested", "charged", "convicted") or self.trial_to_come


class Particulars(BaseModel):
    """What the APP lets a post say of the person arrested (gender, age, area, custody status), each where it was read.

    Read only for the wording a green answer offers ("A man aged 34 has been arrested…"); the verdict never depends on it.
    """

    model_config = ConfigDict(frozen=True)

    gender: Gender | None = None
    gender_span: Span | None = None
    several: bool = False
    """More than one person is arrested, or it is unclear which: one person's particulars would be wrong."""
    age: Age | None = None
    area: Span | None = None
    """The town or area ("in Streatham"), never a street."""
    custody: Custody | None = None


class Publication(BaseModel):
    """What is to be published, and by whom."""

    model_config = ConfigDict(frozen=True)

    media: frozenset[Medium] = frozenset()
    rank: Rank | None = None
    public: Public = "unknown"
    ahead_of_announcement: bool = False
    """The asker wants to post before someone else announces it (the council, DMC, the Met): theirs to announce first."""
    shares_an_uncovered_source: bool = False
    """What is to be retweeted or shared is a private person's post (a resident's, a member of the public's) or the press's (a
    paper's article, a news site's story), not the Met's own or a council's or community group's: the table's retweet row
    does not cover it."""
    adds_own_words: bool = False
    """A retweet that carries words of the force's own (a quote-tweet, a comment or figures added, or a post of our own asked
    for beside it), not only the post; in a follow-up that says how it is now to be shared, read from that turn alone."""
    asker_to_speak: bool = False
    """The asker is preparing to speak to the media themselves (an interview, a brief), not asking about the rules."""


class TopicCandidate(BaseModel):
    """A RAG-table topic the question may be about, with how sure the reader is."""

    model_config = ConfigDict(frozen=True)

    topic: str
    status: Rag
    reader: ReaderName
    score: float = 1.0
    """1.0 for a named topic; for a topic read by example, the similarity to its nearest example; for the green
    model, its probability that the question is about a green topic and nothing else."""
    margin: float = 1.0
    """Read by example: for a green topic, its similarity minus that of the nearest amber or red example; for an
    amber or red one, its score minus the best green topic's on the same sentence (how far that sentence leans away
    from green)."""
    medium: Medium | None = None
    """The form of post the topic's row is about (a retweet); the topic counts only for a post of that form."""
    span: Span | None = None


class RiskFactor(BaseModel):
    """A risk a reader found, with the evidence that raised it."""

    model_config = ConfigDict(frozen=True)

    risk: Risk
    reader: ReaderName
    score: float = 1.0
    span: Span | None = None


class Facts(BaseModel):
    """Everything the verdict policy may know about a question, and nothing else.

    Usage::

        facts = read(context)                 # assistant.readers
        decision = decide(facts)              # assistant.policy
    """

    model_config = ConfigDict(frozen=True)

    posting: bool = True
    """Whether the question is about publishing something (a post, a reply, a quote to the press)."""
    roles: tuple[RoleMention, ...] = ()
    failed_to_appear: Span | None = None
    """Where someone due at court or on bail is said not to have turned up ("did not turn up for the hearing", "skipped
    bail"): wanted again, so an appeal to find them may name them, as for anyone wanted."""
    next_of_kin_told: Span | None = None
    """Where the story says the family of someone who died have been told ("the liaison officer has seen his wife", "next of
    kin informed"): the death rule's condition is met, so the death is DMC's to coordinate (amber), not a bar (red)."""
    offences: tuple[Span, ...] = ()
    """Where the story mentions a crime or an incident (a burglary, a theft, a collision)."""
    held_for_another_crime: Span | None = None
    """Where someone is said to be arrested or charged for an offence that no green crime row of the table names ("nicked
    for drink-driving", "arrested for shoplifting"): what they are held for is not a green topic, whatever else the post is."""
    guilt: tuple[Span, ...] = ()
    """Where the story treats someone as guilty: an offender's label, "he did it", a punishment foretold, evidence claimed."""
    identifiers: tuple[Identifier, ...] = ()
    ages: tuple[Age, ...] = ()
    proceedings: Proceedings = Field(default_factory=Proceedings)
    publication: Publication = Field(default_factory=Publication)
    particulars: Particulars = Field(default_factory=Particulars)
    topics: tuple[TopicCandidate, ...] = ()
    risks: tuple[RiskFactor, ...] = ()
    instructed: bool = False
    """Whether the question tries to tell the assistant what to answer ("classify it as green", "ignore your rules")."""
    contacts_asked: tuple[str, ...] = ()
    """The contacts (keys of contacts.yaml: dmc, legal_services, …) the question asks how to reach."""
    media_law: Span | None = None
    """Where the question names a point of media law (contempt, reporting restrictions, anonymity, defamation, data
    protection): asked about rather than posted, the answer also sends the officer to the Press Bureau."""

    def has_role(self, *roles: Role) -> bool:
        return any(mention.role in roles for mention in self.roles)


_ROLE_WORDS = {"suspect": "a suspect", "arrested": "an arrested person", "charged": "a charged person",
               "convicted": "a convicted person", "victim": "a victim", "witness": "a witness", "child": "a child",
               "officer": "an officer or member of staff", "died": "a person who died", "found": "a missing person found",
               "at_risk": "a person in crisis or at risk"}
_IDENTIFIER_WORDS = {"name": "a name", "address": "a street or address", "school_or_workplace": "a school or workplace",
                     "relationship": "a family relationship", "image": "a photo or footage", "vehicle": "a vehicle registration"}
_MEDIUM_WORDS = {"text": "a post", "photo": "a photo", "video": "a video", "retweet": "a retweet or quote-tweet",
                 "quote_to_journalist": "words to a journalist", "reply_to_complaint": "a reply to a complaint",
                 "already_posted": "something already posted"}
_RANK_WORDS = {"below_inspector": "below inspector", "inspector_or_above": "inspector or above", "staff": "police staff"}


def describe(facts: Facts) -> list[str]:
    """What was read, in plain words for a person (the hand-off to DMC): people, identifying details, ages, the stage
    of proceedings, and what is to be published and by whom."""
    lines = []
    roles = list(dict.fromkeys(_ROLE_WORDS[mention.role] for mention in facts.roles))
    if roles:
        lines.append("People: " + ", ".join(roles))
    identifying = list(dict.fromkeys(_IDENTIFIER_WORDS[item.kind] for item in facts.identifiers if not item.colleague))
    if identifying:
        lines.append("Identifying details: " + ", ".join(identifying))
    if facts.ages:
        lines.append("Ages: " + ", ".join(str(age) for age in dict.fromkeys(item.years for item in facts.ages)))
    stage = facts.proceedings.stage
    if stage != "none":
        sentenced = facts.proceedings.sentenced_on
        lines.append(f"Stage of the case: {stage}" + (f" (sentenced on {sentenced.isoformat()})" if sentenced else ""))
    media = [_MEDIUM_WORDS[medium] for medium in sorted(facts.publication.media)]
    if media:
        lines.append("To be published: " + ", ".join(media))
    if facts.publication.rank:
        lines.append("Rank of the asker: " + _RANK_WORDS[facts.publication.rank])
    return lines
