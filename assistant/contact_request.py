"""Questions that ask how to reach someone ("what's the number for the press bureau?"): answered from contacts.yaml.

Each contact lists the names officers use for it (`known_as`, data the press office keeps); a question that names one
of them and asks for a way to reach it is answered with that contact's details, cited to the passage of the contact's
source document that gives them.

Usage::

    contacts_asked_for("whats the number for the press bureau again?", res.contacts)   # ["dmc"]
"""

import re

__all__ = ["contacts_asked_for"]

ASKS_HOW_TO_REACH = re.compile(
    r"\b(?:(?:phone|tel|telephone|contact|internal|direct|mobile|landline|out of hours|ooh|duty)\s+(?:number|no|details|line)|"
    r"(?:the|their|its|what|which)\s+(?:[\w'’-]+\s+){0,3}?number|email address|e-?mail|extension|ext|how (?:do|can|would|should|could) (?:i|we|you|officers) (?:contact|reach|"
    r"get hold of|get in touch with|ring|call|phone|email)|who (?:do|should|can|would) (?:i|we) (?:ring|call|phone|contact|"
    r"speak to|talk to))\b", re.I)
"""Asking for a way to reach someone: a number, an email, how to get hold of them."""

NOT_SOMEONE_IN_IT = r"(?!\s+(?:borough|support|officer|officers|manager|lead|rep|person|staff|member|liaison|partner|press officer)\b)"
"""'The DMC borough support officer for Barnet': a named person in it, whom the contacts do not list."""


def contacts_asked_for(text: str, contacts: dict[str, dict]) -> list[str]:
    """The keys of the contacts `text` asks how to reach, by any name the force gives them; none if it does not ask."""
    if not ASKS_HOW_TO_REACH.search(text):
        return []
    lowered = text.lower()
    return [key for key, entry in contacts.items()
            if any(re.search(rf"\b{re.escape(name.lower())}\b{NOT_SOMEONE_IN_IT}", lowered)
                   for name in [entry.get("name", ""), *entry.get("known_as", [])] if isinstance(name, str) and name.strip())]
