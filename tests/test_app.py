"""The Streamlit app through AppTest: every page and the admin gate, on the real index, model and corpus.

The app reads its settings from PRESSLINE_* variables; each test points them at the session's index
(conftest.corpus_settings) or, where a test changes the corpus, at a copy of the repo's corpus and index.
"""

import datetime as dt
import shutil
import time

import pytest
from streamlit.testing.v1 import AppTest

from conftest import copy_corpus, copy_root, make_settings
from pdfs import text_pdf
from assistant.audit import open_audit_log
from ingest.approvals import Approvals
from ingest.loaders import front_matter
from ingest.pipeline import index_status, read_state, run_ingest
from ingest.settings import REPO_ROOT, get_settings
from ui.corpus_files import CorpusChangeRefused, as_draft, render_press_line, save_upload, withdraw_press_line

APP = str(REPO_ROOT / "app.py")
TODAY = dt.date(2026, 11, 20)
ASK, DRAFT, INTERVIEW, PRESS_LINES, ADMIN, DOCUMENT = (
    f"ui/pages/{name}.py" for name in ("ask", "draft", "interview", "press_lines", "admin", "document")
)


@pytest.fixture
def pressline_env(monkeypatch):
    """Set PRESSLINE_* variables for the app under test; get_settings() is cached, so clear it either side."""
    for name in ("ADMIN_PASSWORD", "DATA_DIR", "CORPUS_DIR", "ROOT", "OFFICER_ID_PROMPT", "CHROMA_URL"):
        monkeypatch.delenv(f"PRESSLINE_{name}", raising=False)

    def use(**values):
        for name, value in values.items():
            monkeypatch.setenv(f"PRESSLINE_{name.upper()}", str(value))
        get_settings.cache_clear()

    yield use
    get_settings.cache_clear()


@pytest.fixture
def index_env(pressline_env, corpus_settings):
    """The app over the session's index of the real corpus."""
    pressline_env(data_dir=corpus_settings.data_dir)
    return pressline_env


@pytest.fixture
def own_corpus(pressline_env, corpus_settings, tmp_path):
    """A repo root of the test's own, with a copy of the corpus and of its index, for tests that change the corpus."""
    root = tmp_path / "root"
    copy_root(corpus_settings, root)
    pressline_env(root=root)
    # Incremental, so quick: it only catches the copy up with any corpus edit made since the session's index.
    assert not run_ingest(get_settings()).errors
    return root


