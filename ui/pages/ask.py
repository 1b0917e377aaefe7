"""Ask: the chat. The conversation goes to the engine as history, so a follow-up keeps its topic."""

import streamlit as st

from assistant import Turn
from assistant.prompts import render
from ui import answer_view, services, session
from ui.saved_conversations import Entry
from ui.errors import readable_errors


def show_question(question: str) -> None:
    with st.chat_message("user"):
        st.markdown(question)


def show_answer(entry: Entry, number: int, newest: bool = False) -> None:
    with st.chat_message("assistant"):
        answer_view.answer_anchor(number)
        answer_view.show(entry.result)
        answer_view.feedback(entry.entry_id)
    if newest:
        answer_view.bring_into_view(entry.result, number)


st.title("Ask Pressline")
st.caption(
    "May I post this? What is the current press line? What must I not say? Answers come from the force's own "
    "documents, with the passages they rely on."
)
session.require_officer()
conversation = session.conversation()
answer_view.live_region()

for number, entry in enumerate(conversation, start=1):
    show_question(entry.question)
    show_answer(entry, number)

question = st.chat_input("Ask about a post, a statement or a press line")
if not conversation:
    examples = st.empty()
    with examples.container():
        st.markdown("**Not sure what to ask?** Try one of these, or type your own below:")
        for number, example in enumerate(render("example_questions").splitlines(), start=1):
            if st.button(example, key=f"example-{number}", icon=":material/chat:"):
                question = example
    if question:
        examples.empty()
if question:
    show_question(question)
    history = [
        turn
        for entry in conversation
        for turn in (Turn(role="user", content=entry.question), Turn(role="assistant", content=entry.result.answer))
    ]
    # The engine is taken only now, so the page and its chat box draw at once while the server is still warming it.
    with readable_errors("answer the question"), st.spinner("Checking the force's guidance…"):
        result = services.engine().answer(question, today=session.as_of(), history=history,
                                          officer=session.identity(), session_id=session.session_id())
    conversation.append(Entry(question=question, result=result, entry_id=result.audit_id))
    session.save()
    # Shown in this run rather than by a rerun, which would redraw the whole conversation first.
    show_answer(conversation[-1], len(conversation), newest=True)

if conversation:
    st.button("Start a new conversation", icon=":material/delete:", on_click=session.new_conversation)
