"""Step 6: classify a question against the RAG table, by a topic's name or one of its aliases."""

import re
from dataclasses import dataclass

from ingest.keyword import STOPWORDS
from ingest.keyword import stem as keyword_stem

SEVERITY = {"green": 0, "amber": 1, "red": 2}
_NEGATORS = {"no", "not", "non", "without", "nobody", "none", "never", "nothing"}


@dataclass(frozen=True)
class Topic:
    """One topic of the RAG table, as ingested."""

    name: str
    status: str  # green | amber | red
    label: str
    condition: str | None
    aliases: tuple[str, ...]
    chunk_id: str
    medium: str | None = None
    """A row about the form of a post, not its subject ("Retweeting (RT)"): it applies only to a post of that form."""
    offence: str | None = None
    """How the arrest holding line names the topic's crime ("burglary"), for the wording an answer offers."""


@dataclass(frozen=True)
class TopicMatch:
    topic: Topic
    start: int
    end: int
    phrase: str


def stem(word: str) -> str:
    return keyword_stem(word.removesuffix("'s"))


def word_root(word: str) -> str:
    """A word without its inflectional or derivational ending, shared by its other forms
    ("closure", "closing", "closed", "closes" → "clos"; "wandered" → "wander")."""
    root = re.sub(r"(?:ures?|ings?|ed|ions?|es|s|e)$", "", word.removesuffix("'s"))
    return root if len(root) >= 3 else word


