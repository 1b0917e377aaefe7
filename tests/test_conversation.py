"""Conversation: a follow-up carries the earlier turns' facts; a new question, even one that begins with "And", starts fresh."""

import datetime as dt

import pytest

from assistant import Engine

FRIDAY = dt.date(2026, 11, 20)
RED_TURN = [
    {"role": "user", "content": "We arrested a 15-year-old for the burglary on Cedar Road. Can I tweet it?"},
    {"role": "assistant", "content": "RED — Do not post, contact DMC."},
]

FOLLOW_UPS = [
    "what about on facebook?",
    "Facebook as well?",
    "And on Nextdoor?",
    "Even without the photo?",
    "If I leave out the road name?",
    "What if I just say a teenager?",
    "Can I say he's been bailed?",
    "The local paper wants it too",
    "Tomorrow morning ok?",
    "only the ward account, not the borough one",
    "sorry, I meant the burglary on Cedar Close, not Cedar Road",
    "update - his mum says he's known to the school as well",
]
NEW_QUESTIONS = [
    ("And can I tweet crime prevention tips about locking sheds?", "green"),
    ("Who may speak to the media?", None),
    ("What's the Press Bureau's phone number?", None),
    ("Can I post about our ward panel meeting next Tuesday at the community centre?", "green"),
    ("And the cuppa with a copper event on Saturday, can I advertise that?", "green"),
    ("Can I retweet the council's post about bin collections over Christmas?", "green"),
    ("And what does the stop and search charter say about accountability?", None),
    ("Can I tweet a thank you to the volunteers at the food bank?", "green"),
    ("And can I share the Met website link for reporting ASB online?", "green"),
    ("Can I tweet a reminder about bike marking at the station on Saturday?", "green"),
    ("Different question: what does the charter say about body-worn video?", None),
    ("And when it's the middle of the night and I've got a media law worry, how do I get hold of the press bureau?", None),
]


@pytest.fixture(scope="module")
def engine(corpus_settings) -> Engine:
    return Engine(corpus_settings, audit=False)


@pytest.mark.parametrize("question", FOLLOW_UPS)
def test_a_follow_up_carries_the_earlier_facts_and_says_so(engine, question):
    result = engine.answer(question, today=FRIDAY, history=RED_TURN)
    assert result.rag == "red", result.answer
    assert any(flag.rule == "under_18" for flag in result.flags)
    assert any("follow-up" in assumption for assumption in result.assumptions)


@pytest.mark.parametrize("question, rag", NEW_QUESTIONS)
def test_a_new_question_starts_fresh(engine, question, rag):
    result = engine.answer(question, today=FRIDAY, history=RED_TURN)
    assert result.rag == rag, result.answer
    assert not any(flag.rule == "under_18" for flag in result.flags)
    assert not any("follow-up" in assumption for assumption in result.assumptions)


GREEN_TURN = [
    {"role": "user", "content": "Can I tweet about our bike marking stall at the library on Saturday?"},
    {"role": "assistant", "content": "GREEN — Go for it: crime prevention is green in the RAG table."},
]


def test_a_story_of_its_own_after_a_green_turn_starts_fresh_and_a_later_pronoun_points_inside_it(engine):
    story = ("A woman's handbag was snatched outside the bakery on Station Road this afternoon and the owner has been "
             "really helpful. They're asking whether we will put something out, can I?")
    result = engine.answer(story, today=FRIDAY, history=GREEN_TURN)
    assert result.rag != "green", result.answer
    assert not any("follow-up" in assumption for assumption in result.assumptions)
    assert any("follow-up" in assumption for assumption in
               engine.answer("they're keen on Facebook too, ok?", today=FRIDAY, history=GREEN_TURN).assumptions)


def test_adding_something_to_the_earlier_post_is_a_follow_up_however_long(engine):
    addition = ("Would it be alright to stick a picture on it of the stall table with the marking kits laid out? The library "
                "manager's said that's fine and nobody's face is in it at all.")
    result = engine.answer(addition, today=FRIDAY, history=GREEN_TURN)
    assert any("follow-up" in assumption for assumption in result.assumptions), result.answer
    assert result.rag == "green", result.answer


