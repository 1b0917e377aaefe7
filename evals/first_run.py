"""`python -m evals.first_run SET.jsonl [--record]`: the first run of a new blind set, every miss listed.

A question set (evals/blind-*.jsonl) is answered by the engine with all readers, then with the first
readers only and the new readers only; a draft set (evals/drafts/*.jsonl) is checked for flags; an answers set
(evals/answers/answers-*.jsonl) is answered and its answer texts searched, an interview topics set
(evals/answers/topics-*.jsonl) briefed. Each
part prints its figures, then one line per wrong answer ("UNSAFE" before an unsafe green) or per
missed and wrong flag. With `--record` the report is also saved as
evals/results/first-runs/<set>_first-run_<commit>.txt, the record the README's history table cites;
without it nothing is written.
"""

import argparse
import sys
from pathlib import Path

from assistant.api import Engine
from assistant.readers import FIRST_READERS, NEW_READERS
from ingest import offline  # noqa: F401
from ingest.pipeline import index_status
from ingest.settings import Settings, get_settings

from .answers import ANSWERS_DIR, load_answers, load_topics, score_answers, score_topics
from .drafts import DRAFTS_DIR, DRAFTS_TODAY, load_drafts, score_drafts
from .golden import load_golden
from .metrics import summarise
from .report import RESULTS_DIR, git_commit
from .runner import answer_all
from .scoring import QuestionResult

FIRST_RUNS_DIR = RESULTS_DIR / "first-runs"
READERS = {"all": None, "first": FIRST_READERS, "new": NEW_READERS}


def question_report(path: Path, engine: Engine, settings: Settings) -> str:
    rows = load_golden(path)
    lines = []
    for name, readers in READERS.items():
        variant = engine if readers is None else Engine(settings, resources=engine.resources, readers=readers, audit=False)
        results = answer_all("engine", variant.answer, rows, settings)
        m = summarise("engine", results)
        lines.append(f"== {path.name} readers: {name}")
        lines.append(f"acc {m.verdict_accuracy:.3f} unsafe {m.unsafe_greens} green_recall {_fmt(m.green_recall)} "
                     f"dmc {_fmt(m.dmc_recall)} legal {_fmt(m.legal_recall)} "
                     f"oos_p {_fmt(m.out_of_scope_precision)} oos_r {_fmt(m.out_of_scope_recall)}")
        lines += [_miss_line(r) for r in results if _wrong(r)]
    return "\n".join(lines) + "\n"


def draft_report(path: Path, engine: Engine) -> str:
    score = score_drafts(load_drafts(path), engine.check_draft, DRAFTS_TODAY)
    lines = [f"== {path.name}: drafts {score.drafts} recall {score.recall} precision {score.precision} "
             f"clean raised {score.clean_drafts_raised}/{score.clean_drafts}", "missed :"]
    lines += [f"    {entry}" for entry in score.missed]
    lines += ["wrong :"] + [f"    {entry}" for entry in score.wrong]
    return "\n".join(lines) + "\n"


def answers_report(path: Path, engine: Engine) -> str:
    score = score_answers(load_answers(path), engine.answer)
    found = round(score.in_answer * score.questions)
    lines = [f"{path.name}: {score.questions} questions; in the answer {score.in_answer:.1%} ({found}/{score.questions}); "
             f"in the answer or a quote {score.in_answer_or_citation:.1%}; contact first unit {score.contact_first_unit}; "
             f"unquoted units {len(score.unquoted_units)}"]
    for miss in score.misses:
        lines.append(f"MISS {miss.id} {miss.kind} status={miss.status} rag={miss.rag} in_a_citation={miss.in_a_citation} "
                     f":: {miss.question}")
        lines.append(f"    answer: {miss.answer[:400]}".replace("\n", " "))
    return "\n".join(lines) + "\n"


def topics_report(path: Path, engine: Engine) -> str:
    score = score_topics(load_topics(path), engine.prepare_interview, DRAFTS_TODAY)
    right = round(score.right * score.topics)
    lines = [f"{path.name}: {score.topics} topics; right {score.right:.1%} ({right}/{score.topics}); covered "
             f"{_fmt(score.covered_right)}; not covered {_fmt(score.uncovered_right)}"]
    for miss in score.misses:
        lines.append(f"MISS {miss.id} covered={miss.covered} said_covered={miss.said_covered} :: {miss.topic}")
        lines += [f"    key message: {message[:200]}" for message in miss.key_messages]
    return "\n".join(lines) + "\n"


def _wrong(r: QuestionResult) -> bool:
    """Wrong verdict or status, or a missed DMC or Legal Services escalation."""
    return (not r.verdict_ok or (r.expected_dmc and "dmc" not in r.escalation)
            or (r.expected_legal and "legal_services" not in r.escalation))


def _miss_line(r: QuestionResult) -> str:
    flag = "UNSAFE " if r.unsafe_green else ""
    return (f"{flag}{r.id} [{r.category}] exp={r.expected_rag}/{r.expected_status} dmc={r.expected_dmc} "
            f"legal={r.expected_legal} got={r.rag}/{r.status} esc={r.escalation} :: {r.question[:150]}")


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.first_run", description=__doc__)
    parser.add_argument("path", type=Path, help="a blind question set, a draft set, an answers set or an interview topics set")
    parser.add_argument("--record", action="store_true", help="also save the report under evals/results/first-runs/")
    args = parser.parse_args(argv)
    settings = get_settings()
    if index_status(settings) != "fresh":
        print("The index is not up to date: run `python -m ingest` first.", file=sys.stderr)
        return 2
    commit = git_commit()
    if args.record and commit["uncommitted_changes"]:
        print("--record names the commit the run was at: commit the work tree first.", file=sys.stderr)
        return 2
    engine = Engine(settings, audit=False)
    folder = args.path.resolve().parent
    is_drafts = folder == DRAFTS_DIR.resolve()
    if is_drafts:
        report = draft_report(args.path, engine)
    elif folder == ANSWERS_DIR.resolve():
        report = (topics_report if args.path.name.startswith("topics-") else answers_report)(args.path, engine)
    else:
        report = question_report(args.path, engine, settings)
    print(report, end="")
    if args.record:
        name = f"drafts-{args.path.stem}" if is_drafts else args.path.stem
        target = FIRST_RUNS_DIR / f"{name}_first-run_{commit['commit'][:7]}.txt"
        target.write_text(report, encoding="utf-8")
        print(f"recorded: {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
