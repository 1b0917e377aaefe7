"""End to end: the real app under `streamlit run`, driven in Debian's Chromium through Playwright.

Screenshots go to tests/output/ (git-ignored). Under CI=true the test must run; elsewhere it is skipped
when Chromium or Playwright is missing.
"""

import os
import shutil
import subprocess
from contextlib import contextmanager
from urllib.parse import urlencode, urlparse

import pytest

from conftest import PYTHON, REPO_ROOT, free_port, wait_until_answering

CHROMIUM = "/usr/bin/chromium"
OUTPUT = REPO_ROOT / "tests" / "output"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
ANSWER_TIMEOUT_MS = 120_000

pytestmark = pytest.mark.browser


def require_browser():
    """Skip with how to install what is missing, except under CI, where a missing browser fails the run."""
    missing = []
    if not shutil.which(CHROMIUM):
        missing.append("Chromium (as root: apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("Playwright (.venv/bin/pip install -e '.[dev]')")
    if not missing:
        return
    message = "the browser test needs " + " and ".join(missing)
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def served_app(env: dict, log_name: str):
    """`python -m ui.serve` (`streamlit run app.py`, the engine warmed from the start) with `env` on a free loopback
    port; yields its URL once healthy, stops it after."""
    port = free_port()
    OUTPUT.mkdir(exist_ok=True)
    log_path = OUTPUT / log_name
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [PYTHON, "-m", "ui.serve", "--server.port", str(port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{url}/_stcore/health", server, lambda: f"streamlit did not start:\n{log_path.read_text()[-3000:]}")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def app_url(corpus_settings, tmp_path_factory):
    """The app served by `streamlit run` on a free loopback port, over the session's index."""
    require_browser()
    env = dict(os.environ, PRESSLINE_DATA_DIR=str(corpus_settings.data_dir), PRESSLINE_OFFICER_ID_PROMPT="true")
    env.pop("PRESSLINE_ADMIN_PASSWORD", None)
    with served_app(env, "streamlit.log") as url:
        yield url


@pytest.fixture
def page(app_url, tmp_path):
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    with sync_playwright() as playwright:
        # Playwright refuses --user-data-dir among args; a persistent context takes it instead.
        context = playwright.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path / "chromium"), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 1900},
        )
        page = context.new_page()
        page.on("request", lambda request: outside.append(request.url) if _leaves_machine(request.url) else None)
        page.goto(app_url)
        yield page
        context.close()
    assert not outside, f"the app made requests off this machine: {outside}"