def open_app(page: str = ASK, officer: str | None = "PC 1234", today: dt.date = TODAY, **query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    if officer:
        at.session_state["officer"] = officer
    at.run()
    at.date_input(key="as_of").set_value(today)
    at.query_params.update(query)
    if page != ASK:
        at.switch_page(page)
    at.run()
    assert not at.exception, [error.value for error in at.exception]
    return at


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, [error.value for error in at.exception]
    return at


def click(at: AppTest, label: str) -> AppTest:
    next(button for button in at.button if button.label == label).click().run()
    assert not at.exception, [error.value for error in at.exception]
    return at


def texts(at: AppTest, kind: str = "markdown") -> str:
    return "\n".join(str(element.value) for element in at.get(kind))


def audit_entries(officer: str) -> list[dict]:
    return open_audit_log(get_settings()).entries(officer=officer)


# --- Ask -----------------------------------------------------------------------------------------------


def test_an_answer_shows_its_verdict_contacts_handoff_and_numbered_sources(index_env):
    at = ask(open_app(officer="PC ask-red"), "Can I tweet that a 17 year old was charged with robbery?")
    markdown = texts(at)
    assert "✖" in markdown and "RED — Do not post — contact DMC" in markdown
    assert "Contact before you post" in texts(at, "subheader") and "DMC 24-hour Press Bureau" in markdown
    assert "Hours: 24 hours" in texts(at, "caption")
    assert any(code.value.startswith("To: DMC 24-hour Press Bureau") for code in at.code)  # the hand-off, copyable
    assert "**[1] The RAG (Red, Amber, Green) system for digital communications**" in markdown
    assert "Media-law factsheet" in markdown
    assert "Open the whole document at this passage" in texts(at, "page_link")
    assert "Today is taken as 2026-11-20" in texts(at, "caption")
    (entry,) = audit_entries("PC ask-red")
    assert entry["verdict"] == "red" and entry["date_used"] == "2026-11-20" and entry["kind"] == "ask"
    assert entry["source"] == "app" and entry["session_id"] == at.session_state["session_id"]  # one record: the engine's
    assert '"to": "dmc"' in entry["escalation"] and "children-and-young-people.md" in entry["citations"]


def test_a_follow_up_keeps_the_topic_of_the_conversation(index_env):
    at = ask(open_app(), "Can I tweet about a burglary arrest on my ward?")
    assert "GREEN — Go for it" in texts(at)
    ask(at, "what if he's 16?")
    conversation = at.session_state["conversation"]
    assert [entry.result.rag for entry in conversation] == ["green", "red"]
    assert "Burglary" in conversation[1].result.answer  # the follow-up was read with the burglary question
    click(at, "Start a new conversation")
    assert not at.session_state["conversation"] and not at.chat_message


def test_a_reload_brings_back_the_officer_and_the_conversation_and_not_me_forgets_them(index_env):
    first = ask(open_app(officer="PC reload"), "Can I tweet about a burglary arrest on my ward?")
    token = first.session_state["token"]
    # A reload is a new session: the browser sends back its cookie, which holds the token (AppTest has no cookies).
    again = AppTest.from_file(APP, default_timeout=120)
    again.session_state["token"] = token
    again.run()
    assert not again.exception and again.session_state["officer"] == "PC reload"
    assert [entry.question for entry in again.session_state["conversation"]] == [
        "Can I tweet about a burglary arrest on my ward?"]
    assert "GREEN — Go for it" in texts(again) and again.session_state["session_id"] == first.session_state["session_id"]
    click(again, "Not me")
    assert "officer" not in again.session_state and not again.chat_message
    assert "Your name or collar number" in [field.label for field in again.text_input]
    after = AppTest.from_file(APP, default_timeout=120)
    after.session_state["token"] = token
    after.run()
    assert "officer" not in after.session_state and not after.chat_message


def test_legal_matters_get_a_separate_legal_badge(index_env):
    at = ask(open_app(), "The judge made a section 4(2) order postponing reporting until the second trial finishes. "
                         "Can we tweet that the first defendant was convicted?")
    markdown = texts(at)
    assert "RED — Do not post — contact DMC" in markdown and "⚖" in markdown and "LEGAL — Legal Services" in markdown
    assert "Directorate of Legal Services" in markdown


def test_an_amber_answer_says_only_if_already_public(index_env):
    at = ask(open_app(), "Can I tweet the charge details of a man charged with robbery? It's already public.")
    assert "▲" in texts(at) and "AMBER — Ask DMC first — only if already public" in texts(at)


def test_a_clarification_is_asked_as_a_question(index_env):
    at = ask(open_app(), "He was sentenced recently, can I tweet the result?")
    assert "One more detail needed" in texts(at)
    assert "When exactly was the sentencing?" in texts(at, "info")


def test_matching_press_lines_show_their_dates(index_env):
    at = ask(open_app(), "What's the press line on an arrest?")
    assert "Current press lines" in texts(at, "subheader")
    assert any(code.value.startswith("A [man/woman] aged [age] has been arrested") for code in at.code)
    assert "Approved 2026-09-01 · review by 2027-03-01" in texts(at, "caption")


def test_feedback_is_stored_with_its_answer_in_the_audit_log(index_env):
    at = ask(open_app(officer="PC feedback"), "Can I tweet about a burglary arrest on my ward?")
    at.feedback[0].set_value(0).run()
    assert not at.exception
    (entry,) = audit_entries("PC feedback")
    assert entry["feedback"] == "down" and entry["question"] == "Can I tweet about a burglary arrest on my ward?"


def test_a_thumbs_down_asks_what_was_wrong_and_keeps_it_with_the_answer(index_env):
    at = ask(open_app(officer="PC wrong"), "Can I tweet about a burglary arrest on my ward?")
    at.feedback[0].set_value(0).run()
    box = at.text_area(key="feedback-{}-comment".format(audit_entries("PC wrong")[0]["id"]))
    box.input("It missed that he was 17.")
    at.button[[button.label for button in at.button].index("Send to DMC")].click().run()
    assert "DMC will see what was wrong" in texts(at, "caption")
    (entry,) = audit_entries("PC wrong")
    assert entry["feedback"] == "down" and entry["feedback_comment"] == "It missed that he was 17."


def test_a_thumbs_up_is_thanked(index_env):
    at = ask(open_app(officer="PC thanks"), "Can I tweet about a burglary arrest on my ward?")
    at.feedback[0].set_value(1).run()
    assert "Thank you: your feedback is recorded" in texts(at, "caption")


def test_the_officer_is_asked_for_a_name_once_per_session(index_env):
    at = open_app(officer=None)
    assert not at.chat_input and at.text_input[0].label == "Your name or collar number"
    at.text_input[0].input("PC 4321")
    click(at, "Continue")
    assert at.chat_input and "Asking as **PC 4321**" in texts(at, "caption")
    ask(at, "Can I tweet some crime prevention tips?")
    assert audit_entries("PC 4321")


def test_no_name_is_asked_when_the_prompt_is_switched_off(index_env):
    index_env(officer_id_prompt="false")
    at = open_app(officer=None)
    assert at.chat_input and not at.text_input


def test_a_missing_index_is_built_on_first_run(pressline_env, tmp_path):
    corpus = tmp_path / "corpus"
    # The corpus's committed approvals come with it (corpus/approved.sha256): without them nothing would be approved.
    for name in ("approved.sha256", "contacts.yaml", "legal-references.yaml", "rag-table",
                 "policy/local-communication-with-the-media.md"):
        source = REPO_ROOT / "corpus" / name
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, corpus / name)
    pressline_env(corpus_dir=corpus, data_dir=tmp_path / "data")
    assert index_status(get_settings()) == "missing"
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["officer"] = "PC 1234"
    at.run()
    assert at.chat_input and not at.exception  # the page is usable at once; the engine is taken at the first question
    at = ask(at, "Can I tweet about a burglary arrest on my ward?")
    assert "Building Pressline's index" in texts(at, "info") and not at.exception
    assert index_status(get_settings()) == "fresh"
    assert "GREEN — Go for it" in texts(at)


