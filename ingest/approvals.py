"""Approved content only: which version of each corpus file may be cited or used, and who approved it.

A file's version is the SHA-256 of its bytes. A version is approved when

- it is listed in the committed manifest `corpus/approved.sha256` (`sha256sum` format, paths relative to the
  corpus folder; `cd corpus && sha256sum -c approved.sha256` checks it): committing a file with its line in the
  manifest approves it, and a test fails if a committed corpus file is missing from the manifest or does not
  match it; or
- an admin approved it on the admin page: a record (who, when, the content hash) in Pressline's database, with
  the audit log (ingest/database.py).

Anything else — an upload, a file edited in place, a file dropped into the corpus folder — is a draft: the
assistant never cites it. A changed file has a new hash, so it goes back to draft until approved again.

Configuration files (the RAG table, contacts, the lexicon, the example bank) are never used unapproved: the last
approved version, kept here as a snapshot whenever one is seen, is used instead, with a warning, or, failing
that, the built-in default. An approval that would turn an amber or red RAG topic green is refused.

Lives in ingest (the lowest layer) so that the assistant and the app can both use it.

Usage::

    approvals = Approvals(get_settings())
    approvals.is_approved(path)            # may this version be cited?
    approvals.approve(path, "DMC duty press officer")
    python -m ingest.approvals --write-manifest     # after changing committed corpus files, then commit
"""

import argparse
import datetime as dt
import hashlib
import logging
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.exc import SQLAlchemyError

from . import database
from .database import approvals as approval_records
from .database import snapshots, transaction, upsert
from .errors import DatabaseUnavailable, PresslineError
from .safe_yaml import BadYaml, load_yaml
from .settings import REPO_ROOT, Settings, get_settings

MANIFEST = "approved.sha256"
LEXICON = REPO_ROOT / "assistant" / "lexicon.yaml"
# Configuration files whose last approved version is kept, so an unapproved edit can fall back to it.
CONFIGURATION = ("rag-table/rag-table.yaml", "contacts.yaml", "examples.yaml", "phrases.yaml", "../assistant/lexicon.yaml")
# Files in the corpus folder that are not content: they are not approved or cited.
NOT_CONTENT = {"README.md", MANIFEST}
RAG_ORDER = {"green": 0, "amber": 1, "red": 2}
log = logging.getLogger(__name__)


class ApprovalRefused(PresslineError):
    """An approval that may not be given; the message says why."""


@dataclass(frozen=True)
class Approval:
    path: str
    sha256: str
    approved_by: str
    approved_at: str
    how: str  # "commit" (in the committed manifest) or "admin" (approved on the admin page)

    def describe(self) -> str:
        if self.how == "commit":
            return "approved by its commit (listed in corpus/approved.sha256)"
        return f"approved by {self.approved_by} at {self.approved_at.replace('T', ' ')} UTC"


_HASHES: dict[tuple[str, int, int], str] = {}
_HASH_LOCK = threading.Lock()


def sha256_of(path: Path) -> str | None:
    """The SHA-256 of the file's bytes (cached by path, size and modification time), or None if it cannot be read."""
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    with _HASH_LOCK:
        if key in _HASHES:
            return _HASHES[key]
    try:
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None
    with _HASH_LOCK:
        _HASHES[key] = digest
    return digest


