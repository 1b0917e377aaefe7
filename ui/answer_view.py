"""How an answer reads on the page: verdict badge, escalation card, numbered source cards, press lines, feedback."""

import html
import json

import streamlit as st

from assistant import Answer, Citation, PressLineRef

from . import services
from .contacts import known, phone_numbers, with_phone_links
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
LIVE_REGION_ID = "pressline-live"

# The live region is made in the page once, outside what Streamlit redraws, so it is there before the first question
# and a screen reader hears each change. The scroll is repeated while the chat's own follow-the-newest-line scrolling
# settles. The braces keep each run's constants to itself: every script shares the page's global scope.
_PAGE_SCRIPT = """<script>{
const page = document;
let live = page.getElementById(%(live)s);
if (!live) {
  live = page.createElement("div");
  live.id = %(live)s;
  // Not role=status: each verdict badge has that role, and the region must not be taken for one.
  live.setAttribute("aria-live", "polite");
  live.setAttribute("aria-atomic", "true");
  live.style.cssText = "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;" +
                       "clip:rect(0 0 0 0);white-space:nowrap;border:0";
  page.body.appendChild(live);
}
const words = %(words)s, anchor = %(anchor)s;
if (words) live.textContent = words;
if (anchor) {
  const top = () => page.getElementById(anchor)?.scrollIntoView({block: "start"});
  [0, 200, 600, 1200, 2000].forEach(delay => setTimeout(top, delay));
}
}</script>"""


def badge(icon: str, words: str, background: str, colour: str) -> None:
    st.markdown(
        f'<div role="status" aria-label="{html.escape(words)}" style="display:inline-block;margin:0 .5rem .4rem 0;'
        f"padding:.45rem .9rem;border-radius:.5rem;background:{background};color:{colour};font-weight:700;"
        f'font-size:1.1rem;border:2px solid {colour}33"><span aria-hidden="true" style="font-size:1.25rem">{icon}</span> '
        f"{html.escape(words)}</div>",
        unsafe_allow_html=True,
    )


def live_region() -> None:
    """The page's polite live region, made once and kept across redraws (call it before the question is asked)."""
    _page_script(words="", anchor="")


def bring_into_view(result: Answer, number: int) -> None:
    """Scroll answer `number` (drawn after its `answer_anchor`) to its top, so its verdict is in view, and announce it."""
    _page_script(words=f"Answer {number}: {verdict_words(result)}", anchor=_anchor_id(number))


def _page_script(words: str, anchor: str) -> None:
    run_in_page(_PAGE_SCRIPT % {"live": script_string(LIVE_REGION_ID), "words": script_string(words),
                                "anchor": script_string(anchor)})


def run_in_page(script: str) -> None:
    """Run `script` (a <script> element, built only from Pressline's own text and `script_string` values) in the page
    itself. A frame would do too, but each costs the officer's browser a document of its own on every answer."""
    st.html(script, unsafe_allow_javascript=True)


def script_string(text: str) -> str:
    """`text` as a JavaScript string literal that cannot end the <script> it sits in (an officer's question may say
    "</script>")."""
    return json.dumps(text).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def answer_anchor(number: int) -> None:
    """An empty marker at the top of answer `number`, kept clear of the page's top bar when scrolled to."""
    st.markdown(f'<div id="{_anchor_id(number)}" style="scroll-margin-top:4.5rem"></div>', unsafe_allow_html=True)


def _anchor_id(number: int) -> str:
    return f"answer-{number}"


def heading(words: str) -> None:
    """A small heading with no "link to this heading" anchor: each answer adds only its own controls to the tab order."""
    st.subheader(words, anchor=False, divider=False)


