"""The admin's changes to the corpus files: uploads, and press lines added, edited, approved or withdrawn.

Every change is to a file under corpus/; the index follows on the next ingest. Press-line files are
written in the corpus's own format (corpus/README.md): YAML front matter in a fixed key order, then the line.
"""

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ingest.approvals import Approvals
from ingest.errors import DocumentError, PresslineError
from ingest.loaders import decode, front_matter, load_document
from ingest.settings import Settings

UPLOAD_FOLDERS = {"policy": "Force policy", "media-law": "Media-law factsheet", "press-lines": "Press line"}
UPLOAD_SUFFIXES = (".pdf", ".md", ".markdown", ".txt")
PRESS_LINE_SUFFIXES = (".md", ".markdown", ".txt")
PRESS_LINE_KEYS = ("id", "title", "kind", "topic", "status", "approved_by", "approved_on", "review_by", "audience", "do_not_say")
_BARE = re.compile(r"[a-z][a-z0-9_-]*|\d{4}-\d{2}-\d{2}")
_YAML_WORDS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"}


class CorpusChangeRefused(PresslineError):
    """An upload or edit that would break the corpus or its rules; the message says what to do instead."""


@dataclass
class PressLineFile:
    path: Path
    meta: dict
    body: str

    @property
    def status(self) -> str:
        return str(self.meta.get("status") or "")


def uploads_dir(settings: Settings) -> Path:
    return settings.corpus_dir / "uploads"