def key_of(settings: Settings, path: Path) -> str:
    """How the manifest and the records name a file: relative to the corpus folder (the lexicon as ../assistant/…)."""
    path = Path(path).resolve()
    try:
        return path.relative_to(settings.corpus_dir.resolve()).as_posix()
    except ValueError:
        pass
    try:
        return "../" + path.relative_to(REPO_ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def path_of(settings: Settings, key: str) -> Path:
    if key.startswith("../"):
        return REPO_ROOT / key[3:]
    return settings.corpus_dir / key


def read_manifest(settings: Settings) -> dict[str, str]:
    """path → hash from corpus/approved.sha256; a missing or damaged manifest approves nothing."""
    try:
        text = (settings.corpus_dir / MANIFEST).read_text(encoding="utf-8")
    except OSError:
        return {}
    manifest = {}
    for line in text.splitlines():
        parts = line.strip().split(maxsplit=1)
        if len(parts) == 2 and len(parts[0]) == 64 and not line.lstrip().startswith("#"):
            manifest[parts[1].lstrip("*")] = parts[0].lower()
    return manifest


def committed_files(settings: Settings) -> list[str]:
    """The content files the manifest must list: the corpus files git tracks (and the lexicon), as keys."""
    # Run in the corpus folder, git names the files relative to it, as the manifest does.
    tracked = subprocess.run(["git", "ls-files", "-z", "."], cwd=settings.corpus_dir, capture_output=True,
                             check=True).stdout.decode().split("\0")
    keys = {name for name in tracked if name and Path(name).name not in NOT_CONTENT and name.split("/")[0] != "uploads"}
    return sorted(keys | {key_of(settings, LEXICON)})


def write_manifest(settings: Settings) -> Path:
    lines = [f"{sha256_of(path_of(settings, key))}  {key}" for key in committed_files(settings)]
    target = settings.corpus_dir / MANIFEST
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


class Approvals:
    """The approval records and the committed manifest, for one corpus and data folder."""

    def __init__(self, settings: Settings):
        self.settings = settings

    @property
    def engine(self):
        return database.get_engine(self.settings)

    def _records(self, query) -> list:
        """Rows of a query on the approval records; none, with a warning, when the database cannot be opened, so the
        committed manifest still approves what it lists (a database outage makes drafts of admin approvals, never
        the reverse)."""
        try:
            with self.engine.connect() as db:
                return list(db.execute(query))
        except (DatabaseUnavailable, SQLAlchemyError) as exc:
            log.warning("approvals made on the admin page cannot be read (%s); only the committed manifest counts",
                        str(exc).splitlines()[0])
            return []

    def manifest(self) -> dict[str, str]:
        return read_manifest(self.settings)

    def approval(self, path: Path, sha256: str | None = None) -> Approval | None:
        """The approval of the file's current version (or of `sha256`), or None: it is a draft."""
        key = key_of(self.settings, path)
        sha256 = sha256 or sha256_of(path)
        if sha256 is None:
            return None
        if self.manifest().get(key) == sha256:
            return Approval(key, sha256, "commit", "", "commit")
        rows = self._records(select(approval_records).where(approval_records.c.path == key,
                                                            approval_records.c.sha256 == sha256)
                             .order_by(approval_records.c.id.desc()).limit(1))
        return Approval(key, sha256, rows[0].approved_by, rows[0].approved_at, "admin") if rows else None

    def is_approved(self, path: Path) -> bool:
        return self.approval(path) is not None

    def approved_sources(self, sources: set[str]) -> set[str]:
        """Which of these sources (as chunks record them, relative to the repo root) are approved as they are now."""
        manifest = self.manifest()
        records = {(row.path, row.sha256) for row in self._records(select(approval_records.c.path,
                                                                           approval_records.c.sha256))}
        approved = set()
        for source in sources:
            path = self.settings.root / source
            key, sha256 = key_of(self.settings, path), sha256_of(path)
            if sha256 and (manifest.get(key) == sha256 or (key, sha256) in records):
                approved.add(source)
        return approved

    def approve(self, path: Path, approved_by: str) -> Approval:
        """Record that the file's current version is approved; refused if it would turn an amber or red RAG topic green."""
        approved_by = " ".join(approved_by.split())
        if not approved_by:
            raise ApprovalRefused("say who approves it (a role, e.g. DMC duty press officer)")
        key = key_of(self.settings, path)
        try:
            content = Path(path).read_bytes()
        except OSError as exc:
            raise ApprovalRefused(f"{key} cannot be read: {exc.strerror or exc}") from None
        sha256 = hashlib.sha256(content).hexdigest()
        if is_rag_table(key):
            previous = self.last_approved_content(key)
            if previous is not None:
                greened = turned_green(previous, content, key, self.settings)
                if greened:
                    raise ApprovalRefused(
                        f"this version of {key} turns {', '.join(greened)} green, which the approved table has as amber "
                        "or red; a topic is made green only by changing the committed table (with DMC's sign-off)")
        at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "")
        with transaction(self.engine) as db:
            db.execute(insert(approval_records).values(path=key, sha256=sha256, approved_by=approved_by, approved_at=at))
        if key in CONFIGURATION:
            self.keep(key, sha256, content)
        return Approval(key, sha256, approved_by, at, "admin")

    def history(self, limit: int = 200) -> list[dict]:
        return [dict(row._mapping) for row in self._records(
            select(approval_records).order_by(approval_records.c.id.desc()).limit(limit))]

    # --- configuration files: the last approved version -------------------------------------------------

    def keep(self, key: str, sha256: str, content: bytes) -> None:
        """Keep an approved version of a configuration file, so a later unapproved edit can fall back to it."""
        at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "")
        try:
            with transaction(self.engine) as db:
                db.execute(upsert(self.engine, snapshots).values(path=key, sha256=sha256, content=content, saved_at=at)
                           .on_conflict_do_nothing())
        except (DatabaseUnavailable, SQLAlchemyError) as exc:  # read-only data folder: the fallback is the built-in default
            log.warning("could not keep the approved version of %s: %s", key, exc)

    def last_approved_content(self, key: str) -> bytes | None:
        path = path_of(self.settings, key)
        current = sha256_of(path)
        if current and self.approval(path, current):
            return path.read_bytes()
        rows = self._records(select(snapshots.c.content).where(snapshots.c.path == key)
                             .order_by(snapshots.c.saved_at.desc(), snapshots.c.id.desc()).limit(1))
        return bytes(rows[0].content) if rows else None

    def configuration(self, path: Path) -> tuple[bytes | None, str | None]:
        """(content to use, warning): the file if approved (kept as a snapshot), else the last approved version, else None.

        The warning, when there is one, says the file on disk is not being used and why."""
        key = key_of(self.settings, path)
        try:
            content = Path(path).read_bytes()
        except OSError:
            return None, None
        sha256 = hashlib.sha256(content).hexdigest()
        if self.approval(path, sha256):
            self.keep(key, sha256, content)
            return content, None
        previous = self.last_approved_content(key)
        if previous is not None:
            return previous, f"{key} has changes nobody has approved; the last approved version is used until an admin approves them"
        return None, f"{key} has never been approved; the built-in default is used until an admin approves it"


