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


@dataclass(frozen=True)
class TopicMatch:
    topic: Topic
    start: int
    end: int
    phrase: str


def stem(word: str) -> str:
    return keyword_stem(word.removesuffix("'s"))


def strictest(statuses) -> str | None:
    statuses = [status for status in statuses if status]
    return max(statuses, key=SEVERITY.__getitem__) if statuses else None


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
        self.phrases = phrases
        self.loose = []
        for phrase, topic in phrases.items():
            stems = frozenset(stem(word) for word in re.findall(r"[a-z0-9@]+", phrase) if word not in STOPWORDS)
            if len(stems) >= 2:
                self.loose.append((stems, topic))
        ordered = sorted(phrases, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w@-])(?:" + "|".join(re.escape(p) for p in ordered) + r")(?![\w-])") if ordered else None

    def find(self, text: str) -> list[TopicMatch]:
        if self.pattern is None:
            return []
        matches = []
        for match in self.pattern.finditer(text):
            if self._negated(text, match.start()):
                continue
            matches.append(TopicMatch(self.phrases[match.group(0)], match.start(), match.end(), match.group(0)))
        named = {match.topic.name for match in matches}
        return matches + [match for match in self._in_any_order(text) if match.topic.name not in named]

    def _in_any_order(self, text: str) -> list[TopicMatch]:
        """A name or alias of two or more words whose words all appear, in any order and any inflection, close together
        ("the prisoner who escaped" for "escaped prisoner"); never across a sentence."""
        found: dict[str, TopicMatch] = {}
        for sentence in re.finditer(r"[^.!?\n]+", text):
            tokens = [(stem(word.group(0)), sentence.start() + word.start(), sentence.start() + word.end())
                      for word in re.finditer(r"[a-z0-9@]+(?:'[a-z]+)?", sentence.group(0))]
            for stems, topic in self.loose:
                if topic.name in found:
                    continue
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
