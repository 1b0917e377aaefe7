"""Readers: each reads the question its own way and adds typed findings to one `Facts`; none decides anything.

- `phrases` — the rules' patterns over the normalised text (the engine's first reader, kept as a floor);
- `aliases` — RAG-table topics named outright;
- `people` — names, addresses, schools and workplaces, ages, roles and images, from the text as asked; an escape from
  custody (the table's escaped-prisoners row), police going into premises by warrant (its raids row), a court's words
  limiting publication (a court order) and the family of someone who died told of it; with them the
  particulars of an arrest a post may give (gender, age, area, custody), which no verdict reads;
- `examples` — topics and risk factors by meaning, against the example bank, and the bank's green model's
  probability that the whole question is about a green topic and nothing else;
- proceedings and publication — the stage of the case, what is published, by whom, and whether it is public.

Negations and corrections are resolved inside each reader. Any reader can add a risk; none can take
one away, because the policy takes the strictest of everything found.

Usage::

    facts = read(reading, resources.matcher, resources.bank)
"""

import datetime as dt
import re
from dataclasses import dataclass, field

import numpy as np

from ..dates import FoundDate
from ..examples import ExampleBank
from ..facts import Facts, Particulars, Rank, RiskFactor, Span, TopicCandidate
from ..phrasebook import phrase_book
from ..rules import mask_negated, without_table_talk, words
from ..topics import TopicMatcher
from .examples import QUOTED, read_by_example, read_green_model, units
from .particulars import read_particulars
from ..contact_request import contacts_asked_for
from .people import read_people
from .phrases import read_risks, read_topics
from .proceedings import read_proceedings
from .publication import read_publication, read_rank
from .text import Turn, locator

READERS = frozenset({"phrases", "aliases", "people", "examples"})
FIRST_READERS = frozenset({"phrases", "aliases"})
NEW_READERS = frozenset({"people", "examples"})


@dataclass
class Reading:
    """What the readers are given: the turns, the combined normalised text and what earlier steps found."""

    turns: list[Turn]
    text: str
    """Normalised: the earlier turns of a follow-up, then this question from `current_start`."""
    current_start: int
    dates: list[FoundDate]
    today: dt.date
    posting: bool
    has_media: bool = False
    rank: Rank | None = None
    unit_vectors: np.ndarray | None = None
    unit_spans: list[Span] = field(default_factory=list)
    question_vector: np.ndarray | None = None
    """The whole question's embedding (the retrieval vector), for the green model."""
    instructed: bool = False
    """The guard step found instructions to the assistant in the question."""
    interview: bool = False
    """The scope step read the question as preparing to speak to the media (an interview, a brief) or asking who may:
    words to a journalist, so the rules for speaking (rank, DMC beforehand) apply."""
    asks_for_a_line: bool = False
    """The scope step read the question as asking for a press line: with a journalist asking, it is words to give them."""
    contacts: dict[str, dict] = field(default_factory=dict)
    """The force's contacts (contacts.yaml), by the names officers use for them."""


