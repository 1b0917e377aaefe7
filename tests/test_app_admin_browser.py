"""The admin page's hardening in Chromium, against one `streamlit run` server for the module over a copy of the corpus
and its index (the tests change the corpus): the back-off message after wrong passwords, the delete confirmation,
approve after an edit, and the audit CSV served once (its URL fetched again from a second client is a 404)."""

import csv
import datetime as dt
import io
import os
import time
import urllib.error
import urllib.request

import pytest

from assistant import Answer
from assistant.audit import open_audit_log
from conftest import copy_root, run_python
from ingest.loaders import front_matter
from ingest.pipeline import run_ingest
from ingest.settings import Settings
from test_app_browser import ANSWER_TIMEOUT_MS, CHROMIUM, CHROMIUM_ARGS, OUTPUT, _leaves_machine, require_browser, served_app, sign_in

pytestmark = pytest.mark.browser
PASSWORD = "correct horse"
DRAFT_LINE = "pl-draft-stop-search-new-powers"


@pytest.fixture(scope="module")
def server(corpus_settings, tmp_path_factory):
    """The app on a free loopback port over its own root (a copy of the corpus and of the session's index)."""
    require_browser()
    root = tmp_path_factory.mktemp("admin-browser") / "root"
    copy_root(corpus_settings, root)
    env = {"PRESSLINE_ROOT": str(root), "PRESSLINE_ADMIN_PASSWORD": PASSWORD, "PRESSLINE_ADMIN_BACKOFF_BASE_S": "30",
           "PRESSLINE_OFFICER_ID_PROMPT": "true"}
    assert not run_ingest(Settings(root=root)).errors
    full_env = {key: value for key, value in os.environ.items() if not key.startswith("PRESSLINE_")} | env
    with served_app(full_env, "streamlit-admin.log") as url:
        yield {"url": url, "root": root, "env": env, "audit": open_audit_log(Settings(root=root))}


@pytest.fixture
def browser(server, tmp_path):
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        contexts = []

        def new_page():
            context = launched.new_context(viewport={"width": 1280, "height": 1900}, accept_downloads=True)
            contexts.append(context)
            page = context.new_page()
            page.on("request", lambda request: outside.append(request.url) if _leaves_machine(request.url) else None)
            return page

        yield new_page
        for context in contexts:
            context.close()
        launched.close()
    assert not outside, f"the app made requests off this machine: {outside}"


def admin_page(new_page, server):
    page = new_page()
    page.goto(server["url"])
    sign_in(page)
    page.get_by_role("link", name="Admin").click()
    page.get_by_label("Admin password").wait_for(timeout=ANSWER_TIMEOUT_MS)
    return page


def try_password(page, password: str) -> None:
    page.get_by_label("Admin password").fill(password)
    page.get_by_role("button", name="Unlock").click()


def unlocked(new_page, server):
    server["audit"].clear_lockouts()
    page = admin_page(new_page, server)
    try_password(page, PASSWORD)
    page.get_by_role("tab", name="Corpus").wait_for(timeout=ANSWER_TIMEOUT_MS)
    return page


def test_wrong_passwords_are_told_to_wait_even_after_a_reload_until_the_cli_clears_it(browser, server):
    page = admin_page(browser, server)
    try_password(page, "wrong")
    page.get_by_text("That password is not right. Wait 30 seconds before trying again.").wait_for()
    try_password(page, PASSWORD)
    page.get_by_text("before trying the password again").wait_for()
    page.screenshot(path=OUTPUT / "admin-backoff.png")

    reloaded = admin_page(browser, server)  # a new tab: a new session from the same client
    reloaded.get_by_text("Too many wrong admin passwords").wait_for()
    try_password(reloaded, PASSWORD)
    reloaded.get_by_text("before trying the password again").wait_for()
    assert not reloaded.get_by_role("tab", name="Corpus").count()

    cleared = run_python(["-m", "assistant", "admin", "clear-lockout"], server["env"], timeout=120)
    assert cleared.returncode == 0 and "Cleared" in cleared.stdout, cleared.stderr
    again = admin_page(browser, server)
    try_password(again, PASSWORD)
    again.get_by_role("tab", name="Corpus").wait_for(timeout=ANSWER_TIMEOUT_MS)
    actions = [entry["action"] for entry in server["audit"].admin_actions()]
    assert actions[:2] == ["unlock", "clear_lockout"] and actions.count("login_failed") == 1


