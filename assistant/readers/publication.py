"""The publication reader: what is to be published (a post, a photo, a retweet, a quote to a journalist,
a reply to a complaint, something already posted), by whom (the asker's rank), and whether it is public."""

import re

from ..facts import Medium, Publication, Public, Rank
from ..rules import words

NEWSPAPER_TITLES = "times|advertiser|gazette|echo|mercury|chronicle|herald|recorder|guardian"
"""The last word of a local paper's name ("the Bromley Times", "the Croydon Advertiser")."""
PAPER_NAME = rf"(?:{NEWSPAPER_TITLES}|observer|journal|mirror|bugle|news shopper)"
"""A word that names a paper and nothing else ("the Sutton Observer", "the News Shopper"); "Express" and "Mail" also name a
shop and the post, so they are not among them."""
NEWS_OUTLET = rf"(?:{PAPER_NAME}|standard|mail|express|independent|paper|papers|bbc|itv|sky|lbc)"
"""A paper or broadcaster by the word that names it: what it ran is public, what it has not yet got is not."""
PHOTO = words(r"photos?", r"photographs?", r"pictures?", r"pics?", r"images?", r"selfies?", r"mugshots?", "stills", r"(?:cctv|video|camera) still",
              r"e-?fits?", r"headshots?")
VIDEO = words(r"videos?", "footage", "cctv", r"clips?", r"body[- ]?cam", r"body[- ]worn", "bwv", r"helmet[- ]?cam",
              r"dash[- ]?cam", r"doorbell (?:cam|camera|footage|video)", "reel", "live stream")
RETWEET = words("rt", r"(?<!\d )retweet\w*", r"re-tweet\w*", r"quote[- ]tweet\w*", r"qt", r"share (?:their|this|that|the|a|an|@\w+\W?s?|\w+(?:'s|’s)) (?:[\w'’@-]+ ){0,2}?(?:post|tweet|appeal|video|thread|update)s?",
                r"repost\w*")
REACH = words(r"(?:\d[\d,.]*k?|loads|lots|hundreds|thousands|dozens|tons|masses|a lot|a load|a few|plenty|so many|many|more) (?:of )?"
              r"(?:retweets|reposts|shares)",
              r"(?:been |being |got |getting |was |were )?(?:retweeted|reposted|shared) (?:\d[\d,.]*k?|loads|lots|hundreds|thousands|"
              r"dozens|a lot|widely|everywhere|all over)(?: of)?(?: times)?")
"""How far a post has travelled ("it's had loads of retweets", "shared hundreds of times"): other people's sharing, not a
retweet of ours."""
_PRIVATE_PERSON = (r"(?:local |random |angry |concerned |young |elderly |old )?(?:residents?|members? of the public|bloke|man|woman|lad|"
                   r"girl|guy|person|someone|somebody|neighbou?rs?|locals?|influencers?|parents?|mum|dad|shopkeepers?|victims?|witness(?:es)?|"
                   r"passer-?by|motorists?|cyclists?|user|account holder)")
_PRESS = rf"(?:local |online )?(?:{NEWS_OUTLET}|news ?(?:sites?|websites?|outlets?)|newspapers?|journalists?|reporters?|magazines?|blogs?|bloggers?|the press)"
_PRESS_ITEM = r"(?:articles?|pieces?|stor(?:y|ies)|reports?|write-?ups?|coverage|headlines?)"
UNCOVERED_SOURCE = words(rf"(?:a|an|one|this|that|the|some)?\s*{_PRIVATE_PERSON}(?:'s|’s|s'|s’) (?:\w+ )?(?:posts?|tweets?|videos?|clips?|threads?|"
                         r"comments?|repl(?:y|ies)|footage|photos?)",
                         rf"(?:posts?|tweets?|videos?|clips?|threads?|comments?) (?:from|by) (?:a|an|one|this|that|the|some) {_PRIVATE_PERSON}",
                         # the press's: "the local paper's article", "a piece in the Gazette", "the news site ran a story"
                         rf"{_PRESS}(?:'s|’s|s'|s’) (?:\w+ )?(?:{_PRESS_ITEM}|posts?|tweets?|threads?|videos?|clips?)", rf"{_PRESS} (?:\w+ )?{_PRESS_ITEM}",
                         rf"{_PRESS_ITEM} (?:from|by|in|on) (?:a |an |the |this |that )?{_PRESS}",
                         rf"{_PRESS} (?:ran|runs|has run|published|wrote|did|has done|put out|posted) (?:a |an |the |their |its )?(?:\w+ )?{_PRESS_ITEM}")
