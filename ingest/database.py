"""The one SQL database Pressline keeps: the audit log, admin actions and password lockouts, approvals with the
approved versions of configuration files, and saved conversations.

An SQLite file, `data/audit.sqlite3`, by default. A force running several instances points them all at one
PostgreSQL database with `PRESSLINE_AUDIT_URL` (an SQLAlchemy URL, e.g.
`postgresql+psycopg://pressline:…@db.internal/pressline`), so DMC sees in one place what the force was told.
Alembic creates and migrates the schema (`ingest/migrations/`) the first time a process opens the database; a
file written by an earlier release is migrated in place, and the approvals and conversations files it kept beside
the audit log are copied in (then renamed `*.imported`).

Lives in ingest (the lowest layer) so that ingest, the assistant and the app can all use it.

Usage::

    engine = get_engine(settings)
    with transaction(engine) as db:
        db.execute(answers.insert().values(...))
    with transaction(engine, exclusive=True) as db:   # read-modify-write: one writer in the whole database
        ...
    shown_url(settings)           # for messages and logs: the password is never shown
"""

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import (
    Column,
    Double,
    Engine,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from .errors import DatabaseUnavailable, IngestLocked
from .settings import Settings

__all__ = [
    "DEFAULT_FILE", "DatabaseUnavailable", "metadata", "answers", "admin_actions", "admin_lockouts", "approvals",
    "snapshots", "conversations", "database_url", "shown_url", "get_engine", "close", "transaction", "upsert", "ingest_lock",
]

DEFAULT_FILE = "audit.sqlite3"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Any constant works: it names Pressline's whole-database write lock among PostgreSQL's advisory locks.
WRITE_LOCK_KEY = 0x7072_6573_736C
INGEST_LOCK_KEY = WRITE_LOCK_KEY + 1
log = logging.getLogger(__name__)


# The schema as the code uses it. Alembic's migrations build it; a test checks that they agree.
metadata = MetaData()

answers = Table(
    "answers", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Text, nullable=False),  # UTC, "YYYY-MM-DDTHH:MM:SS": sorts and compares as text
    Column("session_id", Text, nullable=False),
    Column("officer", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("question", Text, nullable=False),
    Column("date_used", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("verdict", Text),
    Column("escalation", Text, nullable=False),
    Column("citations", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("app_version", Text, nullable=False),
    Column("feedback", Text),
    Column("feedback_at", Text),
    Column("source", Text, nullable=False, server_default="app"),
    Column("feedback_comment", Text),
    Index("answers_at", "at"),
    Index("answers_verdict_at", "verdict", "at"),
    Index("answers_feedback_at", "feedback", "at"),
    sqlite_autoincrement=True,
)

admin_actions = Table(
    "admin_actions", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Text, nullable=False),
    Column("admin", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("target", Text, nullable=False),
    Column("before", Text),
    Column("after", Text),
    Column("outcome", Text, nullable=False),
    Column("session_id", Text, nullable=False),
    Column("client", Text, nullable=False),
    Column("source", Text, nullable=False),
    Index("admin_actions_at", "at"),
    Index("admin_actions_action_at", "action", "at"),
    sqlite_autoincrement=True,
)

admin_lockouts = Table(
    "admin_lockouts", metadata,
    Column("subject", Text, primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failure", Double, nullable=False),
    Column("locked_until", Double, nullable=False),
)

approvals = Table(
    "approvals", metadata,
    Column("id", Integer, primary_key=True),
    Column("path", Text, nullable=False),  # relative to the corpus folder
    Column("sha256", Text, nullable=False),  # of the approved bytes
    Column("approved_by", Text, nullable=False),
    Column("approved_at", Text, nullable=False),  # UTC, ISO 8601
    Index("approvals_version", "path", "sha256"),
    sqlite_autoincrement=True,
)

snapshots = Table(
    "snapshots", metadata,
    Column("id", Integer, primary_key=True),  # the order they were kept in
    Column("path", Text, nullable=False),
    Column("sha256", Text, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("saved_at", Text, nullable=False),
    UniqueConstraint("path", "sha256", name="snapshots_version"),
    sqlite_autoincrement=True,
)

conversations = Table(
    "conversations", metadata,
    Column("key_hash", Text, primary_key=True),
    Column("saved", Text, nullable=False),
    Column("started", Double, nullable=False),
    Column("touched", Double, nullable=False),
    Index("conversations_touched", "touched"),
    Index("conversations_started", "started"),
)


def database_url(settings: Settings) -> URL:
    """PRESSLINE_AUDIT_URL, or the SQLite file under the data folder."""
    if settings.audit_url is None:
        return URL.create("sqlite", database=str(settings.data_dir / DEFAULT_FILE))
    try:
        return make_url(settings.audit_url.get_secret_value())
    except ArgumentError:
        raise DatabaseUnavailable(
            "PRESSLINE_AUDIT_URL is not a database URL; write it as postgresql+psycopg://USER:PASSWORD@HOST/DATABASE "
            "(or sqlite:////absolute/path/audit.sqlite3)") from None


def shown_url(settings: Settings) -> str:
    """The database's URL as messages and logs may show it: with any password masked."""
    try:
        return database_url(settings).render_as_string(hide_password=True)
    except DatabaseUnavailable:
        return "PRESSLINE_AUDIT_URL (not a database URL)"


_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def get_engine(settings: Settings) -> Engine:
    """The engine for the settings' database, migrated to the current schema (once per process and database)."""
    url = database_url(settings)
    key = url.render_as_string(hide_password=False)
    with _engines_lock:
        if key not in _engines:
            _engines[key] = _open(url, settings)
        return _engines[key]


def close(settings: Settings) -> None:
    """Close the settings' database's pooled connections; the next get_engine opens it afresh."""
    key = database_url(settings).render_as_string(hide_password=False)
    with _engines_lock:
        engine = _engines.pop(key, None)
    if engine is not None:
        engine.dispose()


def _open(url: URL, settings: Settings) -> Engine:
    shown = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        _create_owner_only(Path(url.database))
    try:
        engine = create_engine(url, **_engine_options(url), hide_parameters=True)
    except (ArgumentError, ImportError) as exc:
        raise DatabaseUnavailable(f"cannot use the database {shown}: {exc}") from None
    if engine.dialect.name == "sqlite":
        _take_over_sqlite_transactions(engine)
    try:
        imported = _migrate(engine, settings)
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = getattr(exc, "orig", None) or exc
        raise DatabaseUnavailable(f"cannot open the database {shown}: {str(reason).strip().splitlines()[0]}") from None
    _rename_imported(imported)
    return engine


def _engine_options(url: URL) -> dict:
    if url.get_backend_name() == "sqlite":
        return {"connect_args": {"timeout": 30}}
    # A pooled connection the server dropped (a restart, an idle timeout) is replaced rather than failing an answer.
    return {"pool_pre_ping": True, "pool_size": 5, "max_overflow": 5}


def _create_owner_only(path: Path) -> None:
    """Create the file owner-only before SQLite opens it: it holds officers' names and questions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    os.chmod(path, 0o600)


def _take_over_sqlite_transactions(engine: Engine) -> None:
    """SQLite's Python driver begins transactions on its own, too late for a write lock and never for DDL; Pressline
    begins them itself, so a migration is one transaction and an exclusive one takes the write lock at its start."""

    @event.listens_for(engine, "connect")
    def _autocommit_driver(dbapi_connection, _record):
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection):
        exclusive = connection.get_execution_options().get("pressline_exclusive", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if exclusive else "BEGIN")


@contextmanager
def transaction(engine: Engine, *, exclusive: bool = False) -> Iterator[Connection]:
    """A connection in a transaction, committed when the block ends and rolled back if it raises.

    `exclusive` makes it the only writing transaction in the whole database until it ends (SQLite: BEGIN
    IMMEDIATE; PostgreSQL: a transaction-level advisory lock), for a read-then-write that must not interleave
    with another, in this process or any other instance."""
    with engine.connect() as connection:
        if exclusive:
            connection = connection.execution_options(pressline_exclusive=True)
        with connection.begin():
            if exclusive and engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})
            yield connection


@contextmanager
def ingest_lock(settings: Settings, timeout_s: float) -> Iterator[None]:
    """One ingest at a time among every instance sharing a PostgreSQL database, whichever machine it runs on: a
    session-level advisory lock, held on a connection of its own for the whole ingest and let go by the server if
    the process dies. With SQLite it does nothing: the data folder's file lock serves the one machine.

    Raises IngestLocked when another instance still holds it after `timeout_s`."""
    engine = get_engine(settings)
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as connection:
        deadline = time.monotonic() + timeout_s
        while not connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": INGEST_LOCK_KEY}).scalar():
            connection.commit()
            if time.monotonic() >= deadline:
                raise IngestLocked(f"another Pressline instance has been ingesting for {timeout_s:g} s (it holds the "
                                   f"ingest lock in {shown_url(settings)}); wait for it to finish")
            time.sleep(0.5)
        connection.commit()  # the lock belongs to the session, not to a transaction left open for the whole ingest
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": INGEST_LOCK_KEY})
            connection.commit()


def upsert(engine: Engine, table: Table):
    """An INSERT for the engine's dialect that can say what to do on conflict (`.on_conflict_do_nothing()`,
    `.on_conflict_do_update(...)`); SQLite and PostgreSQL spell it the same way."""
    dialect = {"sqlite": sqlite, "postgresql": postgresql}.get(engine.dialect.name)
    if dialect is None:
        raise DatabaseUnavailable(f"Pressline's database is SQLite or PostgreSQL, not {engine.dialect.name}")
    return dialect.insert(table)


def _migrate(engine: Engine, settings: Settings) -> list[Path]:
    """Bring the schema to the newest revision in one exclusive transaction, so instances starting together
    migrate once between them; returns the files of an earlier release that a migration copied in."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["data_dir"] = settings.data_dir
    config.attributes["imported"] = imported = []
    with transaction(engine, exclusive=True) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return imported


def _rename_imported(paths: list[Path]) -> None:
    """Files copied in by a committed migration are renamed, so nothing reads them again."""
    for path in paths:
        try:
            path.rename(path.with_name(path.name + ".imported"))
        except OSError as exc:
            log.warning("%s was copied into the database but could not be renamed: %s", path, exc)
