"""Read one corpus file into a checked Document, or raise a DocumentError saying what is wrong."""

import datetime as dt
import logging
import re
import threading
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

from .documents import Document, Page
from .errors import (
    BadEncoding,
    BadFrontMatter,
    BinaryFile,
    CorruptDocument,
    EmptyDocument,
    EncryptedPDF,
    FileTooLarge,
    NoTextLayer,
    OverReadingLimit,
    UnsupportedFileType,
)
from .safe_yaml import BadYaml, load_yaml
from .settings import Settings

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm", ".yaml", ".yml"}
SUFFIXES = TEXT_SUFFIXES | {".pdf"}
FOLDER_KINDS = {"policy": "policy", "media-law": "media_law", "press-lines": "press_line", "rag-table": "rag_table"}
PRESS_LINE_STATUSES = ("approved", "draft", "withdrawn")
DOCUMENT_STATUSES = ("current", "archived")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(\r?\n|\Z)", re.DOTALL | re.MULTILINE)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
MAX_WARNINGS_PER_FILE = 5
# pypdf reports repairs through a process-wide logger, so PDFs are read one at a time to keep each warning with its file.
_PDF_LOCK = threading.Lock()


def load_document(path: Path, settings: Settings) -> Document:
    """Read `path` (PDF, Markdown, text, HTML or the RAG-table YAML) into a Document."""
    path = Path(path)
    source = settings.relative(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnsupportedFileType(source, f"unsupported file type {suffix or '(none)'}; use PDF, Markdown, text, HTML or YAML")
    size = path.stat().st_size
    if size > settings.max_file_bytes:
        raise FileTooLarge(source, f"{size / 1024 / 1024:.1f} MB is over the {settings.max_file_mb:g} MB limit (PRESSLINE_MAX_FILE_MB)")
    if size == 0:
        raise EmptyDocument(source, "the file is empty")
    kind = folder_kind(path, settings)
    if suffix == ".pdf":
        return _load_pdf(path, source, kind, settings)
    text = decode(path.read_bytes(), source)
    if suffix in (".yaml", ".yml"):
        return _load_rag_yaml(text, source, kind, settings)
    meta, body_offset = front_matter(text, source, settings)
    body = text[body_offset:]
    if suffix in (".html", ".htm"):
        body, body_offset, fmt = html_to_text(body), 0, "html"
    else:
        fmt = "markdown" if suffix in (".md", ".markdown") else "text"
    if not body.strip():
        raise EmptyDocument(source, "the file has front matter but no text")
    _check_line_length(body, source, settings)
    return _document(meta, source, kind, [Page(text=body, offset=body_offset)], fmt, path)


def folder_kind(path: Path, settings: Settings) -> str:
    """A document's kind comes from its folder (under uploads/, from the folder the admin chose)."""
    try:
        parts = Path(path).resolve().relative_to(settings.corpus_dir).parts
    except ValueError:
        parts = Path(path).parts
    for part in reversed(parts[:-1]):
        if part in FOLDER_KINDS:
            return FOLDER_KINDS[part]
    return "policy"


def decode(data: bytes, source: str) -> str:
    """Text in UTF-8, UTF-16 with a byte-order mark, or Windows-1252 / Latin-1 as office exports often are.

    Binary data, UTF-16 without a byte-order mark and damaged UTF-8 are refused, saying how to save the file:
    read as Windows-1252 they would be indexed as gibberish."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise BadEncoding(source, "the file starts like UTF-16 text but is not; save it as UTF-8") from None
    else:
        text = _decode_bytes(data, source)
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text[:65536]) // 100):
        raise BinaryFile(source, "binary data in a text file (control characters); is the suffix right?")
    return text.replace("\r\n", "\n")


def _decode_bytes(data: bytes, source: str) -> str:
    sample = data[:65536]
    if b"\x00" in sample:
        if _looks_like_utf16(sample):
            raise BadEncoding(source, "UTF-16 text without a byte-order mark; save it as UTF-8")
        raise BinaryFile(source, "binary data in a text file (NUL bytes); is the suffix right?")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if _UTF8_SEQUENCE.search(data):
            line = data.count(b"\n", 0, exc.start) + 1
            raise BadEncoding(source, f"UTF-8 text with a byte that is not UTF-8 (0x{data[exc.start]:02x} on line {line}); "
                                      "save the file as UTF-8 again") from None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_like_utf16(sample: bytes) -> bool:
    """Mostly-ASCII UTF-16: every other byte NUL, the bytes between them not."""
    even, odd = sample[0::2], sample[1::2]
    shares = sorted(half.count(0) / max(len(half), 1) for half in (even, odd))
    return shares[0] < 0.05 and shares[1] > 0.6


def _check_line_length(text: str, source: str, settings: Settings) -> None:
    longest = max(len(line) for line in text.split("\n"))
    if longest > settings.max_line_chars:
        raise OverReadingLimit(source, f"a line of {longest:,} characters is over the {settings.max_line_chars:,} limit "
                                       "(PRESSLINE_MAX_LINE_CHARS); export the document again with its line breaks")


def front_matter(text: str, source: str, settings: Settings | None = None) -> tuple[dict, int]:
    """The YAML front matter as a dict, and where the body starts."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---"):
            raise BadFrontMatter(source, "front matter opened with '---' but never closed")
        return {}, 0
    try:
        meta = load_yaml(match.group(1), source, settings) or {}
    except BadYaml as exc:
        raise BadFrontMatter(source, f"front matter: {exc.problem}") from None
    if not isinstance(meta, dict):
        raise BadFrontMatter(source, "front matter must be a mapping of fields (key: value)")
    return meta, match.end()


