"""Whether a passage reports the outcome a question asks for ("wat was de uitkomst van de
evaluatie?"): the sentences that name what the outcome is of must report it, not announce it
("de commissie zal de voortgang evalueren", "na drie jaar vindt een evaluatie plaats")."""

from __future__ import annotations

import re
from collections.abc import Callable

from imvo_assist.answer.evidence import sentences
from imvo_assist.answer.understand import Understanding
from imvo_assist.text.analysis import stopwords
from imvo_assist.text.fold import fold, folded_words
from imvo_assist.text.questionforms import OUTCOME_QUESTION, reports_outcome

# Words are matched by their first letters, so "evaluation" finds "evalueren" and "evaluatie".
PREFIX = 5


def outcome_stated(understanding: Understanding, otherwise: Callable[[str], bool]) -> Callable[[str], bool]:
    """A check that a passage reports the outcome asked for: one of its sentences that name what
    the outcome is of ("the SER's evaluation": evaluatie, evalueren) reports it; `otherwise`
    when the question names nothing it is of ("hoe is het afgelopen?")."""
    folded = fold(understanding.question)
    asked = OUTCOME_QUESTION.search(folded)
    head = _outcome_of(folded[asked.end():]) if asked else ""
    forms = {head, *(term for c in understanding.concepts if head and head in c.source.split()
                     for term, _ in c.translations)} - {""}
    starts = [re.compile(rf"\b{re.escape(form.split()[0][:PREFIX])}") for form in forms]

    def stated(text: str) -> bool:
        naming = [s for s in sentences(text) if any(start.search(fold(s)) for start in starts)]
        return any(reports_outcome(s) for s in naming)
    return stated if starts else otherwise


def _outcome_of(rest: str) -> str:
    """The word heading what an outcome is asked of: the last of the first run of content words
    after the question's outcome phrase ("of the SER's 2016 evaluation of ..." -> evaluation)."""
    run: list[str] = []
    for word in folded_words(rest.split("?")[0]).split():
        if word in stopwords():
            if run:
                break
            continue
        run.append(word.removesuffix("'s"))
    return run[-1] if run else ""
