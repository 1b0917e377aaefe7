"""The audit log: what an answer is recorded with, feedback linked to it, retention, file mode, filters, CSV, and
that the engine writes it for every caller."""

import ast
import csv
import datetime as dt
import getpass
import io
import json
import sqlite3
import stat
from contextlib import closing

import pytest
from pydantic import ValidationError

from assistant import Answer, Citation, Engine, Escalation, InterviewBrief
from assistant.__main__ import main as cli_main
from assistant.audit import AuditLog, app_version, open_audit_log, to_csv
from conftest import CORPUS
from ingest.database import get_engine
from ingest.settings import REPO_ROOT, Settings, get_settings

NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


def red_answer(question: str = "Can I tweet that a 17 year old was charged with robbery?") -> Answer:
    return Answer(
        question=question, today=dt.date(2026, 11, 20), in_scope=True, status="escalated", rag="red",
        escalation=[Escalation(to="dmc", reason="Someone under 18 is involved.", contact="DMC 24-hour Press Bureau")],
        answer="RED — Do not post, contact DMC.",
        citations=[Citation(source="corpus/media-law/children-and-young-people.md", title="Children and young people",
                            kind="media_law", locator="What you must not say", quote="Never name a child.")],
    )


@pytest.fixture
def log(store_settings) -> AuditLog:
    """The audit log in SQLite, then in PostgreSQL: every test using it runs on both."""
    return open_audit_log(store_settings)


def log_in(data_dir, retention_days: int) -> AuditLog:
    """The audit log in the default SQLite file under data_dir."""
    return AuditLog(get_engine(Settings(corpus_dir=CORPUS, data_dir=data_dir)), retention_days)


def record(log: AuditLog, result=None, now=NOW, officer="PC 1234", kind="ask", source="app") -> int:
    return log.record(kind=kind, result=result or red_answer(), source=source, officer=officer, session_id="s1",
                      app_version="0.1.0", now=now)


def test_an_answer_is_recorded_with_everything_the_audit_needs(log):
    entry_id = record(log)
    (entry,) = log.entries()
    assert entry["id"] == entry_id
    assert entry["question"] == "Can I tweet that a 17 year old was charged with robbery?"
    assert entry["date_used"] == "2026-11-20"
    assert entry["verdict"] == "red" and entry["status"] == "escalated"
    assert json.loads(entry["escalation"]) == [{"to": "dmc", "reason": "Someone under 18 is involved."}]
    assert json.loads(entry["citations"])[0]["source"] == "corpus/media-law/children-and-young-people.md"
    assert entry["officer"] == "PC 1234" and entry["session_id"] == "s1" and entry["app_version"] == "0.1.0"
    assert entry["source"] == "app"
    assert entry["at"] == "2026-11-20T12:00:00"
    assert entry["feedback"] is None


def test_an_interview_brief_is_recorded_by_its_topic(log):
    brief = InterviewBrief(topic="stop and search", today=dt.date(2026, 11, 20), key_messages=[], press_lines=[],
                           do_not_say=[], tell_beforehand="Tell the press office.", citations=[])
    record(log, brief, kind="interview")
    (entry,) = log.entries()
    assert entry["question"] == "stop and search" and entry["kind"] == "interview" and entry["verdict"] is None


def test_feedback_is_stored_with_its_answer_and_can_be_cleared(log):
    first, second = record(log), record(log, red_answer("Can I name the victim of a rape?"))
    log.set_feedback(second, "down", now=NOW)
    by_id = {entry["id"]: entry for entry in log.entries()}
    assert by_id[second]["feedback"] == "down" and by_id[second]["feedback_at"] == "2026-11-20T12:00:00"
    assert by_id[first]["feedback"] is None
    log.set_feedback(second, None, now=NOW)
    assert all(entry["feedback"] is None for entry in log.entries())
    with pytest.raises(ValueError):
        log.set_feedback(first, "sideways")


def test_what_was_wrong_is_kept_with_a_thumbs_down_and_the_answers_marked_wrong_can_be_listed(log):
    first, second = record(log), record(log, red_answer("Can I name the victim of a rape?"))
    log.set_feedback(first, "up", now=NOW)
    log.set_feedback(second, "down", now=NOW, comment="  It should have said the victim has lifelong anonymity.  ")
    (wrong,) = log.entries(marked_wrong_only=True)
    assert wrong["id"] == second and wrong["feedback_comment"] == "It should have said the victim has lifelong anonymity."
    assert "lifelong anonymity" in to_csv(log.entries())
    log.set_feedback(second, None, now=NOW)
    assert log.entries(marked_wrong_only=True) == [] and all(entry["feedback_comment"] is None for entry in log.entries())


