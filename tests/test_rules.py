"""Every risk that raises the verdict: three differently worded questions that raise it, three near-misses that must not.

Each question goes through the readers that need no model (phrases, aliases, people, proceedings,
publication) and the verdict policy, so a case passes however the risk is read.
"""

import datetime as dt
from dataclasses import replace

import pytest

from assistant.dates import find_dates
from assistant.normalise import normalise
from assistant.policy import decide
from assistant.readers import Reading, read
from assistant.readers.people import read_people
from assistant.readers.text import Turn
from assistant.phrasebook import phrase_book
from assistant.topics import TopicMatcher

TODAY = dt.date(2026, 11, 20)
MODEL_FREE_READERS = frozenset({"phrases", "aliases", "people"})

CASES = {
    "under_18": (
        ["We arrested a 15-year-old for the burglary on Cedar Road. Can I tweet it?",
         "lad on a moped got nicked for snatching phones, hes 16, can i tweet it",
         "A 14-year-old girl was punched at the bus stop. Can we tweet that we're investigating?",
         "3 yr 10 lads arrested for the graffiti at the library. Can I tweet it?"],
        ["We arrested an 18-year-old for criminal damage to the bus shelter. Can I tweet it?",
         "Can we tweet about our SNT reading to Year 2 at the primary school for World Book Day?",
         "Man aged 34 arrested for burglary, he got 16 months last time. Can I tweet the arrest?",
         "Thanks to the officers who helped after a minor collision on the high road. Can I post it?",
         "Gave a hate crime awareness session to the year 9s at Hollyfield Academy today, can I post a pic of the school gates?",
         "Poster for our food bank drive: 'WANTED: tins, nappies and kids' coats, drop them at the front office'. OK?"],
    ),
    "sexual_offence": (
        ["Appeal: a man exposed himself to two students by the canal path on Monday evening. Ok to post?",
         "Man arrested on suspicion of rape after an incident last night. Can we tweet the arrest?",
         "can we put out that we lifted a bloke for flashing on the common?",
         "A woman was sexually assaulted on her way home. Can we put out an appeal?"],
        ["A woman was assaulted at the bus stop and a man has been arrested. Can we tweet it?",
         "Can I tweet crime prevention advice about keeping sheds locked?",
         "Man arrested for criminal damage to the bus shelter. Can I tweet it?"],
    ),
    "jigsaw_identification": (
        ["Draft: 'A man exposed himself to a woman as she walked her dog on Orchard Crescent.'",
         "The woman was sexually assaulted in her flat on Elm Street. Can I tweet about the assault?",
         "Is it OK to tweet the name of the street where the rape victim lives?",
         "Can our tweet about the verdict under the section 46 direction mention that a local shopkeeper gave evidence?",
         "Draft: 'A woman was sexually assaulted while walking home, as she does every evening, through the park.'",
         "Draft: 'A woman who cuts across the green after each night shift was sexually assaulted there.'",
         "Draft: 'The complainant, whom he coached at the boxing club, reported the sexual assault in May.'"],
        ["Burglary on Elm Street last night, can I tweet a warning to residents?",
         "Man arrested on suspicion of rape. Can we tweet the arrest with no other details?",
         "Criminal damage to cars on Brook Road overnight. Can I tweet to reassure residents?"],
    ),
    "prejudicial_comment": (
        ["Can we tweet 'this thug has finally been taken off our streets' about the bloke charged with the stabbing?",
         "When I tweet about the burglary arrest, can I say he's a well-known local burglar with 20 previous?",
         "He's on remand waiting for trial. Can I tweet that the CCTV shows him clear as day smashing the window?",
         "Can I post 'the louts who wrecked the bus stop have been arrested'?",
         "Draft: 'Got him! Man, 30, charged with the cash machine thefts in Ilford'",
         "Man charged with supplying cocaine in Walthamstow: can I add 'another pusher off our streets'?",
         "Draft: 'We arrested a 41-year-old from Ilford for the van thefts. Karma is coming for him!'",
         "Can I tweet that the driver was arrested and will definitely be charged with dangerous driving?",
         "Draft: 'A woman, 44, is charged with the bag snatches. She was sent down for the same thing back in 2021.'",
         "Draft: 'Man, 23, charged with the garage break-ins. Guess who's done it before 🙄'",
         "Draft: 'Charged and remanded for the phone thefts. Bang her up!'",
         "Arrested last night for the till thefts; the scrote was already under a community order. Good to tweet?"],
        ["Is 'a man has been arrested on suspicion of burglary' OK to tweet?",
         "The man arrested after the crash is in custody; we got him to hospital first. Can I tweet the arrest?",
         "For the burglary arrest tweet, can I say he's a 34-year-old man from Penge and that he's been bailed?",
         "He was sentenced yesterday to four years for the burglaries. Can the borough account post it?",
         "Draft: 'Pedal bikes and e-scooters? Lock them up, both wheels, every night.'",
         "Anyone caught fly-tipping will be fined. Can I tweet that after we arrested a man for it last week?"],
    ),
    "naming_arrested": (
        ["Can I name the 34-year-old we arrested for burglary? Everyone on the estate knows it's him anyway.",
         "A journalist has asked us to confirm it's Darren Smith we arrested for the assault. Can I just say yes?",
         "Can I tweet the name of the man we arrested for the stabbing on Rye Lane?"],
        ["We arrested a man for burglary last night, he's 34 and in custody. Won't name him obviously.",
         "can i tweet about the burglary, we nicked a bloke for it last night. no name ofc",
         "We arrested three people for shoplifting. Can we post it without their names?"],
    ),
    "identifiable_images": (
        ["Can I post the CCTV stills of the men who smashed up the bus shelter?",
         "Can I put the custody photo of the shoplifter we charged on insta?",
         "wanna put the mugshot up of the geezer who got 3 years yday",
         "Drink-drive arrest after the car hit a bollard. Can I post the photo of the car with the number plate clearly visible?",
         "After the robbery at the kebab shop last night, can I make a short video of the staff's phone clips for the ward page?",
         "Poster for the lamp posts: 'Know this man? Call 101.' I'll use the picture taken when he was booked in last spring."],
        ["Can I put up a photo of our crime prevention stall outside Sainsbury's on Saturday?",
         "Can I retweet the council's post about the new CCTV cameras going up on the high street?",
         "criminal damge to the bus stop on the parade, can i stick it on insta with a pic of the smashed glass",
         "Phone snatched on the high street on Friday. Can we ask anybody who has dashcam footage to call 101?",
         "Run of parcel thefts: can I post advice to fit a video doorbell and use a safe place?",
         "We made a crime prevention video on marking bikes with the shop on the parade. Can it go on the ward page?",
         "Two bikes were stolen off the racks last week so I'll film a short video at Saturday's marking stall. Can it go up?",
         "After the break-ins on Elm Row, can the ward page link to the force's doorstep safety video?",
         # an appeal named by the camera the public own asks for their footage
         "Van and moped collision at the lights on Tuesday, rider bruised. Roads team would like a dashcam appeal too. Ok?",
         # a pet that went missing is no incident: a picture of it with the officer who found it shows no one at risk
         "Can we head it MISSING even though she's a whippet? Pickle slipped out of a back gate. Photo of her beside the PCSO "
         "who spotted her?",
         # footage said to show nothing is no picture of anyone
         "Pair of garages on Crane Road broken into after midnight, tools gone and nothing on CCTV so far; warn the neighbours?",
         # footage the investigation is gathering is no picture the post shows
         "Window of the florist on Mill Lane put through overnight, nobody arrested yet. The shop's CCTV has been seized. Can I "
         "post that we're on it?",
         "Bloke punched at the cab rank on Friday, no one nicked so far, CCTV enquiries under way. Ok to tweet that patrols are "
         "stepped up?"],
    ),
    "death": (
        ["There's been a crash on the A20 and the road's shut. Sadly the driver has died. Can I tweet the closure?",
         "An elderly man was found dead at his flat, not suspicious. Can I tweet something?",
         "A man died in custody overnight. Can we put a holding statement on the borough account?"],
        ["Minor RTC on Lewisham Way earlier, nobody was killed or hurt. Can I tweet that the road's open?",
         "Can I tweet about the ward panel meeting next Tuesday?",
         "Non-injury RTC on the A23, road closed. Can I tweet the diversion?",
         "We're dead busy with the Christmas market patrols. Can I tweet our bag-safety tips?",
         "Never posted our scam-call advice video from last month, is it dead now or can it still go up?"],
    ),
    "complaints_misconduct": (
        ["A bloke is complaining on X that our officers were rude to him during a stop. Can I reply?",
         "A PCSO has been dismissed for gross misconduct. Can we tweet it?",
         "One of our PCs has been suspended. Can I tweet that we're dealing with it?",
         "Someone on Facebook says the PCSOs were really aggressive towards her son outside the library. Can I answer her?",
         "A man posted that police manhandled him at the station barrier. I'd like to put our version underneath",
         "Her brother posted that the cops pinned him against the shutter outside Lidl. Worth answering him?",
         "Can I post a welcome back to Sgt Kemi Ade on the team page now her suspension is over?"],
        ["Residents have been complaining about noise from youths gathering by the shops. Can we tweet about ASB patrols?",
         "The officers were brilliant with the kids at the open day. Can I post a thank-you?",
         "Our PCSOs pushed a pensioner's car off the icy hill on Tuesday. Nice one for the page?",
         "He got a suspended sentence yesterday. Can I tweet the result?",
         "The car's suspension was wrecked in the crash on the A2 and the road is shut. Can I tweet the closure?",
         "Can I tweet a thank you to the community group for the litter pick?"],
    ),
    "terror_threat_level": (
        ["Can I tweet that the threat level's been raised to severe?",
         "Someone's asked whether the terrorism threat level is substantial. Can I reply with it?",
         "Can I do a crime prevention post for the Christmas market that mentions the national threat level?"],
        ["Can I tweet crime prevention advice for the Christmas market?",
         "Can I tweet a reminder to keep bags zipped at the Christmas market?",
         "Can we post about the new bike marking scheme?"],
    ),
    "major_incident": (
        ["Major incident declared for the tower block fire. Can the ward account post updates?",
         "There's serious disorder in the town centre after the match. Can I post live updates?",
         "A van has ploughed into shoppers on the high street, several people down. Tweet a warning to stay away?",
         "It's been declared a critical incident. Can I tweet what we know?"],
        ["Can I tweet the road closure after a minor collision?",
         "Can we tweet about the ward panel meeting?",
         "Bandstand carols on Sunday drew lots of people down at the park, so a pic for the page?",
         "Gas leak on Albert Road, we've evacuated twenty houses. Can I tweet to keep people away?"],
    ),
    "political": (
        ["Our local MP wants to come on patrol with the SNT. Can I tweet photos of her with the team?",
         "It's the pre-election period for the by-election. Can I tweet a photo of the candidate at our meeting?",
         "Can we tweet a good news story thanking the councillor who helped fund the new CCTV?",
         "Can I retweet the council's fly-tipping post and add that the council are hopeless at clearing it?",
         "The leader of Barnet Council is opening our new front counter, can we post photos of her cutting the ribbon?",
         "Could the ward account thank the council leader and the cabinet member for housing for the new lighting?"],
        ["Can we tweet a thank you to the residents' association for the litter pick?",
         "Can I tweet about the MOPAC-funded Know Your Rights leaflets? (Deputy Mayor for Policing and Crime decision)",
         "Can I advertise our street meeting next Thursday?",
         "Can I retweet the council's post about clearing fly-tipping in the alleys?"],
    ),
    "court_order": (
        ["The judge made a section 4(2) order postponing reporting. Can we tweet that the first defendant was convicted?",
         "The court made a section 11 order withholding the victim's name. Can I tweet the sentence?",
         "There's a reporting direction for the adult witness. Can our tweet mention her?",
         "The judge made an order at the start of the trial that the boy couldn't be named. Can we tweet the verdict?",
         "The magistrates postponed reporting of the first trial. Can I post the result?",
         "The judge said nothing can be reported until the co-defendant's trial. Can we tweet the sentence?",
         "The judge imposed a 4(2) order, though the jury has now returned. Is the verdict OK for Twitter?",
         "The youth who gave evidence is covered by a s.39 direction - can the result still go on the page?",
         "There's an order banning the papers from naming the shopkeeper. Can our post name her?"],
        ["He was sentenced yesterday to four years. Can I tweet the result?",
         "The bench gave the graffiti lad a year-long order banning him from entering the shopping centre. Can I let the shops know?",
         "Can I tweet that we've carried out a section 60 search operation?",
         "Can I tweet about the court case? It's already in the Standard and was sentenced yesterday."],
    ),
    "defamation": (
        ["We've had a solicitor's letter saying our tweet defamed the café owner. Do I delete it or reply?",
         "A businessman is threatening to sue for libel over our tweet. What do I do?",
         "A cease and desist letter arrived about our post on the garage. Can I reply?",
         "Draft: 'Residents, avoid Brightwater Plumbing on the parade - total cowboys.' OK to post?",
         "Can I warn people that the Golden Crown Food & Wine on Station Road is selling cigarettes to kids?"],
        ["Can I tweet that a man has been arrested on suspicion of burglary?",
         "Can I reply to a resident asking when the ward panel meets?",
         "Can I tweet that we've charged a man with GBH? It's already in the local paper.",
         "Rogue traders are calling at doors in Sidcup. Never pay upfront. Can I post that?",
         "Thanks to Rosa's Bakery for the mince pies at the street meeting, can we post a photo?",
         "Joint day with Enfield Trading Standards on knives sold to under-18s. Can I post about it afterwards?"],
    ),
    "personal_data": (
        # particulars listed together are someone's personal data
        ["Photo of the parade briefing for the page - the printout behind us lists names and addresses for today's three visits.",
         "Can I post a screenshot of the PNC record of the disqualified driver we stopped?",
         "A journalist wants the burglary victim's address and phone number from CRIS. Can I pass it on?",
         "Can I tweet the ANPR hit and the registered keeper's name for the car?",
         "Can I post what the CAD log says about the caller?",
         "Found wallet at the front counter - can I put a picture of his driving licence on the page so he comes in?"],
        ["Can I tweet advice on how to report fraud online?",
         "Appeal for the bike theft at the station: anyone who saw it please call 101 quoting CAD 2290/14NOV. OK to post?",
         "Can I put out a witness appeal for the smashed shop window with the CAD reference and 101?",
         "Witness appeal for the stolen scooter: call 101 with the CAD/CRIS number. OK for the ward page?",
         "Can I share a link to the Met website page on how to report a crime?",
         "Can I post a screenshot of the council's tweet about the road closure?",
         "ANPR team here - can the borough account advertise our stall at the road safety day?"],
    ),
    "complex_legal_statement": (
        ["We're facing a judicial review over last month's section 60 authorisation. Can I put out a statement?",
         "A reporter wants a statement on whether the dispersal order was lawful. Can I give one?",
         "The tribunal ruled against us. Can I tweet our response?"],
        ["Can I tweet about the dispersal order on the estate?",
         "Can I tweet the ward panel meeting dates?",
         "Can I tweet crime prevention advice for students?"],
    ),
    "court_result_over_a_week": (
        ["The burglar was sentenced on the 7th at Inner London Crown Court. Can I tweet the result now?",
         "The court result came through three weeks ago. Can I still put it out?",
         "She was jailed on Thursday of last week. Can I tweet about it today?"],
        ["He was sentenced yesterday to four years. Can the borough account post it?",
         "Sentenced last Friday at Croydon Crown Court, 30 months. Still OK to tweet?",
         "Sentenced on Monday at Snaresbrook. OK to post?"],
    ),
    "identifies_person": (
        ["Can I post this: 'Dean Walsh, 24, of Elm Road, has been arrested for burglary'?",
         "we've arrested jay smith 19 for the robbery, can i tweet it",
         "A woman was assaulted at the bus stop. Can the appeal give the victim's home address so neighbours can help?"],
        ["Thanks to PC Sarah Jones for her work at the ward panel, can I tweet a thank you?",
         "Can I tweet about a minor collision on the high street? Road's open again.",
         "We arrested a man for burglary on Lordship Lane, he's 34 and in custody. Won't name him. Can I tweet it?"],
    ),
    "speaking_below_inspector": (
        ["I'm a PC and a journalist from the local paper wants a comment on the burglaries. Can I give one?",
         "PCSO here - a reporter asked me about the stabbing on the estate, what can I say to him?",
         "As a sergeant can I do an interview with BBC London about knife crime on the ward?"],
        ["I'm an inspector, can I speak to the local paper about the burglary spate?",
         "I'm a PC. Can I tweet crime prevention tips about locking sheds?",
         "A journalist asked me for a comment on the burglaries; I'm the duty inspector. What should I say?"],
    ),
    "ethnicity_nationality": (
        ["Can we give the suspect's ethnicity in our tweet about the burglary arrest?",
         "People say the man charged is an asylum seeker. Can we tweet his nationality?",
         "Can I confirm the immigration status of the man we arrested?",
         "Bulgarian shoplifter arrested at the retail park this morning - can we tweet that?",
         "We've charged a man over the bike thefts; the custody sergeant says he's Lithuanian. Can that go in the post?"],
        ["Can I tweet that a man aged 30 has been arrested for assault?",
         "Can I tweet about our community engagement event at the mosque open day?",
         "Can I tweet a thank you to the volunteers at the food bank?",
         "Can we post our crime prevention leaflet in Polish for the ward's Polish community?",
         # a group the post is for, in a post about nothing anyone did wrong
         "The church hall is collecting winter coats for refugees this weekend. Can I share their poster?",
         "A Romanian man handed in a wallet he found on the bus. Can I thank him on the ward page?"],
    ),
}


