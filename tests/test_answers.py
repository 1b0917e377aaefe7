"""What an answer says around its verdict: inactive press lines, the hand-off DMC can act on, contacts that are never
placeholders, and the documents' own words in amber and red answers. The real index and model throughout."""

import datetime as dt

import pytest

from assistant.api import Engine
from assistant.compose import quoted_units
from evals.scoring import unquoted_units

TODAY = dt.date(2026, 12, 3)


@pytest.fixture(scope="module")
def engine(corpus_settings) -> Engine:
    return Engine(corpus_settings, audit=False, officer="PC 4821")


@pytest.mark.parametrize("question, state", [
    ("What is the press line on the 2019 stop and search figures?", "is withdrawn"),
    ("Is there a press line for the November 2019 stop and search youth conference?", "past its review date (2020-01-31)"),
    ("Is there an approved line on the proposed changes to stop and search powers?", "is a draft that has not been approved"),
])
def test_a_question_about_an_inactive_line_says_its_state_and_offers_the_current_ones(engine, question, state):
    result = engine.answer(question, today=TODAY)
    assert state in result.answer and "do not use it" in result.answer
    assert result.press_lines and all(line.id not in ("pl-stop-search-figures-2019", "pl-stop-search-youth-conference-2019",
                                                      "pl-draft-stop-search-new-powers") for line in result.press_lines)


def test_a_line_asked_for_that_is_no_longer_current_with_none_in_its_place_sends_the_officer_to_the_press_bureau(engine):
    result = engine.answer("Journalist wants the holding line on the arrest of a woman over the shop break-in. Which one?",
                           today=dt.date(2027, 6, 1))  # after the arrest line's review date, 2027-03-01
    assert "do not use it" in result.answer and not result.press_lines
    assert [escalation.to for escalation in result.escalation] == ["dmc"] and result.status == "escalated"


def test_a_question_about_a_current_line_is_not_told_it_is_inactive(engine):
    result = engine.answer("What's our press line on body-worn video at stop and search?", today=TODAY)
    assert "do not use it" not in result.answer and any(line.id == "pl-stop-search-body-worn-video" for line in result.press_lines)


def test_a_question_about_a_topic_in_general_is_not_told_of_an_inactive_line_on_it(engine):
    result = engine.answer("Which press lines can I use on stop and search at the moment?", today=TODAY)
    assert "do not use it" not in result.answer and result.press_lines


def test_the_handoff_holds_every_turn_the_officer_the_verdict_each_reason_once_the_facts_and_the_contacts(engine):
    history = [{"role": "user", "content": "Can I tweet that we arrested a man for a burglary on Elm Road yesterday?"},
               {"role": "assistant", "content": "GREEN — Go for it"}]
    result = engine.answer("what if he's 16?", today=TODAY, history=history)
    handoff = result.handoff
    assert result.rag == "red"
    assert "1. Can I tweet that we arrested a man for a burglary on Elm Road yesterday?" in handoff
    assert "2. what if he's 16?" in handoff
    assert "From: PC 4821" in handoff and f"Date: {TODAY.isoformat()}" in handoff and "Verdict from Pressline: RED" in handoff
    reasons = handoff.split("Reasons:\n", 1)[1].split("\nWhat Pressline read:", 1)[0].splitlines()
    assert reasons and len(reasons) == len(set(reasons))
    assert "- Ages: 16" in handoff and "- Stage of the case: arrested" in handoff
    assert "763300" in handoff and "TO BE SET" not in handoff and "to be set" not in handoff


def test_an_unset_contact_is_reached_through_the_press_bureau_never_shown_as_a_placeholder(engine):
    res = engine.resources
    assert "legal_services" in res.unset_contacts()  # corpus/contacts.yaml leaves it for the force to fill in
    legal = res.contact_text("legal_services")
    assert legal.startswith("Directorate of Legal Services") and "763300" in legal
    assert "TO BE SET" not in legal and "to be set" not in legal
    assert "Press Bureau (internal email)" not in res.contact_text("dmc")  # not an address, so not shown as one