def _document(meta: dict, source: str, kind: str, pages: list[Page], fmt: str, path: Path) -> Document:
    meta = {key: _plain(value) for key, value in meta.items()}
    declared = meta.get("kind")
    if declared and declared != kind:
        raise BadFrontMatter(source, f"kind {declared!r} does not match its folder, which holds {kind!r} documents")
    doc_id = str(meta.get("id") or slug(source))
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", doc_id):
        raise BadFrontMatter(source, f"id {doc_id!r} must be lower-case letters, digits, '-', '.' or '_'")
    title = str(meta.get("title") or path.stem.replace("-", " ").replace("_", " ").strip().capitalize())
    if kind == "press_line":
        status = _press_line_status(meta, source)
    else:
        status = str(meta.get("status") or "current")
        if status not in DOCUMENT_STATUSES:
            raise BadFrontMatter(source, f"status {status!r} must be one of {', '.join(DOCUMENT_STATUSES)}")
    return Document(id=doc_id, title=title, kind=kind, source=source, status=status, meta=meta, pages=pages, format=fmt)


def _press_line_status(meta: dict, source: str) -> str:
    status = str(meta.get("status") or "")
    if status not in PRESS_LINE_STATUSES:
        raise BadFrontMatter(source, f"press line status {status!r} must be one of {', '.join(PRESS_LINE_STATUSES)}")
    # Only an approved line must say who approved it and when (a draft can be withdrawn unapproved).
    required = ("id", "title", "approved_by", "approved_on", "review_by") if status == "approved" else ("id", "title")
    missing = [name for name in required if not meta.get(name)]
    if missing:
        raise BadFrontMatter(source, f"a {status} press line needs {', '.join(missing)} in its front matter")
    for name in ("approved_on", "review_by"):
        if not meta.get(name):
            continue
        try:
            dt.date.fromisoformat(str(meta[name]))
        except ValueError:
            raise BadFrontMatter(source, f"{name} {meta[name]!r} is not a date (YYYY-MM-DD)") from None
    return status


