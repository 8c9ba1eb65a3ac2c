"""Number words are made by each language's rules, so any figure asked in words is read."""

from __future__ import annotations

import re

import pytest

from imvo_assist.text.numbers import alternation, as_figures, number_words, word_forms
from imvo_assist.text.questionforms import answers


@pytest.mark.parametrize(
    ("word", "value"),
    [("zevenenveertig", 47), ("tweeëntwintig", 22), ("tweeentwintig", 22), ("achtentachtig", 88),
     ("forty-seven", 47), ("ninetynine", 99), ("één", 1), ("duizend", 1000)],
)
def test_cardinals_of_both_languages(word: str, value: int) -> None:
    assert number_words()[word] == value


def test_the_alternation_takes_the_longest_word() -> None:
    assert re.fullmatch(rf"({alternation()})", "eenentwintig")
    assert re.match(rf"({alternation(minimum=2)})\b", "een") is None
    assert set(word_forms(35)) >= {"vijfendertig", "thirty-five"}


def test_a_duration_in_words_beyond_twenty_is_a_duration() -> None:
    assert answers("duration", "Het plan loopt vijfendertig maanden.")
    assert answers("duration", "The plan runs for forty-eight months.")


def test_number_words_read_as_figures() -> None:
    assert as_figures(["kpmg", "eighty", "six", "sectors"]) == ["kpmg", "86", "sectors"]
    assert as_figures(["dertien", "sectoren", "twenty", "banks"]) == ["13", "sectoren", "20", "banks"]
