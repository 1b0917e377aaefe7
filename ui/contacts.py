"""Who Pressline escalates to, as corpus/contacts.yaml lists them, for the escalation card and error messages."""

from pathlib import Path

from assistant.resources import approved_contacts, known_value
from ingest.settings import get_settings


def load_contacts(corpus_dir: Path) -> dict[str, dict]:
    """The approved contacts (see `approved_contacts`), for pages that may have no engine to ask."""
    return approved_contacts(get_settings().model_copy(update={"corpus_dir": Path(corpus_dir)}))


known = known_value


def urgent_help(corpus_dir: Path) -> str:
    """A sentence telling an officer where to get advice when Pressline cannot give it."""
    dmc = load_contacts(corpus_dir).get("dmc", {})
    name = known(dmc.get("name")) or "the DMC 24-hour Press Bureau"
    phone = known(dmc.get("phone"))
    return f"For urgent advice, contact {name}" + (f" on {phone}." if phone else ".")
