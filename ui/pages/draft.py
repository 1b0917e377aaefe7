"""Check a draft post: the verdict, each flagged phrase marked in the draft with the rule it breaks, safer wording."""

import streamlit as st

from assistant import DraftCheck
from ui import answer_view, services, session
from ui.errors import readable_errors
from ui.highlight import Span, marked_text

st.title("Check a draft post")
st.caption("Paste a draft tweet or statement. Pressline marks each phrase that needs changing and says why.")
session.require_officer()
with readable_errors("start the guidance engine"):
    engine = services.engine()

with st.form("draft"):
    text = st.text_area("Draft post or statement", height=160, max_chars=5000, placeholder="A 34-year-old man has been arrested…")
    has_media = st.checkbox("The post shows an identifiable person (a photo, CCTV still or video)")
    submitted = st.form_submit_button("Check the draft", type="primary")

if submitted:
    if not text.strip():
        st.warning("Paste the draft first.")
        st.stop()
    with readable_errors("check the draft"), st.spinner("Checking the draft against the force's guidance…"):
        result = engine.check_draft(text, has_media=has_media, today=session.as_of(), officer=session.identity(),
                                    session_id=session.session_id())
        st.session_state["draft_check"] = {"result": result, "entry_id": result.audit_id}

if check := st.session_state.get("draft_check"):
    result: DraftCheck = check["result"]
    answer_view.verdict(result)
    # Flags in the order their phrases come in the draft; one without a phrase (none yet) is listed after them.
    flags = sorted(result.flags, key=lambda flag: flag.span or (len(result.text), 0))
    if flags:
        st.markdown("#### Your draft, with the phrases to change marked")
        spans = [
            Span(*flag.span, label=str(number), title=flag.title or flag.rule)
            for number, flag in enumerate(flags, start=1) if flag.span
        ]
        with st.container(border=True):
            st.markdown(marked_text(result.text, spans), unsafe_allow_html=True)
        for number, flag in enumerate(flags, start=1):
            safer = f"  \n**Safer:** {flag.safer}" if flag.safer else ""
            phrase = f" “{flag.phrase}”" if flag.phrase else ""
            name = flag.title or flag.rule
            st.markdown(f"**[{number}]{phrase}** — {name[:1].upper() + name[1:]}: {flag.why}{safer}")
    elif result.rag == "green":
        st.success("No phrase in the draft needs changing.", icon=":material/check_circle:")
    answer_view.body(result)
    answer_view.escalation_card(result)
    answer_view.citation_cards(result.citations)
    answer_view.assumptions(result)
    answer_view.feedback(check["entry_id"])
