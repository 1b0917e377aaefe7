"""The golden set through the real engine over a real index. Deterministic, so it runs in CI.

Each failure lists the offending questions with what was expected and what came back: the lines to
tune the engine from.
"""

import json

import pytest
from conftest import CORPUS

from assistant.api import Engine
from evals.first_run import question_report
from evals.golden import GOLDEN_PATH, load_golden
from evals.runner import answer_all
from ingest.loaders import load_document
from ingest.pipeline import corpus_files

VERDICT_ACCURACY_FLOOR = 0.90
GREEN_RECALL_FLOOR = 0.90


@pytest.fixture(scope="module")
def engine(corpus_settings) -> Engine:
    return Engine(corpus_settings, audit=False)


@pytest.fixture(scope="module")
def results(corpus_settings, engine):
    return answer_all("engine", engine.answer, load_golden(), corpus_settings)


def listing(failures) -> str:
    return "\n".join(result.describe() for result in failures)


@pytest.mark.parametrize("question_set", sorted(GOLDEN_PATH.parent.glob("*.jsonl")), ids=lambda path: path.name)
def test_question_sets_are_valid_and_name_only_documents_that_exist(question_set, corpus_settings):
    rows = load_golden(question_set)
    doc_ids = {load_document(path, corpus_settings).id for path in corpus_files([CORPUS], corpus_settings)}
    unknown = {row.id: sorted(set(row.sources) - doc_ids) for row in rows if set(row.sources) - doc_ids}
    assert not unknown, f"sources that are no document's id: {unknown}"


KNOWN_UNSAFE_PATH = GOLDEN_PATH.parent / "known-unsafe-greens.json"
"""Unsafe greens found by a blind set's first run and not yet fixed, each with its reason: listed, never hidden."""


@pytest.fixture(scope="module")
def every_set_results(corpus_settings, engine, results):
    """(set file, result) for the golden set and the blind sets: safety holds on questions nobody tuned for too."""
    others = [path for path in sorted(GOLDEN_PATH.parent.glob("*.jsonl")) if path != GOLDEN_PATH]
    return [(GOLDEN_PATH.name, result) for result in results] + [
        (path.name, result) for path in others for result in answer_all("engine", engine.answer, load_golden(path), corpus_settings)]


def test_no_unsafe_greens_but_the_listed_known_ones(every_set_results):
    known = {(entry["set"], entry["id"]) for entry in json.loads(KNOWN_UNSAFE_PATH.read_text(encoding="utf-8"))["unsafe_greens"]}
    unsafe = [(name, result) for name, result in every_set_results if result.unsafe_green]
    new = [result for name, result in unsafe if (name, result.id) not in known]
    assert not new, f"{len(new)} green answer(s) where green is not acceptable:\n{listing(new)}"
    fixed = known - {(name, result.id) for name, result in unsafe}
    assert not fixed, f"no longer unsafe, so take them off {KNOWN_UNSAFE_PATH.name}: {sorted(fixed)}"


def test_every_amber_or_red_answer_sends_the_officer_to_dmc(every_set_results):
    silent = [result for _, result in every_set_results if result.warning_without_dmc]
    assert not silent, f"{len(silent)} amber/red answer(s) without a DMC escalation:\n{listing(silent)}"


def test_every_sentence_an_answer_quotes_is_verbatim_in_the_source_it_cites(every_set_results):
    unquoted = [(name, result.id, piece) for name, result in every_set_results for piece in result.unquoted_units]
    unverifiable = [(name, result.id, quote) for name, result in every_set_results for quote in result.unverifiable_quotes]
    assert not unquoted, f"sentences marked [n] that citation n does not hold: {unquoted[:10]}"
    assert not unverifiable, f"citations not verbatim in their sources: {unverifiable[:10]}"


def test_every_post_an_answer_offers_passes_the_draft_checker_with_nothing_raised(every_set_results, engine):
    offered = [(name, result) for name, result in every_set_results if result.post]
    raised = []
    for name, result in offered:
        check = engine.check_draft(result.post)
        risks = [flag.rule for flag in check.flags if flag.rule != "arrest_facts_only"]  # a condition on green, not a risk
        if check.rag != "green" or risks:
            raised.append((name, result.id, result.post, check.rag, risks))
    assert not raised, f"offered posts the draft checker raises: {raised[:5]}"
    assert sum(result.rag == "green" for _, result in offered) >= 10, "green answers about an arrest should offer wording"


def test_verdict_accuracy(results):
    wrong = [result for result in results if not result.verdict_ok]
    accuracy = 1 - len(wrong) / len(results)
    assert accuracy >= VERDICT_ACCURACY_FLOOR, (
        f"verdict accuracy {accuracy:.1%} is under {VERDICT_ACCURACY_FLOOR:.0%}; {len(wrong)} wrong:\n{listing(wrong)}"
    )


def test_green_recall(results):
    should_be_green = [result for result in results if "green" in result.expected_rag]
    missed = [result for result in should_be_green if result.rag != "green"]
    recall = 1 - len(missed) / len(should_be_green)
    assert recall >= GREEN_RECALL_FLOOR, (
        f"green recall {recall:.1%} is under {GREEN_RECALL_FLOOR:.0%}; {len(missed)} not green:\n{listing(missed)}"
    )


def test_every_factsheet_and_current_press_line_is_cited_somewhere(results, corpus_settings, engine):
    factsheets = {load_document(path, corpus_settings).id for path in sorted((CORPUS / "media-law").glob("*.md"))}
    dates = {row.today for row in load_golden()}
    current_lines = {line.id for today in dates for line in engine.press_lines(today)}
    cited = {doc_id for result in results for doc_id in result.cited}
    missing = sorted((factsheets | current_lines) - cited)
    print("never cited:", ", ".join(missing) or "none")
    assert not missing, f"never cited in any golden answer: {', '.join(missing)}"


def test_a_first_run_reports_each_reader_set_and_marks_an_unsafe_green(tmp_path, corpus_settings, engine):
    green = next(row for row in load_golden() if row.acceptable_rag == ["green"] and not row.history)
    relabelled = green.model_copy(update={"acceptable_rag": ["red"], "escalate_dmc": True})
    path = tmp_path / "blind-first.jsonl"
    path.write_text(relabelled.model_dump_json() + "\n", encoding="utf-8")
    report = question_report(path, engine, corpus_settings)
    assert [line.split(": ")[1] for line in report.splitlines() if line.startswith("== ")] == ["all", "first", "new"]
    assert f"UNSAFE {green.id} [" in report, report
