"""Questions for a relation a passage must tell, not only name the things related; a question
asks the first of these it matches, in this order.

- Advice asked of the tool itself ("wat raad je ons aan?", "can you recommend ..."): no passage
  tells it.
- Why something was chosen ("waarom koos het kabinet KPMG?", "why did the SER pick ten?"): a
  passage that speaks of a choice.
- Why this one in particular ("waarom juist KPMG?"): a passage that gives a reason.
- Whether one thing is better than another ("werkt een wet beter dan een convenant?", "is the
  agreement more effective than a court case?"): a passage that compares or prefers.
- A court, a liability or a legal duty ("can a fund be sued ...?"): a passage that speaks of
  law or legal standing.
- How a body decides ("met welke meerderheid ...?"): a passage on a vote, a majority or consent.
- A sanction ("welke boete volgt op ...?", "can a company be expelled ...?"): a
  passage that names one.
- What distinguishes two things ("wat is het verschil tussen een klacht en een geschil?", "how
  does the bank agreement differ from ..."): a passage that draws a distinction or compares.

A passage naming both things side by side ("bestaande initiatieven (zoals de green deals)") tells
no relation between them, and a distinction told between other things ("onderscheid tussen
staten en bedrijven") is no answer on a green deal and a covenant: the passage must name both.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from imvo_assist.answer.evidence import Group, covers, folded, forms_of, sentences
from imvo_assist.text.fold import fold
from imvo_assist.text.lazyregex import lazy_compile

CHOICE_QUESTION = lazy_compile(
    r"\b(waarom|om welke reden)\b.{0,80}\b(koos|kozen|gekozen (?=voor|om|als|[?.,!]|$))|"
    r"\bwaarom\b.{0,80}\bgekozen\s*[?.!]?$|"
    r"\b(why|for what reason)\b.{0,60}\b((did|do|does|would|has|have)\b.{0,40}\b(choose|pick|opt)"
    r"(?! up)|chose|opted)\b"
)
CHOICE_ANSWER = lazy_compile(
    r"\b(gekozen|kiezen|koos|kozen|keuze\w*|chose|chosen|choose|choice|picked|selected|selectie|"
    r"opted|voorkeur|preference)\b"
)
# Why this one in particular ("waarom juist KPMG?", "why exactly three members?"), answered only
# by a reason told: a cause ("omdat", "vanwege", "because") or a measure of enough ("lang genoeg
# om"); the fact itself ("de commissie bestaat uit drie leden") is no answer.
FOCUSED_REASON_QUESTION = lazy_compile(
    r"\b(waarom|why|om welke reden|for what reason)\b.{0,80}\b(juist|uitgerekend|precies|exact|"
    r"exactly|precisely|specifically|in particular|of all)\b"
)
# The word in focus: after "juist", "precies", "exactly" ...; before "in particular", "of all".
FOCUS_AFTER = lazy_compile(
    r"\b(?:juist|uitgerekend|precies|exact|exactly|precisely|specifically)\s+"
    r"(?:(?:de|het|een|the|a|an|met|with|binnen|within|na|after|in|op|on)\s+)*(?P<word>\w+)"
)
FOCUS_BEFORE = lazy_compile(r"(?P<word>\w+) (?:in particular|of all)\b")
# A number in focus and how a sentence may write it ("ten" is also Dutch: "ten eerste").
NUMBERS = {word: forms for words, forms in [
    (("twee", "two", "2"), "2|twee|two"), (("drie", "three", "3"), "3|drie|three"),
    (("vier", "four", "4"), "4|vier|four"), (("vijf", "five", "5"), "5|vijf|five"),
    (("zes", "six", "6"), "6|zes|six"), (("zeven", "seven", "7"), "7|zeven|seven"),
    (("acht", "eight", "8"), "8|acht|eight"), (("negen", "nine", "9"), "9|negen|nine"),
    (("tien", "ten", "10"), "10|tien")] for word in words}
REASON_ANSWER = lazy_compile(
    r"\b(omdat|want|doordat|daardoor|daarom|vanwege|wegens|aangezien|zodat|opdat|redenen?|because|"
    r"since|due to|owing to|reasons?|so that|therefore)\b|\b(genoeg|voldoende|enough) (om|to)\b"
)
# A sanction asked for ("welke boete", "can a company be expelled"), answered only by a passage
# that names one: a stem shared with another word ("uitsluiting", "uitsluitend") is no sanction.
SANCTION = (r"sancties?|sanctioneren|boetes?|beboet\w*|straf|straffen|bestraf\w*|uitgesloten|uitsluiting|"
            r"uitgezet|uit \w+( \w+){0,2} (gezet|gegooid|geschopt)|geroyeerd|royement|geschorst|schorsing|"
            r"sanctions?|sanctioned|fines?|fined|penalt\w+|punish\w*|expel\w*|expulsion|excluded|exclusion|"
            r"suspend\w*|suspension|kicked out|thrown out")
SANCTION_QUESTION = lazy_compile(rf"\b({SANCTION})\b")
SANCTION_ANSWER = lazy_compile(rf"\b({SANCTION}|beeindig\w*|opgezegd|opzegging|terminat\w+|maatregel\w*|measures)\b")
# A court, a liability or a legal duty asked for ("kan een fonds voor de rechter worden gedaagd?",
# "is a company liable ...?"), answered only by a passage that speaks of law or legal standing.
LEGAL = (r"rechter|rechters|rechtbank\w*|rechtszaak\w*|aanklagen|aangeklaagd|gedaagd|dagvaard\w*|"
         r"aansprakelijk\w*|juridisch\w*|wettelijk\w*|court|courts|sue|sued|suing|lawsuit\w*|liable|"
         r"liability|legal|legally|statutory")
LEGAL_QUESTION = lazy_compile(rf"\b({LEGAL})\b")
LEGAL_ANSWER = lazy_compile(rf"\b({LEGAL}|wet|wetten|wetgeving|regelgeving|law|laws|legislation)\b")
# How a body decides ("met welke meerderheid", "what voting majority"), answered only by a passage
# that speaks of a vote, a majority or the consent of all.
VOTE_QUESTION = lazy_compile(
    r"\b(stemming|stemmen|stemt|meerderheid|unaniem|unanimiteit|quorum|vote|votes|voting|majority|"
    r"unanimous|unanimity)\b"
)
VOTE_ANSWER = lazy_compile(
    r"\b(stemming|stemmen|stemt|meerderheid|unaniem|unanimiteit|quorum|instemming|consensus|vote|votes|"
    r"voting|majority|unanimous|unanimity|consent)\b"
)
# Advice asked of the tool itself ("kun je ons aanraden ...", "what would you advise", "moeten wij
# tekenen, ja of nee?"): the documents advise the parties they address, never the asker on a choice
# of their own, so no passage tells it (their nearest passages are listed).
ADVICE_QUESTION = lazy_compile(
    r"\b((kun|kan|wil|zou) (je|jij|u) (me |mij |ons )?.{0,40}\b(aanraden|adviseren|aanbevelen)|"
    r"wat (raad|adviseer|zou) (je|jij|u)|(raad|adviseer) (je|jij|u) (ons|me|mij)|graag (jouw |uw )?advies|"
    r"(jouw|uw) advies|(can|could|would) you (please )?(recommend|suggest|advise)|"
    r"what (do|would) you (recommend|suggest|advise)|what would you do|your (advice|recommendation)|"
    r"(moeten|zouden|should) (wij|we|ik|i)\b.{0,80}\b(ja of nee|yes or no))\b"
)
# An evaluative comparison: better, worse, more effective ... than another thing.
COMPARISON_QUESTION = lazy_compile(
    r"\b(beter|slechter|effectiever|doeltreffender|efficienter|succesvoller|wenselijker|"
    r"strenger|better|worse|more (effective|efficient|successful)|less (effective|efficient)|"
    r"preferable|superior|inferior|stricter)\b.{0,80}\b(dan|than)\b|"
    r"\b(prefer|prefers|preferred|verkiest|verkiezen)\b.{0,60}\b(boven|over|to|dan|than)\b"
)
DIFFERENCE_QUESTION = lazy_compile(
    r"\b(verschil|verschillen|onderscheid) tussen\b|\b(difference|differences|distinction) "
    r"between\b|\bwhat distinguishes\b|\bhow (do|does)\b.{1,60}\bdiffer\b|\b(hoe|waarin) "
    r"verschil(t|len)\b"
)
# The two things a difference question sets apart: "tussen A en B", "how does A differ from B".
DIFFERENCE_SIDES = lazy_compile(
    r"\b(?:tussen|between) (?P<a>.+?) (?:en|and) (?P<b>.+)|"
    r"\bverschil(?:t|len) (?P<c>.+?) van (?P<d>.+)|\b(?:do|does) (?P<e>.+?) differ from (?P<f>.+)"
)
# A comparison or preference told: a comparative ("belangrijker dan", "more ... than"), a
# preference ("bij voorkeur", "liever", "rather than").
COMPARISON_ANSWER = lazy_compile(
    r"\b(beter|slechter|effectiever|doeltreffender|liever|voorkeur|verkies\w*|better|worse|"
    r"prefer\w*|superior|inferior|outweighs?|rather than|in plaats van|instead of|eerder dan)\b|"
    r"\b\w{3,}er (dan|than)\b|\b(meer|minder|more|less) \w+ (dan|than)\b"
)
# A distinction told, or a comparison.
DIFFERENCE_ANSWER = lazy_compile(
    r"\b(verschil\w*|onderscheid\w*|anders dan|terwijl|enerzijds|anderzijds|daarentegen|"
    r"in tegenstelling|whereas|unlike|differ\w*|distinct\w*|distinguish\w*|in contrast|"
    r"on the other hand|as opposed to)\b"
)


class Relation(NamedTuple):
    """A relation a question asks for: its kind, whether a sentence tells one, and whether a
    passage names what it relates."""

    kind: str
    told: Callable[[str], bool]
    named: Callable[[str], bool] = lambda text: True


def asked_relation(question: str, groups: list[Group]) -> Relation | None:
    """The relation a folded question asks for, or None; `groups` are its content groups."""
    if ADVICE_QUESTION.search(question):
        return Relation("advice", lambda text: False)
    if CHOICE_QUESTION.search(question):
        return Relation("choice", lambda text: bool(CHOICE_ANSWER.search(fold(text))))
    if FOCUSED_REASON_QUESTION.search(question):
        return Relation("reason", lambda text: True, _reason_beside(_focus(question, groups)))
    if COMPARISON_QUESTION.search(question):
        return Relation("comparison", _compares)
    if LEGAL_QUESTION.search(question):
        return Relation("legal", lambda text: bool(LEGAL_ANSWER.search(fold(text))))
    if VOTE_QUESTION.search(question):
        return Relation("vote", lambda text: bool(VOTE_ANSWER.search(fold(text))))
    if SANCTION_QUESTION.search(question):
        return Relation("sanction", lambda text: bool(SANCTION_ANSWER.search(fold(text))))
    if DIFFERENCE_QUESTION.search(question):
        return Relation("difference", lambda text: _compares(text) or bool(DIFFERENCE_ANSWER.search(fold(text))),
                        _sides_named(question, groups))
    return None


def _focus(question: str, groups: list[Group]) -> Callable[[str], bool]:
    """Whether a sentence names the word a why-question puts in focus ("juist KPMG": kpmg;
    "precies drie leden": drie or 3), by its content groups or as a number."""
    found = FOCUS_AFTER.search(question) or FOCUS_BEFORE.search(question)
    word = found.group("word") if found else ""
    number = NUMBERS.get(word, word if word.isdigit() else "")
    if number:
        return lambda sentence: bool(re.search(rf"\b({number})\b", fold(sentence)))
    return _naming([[g for g in groups if g.label and word in g.label.split()]])


def _reason_beside(focus: Callable[[str], bool]) -> Callable[[str], bool]:
    """Whether a passage gives a reason in a sentence naming the focus, or in the sentence after
    it ("Daarna volgt de elektronica, vanwege de risico's ...")."""
    def given(text: str) -> bool:
        said = sentences(text)
        return any(focus(sentence) and any(REASON_ANSWER.search(fold(s)) for s in said[i:i + 2])
                   for i, sentence in enumerate(said))
    return given


def _sides_named(question: str, groups: list[Group]) -> Callable[[str], bool]:
    """Whether a passage names both things a folded difference question sets apart, each by one
    of the question's content groups whose words stand in its side (always, when a side has
    none: "wat is het verschil?")."""
    found = DIFFERENCE_SIDES.search(question)
    if found is None:
        return lambda text: True
    sides = [set(re.findall(r"\w+", side)) for side in found.groups() if side]
    return _naming([[g for g in groups if g.label and set(g.label.split()) <= side] for side in sides])


def _naming(things: list[list[Group]]) -> Callable[[str], bool]:
    """Whether a text names each thing (by one of its groups); a thing without groups is not
    checked."""
    named = [groups for groups in things if groups]

    def names(text: str) -> bool:
        forms, words = forms_of(text), folded(text)
        return all(any(covers(group, forms, words) for group in groups) for groups in named)
    return names


def _compares(text: str) -> bool:
    """Whether a text compares or states a preference."""
    return bool(COMPARISON_ANSWER.search(fold(text)))