def test_an_engine_failure_reads_as_a_message_not_a_stack_trace(pressline_env, tmp_path):
    pressline_env(data_dir=tmp_path / "data", chroma_url="http://127.0.0.1:9")  # nothing listens on port 9
    at = ask(open_app(), "Can I tweet about a burglary arrest on my ward?")
    shown = texts(at) + texts(at, "error")
    assert "Pressline could not answer" in shown or "Could not" in shown
    assert "Traceback" not in shown


# --- Check a draft post --------------------------------------------------------------------------------


def test_a_draft_post_has_each_flagged_phrase_marked_with_its_rule_and_safer_wording(index_env):
    at = open_app(DRAFT, officer="PC draft")
    draft = "A 15-year-old boy from Oak Road has been arrested for the burglary. The burglar was caught red-handed."
    at.text_area[0].input(draft)
    at.checkbox[0].check()
    click(at, "Check the draft")
    markdown = texts(at)
    assert "RED — Do not post — contact DMC" in markdown
    assert ">15-year-old</mark><sup><b>[1]</b></sup>" in markdown and "red-handed</mark>" in markdown
    # Officers see each rule's plain-English name, never its id.
    assert "— Someone under 18:" in markdown and "**Safer:** Leave out the age" in markdown
    assert "— Comment that could prejudice a case:" in markdown and "`prejudicial_comment`" not in markdown
    (entry,) = audit_entries("PC draft")
    assert entry["kind"] == "draft" and entry["question"] == draft and entry["source"] == "app"


