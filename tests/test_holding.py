"""Ready-to-post wording: the particulars reader alone, the holding-line filler alone, and the answers that offer it
(the real index and model). Wordings here are the tests' own."""

import datetime as dt

import pytest

from assistant.api import Engine
from assistant.holding import fill_holding_line, slot_values
from assistant.normalise import normalise
from assistant.readers.particulars import read_particulars
from assistant.readers.text import Turn

TODAY = dt.date(2026, 12, 3)
ARREST_LINE = ("A [man/woman] aged [age] has been arrested on suspicion of [offence] following [brief description of the "
               "incident] in [town or area] on [date]. [He/She] remains in custody. Enquiries continue.")


def particulars(text: str, earlier: str | None = None):
    turns = ([Turn(1, earlier, normalise(earlier))] if earlier else []) + [Turn(0, text, normalise(text))]
    return read_particulars(turns)


def said(text: str, span) -> str | None:
    return text[span.start : span.end] if span else None


@pytest.mark.parametrize("text, gender, age, area, custody", [
    ("Officers detained a woman aged 52 from Sidcup after the fight; she's been bailed.", "woman", 52, "Sidcup", "bailed"),
    ("we lifted a lad for the shed break-ins last night, hes still in custody", "man", None, None, "in_custody"),
    ("A 19-year-old man from Mitcham was arrested at the scene and remains in custody.", "man", 19, "Mitcham", "in_custody"),
    ("Female, 33, arrested for criminal damage in Erith, released under investigation.", "woman", 33, "Erith", "released"),
])
def test_the_particulars_reader_reads_the_person_arrested(text, gender, age, area, custody):
    found = particulars(text)
    assert (found.gender, found.age.years if found.age else None, said(text, found.area), found.custody) == (gender, age, area, custody)
    assert not found.several


@pytest.mark.parametrize("text", [
    "An 80-year-old man was robbed in the park and we've arrested a 22-year-old.",  # the man is the victim: no gender
    "Two women were arrested after the fight outside the pub.",
    "We've nicked three lads for the car break-ins.",
])
def test_the_particulars_reader_gives_no_gender_when_the_person_arrested_is_not_one_person_it_can_see(text):
    assert particulars(text).gender is None


def test_the_particulars_reader_takes_no_area_from_a_street_or_two_places():
    assert particulars("We arrested a man on Harrow Road for the burglary.").area is None
    assert particulars("A man from Hayes was arrested for a burglary in Southall.").area is None


def test_a_follow_up_keeps_the_earlier_turns_particulars():
    found = particulars("He's out on bail now, can I update the post?", earlier="We arrested a 45-year-old man in Penge for assault.")
    assert (found.gender, found.age.years, found.custody) == ("man", 45, "bailed")


def test_the_filler_leaves_out_unfilled_slots_with_their_lead_in_and_any_claim_not_made():
    assert fill_holding_line(ARREST_LINE, slot_values("woman", 41, "criminal damage", "Erith"), in_custody=True) == (
        "A woman aged 41 has been arrested on suspicion of criminal damage in Erith. She remains in custody. Enquiries continue.")
    assert fill_holding_line(ARREST_LINE, slot_values("man", None, "assault", None), in_custody=False) == (
        "A man has been arrested on suspicion of assault. Enquiries continue.")


def test_the_filler_gives_nothing_when_the_first_sentence_cannot_be_filled():
    assert fill_holding_line(ARREST_LINE, slot_values(None, 30, "burglary", "Penge"), in_custody=True) is None
    assert fill_holding_line(ARREST_LINE, slot_values("man", 30, None, "Penge"), in_custody=True) is None


@pytest.fixture(scope="module")
def engine(corpus_settings) -> Engine:
    return Engine(corpus_settings, audit=False)


def test_a_green_arrest_answer_offers_the_holding_line_filled_from_the_question(engine):
    result = engine.answer("We arrested a 27-year-old woman in Bexleyheath for criminal damage to the bus shelter and she's "
                           "still in custody. Can I put it on the ward page?", today=TODAY)
    assert result.rag == "green"
    assert result.post == ("A woman aged 27 has been arrested on suspicion of criminal damage in Bexleyheath. "
                           "She remains in custody. Enquiries continue.")
    assert f'"{result.post}"' in result.answer and "What you can post" in result.answer
    assert any(citation.doc_id == "pl-holding-arrest-made" for citation in result.citations)
    check = engine.check_draft(result.post, today=TODAY)
    assert check.rag == "green" and all(flag.rule == "arrest_facts_only" for flag in check.flags)


def test_a_red_answer_for_a_name_on_a_green_topic_offers_the_same_post_without_it(engine):
    result = engine.answer("We've arrested a 38-year-old man, Kevin Doyle, for the burglary in Welling. Can I name him on "
                           "the ward account?", today=TODAY)
    assert result.rag == "red"
    assert result.post == "A man aged 38 has been arrested on suspicion of burglary in Welling. Enquiries continue."
    assert "What you can post instead" in result.answer and "Doyle" not in result.post


@pytest.mark.parametrize("question", [
    "We arrested a man for the murder on the estate last night. Can I tweet that?",             # a red topic
    "We arrested a 15-year-old boy for criminal damage in Catford. Can I tweet it?",            # the risk is the case itself
    "A man has been charged with the burglary in Penge. Can I tweet that he's due in court?",   # charge details: amber
    "The man we arrested for assault in Eltham was released with no further action. Can I post an update?",
])
def test_no_post_is_offered_when_the_topic_or_the_case_itself_is_the_risk(engine, question):
    assert engine.answer(question, today=TODAY).post == ""
