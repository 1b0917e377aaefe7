"""How the phrase reader's rules read: whole-word phrases, negated mentions, ages, and each rule's kind.

Each rule names a risk factor (`assistant.facts.Risk`) with the passages it rests on, and may carry
phrases: the phrase reader (`assistant/readers/phrases.py`) reports a finding for each phrase that
matches the normalised question. What each rule says and which phrases raise it are data, the
approved phrase book `corpus/phrases.yaml` (loaded by `assistant.phrasebook`); this module is the
small runtime that matches them. Rules decide nothing — the verdict policy does. A mention that the
question itself negates ("no name", "without the photo") matches nothing.
"""

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from .ages import read_ages
from .dates import FoundDate

RuleKind = Literal["raises", "conditions"]


def words(*alternatives: str) -> re.Pattern:
    """A case-insensitive pattern matching any alternative as whole words."""
    return re.compile(r"(?<![\w@])(?:" + "|".join(alternatives) + r")(?![\w])")


_NO_ONE = (r"(?<!\w)(?:no|zero|nobody|no-one|no one|none|nothing)(?:'s|’s)?\s+"
           # who is meant, said after the subject: "nobody from that firm is charged", "no one in either van got arrested"
           r"(?:(?:from|at|in|inside|of|linked to|connected (?:to|with))\s+(?:[\w'’-]+\s+){1,3}?(?=(?:has|have|had|was|were|is|are|got|been)\b))?"
           r"(?:(?:been|has|have|had|was|were|is|are|got|getting|"
           r"being|yet|so far|about|on|of|any|specific|particular|individual|named|the|a|an)\s+){0,3}")
"""A negative subject, maybe with who is meant ("nobody from there"), then only words that say how (been, any, specific…):
"nobody knows the victim" keeps its victim."""
_HELD = r"(?:arrested|nicked|detained|charged|in custody)"
"""Held by the police or the courts: arrested, charged or in custody."""
_PUNISHED = r"(?:jailed|sentenced|locked up|put away|banged up|sent down|convicted|imprisoned)"
"""Punished by a court, however said."""
NOT_ARRESTED = (rf"(?:{_NO_ONE}|(?:\bnot|n't|n’t)\s+(?:(?:yet|been|be|being|got)\s+){{0,2}})"
                rf"{_HELD}\b")
"""'No one's been arrested', 'no one in custody', 'he hasn't been charged': no arrest or charge (the people reader reads an unarrested suspect)."""
_SHOWN = r"(?:photos?|pictures?|pics?|images?|videos?|stills|footage|cctv)"
"""What a post shows, as said after it: "her photo isn't used", "the CCTV is useless"."""
_NEGATABLE = (r"(?:names?|naming|name\s+(?:him|her|them)|(?:home\s+)?address(?:es)?|house\s+numbers?|photos?|photographs?|pictures?|pics?|images?"
              r"|videos?|stills|clips?|footage|screenshots?|shots?|selfies?|number\s?plates?|registrations?|reg\s+numbers?"
              r"|custody\s+photos?|faces?|cctv(?:\s+(?:stills|footage|images?|photos?|pictures?|pics|video|clips?))?"
              r"|seriously\s+(?:injured|hurt)|badly\s+(?:injured|hurt)|injur\w*|hurt|died|killed"
              r"|reporting\s+(?:restrictions?|directions?)|(?:court|anonymity|postponement|gagging)\s+orders?)")