def save_upload(settings: Settings, filename: str, data: bytes, folder: str) -> Path:
    """Check and store an uploaded document under corpus/uploads/<folder>/; an uploaded press line is always a draft."""
    if folder not in UPLOAD_FOLDERS:
        raise CorpusChangeRefused(f"choose one of {', '.join(UPLOAD_FOLDERS)} for the document's kind")
    name = _safe_name(filename)
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise CorpusChangeRefused(f"{filename} is not a PDF, Markdown or text file")
    if len(data) > settings.max_file_bytes:
        raise CorpusChangeRefused(f"{filename} is {len(data) / 1024 / 1024:.1f} MB, over the {settings.max_file_mb:g} MB limit")
    if suffix == ".pdf" and not data.startswith(b"%PDF-"):
        raise CorpusChangeRefused(f"{filename} is not a PDF (its content does not start like one)")
    if folder == "press-lines":
        if suffix not in PRESS_LINE_SUFFIXES:
            raise CorpusChangeRefused("a press line must be Markdown or text, so it can carry its status and dates")
        # Approval is given on the admin page, never taken from an uploaded file's own front matter.
        try:
            data = as_draft(decode(data, filename), Path(name).stem).encode("utf-8")
        except DocumentError as exc:
            raise CorpusChangeRefused(f"{filename} cannot be used: {exc.problem}") from None
    target = uploads_dir(settings) / folder / name
    if target.exists():
        raise CorpusChangeRefused(f"an uploaded document named {name} already exists; delete it first to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    try:
        load_document(target, settings)
    except DocumentError as exc:
        target.unlink()
        raise CorpusChangeRefused(f"{filename} cannot be used: {exc.problem}") from None
    return target


def as_draft(text: str, stem: str) -> str:
    """A press line's text with status: draft in its front matter (added, with an id and title, if it has none)."""
    meta, body_start = front_matter(text, stem)
    meta["id"] = meta.get("id") or re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "uploaded-press-line"
    meta["title"] = meta.get("title") or stem.replace("-", " ").replace("_", " ").capitalize()
    meta |= {"kind": "press_line", "status": "draft"}
    return render_press_line(meta, text[body_start:])


def uploaded_documents(settings: Settings) -> list[Path]:
    folder = uploads_dir(settings)
    return sorted(path for path in folder.rglob("*") if path.is_file()) if folder.exists() else []


def delete_upload(settings: Settings, path: Path) -> None:
    """Remove an uploaded document (only uploads: the shipped corpus is changed in git, not from the app)."""
    path = Path(path).resolve()
    if not path.is_relative_to(uploads_dir(settings).resolve()):
        raise CorpusChangeRefused(f"{settings.relative(path)} is not an uploaded document")
    path.unlink(missing_ok=True)


def press_line_files(settings: Settings) -> list[PressLineFile]:
    """Every readable press-line file, shipped and uploaded, as it is on disk now (the index may lag until re-ingest).

    A file that cannot be read is left out here rather than taking the page down; the ingest names it, with what
    to fix, among the failed files on the Corpus tab."""
    folders = [settings.corpus_dir / "press-lines", uploads_dir(settings) / "press-lines"]
    paths = sorted(
        path for folder in folders if folder.exists()
        for path in folder.iterdir() if path.suffix.lower() in PRESS_LINE_SUFFIXES and path.name.lower() != "readme.md"
    )
    lines = []
    for path in paths:
        try:
            lines.append(read_press_line(settings, path))
        except DocumentError:
            continue
    return lines


def read_press_line(settings: Settings, path: Path) -> PressLineFile:
    text = decode(Path(path).read_bytes(), settings.relative(path))
    meta, body_start = front_matter(text, settings.relative(path))
    return PressLineFile(Path(path), meta, text[body_start:])


def add_press_line(settings: Settings, meta: dict, text: str) -> Path:
    """Write a new press line as a draft in corpus/press-lines/<id>.md; approving it is a separate step."""
    line_id = str(meta.get("id") or "")
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", line_id):
        raise CorpusChangeRefused("the id must be lower-case letters, digits and hyphens, e.g. pl-holding-arrest-made")
    if any(line.meta.get("id") == line_id for line in press_line_files(settings)):
        raise CorpusChangeRefused(f"a press line with id {line_id} already exists")
    if not str(meta.get("title") or "").strip() or not text.strip():
        raise CorpusChangeRefused("a press line needs a title and its wording")
    path = settings.corpus_dir / "press-lines" / f"{line_id}.md"
    _write(path, render_press_line(meta | {"kind": "press_line", "status": "draft"}, text.strip() + "\n"))
    return path


def edit_press_line(settings: Settings, path: Path, changes: dict, text: str) -> None:
    """Change a line's fields and wording; new wording for an approved line needs approving again, so it goes back to draft."""
    line = read_press_line(settings, path)
    meta = line.meta | changes
    text = text.strip() + "\n"
    if line.status == "approved" and text.strip() != line.body.strip():
        meta["status"] = "draft"
    _write(line.path, render_press_line(meta, text))


def has_unsaved_changes(line: PressLineFile, changes: dict, text: str) -> bool:
    """Whether a form's fields or wording differ from the line as it is on disk."""
    for key, value in changes.items():
        current = line.meta.get(key)
        if isinstance(value, list):
            if [str(item) for item in current or []] != value:
                return True
        elif str(current or "") != value:
            return True
    return text.strip() != line.body.strip()


def press_line_state(settings: Settings, path: Path) -> dict | None:
    """A line's front matter and wording, as the admin-action record keeps them before and after a change."""
    if not Path(path).is_file():
        return None
    line = read_press_line(settings, path)
    return {**{key: (value.isoformat() if isinstance(value, dt.date) else value) for key, value in line.meta.items()},
            "text": line.body}


def check_approval(approved_by: str, approved_on: dt.date, review_by: dt.date) -> None:
    if not approved_by.strip():
        raise CorpusChangeRefused("say who approved the line, by role (e.g. DMC duty press officer)")
    if review_by <= approved_on:
        raise CorpusChangeRefused("the review-by date must be after the approval date")


def approve_press_line(settings: Settings, path: Path, approved_by: str, approved_on: dt.date, review_by: dt.date) -> None:
    check_approval(approved_by, approved_on, review_by)
    line = read_press_line(settings, path)
    meta = line.meta | {"status": "approved", "approved_by": approved_by.strip(), "approved_on": approved_on.isoformat(),
                        "review_by": review_by.isoformat()}
    _write(line.path, render_press_line(meta, line.body))
    # Approving the line approves this version of its file, so it may be offered and cited (ingest/approvals.py).
    Approvals(settings).approve(line.path, approved_by)


def withdraw_press_line(settings: Settings, path: Path) -> None:
    """Set status: withdrawn and keep the file, so the record of the line stays."""
    line = read_press_line(settings, path)
    missing = [key for key in ("approved_by", "approved_on", "review_by") if not line.meta.get(key)]
    if missing:
        # The ingest reads a withdrawn line as a once-approved one and refuses it without these fields.
        raise CorpusChangeRefused(
            f"{line.meta.get('id')} was never approved (no {', '.join(missing)}), so it cannot be withdrawn; "
            "delete it if it was uploaded, or leave it as a draft (drafts are never offered)"
        )
    _write(line.path, render_press_line(line.meta | {"status": "withdrawn"}, line.body))


def lines_due_for_review(lines: list[PressLineFile], today: dt.date, within_days: int = 14) -> list[PressLineFile]:
    """Approved lines whose review-by date falls between `today` and `within_days` ahead, soonest first."""
    until = (today + dt.timedelta(days=within_days)).isoformat()
    due = [
        line for line in lines
        if line.status == "approved" and today.isoformat() <= str(line.meta.get("review_by") or "") <= until
    ]
    return sorted(due, key=lambda line: str(line.meta["review_by"]))


def render_press_line(meta: dict, body: str) -> str:
    """The file's text: front matter with the documented keys first, in order, then any others, then the body."""
    keys = [key for key in PRESS_LINE_KEYS if key in meta] + [key for key in meta if key not in PRESS_LINE_KEYS]
    lines = ["---"]
    for key in keys:
        value = meta[key]
        if isinstance(value, list):
            lines.append(f"{key}:" if value else f"{key}: []")
            lines.extend(f"  - {_scalar(item)}" for item in value)
        else:
            lines.append(f"{key}: {_scalar(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n" + body.lstrip("\n")


def _scalar(value) -> str:
    """A YAML scalar: plain words and dates bare, as the shipped files write them; anything else double-quoted."""
    if value is None:
        return "null"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and _BARE.fullmatch(value) and value not in _YAML_WORDS:
        return value
    if isinstance(value, (bool, int, float)):
        return json.dumps(value)
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value if isinstance(value, str) else str(value), ensure_ascii=False)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _safe_name(filename: str) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(filename).name).strip(".-")
    if not name or not Path(name).suffix:
        raise CorpusChangeRefused(f"{filename!r} is not a usable file name")
    return name