"""Whose post is shared, when the table's retweet row does not cover it: a private person's ("a local resident's post", "a
tweet from a member of the public") or the press's ("the local paper's article", "a piece in the Gazette")."""
OWN_WORDS = words(r"quote[- ]?(?:tweet|rt|retweet)\w*", "qt", r"(?<!not )(?<!n't )(?<!without )add(?:ing)?\b(?! (?:nothing|anything)\b)",
                  r"with (?:our|my) own", r"with (?:a |an |our |my )?(?:comment|caption|line|message|note)\b", r"with ['\"‘“]", "on top",
                  r"(?:our|my) own (?:post|tweet|version|update|thread|write-?up)s?", r"instead of (?:an? )?(?:rt|retweet)\w*",
                  # a post of our own asked for beside the share: "may we post the diversions too, and RT theirs?"
                  r"(?:can|could|may|should|shall) (?:i|we) (?:also |just |then |still )?(?:tweet|post|put (?:out|up)|publish|write)\b"
                  r"(?!\s+(?:it|this|that|them|theirs|their|the\s+[\w@-]+(?:'s|’s)|an? link|the link|links)\b)")
"""Words of the force's own put with a shared post, a post of its own written in place of sharing, or one asked for beside
it: "quote-tweet it with our numbers", "RT and add the cordoned roads", "we'll write our own tweet rather than share theirs",
"can we post the diversions, and RT the council?"."""
MEDIA_AS_SOURCE = re.compile(r"\b(?:heard|saw|seen|read|caught|watched|watching|listening to|listened to)(?: (?:it|that|this|about it))?"
                             r" (?:on|in) (?:the )?(?:local )?(?:radio|telly|tv|television|news|paper|papers)\b", re.I)
"""'Heard on the radio someone's escaped', 'saw it on the news': where the asker learnt something, not speaking to the media."""
BROADCASTERS = r"bbc|itv|sky|lbc|channel \d|talksport|times radio|capital|heart|five live|\w+ fm"
"""Broadcasters by name, shared with the scope step's reading of press contact."""
JOURNALIST = words(r"journalists?", r"reporters?", "the press", r"(?:local )?papers?", r"newspapers?", rf"(?:{BROADCASTERS})(?: \w+)?",
                   "radio", "news desk", "the standard", "evening standard", r"media enquir\w*", r"press enquir\w*",
                   r"the media(?! (?:consent|release|permission|waiver)s?)",  # a media consent form is about a picture, not the press
                   "news crew", "film crew", "camera crew", "a tv crew", "press conference", r"doorstepp\w*", r"doorstep (?:me|us|him|her|them|you)", r"interview\w*",
                   r"podcasts?", r"documentar(?:y|ies)", "youtube", r"vlogs?", "tv", "television", r"phone-?ins?",
                   r"(?:radio|tv|breakfast|drivetime) (?:slot|show|programme|segment)",
                   rf"\w+ (?:{NEWSPAPER_TITLES})",
                   # a paper known by the word that names it: "the News Shopper", "the Ham & High Express"
                   rf"the (?:[\w&'’-]+ ){{0,2}}?{PAPER_NAME}\b",
                   # a paper or programme the reader does not know by name, known by what it asks for: "a comment from us for their feature"
                   r"(?:a |an )?(?:quote|comment|interview|few words|line) from (?:me|us|you|him|her|the \w+) for (?:a|an|their|the|his|her|its|this|next) "
                   r"(?:[\w'’]+ ){0,2}?(?:piece|article|feature|story|write-?up|report|column|segment|programme|show|episode|edition|issue)",
                   # or by a call that asks for words from us: "the Tooting Clarion phoned after a comment"
                   r"(?:rang|rung|called|phoned|emailed|messaged|been in touch)\s+(?:\w+\s+){0,3}?(?:wanting|asking for|after|looking for|for)\s+"
                   r"(?:a |an |some )?(?:quick |short |brief )?(?:quote|comment|statement|few words)")
SPEAKING = words(r"speak\w*", r"talk\w*", "say", r"comment\w*", r"quote\w*", "give", r"tell\w*", "asked", r"rang", r"ring\w*", r"called",
                 r"phoned", r"emailed", r"contacted", r"approached", r"interview\w*", r"doorstepp\w*", r"doorstep (?:me|us|him|her|them|you)", r"answer\w*", r"respond\w*",
                 r"confirm\w*", "on camera", "on air", "on the record", "off the record", "statement", r"chat\w*", "a few words",
                 r"(?:offered|invited|booked|want|wants|asked) (?:me|us|you|him|her) (?:\w+ ){0,3}?(?:on|minutes|a slot|a spot|to come|to appear)",
                 # appearing oneself: "I'm on BBC Radio London tomorrow", "a line from me"
                 rf"(?:i'm|im|i am|i'll be|i will be|we're|we are) (?:going )?on (?:the )?(?:\w+ ){{0,2}}?(?:{BROADCASTERS}|radio|tv|telly|television|air)",
                 r"(?:a |the )?(?:line|quote|comment|statement|few words) from (?:me|us)")