def test_a_log_written_before_feedback_comments_gains_the_column_and_keeps_its_answers(tmp_path):
    path = tmp_path / "audit.sqlite3"
    with closing(sqlite3.connect(path)) as db, db:
        db.executescript(OLD_SCHEMA.replace("feedback TEXT, feedback_at TEXT", "feedback TEXT, feedback_at TEXT,"
                                            " source TEXT NOT NULL DEFAULT 'app'"))
        db.execute("INSERT INTO answers (at, session_id, officer, kind, question, date_used, status, escalation, citations, answer,"
                   " app_version) VALUES ('2026-11-20T12:00:00', 's', 'PC 1', 'ask', 'Q?', '2026-11-20', 'answered', '[]', '[]', 'A',"
                   " '0.1.0')")
    log = log_in(tmp_path, retention_days=36500)
    (entry,) = log.entries()
    log.set_feedback(entry["id"], "down", comment="wrong row")
    assert log.entries()[0]["feedback_comment"] == "wrong row"


def test_entries_older_than_the_retention_period_are_purged_on_write_and_on_open(log):
    record(log, now=NOW - dt.timedelta(days=120))
    record(log, now=NOW - dt.timedelta(days=89))
    assert len(log.entries()) == 2  # each write purges against its own time: neither was old then
    record(log, now=NOW)
    assert [entry["at"][:10] for entry in log.entries()] == ["2026-11-20", "2026-08-23"]
    assert log.purge(now=NOW + dt.timedelta(days=100)) == 2
    assert log.entries() == []


def test_opening_the_log_purges_old_entries(store_settings):
    record(open_audit_log(store_settings), now=dt.datetime.now(dt.UTC) - dt.timedelta(days=91))
    assert open_audit_log(store_settings).entries() == []


def test_the_database_file_is_readable_by_its_owner_only(tmp_path):
    record(log_in(tmp_path / "data", retention_days=90))
    assert stat.S_IMODE((tmp_path / "data" / "audit.sqlite3").stat().st_mode) == 0o600


def test_filters_narrow_the_entries(log):
    record(log, officer="PC 1234")
    record(log, red_answer("Can I name the victim of a rape?"), officer="Insp Jones", now=NOW - dt.timedelta(days=3))
    green = Answer(question="Can I tweet crime prevention tips?", today=dt.date(2026, 11, 20), in_scope=True,
                   status="answered", rag="green", answer="GREEN — Go for it!")
    green_id = record(log, green, kind="draft")
    log.set_feedback(green_id, "up", now=NOW)
    assert [entry["officer"] for entry in log.entries(officer="jones")] == ["Insp Jones"]
    assert [entry["verdict"] for entry in log.entries(verdicts=["green"])] == ["green"]
    assert len(log.entries(verdicts=["red", None])) == 2
    assert log.entries(verdicts=[]) == []
    assert [entry["kind"] for entry in log.entries(kinds=["draft"])] == ["draft"]
    assert [entry["question"] for entry in log.entries(text="victim")] == ["Can I name the victim of a rape?"]
    assert [entry["id"] for entry in log.entries(with_feedback_only=True)] == [green_id]
    assert len(log.entries(since=dt.date(2026, 11, 19))) == 2
    assert len(log.entries(until=dt.date(2026, 11, 17))) == 1
    cli_id = record(log, source="cli")
    assert [entry["id"] for entry in log.entries(sources=["cli"])] == [cli_id]
    with pytest.raises(ValueError, match="source must be one of app, cli, api"):
        record(log, source="batch")


def test_csv_export_has_a_row_per_answer_with_its_feedback(log):
    entry_id = record(log)
    log.set_feedback(entry_id, "up", now=NOW)
    rows = list(csv.DictReader(io.StringIO(to_csv(log.entries()))))
    assert len(rows) == 1
    assert rows[0]["question"].startswith("Can I tweet") and rows[0]["feedback"] == "up" and rows[0]["verdict"] == "red"


