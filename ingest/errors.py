"""Exceptions raised while reading the corpus and keeping the index."""


class PresslineError(Exception):
    """Base class for every error Pressline reports to a person."""


class DocumentError(PresslineError):
    """A document could not be ingested; the message names the file and the problem."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class UnsupportedFileType(DocumentError):
    """The file's suffix is not one Pressline reads."""


class FileTooLarge(DocumentError):
    """The file is over the size limit set by PRESSLINE_MAX_FILE_MB."""


class EmptyDocument(DocumentError):
    """The file holds no text to index."""


class BinaryFile(DocumentError):
    """A file with a text suffix holds binary data."""


class BadEncoding(DocumentError):
    """Text in an encoding Pressline does not guess (UTF-16 without a byte-order mark, damaged UTF-8)."""


class OverReadingLimit(DocumentError):
    """Reading the file would go over a limit in settings: a PDF's pages, its decompressed content or its text,
    or a text file's line length. Bombs stop here, at the limit, before they cost memory or time."""


class CorruptDocument(DocumentError):
    """The file is damaged or not in the format its suffix claims."""


class EncryptedPDF(DocumentError):
    """The PDF is password-protected."""


class NoTextLayer(DocumentError):
    """The PDF has no extractable text (a scan with no OCR layer)."""


class BadFrontMatter(DocumentError):
    """The YAML front matter or YAML document is malformed or missing a required field."""


class IndexUnavailable(PresslineError):
    """The index is missing or cannot be opened; run `python -m ingest`."""


class IngestLocked(PresslineError):
    """Another ingest holds the writer lock."""


class DatabaseUnavailable(PresslineError):
    """The database cannot be opened or migrated; the message names it (without its password) and says why."""