def _leaves_machine(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https", "ws", "wss") and parsed.hostname not in ("127.0.0.1", "localhost")


def sign_in(page):
    """Give a collar number at the prompt; returns the chat box, which appears once the engine is loaded."""
    page.get_by_label("Your name or collar number").fill("PC 1234")
    page.get_by_role("button", name="Continue").click()
    question = page.get_by_placeholder("Ask about a post, a statement or a press line")
    question.wait_for(timeout=ANSWER_TIMEOUT_MS)
    return question


def test_an_officer_asks_a_question_and_opens_a_source(page):
    question = sign_in(page)
    question.fill("Can I tweet that a 17 year old was charged with robbery?")
    question.press("Enter")
    badge = page.get_by_role("status").filter(has_text="RED — Do not post — contact DMC")
    badge.wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert "✖" in badge.inner_text()
    # Streamlit draws an answer piece by piece: wait for each part rather than test it at once.
    page.get_by_text("Contact before you post").wait_for(timeout=ANSWER_TIMEOUT_MS)
    page.get_by_text("To: DMC 24-hour Press Bureau").wait_for(timeout=ANSWER_TIMEOUT_MS)  # the hand-off text
    card = page.get_by_text("[2] Children and young people: suspects, defendants, victims and witnesses")
    card.wait_for(timeout=ANSWER_TIMEOUT_MS)
    # The chat follows its newest line while the answer renders; once it has (the date is its last line),
    # scroll back to the top to show the question and its verdict.
    page.get_by_text("Today is taken as").wait_for()
    page.wait_for_timeout(1500)
    page.get_by_test_id("stAppScrollToBottomContainer").evaluate("main => { main.scrollTop = 0; }")
    page.wait_for_timeout(300)
    page.screenshot(path=OUTPUT / "ask.png")

    page.get_by_role("link", name="Open the whole document at this passage").nth(1).click()
    passage = page.locator("#pressline-passage")
    passage.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    box = passage.bounding_box()
    assert box and 0 <= box["y"] < page.viewport_size["height"], "the cited passage is scrolled into view"
    assert "Never name, show a photo of" in passage.inner_text()
    page.screenshot(path=OUTPUT / "document.png")


def test_a_passage_marked_across_list_items_keeps_the_list_and_its_numbers(page, app_url):
    # from the end of the Charter's second theme into the third: the marks must not break its numbered list in two
    quote = ("communication skills.\n3. Improved Supervision: Enhancing the oversight of Stop and Search operations to ensure "
             "adherence to guidelines and accountability at all levels.")
    page.goto(f"{app_url}/document?" + urlencode({"source": "corpus/policy/stop-search-charter.md", "quote": quote}))
    page.locator("#pressline-passage").wait_for(timeout=ANSWER_TIMEOUT_MS)
    lists = page.evaluate("""() => [...document.querySelectorAll('ol')].map(list => ({
        start: list.start, items: [...list.children].map(item => [item.textContent.slice(0, 20), !!item.querySelector('mark')])}))""")
    assert len(lists) == 1 and lists[0]["start"] == 1, lists
    items = lists[0]["items"]
    assert len(items) == 8 and [marked for _, marked in items] == [False, True, True, False, False, False, False, False], items
    assert items[2][0].startswith("Improved Supervision")


def test_an_officer_checks_a_draft_post(page):
    sign_in(page)
    page.get_by_role("link", name="Check a draft post").click()
    page.get_by_label("Draft post or statement").fill(
        "A 15-year-old boy from Oak Road has been arrested for the burglary. The burglar was caught red-handed."
    )
    page.get_by_text("The post shows an identifiable person").click()
    page.get_by_role("button", name="Check the draft").click()
    page.get_by_role("status").filter(has_text="RED — Do not post — contact DMC").wait_for(timeout=ANSWER_TIMEOUT_MS)
    marked = page.locator("mark").filter(has_text="red-handed")
    marked.wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert marked.get_attribute("title") == "comment that could prejudice a case"
    page.get_by_text("Safer:").first.wait_for(timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_timeout(500)
    page.screenshot(path=OUTPUT / "draft.png")


COPY_BUTTON = '[aria-label="Copy to clipboard"]'


def test_a_withdrawn_press_line_is_struck_through_marked_not_for_use_and_cannot_be_copied(page):
    sign_in(page)
    page.get_by_role("link", name="Press lines").click()
    page.get_by_text("Show withdrawn, draft and overdue lines").click()
    struck = page.locator("del", has_text="Stop and search figures (2019)")
    struck.wait_for(timeout=ANSWER_TIMEOUT_MS)
    # Each line is a bordered container; a current one has its text in a code block with a copy button.
    title = page.locator("strong", has_text="Why police use stop and search").first
    current = title.locator("xpath=ancestor::div[@data-testid='stVerticalBlock'][1]")
    current.locator(COPY_BUTTON).wait_for(state="attached", timeout=ANSWER_TIMEOUT_MS)  # shown on hover
    card = struck.locator("xpath=ancestor::div[@data-testid='stVerticalBlock'][1]")
    assert "Not for use — this line is withdrawn" in card.inner_text()
    assert card.locator('[data-testid="stCode"]').count() == 0
    assert card.locator(COPY_BUTTON).count() == 0
    struck.scroll_into_view_if_needed()
    page.screenshot(path=OUTPUT / "press-lines.png")
