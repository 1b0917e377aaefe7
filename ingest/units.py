"""The units an answer may quote: each sentence of a passage, and each list whole with its lead-in.

Units are read from the stored chunks, so every instance (and every ingest, whichever paths it read) finds
the same units without the source files. A section's chunks are joined in order first, so a list that was
split between two chunks comes back whole. Their vectors are computed at ingest, in the same generation as
the chunks, and kept in the generation's folder (data/generations/ID/units.npz); an unchanged text's vector
is copied from the current generation, never embedded twice.

Usage::

    units = passage_units(store.all_chunks())
    units[0].text, units[0].keys   # the verbatim text, and the texts embedded to find it
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .settings import Settings

__all__ = ["Unit", "passage_units", "sentences", "whole_cut", "unit_keys", "generation_units", "save_generation_units", "UNITS_FILE",
           "QUOTED_KINDS", "BULLET"]

UNITS_FILE = "units.npz"
QUOTED_KINDS = ("policy", "media_law", "press_line")
BULLET = re.compile(r"^\s*(?:[·•\-*]|\d{1,2}[.)]|[a-z][.)])\s+")
LONG_LIST_WORDS = 160
"""A list longer than this is found by its lead-in only; its points are units of their own."""
MIN_SENTENCE_WORDS = 4
"""A shorter line standing alone ("Counter Terrorism") is a heading the reader did not recognise, not a sentence."""
PROSE_ITEM_WORDS = 15
"""A list whose items average this many words is prose set out as points: each point is a unit of its own."""
# A sentence ends at . ! or ? (and any closing quote) before a capital, a digit or an opening quote, but not
# after an abbreviation or a section sign ("CCA 1981 s. 4", "e.g. The", "Mr. Smith").
_SENTENCE_END = re.compile(r"([.!?][\"'”’)]*)\s+(?=[\"'“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|No|Nos|para|paras|s|ss|Sch|v|vs|cf|approx|St|Sgt|Insp|Supt|PC|DC|DS|DI)\.$",
                           re.IGNORECASE)

_PARAGRAPH_NUMBER = re.compile(r"\s*(?:\d+\.)*\d+\.?")
"""A paragraph's number ("3.1.") opens its sentence; it is not a sentence of its own."""


@dataclass(frozen=True)
class Unit:
    """A sentence, or a whole list with its lead-in, as it stands in one chunk's document."""

    chunk_id: str  # the chunk it starts in: its citation's title, locator and source
    text: str  # verbatim in the source, whitespace aside: the sentence, or the list's items
    lead: str = ""  # a list's lead-in: the sentence before it (already in `text`) or its section's heading (not)
    items: tuple[str, ...] = ()  # a list's items, each verbatim
    lead_in_text: bool = False  # the lead-in is the sentence that opens `text`
    context: str = ""  # a sentence's heading, a point's lead-in, a lead-in's sentence before: embedded, never quoted

    @property
    def is_list(self) -> bool:
        return bool(self.items)

    @property
    def keys(self) -> tuple[str, ...]:
        """The texts embedded to find this unit: a sentence after its heading; a list's lead-in, and each item after it."""
        if not self.items:
            return (f"{self.context}: {self.text}" if self.context else self.text,)
        lead = f"{self.context} {self.lead}" if self.context else self.lead
        if self.prose:  # its points are units of their own, found one by one
            return (lead,) if lead else ()
        return (lead, *(f"{self.lead} {item}" for item in self.items)) if self.lead else self.items

    @property
    def prose(self) -> bool:
        """A list too long to quote for one of its points, or of points written as prose: found by its lead-in only."""
        return bool(self.items) and (self.words > LONG_LIST_WORDS
                                     or sum(len(item.split()) for item in self.items) / len(self.items) >= PROSE_ITEM_WORDS)

    @property
    def words(self) -> int:
        return len(self.text.split()) + (0 if self.lead_in_text else len(self.lead.split()))


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, each verbatim (runs of whitespace become one space)."""
    flat = " ".join(text.split())
    found, start = [], 0
    for match in _SENTENCE_END.finditer(flat):
        head = flat[start : match.end(1)]
        if _ABBREVIATION.search(head) or _PARAGRAPH_NUMBER.fullmatch(head):
            continue
        found.append(flat[start : match.end(1)])
        start = match.end()
    found.append(flat[start:])
    return [sentence for sentence in found if sentence.strip()]


def whole_cut(text: str, limit: int) -> int:
    """Where to cut `text` so that it keeps whole sentences, whole lists of short items and whole points written as
    prose: the last such end within `limit` characters, or, when there is none, the end of the first one (a quote may
    run long; it never stops mid-word or mid-list)."""
    if len(text) <= limit:
        return len(text)
    lines = text.split("\n")
    ends, offset = [], 0
    for index, line in enumerate(lines):
        end = offset + len(line)
        following = next((later for later in lines[index + 1 :] if later.strip()), "")
        # inside a list of short items, or after its lead-in: no cut (a point written as prose may end a quote)
        short_item = bool(BULLET.match(line)) and len(line.split()) < PROSE_ITEM_WORDS
        in_a_list = bool(BULLET.match(following)) and (short_item or line.rstrip().endswith(":"))
        if not BULLET.match(line):
            ends += [offset + match.end(1) for match in _SENTENCE_END.finditer(line)
                     if not _ABBREVIATION.search(line[: match.end(1)])]
        if not in_a_list:
            ends.append(end)
        offset = end + 1
    within = [end for end in ends if 0 < end <= limit and text[:end].strip()]
    return max(within) if within else min((end for end in ends if end > 0), default=len(text))


def passage_units(rows: Iterable[tuple[str, str, dict]]) -> list[Unit]:
    """The units of every quotable chunk in `rows` ((id, text, metadata) as the store holds them), in document order."""
    sections: dict[tuple, list[tuple[int, str, str]]] = {}
    for chunk_id, _, meta in rows:
        if meta.get("kind") not in QUOTED_KINDS or not meta.get("quote"):
            continue
        key = (meta.get("doc_id", ""), meta.get("page") or 0, meta.get("locator", ""))
        sections.setdefault(key, []).append((int(meta.get("start") or 0), chunk_id, meta))
    units: list[Unit] = []
    for key in sorted(sections, key=lambda key: (key[0], key[1], min(start for start, _, _ in sections[key]))):
        parts = sorted(sections[key], key=lambda part: (part[0], part[1]))
        units.extend(_section_units([(chunk_id, meta["quote"]) for _, chunk_id, meta in parts],
                                    heading=str(parts[0][2].get("section") or "")))
    return units


def _section_units(parts: list[tuple[str, str]], heading: str) -> list[Unit]:
    """The units of one section, its chunks' quotes joined in order (a list split between them is whole again)."""
    lines: list[tuple[str, str]] = []  # (chunk id, line)
    for chunk_id, quote in parts:
        lines.extend((chunk_id, line) for line in quote.split("\n"))
    blocks = _blocks(lines)
    units: list[Unit] = []
    for index, (kind, chunk_id, body) in enumerate(blocks):
        if kind == "paragraph":
            said = sentences(" ".join(body))
            leads_a_list = index + 1 < len(blocks) and blocks[index + 1][0] == "list" and said and said[-1].endswith(":")
            units.extend(Unit(chunk_id, sentence, context=heading) for sentence in (said[:-1] if leads_a_list else said)
                         if len(sentence.split()) >= MIN_SENTENCE_WORDS)
            continue
        items = [" ".join(BULLET.sub("", item, count=1).split()) for item in body]
        raw = "\n".join(" ".join(item.split()) for item in body)
        before = blocks[index - 1] if index else None
        said = sentences(" ".join(before[2])) if before and before[0] == "paragraph" else []
        lead_sentence = said[-1] if said else ""
        if lead_sentence.endswith(":"):
            context = said[-2] if len(said) > 1 else heading
            unit = Unit(before[1], f"{lead_sentence}\n{raw}", lead=lead_sentence, items=tuple(items), lead_in_text=True,
                        context=context)
        else:
            unit = Unit(chunk_id, raw, lead=heading if index == 0 else "", items=tuple(items))
        if unit.prose:
            units.extend(Unit(chunk_id, item, context=unit.lead or heading) for item in items)
        units.append(unit)
    return units


