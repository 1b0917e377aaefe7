"""The media-law factsheets and press lines: structure, legal references, and unconfirmed points."""

import datetime as dt
import re

import pytest
import yaml
from conftest import CORPUS

from ingest.loaders import front_matter

FACTSHEETS = sorted((CORPUS / "media-law").glob("*.md"))
PRESS_LINES = sorted((CORPUS / "press-lines").glob("*.md"))
SECTIONS = ["What the rule is", "When it bites", "What you may say", "What you must not say", "Who to ask"]
REFERENCES = yaml.safe_load((CORPUS / "legal-references.yaml").read_text(encoding="utf-8"))
SECTION_REF = r"(?:s\.\s?\d+[A-Z]?(?:\(\d+[A-Z]?\))?|Sch(?:edule)?\s?\d+|Part\s?\d+|reg\s?\d+)"


def split(path):
    text = path.read_text(encoding="utf-8")
    meta, body_start = front_matter(text, path.name)
    return meta, text[body_start:]


def act_names() -> dict[str, str]:
    """Every way a factsheet may name an Act → the Act's full name."""
    names = dict(REFERENCES.get("abbreviations") or {})
    for allowed in REFERENCES["allowed"]:
        match = re.match(rf"(.+? (?:Act|Regulations) \d{{4}}) {SECTION_REF}$", allowed)
        if match:
            names[match.group(1)] = match.group(1)
    return names


def test_there_are_at_least_fourteen_factsheets_and_fifteen_current_lines():
    assert len(FACTSHEETS) >= 14
    today = dt.date(2026, 11, 20)
    current = [path for path in PRESS_LINES if (meta := split(path)[0])["status"] == "approved"
               and dt.date.fromisoformat(str(meta["review_by"])) >= today]
    assert len(current) >= 15


@pytest.mark.parametrize("path", FACTSHEETS, ids=lambda path: path.name)
def test_factsheet_structure(path):
    meta, body = split(path)
    assert meta["kind"] == "media_law" and meta["owner"] == "DMC / Directorate of Legal Services" and meta["reviewed"]
    headings = re.findall(r"^## (.+?)\s*$", body, re.MULTILINE)
    assert headings == SECTIONS


@pytest.mark.parametrize("path", FACTSHEETS, ids=lambda path: path.name)
def test_every_unconfirmed_point_says_confirm_with_legal_services(path):
    meta, body = split(path)
    unconfirmed = meta.get("unconfirmed") or []
    assert len(re.findall(r"confirm with Legal Services", body, re.IGNORECASE)) >= len(unconfirmed)


@pytest.mark.parametrize("path", FACTSHEETS, ids=lambda path: path.name)
def test_front_matter_references_are_in_the_allowed_table(path):
    meta, _ = split(path)
    unknown = [reference for reference in meta.get("references") or [] if reference not in REFERENCES["allowed"]]
    assert not unknown, f"not in corpus/legal-references.yaml: {unknown}"


@pytest.mark.parametrize("path", FACTSHEETS, ids=lambda path: path.name)
def test_section_references_in_the_text_are_in_the_allowed_table(path):
    _, body = split(path)
    names = act_names()
    pattern = re.compile(rf"({'|'.join(re.escape(name) for name in sorted(names, key=len, reverse=True))})\s+({SECTION_REF})")
    allowed = set(REFERENCES["allowed"])
    unknown = []
    for act, section in pattern.findall(body):
        section = re.sub(r"\s+", " ", section).replace("s. ", "s.")
        full = f"{names[act]} {section}"
        without_subsection = re.sub(r"\(\d+[A-Z]?\)$", "", full)
        if full not in allowed and without_subsection not in allowed:
            unknown.append(full)
    assert not unknown, f"legal references not in the allowed table: {unknown}"


def test_the_reference_check_catches_a_typo(tmp_path):
    typo = tmp_path / "typo.md"
    typo.write_text("---\nid: ml-typo\n---\n## What the rule is\nSee Children and Young Persons Act 1933 s.94.\n")
    names = act_names()
    pattern = re.compile(rf"({'|'.join(re.escape(n) for n in names)})\s+({SECTION_REF})")
    found = [f"{names[a]} {s}" for a, s in pattern.findall(split(typo)[1])]
    assert found == ["Children and Young Persons Act 1933 s.94"] and found[0] not in REFERENCES["allowed"]


def test_section_39_is_never_cited_as_law():
    for path in FACTSHEETS:
        _, body = split(path)
        assert not re.search(r"(?:CYPA 1933|Children and Young Persons Act 1933)\s+s\.\s?39", body), path.name


@pytest.mark.parametrize("path", PRESS_LINES, ids=lambda path: path.name)
def test_press_line_front_matter(path):
    meta, body = split(path)
    assert meta["kind"] == "press_line" and meta["status"] in ("approved", "draft", "withdrawn") and body.strip()
    if meta["status"] != "draft":
        assert meta["approved_by"] and meta["approved_on"] and meta["review_by"] and meta["do_not_say"]
        assert not re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", str(meta["approved_by"]).replace("DMC", "")), "a role, not a name"


def test_inactive_lines_exist_so_the_app_can_show_they_are_never_current():
    statuses = {split(path)[0]["status"] for path in PRESS_LINES}
    overdue = [path for path in PRESS_LINES if split(path)[0]["status"] == "approved"
               and dt.date.fromisoformat(str(split(path)[0]["review_by"])) < dt.date(2026, 11, 20)]
    assert {"withdrawn", "draft"} <= statuses and overdue


@pytest.mark.parametrize("path", FACTSHEETS + PRESS_LINES, ids=lambda path: path.name)
def test_no_factsheet_or_press_line_shows_officers_a_file_path(path):
    """Their words are quoted to officers as key messages and answers: a document is named by its title, never by where
    it sits in the repository."""
    assert not re.search(r"corpus/|\w\.(?:md|ya?ml|txt|pdf)\b", split(path)[1])
