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
(the stem of "uitsluiting" is also that of "uitsluitend"), a court, liability or legal duty must be
spoken of, a vote or majority asked for ("met welke meerderheid ...?") must be told, and advice
asked of the tool itself ("what would you advise ...?") is no question the documents answer; a
question opened by a verb before an article ("Adviseert de SER ...?") names no "Adviseert".
"""

from __future__ import annotations

import answer_fixtures
import pytest
from answer_fixtures import answered, unanswered

from imvo_assist.answer.askrelation import asked_relation
from imvo_assist.answer.covenantnames import named_covenant
from imvo_assist.answer.entities import capitalised_names
from imvo_assist.library import Library
from imvo_assist.text.fold import fold

library = answer_fixtures.library


@pytest.mark.parametrize(("question", "said"), [
    # a comparison or difference no passage draws
    ("Does the letter say covenants work better than legislation?", "no comparison"),
    ("volgens de kamerbrief: werken green deals beter dan convenanten?", "geen vergelijking"),
    ("Are NGOs more effective than trade unions in the stakeholder dialogue of a covenant?", "no comparison"),
    ("for our board: is the textile covenant's complaints committee better than going to court?", "no comparison"),
    ("Wat is het verschil tussen een green deal en een convenant volgens de brief?", "geen onderscheid"),
    ("Wat is het verschil tussen een klachtencommissie en een geschillencommissie in het textielconvenant?",
     "geen onderscheid"),
    # why this one in particular, with no reason beside it
    ("Waarom looptijd juist vijf jaar bij het textielconvenant?", "geen reden"),
    ("Why exactly three members on the complaints committee of the garments agreement?", "no reason"),
    ("waarom moet de commissie juist binnen zes maanden uitspraak doen?", "geen reden"),
    ("Why did the cabinet want specifically ten covenants by 2016?", "no reason"),
    # what actually came about, where only an aim is given
    ("Hoeveel convenanten zijn er in 2016 uiteindelijk daadwerkelijk gesloten?", "geen aantal"),
    ("How many covenants were actually concluded by the end of 2016?", "no number"),
    # a sanction no passage names
    ("Wordt een bedrijf uit het convenant gezet als het zijn productielocaties niet bekendmaakt?", "geen sanctie"),
    # no document names a sanction at all: the word is named as absent (answer.absentnoun)
    ("What sanctions can the secretariat impose on a company without an action plan?", "'sanctions' does not occur"),
    ("Can a company be expelled from the garments agreement for missing its annual report?", "no sanction"),
    # a court, liability or legal duty no passage speaks of
    ("Can a pension fund be sued in a Dutch court for child labour at a company it invests in?", "no law, court"),
    ("Kan een NGO een bedrijf uit het textielconvenant voor de rechter slepen?", "geen wet, rechter"),
    ("Does the letter announce a legal due diligence obligation for companies?", "no law, court"),
    # how a body decides, which no passage says
    ("Met welke meerderheid neemt de stuurgroep van het convenant besluiten?", "geen stemming"),
    ("What voting majority does the steering group of the textile covenant need for its decisions?", "no vote"),
    # advice asked of the tool itself
    ("Wat raad je ons aan: zelf due diligence doen of aansluiten bij een convenant?", "geen advies"),
    ("What would you advise a small jeans brand to do first?", "no advice"),
    ("Can you recommend a good consultant for our due diligence?", "no advice"),
])
def test_a_relation_or_fact_no_passage_tells_is_not_found(library: Library, question: str, said: str) -> None:
    assert said in unanswered(library, question).answer


@pytest.mark.parametrize(("question", "told", "page"), [
    ("Is quality more important than speed for the cabinet when closing covenants?", "Belangrijker dan", "5"),
    ("Is there a difference between parties and stakeholders in the SER advice?", "onderscheid", "3"),
    ("Welk onderscheid maakt het SER-advies tussen staten en bedrijven?", "onderscheid", "2"),
    ("Waarom begint het team juist met textiel en kleding?", "omdat daar al veel voorbereidend werk", "1"),
    ("Why does the team talk to electronics in particular after textiles?", "vanwege de risico", "1"),
    ("Waarom is de horizon van het SER-advies precies drie tot vijf jaar?", "lang genoeg om", "7"),
    ("How many sectors did KPMG actually identify with elevated risk?", "13 sectoren", "2"),
    ("Hoeveel sectoren heeft KPMG uiteindelijk onderzocht?", "86 sectoren", "2"),
    ("What happens to sectors that make too little effort to reach IRBC agreements?", "in gesprek gaan", "5"),
    ("Wat gebeurt er met een klacht van werknemers over een deelnemend bedrijf?", "klacht", "4"),
    ("Is het textielconvenant juridisch bindend?", "geen juridische betekenis", "1"),
    ("Kan het textielconvenant met een meerderheid van de partijen worden gewijzigd?", "instemming van alle partijen", "6"),
    ("Is de uitspraak van de klachtencommissie bindend, ja of nee?", "bindende uitspraak", "4"),
])
def test_the_twins_are_answered_from_the_passage_that_tells_it(
        library: Library, question: str, told: str, page: str) -> None:
    answer = answered(library, question)
    assert any(told in c.hit.passage.text and c.hit.passage.page_label == page for c in answer.citations[:3]), [
        (c.hit.passage.page_label, c.hit.passage.text[:80]) for c in answer.citations]


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


@pytest.mark.parametrize(("question", "timeline"), [
    ("what came out of the garments agreement's midterm review after three years?", False),
    ("wat kwam er uit de evaluatie na drie jaar van het textielconvenant?", False),
    ("wat gebeurde er na de ondertekening van het textielconvenant?", True),
])
def test_an_outcome_asked_after_a_time_is_no_timeline(library: Library, question: str, timeline: bool) -> None:
    answer = library.ask(question)
    assert answer.answer.lstrip("*").startswith(("Tijdlijn", "Timeline", "After", "Na ")) == timeline, answer.answer[:200]


@pytest.mark.parametrize(("question", "names"), [
    ("Adviseert de SER een looptijd van drie tot vijf jaar?", []),
    ("Raadt de SER aan om een convenant te sluiten?", []),
    ("Vraagt het kabinet iets van Cordaid?", ["Cordaid"]),
    ("Komt Solidaridad voor in het bronnenboek?", []),
])
def test_a_verb_opening_the_question_before_an_article_is_no_name(question: str, names: list[str]) -> None:
    assert capitalised_names(question, frozenset({"ser", "kpmg", "solidaridad"})) == names