def test_a_clean_draft_is_green_with_nothing_marked(index_env):
    at = open_app(DRAFT)
    at.text_area[0].input("Ward panel meeting next Tuesday 7pm at St Mark's church hall. All welcome.")
    click(at, "Check the draft")
    assert "GREEN — Go for it" in texts(at) and "<mark" not in texts(at)


# --- Prepare for an interview --------------------------------------------------------------------------


def test_a_press_line_search_finds_by_meaning_and_says_so(index_env):
    at = open_app(PRESS_LINES)
    at.text_input[0].input("bodycam").run()
    assert list(at.dataframe[0].value["Title"])[0] == "Body-worn video and stop and search"
    assert "close in meaning" in texts(at, "caption") and ":gray-badge[close in meaning]" in texts(at)


def test_an_interview_brief_has_key_messages_press_lines_what_not_to_say_and_whom_to_tell(index_env):
    at = open_app(INTERVIEW)
    assert "stop and search" in at.selectbox[0].options
    at.selectbox[0].set_value("stop and search")
    click(at, "Prepare the brief")
    markdown = texts(at)
    assert "Key messages" in markdown and "Current press lines" in texts(at, "subheader") and "What not to say" in markdown
    assert "Tell the press office" in texts(at, "warning")
    assert "**[1] " in markdown and "Open the whole document at this passage" in texts(at, "page_link")
    assert at.code  # the press lines, copyable


# --- Press lines ---------------------------------------------------------------------------------------


def test_press_lines_hide_withdrawn_draft_and_overdue_lines_until_asked(index_env):
    at = open_app(PRESS_LINES)
    statuses = set(at.dataframe[0].value["Status"])
    assert statuses == {"current"}
    at.toggle[0].set_value(True).run()
    table = at.dataframe[0].value
    assert {"current", "draft", "withdrawn", "overdue for review"} <= set(table["Status"])
    assert "**Not for use** — this line is withdrawn" in texts(at, "error")
    assert "~~**Stop and search figures (2019)** · stop and search~~" in texts(at)
    assert len(at.code) == sum(table["Status"] == "current")  # a copy button on current lines only
    at.text_input[0].input("youth conference").run()
    assert list(at.dataframe[0].value["Title"]) == ["Stop and search youth engagement conference (November 2019)"]


# --- Source document -----------------------------------------------------------------------------------


def test_a_source_opens_at_its_passage_marked(index_env):
    quote = "When someone is arrested you can normally give:"
    at = open_app(DOCUMENT, source="corpus/media-law/naming-suspects.md", quote=quote)
    assert "Naming suspects" in at.title[0].value
    assert '<mark id="pressline-passage"' in texts(at) and f">{quote}</mark>" in texts(at)
    assert "scrollIntoView" in texts(at, "html")


def test_the_rag_table_opens_as_a_table_with_the_cited_row_marked(index_env):
    quote = "Local Good News, Burglary, Assault"
    at = open_app(DOCUMENT, source="corpus/rag-table/rag-table.yaml", quote=quote)
    markdown = texts(at)
    for words in ("GREEN — Go for it", "AMBER — Ask DMC first", "RED — Do not post", "Only if already in the public domain"):
        assert words in markdown
    assert '<mark id="pressline-passage"' in markdown and "Burglary" in texts(at, "caption")
    assert "aliases" not in markdown and "# The RAG" not in markdown  # not the YAML, not its comments


