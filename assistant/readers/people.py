"""The people reader: who is in the story, in what role, how old, and what could identify them.

It reads the question as asked (names need their capitals), with negated mentions ("no names",
"without the photo") blanked, and finds:

- personal names: after a title (Mr, Ms, Dr; a rank such as PC, DC or Sgt marks a colleague), a
  first name followed by a surname, a lower-case or text-speak pair before an age ("jay smith, 19"),
  "named/called X", and a first name on its own that is not an everyday English word;
- addresses: a house number before a street, or a street after "of", "from", "lives";
- schools, colleges and workplaces ("a pupil at St Saviour's", "works at the Tesco");
- ages in every common style, read by `assistant.ages` ("15", "15-year-old", "aged fifteen", "16yo", "Year 9 pupil"),
  where a correction ("actually he's 18") replaces what was said before;
- roles (suspect, arrested, charged, convicted, victim, witness, child, died) and images;
- one of the force's own told as the one arrested, charged, convicted or sacked (misconduct, not an arrest they made);
- someone held who then got away (an escape from custody), police going into premises by warrant (a raid), the court's
  own words limiting what may be published, and the family of someone who died told of the death.

A tally of arrests over a career or a year ("900 arrests in her service") is a figure, not an arrest in the story.

When unsure whether a capitalised pair is a name, it is read as one: the policy raises on it only
in a post about an incident, a death or a child.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from ..ages import read_ages
from ..facts import INCIDENT_ROLES, Age, Identifier, RoleMention, Span
from ..rules import ANIMALS, HYPOTHETICAL, NOT_ARRESTED, an_animal_gone_astray, image_asked_for
from ..normalise import NICKED_PERSON, english_words
from ..phrasebook import phrase_book
from .names import common_words, function_words, is_first_name, is_plain_name
from .publication import PAPER_NAME
from .text import Turn, blank_negations

CORRECTION = re.compile(r"\b(?:actually|sorry|correction|i mean|i meant|my bad|my mistake|turns out|no wait|scratch that|"
                        r"not \d{1,2}|typo)\b", re.I)

INTERJECTIONS = frozenset({"ok", "okay", "lol", "thx", "pls", "plz", "cheers", "hi", "hey", "yo", "ta", "ps", "fyi", "asap", "btw"})
"""Chat words that a name list may also hold ("Ok", "Ta"): never a name on their own."""
PERSON_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "master", "rev", "revd", "reverend", "cllr", "councillor"}
RANK_TITLES = {"pc", "dc", "ds", "di", "dci", "dsu", "sgt", "sergeant", "insp", "inspector", "pcso", "supt",
               "superintendent", "constable", "officer", "det", "detective", "ch", "chief", "commander", "cmdr", "sarge", "ps"}
PLACE_WORDS = {
    "road", "rd", "street", "st", "avenue", "ave", "lane", "close", "drive", "gardens", "way", "crescent", "place",
    "terrace", "grove", "rise", "mews", "court", "estate", "square", "walk", "row", "hill", "park", "green", "common",
    "parade", "broadway", "station", "church", "hall", "school", "academy", "college", "primary", "centre", "center",
    "library", "hospital", "police", "council", "borough", "ward", "team", "high", "market", "bridge", "wharf", "house",
    "tower", "towers", "point", "fields", "field", "vale", "end", "cross", "junction", "circus", "gate", "quay",
    "snt", "snts", "bcu", "ocu", "cid", "neighbourhood", "neighbourhoods", "safer", "response", "custody", "account", "accounts", "page",
    "feed", "twitter", "facebook", "instagram",
    # organisations: "London Ambulance Service", "Hackney Youth Trust"
    "service", "services", "trust", "brigade", "authority", "ambulance", "club", "society", "association", "foundation",
    "charity", "ltd", "limited", "plc", "nhs",
}
STREET_WORDS = ("road|rd|street|st|avenue|ave|lane|close|drive|gardens|way|crescent|place|terrace|grove|rise|mews|"
                "square|walk|row|estate|parade|hill|court|vale|view")
BLOCK_WORDS = "park|house|mansions|heights|tower|towers|buildings|lodge|villas|point|wharf|yard"
"""With a house or flat number, a block's or development's name is an address too ("6 Tenby House", "3 Weston Park")."""
_POSTCODE_START = r"(?-i:[A-Z]{1,2}\d)"
"""A London postcode after a street ("Dundonald Rd SW19") is part of the address, not the name of a school or a business."""
_PLACE_NAME = r"(?:(?!(?:of|from|on|in|at|the|a|that|this|which|any|every|each|other|same|no|one|my|your|his|her|our|their|its|"\
              r"pupils?|students?|year)\b)[A-Za-z'’]+\s+){1,3}"
"""A street's name before its street word ("Wickham Road"), never a determiner ("3 cars nicked that way")."""
NEAR_ADDRESS = re.compile(r"\b(?:(?:from|lives? (?:in|at)|living (?:in|at)|in|at)\s+the\s+(?:flat|house|maisonette|bedsit|room)s?\s+"
                          r"|(?:lives?|living|stays?|staying)\s+(?:right\s+|just\s+)?)"
                          r"(?:above|below|beneath|under|next to|next door to|opposite|behind|over|at the back of)\s+"
                          r"(?:the\s+[\w'’]+|his|hers|theirs|him|her|them)\b", re.I)
"""A home placed by the one beside it ("in the maisonette over the pub", "a raid at the flats over the bakery", "lives over the chip shop"):
everyone there knows whose."""
DWELLING = re.compile(r"\b(?:from|of|at|in|lives? (?:at|in)|living (?:at|in))\s+(?:the\s+)?(?:flat|number|no\.?|house|apartment|apt|"
                      r"maisonette|unit)\s*#?\d{1,4}[a-z]?\b(?!\s*(?:bus|route|%|am|pm))", re.I)
"""A home given by its number alone ("from flat 12", "at number 4"): on a street everyone on it knows whose it is."""
PARTICULARS_REQUEST = re.compile(
    r"\b(?:put|add|include|give|post|tweet|list|publish|share|say|mention|release|name|stick)\s+(?:out\s+)?"
    r"(?:(?:the|their|his|her|its|which)\s+)?(?:(?:actual|exact|full|real)\s+)?"
    r"(?:(?P<address>(?:house|door|flat)\s+numbers?)|(?P<vehicle>regs|reg\s+(?:numbers?|plates?)|registrations?(?:\s+(?:numbers?|plates?))?|number\s*plates?))\b",
    re.I)
"""A home asked to be published by its number ("include the exact door numbers") or a car by its registration ("add their
regs"), as a name is asked for by NAME_REQUEST: either points to whoever lives there or keeps it."""
REGISTRATION_MARK = re.compile(r"(?<![\w-])(?-i:[A-Z]{2}\d{2}\s?[A-Z]{3})(?![\w-])")
"""A car's registration written out ("a grey Fiesta LB21 XRT"), in today's format: it points to its keeper as a name does."""
NAMED_HOME = re.compile(r"\b(?:his|her|their)\s+(?:home|house|flat|address|property)\s*,\s*((?:[A-Z][\w'’]*\s+){0,3}[A-Z][\w'’]*\s*,\s*"
                        rf"(?:[A-Z][\w'’]*\s+){{1,3}}(?i:{STREET_WORDS}))\b")
"""A home given by its name and street ("at his home, The Old Forge, Perry Street")."""
ROLE_AT_A_PLACE = re.compile(r"\bthe\s+(?:[\w'’]+\s+){0,2}(?:owner|manager|landlord|landlady|shopkeeper|tenant|licensee)(?:'s|’s)"
                             r"(?!\s+(?:\w+ed|said|been|got|given|seen|told|done|gone|known|shown|taken|written|happy|fine|ok|okay|"
                             r"not|already|just|also|very|really|now|still)\b)", re.I)
"""'the owner's shop' places someone; 'the owner's said yes' ('has said') does not."""
ONE_OF_MANY = re.compile(r"\b(?:at|for|in|from)\s+(?:one|any|some|either|each|several|a few|many|a couple) of\b", re.I)
"""'a porter at one of the hotels along Park Lane': a place among several singles nobody out."""
WORK_AS_A_NOUN = re.compile(r"(?:['’]s|\b(?:the|our|their|his|her|my|your|this|that|good|great|hard|joint|partnership))\s+$", re.I)
"""'this week's work in Peckham', 'our work with the council': work done, not someone's workplace."""
# a thread's counter ("1/2 Hornsey Rd is open again") is no house number
HOUSE_ADDRESS = re.compile(rf"(?<!\d/)\b(?:flat\s+\d+\w?,?\s+)?\d{{1,4}}[a-z]?,?\s+{_PLACE_NAME}(?:{STREET_WORDS}|{BLOCK_WORDS})(?:\s+(?-i:North|South|East|West|Upper|Lower))?\b(?!\s+(?-i:[A-Z])(?!{_POSTCODE_START}))", re.I)
_HOW_ONE_LIVES = r"(?: alone| on (?:her|his|their) own| by (?:herself|himself|themselves)| locally| nearby| there| with \w+)?"
_WHERE_ON_A_STREET = r"(?: the (?:(?:far|other|top|bottom|quiet|dead) )?(?:end|top|bottom|corner|far end) of| the (?:[\w-]+ )?floor of)?"
_IN_A_HOME = r"(?: (?:in|at) (?:a|the|her|his|their) (?:\w+ )?(?:flat|house|maisonette|bedsit|room|studio|bungalow|hostel))?"
"""'lives alone in a flat on …': the kind of home between the verb and the street."""
"""'lives by herself at the end of Heron Close', 'lives on the top floor of Marsh House': how and where on the street or in the block
someone lives still places them."""
LIVES_ADDRESS = re.compile(
    rf"(?:(?:\d{{1,2}}\)?,?|,|\b(?:man|woman|men|women|boys?|girls?|lads?|teenagers?|teens?|youths?|resident|family|couple|pair|"
    rf"brothers|sisters|mother|father|mum|dad|(?-i:[A-Z][a-z]+)))\s+(?:of|from)|\b(?:(?:lives?|living){_HOW_ONE_LIVES}{_IN_A_HOME} (?:on|in|at){_WHERE_ON_A_STREET}|resident of|home (?:on|in)|address (?:is|on|in)|"
    rf"(?:his|her|their) (?:house|home|flat|address|maisonette|bedsit) (?:on|in|at)))\s+((?:the\s+(?=(?:[A-Za-z'’]+\s+){{1,3}}estate\b))?{_PLACE_NAME}(?:{STREET_WORDS}|{BLOCK_WORDS})(?:\s+(?-i:North|South|East|West|Upper|Lower))?)\b(?!\s+(?-i:[A-Z])(?!{_POSTCODE_START}))", re.I)
SCHOOL = re.compile(
    r"\b(?:(?:[A-Z][\w'’]*\s+){1,4}(?:Primary|Secondary|High|Grammar|Academy|College|School|Sixth Form|University)\b(?:\s+School)?"
    r"(?!\s+(?i:road|rd|street|st|lane|avenue|ave|way|parade|green|park|hill|close|gardens|square|station|bus|estate)\b)"
    r"|(?:pupil|student|kid|child|boy|girl|teacher|head|headteacher)s?\s+(?:at|from)\s+(?:[\w'’]+\s+){0,3}"
    r"(?:primary|secondary|high|grammar|academy|college|school|uni|university)\b"
    r"|(?:goes to|attends|attending|at|from)\s+(?:[a-z'’]+\s+){1,3}(?:primary|academy|college|high school|school)\b"
    r"|(?i:which (?:school|college|academy) (?:he|she|they) (?:goes|go|attends?|went)))")
WORKPLACE = re.compile(
    r"\b(?:works?|working|worked|employed|job)(?:\s+as\s+an?(?:\s+[\w'’-]+){1,3}?)?(?:\s+(?:on|behind|in)\s+the(?:\s+[\w'’-]+){1,2}?)?"
    r"\s+(?:at|for|in)\s+(?:the\s+)?(?:[\w'’]+\s+){0,3}[\w'’]+"
    r"|\b(?:manager|worker|employee|cashier|nurse|teacher|assistant|director|chef|cleaner|security guard|caretaker|"
    r"receptionist|member of staff|staff member|gp|doctor|dentist|vet|pharmacist|barista|barber|hairdresser|mechanic|porter|"
    r"paramedic|carer|coach|instructor|lecturer|tutor|waiter|waitress|bartender|shop assistant|volunteer)s?\s+(?:at|for|in)\s+(?:the\s+)?(?:[\w'’]+\s+){0,3}[\w'’]+"
    r"|\b(?:who (?:runs|owns|manages)|the (?:owner|manager|landlord|landlady|boss|head|caretaker) (?:of|at))\s+(?:the|a|an)\s+[\w'’]+(?:\s+[\w'’]+)?"
    r"|\b(?:manager|owner|director|licensee|proprietor|landlord|landlady|boss|head)\s+(?:of|at)\s+(?-i:[A-Z][\w'’]*)(?:\s+(?-i:[A-Z][\w'’]*)){0,3}",
    re.I)
