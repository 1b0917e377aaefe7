"""The example reader: each sentence of the question, and any quoted draft or retweeted text, against the example bank.

The question's units are embedded in the same batch as the retrieval query, so a fact buried in a
long story or only inside a quoted draft is seen, at the cost of one model call. For each topic and
risk factor the reader reports its best score over the units (the mean similarity of the label's two
nearest examples); for a green topic also the
margin over the nearest amber or red example on the same unit. Thresholds are the policy's.
"""

import re

import numpy as np

from ingest.keyword import STOPWORDS

from ..examples import ExampleBank
from ..facts import RiskFactor, Span, TopicCandidate

REPORT_FROM = 0.40
"""Similarities below this are not worth reporting at all (every threshold in calibration.json is above it)."""
MAX_UNITS = 6
QUOTED = re.compile(r"(?:\"|“|(?<!\w)['‘])([^\"“”]{12,}?)(?:\"|”|['’](?!\w))")
SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
CLAUSE_BREAK = re.compile(r"\s*(?:[;:–—]|\s-\s|,\s*(?:and|but|so|plus|also|oh and)\b|\b(?:oh and|and also|but also)\b)\s*", re.I)
FACT_BREAK = re.compile(r"\s*,\s*|\s+and\s+", re.I)
MIN_CLAUSE_WORDS = 5
CLAUSES_FROM_WORDS = 25
"""A sentence this short is read whole; a longer one is also read clause by clause."""
ASKING_WORDS = frozenset("""can could may might should would will ok okay alright fine allowed safe good tweet tweets tweeting post posts
    posting posted put out up share sharing publish account accounts page borough ward snt team twitter facebook insta instagram x
    social media thread retweet rt do doing go ahead still now today tonight tomorrow yesterday it this that something sumthin
    about i we me us our you any issue issues problem thoughts sound reassure people everyone public let know""".split())
MIN_CONTENT_WORDS = 2
"""A unit that is only the ask ("Can I tweet it?") says nothing about the topic: it is not matched."""


def units(original: str, turn: int = 0) -> list[tuple[str, Span]]:
    """The sentences of `original` and every quoted passage in it, with where each lies."""
    found: list[tuple[str, Span]] = []
    for pattern in (QUOTED, SENTENCE):
        for match in pattern.finditer(original):
            group = 1 if pattern is QUOTED else 0
            text = match.group(group).strip()
            if len(text.split()) >= 2:
                start = match.start(group) + (len(match.group(group)) - len(match.group(group).lstrip()))
                found.append((text, Span(turn=turn, start=start, end=start + len(text))))
    clauses = []
    for text, span in found:
        if len(text.split()) <= CLAUSES_FROM_WORDS:
            continue
        pieces = [piece for piece in CLAUSE_BREAK.split(text) if piece and len(piece.split()) >= MIN_CLAUSE_WORDS]
        if not pieces or pieces == [text]:
            pieces = _runs_of_facts(text)
        if pieces and pieces != [text]:
            for piece in pieces:
                at = original.find(piece, span.start, span.end)
                if at >= 0:
                    clauses.append((piece, Span(turn=turn, start=at, end=at + len(piece))))
    unique = list({text: (text, span) for text, span in found + clauses if _says_something(text)}.values())
    return unique[:MAX_UNITS]


def _runs_of_facts(sentence: str) -> list[str]:
    """A long sentence that strings facts together with commas and "and" ("…, loads of casualties, the air ambulance has
    landed, they've declared it and there's a gold group set up"), cut into pieces of at least MIN_CLAUSE_WORDS words."""
    pieces, current = [], []
    for part in FACT_BREAK.split(sentence):
        current.append(part)
        if len(" ".join(current).split()) >= MIN_CLAUSE_WORDS:
            pieces.append(_joined(sentence, current))
            current = []
    if current and pieces:
        pieces[-1] = _joined(sentence, [pieces[-1], *current])
    return pieces


def _joined(sentence: str, parts: list[str]) -> str:
    """The stretch of `sentence` from the first part to the end of the last (the separators as written)."""
    start = sentence.find(parts[0])
    return sentence[start : sentence.find(parts[-1], start) + len(parts[-1])]


def _says_something(text: str) -> bool:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return sum(word not in STOPWORDS and word not in ASKING_WORDS for word in words) >= MIN_CONTENT_WORDS


def read_by_example(bank: ExampleBank, vectors: np.ndarray, spans: list[Span]) -> tuple[list[TopicCandidate], list[RiskFactor]]:
    """Topic candidates and risk factors for the units whose unit vectors are the rows of `vectors`."""
    if not bank.examples or vectors.size == 0:
        return [], []
    similarity = vectors @ bank.vectors.T
    not_green = np.array([example.status != "green" for example in bank.examples])
    best_warning = similarity[:, not_green].max(axis=1) if not_green.any() else np.zeros(len(vectors))
    columns: dict[tuple[str, str], list[int]] = {}
    for index, example in enumerate(bank.examples):
        columns.setdefault((example.kind, example.label), []).append(index)
    green_labels = [indexes for (kind, _), indexes in columns.items() if kind == "topic" and bank.examples[indexes[0]].status == "green"]
    best_green = np.max([np.sort(similarity[:, indexes], axis=1)[:, -2:].mean(axis=1) for indexes in green_labels], axis=0) \
        if green_labels else np.zeros(len(vectors))
    topics, risks = [], []
    for (kind, label), indexes in columns.items():
        if kind == "unlisted":
            continue  # a matter the table does not list is no topic; it only stands against green
        # The mean of the two nearest examples of a label: one stray near neighbour does not decide.
        nearest = np.sort(similarity[:, indexes], axis=1)[:, -2:]
        per_unit = nearest.mean(axis=1)
        unit = int(per_unit.argmax())
        score = float(per_unit[unit])
        if score < REPORT_FROM:
            continue
        status = bank.examples[indexes[0]].status
        if kind == "topic":
            margin = score - float(best_warning[unit]) if status == "green" else score - float(best_green[unit])
            topics.append(TopicCandidate(topic=label, status=status, reader="examples", score=round(score, 4),
                                         margin=round(max(margin, 0.0), 4), span=spans[unit]))
        else:
            risks.append(RiskFactor(risk=label, reader="examples", score=round(score, 4), span=spans[unit]))
    return topics, risks


def read_green_model(bank: ExampleBank, vector: np.ndarray | None, ruled_out: frozenset[str] = frozenset()) -> TopicCandidate | None:
    """The green model's probability for the whole question, under the green topic of its nearest green example.

    Topics in `ruled_out` (the retweet row, for a post of the force's own) are not offered: the probability says the
    question is about green matters, and naming a row the post cannot belong to would throw it away.
    """
    if bank.green_model is None or vector is None or not bank.examples:
        return None
    vector = np.asarray(vector, dtype=np.float32).reshape(-1)
    green = np.array([row for row in bank.green_rows if bank.examples[row].label not in ruled_out], dtype=int)
    if not green.size:
        return None
    nearest = int(green[np.argmax((bank.vectors @ vector)[green])])
    probability = float(bank.green_model.probability(vector[None, :])[0])
    return TopicCandidate(topic=bank.examples[nearest].label, status="green", reader="green_model",
                          score=round(probability, 4), margin=0.0)