def test_a_log_written_before_sources_were_recorded_opens_with_its_answers_from_the_app(tmp_path):
    path = tmp_path / "audit.sqlite3"
    with sqlite3.connect(path) as db:  # the table as the app-only audit log created it
        db.executescript(OLD_SCHEMA)
        db.execute("INSERT INTO answers (at, session_id, officer, kind, question, date_used, status, verdict, escalation,"
                   " citations, answer, app_version) VALUES ('2026-11-20T12:00:00', 's0', 'PC old', 'ask', 'Old question?',"
                   " '2026-11-20', 'answered', 'green', '[]', '[]', 'GREEN', '0.1.0')")
    db.close()
    log = log_in(tmp_path, retention_days=100_000)
    record(log, officer="PC new", source="cli")
    assert [(entry["officer"], entry["source"]) for entry in log.entries()] == [("PC new", "cli"), ("PC old", "app")]
    assert log_in(tmp_path, retention_days=100_000).entries(sources=["app"])[0]["question"] == "Old question?"


def test_a_retention_period_under_a_day_is_refused(tmp_path):
    with pytest.raises(ValueError, match="PRESSLINE_AUDIT_RETENTION_DAYS to 1 or more"):
        log_in(tmp_path, retention_days=0)


OLD_SCHEMA = """
CREATE TABLE answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, session_id TEXT NOT NULL, officer TEXT NOT NULL,
    kind TEXT NOT NULL, question TEXT NOT NULL, date_used TEXT NOT NULL, status TEXT NOT NULL, verdict TEXT,
    escalation TEXT NOT NULL, citations TEXT NOT NULL, answer TEXT NOT NULL, app_version TEXT NOT NULL,
    feedback TEXT, feedback_at TEXT
);
CREATE INDEX answers_at ON answers (at);
"""


@pytest.mark.parametrize("days", ["0", "-5"])
def test_settings_refuse_a_retention_period_under_a_day_and_say_what_to_set(monkeypatch, days):
    monkeypatch.setenv("PRESSLINE_AUDIT_RETENTION_DAYS", days)
    with pytest.raises(ValidationError) as refused:
        Settings()
    message = str(refused.value)
    assert "audit_retention_days" in message and "set PRESSLINE_AUDIT_RETENTION_DAYS to 1 or more" in message


# --- The engine audits every answer, whoever calls it ------------------------------------------------------

TODAY = dt.date(2026, 11, 20)


def engine_entries(settings, officer: str) -> list[dict]:
    return open_audit_log(settings).entries(officer=officer)


def test_the_engine_records_each_answer_check_and_brief_with_its_source_and_officer(corpus_settings):
    engine = Engine(corpus_settings, source="cli", officer="PC engine-cli")
    answered = engine.answer("Can I tweet about a burglary arrest on my ward?", today=TODAY)
    checked = engine.check_draft("A 15-year-old boy from Leeds has been charged with robbery.", today=TODAY)
    brief = engine.prepare_interview("stop and search", today=TODAY)
    entries = engine_entries(corpus_settings, "PC engine-cli")
    assert [(entry["kind"], entry["source"]) for entry in entries] == [("interview", "cli"), ("draft", "cli"), ("ask", "cli")]
    assert [entry["id"] for entry in entries] == [brief.audit_id, checked.audit_id, answered.audit_id]
    assert entries[2]["verdict"] == answered.rag and entries[1]["verdict"] == checked.rag == "red"
    assert len({entry["session_id"] for entry in entries}) == 1 and entries[0]["session_id"] == engine.session_id
    assert entries[0]["app_version"] == app_version(corpus_settings) != "unknown"


def test_a_call_names_its_own_officer_and_session_as_the_app_does(corpus_settings):
    engine = Engine(corpus_settings, source="app")
    engine.answer("Who may speak to the media?", today=TODAY, officer="PC engine-app", session_id="session-1")
    (entry,) = engine_entries(corpus_settings, "PC engine-app")
    assert entry["source"] == "app" and entry["session_id"] == "session-1"


def test_the_api_is_the_default_source(corpus_settings):
    result = Engine(corpus_settings, officer="PC engine-api").answer("Who may speak to the media?", today=TODAY)
    (entry,) = engine_entries(corpus_settings, "PC engine-api")
    assert entry["source"] == "api" and entry["id"] == result.audit_id