"""What a question can say is not there; a list of them is negated whole ("no faces or number plates in shot")."""
_NOT_DOUBT = r"(?!(?:sure|know|knowing|known|whether|if|think|certain|remember|check|checked|able|clear)\b)"
"""Between a negation and what it negates, no word of doubt: "not sure if the photo…" leaves the photo there."""
NEGATED_MENTION = re.compile(
    r"(?<!\w)(?:no|without|not|never|minus|won't|will not|wont|don't|do not|doesn't|does not|didn't|did not|can't|cannot|not going to"
    r"|with no|leave out|leaving out|nothing (?:from|on|off|in)"
    rf"|no one|nobody|none)(?:'s|’s)?\s+(?:{_NOT_DOUBT}\w+\s+){{0,3}}?{_NEGATABLE}(?:\s*(?:,|or|and|nor|/)\s*(?:\w+\s+){{0,2}}?{_NEGATABLE})*\b"
    rf"|(?<!\w)(?:names?|{_SHOWN})\s+(?:\w+\s+){{0,2}}?(?:(?:isn't|is not|aren't|are not)"
    r"\s+(?:being\s+)?(?:used|shown|included|mentioned|(?:in|on)\s+(?:it|there|the\s+\w+))|(?:won't|will not|wont|can't|cannot|never)\s+"
    r"(?:be\s+)?(?:used|shown|included|posted|published|released|mentioned|going out|(?:in|on)\s+(?:it|there|the\s+\w+)))\b"
    rf"|(?<!\w){_SHOWN}\s+(?:\w+\s+){{0,2}}?(?:is|was|'s|are|were)\s+(?:\w+\s+)?"
    r"(?:useless|rubbish|no good|no use|of no use|unusable|too (?:poor|grainy|dark|blurry|far away)|blank)\b"
    r"|(?<!\w)(?:leave|leaving|left|keep|keeping)\s+(?:\w+\s+){0,2}?names?\s+out\b"
    r"|(?<!\w)names?\s+(?:left|kept)\s+out\b"
    r"|(?<!\w)non[- ](?:injury|ksi|fatal|serious)\b"
    r"|(?<!\w)(?:no|zero|nobody|no one|none)\s+(?:\w+\s+){0,2}?(?:suspects?|arrests?|arrested|charged|leads?)\b"
    rf"|{_NO_ONE}(?:suspects?|arrests?|victims?|witness(?:es)?)\b"
    rf"|{NOT_ARRESTED}"
)
"""Mentions said not to exist ("no names", "without the photo", "no suspects", "no one's been arrested", "nothing about any
victim"): never read as there."""


IMAGE_ASKED_FOR = re.compile(r"\b(?:(?:anyone|anybody|people|residents|drivers|motorists|witnesses|neighbours|you|those|whoever)\s+(?:who\s+)?"
                             r"(?:\w+\s+){0,4}?(?:with|has|have|had|got|might have|may have|holding)|check(?:ing)? (?:your|their|any)"
                             r"|(?:appeal(?:s|ing)?|calling(?: out)?)\s+for)\s+"
                             r"(?:any\s+)?(?:\w+\s+){0,2}$", re.I)
"""'Anyone with doorbell or dashcam footage…', 'check your CCTV', 'appealing for dashcam footage': footage asked of the public,
not shown by the post (matched against the words just before the image)."""
IMAGE_ASKED_FROM = re.compile(r"^(?:\s+[\w-]+){0,2}?\s+(?:from|off)\s+(?:anyone|anybody|whoever|members of the public|passers-?by)\b", re.I)
"""'… footage from anyone walking past': the same told after the image (matched against the words just after it). Only the
public at large: footage "from residents" or "from a neighbour" may be footage the force holds and would show."""


ANIMALS = (r"(?:dogs?|pupp(?:y|ies)|pups?|cats?|kittens?|tortoises?|turtles?|parrots?|budgies?|birds?|ferrets?|rabbits?|bunn(?:y|ies)|"
           r"hamsters?|guinea pigs?|horses?|ponies|pony|donkeys?|goats?|sheep|lambs?|cows?|pigs?|swans?|ducks?|geese|goose|"
           r"owls?|hawks?|snakes?|pythons?|lizards?|iguanas?|foxes|fox|deer|spaniels?|labradors?|staffies|staffie|terriers?|"
           r"alsatians?|collies|collie|greyhounds?|whippets?|poodles?|huskies|husky|german shepherds?|shepherds?|moggies|moggy|pets?)")