def _plain(value):
    """Dates become ISO text so metadata compares and serialises the same everywhere."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def slug(source: str) -> str:
    stem = source.removeprefix("corpus/").rsplit(".", 1)[0]
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "document"


def _load_pdf(path: Path, source: str, kind: str, settings: Settings) -> Document:
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError, PdfReadError

    warnings: list[str] = []
    try:
        with _PDF_LOCK, _pypdf_warnings(warnings), apply_configuration(**_decompression_limits(settings.max_pdf_content_bytes)):
            reader = PdfReader(path)
            if reader.is_encrypted and not reader.decrypt(""):
                raise EncryptedPDF(source, "the PDF is password-protected; upload an unprotected copy")
            if len(reader.pages) > settings.max_pdf_pages:
                raise OverReadingLimit(source, f"{len(reader.pages):,} pages is over the {settings.max_pdf_pages:,} page "
                                               "limit (PRESSLINE_MAX_PDF_PAGES); split the PDF")
            texts = _page_texts(reader, source, settings)
            title = (reader.metadata or {}).get("/Title") if reader.metadata else None
    except (EncryptedPDF, OverReadingLimit):
        raise
    except LimitReachedError:
        raise _content_over_limit(source, settings) from None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise CorruptDocument(source, f"the PDF cannot be read ({type(exc).__name__}: {str(exc)[:120]})") from None
    except Exception as exc:  # pypdf raises many kinds on damaged files; any of them means "corrupt"
        raise CorruptDocument(source, f"the PDF cannot be read ({type(exc).__name__})") from None
    if not texts:
        raise EmptyDocument(source, "the PDF has no pages")
    pages = [Page(text=text, number=number) for number, text in enumerate(texts, start=1) if text.strip()]
    if not pages:
        raise NoTextLayer(source, "the PDF has no text layer (a scan?); run OCR on it first")
    meta = {"title": str(title)} if title else {}
    document = _document(meta, source, kind, pages, "pdf", path)
    document.warnings = _summarised(warnings)
    return document


def _page_texts(reader, source: str, settings: Settings) -> list[str]:
    """Each page's text, counting the content decompressed and the text extracted against the file's limits.

    A page's streams are decompressed (each within what is left of the budget) and counted before its text is
    extracted; pypdf keeps the decompressed data, so extraction does not decompress them again, and a stream
    drawn on many pages (a letterhead) counts once."""
    from pypdf import apply_configuration

    budget, decompressed, extracted, texts, counted = settings.max_pdf_content_bytes, 0, 0, [], set()
    for page in reader.pages:
        for stream in _drawn_streams(page):
            if id(stream) in counted:
                continue
            counted.add(id(stream))
            with apply_configuration(**_decompression_limits(budget - decompressed)):
                decompressed += len(stream.get_data())
            if decompressed > budget:
                raise _content_over_limit(source, settings)
        with apply_configuration(**_decompression_limits(budget - decompressed)):
            texts.append(page.extract_text() or "")
        extracted += len(texts[-1])
        if extracted > settings.max_pdf_text_chars:
            raise OverReadingLimit(source, f"the PDF's text is over the {settings.max_pdf_text_chars:,} character limit "
                                           "(PRESSLINE_MAX_PDF_TEXT_CHARS); split the PDF")
    return texts


def _drawn_streams(page) -> list:
    """The streams extracting a page's text reads: its content streams and every form XObject it can draw, once each."""
    from pypdf.generic import ArrayObject, DictionaryObject, StreamObject

    def resolved(value):
        return value.get_object() if value is not None else None

    contents = resolved(page.get("/Contents"))
    streams = [resolved(item) for item in contents] if isinstance(contents, ArrayObject) else [contents]
    pending, seen = [resolved(page.get("/Resources"))], set()
    while pending:
        resources = pending.pop()
        xobjects = resolved(resources.get("/XObject")) if isinstance(resources, DictionaryObject) else None
        for xobject in xobjects.values() if isinstance(xobjects, DictionaryObject) else ():
            xobject = resolved(xobject)
            if isinstance(xobject, StreamObject) and xobject.get("/Subtype") == "/Form" and id(xobject) not in seen:
                seen.add(id(xobject))
                streams.append(xobject)
                pending.append(resolved(xobject.get("/Resources")))
    return [stream for stream in streams if isinstance(stream, StreamObject)]


