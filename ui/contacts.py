"""Who Pressline escalates to, as corpus/contacts.yaml lists them, for the escalation card and error messages."""

import logging
from pathlib import Path

from ingest.approvals import Approvals
from ingest.safe_yaml import BadYaml, load_yaml
from ingest.settings import get_settings

log = logging.getLogger(__name__)
PLACEHOLDER = "TO BE SET"


def load_contacts(corpus_dir: Path) -> dict[str, dict]:
    """The contacts by key (dmc, legal_services, …); an unreadable file gives none, so the card falls back to the engine's text.

    Only an approved version is used: unapproved changes fall back to the last approved version, or to none."""
    settings = get_settings().model_copy(update={"corpus_dir": Path(corpus_dir)})
    content, warning = Approvals(settings).configuration(Path(corpus_dir) / "contacts.yaml")
    if warning:
        log.warning("%s", warning)
    try:
        contacts = (load_yaml(content, "contacts.yaml") or {}) if content is not None else {}
    except BadYaml as exc:
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
