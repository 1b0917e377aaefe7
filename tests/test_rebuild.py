"""Atomic rebuild: a killed `ingest --rebuild` changes no answer, and `--if-stale` clears what it left.

Real Chroma, the real model and the real corpus (a copy, so the last test can change it). One index is built
for the module; each kill test starts `python -m ingest --rebuild` in a subprocess, waits until it reports
(through the PRESSLINE_INGEST_PAUSE_AT hook) that it has reached a point, checks what the half-built
generation holds, and kills it with SIGKILL.
"""

import json
import os
import signal
import sqlite3
import subprocess
import time
import uuid

import pytest
from conftest import PYTHON, REPO_ROOT, copy_corpus, make_settings, run_python

from assistant.api import Engine
from assistant.resources import Resources
from ingest import generations
from ingest.keyword import KeywordIndex
from ingest.pipeline import run_ingest
from ingest.store import Store

TODAY = "2026-11-20"
QUESTIONS = [  # greens, a red, answers that cite the RAG table and one that cites the law
    "Can I tweet about a burglary in our ward?",
    "Can I post crime prevention tips about bike theft?",
    "Can I retweet the council's post about bin collections over Christmas?",
    "Can I name the man we arrested for the stabbing last night?",
    "What does the RAG table say about anti-social behaviour?",
    "Can we say the suspect is guilty before the trial?",
]
BATCH_SIZE = 8  # small batches: the rebuild writes many, so it can be killed between them


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rebuild")
    settings = make_settings(tmp, copy_corpus(tmp / "corpus"))
    report = run_ingest(settings)
    assert not report.errors and report.chunks > 4 * BATCH_SIZE, report
    questions = tmp / "questions.jsonl"
    questions.write_text("".join(json.dumps({"id": n, "question": q, "today": TODAY}) + "\n" for n, q in enumerate(QUESTIONS)))
    return settings, questions


@pytest.fixture(scope="module")
def before(index):
    """The answers before any rebuild, from `ask` and from a reader in this process."""
    settings, questions = index
    answers = ask(settings, questions)
    statuses = {row["status"] for row in answers}
    assert "error" not in statuses, answers
    assert any(row["rag"] == "green" for row in answers)
    assert any(c["source"].endswith("rag-table.yaml") for row in answers for c in row["citations"])
    reader = Engine(settings, audit=False)
    return answers, reader, [reader.answer(q, today=_date()).model_dump() for q in QUESTIONS]


def _date():
    import datetime as dt

    return dt.date.fromisoformat(TODAY)


def env(settings, **extra) -> dict:
    return {"PRESSLINE_CORPUS_DIR": str(settings.corpus_dir), "PRESSLINE_DATA_DIR": str(settings.data_dir), **extra}


def ask(settings, questions) -> list[dict]:
    result = run_python(["-m", "assistant", "ask", "--json", "--no-audit", "--batch", str(questions)], env(settings))
    assert result.returncode == 0, result.stderr
    assert "Building the index" not in result.stderr, "ask re-ingested instead of answering from the index"
    return [json.loads(line) for line in result.stdout.splitlines()]


