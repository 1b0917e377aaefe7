"""Acceptance: the hostile file set (`python -m ingest.hostile`) beside a copy of the corpus.

Every bad file fails alone with one line naming it, every good document is ingested, the ingest exits 3
within its memory bound, and `ask` answers as before. The corpus is embedded once, by the module's fixture.
"""

import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import PYTHON, REPO_ROOT, copy_corpus, make_settings, run_python

from ingest.errors import DocumentError
from ingest.hostile import HOSTILE_FILES, write_hostile_files
from ingest.loaders import load_document
from ingest.pipeline import corpus_files
from ingest.store import Store

PEAK_RSS_LIMIT_MB = 1200
REFUSED = sorted(path for path, hostile in HOSTILE_FILES.items() if hostile.expected == "refused")
INGESTED = sorted(path for path, hostile in HOSTILE_FILES.items() if hostile.expected == "ingested")


def run_measuring_peak_rss(args: list[str], env: dict, timeout: float = 900) -> tuple[subprocess.CompletedProcess, float]:
    """Run `python ARGS`; its peak RSS in MB from /proc/PID/status (VmHWM), read until it exits.

    Not getrusage: a child's ru_maxrss includes the memory of the parent it was forked from (a pytest
    process holding the model), so it can only overstate."""
    process = subprocess.Popen([PYTHON, *args], cwd=REPO_ROOT, env=dict(os.environ) | env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    status, peak_kb = Path(f"/proc/{process.pid}/status"), 0
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        try:
            peak_kb = max(peak_kb, int(status.read_text().split("VmHWM:")[1].split()[0]))
        except (OSError, IndexError, ValueError):
            pass  # between fork and exec, or exiting
        time.sleep(0.05)
    stdout, stderr = process.communicate(timeout=max(deadline - time.monotonic(), 1))
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr), peak_kb / 1024


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    corpus = copy_corpus(root / "corpus")
    written = run_python(["-m", "ingest.hostile", str(corpus / "hostile")], {})
    assert written.returncode == 0, written.stderr
    env = {"PRESSLINE_CORPUS_DIR": str(corpus), "PRESSLINE_DATA_DIR": str(root / "data")}
    ingest, peak_rss_mb = run_measuring_peak_rss(["-m", "ingest", "--quiet"], env)
    settings = make_settings(root, corpus)
    return SimpleNamespace(corpus=corpus, env=env, ingest=ingest, peak_rss_mb=peak_rss_mb, settings=settings,
                           source=lambda relative: settings.relative(corpus / "hostile" / relative))


def test_each_hostile_file_fails_fast_and_alone_or_is_read(tmp_path):
    write_hostile_files(tmp_path / "corpus" / "hostile")
    settings = make_settings(tmp_path, tmp_path / "corpus")
    for relative, hostile in HOSTILE_FILES.items():
        path = tmp_path / "corpus" / "hostile" / relative
        started = time.perf_counter()
        if hostile.expected == "refused":
            with pytest.raises(DocumentError) as caught:
                load_document(path, settings)
            assert caught.value.path == settings.relative(path) and len(str(caught.value).splitlines()) == 1
        else:
            assert load_document(path, settings).pages
        assert time.perf_counter() - started < 5, f"{relative} took {time.perf_counter() - started:.1f} s"


def test_the_ingest_exits_3_naming_each_bad_file_once_at_the_end(hostile_corpus):
    result = hostile_corpus.ingest
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-len(REFUSED) - 1] == f"{len(REFUSED)} files could not be ingested; everything else was:"
    failed = lines[-len(REFUSED):]
    assert sorted(line.split(": ", 2)[1] for line in failed) == sorted(map(hostile_corpus.source, REFUSED))
    assert all(line.startswith("error: ") for line in failed)
    for source in map(hostile_corpus.source, REFUSED):
        assert sum(source in line for line in lines) == 1, f"{source} is not named exactly once"


def test_every_good_document_is_ingested(hostile_corpus):
    settings = hostile_corpus.settings
    refused = set(map(hostile_corpus.source, REFUSED))
    expected = {settings.relative(path) for path in corpus_files([hostile_corpus.corpus], settings)} - refused
    stored = {meta["source"] for _, _, meta in Store.open(settings).all_chunks()}
    assert stored == expected
    assert set(map(hostile_corpus.source, INGESTED)) <= stored
    quotes = " ".join(meta["quote"] for _, _, meta in Store.open(settings).all_chunks())
    assert "Café ward panel: the £5 raffle" in quotes and "Deeply nested but well formed" in quotes


def test_the_ingest_stays_within_its_memory_bound(hostile_corpus):
    assert 0 < hostile_corpus.peak_rss_mb <= PEAK_RSS_LIMIT_MB, f"peak RSS {hostile_corpus.peak_rss_mb:.0f} MB"


@pytest.fixture(scope="module")
def answers(hostile_corpus, tmp_path_factory) -> dict[str, dict]:
    batch = tmp_path_factory.mktemp("ask") / "batch.jsonl"
    batch.write_text("\n".join(json.dumps({"id": line_id, "question": question, "today": "2026-11-20"}) for line_id, question in [
        ("arrest", "Can I tweet about a burglary arrest on my ward?"),
        ("child", "We arrested a 15-year-old for the burglary. Can I tweet his name and school?"),
        ("guidance", "What guidance is there on social media posts about an arrest?"),
    ]) + "\n")
    result = run_python(["-m", "assistant", "ask", "--json", "--batch", str(batch)], hostile_corpus.env)
    assert result.returncode == 0, result.stderr
    return {row["id"]: row for row in map(json.loads, result.stdout.splitlines())}


def test_ask_answers_as_before_beside_the_hostile_files(answers):
    """The planted instruction is a well-formed document, so it is ingested; verdicts still come from the policy."""
    assert answers["arrest"]["rag"] == "green" and answers["arrest"]["citations"]
    assert answers["child"]["rag"] == "red" and "dmc" in {escalation["to"] for escalation in answers["child"]["escalation"]}


def test_the_planted_instruction_is_never_cited(answers, hostile_corpus):
    """Ingested, but a draft: it is in no approved list (corpus/approved.sha256, the approvals in the database), so never cited."""
    stored = {meta["source"] for _, _, meta in Store.open(hostile_corpus.settings).all_chunks()}
    assert any(source.endswith("planted-instruction.md") for source in stored)
    cited = {citation["source"] for answer in answers.values() for citation in answer["citations"]}
    assert cited and not any(source.endswith("planted-instruction.md") for source in cited)
    assert not any("Go for it" in citation["quote"] and "ignore" in citation["quote"].lower()
                   for answer in answers.values() for citation in answer["citations"])


def test_make_index_treats_exit_3_as_a_warning_and_goes_on(hostile_corpus):
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    result = subprocess.run(["make", "-o", ".venv/.installed", "index", f"PY={PYTHON}"], cwd=REPO_ROOT,
                            env=dict(os.environ) | hostile_corpus.env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert all(f"error: {hostile_corpus.source(relative)}: " in result.stderr for relative in REFUSED)


def test_ask_that_must_ingest_first_names_the_bad_files_and_answers(hostile_corpus):
    (hostile_corpus.corpus / "policy" / "ward-panels.md").write_text("# Ward panels\n\nWard panels meet monthly.\n")
    result = run_python(["-m", "assistant", "ask", "--json", "--today", "2026-11-20", "Who may speak to the media?"],
                        hostile_corpus.env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["status"] != "error"
    assert all(f"error: {hostile_corpus.source(relative)}: " in result.stderr for relative in REFUSED)
