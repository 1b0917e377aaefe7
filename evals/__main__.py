"""`python -m evals [--golden FILE] [--write-readme]`: score the engine and the LangChain baseline on every question set.

The blind sets written for the typed-Facts engine (evals/blind-2026-12-*.jsonl) are also scored with
the first readers only (phrases and aliases) and the new readers only (people and examples), beside
all of them; the blind draft sets (evals/drafts/) are scored for flag recall and precision.

Writes evals/results/<timestamp>/ (results, metrics and config per set) and prints the summary;
`--write-readme` also rewrites evals/results/summary.md and the README's figures. Nothing tracked
changes without it.
"""

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

from assistant.api import Engine
from assistant.calibration import load_calibration
from assistant.readers import FIRST_READERS, NEW_READERS
from ingest import offline  # noqa: F401
from ingest.pipeline import index_status, run_ingest
from ingest.settings import Settings, get_settings

from . import baseline as baseline_module
from .answers import ANSWERS_DIR, AnswersScore, TopicsScore, load_answers, load_topics, score_answers, score_topics
from .drafts import DRAFTS_DIR, DRAFTS_TODAY, DraftScore, load_drafts, score_drafts
from .golden import BLIND_PATH, GOLDEN_PATH, HOLDOUT_PATH, load_golden
from .metrics import SOURCE_K, Metrics, summarise
from .report import (RESULTS_DIR, commit_line, file_sha256, git_commit, machine, machine_line, markdown_table,
                     millis, percent, timestamp, update_readme_block, write_json, write_jsonl)
from .runner import answer_all