"""Animals and pets, by kind and by breed."""
GONE_ASTRAY = re.compile(r"missing|found safe|been found|located safe", re.I)
A_PERSON_GONE = re.compile(r"\b(?:man|men|woman|women|boys?|girls?|lads?|lass|teen\w*|child(?:ren)?|kids?|sons?|daughters?|pensioners?|"
                           r"person|people|residents?|patients?|pupils?)\b", re.I)
"""Someone said to be the one missing or found: a person's noun in the same sentence (or an age, read by `read_ages`)."""


SAID_TO_BE_AN_ANIMAL = rf"(?:it|he|she|they)(?:'s|’s|s| is| was|'re| are)\s+(?:a|an|our|my|the|their)?\s*(?:[\w-]+\s+){{0,2}}?{ANIMALS}\b"
"""'it's a dog', 'she's a whippet': what a pronoun stands for, said to be an animal."""


def an_animal_gone_astray(text: str, start: int, end: int) -> bool:
    """Whether 'missing' or 'found safe' at `text[start:end]` is told of a pet: the animal before it in its sentence, not as
    someone's ("the spaniel went missing", not "he's missing with his dog"), straight after it ("missing cat"), or said to be
    what is missing later in its sentence or as the next sentence opens ("a MISSING heading? she's a tabby cat"); and no person
    or age in its own sentence. No one is missing, so it is no incident."""
    if not GONE_ASTRAY.fullmatch(text[start:end]):
        return False
    sentence_start = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
    rest_of_sentence = re.match(r"[^.!?\n]*[.!?\n]*\s*", text[end:])
    own_sentence = text[sentence_start:end] + rest_of_sentence.group(0)
    if A_PERSON_GONE.search(own_sentence) or read_ages(own_sentence):
        return False
    return bool(re.search(rf"(?<!his )(?<!her )(?<!their )(?<!with )(?<!and )\b{ANIMALS}\b", text[sentence_start:start], re.I)
                or re.match(rf"\s+{ANIMALS}\b", text[end:], re.I)
                or re.match(rf"[^.!?\n]*?\b{SAID_TO_BE_AN_ANIMAL}", text[end:], re.I)
                or re.match(SAID_TO_BE_AN_ANIMAL, text[end + rest_of_sentence.end() :], re.I))


PUBLIC_DEVICE_APPEAL = re.compile(r"^(?:dash[- ]?cam|doorbell)\w*(?:\s+(?:footage|video|camera|cam))?\s+appeals?\b", re.I)
"""'A dashcam appeal', 'a doorbell footage appeal': an appeal named by the camera the public own asks for their footage."""


IMAGE_GATHERED = re.compile(r"^(?:(?:['’]s|\s+(?:is|has|have|are|was|were))\s+(?:been\s+|being\s+|now\s+|already\s+){0,2}"
                            r"(?:requested|checked|viewed|reviewed|seized|collected|trawled|gathered|obtained|downloaded)"
                            r"|\s+(?:enquiries|checks|trawls?|requests?))\b", re.I)
"""'CCTV's been requested', 'the footage has been seized', 'CCTV enquiries': footage the investigation is gathering, not a
picture the post shows (matched against the words just after it)."""


def image_asked_for(text: str, start: int, end: int) -> bool:
    """Whether the image mentioned at `text[start:end]` is asked of the public, or gathered as evidence, rather than shown."""
    return bool(IMAGE_ASKED_FOR.search(text[max(0, start - 60) : start]) or IMAGE_ASKED_FROM.search(text[end : end + 60])
                or PUBLIC_DEVICE_APPEAL.match(text[start : start + 60]) or IMAGE_GATHERED.match(text[end : end + 40]))


_SOMEONE = r"(?:him|her|them|'em)"


