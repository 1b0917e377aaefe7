"""The phrase readers: the rules' patterns over the normalised text, and the RAG table's topic names and aliases.

These are the engine's first readers. They stay as a floor under the newer ones (people, examples):
whatever they find still raises.
"""

from ..dates import FoundDate
from ..facts import RiskFactor, TopicCandidate
from ..rules import COURT_RESULT, fire, phrase_text, words
from ..topics import TopicMatch, TopicMatcher
from .text import Located

COURT_RESULT_TOPIC = "Court results"
KSI_TOPIC = "KSI RTCs"
COLLISION_TOPICS = ("Road traffic collision", "Non KSI RTCs")
SEVERE_INJURY = words(r"critical(?:ly)? (?:condition|injured|ill)", r"life[- ](?:threatening|changing)", r"serious(?:ly)? (?:injur\w*|hurt)",
                      r"serious (?:head |leg |spinal )?injuries", r"fighting for (?:his|her|their) li(?:fe|ves)", "airlifted", "air ambulance",
                      "major trauma", "intensive care", r"serious (?:collision|crash|rtc)", r"died|dead|killed|fatal\w*",
                      r"in a (?:bad|really bad|very bad|critical|serious) way", r"badly (?:hurt|injured)", "hems", r"(?:police |air )?helicopter",
                      "unconscious", r"not (?:expected|likely) to (?:survive|make it|pull through)", r"in a coma", r"trauma (?:unit|centre|center)",
                      r"(?:touch and go|critical)\b")
"""A collision with any of these is killed-or-seriously-injured, whatever words name the collision."""
COLLISION = words(r"(?:hit|struck|knocked (?:down|over)|run over|mown down|clipped|hit and run) by (?:a |an |the )?(?:\w+ )?"
                  r"(?:car|bus|van|lorry|truck|hgv|vehicle|motorbike|moped|scooter|e-scooter|cyclist|bike|taxi|cab|train|tram)",
                  r"(?:car|bus|van|lorry|vehicle|motorbike|moped) (?:hit|struck|ran over|knocked down|mounted the pavement)",
                  r"(?:collision|crash|crashed|collided|smash|pile-?up|rtc|hit-and-run|hit and run|failed to stop)")
"""A road collision in plain words, for the killed-or-seriously-injured reading."""
FORCE_SOP_TOPIC = "Force SOP"
FORCE_PROCEDURE = words(r"(?:our|police|the met's|the force's|met|force)\s+(?:own\s+)?(?:[a-z]+\s+)?(?:tactics|procedures?|protocols?|"
                        r"rules of engagement|sops?|operating procedures?)",
                        r"(?:pursuit|chase|tactical|firearms|taser|restraint|use of force|deployment)\s+(?:rules|policy|policies|procedures?|"
                        r"tactics|protocols?|criteria|options)",
                        r"standard operating procedures?", r"when (?:we|officers|police)(?:'re| are)? allowed to (?:chase|pursue|ram|taser|strike|use force)")
"""How the force works operationally (its tactics, procedures and rules for pursuits or force), which the RAG table
marks red as "Force SOP", in plain words."""
BUDGET_TOPIC = "Budgetary/Financial"
THE_FORCES_MONEY = words(r"how much (?:\w+ ){0,4}?(?:we|we've|the borough|the force|the met|the team|our team|the station|it) "
                         r"(?:has |have |had |is |are |'s |'re )?(?:spent|spending|cost|costing|costs|saved|saving|lost|losing)",
                         r"(?:the |our |a |any |more |further )?(?:cuts?|savings?|budget (?:reduction|squeeze|gap)s?|funding gap) "
                         r"(?:we're|we are|we've got|we have|the borough is|the force is|the met is|the team is|we'll be|we will be) "
                         r"(?:facing|making|having to make|going to make|getting|taking)",
                         r"overtime (?:spend|spending|budget|costs?|money|bill|figures?)", r"(?:cost|costs|costing) (?:us|the borough|the force|the met) ")
"""The force's own money in plain words (what it spends, the cuts it faces): the Budgetary/Financial row, whatever the
aliases say."""
APPEALS_TOPIC = "local and pan-London appeals"
AN_APPEAL_IN_ITS_OWN_WORDS = words(r"if you (?:saw|witnessed|heard|were (?:in the area|nearby|there|around)|have (?:any )?(?:information|info|dash-?cam|footage|"
                                   r"cctv|doorbell)|recogni[sz]e)", r"(?:anyone|anybody) (?:who (?:saw|witnessed|was (?:in the area|nearby|there))|with "
                                   r"(?:any )?(?:information|info|dash-?cam|footage|cctv))",
                                   r"(?:call|ring|contact|dm) (?:us |police )?(?:on )?101 (?:quoting|quote|with (?:the )?ref\w*|ref\w*|cad)")
