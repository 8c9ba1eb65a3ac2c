"""Mechanisms of issue #12's twentieth round, each tested on sentences written for these tests,
none of them a question of any evaluation set.

Classes: a why-question on one thing in particular ("waarom juist vijf jaar?", "why exactly three
members?") is answered only by a passage giving a reason in a sentence naming it (or the next
one); a question whether one thing is better, more effective or stricter than another, or what
distinguishes two things, is answered only by a passage that compares, prefers or distinguishes
(`answer.askrelation`): a passage naming both side by side tells no relation between them; what a
covenant is for ("a covenant for recording the agreements") names no covenant by its subject; a
question for what actually came about ("hoeveel convenanten zijn er uiteindelijk gesloten?") is
not answered by an aim or a plan; "what came out of X after 3 years?" asks an outcome, not a
timeline; a sanction asked for ("can a company be expelled ...?") must be named by the passage
(the stem of "uitsluiting" is also that of "uitsluitend").
"""

from __future__ import annotations

import answer_fixtures
import pytest
from answer_fixtures import answered, unanswered

from imvo_assist.answer.askrelation import asked_relation
from imvo_assist.answer.covenantnames import named_covenant
from imvo_assist.library import Library
from imvo_assist.text.fold import fold

library = answer_fixtures.library


@pytest.mark.parametrize(("question", "said"), [
    ("Does the letter say covenants work better than legislation?", "no comparison"),
    ("volgens de kamerbrief: werken green deals beter dan convenanten?", "geen vergelijking"),
    ("Are NGOs more effective than trade unions in the stakeholder dialogue of a covenant?", "no comparison"),
    ("for our board: is the textile covenant's complaints committee better than going to court?", "no comparison"),
    ("Wat is het verschil tussen een green deal en een convenant volgens de brief?", "geen onderscheid"),
    ("Wat is het verschil tussen een klachtencommissie en een geschillencommissie in het textielconvenant?",
     "geen onderscheid"),
])
def test_a_comparison_or_difference_no_passage_tells_is_not_found(
        library: Library, question: str, said: str) -> None:
    answer = unanswered(library, question)
    assert said in answer.answer


@pytest.mark.parametrize(("question", "page", "told"), [
    ("Is quality more important than speed for the cabinet when closing covenants?", "5", "belangrijker dan"),
    ("what is the difference between parties and stakeholders in a covenant?", "3", "onderscheid"),
    ("Welk onderscheid maakt het SER-advies tussen staten en bedrijven?", "2", "onderscheid"),
])
def test_the_twins_a_passage_answers_by_comparing_or_distinguishing_are_answered(
        library: Library, question: str, page: str, told: str) -> None:
    answer = answered(library, question)
    assert any(told in fold(c.hit.passage.text) and c.hit.passage.page_label == page
               for c in answer.citations[:3]), [(c.hit.passage.page_label, c.hit.passage.text[:80])
                                                for c in answer.citations]


@pytest.mark.parametrize("question", [
    "Waarom looptijd juist vijf jaar bij het textielconvenant?",
    "Why exactly three members on the complaints committee of the garments agreement?",
    "waarom moet de commissie juist binnen zes maanden uitspraak doen?",
    "Why did the cabinet want specifically ten covenants by 2016?",
])
def test_why_this_one_in_particular_without_a_reason_beside_it_is_not_found(
        library: Library, question: str) -> None:
    answer = unanswered(library, question)
    assert "geen reden" in answer.answer or "no reason" in answer.answer


@pytest.mark.parametrize(("question", "told"), [
    ("Waarom begint het team juist met textiel en kleding?", "omdat daar al veel voorbereidend werk"),
    ("Why does the team talk to electronics in particular after textiles?", "vanwege de risico"),
    ("Waarom is de horizon van het SER-advies precies drie tot vijf jaar?", "lang genoeg om"),
])
def test_the_twins_with_a_reason_beside_what_is_in_focus_are_answered(
        library: Library, question: str, told: str) -> None:
    answer = answered(library, question)
    assert any(told in c.hit.passage.text for c in answer.citations[:3])


