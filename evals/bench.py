"""`python -m evals.bench`: speed and memory on this machine, each figure printed beside its goal.

Figures are printed and written (evals/results/bench-<timestamp>.json and evals/results/bench.md),
never asserted on: they depend on the machine and on whatever else it is doing (the load average
is recorded with them).

- Query, at the real corpus: warm latency of the full pipeline (Engine.answer), of embedding the
  question alone (the floor), of the retrieval step, and of the baseline's similarity_search (k=3).
- Query, at 10k and 100k chunks: a temporary Chroma collection (cosine) and BM25 index holding texts
  drawn from the corpus chunks with *stand-in random unit vectors* (the real model would take hours
  to embed them here). The retrieval step (dense query + BM25 + fusion) and the baseline's
  similarity_search are timed on it; the full engine runs on the real index only.
- Ingest (ingest.bench), peak memory of an ingest process and of one that has answered 100
  questions, and the cold start of `python -m assistant ask --json`.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from ingest import offline  # noqa: F401
from ingest.bench import IngestFigures, measure
from ingest.documents import Chunk
from ingest.keyword import KeywordIndex
from ingest.settings import REPO_ROOT, Settings
from ingest.store import Store, open_client

from .baseline import CITED_CHUNKS
from .golden import GOLDEN_PATH, load_golden
from .metrics import percentile
from .report import (RESULTS_DIR, commit_line, file_sha256, git_commit, machine, machine_line, markdown_table,
                     timestamp, update_readme_block, write_json)

SCALES = (10_000, 100_000)
DIMENSIONS = 384
INSERT_BATCH = 5000
SEED = 20261120
COLD_START_RUNS = 3
COLD_START_QUESTION = "Can I tweet about a burglary arrest on my ward?"
COLD_START_TODAY = "2026-11-20"
RSS_LIMIT_MB = 1200.0
SCALE_P95_LIMIT_MS = 30.0


@dataclass
class Latency:
    p50_ms: float
    p95_ms: float
    samples: int


def timed(calls: dict[str, Callable], items: Iterable) -> dict[str, Latency]:
    """Time each call on each item, after one untimed round. The calls take turns item by item, so that
    a busy spell on the machine slows all of them alike and the figures stay comparable."""
    items = list(items)
    for call in calls.values():
        call(items[0])
    times: dict[str, list[float]] = {name: [] for name in calls}
    for item in items:
        for name, call in calls.items():
            started = time.perf_counter()
            call(item)
            times[name].append((time.perf_counter() - started) * 1000)
    return {name: Latency(percentile(values, 50), percentile(values, 95), len(values)) for name, values in times.items()}


@dataclass
class Goal:
    name: str
    figure: str
    target: str
    met: bool


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.bench", description=__doc__)
    parser.add_argument("--write-readme", action="store_true", help="rewrite evals/results/bench.md and the README's figures")
    args = parser.parse_args(argv)
    started = time.strftime("%Y-%m-%d %H:%M")
    info = machine()
    rows = load_golden()
    with tempfile.TemporaryDirectory(prefix="pressline-bench-") as tmp:
        folder = Path(tmp)
        settings = Settings(data_dir=folder / "index")
        print("Ingest…", file=sys.stderr)
        ingest = measure(settings)
        print("Cold start…", file=sys.stderr)
        cold = cold_start(settings)
        print("Query latency at the real corpus…", file=sys.stderr)
        query, retrieval, baseline, vectors = real_corpus_latency(settings, rows, folder / "baseline")
        scale = {"corpus": {"chunks": ingest.chunks, **retrieval, "baseline": query["baseline_search"]}}
        for size in SCALES:
            print(f"Stand-in store of {size:,} chunks…", file=sys.stderr)
            scale[f"{size}"] = stand_in_latency(size, folder / f"stand-in-{size}", settings, rows, vectors, baseline)
        print("Peak memory…", file=sys.stderr)
        memory = {
            "ingest": peak_rss("ingest", folder / "rss-ingest"),
            "answered_100": peak_rss("answer", settings.data_dir),
        }
    info["load_average_after"] = list(os.getloadavg())
    goals = judge(ingest, query, scale, memory)
    figures = {
        "started": started, "machine": info, "git": git_commit(), "settings": settings.model_dump(mode="json"),
        "golden": {"questions": len(rows), "sha256": file_sha256(GOLDEN_PATH)},
        "method": {"stand_in_vectors": f"random unit vectors of dimension {DIMENSIONS} (seed {SEED})",
                   "insert_batch": INSERT_BATCH, "scales": list(SCALES), "cold_start_runs": COLD_START_RUNS},
        "ingest": asdict(ingest), "query": {name: asdict(value) for name, value in query.items()},
        "scale": {name: {key: asdict(value) if isinstance(value, Latency) else value for key, value in entry.items()}
                  for name, entry in scale.items()},
        "memory_mb": memory, "cold_start": cold, "goals": [asdict(goal) for goal in goals],
    }
    write_json(RESULTS_DIR / f"bench-{timestamp()}.json", figures)
    markdown = render(figures, goals, info)
    if args.write_readme:
        (RESULTS_DIR / "bench.md").write_text(markdown, encoding="utf-8")
        update_readme_block("bench", f"Run {figures['started']} on {machine_line(info)}.\n\n{goals_table(goals)}")
    print(markdown)
    return 0


def real_corpus_latency(settings: Settings, rows, baseline_folder: Path):
    """The full pipeline, the embedding floor, the retrieval step and the baseline's search, on the real index."""
    from assistant.api import Engine

    from .baseline import Baseline

    engine = Engine(settings, audit=False)
    res = engine.resources
    baseline = Baseline.build(settings, baseline_folder)
    vectors = [res.embed(row.question) for row in rows]
    query = timed({
        "full_pipeline": lambda row: engine.answer(row.question, row.today, row.history),
        "embed_floor": lambda row: res.embed(row.question),
        "baseline_search": lambda row: baseline.retrieve(row.question),
    }, rows)
    return query, retrieval_latency(res, rows, vectors), baseline, vectors


