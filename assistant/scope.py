"""Step 3: is the question about what may be said or posted, the force's media policy or press lines?

Also reads what kind of question it is: may I post this (`posting`), what is the line (`press_line`),
help me prepare for an interview (`interview`), or a question about the documents (`informational`).
"""

import re
from typing import Literal

from .contact_request import ASKS_HOW_TO_REACH
from .readers.publication import BROADCASTERS, JOURNALIST, MEDIA_AS_SOURCE, NEWSPAPER_TITLES
from .rules import words

Intent = Literal["posting", "press_line", "interview", "informational"]

IN_SCOPE = words(
    r"tweet\w*", "twitter", r"retweet\w*", r"post(?:s|ed|ing)?", r"publish\w*", "social media", "facebook", "instagram",
    "tiktok", "nextdoor", "whatsapp", r"accounts?", "press", "media", r"(?:camera|tv) crews?", "television", "fly-on-the-wall",
    r"production compan(?:y|ies)", r"journalists?", r"reporters?", r"newspapers?",
    r"(?:the|local) papers?", "pnc", "cris", "bbc", "itv", "sky news", "the standard", r"statements?", r"interview\w*", r"lines?", r"comment\w*",
    r"releas\w*", r"announc\w*", r"appeals?", "name", r"naming", r"photos?", r"images?", "cctv", "footage", r"videos?",
    "share", r"put (?:it |that |this |one |something |them )?(?:out|up)", r"repl(?:y|ies|ying)", "respond", "dm",
    "direct message", "mention", r"advertis\w*", r"publicis\w*", "publicity", "rag", "green", "amber", "dmc",
    "press bureau", "press office", "dpa", "spoc", "super-users?", "legal services", "contempt", "anonymity",
    r"defam\w*", r"libel\w*", "reporting restrictions?", "court order", "stop and search", "stop & search",
    r"searches", "charter", "engagement", "monitoring groups?", r"cmgs?", "know your rights", "mopac", "mpa",
    r"promot\w*", r"press\w*", "chat to", "a few words", r"captions?", r"stor(?:y|ies)", "insta", "ig", "snapchat",
    "operation pennant", "body-worn", r"stop and search\w*", r"stop (?:and|&) searches", r"complain\w*", "threat level", r"elections?", "purdah", "next of kin",
    "factsheets?", "media policy", "key messages", "audiences?", r"section \d+", r"s\.\s?\d+", r"act \d{4}",
    r"say (?:about|to|on)", "what (?:do|should|can) (?:i|we) say", "ward panel", "ward account", "borough account",
    "community engagement", "directorate", "inspectors?", "stinger", "mugshot", "custody photo", "rtc",
    r"report(?:s|ed|ing)? (?:from|on|about)", r"(?:court|allocation|sending|misconduct) hearings?",
    r"(?:can|could|may|should) (?:i|we) (?:just |still |now |also )?(?:say|tell (?:them|people|him|her|residents|everyone|the public)|confirm|"
    r"let (?:people|them|residents|everyone) know|reassure|warn (?:people|residents|everyone|the public)|update (?:people|residents|everyone))",
)

# "plus a line on shed security", "a line like 'Fancy volunteering?'", "a few lines about ice": wording of the asker's own post,
# not a press line
PRESS_LINE = words(r"(?:press|holding|approved|current|reactive|proactive|media|agreed) lines?", r"(?<!own )(?<!plus a )(?<!and a )(?<!with a )(?<!add a )(?:lines? (?:on|for|if|when)|(?<!couple of )(?<!few )lines? about)(?! (?:the )?(?:top|end|bottom)\b)",
                   r"(?<!plus )(?<!and )(?<!with )(?<!add )(?<!adding )(?<!include )(?<!including )(?:the|a|our|any) lines?\b"
                   r"(?!\s+(?:of|like|asking|saying|telling|reassuring|thanking|warning|reminding|to say|that|at the end|on the end)\b)", "what (?:do|should|can) (?:we|i) say (?:about|on|to|if|when)",
                   "what do we tell", r"^\s*(?:and |what about |how about )?the one (?:on|about|for)\b", "and the one",
                   # the line to give a journalist who asked: "what line can I give?" ("what can I tell them?" may ask whether
                   # to speak at all, which is judged by rank like a post)
                   r"what (?:line|lines|wording) (?:can|should|could|may|shall|do) (?:i|we)\b")
GETTING_ACROSS = r"what (?:(?:main |key |important )?(?:points?|messages?|things?) )?(?:should|do|can|could|must|would) (?:i|we) (?:be )?(?:get|getting|put|putting) across"
"""'What should I be getting across?': asking for the messages to give."""
INTERVIEW = words(r"interview\w*", "key messages", GETTING_ACROSS, r"speak(?:ing)? to (?:the )?(?:media|press|journalists?|reporters?)",
                  "press conference", "on (?:the )?radio", "on (?:the )?telly", r"doorstepp(?:ed|ing)", "doorstep (?:me|us|him|her|them)", "briefing (?:the )?(?:media|press)")
POST_VERB = (r"(?:post|tweet|retweet|rt|put|share|publish|release|name|say|mention|reply|respond|start|add|use|give|thank|"
             r"advertise|confirm|do|stick|bang|upload|include|announce|trail|tell|pass|shout|promote|run|send|delete|still|schedule|"
             r"push|plug|boost|pin|feature|highlight)")
THIRD_PARTY = (r"(?:courts?|judges?|magistrates?|bench|cps|jury|juries|defence|press(?! (?:office|bureau|team))|media(?! (?:office|team|unit|desk))|papers?|newspapers?|"
               r"reporters?|journalists?|broadcasters?)")