def test_only_corpus_files_can_be_opened(index_env):
    at = open_app(DOCUMENT, source="ingest/settings.py", quote="admin_password")
    assert "not in Pressline's corpus" in texts(at, "error") and "admin_password" not in texts(at)


# --- Admin ---------------------------------------------------------------------------------------------


def test_admin_is_switched_off_without_a_password(index_env):
    at = open_app(ADMIN)
    assert "PRESSLINE_ADMIN_PASSWORD" in texts(at, "info") and not at.tabs


def test_admin_needs_the_right_password(index_env):
    index_env(admin_password="correct horse", admin_backoff_base_s=0.2)  # a wrong one waits; see test_app_admin.py
    at = open_app(ADMIN)
    at.text_input[0].input("wrong")
    click(at, "Unlock")
    assert "not right" in texts(at, "error") and not at.tabs
    time.sleep(0.3)
    at.text_input[0].input("correct horse")
    click(at, "Unlock")
    assert [tab.label for tab in at.tabs] == ["Corpus", "Uploads", "Press lines", "Audit log"]


def test_admin_password_can_come_from_streamlit_secrets(index_env):
    at = AppTest.from_file(APP, default_timeout=120)
    at.secrets["admin_password"] = "from secrets"
    at.run()
    at.switch_page(ADMIN).run()
    at.text_input[0].input("from secrets")
    at.text_input[1].input("Sgt Secrets")  # no officer named yet this session: the admin gives a name to unlock
    assert click(at, "Unlock").tabs


def unlocked_admin(env) -> AppTest:
    env(admin_password="pw")
    at = open_app(ADMIN)
    at.text_input[0].input("pw")
    return click(at, "Unlock")


def test_admin_shows_the_corpus_status_and_re_ingests(own_corpus, pressline_env):
    state = read_state(get_settings())
    at = unlocked_admin(pressline_env)
    assert [metric.value for metric in at.metric] == ["Up to date", str(sum(state["documents"].values())), str(state["chunks"])]
    assert f"Last complete ingest finished at {state['finished_at'].replace('T', ' ')}" in texts(at, "caption")
    click(at, "Re-ingest the corpus")
    assert f"0 passages added, 0 changed, 0 removed, {state['chunks']} unchanged." in texts(at, "success")


def test_admin_audit_log_lists_answers_and_exports_csv(index_env):
    ask(open_app(officer="PC audited"), "Can I tweet about a burglary arrest on my ward?")
    at = unlocked_admin(index_env)
    next(text for text in at.text_input if text.label == "Officer contains").input("PC audited").run()
    table = next(frame.value for frame in at.dataframe if "Officer" in frame.value.columns)  # the admin actions follow
    assert list(table["Officer"]) == ["PC audited"] and list(table["Verdict"]) == ["green"]
    assert list(table["Source"]) == ["App"]
    source = next(box for box in at.multiselect if box.label == "Source")
    source.set_value(["cli", "api"]).run()
    assert "0 answer(s)" in texts(at, "caption")
    assert any(button.label == "Download as CSV" for button in at.get("download_button"))


def upload(at: AppTest, name: str, data: bytes, kind: str) -> AppTest:
    at.get("file_uploader")[0].set_value((name, data, "application/octet-stream"))
    next(box for box in at.selectbox if box.label == "What kind of document is it?").set_value(kind)
    return click(at, "Upload and index")


SNEAKY_LINE = (
    "---\nid: pl-uploaded-line\ntitle: \"Uploaded line\"\nkind: press_line\nstatus: approved\n"
    "approved_by: \"DMC duty press officer\"\napproved_on: 2026-01-01\nreview_by: 2027-12-31\n---\n"
    "We can confirm that officers attended the fete.\n"
)


