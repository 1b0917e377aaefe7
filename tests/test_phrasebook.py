"""The phrase book (corpus/phrases.yaml): approved data, validated whole, refused with a reason that says what to fix."""

import pytest

from assistant.phrasebook import load_phrase_book, phrase_book, read_phrase_book
from assistant.rules import RULE_KINDS
from ingest.approvals import Approvals
from ingest.errors import PresslineError

from conftest import CORPUS, copy_corpus, make_settings

BOOK = (CORPUS / "phrases.yaml").read_bytes()


def test_the_committed_book_gives_every_rule_the_engine_runs_its_wording_and_passages():
    book = phrase_book()
    assert [rule.name for rule in book.rules] == list(RULE_KINDS)
    for rule in book.rules:
        assert rule.why and rule.cites, rule.name
    assert book.vocabulary["arrest"].search("our lot nicking a man on the high road")  # a fragment, expanded
    # a person caught is arrested; a bus caught, or a moment caught on camera, is not
    assert book.vocabulary["arrest"].search("the response car caught two teenagers trying door handles")
    assert not book.vocabulary["arrest"].search("i caught the night bus home and caught the sunset on camera")
    assert book.vocabulary["charge"].search("he's at westminster mags on thursday")
    assert book.topics["Escaped Prisoners"].search("he absconded from pentonville")
    assert book.topics["Escaped Prisoners"].search("the remand prisoner who slipped away from the escort at the hospital")
    assert book.topics["Escaped Prisoners"].search("a man on remand broke free from the officers escorting him to court")
    assert not book.topics["Escaped Prisoners"].search("the shoplifter got away from the store's security guards")
    assert book.topics["Escaped Prisoners"].search("a lad from feltham yoi evaded the two escorting officers at the dentist")
    assert book.topics["Escaped Prisoners"].search("he gave the escort the slip in the car park")
    assert not book.topics["Escaped Prisoners"].search("thanks to the two guards who escorted the mayor round the market")
    assert not book.vocabulary["suspected"].search("a great turnout, just what we wanted")
    assert book.topics["SCO Investigations"].search("the homicide team took the stabbing over on sunday")
    assert book.vocabulary["sentence"].search("he got locked up for three years")
    assert not book.vocabulary["sentence"].search("please double-check you've locked up the car")
    assert any(pattern.search("now get down there and vote no to the new parking scheme") for pattern in book.rule("political").patterns)
    assert not book.topics["SCO Investigations"].search("the team did a murder mystery night for the hospice")
    assert book.vocabulary["suspected"].search("a man wanted for the robbery")
    assert book.topics["Escaped Prisoners"].search("a woman who escaped from officers at the station this morning")
    assert not book.topics["Escaped Prisoners"].search("the driver fled from officers after the stop")
    assert book.topics["Budgetary/Financial"].search("the ward is losing 4 pcso posts next year")
    assert book.topics["Budgetary/Financial"].search("it's all down to the savings programme")
    assert book.topics["Force SOP"].search("from april we will no longer attend non-injury collisions")
    assert book.topics["Budgetary/Financial"].search("the counter is shutting in march because of the cuts")
    assert book.topics["Budgetary/Financial"].search("people want to know how much it saves")
    assert book.topics["Budgetary/Financial"].search("residents ask how much the new cameras would really cost")
    assert book.topics["Escaped Prisoners"].search("the detainee asked to use the toilet and did a runner from the hospital")
    assert book.topics["Escaped Prisoners"].search("the escort lost her in the car park")
    assert not book.topics["Escaped Prisoners"].search("officers lost him in the crowd after the chase")
    # an escort named by where it was going ("the court escort", "the dentist escort") is still the escort he fled
    assert book.topics["Escaped Prisoners"].search("he legged it from the dentist escort on Tuesday")
    assert not book.topics["Escaped Prisoners"].search("the shoplifter got away from the security guards")
    assert book.topics["Force Reputation"].search("i want to end by taking a swipe at the columnist who called us corrupt")
    assert book.topics["Force SOP"].search("a map of where the carriers are held and the times we pull back")
    assert not book.topics["Force SOP"].search("thanks to everyone who came, we pulled out all the stops")
    # a procedure named with a hyphenated word is the force's own procedure too
    assert book.topics["Force SOP"].search("i'd like to set out our prisoner-transport procedure for them")
    assert book.topics["Force SOP"].search("can i paste the taser guidance on when officers draw it")  # guidance is its rules too
    assert book.topics["Speeding/Crackdown"].search("our speed enforcement on the high road clocked one at 52 in a 30")
    assert not book.topics["Speeding/Crackdown"].search("the 5k went at a decent speed in the end")
    assert book.topics["Local joint initiatives"].search("a joint job with trading standards next week")
    # the force taking a side on a public body's decision; a partner's campaign joined is no side taken
    political = book.rule("political").patterns
    assert any(pattern.search("add that the police support the residents' march against the new incinerator") for pattern in political)
    assert any(pattern.search("say the town hall's decision to sell off the playing fields behind the school was a mistake")
               for pattern in political)
    assert not any(pattern.search("we're supporting the borough's litter campaign this spring") for pattern in political)
    assert any(pattern.search("we're putting out a statement on a tricky legal question about the closure order")
               for pattern in book.rule("complex_legal_statement").patterns)
    conduct = book.rule("complaints_misconduct").patterns
    for told in ["a cyclist emailed to say the officers who pulled him over by the canal were rude",
                 "a shopkeeper reckons our pcsos were aggressive to his customers"]:
        assert any(pattern.search(told) for pattern in conduct), told
    assert not any(pattern.search("the officers who found him were brilliant.") for pattern in conduct)
    # said of an officer named earlier in the sentence, by whoever criticises them; not a suspect's own conduct told
    assert any(pattern.search("the pcso at the cordon turned him back and he reckons she was really rude") for pattern in conduct)
    assert not any(pattern.search("officers arrested the driver after he was aggressive at the scene") for pattern in conduct)
    assert book.topics["Local joint initiatives"].search("we're rolling out free bike marking with the council next month")
    assert not book.topics["Local joint initiatives"].search("we're rolling out free bike marking next month")
    major = book.rule("major_incident").patterns
    for told in ["loads of casualties at the market", "a gold group has been set up", "they've stood up a gold group"]:
        assert any(pattern.search(told) for pattern in major), told
    assert not any(pattern.search("she won a gold medal and the group set up a fundraiser") for pattern in major)
    record = book.rule("prejudicial_comment").patterns
    for told in ["he was already serving a suspended sentence for theft", "subject to a community order for a previous burglary",
                 "released from prison in the summer"]:
        assert any(pattern.search(told) for pattern in record), told
    assert not any(pattern.search("the previous owner of the shop is on licence to sell alcohol") for pattern in record)
    raids = "Met wide operations e.g raids, BigWings, engagement activities and campaigns"
    assert book.topics[raids].search("we're executing three drugs warrants on thursday")
    assert book.topics[raids].search("warrants at two flats on the estate first thing")
    assert not book.topics[raids].search("he showed his warrant card at the door")
    assert book.topics["Force Reputation"].search("there's a video doing the rounds of our lot arresting a cyclist")
    assert book.topics["Force Reputation"].search("after the panorama programme on the met last night")
    assert not book.topics["Force Reputation"].search("can i post a video of our officers at the school fair")
    assert any(pattern.search("paramedics say there are several casualties at the bus station")
               for pattern in book.rule("major_incident").patterns)
    assert not any(pattern.search("one casualty taken to hospital after the collision") for pattern in book.rule("major_incident").patterns)
    assert book.vocabulary["london_borough"].fullmatch("waltham forest") and not book.vocabulary["london_borough"].fullmatch("brentford")


