"""The example bank: validated on load, examples that would teach the wrong thing left out, and no evaluation question in it."""

import numpy as np
import pytest
from conftest import copy_corpus, make_settings

from assistant.api import Engine
from assistant.examples import read_bank_file
from evals.overlap import near_copies, evaluation_texts
from ingest.embeddings import get_embedder
from ingest.errors import PresslineError
from ingest.examples import bank_path


@pytest.fixture(scope="module")
def resources(corpus_settings):
    return Engine(corpus_settings, audit=False).resources


def test_the_bank_loads_and_covers_every_topic_and_risk(resources):
    bank = resources.bank
    labels = {example.label for example in bank.examples}
    assert len(bank.examples) >= 400
    assert {topic.name for topic in resources.topics} - labels <= {"Any of the amber fields above if not in the public domain."}
    assert {"death", "court_order", "personal_data", "sexual_offence"} <= labels


def test_the_green_model_is_fitted_on_the_bank_and_separates_its_own_examples(resources):
    bank = resources.bank
    assert bank.green_model is not None
    assert any(example.kind == "unlisted" for example in bank.examples)
    probability = bank.green_model.probability(bank.vectors)
    green = np.array([example.status == "green" for example in bank.examples])
    assert probability[green].mean() > 0.8 > 0.2 > probability[~green].mean()


def test_examples_that_would_teach_the_wrong_thing_are_left_out_and_say_why(resources):
    for example, why in resources.bank.rejected:
        assert why and example.text
    kept = {example.text for example in resources.bank.examples}
    assert not kept & {example.text for example, _ in resources.bank.rejected}
    # Most examples survive: the checks prune the bank, they do not gut it.
    assert len(resources.bank.rejected) < len(resources.bank.examples) / 2


def test_a_green_example_in_which_a_reader_finds_a_risk_is_rejected(resources):
    assert resources._green_example_raises("we arrested a 15-year-old for the burglary") is not None
    assert resources._green_example_raises("tips on locking your shed this winter") is None


def test_a_malformed_bank_is_a_clear_error_naming_the_file(tmp_path, resources):
    path = tmp_path / "examples.yaml"
    path.write_text("topics:\n  Not A Topic: [\"something\"]\n", encoding="utf-8")
    with pytest.raises(PresslineError, match="examples.yaml.*Not A Topic"):
        read_bank_file(path, resources.topics)
    path.write_text("risks:\n  no_such_risk: [\"something\"]\n", encoding="utf-8")
    with pytest.raises(PresslineError, match="examples.yaml"):
        read_bank_file(path, resources.topics)
    path.write_text("not_in_the_documents: [\"  \"]\n", encoding="utf-8")
    with pytest.raises(PresslineError, match="examples.yaml.*not_in_the_documents"):
        read_bank_file(path, resources.topics)
    path.write_text("more_green_wordings:\n  Wanted suspects: [\"have you seen this man\"]\n", encoding="utf-8")
    with pytest.raises(PresslineError, match="examples.yaml.*only green rows.*Wanted suspects"):
        read_bank_file(path, resources.topics)


def test_bulk_green_wordings_are_green_examples_marked_not_to_teach_the_green_model(tmp_path, resources):
    path = tmp_path / "examples.yaml"
    path.write_text('topics:\n  Crime Prevention: ["tips on locking your shed"]\n'
                    'more_green_wordings:\n  Crime Prevention: ["post about keeping bikes locked up"]\n', encoding="utf-8")
    examples = read_bank_file(path, resources.topics)
    assert [(example.status, example.teaches_the_green_model) for example in examples] == [("green", True), ("green", False)]
    bank = resources.bank
    bulk = [index for index, example in enumerate(bank.examples) if not example.teaches_the_green_model]
    assert bulk and all(bank.examples[index].status == "green" for index in bulk)


def test_questions_the_documents_do_not_answer_are_kept_apart_from_the_examples(resources):
    bank = resources.bank
    assert bank.not_in_the_documents.shape[0] >= 20 and bank.not_in_the_documents.shape[1] == bank.vectors.shape[1]
    own = bank.not_in_the_documents[0]
    assert bank.nearness_to_the_unanswered(own) > 0.5 and bank.nearness_to_the_unanswered(None) == 0.0


def test_ingest_embeds_the_bank_once(tmp_path):
    from ingest.pipeline import run_ingest

    settings = make_settings(tmp_path, copy_corpus(tmp_path / "corpus"))
    run_ingest(settings)
    cached = list((settings.data_dir / "generations").glob("*/examples.npz"))  # the bank lives in its generation
    assert len(cached) == 1
    stamp = cached[0].stat().st_mtime_ns
    run_ingest(settings)  # nothing changed: no new generation, nothing embedded again
    assert list((settings.data_dir / "generations").glob("*/examples.npz")) == cached
    assert cached[0].stat().st_mtime_ns == stamp


def test_no_example_near_copies_an_evaluation_question(corpus_settings):
    import yaml

    from ingest.examples import bank_texts

    bank = bank_texts(yaml.safe_load(bank_path(corpus_settings).read_text(encoding="utf-8")))
    found = near_copies(bank, evaluation_texts(), get_embedder(corpus_settings.embedding_model).embed_documents)
    assert not found, "\n".join(f"{c.cosine:.2f}/{c.token_set:.0f}: {c.left!r} ~ {c.right!r}" for c in found)


def test_what_the_readers_find_in_green_examples_is_kept_for_the_next_process(tmp_path):
    from assistant.green_checks import GreenChecks

    settings = make_settings(tmp_path)
    calls = []

    def read(text):
        calls.append(text)
        return "under 18" if "15-year-old" in text else None

    first = GreenChecks.open(settings, b"phrase book", b"topics")
    assert [first.get(text, read) for text in ("a 15-year-old won the race", "lock your shed")] == ["under 18", None]
    first.save()
    again = GreenChecks.open(settings, b"phrase book", b"topics")
    assert again.get("a 15-year-old won the race", read) == "under 18" and again.get("lock your shed", read) is None
    assert len(calls) == 2  # read once, kept on disk
    # another phrase book (or code, or day) is another key: read afresh, and the old file goes when the new one is saved
    changed = GreenChecks.open(settings, b"another phrase book", b"topics")
    assert changed.path != first.path
    changed.get("lock your shed", read)
    changed.save()
    assert len(calls) == 3 and not first.path.exists() and changed.path.exists()


def test_an_unreadable_green_checks_file_is_read_again_not_trusted(tmp_path):
    from assistant.green_checks import GreenChecks

    settings = make_settings(tmp_path)
    path = GreenChecks.open(settings, b"x").path
    for junk in ("{not json", '["a list"]', '{"text": 3}'):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(junk, encoding="utf-8")
        checks = GreenChecks.open(settings, b"x")
        assert checks.get("a 15-year-old won the race", lambda text: "under 18") == "under 18"
        checks.save()
        assert GreenChecks.open(settings, b"x").get("a 15-year-old won the race", lambda text: None) == "under 18"


def test_a_second_process_loads_the_same_bank_from_the_kept_checks(corpus_settings, resources):
    from assistant.resources import Resources

    loaded = resources.bank  # read by the readers (or from the file) and kept
    fresh = Resources.load(corpus_settings)
    fresh._green_example_raises = lambda text: pytest.fail(f"read again: {text!r}")  # every answer comes from the file
    assert [example.text for example in fresh.bank.examples] == [example.text for example in loaded.examples]
    assert [why for _, why in fresh.bank.rejected] == [why for _, why in loaded.rejected]
