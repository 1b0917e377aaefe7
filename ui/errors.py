"""Problems shown as sentences an officer can act on; the stack trace goes to the server log, never to the page."""

import logging
from contextlib import contextmanager

import streamlit as st

from ingest.errors import PresslineError
from ingest.settings import get_settings

from .contacts import urgent_help

log = logging.getLogger("pressline.app")


@contextmanager
def readable_errors(doing: str):
    """Run the block; on failure say what could not be done and why, then stop the page.

    Usage::

        with readable_errors("check the draft"):
            result = engine.check_draft(text)
    """
    try:
        yield
    except PresslineError as exc:
        # Pressline's own errors are already written for a person: they name the file or setting and the fix.
        log.warning("could not %s: %s", doing, exc)
        st.error(f"Could not {doing}: {exc}\n\n{urgent_help(get_settings().corpus_dir)}", icon=":material/error:")
        st.stop()
    except Exception:
        log.exception("could not %s", doing)
        st.error(
            f"Could not {doing} because of an unexpected problem; the details are in the server log for the "
            f"administrator. {urgent_help(get_settings().corpus_dir)}",
            icon=":material/error:",
        )
        st.stop()