OWN_PREMISES = re.compile(
    r"\b(?:his|her|their)\s+(?:own\s+)?(?:pub|shop|caf[eé]|restaurant|bar|salon|garage|business|takeaway|stall|firm|workshop|chippy)\b"
    r"|\b(?:he|she)(?:'s|’s|\s+is|\s+was)\s+the\s+(?:landlord|landlady|owner|manager|licensee|proprietor)\b", re.I)
"""The premises told as someone's own ("their own takeaway", "she's the licensee", "his garage"): where they work."""
RUNS_A_NAMED_BUSINESS = re.compile(r"\bwho (?:runs|owns|manages)\s+([A-Z][\w'’]*(?:\s+(?:&|and|[A-Z][\w'’]*)){0,4})")
"""'The shopkeeper he attacked, who runs Ilford Lane Food & Wine': the business a person in the case runs, by its name."""
RELATIONSHIP = re.compile(
    r"\b(?:his|her|their|the (?:suspect|defendant|accused|offender|man|woman|victim|complainant|girl|boy)(?:'s|’s))\s+"
    r"(?:(?:former|own|then|next[- ]door|long[- ]?(?:term|time|standing)|estranged|current|new|older|younger|elder)\s+|ex-?\s*"
    r"|\d{1,2}[- ]years?[- ]old\s+){0,2}"  # "her 9-year-old nephew": an age before the tie
    # what the tie is for: "the complainant's driving instructor", "her maths tutor"
    r"(?:(?:driving|maths|math|music|piano|swimming|football|boxing|dance|riding|private|personal|form|class|youth|family)\s+)?"
    r"(?:step-?|foster\s+|half-?\s*)?(?:(?:sister|brother|daughter|son|mother|father)s?-in-law|daughters?|sons?|nieces?|nephews?|sisters?|brothers?|cousins?|wife|husband|partners?|"
    r"girlfriends?|boyfriends?|fiancée?|grand(?:daughter|son|child|father|mother|parent|dad|ma|pa)s?|granny|gran|nan|nanna|"
    r"step-?(?:father|mother|son|daughter)s?|"
    r"mother|father|mum|dad|aunt|uncle|lodgers?|tenants?|pupils?|students?|patients?|clients?|employees?|colleagues?|"
    r"neighbours?|babysitters?|nanny|carers?|child(?:ren)?|kids?|ex|landlord|landlady|boss|employer|manager|teacher|tutor|coach|"
    r"instructor|doctor|gp|pastor|priest|imam|vicar|flatmates?|housemates?|stepdad|stepmum)\b", re.I)
"""How a victim is related to the accused: once he is named or known locally, the relationship names her."""
SHARED_HOME = re.compile(r"\b(?:lives?|living|lived|stays?|staying)\s+(?:at|in|on)\s+the\s+same\s+(?:address|house|home|flat|block|building|"
                         r"street|road|estate|hostel)\b", re.I)
"""'He lives at the same address': the accused's home gives away the victim's."""
JOB_AT_A_NAMED_PLACE = re.compile(
    r"\b(?:(?:[Aa]|[Aa]n|[Tt]he)\s+(?:[\w-]+\s+){0,2}?(?:[a-z]+(?:ista?|er|or|ian|ant|ent|ic|ess)|[a-z]{2,}(?<!wo)man|[a-z]+maid)"
    r"|(?:[Hh]er|[Hh]is|[Tt]heir)\s+(?:[\w-]+\s+)?(?:shift|job|work|rounds?)(?:\s+[\w-]+){0,3}?)\s+"
    r"(?:at|for|who\s+(?:works?|opens?(?:\s+up)?|runs?|manages?|owns?|cleans?|serves?)(?:\s+(?:at|in))?)\s+(?:the\s+)?"
    r"([A-Z][\w'’]*(?:\s+(?:&|and|of|the|up|on|[A-Z][\w'’]*))*[A-Z\w'’]*)\b"
    r"(?!(?:\s+[A-Z][\w'’]*)*\s+(?:bus stop|stop|station|junction|lights|roundabout|crossing|end|corner|exit|entrance|interchange)\b)")
"""Someone's job at a place by its name ("a stylist at the Curl Up & Dye salon", "a porter at St Mary's", "his night shift
on the tills at Halden's", "the barber who runs Kutz on the parade")."""
NAMED = re.compile(r"\b(?:named|called|name is|name's|names? (?:are|were)|known as|goes by|aka|a\.k\.a\.?|nicknamed|"
                   # a relative by name: "his brother Dean", "the victim's cousin Aaron"
                   r"(?:his|her|their|(?:the )?\w+['’]s) (?:(?:older|younger|big|little|twin|step|half)[- ]?)?(?:brother|sister|son|daughter|mum|mother|"
                   r"dad|father|cousin|uncle|aunt(?:ie)?|nephew|niece|partner|wife|husband|girlfriend|boyfriend|mate|pal|friend))"
                   r"\s+[\"“'‘(]?([A-Za-z][a-z'’-]+(?:\s+[A-Za-z][a-z'’-]+)?)", re.I)
_NAMING_VERBS = (r"(?:arrest(?:ed|ing)|charg(?:ed|ing)|named|called|nick(?:ed|ing)|lift(?:ed|ing)|nabb(?:ed|ing)|detained|jailed|"
                 r"sentenced|convicted|suspect|victim|witness|summonsed|remanded|identified|caught|stopped|searched|questioned|"
                 r"interviewed)")
LOWER_SINGLE = re.compile(rf"\b{_NAMING_VERBS}\s+([a-z]{{3,}})(?=\s+(?:from|of|for|who|off|on|in|at)\b|\s*,)")
LOWER_PAIR = re.compile(rf"\b{_NAMING_VERBS}\s+"
                        r"([a-z][a-z]+)(?=\s+([a-z][a-z'’-]+)\b)")
LOWER_INITIAL = re.compile(r"\b([a-z][a-z'’-]{2,})\s+([b-hj-uwyz])\b(?![.'’-]\w)")
"""'stopped kyle m outside the chicken shop', 'jayden w (14)': a first name written small with its surname's initial (not
"v" for versus or "x" for a kiss)."""
INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.\s?){2,3})(?=\s*(?:,\s*\d{1,2}\b|\(\d{1,2}\))|\s+(?:was|is|has|had|were|who|from|of|aged)\b)")
"""'J.M., 16, was arrested', 'K.T. was charged': a person named by initials alone, as the subject of what happened or with an
age."""
LOWER_SUBJECT = re.compile(rf"(?:^|[\s'‘\"“(,])([a-z][a-z'’-]+)(?:\s+[a-z]\b)?(?:\s+(?:from|of|off|on)\s+(?:[\w'’-]+\s+){{1,4}}?)?\s*"
                           rf"(?:got|gets|was|were|has been|had been|'s been|’s been|is being|been|just got|finally got)\s+"
                           rf"(?:\w+\s+)?{_NAMING_VERBS}")
"""The one who "got lifted", in text-speak: a lower-case name (or nickname) as the subject of an arrest or charge."""
DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|these|those|his|her|their|our|your|my|its)\s+$", re.I)
_CAPITAL = "A-ZÀ-ÖØ-Þ"
"""Capital letters, accented ones included ("Ó Briain", "Élodie")."""
_NAME_WORD = rf"(?:[{_CAPITAL}]\.|[{_CAPITAL}][\w'’]*(?:-[{_CAPITAL}][\w'’]*)*|[\"“‘][{_CAPITAL}][\w'’ -]{{0,20}}[\"”’])"
_PARTICLE = r"(?:de|la|le|du|da|di|del|della|van|von|der|den|bin|ibn|al|el|ben|mac|mc|st)"
NAME_RUN = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{1,4}}"
"""Two or more name words: initials ("R. J."), hyphenated and particle surnames, a quoted nickname between."""
POINTED_OUT = 4
"""PERSON_POSITION's group for a name pointed out ("this is X from …"): one word is enough, if it is a first name."""
PERSON_POSITION = re.compile(
    rf"(?<![\w.])({NAME_RUN})(?=\s*,\s*\d{{1,2}}\s*,|\s*\(\d{{1,2}}\)|\s*,\s*who\b|\s*,\s*(?:a|an|the)\s+\d{{1,2}}[- ]year[- ]old"
    r"|\s+(?:was|were|is|has|had|will|'s|’s|has been|had been|will be|is being)\s+(?:\w+\s+){0,2}?"
    r"(?:arrested|charged|jailed|sentenced|remanded|bailed|convicted|detained|interviewed|summonsed|cautioned|released|"
    r"found guilty|pleaded|appear|appeared|due)\b|\s+(?:appeared|pleaded|denies|denied|admitted|appears)\b)"
    rf"|(?:\b(?:man|woman|boy|girl|lad|teenager|resident|defendant|suspect|victim|witness|mother|father|driver),\s+)({NAME_RUN})(?=\s*,)"
    rf"|(?:\b(?:thanks|thank you|grateful)\s+to\s+)({NAME_RUN})(?=\s*,\s*who\b)"
    rf"|(?:\b(?i:this is|that's|that is|it's|it is|its)\s+)({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})(?=\s+(?:from|off|of)\s+(?:the\s+)?\w)")
"""A name where a person stands: before an age in commas or brackets, ", who", or an arrest, charge or court verb;
in apposition after "a local man,"; thanked for what they did ("thank you to X, who came forward"); pointed out
with where they are from ("this is X from the Y estate")."""
LOWER_NAME_AFTER_VERB = re.compile(
    rf"\b{_NAMING_VERBS}\s+([a-z]{{2,}}(?:\s+(?:{_PARTICLE}\s+)*[a-z][a-z'’-]*[a-z]){{1,3}}?)(?=\s+(?:on|in|at|for|from|of|after|earlier|today|yesterday|last)\b)")
"""A lower-case name after an arrest verb in text-speak ("nicked marcus de la cruz on the high road")."""
NOT_A_PERSON = frozenset("""road rd street st avenue ave lane close drive gardens crescent place terrace mews estate square parade
    station school academy college primary centre center library hospital police council borough ward team market court
    magistrates crown met mps metropolitan service brigade fire ambulance nhs hmp prison university church mosque
    tfl trust unit squad""".split())
PERSON_NOUNS = frozenset("""man men woman women boy boys girl girls lad lads lass bloke guy guys suspect suspects offender
    offenders driver rider victim person people youth youths teen teens teenager kid kids child someone somebody anyone
    nobody everyone he she they it who which that this one two three four five them him her mate mates son daughter
    brother sister dad mum father mother neighbour neighbours geezer fella""".split())
LOWER_PAIR_AGE = re.compile(r"\b([a-z][a-z'’-]+)\s+([a-z][a-z'’-]*)\s*(?:,\s*|\(\s*|\s+)(?:aged\s+)?\d{1,2}(?:\s*y/?o|yrs?)?\b"
                            r"(?!\s*(?:years? ago|pm|am|%|:))")
NAME_BEFORE_ALIAS = re.compile(r"\b([A-Za-z][a-z'’-]{2,})\s+(?:aka|a\.k\.a\.?|also known as)\b", re.I)
"""'ricky aka Smudge': the name a nickname is given for is a name too, however it is written."""
LOWER_NAME_BRACKETED_AGE = re.compile(r"\b([a-z][a-z'’-]{2,})\s*(?:\(\s*\d{1,2}\s*\)|,\s*\d{1,2}\s*,)")
"""'tyrese (15) is home now', 'tomasz, 17, was attacked': a lower-case first name alone before an age in brackets or
commas, the press's ways of giving both."""
_PERSON = (r"(?:him|her|them|(?:the|this|that|these|those|our|a|an|both|two|three)\s+(?:[\w-]+\s+){0,3}?"
           r"(?:man|men|woman|women|boys?|girls?|lads?|lass|bloke|guy|suspects?|offenders?|drivers?|riders?|victims?|"
           r"witness(?:es)?|person|people|youths?|teens?|teenagers?|kids?|child(?:ren)?|burglars?|thie(?:f|ves)|robbers?|"
           r"attackers?|shoplifters?|dealers?|defendants?|accused|\d+[- ]?(?:year|yr)s?[- ]olds?|pupils?|students?|deceased|famil(?:y|ies)|"
           r"residents?|neighbours?|tenants?|households?|owners?))\b")