"""Those whose doing is not the force's post: a court, the prosecution, the press."""
POSTING = words(
    # "can you list…", "could you explain…" ask the assistant for words, not leave to post
    r"(?:can|could|may|should|shall|must) (?:i|we|you(?! (?:please |just )?(?:list|explain|tell me|tell us|remind me|remind us|give me|give us|"
    r"summari[sz]e|outline|spell out|point me|describe|clarify|set out|run me through|walk me through)\b)|they)",
    # "can the ward page name…", not what a court, a jury or the press may do ("can the judge give the witness a screen?")
    rf"(?:can|could|may|should|shall) (?:the|our|my) (?!{THIRD_PARTY}\b)[\w-]+(?: [\w-]+){{0,4}}? {POST_VERB}",
    # a force account by its place name, no article: "can Crystal Palace ward share it?"
    rf"(?:can|could|may|should|shall) (?!(?:a|an|any|every|each|the|our|my|your|their)\b)(?:[\w'’-]+ ){{1,4}}?(?:ward|borough|snt|team|account|page)s? "
    rf"(?:also |just |now |then |still )?{POST_VERB}",
    rf"(?:ok|okay|alright|fine|safe|allowed|acceptable|good|too late|too early) to (?:just |also |then |now |still )?{POST_VERB}",
    # "can that go up as well?", "can the ward page link to…": a post or an account as the subject
    r"(?:can|could|may|should|shall) (?:that|this|it|they|these|those) (?:go|goes) (?:up|out|on|live)",
    rf"(?:can|could|may|should|shall) (?:the|our|my) (?:[\w-]+ ){{0,3}}?(?:account|page|feed|profile|channel)s? (?:also |just )?(?:{POST_VERB}|ask|link|advertise|appeal|warn|remind|show)",
    r"any reason (?:not to|(?:i|we) (?:can't|cannot|shouldn't|should not))", r"anything (?:(?:i|we) (?:need|have|should|ought|must) )?to (?:watch out for|be aware of|worry about|look out for)",
    r"(?:ok|okay|alright|fine|good|safe) to (?:go|tweet|post)", r"(?:ok|okay|alright|fine) for (?:the|our|my|me|us) ", "is it ok", "is that ok", "is this ok", "are we ok",
    rf"(?:happy|ok|okay|alright|fine|content) (?:for|with) (?:me|us|the team|our team) (?:to |going ahead and )?{POST_VERB}",
    r"(?:ok|okay)\s*\??\s*$", r"(?:still )?in time to (?:post|tweet|put)", r"worth a (?:tweet|post)", "any issues", "good to go",
    rf"(?:want|wanted|going|planning|hoping) to {POST_VERB}", r"do i (?:delete|reply|respond|post|tweet)", "what do i do",
    # a plan told with its subject left out: "Want to get something out before the bank holiday"
    r"(?:^|[.!?]\s+)(?:want|wanted|wanting|hoping|planning|going|need|needing) to (?:get|put|send|pop|bang|stick) (?:\w+ ){0,2}?(?:out|up)\b",
    "what should i do", r"(?:it's|is it|that's|so it's|it is) green", "give me a green", "mark this green", "classify as green",
    r"confirm it'?s green", r"tell me it'?s green", r"check (?:my|this) draft", r"^(?:post|tweet|draft)\s*:", r"post\s*:",
    "draft tweet", "draft post", "pass it on", "put one out",
    r"(?:is|are) (?:it|this|that|they) (?:fine|ok|okay|alright|allowed)",
)
OWN_POST_PLANNED = words(r"(?:i|we)(?: just| also| only| really)?(?:'ll| will| would|'d| am going to|'m going to| are going to|'re going to| want to| wanna| plan to|"
                         r"'d like to| would like to| need to| was going to| were going to) "
                         r"(?:also |just |then |probably )?(?:post|tweet|put (?:out|up)|share|publish|upload|mention|add|include|tag on|schedule|"
                         r"say|tell (?:people|residents|everyone|the public)|let (?:people|residents|everyone) know|warn|remind|"
                         r"do (?:a|an|the|our) (?:\w+ )?(?:post|tweet|thread|update|round-?up|appeal))",
                         r"(?:anything|something) (?:we|i) (?:can|could|should|may) (?:say|post|put out|tweet)",
                         r"(?:^\s*|(?:i'm|i am|we're|we are|im|currently|just)\s+)(?:writing|drafting|putting together|preparing|doing) "
                         r"(?:a|an|the|our|my|this|next|tomorrow's|this week's|the weekly|the monthly) (?:[\w'-]+ ){0,5}?(?:newsletters?|posts?|tweets?|threads?|"
                         r"piece|article|blog|bulletin|update|statement|leaflets?|flyers?|round-?up|e-?mail(?: to residents)?)\b")
"""The asker's own post described ("I'll post the times and…"), or a request for something to say: judged like a post,
whatever else the story mentions (a "line" to add, "doorstep crime")."""
FORCE_ACCOUNT = (r"(?:ward|borough|snt|team) (?:account|page)",
                 # an account named by its place: "via the Sydenham account", "on the Hainault page"
                 r"(?:from|on|via|through) (?:the|our|my) (?:[\w'-]+ ){1,2}?(?:account|page|feed|handle)s?")
"""A force account or page a post goes on: a place to publish, never IT talk ("a lost laptop for the SNT page")."""
EXPLICIT_POSTING = words(r"(?:can|could|may) (?:i|we)")
PUBLISHING = words(
    r"post(?:s|ed|ing)?", "sumthin", r"tweet\w*", "thread", r"retweet\w*", "rt", r"quote[- ]tweet\w*", r"shar(?:e|ed|ing)",
    r"publish\w*", r"announc\w*", r"mention\w*", "put in that", r"put (?:it |that |this |one |something |sumthin |a post |a tweet )?(?:out|up)",
    r"upload\w*", r"draft\w*", "facebook", "insta", "instagram", "twitter", "nextdoor", *FORCE_ACCOUNT,
    "social media", r"repl(?:y|ied|ies|ying)", r"respond\w*", r"(?:warn|ask|tell|remind|reassure|update|thank) (?:the )?(?:people|residents|"
    r"the public|neighbours|locals|followers|everyone|parents|shoppers|drivers|owners)", r"let (?:people|residents|everyone|the public) know",
    r"appeal\w*", r"sayin[g']?", r"(?:can|could|may|should) (?:i|we) (?:say|mention|add|include|tell people|put in)", r"(?:i|we)'ll (?:also )?(?:list|put|post|tweet|mention|say|add|include|share|name)",
    r"list (?:the|their|all the) (?:\w+ )?names", r"names?", "say that we", "a message", "a video", r"(?:a|the|my|our) (?:post|tweet|thread|update|story)",
    r"journalists?", r"reporters?", "the press", r"(?:local )?paper", "radio", r"comment\w*", r"quote\w*",
    r"documentar(?:y|ies)", r"film crews?", r"newsletters?", r"bulletins?",
    # "I want a reminder out tomorrow": a message got out, the verb left unsaid
    r"(?:a|an|the|our|my|this|that)\s+(?:\w+\s+){0,2}?(?:reminder|warning|message|notice|update|appeal|alert|post|tweet|statement)s?\s+(?:out|up)\b",
)
TAG_QUESTION = r"\b(?:is|was|would|will|could|can|should|do|does|did|has|have|are)n[’']?t (?:it|i|we|they|he|she|that|you|there)\s*\?+\s*$"
""""… would help, wouldn't it?", "… can't I?": a statement turned into a question asks for agreement, like "alright?"."""
HOW_IS_THIS = (r"how(?:'s|’s| is| does| do) (?:this|that|it|these)\b"
               r"(?=\s*(?:[?.!,]|$)|\s+(?:sound|sounds|look|looks|read|reads|seem|seems|come across|comes across|land|lands|for)\b)")
