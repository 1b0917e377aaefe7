"""Units and the extractive composer: sentences and whole lists, quoted verbatim with their citation numbers.

The corpus tests use the real index (Chroma, the embedding model, the unit vectors written at ingest).
"""

import datetime as dt

import numpy as np
import pytest

from assistant.api import Engine
from assistant.compose import UnitIndex, quoted_units, render_unit
from assistant.pipeline import unit_citation
from assistant.verify import quote_is_verbatim
from evals.scoring import unquoted_units
from ingest.generations import current
from ingest.units import UNITS_FILE, Unit, generation_units, passage_units, sentences, unit_keys

TODAY = dt.date(2026, 12, 3)


def test_sentences_end_at_full_stops_but_not_after_abbreviations_or_section_signs():
    text = "Under CCA 1981 s. 4(2) a court may postpone reports. It is \"strict.\" See e.g. The Act! 12 men went.\nMr. Smith left"
    assert sentences(text) == ["Under CCA 1981 s. 4(2) a court may postpone reports.", 'It is "strict."',
                               "See e.g. The Act!", "12 men went.", "Mr. Smith left"]


def _row(chunk_id: str, quote: str, start: int, section: str = "Roles", doc: str = "policy-x") -> tuple[str, str, dict]:
    return chunk_id, quote, {"doc_id": doc, "kind": "policy", "quote": quote, "start": start, "locator": f"Doc › {section}",
                             "section": section, "source": "corpus/policy/x.md", "title": "Doc"}


def test_a_list_split_between_two_chunks_comes_back_whole_with_its_lead_in():
    first = "Boroughs can tell residents about:\n- Missing people\n- Road traffic collisions"
    second = "- Appeals\n- Crime prevention advice\n\nAll of these suit local accounts. Photos make tweets better."
    units = passage_units([_row("d::0001", second, 200), _row("d::0000", first, 100)])
    listed = [unit for unit in units if unit.is_list]
    assert len(listed) == 1
    whole = listed[0]
    assert whole.lead == "Boroughs can tell residents about:" and whole.lead_in_text
    assert whole.items == ("Missing people", "Road traffic collisions", "Appeals", "Crime prevention advice")
    assert whole.chunk_id == "d::0000"
    assert [unit.text for unit in units if not unit.is_list] == ["All of these suit local accounts.", "Photos make tweets better."]
    assert render_unit(whole, 2).splitlines() == ["Boroughs can tell residents about: [2]", "- Missing people",
                                                 "- Road traffic collisions", "- Appeals", "- Crime prevention advice"]


def test_a_list_that_opens_its_section_is_led_by_the_heading_and_found_by_each_item_after_it():
    units = passage_units([_row("d::0003", "- Provide media awareness training\n- Distribute key messages", 10,
                                section="DMC Borough Support team")])
    assert units == [Unit("d::0003", "- Provide media awareness training\n- Distribute key messages",
                          lead="DMC Borough Support team", items=("Provide media awareness training", "Distribute key messages"))]
    assert units[0].keys == ("DMC Borough Support team", "DMC Borough Support team Provide media awareness training",
                             "DMC Borough Support team Distribute key messages")


def test_points_written_as_prose_are_units_of_their_own_as_well_as_the_whole_list():
    quote = ("- Contempt risk starts at arrest, not at charge. A case becomes active at the first of an arrest or a charge.\n"
             "- The case stays active while the suspect is on bail, through charge and trial, until acquittal or sentence.")
    units = passage_units([_row("d::0001", quote, 0, section="When it bites")])
    points = [unit.text for unit in units if not unit.is_list]
    assert points == ["Contempt risk starts at arrest, not at charge. A case becomes active at the first of an arrest or a charge.",
                      "The case stays active while the suspect is on bail, through charge and trial, until acquittal or sentence."]
    assert all(unit.keys[0].startswith("When it bites: ") for unit in units if not unit.is_list)
    assert [unit.is_list for unit in units] == [False, False, True]


def test_the_render_and_the_reader_of_quoted_units_agree():
    answer = "From the force's documents:\n\nA sentence. [1]\n\nLead: [2]\n- one\n- two"
    assert quoted_units(answer) == [(1, ["A sentence."]), (2, ["Lead:", "one", "two"])]


@pytest.fixture(scope="module")
def engine(corpus_settings) -> Engine:
    return Engine(corpus_settings, audit=False)


def test_ingest_writes_a_vector_for_every_unit_in_the_generation(corpus_settings, engine):
    vectors = generation_units(corpus_settings, current(corpus_settings))
    store_rows = [(row.id, row.text, row.meta) for row in engine.resources.rows.values()]
    assert vectors is not None and set(unit_keys(passage_units(store_rows))) <= set(vectors)
    assert (corpus_settings.data_dir / "generations" / current(corpus_settings) / UNITS_FILE).exists()