def test_a_long_turn_after_a_turn_that_raised_carries_what_was_raised(engine):
    story = ("The sergeant wants it out before the school run tomorrow and says we should mention the road and that the "
             "victim was an elderly lady living on her own, is that alright with you?")
    result = engine.answer(story, today=FRIDAY, history=RED_TURN)
    assert result.rag == "red" and any(flag.rule == "under_18" for flag in result.flags), result.answer
    assert any("follow-up" in assumption for assumption in result.assumptions)


def test_a_follow_up_that_only_shares_the_partners_post_is_judged_without_our_earlier_words(engine):
    joint = [{"role": "user", "content": "TfL and our team are running a new joint scheme on bus-stop robberies next month. "
                                         "Fine to do a write-up of ours for the ward feed?"},
             {"role": "assistant", "content": "Amber, since partners are involved."}]
    shared = engine.answer("What if I only RT the council's announcement of it as it stands?", today=FRIDAY, history=joint)
    assert shared.rag == "green", shared.answer
    added = engine.answer("What if I RT the council's announcement of it and add our own line?", today=FRIDAY, history=joint)
    assert added.rag == "amber", added.answer


@pytest.mark.parametrize("question", ["quick one, does the pension scheme let me go at 55?",
                                      "oh btw my payslip is short this month, who do I ring?",
                                      "my handset keeps losing signal on the top floor of the station, who fixes that?"])
def test_pay_or_hr_in_its_own_words_is_a_new_question_out_of_scope(engine, question):
    result = engine.answer(question, today=FRIDAY, history=GREEN_TURN)
    assert result.status == "refused_out_of_scope" and result.rag is None, result.answer


NAMED_DRAFT_TURN = [
    {"role": "user", "content": "Can I post 'Lee Fenwick, 52, of Brambles Crescent, arrested over the shed break-ins in Hanworth'?"},
    {"role": "assistant", "content": "RED — naming an arrested, uncharged man and his street identifies him."},
]


@pytest.mark.parametrize("question, identifies", [
    ("ok how about 'a 52-year-old man has been arrested on suspicion of burglary and bailed' instead?", False),
    ("what if I say 'Lee Fenwick, 52, has been arrested on suspicion of burglary' instead", True),
])
def test_a_rewording_is_judged_on_its_own_words(engine, question, identifies):
    result = engine.answer(question, today=FRIDAY, history=NAMED_DRAFT_TURN)
    flagged = any(flag.rule in ("identifies_person", "naming_arrested") for flag in result.flags)
    assert flagged == identifies and (result.rag == "red") == identifies, result.answer


@pytest.mark.parametrize("question, identifies", [
    ("Draft: 'Gary Pollard, 41, and Sean Hart, 35, have been nicked for the Mill Lane van thefts.' Hmm, scratch that, no names. "
     "Make it 'two local men, 35 and 41, are in custody for stealing from vans'. OK now?", False),
    ("Draft: 'two local men are in custody for the Mill Lane van thefts.' Scratch that, make it 'Gary Pollard, 41, and Sean "
     "Hart, 35, are in custody for stealing from vans'. OK now?", True),
])
def test_a_wording_scrapped_in_the_same_message_is_judged_on_its_replacement(engine, question, identifies):
    result = engine.answer(question, today=FRIDAY)
    flagged = any(flag.rule in ("identifies_person", "naming_arrested") for flag in result.flags)
    assert flagged == identifies and (result.rag == "red") == identifies, result.answer


def test_asking_whether_new_facts_change_the_answer_is_a_follow_up(engine):
    court = [{"role": "user", "content": "Jury's out on the Ilford burglary trial. If they convict, can we tweet the verdict today?"},
             {"role": "assistant", "content": "Court results are amber: ask DMC before posting."}]
    news = ("Also the judge made a reporting order on day one because the co-accused is tried in March. Would that change "
            "the answer?")
    result = engine.answer(news, today=FRIDAY, history=court)
    assert any("follow-up" in assumption for assumption in result.assumptions), result.answer
    assert result.rag == "red" and "legal_services" in {item.to for item in result.escalation}, result.answer