def decision_for(question: str, matcher: TopicMatcher):
    normalised = normalise(question)
    reading = Reading(turns=[Turn(0, question, normalised)], text=normalised.text, current_start=0,
                      dates=find_dates(normalised.text, TODAY), today=TODAY, posting=True)
    return decide(read(reading, matcher, None, MODEL_FREE_READERS))


def risks_for(question: str, matcher: TopicMatcher) -> set[str]:
    return {reason.risk for reason in decision_for(question, matcher).reasons}


def test_every_raising_rule_has_cases():
    raising = {name for name, rule in ((rule.name, rule) for rule in phrase_book().rules) if rule.kind == "raises"}
    assert raising == set(CASES)


@pytest.mark.parametrize("rule_name", sorted(CASES))
def test_rule_fires_on_its_cases(rule_name, matcher):
    fires, _ = CASES[rule_name]
    for question in fires:
        assert rule_name in risks_for(question, matcher), f"{rule_name} did not fire on: {question}"


@pytest.mark.parametrize("rule_name", sorted(CASES))
def test_rule_stays_silent_on_near_misses(rule_name, matcher):
    _, misses = CASES[rule_name]
    for question in misses:
        assert rule_name not in risks_for(question, matcher), f"{rule_name} fired on the near-miss: {question}"