def start_rebuild(settings, point: str) -> subprocess.Popen:
    """`ingest --rebuild`, stopped at `point` (it sleeps there until killed)."""
    marker = settings.data_dir / "ingest-paused"
    marker.unlink(missing_ok=True)
    variables = env(settings, PRESSLINE_EMBED_BATCH_SIZE=str(BATCH_SIZE), PRESSLINE_INGEST_PAUSE_AT=point,
                    PRESSLINE_INGEST_PAUSE_S="600")
    process = subprocess.Popen([PYTHON, "-m", "ingest", "--rebuild", "--quiet"], cwd=REPO_ROOT,
                               env=dict(os.environ) | variables, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 240
    while time.time() < deadline and process.poll() is None:
        if marker.exists() and marker.read_text().startswith(point):
            return process
        time.sleep(0.2)
    process.kill()
    raise AssertionError(f"the rebuild never reached {point}: {process.stderr.read().decode()[-2000:]}")


def kill(process: subprocess.Popen) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    process.stderr.close()


def generation_collections(settings) -> set[str]:
    return set(generations.stored(generations.open_client_or_none(settings), settings))


def orphan_vector_folders(settings) -> list[str]:
    with sqlite3.connect(settings.chroma_path / "chroma.sqlite3") as db:
        live = {row[0] for row in db.execute("SELECT id FROM segments")}
    return [p.name for p in settings.chroma_path.iterdir() if p.is_dir() and _is_uuid(p.name) and p.name not in live]


def _is_uuid(name: str) -> bool:
    try:
        uuid.UUID(name)
        return True
    except ValueError:
        return False


def assert_one_clean_generation(settings) -> str:
    current = generations.current(settings)
    assert generation_collections(settings) == {current}
    assert generations.local_folders(settings) == [current]
    assert not orphan_vector_folders(settings), "old vector folders pile up"
    return current


@pytest.mark.parametrize("point", ["first-batch", "mid-embedding", "before-switch"])
def test_a_killed_rebuild_changes_no_answer_and_if_stale_discards_what_it_left(index, before, point):
    settings, questions = index
    answers, reader, read_before = before
    current = assert_one_clean_generation(settings)
    total = Store.open(settings).count()

    process = start_rebuild(settings, point)
    try:
        [building] = generation_collections(settings) - {current}
        written = Store.open(settings, generation=building).count()
        # the new generation had written data when it was killed
        expected = {"first-batch": lambda n: n == BATCH_SIZE, "mid-embedding": lambda n: total / 2 <= n < total,
                    "before-switch": lambda n: n == total}[point]
        assert expected(written), (point, written, total)
        if point == "before-switch":
            assert KeywordIndex.load(settings, building) is not None
            assert (generations.folder(settings, building) / "examples.npz").exists()
        assert generations.current(settings) == current
        # a reader during the rebuild answers from the old generation, never an error
        reader.resources.refresh(force=True)
        assert [reader.answer(q, today=_date()).model_dump() for q in QUESTIONS] == read_before
        if point == "before-switch":  # and so does an `ask` started while the rebuild runs
            assert ask(settings, questions) == answers
    finally:
        kill(process)

    assert generations.current(settings) == current
    assert ask(settings, questions) == answers

    result = run_python(["-m", "ingest", "--if-stale", "--quiet"], env(settings))
    assert result.returncode == 0, result.stderr
    assert "The index is up to date" not in result.stderr and building in result.stderr, result.stderr
    assert assert_one_clean_generation(settings) == current  # nothing changed in the corpus: no new generation
    again = run_python(["-m", "ingest", "--if-stale", "--quiet"], env(settings))
    assert again.returncode == 0 and "The index is up to date" in again.stderr, again.stderr


def test_a_reader_holding_a_removed_generation_reloads_instead_of_failing(index, before):
    """After the kill tests, as it changes the corpus copy. Only the changed passage is embedded; the rest is copied forward."""
    settings, _ = index
    _, reader, _ = before
    resources: Resources = reader.resources
    resources.refresh(force=True)
    held = resources.generation
    line = settings.corpus_dir / "press-lines" / "pl-holding-charge.md"
    line.write_text(line.read_text().replace("we are unable to comment further", "we cannot comment further"))

    report = run_ingest(settings)
    assert report.updated >= 1 and 1 <= report.embedded <= report.updated and report.unchanged > 10 * report.embedded, report
    assert 1 <= report.sentences_embedded <= 2, report  # the changed sentence (and its list), not every unit again
    new = assert_one_clean_generation(settings)
    assert new != held and report.generation == new

    # The held generation's collection is gone; the next query notices and reloads, within the generation check interval.
    vector = resources.embed("can I tweet about a burglary")
    assert resources.dense(vector, 3)
    assert resources.generation == new
    answer = reader.answer(QUESTIONS[0], today=_date())
    assert answer.status != "error" and answer.rag == "green"


def test_with_a_chroma_server_the_pointer_and_the_build_lease_are_shared(tmp_path, chroma_server):
    """Two instances (two data folders) on one Chroma server see one current generation; a build another instance is
    running is never discarded, a dead one is."""
    import shutil

    from conftest import CORPUS

    from ingest.errors import IngestLocked

    corpus = tmp_path / "corpus"
    (corpus / "policy").mkdir(parents=True)
    shutil.copy(CORPUS / "policy" / "stop-search-charter.md", corpus / "policy")
    first = make_settings(tmp_path / "one", corpus, chroma_url=chroma_server)
    second = make_settings(tmp_path / "two", corpus, chroma_url=chroma_server)
    report = run_ingest(first)
    assert generations.current(second) == report.generation  # the pointer lives on the server
    resources = Resources.load(second)  # builds its own BM25 index from the server's chunks
    assert resources.generation == report.generation and resources.keyword.ids

    building = Store.create_generation(first, generations.new_id())  # another instance, still building
    with pytest.raises(IngestLocked, match="another instance is building"):
        run_ingest(second, rebuild=True)
    building.set_metadata(**{generations.HEARTBEAT_KEY: time.time() - 2 * first.generation_lease_s})
    again = run_ingest(second)  # that build's instance died: its generation is discarded
    assert building.collection.name.removeprefix(f"{first.collection}{generations.INFIX}") in again.discarded
    assert generation_collections(first) == {generations.current(first)} == {report.generation}


OPEN_AT_ONCE = """
import sys, threading
from pathlib import Path
from ingest.settings import Settings
from ingest.store import open_client
settings = Settings(corpus_dir=Path(sys.argv[1]), data_dir=Path(sys.argv[2]))
barrier, errors = threading.Barrier(6), []
def open_one():
    barrier.wait()
    try:
        open_client(settings).heartbeat()
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
threads = [threading.Thread(target=open_one) for _ in range(6)]
for thread in threads: thread.start()
for thread in threads: thread.join()
print(errors or "ok")
"""


def test_threads_opening_the_store_at_once_all_get_it(corpus_settings):
    # a fresh process, where Chroma has not made its shared system yet: the server's warm-up and a first question
    # open the store together (six at once here made Chroma fail every time before clients were opened one at a time)
    done = run_python(["-c", OPEN_AT_ONCE, str(corpus_settings.corpus_dir), str(corpus_settings.data_dir)], {}, timeout=120)
    assert done.returncode == 0 and done.stdout.strip().splitlines()[-1] == "ok", done.stdout + done.stderr