def test_an_amber_or_red_answer_quotes_what_the_documents_say_verbatim_and_a_green_one_stays_short(engine):
    red = engine.answer("Can I post a screenshot of the PNC record of the man we nicked?", today=TODAY)
    assert red.rag == "red" and "What the force's documents say:" in red.answer
    assert quoted_units(red.answer) and unquoted_units(red) == []
    green = engine.answer("Can I tweet some tips on keeping bikes safe from thieves?", today=TODAY)
    assert green.rag == "green" and not quoted_units(green.answer)


def test_what_the_documents_say_in_a_red_answer_can_come_from_a_document_its_reasons_do_not_cite(engine):
    # The reason (a death before the family are told) cites the deaths factsheet; telling a journalist anything is also a
    # matter of who may speak to the media, which the social-media and politics factsheet covers.
    result = engine.answer("Can I tell a journalist the address where the fatal stabbing victim lived? Family haven't been "
                           "told yet", today=TODAY)
    assert result.rag == "red"
    quoted = {result.citations[number - 1].doc_id for number, _ in quoted_units(result.answer)}
    assert "ml-deaths" in quoted and "ml-social-media-politics" in quoted
    assert unquoted_units(result) == []


def test_what_the_documents_say_in_a_red_answer_opens_with_a_passage_its_reasons_rest_on(engine):
    result = engine.answer("Girl aged 16 found guilty in the youth court of the phone snatches - can we name her when we "
                           "post the result?", today=TODAY)
    assert result.rag == "red"
    documents_say = result.answer.split("What the force's documents say:")[1]
    first = quoted_units(documents_say)[0][0]
    # the passages the verdict rests on (its topic's row, its reasons' passages) are cited before the documents' units,
    # which are numbered after them: the first unit's passage is one of those
    cited_before = {(citation.doc_id, citation.locator) for citation in result.citations[: first - 1]}
    assert (result.citations[first - 1].doc_id, result.citations[first - 1].locator) in cited_before
    assert unquoted_units(result) == []


@pytest.mark.parametrize("question", [
    "What's the Press Bureau's phone number?",
    "who do I ring at DMC out of hours?",
    "whats the number for the press office again? need to run a post past them before it goes out",
    "what's the dmc press bureau number? want to check a post with them first",
    "and what is the press bureau's number? I'd like their view first",
    "random one but what's the duty number for the press office if I need advice on a job? PC Jones, lates",  # signed off
])
def test_a_question_asking_how_to_reach_the_press_bureau_gets_its_number_cited_and_sends_the_officer_there(engine, question):
    result = engine.answer(question, today=TODAY)
    assert result.rag is None and result.status == "escalated" and [entry.to for entry in result.escalation] == ["dmc"]
    assert "763300" in result.answer and result.citations
    assert all("763300" in citation.quote for citation in result.citations)


def test_legal_services_not_yet_set_are_reached_through_the_press_bureau_never_a_placeholder(engine):
    result = engine.answer("How do I contact Legal Services?", today=TODAY)
    assert "763300" in result.answer and "TO BE SET" not in result.answer
    assert {entry.to for entry in result.escalation} == {"dmc", "legal_services"}


def test_a_post_that_mentions_the_press_office_is_judged_not_answered_with_a_number(engine):
    result = engine.answer("I emailed the press office yesterday and heard nothing, can I tweet that a 15-year-old was arrested?",
                           today=TODAY)
    assert result.rag == "red"


def test_a_post_asked_about_with_a_point_of_media_law_is_not_green_until_the_press_bureau_answers(engine):
    result = engine.answer("A woman arrested over a break-in at the florist on Vine Parade is out on bail. Does contempt still "
                           "apply, or can the ward page tweet about the burglary?", today=TODAY)
    assert result.rag == "amber" and [entry.to for entry in result.escalation] == ["dmc"]
    assert "point of media law" in result.answer
