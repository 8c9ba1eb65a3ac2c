"""Question forms are forms: a frequency question looks for any frequency, a duration question
for any duration, and so on. Every pattern is tried on sentences written for these tests (none
is from the corpus), with several different expressions of each form."""

from __future__ import annotations

import pytest

from imvo_assist.text.questionforms import FORMS, agents, answers, forms, triggers


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Hoe vaak vergadert de stuurgroep?", ("frequency",)),
        ("How often are members replaced?", ("frequency",)),
        ("Hoeveel keer per jaar komt de raad bijeen?", ("frequency",)),
        ("Hoe lang duurt de proefperiode?", ("duration",)),
        ("How long does the pilot last?", ("duration",)),
        ("Binnen welke termijn moet het plan klaar zijn?", ("duration", "when")),
        ("Wanneer opent het loket?", ("when",)),
        ("In welk jaar begon het project?", ("when",)),
        ("What is the deadline for the applications?", ("when",)),
        ("Hoeveel leden telt de commissie?", ("count",)),
        ("How many members does the board have?", ("count",)),
        ("Wie zit de vergadering voor?", ("who",)),
        ("Which organisations signed the pledge?", ("who",)),
        ("Waarom is dat belangrijk?", ("reason",)),
        ("Why did the shop close early?", ("reason",)),
        ("Hoelang duurt de proefperiode?", ("duration",)),
        ("Wat is er belangrijk?", ()),
    ],
)
def test_question_forms(question: str, expected: tuple[str, ...]) -> None:
    assert forms(question) == expected


def test_how_soon_asks_for_a_duration_or_a_date() -> None:
    assert set(forms("How soon will the shop reopen?")) == {"duration", "when"}


# Several expressions of each form, none of them an answer of any question set.
EXPRESSIONS = {
    "frequency": [
        "De stuurgroep vergadert jaarlijks.", "Het bestuur komt ieder kwartaal bijeen.",
        "Er is elke maand een overleg.", "The board meets twice a year.",
        "Reports are published quarterly.", "De raad wordt ieder half jaar ingelicht.",
        "Members are informed every six months.", "Het fonds keert drie keer per jaar uit.",
    ],
    "duration": [
        "Het project loopt drie jaar.", "De proef duurt 18 maanden.",
        "The pilot lasts two years.", "Binnen een termijn van 2-4 jaar moet het klaar zijn.",
        "Within six weeks the plan is due.", "De opleiding duurt vijf weken.",
    ],
    "when": [
        "Het akkoord werd in 1998 gesloten.", "Begin volgend jaar opent het loket.",
        "The plan starts next year.", "De bijeenkomst was op 3 maart.",
        "It was signed in March 2011.", "Eind dit jaar verschijnt het rapport.",
    ],
    "count": [
        "De commissie telt zeven leden.", "There are 42 participants.",
        "Twelve towns joined the scheme.", "Er deden 1200 boeren mee.",
    ],
    "reason": [
        "Het loket sluit omdat er te weinig personeel is.", "Daarom is de prijs verhoogd.",
        "The shop closed because of the storm.", "Sales fell due to the strike.",
        "Vanwege de drukte is de termijn verlengd.",
    ],
    "who": [
        "Volgens de Raad van State is dat nodig.", "Het werd gesteund door FNV en VNO-NCW.",
        "The plan was drafted by Amnesty International.", "Dat zei de Wereldbank gisteren.",
    ],
}
NOT_EXPRESSIONS = {
    "frequency": ["De stuurgroep vergadert in Utrecht.", "The board met once in Paris."],
    "duration": ["Het project is klaar.", "De looptijd staat in artikel 3."],
    "when": ["Het loket is open.", "The plan is ready."],
    "count": ["Er zijn veel deelnemers.", "Een lid vertrok."],
    "who": ["het is nodig.", "they said so."],
    "reason": ["Het loket is open.", "The shop sells bread."],
}


@pytest.mark.parametrize("form", FORMS)
def test_each_form_matches_many_expressions_not_one_answer(form: str) -> None:
    assert len(EXPRESSIONS[form]) >= 4
    assert all(answers(form, sentence) for sentence in EXPRESSIONS[form]), form
    assert not any(answers(form, sentence) for sentence in NOT_EXPRESSIONS[form]), form


@pytest.mark.parametrize("phrase", ["hoe vaak", "how many", "wanneer", "how long", "hoeveel keer"])
def test_question_phrases_trigger_a_form(phrase: str) -> None:
    assert triggers(phrase)


@pytest.mark.parametrize("phrase", ["ieder half jaar", "jaarlijks", "tien", "2016", "drie maanden"])
def test_answers_trigger_no_form(phrase: str) -> None:
    assert not triggers(phrase)


# --- issue #12 round 3: reason cues and agents --------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "De dijk wordt verhoogd, want het water stijgt.",
        "Wij bouwen een tweede brug zodat de wijk bereikbaar blijft.",
        "The council closed the road in order to repair the bridge.",
        "The trains run later so as to serve night workers.",
    ],
)
def test_reason_connectives(sentence: str) -> None:
    assert answers("reason", sentence)


def test_want_as_an_english_verb_is_no_reason() -> None:
    assert not answers("reason", "Residents want a quieter street.")


def test_agents_are_names_and_agent_nouns() -> None:
    found = agents("Het plan is gemaakt door Stichting Groenpad en een onafhankelijke commissie.")
    assert "stichting groenpad" in found and "commissie" in found
    assert agents("The steering group meets twice a year.") == ["steering group"]
    assert agents("Het regende de hele dag.") == []