""""How's this for Monday?", "how does this sound": asking for approval of something shown, not about the documents ("how
does it compare with London?" asks about the documents)."""
NOT_A_STATEMENT_OF = r"(?<!\bis )(?<!\bare )(?<!'s )(?<!'re )(?<!\bbe )"
"""'Bullet points are fine.': a preference stated, not approval asked ("fine?", "is this fine", "alright." still ask)."""
_APPROVAL_WORD = r"(?:ok|okay|alright|fine|safe|allowed|good|sound ok|sound alright)"
ASKING = words(HOW_IS_THIS, TAG_QUESTION, r"what do (?:you|we) (?:think|reckon)", r"what(?:'s| is) your (?:view|take|opinion)", rf"{_APPROVAL_WORD}\s*\?+\s*$", rf"{NOT_A_STATEMENT_OF}{_APPROVAL_WORD}\s*[.!]*\s*$", r"or not\s*\?*\s*$",
               r"(?:go|go for it|green light)\s*\?+\s*$",
               r"(?:is|isn't|isnt|innit|right|yeah|yeh|no)\s*\?+\s*$", "thoughts", "any issues?", "any problems?",
               r"what now", r"what (?:do|should) (?:i|we) do", "is that (?:a problem|ok|okay|alright|fine|allowed)", "problem",
               r"anything (?:i|we) (?:need|should|ought|have) to (?:worry|watch|be careful|change|know|look out|think)\w*",
               r"(?:anything|something) (?:wrong|(?:i|we)(?:'ve| have) missed)", r"any (?:concerns?|red flags?)",
               # whether to go ahead, however said: "do we crack on?", "shall I just send it?", "good to go?", "anything to change?"
               r"(?:do|shall|should|can|could|may) (?:i|we) (?:just |still )?(?:crack on|go ahead|proceed|carry on|press on|push it out|"
               r"send it|get it out|put it (?:up|out)|do it|do that|run it|run with it|go with it|hit send|post it)\b[^?.!]{0,30}\?",
               r"good to go\s*\?", r"are we (?:good|ok|okay|alright|fine|safe)\b[^?.!]{0,20}\?",
               # a closing question that opens with the approval asked for: "Allowed from the ward account?", "OK for Friday?"
               rf"(?:^|(?<=[.!?\n])\s*)(?:(?:is|would) (?:it|that|this) )?(?:still |just |all |so )?{_APPROVAL_WORD}\b[^?.!\n]{{0,40}}\?+\s*$",
               r"anything (?:to|i should|we should|i need to|we need to) (?:change|fix|add|remove|cut|tweak|reword)\b[^?.!]{0,20}\?",
               )
THINKING_OF = (r"(?:(?:i|we)(?:'m|'re| am| are) )?thinking (?:(?:of|about) \w+ing\b|(?:of |about )?(?:a|an) (?:[\w-]+ ){0,3}?"
               r"(?:video|post|tweet|thread|reel|graphic|poster|leaflet|clip|message|appeal|update|story)s?\b)")
"""'Thinking of pinning a post', 'thinking a short video for the ward page': a plan told, like "I want to"."""
PLANNING = words(r"(?:i|we)(?: want| wanna| would like|'d like|'m going| am going|'re going| are going| plan| intend|'m planning|"
                 r" am planning|'re planning| are planning) to",
                 THINKING_OF,
                 r"(?:i|we)'ll (?:also )?(?:put|post|tweet|mention|say|add|include|use|tag|name|list|share|do)",
                 "going to (?:post|put|tweet|say|mention|add|share)", "doing a", "making a")
QUESTION_MARK = re.compile(r"\?\s*$")
SIGN_OFF = r"(?:\s+[^?.!\n]{1,40}[.!]*)?"
"""A short sign-off after a question mark ("Night shift, Ealing.", "Ta!", "Just the headings")."""
ENDS_ASKING = re.compile(rf"\?{SIGN_OFF}\s*$")
"""Ends with a question, or with a question and a short sign-off after it ("…? Night shift, Ealing.", "…? Ta!")."""
ELLIPTICAL_POST = words(r"^(?:(?:and|also|plus|quick|short|little|a|one|another|new|thank[- ]you|fb|facebook|ward|snt|insta|twitter)[ -]){0,3}"
                        r"(?:tweet|post|thread|retweet|rt|thank[- ]you|shout[- ]?out|reminder|welcome)\b",
                        r"(?:^|(?<=[.!?])\s*)(?:\w+\s+)?(?:account|page|feed|ward|borough|snt|team)\s+(?:post|tweet|update|appeal)\b[^.!?]*\?\s*$",
                        r"(?:^|(?<=[.!?])\s*)(?:tweet|post|retweet|rt|share|put out|put up|publish|stick|bang|pop) (?:it|this|that|them|one)\b[^.!?]*\?\s*$",
                        r"(?:post|tweet|put out|put up|do) (?:sumthin|something|summat|a post|a tweet|a line|a message|a thread)",
                        r"(?:post|tweet|thread) (?:sayin[g']?|telling|asking|to say)",
                        # a bare instruction as the last sentence, quoted words in it too: "Tweet from the ward feed w 'road shut'?"
                        r"(?:^|(?<=[.!;,])\s*)(?:post|tweet|retweet|rt|share|put (?:out|up)|publish)(?:\s+(?:[\w'’\"“”-]+\s+){0,6}?[\w'’\"“”-]+)?\s*\?+\s*$",
                        r"(?:tweet|post|rt|retweet|thread|update)\s*(?:then|yeh|yeah|yes|ok|okay|alright|innit|mate|pls|please)?\s*\?+\s*$",
                        # something added to the post, asked as a bare instruction: "put the link at the bottom too?"
                        r"^(?:(?:and|also|plus|oh and)\s+)?(?:put|add|stick|pop|chuck|include|tag|mention)\s+(?:the|a|an|our|my|in|on|them|him|her)\b"
                        r"[^.!?]*\?+\s*$")
