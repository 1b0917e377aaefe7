"""Approvals in the app: drafts on the admin page and approving them, a draft document shown only to admins and
marked, and a document's remote images and links drawn inert — through AppTest, and in a real browser (Chromium
through Playwright) that counts every request leaving 127.0.0.1.
"""

import os
from urllib.parse import quote as url_quote

import pytest
from conftest import copy_root
from test_app import ADMIN, DOCUMENT, click, open_app, own_corpus, pressline_env, texts, unlocked_admin, upload  # noqa: F401
from test_app_browser import CHROMIUM, CHROMIUM_ARGS, OUTPUT, _leaves_machine, require_browser, served_app, sign_in

from assistant.audit import open_audit_log
from ingest.approvals import Approvals
from ingest.pipeline import run_ingest
from ingest.settings import Settings, get_settings
from ui.approvals_panel import APPROVE_BUTTON
from ui.inert import inert

REMOTE = """# Zephyrbrook ward panel raffle

The Zephyrbrook ward panel raffle prizes are handed out by the inspector ![tracker](http://198.51.100.7/pixel.png) \
and ![proto](//198.51.100.8/p.png) and ![ref][remote], see [the prize list](https://example.invalid/phish), \
[open me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==), www.example.invalid and \
https://example.invalid/bare <img src="http://198.51.100.9/raw.png"> at the quarterly Zephyrbrook ward panel meeting.

[remote]: http://198.51.100.10/ref.png
"""
RAFFLE_QUESTION = "What is the guidance on the Zephyrbrook ward panel raffle prizes?"


def test_inert_text_reads_the_same_but_holds_no_image_link_or_autolink():
    drawn = inert(REMOTE)
    for live in ("![", "](", "][", "http://", "https://", "data:", "www."):
        assert live not in drawn
    assert "&#91;the prize list&#93;(https\u2060://example.invalid/phish)" in drawn


def test_a_draft_document_is_shown_only_to_an_admin_and_marked(own_corpus, pressline_env):
    at = upload(unlocked_admin(pressline_env), "remote.md", REMOTE.encode(), "policy")
    source = "corpus/uploads/policy/remote.md"
    assert any("uploads/policy/remote.md" in frame.value.to_string() and "DRAFT — never cited" in frame.value.to_string()
               for frame in at.dataframe)
    officer = open_app(DOCUMENT, source=source)
    assert "draft waiting for an admin's approval" in texts(officer, "warning") and "Zephyrbrook" not in texts(officer)
    at.switch_page(DOCUMENT)
    at.query_params.update(source=source)
    at.run()
    markdown = texts(at)
    assert "Draft — not approved, never cited" in markdown and "Zephyrbrook ward panel raffle prizes" in markdown
    for live in ("![", "](", "http://", "https://", "data:", "www.", "<img"):
        assert live not in markdown, live


def test_an_admin_approves_a_draft_and_the_record_says_who_when_and_which_version(own_corpus, pressline_env):
    at = upload(unlocked_admin(pressline_env), "raffle.md", REMOTE.encode(), "policy")
    settings = get_settings()
    path = settings.corpus_dir / "uploads" / "policy" / "raffle.md"
    draft_box = next(box for box in at.selectbox if box.label == "Draft")
    draft_box.set_value(path).run()
    next(text for text in at.text_input if text.key == "approve-file-by").input("DMC duty press officer")
    click(at, APPROVE_BUTTON)
    assert "Approved uploads/policy/raffle.md" in texts(at, "success")
    (record,) = Approvals(settings).history()
    assert record["path"] == "uploads/policy/raffle.md" and record["approved_by"] == "DMC duty press officer"
    assert Approvals(settings).approval(path).how == "admin"
    history = next(frame.value for frame in at.dataframe if "Approved by" in frame.value.columns)
    assert list(history["File"]) == ["uploads/policy/raffle.md"]
    (action,) = open_audit_log(settings).admin_actions(actions=["approve_file"])
    assert action["target"] == "uploads/policy/raffle.md" and "DMC duty press officer" in action["after"]


# --- In a real browser -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def remote_app(corpus_settings, tmp_path_factory):
    """The app over a corpus holding an approved document full of remote images and links."""
    require_browser()
    root = tmp_path_factory.mktemp("remote")
    copy_root(corpus_settings, root)
    for name, text in (("remote.md", REMOTE), ("remote-text.txt", REMOTE.replace("# Zephyrbrook", "Zephyrbrook"))):
        (root / "corpus" / "uploads" / "policy").mkdir(parents=True, exist_ok=True)
        (root / "corpus" / "uploads" / "policy" / name).write_text(text)
    settings = Settings(root=root, corpus_dir=root / "corpus", data_dir=root / "data")
    assert not run_ingest(settings).errors
    for name in ("remote.md", "remote-text.txt"):
        Approvals(settings).approve(root / "corpus" / "uploads" / "policy" / name, "DMC duty press officer")
    env = dict(os.environ, PRESSLINE_ROOT=str(root), PRESSLINE_OFFICER_ID_PROMPT="true")
    for name in ("PRESSLINE_ADMIN_PASSWORD", "PRESSLINE_DATA_DIR", "PRESSLINE_CORPUS_DIR"):
        env.pop(name, None)
    with served_app(env, "streamlit-remote.log") as url:
        yield url


def _no_live_links(page) -> None:
    """Nothing to click off the machine: no data: link, no link or image to another host."""
    assert page.locator("a[href^='data:' i]").count() == 0
    hrefs = page.locator("a[href]").evaluate_all("links => links.map(link => link.href)")
    assert not [href for href in hrefs if _leaves_machine(href) or href.lower().startswith(("data:", "javascript:"))]
    sources = page.locator("img").evaluate_all("images => images.map(image => image.src)")
    assert not [src for src in sources if _leaves_machine(src)]


def test_remote_images_and_links_in_documents_and_source_cards_stay_inert_in_a_browser(remote_app, tmp_path):
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path / "chromium"), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 1900},
        )
        context.on("request", lambda request: outside.append(request.url) if _leaves_machine(request.url) else None)
        page = context.new_page()
        for name in ("remote.md", "remote-text.txt"):
            page.goto(f"{remote_app}/document?source={url_quote('corpus/uploads/policy/' + name)}"
                      f"&quote={url_quote('The Zephyrbrook ward panel raffle prizes')}")
            page.locator("#pressline-passage").wait_for(timeout=120_000)
            page.get_by_text("the prize list", exact=False).first.wait_for(timeout=30_000)
            page.wait_for_timeout(1500)
            _no_live_links(page)
            page.screenshot(path=OUTPUT / f"document-{name}.png")

        page.goto(remote_app)
        question = sign_in(page)
        question.fill(RAFFLE_QUESTION)
        question.press("Enter")
        page.get_by_text("Zephyrbrook ward panel raffle", exact=False).nth(1).wait_for(timeout=120_000)
        page.get_by_text("Today is taken as").wait_for(timeout=120_000)
        page.wait_for_timeout(1500)
        # The source card quotes the passage, its links and images as plain text (the question names none of them).
        assert page.get_by_text("the prize list", exact=False).count() >= 1
        _no_live_links(page)
        page.screenshot(path=OUTPUT / "remote-source-cards.png")
        context.close()
    assert outside == [], f"requests left 127.0.0.1: {outside}"