NAME_REQUEST = re.compile(
    rf"\b(?:name|naming|identify|identifying|reveal|revealing|unmask)\s+{_PERSON}"
    r"|\b(?:(?:his|her|their|the (?:\w+ ){0,2}(?:suspect|man|woman|victim|driver|lad|boy|girl|offender|defendant|person)'s|"
    r"the (?:\w+ ){0,2}(?:owners|victims|suspects|people|residents|families|witnesses)')\s+"
    r"(?:(?:full|home|real|first|last|email)\s+)?(?:names?|identity|identities|surname|address|details|number))"
    r"|\b(?:the\s+)?(?:names?|identity|identities|address(?:es)?|home addresses)"
    r"(?:\s*(?:,|and|&|or|plus)\s+(?:(?:home|full|exact)\s+)?(?:names?|address(?:es)?|streets?|roads?|ages?|photos?|pictures?|details|numbers?))?"
    rf"\s+of\s+{_PERSON}"
    r"|\btag\s+(?:him|her|them|his|her|their)\b(?:\s+(?:instagram|insta|facebook|twitter|tiktok|account|profile|handle)s?)?"
    r"|\b(?:his|her|their)\s+(?:instagram|insta|facebook|twitter|tiktok|snapchat)\b"
    r"|\b(?:say|confirm|tell (?:them|people|everyone|the public)|post|tweet|reveal)\s+who\s+(?:it\s+(?:is|was)|(?:he|she|they)\s+(?:is|are|was|were))",
    re.I)
OFFENCE = re.compile(
    rf"\b(?:missing|found safe|been found|located safe|asb|anti-?social|warning letters?|burgl\w*|break-ins?|broke(?:n)? into|robb\w*|theft|thie(?:f|ves)|stole|stolen|steal\w*|nicking(?! {NICKED_PERSON})|nick(?:ed|ing) (?:from|off)|snatch\w*|"
    r"assault\w*|attack\w*|stab(?!l|il)\w*|punch\w*|mugg\w*|shoplift\w*|fraud\w*|scam\w*|vandal\w*|arson|criminal damage|"
    r"collisions?|crash(?:ed)?|hit by|knocked (?:down|over)|abus\w*|exploit\w*|groom\w*|sexual\w*|rap(?:e|ed|ist)|murder\w*|"
    r"injur\w*|hurt|harass\w*|stalk\w*|threat(?:s|en\w*)|weapons?|knife|knives|drugs? deal\w*|dealing|"
    r"domestics?|domestic (?:abuse|violence|incident|call|job)|coercive control|hate crimes?|kidnap\w*|abduct\w*|blackmail\w*|"
    # "nobody in shot" is what a photo shows, not a shooting
    r"extort\w*|traffick\w*|slavery|firearms?|guns?|shoot\w*|(?<!\bin )(?<!\bof )(?<!\binto )(?<!\bin the )(?<!\bin this )(?<!\bin that )(?<!\bin any )(?<!\bin a )shot(?!\s+of\b)|drink[- ]driv\w*|dangerous driving|hit[- ]and[- ]run|(?:purse|wallet|handbag|bag|phone|jewellery|cash|money|car|bike) (?:was |were )?taken|claiming to be from|posing as|failed to stop|knocked (?:her|him|them) off|knocked off (?:her|his|their)|affray|"
    r"brawl\w*|disorder|fight\w*|glassed|spiked|indecent\w*|expos(?:ed|ure|ing) (?:himself|herself)|upskirt\w*|revenge porn)\b"
    r"(?![- ](?:crime[- ])?(?:awareness|prevention|workshops?|sessions?|talks?|assembl(?:y|ies)|campaigns?|courses?|programmes?|"
    r"education|input|surrender|amnesty|bins?)\b)", re.I)
"""An offence told of, not an offence as the subject of a workshop or campaign ("a knife-crime workshop", "burglary
prevention"), which is no incident."""
TAUGHT_ABOUT = re.compile(
    r"\b(?:a|an|the|our|my|their|this|that|some)\s+(?:[\w-]+\s+){0,2}?(?:talks?|assembl(?:y|ies)|workshops?|sessions?|presentations?|"
    r"lessons?|input|campaigns?|courses?|advice|tips|seminars?|briefings?|quiz(?:zes)?|leaflets?|posters?)\s+"
    r"(?:(?:for|with|to)\s+(?:[\w-]+\s+){1,3}?)?"  # who it is for: "a session for parents about …"
    r"(?:on|about|around|covering|against)\s+(?!(?:the|that|this|those|these|last|a|an|his|her|their|our)\b)(?:[\w-]+\s+){0,4}?$", re.I)
"""The words before an offence taught as a subject ("a workshop about county lines", "a talk about online scams"): the lesson's
subject is no incident. A particular event is told with a determiner ("a talk about the burglary") and stays one."""
_SHOWN = (r"(?:the |a |an |his |her |their |two |three |some |this |that )?(?:\w+ )?(?:man|men|woman|women|boys?|girls?|lads?|youths?|"
          r"blokes?|guys?|fellas?|geezers?|"
          r"kids?|child(?:ren)?|teenagers?|person|people|driver|rider|suspects?|offenders?|victims?|prisoner|face|faces|him|her|them|"
          r"injur\w+|scene|arrest|incident|attack|fight|crash|collision)")
_PICTURES = r"(?:photos?|photographs?|pictures?|pics?|images?|videos?|stills|clips?|screenshots?)"
IMAGE = re.compile(
    r"\b(?:cctv(?! cameras?\b)|footage|mugshots?|custody (?:photo|image|picture|shot)s?|e-?fits?|body[- ]?cam|body[- ]worn(?: video| footage)?|"
    r"bwv|helmet[- ]?cam|doorbell (?:cam|camera|footage|video|clip|recording|still)s?|dash[- ]?cam(?: footage| video)?|wanted posters?)\b"
    rf"|\b(?:{_PICTURES}|selfies?|headshots?)\s+(?:of|showing)\s+{_SHOWN}\b"
    # "a pic of his reg plate", "a photo of their front door": whatever belongs to the person points to them
    rf"|\b{_PICTURES}\s+(?:of|showing)\s+(?:his|her|their)\b"
    r"|\b(?:photographed|filmed|snapped|pictured)\b"
    # a face said to show in whatever is posted: "(face visible)", "faces clearly recognisable"
    r"|\bfaces?\s+(?:(?:is|are|was|were|fully|clearly|totally|still|sort of|kind of|kinda|partly|half|just about|mostly)\s+){0,2}"
    r"(?:visible|showing|recognisable|identifiable|in shot|on show)\b"
    r"|\b(?:his|her|their)\s+face\s+(?:(?:is|was)\s+)?(?:clear|clearly visible)\b"
    # someone picked out in a picture: "the man in the red cap in the second pic", "that girl on the left of the team shot"
    rf"|\b(?:the|that|this)\s+(?:\w+\s+)?(?:man|woman|lady|bloke|guy|fella|lad|girl|boy|person|kid|gentleman|couple)\b"
    rf"(?:\s+[\w'’-]+){{0,8}}?\s+(?:in|of|on)\s+(?:the|this|that|our|one of the)\s+(?:\w+\s+)?(?:{_PICTURES}|shots?)\b"
    r"|\b(?:his|her|their|the (?:\w+ )?(?:suspect|man|woman|victim|driver|lad|boy|girl|offender|prisoner)'s)\s+"
    r"(?:photo|photograph|picture|pic|image|mugshot|face|video)s?\b",
    re.I)
COLLEAGUE_IMAGE = re.compile(r"\b(?:of|with|showing)\s+(?:the\s+|our\s+|some\s+)?(?:team|us|officers?|colleagues?|volunteers?|cadets?|staff|"
                             r"pcs|pcsos|sergeant|sgt|inspector|the snt|dog|puppy|horses?|van|car|stall|event|cake)\b", re.I)
COLLEAGUE_CONTEXT = re.compile(r"\b(?:thanks?|thanked|thanking|thank you|well done|congratulations|congrats|shout ?out|big up|props to|kudos|hats off|welcome|retir\w*|"
                               r"farewell|leaving do|volunteers?|colleagues?|cadets?|special constables?|our (?:pcso|sergeant|officer|team))\b"
                               r"|\bour (?:[\w'’-]+ ){0,3}[\w'’-]+, ",  # introduced as one of ours: "our ward panel chair, Denise Morgan, …"
                               re.I)
OFFENCE_ROOTS = ("burgl", "robb", "mugg", "stab", "attack", "assault", "shoplift", "murder", "kill", "rap", "steal", "fraud",
                 "scamm", "vandal", "groom", "snatch", "abus", "stalk", "harass", "joyrid", "arson", "flash", "pickpocket", "deal",
                 "traffick", "smuggl", "poach")
"""Offences as word roots: their agent nouns ("burglar", "killer", "rapist", "fraudster") label a person as the offender."""
_OFFENDING = "|".join((*OFFENCE_ROOTS, "sell", "break", "nick"))
"""Offending told as a verb ("dealing", "breaking in", "nicking"): the offences' roots and the verbs that name offending."""
_NOT_ = r"(?<!n't )(?<!n’t )(?<!not )(?<!never )"
"""Not said with a negation just before ("hasn't come home")."""
WANTED_HEADING = (r"\s*[:|][^\n]{0,120}?(?:\b(?:do you know|have you seen|seen (?:this|him|her)|this (?:man|woman|person|male|female|"
                  r"lad|boy|girl|youth|pair|group)|is wanted|wanted (?:for|on|in))\b|,\s*\d{1,2}\b|\(\d{1,2}\))")
