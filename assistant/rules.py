"""The phrase reader's rules, and the catalogue of what each risk means, why, and where it is written.

Each rule names a risk factor (`assistant.facts.Risk`) with the passages it rests on, and may carry
patterns: the phrase reader (`assistant/readers/phrases.py`) reports a finding for each pattern
that matches the normalised question. Rules decide nothing — the verdict policy does. A mention
that the question itself negates ("no name", "without the photo") matches nothing.
"""

import re
from dataclasses import dataclass
from typing import Literal

from .dates import FoundDate

RuleKind = Literal["raises", "conditions"]


def words(*alternatives: str) -> re.Pattern:
    """A case-insensitive pattern matching any alternative as whole words."""
    return re.compile(r"(?<![\w@])(?:" + "|".join(alternatives) + r")(?![\w])")


NEGATED_MENTION = re.compile(
    r"(?<!\w)(?:no|without|not|never|minus|won't|will not|wont|don't|do not|not going to|with no|leave out|leaving out"
    r"|no one|nobody|none)\s+(?:\w+\s+){0,3}?(?:names?|naming|name\s+(?:him|her|them)|photos?|pictures?|images?"
    r"|custody\s+photos?|faces?|cctv|seriously\s+(?:injured|hurt)|badly\s+(?:injured|hurt)|injur\w*|hurt|died|killed)\b"
    r"|(?<!\w)(?:leave|leaving|left|keep|keeping)\s+(?:\w+\s+){0,2}?names?\s+out\b"
    r"|(?<!\w)names?\s+(?:left|kept)\s+out\b"
    r"|(?<!\w)non[- ](?:injury|ksi|fatal|serious)\b"
    r"|(?<!\w)(?:no|zero|nobody|no one|none)\s+(?:\w+\s+){0,2}?(?:suspects?|arrests?|arrested|charged|leads?)\b"
)
"""Mentions said not to exist ("no names", "without the photo", "no suspects", "nobody's been arrested"): never read as there."""


HYPOTHETICAL = re.compile(
    r"(?:(?<!\w)(?:should|ought to|must|needs? to|deserves? to|wants? to|hope (?:he|she|they) (?:gets?|is|are)|will|going to|gonna)|'ll)"
    r"\s+(?:be\s+|get\s+)?(?:going\s+|go\s+)?(?:jailed|sentenced|locked up|put away|banged up|sent down|convicted|imprisoned|away|down|"
    r"behind bars)\b",
    re.IGNORECASE,
)
"""A punishment wished or foretold ("should be locked up", "he'll be going away"): not a sentence that happened."""


def mask_negated(text: str) -> str:
    """`text` with negated mentions ("no name", "without the photo") and wishes ("should be jailed") blanked, same length."""
    blank = lambda match: " " * len(match.group(0))  # noqa: E731
    return HYPOTHETICAL.sub(blank, NEGATED_MENTION.sub(blank, text))


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

    @property
    def proceedings_active(self) -> bool:
        """From arrest (or charge) until sentence: the Contempt of Court Act's 'active' period."""
        return (self.arrested or self.charged) and not self.sentenced


NICKING_SOMEONE = r"nick(?:ed|ing) (?:him|her|them|a|the|this|that|two|three|four)\b(?! (?:bikes?|cars?|phones?|bags?|stuff|things?|money))"
"""'Our lot nicking a man': an arrest in slang (not 'nicked from cars', nor 'nicking bikes')."""
ARREST = words(r"arrest\w*", "in custody", "bailed", "on bail", "released under investigation", "rui", r"remand\w*",
               "awaiting trial", "waiting for trial", r"suspects?", r"detained", NICKING_SOMEONE)
CHARGE = words("charged", "charging", r"summons\w*", "appearing at", "appear at", "first appearance", "trial",
               "plead", "pleaded not guilty", r"a charge of", r"(?:authoris|authoriz)\w* (?:a |the )?charges?",
               r"(?:he's|she's|they're|he is|she is|they are|appears?|due) (?:at|in|before) (?:\w+ ){0,2}?(?:mags|magistrates'?|crown court)\b")
