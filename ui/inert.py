"""Document text made inert before it is drawn: no image loads and no link is followed from a corpus file.

An uploaded or planted document may hold Markdown images and links (`![](http://…)`, `[click](data:…)`,
`[x][ref]` with `[ref]: //host/…`) or bare addresses that Markdown turns into links. Drawn as written, an image
makes every officer's browser fetch its URL, and a link leads off the machine. Here the brackets that make an
image or a link become HTML character references (`&#91;`, `&#93;`), which read the same but never form Markdown
syntax; and a word joiner (U+2060, invisible) goes between a URL's scheme and its colon and between `www` and
its dot, because the app's Markdown turns bare addresses into links after character references are decoded.
Raw HTML (`<img src=…>`) is escaped by the callers.

`inert` is for text drawn as Markdown or HTML; apply it after any HTML escaping (its output holds `&#…;`).
"""

import re

_SCHEME = re.compile(r"(?i)\b(https?|ftps?|data|javascript|vbscript|file|blob|mailto|ws|wss)\s*:")
_WWW = re.compile(r"(?i)\bwww\.")
_REFERENCES = {"[": "&#91;", "]": "&#93;"}
WORD_JOINER = "\u2060"


def inert(text: str) -> str:
    """`text` as it reads, with no Markdown image, link or autolink left in it."""
    text = re.sub(r"[\[\]]", lambda match: _REFERENCES[match.group(0)], text)
    text = _SCHEME.sub(lambda match: match.group(0)[:-1] + WORD_JOINER + ":", text)
    return _WWW.sub(lambda match: match.group(0)[:-1] + WORD_JOINER + ".", text)