@pytest.mark.parametrize("topic, text, found", [
    # answering a published piece about the force is its reputation; replying to a reporter's email is routine
    ("Force Reputation", "a reply to yesterday's opinion piece about response times", True),
    ("Force Reputation", "i'm replying to the reporter's email with the road closure times", False),
    ("Force SOP", "explain how our burglary team really prioritises reports", True),
    # cuts said to cause a loss are the force's money; a power cut or a short cut is not
    ("Budgetary/Financial", "these savings have left the front counter shut three days a week", True),
    ("Budgetary/Financial", "the power cut left the street dark for hours", False),
    # the guidance named with what it governs in between
    ("Force SOP", "a slide from the pursuit driving policy showing when we may box a car in", True),
    # any vehicle stolen is car crime; a robbery from a moped is not a moped stolen
    ("Car Crime", "we got her nicked scooter back to her this morning", True),
    ("Car Crime", "three vans were broken into on the trading estate", True),
    ("Car Crime", "robberies by lads on mopeds snatching phones", False),
    # a found thing's owner asked for in the post's own words is lost and found
    ("Local Good News", "a pushchair abandoned by the swings: can the ward feed ask if it's yours?", True),
    ("Local Good News", "a post asking who these keys belong to", True),
    ("Local Good News", "we got the tabby back to her owners by teatime", True),
    ("Local Good News", "a quick post with a pic of the ferret in case his owner is searching", True),
    ("Local Good News", "the owner of the van says the post is fine", False),
    # the owner asked to reach us or to collect, however worded, or sought without the word "owner"
    ("Local Good News", "a bag of shopping left at the bus shelter, we'll ask the owner to inbox the page", True),
    ("Local Good News", "a trike left in the park waits at the front desk for whoever it belongs to", True),
    ("Local Good News", "wanted: the owner of these very muddy wellies", True),
    ("Local Good News", "the owner can ring the shop if the alarm goes off again", False),
    # someone gone and not back is missing, however it is told; a quiet patrol or a late night home is not
    ("Missing people", "grandad nipped out for his paper at 7 and never came home", True),
    ("Missing people", "his mum hasn't seen or heard from him since tuesday", True),
    ("Missing people", "we went out on patrol and haven't been bothered once", False),
    ("Missing people", "she hasn't come home from work yet, she's on a late", False),
    # work done with a partner, whatever it is called; a cannabis joint is no joint initiative
    ("Local joint initiatives", "the snt and the rspca are doing a new joint thing on dog theft", True),
    ("Local joint initiatives", "tfl and our safer transport team have teamed up on cycle marking", True),
    ("Local joint initiatives", "found a joint in the glovebox during the stop", False),
    ("Local joint initiatives", "the council's licensing officers and our teams are hosting a late-night safety hub", True),
    # people moved out of their homes, however said
    ("Evacuation/Other Emergency", "a water main burst and we've got eight families out of the basement flats", True),
    ("Evacuation/Other Emergency", "the occupants were decanted out overnight while the gas board worked", True),
    ("Evacuation/Other Emergency", "we moved the ward panel to the library this month", False),
])
def test_a_row_told_in_plain_words(topic, text, found):
    assert bool(phrase_book().topics[topic].search(text)) is found