def inflections(word: str) -> set[str]:
    """The regular inflections of a one-word alias, and the common misspelling of a -y plural ("burglarys").

    Only endings added to the alias: a shorter word ("charge" for "charged") is a different word."""
    found = {word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        found |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y") and word[-2] not in "aeiou":
        found |= {word[:-1] + "ies", word[:-1] + "ied", word + "s"}
    return found - {word}


def strictest(statuses) -> str | None:
    statuses = [status for status in statuses if status]
    return max(statuses, key=SEVERITY.__getitem__) if statuses else None


PHRASAL_NOUN = re.compile(r"[a-z]+(?<!ed)[\s-](?:in|up|out)")
"""A noun made of a verb and a particle ("break-in", "pile-up", "drop-in"): its plural takes the "s" at the end ("break-ins")."""
WORD_OR_AGE = re.compile(r"\d+[\s-]years?[\s-]old|[a-z0-9@]+(?:'[a-z]+)?")
"""A word, or an age as one word: "his 12-year-old daughter missing" keeps "daughter" and "missing" as close as "his daughter missing"."""


class TopicMatcher:
    """Finds RAG-table topics named in a normalised question; longer phrases win over the words inside them.

    Usage::

        matcher = TopicMatcher(topics)
        [m.topic.name for m in matcher.find("we arrested a man for burglary")]  # ['Burglary']
    """

    def __init__(self, topics: list[Topic]):
        self.topics = topics
        phrases: dict[str, Topic] = {}
        for topic in topics:
            for phrase in (topic.name, *topic.aliases):
                phrase = phrase.lower().strip()
                if phrase and len(phrase) < 60 and phrase not in phrases:
                    phrases[phrase] = topic
                if PHRASAL_NOUN.fullmatch(phrase):
                    phrases.setdefault(phrase + "s", topic)
        self.phrases = phrases
        self.loose = []
        for phrase, topic in phrases.items():
            words = [word for word in re.findall(r"[a-z0-9@]+", phrase) if word not in STOPWORDS]
            stems = frozenset(map(stem, words))
            if len(stems) >= 2:
                self.loose.append((stems, topic, False))
                if topic.status != "green":
                    # Raising may also match a word's other forms ("the station is closing" for "station closure");
                    # granting green never does.
                    self.loose.append((frozenset(map(word_root, words)), topic, True))
        self.inflected: dict[str, Topic] = {}
        for phrase, topic in phrases.items():
            if re.fullmatch(r"[a-z]{4,}", phrase):
                for variant in inflections(phrase):
                    self.inflected.setdefault(variant, topic)
        ordered = sorted(phrases, key=len, reverse=True)
        # A space in a name or alias also matches a hyphen: "thank-you", "break-in", "anti-social" are the same words.
        alternatives = "|".join(re.escape(phrase).replace(r"\ ", r"[\s-]") for phrase in ordered)
        # a unit known by an acronym alias and its number ("SCO7", "SCO19") is the acronym's topic
        acronyms = "|".join(phrase for phrase in ordered if re.fullmatch(r"[a-z]{2,4}", phrase)) or "(?!)"
        self.pattern = re.compile(r"(?<![\w@-])(?:" + alternatives + r"|(?P<unit>" + acronyms + r")\d{1,3})(?![\w-])") \
            if ordered else None

    def named(self, name: str) -> Topic | None:
        """The table's topic called `name`, if the table has it."""
        return next((topic for topic in self.topics if topic.name == name), None)

    def find(self, text: str) -> list[TopicMatch]:
        if self.pattern is None:
            return []
        matches = []
        for match in self.pattern.finditer(text):
            if self._negated(text, match.start()):
                continue
            phrase = match.group("unit") or re.sub(r"(?<=\w)-(?=\w)", " ", match.group(0))
            topic = self.phrases.get(phrase) or self.phrases[match.group(0)]
            matches.append(TopicMatch(topic, match.start(), match.end(), match.group(0)))
        named = {match.topic.name for match in matches}
        matches += [match for match in self._inflected(text, matches) if match.topic.name not in named]
        named = {match.topic.name for match in matches}
        return matches + [match for match in self._in_any_order(text) if match.topic.name not in named]

    def _inflected(self, text: str, named: list[TopicMatch]) -> list[TopicMatch]:
        """A one-word name or alias in another inflection or a common misspelling of its ending
        ("raided" for "raids", "burglarys" for "burglary"), where no phrase was matched already."""
        found: dict[str, TopicMatch] = {}
        for word in re.finditer(r"(?<![\w@-])[a-z]{4,}(?![\w-])", text):
            topic = self.inflected.get(word.group(0))
            if topic is None or topic.name in found or word.group(0) in self.phrases:
                continue
            if any(match.start <= word.start() < match.end for match in named) or self._negated(text, word.start()):
                continue
            found[topic.name] = TopicMatch(topic, word.start(), word.end(), word.group(0))
        return list(found.values())

    def _in_any_order(self, text: str) -> list[TopicMatch]:
        """A name or alias of two or more words whose words all appear, in any order and any inflection, close together
        ("the prisoner who escaped" for "escaped prisoner"); never across a sentence."""
        found: dict[str, TopicMatch] = {}
        for sentence in re.finditer(r"[^.!?\n]+", text):
            words = [(word.group(0), sentence.start() + word.start(), sentence.start() + word.end())
                     for word in WORD_OR_AGE.finditer(sentence.group(0))]
            by_stem = [(stem(word), start, end) for word, start, end in words]
            by_root = [(word_root(word), start, end) for word, start, end in words]
            for stems, topic, rooted in self.loose:
                if topic.name in found:
                    continue
                tokens = by_root if rooted else by_stem
                window = len(stems) + 3
                for i, (first, start, _) in enumerate(tokens):
                    if first not in stems:
                        continue
                    seen = {first}
                    for word, _, end in tokens[i + 1 : i + window]:
                        if word in stems:
                            seen.add(word)
                        if seen == stems:
                            if not self._negated(text, start):
                                found[topic.name] = TopicMatch(topic, start, end, text[start:end])
                            break
                    if topic.name in found:
                        break
        return list(found.values())

    @staticmethod
    def _negated(text: str, start: int) -> bool:
        """'no serious injuries', 'nobody was seriously injured' — but not 'non-injury RTC' for 'RTC'."""
        before = text[max(0, start - 40) : start]
        words = re.findall(r"[a-z']+", before)
        if words and words[-1] in _NEGATORS and not before.rstrip().endswith("-"):
            return True
        return bool(re.search(r"\b(?:no one|nobody|none of them|not)\s+(?:was|were|is|got|been|being)?\s*(?:\w+\s+)?$", before))