ALREADY_DONE = words(r"(?<!anything )(?<!everything )(?<!whatever )(?<!something )(?<!what )"
                     # not what we publish in general: "must the court approve whatever we put out?"
                     r"(?:i|we|he|she|they|someone|a colleague) (?:have |has |had |'ve |just )?(?:already )?(?:posted|tweeted|retweeted|"
                     r"named|shared|published|put (?:out|up)|replied|quote[- ]tweeted)", r"already (?:posted|tweeted|put|shared|published)",
                     r"(?:i|we) (?:did|gave|have given|'ve given|have done|'ve done|just did) (?:a |an )?(?:\w+ ){0,2}(?:interview|quote|comment|statement)",
                     r"(?:i|we) (?:spoke|talked|chatted) to (?:a |an |the )?(?:\w+ )?(?:press|media|journalists?|reporters?|paper|radio)")
GIVING_TO_THE_PRESS = words(r"(?:we|i) (?:can|could|should|may) (?:give|tell|confirm|pass|release|send|hand) "
                            r"(?:him|her|them|the (?:paper|press|reporter|journalist|media))\b",
                            r"(?:give|tell|confirm|pass|release|send|hand)\w* (?:him|her|them|it to) (?:the |a )?(?:\w+ )?(?:address|name|details)")
PRESS_CONTACT = words(r"(?:journalists?|reporters?|(?:local )?papers?|newspapers?|radio|tv|telly|news desk|press|media|"
                      rf"(?:{BROADCASTERS})(?: \w+)?|"
                      rf"\w+ (?:{NEWSPAPER_TITLES}|news|post))\s+"
                      r"(?:\w+\s+)?(?:wants?|wanted|asked|asking|rang|rung|called|emailed|messaged|contacted|approached|doorstepped|"
                      r"is doing|are doing|would like|want|offered|invited|have offered|have asked|has asked|have invited|booked)")
"""The press asking for something: what to say back is judged like a post."""
FIRST_PERSON = words("i", "we", "me", "us", "my", "our", "i'll", "we'll", "i'm", "we're", "i've", "we've", "i'd", "we'd")
IN_GENERAL = re.compile(r"\b(?:ever|in general|generally|normally|usually|the rules?|are we protected)\b")
"""Words that ask how things stand in general, not about one post ("can anyone ever name him?")."""
GENERAL_QUESTION = re.compile(r"^\s*(?:if|since|are|is|can (?:a|an|the|police|officers|boroughs)|do|does|should (?:a|an|the|police|officers))\b"
                              # a later sentence asking what someone else must do with whatever we publish ("… next week. Does
                              # the court approve whatever we publish?"), not with this post ("Does anyone have to see it first?")
                              r"|(?<=[.!?])\s+(?:does|do) (?:the|a|an|dmc|anyone|someone|every|each)\b"
                              r"(?![^.!?]*\b(?:check|see|approve|sign|look|clear|read|vet|ok|okay)\w*\s+(?:off\s+|over\s+|at\s+)?"
                              r"(?:it|this|that|these|them|my|our)\b)"
                              rf"|{IN_GENERAL.pattern}")
ASKS_FOR_WORDING = words(r"lines?", "wording", "form of words",
                         r"what (?:do|should|can|could|shall|may) (?:i|we) (?:\w+ly |just )?(?:be )?(?:say|saying|tell|telling)\b",
                         r"(?:is|are) there (?:an? |any )?(?:approved|agreed|standard)")
COURTESY = r"(?:(?:please|sorry|hi|hello|hey|excuse me|quick (?:one|question))\s*[,!:.-]?\s+)?"
"""'Please, how many…', 'Sorry, who…': a courtesy before the question does not change what is asked."""
CONTINUING = r"(?:(?:and|also|oh and|plus|so)\s*,?\s+)?"
"""'And what's the number…', 'Also, who…': a word that joins the question to an earlier thought does not change what is asked."""
FRAMING = r"(?:(?:for|in) (?:[\w'’-]+ ){1,3}?(?:purposes|terms|law)\s*,?\s+|legally(?: speaking)?\s*,?\s+|in law\s*,?\s+)?"
"""'For contempt purposes, does…', 'Legally, when…': a framing before the question that leaves it a question."""
LEAD_IN = r"(?:(?:[\w'’]+[ ,]+){0,7}[\w'’]+\s+[-–—]\s+)?"
"""'Before the refresher tomorrow - who…', 'Sanity check for a new starter – does…': a few words set off by a dash before the
question leave it a question."""
INFORMATIONAL_START = re.compile(rf"^\s*{LEAD_IN}{COURTESY}{CONTINUING}{FRAMING}(?:remind me|who|whose|what|what's|whats|which|why|when|where|(?!{HOW_IS_THIS})how|does|do|did|is there|are there|"
                                 r"explain|tell me|give me|list|define|describe)\b")


QUOTED_DRAFT = re.compile(r"^\s*(?:for (?:the |our |my )?(?:[\w']+ )?(?:instagram|insta|ig|twitter|x|facebook|fb|tiktok|nextdoor|(?:ward|borough|snt|team) (?:account|page|feed))"
                          r"(?: story| post| reel)?(?:\s+\w+){0,2}\s*:)|caption(?:ed)?\s*:?\s*['\"“‘]|"
                          r"^\s*(?:draft|post|tweet|rt|quote[- ]tweet)(?: tweet| post)?\s*[:\-–—]|:\s*['\"“‘]|(?:post|tweet|say|put out|rt|share)\s+(?:this|that)?\s*:?\s*['\"“‘]")
DEVICE = (r"(?:(?:my|our|the|a) )?(?:\w+ )?\w*(?:radio|handset|phone|laptop|tablet|pda|terminal|computer|body-?worn(?: camera| video)?|bwv|"
          r"kit|car|van|app|screen)")
_DEVICE_TALK = (
    rf"{DEVICE}(?: \w+){{0,2}}? (?:(?:keeps|kept|is|just|now) )?(?:saying|showing|displaying|flashing|says|shows|displays|say)"
    r"(?: (?:['\"“‘][^'\"”’]*['\"”’]|[\w ]*?(?:error|fault|expired|locked|blocked|failed|invalid)\b))?",
    rf"{DEVICE}(?: (?:keeps|kept|is|isn't|won't|has|always|just)(?: \w+)?)? (?:dropping|cutting|crashing|freezing|broken|not working|"
    r"faulty|playing up|dying|failing|down|out of battery|losing signal|stopped \w+ing|stops \w+ing)",
)
DEVICE_TALK = words(*_DEVICE_TALK)
"""A device at fault or telling its user something ("my phone keeps saying 'account locked'", "radio not working", "the
laptop stopped charging"): IT, and neither the device ("radio") nor its words ("account") are the media or a post."""