def is_rag_table(key: str) -> bool:
    return key.startswith("rag-table/") and key.endswith((".yaml", ".yml"))


def _topic_statuses(content: bytes, key: str, settings: Settings) -> dict[str, str]:
    """Every topic name and alias (lower case) → its strictest status in a RAG table."""
    try:
        table = load_yaml(content, key, settings) or {}
    except BadYaml:
        return {}
    found: dict[str, str] = {}
    for status in table.get("statuses") or [] if isinstance(table, dict) else []:
        if not isinstance(status, dict) or status.get("status") not in RAG_ORDER:
            continue
        for topic in status.get("topics") or []:
            if not isinstance(topic, dict):
                continue
            for name in [topic.get("name"), *(topic.get("aliases") or [])]:
                if name:
                    name = " ".join(str(name).lower().split())
                    if RAG_ORDER[status["status"]] >= RAG_ORDER.get(found.get(name, "green"), 0):
                        found[name] = status["status"]
    return found


def turned_green(before: bytes, after: bytes, key: str, settings: Settings) -> list[str]:
    """The topics (by name or alias) amber or red `before` that are green `after`."""
    old, new = _topic_statuses(before, key, settings), _topic_statuses(after, key, settings)
    return sorted(f"'{name}'" for name, status in new.items() if status == "green" and old.get(name) in ("amber", "red"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.approvals", description=__doc__.split("\n\n")[0])
    parser.add_argument("--write-manifest", action="store_true",
                        help="write corpus/approved.sha256 from the corpus files git tracks (then commit it)")
    args = parser.parse_args(argv)
    settings = get_settings()
    if args.write_manifest:
        print(f"wrote {write_manifest(settings)}")
        return 0
    manifest = read_manifest(settings)
    for key in committed_files(settings):
        state = "approved" if manifest.get(key) == sha256_of(path_of(settings, key)) else "DRAFT (not as committed)"
        print(f"{state}: {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
