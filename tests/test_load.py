"""The load test's own arithmetic (running it needs the app and Chromium: `python -m evals.load`, a measurement, not a test)."""

import os
import subprocess
import sys

from evals.load import percentile, posting_questions, process_cpu_seconds


def test_percentiles_are_the_nearest_rank():
    values = [float(n) for n in range(1, 21)]
    assert percentile(values, 0.5) == 10.0 and percentile(values, 0.95) == 19.0 and percentile([3.0], 0.95) == 3.0
    assert percentile([], 0.5) is None


def test_the_questions_asked_all_get_a_verdict_and_stand_alone():
    questions = posting_questions()
    assert len(questions) >= 50 and all(question.strip() for question in questions)


def test_cpu_is_counted_for_a_process_tree_and_leaves_out_the_server():
    sum(n * n for n in range(200_000))  # some CPU of our own to count
    assert process_cpu_seconds(os.getpid(), exclude=set()) > 0
    assert process_cpu_seconds(os.getpid(), exclude={os.getpid()}) == 0


def test_a_child_that_has_ended_still_counts():
    """The browser ends each officer's renderer process when their context closes; its CPU must not vanish with it."""
    before = process_cpu_seconds(os.getpid(), exclude=set())
    subprocess.run([sys.executable, "-c", "sum(n * n for n in range(10_000_000))"], check=True)
    assert process_cpu_seconds(os.getpid(), exclude=set()) - before > 0.2
