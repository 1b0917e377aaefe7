"""Every YAML read goes through one loader that refuses anchors, aliases, deep nesting and size, naming the file."""

import ast
import time

import pytest
import yaml
from conftest import CORPUS, REPO_ROOT, copy_corpus, make_settings

from ingest.errors import BadFrontMatter
from ingest.hostile import yaml_alias_bomb, yaml_depth_bomb
from ingest.loaders import load_document
from ingest.safe_yaml import BadYaml, load_yaml, read_yaml
from ui.contacts import load_contacts
from ui.corpus_files import CorpusChangeRefused, press_line_files, save_upload


def refused(text: str, source: str = "corpus/x.yaml", **limits) -> str:
    started = time.perf_counter()
    with pytest.raises(BadYaml) as caught:
        load_yaml(text, source, make_settings(REPO_ROOT, **limits))
    assert time.perf_counter() - started < 2, "the loader did not fail fast"
    message = str(caught.value)
    assert message.startswith(f"{source}: ") and len(message.splitlines()) == 1, message
    return message


def test_a_depth_bomb_is_refused_before_it_is_composed():
    assert "nested more than 32 levels deep (line 1)" in refused(yaml_depth_bomb())


def test_an_alias_bomb_and_any_anchor_or_alias_are_refused():
    assert "anchors and aliases" in refused(yaml_alias_bomb())
    assert "anchors and aliases" in refused("a: &name 1\n")
    assert "anchors and aliases" in refused("base: {x: 1}\nother:\n  <<: *base\n")


def test_size_and_depth_limits_come_from_settings():
    assert "over the 1 KB limit (PRESSLINE_MAX_YAML_KB)" in refused("a: " + "x" * 2000, max_yaml_kb=1)
    assert "nested more than 2 levels" in refused("a: {b: {c: 1}}\n", max_yaml_depth=2)


def test_malformed_yaml_says_where():
    assert "malformed YAML" in refused("a: [unclosed\nb: 2\n") and "line" in refused("a: [unclosed\nb: 2\n")
    assert "quote it if it is meant as text" in refused("review_by: 2026-02-30\n")


def test_pressline_own_files_load_as_safe_load_would():
    for path in [*CORPUS.glob("*.yaml"), CORPUS / "rag-table" / "rag-table.yaml", REPO_ROOT / "assistant" / "lexicon.yaml"]:
        assert read_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8")), path.name


def test_no_product_code_reads_yaml_but_the_safe_loader():
    files = [REPO_ROOT / "app.py", *(path for package in ("ingest", "assistant", "ui", "evals")
                                     for path in (REPO_ROOT / package).rglob("*.py"))]
    for path in files:
        if path.name == "safe_yaml.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            imported = [alias.name for alias in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) else [])
            assert "yaml" not in imported, f"{path.relative_to(REPO_ROOT)} imports yaml; use ingest.safe_yaml"


@pytest.mark.parametrize("bomb", [yaml_depth_bomb(), yaml_alias_bomb()], ids=["depth", "alias"])
def test_a_bomb_in_front_matter_is_a_one_line_error_naming_the_document(tmp_path, bomb):
    corpus = tmp_path / "corpus"
    (corpus / "policy").mkdir(parents=True)
    path = corpus / "policy" / "bomb.md"
    path.write_text(f"---\n{bomb}---\n# Body\n\nText.\n", encoding="utf-8")
    settings = make_settings(tmp_path, corpus)
    with pytest.raises(BadFrontMatter) as caught:
        load_document(path, settings)
    assert caught.value.path == settings.relative(path) and len(str(caught.value).splitlines()) == 1


def test_a_bomb_as_the_rag_table_is_a_named_error(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "rag-table").mkdir(parents=True)
    path = corpus / "rag-table" / "rag-table.yaml"
    path.write_text(yaml_alias_bomb(), encoding="utf-8")
    with pytest.raises(BadFrontMatter, match=r"rag-table\.yaml: .*anchors and aliases"):
        load_document(path, make_settings(tmp_path, corpus))


def test_hostile_contacts_give_no_contacts_rather_than_a_crash(tmp_path, monkeypatch):
    """Even approved (so that it is read at all), a hostile contacts file gives no contacts, never a crash."""
    from ingest.approvals import Approvals
    from ingest.settings import get_settings

    monkeypatch.setenv("PRESSLINE_DATA_DIR", str(tmp_path / "data"))  # a data folder of its own: no earlier approvals
    get_settings.cache_clear()
    try:
        settings = get_settings().model_copy(update={"corpus_dir": tmp_path})
        for hostile in (yaml_depth_bomb(), yaml_alias_bomb(), "- a list\n- not a mapping\n"):
            (tmp_path / "contacts.yaml").write_text(hostile, encoding="utf-8")
            assert load_contacts(tmp_path) == {}  # a draft: not read
            Approvals(settings).approve(tmp_path / "contacts.yaml", "DMC duty press officer")
            assert load_contacts(tmp_path) == {}  # approved and read: refused by the safe loader
    finally:
        get_settings.cache_clear()


@pytest.mark.parametrize("folder", ["press-lines", "policy"])
def test_an_upload_with_a_bomb_in_its_front_matter_is_refused_and_not_kept(tmp_path, folder):
    corpus = copy_corpus(tmp_path / "corpus")
    data = f"---\n{yaml_alias_bomb()}---\nWording.\n".encode()
    with pytest.raises(CorpusChangeRefused, match=r"bomb\.md.*anchors and aliases"):
        save_upload(make_settings(tmp_path, corpus), "bomb.md", data, folder)
    assert not list((corpus / "uploads").rglob("*.md"))


def test_a_hostile_press_line_file_is_left_out_of_the_admin_list_not_the_page_down(tmp_path):
    corpus = copy_corpus(tmp_path / "corpus")
    settings = make_settings(tmp_path, corpus)
    shipped = len(press_line_files(settings))
    (corpus / "press-lines" / "pl-bomb.md").write_text(f"---\n{yaml_depth_bomb()}---\nWording.\n", encoding="utf-8")
    assert len(press_line_files(settings)) == shipped


def test_an_example_bank_bomb_is_named_by_the_ingest_and_the_documents_are_ingested(tmp_path):
    from ingest.pipeline import run_ingest

    corpus = tmp_path / "corpus"
    (corpus / "policy").mkdir(parents=True)
    (corpus / "policy" / "panels.md").write_text("# Ward panels\n\nWard panels meet monthly.\n", encoding="utf-8")
    (corpus / "examples.yaml").write_text(yaml_alias_bomb(), encoding="utf-8")
    settings = make_settings(tmp_path, corpus)
    report = run_ingest(settings)
    assert report.documents == {"policy": 1}
    assert [(path, problem.split(";")[0]) for path, problem in report.errors] == [
        (settings.relative(corpus / "examples.yaml"), "YAML anchors and aliases (&name, *name) are not allowed (line 1)")]
