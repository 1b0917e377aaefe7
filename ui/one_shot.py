"""Downloads served once: a file registered here leaves Streamlit's media store as soon as the browser has fetched it.

A download button's file normally stays at its /media/ URL, for anyone who has the URL and no password, until its
session moves on. The admin's CSV export is built by a deferred download button (only when the admin clicks) and its
bytes are registered here; this module wraps the server's in-memory media store so that such a file is deleted after
the fetches of one download. Streamlit's frontend makes exactly two for a deferred download: a reachability check
(`checkSourceUrlResponse`) and the download itself, so FETCHES is 2; anything later gets 404. A file never fetched
goes after TTL_S. tests/test_app_admin_browser.py proves it in Chromium, so a Streamlit upgrade that changes the
fetches fails there.

Usage (in a page script)::

    one_shot.install()
    st.download_button("Download", data=lambda: one_shot.register(build_bytes()), on_click="ignore")
"""

import hashlib
import os
import threading

from streamlit import runtime

FETCHES = 2
TTL_S = 120.0

_lock = threading.Lock()
_pending: dict[str, int] = {}  # sha256 of registered bytes -> how many registrations wait to be stored
_remaining: dict[str, int] = {}  # stored file id -> fetches left
_internal = threading.local()


def register(data: bytes | str) -> bytes:
    """Mark these bytes as a one-shot download; returns them, so a deferred download's callable can end with it."""
    data = data.encode("utf-8") if isinstance(data, str) else data
    with _lock:
        digest = hashlib.sha256(data).hexdigest()
        _pending[digest] = _pending.get(digest, 0) + 1
    return data


def install(manager=None) -> None:
    """Wrap the media store of this server (or of `manager`) once; other files are served as before."""
    if manager is None:
        if not runtime.exists():
            return
        manager = runtime.get_instance().media_file_mgr
    storage = getattr(manager, "_storage", None)
    if storage is None or getattr(storage, "_pressline_one_shot", False):
        return
    load_and_get_id, get_file, get_url = storage.load_and_get_id, storage.get_file, storage.get_url

    def load_one_shot_aware(path_or_data, mimetype, kind, filename=None):
        file_id = load_and_get_id(path_or_data, mimetype, kind, filename)
        if isinstance(path_or_data, bytes) and _pending:
            digest = hashlib.sha256(path_or_data).hexdigest()
            with _lock:
                if _pending.get(digest):
                    _pending[digest] -= 1
                    if not _pending[digest]:
                        del _pending[digest]
                    _remaining[file_id] = _remaining.get(file_id, 0) + FETCHES
                    timer = threading.Timer(TTL_S, _expire, (storage, file_id))
                    timer.daemon = True
                    timer.start()
        return file_id

    def get_file_once(filename):
        file = get_file(filename)  # raises for an unknown file, as before
        if getattr(_internal, "quiet", False):
            return file
        file_id = os.path.splitext(filename)[0]
        with _lock:
            if file_id in _remaining:
                _remaining[file_id] -= 1
                if _remaining[file_id] <= 0:
                    del _remaining[file_id]
                    storage.delete_file(file_id)
        return file

    def get_url_uncounted(file_id):
        # Streamlit reads the file once itself to name its URL; that is not a fetch.
        _internal.quiet = True
        try:
            return get_url(file_id)
        finally:
            _internal.quiet = False

    storage.load_and_get_id, storage.get_file, storage.get_url = load_one_shot_aware, get_file_once, get_url_uncounted
    storage._pressline_one_shot = True


def _expire(storage, file_id: str) -> None:
    with _lock:
        if _remaining.pop(file_id, None) is not None:
            storage.delete_file(file_id)
