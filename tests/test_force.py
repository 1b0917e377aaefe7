"""Serving a whole force: several app instances over one Chroma server and one PostgreSQL database (all real). An answer
given on one instance and a press line approved on the other, both instances agreeing afterwards; one ingest at a time
across instances, by the database's lock."""

import os
import shutil

import pytest
from sqlalchemy import text

from assistant.audit import open_audit_log
from conftest import CORPUS, copy_corpus, make_settings
from ingest import generations
from ingest.database import INGEST_LOCK_KEY, get_engine
from ingest.errors import IngestLocked
from ingest.pipeline import run_ingest
from ingest.settings import Settings
from test_app_browser import ANSWER_TIMEOUT_MS, CHROMIUM, CHROMIUM_ARGS, require_browser, served_app

PASSWORD = "force admin password"
LINE_ID = "pl-quillfeather-cctv"
LINE_TITLE = "Quillfeather estate CCTV upgrade"
LINE_WORDING = ("New cameras on the Quillfeather estate are part of a joint project with the council to make the estate "
                "safer; footage is kept for 31 days and viewed only by trained staff.")
QUESTION = "What's our approved press line on the Quillfeather estate CCTV upgrade?"


def test_one_ingest_at_a_time_across_instances_sharing_the_database(tmp_path, postgres_server):
    corpus = tmp_path / "corpus"
    (corpus / "policy").mkdir(parents=True)
    shutil.copy(CORPUS / "policy" / "stop-search-charter.md", corpus / "policy")
    # Two machines: data folders of their own (so no shared file lock), one database.
    url = postgres_server.new_database()
    first = make_settings(tmp_path / "one", corpus, audit_url=url, ingest_lock_timeout_s=1.0)
    second = make_settings(tmp_path / "two", corpus, audit_url=url)
    with get_engine(first).connect() as holder:  # another instance, mid-ingest, holds the lock
        assert holder.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": INGEST_LOCK_KEY}).scalar()
        with pytest.raises(IngestLocked, match="another Pressline instance has been ingesting"):
            run_ingest(first)
        holder.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": INGEST_LOCK_KEY})
    assert not run_ingest(first).errors
    assert not run_ingest(second).errors  # the lock was let go when the first ingest finished


def test_two_instances_share_one_index_and_one_database_and_agree(tmp_path, chroma_server, postgres_server):
    """An officer asks on instance A; an admin approves a press line on instance B; A then offers the line (its
    keyword index and caches follow the new generation) and B's audit log shows A's answers."""
    require_browser()
    from playwright.sync_api import expect, sync_playwright

    root = tmp_path / "root"
    copy_corpus(root / "corpus")
    (root / "corpus" / "press-lines" / f"{LINE_ID}.md").write_text(
        f"---\nid: {LINE_ID}\ntitle: \"{LINE_TITLE}\"\nkind: press_line\ntopic: cctv\nstatus: draft\napproved_by: null\n"
        f"approved_on: null\nreview_by: 2027-06-01\naudience: \"Local media\"\ndo_not_say: []\n---\n{LINE_WORDING}\n")
    env = {key: value for key, value in os.environ.items() if not key.startswith("PRESSLINE_")} | {
        "PRESSLINE_ROOT": str(root), "PRESSLINE_CHROMA_URL": chroma_server,
        "PRESSLINE_AUDIT_URL": postgres_server.new_database(), "PRESSLINE_ADMIN_PASSWORD": PASSWORD,
        "PRESSLINE_OFFICER_ID_PROMPT": "true"}
    settings = Settings(root=root, chroma_url=chroma_server, audit_url=env["PRESSLINE_AUDIT_URL"])
    assert not run_ingest(settings).errors
    before = generations.current(settings)

    with served_app(env, "streamlit-force-a.log") as instance_a, served_app(env, "streamlit-force-b.log") as instance_b, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)

        def ask_on_a(who: str) -> str:
            page = browser.new_context(viewport={"width": 1280, "height": 1600}).new_page()
            page.goto(instance_a)
            page.get_by_label("Your name or collar number").fill(who)
            page.get_by_role("button", name="Continue").click()
            question = page.get_by_placeholder("Ask about a post, a statement or a press line")
            question.wait_for(timeout=ANSWER_TIMEOUT_MS)
            question.fill(QUESTION)
            question.press("Enter")
            page.get_by_text("Today is taken as").wait_for(timeout=ANSWER_TIMEOUT_MS)
            page.wait_for_timeout(1000)
            shown = page.get_by_test_id("stChatMessage").last.inner_text()
            page.context.close()
            return shown

        assert "footage is kept for 31 days" not in ask_on_a("PC draft-time")  # a draft is never offered

        admin = browser.new_context(viewport={"width": 1280, "height": 1900}).new_page()
        admin.goto(f"{instance_b}/admin")
        admin.get_by_label("Admin password").fill(PASSWORD)
        admin.get_by_label("Your name or collar number (recorded with every admin action)").fill("DMC duty press officer")
        admin.get_by_role("button", name="Unlock").click()
        admin.get_by_role("tab", name="Press lines").click(timeout=ANSWER_TIMEOUT_MS)
        admin.get_by_role("combobox", name="Press line", exact=True).click()
        admin.get_by_role("option", name=f"{LINE_TITLE} — draft ({LINE_ID})").click()
        expect(admin.get_by_label("The line, exactly as it may be read out or posted").first).to_have_value(
            LINE_WORDING, timeout=ANSWER_TIMEOUT_MS)
        admin.wait_for_timeout(1000)
        admin.get_by_role("button", name="Approve", exact=True).click()
        admin.get_by_text(f"Approved {LINE_ID}.").wait_for(timeout=ANSWER_TIMEOUT_MS)
        assert generations.current(settings) != before  # B re-ingested into the shared index

        assert "footage is kept for 31 days" in ask_on_a("PC approved-time")  # A follows the new generation

        admin.get_by_role("tab", name="Audit log").click()
        # A's answers, in B's audit table (a canvas grid: its cells are in the page for screen readers, not drawn)
        admin.get_by_text("PC approved-time").first.wait_for(state="attached", timeout=ANSWER_TIMEOUT_MS)
        browser.close()

    log = open_audit_log(settings)
    assert {entry["officer"] for entry in log.entries(text="Quillfeather")} == {"PC draft-time", "PC approved-time"}
    assert [action["admin"] for action in log.admin_actions(actions=["approve"])] == ["DMC duty press officer"]
