"""Press-line search as the press-lines page uses it: words read as the chat reads them, then meaning."""

import datetime as dt

import pytest

from assistant import Engine

TODAY = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def engine(corpus_settings):
    return Engine(corpus_settings, audit=False)


def titles(lines) -> list[str]:
    return [line.title for line in lines]


def test_an_empty_search_lists_every_line(engine):
    assert titles(engine.search_press_lines("  ", TODAY)) == titles(engine.press_lines(TODAY))


def test_words_are_read_as_the_chat_reads_them(engine):
    found = engine.search_press_lines("stop n search charter", TODAY)
    assert found[0].title == "The Stop and Search Charter" and found[0].match == "words"


def test_a_line_is_found_by_meaning_when_it_has_none_of_the_words(engine):
    found = engine.search_press_lines("bodycam", TODAY)
    assert found and found[0].title == "Body-worn video and stop and search" and found[0].match == "meaning"
    assert len(found) <= 3


def test_an_unrelated_search_finds_nothing(engine):
    assert engine.search_press_lines("knife", TODAY) == []


def test_inactive_lines_only_when_asked_for(engine):
    assert "Stop and search figures (2019)" not in titles(engine.search_press_lines("figures", TODAY))
    assert "Stop and search figures (2019)" in titles(engine.search_press_lines("figures", TODAY, include_inactive=True))