@pytest.mark.parametrize(("question", "kind"), [
    ("werkt een wet beter dan een convenant?", "comparison"),
    ("is the agreement stricter than the law?", "comparison"),
    ("does the SER prefer covenants over legislation?", "comparison"),
    ("hoe verschilt een green deal van een convenant?", "difference"),
    ("how does the bank agreement differ from the textile one?", "difference"),
    ("waarom koos het kabinet voor KPMG?", "choice"),
    ("waarom juist KPMG?", "reason"),
    ("why exactly three members?", "reason"),
    ("welke sectoren hebben meer dan tien risico's?", None),
    ("wat is het verschil in aanpak?", None),
])
def test_the_relation_a_question_asks_for(question: str, kind: str | None) -> None:
    relation = asked_relation(fold(question), [])
    assert (relation.kind if relation else None) == kind


@pytest.mark.parametrize(("question", "subject"), [
    ("does the letter prefer a covenant for recording the agreements?", ""),
    ("is er een convenant voor het verbeteren van lonen?", ""),
    ("is there an agreement on improving the conditions in factories?", ""),
    ("what does the covenant for the banking sector say?", "banking"),
    ("is there a covenant for mining the seabed?", "mining"),
    ("wat staat er in het convenant voor de bouw?", "bouw"),
])
def test_what_a_covenant_is_for_is_no_covenant_named_by_its_subject(question: str, subject: str) -> None:
    assert named_covenant(fold(question))[0] == subject


@pytest.mark.parametrize("question", [
    "Hoeveel convenanten zijn er in 2016 uiteindelijk daadwerkelijk gesloten?",
    "How many covenants were actually concluded by the end of 2016?",
])
def test_what_actually_came_about_is_not_read_from_an_aim(library: Library, question: str) -> None:
    answer = unanswered(library, question)
    assert "geen aantal" in answer.answer or "no number" in answer.answer


@pytest.mark.parametrize(("question", "told"), [
    ("How many sectors did KPMG actually identify with elevated risk?", "13"),
    ("Hoeveel sectoren heeft KPMG uiteindelijk onderzocht?", "86"),
])
def test_the_twins_what_the_documents_report_as_done_are_answered(
        library: Library, question: str, told: str) -> None:
    answer = answered(library, question)
    assert any(told in c.hit.passage.text for c in answer.citations[:3])


@pytest.mark.parametrize(("question", "timeline"), [
    ("what came out of the midterm review of the garments agreement after 3 years?", False),
    ("wat kwam er uit de evaluatie na drie jaar van het textielconvenant?", False),
    ("wat gebeurde er na de ondertekening van het textielconvenant?", True),
])
def test_an_outcome_asked_after_a_time_is_no_timeline(library: Library, question: str, timeline: bool) -> None:
    answer = library.ask(question)
    assert answer.answer.lstrip("*").startswith(("Tijdlijn", "Timeline", "After", "Na ")) == timeline, answer.answer[:200]


@pytest.mark.parametrize("question", [
    "Wordt een bedrijf uit het convenant gezet als het zijn productielocaties niet bekendmaakt?",
    "What sanctions can the secretariat impose on a company without an action plan?",
    "Can a company be expelled from the garments agreement for missing its annual report?",
])
def test_a_sanction_no_passage_names_is_not_found(library: Library, question: str) -> None:
    answer = unanswered(library, question)
    assert "geen sanctie" in answer.answer or "no sanction" in answer.answer


@pytest.mark.parametrize(("question", "told"), [
    ("What happens to sectors that make too little effort to reach IRBC agreements?", "in gesprek gaan"),
    ("Wat gebeurt er met een klacht van werknemers over een deelnemend bedrijf?", "klacht"),
])
def test_the_twins_on_what_happens_without_a_sanction_word_are_answered(
        library: Library, question: str, told: str) -> None:
    answer = answered(library, question)
    assert any(told in c.hit.passage.text for c in answer.citations[:3]), [c.hit.passage.text[:80] for c in answer.citations]
