"""Step 10: every citation's quote must be a verbatim span of its source (whitespace aside)."""

import re
from pathlib import Path

from ingest.errors import DocumentError
from ingest.loaders import load_document
from ingest.settings import Settings

from .models import Citation


def squash(text: str) -> str:
    """`text` with every run of whitespace one space: quotes are compared this way."""
    return re.sub(r"\s+", " ", text).strip()


_PAGES: dict[tuple[str, int], tuple[str, ...]] = {}


def _source_pages(file: Path, settings: Settings) -> tuple[str, ...]:
    """The texts a citation of `file` may quote: a PDF's pages (as extracted), else the whole file's text."""
    key = (str(file), file.stat().st_mtime_ns)
    if key not in _PAGES:
        if file.suffix.lower() in (".pdf", ".html", ".htm", ".txt", ".md", ".markdown"):
            try:
                pages = tuple(squash(page.text) for page in load_document(file, settings).pages)
            except DocumentError:
                pages = ()
        else:
            pages = (squash(file.read_text(encoding="utf-8", errors="replace")),)
        _PAGES[key] = pages
    return _PAGES[key]


def quote_is_verbatim(citation: Citation, settings: Settings) -> bool:
    try:
        pages = _source_pages(settings.root / citation.source, settings)
    except OSError:
        return False
    quote = squash(citation.quote)
    return bool(quote) and any(quote in page for page in pages)


def verified(citations: list[Citation], settings: Settings) -> tuple[list[Citation], list[Citation]]:
    """(kept, dropped): the citations whose quotes are found verbatim in their sources, and the rest."""
    kept, dropped = [], []
    for citation in citations:
        (kept if quote_is_verbatim(citation, settings) else dropped).append(citation)
    return kept, dropped
