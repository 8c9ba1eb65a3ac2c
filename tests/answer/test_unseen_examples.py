"""The examples of issue 12, tried as a new user would, over the shared test corpus: each is
answered from the printed page that holds the answer, or honestly not found by name.

Categories: English words without a glossary entry, compounds outside the vocabulary,
meta-words, two entities in one question, unanswerable questions, context and framing around
the question, and noise in composition.
"""

from __future__ import annotations

import answer_fixtures
import pytest

from imvo_assist.library import Library
from imvo_assist.models import Answer

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)

LETTER = "kamerbrief-2014-11-19-sra"
REPORT = "sra-testrapport"


def pages(answer: Answer, first: int = 3) -> list[tuple[str, str]]:
    return [(c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations[:first]]


def text(answer: Answer) -> str:
    return answer.answer.replace("\u2019", "'")


def bullets(answer: Answer) -> list[str]:
    return [line for line in answer.answer.splitlines() if line.startswith("- ")]


# --- English words with no entry in a glossary -------------------------------------------


def test_how_long_should_a_covenant_take(library: Library) -> None:
    answer = library.ask("exact quote: how long should a covenant take, 3-5 years?")
    assert not answer.not_found
    assert (LETTER, "3") in pages(answer)
    assert "3–5 jaar" in answer.answer


def test_deadline_for_the_first_covenants(library: Library) -> None:
    answer = library.ask("What deadline did the government set for the first covenants?")
    assert pages(answer, 1)[0] in {(LETTER, "3"), (LETTER, "4")}
    assert "in 2016 de eerste tien IMVO convenanten" in answer.answer
    assert "secretariat" not in answer.answer


# --- compounds outside the vocabulary ----------------------------------------------------


def test_human_rights_violations_in_extraction(library: Library) -> None:
    answer = library.ask("Welke sectoren kennen mensenrechtenschendingen bij de winning van grondstoffen?")
    assert pages(answer, 1) == [(REPORT, "22")]
    assert "Conflictmineralen" in bullets(answer)[0]
    interpretation = answer.to_dict()["interpretation"]
    assert {"asked": "mensenrechtenschendingen", "parts": ["mensenrechten", "schendingen"]}.items() <= {
        k: v for m in interpretation["mapping"] for k, v in m.items()
        if m["asked"] == "mensenrechtenschendingen"
    }.items()


# --- meta-words ------------------------------------------------------------------------


def test_exact_quote_about_voluntary_agreements(library: Library) -> None:
    answer = library.ask("geef me het exacte citaat over vrijwillige afspraken")
    assert not answer.not_found
    assert pages(answer, 1) == [(LETTER, "5")]
    assert "Vrijwillige afspraken zijn wat het kabinet betreft niet vrijblijvend." in answer.answer
    assert "geef me het exacte citaat over" in answer.to_dict()["interpretation"]["framing"]


def test_where_does_it_say_with_a_quoted_sentence(library: Library) -> None:
    answer = library.ask("Waar staat dat 'de kwaliteit van de convenanten staat voorop'?")
    assert pages(answer, 1) == [(LETTER, "5")]


# --- two entities in one question ---------------------------------------------------------


def test_kpmg_drawing_on_oxfam_novib_asks_about_oxfam_novib(library: Library) -> None:
    answer = library.ask("Has KPMG drawn on Oxfam Novib's reports?")
    assert answer.intent == "org_included" and not answer.not_found
    assert answer.organisations[0]["id"] == "oxfam-novib"
    assert {ref["nr"] for ref in answer.references} == {12, 21, 37, 57}
    assert ("bronnenboek-test", "2") in pages(answer, 4)
    assert "Oxfam Novib" in answer.answer
    assert "By sector: " in answer.answer and "Finance: 1" in answer.answer  # names, not ids


# --- unanswerable questions: not found, by name, with what there is ----------------------


def test_cordaid_is_not_in_the_source_register(library: Library) -> None:
    answer = library.ask("Is er werk van Cordaid gebruikt voor de analyse?")
    assert answer.not_found and not answer.citations
    assert "Cordaid komt niet voor in het bronnenboek" in answer.answer
    assert answer.suggestions


def test_no_cosmetics_covenant(library: Library) -> None:
    answer = library.ask("Welke afspraken bevat het cosmeticaconvenant?")
    assert answer.not_found and not answer.citations
    assert "geen cosmeticaconvenant in de documenten; wel:" in answer.answer
    assert "Convenant Duurzame Kleding en Textiel (testversie)" in answer.suggestions


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Summarise the government's policy on plastic waste in the oceans", "oceans"),
        ("voor het overleg van morgen: wat is het standpunt van het kabinet over de gokindustrie?",
         "gokindustrie"),
        ("Wat zegt de brief over de Europese Investeringsbank?", "Europese Investeringsbank"),
        ("Is there a 2016 report by Oxfam Novib in the source book?", "2016"),
    ],
)
def test_absent_key_content_is_named(library: Library, question: str, named: str) -> None:
    answer = library.ask(question)
    assert answer.not_found and not answer.citations
    assert named in answer.answer