def _punishing(someone: str) -> str:
    """`_PUNISHED` in the active voice, each verb with its own particle ("lock him up", "send her down"; "put them on the page"
    is no punishment), and throwing the book or the key away."""
    return (rf"(?:lock|bang)s?\s+{someone}\s+up|puts?\s+{someone}\s+away|sends?\s+{someone}\s+down|(?:jail|imprison)s?\s+{someone}"
            r"|throws?\s+(?:away\s+)?the\s+(?:key|book)")


_PUNISHING = _punishing(_SOMEONE)
HYPOTHETICAL = re.compile(
    r"(?:(?<!\w)(?:should|ought to|must|needs? to|deserves? to|wants? to|hope (?:he|she|they) (?:gets?|is|are)|will|going to|gonna)|'ll)"
    rf"\s+(?:be\s+|get\s+)?(?:(?:going\s+|go\s+)?(?:{_PUNISHED}|behind bars)|(?:going|go)\s+(?:away|down)"
    r"|(?:away|down)(?=\s+for\s+(?:a\s+)?(?:\w+\s+){0,2}?(?:years?|months?|stretch|long time|long while)\b))\b"
    # the same wished of the court: "hope they lock him up", "the judge should throw the book at her"
    rf"|(?<!\w)(?:(?:hop(?:e|ing)|wish(?:ing)?|pray(?:ing)?|fingers crossed)\s+(?:they|the\s+\w+|someone)\s+(?:will\s+|'ll\s+|can\s+)?"
    rf"|(?:should|ought to|must|needs? to)\s+)(?:{_PUNISHING})\b"
    # or called for at the start of a sentence ("Bang her up!", "send him down"): only of him or her, since "lock them up"
    # can be bikes; throwing the key away is only ever a punishment
    rf"|(?:^|(?<=[^\w\s,])|(?<=[^\w\s,]\s))(?:{_punishing('(?:him|her)')})\b",
    re.IGNORECASE,
)
"""A punishment wished, foretold or called for ("should be locked up", "he'll be going away", "he'll be away for years", "hope
they lock him up", "lock him up!"): not a sentence that happened. Being away with no going and no stretch is only absence
("half the ward will be away at Easter")."""


_COLOUR = (r"(?:(?:is|are|'s|=|counts? as|would be|makes? it|make it|would make it|goes)\s+(?:automatically\s+|always\s+|instantly\s+|"
           r"straight\s+)?(?:an?\s+)?(?:red|amber)\b"
           # what the claim says such a post needs: "… has to go to the press office"
           r"|(?:has|have|needs?|must|should)\s+(?:to\s+)?(?:go|be sent|be run|be checked)\s+(?:to|through|past|by|with)\s+(?:the\s+)?"
           r"(?:press office|press bureau|dmc|comms|media team)\b)")
