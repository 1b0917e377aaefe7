"""What the risk readers find in each green example of the bank, kept on disk between processes.

Loading the bank reads every green example with the risk readers (about 800 of them: a second and a half, the largest
part of a server's start after the model). The answers depend only on the example's text, the engine's code, the phrase
book, the RAG table's topics and the day, so they are saved under a key made of those and read back by the next process
that has the same ones. A missing, stale or unreadable file only means the examples are read again.

Usage::

    checks = GreenChecks.open(settings, fingerprint)   # fingerprint: what else the readers depend on
    why = checks.get(text, read)                        # read(text) -> the risks raised, or None
    checks.save()
"""

import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Callable

from ingest.settings import Settings

log = logging.getLogger(__name__)
CACHE_FOLDER = "cache"
PREFIX = "green-checks-"
CODE_ROOT = Path(__file__).resolve().parent


def code_fingerprint() -> bytes:
    """The engine's own code and data files: any change to a reader, the policy or the lexicon changes it."""
    digest = hashlib.sha256()
    for path in sorted(CODE_ROOT.rglob("*")):
        if path.suffix in (".py", ".yaml") and path.is_file():
            digest.update(path.relative_to(CODE_ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


class GreenChecks:
    """text → the risks the readers raise in it (None: nothing), for one key."""

    def __init__(self, path: Path, found: dict[str, str | None]):
        self.path = path
        self._found = found
        self._added = False

    @classmethod
    def open(cls, settings: Settings, *depends_on: bytes) -> "GreenChecks":
        digest = hashlib.sha256(code_fingerprint())
        for part in (*depends_on, dt.date.today().isoformat().encode()):
            digest.update(hashlib.sha256(part).digest())
        path = settings.data_dir / CACHE_FOLDER / f"{PREFIX}{digest.hexdigest()[:24]}.json"
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(found, dict) or not all(isinstance(value, (str, type(None))) for value in found.values()):
                raise ValueError("not a mapping of text to risks")
        except FileNotFoundError:
            found = {}
        except (OSError, ValueError) as exc:
            log.warning("%s: ignored (%s); the green examples are read again", path, exc)
            found = {}
        return cls(path, found)

    def get(self, text: str, read: Callable[[str], str | None]) -> str | None:
        if text not in self._found:
            self._found[text] = read(text)
            self._added = True
        return self._found[text]

    def save(self) -> None:
        """Write what was read, atomically, and remove the files of other keys (older code, another day)."""
        if not self._added:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.path.parent, delete=False,
                                             prefix=".green-checks-", suffix=".tmp") as handle:
                json.dump(self._found, handle)
            os.replace(handle.name, self.path)
            for other in self.path.parent.glob(f"{PREFIX}*.json"):
                if other != self.path:
                    other.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not save %s (%s); the next start reads the green examples again", self.path, exc)
        self._added = False


__all__ = ["GreenChecks", "code_fingerprint"]
