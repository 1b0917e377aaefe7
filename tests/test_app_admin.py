"""The admin page's hardening through AppTest: password back-off, audited admin actions, approve after an edit,
delete confirmation, and a CSV built only on an unlocked admin's click (the one-shot URL is proved in the browser,
tests/test_app_admin_browser.py)."""

import csv
import datetime as dt
import io
import json

from streamlit.testing.v1 import AppTest

from assistant import Answer
from assistant.__main__ import main as cli_main
from assistant.audit import open_audit_log
from ingest.loaders import front_matter
from ingest.settings import get_settings
from test_app import ADMIN, APP, click, open_app, own_corpus, pressline_env, texts, unlocked_admin  # noqa: F401
from evals.golden import GOLDEN_PATH, load_golden
from ui.admin_log import Actor, csv_export, marked_wrong_export

LINE = "pl-draft-stop-search-new-powers"


def admin_actions(**filters) -> list[dict]:
    return open_audit_log(get_settings()).admin_actions(**filters)


def try_password(at: AppTest, password: str) -> AppTest:
    next(text for text in at.text_input if text.label == "Admin password").input(password)
    return click(at, "Unlock")


def test_wrong_passwords_back_off_a_reload_does_not_reset_it_and_the_cli_clears_it(own_corpus, pressline_env):
    pressline_env(admin_password="pw", admin_backoff_base_s=30, admin_backoff_cap_s=600)
    at = try_password(open_app(ADMIN), "wrong")
    assert "That password is not right" in texts(at, "error") and "Wait 30 seconds" in texts(at, "error")
    try_password(at, "pw")  # the right one, too soon
    assert not at.tabs and "wait" in texts(at, "error").lower()

    reloaded = open_app(ADMIN)  # a new session from the same client
    assert "Wait" in texts(reloaded, "warning")
    assert not try_password(reloaded, "pw").tabs

    actions = [entry["action"] for entry in admin_actions()]
    assert actions == ["login_refused", "login_refused", "login_failed"]
    assert all(entry["admin"] == "PC 1234" and entry["client"] for entry in admin_actions())

    assert cli_main(["admin", "clear-lockout"]) == 0
    assert try_password(open_app(ADMIN), "pw").tabs
    assert admin_actions()[0]["action"] == "unlock"


def test_a_second_failure_waits_twice_as_long(own_corpus, pressline_env, monkeypatch):
    pressline_env(admin_password="pw", admin_backoff_base_s=0.2, admin_backoff_cap_s=600)
    at = try_password(open_app(ADMIN), "wrong")
    assert "Wait 1 second" in texts(at, "error")  # 0.2 s, said in whole seconds
    import time
    time.sleep(0.3)
    assert "Wait 1 second" in texts(try_password(at, "wrong again"), "error")
    log = open_audit_log(get_settings())
    assert max(row["failures"] for row in log.lockouts()) == 2


def upload_policy(at: AppTest, name: str = "newsletter.txt") -> AppTest:
    at.get("file_uploader")[0].set_value((name, b"# Ward newsletter\n\nWard newsletters carry crime prevention advice.\n",
                                          "text/plain"))
    next(box for box in at.selectbox if box.label == "What kind of document is it?").set_value("policy")
    return click(at, "Upload and index")


def test_delete_asks_for_confirmation_and_can_be_cancelled(own_corpus, pressline_env):
    at = upload_policy(unlocked_admin(pressline_env))
    saved = own_corpus / "corpus" / "uploads" / "policy" / "newsletter.txt"
    click(at, "Delete")
    assert saved.exists(), "one click must not delete"
    assert "Delete corpus/uploads/policy/newsletter.txt?" in texts(at, "warning")
    click(at, "Cancel")
    assert saved.exists() and not any(button.label == "Yes, delete it" for button in at.button)
    click(at, "Delete")
    click(at, "Yes, delete it")
    assert not saved.exists() and "1 removed" in texts(at, "success")


def test_every_admin_action_is_audited_and_shown_on_the_audit_tab(own_corpus, pressline_env):
    at = upload_policy(unlocked_admin(pressline_env))
    click(at, "Re-ingest the corpus")
    click(at, "Delete")
    click(at, "Yes, delete it")
    entries = admin_actions()
    assert [entry["action"] for entry in entries] == ["reingest", "delete", "reingest", "reingest", "upload", "unlock"]
    assert {entry["admin"] for entry in entries} == {"PC 1234"}
    upload, = (entry for entry in entries if entry["action"] == "upload")
    assert upload["target"] == "corpus/uploads/policy/newsletter.txt" and json.loads(upload["after"])["bytes"] > 0
    delete, = (entry for entry in entries if entry["action"] == "delete")
    assert json.loads(delete["before"])["sha256"] == json.loads(upload["after"])["sha256"] and delete["after"] is None
    table = next(frame.value for frame in at.dataframe if "Action" in frame.value.columns)
    assert list(table["Action"])[:2] == ["reingest", "delete"] and set(table["Admin"]) == {"PC 1234"}


