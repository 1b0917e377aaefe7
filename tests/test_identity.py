"""Identity from the deployment (ui/identity.py): the trusted proxy's header names the officer, who cannot type another
name; a header from any other address is refused; admins listed by identity need no password. Unit tests of the
rule, then the real app in Chromium behind an authenticating proxy (tests/proxy.py, standing in for oauth2-proxy,
which cannot be installed here) that adds the header to every request, the websocket's included."""

import os

import pytest

from assistant.audit import open_audit_log
from conftest import copy_root, make_settings
from ingest.settings import Settings
from proxy import authenticating_proxy
from test_app_browser import ANSWER_TIMEOUT_MS, CHROMIUM, CHROMIUM_ARGS, require_browser, served_app
from ui.identity import IdentityRefused, proxy_identity

HEADER = "X-Forwarded-User"


def settings_with(tmp_path, **overrides):
    return make_settings(tmp_path, trusted_user_header=HEADER, **overrides)


def test_without_a_trusted_header_setting_nothing_changes(tmp_path):
    assert proxy_identity(make_settings(tmp_path), {HEADER: "PC 1"}, None) is None


def test_the_header_names_the_officer_when_it_comes_from_a_trusted_proxy(tmp_path):
    settings = settings_with(tmp_path, trusted_proxies=["10.0.4.0/24", "::1"])
    assert proxy_identity(settings, {"x-forwarded-user": "  pc.jones@met.example  "}, "10.0.4.17") == "pc.jones@met.example"
    assert proxy_identity(settings, {HEADER: "PC 2"}, "::1") == "PC 2"
    # Streamlit reports no address for a connection from this machine: it is the loopback address
    assert proxy_identity(settings_with(tmp_path), {HEADER: "PC 3"}, None) == "PC 3"


@pytest.mark.parametrize("peer", ["10.0.5.1", "192.0.2.9", None, "not an address"])
def test_a_request_from_any_other_address_is_refused_with_or_without_the_header(tmp_path, peer):
    settings = settings_with(tmp_path, trusted_proxies=["10.0.4.0/24"])
    for headers in ({HEADER: "Supt Forged"}, {}):
        with pytest.raises(IdentityRefused, match="did not come through the force's sign-in"):
            proxy_identity(settings, headers, peer)


def test_a_trusted_proxy_that_names_nobody_is_refused(tmp_path):
    with pytest.raises(IdentityRefused, match="no X-Forwarded-User header"):
        proxy_identity(settings_with(tmp_path), {HEADER: "   "}, None)


def test_trusted_proxies_must_be_addresses(tmp_path):
    with pytest.raises(ValueError, match="is not an address or network"):
        settings_with(tmp_path, trusted_proxies=["proxy.internal"])


# --- The real app in a real browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app_root(corpus_settings, tmp_path_factory):
    require_browser()
    root = tmp_path_factory.mktemp("identity") / "root"
    return copy_root(corpus_settings, root)


def serve(root, log_name: str, **settings):
    env = {key: value for key, value in os.environ.items() if not key.startswith("PRESSLINE_")}
    env |= {"PRESSLINE_ROOT": str(root), "PRESSLINE_TRUSTED_USER_HEADER": HEADER, "PRESSLINE_OFFICER_ID_PROMPT": "true"}
    env |= {f"PRESSLINE_{name.upper()}": value for name, value in settings.items()}
    return served_app(env, log_name)


def open_in_browser(playwright, url: str, tmp_path, name: str):
    context = playwright.chromium.launch_persistent_context(
        user_data_dir=str(tmp_path / f"chromium-{name}"), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
        viewport={"width": 1280, "height": 1400},
    )
    page = context.new_page()
    page.goto(url)
    return context, page


def test_behind_a_trusted_proxy_the_officer_is_who_the_header_says_and_admins_need_no_password(app_root, tmp_path):
    from playwright.sync_api import sync_playwright

    with serve(app_root, "streamlit-identity.log", trusted_proxies="127.0.0.1", admin_identities="insp.admin@met.example") as app, \
            authenticating_proxy(app, HEADER, "pc.header@met.example") as officer_url, \
            authenticating_proxy(app, HEADER, "insp.admin@met.example") as admin_url, sync_playwright() as playwright:
        context, page = open_in_browser(playwright, officer_url, tmp_path, "officer")
        question = page.get_by_placeholder("Ask about a post, a statement or a press line")
        question.wait_for(timeout=ANSWER_TIMEOUT_MS)  # no name prompt: the proxy said who this is
        assert page.get_by_label("Your name or collar number").count() == 0
        page.get_by_text("Asking as pc.header@met.example").wait_for()
        assert page.get_by_role("button", name="Not me").count() == 0  # nothing to type or switch
        question.fill("Can I tweet crime prevention tips about bike theft?")
        question.press("Enter")
        page.get_by_text("Today is taken as").wait_for(timeout=ANSWER_TIMEOUT_MS)
        page.goto(f"{officer_url}/admin")
        page.get_by_text("open only to the admins this deployment lists").wait_for(timeout=30_000)
        assert page.get_by_label("Admin password").count() == 0
        context.close()

        context, page = open_in_browser(playwright, f"{admin_url}/admin", tmp_path, "admin")
        page.get_by_role("tab", name="Audit log").wait_for(timeout=ANSWER_TIMEOUT_MS)  # in, with no password asked
        assert page.get_by_label("Admin password").count() == 0
        context.close()

    log = open_audit_log(Settings(root=app_root))
    assert [entry["officer"] for entry in log.entries(text="bike theft")] == ["pc.header@met.example"]
    (unlock,) = log.admin_actions(actions=["unlock"])
    assert unlock["admin"] == "insp.admin@met.example"


def test_a_forged_header_from_an_untrusted_address_is_refused(app_root, tmp_path):
    from playwright.sync_api import sync_playwright

    # The only trusted proxy is elsewhere: a proxy on this machine adding the header is a client forging it, and a
    # browser straight to the app is a client going round the sign-in.
    with serve(app_root, "streamlit-forged.log", trusted_proxies="192.0.2.254") as app, \
            authenticating_proxy(app, HEADER, "Supt Forged") as forged_url, sync_playwright() as playwright:
        for name, url in (("forged", forged_url), ("direct", app)):
            context, page = open_in_browser(playwright, url, tmp_path, name)
            page.get_by_text("Pressline cannot open").wait_for(timeout=ANSWER_TIMEOUT_MS)
            assert "did not come through the force's sign-in" in page.content()
            assert page.get_by_placeholder("Ask about a post, a statement or a press line").count() == 0
            assert page.get_by_label("Your name or collar number").count() == 0
            context.close()