def test_an_uploaded_press_line_is_a_draft_whatever_its_file_says_and_can_be_deleted(own_corpus, pressline_env):
    lines_before = read_state(get_settings())["documents"]["press_line"]
    at = upload(unlocked_admin(pressline_env), "uploaded line.md", SNEAKY_LINE.encode(), "press-lines")
    assert "Index updated: 1 passages added" in texts(at, "success")
    saved = own_corpus / "corpus" / "uploads" / "press-lines" / "uploaded-line.md"
    meta, _ = front_matter(saved.read_text(), saved.name)
    assert meta["status"] == "draft" and meta["id"] == "pl-uploaded-line"
    assert read_state(get_settings())["documents"]["press_line"] == lines_before + 1
    assert index_status(get_settings()) == "fresh"
    assert "**draft**" in texts(at)
    click(at, "Delete")
    click(at, "Yes, delete it")  # a second, explicit step; see test_app_admin.py
    assert not saved.exists() and "1 removed" in texts(at, "success")
    assert read_state(get_settings())["documents"]["press_line"] == lines_before


def test_an_uploaded_policy_is_indexed(own_corpus, pressline_env):
    policies_before = read_state(get_settings())["documents"]["policy"]
    policy = b"# Ward newsletter guidance\n\nWard newsletters may report crime prevention advice and ward panel dates.\n"
    at = upload(unlocked_admin(pressline_env), "newsletter.txt", policy, "policy")
    assert (own_corpus / "corpus" / "uploads" / "policy" / "newsletter.txt").exists()
    assert read_state(get_settings())["documents"]["policy"] == policies_before + 1 and "Index updated" in texts(at, "success")


def test_an_uploaded_pdf_opens_at_the_page_of_the_passage(own_corpus, pressline_env, tmp_path):
    pages = ["Ward newsletters are approved by the borough.", "Crime prevention advice may be posted at any time."]
    at = upload(unlocked_admin(pressline_env), "guide.pdf", text_pdf(tmp_path / "guide.pdf", pages).read_bytes(), "policy")
    assert "Index updated" in texts(at, "success")
    # An upload is a draft, which only an admin may open, until it is approved (tests/test_approvals_app.py).
    Approvals(get_settings()).approve(own_corpus / "corpus" / "uploads" / "policy" / "guide.pdf", "DMC duty press officer")
    document = open_app(DOCUMENT, source="corpus/uploads/policy/guide.pdf", quote=pages[1])
    markdown = texts(document)
    assert "##### Page 2" in markdown and '<mark id="pressline-passage"' in markdown and f">{pages[1]}</mark>" in markdown
    assert f">{pages[0]}</mark>" not in markdown


@pytest.mark.parametrize(("name", "data", "problem"), [
    ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "cannot be used: the PDF cannot be read"),
    ("photo.pdf", b"\x89PNG\r\n\x1a\n", "is not a PDF"),
    ("empty.md", b"", "the file is empty"),
])
def test_a_bad_upload_is_refused_with_a_reason_and_not_kept(own_corpus, pressline_env, name, data, problem):
    at = upload(unlocked_admin(pressline_env), name, data, "policy")
    assert problem in texts(at, "error") and "Traceback" not in texts(at, "error")
    assert not list((own_corpus / "corpus" / "uploads").rglob("*.*"))


def test_an_oversized_upload_is_refused(own_corpus, pressline_env):
    pressline_env(max_file_mb=0.001)
    at = upload(unlocked_admin(pressline_env), "long.txt", b"word " * 1000, "policy")
    assert "over the 0.001 MB limit" in texts(at, "error")


def manage(at: AppTest, line_id: str) -> AppTest:
    next(box for box in at.selectbox if box.label == "Press line").set_value(line_id).run()
    return at