def test_delete_asks_for_confirmation(browser, server, tmp_path):
    page = unlocked(browser, server)
    page.get_by_role("tab", name="Uploads").click()
    document = tmp_path / "ward-newsletter.txt"
    document.write_text("# Ward newsletter\n\nWard newsletters carry crime prevention advice.\n")
    page.get_by_role("button", name="Upload and index").wait_for()
    page.wait_for_timeout(1000)  # the tab switch reruns the page (stateful tabs); let it settle before choosing a file
    page.locator('input[type="file"]').set_input_files(document)
    page.get_by_text("ward-newsletter.txt").first.wait_for()  # the uploader holds the file
    page.get_by_role("button", name="Upload and index").click()
    page.get_by_text("Index updated").wait_for(timeout=ANSWER_TIMEOUT_MS)
    saved = server["root"] / "corpus" / "uploads" / "policy" / "ward-newsletter.txt"
    assert saved.exists()

    page.get_by_role("tab", name="Uploads").click()
    page.get_by_role("button", name="Delete", exact=True).click()
    page.get_by_text("Delete corpus/uploads/policy/ward-newsletter.txt?").wait_for()
    page.screenshot(path=OUTPUT / "admin-delete-confirm.png")
    assert saved.exists(), "one click must not delete"
    page.get_by_role("button", name="Yes, delete it").click()
    page.get_by_text("its passages have left the index").wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert not saved.exists()


def test_approve_after_an_edit_saves_the_edit(browser, server):
    path = server["root"] / "corpus" / "press-lines" / f"{DRAFT_LINE}.md"
    from playwright.sync_api import expect

    text = path.read_text()
    meta, body_start = front_matter(text, path.name)
    page = unlocked(browser, server)
    page.get_by_role("tab", name="Press lines").click()
    page.get_by_role("combobox", name="Press line", exact=True).click()
    page.get_by_role("option", name=f"{meta['title']} — draft ({DRAFT_LINE})").click()
    wording = page.get_by_label("The line, exactly as it may be read out or posted").first
    # Choosing the line reruns the page, which fills the form; type only once the line's own wording is there.
    expect(wording).to_have_value(text[body_start:].strip(), timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_timeout(1000)
    wording.fill("Officers will use the new powers only as the law allows; edited in the browser.")
    expect(wording).to_have_value("Officers will use the new powers only as the law allows; edited in the browser.")
    page.get_by_role("button", name="Approve", exact=True).click()
    page.get_by_text(f"Saved your changes to {DRAFT_LINE} and approved it.").wait_for(timeout=ANSWER_TIMEOUT_MS)
    meta, body_start = front_matter(path.read_text(), path.name)
    assert meta["status"] == "approved"
    assert path.read_text()[body_start:] == "Officers will use the new powers only as the law allows; edited in the browser.\n"


def test_the_audit_csv_is_served_once(browser, server):
    formula = Answer(question="=HYPERLINK(\"http://example.invalid\",\"click\") can I tweet?", today=dt.date(2026, 11, 20),
                     in_scope=True, status="answered", rag="green", answer="GREEN")
    server["audit"].record(kind="ask", result=formula, source="api", officer="PC formula", session_id="s", app_version="0.1.0")
    page = unlocked(browser, server)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if "/media/" in request.url else None)
    page.get_by_role("tab", name="Audit log").click()
    with page.expect_download(timeout=ANSWER_TIMEOUT_MS) as download_info:
        page.get_by_test_id("stDownloadButton").get_by_role("button", name="Download as CSV").click()
    download = download_info.value
    rows = list(csv.DictReader(io.StringIO(open(download.path(), encoding="utf-8").read())))
    (row,) = (row for row in rows if row["officer"] == "PC formula")
    assert row["question"].startswith("'=HYPERLINK(")
    url = download.url
    assert url.startswith(server["url"] + "/media/"), url
    deadline = time.monotonic() + 10  # the frontend's reachability check and the download: both fetched
    while fetched.count(url) < 2 and time.monotonic() < deadline:
        page.wait_for_timeout(100)

    with pytest.raises(urllib.error.HTTPError) as refused:  # a plain HTTP client, no session, no password
        urllib.request.urlopen(url, timeout=10)
    assert refused.value.code == 404
    second = browser()  # and a second browser context
    response = second.request.get(url)
    assert response.status == 404
    (export,) = server["audit"].admin_actions(actions=["export_csv"])
    assert export["admin"] == "PC 1234"