def retrieval_latency(res, rows, vectors, baseline_search: Callable | None = None) -> dict[str, Latency]:
    """The retrieval step (the question already embedded), its dense and BM25 searches alone, and the baseline's
    search when given one."""
    from assistant.retrieve import CANDIDATES, retrieve

    calls = {
        "retrieval": lambda pair: retrieve(res, pair[0].question, pair[1], pair[0].today),
        "dense": lambda pair: res.store.dense(pair[1], CANDIDATES),
        "bm25": lambda pair: res.keyword.search(pair[0].question, CANDIDATES),
    }
    if baseline_search:
        calls["baseline"] = lambda pair: baseline_search(pair[0].question)
    return timed(calls, zip(rows, vectors))


def stand_in_latency(size: int, folder: Path, settings: Settings, rows, vectors, baseline) -> dict:
    """Build a stand-in store of `size` chunks through the real write path, then time retrieval on it."""
    from langchain_chroma import Chroma

    from assistant.resources import ChunkRow, Resources, get_resources

    corpus = list(get_resources(settings).rows.values())
    stand_in = Settings(data_dir=folder, collection="stand-in")
    store = Store.open(stand_in, create=True)
    rng = np.random.default_rng(SEED)
    chunks = []
    for number in range(size):
        row = corpus[number % len(corpus)]
        chunks.append(Chunk(id=f"stand-in-{number:06d}", doc_id=row.doc_id, text=row.text,
                            quote=row.meta.get("quote", ""), metadata=row.meta))
    started = time.perf_counter()
    for start in range(0, size, INSERT_BATCH):
        part = chunks[start : start + INSERT_BATCH]
        unit = rng.standard_normal((len(part), DIMENSIONS)).astype(np.float32)
        unit /= np.linalg.norm(unit, axis=1, keepdims=True)
        store.upsert(part, unit, ["stand-in"] * len(part), ["stand-in"] * len(part))
    insert_seconds = time.perf_counter() - started
    started = time.perf_counter()
    keyword = KeywordIndex.build([chunk.id for chunk in chunks], [chunk.text for chunk in chunks], "stand-in")
    bm25_seconds = time.perf_counter() - started
    res = Resources(stand_in, store, keyword, [ChunkRow(chunk.id, chunk.text, chunk.metadata) for chunk in chunks])
    search = Chroma(client=open_client(stand_in), collection_name=stand_in.collection,
                    embedding_function=baseline.chunks.embeddings)
    return {
        "chunks": store.count(),
        "insert_seconds": insert_seconds,
        "bm25_build_seconds": bm25_seconds,
        **retrieval_latency(res, rows, vectors, lambda question: search.similarity_search(question, k=CITED_CHUNKS)),
    }