SYSTEM_NAMES = {"engine": "Pressline engine", "engine_first_readers": "Engine, first readers only (phrases, aliases)",
                "engine_new_readers": "Engine, new readers only (people, examples)", "baseline": "LangChain baseline"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals", description=__doc__)
    parser.add_argument("--golden", type=Path, help="score only this question set (default: every set in evals/)")
    parser.add_argument("--write-readme", action="store_true", help="rewrite evals/results/summary.md and the README's figures")
    args = parser.parse_args(argv)
    settings = get_settings()
    if index_status(settings) != "fresh":
        print("Bringing the index up to date first…", file=sys.stderr)
        run_ingest(settings)
    question_sets = [args.golden] if args.golden else [GOLDEN_PATH, HOLDOUT_PATH, BLIND_PATH, *sorted(GOLDEN_PATH.parent.glob("blind-*.jsonl"))]
    engine = Engine(settings, audit=False)  # scoring questions is not an officer asking: nothing for the audit log
    variants = {"engine_first_readers": Engine(settings, resources=engine.resources, readers=FIRST_READERS, audit=False),
                "engine_new_readers": Engine(settings, resources=engine.resources, readers=NEW_READERS, audit=False)}
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
            systems = {"engine": engine.answer}
            if question_set.stem.startswith("blind-"):
                systems |= {name: variant.answer for name, variant in variants.items()}
            systems["baseline"] = baseline.answer
            results = [result for name, answer in systems.items() for result in answer_all(name, answer, rows, settings)]
            metrics = [summarise(system, [r for r in results if r.system == system]) for system in systems]
            write_jsonl(run_dir / f"{question_set.stem}-results.jsonl", results)
            write_json(run_dir / f"{question_set.stem}-metrics.json", [m.model_dump() for m in metrics])
            write_json(run_dir / f"{question_set.stem}-config.json", run_config)
            sections.append((question_set, metrics, run_config))
    draft_sections = [] if args.golden else score_draft_sets(engine, run_dir)
    answer_sections = [] if args.golden else score_answer_sets(engine, run_dir)
    extras = render_drafts(draft_sections) + render_answers(answer_sections)
    summary = render_summary(sections, settings, run_dir) + extras
    if args.write_readme and not args.golden:  # the tracked summary and the README's figures are the default run's
        (RESULTS_DIR / "summary.md").write_text(summary, encoding="utf-8")
        update_readme_block("eval", readme_figures(sections) + extras)
    print(summary)
    return 0


def score_draft_sets(engine: Engine, run_dir: Path) -> list[tuple[Path, DraftScore]]:
    found = []
    for path in sorted(DRAFTS_DIR.glob("*.jsonl")):
        score = score_drafts(load_drafts(path), engine.check_draft, DRAFTS_TODAY)
        write_json(run_dir / f"drafts-{path.stem}.json", score.model_dump())
        found.append((path, score))
    return found


def render_drafts(sections: list[tuple[Path, DraftScore]]) -> str:
    if not sections:
        return ""
    rows = [[f"`evals/drafts/{path.name}`", str(score.drafts), percent(score.recall), percent(score.precision),
             f"{score.clean_drafts_raised} / {score.clean_drafts}"] for path, score in sections]
    return ("\n**Draft posts written blind** (a flag counts when it overlaps a labelled span and is of the right kind)\n\n"
            + markdown_table(["Set", "Drafts", "Flag recall", "Flag precision", "Clean drafts raised"], rows) + "\n")


def score_answer_sets(engine: Engine, run_dir: Path) -> list[tuple[Path, AnswersScore | TopicsScore]]:
    """The answers sets (answers-*.jsonl) and the interview topics (topics-*.jsonl) written blind."""
    found = []
    for path in sorted(ANSWERS_DIR.glob("*.jsonl")):
        if path.name.startswith("topics-"):
            score = score_topics(load_topics(path), engine.prepare_interview, DRAFTS_TODAY)
        else:
            score = score_answers(load_answers(path), engine.answer)
        write_json(run_dir / f"answers-{path.stem}.json", score.model_dump())
        found.append((path, score))
    return found


def render_answers(sections: list[tuple[Path, AnswersScore | TopicsScore]]) -> str:
    questions = [(path, score) for path, score in sections if isinstance(score, AnswersScore)]
    topics = [(path, score) for path, score in sections if isinstance(score, TopicsScore)]
    text = ""
    if questions:
        rows = [[f"`evals/answers/{path.name}`", str(score.questions), percent(score.in_answer),
                 percent(score.in_answer_or_citation), percent(score.contact_first_unit), str(len(score.unquoted_units))]
                for path, score in questions]
        text += ("\n**Informational, interview and contact questions written blind** (the answer text holds a fact the "
                 "question asks for)\n\n" + markdown_table(["Set", "Questions", "In the answer", "In the answer or a quote",
                                                            "Contact: in the first unit", "Quoted units not verbatim"], rows) + "\n")
    if topics:
        rows = [[f"`evals/answers/{path.name}`", str(score.topics), percent(score.right), percent(score.covered_right),
                 percent(score.uncovered_right)] for path, score in topics]
        text += ("\n**Interview topics written blind** (covered: three or more key messages, one holding a key fact; "
                 "not covered: the brief says so)\n\n"
                 + markdown_table(["Set", "Topics", "Right", "Covered topics right", "Uncovered topics right"], rows) + "\n")
    return text


def config(settings: Settings, index_generation: str, golden: Path) -> dict:
    """Everything that produced the figures, so a run can be explained and repeated."""
    from assistant import retrieve

    return {
        "started": time.strftime("%Y-%m-%d %H:%M"),
        "settings": settings.model_dump(mode="json"),
        "index_generation": index_generation,
        "engine_thresholds": {name: value for name, value in vars(retrieve).items()
                              if name.isupper() and isinstance(value, (int, float))},
        "example_thresholds": load_calibration().model_dump(),
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
             "blind": "Second blind set (see the note below)",
             "blind-2026-12-dev": "Blind set of December 2026, development half (tuned on)"}
BATCH_ORDINALS = {"": "First", **{letter: ordinal for letter, ordinal in zip(
    "bcdefghijklmnop", ("Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh",
                        "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth"))}}
BATCH_HALF = re.compile(r"blind-2026-12([b-p]?)-(dev|test)")


def set_name(stem: str) -> str:
    """The README's title for a question set: the December batches by their order and half."""
    if stem in SET_NAMES:
        return SET_NAMES[stem]
    if not (batch := BATCH_HALF.fullmatch(stem)):
        return stem
    letter, half = batch.groups()
    name = "Blind set of December 2026" if not letter else f"{BATCH_ORDINALS[letter]} blind batch of December 2026"
    return f"{name}, development half (tuned on after its first run)" if half == "dev" \
        else f"{name}, test half (a regression set after its first run)"


def metrics_table(metrics: list[Metrics]) -> str:
    rows = [[SYSTEM_NAMES[m.system], percent(m.verdict_accuracy), str(m.unsafe_greens), percent(m.green_recall),
             percent(m.dmc_recall), percent(m.legal_recall), percent(m.out_of_scope_precision),
             percent(m.out_of_scope_recall), percent(m.citation_validity), percent(m.source_recall_at_k),
             f"{m.source_mrr:.3f}" if m.source_mrr is not None else "n/a", percent(m.answer_contains),
             millis(m.latency_p50_ms), millis(m.latency_p95_ms)] for m in metrics]
    return markdown_table(HEADERS, rows)


def set_title(question_set: Path, metrics: list[Metrics]) -> str:
    return f"{set_name(question_set.stem)}: {metrics[0].questions} questions (`evals/{question_set.name}`)"


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