def without_device_talk(text: str) -> str:
    return DEVICE_TALK.sub(" ", text)


_OFFICERS = r"(?:police|officers|(?:a|an|the) (?:pcso|pc|special|officer|constable|sergeant)s?|pcsos|specials)"
OFF_TOPIC = words(
    *_DEVICE_TALK,
    "pace", r"powers? of (?:arrest|entry|search)", r"(?:section|s\.?)\s?\d+\w? (?:pace|of pace|of the (?:theft|public order|misuse of drugs|police))",
    # a police power used on someone by its section: "a section 35 direction", "s.59 warnings" (not a court's reporting
    # order, nor a stop-and-search authorisation, which the force's media documents cover)
    r"(?:section|s\.?)\s?\d+\w?(?:\(\d+\))? (?:warnings?|notices?|directions?|dispersals?|seizures?)",
    "caution wording", "the caution", r"overtime", r"(?:my|our) pay", "payslip", r"pay (?:rise|award|scale|claim)", "back pay", "annual leave", r"leave (?:request|form|booking)", "rota",
    r"shift (?:swap|pattern|change)", "pension", r"promotion (?:exam|board|process)", r"uniform (?:order|stores)", "laptop", "password",
    "printer", "vpn", "helpdesk", r"locks? (?:me|us|him|her) out", "locked out", r"pin(?:'s| is| has)? (?:expired|blocked|locked|reset)",
    "it help", "sick leave", "expenses", "mileage", r"(?:expense|travel|mileage) claims?", "lieu", r"training course", "fitness test", r"sergeants? exam",
    r"what(?:'s| is| are) the (?:[\w-]+ )?(?:law|offences?|sentence|penalty|penalties) (?:on|for|if|when)",
    r"(?:max|maximum) (?:penalty|sentence)", "is it (?:an offence|illegal|legal) to",
    # a power asked of the asker or of a law: "can PCSOs detain", "does s.165 let me seize", "what power lets a PCSO detain"
    rf"(?:can (?:i|we|{_OFFICERS})|(?:lets?|allows?) (?:me|us|{_OFFICERS})(?: to)?|(?:which|what) powers? (?:\w+ ){{0,5}}?to) "
    r"(?:arrest|search|detain|seize|stop|hold|require|demand|handcuff|restrain|issue|fine)\b(?! and search)",
)
MEDIA_CUE = words(
    r"tweet\w*", "twitter", r"post(?:s|ed|ing)?", r"publish\w*", "social media", "facebook", "instagram", r"press\b", "media",
    r"journalists?", r"reporters?", r"newspapers?", "bbc", r"statements?", r"interview\w*", r"comment\w*", r"releas\w*",
    r"announc\w*", r"appeals?", "contempt", "anonymity", "reporting restrictions?", "privacy", r"disclos\w*", "dmc",
    "press bureau", "press office", r"account", r"name (?:him|her|them|the)", r"photos?", "footage", "cctv",
    r"newsletters?", r"bulletins?", r"leaflets?", r"flyers?", *FORCE_ACCOUNT,
)


NOT_FOR_THE_MEDIA = words(r"not (?:for|about) (?:posting|tweeting|publishing|social media|the media|the press|a post|a tweet)(?: anything)?",
                         r"nothing to do with (?:posting|tweeting|social media|the media|the press)")
"""The asker ruling the media out ("a question for my training, not for posting anything"): no media cue."""


def off_topic(text: str) -> bool:
    """About police powers, law, HR, pay or IT, with nothing about the media."""
    return bool(OFF_TOPIC.search(text)) and not MEDIA_CUE.search(without_device_talk(NOT_FOR_THE_MEDIA.sub(" ", text)))


def in_scope(text: str) -> bool:
    """About what may be said or published, or the force's media documents; police powers, law, HR, pay or IT alone are not."""
    if off_topic(text):
        return False
    return bool(IN_SCOPE.search(text) or PUBLISHING.search(text) or QUOTED_DRAFT.search(text) or PRESS_CONTACT.search(text))


def describes_own_post(text: str) -> bool:
    """The asker's own post, reply or words to the press, planned or done ("I just want to say…", "I've posted…")."""
    return bool(ALREADY_DONE.search(text) or GIVING_TO_THE_PRESS.search(text) or OWN_POST_PLANNED.search(text))


EMBEDDED_QUESTION = re.compile(r"\b(?:whether|if)\b[^.?!,;]*")
"""'Who do I ring if I'm not sure whether something's OK to post?': the clause is what the question is about, not an ask."""
WH_QUESTION = re.compile(rf"(?:^|(?<=[.!?:])\s+){COURTESY}(?:(?:at|by|from|in|on|for|to|with|until|till) )?"
                         r"(?:who|whose|whom|what|which|where|when|why|how)\b[^.!?]*\?")
"""A sentence that asks what, who or how ("What were they?", "At what point does it start?"), wherever it stands, after a
lead-in closed by a colon too."""


EXISTENCE_QUESTION = re.compile(rf"^{COURTESY}(?:is|are) there\b", re.I)
"""'Is there any data on when our tweets get the most engagement?': a question about what exists, like a wh-question."""
TRAILING_WH = re.compile(rf"[-–—:,]\s*(?:which|what|who|whose|when|where|how)\b[^.!?\-–—]*\?{SIGN_OFF}\s*$", re.I)
"""'…rides at a big horse show - which one?', '…a handout for the panel - what are its aims? Bullet points only': a wh-question
asked at the end of a statement, perhaps signed off."""
SENTENCE = re.compile(r"(?:[^.!?\n:]|:(?!\s))+[.!?\n:]*")
"""A sentence, or a lead-in closed by a colon ("Asking for a mate on nights: does…?" asks what follows the colon)."""


def _sentences(text: str) -> list[str]:
    """The sentences of `text`, stripped, none empty; a question keeps its question mark."""
    return [sentence.strip() for sentence in SENTENCE.findall(text) if sentence.strip()]


LEAVE_TO_POST = words(rf"{_APPROVAL_WORD} (?:for (?:me|us) )?to {POST_VERB}")
"""'…, and is it safe to share?': leave asked for the post, inside a question that also asks something else."""
WRITTEN_PIECE = r"(?:piece|article|item|feature|section|q&a|briefing|presentation|slides?|leaflet|flyer|newsletter|bulletin|blog|talk)"
PURPOSE = words(rf"(?:want|wanted|going|planning|hoping|need|trying) to {POST_VERB}", THINKING_OF,
                rf"(?:writing|doing|putting together|pulling together|drafting|preparing) (?:a|an|the|our|my|some) (?:[\w'’-]+ ){{0,3}}?{WRITTEN_PIECE}\b")
