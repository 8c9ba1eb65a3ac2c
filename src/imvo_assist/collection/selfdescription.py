"""What a file says about itself that counts against it being the registered document.

One rule, not a list of files: a file is not the official document when its own title, its
metadata or a running head (a line repeated at the top or bottom of its pages) gives it a status
the registered document does not have (test, draft, concept, preliminary, synthetic, specimen,
in Dutch or English, alone or in compounds such as "testversie" or "conceptrapport"), when any
page read says it must not be cited or is not the official text, or when its title names a
version or a year other than the registered one. A status word that is part of the registered
title itself ("Ontwerp..." in a registered title) does not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from imvo_assist.collection.filefacts import FileFacts

STATUS = -60
"""Points of a file that calls itself a test, draft or concept, or says not to cite it (a veto)."""
OTHER_VERSION = -40
"""Points of a title that names another version or year."""
HEAD_WORDS = 8
"""Longest line (in words) read as a heading or stamp rather than running text."""
MONTHS = (
    ("januari", "january"), ("februari", "february"), ("maart", "march"), ("april",),
    ("mei", "may"), ("juni", "june"), ("juli", "july"), ("augustus", "august"),
    ("september",), ("oktober", "october"), ("november",), ("december",),
)
_STATUS_WORDS = frozenset({
    "test", "tests", "draft", "concept", "ontwerp", "preliminary", "provisional", "voorlopig",
    "voorlopige", "synthetic", "specimen", "dummy", "fictief", "fictieve", "fictitious", "fictional",
    "sample", "mockup", "proef", "proefversie", "werkversie", "unofficial", "onofficieel",
    "onofficiele", "onofficiële",
})
_STATUS_PREFIXES = ("test", "synthet", "concept", "ontwerp", "draft", "proef")
_STATUS_SUFFIXES = ("versie", "version", "tekst", "text", "document", "rapport", "report", "advies",
                    "convenant", "brief", "bestand", "exemplaar", "uitgave")
_NOT_STATUS = frozenset({"concepten", "concepts", "ontwerpen"})
_NOT_STATUS_PREFIXES = ("testam", "testim", "testif")
_NOT_FOR_CITING = re.compile(
    r"\b(?:must|should|may|can)\s+not\s+be\s+(?:cited|quoted|used\s+as\s+a\s+source)"
    r"|\b(?:do\s+not|never|don't)\s+(?:cite|quote)\b|\bnot\s+for\s+(?:citation|quotation)\b"
    r"|\bniet\s+(?:citeren|aanhalen)\b|\bciteer\b[^.\n]{0,40}\b(?:nooit|niet)\b"
    r"|\bgeen\s+offici[eë]le\s+(?:tekst|versie|uitgave|publicatie)\b"
    r"|\bnot\s+an?\s+official\s+(?:text|version|document|publication)\b"
    r"|\bniet\s+offici[eë]el\b",
    re.IGNORECASE,
)
_VERSION = re.compile(r"\b(?:versie|version)\s*\d+(?:\.\d+)*\b|\bv\d+(?:\.\d+)*\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence for (points > 0) or against (points < 0) a match."""

    item: str
    """"title", "publisher", "pages", "sha256", "phrases", "date", "author", "status",
    "not-for-citing" or "version"."""
    points: int
    detail: str
    """What was seen and where, for people."""
    veto: bool = False
    """True when it rules the match out whatever else is seen."""


def counter_evidence(facts: FileFacts, titles: Iterable[str], date: str) -> list[Evidence]:
    """What the file says about itself against being the document with these registered
    titles and date (at most one item per kind)."""
    titles = list(titles)
    allowed = {w.lower() for t in titles for w in _WORD.findall(t)}
    found: list[Evidence] = []
    for text, where in self_titles(facts):
        word = next((w for w in _WORD.findall(text) if _is_status(w.lower(), allowed)), "")
        if word:
            found.append(Evidence("status", STATUS, f"the file calls itself '{word}' {where}: "
                                  f"'{_clip(text)}'", veto=True))
            break
    for text, where in [(facts.about, "in its metadata"),
                        *((t, f"on page {n}") for n, t in zip(facts.page_numbers, facts.texts))]:
        ban = _NOT_FOR_CITING.search(text)
        if ban:
            found.append(Evidence("not-for-citing", STATUS, f"the file says '{_clip(ban.group(0))}' "
                                  f"{where}", veto=True))
            break
    other = _other_version(facts, titles, date)
    return found + ([other] if other else [])


def self_titles(facts: FileFacts) -> list[tuple[str, str]]:
    """(text, where) of what the file calls itself: metadata title, subject and keywords, the
    first three lines of the first page, and running heads and footers."""
    found = [(facts.title, "in its metadata title"), (facts.about, "in its metadata")]
    found += [(line, "at the top of page 1") for line in facts.lines(0)[:3] if _short(line)]
    return [(text, where) for text, where in found if text] + [
        (line, "in a running head or footer") for line in running_lines(facts) if _short(line)]


def _short(line: str) -> bool:
    """A line short enough to be a heading, stamp or running head (not a sentence of text)."""
    return len(line.split()) <= HEAD_WORDS


def running_lines(facts: FileFacts) -> list[str]:
    """Top and bottom lines that recur (page numbers aside) on two or more pages read."""
    seen: dict[str, tuple[str, set[int]]] = {}
    for index in range(len(facts.texts)):
        lines = facts.lines(index)
        for line in {*lines[:2], *lines[-2:]}:
            key = re.sub(r"\d+", "#", line.lower())
            seen.setdefault(key, (line, set()))[1].add(index)
    return [line for line, pages in seen.values() if len(pages) >= 2]


def _is_status(word: str, allowed: set[str]) -> bool:
    if word in allowed or word in _NOT_STATUS or word.startswith(_NOT_STATUS_PREFIXES):
        return False
    if word in _STATUS_WORDS:
        return True
    if word.startswith(("test", "synthet")) and len(word) > 4:
        return True
    return word.startswith(_STATUS_PREFIXES) and word.endswith(_STATUS_SUFFIXES)


def _other_version(facts: FileFacts, titles: list[str], date: str) -> Evidence | None:
    """A version number or year in the file's title that the registered title and date lack."""
    heads = [(facts.title, "in its metadata title"), *((line, "at the top of page 1")
                                                        for line in facts.lines(0)[:1])]
    registered = " ".join(titles)
    years = set(_YEAR.findall(f"{registered} {date}"))
    for text, where in heads:
        version = _VERSION.search(text)
        if version and not _VERSION.search(registered):
            return Evidence("version", OTHER_VERSION, f"the file names '{version.group(0)}' {where}")
        named = set(_YEAR.findall(text))
        if named and years and not named & years:
            return Evidence("version", OTHER_VERSION, f"the file names the year "
                            f"{', '.join(sorted(named))} {where}; the document is of {date or '?'}")
    return None


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
