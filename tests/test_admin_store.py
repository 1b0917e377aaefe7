"""The admin's side of the audit store, without the app: password back-off, admin actions, the CSV's cells,
the one-shot download store, and `python -m assistant admin clear-lockout`."""

import csv
import datetime as dt
import getpass
import io
import json

import pytest
from pydantic import ValidationError

from assistant.__main__ import main as cli_main
from assistant.audit import AuditLog, open_audit_log, to_csv
from ingest.settings import Settings, get_settings

NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
T0 = 1_800_000_000.0  # a moment, in epoch seconds, for the back-off clock
SUBJECTS = ("session:s1", "client:10.0.0.7")


@pytest.fixture
def log(store_settings) -> AuditLog:
    """The audit store in SQLite, then in PostgreSQL: every test using it runs on both."""
    return open_audit_log(store_settings)


# --- Back-off after wrong passwords --------------------------------------------------------------------------


def test_each_wrong_password_doubles_the_wait_up_to_the_cap(log):
    waits = [log.login_failed(SUBJECTS, base_s=1, cap_s=60, now=T0 + 1000 * n) for n in range(9)]
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_the_wait_counts_down_and_holds_for_the_session_and_the_client_alike(log):
    assert log.login_wait(SUBJECTS, now=T0) == 0
    log.login_failed(SUBJECTS, base_s=5, cap_s=60, now=T0)
    assert log.login_wait(SUBJECTS, now=T0 + 2) == pytest.approx(3)
    assert log.login_wait(["session:another-tab", "client:10.0.0.7"], now=T0 + 2) == pytest.approx(3)  # a reload
    assert log.login_wait(["session:s1", "client:10.0.0.8"], now=T0 + 2) == pytest.approx(3)
    assert log.login_wait(["session:s2", "client:10.0.0.8"], now=T0 + 2) == 0
    assert log.login_wait(SUBJECTS, now=T0 + 5) == 0


def test_the_back_off_survives_reopening_the_store(log):
    log.login_failed(SUBJECTS, base_s=30, cap_s=60, now=T0)
    assert AuditLog(log.engine, retention_days=90).login_wait(["client:10.0.0.7"], now=T0 + 1) == pytest.approx(29)


def test_a_right_password_clears_the_count_and_a_quiet_day_forgets_it(log):
    for n in range(3):
        log.login_failed(SUBJECTS, base_s=1, cap_s=60, now=T0 + 100 * n)
    log.login_succeeded(SUBJECTS)
    assert log.login_failed(SUBJECTS, base_s=1, cap_s=60, now=T0 + 1000) == 1
    log.login_failed(SUBJECTS, base_s=1, cap_s=60, now=T0 + 2000)
    assert log.login_failed(SUBJECTS, base_s=1, cap_s=60, now=T0 + 2000 + 86_401) == 1


def test_clearing_a_lockout_by_client_or_all(log):
    log.login_failed(SUBJECTS, base_s=30, cap_s=60, now=T0)
    log.login_failed(["session:s9", "client:10.0.0.9"], base_s=30, cap_s=60, now=T0)
    assert log.clear_lockouts(client="10.0.0.7") == 1
    assert log.login_wait(["client:10.0.0.7"], now=T0 + 1) == 0
    assert log.login_wait(["session:s1"], now=T0 + 1) > 0  # the session's own count stays
    assert {row["subject"] for row in log.lockouts()} == {"session:s1", "session:s9", "client:10.0.0.9"}
    assert log.clear_lockouts() == 3 and log.lockouts() == []


@pytest.mark.parametrize("name", ["ADMIN_BACKOFF_BASE_S", "ADMIN_BACKOFF_CAP_S"])
def test_settings_refuse_a_back_off_of_zero(monkeypatch, name):
    monkeypatch.setenv(f"PRESSLINE_{name}", "0")
    with pytest.raises(ValidationError, match="without a pause"):
        Settings()


# --- Admin actions --------------------------------------------------------------------------------------------


def test_an_admin_action_is_recorded_with_who_what_when_target_and_before_and_after(log):
    action_id = log.record_admin_action(
        admin="Sgt Admin", action="edit", target="corpus/press-lines/pl-x.md",
        before={"text": "Old wording."}, after={"text": "New wording."}, session_id="s1", client="10.0.0.7", now=NOW,
    )
    (entry,) = log.admin_actions()
    assert entry["id"] == action_id and entry["at"] == "2026-11-20T12:00:00"
    assert (entry["admin"], entry["action"], entry["target"], entry["outcome"]) == ("Sgt Admin", "edit", "corpus/press-lines/pl-x.md", "done")
    assert json.loads(entry["before"]) == {"text": "Old wording."} and json.loads(entry["after"]) == {"text": "New wording."}
    assert (entry["session_id"], entry["client"], entry["source"]) == ("s1", "10.0.0.7", "app")


