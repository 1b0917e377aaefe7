"""Pressline ingest: the corpus files → chunks → the local Chroma store and its BM25 index.

Usage::

    from ingest import get_settings, run_ingest
    report = run_ingest(get_settings())
"""

from . import offline  # noqa: F401  (must run before chromadb, transformers or langchain import)
from .errors import DocumentError, IndexUnavailable, IngestLocked, PresslineError
from .pipeline import IngestReport, index_status, read_state, run_ingest
from .settings import Settings, get_settings

__all__ = [
    "DocumentError",
    "IndexUnavailable",
    "IngestLocked",
    "IngestReport",
    "PresslineError",
    "Settings",
    "get_settings",
    "index_status",
    "read_state",
    "run_ingest",
]
