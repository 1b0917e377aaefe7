"""Who Pressline escalates to, as corpus/contacts.yaml lists them, for the escalation card and error messages."""

import re
from collections.abc import Iterable
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


NUMBER = re.compile(r"\+?\d[\d ]{3,}\d")


def phone_numbers(contacts: dict[str, dict]) -> list[str]:
    """The numbers the force has set for its contacts ("763300" of "763300 (internal)")."""
    found = (NUMBER.search(known(entry.get("phone"))) for entry in contacts.values())
    return list(dict.fromkeys(match.group(0) for match in found if match))


def with_phone_links(markdown: str, numbers: Iterable[str]) -> str:
    """`markdown` with each of the force's contact numbers as a tel: link, so a tap on a phone rings it. Only numbers
    from the contacts file become links: a number in a document's text stays text."""
    for number in numbers:
        digits = re.sub(r"[^\d+]", "", number)
        markdown = re.sub(rf"(?<![\d\[]){re.escape(number)}(?!\d)", f"[{number}](tel:{digits})", markdown)
    return markdown
