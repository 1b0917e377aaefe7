"""Shared fixtures. Everything here is real: the Chroma store, the embedding model, the corpus."""

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import ingest  # noqa: F401  (offline environment before anything else imports)
from ingest.settings import REPO_ROOT, Settings

CORPUS = REPO_ROOT / "corpus"
PYTHON = sys.executable


def make_settings(tmp: Path, corpus: Path | None = None, **overrides) -> Settings:
    return Settings(corpus_dir=corpus or CORPUS, data_dir=tmp / "data", **overrides)


def copy_corpus(destination: Path) -> Path:
    shutil.copytree(CORPUS, destination, ignore=shutil.ignore_patterns("uploads"))
    return destination


def copy_root(settings: Settings, root: Path) -> Path:
    """A repo root of a test's own: a copy of the corpus and of `settings`' index, without its database (each copy
    starts one afresh) or its locks."""
    from ingest.database import DEFAULT_FILE

    copy_corpus(root / "corpus")
    shutil.copytree(settings.data_dir, root / "data", ignore=shutil.ignore_patterns(f"{DEFAULT_FILE}*", "*.lock"))
    return root


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_python(args: list[str], env_overrides: dict, timeout: float = 300, prefix: list[str] | None = None):
    import os

    env = dict(os.environ) | env_overrides
    return subprocess.run([*(prefix or []), PYTHON, *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory) -> Settings:
    """Settings over the real corpus with an index of its own, built once per test session."""
    from ingest.pipeline import run_ingest

    settings = make_settings(tmp_path_factory.mktemp("index"))
    report = run_ingest(settings)
    assert not report.errors, report.errors
    return settings


def wait_until_answering(url: str, server: subprocess.Popen, failure, timeout: float = 60) -> None:
    """Poll `url` until it answers (the load script's poll); if `server` exits or `timeout` seconds pass first, kill it and
    fail with `failure()`."""
    from evals.load import wait_until_up

    try:
        wait_until_up(url, server, "", timeout)
    except SystemExit:
        server.kill()
        pytest.fail(failure())


@pytest.fixture
def chroma_server(tmp_path):
    """A real Chroma server (`chroma run`) on a free loopback port over a folder of the test's own; yields its URL once it
    answers its heartbeat."""
    import os

    port = free_port()
    server = subprocess.Popen([str(Path(PYTHON).parent / "chroma"), "run", "--path", str(tmp_path / "chroma-server"),
                               "--host", "127.0.0.1", "--port", str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, env=dict(os.environ) | {"ANONYMIZED_TELEMETRY": "False"})
    url = f"http://127.0.0.1:{port}"
    wait_until_answering(f"{url}/api/v2/heartbeat", server, lambda: "the Chroma server did not start")
    yield url
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for the session (tests/postgres.py): skipped where none is installed, failing under CI."""
    from postgres import Server

    server = Server()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_settings(request, tmp_path):
    """Settings whose database is the default SQLite file, then a new database on the test PostgreSQL server."""
    from ingest.database import close

    if request.param == "sqlite":
        settings = make_settings(tmp_path)
    else:
        settings = make_settings(tmp_path, audit_url=request.getfixturevalue("postgres_server").new_database())
    yield settings
    close(settings)


@pytest.fixture(scope="session")
def matcher():
    """The RAG table's topics as the store holds them, read straight from the corpus file (no index needed)."""
    import yaml

    from assistant.topics import Topic, TopicMatcher

    table = yaml.safe_load((CORPUS / "rag-table" / "rag-table.yaml").read_text())
    return TopicMatcher([
        Topic(topic["name"], status["status"], status["label"], status.get("condition"), tuple(topic.get("aliases") or ()), "x",
              medium=topic.get("medium"), offence=topic.get("offence"))
        for status in table["statuses"] for topic in status["topics"]
    ])