def test_approve_after_an_edit_saves_the_edit_then_approves_it(own_corpus, pressline_env):
    path = own_corpus / "corpus" / "press-lines" / f"{LINE}.md"
    at = unlocked_admin(pressline_env)
    next(box for box in at.selectbox if box.label == "Press line").set_value(LINE).run()
    next(area for area in at.text_area if area.key == f"edit-{LINE}-text").input("Edited wording, then approved.")
    click(at, "Approve")
    meta, body_start = front_matter(path.read_text(), path.name)
    assert path.read_text()[body_start:] == "Edited wording, then approved.\n"
    assert meta["status"] == "approved"
    assert "saved your changes" in texts(at, "success").lower()
    edit, approve = (next(entry for entry in admin_actions() if entry["action"] == action) for action in ("edit", "approve"))
    assert json.loads(edit["after"])["text"] == "Edited wording, then approved.\n"
    assert json.loads(edit["before"])["text"] != json.loads(edit["after"])["text"]
    assert json.loads(approve["before"])["status"] == "draft" and json.loads(approve["after"])["status"] == "approved"


def test_withdraw_with_unsaved_edits_is_refused(own_corpus, pressline_env):
    line = "pl-holding-arrest-made"
    path = own_corpus / "corpus" / "press-lines" / f"{line}.md"
    before = path.read_text()
    at = unlocked_admin(pressline_env)
    next(box for box in at.selectbox if box.label == "Press line").set_value(line).run()
    next(area for area in at.text_area if area.key == f"edit-{line}-text").input("Changed.")
    click(at, "Withdraw this line")
    assert path.read_text() == before and "unsaved changes" in texts(at, "error")


def test_no_export_is_built_until_an_unlocked_admin_clicks(own_corpus, pressline_env):
    pressline_env(admin_password="pw")
    assert not open_app(ADMIN).get("download_button")
    at = unlocked_admin(pressline_env)
    buttons = at.get("download_button")  # the CSV and the candidate questions
    assert len(buttons) == 2
    assert all(button.proto.deferred_file_id and not button.proto.url for button in buttons)  # deferred: nothing built yet


def test_the_csv_export_is_built_when_called_escaped_and_audited(own_corpus, pressline_env):
    log = open_audit_log(get_settings())
    question = Answer(question="=1+1 can I tweet this?", today=dt.date(2026, 11, 20), in_scope=True, status="answered",
                      rag="green", answer="GREEN")
    log.record(kind="ask", result=question, source="app", officer="=cmd|' /C calc'!A0", session_id="s",
               app_version="0.1.0")
    build = csv_export(log, {"since": dt.date.today() - dt.timedelta(days=1), "until": dt.date.today()},
                       Actor("Sgt Export", "s-admin", "10.0.0.7"))
    assert not admin_actions(actions=["export_csv"])
    (row,) = csv.DictReader(io.StringIO(build().decode("utf-8")))
    assert row["officer"] == "'=cmd|' /C calc'!A0" and row["question"].startswith("'=")
    (entry,) = admin_actions(actions=["export_csv"])
    assert entry["admin"] == "Sgt Export" and json.loads(entry["after"]) == {"rows": 1}


def test_the_audit_tables_show_formula_cells_quoted_so_their_own_csv_download_is_safe_too(own_corpus, pressline_env):
    question = Answer(question="@SUM(A1) can I tweet this?", today=dt.date(2026, 11, 20), in_scope=True, status="answered",
                      rag="green", answer="GREEN")
    open_audit_log(get_settings()).record(kind="ask", result=question, source="app", officer="-PC minus", session_id="s",
                                          app_version="0.1.0")
    at = unlocked_admin(pressline_env)
    table = next(frame.value for frame in at.dataframe if "Question" in frame.value.columns)
    assert list(table["Question"]) == ["'@SUM(A1) can I tweet this?"] and list(table["Officer"]) == ["'-PC minus"]


def test_answers_marked_wrong_export_as_candidate_questions_without_near_copies_of_the_sets(own_corpus, pressline_env):
    """The real audit log, the real embedding model and the real evaluation sets' texts."""
    log = open_audit_log(get_settings())
    golden_question = load_golden(GOLDEN_PATH)[0].question

    def marked(question: str, feedback: str | None, comment: str = "") -> None:
        answer = Answer(question=question, today=dt.date(2026, 11, 20), in_scope=True, status="answered", rag="green",
                        answer="GREEN")
        entry = log.record(kind="ask", result=answer, source="app", officer="PC Named", session_id="s", app_version="0.1.0")
        log.set_feedback(entry, feedback, comment=comment)

    marked("can we tweet the allotment open day photos with the kids in them?", "down", "it should have said amber")
    marked("can we tweet the allotment open day photos with the kids in them??", "down")  # the same question again
    marked(golden_question, "down")  # already in an evaluation set
    marked("can I post the bike marking event times?", "up")
    build = marked_wrong_export(log, {}, Actor("Sgt Export", "s-admin", "10.0.0.7"))
    rows = [json.loads(line) for line in build().decode("utf-8").splitlines()]
    assert [row["question"] for row in rows] == ["can we tweet the allotment open day photos with the kids in them?"]
    (row,) = rows
    assert row["what_was_wrong"] == "it should have said amber" and row["answered_verdict"] == "green"
    assert row["acceptable_rag"] is None and row["kind"] == "question" and "PC Named" not in json.dumps(row)
    (entry,) = admin_actions(actions=["export_candidates"])
    left_out = json.loads(entry["after"])["left_out"]
    assert len(left_out) == 2 and any("evaluation set" in why for why in left_out)