def read(reading: Reading, matcher: TopicMatcher, bank: ExampleBank | None, readers: frozenset[str] = READERS) -> Facts:
    """One `Facts` from every reader in `readers`."""
    locate = locator(reading.turns, reading.current_start)
    masked = mask_negated(reading.text)
    current = reading.text[reading.current_start :]
    topics, risks = [], []
    roles, identifiers, ages, offences, guilt = [], [], [], [], []
    next_of_kin_told = failed_to_appear = held_for_another_crime = None
    particulars = Particulars()
    rewritten = len(reading.turns) > 1 and replaces_the_earlier_wording(reading.turns[-1].original)
    rewritten_at = rewording_in_the_same_message(reading.turns[-1].original)

    def withdrawn(span: Span | None) -> bool:
        """Said in wording the asker has since replaced: an earlier turn's, or this turn's before "scratch that, make it '…'"."""
        return span is not None and ((rewritten and span.turn != 0)
                                     or (rewritten_at is not None and span.turn == 0 and span.end <= rewritten_at))

    if "phrases" in readers:
        risks += [risk for risk in read_risks(reading.text, reading.current_start, current, reading.dates, reading.today.toordinal(),
                                              reading.posting, locate)
                  if not (risk.risk in WORDING_RISKS and withdrawn(risk.span))]
    if "aliases" in readers:
        topics += read_topics(mask_negated(reading.text), matcher, locate)
    if "people" in readers:
        people = read_people(reading.turns, reading.has_media, reading.today)
        roles, ages, offences, guilt = people.roles, people.ages, people.offences, people.guilt
        next_of_kin_told = people.next_of_kin_told[0] if people.next_of_kin_told else None
        failed_to_appear = people.failed_to_appear[0] if people.failed_to_appear else None
        held_for_another_crime = next((where for where, offence in people.held_for if not _names_a_table_crime(offence, matcher)), None)
        if not people.held_for and _an_arrest_told(reading.turns, roles):
            held_for_another_crime = _the_only_crimes_off_the_table(reading.turns, offences, matcher)
        if people.nationalities and any(role.role in SUSPECT_ROLES for role in roles):
            risks.append(RiskFactor(risk="ethnicity_nationality", reader="people", span=people.nationalities[0]))
        if people.officers_in_trouble:
            risks.append(RiskFactor(risk="complaints_misconduct", reader="people", span=people.officers_in_trouble[0]))
        if people.accused_businesses:
            risks.append(RiskFactor(risk="defamation", reader="people", span=people.accused_businesses[0]))
        if people.court_restrictions:
            risks.append(RiskFactor(risk="court_order", reader="people", span=people.court_restrictions[0]))
        if people.escapes and (row := matcher.named(ESCAPED_PRISONERS)):
            topics.append(TopicCandidate(topic=row.name, status=row.status, reader="people", span=people.escapes[0]))
        if people.entries and (row := matcher.named(RAIDS)):
            topics.append(TopicCandidate(topic=row.name, status=row.status, reader="people", span=people.entries[0]))
        particulars = read_particulars(reading.turns)
        identifiers = [identifier for identifier in people.identifiers if not _taken_back(identifier, current)]
        # the new wording replaces the old: what the old wording said no longer stands (what the case is does)
        identifiers = [identifier for identifier in identifiers if not withdrawn(identifier.span)]
        guilt = [span for span in guilt if not withdrawn(span)]
    if "examples" in readers and bank is not None and reading.unit_vectors is not None:
        by_example_topics, by_example_risks = read_by_example(bank, reading.unit_vectors, reading.unit_spans)
        topics += by_example_topics
        risks += by_example_risks
    publication = read_publication(masked, reading.rank or read_rank(masked[reading.current_start :]))
    if "reply_to_complaint" in publication.media and (row := matcher.named(RESPONDING_TO_COMPLAINTS)):
        topics.append(TopicCandidate(topic=row.name, status=row.status, reader="publication"))
    if reading.current_start and "retweet" in (now := read_publication(masked[reading.current_start :])).media:
        # a follow-up that says how it is now to be shared ("and if I just RT the council's instead?") replaces the earlier
        # plan: whether our own words go with the share is read from it alone (whose post it is, from every turn)
        publication = publication.model_copy(update={"adds_own_words": now.adds_own_words})
    if reading.interview or (reading.asks_for_a_line and "quote_to_journalist" in publication.media):
        publication = publication.model_copy(update={"media": publication.media | {"quote_to_journalist"}, "asker_to_speak": True})
    mediums = {topic.name: topic.medium for topic in matcher.topics if topic.medium}
    if "examples" in readers and bank is not None:
        ruled_out = frozenset(name for name, medium in mediums.items() if medium not in publication.media)
        if (by_model := read_green_model(bank, reading.question_vector, ruled_out)) is not None:
            topics.append(by_model)
    topics = [topic.model_copy(update={"medium": mediums[topic.topic]}) if topic.topic in mediums else topic for topic in topics]
    media_law = phrase_book().vocabulary["media_law"].search(masked, reading.current_start)  # in this turn's own words
    return Facts(
        posting=reading.posting, roles=tuple(roles), offences=tuple(offences), guilt=tuple(guilt), identifiers=tuple(identifiers), ages=tuple(ages),
        next_of_kin_told=next_of_kin_told, failed_to_appear=failed_to_appear, held_for_another_crime=held_for_another_crime,
        proceedings=read_proceedings(masked, reading.dates, reading.today, locate),
        publication=publication, particulars=particulars,
        topics=tuple(topics), risks=tuple(risks), instructed=reading.instructed,
        contacts_asked=tuple(contacts_asked_for(reading.turns[-1].original, reading.contacts)),
        media_law=locate(*media_law.span()) if media_law else None,
    )


