"""The RAG table as an officer reads it: one card per status (its badge in words, what it means, its condition), the
row as the policy prints it, and its topics; the cited row marked. Never the YAML file with its comments."""

import html

import streamlit as st

from .answer_view import VERDICT_BADGES, badge
from .highlight import Span, find_passage, marked_text
from .inert import inert

ROWS = ("row", "row_2")


def show_rag_table(meta: dict, quote: str) -> bool:
    """Draw the table from the document's `meta` (the loaded YAML); True when `quote` was found and marked."""
    found = False
    for status in meta.get("statuses", []):
        with st.container(border=True):
            badge(*VERDICT_BADGES[status["status"]])
            meaning = f"**{inert(html.escape(str(status['label'])))}**"
            if condition := status.get("condition"):
                meaning += f" — {inert(html.escape(str(condition)))}"
            st.markdown(meaning)
            for key in ROWS:
                if not (row := str(status.get(key) or "")):
                    continue
                span = find_passage(row, quote) if quote and not found else None
                found = found or span is not None
                st.markdown(marked_text(row, [Span(*span)] if span else [], anchor_first=True), unsafe_allow_html=True)
            topics = [str(topic["name"]) for topic in status.get("topics", [])]
            st.caption(f"{len(topics)} topics: " + "; ".join(inert(html.escape(name)) for name in topics))
    return found