"""A "WANTED:" heading over a person asked about or named with an age, not over what a collection or a recruitment drive is
after ("WANTED: new toys, drop off at the front counter"); the phrase book's `suspected` list reads it the same way."""
ROLE_WORDS: dict[str, re.Pattern] = {
    "suspect": re.compile(r"\b(?:suspects?|suspected|accused|offenders?|perpetrators?|culprits?|under investigation|"
                          # a wanted person, not "exactly what we wanted"
                          r"wanted(?= (?:for|in connection|by (?:the )?police|on (?:a )?warrant|man|men|woman|women|males?|females?|"
                          rf"suspects?|persons?|people|appeals?|posters?|list|image|photo)\b|{WANTED_HEADING})|(?:is|are|was|were|being|remains?|still|most) wanted|"
                          r"being (?:investigated|looked at|looked into)|investigated for|(?:we|they|police|officers) caught|caught (?:him|her|them)|"
                          # thanks given for an arrest: "thanks for finally catching the lad", "after catching them"
                          rf"(?:for|after) (?:finally |eventually |quickly )?catching {_PERSON}|"
                          r"in the frame for|done for|nonce|paedo|scumbag|thugs?|crooks?|dealers?|burglars?|robbers?|attackers?|"
                          r"(?:police|officers|cops|the old bill|you|they) (?:have |finally |eventually |just )*(?:nabbed|picked up|got"
                          # "officers got him", not "officers got a woman in labour through the traffic"
                          r"(?= (?:him|her|them|'em|the (?:\w+ )?(?:man|woman|lad|suspect|thief|burglar|driver|offender))\b(?! (?:to|home|back|"
                          r"out|into|through|in|help|sorted|checked|safely|seen|treated)\b)))|"
                          r"(?:we|police|officers|they) (?:reckon|think|believe|suspect)\b|(?:we|officers|police) stopped|"
                          # accused by others: "the men residents say are behind it", "who neighbours claim was dealing"
                          r"(?:they|residents|people|neighbours|locals|everyone|parents|shopkeepers|the (?:public|community|residents|neighbours))"
                          r" (?:say|said|claim\w*|allege\w*|insist\w*|reckon|are (?:adamant|sure|convinced)(?: that)?)"
                          r"(?: (?:he|she|they|it))? (?:is|are|was|were|'s|’s|'re|’re|has been|have been) (?:\w+ )?(?:responsible|behind|to blame|"
                          rf"the ones|the culprits?|(?:{_OFFENDING})\w*ing)|allegedly|alleged (?:offenders?|dealers?|attackers?|thie(?:f|ves)|"
                          r"burglars?|robbers?|abusers?)|"
                          # someone said to be the one who did it: "her neighbour reckons it was definitely the window cleaner"
                          r"(?:reckons?|thinks?|says?|said|swears?|insists?|is (?:sure|convinced|adamant))(?: that)? (?:it'?s|it’s|it is|it was|its) "
                          r"(?:\w+ )?(?:the|a|her|his|their|that) (?:\w+ )?[a-z]+s? (?:who|that) (?:\w+ )?(?:did|done|took|takes|comes|came|does|has|had|was|is|works|lives|nicked|stole)\b|"
                          # who the police have in their sights: "detectives are eyeing a lodger"
                          r"(?:officers|police|we|detectives|cid|they) (?:are|were|'re|’re) (?:now )?(?:looking at|eyeing|focusing on|focussing on) "
                          r"(?:a|the|her|his|their|one|two|some) (?:\w+ )?(?:[a-z]+(?:er|or|ist|ant|man|woman)|lad|boy|girl|bloke|guy|neighbour|people|men|women)s?\b(?! of\b)|"
                          # the police way of naming a suspect: "we want to speak to these youths"
                          r"(?:we|police|officers|detectives|they) (?:would like|want|wish|need|are keen) to (?:speak|talk) (?:to|with)|"
                          # or the one the police are after: "the lad we're after", "the rider detectives are hunting"
                          r"(?:we|police|officers|detectives|cid|they)(?:'re|’re| are| were) (?:still |now )?(?:after|hunting|looking for|trying to "
                          r"(?:find|trace|identify|track down))(?! (?:a |any |more |some )?(?:volunteers?|witness\w*|information|footage|owners?|people to|"
                          r"recruits?|applicants?|ideas|feedback|a venue|help)\b)|"
                          r"stopped and searched|(?:was|were|got) (?:stopped|searched)|"
                          # known to the police for an offence, however gently said: "the lad we dealt with for …", "on the YOT's books"
                          r"(?:we|police|officers|they|i) (?:\w+ )?dealt with (?:\w+ ){0,4}?for (?:\w+ing|theft|robbery|burglary|assault|shoplifting|"
                          r"criminal damage|possession|vandalism|graffiti|drugs?|weapons?|a knife|an offence)|"
                          r"came to (?:our|police|the police's) attention|"
                          # road users caught offending by enforcement: "46 drivers caught", "a rider clocked at 70"
                          r"(?:drivers?|motorists?|riders?|bikers?)\s+(?:(?:were|was|got|been|being)\s+)?(?:caught|clocked|flashed)(?!\s+(?:in|up|out)\b)|"
                          r"youth offending (?:team|service)|yot|youth (?:diversion|justice) (?:scheme|programme|worker|team|service|order)|"
                          r"on (?:a |the )?(?:diversion|triage) (?:scheme|programme))\b", re.I),
    "arrested": re.compile(r"\b(?:arrest\w*|nicked(?!\s+(?:off|from|out of)\b)|nick(?:ing|in['’]?)\s+" + NICKED_PERSON + r"|lifted|nabbed|collared|"
                           r"in custody|detained|bailed|on bail|"
                           r"released under investigation|rui|handcuffed|in (?:hand)?cuffs"
                           # held, said the everyday way: "we've got a lad in for the break-ins", "have a woman in the cells"
                           r"|(?:got|have|has|had|brought|pulled)\s+(?:someone|somebody|him|her|them|(?:a|the|one|two|three)\s+(?:\w+\s+)?"
                           r"(?:man|men|woman|women|lads?|blokes?|guys?|youths?|males?|females?|suspects?))\s+in\s+(?:for|over|custody|the cells)"
                           r"|(?:someone|somebody|he|she|they)\s*(?:'s|’s|is|are|'re|’re)\s+in\s+(?:custody|the cells|for it|for the \w+))\b", re.I),
    "charged": re.compile(r"\b(?:charged|charging|charge (?:announcement|details|news|decision)|defendants?|remanded|on remand|trial|summons\w*|"
                          r"appear\w* (?:at|in|before) (?:\w+ )?(?:magistrates|crown|youth|court)"
                          # the everyday way: "her son's up at Camberwell youth court in May", "he's up before the bench"
                          r"|(?:is|are|was|were|being|been|'s|’s|'re|’re)\s+up\s+(?:at|in|before)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
                          r"(?:magistrates|crown court|youth court|court|bench|beak))\b", re.I),
    "convicted": re.compile(r"\b(?:convicted|conviction|found guilty|pleaded guilty|pled guilty|sentenced|jailed|"
                            r"banged up|sent down|imprisoned)\b", re.I),
    "victim": re.compile(r"\b(?:victims?|complainants?|injured party|survivors?|(?:was|were|got|been) (?:attacked|assaulted|"
                         r"robbed|mugged|stabbed|punched|raped|groped|abused|hurt|injured|beaten))\b", re.I),
    "witness": re.compile(r"\b(?:the witness|a witness|witnesses who|eye-?witness\w*|key witness|witness statement)\b", re.I),
    # in a mental-health crisis, or hiding from someone who would harm them: where they are and who they are stay private;
    # not the subject of a service or a lesson ("domestic abuse awareness", "suicide prevention training", "the crisis team")
    "at_risk": re.compile(r"\b(?:(?:(?:in|into|at|to) (?:a|the) refuge|refuge (?:place\w*|space|address)|domestic (?:abuse|violence)|"
                          r"(?:fled|fleeing|escaped|escaping|hiding from|in hiding from) (?:an? |her |his |their )?(?:abus\w*|violen\w*|ex\b|"
                          r"partner|husband|wife|boyfriend|girlfriend)|(?:mental[- ]health|suicidal) (?:crisis|episode)|in crisis|self[- ]harm\w*|"
                          r"suicid\w*|sectioned|talk(?:ed|ing|s)? (?:\w+ ){0,3}?down (?:off|from)|(?:threaten\w*|trying|tried) to (?:jump|end "
                          r"(?:his|her|their) (?:own )?li(?:fe|ves)|kill (?:himself|herself|themselves)))\b"
                          r"(?! (?:awareness|prevention|campaigns?|charit(?:y|ies)|services?|support|helplines?|training|week|day|talks?|sessions?|"
                          r"workshops?|advice|champions?|teams?|units?|officers?|workers?|groups?|leads?|advis[eo]rs?)\b))", re.I),
    # "an old boy" is an elderly man (a "ten-year-old boy" is a child)
    "child": re.compile(r"\b(?:child|children|kids?|(?:(?<=year old )|(?<=year-old )|(?<=\byr old )|(?<!\bold ))(?:boys?|girls?)|teen(?:ager)?s?|schoolboy|schoolgirl|schoolkids?|pupils?|"
                        r"youngsters?|juveniles?|under[- ]?18s?|underage|toddlers?|babies|baby|infants?|"
                        r"a minor(?!\s+(?:collision|crash|rtc|bump|accident|incident|injur\w*|damage|offence|scrape|"
                        r"repairs?|fire|road|issue|problem|thing|change|prang|knock))|minors)\b", re.I),
    # found, but "hasn't come home" or "never returned home" is still missing
    "found": re.compile(r"\b(?:(?:been |was |were |now |has been |have been )?found (?:safe|well|alive|unharmed|unhurt|and|at|in|on|sleeping)|"
                        r"(?:has|have|had|she's|he's|they've|she has|he has|they have) been found|turned up|been located|located safe|"
                        r"safe and well|safe and sound|back (?:home|with (?:his|her|their) (?:family|mum|dad|parents|carers?))|"
                        rf"{_NOT_}returned home|{_NOT_}(?:came|come|walked) (?:back )?home)\b", re.I),
    "died": re.compile(r"\b(?:died|dies|dead|death|deceased|killed|fatal\w*|passed away|murder\w*|body (?:was |has been )?"
                       r"(?:found|discovered|recovered)|lost (?:his|her|their) li(?:fe|ves))\b", re.I),
}
NOT_ARRESTED_AT = re.compile(NOT_ARRESTED, re.I)
"""No arrest or charge said, which still says someone is suspected of it (an unarrested suspect)."""
SENTENCE_END = re.compile(r"(?<!\b(?:mr|dr|ms))(?<!\b(?:mrs|rev|sgt|det))(?<!\b(?:cllr|insp|supt|revd))[.!?\n]\s*", re.I)
"""The end of a sentence: not the full stop of a title or an abbreviation ("Rev. Barnaby Cole", "Mr. Jones")."""
OFFENDING_AS = re.compile(
    r"\b(?:drunk(?:en)?|drink|drugged|drug|speeding|dangerous|reckless|hit[- ]and[- ]run|uninsured|disqualified|banned|joyriding|"
    r"getaway|knife-?wielding|armed|masked)[- ]?(?:drivers?|riders?|motorists?|bikers?|men|man|woman|women|gunman|gunmen|raiders?|thugs?)\b", re.I)
"""A person named by the offence they are said to be committing ("drunk driver", "hit-and-run driver", "masked raiders"):
said of someone arrested or charged, it treats them as guilty."""
AGENT_SUFFIX = re.compile(r"(?:ers?|ars?|ors?|ists?|sters?)$")
_DETERMINER = r"(?:the|this|that|our|another|a|one|his|her|their)"
LABELLED = re.compile(rf"\b{_DETERMINER}\s+(?!{_DETERMINER}\b)([a-z'’-]+)(?:\s+([a-z]+))?\b", re.I)
"""'The local burglar', 'let's hope that mugger keeps away', 'her attacker': an offence's agent noun as the head of a short noun
phrase, one word or two."""
COMPOUND_HEAD = re.compile(r"alarms?|bars|proof|resistant|deterrents?|whales?|apps?|heels", re.I)
"""'A burglar alarm', 'killer heels': an agent noun naming a thing with the noun after it, not a person."""
LABELLED_ARRESTED = re.compile(r"\b([a-z]+)\b(?=[^.!?\n;:]{0,40}?\b(?:arrested|charged|held|caught|nicked|detained|remanded|bailed|"
                               r"in custody)\b)", re.I)
"""'Burglar arrested in Bermondsey', 'both burglars, aged 19 and 22, have been arrested': an offender noun told of the person
the clause arrests, with or without "the" before it."""
RESPONSIBLE = re.compile(r"\bthe\s+(?:man|woman|men|women|person|people|one|ones|lad|lads|boy|boys|youths?|pair|gang|group)\s+"
                         r"(?:who (?:did|done|was responsible|were responsible|is responsible|are responsible)|responsible)\b"
                         r"|\bthe\s+(?:[\w'’-]+\s+){1,6}?(?:who|that)\s+(?:did|done|caused|started)\s+(?:this|it|that|the\s+(?:crash|collision|"
                         r"smash|accident|fire|fight|damage|trouble|injuries|death))\b"
                         # the one said to have done the harm to the victim: "the rider who knocked her down", "the woman who robbed him"
                         r"|\bthe\s+(?:[\w'’-]+\s+){1,4}?(?:who|that)\s+(?:killed|stabbed|attacked|assaulted|robbed|mugged|burgled|shot|glassed|"
                         r"punched|raped|ran over|knocked down|hit and killed)\s+(?:him|her|them|(?:the|a|an|his|her|their|our|this|that)\s+(?:[\w'’-]+\s+)?"
                         r"(?:man|woman|men|women|boy|girl|lad|teen\w*|victim|pensioner|cyclist|pedestrian|rider|driver|student|child|"
                         r"shopkeeper|worker|mum|dad|son|daughter|brother|sister|officer|pc|pcso|neighbour|friend|partner|wife|husband))\b", re.I)
"""'The man responsible', 'the ones who did it', 'the coward who did this', 'the driver of the blue van who caused it'
(whatever the story calls them): the story treats the arrested or charged person as the offender."""
GUILT_SAID = re.compile(r"\b(?:he|she|they)\s+(?:did it|done it|(?:'s|’s|is|are|was|were)\s+(?:\w+\s+)?guilty)\b"
                        r"|\b(?:we|everyone|everybody|we all|all of us|i)\s+(?:know|knows|reckon)\s+(?:that\s+)?(?:it's|it is|its|it was|it were)\s+"
                        r"(?:the|them|him|her|those|that|these)\b"
                        # who did it told as common knowledge: "everyone knows who's behind the break-ins"
                        r"|\b(?:we|everyone|everybody|we all|all of us|i|you all|people|the whole (?:estate|street|area|ward))"
                        r"(?:\s+(?:on|in|round|around|at|from)\s+(?:\w+\s+){0,2}?\w+)?\s+(?:know|knows)\s+"
                        r"(?:exactly\s+|full well\s+)?who(?:'s been|’s been| has been| have been| did| done| keeps|(?:'s|’s| is| was) "
                        r"(?:behind|responsible|to blame))\b"
                        # the offending told as common knowledge of the one held: "Rob, who the whole street knows is behind it"
                        r"|\b(?:who|that)\s+(?:we|everyone|everybody|we all|all of us|people|the whole (?:estate|street|area|ward))\s+(?:know|knows)\s+"
                        r"(?:(?:is|was|has been|have been|'s been|’s been|are|were)\s+)(?:\w+ing|responsible|behind|to blame)\b"
                        # the offending told as ended by the arrest: "they won't be troubling the estate again"
                        r"|\b(?:he|she|they|(?:these|those|the|both)\s+(?:\w+\s+)?(?:two|three|four|pair|lot|gang|lads|men|women|boys|girls|youths))"
                        r"\s+(?:won't|won’t|wont|will not|will never|can't|can’t)\s+be\s+(?:bothering|troubling|terrori[sz]ing|targeting|causing|hassling|menacing|plaguing|harassing|"
                        r"intimidating|scaring|preying on|hurting|robbing|burgling|breaking into|stealing|dealing|doing (?:that|this|it))\s+(?:\w+\s+){0,5}?"
                        r"(?:again|any ?more|for a while|for a long time)\b"
                        r"|\b(?:we|police|officers|detectives|i)\s+(?:believe|know|are (?:sure|certain|confident))\s+(?:that\s+)?"
                        r"(?:he|she|they|this man|this woman|the (?:man|woman|suspect|male|female))\s+(?:is|are|was|were|'s|’s)\s+"
                        r"(?:responsible|to blame|behind|the one|the ones)\b"
                        # the crime's story told as settled ("we believe it was over a drugs debt"): comment on the evidence
                        r"|\b(?:we|police|officers|detectives)\s+(?:believe|think|reckon|know)\s+(?:that\s+)?(?:it|this|the (?:attack|stabbing|"
                        r"shooting|killing|murder|assault|fight|robbery|fire))\s+(?:was|were)\s+(?:over|about|because of|linked to|"
                        r"related to|revenge for|down to|a dispute|gang[- ]related|drugs[- ]related)\b", re.I)
