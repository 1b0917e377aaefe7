"""How an answer reads on the page: verdict badge, escalation card, numbered source cards, press lines, feedback."""

import html

import streamlit as st

from assistant import Answer, Citation, PressLineRef

from . import services
from .contacts import known
from .inert import inert

DOCUMENT_PAGE = "ui/pages/document.py"
KIND_LABELS = {"policy": "Force policy", "media_law": "Media-law factsheet", "rag_table": "RAG table", "press_line": "Press line"}

# (icon, words, background, text colour): the icon and the words carry the meaning, so no one needs the colour.
VERDICT_BADGES = {
    "green": ("✔", "GREEN — Go for it", "#1e6b34", "#ffffff"),
    "amber": ("▲", "AMBER — Ask DMC first — only if already public", "#f2a900", "#000000"),
    "red": ("✖", "RED — Do not post — contact DMC", "#b3261e", "#ffffff"),
}
STATUS_BADGES = {
    "needs_clarification": ("?", "One more detail needed", "#1f4e8c", "#ffffff"),
    "refused_out_of_scope": ("⊘", "Outside what Pressline covers", "#5f6368", "#ffffff"),
    "refused_no_evidence": ("∅", "No approved guidance found — ask DMC", "#5f6368", "#ffffff"),
    "error": ("⚠", "Pressline could not answer — ask DMC", "#5f6368", "#ffffff"),
}
LEGAL_BADGE = ("⚖", "LEGAL — Legal Services must advise too", "#4b2a85", "#ffffff")


def badge(icon: str, words: str, background: str, colour: str) -> None:
    st.markdown(
        f'<div role="status" aria-label="{html.escape(words)}" style="display:inline-block;margin:0 .5rem .4rem 0;'
        f"padding:.45rem .9rem;border-radius:.5rem;background:{background};color:{colour};font-weight:700;"
        f'font-size:1.1rem;border:2px solid {colour}33"><span aria-hidden="true" style="font-size:1.25rem">{icon}</span> '
        f"{html.escape(words)}</div>",
        unsafe_allow_html=True,
    )


def verdict(result: Answer) -> None:
    """The verdict badge, and the legal badge beside it when Legal Services must be asked too."""
    if result.rag:
        badge(*VERDICT_BADGES[result.rag])
    elif result.status in STATUS_BADGES:
        badge(*STATUS_BADGES[result.status])
    if any(item.to == "legal_services" for item in result.escalation):
        badge(*LEGAL_BADGE)


def body(result: Answer) -> None:
    """The engine's reply; a clarification reads as the question it is."""
    if result.status == "needs_clarification":
        st.info(result.answer, icon=":material/help:")
    elif result.status == "error":
        st.error(result.answer, icon=":material/error:")
    else:
        st.markdown(paragraphs(inert(without_verdict_line(result))))  # it quotes documents: no live image or link


def without_verdict_line(result: Answer) -> str:
    """The reply without its first line when that line is the verdict the badge above already shows."""
    first, _, rest = result.answer.partition("\n")
    return rest.lstrip("\n") if result.rag and first.startswith(result.rag.upper()) else result.answer


def paragraphs(text: str) -> str:
    """The engine's plain-text reply as Markdown: each line its own paragraph, "- " lines kept together as a list."""
    lines: list[str] = []
    for line in text.splitlines():
        in_list = line.startswith("- ") and bool(lines) and lines[-1].startswith("- ")
        if lines and not in_list:
            lines.append("")
        lines.append(line)
    return "\n".join(lines)


def escalation_card(result: Answer) -> None:
    """Whom to contact and why, with their details, and the hand-off text for DMC ready to copy."""
    if not result.escalation:
        return
    contacts = services.engine().resources.contacts  # read once per index generation, not per answer drawn
    with st.container(border=True):
        st.markdown("#### :material/call: Contact before you post")
        for item in result.escalation:
            entry = contacts.get(item.to, {})
            name = known(entry.get("name")) or item.to.replace("_", " ").title()
            st.markdown(f"**{name}**  \n**Why:** {item.reason}  \n**Contact:** {item.contact}")
            if hours := known(entry.get("hours")):
                st.caption(f"Hours: {hours}")
        if result.handoff:
            st.markdown("**Hand-off text for DMC** — copy it with the button at its top right:")
            st.code(result.handoff, language=None, wrap_lines=True)


def citation_cards(citations: list[Citation]) -> None:
    """Numbered source cards: title, kind, where in the document, the verbatim passage, and a link to it in place."""
    if not citations:
        return
    st.markdown("#### Sources")
    for number, citation in enumerate(citations, start=1):
        with st.container(border=True):
            archived = " · :orange-badge[⚠ Archived — may be out of date]" if citation.archived else ""
            # A document's title, headings and text are its author's: drawn inert, so no image or link in them loads.
            st.markdown(f"**[{number}] {inert(citation.title)}**  \n:gray-badge[{KIND_LABELS[citation.kind]}]{archived}")
            st.caption(inert(citation.locator))
            st.markdown("\n".join(f"> {inert(line)}" if line.strip() else ">" for line in citation.quote.splitlines()))
            st.page_link(
                DOCUMENT_PAGE, label="Open the whole document at this passage", icon=":material/description:",
                query_params={"source": citation.source, "quote": citation.quote},
            )


def press_line_cards(lines: list[PressLineRef]) -> None:
    """Current approved press lines, each with its dates and a copy button."""
    if not lines:
        return
    st.markdown("#### Current press lines")
    for line in lines:
        with st.container(border=True):
            st.markdown(f"**{line.title}**")
            st.code(line.text, language=None, wrap_lines=True)
            st.caption(f"Approved {line.approved_on} · review by {line.review_by}")


def assumptions(result: Answer) -> None:
    for note in result.assumptions:
        st.caption(f":material/event: {note}")


def show(result: Answer) -> None:
    """A whole answer, in the order an officer needs it: verdict, reply, whom to contact, press lines, sources."""
    verdict(result)
    body(result)
    escalation_card(result)
    press_line_cards(result.press_lines)
    citation_cards(result.citations)
    assumptions(result)


def feedback(entry_id: int | None) -> None:
    """Thumbs up or down, stored with the answer's entry in the audit log."""
    if entry_id is None:  # the entry could not be written (the server log says why): nothing to attach feedback to
        return
    key = f"feedback-{entry_id}"
    st.feedback("thumbs", key=key, on_change=_store_feedback, args=(entry_id, key))


def _store_feedback(entry_id: int, key: str) -> None:
    choice = st.session_state.get(key)
    services.audit_log().set_feedback(entry_id, None if choice is None else ("up" if choice == 1 else "down"))
