"""Pressline's Streamlit app: ask, check a draft post, prepare for an interview, press lines, admin.

Run it with `make run` (or `streamlit run app.py`; .streamlit/config.toml keeps it on 127.0.0.1 with usage
statistics off). Settings come from PRESSLINE_* variables and .env (ingest/settings.py).
"""

from ingest import offline  # noqa: F401  (before any model or store library loads)

import streamlit as st

from ui import services, session, theme
from ui.errors import readable_errors

# An emoji icon becomes a data-URL favicon; a :material/…: one is fetched from Google's CDN, and Pressline stays offline.
st.set_page_config(page_title="Pressline", page_icon="📰", layout="wide")
theme.apply()
session.refuse_untrusted()  # before anything is drawn: with a trusted sign-in header, only requests through the proxy

PAGES = [
    st.Page("ui/pages/ask.py", title="Ask", default=True),
    st.Page("ui/pages/draft.py", title="Check a draft post"),
    st.Page("ui/pages/interview.py", title="Prepare for an interview"),
    st.Page("ui/pages/press_lines.py", title="Press lines"),
    st.Page("ui/pages/admin.py", title="Admin"),
]
page = st.navigation([*PAGES, st.Page("ui/pages/document.py", title="Source document", visibility="hidden")],
                     position="top")
# At phone width Streamlit folds the top menu into the sidebar, two taps away; this row (shown only there, see
# ui/theme.py) keeps every page one tap away.
with st.container(key=theme.PHONE_NAVIGATION, horizontal=True):
    for each in PAGES:
        st.page_link(each)
session.restore()
session.sidebar()
session.keep_token_in_browser()
with readable_errors("show this page"):
    services.audit_log()  # opened, and purged of entries past their retention, once per server start
    page.run()
services.PAGE_DRAWN.set()