def _decompression_limits(left: int) -> dict[str, int]:
    """pypdf's per-stream output limits, set to what is left of the file's budget (0 would mean no limit)."""
    left = max(left, 1)
    return {name: left for name in ("zlib_maximum_output_length", "lzw_maximum_output_length",
                                    "run_length_maximum_output_length", "brotli_maximum_output_length",
                                    "array_based_stream_maximum_output_length")}


def _content_over_limit(source: str, settings: Settings) -> OverReadingLimit:
    return OverReadingLimit(source, f"the PDF's content decompresses to more than {settings.max_pdf_content_mb:g} MB "
                                    "(PRESSLINE_MAX_PDF_CONTENT_MB): a decompression bomb, or a PDF to split")


class _Collect(logging.Handler):
    def __init__(self, into: list[str]):
        super().__init__(logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(" ".join(record.getMessage().split()))


@contextmanager
def _pypdf_warnings(into: list[str]):
    """Collect pypdf's warnings into `into` instead of letting them reach stderr without the file's name."""
    logger = logging.getLogger("pypdf")
    handler, propagate = _Collect(into), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _summarised(warnings: list[str]) -> list[str]:
    """Each distinct warning once, the first few of them: a damaged PDF can repeat one thousands of times."""
    distinct = list(dict.fromkeys(warnings))
    shown = [f"PDF reader: {warning}" for warning in distinct[:MAX_WARNINGS_PER_FILE]]
    if len(distinct) > MAX_WARNINGS_PER_FILE:
        shown.append(f"PDF reader: {len(distinct) - MAX_WARNINGS_PER_FILE} more kinds of warning not shown")
    return shown


def rag_table_from_text(text: str, source: str, settings: Settings) -> Document:
    """The RAG table read from `text` (e.g. the last approved version of the file), checked as the ingest checks it."""
    return _load_rag_yaml(text, source, "rag_table", settings)


def _load_rag_yaml(text: str, source: str, kind: str, settings: Settings) -> Document:
    try:
        table = load_yaml(text, source, settings)
    except BadYaml as exc:
        raise BadFrontMatter(source, exc.problem) from None
    if kind != "rag_table" or not isinstance(table, dict) or not isinstance(table.get("statuses"), list):
        raise UnsupportedFileType(source, "a YAML document must be the RAG table (kind: rag_table, with statuses:)")
    for status in table["statuses"]:
        if not isinstance(status, dict) or status.get("status") not in ("green", "amber", "red"):
            raise BadFrontMatter(source, "each RAG status needs status: green, amber or red")
        if not status.get("label") or not status.get("row") or not isinstance(status.get("topics"), list):
            raise BadFrontMatter(source, f"RAG status {status['status']} needs label, row and topics")
        for topic in status["topics"]:
            if not isinstance(topic, dict) or not topic.get("name"):
                raise BadFrontMatter(source, f"a topic under {status['status']} has no name")
    meta = {key: _plain(value) for key, value in table.items()}
    return Document(
        id=str(table.get("id") or slug(source)), title=str(table.get("title") or "RAG table"), kind="rag_table",
        source=source, status=str(table.get("status") or "current"), meta=meta, pages=[Page(text=text)], format="rag_yaml",
    )


class _TextExtractor(HTMLParser):
    _BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "ul", "ol"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")
            if tag in ("h1", "h2", "h3", "h4"):
                self.parts.append("#" * int(tag[1]) + " ")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Readable text from HTML, headings kept as Markdown headings; what an HTML citation quotes."""
    extractor = _TextExtractor()
    extractor.feed(html)
    text = "".join(extractor.parts)
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip() + "\n"