"""'Want them on a slide', 'drafting an article for the bulletin': what an answer is for, said beside the question,
asking no permission."""
PURPOSE_LEAD_IN = re.compile(rf"^\s*for (?:the|our|my|a|an) (?:[\w'’-]+ ){{0,3}}?(?:{WRITTEN_PIECE}|website|page|magazine)\s*:\s*", re.I)
"""'For the SNT bulletin: how many…?': the piece an answer is for, set before the question by a colon."""
ASKER = words("i", "we", "me", "us")
MAY_POST = words(rf"(?:can|could|may|should|shall|must) (?:[\w'’-]+ ){{0,3}}?{POST_VERB}")
"""'What can they put out?': what may be posted, asked of anyone, is leave to post."""


def asks_a_question_for_a_purpose(text: str) -> bool:
    """A wh-question (or an "is there…?") about something other than the asker's own act, with only a stated purpose beside it ("What time of day
    gets the most engagement? Want to schedule our posts for then.", "For the SNT bulletin: how many…?"): a question about the documents,
    not a post to judge. Asking what may be posted, or asking approval, is never only a purpose."""
    lead_in = PURPOSE_LEAD_IN.match(text)
    sentences = _sentences(text[lead_in.end():]) if lead_in else _sentences(text)
    asked = [sentence for sentence in sentences if sentence.endswith("?")]
    if not asked or not all((WH_QUESTION.match(sentence) or EXISTENCE_QUESTION.match(sentence) or TRAILING_WH.search(sentence))
                            and not ASKER.search(sentence) and not LEAVE_TO_POST.search(sentence) and not ASKING.search(sentence)
                            and not MAY_POST.search(sentence) for sentence in asked):
        return False
    told = [sentence for sentence in sentences if not sentence.endswith("?")]
    return (bool(lead_in) or any(PURPOSE.search(sentence) for sentence in told)) and not QUOTED_DRAFT.search(text) and all(
        not POSTING.search(sentence) or (PURPOSE.search(sentence) and not EXPLICIT_POSTING.search(sentence)) for sentence in told)


CONDITION_THEN_WH = re.compile(rf"(?:^|(?<=[.!?])\s+){COURTESY}(?:if|when|whenever)\b[^.?!]*?,\s*((?:who|whose|what|what's|whats|which|where|"
                               r"how)\b[^.!?]*\?)", re.I)


def asks_whom_to_reach_when(text: str) -> bool:
    """'If a draft worries me on a night shift, who do I call?': the same question with the condition first. Only a question
    of whom to reach: "if I post his name, what happens?" still tells of a post, which is judged."""
    return any(ASKS_HOW_TO_REACH.search(match.group(1)) for match in CONDITION_THEN_WH.finditer(text))


def asks_about_the_documents(text: str) -> bool:
    """A question that starts like a question about the rules ("Who may…", "What's the number…")."""
    return bool(INFORMATIONAL_START.search(text))


def only_asks_how_to_reach(text: str) -> bool:
    """A question that ends by asking something ("…, what's the internal number?") and asks for no post: with a contact
    named, it wants the number, not a verdict."""
    return bool(ENDS_ASKING.search(text)) and not (POSTING.search(text) or describes_own_post(text) or QUOTED_DRAFT.search(text))


PLATFORM = r"(?:tiktok|instagram|insta|snapchat|youtube|facebook page|threads|bluesky|nextdoor|whatsapp channel)"
"""A platform named where an account is meant: "start a Snapchat for the cadets"."""
ACCOUNT_RULES = words(r"(?:allowed|permitted|able|meant|supposed) (?:to (?:have|set up|start|open|run|use) )?(?:(?:our|their|its|a|an|any) )?"
                      r"(?:own )?(?:[\w-]+ (?:(?:or|and|&) [\w-]+ )?){0,2}?(?:accounts?|pages?|channels?|profiles?|platforms?)",
                      r"(?:approved|allowed|permitted) (?:list of )?(?:platforms?|apps?|social media sites?)",
                      r"(?:can|could|may) (?:i|we|our|the|my) (?:[\w-]+ ){0,2}?(?:have|set up|start|open|run|get) (?:a|an|our|its|their|my) "
                      rf"(?:own )?(?:[\w-]+ ){{0,2}}?(?:accounts?|channels?|profiles?|{PLATFORM})",
                      r"(?:which|what) (?:platforms?|apps?|sites?|social media)(?: [\w']+){0,3}? (?:allowed|permitted|approved|authorised) "
                      r"(?:to use|on)")
"""Whether a team may have an account or use a platform at all ("could the cadets get an Instagram?", "what apps are we
permitted on?"): a question about the rules, not about a post."""
WHO_MAY_RULES = words(r"(?:what|which) (?:rank|ranks|grade|grades|level|role|roles)(?: of (?:officer|staff))? (?:do|does|must|should|can|may|is|are|has|have) "
                      r"(?:\w+ ){0,4}?(?:be|allowed|permitted|able|authorised|authorized)",
                      r"who(?: is| are|'s|’s| gets) (?:(?:actually|really|even|officially|normally|usually) )?"
                      r"(?:allowed|permitted|authorised|authorized|able) to (?:speak|talk|comment|give|do)",
                      r"(?:do|does) (?:you|one|someone|an officer|officers|i) (?:(?:actually|really|even|officially) )?(?:have|need) to be "
                      r"(?:a |an |at least )?(?:\w+ ){0,2}?"
                      r"(?:rank|inspector|sergeant|superintendent|press officer)",
                      r"(?:is it|it's|is that) only (?:\w+ ){0,2}?(?:inspectors?|sergeants?|superintendents?|press officers?|senior officers?|"
                      r"dmc|the press office|comms) (?:who|that) (?:can|may|could|are allowed to|is allowed to|get to)")
"""Which rank or role may do something (speak to the press, approve a post): a question about the rules, not a request."""


PRACTICE_RULES = words(r"(?:are|is|am) (?:we|i|officers|police|boroughs?|the borough|snts?|teams?) (?:even )?(?:allowed|permitted|able) to "
                       r"use (?!(?:the|this|that|these|those|his|her|their|my|our|its|a|an|one|some|any)\b)[\w-]+(?: [\w-]+)?s\b")
"""'Are we allowed to use stock photos in…': whether a kind of content may be used at all (a plural with no article), a
question about the rules; "are we allowed to use the CCTV of him?" names one thing to post and is judged."""


