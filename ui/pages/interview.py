"""Prepare for an interview: key messages, current press lines, what not to say, and whom to tell first."""

import re

import streamlit as st

from ui import answer_view, services, session
from ui.errors import readable_errors
from ui.inert import inert

st.title("Prepare for an interview")
st.caption("Pick a topic (or type your own) for a brief from the force's documents and press lines.")
session.require_officer()

with readable_errors("start the guidance engine"):
    engine = services.engine()
    topics = sorted({line.topic.replace("_", " ") for line in engine.press_lines(session.as_of()) if line.topic})
with st.form("interview"):
    topic = st.selectbox("Topic", topics, index=None, accept_new_options=True, placeholder="Pick a topic or type your own")
    submitted = st.form_submit_button("Prepare the brief", type="primary")

if submitted:
    if not topic:
        st.warning("Pick or type a topic first.")
        st.stop()
    with readable_errors("prepare the brief"), st.spinner("Gathering the key messages and press lines…"):
        brief = engine.prepare_interview(topic, today=session.as_of(), officer=session.identity(),
                                         session_id=session.session_id())
        st.session_state["interview_brief"] = brief

if brief := st.session_state.get("interview_brief"):
    st.subheader(f"Brief: {brief.topic}")
    st.warning(brief.tell_beforehand, icon=":material/campaign:")
    if not brief.covered:
        st.info(inert(brief.not_covered), icon=":material/search_off:")
        st.stop()
    st.markdown("#### Key messages")
    for message in brief.key_messages:
        number = brief.citations.index(message) + 1
        # A passage may start "5. …"; escaped, it stays a sentence rather than becoming a numbered list.
        text = re.sub(r"^(\d+)\.", r"\1\\.", inert(" ".join(message.quote.split())))
        st.markdown(f"- {text} **[{number}]**")
    answer_view.press_line_cards(brief.press_lines)
    must_not = [
        (number, citation) for number, citation in enumerate(brief.citations, start=1)
        if citation.locator.endswith("What you must not say")
    ]
    if brief.do_not_say or must_not:
        st.markdown("#### What not to say")
        st.markdown("\n".join(
            [f"- ✖ {item}" for item in brief.do_not_say]
            + [f"- ✖ {citation.title}: see **[{number}]**" for number, citation in must_not]
        ))
    answer_view.citation_cards(brief.citations)
    st.caption(f":material/event: Current as of {brief.today.isoformat()}.")