ALREADY_POSTED = words(
    r"already (?:posted|tweeted|put (?:it|this|that|one) (?:out|up)|shared|published|uploaded|sent)",
    # "we put it up on Monday", not "could we put this up?" or "if we shared it": a post asked about is not yet made
    r"(?<!can )(?<!could )(?<!should )(?<!shall )(?<!may )(?<!might )(?<!must )(?<!will )(?<!would )(?<!if )(?<!to )"
    r"(?:i|we|he|she|they|someone|somebody|the team|a colleague|my colleague|the pcso|the sergeant) (?:has |have |had |'ve |just )?"
    r"(?:posted|tweeted|put (?:it |this |that |a post |a tweet )?(?:out|up)|shared|published|uploaded)",
    r"(?:has|have|had|'ve) (?:already )?(?:been )?(?:posted|tweeted|put up|put out|shared|gone out|gone up|published)",
    r"(?:it's|it is|its) (?:already )?(?:up|out|live) (?:already|now|on)", "went out (?:this|last|yesterday)",
    r"should i (?:delete|take down|remove)", r"(?:delete|take down|remove) (?:it|the post|the tweet|my post|my tweet)",
)
REPLY_TO_COMPLAINT = words(r"(?:repl\w*|respond\w*|answer\w*) (?:\w+ ){0,5}?complain\w*", r"complain\w* (?:\w+ ){0,6}?(?:repl\w*|respond\w*)")
REPLY_TO_SOMEONES_POST = words(r"(?:repl\w*|respond\w*|answer\w*|comment\w*) (?:\w+ ){0,2}?(?:under|to|on|in) (?:her|his|their|the|that|this|a) "
                               r"(?:[\w-]+ )?(?:tweets?|posts?|comments?|threads?|videos?|reviews?|messages?)\b", r"(?:in|into) the (?:replies|comments)")
CLAIM_ABOUT_US = words(r"(?:tweet\w*|post\w*|say\w*|said|claim\w*|reckon\w*|writ\w*|wrote|accus\w*|call\w*)(?:(?: [\w'-]+){0,5}? that)? "
                       r"(?:we|us|the police|police|officers|the met|cops|(?:our|your|you) (?:officers|team|lot|pcs?|pcsos?))\b")
PRAISE = words(r"thank\w*", r"legends?", "brilliant", "amazing", "fantastic", "well done", "great job", "grateful", r"compliment\w*", r"prais\w*",
               "kind words", "lovely")


def _replies_to_a_complaint(text: str) -> bool:
    """A reply to a complaint, however it is told: to one that says so, or to someone's post that says what we or our officers
    did or failed to do ("he's posted that our officers never turned up — may I answer in the comments?") — unless the post
    praises us."""
    complaint = REPLY_TO_COMPLAINT.search(text) or (REPLY_TO_SOMEONES_POST.search(text) and CLAIM_ABOUT_US.search(text))
    return bool(complaint) and not PRAISE.search(text)

_SELF = (r"(?:(?:i'm|im|i am|as|me|speaking as|from:?|this is)\s+(?:a |an |the |your |our )?|^\s*|(?:hi|hello|morning|evening),?\s+"
         r"|(?:i'm|im|i am|speaking as|this is)\s+(?:a|an|the|your|our)\s+(?:[\w'-]+\s+){1,2}?)"
         r"(?:duty |acting |temporary |temp |local |new |ward |snt |neighbourhood |response |borough )*")
"""How the asker says who they are ("I'm the new ward sergeant", "as a PCSO", "I'm the Lambeth neighbourhoods Insp")."""
BELOW_INSPECTOR = words(_SELF + r"(?:pc|police constable|constable|pcso|special(?: constable)?|sgt|ps|a/ps|sergeant|sarge|dc|ds|"
                        r"detective constable|detective sergeant|response officer|probationer|student officer|officer on the ward)")
INSPECTOR_OR_ABOVE = words(_SELF + r"(?:inspector|insp|ch insp|c/insp|ch/insp|ci|chief inspector|superintendent|supt|chief superintendent|ch supt|"
                           r"commander|di|dci|detective inspector|detective chief inspector|bcu commander|borough commander|"
                           r"dsu|detective superintendent)")