# --- context and framing around the question ----------------------------------------------


@pytest.mark.parametrize(
    ("question", "page", "words"),
    [
        ("ik ben nieuw op dit dossier en wil weten hoe vaak de Kamer wordt geïnformeerd",
         (LETTER, "5"), "ieder half jaar"),
        (("our board asked me to check whether the SER advice says covenants should lead to "
         "improvements within 3-5 years"), ("ser-advies-test", "7"), "3–5 jaar"),
        ("voor het overleg van morgen: welke rol krijgt de SER in het vervolg van de SRA?",
         (LETTER, "4"), "faciliterende"),
        ("Please quote the part on forced labour in the textile agreement",
         ("agreement-test-garments-en", "1"), "forced labour"),
    ],
)
def test_framed_questions_find_their_passage(
    library: Library, question: str, page: tuple[str, str], words: str
) -> None:
    answer = library.ask(question)
    assert not answer.not_found
    assert page in pages(answer)
    assert words in answer.answer


# --- noise and composition -----------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["Wat zegt het SER-advies over partijen en stakeholders?",
     "Welk hoofdstuk van het rapport gaat over olie en gas?",
     "Is there a complaints mechanism in the garment agreement?"],
)
def test_one_to_three_passages_and_no_table_of_contents(library: Library, question: str) -> None:
    answer = library.ask(question)
    assert 1 <= len(bullets(answer)) <= 3
    cited = {c.hit.passage.page_label for c in answer.citations if c.hit.passage.doc_id in ("ser-advies-test", REPORT)}
    assert not {"ii", "2"} & cited  # the contents pages
    assert ".........." not in answer.answer


def test_a_named_document_leads(library: Library) -> None:
    answer = library.ask("Wat zegt het SER-advies over partijen en stakeholders?")
    assert pages(answer, 1) == [("ser-advies-test", "3")]


def test_identical_source_lines_are_merged(library: Library) -> None:
    answer = library.ask("Welke risico's gelden voor de textielsector?")
    sources = [line for line in answer.answer.splitlines() if line.startswith("[")]
    assert len(sources) == len({line.split("] ", 1)[1] for line in sources})


def test_food_risks_are_quoted_by_sentences_that_name_them(library: Library) -> None:
    answer = library.ask("Welke risico's gelden voor voedingsmiddelen?")
    for line in bullets(answer):
        if line.startswith("- Uitputting"):
            assert "uitputting" in line.lower().split(":", 1)[1]
    assert "vrouwenrechten" in {str(r["id"]) for r in answer.risks}
    women = next(r for r in answer.risks if r["id"] == "vrouwenrechten")
    assert women["category"] == "mensenrechten"


def test_the_interpretation_is_in_the_json(library: Library) -> None:
    shown = library.ask("Which risks apply to cocoa farming?").to_dict()
    assert {"question", "answer", "citations", "not_found", "interpretation"} <= set(shown)
    assert shown["interpretation"]["mapping"]