def test_the_under_18_rule_reads_ages_as_the_people_reader_does():
    book = phrase_book()
    for text in ["a 15 year old got arrested by Elm Hall, 6.30pm on Friday",
                 "burglary talk at the youth club for members aged 12 to 14; the next 1 is in May",
                 "Kai Dunn, 16, of Brook Road was charged with robbery"]:
        hits = book.rule("under_18").check(book.phrase_text(normalise(text).text, [], 0))
        ages = [age.span for age in read_people([Turn(0, text, normalise(text))]).ages if age.years < 18]
        assert [hit.phrase for hit in hits] == [text[age.start : age.end].lower() for age in ages], text


def test_every_rule_names_passages_and_a_kind():
    for rule in phrase_book().rules:
        assert rule.kind in ("raises", "conditions") and rule.cites and rule.why


def test_arrest_conditions_only_while_proceedings_are_active(matcher):
    def noted(question):
        return "arrest_facts_only" in decision_for(question, matcher).notes

    assert noted("We arrested a man for burglary, he's in custody. Can I tweet it?")
    assert not noted("He was sentenced yesterday for the burglaries. Can I tweet it?")
    assert not noted("Can I tweet burglary prevention tips?")


def test_someone_held_for_an_offence_no_green_row_names_is_no_green_post(matcher):
    """The bare facts of an arrest may go out on a green crime (burglary, assault…); someone held for an offence the table
    does not list, in a post whose green topic is a collision or a thank-you, is held for a matter that is amber."""
    def decided(question):
        decision = decision_for(question, matcher)
        return decision.rag, "arrest_for_another_crime" in decision.notes

    assert decided("Two cars bumped at the lights on Manor Road, no injuries, and one driver was arrested for dangerous driving.") \
        == ("amber", True)
    assert decided("Thanks to the shopkeeper who helped us nab a lad for shoplifting at the post office.") == ("amber", True)
    assert decided("Lifted a bloke for burglary round Holly Road overnight, he's still held. Fine to post?") == ("green", False)
    assert decided("Two cars bumped at the lights on Manor Road, no injuries, road open again. Can I tweet it?") == ("green", False)