_QUOTED_WORD = r"['\"‘“][^'\"’”\n]{1,30}['\"’”]"
TABLE_TALK = re.compile(
    # someone's claim about the table: "my sergeant reckons anything about 'budget' is red" (the claim, not who made it)
    r"\b(?:said|says|reckon|reckons|reckoned|think|thinks|thought|told me|told us|know|joked|heard|claims?|claimed|was told|were told|"
    r"warned|warns)\s+(?:that\s+)?(?:\w+\s+){0,4}?((?:anything|everything|stuff|any post|any posts|posts|tweets|any mention of)\s+"
    r"(?:(?:about|with|mentioning|on|re|involving|saying|containing|that mentions|that says)\s+)?[^.?!\n]{1,40}?\s+(?:in it\s+|in\s+)?"
    + _COLOUR + ")"
    # a word quoted as the table's: "do 'wanted' and 'appeal' make it amber?"
    + rf"|({_QUOTED_WORD}(?:\s*(?:and|or|,|/)\s*{_QUOTED_WORD})*\s+(?:in it\s+)?{_COLOUR})"
    # the same asked as a question: "or is 'budget' a red one?", "aren't 'raids' amber?"
    + rf"|\b(?:is|are|isn't|aren't|isnt|arent)\s+({_QUOTED_WORD}(?:\s*(?:and|or|,|/)\s*{_QUOTED_WORD})*)\s+(?:an?\s+|one of the\s+)?(?:red|amber)\b"
    # the row asked about by its quoted name: "does this count as 'financial'?", "would it be classed as 'political'"
    + rf"|\b(?:counts?|counted|classed|classes|treated|seen|taken|comes? under|falls? under)\s+(?:as\s+)?(?:an?\s+)?({_QUOTED_WORD})"
    # a rule the asker knows of or wants to keep to: "I'm aware we're not supposed to discuss X", "keen not to fall foul of
    # the X guidance" (what the rule forbids, not what the post says)
    r"|\b(?:(?:know|knew|heard|told|aware)\b[^.?!\n]{0,25}?\bnot (?:meant|supposed|allowed|permitted) to|fall(?:s|ing)? foul of)"
    r"\s+([^.?!,;\n]{1,60})"
    # a row named as a rule: "is that down to the politics rule?", "does the terrorism row cover it?"
    r"|\b(?:the|that|this)\s+([\w/-]+(?:\s+[\w/-]+)?)\s+(?:rule|row|category)\b"
    # "raids are one of the amber ones"
    r"|(\b[\w-]+\s+(?:is|are)\s+one of the (?:red|amber)\s+(?:ones|topics|rows|categories|things)\b)"
    # the row a post might be taken for: "does calling it an 'operation' turn it into one of those big Met-wide ops?"
    r"|\b(?:turns?|make|makes|count|counts|class|classes|classed|treat|treated)\s+(?:it|this|that|them)\s+(?:(?:into|as)\s+)?"
    r"((?:one of\s+)?(?:those|the|a|an)\s+[^.?!,\n]{1,60}?)(?=\s+(?:that|which|needing|needs)\b|[?.!,]|$)",
    re.I)
"""Talk about the traffic-light table, not the post: the words a claim says are red or amber are named, not published."""


MAKE_BELIEVE = re.compile(
    r"\b(?:murder|crime|detective)[- ]myster(?:y|ies)\b|\bwhodunn?its?\b"
    r"|\b(?:mock|pretend|fake|spoof|staged|role-?play(?:ed)?|dummy|practice)[- ](?:crime[- ]scenes?|arrests?|raids?|trials?|court cases?|"
    r"incidents?|['‘\"“]?wanted['’\"”]?[- ]posters?|suspects?|stop[- ]and[- ]search(?:es)?|shootings?|emergenc(?:y|ies)|evacuations?|"
    r"crimes?|burglar(?:y|ies)|break-ins?)\b"
    # a word for being held or punished, in scare quotes, said in play wherever it stands: "the 'arrest' photo"
    rf"|['‘](?:arrest|bail(?:ed)?|{_HELD}|{_PUNISHED})['’]",
    re.I)
"""Make-believe: a murder-mystery night, a mock crime scene, a pretend arrest, a spoof wanted poster, a justice word in scare
quotes — a game, a drill or a joke about the force, not a crime that happened."""

SCARE_QUOTED = re.compile(r"(?<=\w )['‘]([a-z][a-z-]{2,})['’](?=[\s,.!?;:)])", re.I)
"""One word in single quotes in the middle of a sentence ("the team 'raided' the biscuit tin", "they put me on 'trial'", "a
'stolen' teddy"): said in play or not meant as it reads."""
CALLED_A = re.compile(r"\b(?:a|an|the)\s$", re.I)
"""An article before a quoted word that ends its noun phrase ("he's a 'nonce' who…", "calls him a 'thief'."): what a person
is called, which is still said of them."""
_DESCRIBES_A_THING = re.compile(r"\s+(?!(?:who|that|which|and|or)\b)[a-z]", re.I)
WRITTEN_AS = re.compile(r"\b(?:tweet\w*|post\w*|say\w*|said|writ\w*|wrote|caption\w*|title\w*|headline\w*|hashtag\w*|words?|terms?|"
                        r"shout\w*|yell\w*|scream\w*|cried|called|named|nicknamed|known as|aka|goes by|reads?|put)\s$", re.I)
