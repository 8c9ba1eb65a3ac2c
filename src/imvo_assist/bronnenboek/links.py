"""Reference markers in report text, and the links between passages and register entries.

Certain markers are "[12]", "[12, 14]", "[12-14]" and "12)" after a word at the end of a clause.
List items ("1) eerste"), parentheticals ("(zie bijlage 2).") and examples of the notation
("zoals [12]") are not markers. Digits glued to a word end ("beschreef12") may be superscript
markers that lost their formatting; they are found separately, and only for numbers the
register has, as uncertain.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping

from imvo_assist.bronnenboek.records import CitingPassage, Reference, RefKey
from imvo_assist.models import Passage

BRACKETS = re.compile(r"\[(\d{1,3}(?:\s*[-\u2013,;]\s*\d{1,3})*)\]")
PAREN = re.compile(r"(?:(?<=[^\W\d_])|(?<=\s))(\d{1,3})\)(?=[.,;:]|\s*$)")
GLUED = re.compile(r"(?<=[^\W\d_]{3})(\d{1,3})(?=[\s.,;:]|$)")
EXAMPLE = re.compile(
    r"\b(?:zoals|bijvoorbeeld|bijv\.|bv\.|e\.g\.|such as|for example|for instance)\s*$",
    re.IGNORECASE,
)
MAX_RANGE = 50


def find_markers(text: str) -> list[int]:
    """The reference numbers a text clearly cites, in order of first appearance.

    Args:
        text: passage text.

    Returns:
        Numbers from "[12]", "[12, 14]", "[12-14]" (expanded) and clause-final "12)".
    """
    found: list[int] = []
    for match in BRACKETS.finditer(text):
        if not EXAMPLE.search(text[max(0, match.start() - 20) : match.start()]):
            found += _expand(match.group(1))
    for match in PAREN.finditer(text):
        before = text[: match.start()]
        if before.rfind("(") <= before.rfind(")"):  # not the end of a parenthetical
            found.append(int(match.group(1)))
    return list(dict.fromkeys(n for n in found if n > 0))


def find_uncertain_markers(text: str, known: Collection[int]) -> list[int]:
    """Numbers glued to the end of a word ("beschreef12.") that the register has.

    Words of capitals ("CO2", "PM10") are skipped: the digits belong to them.

    Args:
        text: passage text.
        known: the numbers of the register's entries.

    Returns:
        The numbers in order of first appearance; not markers for certain.
    """
    found = []
    for match in GLUED.finditer(text):
        word = re.search(r"[^\W\d_]+$", text[: match.start()])
        number = int(match.group(1))
        if word and not word.group().isupper() and number in known:
            found.append(number)
    return list(dict.fromkeys(found))


def link(
    passages: Iterable[Passage],
    references: Iterable[Reference],
    pairing: Mapping[str, str],
    *,
    uncertain: bool = False,
) -> tuple[dict[RefKey, list[CitingPassage]], dict[str, list[int]]]:
    """Link report passages to the register entries their markers cite.

    Args:
        passages: passages of any documents; only those of reports in `pairing` are read.
        references: references of any registers.
        pairing: report doc id -> doc id of the register its markers point into
            (e.g. {"sra-testrapport": "bronnenboek-test"}).
        uncertain: also count glued digits (`find_uncertain_markers`).

    Returns:
        cited_by: (register doc, nr) -> the citing passages, in passage order;
        refs_of_passage: passage id -> the cited nrs. Markers without a register entry are
        left out of both.
    """
    numbers: dict[str, set[int]] = {}
    for reference in references:
        numbers.setdefault(reference.register_doc, set()).add(reference.nr)
    cited_by: dict[RefKey, list[CitingPassage]] = {}
    refs_of_passage: dict[str, list[int]] = {}
    for passage in passages:
        register = pairing.get(passage.doc_id, "")
        known = numbers.get(register, set())
        if not known:
            continue
        nrs = [n for n in find_markers(passage.text) if n in known]
        if uncertain:
            nrs += [n for n in find_uncertain_markers(passage.text, known) if n not in nrs]
        if nrs:
            refs_of_passage[passage.id] = nrs
        for nr in nrs:
            citing = CitingPassage(passage.doc_id, passage.page_label, passage.id)
            cited_by.setdefault((register, nr), []).append(citing)
    return cited_by, refs_of_passage


def _expand(inside: str) -> list[int]:
    """Numbers of "12, 14-16"; a reversed or huge range is not a range and is dropped."""
    numbers: list[int] = []
    for part in re.split(r"\s*[,;]\s*", inside):
        bounds = [int(n) for n in re.split(r"\s*[-\u2013]\s*", part)]
        if len(bounds) == 1:
            numbers.append(bounds[0])
        elif len(bounds) == 2 and 0 < bounds[1] - bounds[0] <= MAX_RANGE:
            numbers += range(bounds[0], bounds[1] + 1)
    return numbers