def asks_who_may_speak(text: str) -> bool:
    """What rank or role lets someone talk to journalists: answered with the rule for speaking, DMC beforehand included."""
    return any(JOURNALIST.search(text, match.start()) for match in WHO_MAY_RULES.finditer(text))


def asks_about_the_rules(text: str) -> bool:
    """Whether a team may have an account or use a kind of content, or which rank may speak to the press: the rules, not a
    request to do it."""
    return bool(ACCOUNT_RULES.search(text) or WHO_MAY_RULES.search(text) or PRACTICE_RULES.search(text))


WHEN_ALLOWED_IN_GENERAL = re.compile(
    rf"(?:^|[:.!?]\s*){COURTESY}(?:when|at what (?:point|stage)|how (?:long|soon)(?: \w+)?)\b"
    r"(?=[^.?!]*?\b(?:allowed|ok|okay|able|permitted|can|could|may)\b)"
    r"(?=[^.?!]*?\b(?:someone|somebody|anyone|people|a (?:suspect|person|victim|defendant|child|man|woman))\b)")
"""'At what stage can we name a suspect?', 'how soon after somebody is convicted may we share it?': when something may be done
to anyone at all, a question about the rules; "when can we name him?" is about one person and is judged."""


def read_intent(text: str) -> Intent | None:
    """The kind of question, from its own words; None when it gives no cue of its own (a bare follow-up).

    Something already published or said to the press, and anything asked about giving to a journalist,
    is judged like a post.
    """
    text = MEDIA_AS_SOURCE.sub(" ", text)
    asks_to_post = re.search(r"\b(?:can|could|may) (?:i|we) (?:tweet|post|retweet|put|name)\b", text)
    if not asks_to_post and any(PRESS_LINE.search(asked.group(0)) for asked in WH_QUESTION.finditer(text)):
        return "press_line"  # "what's the holding line I can give them?": the line asked for, whoever it is for
    if asks_a_question_for_a_purpose(text):
        return "informational"  # "Writing a piece for the newsletter. What are the charter's themes?": the piece is only why it is asked
    if describes_own_post(text):
        return "posting"
    if asks_about_the_rules(text) or checks_a_claim(text):
        return "informational"
    if PRESS_LINE.search(text) and not asks_to_post:
        return "press_line"
    if INTERVIEW.search(text) and not EXPLICIT_POSTING.search(WH_QUESTION.sub(" ", text)):
        return "interview"  # "what key messages can I build it around?" asks for words, not permission
    if asks_whom_to_reach_when(text) and not QUOTED_DRAFT.search(text):
        return "informational"
    if WHEN_ALLOWED_IN_GENERAL.search(text) and not QUOTED_DRAFT.search(text):
        return "informational"
    asked = EMBEDDED_QUESTION.sub(" ", text) if INFORMATIONAL_START.search(text) else text
    if POSTING.search(asked) or QUOTED_DRAFT.search(text):
        return "posting"
    if PUBLISHING.search(text) and (PLANNING.search(text) or (ASKING.search(text) and not INFORMATIONAL_START.search(text))):
        return "posting"
    if ELLIPTICAL_POST.search(asked) and QUESTION_MARK.search(asked):
        return "posting"
    if (PUBLISHING.search(text) or PRESS_CONTACT.search(text)) and FIRST_PERSON.search(text) \
            and not (INFORMATIONAL_START.search(text) or GENERAL_QUESTION.search(text) or ASKS_FOR_WORDING.search(text)
                     or (WH_QUESTION.search(text) and not ASKING.search(text))):
        return "posting"  # the asker's own post or words, not a question about the rules: when unsure, judge it
    if asks_clearance_for_a_plan(text):
        return "posting"
    if INFORMATIONAL_START.search(text) or text.rstrip().endswith("?") or WH_QUESTION.search(text) or TRAILING_WH.search(text) \
            or asks_only_about_others(text):
        return "informational"
    return None


def asks_clearance_for_a_plan(text: str) -> bool:
    """A plan of the asker's told ("we're going to put a notice out…") and a yes/no question asking whether they need DMC,
    sign-off or leave for it ("Do we need the press office for that?"): the verdict is what is asked."""
    lead_in = PURPOSE_LEAD_IN.match(text)
    sentences = _sentences(text[lead_in.end():]) if lead_in else _sentences(text)
    asked = [sentence for sentence in sentences if sentence.endswith("?")]
    told = [sentence for sentence in sentences if not sentence.endswith("?")]
    return any(YES_NO_QUESTION.match(sentence) and ASKER.search(sentence) and CLEARANCE.search(sentence) for sentence in asked) \
        and any(PLANNING.search(sentence) for sentence in told)


YES_NO_QUESTION = re.compile(r"^(?:does|do|did|is|are|was|were|can|could|will|would|has|have|should|must)\b", re.I)
CLEARANCE = words("dmc", r"sign(?:ed)?[- ]?off", r"approv\w*", "permission", "allowed", "ok", "okay", "fine", "red", "amber", "green",
                  "press office", "press bureau", "clearance", "cleared", r"run (?:it|this|that) (?:past|by)")
"""Whether something needs DMC, is allowed, is which colour: a question that asks leave for the asker's own doing."""


def _questions_about_others(sentences: list[str], forms: tuple[re.Pattern, ...]) -> bool:
    """`sentences` ask something, and every question among them takes one of `forms` and is about someone or something other
    than the asker, asking no leave."""
    asked = [sentence for sentence in sentences if sentence.endswith("?")]
    return bool(asked) and all(any(form.match(sentence) for form in forms) and not ASKER.search(sentence)
                               and not CLEARANCE.search(sentence) for sentence in asked)


def asks_only_about_others(text: str) -> bool:
    """Every question in `text` is a yes/no question about someone or something other than the asker, asking no leave, and
    nothing it tells is about a post ("Does contempt kick in at charge or at arrest? My DS says charge."): a question about
    the rules."""
    sentences = _sentences(text)
    return _questions_about_others(sentences, (YES_NO_QUESTION,)) and not any(PUBLISHING.search(sentence) for sentence in sentences)


CLAIM_REPORTED = re.compile(r"\b(?:reckons?|says?|said|thinks?|thought|swears?|claims?|insists?|tells? me|told (?:me|us)|is adamant|keeps saying)"
                            r"(?: that)?\s+(?P<claim>[^.!?]+)[.!?]?")