STAFF = words(_SELF + r"(?:civilian|police staff|member of staff|staff member|comms officer|communications officer|press officer|"
              r"admin|band \w)")

PUBLIC = words(
    r"already (?:been )?(?:public|out|reported|published|announced|released|covered|run|in the (?:press|papers|news|public domain)|"
    r"on (?:the )?(?:met website|news|bbc|twitter|facebook))", "in the public domain", r"(?:is|are|it's|it is|now) public",
    r"already (?:put|posted|shared|tweeted|published|announced|advertised|printed|mentioned)(?: (?:it|this|that|them|the \w+))? "
    r"(?:in|on|out|up)\b",
    r"publicly (?:announced|available)", r"(?:standard|evening standard|bbc|itv|sky|local paper|local press|papers|press|news|"
    r"media|journalists?)(?:'s| has| have| had)? ?(?:already )?(?:run|covered|reported|published|got|has|picked up)",
    r"(?:on|in) the (?:met website|standard|evening standard|local paper|news|papers|press)", r"press release (?:has )?(?:gone|went) out",
    r"@metpoliceuk (?:has |have )?(?:tweeted|posted)", r"dmc (?:has |have )?(?:already )?(?:put out|released|published|tweeted)",
    r"all over (?:facebook|twitter|social media|the news|the papers)", "widely reported",
    rf"{NEWS_OUTLET}(?:'s| has| have| had)? ?(?:already )?(?:ran|carried|printed|did a (?:piece|story)|wrote (?:it )?up)\b",
    r"(?:it's|its|it is|it was|it went|now|already) (?:been )?(?:up|out) (?:on|in) (?:the )?(?:\w+(?:'s)? )?(?:news ?site|website|news|papers?|"
    r"telly|tv|radio|twitter|x|facebook|instagram|press|paper)",
)
NOT_PUBLIC = words(
    r"not (?:yet )?(?:been )?(?:public|released|announced|published|reported|out|in the (?:press|papers|news|public domain))",
    r"(?:hasn't|has not|haven't|have not|hasnt|havent) (?:yet )?(?:been )?(?:put anything out|released|announced|published|"
    r"reported|gone out|been in the (?:press|papers|news)|made public|gone public|authori[sz]ed|approved|signed (?:it )?off|cleared)", r"not gone public", r"before (?:it's|it is|it has been|dmc|the press|anyone) ",
    r"ahead of (?:the )?(?:launch|announcement)", r"embargo\w*", "not public", "nobody knows", "no one knows", "under wraps",
    rf"before (?:the )?(?:\w+ ){{0,2}}?(?:{NEWS_OUTLET}|press|media|news|journalists?|reporters?) "
    r"(?:gets?|has|have|runs?|reports?|picks?|hears?|finds?|catch(?:es)?)\b",
    r"(?:hasn't|has not|not) been in the (?:press|papers|news)",
    r"(?:nothing|nowt|none of it)(?:'s|’s| has| have)? (?:yet )?(?:been )?(?:gone out|put out|released|announced|published|posted|out)",
    r"(?:don't|doesn't|do not|does not|aren't|are not|isn't|is not|not|never|wouldn't|would not) (?:\w+ )?(?:want\w*|keen|happy|ready)"
    r"(?: \w+){0,4}? (?:public|publicity|posted|shared|named|out there|publicised|online)",
    # asked to hold it back: "asked us to keep it quiet till it starts", "keep this to ourselves"
    r"(?:keep|kept|keeping) (?:it|this|that|them|things) (?:quiet|hush[- ]hush|to ourselves|to yourselves|between us|confidential|"
    r"secret|off (?:social media|the record|line))",
)
NOT_YET_ANNOUNCED = words(
    r"launch(?:es|ing)", "will launch", r"go(?:es)? live", r"trail(?:ing)? it", "start trailing", "upcoming",
    r"going to launch", r"ahead of (?:the|it|them)", r"before (?:the|it|they) (?:go|goes|happen|happens|start)",
)
"""Someone's launch or announcement that has not happened yet is not public either — unless the question says outright that
it already is."""
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thurs?|fri|sat|sun)"
FUTURE = words(r"next (?:week|month)", "tomorrow", "tonight", "in advance", "beforehand", r"going to (?:run|start)", "this week",
               rf"this (?:{_WEEKDAY}|weekend)",
               "later this week", r"(?:planned|scheduled|booked|set) for", "coming up",
               # an operation dated ahead: "going in Thursday at 6am", "goes ahead on Friday"
               rf"(?:going|goes|go|will go|due to go) (?:in|ahead) (?:on |this |next )?{_WEEKDAY}")
