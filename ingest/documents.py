"""The shapes data takes between the corpus files and the index."""

import hashlib
import json
from dataclasses import dataclass, field

KINDS = ("policy", "media_law", "rag_table", "press_line")


@dataclass(frozen=True)
class Page:
    """A run of a document's text that citations quote: a PDF page, or a text file's body."""

    text: str
    number: int | None = None  # PDF page number, 1-based
    offset: int = 0  # where `text` starts in the source text (after front matter)


@dataclass
class Document:
    """One corpus file, read and checked, before chunking."""

    id: str
    title: str
    kind: str
    source: str  # path relative to the repo root
    status: str
    meta: dict
    pages: list[Page]
    format: str  # markdown | text | pdf | html | rag_yaml
    warnings: list[str] = field(default_factory=list)
    """What reading it reported without failing (e.g. pypdf repairing a damaged PDF); shown with the file's name."""


@dataclass
class Chunk:
    """One searchable passage, with everything a citation needs."""

    id: str
    doc_id: str
    text: str  # what is embedded and keyword-indexed
    quote: str  # a verbatim span of the source text, for the citation
    metadata: dict = field(default_factory=dict)

    def content_hash(self, model: str) -> str:
        payload = json.dumps([model, self.text, self.quote, self.metadata], sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def flat_metadata(values: dict) -> dict:
    """Chroma stores only str, int, float and bool: lists and dicts become JSON text."""
    flat = {}
    for key, value in values.items():
        if value is None:
            continue
        if isinstance(value, (str, int, float, bool)):
            flat[key] = value
        else:
            flat[key] = json.dumps(value, default=str)
    return flat
