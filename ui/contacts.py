"""Who Pressline escalates to, as corpus/contacts.yaml lists them, for the escalation card and error messages."""

import logging
from pathlib import Path

from ingest.safe_yaml import BadYaml, read_yaml

log = logging.getLogger(__name__)
PLACEHOLDER = "TO BE SET"


def load_contacts(corpus_dir: Path) -> dict[str, dict]:
    """The contacts by key (dmc, legal_services, …); an unreadable file gives none, so the card falls back to the engine's text."""
    try:
        contacts = read_yaml(corpus_dir / "contacts.yaml") or {}
    except (OSError, BadYaml) as exc:
        log.warning("contacts unavailable: %s", exc)
        return {}
    if not isinstance(contacts, dict):
        return {}
    return {key: value for key, value in contacts.items() if isinstance(value, dict)}


def known(value) -> str:
    """The field's value, or "" while it is still the force's placeholder."""
    text = str(value or "").strip()
    return "" if PLACEHOLDER in text else text


def urgent_help(corpus_dir: Path) -> str:
    """A sentence telling an officer where to get advice when Pressline cannot give it."""
    dmc = load_contacts(corpus_dir).get("dmc", {})
    name = known(dmc.get("name")) or "the DMC 24-hour Press Bureau"
    phone = known(dmc.get("phone"))
    return f"For urgent advice, contact {name}" + (f" on {phone}." if phone else ".")
