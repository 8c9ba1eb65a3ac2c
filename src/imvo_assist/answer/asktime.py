"""Questions for a time, and whether a text tells one.

A question for a calendar date ("op welke datum ...?", "what date") is answered only by a day and
a month ("12 maart", "March 3"); for a year ("in welk jaar") by a year or a period naming it
("begin volgend jaar"); a question opening with "wanneer"/"when" by any time told: a date, a
period ("binnen drie maanden"), a frequency or a time relative to another event ("after the
first report"). "Wanneer is een dialoog betekenisvol?" asks a condition, not a time.
"""

from __future__ import annotations

import re

from imvo_assist.text.fold import fold
from imvo_assist.text.framing import asking_part
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.morphology import is_verb_form
from imvo_assist.text.questionforms import MONTHS, answers

DAY_QUESTION = lazy_compile(
    r"\b(op welke (datum|dag)|welke datum|wat is de datum|(exacte|precieze) datum|"
    r"(what|which|exact|precise) (date|day)(?!-)|on what day|date on which)\b"
)
YEAR_QUESTION = lazy_compile(r"\b(in welk jaar|welk jaar|in what year|which year|what year)\b")
CALENDAR_DATE = lazy_compile(rf"\b(\d{{1,2}} ({MONTHS})|({MONTHS}) \d{{1,2}})\b")
# A time told relative to another event ("zodra de analyse klaar is", "after the first report").
RELATIVE_TIME = lazy_compile(
    r"\b(binnen|zodra|nadat|voordat|vanaf|sinds|daarna|daarop|straks|inmiddels|na afloop|"
    r"after|before|within|once|since|until|later|soon|afterwards)\b")
TIME_ASKED = lazy_compile(r"\s*(wanneer|when)\b(?P<rest>.*)")
# A copula or a verb of calling: "wanneer is/noemt ... betekenisvol" asks a condition.
COPULA = lazy_compile(r"\s*(is|zijn|are|was|were|wordt|worden|geldt|gelden|counts?|becomes?|noemt|noemen|"
                      r"calls?|considers?|beschouwt|beschouwen|acht|achten|deems?)\b")


def asks_time(question: str, language: str) -> bool:
    """Whether the part that asks opens with "wanneer"/"when" and asks a time: not a condition
    ("wanneer is een dialoog betekenisvol?": its last word is no verb)."""
    asked = TIME_ASKED.match(fold(asking_part(question)))
    if asked is None:
        return False
    words = re.findall(r"\w+", asked.group("rest"))
    return not (COPULA.match(asked.group("rest")) and words and not is_verb_form(words[-1], language))


def tells_time(text: str) -> bool:
    """Whether a text tells a time: a date or year, a period, a frequency or a relative time."""
    return (answers("when", text) or answers("duration", text) or answers("frequency", text)
            or bool(RELATIVE_TIME.search(fold(text))))


def tells_date(text: str) -> bool:
    """Whether a text tells a calendar date (a day and a month)."""
    return bool(CALENDAR_DATE.search(fold(text)))
