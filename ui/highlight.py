"""Marking passages in text as HTML: the phrases a draft check flagged, and a cited passage in its document."""

import html
import re
from dataclasses import dataclass

from .inert import inert

PASSAGE_ANCHOR = "pressline-passage"
# A mark is underlined as well as shaded, so it shows without colour vision.
MARK_STYLE = "background:#fff2a8;color:#000;text-decoration:underline wavy #8a4b00;text-underline-offset:3px"
_LINE_MARKER = re.compile(r"[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+|#{1,6}[ \t]+|>[ \t]*)?")


@dataclass(frozen=True)
class Span:
    """[start, end) of a phrase in a text, with the label shown after it and the tooltip on it."""

    start: int
    end: int
    label: str = ""
    title: str = ""


def find_passage(text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` lies in `text`, allowing for different line breaks and spacing (PDF text, re-wrapped lines)."""
    words = quote.split()
    if not words:
        return None
    match = re.search(r"\s+".join(map(re.escape, words)), text)
    return (match.start(), match.end()) if match else None


def marked_text(text: str, spans: list[Span], anchor_first: bool = False) -> str:
    """`text` as HTML with its line breaks kept and each span in a <mark>; overlaps are clipped, never nested."""
    parts, cursor = [], 0
    for number, span in enumerate(sorted(spans, key=lambda span: (span.start, span.end))):
        start, end = max(span.start, cursor), min(span.end, len(text))
        if end <= start:
            continue
        anchor = f' id="{PASSAGE_ANCHOR}"' if anchor_first and number == 0 else ""
        label = f"<sup><b>[{html.escape(span.label)}]</b></sup>" if span.label else ""
        parts += [
            inert(html.escape(text[cursor:start])),
            f'<mark{anchor} title="{html.escape(span.title)}" style="{MARK_STYLE}">{inert(html.escape(text[start:end]))}</mark>',
            label,
        ]
        cursor = end
    parts.append(inert(html.escape(text[cursor:])))
    return f'<div style="white-space:pre-wrap;line-height:1.7">{"".join(parts)}</div>'


def marked_markdown(body: str, span: tuple[int, int] | None) -> str:
    """A Markdown body with the passage in <mark>s, one per line so lists and headings still render."""
    if span is None:
        return _literal_html(body)
    start, end = span
    lines = []
    for number, line in enumerate(body[start:end].split("\n")):
        at_line_start = number > 0 or start == 0 or body[start - 1] == "\n"
        marker = _LINE_MARKER.match(line).group(0) if at_line_start else ""
        content = line[len(marker):]
        anchor = f' id="{PASSAGE_ANCHOR}"' if number == 0 else ""
        mark = f'<mark{anchor} style="{MARK_STYLE}">{_literal_html(content)}</mark>' if content.strip() or anchor else ""
        lines.append(_literal_html(marker) + mark)
    return _literal_html(body[:start]) + "\n".join(lines) + _literal_html(body[end:])


def _literal_html(markdown: str) -> str:
    # The document's own "<p>" is shown as written, not interpreted as HTML; its images and links are made inert.
    return inert(markdown.replace("&", "&amp;").replace("<", "&lt;"))
