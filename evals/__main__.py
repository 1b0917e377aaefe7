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
from .golden import BLIND_PATH, GOLDEN_PATH, HOLDOUT_PATH, load_golden
from .metrics import SOURCE_K, Metrics, summarise
from .report import (RESULTS_DIR, commit_line, file_sha256, git_commit, machine, machine_line, markdown_table,
                     millis, percent, timestamp, update_readme_block, write_json, write_jsonl)
from .runner import answer_all

SYSTEM_NAMES = {"engine": "Pressline engine", "baseline": "LangChain baseline"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals", description=__doc__)
    parser.add_argument("--golden", type=Path, help="score only this question set (default: the golden, held-out and blind sets)")
    args = parser.parse_args(argv)
    settings = get_settings()
    if index_status(settings) != "fresh":
        print("Bringing the index up to date first…", file=sys.stderr)
        run_ingest(settings)
    question_sets = [args.golden] if args.golden else [GOLDEN_PATH, HOLDOUT_PATH, BLIND_PATH]
    engine = Engine(settings)
    run_dir = RESULTS_DIR / timestamp()
    run_dir.mkdir(parents=True)
    sections = []
    with tempfile.TemporaryDirectory(prefix="pressline-baseline-") as folder:
        print("Baseline: indexing the corpus with LangChain…", file=sys.stderr)
        baseline = baseline_module.Baseline.build(settings, Path(folder))
        for question_set in question_sets:
            rows = load_golden(question_set)
            run_config = config(settings, engine.resources.store.generation, question_set)
            print(f"{question_set.name}: {len(rows)} questions, engine then baseline…", file=sys.stderr)
            results = answer_all("engine", engine.answer, rows, settings) + answer_all("baseline", baseline.answer, rows, settings)
            metrics = [summarise(system, [r for r in results if r.system == system]) for system in ("engine", "baseline")]
            write_jsonl(run_dir / f"{question_set.stem}-results.jsonl", results)
            write_json(run_dir / f"{question_set.stem}-metrics.json", [m.model_dump() for m in metrics])
            write_json(run_dir / f"{question_set.stem}-config.json", run_config)
            sections.append((question_set, metrics, run_config))
    summary = render_summary(sections, settings, run_dir)
    if not args.golden:  # the tracked summary and the README's figures are the default run's
        (RESULTS_DIR / "summary.md").write_text(summary, encoding="utf-8")
        update_readme_block("eval", readme_figures(sections))
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


HEADERS = ["System", "Verdict accuracy", "Unsafe greens", "Green recall", "DMC escalation recall",
           "Legal Services recall", "Out-of-scope precision", "Out-of-scope recall", "Citation validity",
           f"Source recall@{SOURCE_K}", "Source MRR", "Answer contains", "p50 ms", "p95 ms"]
SET_NAMES = {"golden": "Golden set", "holdout": "Held-out set (written blind; see the note below)",
             "blind": "Second blind set (see the note below)"}


def metrics_table(metrics: list[Metrics]) -> str:
    rows = [[SYSTEM_NAMES[m.system], percent(m.verdict_accuracy), str(m.unsafe_greens), percent(m.green_recall),
             percent(m.dmc_recall), percent(m.legal_recall), percent(m.out_of_scope_precision),
             percent(m.out_of_scope_recall), percent(m.citation_validity), percent(m.source_recall_at_k),
             f"{m.source_mrr:.3f}" if m.source_mrr is not None else "n/a", percent(m.answer_contains),
             millis(m.latency_p50_ms), millis(m.latency_p95_ms)] for m in metrics]
    return markdown_table(HEADERS, rows)


def set_title(question_set: Path, metrics: list[Metrics]) -> str:
    return f"{SET_NAMES.get(question_set.stem, question_set.stem)}: {metrics[0].questions} questions (`evals/{question_set.name}`)"


def run_line(run_config: dict, settings: Settings) -> str:
    return (f"Run {run_config['started']} on {machine_line(run_config['machine'])}; embedding model "
            f"`{settings.embedding_model}`; commit {commit_line(run_config['git'])}.")


def readme_figures(sections) -> str:
    """The README's "How well it works" figures: one table per question set."""
    lines = [run_line(sections[0][2], get_settings()), ""]
    for question_set, metrics, _ in sections:
        lines += [f"**{set_title(question_set, metrics)}**", "", metrics_table(metrics), ""]
    return "\n".join(lines)


def render_summary(sections, settings: Settings, run_dir: Path) -> str:
    lines = ["# Evaluation summary", "", run_line(sections[0][2], settings) +
             f" Written by `python -m evals`; the full results are in `evals/results/{run_dir.name}/` (not tracked).", ""]
    for question_set, metrics, _ in sections:
        unsafe = "; ".join(f"{SYSTEM_NAMES[m.system]}: {', '.join(m.unsafe_green_ids) or 'none'}" for m in metrics)
        lines += [f"## {set_title(question_set, metrics)}", "", metrics_table(metrics), "", f"Unsafe greens — {unsafe}.", ""]
    lines += [
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
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
