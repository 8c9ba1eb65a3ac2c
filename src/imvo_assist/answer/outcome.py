"""Whether a passage reports the outcome a question asks for ("wat was de uitkomst van de
evaluatie?"): the sentences that name what the outcome is of must report it, not announce it
("de commissie zal de voortgang evalueren", "na drie jaar vindt een evaluatie plaats")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Any, TypeVar

from imvo_assist.answer.evidence import sentences
from imvo_assist.answer.understand import Understanding
from imvo_assist.text.analysis import stopwords
from imvo_assist.text.fold import fold, folded_words
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.questionforms import OUTCOME_QUESTION, asks_achievement, reports_outcome

Fact = TypeVar("Fact", bound=Any)  # a fact asked for (`facts.AskedFact`): a dataclass with `stated`

# What actually came about ("hoeveel convenanten zijn er uiteindelijk gesloten?", "how many were
# actually concluded?"): an aim, a plan or an expectation ("de ambitie om in 2016 tien convenanten
# te hebben gesloten") does not state it.
REALIZED_QUESTION = lazy_compile(
    r"\b(uiteindelijk|daadwerkelijk|echt|werkelijk|in werkelijkheid|in de praktijk|actually|really|"
    r"in the end|ended up|end up|eventually|in practice|in reality)\b"
)
AIMED = lazy_compile(
    r"\b(ambitie\w*|streven|streeft|streefde|doel|doelen|doelstelling\w*|beoog\w*|wil|willen|plan|"
    r"plannen|voornemen\w*|verwacht\w*|zal|zullen|aims?|targets?|goals?|ambitions?|intends?|plans?|"
    r"planned|wants?|will|shall|expects?|expected|seeks?|strives?)\b"
)
# Words are matched by their first letters, so "evaluation" finds "evalueren" and "evaluatie".
PREFIX = 5


def realized(question: str, facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """The facts a folded question asks for, each stated only by a sentence that gives no aim,
    plan or expectation when the question asks what actually came about or whether an aim was
    achieved."""
    if not (REALIZED_QUESTION.search(question) or asks_achievement(question)):
        return facts

    def as_realized(stated: Callable[[str], bool]) -> Callable[[str], bool]:
        return lambda text: any(stated(s) for s in sentences(text) if not AIMED.search(fold(s)))
    return tuple(replace(fact, stated=as_realized(fact.stated)) for fact in facts)


def outcome_check(
    understanding: Understanding, otherwise: Callable[[str], bool],
) -> tuple[Callable[[str], bool], Callable[[list[str]], list[str]]]:
    """A check that a passage reports the outcome asked for, and the passages it is looked for
    in. When passages name what the outcome is of ("the SER's evaluation": evaluatie,
    evalueren), only they count, and one of their sentences that names it must report it; else
    every passage counts by `otherwise` (the question's key sentences)."""
    folded = fold(understanding.question)
    asked = OUTCOME_QUESTION.search(folded)
    # what it is of follows the phrase ("de uitkomst van X") or stands inside it ("hoe is X afgelopen",
    # "what did X conclude")
    inside = (asked.group("afgelopen") or asked.group("turned") or asked.group("concluded")) if asked else ""
    head = _outcome_of(inside or folded[asked.end():]) if asked else ""
    forms = {head, *(term for c in understanding.concepts if head and head in c.source.split()
                     for term, _ in c.translations)} - {""}
    starts = [re.compile(rf"\b{re.escape(form.split()[0][:PREFIX])}") for form in forms]

    @cache
    def naming(text: str) -> tuple[str, ...]:
        return tuple(s for s in sentences(text) if any(start.search(fold(s)) for start in starts))

    def stated(text: str) -> bool:
        named = naming(text)
        return any(reports_outcome(s) for s in named) if named else otherwise(text)

    def among(texts: list[str]) -> list[str]:
        return [text for text in texts if naming(text)] or texts
    return stated, among


def _outcome_of(rest: str) -> str:
    """The word heading what an outcome is asked of: the last of the first run of content words
    after the question's outcome phrase ("of the SER's 2016 evaluation of ..." -> evaluation)."""
    run: list[str] = []
    for word in folded_words(rest.split("?")[0]).split():
        if word == "s":  # "the SER's evaluation" folds to "ser s evaluation"
            continue
        if word in stopwords():
            if run:
                break
            continue
        run.append(word)
    return run[-1] if run else ""
