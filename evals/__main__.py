"""`python -m evals [--golden FILE]`: score the engine and the LangChain baseline on the golden set, side by side.

Writes evals/results/<timestamp>/ (results.jsonl, metrics.json, config.json) and prints the summary
table; for the golden set (the default) it also rewrites evals/results/summary.md.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

from assistant.api import Engine
from ingest import offline  # noqa: F401
from ingest.pipeline import index_status, run_ingest
from ingest.settings import Settings, get_settings

from . import baseline as baseline_module
from .golden import GOLDEN_PATH, load_golden
from .metrics import SOURCE_K, Metrics, summarise
from .report import (RESULTS_DIR, commit_line, file_sha256, git_commit, machine, machine_line, markdown_table,
                     millis, percent, timestamp, write_json, write_jsonl)
from .runner import answer_all

SYSTEM_NAMES = {"engine": "Pressline engine", "baseline": "LangChain baseline"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals", description=__doc__)
    parser.add_argument("--golden", type=Path, default=GOLDEN_PATH, help="the question set (default: evals/golden.jsonl)")
    args = parser.parse_args(argv)
    settings = get_settings()
    if index_status(settings) != "fresh":
        print("Bringing the index up to date first…", file=sys.stderr)
        run_ingest(settings)
    rows = load_golden(args.golden)
    engine = Engine(settings)
    run_config = config(settings, engine.resources.store.generation, args.golden)
    print(f"Engine: {len(rows)} questions…", file=sys.stderr)
    engine_results = answer_all("engine", engine.answer, rows, settings)
    with tempfile.TemporaryDirectory(prefix="pressline-baseline-") as folder:
        print("Baseline: indexing the corpus with LangChain…", file=sys.stderr)
        baseline = baseline_module.Baseline.build(settings, Path(folder))
        print(f"Baseline: {len(rows)} questions…", file=sys.stderr)
        baseline_results = answer_all("baseline", baseline.answer, rows, settings)

    metrics = [summarise("engine", engine_results), summarise("baseline", baseline_results)]
    run_dir = RESULTS_DIR / timestamp()
    run_dir.mkdir(parents=True)
    write_jsonl(run_dir / "results.jsonl", [*engine_results, *baseline_results])
    write_json(run_dir / "metrics.json", [m.model_dump() for m in metrics])
    write_json(run_dir / "config.json", run_config)
    summary = render_summary(metrics, run_config, settings, run_dir)
    if args.golden.resolve() == GOLDEN_PATH:  # the tracked summary is the golden set's; other sets only print
        (RESULTS_DIR / "summary.md").write_text(summary, encoding="utf-8")
    print(summary)
    return 0


def config(settings: Settings, index_generation: str, golden: Path) -> dict:
    """Everything that produced the figures, so a run can be explained and repeated."""
    from assistant import retrieve

    return {
        "started": time.strftime("%Y-%m-%d %H:%M"),
        "settings": settings.model_dump(mode="json"),
        "index_generation": index_generation,
        "engine_thresholds": {name: value for name, value in vars(retrieve).items()
                              if name.isupper() and isinstance(value, (int, float))},
        "baseline": baseline_module.CONFIG,
        "source_k": SOURCE_K,
        "git": git_commit(),
        "golden": {"path": settings.relative(golden), "sha256": file_sha256(golden)},
        "machine": machine(),
    }


def render_summary(metrics: list[Metrics], run_config: dict, settings: Settings, run_dir: Path) -> str:
    headers = ["System", "Verdict accuracy", "Unsafe greens", "Green recall", "DMC escalation recall",
               "Legal Services recall", "Out-of-scope precision", "Out-of-scope recall", "Citation validity",
               f"Source recall@{SOURCE_K}", "Source MRR", "Answer contains", "p50 ms", "p95 ms"]
    rows = [[SYSTEM_NAMES[m.system], percent(m.verdict_accuracy), str(m.unsafe_greens), percent(m.green_recall),
             percent(m.dmc_recall), percent(m.legal_recall), percent(m.out_of_scope_precision),
             percent(m.out_of_scope_recall), percent(m.citation_validity), percent(m.source_recall_at_k),
             f"{m.source_mrr:.3f}" if m.source_mrr is not None else "n/a", percent(m.answer_contains),
             millis(m.latency_p50_ms), millis(m.latency_p95_ms)] for m in metrics]
    unsafe = "; ".join(f"{SYSTEM_NAMES[m.system]}: {', '.join(m.unsafe_green_ids) or 'none'}" for m in metrics)
    return "\n".join([
        "# Evaluation summary",
        "",
        f"Run {run_config['started']} on {machine_line(run_config['machine'])}; embedding model "
        f"`{settings.embedding_model}`; commit {commit_line(run_config['git'])}; {metrics[0].questions} questions "
        f"(`{run_config['golden']['path']}`). "
        f"Written by `python -m evals`; the full results are in `evals/results/{run_dir.name}/` (not tracked).",
        "",
        markdown_table(headers, rows),
        "",
        f"Unsafe greens — {unsafe}.",
        "",
        "- **Verdict accuracy**: the verdict is one the row accepts, and the status matches where the row names one.",
        "- **Unsafe greens**: green where green is not acceptable. The figure that matters most.",
        "- **Green recall**: of the questions where green is acceptable, the share answered green.",
        "- **Escalation recall**: of the questions that must go to DMC (or Legal Services), the share that do.",
        "- **Out of scope**: refused as out of scope ↔ the row is out of scope.",
        "- **Citation validity**: share of citations whose quote is verbatim (whitespace aside) in the cited file.",
        f"- **Source recall@{SOURCE_K} / MRR**: of the questions with gold sources, the share citing one of them among "
        f"the first {SOURCE_K} cited documents, and the mean reciprocal rank of the first one cited.",
        "- **Answer contains**: of the questions naming an expected phrase, the share whose answer, assumptions or "
        "quotes contain it.",
        "- **Latency**: per question, warm (the model and index already loaded), on this machine.",
        "- **Baseline**: plain LangChain + Chroma, same embedding model and document text; verdict from the nearest "
        "RAG-table topic, amber/red escalate to DMC, citations from the top three 800-character chunks; never refuses. "
        "Its latency is two similarity_search calls (topic, chunks), each embedding the question.",
        "",
    ])


if __name__ == "__main__":
    sys.exit(main())