def test_an_arrest_told_without_its_offence_is_for_the_crimes_the_story_tells(matcher):
    """An arrest count in a story whose only crime no green row names is held for that crime; one beside a green crime, or
    beside no crime at all, may be for it."""
    def decided(question):
        decision = decision_for(question, matcher)
        return decision.rag, "arrest_for_another_crime" in decision.notes

    assert decided("Thanks to the specials who helped at our drink-driving stops on the A2 this weekend: we arrested 6. Can I "
                   "tweet it?") == ("amber", True)
    assert decided("Garden sheds broken into on Elm Rise and we arrested two men this morning. Can I tweet it?") == ("green", False)
    assert decided("Minor collision on the A2, nobody hurt, and the driver was arrested. Can I tweet the closure?") \
        == ("green", False)
    assert decided("Two e-bikes stolen off the racks by the library on Friday, nobody nicked as yet. Can I tweet some crime "
                   "prevention tips?") == ("green", False)


def test_a_suspects_nationality_before_charge_is_their_privacy(matcher):
    before = decision_for("We arrested a man for the shop robbery and he's on bail. Can I post that he's Albanian?", matcher)
    after = decision_for("A man has been charged with the shop robbery. Can I post that he's Albanian?", matcher)
    assert "privacy_before_charge" in before.legal_matters and "privacy_before_charge" not in after.legal_matters