IS_IT_SO = re.compile(r"^(?:(?:and|so|but)\s+)?(?:is|was|are)\s+(?:that|this|it|she|he|they)\s+(?:still\s+|actually\s+|really\s+)?"
                      r"(?:right|true|correct|so|the case|accurate|the rule|how it works)\b[^?]*\?$")
"""'Is that still right?', 'is he correct?': whether what someone said is so."""


def checks_a_claim(text: str) -> bool:
    """A claim someone made about anyone but the asker, and a question whether it is so ("The custody skipper insists papers
    may never print a youth's name. Is he correct?"), how things stand in general or what others may do if something holds:
    a question about the rules. A claim about the asker's own doing ("my skipper thinks I'm fine to upload it. Is she
    right?") asks for leave and is judged."""
    sentences = _sentences(text)
    asked = [sentence for sentence in sentences if sentence.endswith("?")]
    claims = [match.group("claim") for sentence in sentences if not sentence.endswith("?") for match in CLAIM_REPORTED.finditer(sentence)]
    return bool(asked and claims) and all(IS_IT_SO.match(sentence) or IN_GENERAL.search(sentence) or _of_others_if(sentence)
                                          for sentence in asked) \
        and not any(FIRST_PERSON.search(claim) for claim in claims)


def _of_others_if(sentence: str) -> bool:
    """A conditional question about what others may do ("If no order is made, may the papers print it?"), not the asker."""
    return sentence.lower().startswith("if ") and not FIRST_PERSON.search(sentence)


def asks_facts_for_the_press(text: str) -> bool:
    """Beside a journalist's request, every question asks about something other than the asker's own doing ("The Gazette
    are doing a piece on the youth forum. When did it start? Has it grown?"): facts to give, not whether to speak. A question
    that itself names the press, publishing or a media-law matter ("Does a temporary rank count for the press?") asks about
    speaking."""
    sentences = _sentences(text)
    return _questions_about_others(sentences, (YES_NO_QUESTION, WH_QUESTION)) and not any(
        MEDIA_CUE.search(sentence) or PUBLISHING.search(sentence) for sentence in sentences if sentence.endswith("?"))


BACK_REFERENCE = words(r"my (?:mistake|bad|error)", r"sorry,? (?:i|it|that|the|not)", r"i (?:meant|mean)", "correction", r"typo",
                       r"i got (?:that|it|the \w+) wrong", r"what (?:if|about)", r"how about", "and if", "instead", "the same", r"same (?:one|thing|post|again)",
                       r"that (?:one|case|post|tweet|arrest|job|incident)",
                       r"(?:does|would|will|could|might) (?:that|this|it) (?:change|affect|alter|make (?:a|any) difference to) (?:anything|things|it|that|the answer|what you said)",
                       r"(?:put|add|attach|stick|tag|include|pin)\b[^.?!]{0,40}?\b(?:on|onto|to|with|in|under) (?:it|that|the post|the tweet)",
                       # something more for the earlier post: "I'll stick her age in as well", "mention the road too"
                       r"(?:put|add|attach|stick|include|chuck|throw|mention)\b[^.?!]{0,40}?\b(?:too|as well)\b",
                       # a conclusion drawn from facts just given: "… they signed consent forms. so the group shot is fine?"
                       r"(?<=[.!?] )so,? (?:then,? )?[^.!?]{0,120}?\b(?:fine|ok|okay|alright|allowed|good to go|safe)\s*(?:then|now)?\s*\?+\s*$")
PRONOUN_BACK = words(r"(?:he|she|they)(?:'s| is| are| was| were)")
"""'what if he's 16?': a person from the earlier turn, when the pronoun opens the turn; further on, it points to whoever
the turn's own story has named ("the Mirror rang … they're asking")."""
FIRST_SENTENCE = re.compile(r"[^.!?\n]*[.!?\n]?")


SIGNED_OFF_WH_QUESTION = re.compile(rf"(?:(?:^|(?<=[.!?\n]))\s*{COURTESY}|[-–—:,]\s*)(?:who|whose|what|which|where|when|why|how)\b[^.!?]*\?"
                                    rf"(?P<sign_off>{SIGN_OFF})\s*$")
"""'…what are its aims? a list's fine': a sign-off after a wh-question says how to answer it, it asks no approval."""


def asks_for_approval(text: str) -> bool:
    """"Alright?", "fine, isn't it?": asking whether something may be done, not asking about the documents."""
    if (signed_off := SIGNED_OFF_WH_QUESTION.search(text)) and signed_off.group("sign_off"):
        text = text[: signed_off.start("sign_off")]
    return bool(ASKING.search(text)) and not INFORMATIONAL_START.search(text)


KEY_MESSAGES = words("key messages", GETTING_ACROSS, r"talking points?", r"what (?:to|do i|should i|can i|could i) (?:say|cover|mention|talk about)",
                     r"what (?:not|shouldn't i|should i not) (?:to )?say", r"(?:help|prepare|prep) (?:me )?(?:for|with)")


def asks_for_wording(text: str) -> bool:
    """Asking what to say (key messages, a line, the wording), not whether saying anything is allowed."""
    return bool(ASKS_FOR_WORDING.search(text) or KEY_MESSAGES.search(text))


def refers_back(text: str) -> bool:
    """Whether a turn points back to an earlier one ("what if he's 16?", "the same post")."""
    return bool(BACK_REFERENCE.search(text) or PRONOUN_BACK.search(FIRST_SENTENCE.match(text).group(0)))


OWN_QUESTION_START = re.compile(
    r"^\s*(?:(?:and|so|but|also|ok|okay|right|oh|one more thing)[,.]?\s+)?(?:who|what(?! if| about)|what's|whats|which|why|when|"
    r"where|how(?! about)|does|do|did|is there|are there|explain|tell me|give me|list|define|describe|can you|could you|"
    r"would you|will it|is it going|is the|are the|are we allowed)\b")


NEW_SUBJECT = words(r"(?:a|another|one|on a|on an|on another|something|a completely|a totally|an)\s+(?:\w+\s+)?(?:different|separate|"
                    r"unrelated|other|new)\s+(?:thing|question|topic|matter|subject|note|query|one|issue)", r"changing (?:the )?subject",
                    "while i've got you", "while i have you", "unrelated", "separately", "new question", "something else",
                    "another question", "different question")
"""The asker saying outright that this is a new question."""


def asks_its_own_question(text: str) -> bool:
    """A question in words of its own ("And who runs the borough account?", "Can you give me a recipe?",
    "Different question: …"): not a follow-up."""
    return bool(OWN_QUESTION_START.search(text) or PRESS_LINE.search(text) or INTERVIEW.search(text) or NEW_SUBJECT.search(text))