def test_every_list_in_the_corpus_is_quoted_whole_with_its_lead_in_and_verbatim(corpus_settings, engine):
    res = engine.resources
    lists = [unit for unit in res.units.units if unit.is_list]
    assert len(lists) > 40  # the factsheets' "What you may say" lists, the policies' role lists, …
    for unit in lists:
        citation = unit_citation(res.rows[unit.chunk_id], unit)
        assert quote_is_verbatim(citation, corpus_settings), unit.text
        rendered = render_unit(unit, 1).splitlines()
        assert rendered[1:] == [f"- {item}" for item in unit.items]
        assert not unit.lead or rendered[0].startswith(unit.lead)


def test_a_list_across_two_chunks_of_the_corpus_is_one_unit(engine):
    res = engine.resources
    rows_by_section = {}
    for row in res.rows.values():
        rows_by_section.setdefault((row.doc_id, row.meta.get("locator")), []).append(row)
    split = [rows for rows in rows_by_section.values() if len(rows) > 1 and any("\n- " in f"\n{row.meta.get('quote', '')}" for row in rows)]
    assert split, "the corpus has no section of more than one chunk with a list: this test checks nothing"
    for rows in split:
        items = [line for row in rows for line in row.meta["quote"].splitlines() if line.startswith("- ")]
        listed = [unit for unit in res.units.units if unit.is_list and unit.chunk_id in {row.id for row in rows}]
        assert sum(len(unit.items) for unit in listed) == len(items)


def test_an_informational_answer_opens_with_verbatim_units_and_their_numbers(corpus_settings, engine):
    result = engine.answer("Which team provides media awareness training to officers on staff training days?", today=TODAY)
    assert result.status == "answered"
    quoted = quoted_units(result.answer)
    assert 1 <= len(quoted) <= 4
    assert "media awareness training" in result.answer.lower()
    assert unquoted_units(result) == []
    assert all(quote_is_verbatim(citation, corpus_settings) for citation in result.citations)


def test_a_contact_question_gives_the_number_in_the_first_unit(engine):
    result = engine.answer("What's the phone number for the Press Bureau?", today=TODAY)
    first = quoted_units(result.answer)[0]
    assert "763300" in " ".join(first[1])


def test_a_question_in_no_words_of_publishing_that_the_documents_answer_closely_is_answered_from_them(engine):
    result = engine.answer("which group of volunteers looks at our search records each month?", today=TODAY)
    assert result.in_scope and result.status != "refused_out_of_scope"
    assert "Community Monitoring Group" in result.answer and unquoted_units(result) == []
    off_topic = engine.answer("Who's the best striker Arsenal have ever had?", today=TODAY)
    assert off_topic.status == "refused_out_of_scope"


def test_a_passages_keyword_share_orders_the_units_but_never_offers_one_below_the_floor():
    near, far = Unit("chunk-a", "Bikes are marked free at the station."), Unit("chunk-b", "Mark your bike at the station.")
    vectors = {near.keys[0]: np.array([1.0, 0.0], dtype=np.float32), far.keys[0]: np.array([0.8, 0.6], dtype=np.float32)}
    index = UnitIndex.build([near, far], vectors)
    question = np.array([1.0, 0.0], dtype=np.float32)
    plain = index.best(question, "when is bike marking", allowed=lambda unit: True, keep_within=1.0)
    assert [item.unit for item in plain] == [near, far]
    boosted = index.best(question, "when is bike marking", allowed=lambda unit: True, keep_within=1.0, passages={"chunk-b": 9.0})
    assert [item.unit for item in boosted] == [far, near]
    assert boosted[0].score == plain[1].score and boosted[0].rank > boosted[0].score  # the thresholds read the unit's own score
    floored = index.best(question, "when is bike marking", allowed=lambda unit: True, keep_within=1.0, passages={"chunk-b": 9.0},
                         floor=plain[0].score)
    assert [item.unit for item in floored] == [near]


def test_a_question_the_documents_do_not_answer_gets_no_evidence_not_a_guess(engine):
    result = engine.answer("Which colour palette must ward Facebook banners use?", today=TODAY)
    assert result.status == "refused_no_evidence"
    assert not quoted_units(result.answer) and not result.citations
    assert "763300" in result.answer


@pytest.mark.parametrize("question", [
    "How many young people sit on the London-wide youth reference group for stop and search?",
    "When is the next workshop on media law that DMC runs for borough SPOCs?",
])
def test_a_question_for_a_count_or_a_date_the_documents_never_give_gets_no_evidence(engine, question):
    # the documents speak of the group and of the workshops, but give no number of members and no date
    result = engine.answer(question, today=TODAY)
    assert result.status == "refused_no_evidence"
    assert not quoted_units(result.answer)


def test_a_count_the_documents_give_as_a_list_is_still_answered(engine):
    result = engine.answer("For a slide, how many themes does the charter on stop and search set out?", today=TODAY)
    assert result.status == "answered" and quoted_units(result.answer)