"""The words before a quoted word that is the text to publish, words someone said, or a name ("tweet 'ARRESTED'", "he
shouted 'knife'", "known as 'smudge'"): meant as written."""


def scare_quoted(text: str, capitalised: bool = True) -> list[tuple[int, int]]:
    """Where `text` has a word in scare quotes; with `capitalised` false, not a Capitalised one (in text that keeps its case,
    that may be a nickname: "known as 'Tiny'")."""
    return [match.span() for match in SCARE_QUOTED.finditer(text)
            if not WRITTEN_AS.search(text[max(0, match.start() - 20) : match.start()])
            and not (CALLED_A.search(text[max(0, match.start() - 5) : match.start()]) and not _DESCRIBES_A_THING.match(text[match.end() :]))
            and (capitalised or not (match.group(1)[0].isupper() and not match.group(1).isupper()))]


def blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each [start, end) in `spans` blanked, same length."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


COURTESY = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?:many\s+|massive\s+|big\s+)?(?:thanks|thank you|thx|ta|cheers)"
    r"(?:\s+(?:in advance|so much|very much|a lot|again|all|both|mate|guys|everyone|for (?:your|the|any) (?:help|advice|time|steer|input)))?"
    r"(?:[ \t]*,[ \t]*[\w'’-]+(?:[ \t]+[\w'’-]+)?)?[ \t]*(?=[.!?\n]|$)",
    re.I)
"""Thanks said to whoever reads the message, as a sentence of its own ("Thanks, Priya", "Cheers in advance!"): a courtesy
that signs off an email or a question, not a thank-you to post ("thanks to the volunteers who…")."""

ASKED_IF_EVER = re.compile(r"\basked\s+(?:[\w'’-]+\s+){0,3}?(?:if|whether)\s+(?:[\w'’-]+\s+){0,2}?ever\b[^.?!,;:\n]{0,50}", re.I)
"""A question someone put about whether a thing ever happened ("the cubs asked Sgt Amos whether she'd ever handcuffed a
robber"): talk at a visit, not an incident."""


_BATTERY_DEVICES = r"(?:phones?|mobiles?|batter(?:y|ies)|devices?|laptops?|radios?|e-?bikes?)"
OTHER_SENSE = re.compile(
    r"\b(?:cardiac|cardio-?pulmonary|respiratory|heart)\s+arrests?\b"
    rf"|\b(?:{_BATTERY_DEVICES}|torch(?:es)?|power ?banks?|e-?scooters?|electric cars?)"
    r"\s+(?:(?:is|are|was|were|fully|kept|stays?|topped up and)\s+)?(?:charged|charging)\b"
    rf"|\bcharg(?:e|ed|ing)\s+(?:up\s+)?(?:your|my|our|the|their|his|her)\s+(?:{_BATTERY_DEVICES}|cars?)\b", re.I)
"""The justice system's words in another sense: a heart that stopped ("collapsed in cardiac arrest"), a battery filled
("keep your phone charged"). No one was arrested or charged."""


_A_QUOTED_WORD = r"['‘\"“][\w -]{1,25}['’\"”]"
WORD_MENTIONED = re.compile(
    rf"\bthe (?:word|words|term|phrase|hashtag|headline) {_A_QUOTED_WORD}"
    rf"|{_A_QUOTED_WORD}(?= (?:trending|in (?:it|(?:a|an|the|our|my) (?:[\w-]+ )?(?:tweet|post|title|headline|caption))|on (?:a|the|our) (?:police |ward |borough )?"
    r"(?:account|feed|page|timeline))\b)"
    r"|\b[\w'’-]+(?= (?:written )?in (?:block |big |huge )?(?:capitals|caps|capital letters|letters|bold)\b)",
    re.I)