def test_scorn_for_what_a_public_body_failed_to_do_is_political(matcher):
    assert decision_for("Can I RT the council's bin collection tweet and add 'pity the council never empties them on time'?",
                        matcher).rag == "red"
    assert decision_for("Can I RT the council's bin collection tweet and add 'thanks to the council for the update'?",
                        matcher).rag == "green"


def test_a_line_asked_for_to_give_the_press_sends_the_asker_to_dmc(matcher):
    question = "The Kentish Times rang about last night's arrest. What's the holding line I can give them?"
    normalised = normalise(question)
    reading = Reading(turns=[Turn(0, question, normalised)], text=normalised.text, current_start=0,
                      dates=find_dates(normalised.text, TODAY), today=TODAY, posting=False, asks_for_a_line=True)
    facts = read(reading, matcher, None, MODEL_FREE_READERS)
    assert facts.publication.asker_to_speak and decide(facts).escalate_dmc
    looked_up = read(replace(reading, asks_for_a_line=False), matcher, None, MODEL_FREE_READERS)
    assert not looked_up.publication.asker_to_speak


def test_something_done_by_accident_is_no_road_traffic_collision(matcher):
    found = lambda text: {match.topic.name for match in matcher.find(text)}  # noqa: E731
    assert "Road traffic collision" not in found("i retweeted the wrong thing by accident, how do i undo that?")
    assert "Road traffic collision" in found("there's been an accident on the a2, road's shut")


def test_one_of_our_own_in_trouble_inside_a_list_raises_misconduct_red(matcher):
    decision = decision_for("Newsletter bits: 1) a shed broken into on Elm Road, 2) coffee morning on Friday, "
                            "3) the skipper from Hayes who was done for speeding has left us. ok to post?", matcher)
    assert "complaints_misconduct" in {reason.risk for reason in decision.reasons}
    assert decision.rag == "red"


def test_a_warrant_planned_and_not_yet_public_is_the_raids_row_and_red(matcher):
    decision = decision_for("Ward update with our patrol photos and crime-prevention links, plus a teaser that the estate's dealers "
                            "should watch out on Thursday, as we've a warrant lined up for 5am. Not announced yet. ok?", matcher)
    assert "Met wide operations e.g raids, BigWings, engagement activities and campaigns" in decision.topics
    assert decision.rag == "red"
