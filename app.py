"""Pressline's Streamlit app (placeholder until the app issue lands)."""

import streamlit as st

st.set_page_config(page_title="Pressline", page_icon="📰")
st.title("Pressline")
st.write("Media-law and press-line guidance. The full app is being built; use `python -m assistant ask` meanwhile.")
