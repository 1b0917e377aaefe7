"""Page-wide styles Streamlit's theme cannot set: a focus ring anyone can see, and small text that meets WCAG AA."""

import streamlit as st

PHONE_NAVIGATION = "phone-navigation"
"""Container key of the row of page links drawn only at phone width."""
PRESS_LINES_SUMMARY = "press-lines-summary"
"""Container key of the press lines' summary table, too wide for a phone, where their cards say the same."""

# Streamlit draws captions (at 60 % opacity) and quoted passages in faded colours, about 3:1-3.9:1 on white;
# #4b4f56 is about 8:1 (over 7:1 on the sidebar's grey). Its own focus outline is a faint wash: keyboard users get a
# solid ring instead. A chosen thumb is filled, not just tinted; an answer's section headings stay small. At phone
# width the page links show as a row, and the press lines' summary table (too wide there) gives way to their cards.
STYLE = """<style>
:focus-visible { outline: 3px solid #1f4e8c !important; outline-offset: 2px !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p,
[data-testid="stCaptionContainer"] span, [data-testid="stMarkdownContainer"] blockquote { color: #4b4f56 !important; }
[data-testid="stCaptionContainer"] { opacity: 1 !important; }
[data-testid="stChatMessage"] h3 { font-size: 1.15rem !important; padding-top: .5rem !important; }
[data-testid="stFeedbackButton"][aria-checked="true"] { background: #1f4e8c !important; border-radius: .4rem; }
[data-testid="stFeedbackButton"][aria-checked="true"] span { color: #ffffff !important; }
.st-key-%(navigation)s { display: none !important; }
@media (max-width: 640px) {
  .st-key-%(navigation)s { display: flex !important; flex-wrap: wrap; gap: .25rem .5rem; }
  .st-key-%(press_lines_summary)s { display: none !important; }
}
</style>""" % {"navigation": PHONE_NAVIGATION, "press_lines_summary": PRESS_LINES_SUMMARY}


def apply() -> None:
    st.html(STYLE)