def run_python(args: list[str], env: dict | None = None) -> str:
    """Run `python ARGS` from the repo root; its stdout, or an error carrying the end of its stderr."""
    result = subprocess.run([sys.executable, *args], cwd=REPO_ROOT, env=dict(os.environ) | (env or {}),
                            capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"python {' '.join(args)} exited {result.returncode}:\n{result.stderr[-2000:]}")
    return result.stdout


def peak_rss(workload: str, data_dir: Path) -> float:
    output = run_python(["-m", "evals.peak_rss", workload, str(data_dir)])
    return json.loads(output.strip().splitlines()[-1])["peak_rss_mb"]


def cold_start(settings: Settings) -> dict:
    """Seconds from starting `python -m assistant ask --json` (index already built) to its answer."""
    seconds = []
    for _ in range(COLD_START_RUNS):
        started = time.perf_counter()
        output = run_python(["-m", "assistant", "ask", "--json", "--no-audit", "--today", COLD_START_TODAY, COLD_START_QUESTION],
                            {"PRESSLINE_DATA_DIR": str(settings.data_dir), "PRESSLINE_CORPUS_DIR": str(settings.corpus_dir)})
        seconds.append(time.perf_counter() - started)
        status = json.loads(output)["status"]
    return {"first_seconds": seconds[0], "median_seconds": statistics.median(seconds), "runs": seconds, "status": status}


def judge(ingest: IngestFigures, query: dict, scale: dict, memory: dict) -> list[Goal]:
    full, floor, base = query["full_pipeline"], query["embed_floor"], query["baseline_search"]
    at_100k = scale[f"{SCALES[-1]}"]["retrieval"]
    ratio = ingest.ingest_seconds / ingest.embed_only_seconds
    return [
        Goal("full pipeline p50 vs embedding floor", f"{full.p50_ms:.1f} ms vs {floor.p50_ms:.1f} ms "
             f"({full.p50_ms / floor.p50_ms:.1f}×)", "≤ 2× the floor", full.p50_ms <= 2 * floor.p50_ms),
        Goal("full pipeline p95 vs embedding floor p95", f"{full.p95_ms:.1f} ms vs {floor.p95_ms:.1f} ms "
             f"({full.p95_ms / floor.p95_ms:.1f}×)", "≤ 3× the floor", full.p95_ms <= 3 * floor.p95_ms),
        Goal("full pipeline p50 vs baseline search", f"{full.p50_ms:.1f} ms vs {base.p50_ms:.1f} ms",
             "no slower than the baseline", full.p50_ms <= base.p50_ms),
        Goal("full ingest vs embedding only", f"{ingest.ingest_seconds:.1f} s vs {ingest.embed_only_seconds:.1f} s "
             f"({ratio:.2f}×)", "≤ 1.2×", ratio <= 1.2),
        Goal("no-change re-ingest", f"{ingest.reingest_embedded} chunks embedded in {ingest.reingest_seconds:.2f} s",
             "embeds nothing", ingest.reingest_embedded == 0),
        Goal(f"retrieval p95 at {SCALES[-1]:,} chunks", f"{at_100k.p95_ms:.1f} ms", f"< {SCALE_P95_LIMIT_MS:.0f} ms",
             at_100k.p95_ms < SCALE_P95_LIMIT_MS),
        Goal("peak RSS, ingest process", f"{memory['ingest']:.0f} MB", f"< {RSS_LIMIT_MB:.0f} MB",
             memory["ingest"] < RSS_LIMIT_MB),
        Goal("peak RSS, after 100 answers", f"{memory['answered_100']:.0f} MB", f"< {RSS_LIMIT_MB:.0f} MB",
             memory["answered_100"] < RSS_LIMIT_MB),
    ]


