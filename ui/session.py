"""Who is asking, in which session and as of which date: what the engine records with every answer. The officer is the
one the deployment vouches for (a trusted proxy's header, see `identity`, or a Streamlit login) where there is one,
otherwise the name given once a session. The officer and the conversation survive a reload (see
`saved_conversations`): keyed on the deployment's identity where there is one, otherwise on a random token kept in a
cookie."""

import datetime as dt
import logging
import secrets
import uuid

import streamlit as st

from assistant import today_in
from ingest.settings import get_settings

from . import services
from .answer_view import run_in_page, script_string
from .identity import IdentityRefused, proxy_identity
from .saved_conversations import MAX_AGE, Entry, Saved

COOKIE = "pressline_session"
log = logging.getLogger(__name__)


def session_id() -> str:
    return st.session_state.setdefault("session_id", uuid.uuid4().hex)


def conversation() -> list[Entry]:
    """This session's questions and answers, oldest first; `save()` keeps them for a reload."""
    return st.session_state.setdefault("conversation", [])


def restore() -> None:
    """Once per browser session: bring back the officer and the conversation saved before a reload, if any."""
    if st.session_state.get("restored"):
        return
    st.session_state["restored"] = True
    token = st.context.cookies.get(COOKIE)
    if isinstance(token, str) and token:  # AppTest has no cookies: its stand-in gives no str
        st.session_state["token"] = token
    if key := _key(create=False):
        if saved := services.saved_conversations().load(key):
            if not _logged_in():
                st.session_state["officer"] = saved.officer
            st.session_state["conversation"] = saved.entries
            st.session_state["session_id"] = saved.session_id


def save() -> None:
    """Keep the officer and the conversation so a reload brings them back."""
    if key := _key(create=True):
        services.saved_conversations().save(key, Saved(officer=identity(), session_id=session_id(),
                                                        entries=conversation()))


def not_me() -> None:
    """Forget the officer and the conversation at once, on the server and in this browser (a button callback)."""
    if key := _key(create=False):
        services.saved_conversations().forget(key)
    for name in ("officer", "conversation", "session_id", "token", "cookie_given"):
        st.session_state.pop(name, None)
    st.session_state["forget_cookie"] = True


def new_conversation() -> None:
    """Clear the conversation and its saved copy, keeping the officer (a button callback)."""
    conversation().clear()
    save()


def _logged_in() -> bool:
    return bool(trusted_identity())


def peer_address() -> str | None:
    """The connection's address as Streamlit sees it; None for a connection from this machine (or no session)."""
    try:
        address = st.context.ip_address
    except Exception:  # no session context (a bare script run)
        return None
    return address if isinstance(address, str) and address else None


def trusted_identity() -> str:
    """The identity the deployment vouches for: the trusted proxy's header, else a Streamlit login; '' when neither.
    Raises IdentityRefused when a trusted header is required and this request did not come through the proxy."""
    if proxied := proxy_identity(get_settings(), st.context.headers or {}, peer_address()):
        return proxied
    if st.user.get("is_logged_in"):
        return str(st.user.get("email") or st.user.get("name") or "")
    return ""


def refuse_untrusted() -> None:
    """Stop the page, saying why, when the deployment's sign-in is required and this request did not come through it."""
    try:
        trusted_identity()
    except IdentityRefused as refused:
        log.warning("refused a request from %s: %s", peer_address() or "this machine", refused)
        st.error(f"Pressline cannot open: {refused}.", icon=":material/block:")
        st.stop()


def _key(create: bool) -> str:
    """The deployment's login, else this browser's token (made when `create`); '' when there is neither."""
    if _logged_in():
        return f"login:{identity()}"
    token = st.session_state.get("token", "")
    if not token and create:
        token = secrets.token_urlsafe(32)
    if token:
        st.session_state["token"] = token
        return f"token:{token}"
    return ""


_COOKIE_SCRIPT = """<script>
document.cookie = %(cookie)s + "; Path=/; SameSite=Strict";
</script>"""


def keep_token_in_browser() -> None:
    """Hand this session's token to the browser as a cookie (once), or take it away after "Not me"."""
    if st.session_state.pop("forget_cookie", False):
        cookie = f"{COOKIE}=; Max-Age=0"
    elif (token := st.session_state.get("token")) and not st.session_state.get("cookie_given"):
        st.session_state["cookie_given"] = True
        cookie = f"{COOKIE}={token}; Max-Age={int(MAX_AGE.total_seconds())}"
    else:
        return
    run_in_page(_COOKIE_SCRIPT % {"cookie": script_string(cookie)})


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
            if not _logged_in():
                st.button("Not me", on_click=not_me, icon=":material/logout:",
                          help="Forget your name and this conversation on this computer now")
        st.caption(f"Pressline {services.app_version()} · runs offline on this machine")


def identity() -> str:
    """The identity the deployment vouches for where there is one, else the name or collar number given this session."""
    return trusted_identity() or st.session_state.get("officer", "")


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
                save()
                st.rerun()
            st.warning("Enter your name or collar number to continue.")
    st.stop()
