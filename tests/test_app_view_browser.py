"""The Ask page as officers use it, in Debian's Chromium at desktop and phone size: each answer's verdict in view and
announced, keyboard access to the hand-off copy button and the feedback, tel: links, example questions, and axe-core
finding no serious or critical problem."""

import os
import re

import pytest

from test_app_browser import ANSWER_TIMEOUT_MS, CHROMIUM, CHROMIUM_ARGS, OUTPUT, _leaves_machine, require_browser, served_app, sign_in

pytestmark = pytest.mark.browser
SIZES = {"desktop": {"width": 1400, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def app_url(corpus_settings):
    require_browser()
    env = dict(os.environ, PRESSLINE_DATA_DIR=str(corpus_settings.data_dir), PRESSLINE_OFFICER_ID_PROMPT="true")
    env.pop("PRESSLINE_ADMIN_PASSWORD", None)
    with served_app(env, "streamlit-view.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(params=list(SIZES))
def page(request, browser, app_url):
    context = browser.new_context(viewport=SIZES[request.param])
    outside: list[str] = []
    page = context.new_page()
    page.on("request", lambda request: outside.append(request.url) if _leaves_machine(request.url) else None)
    page.goto(app_url)
    page.size_name = request.param
    yield page
    context.close()
    assert not outside, f"the app made requests off this machine: {outside}"


def settled(page) -> None:
    """Wait until the script has finished and nothing on the page is greyed out as stale."""
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]') && "
                           "!document.querySelector('[data-testid=\"stStatusWidget\"] button')", timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_timeout(2500)  # the answer's own scrolling settles within two seconds
    # Streamlit fades elements in and out (stale while a script runs) with CSS transitions: axe must not measure a
    # half-faded passage's contrast, so wait until nothing is moving.
    page.wait_for_function("() => !document.getAnimations().some(a => a.playState === 'running')",
                           timeout=ANSWER_TIMEOUT_MS)


def answer(page, number: int):
    """Answer `number`'s chat message, once drawn and settled."""
    page.locator(f"#answer-{number}").wait_for(state="attached", timeout=ANSWER_TIMEOUT_MS)
    settled(page)
    return page.locator(f"#answer-{number}").locator("xpath=ancestor::div[@data-testid='stChatMessage'][1]")


def assert_verdict_in_view(page, message, words: str | None = None) -> None:
    """The answer's verdict badge (the one saying `words`, if given) lies inside the window and the live region says it;
    an answer with no verdict (a press line, a question about the rules) has its top in the window instead."""
    badges = message.get_by_role("status").filter(has_text=words) if words else message.get_by_role("status")
    target = badges.first if words or badges.count() else message
    box = target.bounding_box()
    bottom = box["y"] + (box["height"] if target is not message else 40) if box else None
    assert box and 0 <= box["y"] and bottom <= page.viewport_size["height"], \
        f"the answer's verdict or top is at {box} in a {page.viewport_size} window"
    if target is not message:
        said = target.inner_text().replace("✔", "").replace("✖", "").replace("▲", "").strip()
        assert said in page.locator("#pressline-live").inner_text()


def test_each_answer_arrives_with_its_verdict_in_view_and_announced(page):
    question = sign_in(page)
    assert page.locator("#pressline-live").count() == 1  # the live region is there before anything is asked
    page.get_by_role("button", name="Can I tweet that we arrested a man for a burglary on my ward? No name.").click()
    first = answer(page, 1)
    assert_verdict_in_view(page, first, "GREEN — Go for it")
    assert "Answer 1:" in page.locator("#pressline-live").inner_text()
    assert page.get_by_role("button", name="What is the current press line on stop and search?").count() == 0

    question.fill("What if I put his name and his street in it?")  # a follow-up: its answer is long and lands below
    question.press("Enter")
    second = answer(page, 2)
    assert_verdict_in_view(page, second, "RED — Do not post — contact DMC")
    assert second.locator('a[href^="tel:"]').count() >= 1, "the Press Bureau's number is a tel: link"
    assert second.locator('a[href^="#"]').count() == 0, "no 'link to heading' anchors in an answer"

    page.get_by_test_id("stAppScrollToBottomContainer").evaluate("main => { main.scrollTop = 0; }")
    question.fill("Is there an approved line on the proposed changes to stop and search powers?")
    question.press("Enter")
    third = answer(page, 3)
    assert_verdict_in_view(page, third)
    page.screenshot(path=OUTPUT / f"ask-verdict-in-view-{page.size_name}.png")


def test_a_reload_keeps_the_conversation_and_not_me_clears_it(page):
    question = sign_in(page)
    question.fill("Can I tweet that we arrested a man for a burglary on my ward? No name.")
    question.press("Enter")
    answer(page, 1)
    page.reload()
    kept = answer(page, 1)  # no name asked for again: the conversation is back, with its verdict
    assert "GREEN — Go for it" in kept.inner_text()
    assert page.get_by_label("Your name or collar number").count() == 0
    if page.size_name == "phone":
        page.get_by_test_id("stExpandSidebarButton").click()
    page.get_by_role("button", name="Not me").click()
    page.get_by_label("Your name or collar number").wait_for(timeout=ANSWER_TIMEOUT_MS)
    assert page.locator("#answer-1").count() == 0
    page.reload()
    page.get_by_label("Your name or collar number").wait_for(timeout=ANSWER_TIMEOUT_MS)
    settled(page)
    assert page.locator("#answer-1").count() == 0, "after 'Not me' a reload brings nothing back"


def test_every_page_is_one_tap_away_and_press_lines_read_at_phone_width(page):
    sign_in(page)
    # The top menu; at phone width Streamlit folds it into the (closed) sidebar, and the row of page links stands in.
    menu = page.locator(".st-key-phone-navigation") if page.size_name == "phone" else page.get_by_test_id("stHeader")
    menu.get_by_role("link", name="Press lines").click()
    page.get_by_label("Search press lines").wait_for(timeout=ANSWER_TIMEOUT_MS)
    settled(page)
    card = page.locator("strong", has_text="Why police use stop and search").first
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    table_shown = page.get_by_test_id("stDataFrame").is_visible()
    assert table_shown == (page.size_name == "desktop"), "the summary table gives way to the cards on a phone"
    assert page.get_by_text("Current", exact=True).first.is_visible()
    # The card's dates line; on a desktop the table's "Review by" header matches a bare "review by" too.
    assert page.get_by_text(re.compile(r"^Approved .+ · review by ")).first.is_visible()
    page.screenshot(path=OUTPUT / f"press-lines-{page.size_name}.png")


def focus_walk(page, presses: int = 120) -> list[str]:
    """What each Tab press lands on: an element's label, or for a component frame the label of what is focused in it."""
    landed = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        label = page.evaluate("""() => { const e = document.activeElement;
            return e ? (e.tagName + ':' + (e.getAttribute('aria-label') || e.innerText || '').slice(0, 60)) : ''; }""")
        if label.startswith("IFRAME"):
            frame = page.evaluate_handle("document.activeElement").as_element().content_frame()
            label = "IFRAME:" + frame.evaluate("() => (document.activeElement?.innerText || '').slice(0, 60)")
        landed.append(label)
    return landed


def test_the_keyboard_reaches_the_copy_button_and_the_feedback_with_a_visible_ring(page):
    if page.size_name == "phone":
        pytest.skip("one keyboard walk is enough; the phone layout is checked by the other tests")
    question = sign_in(page)
    question.fill("Can I name the 15-year-old we arrested for the robbery in Lewisham?")
    question.press("Enter")
    answer(page, 1)
    page.locator("#answer-1").evaluate("anchor => anchor.scrollIntoView()")
    page.mouse.click(5, 300)  # start the walk from the page, not from the chat box
    landed = focus_walk(page)
    assert "IFRAME:Copy the hand-off text" in landed, f"never reached the copy button: {landed}"
    assert any(label.startswith("BUTTON:Thumbs up") for label in landed), f"never reached the feedback: {landed}"
    while not page.evaluate("() => document.activeElement?.getAttribute('aria-label') === 'Thumbs up'"):
        page.keyboard.press("Shift+Tab")
    ring = page.evaluate("() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }")
    assert ring[0] == "solid" and float(ring[1].removesuffix("px")) >= 2, f"focus ring {ring}"


def test_axe_finds_no_serious_or_critical_problem_on_the_ask_page(page):
    question = sign_in(page)
    settled(page)
    problems = {}
    for state in ("empty", "answered"):
        if state == "answered":
            question.fill("Can I tweet that a 17 year old was charged with robbery?")
            question.press("Enter")
            answer(page, 1)
        problems[state] = serious_problems(page)
    assert not problems["empty"] and not problems["answered"], problems


def serious_problems(page) -> list:
    """Axe's serious and critical findings on the settled page, as (rule, impact, first targets).

    Under load a passage can still be mid-fade when axe measures it (seen once in a full run, never alone): a real
    problem is still there on a second look after the page settles again, a fade is not.
    """
    from axe_playwright_python.sync_playwright import Axe

    def found() -> list:
        violations = Axe().run(page).response["violations"]
        return [(v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3])
                for v in violations if v["impact"] in ("serious", "critical")]

    first = found()
    if not first:
        return first
    settled(page)
    return found()


PAGES = {"draft": ("Check a draft post", "Draft post or statement"), "interview": ("Prepare for an interview", None),
         "press_lines": ("Press lines", None), "admin": ("Admin", None)}


@pytest.mark.parametrize("path", list(PAGES))
def test_axe_finds_no_serious_or_critical_problem_on_the_other_pages(page, app_url, path):
    title, field = PAGES[path]
    page.goto(f"{app_url}/{path}")
    page.get_by_role("heading", name=title).wait_for(timeout=ANSWER_TIMEOUT_MS)
    name = page.get_by_label("Your name or collar number")
    if path in ("draft", "interview"):  # these pages ask who is asking first
        name.fill("PC 1234")
        page.get_by_role("button", name="Continue").click()
        page.wait_for_function("() => !document.querySelector('input[aria-label=\"Your name or collar number\"]')",
                               timeout=ANSWER_TIMEOUT_MS)
    if field:
        page.get_by_label(field).wait_for(timeout=ANSWER_TIMEOUT_MS)
    settled(page)
    serious = serious_problems(page)
    assert not serious, serious
