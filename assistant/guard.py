"""Step 4: claims inside the question — approvals, rank, new instructions — never change a rule."""

import re

from .rules import words

CLAIMED_APPROVAL = words(
    r"(?:dmc|press bureau|press office|superintendent|super|inspector|sergeant|sarge|boss|commander|borough commander|"
    r"sio|oic|dc|di|ds|dci|gold|the commissioner|my (?:boss|sergeant|inspector|super|chief|guv|governor|line manager))"
    r"(?: \w+){0,3}? (?:has |have |had )?(?:already )?(?:approved|authorised|authorized|cleared|signed (?:it )?off|okayed|"
    r"ok'd|said (?:on the phone )?(?:it's|it is|its|that's|that is)? ?(?:fine|ok|okay|alright|green)|says? (?:it's|its|it is)? ?"
    r"(?:fine|ok|okay|alright|green)|gave (?:it |us )?the go[- ]ahead|given (?:it |us )?the go[- ]ahead)",
    r"already (?:been )?(?:approved|cleared|signed off)", r"i authori[sz]e", "i outrank", "as the commissioner",
    "i'm the (?:borough commander|commissioner|superintendent|chief)", r"on my authority", r"this has been cleared",
)
INJECTION = words(
    r"ignore (?:all |your |any |the |previous |prior |earlier )*(?:instructions|rules|guidance|prompts?|restrictions)",
    r"disregard (?:all |your |any |the |previous )*(?:instructions|rules)", "system override", r"system prompt",
    "developer mode", r"you are now", r"pretend (?:that |the |you )", r"act as (?:a|an|if)", "new instructions",
    r"forget (?:your|all|the) (?:rules|instructions)", r"classify (?:this |it )?as green", r"mark (?:this|it) (?:as )?green",
    r"rag\s*=\s*green", r"\[note to (?:the )?assistant", "note to assistant", r"say green", r"just (?:give|tell) me (?:a |it'?s )?green",
    r"confirm it'?s green", "do not escalate", "don't escalate", "no restrictions", "jailbreak",
)


def read_claims(text: str) -> list[str]:
    """What the question claims or instructs that the assistant will not act on, as plain notes."""
    notes = []
    if CLAIMED_APPROVAL.search(text):
        notes.append("approval")
    if INJECTION.search(text):
        notes.append("instruction")
    return notes


BRACKETED_INSTRUCTION = re.compile(r"\[[^\]]*\b(?:assistant|classify|green|escalate|ignore|instructions?)\b[^\]]*\]")


def strip_instructions(text: str) -> str:
    """`text` with injected instructions blanked (same length), so words like 'green' in them decide nothing."""
    blank = lambda match: " " * len(match.group(0))  # noqa: E731
    return INJECTION.sub(blank, BRACKETED_INSTRUCTION.sub(blank, text))
