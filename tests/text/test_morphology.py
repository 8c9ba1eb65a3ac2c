"""Verb forms on sentences written for these tests (none is from the corpus): Dutch participles
and third-person forms read through their infinitive, English modals that open a question."""

from __future__ import annotations

import pytest

from imvo_assist.text.morphology import bare_verbs, dutch_infinitive


@pytest.mark.parametrize(
    ("form", "infinitive"),
    [("veranderd", "veranderen"), ("betaald", "betalen"), ("gebouwd", "bouwen"),
     ("verkoopt", "verkopen"), ("geannuleerd", "annuleren"), ("gemaakt", "maken")],
)
def test_a_dutch_verb_form_has_its_infinitive(form: str, infinitive: str) -> None:
    assert dutch_infinitive(form) == infinitive


@pytest.mark.parametrize("word", ["kat", "fiets", "recht", "boom"])
def test_a_word_without_a_known_infinitive_has_none(word: str) -> None:
    assert dutch_infinitive(word) == ""


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("how often will the board be told", []),
        ("does greenpeace campaign on this", []),
        ("what should retailers disclose", []),
        ("retailers should disclose their suppliers", ["disclose"]),
        ("which firms have to publish a report", ["publish"]),
    ],
)
def test_a_modal_that_opens_a_question_stands_before_its_subject(question: str, verbs: list[str]) -> None:
    assert bare_verbs(question.split()) == verbs


def test_the_verb_of_an_inverted_english_question_follows_its_subject() -> None:
    from imvo_assist.text.morphology import english_verb_stem, inverted_verb

    words = ["does", "the", "purchasing", "code", "prohibit", "bribery"]
    assert inverted_verb(words, english_verb_stem) == "prohibit"
    assert inverted_verb(["which", "rivers", "did", "pollution", "reach", "first"], english_verb_stem) == "reach"
    assert inverted_verb(["the", "parties", "will", "sign"], english_verb_stem) == ""
    assert english_verb_stem("deploy") and not english_verb_stem("parliament")