def test_the_kind_of_fact_asked_for_is_read_from_the_question_and_found_only_in_its_own_form():
    from assistant.answer_kind import Asked, asked_for, gives_what_is_asked

    assert asked_for("Two things: what year did it start, and how many officers went?") == [
        Asked("year"), Asked("count", "officers")]
    assert asked_for("What must we leave out of a post about an arrest?") == []
    assert asked_for("Is there a time limit on replying?") == []  # a time limit is no time of day
    assert gives_what_is_asked("How many officers went?", ["Twelve officers from the team went along."])
    assert not gives_what_is_asked("How many officers went?", ["Officers from the team went along, 3 days running."])
    assert gives_what_is_asked("How many days should pass?", ["Wait until over a week is up."])
    assert gives_what_is_asked("How many branches are there?", ["The branches are:\n1. North\n2. South"])
    assert not gives_what_is_asked("When is the next briefing?", ["Briefings are held regularly."])
    assert gives_what_is_asked("When is the next briefing?", ["The next briefing is on 4 March."])
    assert not gives_what_is_asked("What time of day is busiest?", ["The desk is staffed by a 2-person team."])
    assert gives_what_is_asked("What time do they open?", ["They open at 9am."])
    assert gives_what_is_asked("How much money was set aside?", ["The fund stood at £60,000."])
    assert not gives_what_is_asked("How much budget do wards get for adverts?", ["Adverts are paid for centrally."])
    assert not gives_what_is_asked("Which email address do I send it to?", ["Send it to the duty desk by internal email."])
    assert gives_what_is_asked("whats the email for bookings", ["Bookings go to events.team@example.org."])


def test_a_contact_asked_for_by_an_email_the_documents_do_not_give_has_no_evidence(engine):
    result = engine.answer("which email address does the press desk use? want to forward my draft", today=TODAY)
    assert result.status == "refused_no_evidence" and "763300" in result.answer


def test_a_list_longer_than_a_chunk_is_split_between_items_and_each_part_repeats_its_lead_in():
    from ingest.chunking import chunk_document
    from ingest.documents import Document, Page

    items = "\n".join(f"- Point number {n} says something short about posting" for n in range(1, 13))
    text = f"# Guide\n\nIntro sentence for the guide.\n\nOfficers should remember:\n{items}\n"
    doc = Document(id="policy-guide", title="Guide", kind="policy", source="corpus/policy/guide.md", status="current",
                   meta={}, pages=[Page(text)], format="markdown")
    chunks = chunk_document(doc, max_words=40)
    listed = [chunk for chunk in chunks if "Point number" in chunk.quote]
    assert len(listed) > 1
    for chunk in listed:
        assert all(line.startswith(("- ", "Officers should remember:", "Intro")) for line in chunk.quote.splitlines() if line)
        assert "Officers should remember:" in chunk.text  # the lead-in, repeated in the text that is embedded
    assert all(chunk.quote in text for chunk in chunks)  # quotes stay verbatim
    units = passage_units([(chunk.id, chunk.text, chunk.metadata) for chunk in chunks])
    whole = [unit for unit in units if unit.is_list]
    assert len(whole) == 1 and len(whole[0].items) == 12 and whole[0].lead == "Officers should remember:"


def test_an_interview_brief_on_a_covered_topic_has_complete_sentences_and_every_current_line_on_it(engine):
    brief = engine.prepare_interview("stop and search", today=TODAY)
    assert brief.covered and 3 <= len(brief.key_messages) <= 5
    for message in brief.key_messages:
        assert message.quote[0].isupper() and message.quote.rstrip().endswith((".", "!", "?")), message.quote
        assert "\n- " not in message.quote and message.kind in ("policy", "press_line", "media_law")
        assert "Financial" not in message.locator and "Recommendation" not in message.locator
    every = {line.id for line in engine.press_lines(TODAY) if line.topic == "stop_and_search"}
    assert {line.id for line in brief.press_lines} == every


def test_an_interview_brief_on_a_topic_the_documents_do_not_cover_says_so_and_pads_nothing(engine):
    brief = engine.prepare_interview("allotment vegetable show judging", today=TODAY)
    assert not brief.covered and not brief.key_messages and not brief.press_lines
    assert "do not cover" in brief.not_covered and "763300" in brief.not_covered


def test_an_interview_asked_in_the_chat_quotes_its_subject_and_sends_the_inspector_to_dmc_beforehand(engine):
    result = engine.answer("I'm the Southwark response Insp and I've agreed a chat with the South London Press next week about "
                           "stop and search. What should I be getting across?", today=TODAY)
    assert result.status == "escalated" and [entry.to for entry in result.escalation] == ["dmc"], result.answer
    assert quoted_units(result.answer) and "stop and search" in " ".join(quoted_units(result.answer)[0][1]).lower(), result.answer