def test_admin_actions_filter_by_admin_and_action_newest_first(log):
    log.record_admin_action(admin="Sgt A", action="login_failed", target="admin page", now=NOW)
    log.record_admin_action(admin="Sgt B", action="delete", target="corpus/uploads/policy/x.txt", now=NOW)
    assert [entry["action"] for entry in log.admin_actions()] == ["delete", "login_failed"]
    assert [entry["admin"] for entry in log.admin_actions(admin="b")] == ["Sgt B"]
    assert [entry["action"] for entry in log.admin_actions(actions=["login_failed"])] == ["login_failed"]


def test_admin_actions_are_purged_with_the_answers(log):
    log.record_admin_action(admin="Sgt A", action="upload", target="x", now=NOW - dt.timedelta(days=120))
    log.record_admin_action(admin="Sgt A", action="upload", target="y", now=NOW)
    assert [entry["target"] for entry in log.admin_actions()] == ["y"]


# --- The CSV: a cell a spreadsheet would run is neutralised ----------------------------------------------------


@pytest.mark.parametrize("question", ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_a_csv_cell_that_starts_like_a_formula_is_quoted_as_text(question):
    (row,) = csv.DictReader(io.StringIO(to_csv([{"id": 1, "question": question, "officer": "PC 1"}])))
    assert row["question"] == "'" + question and row["officer"] == "PC 1" and row["id"] == "1"


def test_ordinary_csv_cells_are_left_alone():
    (row,) = csv.DictReader(io.StringIO(to_csv([{"question": "Can I tweet? = fine", "answer": "[1] ok", "id": -3}])))
    assert row["question"] == "Can I tweet? = fine" and row["answer"] == "[1] ok" and row["id"] == "-3"


# --- The one-shot download store ------------------------------------------------------------------------------


def test_a_one_shot_download_is_gone_after_the_browser_has_fetched_it():
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.runtime.media_file_storage import MediaFileStorageError
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    from ui import one_shot

    storage = MemoryMediaFileStorage("/media")
    manager = MediaFileManager(storage)
    one_shot.install(manager)
    one_shot.install(manager)  # once only, however often a page asks
    eager = manager.add(b"an image", "image/png", "0.1")  # anything else is served as before
    data = b"id,question\r\n1,hello\r\n"
    file_id = manager.add_deferred(lambda: one_shot.register(data), "text/csv", "0.2", file_name="audit.csv")
    assert not storage._files_by_id or list(storage._files_by_id) == [eager.split("/")[-1].split(".")[0]]
    url = manager.execute_deferred(file_id)  # the click: built now
    name = url.rsplit("/", 1)[-1]
    fetches = [storage.get_file(name).content for _ in range(one_shot.FETCHES)]  # the browser's check, then the download
    assert fetches == [data] * one_shot.FETCHES
    with pytest.raises(MediaFileStorageError):
        storage.get_file(name)
    assert storage.get_file(eager.rsplit("/", 1)[-1]).content == b"an image"
    manager.remove_orphaned_files()
    manager.remove_orphaned_files()  # Streamlit's own clean-up copes with the file already gone


# --- python -m assistant admin clear-lockout -------------------------------------------------------------------


@pytest.fixture
def data_env(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLINE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(getpass, "getuser", lambda: "os-admin")
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


def test_the_cli_clears_a_clients_lockout_and_records_who_did(data_env, capsys):
    log = open_audit_log(data_env)
    log.login_failed(["session:s1", "client:10.0.0.7"], base_s=300, cap_s=300)
    log.login_failed(["session:s2", "client:10.0.0.8"], base_s=300, cap_s=300)
    assert cli_main(["admin", "clear-lockout", "--client", "10.0.0.7"]) == 0
    assert "10.0.0.7" in capsys.readouterr().out
    assert log.login_wait(["client:10.0.0.7"]) == 0 and log.login_wait(["client:10.0.0.8"]) > 0
    assert cli_main(["admin", "clear-lockout"]) == 0
    assert "3 lockout" in capsys.readouterr().out and log.lockouts() == []
    entries = log.admin_actions(actions=["clear_lockout"])
    assert [(entry["admin"], entry["source"], entry["target"]) for entry in entries] == [
        ("os-admin", "cli", "every client and session"), ("os-admin", "cli", "client 10.0.0.7")]


def test_the_cli_lists_lockouts(data_env, capsys):
    open_audit_log(data_env).login_failed(["client:10.0.0.7"], base_s=300, cap_s=300)
    assert cli_main(["admin", "lockouts"]) == 0
    out = capsys.readouterr().out
    assert "client:10.0.0.7" in out and "1 failure" in out


def test_a_try_is_claimed_before_the_password_is_compared_so_parallel_tries_wait_too(log):
    assert log.claim_login_try(SUBJECTS, base_s=5, cap_s=60, now=T0) == (0, 5)  # counted at once
    waiting, _ = log.claim_login_try(["session:another-tab", "client:10.0.0.7"], base_s=5, cap_s=60, now=T0)
    assert waiting == pytest.approx(5)  # a second tab from the same client, at the same moment, is refused
    log.login_succeeded(SUBJECTS)  # the first try's password was right: its count goes
    assert log.claim_login_try(SUBJECTS, base_s=5, cap_s=60, now=T0 + 1) == (0, 5)