GUILT_CERTAIN = re.compile(r"\b(?:who|he|she|they)\s+(?:was|were|is|are|'s|’s)\s+(?:clearly|obviously|definitely|plainly|blatantly|"
                           r"visibly|totally|completely|absolutely|well|proper)\s+(?:drunk|pissed|hammered|wasted|over the limit|"
                           r"under the influence|high|stoned|off (?:his|her|their) (?:face|head)|speeding|to blame|at fault|responsible|"
                           r"guilty|in the wrong|driving dangerously|reckless|lying|dealing|armed)\b", re.I)
"""'The driver, who was clearly drunk, has been arrested': the offence stated as certain of a person not convicted."""
LESSON_DRAWN = re.compile(r"\b(?:this|that|which|it)(?:'s|’s| is| was)? (?:exactly |precisely |just )?(?:why (?:you|people|drivers|riders) "
                          r"(?:don't|don’t|dont|do not|shouldn't|shouldn’t|should not|should never|never|must never|must not|mustn't)|"
                          r"what happens (?:when|if) (?:you|people|drivers|riders))\b|\blet (?:this|that|it) be a (?:lesson|warning)\b", re.I)
"""'Rider held after the chase - that's what happens when you ride without a licence': a moral drawn from someone's case
takes the offence as done."""
EVIDENCE_SAID = re.compile(r"\b(?:cctv|footage|camera|video|dna|fingerprints?|evidence)\W+(?:\w+\W+){0,3}?(?:shows?|proves?|caught|links?)\b"
                           r"|\b(?:caught|seen|filmed)\s+(?:\w+\s+)?(?:on|by)\s+(?:cctv|camera|video|film|a doorbell)\b"
                           r"|\b(?:caught|nabbed|nicked)\s+(?:\w+\s+)?red[- ]handed\b", re.I)
TERM_UNIT = r"(?:years?|yrs?|months?|mths?|mnths?|weeks?|wks?)"
"""A unit of a custodial term, written out or shortened ("4 yrs", "18 mths")."""
_BEFORE_NOW = r"before\b(?!\s+(?:the|a|an|his|her|their|this|that|last|christmas|easter|new year|boxing day|\w+day|\d{1,2})\b)"
""""Before" as "previously" ("jailed twice before"), not the start of a date ("sent down the Friday before Christmas")."""
PAST_RECORD = re.compile(
    r"\b(?:(?:was|were|been|got|he was|she was)\s+)?(?:jailed|convicted|imprisoned|locked up|banged up|sent down|sentenced)\s+"
    rf"(?:\w+\s+){{0,4}}?(?:in (?:19|20)\d\d|{_BEFORE_NOW}|previously|last year|(?:\w+ )?years? ago|for similar|for the same)\b"
    # a term of custody told with an earlier date or offence: "got 2 years for the same thing in 2021"
    rf"|\b(?:got|given|handed|received|served)\s+(?:a |an )?(?:\d+|[a-z]+)(?:\s+and a half)?[\s-]{TERM_UNIT}\s+"
    rf"(?:\w+\s+){{0,4}}?(?:in (?:19|20)\d\d|{_BEFORE_NOW}|previously|(?:\w+ )?years? ago|for similar|for the same)\b"
    # convicted before, said in slang: "he's been done for the same thing twice before"
    rf"|\b(?:been|got|gets|was|were)\s+done\s+for\s+(?:\w+\s+){{0,5}}?(?:{_BEFORE_NOW}|previously|in (?:19|20)\d\d|(?:\w+ )?years? ago)\b"
    r"|\b(?:released|let out|out|leaving|left|since leaving)\s+(?:from|of)?\s*(?:hmp\b|prison|jail|custody)(?:\s+[A-Z]\w+)?"
    r"|\bbreach(?:ed|ing)?\s+(?:his|her|their)\s+licence\b"
    r"|\bon licence\b|\bno stranger to\s+(?:the\s+|our\s+)?(?:\w+\s+)?(?:police|officers|us|courts?|custody(?: suite)?|cells|magistrates|nick)\b|\balready\s+(?:disqualified|banned from driving|on licence|on probation|serving|(?:on|under|subject to)\s+(?:a |an )?(?:[\w-]+ ){0,2}?(?:order|sentence|tag|curfew))\b|\b(?:only|just|recently)\s+(?:got|came)\s+out\b(?!\s+(?:of\s+)?(?:hospital|the car|the house|work|school))"
    r"|\b(?:known to|well known to)\s+(?:the\s+)?(?:\w+\s+)?(?:police|officers|us)\b"
    r"|\b(?:has|had|with|got)\s+(?:a\s+)?(?:long\s+|lengthy\s+)?(?:criminal\s+)?(?:record|form|previous(?:\s+convictions)?)\b"
    r"|\b(?:\d+|loads of|lots of|plenty of|a string of)\s+previous\b"
    r"|\b(?:\d+|two|three|four|five|several|many|loads of|lots of|a string of|a list of)\s+(?:previous\s+|prior\s+)?convictions\b"
    r"|\b(?:served|done)\s+(?:time|\d+\s+years?)\b"
    r"|\b(?:a\s+|bit of a\s+)?regular\s+(?:for us|customer|visitor|face|in (?:custody|the cells))\b"
    r"|\b(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+time\s+(?:this|in a|in the last)\s+(?:year|month|week)\b"
    r"|\b(?:nicked|arrested|lifted|done|had up|charged|caught)\s+(?:\w+\s+){0,3}?for the same (?:thing|offence|stuff|crime)s?\s+before\b", re.I)
"""A record told of someone now arrested or charged ("jailed for similar offences in 2019", "no stranger to officers")."""
CAREER_TALLY = re.compile(
    r"\b(?:\d[\d,]*(?:-odd|\+)?|(?:over|more than|nearly|almost|about|around|some) \d[\d,]*|hundreds|thousands|dozens|scores)\s+"
    r"(?:of\s+)?(?:arrests|collars|charges|convictions|seizures)\b"
    r"(?=[^.!?\n]{0,40}?\b(?:career|service|in (?:the job|\d+ years)|years? (?:in|on|of|with)|since (?:19|20)\d\d|this year|last year|"
    r"a year|per year|a month|so far this)\b)"
    r"|\b(?:(?:number|numbers|figures?|stats|statistics|total|tally|count) of|how many) (?:\w+ )?(?:arrests|collars)\b"
    r"|\barrest (?:figures|stats|statistics|numbers|totals?|tally|count|rate)\b", re.I)
"""A count of arrests over a career or a year ("some 70 arrests across her service", "200 arrests since 2019", "the number of
arrests"): a figure, not an arrest in the story."""


def without_tallies(text: str) -> str:
    """`text` with career and yearly tallies of arrests blanked, same length."""
    return CAREER_TALLY.sub(lambda match: " " * len(match.group(0)), text)


@dataclass
class PeopleFindings:
    roles: list[RoleMention] = field(default_factory=list)
    offences: list[Span] = field(default_factory=list)
    guilt: list[Span] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    ages: list[Age] = field(default_factory=list)
    nationalities: list[Span] = field(default_factory=list)
    """Where a person is given a nationality or ethnic group ("a Romanian pickpocket", "he's Polish")."""
    officers_in_trouble: list[Span] = field(default_factory=list)
    """One of the force's own arrested, charged, convicted, disciplined or sacked ("the PCSO who was cautioned for theft")."""
    accused_businesses: list[Span] = field(default_factory=list)
    """A business named in a sentence that says it does wrong ("rogue traders from Kestrel Roofing", "avoid Fix-It Phones")."""
    escapes: list[Span] = field(default_factory=list)
    failed_to_appear: list[Span] = field(default_factory=list)
    """Someone due at court or on bail said not to have turned up ("skipped bail")."""
    next_of_kin_told: list[Span] = field(default_factory=list)
    """The family of someone who died said to have been told ("the FLO has told the family")."""
    entries: list[Span] = field(default_factory=list)
    """Police going into premises by warrant, done or planned ("a warrant booked for Tuesday", "early doors on six addresses")."""
    """Someone held by the police or the courts who got away ("the lad we detained bolted from the van")."""
    court_restrictions: list[Span] = field(default_factory=list)
    """The court said not to publish something ("the judge said she can't be named")."""
    held_for: list[tuple[Span, str]] = field(default_factory=list)
    """What someone is said to be arrested or charged for, with its words ("nicked for drink-driving": "drink-driving")."""


def read_people(turns: list[Turn], has_media: bool = False, today: dt.date | None = None) -> PeopleFindings:
    """Everything about people in `turns` (oldest first; the last is the question as asked); a date of birth is an age
    on `today`."""
    found = PeopleFindings()
    for turn in turns:
        text = without_tallies(_without_dead_as_very(blank_negations(turn.original)))
        span = lambda start, end, t=turn: Span(turn=t.index, start=start, end=end)  # noqa: E731
        found.roles += [RoleMention(role="suspect", span=span(*match.span())) for match in NOT_ARRESTED_AT.finditer(turn.original)]
        found.offences += [span(*match.span()) for match in OFFENCE.finditer(text)
                           if not TAUGHT_ABOUT.search(text[max(0, match.start() - 80) : match.start()])
                           and not an_animal_gone_astray(text, *match.span())]
        found.guilt += [span(start, end) for start, end in _guilt(text)]
        found.nationalities += [span(start, end) for start, end in _nationalities(text)]
        found.accused_businesses += [span(start, end) for start, end in _accused_businesses(text)]
        found.escapes += [span(*match.span()) for match in ESCAPE_FROM_CUSTODY.finditer(text)]
        found.entries += [span(*match.span()) for match in ENTRY_BY_WARRANT.finditer(text)]
        found.failed_to_appear += [span(*match.span()) for match in FAILED_TO_APPEAR.finditer(text)]
        found.next_of_kin_told += [span(*match.span()) for match in NEXT_OF_KIN_TOLD.finditer(text)
                                   if not NOT_YET_TOLD.search(text[max(0, match.start() - 20) : match.start()])
                                   and not re.match(r"\s+yet\b", text[match.end() :])]  # "been told yet": a question or a doubt
        found.court_restrictions += [span(*match.span()) for match in COURT_SAID_NOT_TO_PUBLISH.finditer(turn.original)]  # its "not" is the order
        found.held_for += [(span(*match.span(1)), match.group(1)) for match in HELD_FOR.finditer(text) if OFFENCE.search(match.group(1))]
        found.officers_in_trouble += [span(*match.span()) for match in OFFICER_IN_TROUBLE.finditer(text)
                                      if not DONE_TO.search(text[max(0, match.start() - 30) : match.start()])]
        for role, pattern in ROLE_WORDS.items():
            for match in pattern.finditer(text):
                if role == "arrested" and _a_thing_stolen(text, *match.span()) \
                        or role == "suspect" and a_thing_suspected(text, *match.span()):
                    continue
                found.roles.append(RoleMention(role=role, span=span(*match.span())))
        for years, start, end in read_ages(text, today):
            if CORRECTION.search(text[max(0, start - 40) : start]):
                found.ages.clear()  # "actually he's 18": what was said before no longer holds
            found.ages.append(Age(years=years, span=span(start, end)))
        found.identifiers += [
            Identifier(kind=kind, span=span(start, end), colleague=colleague)
            for kind, start, end, colleague in _identifiers(text)
        ]
    if has_media:
        found.identifiers.append(Identifier(kind="image"))
    return found


CLAUSE_BEFORE = re.compile(r"(?:^|[.,;:!?\n(]|\s[-–—]\s)([^.,;:!?\n(]*?)$")
ARRESTERS = frozenset("i we we've i've you us officers police cops coppers team response".split())