def test_an_engine_with_audit_off_writes_nothing(corpus_settings):
    before = len(open_audit_log(corpus_settings).entries())
    engine = Engine(corpus_settings, audit=False, officer="PC engine-off")
    result = engine.answer("Who may speak to the media?", today=TODAY)
    engine.check_draft("Crime prevention tips for the ward.", today=TODAY)
    engine.prepare_interview("stop and search", today=TODAY)
    assert result.audit_id is None
    assert len(open_audit_log(corpus_settings).entries()) == before


def test_an_answer_whose_audit_record_cannot_be_written_is_still_given_and_the_failure_logged(corpus_settings, monkeypatch,
                                                                                             caplog):
    def full_disk(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(AuditLog, "record", full_disk)
    result = Engine(corpus_settings, officer="PC engine-full").answer("Who may speak to the media?", today=TODAY)
    assert result.status != "error" and result.answer and result.audit_id is None
    assert "could not be written to the audit log" in caplog.text and "database or disk is full" in caplog.text


def test_an_unknown_source_is_refused():
    with pytest.raises(ValueError, match="source must be one of app, cli, api"):
        Engine(source="batch")


# --- The CLI: its officer is the OS user unless --officer names one; --no-audit for evaluation runs --------


@pytest.fixture
def cli(corpus_settings, monkeypatch, capsys):
    """`python -m assistant …` in this process, over the session's index, returning what it printed."""
    monkeypatch.setenv("PRESSLINE_DATA_DIR", str(corpus_settings.data_dir))
    monkeypatch.setattr(getpass, "getuser", lambda: "os-user-audit")
    get_settings.cache_clear()

    def run(*args: str) -> list[str]:
        assert cli_main(["ask", "--json", "--today", "2026-11-20", *args]) == 0
        return capsys.readouterr().out.splitlines()

    yield run
    get_settings.cache_clear()


def test_the_cli_records_its_answer_as_the_os_user(cli, corpus_settings):
    cli("Who may speak to the media?")
    (entry,) = engine_entries(corpus_settings, "os-user-audit")
    assert entry["source"] == "cli" and entry["question"] == "Who may speak to the media?"


def test_the_cli_records_the_officer_given(cli, corpus_settings):
    cli("--officer", "PC cli-given", "Who may speak to the media?")
    (entry,) = engine_entries(corpus_settings, "PC cli-given")
    assert entry["source"] == "cli"


def test_a_batch_is_recorded_line_by_line_in_one_session_unless_told_not_to(cli, corpus_settings, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"id": 1, "question": "Who may speak to the media?"}\n'
                     '{"id": 2, "question": "Can I tweet about a burglary arrest on my ward?"}\n')
    assert len(cli("--officer", "PC cli-batch", "--batch", str(batch))) == 2
    entries = engine_entries(corpus_settings, "PC cli-batch")
    assert len(entries) == 2 and len({entry["session_id"] for entry in entries}) == 1
    before = len(open_audit_log(corpus_settings).entries())
    assert len(cli("--no-audit", "--batch", str(batch))) == 2
    assert len(open_audit_log(corpus_settings).entries()) == before


# --- Evaluation runs write no audit records ------------------------------------------------------------------


def evaluation_calls() -> list[tuple[str, ast.Call]]:
    return [
        (f"{path.name}:{node.lineno}", node)
        for path in sorted((REPO_ROOT / "evals").glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call)
    ]


def test_every_engine_the_evaluation_builds_has_audit_off():
    engines = [(where, call) for where, call in evaluation_calls() if getattr(call.func, "id", None) == "Engine"]
    assert len(engines) >= 6
    for where, call in engines:
        audit = {keyword.arg: keyword.value for keyword in call.keywords}.get("audit")
        assert isinstance(audit, ast.Constant) and audit.value is False, f"{where}: build the engine with audit=False"


def test_every_ask_the_evaluation_runs_passes_no_audit():
    asks = [
        (where, [element.value for element in call.args[0].elts if isinstance(element, ast.Constant)])
        for where, call in evaluation_calls()
        if call.args and isinstance(call.args[0], ast.List)
        and any(isinstance(element, ast.Constant) and element.value == "ask" for element in call.args[0].elts)
    ]
    assert asks
    for where, args in asks:
        assert "--no-audit" in args, f"{where}: pass --no-audit to ask"