"""The post itself asks witnesses to come forward: an appeal, whatever the offence."""
JOINT_INITIATIVES_TOPIC = "Local joint initiatives"
_PARTNERS = (r"(?:council|trading standards|fire brigade|lfb|tfl|btp|british transport police|nhs|housing (?:association|officers|team)|"
             r"licensing(?: team| officers)?|environmental health|hmrc|border force|immigration|dvla|rspca|network rail|wardens|"
             r"ambulance service|probation|youth offending team|bid|business improvement district)")
JOINT_WORK = words(r"joint (?:\w+ ){0,3}?(?:op|ops|operation|initiative|patrols?|scheme|project|campaign|day|week|visits?|inspections?|"
                   r"action|crackdown|blitz|sweep)",
                   r"(?:op|operation|initiative|patrols?|scheme|project|campaign|days? of action|weeks? of action|visits|inspections|crackdown|"
                   rf"blitz|sweep) (?:\w+ ){{0,4}}?(?:with|alongside) (?:the |our )?(?:\w+ ){{0,3}}?{_PARTNERS}",
                   rf"(?:with|alongside) (?:the |our )?(?:\w+ ){{0,3}}?{_PARTNERS}(?: \w+){{0,4}}? (?:on|for) (?:an? |the )?(?:\w+ )?"
                   r"(?:op|operation|day of action|week of action|crackdown|blitz|sweep|inspections)")
"""Police working with a partner agency on an operation, told in plain words ("a joint day of action with the council")."""
ESCAPED_PRISONER_TOPIC = "Escaped Prisoners"
LONDON_PRISONS = ("pentonville|wandsworth|belmarsh|wormwood scrubs|the scrubs|brixton prison|feltham|thameside|isis|bronzefield|"
                  "downview|high down|coldingley|send|ford")
ESCAPE = words(r"(?:escaped|escaping|absconded|absconding|absconder|walked out|walking out|got out|broke out|busted out|legged it|"
               r"did a runner|ran off|went missing|gone missing|on the run)\s+(?:of|from)\s+(?:the\s+|an?\s+)?"
               rf"(?:hmp\s+[a-z]+|(?:open\s+)?(?:prison|jail|gaol)|custody|the cells|court|the dock|(?:a\s+)?(?:prison|escort|custody|cell|secure|sweatbox) van|"
               rf"young offenders?(?: institution)?|yoi|{LONDON_PRISONS})",
               r"unlawfully at large", r"(?:prison|jail) (?:escape|escapee|absconder)s?")
"""Someone out of custody who should not be, in plain words ("walked out of the open prison", "absconded from
Pentonville"): the escaped-prisoners row, whatever the aliases say."""


def read_risks(text: str, current_start: int, current: str, dates: list[FoundDate], today_ordinal: int,
               posting: bool, has_media: bool, locate: Located) -> list[RiskFactor]:
    """A finding for each rule pattern that matches; a later turn can take back an earlier one ("without his name")."""
    scanned = text + (" \n shows an identifiable person" if has_media else "")
    found = []
    for hit in fire(phrase_text(scanned, dates, today_ordinal), posting=posting):
        if hit.rule.kind != "raises":
            continue
        if hit.start < current_start and hit.rule.cancelled_by is not None and hit.rule.cancelled_by.search(current):
            continue
        span = locate(hit.start, hit.end) if hit.end <= len(text) else None
        found.append(RiskFactor(risk=hit.rule.name, reader="phrases", span=span))
    return found


def read_topics(text: str, matcher: TopicMatcher, locate: Located) -> list[TopicCandidate]:
    """RAG topics named outright, by name or alias; a sentence length ("got 6 years") names the court-results topic."""
    matches = matcher.find(text)
    court = next((topic for topic in matcher.topics if topic.name == COURT_RESULT_TOPIC), None)
    sentence = COURT_RESULT.search(text)
    if court and sentence and not any(match.topic is court for match in matches):
        matches.append(TopicMatch(court, sentence.start(), sentence.end(), sentence.group(0)))
    for name, pattern in ((ESCAPED_PRISONER_TOPIC, ESCAPE), (FORCE_SOP_TOPIC, FORCE_PROCEDURE), (BUDGET_TOPIC, THE_FORCES_MONEY),
                          (APPEALS_TOPIC, AN_APPEAL_IN_ITS_OWN_WORDS), (JOINT_INITIATIVES_TOPIC, JOINT_WORK)):
        topic = next((topic for topic in matcher.topics if topic.name == name), None)
        found = pattern.search(text)
        if topic and found and not any(match.topic is topic for match in matches):
            matches.append(TopicMatch(topic, found.start(), found.end(), found.group(0)))
    ksi = next((topic for topic in matcher.topics if topic.name == KSI_TOPIC), None)
    severe = SEVERE_INJURY.search(text)
    if ksi and severe and (any(match.topic.name in COLLISION_TOPICS for match in matches) or COLLISION.search(text)):
        matches.append(TopicMatch(ksi, severe.start(), severe.end(), severe.group(0)))
    return [
        TopicCandidate(topic=match.topic.name, status=match.topic.status, reader="aliases", span=locate(match.start, match.end))
        for match in matches
    ]