def _a_thing_stolen(text: str, start: int, end: int) -> bool:
    """'3 cars nicked that way', 'parcels getting nicked': "nicked" in a clause that speaks of no person is a theft, not an
    arrest. A person anywhere in the clause ("lad on a moped got nicked", "the yutes we nicked"), a name, or "nicked for"
    keeps it an arrest."""
    if text[start:end].lower() != "nicked" or re.match(r"\s+for\b", text[end:]):
        return False
    clause = CLAUSE_BEFORE.search(text[max(0, start - 120) : start]).group(1)
    after = re.match(r"\s+(?:(?:a|an|the|two|three|some|this|that|his|her|their|our)\s+)?([A-Za-z'’]+)", text[end:])
    words = re.findall(r"[A-Za-z'’]+", clause + " " + (after.group(1) if after else ""))
    return bool(re.search(r"[A-Za-z]", clause)) and not any(
        word.lower() in PERSON_NOUNS | ARRESTERS or (word[0].isupper() and (index > 0 or is_first_name(word)))
        for index, word in enumerate(words))


def _without_dead_as_very(text: str) -> str:
    """`text` with "dead" used for "very" ("dead short on specials") blanked, same length: no one died."""
    return re.sub(phrase_book().vocabulary["dead_as_very"].pattern, lambda match: " " * len(match.group(0)), text, flags=re.I)


SUSPECTED_THING = re.compile(r"\s+(?:an?\s+)?([a-z'’-]+)(?:\s+([a-z'’-]+))?", re.I)


def a_thing_suspected(text: str, start: int, end: int) -> bool:
    """'A suspected gas leak', 'a suspected drugs address': "suspected" said of a thing, not of a person. It stays a suspect
    when a person or an offender follows ("suspected burglar", "suspected of"), or a person is said to be suspected before
    it ("the man suspected", "who is suspected")."""
    if text[start:end].lower() != "suspected":
        return False
    before = text[max(0, start - 30) : start].lower().split()
    if before and (before[-1] in PERSON_NOUNS or before[-1] in ("is", "are", "was", "were", "be", "been", "being")):
        return False
    after = SUSPECTED_THING.match(text[end:])
    if not after:
        return False
    words = [word.lower() for word in after.groups() if word]
    return not any(word in ("of", "to") or word in PERSON_NOUNS or _offender_noun(word) for word in words)


def _guilt(text: str) -> list[tuple[int, int]]:
    """Where the story treats someone as guilty: called by an offence's agent noun ("the killer", "another burglar"),
    said to have done it, a punishment wished or foretold ("he'll be going away"), evidence said to prove it."""
    found = [match.span(1) for match in LABELLED_ARRESTED.finditer(text) if _offender_noun(match.group(1).lower())]
    for match in LABELLED.finditer(text):
        first, second = match.group(1).lower(), (match.group(2) or "").lower()
        if _offender_noun(second):
            found.append(match.span(2))
        elif _offender_noun(first) and not COMPOUND_HEAD.fullmatch(second):
            found.append(match.span(1))
    # after a guilty finding "she will be sentenced in the spring" is the court's timetable, not guilt foretold (a conviction
    # told as past record, "convicted before", is guilt of its own)
    guilty_found = re.search(phrase_book().vocabulary["convicted"].pattern, text, re.I)
    for pattern in (OFFENDING_AS, GUILT_SAID, GUILT_CERTAIN, LESSON_DRAWN, HYPOTHETICAL, EVIDENCE_SAID, PAST_RECORD, RESPONSIBLE):
        found += [match.span() for match in pattern.finditer(text)
                  if not (pattern is HYPOTHETICAL and match.group(0).lower().endswith("sentenced") and guilty_found)]
    return list(dict.fromkeys(found))


_OUR_OWN = (r"(?:(?:an?|the|our|one of our|two of our|that|this)\s+(?:off[- ]duty\s+|former\s+|serving\s+|local\s+|\w+\s+)?"
            r"(?:officers?|pcs?|pcsos?|specials?|special constables?|sergeants?|sgts?|skippers?|inspectors?|constables?|dcs?|detectives?|"
            r"colleagues?|staff members?|members? of staff|cops?|coppers?)|(?:one|two|some|a couple) of ours|one of (?:our|the) (?:team|lot))")
OFFICER_IN_TROUBLE = re.compile(
    rf"\b{_OUR_OWN}\b(?:\s+(?:from|at|on|in|of)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?(?:\s*,)?\s+(?:who\s+|that\s+)?(?:has\s+|had\s+|have\s+)?"
    r"(?:was|were|been|got|is being|are being|has been|'s been|’s been)\s+(?:\w+\s+)?"
    r"(?:arrested|charged|convicted|cautioned|jailed|sentenced|nicked|done for|sacked|dismissed|suspended|struck off|barred|"
    r"found guilty|caught (?:\w+ing|with|over the limit|drunk|drink)|banned from driving|disqualified)\b", re.I)
"""One of the force's own told as the one arrested, charged, convicted, disciplined or sacked ("a special from the team who
was charged", "one of ours got done for speeding"); an officer who arrested someone ("the PC arrested a man") is not."""
DONE_TO = re.compile(r"\b(?:\w+ed|bit|hit|spat at|ran over|rammed|stabbed|shot|against|by|with|to)\s+$", re.I)
"""'the driver who rammed one of our PCSOs was charged': the officer is the one it was done to, not the one charged."""


_HELD = (r"(?:in (?:hand)?cuffs|handcuffed|in custody|under arrest|on remand|remanded|in the (?:cells|van|custody suite|dock)|"
         r"under (?:armed |police |constant )?guard|on (?:a |an )?(?:(?:hospital|bed|constant) (?:guard|watch)|bed ?watch)|"
         r"prisoners?|inmates?|(?:the|a|an|our) (?:detained|arrested|handcuffed|remanded) \w+|"
         r"(?:we|i|officers|police|the team|they|colleagues) (?:had |'d |just )?(?:nicked|arrested|detained|lifted|nabbed|collared))")
_SAME_PERSON = (r"(?:(?![,;]|\b(?:but|while|whereas|after|before|when|who|that|which|because|until|till|mates?|accomplices?|friends?|"
                r"another|others?)\b)[^.!?\n]){0,80}?")
"""What may stand between the one held and their getting away: no second clause, no one else, nothing that happened first."""
_GOT_AWAY = (r"(?:legged it|had it away|(?:away )?on (?:his|her|their) toes|ran (?:off|away)|got away|got free|broke free|did a runner|done a runner|escaped|absconded|bolted|scarpered|fled|"
             r"made off|slipped (?:away|off|free|out)|gave (?:us|officers|them|the officers|police|the guards) the slip|(?:is |now )?on the run)")
ESCAPE_FROM_CUSTODY = re.compile(
    rf"\b{_HELD}\b{_SAME_PERSON}\b{_GOT_AWAY}\b"
    rf"|\b{_GOT_AWAY}\b[^.!?\n]{{0,40}}?\b(?:still )?(?:in (?:hand)?cuffs|handcuffed)\b"
    rf"|\b{_GOT_AWAY}\s+(?:from|out of)\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?(?:prison(?: van)?|police van|cell van|custody(?: suite)?|"
    r"(?:the\s+)?cells|court cells|dock|jail|hmp\b|secure (?:unit|hospital))", re.I)
"""Someone held (arrested by us, in cuffs, in the van or the cells, a prisoner) who then got away ("the man we detained
slipped away at the hospital", "ran off still handcuffed") or who got away from a place of holding ("legged it out of the
cell van"); someone who fled before the arrest ("we arrested the lad who ran off") did not escape from custody."""
ENTRY_BY_WARRANT = re.compile(
    r"\b(?:a|an|the|our|two|three|four|five|six|\d+)\s+(?:[\w-]+\s+)?warrants?\b(?!\s+(?:card|cards|number)s?\b)"
    r"|\b(?:early doors|doors? (?:going|goin|went|go|goes) in)\b", re.I)
"""Police going into premises, done or planned ("a warrant lined up for dawn", "two drugs warrants", "early doors on six addresses",
"the doors going in"): the table's raids row. A warrant card is identity, and "doesn't warrant" no warrant at all."""
HELD_FOR = re.compile(
    r"\b(?:arrest(?:ed|ing)?|nick(?:ed|ing)?|lift(?:ed|ing)?|nab(?:bed|bing)?|collar(?:ed|ing)?|detain(?:ed|ing)?|charg(?:e|ed|ing)|summonsed)\s+"
    r"(?:(?:him|her|them|a|an|the|two|three|this|that)(?:\s+[\w'’-]+){0,2}?\s+)?(?:for|on suspicion of)\s+((?:[\w'’-]+\s*){1,5}?)"
    r"(?=\s*(?:[,.;:!?()]|$)|\s+(?:and|but|after|at|in|on|near|outside|last|this|yesterday|today|earlier|overnight|so|as|can|could|"
    r"which|who|while|when|before|by|from|with|during|is|was|has|had)\b)", re.I)
"""What someone is arrested or charged for ("lifted for drink-driving", "detained on suspicion of fraud")."""
FAILED_TO_APPEAR = re.compile(
    r"\b(?:fail(?:ed|ing|s)? to (?:appear|attend|surrender|turn up)|not turning up (?:at|for)|(?:didn't|did not|never) (?:turn(?:ed)? up|show(?:ed)? up|show(?:ed)?|appear(?:ed)?)"
    r" (?:at|for) (?:court|the court|his|her|their|the hearing|the trial|\w+ (?:crown|magistrates'?) court)|skip(?:ped|ping|s)? bail"
    r"|jump(?:ed|ing|s)? bail|breach(?:ed|ing|es)? (?:his |her |their )?bail|absconded from bail|bail warrant)\b", re.I)
"""Someone due at court or on bail who did not turn up ("failed to appear at the Crown Court", "not turning up for his
trial", "jumped bail")."""
_KIN = r"(?:(?:the|his|her|their)\s+)?(?:family|families|fam|next of kin|nok|relatives|parents|mum|dad|wife|husband|partner|widow)"
NEXT_OF_KIN_TOLD = re.compile(
    rf"\b{_KIN}\s+(?:(?:have|has|had|were|was)\s+)?(?:(?:now|all|already|just)\s+)?(?:been\s+)?(?:told|informed|notified|made aware)\b"
    r"|\b(?:the\s+)?(?:flo|family liaison(?: officer)?|we|officers|police|the team|colleagues)\s+(?:(?:have|has|had)\s+)?"
    rf"(?:(?:now|already|just)\s+)?(?:told|informed|notified|broke the news to)\s+{_KIN}\b", re.I)
"""The family of someone who died told of the death ("the liaison officer has seen his wife", "next of kin informed")."""
NOT_YET_TOLD = re.compile(r"\b(?:once|when|until|till|before|after|if|unless|whether|not|never|doubt|unsure|unclear|wonder\w*)\s+(?:\w+\s+)?$|n't\s+(?:\w+\s+)?$", re.I)
"""'…once his parents have been informed', 'not sure the relatives were told': a condition or a doubt, not something done."""
_COURT = r"(?:the )?(?:judge|court|magistrates?|bench|recorder|district judge|his honour|her honour)"
COURT_SAID_NOT_TO_PUBLISH = re.compile(
    rf"\b{_COURT}\s+(?:\w+\s+){{0,2}}?(?:said|says|told|warned|ordered|directed|ruled|made (?:it )?clear|mentioned|asked)\b"
    r"[^.!?\n]{0,80}?(?:\b(?:not|never|no)|n't|n’t)\s+(?:to\s+|be\s+|being\s+)?(?:report|publish|nam|identif|post|tweet|mention|print|broadcast)\w*",
    re.I)
"""The court's own words, told second-hand, limiting what may be published ("the magistrates told the press not to print
where she works", "the judge said it can't be reported yet"): a court order, however the asker names it."""


def _accused_businesses(text: str) -> list[tuple[int, int]]:
    """A business by its name (capitalised words ending in a trade: "Kestrel Roofing & Driveways", "Lucky Star off-licence";
    or its owner's name: "Dalton's Motors"), or by its trade and street ("the nail bar on Mare Street"), in a sentence that
    accuses or warns people off it: naming it as involved in wrong no court has found is defamation."""
    said = phrase_book().vocabulary
    trade = said["business_name_end"].pattern
    by_trade = re.compile(r"\b([A-Z][\w'’-]*(?:\s+(?:&|and|[A-Z][\w'’-]*))*)\s+(?i:" + trade + ")")
    by_street = re.compile(r"\b(?i:the\s+(?:[\w'’-]+\s+){0,2}?(?:shop|store|" + trade + r")\s+(?:on|in|off|at)\s+(?:the\s+)?)"
                           r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}")
    found = []
    for match in [*by_trade.finditer(text), *BUSINESS_NAME.finditer(text), *by_street.finditer(text)]:
        if match.re is by_trade and len(match.group(1).split()) == 1 and _sentence_start(text, match.start()):
            continue  # "Rogue traders are about": a capital that only starts the sentence names nothing
        if re.search(said["accusation"].pattern, _sentence_around(text, match.start()), re.I):
            found.append(match.span())
    return sorted(set(found))