def goals_table(goals: list[Goal]) -> str:
    rows = [[goal.name, goal.figure, goal.target, "pass" if goal.met else "**miss**"] for goal in goals]
    return markdown_table(["Goal", "Figure", "Target", "Result"], rows)


def render(figures: dict, goals: list[Goal], info: dict) -> str:
    ingest, query, cold = figures["ingest"], figures["query"], figures["cold_start"]
    latency_rows = [[label, f"{query[key]['p50_ms']:.1f}", f"{query[key]['p95_ms']:.1f}"] for key, label in (
        ("full_pipeline", "Full pipeline (Engine.answer)"), ("embed_floor", "Embedding the question alone (floor)"),
        ("baseline_search", "Baseline similarity_search, k=3"))]
    scale_rows = [
        [f"{entry['chunks']:,}" + (" (real corpus)" if name == "corpus" else " (stand-in)"),
         *(f"{entry[part]['p50_ms']:.1f} / {entry[part]['p95_ms']:.1f}" for part in ("retrieval", "dense", "bm25", "baseline")),
         f"{entry['insert_seconds']:.0f} s + {entry['bm25_build_seconds']:.0f} s" if "insert_seconds" in entry else "—"]
        for name, entry in figures["scale"].items()
    ]
    load = " → ".join(", ".join(f"{value:.2f}" for value in info[key]) for key in ("load_average", "load_average_after"))
    return "\n".join([
        "# Benchmarks",
        "",
        f"Run {figures['started']} on {machine_line(info)}; commit {commit_line(figures['git'])}; "
        f"load average (1, 5, 15 min) before → after {load}. "
        f"Written by `python -m evals.bench`; figures in `evals/results/bench-*.json` (not tracked). "
        "Latencies are warm, per golden question, in ms.",
        "",
        "## Goals",
        "",
        goals_table(goals),
        "",
        f"## Query latency at the real corpus ({figures['golden']['questions']} golden questions)",
        "",
        markdown_table(["Step", "p50 ms", "p95 ms"], latency_rows),
        "",
        "## Retrieval at scale",
        "",
        f"Stand-in stores hold texts drawn from the corpus chunks with random unit vectors of dimension {DIMENSIONS}, "
        f"not real embeddings; they are inserted through the ingest's write path in batches of {INSERT_BATCH}. "
        "Retrieval = dense query + BM25 search + fusion (assistant.retrieve.retrieve, the query already embedded); "
        "its dense and BM25 searches are also timed alone. The baseline's similarity_search (k=3) embeds the "
        "question itself. Times in ms.",
        "",
        markdown_table(["Chunks", "Retrieval p50 / p95", "of which dense", "of which BM25", "Baseline search p50 / p95",
                        "Build (insert + BM25)"], scale_rows),
        "",
        "## Ingest, memory, cold start",
        "",
        markdown_table(["Figure", "Value"], [
            ["Documents / chunks", f"{ingest['documents']} / {ingest['chunks']}"],
            ["Full ingest", f"{ingest['ingest_seconds']:.1f} s ({ingest['chunks_per_second']:.1f} chunks/s)"],
            ["Embedding the same texts only (chunks, unit keys, example bank)", f"{ingest['embed_only_seconds']:.1f} s"],
            ["No-change re-ingest", f"{ingest['reingest_seconds']:.2f} s, {ingest['reingest_embedded']} embedded"],
            ["Peak RSS, ingest process", f"{figures['memory_mb']['ingest']:.0f} MB"],
            ["Peak RSS, process after 100 answers", f"{figures['memory_mb']['answered_100']:.0f} MB"],
            ["Cold start to first answer (`ask --json`)",
             f"{cold['first_seconds']:.1f} s first, {cold['median_seconds']:.1f} s median of {len(cold['runs'])}"],
        ]),
        "",
    ])


if __name__ == "__main__":
    sys.exit(main())
