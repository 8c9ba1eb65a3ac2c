"""The study, source or author behind a topic: "does the report cite any study on X, and by
whom?", "op welk onderzoek rust de passage over X?", "wie heeft onderzoek gedaan naar X?".

Such a question asks for provenance; the answer quotes the passage on the topic and resolves
its "[n]" markers to the source-register entries (author, title, bronnenboek page), those cited
by the sentence on the topic first. Phrasings written for these tests, none of them a question
of any evaluation set.
"""

from __future__ import annotations

import answer_fixtures
import pytest

from imvo_assist.answer.intents import intent_of
from imvo_assist.answer.sources import topic_groups
from imvo_assist.answer.understand import understand
from imvo_assist.library import Library

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


# --- the intent: asking after the study behind a topic ---------------------------------------
@pytest.mark.parametrize(
    "question",
    [
        "does the analysis refer to a survey about dust in sawmills, and by whom?",
        "which research is the remark about sweatshops built on?",
        "who studied working hours in shoe factories according to the analysis?",
        "what literature underlies the chapter on fishing?",
        "is any study quoted about pesticide use on farms?",
        "what lies behind the claim about deforestation for soy?",
        "according to whom is mining unsafe for children?",
        "op basis van welke studie spreekt het rapport over landroof?",
        "welke publicatie gaat over waterschaarste in de bloementeelt?",
        "door wie is het onderzoek naar kinderarbeid in mijnen gedaan?",
        "wie heeft onderzocht hoe gevaarlijk de scheepssloop is?",
        "volgens wie zijn de lonen in de spinnerijen te laag?",
        "haalt het rapport een enquete onder naaisters aan?",
        "waarop is de uitspraak over oliewinning gebaseerd?",
    ],
)
def test_asking_after_the_study_behind_a_topic_is_provenance(question: str) -> None:
    assert intent_of(question, False, False, has_form=True) == ("provenance", ())


@pytest.mark.parametrize(
    "question",
    [
        "by whom was the garment covenant signed?",
        "door wie wordt het convenant ondertekend?",
        "who chairs the steering group of the covenant?",
        "wie is verantwoordelijk voor het toezicht op het convenant?",
        "who wrote the letter to parliament?",
        "waarop moeten bedrijven letten bij de inkoop van hout?",
        "which sectors did the consultants examine?",
        "what does the report say about safety on drilling rigs?",
    ],
)
def test_who_and_which_questions_about_other_things_are_not_provenance(question: str) -> None:
    intent, _ = intent_of(question, False, False, has_form=True)
    assert intent != "provenance"


def test_an_organisations_own_reports_still_ask_about_inclusion() -> None:
    assert intent_of("did the analysts use the studies of milieudefensie?", False, True, owns_work=True) == (
        "org_included", ())


def test_a_sector_risk_question_keeps_the_study_as_second_intent() -> None:
    question = "which risks does the analysis see for timber, and which study says so?"
    assert intent_of(question, True, False) == ("sector_risks", ("provenance",))


def test_the_words_asking_for_the_source_are_not_the_topic() -> None:
    labels = [g.label for g in topic_groups(understand("Welke studie ligt onder de uitspraak over zandstralen?"))]
    assert "zandstralen" in labels
    assert not {"studie", "ligt", "uitspraak"} & set(labels)


# --- over the shared test corpus ---------------------------------------------------------------
@pytest.mark.shared
def test_a_study_on_a_topic_asked_amid_context_resolves_the_passages_marker(library: Library) -> None:
    answer = library.ask(
        "We run supply vessels for North Sea rigs. Is there research the analysis relies on about "
        "how safe platform work is, and who carried it out?"
    )
    assert answer.intent == "provenance"
    cited = [(c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations]
    assert ("sra-testrapport", "23") in cited[:3]  # the report's passage on the topic
    assert ("bronnenboek-test", "4") in cited[:3]  # ... and the register entry behind its marker
    first = answer.references[0]  # of the passage's markers, the entry on the topic leads
    assert (first["nr"], first["spelling"], first["page"]) == (50, "FNV", "4")
    assert "FNV (Federatie Nederlandse Vakbeweging) (2013). Veiligheid offshore" in answer.answer
    assert "bronnenboek p. 4" in answer.answer


@pytest.mark.shared
def test_a_dutch_who_researched_question_in_a_chapter_leads_with_the_entry_on_the_topic(
    library: Library,
) -> None:
    answer = library.ask("Wie heeft onderzocht hoe kleine chemische bedrijven met oplosmiddelen werken?")
    assert answer.intent == "provenance"
    first = answer.references[0]
    assert (first["nr"], first["spelling"], first["page"]) == (10, "Instituut voor Arbeidsstudies Zuid", "1")
    assert "Blootstelling aan oplosmiddelen in kleine chemische bedrijven" in answer.answer


@pytest.mark.shared
def test_an_entry_found_in_the_register_brings_the_report_passage_citing_it(library: Library) -> None:
    answer = library.ask("Which NGO report is behind the claim about leaking pipelines polluting a delta?")
    assert answer.intent == "provenance"
    first = answer.references[0]
    assert (first["nr"], first["spelling"], first["page"]) == (46, "Milieudefensie", "4")
    # the report passage citing it, quoted by its sentence with the marker
    assert '"Milieudefensie [46] beschreef hoe lekkende pijpleidingen' in answer.answer
    cited = [(c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations]
    assert ("sra-testrapport", "23") in cited
