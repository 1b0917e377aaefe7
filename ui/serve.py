"""`python -m ui.serve [streamlit options]`: the app, with the guidance engine warmed up as soon as the first page is drawn.

Streamlit runs `app.py` only when a browser connects, so on its own the first officer waits while the model and the
index load. Here a background thread loads them and answers one question (kept out of the audit log) once the first
page has been drawn (or after a few seconds with no browser): started with the server, its imports held the first page
back by two seconds. The engine the Ask page takes is the one already loaded (the model and the index are
process-wide, `assistant.resources.get_resources`). Options are `streamlit run`'s, e.g. `--server.port`.
"""

from ingest import offline  # noqa: F401  (before any model or store library loads)

import logging
import sys
import threading
from pathlib import Path

from streamlit.web import cli as streamlit_cli

from ingest.pipeline import index_status
from ingest.settings import get_settings
from ui.services import PAGE_DRAWN, warm_up

APP = Path(__file__).resolve().parent.parent / "app.py"
FIRST_PAGE_WAIT_S = 3.0
"""How long the warm-up waits for a first page to be drawn before it starts anyway."""

log = logging.getLogger(__name__)


def warm_up_unless_unindexed() -> None:
    """Load the model and the index and answer one question, unless there is no index yet (the first page then
    builds it, with a progress bar). A failure is logged and left for the page to report readably."""
    PAGE_DRAWN.wait(FIRST_PAGE_WAIT_S)
    try:
        settings = get_settings()
        if index_status(settings) in ("missing", "unreachable"):
            return
        warm_up(settings)
    except Exception:
        log.exception("warming up the guidance engine failed; the first question will load it instead")


def main(args: list[str]) -> int:
    threading.Thread(target=warm_up_unless_unindexed, name="pressline-warm-up", daemon=True).start()
    sys.argv = ["streamlit", "run", str(APP), *args]
    return streamlit_cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