SURPRISE = words(r"(?:dawn |drugs? )?raids?", "raiding", r"(?:search |drugs? )?warrants?", r"doors? (?:going|go|will go) in", "swoops?",
                 r"strike (?:day|op|operation)",
                 # officers out of sight: told where and when, they are looked for
                 r"plain[- ]?cloth\w*", "undercover", r"covert\w*")
"""Enforcement that only works unannounced: told in advance it tips off its targets, so it is not public (red). Our own
patrols, speed checks and joint days told in advance are publicity (amber: ask DMC)."""


AHEAD_OF_ANNOUNCEMENT = words(r"(?:to |and |so we |so i |can |could |we'd |i'd )?(?:get|getting|be|stay) (?:in )?(?:ahead|first)\b(?! of (?:the )?(?:weather|traffic|rush|crowds?|queues?|christmas|winter|summer))",
                              r"(?:a |an |our |the )?(?:scoop|exclusive)\b", r"beat (?:the )?(?:papers|press|news|council|dmc|met|media|bbc|standard|locals?)",
                              r"(?:break|breaking) (?:it|the news|this) (?:first|before)",
                              # news that is someone's to announce and not yet announced: posting it is getting ahead of them
                              r"(?:hasn't|has not|haven't|have not|isn't|is not|wasn't|not) (?:yet |even )?(?:been )?(?:officially |formally )?"
                              r"(?:announced|launched|unveiled)\b",
                              r"before (?:the )?(?:council|dmc|the met|press office|press bureau|they|the papers|the press|partners?|"
                              r"the mayor|tfl|the nhs|the school|the family) (?:\w+ )?(?:announce|publish|put|release|go|say|tell|confirm)\w*")
"""Posting before the body whose news it is has announced it ("to get ahead", "a scoop", "before the council announce it")."""


def read_publication(text: str, rank: Rank | None = None) -> Publication:
    """`text` is the normalised question with negated mentions blanked; `rank` given by the caller wins."""
    text = MEDIA_AS_SOURCE.sub(" ", text)
    media: set[Medium] = {"text"}
    if PHOTO.search(text):
        media.add("photo")
    if VIDEO.search(text):
        media.add("video")
    if RETWEET.search(REACH.sub(" ", text)):
        media.add("retweet")
    if JOURNALIST.search(text) and SPEAKING.search(text):
        media.add("quote_to_journalist")
    if _replies_to_a_complaint(text):
        media.add("reply_to_complaint")
    if ALREADY_POSTED.search(text):
        media.add("already_posted")
    public: Public = "not_public" if NOT_PUBLIC.search(text) else "public" if PUBLIC.search(text) \
        else "not_public" if NOT_YET_ANNOUNCED.search(text) or (FUTURE.search(text) and SURPRISE.search(text)) else "unknown"
    return Publication(media=frozenset(media), rank=rank or read_rank(text), public=public,
                       ahead_of_announcement=bool(AHEAD_OF_ANNOUNCEMENT.search(text)),
                       shares_an_uncovered_source="retweet" in media and bool(UNCOVERED_SOURCE.search(text)),
                       adds_own_words="retweet" in media and bool(OWN_WORDS.search(text)))


_SPEAKER = r"(?:can|could|should|may|will|would) (?:my|our|the|a|one of (?:my|our|the)) "
_WILL_SPEAK = r"\s+(?:do|speak|talk|give|go on|handle|front|take)"
BELOW_INSPECTOR_SPEAKS = words(_SPEAKER + r"(?:pc|pcsos?|constables?|specials?|sgt|sergeant|sarge|dc|ds|officers?|response officers?)" + _WILL_SPEAK)
INSPECTOR_SPEAKS = words(_SPEAKER + r"(?:inspector|insp|ch insp|chief inspector|superintendent|supt|commander|di|dci)" + _WILL_SPEAK)
"""Someone else to speak in the asker's place ("can my PCSO do it instead?"): their rank is the one that counts."""


def read_rank(text: str) -> Rank | None:
    """The rank of whoever will speak or post: someone put forward in the asker's place, or the asker's own rank
    when the question gives it ("I'm a PC", "as the duty inspector", "PCSO here", "Ch Insp. …")."""
    if BELOW_INSPECTOR_SPEAKS.search(text):
        return "below_inspector"
    if INSPECTOR_SPEAKS.search(text):
        return "inspector_or_above"
    if INSPECTOR_OR_ABOVE.search(text):
        return "inspector_or_above"
    if BELOW_INSPECTOR.search(text):
        return "below_inspector"
    if STAFF.search(text):
        return "staff"
    return None
