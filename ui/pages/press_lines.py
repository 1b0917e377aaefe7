"""Press lines: every line in the index, searchable by words or meaning (`Engine.search_press_lines`); withdrawn,
draft and overdue lines only on request, greyed in the table and struck through below, marked "Not for use", with no
copy button. At phone width the table is hidden (ui/theme.py) and the cards carry each line's status and dates."""

import datetime as dt

import pandas as pd
import streamlit as st

from assistant import PressLineInfo
from ui import services, session, theme
from ui.answer_view import copy_button
from ui.errors import readable_errors
from ui.inert import inert

INACTIVE_STYLE = "color:#8a8a8a;background-color:#f3f3f3"


def state(line: PressLineInfo, today: dt.date) -> str:
    """Why a line is or is not offered on `today`, shortly for the table (the engine decides; `line.state` says it in
    full)."""
    if line.current:
        return "current"
    if line.status != "approved":
        return line.status
    return "overdue for review" if line.review_by and line.review_by < today.isoformat() else "approved, not yet in force"


st.title("Press lines")
today = session.as_of()
st.caption(f"Approved lines current on {today:%d %B %Y} (the date in the sidebar). Copy a line with its Copy button.")
search = st.text_input("Search press lines", placeholder="Topic, title or wording, e.g. arrest, bodycam")
show_inactive = st.toggle("Show withdrawn, draft and overdue lines")
with readable_errors("search the press lines"):
    found = services.engine().search_press_lines(search, today, include_inactive=True)
shown = [line for line in found if line.current or show_inactive]
if not shown:
    st.info("No press line matches. Try other words, or show withdrawn, draft and overdue lines too.")
    st.stop()
if any(line.match == "meaning" for line in shown):
    st.caption("Lines marked *close in meaning* do not have all your words: check that they fit before you use them.")

table = pd.DataFrame([
    {"Topic": line.topic.replace("_", " "), "Title": line.title, "Status": state(line, today),
     "Approved on": line.approved_on, "Review by": line.review_by}
    for line in shown
])
greyed = [not line.current for line in shown]
with st.container(key=theme.PRESS_LINES_SUMMARY):
    st.dataframe(
        table.style.apply(lambda row: [INACTIVE_STYLE if greyed[row.name] else ""] * len(row), axis=1),
        hide_index=True,
    )

for line in shown:
    with st.container(border=True):
        topic = line.topic.replace("_", " ")
        if line.current:
            close = " :gray-badge[close in meaning]" if line.match == "meaning" else ""
            st.markdown(f":green-badge[Current]{close} **{inert(line.title)}** · {topic}")
            st.code(line.text, language=None, wrap_lines=True)
            copy_button(line.text, "Copy this line")
        else:  # struck through, marked, and with no copy button: nobody should post it by mistake
            st.error(f"**Not for use** — this line is {line.state}.", icon=":material/block:")
            st.markdown(f"~~**{inert(line.title)}** · {topic}~~")
            st.markdown("\n\n".join(f"~~{inert(part.strip())}~~" for part in line.text.split("\n\n") if part.strip()))
        dates = f"Approved {line.approved_on or '—'} by {line.approved_by or '—'} · review by {line.review_by or '—'}"
        st.caption(f"{dates} · for {line.audience or 'any audience'}")
        if line.do_not_say:
            st.caption("Do not say: " + " ".join(line.do_not_say))