@pytest.mark.parametrize(("change", "named"), [
    (lambda text: text.replace("  under_18:\n", "  under_eighteen:\n", 1), "under_18"),
    (lambda text: text.replace("'arrest\\w*'", "'arrest(\\w*'", 1), "arrest("),
    (lambda text: text.replace("<<nicking_someone>>", "<<nicking>>", 1), "no fragment named 'nicking'"),
    (lambda text: text.replace("  arrest:  #", "  arrests:  #", 1), "arrest"),
    (lambda text: text.replace("    why: 'Someone under 18", "    wy: 'Someone under 18", 1), "rules.under_18.why: Field required"),
])
def test_a_malformed_book_is_refused_naming_what_to_fix(change, named):
    text = change(BOOK.decode())
    assert text != BOOK.decode(), "the test's change did not apply"
    with pytest.raises(PresslineError, match="not a valid phrase book") as refused:
        read_phrase_book(text.encode(), "corpus/phrases.yaml")
    assert named in str(refused.value) and "corpus/phrases.yaml" in str(refused.value)


def test_an_unapproved_edit_is_not_used_and_a_book_never_approved_stops_the_engine(tmp_path):
    corpus = copy_corpus(tmp_path / "corpus")
    settings = make_settings(tmp_path, corpus)
    path = corpus / "phrases.yaml"
    assert load_phrase_book(settings).rule("death").why  # approved by the manifest, so kept as the fallback
    path.write_text(path.read_text().replace("      - 'drowned'\n", "", 1))
    assert load_phrase_book(settings).rule("death").patterns[0].search("he drowned")  # the last approved version
    Approvals(settings).approve(path, "DMC duty press officer")
    assert not load_phrase_book(settings).rule("death").patterns[0].search("he drowned")

    fresh = copy_corpus(tmp_path / "fresh")
    (fresh / "phrases.yaml").write_text((fresh / "phrases.yaml").read_text() + "\n# edited\n")
    with pytest.raises(PresslineError, match="never been approved.*does not answer without its rules"):
        load_phrase_book(make_settings(tmp_path / "other", fresh))
