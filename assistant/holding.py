"""Ready-to-post wording: an approved holding line with its [slots] filled from what the officer said, and nothing else.

A slot the officer's words do not fill is left out with the word that leads into it ("following [brief description
of the incident]", "on [date]"); a sentence that still has an empty slot, or claims what was not said ("[He/She]
remains in custody." when nobody said so), is left out; if the line's first sentence cannot be filled there is no
wording at all. The caller checks the result as a draft before offering it.

Usage::

    fill_holding_line(line, {"man/woman": "man", "He/She": "He", "age": "34", "offence": "burglary"}, in_custody=True)
    # 'A man aged 34 has been arrested on suspicion of burglary. He remains in custody. Enquiries continue.'
"""

import re

__all__ = ["fill_holding_line", "slot_values"]

SLOT = re.compile(r"\[([^\]]+)\]")
LEAD_AND_SLOT = re.compile(r",?\s+(?:aged|following|in|on|quoting reference)\s+\[([^\]]+)\]")
"""A detail the line can do without, with the word that leads into it; what it is about ("of [offence]") has none."""
SENTENCE = re.compile(r"[^.!?]+[.!?]")
CUSTODY_CLAIM = re.compile(r"\bremains? in custody\b", re.I)
PRONOUN = {"man": "He", "boy": "He", "woman": "She", "girl": "She"}


def slot_values(gender: str | None, age: int | None, offence: str | None, area: str | None) -> dict[str, str]:
    """The slots of the force's holding lines that the officer's words can fill."""
    values = {"offence": offence, "town or area": area, "age": str(age) if age is not None else None,
              "man/woman": gender, "He/She": PRONOUN.get(gender or "")}
    return {slot: value for slot, value in values.items() if value}


def fill_holding_line(line: str, values: dict[str, str], in_custody: bool) -> str | None:
    """`line` with its slots filled from `values`, or None when its first sentence cannot be."""
    kept = []
    for number, match in enumerate(SENTENCE.finditer(line)):
        sentence = LEAD_AND_SLOT.sub(lambda lead: lead.group(0) if lead.group(1) in values else "", match.group(0).strip())
        sentence = SLOT.sub(lambda slot: values.get(slot.group(1), slot.group(0)), sentence)
        if SLOT.search(sentence) or (CUSTODY_CLAIM.search(sentence) and not in_custody):
            if number == 0:
                return None
            continue
        kept.append(sentence)
    return " ".join(kept) or None
