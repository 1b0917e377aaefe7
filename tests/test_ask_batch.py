"""`ask --batch`: every line gets an Answer, a bad line one with status "error" and the reason; a bad file is one line."""

import datetime as dt
import json

import pytest
from conftest import run_python

from assistant.models import Answer

CONTRACT = ["question", "today", "in_scope", "status", "rag", "escalation", "answer", "citations", "press_lines",
            "flags", "assumptions"]
GOOD = {"question": "Who may speak to the media?", "today": "2026-11-20"}
LINES = [  # (the line's bytes, the id its Answer echoes, what its error says, or None when it is answered)
    (b"\xef\xbb\xbf" + json.dumps({"id": "first", **GOOD}).encode(), "first", None),
    (b"[1, 2]", None, "line 2 is a JSON list, not an object"),
    (b'"just a question as a string"', None, "line 3 is a JSON str, not an object"),
    (b'{"id": "latin", "question": "Can I tweet about the caf\xe9 burglary?"}', "latin", "line 4 is not valid UTF-8 (byte 0xe9"),
    (b'{"id": "cut", "question": "Can I', None, "line 5 is not JSON"),
    (b"", None, None),  # blank lines are skipped
    (json.dumps({"id": "empty"}).encode(), "empty", "line 7 has no question"),
    (json.dumps({"id": "date", **GOOD, "today": "20/11/2026"}).encode(), "date", "line 8: today '20/11/2026' is not a date"),
    (json.dumps({"id": "rank", **GOOD, "rank": "general"}).encode(), "rank", "line 9: rank 'general' must be one of"),
    (json.dumps({"id": "history", **GOOD, "history": "earlier"}).encode(), "history", "line 10: history must be a list"),
    (json.dumps({"id": ["a"], **GOOD}).encode(), None, "line 11: id must be text or a whole number"),
    (json.dumps({"id": 12, **GOOD}).encode(), 12, None),
    (json.dumps({"id": "last", "question": "What is the capital of France?", "today": "2026-11-20"}).encode(), "last", None),
]


@pytest.fixture(scope="module")
def batch_run(corpus_settings, tmp_path_factory):
    path = tmp_path_factory.mktemp("batch") / "questions.jsonl"
    path.write_bytes(b"\n".join(line for line, _, _ in LINES) + b"\n")
    return run_python(["-m", "assistant", "ask", "--json", "--batch", str(path)],
                      {"PRESSLINE_DATA_DIR": str(corpus_settings.data_dir)})


def test_every_line_gets_a_full_answer_in_order_and_the_rest_go_on(batch_run):
    assert batch_run.returncode == 0, batch_run.stderr
    rows = [json.loads(line) for line in batch_run.stdout.splitlines()]
    expected = [(line_id, error) for line, line_id, error in LINES if line]
    assert [row["id"] for row in rows] == [line_id for line_id, _ in expected]
    for row, (_, error) in zip(rows, expected):
        assert all(key in row for key in CONTRACT), row
        Answer.model_validate(row)
        if error:
            assert row["status"] == "error" and row["rag"] is None and row["error"].startswith(error), row
            assert row["error"] in row["answer"]
        else:
            assert row["status"] != "error" and row["error"] is None, row
    assert rows[-1]["in_scope"] is False
    assert "9 of 12 batch lines could not be answered" in batch_run.stderr


@pytest.mark.parametrize(("make", "problem"), [
    (lambda tmp: tmp / "missing.jsonl", "No such file or directory"),
    (lambda tmp: tmp, "Is a directory"),
])
def test_a_missing_file_or_a_directory_is_one_line_and_exit_2_before_anything_loads(tmp_path, make, problem):
    data = tmp_path / "data"
    result = run_python(["-m", "assistant", "ask", "--json", "--batch", str(make(tmp_path))],
                        {"PRESSLINE_DATA_DIR": str(data)})
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [f"pressline: cannot read the batch file {make(tmp_path)}: {problem}"]
    assert not data.exists(), "the index was built for a batch that could not be read"


def test_an_answer_has_an_error_exactly_when_its_status_is_error():
    fields = {"question": "q", "today": dt.date(2026, 11, 20), "in_scope": True, "rag": None, "answer": "a"}
    with pytest.raises(ValueError, match="exactly when"):
        Answer(status="error", **fields)
    with pytest.raises(ValueError, match="exactly when"):
        Answer(status="answered", error="why", **fields)
    assert Answer(status="error", error="why", **fields).error == "why"
