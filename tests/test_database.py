"""Pressline's one database (ingest/database.py): migrations build the schema the code uses, a data folder written by the
first release is migrated losing nothing, two processes writing at once lose nothing, and the URL's password is
never shown. On SQLite and on a real PostgreSQL server."""

import logging
import os
import shutil
import subprocess
import textwrap

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from assistant import Engine
from assistant.audit import open_audit_log
from conftest import PYTHON, make_settings
from ingest.approvals import Approvals
from ingest.database import admin_lockouts, answers, close, get_engine, metadata, shown_url, snapshots
from ingest.errors import DatabaseUnavailable
from ingest.settings import REPO_ROOT
from ui.saved_conversations import SavedConversations

FIRST_RELEASE = REPO_ROOT / "tests" / "fixtures" / "data-0.1.0"


def test_the_migrations_build_the_schema_the_code_uses(store_settings):
    with get_engine(store_settings).connect() as db:
        differences = compare_metadata(MigrationContext.configure(db), metadata)
        version = db.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one()
    assert differences == [] and version == "0002"


def test_a_data_folder_written_by_the_first_release_is_migrated_and_loses_nothing(tmp_path):
    """The files in tests/fixtures/data-0.1.0 were written by the first release's own code (audit, approvals and
    saved conversations each in a file of their own)."""
    shutil.copytree(FIRST_RELEASE, tmp_path / "data")
    settings = make_settings(tmp_path)
    for reopened in (False, True):  # a second opening neither migrates nor copies again
        log = open_audit_log(settings.model_copy(update={"audit_retention_days": 36500}))
        entries = log.entries()
        assert [entry["question"] for entry in entries] == ["Second question?",
                                                           "Can I tweet that a 17 year old was charged with robbery?"]
        assert entries[1]["feedback"] == "down" and entries[1]["feedback_comment"] == "should name the Press Bureau number"
        assert [entry["source"] for entry in entries] == ["cli", "app"]
        assert [action["target"] for action in log.admin_actions()] == ["corpus/contacts.yaml"]
        assert [row["subject"] for row in log.lockouts()] == ["client:10.0.0.7"]
        history = Approvals(settings).history()
        assert [(row["path"], row["approved_by"]) for row in history] == [
            ("contacts.yaml", "DMC duty press officer"), ("uploads/policy/guide.pdf", "DMC duty press officer")]
        with log.engine.connect() as db:
            assert db.execute(select(snapshots.c.path, snapshots.c.content)).all() == [("contacts.yaml", b"contacts: []\n")]
        kept = SavedConversations(log.engine).load("browser-token-1")
        assert kept.officer == "PC 1234" and kept.entries[0].result.rag == "red"
        assert sorted(path.name for path in (tmp_path / "data").iterdir()) == [
            "approvals.sqlite3.imported", "audit.sqlite3", "conversations.sqlite3.imported"]
        close(settings)


def test_moving_to_postgresql_copies_the_side_files_and_leaves_the_old_audit_file_where_it_is(tmp_path, postgres_server):
    shutil.copytree(FIRST_RELEASE, tmp_path / "data")
    audit_file = (tmp_path / "data" / "audit.sqlite3").read_bytes()
    settings = make_settings(tmp_path, audit_url=postgres_server.new_database())
    log = open_audit_log(settings)
    assert log.entries() == []  # a new audit trail; the old file is kept, not copied
    assert (tmp_path / "data" / "audit.sqlite3").read_bytes() == audit_file
    assert [row["path"] for row in Approvals(settings).history()] == ["contacts.yaml", "uploads/policy/guide.pdf"]
    with log.engine.connect() as db:
        assert db.execute(select(snapshots.c.content)).scalar_one() == b"contacts: []\n"
    assert SavedConversations(log.engine).load("browser-token-1").officer == "PC 1234"
    assert sorted(path.name for path in (tmp_path / "data").iterdir()) == [
        "approvals.sqlite3.imported", "audit.sqlite3", "conversations.sqlite3.imported"]
    close(settings)


