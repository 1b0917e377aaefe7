"""Press lines: every line in the index, searchable; withdrawn, draft and overdue lines only on request, greyed in the
table and struck through below, marked "Not for use", with no copy button."""

import datetime as dt

import pandas as pd
import streamlit as st

from assistant import PressLineInfo
from ui import services, session
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


def matches(line: PressLineInfo, search: str) -> bool:
    haystack = " ".join([line.title, line.topic.replace("_", " "), line.text, line.audience]).lower()
    return all(word in haystack for word in search.lower().split())


st.title("Press lines")
today = session.as_of()
st.caption(f"Approved lines current on {today:%d %B %Y} (the date in the sidebar). Copy a line with the button beside it.")
with readable_errors("list the press lines"):
    lines = services.engine().press_lines(today, include_inactive=True)

search = st.text_input("Search press lines", placeholder="Topic, title or wording, e.g. arrest")
show_inactive = st.toggle("Show withdrawn, draft and overdue lines")
shown = [line for line in lines if (line.current or show_inactive) and matches(line, search)]
if not shown:
    st.info("No press line matches. Try other words, or show withdrawn, draft and overdue lines too.")
    st.stop()

table = pd.DataFrame([
    {"Topic": line.topic.replace("_", " "), "Title": line.title, "Status": state(line, today),
     "Approved on": line.approved_on, "Review by": line.review_by}
    for line in shown
])
greyed = [not line.current for line in shown]
st.dataframe(
    table.style.apply(lambda row: [INACTIVE_STYLE if greyed[row.name] else ""] * len(row), axis=1),
    hide_index=True,
)

for line in shown:
    with st.container(border=True):
        topic = line.topic.replace("_", " ")
        if line.current:
            st.markdown(f"**{inert(line.title)}** · {topic}")
            st.code(line.text, language=None, wrap_lines=True)
        else:  # struck through, marked, and with no copy button: nobody should post it by mistake
            st.error(f"**Not for use** — this line is {line.state}.", icon=":material/block:")
            st.markdown(f"~~**{inert(line.title)}** · {topic}~~")
            st.markdown("\n\n".join(f"~~{inert(part.strip())}~~" for part in line.text.split("\n\n") if part.strip()))
        dates = f"Approved {line.approved_on or '—'} by {line.approved_by or '—'} · review by {line.review_by or '—'}"
        st.caption(f"{dates} · for {line.audience or 'any audience'}")
        if line.do_not_say:
            st.caption("Do not say: " + " ".join(line.do_not_say))
