"""Ask: the chat. The conversation goes to the engine as history, so a follow-up keeps its topic."""

import streamlit as st

from assistant import Turn
from ui import answer_view, services, session
from ui.errors import readable_errors


def show_question(question: str) -> None:
    with st.chat_message("user"):
        st.markdown(question)


def show_answer(entry: dict) -> None:
    with st.chat_message("assistant"):
        answer_view.show(entry["result"])
        answer_view.feedback(entry["entry_id"])


st.title("Ask Pressline")
st.caption(
    "May I post this? What is the current press line? What must I not say? Answers come from the force's own "
    "documents, with the passages they rely on."
)
session.require_officer()
with readable_errors("start the guidance engine"):
    engine = services.engine()
conversation: list[dict] = st.session_state.setdefault("conversation", [])

for entry in conversation:
    show_question(entry["question"])
    show_answer(entry)

if question := st.chat_input("Ask about a post, a statement or a press line"):
    show_question(question)
    history = [
        turn
        for entry in conversation
        for turn in (Turn(role="user", content=entry["question"]), Turn(role="assistant", content=entry["result"].answer))
    ]
    with readable_errors("answer the question"), st.spinner("Checking the force's guidance…"):
        result = engine.answer(question, today=session.as_of(), history=history, officer=session.identity(),
                               session_id=session.session_id())
    conversation.append({"question": question, "result": result, "entry_id": result.audit_id})
    # Shown in this run rather than by a rerun, which would redraw the whole conversation first.
    show_answer(conversation[-1])

if conversation and st.button("Start a new conversation", icon=":material/delete:"):
    conversation.clear()
    st.rerun()