def test_a_side_file_that_cannot_be_read_stops_the_migration_with_a_clear_error_and_changes_nothing(tmp_path):
    shutil.copytree(FIRST_RELEASE, tmp_path / "data")
    damaged = tmp_path / "data" / "approvals.sqlite3"
    damaged.write_bytes(b"this is not an SQLite file" * 100)
    audit_before = (tmp_path / "data" / "audit.sqlite3").read_bytes()
    settings = make_settings(tmp_path)
    with pytest.raises(DatabaseUnavailable, match="approvals.sqlite3 .*cannot be read.*nothing was changed"):
        get_engine(settings)
    assert damaged.read_bytes() == b"this is not an SQLite file" * 100
    assert (tmp_path / "data" / "audit.sqlite3").read_bytes() == audit_before
    assert (tmp_path / "data" / "conversations.sqlite3").exists()
    damaged.unlink()  # moved aside, as the message says: the rest opens
    assert len(open_audit_log(settings.model_copy(update={"audit_retention_days": 36500})).entries()) == 2
    close(settings)


WRITER = textwrap.dedent("""
    import sys
    import datetime as dt
    from assistant import Answer
    from assistant.audit import open_audit_log
    from ingest.settings import Settings

    log = open_audit_log(Settings())
    answer = Answer(question="q", today=dt.date(2026, 12, 5), in_scope=True, status="answered", rag="green", answer="a")
    for n in range(60):
        log.record(kind="ask", result=answer, source="cli", officer=sys.argv[1], session_id=str(n), app_version="t")
        if n % 3 == 0:
            log.login_failed(["client:10.0.0.9"], base_s=0.001, cap_s=0.001)
""")


def test_two_processes_writing_at_once_lose_nothing(store_settings):
    """Both start on an empty database, so they also race to migrate it; the lockout count is a read-then-write."""
    env = dict(os.environ) | {"PRESSLINE_DATA_DIR": str(store_settings.data_dir)}
    if store_settings.audit_url:
        env["PRESSLINE_AUDIT_URL"] = store_settings.audit_url.get_secret_value()
    writers = [subprocess.Popen([PYTHON, "-c", WRITER, officer], cwd=REPO_ROOT, env=env, stderr=subprocess.PIPE,
                                text=True) for officer in ("PC one", "PC two")]
    for writer in writers:
        assert writer.wait(timeout=300) == 0, writer.stderr.read()
    with get_engine(store_settings).connect() as db:
        counts = dict(db.execute(select(answers.c.officer, func.count()).group_by(answers.c.officer)).all())
        failures = db.execute(select(admin_lockouts.c.failures)).scalar_one()
    assert counts == {"PC one": 60, "PC two": 60}
    assert failures == 40


def test_the_databases_password_is_never_shown(tmp_path, caplog):
    url = "postgresql+psycopg://pressline:s3cret-pass@127.0.0.1:9/pressline"  # port 9: nothing listens
    settings = make_settings(tmp_path, audit_url=url)
    assert "s3cret-pass" not in shown_url(settings) and "***" in shown_url(settings)
    assert "s3cret-pass" not in repr(settings) and "s3cret-pass" not in settings.model_dump_json()
    with pytest.raises(DatabaseUnavailable) as refused:
        get_engine(settings)
    assert "s3cret-pass" not in str(refused.value) and "127.0.0.1:9/pressline" in str(refused.value)
    with caplog.at_level(logging.DEBUG):
        Engine(settings, officer="PC no-database").check_draft("Crime prevention tips for the ward.")
    assert "could not be written to the audit log" in caplog.text and "s3cret-pass" not in caplog.text


def test_a_url_that_is_not_a_database_url_says_how_to_write_one(tmp_path):
    with pytest.raises(DatabaseUnavailable, match=r"postgresql\+psycopg://USER:PASSWORD@HOST/DATABASE"):
        get_engine(make_settings(tmp_path, audit_url="not a url"))
