"""Who is asking, in which session and as of which date: what the engine records with every answer."""

import datetime as dt
import uuid

import streamlit as st

from assistant import today_in
from ingest.settings import get_settings

from . import services


def session_id() -> str:
    return st.session_state.setdefault("session_id", uuid.uuid4().hex)


def as_of() -> dt.date:
    """The date answers take as today: the sidebar's, which defaults to today in the force's time zone."""
    return st.session_state.get("as_of") or today_in(get_settings())


def sidebar() -> None:
    settings = get_settings()
    with st.sidebar:
        st.date_input(
            "Answer as of", value=today_in(settings), key="as_of", format="DD/MM/YYYY",
            help=f"Pressline takes this date as today (default: today in {settings.timezone}). "
                 "Press lines, court-result windows and review dates are judged against it.",
        )
        if who := identity():
            st.caption(f"Asking as **{who}**")
        st.caption(f"Pressline {services.app_version()} · runs offline on this machine")


def identity() -> str:
    """The login's identity where the server has one, else the name or collar number given this session."""
    if st.user.get("is_logged_in"):
        return str(st.user.get("email") or st.user.get("name") or "")
    return st.session_state.get("officer", "")


def require_officer() -> str:
    """The officer's identifier for the audit log, asked once per session when settings.officer_id_prompt is on."""
    if who := identity():
        return who
    settings = get_settings()
    if not settings.officer_id_prompt:
        return ""
    with st.form("officer-identifier"):
        st.markdown(
            "**Before your first question:** Pressline records each answer with who asked it, for the audit "
            f"trail (kept for {settings.audit_retention_days} days)."
        )
        given = st.text_input("Your name or collar number", max_chars=80)
        if st.form_submit_button("Continue", type="primary"):
            if given.strip():
                st.session_state["officer"] = given.strip()
                st.rerun()
            st.warning("Enter your name or collar number to continue.")
    st.stop()