def _blocks(lines: list[tuple[str, str]]) -> list[tuple[str, str, list[str]]]:
    """("paragraph" | "list", chunk id where it starts, its lines) in order; a list's lines are its items, whole."""
    blocks: list[tuple[str, str, list[str]]] = []
    blank = True
    for chunk_id, line in lines:
        if not line.strip():
            blank = True
            continue
        current = blocks[-1] if blocks else None
        if BULLET.match(line):
            if current and current[0] == "list":
                current[2].append(line)  # a blank line between items does not end the list
            else:
                blocks.append(("list", chunk_id, [line]))
        elif current and current[0] == "list" and not blank and (line[:1].isspace() or line.lstrip()[:1].islower()):
            current[2][-1] += " " + line.strip()  # an item wrapped onto the next line
        elif current and current[0] == "paragraph" and not blank:
            current[2].append(line)
        else:
            blocks.append(("paragraph", chunk_id, [line]))
        blank = False
    return blocks


def unit_keys(units: list[Unit]) -> list[str]:
    """Every text embedded to find `units`, each once, in order."""
    return list(dict.fromkeys(key for unit in units for key in unit.keys))


def generation_units(settings: Settings, generation: str) -> dict[str, np.ndarray] | None:
    """key text → vector, as the generation's ingest embedded them; None when its file is missing or unreadable."""
    try:
        with np.load(_path(settings, generation), allow_pickle=False) as saved:
            return dict(zip(saved["texts"].tolist(), saved["vectors"]))
    except (OSError, ValueError, KeyError):
        return None


def save_generation_units(settings: Settings, generation: str, keys: list[str],
                          reuse: dict[str, np.ndarray] | None = None) -> int:
    """Embed the `keys` that `reuse` lacks (one batched call) and write all their vectors to the generation's folder;
    how many were embedded."""
    from .embeddings import get_embedder

    known = {key: reuse[key] for key in keys if reuse and key in reuse}
    missing = [key for key in keys if key not in known]
    if missing:
        vectors = get_embedder(settings.embedding_model).embed_documents(missing)
        known.update((key, np.asarray(vector, dtype=np.float32)) for key, vector in zip(missing, vectors))
    matrix = np.array([known[key] for key in keys], dtype=np.float32) if keys else np.zeros((0, 0), dtype=np.float32)
    target = _path(settings, generation)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(".units.tmp.npz")
    np.savez(temporary, texts=np.array(keys, dtype=str), vectors=matrix)
    temporary.replace(target)
    return len(missing)


def _path(settings: Settings, generation: str) -> Path:
    from .generations import folder

    return folder(settings, generation) / UNITS_FILE