def test_press_lines_are_added_approved_edited_and_withdrawn_in_their_files(own_corpus, pressline_env):
    at = unlocked_admin(pressline_env)
    path = own_corpus / "corpus" / "press-lines" / "pl-holding-road-closure.md"
    next(text for text in at.text_input if text.label.startswith("Id ")).input("pl-holding-road-closure")
    next(text for text in at.text_input if text.key == "add-title").input("Holding line: road closure")
    next(text for text in at.text_input if text.key == "add-topic").input("roads")
    next(area for area in at.text_area if area.key == "add-dns").input("Do not speculate about the cause.")
    next(area for area in at.text_area if area.key == "add-text").input("The road is closed while officers deal with an incident.")
    click(at, "Add as draft")
    assert "Added" in texts(at, "success")
    meta, body_start = front_matter(path.read_text(), path.name)
    assert meta["status"] == "draft" and meta["do_not_say"] == ["Do not speculate about the cause."]
    assert path.read_text()[body_start:] == "The road is closed while officers deal with an incident.\n"

    manage(at, "pl-holding-road-closure")
    click(at, "Approve")
    meta, _ = front_matter(path.read_text(), path.name)
    assert meta["status"] == "approved" and meta["approved_by"] == "DMC duty press officer"
    assert meta["approved_on"] == TODAY and meta["review_by"] == TODAY + dt.timedelta(days=182)

    assert index_status(get_settings()) == "fresh" and not read_state(get_settings())["errors"]

    manage(at, "pl-holding-road-closure")
    next(area for area in at.text_area if area.key == "edit-pl-holding-road-closure-text").input("The road is closed.")
    click(at, "Save changes")
    meta, _ = front_matter(path.read_text(), path.name)
    assert meta["status"] == "draft", "new wording needs approving again"

    manage(at, "pl-holding-road-closure")
    click(at, "Approve")
    manage(at, "pl-holding-road-closure")
    click(at, "Withdraw this line")
    meta, _ = front_matter(path.read_text(), path.name)
    assert meta["status"] == "withdrawn" and index_status(get_settings()) == "fresh"
    assert not read_state(get_settings())["errors"]


def test_lines_due_for_review_within_14_days_are_listed(own_corpus, pressline_env):
    at = unlocked_admin(pressline_env)
    at.date_input(key="as_of").set_value(dt.date(2027, 1, 20)).run()
    due = next(frame.value for frame in at.dataframe if "Id" in frame.value.columns)
    assert list(due["Id"]) == ["pl-stop-search-engagement-programme", "pl-stop-search-know-your-rights"]


# --- The admin's file changes, without the app ---------------------------------------------------------


def test_a_press_line_file_is_written_in_the_corpus_format_and_reads_back():
    source = (REPO_ROOT / "corpus" / "press-lines" / "pl-holding-arrest-made.md").read_text()
    meta, body_start = front_matter(source, "pl-holding-arrest-made.md")
    assert render_press_line(meta, source[body_start:]) == source


def test_an_uploaded_line_becomes_a_draft_even_in_flow_style_front_matter():
    text = as_draft("---\n{id: pl-x, title: X, status: approved, approved_by: me}\n---\nLine.\n", "x")
    meta, _ = front_matter(text, "x")
    assert meta["status"] == "draft" and meta["kind"] == "press_line" and meta["id"] == "pl-x"


def test_a_line_without_front_matter_gets_an_id_and_title():
    meta, body_start = front_matter(as_draft("Enquiries continue.\n", "Road Closure"), "x")
    assert meta == {"id": "road-closure", "title": "Road closure", "kind": "press_line", "status": "draft"}


def test_only_pdf_markdown_and_text_are_stored(tmp_path):
    with pytest.raises(CorpusChangeRefused, match="is not a PDF, Markdown or text file"):
        save_upload(make_settings(tmp_path, copy_corpus(tmp_path / "corpus")), "script.exe", b"MZ", "policy")


def test_a_never_approved_draft_cannot_be_withdrawn(tmp_path):
    corpus = copy_corpus(tmp_path / "corpus")
    with pytest.raises(CorpusChangeRefused, match="never approved"):
        withdraw_press_line(make_settings(tmp_path, corpus), corpus / "press-lines" / "pl-draft-stop-search-new-powers.md")