def verdict_words(result: Answer) -> str:
    """The verdict as the badges say it, in words."""
    words = [VERDICT_BADGES[result.rag][1]] if result.rag else [STATUS_BADGES[result.status][1]] if result.status in STATUS_BADGES else []
    if any(item.to == "legal_services" for item in result.escalation):
        words.append(LEGAL_BADGE[1])
    return ". ".join(words) or "answer ready"


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
        # It quotes documents, so no image or link of theirs goes live; the force's own contact numbers do.
        st.markdown(with_phone_links(paragraphs(inert(without_verdict_line(result))), _numbers()))


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
        heading(":material/call: Contact before you post" if result.rag else ":material/call: Who to contact")
        for item in result.escalation:
            entry = contacts.get(item.to, {})
            name = known(entry.get("name")) or item.to.replace("_", " ").title()
            st.markdown(f"**{name}**  \n**Why:** {item.reason}  \n**Contact:** {with_phone_links(item.contact, _numbers())}")
            if hours := known(entry.get("hours")):
                st.caption(f"Hours: {hours}")
        if result.handoff:
            st.markdown("**Hand-off text for DMC** — copy it and send it with your call or email:")
            copy_button(result.handoff, "Copy the hand-off text")
            st.code(result.handoff, language=None, wrap_lines=True)


_COPY_SCRIPT = """<button id="copy" type="button">%(label)s</button> <span id="done" role="status"></span>
<style>
button { font: 600 0.95rem "Source Sans Pro", sans-serif; padding: .4rem .9rem; border-radius: .5rem; cursor: pointer;
         border: 1px solid #31333f; background: #ffffff; color: #31333f; }
button:focus-visible { outline: 3px solid #1f4e8c; outline-offset: 2px; }
span { font: 0.95rem "Source Sans Pro", sans-serif; color: #1e6b34; margin-left: .5rem; }
</style>
<script>
const text = %(text)s;
document.getElementById("copy").addEventListener("click", async () => {
  try { await navigator.clipboard.writeText(text); }
  catch (error) {  // no clipboard permission: copy through a selection instead
    const area = document.createElement("textarea");
    area.value = text; document.body.appendChild(area); area.select(); document.execCommand("copy"); area.remove();
  }
  document.getElementById("done").textContent = "Copied";
});
</script>"""


def copy_button(text: str, label: str) -> None:
    """A real button that copies `text`: reachable with Tab and pressed with Enter or Space, unlike a code block's
    copy icon, which appears only under a mouse."""
    st.iframe(_COPY_SCRIPT % {"label": html.escape(label), "text": script_string(text)}, height=44)


def _numbers() -> list[str]:
    return phone_numbers(services.engine().resources.contacts)


def citation_cards(citations: list[Citation]) -> None:
    """Numbered source cards: title, kind, where in the document, the verbatim passage, and a link to it in place."""
    if not citations:
        return
    heading("Sources")
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
    heading("Current press lines")
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
    """Thumbs up or down, stored with the answer's entry in the audit log; a thumbs down asks what was wrong, and
    either gets a thank-you."""
    if entry_id is None:  # the entry could not be written (the server log says why): nothing to attach feedback to
        return
    key = f"feedback-{entry_id}"
    st.feedback("thumbs", key=key, on_change=_store_feedback, args=(entry_id, key))
    choice = st.session_state.get(key)
    if choice == 1:
        st.caption(":material/check: Thank you: your feedback is recorded.")
    elif choice == 0 and st.session_state.get(f"{key}-sent"):
        st.caption(":material/check: Thank you: DMC will see what was wrong.")
    elif choice == 0:
        with st.form(f"{key}-form", border=False):
            comment = st.text_area("Thank you. What was wrong? (optional)", key=f"{key}-comment", max_chars=1000, height=80)
            if st.form_submit_button("Send to DMC"):
                services.audit_log().set_feedback(entry_id, "down", comment=comment)
                st.session_state[f"{key}-sent"] = True
                st.rerun()


def _store_feedback(entry_id: int, key: str) -> None:
    choice = st.session_state.get(key)
    st.session_state.pop(f"{key}-sent", None)
    services.audit_log().set_feedback(entry_id, None if choice is None else ("up" if choice == 1 else "down"))