"""A word talked about as a word ("the word 'murder'", "'murder' trending off a police account", "ARREST in big letters"):
mentioned, not used."""


def mask_negated(text: str) -> str:
    """`text` with negated mentions ("no name", "without the photo"), wishes ("should be jailed"), make-believe ("a mock
    crime scene"), questions put about whether a thing ever happened, words talked about as words ("the word 'murder'"),
    words in scare quotes ("'raided' the biscuit tin"), thanks that sign a message off and talk about the table ("someone
    said anything about 'budget' is red") blanked, same length."""
    blank = lambda match: " " * len(match.group(0))  # noqa: E731
    masked = WORD_MENTIONED.sub(blank, OTHER_SENSE.sub(blank, MAKE_BELIEVE.sub(blank, HYPOTHETICAL.sub(blank, NEGATED_MENTION.sub(blank, text)))))
    masked = COURTESY.sub(blank, ASKED_IF_EVER.sub(blank, masked))
    masked = without_table_talk(masked)
    return blank_spans(masked, scare_quoted(masked))


def without_table_talk(text: str) -> str:
    """`text` (any case, offsets kept) with what it says about the traffic-light table blanked: the rows it names are
    mentioned, not posted."""
    return TABLE_TALK.sub(_blank_groups, text)


def _blank_groups(match: re.Match) -> str:
    """The match with its captured groups blanked and the rest (who made the claim) kept."""
    text, start = list(match.group(0)), match.start()
    for group in range(1, (match.lastindex or 0) + 1):
        if match.group(group) is not None:
            text[match.start(group) - start : match.end(group) - start] = " " * (match.end(group) - match.start(group))
    return "".join(text)


@dataclass(frozen=True)
class PhraseText:
    """The normalised text the phrase rules match, with what the proceedings reader needs of it."""

    text: str  # normalised, negations masked
    dates: tuple[FoundDate, ...]
    today_ordinal: int
    arrested: bool
    charged: bool
    sentenced: bool
    court_result: bool
    trial_to_come: bool = False

    @property
    def today(self) -> dt.date | None:
        """The day asked, when the caller gave one (a date of birth is an age only then)."""
        return dt.date.fromordinal(self.today_ordinal) if self.today_ordinal > 0 else None

    @property
    def proceedings_active(self) -> bool:
        """From arrest (or charge) until sentence: the Contempt of Court Act's 'active' period, still running while anyone in
        the story awaits trial."""
        return (self.arrested or self.charged) and (not self.sentenced or self.trial_to_come)


@dataclass(frozen=True)
class Hit:
    """One firing of a rule: where in the normalised text, and what matched."""

    rule: "Rule"
    start: int
    end: int
    phrase: str


@dataclass(frozen=True)
class Rule:
    """A named, tested rule with the passages it rests on.

    Its wording and phrases come from the approved phrase book (`corpus/phrases.yaml`); usage::

        book = phrase_book()
        hits = book.rule("under_18").check(book.phrase_text("we arrested a 15-year-old", [], 0))
    """

    name: str
    kind: RuleKind
    title: str  # the rule in plain words, for officers (the name is for `ask --json` and the evaluation)
    why: str
    cites: tuple[tuple[str, str], ...]  # (document id, section heading or a phrase of the passage)
    patterns: tuple[re.Pattern, ...]
    requires: re.Pattern | None = None  # context that must also be present
    unless: re.Pattern | None = None  # context that stops the rule
    safer: str | None = None
    cancelled_by: re.Pattern | None = None  # a later turn that says this no longer applies
    applies: str = "posting"  # "posting": questions about posting; "any": every in-scope question

    def check(self, facts: PhraseText) -> list[Hit]:
        text = facts.text
        if self.requires is not None and not self.requires.search(text):
            return []
        if self.unless is not None and self.unless.search(text):
            return []
        hits = []
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                hits.append(Hit(self, match.start(), match.end(), match.group(0)))
        return sorted(hits, key=lambda hit: hit.start)