SAID_OF_A_PERSON = re.compile(r"\b(?:he|she|they|who)(?:'s|’s|'re|’re|\s+is|\s+are|\s+was|\s+were)\s+(?:a\s+|an\s+)?$", re.I)
NATIONALITY_NOUNS = frozenset("""national nationals citizen citizens male males female females gang gangs origin heritage descent
    background""".split())


def _nationalities(text: str) -> list[tuple[int, int]]:
    """A nationality word said of a person: before a person or an offender ("two Albanian men", "Romanian pickpocket", "a Polish
    national") or after "he's", "they were" ("the DC tells me he's Romanian") — not a language, a dish or a community."""
    found = []
    for match in re.finditer(phrase_book().vocabulary["nationality"].pattern, text, re.I):
        after = re.match(r"\s+([a-z'’]+)", text[match.end() :], re.I)
        noun = after.group(1).lower() if after else ""
        if noun in PERSON_NOUNS or noun in NATIONALITY_NOUNS or _offender_noun(noun) \
                or SAID_OF_A_PERSON.search(text[max(0, match.start() - 20) : match.start()]):
            found.append(match.span())
    return found


def _offender_noun(word: str) -> bool:
    if word in ("thief", "thieves", "pickpocket", "pickpockets", "conman", "conmen"):
        return True
    if word.removesuffix("s") in OFFENCE_ROOTS:
        return False  # "murder" is the offence, not its agent
    suffix = AGENT_SUFFIX.search(word)
    return bool(suffix) and any(word[: suffix.start()].startswith(root) or root.startswith(word[: suffix.start()])
                                for root in OFFENCE_ROOTS if len(word[: suffix.start()]) >= 3)


def _identifiers(text: str) -> list[tuple[str, int, int, bool]]:
    found: list[tuple[str, int, int, bool]] = []
    for start, end, colleague in _names(text):
        found.append(("name", start, end, colleague))
    for match in NAME_REQUEST.finditer(text):
        found.append(("name", *match.span(), _thanked_colleague(text, match.start())))
    for pattern in (HOUSE_ADDRESS, LIVES_ADDRESS, NEAR_ADDRESS, DWELLING, NAMED_HOME):
        for match in pattern.finditer(text):
            start, end = match.span(match.lastindex or 0)
            if pattern is HOUSE_ADDRESS and _a_venue(text, start):
                continue
            found.append(("address", start, end, False))
    for match in PARTICULARS_REQUEST.finditer(text):
        found.append((match.lastgroup, *match.span(), False))
    for match in REGISTRATION_MARK.finditer(text):
        found.append(("vehicle", *match.span(), False))
    for pattern in (SCHOOL, WORKPLACE, ROLE_AT_A_PLACE):
        for match in pattern.finditer(text):
            if pattern is WORKPLACE and match.group(0).lower().startswith("work") \
                    and WORK_AS_A_NOUN.search(text[max(0, match.start() - 20) : match.start()]):
                continue
            if ONE_OF_MANY.search(match.group(0)):
                continue
            found.append(("school_or_workplace", *match.span(), False))
    for match in BUSINESS_NAME.finditer(text):
        owner, rest = match.group(1).lower(), {word.lower() for word in match.group(2).split()}
        if owner not in common_words() and not rest & PLACE_WORDS and not _a_venue(text, match.start()) \
                and _someone_in(_sentence_around(text, match.start())):
            found.append(("school_or_workplace", *match.span(), False))
    for pattern in (RUNS_A_NAMED_BUSINESS, OWN_PREMISES):
        for match in pattern.finditer(text):
            found.append(("school_or_workplace", *match.span(match.lastindex or 0), _thanked_colleague(text, match.start())))
    for match in JOB_AT_A_NAMED_PLACE.finditer(text):
        job = re.search(r"([a-z]+)\s+(?:at|for)\s+(?:the\s+)?[A-Z]", match.group(0))
        if job and job.group(1).lower() in RANK_TITLES:
            continue  # "the neighbourhood inspector for Walthamstow": a police post, not where someone in a case works
        found.append(("school_or_workplace", *match.span(1), _thanked_colleague(text, match.start())))
    for pattern in (RELATIONSHIP, SHARED_HOME):
        for match in pattern.finditer(text):
            found.append(("relationship", *match.span(), False))
    for match in IMAGE.finditer(text):
        if image_asked_for(text, *match.span()):
            continue  # footage asked of the public, not a picture the post shows
        sentence = _sentence_around(text, match.start())
        found.append(("image", *match.span(), bool(COLLEAGUE_IMAGE.search(sentence)) or _thanked_colleague(text, match.start())))
    return _without_overlaps(found)


BUSINESS_NAME = re.compile(r"(?<!St )(?<!St\. )\b([A-Z][a-z]+)['’]s(?![ \t]+(?:Day|Eve|Night|Weekend)\b)((?:[ \t]+[A-Z][\w'’&-]*){1,3})")
"""A business by its owner's name ("Dalton's Motors", "Kaya's Kebab House"): a workplace, not a person's name; a day of the
year ("New Year's Eve", "Mother's Day") is no business."""
INVITATION = re.compile(r"\b(?:cuppa|coffee (?:with|morning)|surgery|drop-in|open day|stall|workshop|(?:join|meet|find|see|visit) us|come (?:along|down|and see)|drop (?:in|by)|pop (?:in|along|down|by)|"
                        r"(?:we'll|we will|we're|we are|i'll|i will) be (?:at|outside|in)|held at|takes? place at|venue)\b", re.I)


SOMEONE = frozenset("""he she him her his hers they them their man men woman women boy boys girl girls lad lads victim suspect
    teenager youth owner owners worker workers staff employee employees manager shopkeeper assistant mechanic cashier""".split())


def _someone_in(sentence: str) -> bool:
    """A person in the sentence ("as he locked up Dalton's Motors"); a business with nobody at it is a landmark ("by the
    Nag's Head")."""
    return bool(set(re.findall(r"[a-z]+", sentence.lower())) & SOMEONE)


def _a_venue(text: str, start: int) -> bool:
    """An address the post invites people to ("join us at Rosie's Café, 48 Lordship Lane"): a venue, not where someone lives."""
    return bool(INVITATION.search(text[_start_of_sentence(text, start) : start]))


HANDLE_OR_HASHTAG = re.compile(r"(?<![\w])[#@][\w'’-]+")


def _names(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, colleague) of each personal name in `text`, each later mention of it by one of its words
    ("Marcus Dell … Dell has"), and an officer named with a rank ("PC Ben Lowry") or a correspondent on a forwarded
    message's From: line as a colleague. An animal's name is no person's ("a spaniel called Max", "PD Rex", "Hector the
    goat")."""
    as_written = text
    text = HANDLE_OR_HASHTAG.sub(lambda match: " " * len(match.group(0)), text)  # "#Brent", "@MPSBrent": places and accounts
    read = _names_read(text)
    animals = {text[start:end].split()[0].lower() for start, end, _ in read if _an_animals_name(text, start, end)}
    headers = [match.span() for match in MAIL_HEADER.finditer(text)]
    names = [(start, end, colleague or _ranked(text, start) or any(a <= start < b for a, b in headers))
             for start, end, colleague in read
             if text[start:end].split()[0].lower() not in animals]  # "a tortoise called Gerald … a pic of Gerald"
    # "PC Ben Lowry … Ben and his dog": a name read on its own is the colleague's when every word of it is in theirs
    colleagues = {word.lower() for start, end, colleague in names if colleague for word in text[start:end].split()}
    names = [(start, end, colleague or set(text[start:end].lower().split()) <= colleagues) for start, end, colleague in names]
    return names + _later_mentions(text, names, _hashtag_words(as_written))


ANIMAL_BEFORE_NAME = re.compile(rf"(?:\b{ANIMALS}\s*,?\s+(?:(?:who(?:'s| is)|which is|that's)\s+)?(?:called|named|by the name of)"
                                r"|\b(?:pd|ph|police dog|police horse|k9)|\b(?:puppy|pup|kitten)|\b(?:our|the|a) (?:\w+ )?"
                                rf"{ANIMALS}\s*,)\s+$", re.I)
ANIMAL_AFTER_NAME = re.compile(rf"^\s*,?\s+(?:(?:is|was)\s+)?(?:the|our|a|an|my|her|his|their|(?:\w+['’]s))\s+(?:[\w-]+\s+){{0,2}}?{ANIMALS}\b"
                               r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:who|which|that|is|was|has|had|got|went|ran|found|came|belongs?)\b)", re.I)


def _an_animals_name(text: str, start: int, end: int) -> bool:
    """A name given to an animal, before it ("a tortoise called …", "PD …") or after it ("… the goat", "…, our spaniel")."""
    return bool(ANIMAL_BEFORE_NAME.search(text[max(0, start - 60) : start]) or ANIMAL_AFTER_NAME.match(text[end : end + 60]))


MAIL_HEADER = re.compile(r"^[ \t>]*(?:from|to|cc|bcc|sent by|reply-to)[ \t]*:[^\n]*", re.I | re.M)
"""A forwarded message's From: or To: line: it names who wrote and who received it, no one the post would be about."""


RANK_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(RANK_TITLES))})\.?\s+$", re.I)


def _ranked(text: str, start: int) -> bool:
    """A name written with a police rank, before it or as its first word."""
    first = re.match(r"[A-Za-z]+", text[start:])
    return bool(RANK_BEFORE.search(text[max(0, start - 20) : start])) or bool(first and first.group(0).lower() in RANK_TITLES)


NEVER_A_LATER_MENTION = frozenset(PLACE_WORDS | RANK_TITLES | PERSON_TITLES)


def _hashtag_words(text: str) -> list[tuple[str, int, int]]:
    """(word, start, end) of each capitalised word run together in a hashtag: "#WellDoneAmy" holds "Well", "Done", "Amy"."""
    return [(part.group(0), tag.start() + part.start(), tag.start() + part.end())
            for tag in HANDLE_OR_HASHTAG.finditer(text) if tag.group(0).startswith("#")
            for part in re.finditer(rf"[{_CAPITAL}](?:[^\W\d_{_CAPITAL}]+|[{_CAPITAL}]*(?![^\W\d_]))", tag.group(0))]


def _later_mentions(text: str, names: list[tuple[int, int, bool]],
                    hashtag_words: list[tuple[str, int, int]]) -> list[tuple[int, int, bool]]:
    """Each later mention of a name by one of its words: as written, in capitals ("THANK YOU AMY"), or inside a hashtag."""
    taken = [(start, end) for start, end, _ in names]
    found = []
    for start, end, colleague in names:
        lower_case = text[start:end].islower()  # a name written in lower case ("nicked jayden …") is mentioned so again
        for word in re.findall(r"[a-z][a-z'’-]{2,}" if lower_case else rf"[{_CAPITAL}][^\W\d_'’-]*(?:['’-][^\W\d_]+)*", text[start:end]):
            if len(word) < 3:
                continue
            word = re.sub(r"['’]s$", "", word)
            if word.lower() in NEVER_A_LATER_MENTION or word.lower() in function_words() or (lower_case and not is_first_name(word)):
                continue
            # in capitals or inside a hashtag only a first name that is no borough: "Merton" of a place read as a name
            # ("Merton Town") is not found again in "#Merton"
            shouted_or_tagged = is_first_name(word) and not _a_borough(word.lower())
            spellings = {word, word.upper()} if shouted_or_tagged else {word}
            mentions = [match.span() for match in re.finditer(rf"\b(?:{'|'.join(map(re.escape, spellings))})\b", text)]
            if shouted_or_tagged:
                mentions += [(at, to) for part, at, to in hashtag_words if part in spellings]
            for at, to in mentions:
                if not any(a < to and at < b for a, b in taken):
                    taken.append((at, to))
                    found.append((at, to, colleague))
    return found


