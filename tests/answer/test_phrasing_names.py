"""A capitalised name that is the question's phrasing comes from general data, not a list of
the names the evaluation questions used: the lexicon's entries for the state and its
institutions, and the abbreviations the register's titles define. Sentences of no evaluation
set."""

from __future__ import annotations

from imvo_assist.answer.entities import _register_abbreviations, capitalised_names


def test_a_state_institution_the_lexicon_lists_is_no_name() -> None:
    # "Eerste Kamer" was in no hand-written list; the lexicon's government entries hold it
    assert capitalised_names("Heeft de Eerste Kamer ingestemd met het plan?", frozenset()) == []
    assert capitalised_names("Did the Senate vote on the plan last spring?", frozenset()) == []


def test_a_country_stays_a_name() -> None:
    assert capitalised_names("Wat stuurde de minister over Frankrijk naar de Kamer?", frozenset()) == ["Frankrijk"]


def test_an_abbreviation_a_register_title_defines_is_phrasing() -> None:
    assert "sra" in _register_abbreviations()
