"""Question forms never name answers: no glossary of hints, no lexicon entry or pattern that
links a question word or form to a specific answer phrase ("hoe vaak" -> "ieder half jaar").

Translations of domain terms (child labour <-> kinderarbeid) are allowed; what fails here is an
entry whose one side is a question phrase and whose other side is not."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from imvo_assist.answer.understand import understand
from imvo_assist.text import questionforms
from imvo_assist.text.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parents[2]


def test_the_hand_grown_glossary_is_gone() -> None:
    assert not (ROOT / "corpus" / "glossary.toml").exists()
    assert importlib.util.find_spec("imvo_assist.text.glossary") is None


def answer_to(asking: str, other: str) -> bool:
    """Whether `other` is an answer to the form `asking` asks for (not its translation)."""
    return not questionforms.triggers(other) and any(
        questionforms.answers(form, other) for form in questionforms.forms(asking)
    )


def test_lexicon_question_phrases_never_map_to_answers() -> None:
    """"hoe vaak" <-> "how often" is a translation; "hoe vaak" -> "ieder half jaar" an answer."""
    wrong = [
        (entry.nl, entry.en) for entry in load_lexicon().entries
        if answer_to(entry.nl, entry.en) or answer_to(entry.en, entry.nl)
    ]
    assert wrong == []


def test_the_check_catches_an_answer_hint() -> None:
    assert answer_to("hoe vaak", "ieder half jaar") and answer_to("how many", "tien")
    assert not answer_to("hoe vaak", "how often")


def test_question_phrases_of_the_lexicon_are_forms_in_both_languages() -> None:
    pairs = [("hoe vaak", "how often"), ("hoe lang", "how long"), ("hoeveel", "how many"),
             ("wanneer", "when"), ("wie", "who"), ("van wie", "whose"), ("hoe snel", "how fast")]
    for dutch, english in pairs:
        assert questionforms.forms(dutch) == questionforms.forms(english), (dutch, english)


@pytest.mark.parametrize(
    "question",
    ["Hoe vaak wordt de raad geïnformeerd?", "How many members are there?",
     "Wanneer begint het?", "How long does it run?", "Wie besluit dat?"],
)
def test_a_question_form_is_a_form_name_not_a_phrase(question: str) -> None:
    found = understand(question).forms
    assert found and set(found) <= {*questionforms.FORMS, "sectors"}


def test_answer_patterns_hold_no_answer_of_a_question_set() -> None:
    """The patterns are classes of expression: none is a literal phrase of an answer."""
    for pattern in (*questionforms.ANSWER_PATTERNS.values(), *questionforms.QUESTION_PATTERNS.values()):
        for answer in ("ieder half jaar", "faciliterende", "tien convenanten", "drie maanden"):
            assert answer not in pattern.pattern