ESCAPED_PRISONERS = "Escaped Prisoners"
"""The RAG-table row for someone who got away from custody, which the people reader can find however it is told."""
RESPONDING_TO_COMPLAINTS = "responding to complaints"
"""The RAG-table row for replying to a complaint, which the publication reader finds however the complaint is told."""
RAIDS = "Met wide operations e.g raids, BigWings, engagement activities and campaigns"
"""The RAG-table row for raids, which the people reader finds in police going into premises by warrant."""
NO_ONE = re.compile(r"\b(?:no ?(?:one|1|body)|nobody(?:'s|’s)?|not|never|none)\s+(?:(?:been|yet|got|was|were|has|have)\s+){0,2}$", re.I)
"""The words before an arrest that say there was none ("no one", "nobody's been", "not yet")."""
HARM_DONE = re.compile(r"injur\w*|hurt", re.I)
"""Harm told of ("minor injuries", "nobody hurt"), which is no offence of its own."""
SUSPECT_ROLES = frozenset({"suspect", "arrested", "charged", "convicted"})
"""The roles a nationality may not be given for (ethnicity-and-nationality rule)."""
WORDING_RISKS = frozenset({"naming_arrested", "identifiable_images", "prejudicial_comment", "personal_data", "identifies_person"})
"""Risks in how a post is worded, not in what the case is (a child, a sexual offence, a death stay whatever is re-worded)."""
REWORDING = words(r"instead", r"rather than (?:that|this|the|what)", r"what if (?:i|we) (?:just |only )?(?:say|said|put|post|wrote|write|use|went with)",
                  r"how about (?:i |we )?(?:just )?(?:say|saying|put|putting|post|posting|this|going with)", r"(?:changed|reworded|rewritten|"
                  r"re-?worded|amended|edited|new version|second (?:go|try|draft)|revised)", r"(?:change|reword|rewrite) (?:it|that|the \w+) to")


def replaces_the_earlier_wording(original: str) -> bool:
    """A follow-up that offers new wording of its own to replace the earlier ("what if I just say '…' instead")."""
    return bool(REWORDING.search(original)) and any(len(match.group(1).split()) >= REWORDED_POST_WORDS for match in QUOTED.finditer(original))


REWORDED_POST_WORDS = 6
SCRAPPED = words(r"scratch that", r"(?:ignore|forget|bin|scrap|delete) that", r"make it(?= ['\"‘“])", r"(?:change|reword|rewrite) (?:it|that|the \w+) to")
"""Words that throw away the wording just given for the one that follows ("… forget that, drop the names and make it '…'")."""


def rewording_in_the_same_message(original: str) -> int | None:
    """Where a message that quotes a wording, then scraps it for a new quoted one, scraps it; None when it does not."""
    quotes = [match for match in QUOTED.finditer(original) if len(match.group(1).split()) >= REWORDED_POST_WORDS]
    for scrapped in SCRAPPED.finditer(original):
        if any(quote.end() <= scrapped.start() for quote in quotes) and any(quote.start() >= scrapped.start() for quote in quotes):
            return scrapped.start()
    return None


def _taken_back(identifier, current: str) -> bool:
    """A later turn that says "without his name" or "no photo" takes back what an earlier turn identified."""
    if identifier.span is None or identifier.span.turn == 0:
        return False
    rule = phrase_book().rule("identifiable_images" if identifier.kind == "image" else "naming_arrested")
    return bool(rule.cancelled_by.search(current))


def _names_a_table_crime(offence: str, matcher: TopicMatcher) -> bool:
    """Whether the words for an offence name a crime on a green row (burglary, assault…) or any amber or red row."""
    return any(match.topic.offence or match.topic.status != "green" for match in matcher.find(offence.lower()))


def _as_asked(turns: list[Turn], turn_index: int) -> str:
    """The words of the turn a span names (0: this question), as asked."""
    return next(turn.original for turn in turns if turn.index == turn_index)


def _an_arrest_told(turns: list[Turn], roles) -> bool:
    """Whether someone is said to be arrested, not that no one is ("no one nicked yet", "nobody's been arrested")."""
    return any(role.role == "arrested" and role.span is not None
               and not NO_ONE.search(_as_asked(turns, role.span.turn)[max(0, role.span.start - 20) : role.span.start]) for role in roles)


def _the_only_crimes_off_the_table(turns: list[Turn], offences: list[Span], matcher: TopicMatcher) -> Span | None:
    """An arrest told without what it was for ("breath-tested 200 drivers and arrested 9"), in a story whose only crimes are
    ones no row of the table names (drink-driving, a robbery): where the first of them is told; None when any offence told
    names a green crime or another row, or none is told."""
    told = [(where, _as_asked(turns, where.turn)[where.start : where.end]) for where in offences]
    told = [(where, words) for where, words in told if not HARM_DONE.fullmatch(words)]
    if any(matcher.find(words.lower()) for _, words in told):
        return None
    return told[0][0] if told else None


def question_units(turns: list[Turn]) -> list[tuple[str, Span]]:
    """The sentences and quoted passages the example reader embeds: this question's, then the earlier turns'."""
    found = units(without_table_talk(turns[-1].original), turn=0)
    for turn in turns[:-1]:
        found += units(without_table_talk(turn.original), turn=turn.index)
    return found
