"""A source document in full, the cited passage marked and scrolled into view (opened from a source card)."""

import streamlit as st

from ingest.approvals import Approvals
from ingest.documents import Document
from ingest.loaders import load_document
from ingest.settings import get_settings
from ui.answer_view import KIND_LABELS
from ui.errors import readable_errors
from ui.highlight import PASSAGE_ANCHOR, Span, find_passage, marked_markdown, marked_text
from ui.inert import inert
from ui.rag_view import show_rag_table

# Waits for the marked passage to render, then brings it to the middle of the window.
SCROLL_TO_PASSAGE = f"""<script>
(function scroll(tries) {{
  const passage = document.getElementById("{PASSAGE_ANCHOR}");
  if (passage) {{ passage.scrollIntoView({{block: "center"}}); }}
  else if (tries > 0) {{ setTimeout(() => scroll(tries - 1), 100); }}
}})(50);
</script>"""

settings = get_settings()
source = st.query_params.get("source", "")
quote = st.query_params.get("quote", "")
path = (settings.root / source).resolve()
# The source comes from the address bar, so only files inside the corpus may be shown.
if not source or not path.is_relative_to(settings.corpus_dir.resolve()) or not path.is_file():
    st.error("This document is not in Pressline's corpus any more (it may have been removed since the answer was given).")
    st.page_link("ui/pages/ask.py", label="Back to Ask", icon=":material/arrow_back:")
    st.stop()

# A draft (an upload, or a file changed since it was approved) is never cited; only an admin may read it, marked as one.
approved = Approvals(settings).is_approved(path)
if not approved and not st.session_state.get("admin"):
    st.warning("This document is a draft waiting for an admin's approval: Pressline does not use it in answers.",
               icon=":material/draft:")
    st.page_link("ui/pages/ask.py", label="Back to Ask", icon=":material/arrow_back:")
    st.stop()

with readable_errors("open the document"):
    document = load_document(path, settings)

st.page_link("ui/pages/ask.py", label="Back to Ask", icon=":material/arrow_back:")
st.title(inert(document.title))
archived = " · :orange-badge[⚠ Archived — may be out of date]" if document.status == "archived" else ""
draft = " · :red-badge[Draft — not approved, never cited]" if not approved else ""
st.markdown(f":gray-badge[{KIND_LABELS[document.kind]}]{archived}{draft} · `{source}`")


def show_pages(document: Document, quote: str) -> bool:
    """Each page of the document, the first place `quote` is found marked; True when it was."""
    found = False
    for page in document.pages:
        span = find_passage(page.text, quote) if quote and not found else None
        found = found or span is not None
        if document.format == "pdf":
            st.markdown(f"##### Page {page.number}")
        with st.container(border=True):
            if document.format == "markdown":
                st.markdown(marked_markdown(page.text, span), unsafe_allow_html=True)
            else:
                st.markdown(marked_text(page.text, [Span(*span)] if span else [], anchor_first=True),
                            unsafe_allow_html=True)
    return found


found = show_rag_table(document.meta, quote) if document.format == "rag_yaml" else show_pages(document, quote)
if found:
    st.html(SCROLL_TO_PASSAGE, unsafe_allow_javascript=True)
elif quote:
    st.warning("The cited passage is not in the current version of this document; it may have changed since the answer.")
