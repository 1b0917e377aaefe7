"""Split a Document into passages that keep their heading path and their place in the source."""

import re

from .documents import Chunk, Document, Page, flat_metadata
from .units import BULLET

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def chunk_document(doc: Document, max_words: int) -> list[Chunk]:
    """The chunks of `doc`: one per RAG-table topic, one per press line, else by section."""
    if doc.format == "rag_yaml":
        chunks = _rag_table_chunks(doc)
    elif doc.kind == "press_line":
        chunks = [_press_line_chunk(doc)]
    else:
        chunks = []
        markdown_headings = any(_MD_HEADING.match(line) for page in doc.pages for line in page.text.splitlines())
        for page in doc.pages:
            for path, start, end, lead in _passages(page.text, max_words, markdown_headings):
                chunks.append(_text_chunk(doc, page, path, start, end, len(chunks), lead))
    return chunks


def _base_metadata(doc: Document) -> dict:
    return {
        "doc_id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "kind": doc.kind,
        "status": doc.status,
        "doc_date": doc.meta.get("date") or doc.meta.get("reviewed"),
    }


def _text_chunk(doc: Document, page: Page, path: list[str], start: int, end: int, position: int, lead: str = "") -> Chunk:
    quote = page.text[start:end]
    locator = " › ".join(path) if path else doc.title
    if page.number is not None:
        locator = f"page {page.number}" + (f" › {locator}" if path else "")
    heading = " › ".join([doc.title, *path])
    metadata = _base_metadata(doc) | {
        "locator": locator,
        "section": path[-1] if path else "",
        "page": page.number,
        "start": page.offset + start,
        "end": page.offset + end,
        "quote": quote,
    }
    text = f"{heading}\n\n{lead}\n{quote}" if lead else f"{heading}\n\n{quote}"
    return Chunk(id=f"{doc.id}::{position:04d}", doc_id=doc.id, text=text, quote=quote, metadata=flat_metadata(metadata))


def _passages(text: str, max_words: int, markdown_headings: bool):
    """Yield (heading path, start, end, lead-in of a list it starts inside) for each passage of `text`, never crossing
    a heading."""
    path: list[str] = []
    levels: list[int] = []
    units: list[tuple[int, int]] = []  # (start, end) of non-empty lines in the current section
    offset = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        heading = _heading(line, lines, index, markdown_headings)
        if heading:
            yield from _pack(text, path, units, max_words)
            units = []
            level, title = heading
            while levels and levels[-1] >= level:
                levels.pop()
                path.pop()
            levels.append(level)
            path.append(title)
            continue
        lead = len(line) - len(line.lstrip())
        units.append((start + lead, start + len(line.rstrip())))
    yield from _pack(text, path, units, max_words)


def _heading(line: str, lines: list[str], index: int, markdown_headings: bool) -> tuple[int, str] | None:
    if markdown_headings:
        match = _MD_HEADING.match(line)
        return (len(match.group(1)), match.group(2)) if match else None
    # Plain-text exports: a heading is a short line of its own, with a blank line before it,
    # that does not end like a sentence or start like a list item.
    stripped = line.strip()
    before_blank = index == 0 or not lines[index - 1].strip()
    if not before_blank or len(stripped) > 70 or len(stripped.split()) > 10:
        return None
    if stripped[-1] in ".,;:!)" or BULLET.match(stripped) or not (stripped[0].isupper() or stripped[0].isdigit()):
        return None
    return (2, stripped)


def _pack(text: str, path: list[str], units: list[tuple[int, int]], max_words: int):
    """Group consecutive lines into passages of at most `max_words` words, with the lead-in line of a list that a
    passage starts inside (a list longer than a passage is split between its items; each part repeats its lead-in)."""
    pieces: list[tuple[int, int]] = []
    for start, end in units:
        pieces.extend(_split_long(text, start, end, max_words))
    current: tuple[int, int] | None = None
    current_lead = ""
    words = 0
    lead = ""  # the line before the list the last piece belongs to ("" when it is not in a list)
    for start, end in pieces:
        line = text[start:end]
        count = len(line.split())
        if current and words + count > max_words:
            yield list(path), *current, current_lead
            current, words = None, 0
        if not current:
            current_lead = lead if BULLET.match(line) else ""
        current = (current[0], end) if current else (start, end)
        words += count
        if not BULLET.match(line):
            lead = line if line.rstrip().endswith(":") else ""
    if current:
        yield list(path), *current, current_lead


def _split_long(text: str, start: int, end: int, max_words: int) -> list[tuple[int, int]]:
    """A line longer than a passage is cut at sentence ends, and at word breaks if it must."""
    if len(text[start:end].split()) <= max_words:
        return [(start, end)]
    spans = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, end))
    result = []
    for s, e in spans:
        words = list(re.finditer(r"\S+", text[s:e]))
        for i in range(0, len(words), max_words):
            group = words[i : i + max_words]
            result.append((s + group[0].start(), s + group[-1].end()))
    return result


def _press_line_chunk(doc: Document) -> Chunk:
    page = doc.pages[0]
    lead = len(page.text) - len(page.text.lstrip())
    quote = page.text.strip()
    meta = doc.meta
    metadata = _base_metadata(doc) | {
        "locator": "the whole line",  # the id stays in `doc_id` and `source`; officers see the title
        "section": "",
        "start": page.offset + lead,
        "end": page.offset + lead + len(quote),
        "quote": quote,
        "topic": meta.get("topic"),
        "approved_by": meta.get("approved_by"),
        "approved_on": meta.get("approved_on"),
        "review_by": meta.get("review_by"),
        "audience": meta.get("audience"),
        "do_not_say": meta.get("do_not_say") or [],
    }
    text = f"Press line: {doc.title}\nTopic: {meta.get('topic', '')}\n\n{quote}"
    return Chunk(id=f"{doc.id}::0000", doc_id=doc.id, text=text, quote=quote, metadata=flat_metadata(metadata))


def _rag_table_chunks(doc: Document) -> list[Chunk]:
    chunks = []
    source_text = doc.pages[0].text
    for status in doc.meta["statuses"]:
        rows = [row for row in (status.get("row"), status.get("row_2")) if row]
        for topic in status["topics"]:
            name = topic["name"]
            quote = next((row for row in rows if name in row), rows[0])
            aliases = [str(alias) for alias in topic.get("aliases") or []]
            start = source_text.find(quote)
            metadata = _base_metadata(doc) | {
                "locator": f"{status['label']} › {name}",
                "section": status["label"],
                "start": start,
                "end": start + len(quote),
                "quote": quote,
                "rag_status": status["status"],
                "rag_label": status["label"],
                "rag_condition": status.get("condition"),
                "rag_topic": name,
                "rag_medium": topic.get("medium"),
                "rag_offence": topic.get("offence"),
                "aliases": aliases,
            }
            text = f"RAG table: {status['label']} ({status['status']}). Topic: {name}."
            if aliases:
                text += f" Also called: {', '.join(aliases)}."
            if status.get("condition"):
                text += f" {status['condition']}."
            chunk_id = f"{doc.id}::{len(chunks):04d}"
            chunks.append(Chunk(id=chunk_id, doc_id=doc.id, text=text, quote=quote, metadata=flat_metadata(metadata)))
    return chunks