@dataclass(frozen=True)
class UnderEighteenRule(Rule):
    """An age under 18, or a word for a child, in a post about an incident."""

    incident: re.Pattern | None = None
    child: re.Pattern | None = None

    def check(self, facts: PhraseText) -> list[Hit]:
        if self.incident is None or not self.incident.search(facts.text):
            return []
        # An age under 18 is the detail to take out; "boy" or "pupil" beside it adds nothing to point at.
        spans = [(start, end) for years, start, end in read_ages(facts.text, facts.today) if years < 18] \
            or ([match.span() for match in self.child.finditer(facts.text)] if self.child else [])
        return sorted((Hit(self, start, end, facts.text[start:end]) for start, end in spans), key=lambda hit: hit.start)


class ProceedingsRule(Rule):
    """Fires only while proceedings are active (arrest or charge, and no sentence yet)."""

    def check(self, facts: PhraseText) -> list[Hit]:
        if facts.sentenced and not facts.charged:
            return []
        return super().check(facts)


class ArrestFactsRule(Rule):
    def check(self, facts: PhraseText) -> list[Hit]:
        if not facts.proceedings_active:
            return []
        return super().check(facts)


@dataclass(frozen=True)
class ImagesRule(Rule):
    """Images of suspects, victims and CCTV always count, and a photo of a person when it is about an incident; footage asked
    of the public ("anyone with dashcam footage") is not an image the post shows."""

    incident: re.Pattern | None = None
    about_an_incident: re.Pattern | None = None
    made_to_advise: re.Pattern | None = None
    """A video made to advise or of our own work (the phrase book's vocabulary): inside one, no footage of an incident."""

    def check(self, facts: PhraseText) -> list[Hit]:
        hits = super().check(facts)
        if self.incident is not None and self.about_an_incident is not None \
                and any(not an_animal_gone_astray(facts.text, *m.span()) for m in self.incident.finditer(facts.text)):
            advice = [match.span() for match in self.made_to_advise.finditer(facts.text)] if self.made_to_advise else []
            hits += [Hit(self, m.start(), m.end(), m.group(0)) for m in self.about_an_incident.finditer(facts.text)
                     if not any(start <= m.start() and m.end() <= end for start, end in advice)]
        return sorted((hit for hit in hits if not image_asked_for(facts.text, hit.start, hit.end)), key=lambda hit: hit.start)


RULE_KINDS: dict[str, tuple[type[Rule], RuleKind]] = {
    "under_18": (UnderEighteenRule, "raises"),
    "sexual_offence": (Rule, "raises"),
    "jigsaw_identification": (Rule, "raises"),
    "prejudicial_comment": (ProceedingsRule, "raises"),
    "naming_arrested": (Rule, "raises"),
    "identifiable_images": (ImagesRule, "raises"),
    "death": (Rule, "raises"),
    "complaints_misconduct": (Rule, "raises"),
    "terror_threat_level": (Rule, "raises"),
    "major_incident": (Rule, "raises"),
    "political": (Rule, "raises"),
    "court_order": (Rule, "raises"),
    "defamation": (Rule, "raises"),
    "personal_data": (Rule, "raises"),
    "complex_legal_statement": (Rule, "raises"),
    "court_result_over_a_week": (Rule, "raises"),
    "ethnicity_nationality": (Rule, "raises"),
    "arrest_facts_only": (ArrestFactsRule, "conditions"),
    "identifies_person": (Rule, "raises"),
    "speaking_below_inspector": (Rule, "raises"),
}
"""Every rule the engine runs, in the order it reports them, with how it reads and whether it raises or only sets
conditions. Their wording and phrases are the phrase book's; rules with no phrases are raised by other readers."""