def _names_read(text: str) -> list[tuple[int, int, bool]]:
    """Each name however it is written (capitalised, lower-case, "a man called …"), with whether it is a colleague's or a
    consenting person's. Consent counts however the name is written; thanks nearby never make a colleague of a name found
    only as a lone lower-case word, after "called" or before an age ("nicking dazza" in a shout-out to the team is still
    a name at risk)."""
    tokens = list(re.finditer(r"[^\W\d_](?:[^\W\d_]|['’-])*", text))  # letters of any alphabet: "Siobhán", "Zoë"
    # two everyday words that could be a name ("Wayne Cole", "Will Power") are one in a story with someone at risk
    unsure_raises = _an_incident_story(text)
    names: list[tuple[int, int, bool]] = []
    used: set[int] = set()
    for i, token in enumerate(tokens):
        if i in used:
            continue
        word = token.group(0)
        lower = word.lower().rstrip(".")
        following = [j for j in _capitalised_run(tokens, i + 1, text) if len(tokens[j].group(0)) > 1]
        if lower in PERSON_TITLES | RANK_TITLES and following and _adjacent(text, token, tokens[following[0]]):
            colleague = lower in RANK_TITLES or _thanked_colleague(text, token.start())
            last = tokens[following[-1]]
            names.append((tokens[following[0]].start(), last.end(), colleague))
            used.update(following)
            continue
        if re.search(r"['’]s$", word):
            if i + 1 < len(tokens) and _titlecase(tokens[i + 1].group(0)) and _adjacent(text, token, tokens[i + 1]):
                continue  # "Rosie's Café", "Halden's Supermarket": a business's name
            word, lower = word[:-2], lower[:-2]  # "Kelly's murder": the name without its possessive
        if not word or not _titlecase(word) or "'" in word or "’" in word or lower in function_words():
            continue
        if not is_first_name(word) or lower in PLACE_WORDS or lower in INTERJECTIONS:
            continue
        run = [i, *following]
        if len(run) >= 2 and _adjacent(text, token, tokens[run[1]]):
            surname = tokens[run[1]].group(0).lower()
            both_everyday = lower in common_words() and surname in common_words()
            if surname in PLACE_WORDS or OUTLET_WORD.fullmatch(surname) or _before_place(tokens, run[1]) or _goes_on_as_a_title(text, tokens, run) \
                    or AFTER_THE.search(text[: token.start()]) \
                    or both_everyday and (not unsure_raises or _sentence_start(text, token.start()) or len(run) > 2
                                          or PLACE_PREPOSITION.search(text[max(0, token.start() - 12) : token.start()])):
                continue  # "at Holly Park", "near Penge and Rose Hill", "Grand Jewel Motors": places
            names.append((token.start(), tokens[run[1]].end(), _thanked_colleague(text, token.start())))
            used.update(run[:2])
        elif is_plain_name(word) and not _before_place(tokens, i) and not _after_capitalised(tokens, i, text) \
                and not _after_locative(text, token) and not _a_borough(lower) and not AFTER_THE.search(text[: token.start()]):
            names.append((token.start(), token.end(), _thanked_colleague(text, token.start())))
    for match in LOWER_SINGLE.finditer(text):
        word = match.group(1)
        if word not in english_words() and word not in function_words():
            names.append((match.start(1), match.end(1), _consenting(text)))
    for match in LOWER_PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        if is_plain_name(first) and second not in common_words() and second not in PLACE_WORDS and len(second) > 2:
            end = match.end(1) + len(text[match.end(1):]) - len(text[match.end(1):].lstrip()) + len(second)
            names.append((match.start(1), end, _thanked_colleague(text, match.start())))
    for match in INITIALS.finditer(text):
        if re.sub(r"[.\s]", "", match.group(1)).lower() not in RANK_TITLES:  # "P.C. …" is a rank
            names.append((match.start(1), match.start(1) + len(match.group(1).rstrip()), _consenting(text)))
    for match in LOWER_INITIAL.finditer(text):
        if is_plain_name(match.group(1)) and match.group(1) not in PERSON_NOUNS:
            names.append((match.start(1), match.end(2), _consenting(text)))
    for match in LOWER_SUBJECT.finditer(text):
        word = re.sub(r"['’]s$", "", match.group(1))
        if word in PERSON_NOUNS or word in function_words() or not (is_first_name(word) or word not in english_words()) \
                or DETERMINER_BEFORE.search(text[: match.start(1)]):
            continue  # "the ram-raid on the jewellers was…": a noun after a determiner is no one's name
        names.append((match.start(1), match.start(1) + len(word), _consenting(text)))
    for match in PERSON_POSITION.finditer(text):
        group = next(index for index in range(1, 5) if match.group(index))
        words = re.findall(r"[A-Za-z]+", match.group(group).lower())
        if words and not NOT_A_PERSON & set(words) and words[0] not in function_words() \
                and (group != POINTED_OUT or is_first_name(words[0])):
            names.append((match.start(group), match.end(group), _thanked_colleague(text, match.start(group))))
    for match in LOWER_NAME_AFTER_VERB.finditer(text):
        words = match.group(1).split()
        if is_first_name(words[0]) and words[0] not in PERSON_NOUNS and words[0] not in function_words() \
                and not NOT_A_PERSON & set(words) and (words[-1] not in common_words() or is_first_name(words[-1])):
            names.append((match.start(1), match.end(1), _consenting(text)))
    for match in (*LOWER_NAME_BRACKETED_AGE.finditer(text), *NAME_BEFORE_ALIAS.finditer(text)):
        if is_first_name(match.group(1)) and match.group(1).lower() not in PERSON_NOUNS:
            names.append((match.start(1), match.end(1), _consenting(text)))
    for pattern in (NAMED, LOWER_PAIR_AGE):
        for match in pattern.finditer(text):
            first = match.group(1)
            if not is_first_name(first) or first.lower() in common_words() - {"jay", "will", "mark", "dean"}:
                if pattern is LOWER_PAIR_AGE or not first[0].isupper():
                    continue
            start = match.start(1)
            end = match.end(match.lastindex or 1)
            words = match.group(1).split()
            if len(words) > 1 and first[0].isupper() and words[1][0].islower():
                end = start + len(words[0])  # "her cousin Aaron spoke to us": the name, not the verb after it
            end -= len(text[start:end]) - len(text[start:end].rstrip("'’"))  # "aka 'Smiler'": the name, not its closing quote
            names.append((start, end, _consenting(text)))
    return names


def _titlecase(word: str) -> bool:
    """'Brent', 'McKay', not 'SNT' or a plural acronym ('SNTs', 'PCSOs')."""
    return word[0].isupper() and (len(word) == 1 or not word[1:].isupper()) and not re.fullmatch(r"[A-Z]{2,}s", word)


def _capitalised_run(tokens, start: int, text: str) -> list[int]:
    run = []
    for j in range(start, min(start + 3, len(tokens))):
        word = tokens[j].group(0)
        possessive = bool(re.search(r"['’]s?$", word))
        if not _titlecase(word) or possessive or word.lower() in PLACE_WORDS \
                or (run and not _adjacent(text, tokens[run[-1]], tokens[j])):
            break
        run.append(j)
    return run


def _after_capitalised(tokens, i: int, text: str) -> bool:
    """"Old Bailey", "Tower Hamlets": a capitalised word before makes it part of a place's name."""
    return i > 0 and tokens[i - 1].group(0)[0].isupper() and _adjacent(text, tokens[i - 1], tokens[i]) \
        and not _sentence_start(text, tokens[i - 1].start())


LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|around|across|throughout|within|outside)\s+$"
                             r"|\b(?:man|woman|men|women|boy|girl|lad|teenager|youths?|person|people|family|residents?|driver|rider|"
                             r"old|locals?)\s+(?:from|of)\s+$", re.I)


OUTLET_WORD = re.compile(rf"{PAPER_NAME}|news|radio|tv|fm|standard|mail|express|post|independent")
"""The word that makes a capitalised pair a paper or a broadcaster, not a person: "Sky News", "Kiss FM", "Brent Post"."""
PLACE_PREPOSITION = re.compile(r"\b(?:at|in|on|near|outside|inside|from|to|into|around|across|opposite|behind|and)\s+$", re.I)
"""A word before a place ("at", "opposite", "and" in "Penge and Rose Hill"): wider than LOCATIVE_BEFORE, because it only keeps
two everyday words from being read as a name, where LOCATIVE_BEFORE turns a lone first name into a place."""


AFTER_THE = re.compile(r"\bthe\s+$", re.I)
"""'outside the Swan', 'a scrap outside the Jolly Tanner': capitalised words right after "the" name a pub or a thing, not a
person."""


def _after_locative(text: str, token) -> bool:
    """A lone capitalised word after "in", "near", "across"… or "a man from" is a place ("officers in Brent", "a man from
    Leyton"), not a person."""
    return bool(LOCATIVE_BEFORE.search(text[max(0, token.start() - 20) : token.start()]))


def _a_borough(word: str) -> bool:
    """One of the boroughs the force polices (the phrase book's `london_borough`): "Brent", "Merton" on their own are places
    here ("Brent Walker" is still a name)."""
    return bool(phrase_book().vocabulary["london_borough"].fullmatch(word))


def _goes_on_as_a_title(text: str, tokens, run: list[int]) -> bool:
    """'Brent Trading Standards', 'Kelly Wood Partnership Board': a capitalised run that goes on past its would-be surname
    with an everyday English word names an organisation or a title, not a person."""
    if len(run) < 3 or not _adjacent(text, tokens[run[1]], tokens[run[2]]):
        return False
    third = tokens[run[2]].group(0)
    return third.lower() in common_words() and not is_first_name(third)


def _before_place(tokens, i: int) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1].group(0).lower() in PLACE_WORDS


def _adjacent(text: str, first, second) -> bool:
    """Next to each other in one name: a space, or ". " after a title or an initial ("Mr. Jones", "J. Smith")."""
    gap = text[first.end() : second.start()]
    word = first.group(0).lower()
    return gap == " " or (gap == ". " and (len(word) == 1 or word in PERSON_TITLES | RANK_TITLES))


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?:\n\"'“‘(-"


def _sentence_around(text: str, at: int) -> str:
    end_match = SENTENCE_END.search(text, at)
    return text[_start_of_sentence(text, at) : end_match.start() if end_match else len(text)]


def _start_of_sentence(text: str, at: int) -> int:
    starts = [match.end() for match in SENTENCE_END.finditer(text, 0, at)]
    return starts[-1] if starts else 0


CONSENT = re.compile(
    r"\b(?:(?:is|'s|’s|are|'re|’re|was|were)\s+(?:(?:(?!not\b|never\b|no\b)\w+|more than)\s+(?:and\s+)?){0,2}?(?:happy|fine|ok|okay|keen|glad)\s+"
    r"(?:with it|for (?:us|me|it|them|her|him|(?:his|her|their) (?:\w+ )?(?:face|name|photo|picture|pic|image|details))\b|"
    r"to be (?:named|pictured|photographed|filmed|in it|in the))|"
    r"(?:given|gave|has given|have given|got|have|with)\s+(?:us\s+)?(?:their|her|his|parental|written|full|the family's|the parents')?\s*"
    r"(?:permission|consent|blessing|go-ahead)|consent(?:s|ed|ing)?\b|"
    r"(?:has|have|had|'ve|’ve)\s+(?:all\s+)?(?:said yes|agreed|signed)|signed (?:a |the )?(?:consent|release|media) forms?|"
    r"wants? to be in (?:the |it|a )|agreed to (?:be named|the photo|us posting)|asked (?:us|me) to (?:name|thank|post|share|put)|"
    r"welcome to (?:name|thank|use|post|share|mention|picture|photograph|film|tag|credit)\b|"
    r"(?:does|do|did)(?:n't|n’t| not) mind (?:being (?:named|thanked|pictured|photographed|filmed|in)|us (?:naming|thanking|using|posting|sharing)))",
    re.I)
"""Someone saying they are happy to be named or pictured ("parents have said yes in writing", "she wants to be in the photo",
"the family are chuffed and happy for us to share", "glad for her photo to go up", "said we're welcome to use her name",
"doesn't mind being named"),
unless said not to be."""
REFUSED = re.compile(r"(?:\b(?:not|never|no|without|refused|declined)|n't|n’t)\W+(?:\w+\W+){0,1}$", re.I)


def _consent(text: str) -> bool:
    return any(not REFUSED.search(text[max(0, match.start() - 20) : match.start()]) for match in CONSENT.finditer(text))


def _thanked_colleague(text: str, at: int) -> bool:
    """A colleague being thanked, or a person who has said they are happy to be named or pictured — never in a story
    with a suspect, an arrest, a charge, a conviction, a victim, a witness or a death, where a name is a risk."""
    return not _an_incident_story(text) and (_consent(text) or bool(COLLEAGUE_CONTEXT.search(_sentence_around(text, at))))


def _consenting(text: str) -> bool:
    """Someone who has said they are happy to be named or pictured, in a story with no incident."""
    return not _an_incident_story(text) and _consent(text)


def _an_incident_story(text: str) -> bool:
    return any(ROLE_WORDS[role].search(text) for role in INCIDENT_ROLES)


def _without_overlaps(found):
    kept = []
    for item in sorted(found, key=lambda f: (f[1], -(f[2] - f[1]))):
        if kept and item[1] < kept[-1][2] and item[0] == kept[-1][0]:
            continue
        kept.append(item)
    return kept


__all__ = ["PeopleFindings", "read_people"]