BEHAVIOUR_ORDER_MADE = (r"(?:cbo|asbo|criminal behaviour order|behaviour order)s? (?:was |were |has been |got |been )?(?:granted|imposed|made|issued)"
                        r"|(?:given|got|handed) (?:an? )?(?:cbo|asbo|criminal behaviour order)")
"""A behaviour order is made on conviction: the case has reached its sentence."""
SENTENCE = words(r"sentenced", "jailed", "imprisoned", r"got \d+ (?:years?|months?)", r"given \d+ (?:years?|months?)",
                 r"\d+ (?:years?|months?) for", "locked up", "was jailed", "sent to prison", "community order",
                 "suspended sentence", "referral order", "fined", BEHAVIOUR_ORDER_MADE)
COURT_RESULT = words("sentenced", "sentencing", "jailed", "court results?", "convicted", "conviction",
                     "found guilty", "pleaded guilty", r"got \d+ (?:years?|months?)", r"\d+ (?:years?|months?) for",
                     "the result", "referral order", "verdict", "community order", "suspended sentence", "conditional discharge",
                     r"(?:was |were |got |been )?fined", "sent to prison", "imprisoned", "locked up", r"(?:got|given) (?:a|an) \w+ order")


def phrase_text(text: str, dates: list[FoundDate], today_ordinal: int) -> PhraseText:
    masked = mask_negated(text)
    return PhraseText(
        text=masked, dates=tuple(dates), today_ordinal=today_ordinal,
        arrested=bool(ARREST.search(masked)), charged=bool(CHARGE.search(masked)),
        sentenced=bool(SENTENCE.search(masked)), court_result=bool(COURT_RESULT.search(masked)),
    )


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

    Usage::

        hits = UNDER_18.check(phrase_text("we arrested a 15-year-old", [], 0))
    """

    name: str
    kind: RuleKind
    why: str
    cites: tuple[tuple[str, str], ...]  # (document id, section heading or a phrase of the passage)
    patterns: tuple[re.Pattern, ...]
    requires: re.Pattern | None = None  # context that must also be present
    unless: re.Pattern | None = None  # context that stops the rule
    legal: bool = False  # also escalate to the Directorate of Legal Services
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


def _age_under_18(facts: PhraseText) -> list[re.Match]:
    found = []
    for pattern in AGE_PATTERNS:
        for match in pattern.finditer(facts.text):
            age = int(next(group for group in match.groups() if group))
            if age < 18:
                found.append(match)
    return found


AGE_PATTERNS = (
    re.compile(r"(?<!\w)(\d{1,2})\s*-?\s*(?:years?|yrs?)\s*-?\s*olds?\b"),
    re.compile(r"(?<!\w)(\d{1,2})\s*yo\b"),
    re.compile(r"\baged?\s+(\d{1,2})\b"),
    # Newspaper style: "Darren Smith, 15, of Elm Road".
    re.compile(r"\b[a-z]+,\s+(\d{1,2})(?=\s*[,.)]|\s+(?:from|of|who|was|is|has|had)\b|\s*$)"),
    re.compile(
        r"\b(?:he|she|they|victim|suspect|boy|girl|witness|man|kid|child|driver|rider|lad)\s*(?:'s|is|are|was|were)\s+"
        r"(?:only\s+|just\s+|about\s+)?(\d{1,2})\b(?!\s*(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|mins?|%|pm|am|:|\.\d|mph|previous))"
    ),
)
CHILD_WORDS = words(r"child(?:ren)?", r"kids?", r"boys?", r"girls?", r"teen(?:ager)?s?", r"juveniles?", "schoolboy",
                    "schoolgirl", "schoolchildren", r"pupils?", r"youngsters?", r"under[- ]?18s?", "under-age", "underage",
                    r"a minor(?=\s*(?:[.,;:!?)]|$|\s+(?:was|is|has|had|who|were|are|and|or|in|at|on|from|aged|being|involved|to|under)\b))",
                    "minors", "young person", "toddler", "baby", "infant", "youth court", r"year \d+ pupils?")
INCIDENT = words(r"arrest\w*", r"suspect\w*", r"victims?", r"witness\w*", r"assault\w*", r"attack\w*", r"punch\w*",
                 r"stab\w*", r"robb\w*", r"burgl\w*", "theft", r"thie\w*", "stole", "stolen", r"snatch\w*", r"damag\w*",
                 r"vandal\w*", r"crimes?", r"offen\w*", "charged", r"courts?", "sentenced", "convicted", r"injur\w*",
                 "hurt", "collision", "crash", "clipped", "hit by", "knocked down", "missing", r"abus\w*", r"exploit\w*",
                 r"investigat\w*", "incident", r"caution\w*", "custody", "cctv", "wanted", "referral order",
                 r"groom\w*", "sexual", r"rap(?:e|ed|ist)")


class UnderEighteenRule(Rule):
    def check(self, facts: PhraseText) -> list[Hit]:
        if not INCIDENT.search(facts.text):
            return []
        # An age under 18 is the detail to take out; "boy" or "pupil" beside it adds nothing to point at.
        matches = _age_under_18(facts) or list(CHILD_WORDS.finditer(facts.text))
        return sorted((Hit(self, m.start(), m.end(), m.group(0)) for m in matches), key=lambda hit: hit.start)


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


UNDER_18 = UnderEighteenRule(
    name="under_18",
    kind="raises",
    why="Someone under 18 is involved (suspect, victim or witness): children are not identified, and youth court and "
        "court orders may restrict reporting. DMC decides.",
    cites=(("ml-children", "What you must not say"), ("ml-children", "When it bites")),
    patterns=(),
    safer="Leave out the age, school and anything else that could identify the young person, and ask DMC first.",
)

SEXUAL_OFFENCE = Rule(
    name="sexual_offence",
    kind="raises",
    why="A sexual offence: the complainant has lifelong anonymity from the moment of the allegation, and details "
        "such as a street, 'her flat' or a school can identify them (jigsaw identification).",
    cites=(("ml-sexual-offences", "What you must not say"), ("ml-sexual-offences", "What the rule is")),
    patterns=(words(r"rap(?:e|ed|es|ing|ist)", r"sexual\w*", "sexually", r"indecen\w*", "exposure", r"groom(?:ing|ed)",
                    "upskirting", "voyeurism", r"molest\w*", r"sex (?:offen\w*|attack\w*|assault\w*)", "child sexual",
                    "revenge porn", "intimate images?", "fgm", "female genital", "trafficking", "trafficked", "cyberflashing",
                    r"(?:up|under) (?:her|his) (?:skirt|dress)", r"filmed (?:up|under)",
                    r"nude (?:photos?|pictures?|images?|selfies?)", r"explicit (?:photos?|pictures?|images?)",
                    "modern slavery", "touched (?:her|him) inappropriately"),),
    safer="Say nothing that could identify the complainant (no street, home, school or workplace); ask DMC.",
)

JIGSAW = Rule(
    name="jigsaw_identification",
    kind="raises",
    why="Details such as a street, home, school or workplace, put together, can identify a victim or witness who is "
        "protected by anonymity.",
    cites=(("ml-sexual-offences", "When it bites"),),
    patterns=(words(r"(?:her|his|their|the victim's) (?:flat|house|home|address|school|college|work|workplace)",
                    r"(?:on|in|of) \w+ (?:street|road|avenue|lane|close|gardens|way|estate)", "where (?:she|he|they) lives?",
                    "name of the street", "which estate", "her school", "his school", "the pub", r"the \w+ pub",
                    "outside the academy", "a local shopkeeper",
                    # her routine: where she can be found, and when
                    r"(?:her|his|their) (?:usual|normal|regular|daily|nightly|same) (?:route|walk|run|commute|bus|train|way home|shortcut)",
                    r"after (?:her|his|their) (?:late |early |night |evening )?shift",
                    r"(?:as (?:she|he|they) (?:does|do|did) )?every (?:single )?(?:day|morning|afternoon|evening|night|week|weekday|weekend|"
                    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?: and (?:mon|tues|wednes|thurs|fri|satur|sun)day)?(?: morning| afternoon| evening| night)?)",
                    r"(?:gets|catches|takes|got|caught|took) the (?:\w+ )?(?:bus|train|tube|overground)",
                    # how she knows the accused, told as what he did for her
                    r"(?:whom|who) (?:he|she|they) (?:\w+ )?(?:taught|coached|tutored|employed|treated|supervised|managed|mentored|trained|"
                    r"babysat|cared for|drove|lodged with|rented)"),),
    requires=words(r"rap(?:e|ed|ist)", r"sexual\w*", r"indecen\w*", "exposure", r"section 45a?", r"section 46",
                   "anonymity", r"s\.?\s?45a?", r"s\.?\s?46", "reporting direction"),
    safer="Give only the general area (for example the borough), never the street, home, school or workplace.",
)

PREJUDICIAL_COMMENT = ProceedingsRule(
    name="prejudicial_comment",
    kind="raises",
    why="Proceedings are active from arrest until sentence: comment on guilt, character, evidence or previous "
        "convictions can be a contempt of court (strict liability) and can collapse a trial.",
    cites=(("ml-contempt", "What you must not say"), ("ml-defamation", "What you must not say")),
    patterns=(words("guilty as sin", r"(?:he|she|they)(?:'s| is| are| was) (?:definitely |obviously |clearly )?guilty",
                    "definitely did it", r"hope (?:he|she|they) rots?", r"thugs?", r"scum\w*", "vermin", "monster",
                    "evil", r"paedo\w*", "nonce", r"well[- ]known (?:local )?\w+", r"known to (?:us|police|the police)",
                    r"previous convictions?", r"\d+ previous", "loads of previous", "lots of previous", "previous for",
                    r"form for", "prolific", "career criminal", r"red[- ]handed", "bang to rights",
                    r"(?:cctv|footage|video|evidence|dna|fingerprints?) (?:shows?|proves?|clearly|caught|links?)",
                    "clear as day", r"confess\w*", r"admitted (?:it|everything|the|to)", "on bail for another",
                    r"already (?:on bail|wanted|charged|known) for", r"taken off (?:our|the) streets", "culprit",
                    "perpetrator", "open and shut", "got our man", "got him bang", "a known burglar",
                    r"found (?:\w+ ){0,4}(?:in|on) (?:his|her|their) (?:boot|car|house|flat|home|bag|pocket|van|room)",
                    r"caught (?:him |her |them )?with", "in possession of", r"recovered from (?:his|her|their)",
                    "the burglar", "the thief", "the robber", "the attacker", "the offender",
                    # labels and celebrations that treat the accused as the offender
                    r"yobs?", r"crooks?", r"villains?", r"low-?lifes?", r"toe-?rags?", r"scrotes?", r"wrong[ '’]?uns?", r"hooligans?", r"louts?",
                    r"got (?:him|her|them|'em)\b(?!\s+(?:to|home|back|out|into|in|a|an|some|help|sorted|checked|safely|seen|treated))",
                    r"off (?:the|our) streets"),),
    requires=words(r"arrest\w*", "charged", "the charge", "a charge of", NICKING_SOMEONE, "custody", r"remand\w*", "trial", "bail", "bailed", r"suspects?",
                   "court", "appearing", "accused", "defendant", r"rui"),
    safer="Say only 'a man/woman aged [age] has been arrested on suspicion of [offence]' (or 'charged with'); "
          "nothing on guilt, character, evidence or previous convictions.",
)

NAMING_ARRESTED = Rule(
    name="naming_arrested",
    kind="raises",
    why="People who are arrested or suspected are not named (or their names confirmed) except in exceptional "
        "circumstances decided by the SIO; privacy law (ZXC v Bloomberg) protects them before charge.",
    cites=(("ml-naming-suspects", "What you must not say"), ("ml-naming-suspects", "What the rule is")),
    patterns=(words(r"name (?:him|her|them|the (?:man|woman|suspect|person|boy|girl|driver|lad|\d+[- ]year[- ]old)|who)",
                    r"(?:his|her|their|the suspect's|the man's|the woman's|suspect's) (?:full )?names?",
                    r"naming (?:him|her|them|the)", r"confirm (?:it's|it is|that it's|that it is|the name|his name|"
                    r"her name|who|the identity|his identity|her identity|it in)", r"the name of (?:the|him|her)",
                    r"identify (?:him|her|them|the suspect)", r"give (?:out )?(?:his|her|their) names?",
                    r"(?:add|include|put|use|tweet|post|publish|release) (?:his|her|their) (?:full )?names?",
                    r"named (?:him |her |them )?as", r"identified (?:him |her |them )?as", r"(?:his|her|their) name is",
                    # A detail that points to one person names them as surely as a name.
                    r"who (?:runs|owns|manages) (?:a|an|the) \w+", r"(?:landlord|landlady|owner|manager|headteacher) of (?:the|a) \w+"),),
    unless=words(r"sentenced", "jailed", "convicted", r"died", "dead", "death", "killed", "missing"),
    cancelled_by=words(r"without (?:the |his |her |their |a |any )?names?", r"no names?", r"(?:drop|leave out) the names?"),
    safer="Describe the person by gender, age and town only, e.g. 'a 34-year-old man from Penge'.",
)

class ImagesRule(Rule):
    """Images of suspects, victims and CCTV always count; a photo of a person only when it is about an incident."""

    person_photo = words(r"(?:photo|picture|image|video|footage|still|clip|headshot|selfie)s? (?:of|showing) (?:the |a |his |"
                         r"her |their |two |three |some )?(?:(?:\w+ )?(?:man|men|woman|women|boy|boys|girl|girls|youths?|kids?|"
                         r"child|children|teenagers?|person|people|driver|face|faces)|him|her|them)",
                         # Footage of an incident shows the people in it.
                         r"(?:the |this |that )?(?:footage|clip|video|stills|helmet[- ]?cam|dash[- ]?cam|doorbell (?:camera|footage))",
                         r"shows (?:the|his|her|their) (?:\w+'s )?face")

    def check(self, facts: PhraseText) -> list[Hit]:
        hits = super().check(facts)
        if INCIDENT.search(facts.text):
            hits += [Hit(self, m.start(), m.end(), m.group(0)) for m in self.person_photo.finditer(facts.text)]
        return sorted(hits, key=lambda hit: hit.start)


IDENTIFIABLE_IMAGES = ImagesRule(
    name="identifiable_images",
    kind="raises",
    why="Releasing an image of an identifiable person (CCTV, custody photo, suspect or victim) needs a policing "
        "purpose, SIO/OIC approval and a recorded decision; DMC handles the release.",
    cites=(("ml-images", "What you must not say"), ("ml-images", "What the rule is")),
    patterns=(words(r"custody (?:photo|image|picture|shot)s?", r"cctv (?:stills?|images?|footage|photos?|pictures?|clips?|video)",
                    r"e-?fits?", r"wanted posters?", r"post (?:the )?cctv", r"(?:photo|picture|image)s? of (?:the |a )?(?:suspects?|"
                    r"offenders?|defendants?|accused|victims?|prisoner)", r"(?:photo|picture|image)s? of (?:his|her|their) injur\w+",
                    r"(?:doorbell|dashcam|body[- ]worn) (?:footage|video) of", r"shows an identifiable person"),),
    cancelled_by=words(r"without (?:the |a |any )?(?:photo|picture|image|custody photo|cctv)s?", r"no (?:photo|picture|image)s?",
                       r"(?:drop|leave out|lose|skip) the (?:photo|picture|image)"),
    safer="Post the text without the image, or a photo in which nobody can be identified; DMC handles image releases.",
)

DEATH = Rule(
    name="death",
    kind="raises",
    why="A death: nothing that identifies the person until the next of kin have been told and the family's wishes "
        "are known; DMC coordinates.",
    safer="Say nothing that identifies the person who died until DMC confirms the family have been told; use DMC's wording.",
    cites=(("ml-deaths", "What you must not say"), ("ml-deaths", "What the rule is")),
    patterns=(words("died", "dies", "dead", "death", "deaths", "deceased", r"(?:didn't|did not|failed to) survive", "drowned", r"fatal\w*", "fatality", "fatalities", "killed",
                    r"murder\w*", "manslaughter", "passed away", r"lost (?:his|her|their) li(?:fe|ves)",
                    r"body (?:was |has been )?(?:found|discovered|recovered)", "found a body", "next of kin", "inquest"),),
    unless=words(r"killed or seriously injured"),
)

COMPLAINTS_MISCONDUCT = Rule(
    name="complaints_misconduct",
    kind="raises",
    why="Complaints, misconduct and officers under investigation are handled by DPS, the IOPC and DMC, not local "
        "accounts: confirm a complaint only if asked, never discuss its details.",
    safer="Do not reply or comment on the complaint or the officer; refer the person to DMC, and the complaints route.",
    cites=(("ml-complaints-misconduct", "What you must not say"), ("ml-complaints-misconduct", "What the rule is")),
    patterns=(words("gross misconduct", "misconduct", r"disciplinar\w*", "iopc", "ipcc", "professional standards", "dps",
                    r"complaints? (?:about|against) (?:the |our |an? |his |her )?(?:police|officers?|us|pcs?|pcsos?|stop|arrest|search|team)",
                    r"complain\w*(?: \w+){0,8}? (?:officers?|police|cops?|us|our|pcs?|pcsos?|the stop|a stop|the arrest|the search)",
                    r"(?:officers?|pcs?|pcsos?|sergeants?|inspectors?|constables?|colleagues?|staff)(?: \w+){0,4}? "
                    r"(?:suspended|dismissed|sacked|restricted|under investigation)",
                    r"(?:suspended|dismissed|sacked) (?:officers?|pcs?|pcsos?)", "reply to (?:the |a )?complaint",
                    "respond to (?:the |a )?complaint", "responding to (?:the |a )?complaints?",
                    # an allegation about officers' conduct is a complaint, whether or not anyone says "complaint"
                    r"(?:officers?|police|cops?|pcs?|pcsos?|sergeants?|(?:your|our|the) (?:lot|team|colleagues?|officer|constable))"
                    r"(?: \w+){0,2}? (?:was|were|been|are|is|being) (?:\w+ )?(?:rude|aggressive|racist|abusive|heavy[- ]handed|"
                    r"unprofessional|disrespectful|threatening|violent|intimidating|bullying|out of order|harassing|discriminat\w+|"
                    r"sexist|homophobic|horrible|nasty|arrogant|hostile) (?:to|towards?|with|during|at|when|about)\b",
                    r"(?:officers?|police|cops?|pcs?|pcsos?)(?: \w+){0,2}? (?:assaulted|harassed|manhandled|racially profiled|"
                    r"roughed up|threatened|abused|insulted|swore at) (?:him|her|them|me|us|a|my|his)\b"),),
)

TERROR_THREAT = Rule(
    name="terror_threat_level",
    kind="raises",
    why="The terrorism threat level is set by JTAC and MI5; borough accounts never discuss or interpret it.",
    safer="Leave out the threat level; share only what @metpoliceuk or DMC have published.",
    cites=(("ml-terrorism-major-incidents", "What you must not say"),),
    patterns=(words(r"(?:terror(?:ism|ist)? |national )?threat levels?", "jtac", "terror threat"),),
)

MAJOR_INCIDENT = Rule(
    name="major_incident",
    kind="raises",
    why="Major and critical incidents are led by the 24-hour Press Bureau with partners; local accounts only share "
        "what DMC and @metpoliceuk put out.",
    safer="Retweet @metpoliceuk and DMC updates only; send enquiries to the Press Bureau.",
    cites=(("ml-terrorism-major-incidents", "When it bites"), ("ml-terrorism-major-incidents", "What you must not say")),
    patterns=(words("major incident", "critical incident", "mass casualty", "serious disorder", "major disorder",
                    r"riot(?:s|ing)?", r"terror(?:ist)? (?:attack|incident)", "declared (?:a )?major"),),
)

POLITICAL = Rule(
    name="political",
    kind="raises",
    why="Political, government and election content: officers take no active part in politics, and in the "
        "pre-election period nothing may look like support for a party or candidate.",
    safer="Leave out politicians, candidates, parties and anything about government or elections.",
    cites=(("ml-social-media-politics", "What you must not say"), ("ml-social-media-politics", "What the rule is")),
    patterns=(words(r"elections?", "by-election", "pre-election", "purdah", r"candidates?", "polling",
                    "political", "politics", r"politicians?", r"councillors?", "mp", "member of parliament", "mayor",
                    "mayoral", "home secretary", "prime minister", "government", r"ministers?", "political party",
                    "labour party", "conservative party", "tory", "tories", "lib dems?", "reform uk", "green party",
                    # a judgement of an elected or public body is taking a side, whoever's name is left out
                    r"(?:the |our |local )?(?:council|councils|town hall|local authority|government|home office|mayor'?s? office|tfl)"
                    r"(?:'s|’s| has| have| is| are| was| were)?(?: been| being| just)?(?: \w+)? (?:useless|hopeless|incompetent|a joke|"
                    r"a disgrace|a shambles|pathetic|clueless|rubbish|failing|asleep|a waste of space|to blame|letting (?:us|people|residents) down)"),),
    unless=words("deputy mayor for policing and crime"),
)

COURT_ORDER = Rule(
    name="court_order",
    kind="raises",
    why="A court order or reporting direction restricts what may be published; breaching it is a contempt. "
        "Legal Services advise on what it covers.",
    safer="Post nothing about the case until Legal Services confirm what the order allows.",
    cites=(("ml-contempt", "When it bites"), ("ml-witnesses", "What the rule is")),
    patterns=(words(r"(?:section|s\.?)\s?4\s?\(2\)", r"(?:section|s\.?)\s?11(?: order)?", r"(?:section|s\.?)\s?45a?",
                    r"(?:section|s\.?)\s?46", r"reporting (?:restrictions?|directions?|orders?)", "postponement order",
                    "anonymity order", "lifetime anonymity", "lifelong anonymity", "gagging order", "court order",
                    r"order (?:postponing|banning|preventing|withholding)", r"withholding (?:the |his |her )?(?:name|identity)",
                    # an order told in plain words: what the judge did, or what the order forbids
                    r"(?:judge|court|magistrates?|bench) (?:\w+ ){0,3}?(?:made|issued|imposed|granted|put) (?:an? |the )?(?:\w+ )?order",
                    r"(?:judge|court|magistrates?|bench) (?:\w+ ){0,2}?(?:postponed|banned|restricted|prohibited|stopped) (?:any |the )?(?:reporting|publication)",
                    r"postpon\w* (?:the |any )?reporting", r"reporting (?:is |was |has been )?postponed", r"\b4\s?\(2\)(?: order)?",
                    r"nothing (?:can|could|may|is to|should|must) be (?:reported|published|said|posted)",
                    r"order (?:\w+ ){0,6}?(?:can't|cannot|couldn't|could not|mustn't|must not|not to|shouldn't|should not) be "
                    r"(?:identified|named|reported|published|shown)"),),
    legal=True,
)

DEFAMATION = Rule(
    name="defamation",
    kind="raises",
    why="A defamation complaint or threat of legal action: do not reply, delete or change anything without advice; "
        "Legal Services and DMC handle it.",
    safer="Do not reply, delete or edit anything yet; send the letter or message to Legal Services and DMC.",
    cites=(("ml-defamation", "Who to ask"), ("ml-defamation", "What the rule is")),
    patterns=(words(r"defam\w*", r"libel\w*", r"slander\w*", r"solicitor'?s'? letter", r"letter from (?:a|his|her|their) solicitors?",
                    "legal letter", "letter before action", r"threaten\w* to sue", "sue us", "suing", "lawsuit",
                    "legal action", "cease and desist", "take us to court"),),
    legal=True,
    applies="any",
)

PERSONAL_DATA = Rule(
    name="personal_data",
    kind="raises",
    why="Personal data from police systems (PNC, CRIS, CAD, ANPR, intelligence) may only be disclosed with a lawful "
        "basis; it is never posted or passed to the media.",
    safer="Leave out anything taken from police systems (records, screenshots, addresses, numbers).",
    cites=(("ml-data-protection", "What you must not say"), ("ml-data-protection", "What the rule is")),
    patterns=(words("pnc", "cris", r"cad(?!\s*(?:ref\w*\.?|number|no\.?)?\s*\d)", "niche", r"intelligence (?:reports?|records?|systems?|logs?)",
                    r"police (?:systems?|records?|databases?)", "registered keeper", "anpr",
                    r"screenshots? of (?:the |a |our )?(?:\w+ )?(?:records?|systems?|logs?|reports?|databases?)",
                    r"(?:home )?address(?:es)? and (?:phone|telephone|mobile) numbers?", "date of birth",
                    r"personal (?:data|details|information)", r"custody records?"),),
    legal=True,
    applies="any",
)

COMPLEX_LEGAL = Rule(
    name="complex_legal_statement",
    kind="raises",
    why="A statement on a complex legal matter needs advice from the Directorate of Legal Services first.",
    safer="Hold the statement until the Directorate of Legal Services has advised.",
    cites=(("policy-stop-search-comms-strategy", "complex legal matters"),),
    patterns=(words("judicial review", r"lawful\w*", r"unlawful\w*", "legality", "legal challenge", "human rights act",
                    r"ruled (?:unlawful|illegal)", "high court", "court of appeal", "supreme court", "tribunal",
                    "legal statement", r"statement on (?:the )?(?:law|legal)"),),
    legal=True,
)

COURT_RESULT_OVER_A_WEEK = Rule(
    name="court_result_over_a_week",
    kind="raises",
    why="DMC will not release details of a court case more than a week after sentencing.",
    safer="Do not post this result; DMC will not release it more than a week after sentencing.",
    cites=(("policy-local-communication", "more than a week has passed since sentencing"), ("ml-court-results", "When it bites")),
    patterns=(),
)

ETHNICITY_NATIONALITY = Rule(
    name="ethnicity_nationality",
    kind="raises",
    why="A suspect's ethnicity, nationality or immigration status is not given routinely; the force decides in "
        "high-profile cases, and immigration status is for the Home Office.",
    safer="Leave out ethnicity, nationality and immigration status unless DMC decides otherwise.",
    cites=(("ml-ethnicity-nationality", "What you must not say"), ("ml-ethnicity-nationality", "What the rule is")),
    patterns=(words("ethnicity", r"ethnic (?:origin|background|appearance)", r"nationalit(?:y|ies)", "immigration status",
                    r"asylum(?:[- ]seekers?)?", r"(?:illegal )?immigrants?", r"migrants?", r"refugees?", "foreign national",
                    "religion"),),
)

ARREST_FACTS_ONLY = ArrestFactsRule(
    name="arrest_facts_only",
    kind="conditions",
    why="Proceedings are active from arrest: give only the facts the APP allows (gender, age, area, offence, date, "
        "custody status), name nobody, and say nothing on guilt, character, evidence or previous convictions.",
    safer="Keep to: a man/woman aged [age] from [town] has been arrested on suspicion of [offence] and is in custody / on bail.",
    cites=(("ml-naming-suspects", "What you may say"),),
    patterns=(ARREST, CHARGE),
)

IDENTIFIES_PERSON = Rule(
    name="identifies_person",
    kind="raises",
    why="A person in a post about an incident, a death or a child can be identified (a name, an address, a school or "
        "workplace): suspects are protected before charge, comment while proceedings are active can be a contempt, "
        "and children and victims of sexual offences have anonymity.",
    cites=(("ml-naming-suspects", "What you must not say"), ("ml-children", "What you must not say")),
    patterns=(),
    safer="Describe the person by gender, age and town only, e.g. 'a 34-year-old man from Penge'.",
)

SPEAKING_BELOW_INSPECTOR = Rule(
    name="speaking_below_inspector",
    kind="raises",
    why="Only inspectors and above may speak to the media, and they tell the press office beforehand; below "
        "inspector, DMC handles the enquiry.",
    cites=(("policy-stop-search-comms-strategy", "inspectors or above may speak"),),
    patterns=(),
    safer="Do not comment yourself: pass the journalist to the Press Bureau.",
)

RULES: tuple[Rule, ...] = (
    UNDER_18, SEXUAL_OFFENCE, JIGSAW, PREJUDICIAL_COMMENT, NAMING_ARRESTED, IDENTIFIABLE_IMAGES, DEATH,
    COMPLAINTS_MISCONDUCT, TERROR_THREAT, MAJOR_INCIDENT, POLITICAL, COURT_ORDER, DEFAMATION, PERSONAL_DATA,
    COMPLEX_LEGAL, COURT_RESULT_OVER_A_WEEK, ETHNICITY_NATIONALITY, ARREST_FACTS_ONLY, IDENTIFIES_PERSON,
    SPEAKING_BELOW_INSPECTOR,
)
RULES_BY_NAME = {rule.name: rule for rule in RULES}


def fire(facts: PhraseText, posting: bool) -> list[Hit]:
    """Every hit of every rule that applies to this kind of question, in text order."""
    hits = []
    for rule in RULES:
        if posting or rule.applies == "any":
            hits.extend(rule.check(facts))
    return hits
