"""Evidence: does a passage contain what the question asks about, and which sentences say it.

A question's content words become match groups: the word, its Dutch and English stems, its
glossary equivalents and, for vocabulary terms, the tag id. A passage covers a group when any
form is among its own forms or tags. Sentences are split with care for Dutch abbreviations
("nr. 187", "jl.", "E.M.J. Ploumen").
"""

from __future__ import annotations

import re
from functools import lru_cache

from imvo_assist.answer.understand import GENERIC, QUESTION_WORDS, Understanding
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.models import Hit
from imvo_assist.text import analysis
from imvo_assist.text.fold import fold
from imvo_assist.text.glossary import MAX_PHRASE, expand, glossary

Group = frozenset[str]
MIN_COVERAGE = 0.5
SHORT_PASSAGE_WORDS = 60
ABBREVIATIONS = re.compile(
    r"\b(nr|jl|p|pag|blz|art|bijv|bv|o\.a|e\.g|i\.e|vs|ca|zgn|resp|mr|dr|drs|ir|prof)\.$|\b[A-Z]\.$",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[\"'(«]?[A-Z0-9])|\s+(?=[a-h]\.\s+[A-Z])")
CONTINUATION = re.compile(r"^(Dit zijn|Dat zijn|Deze zijn|Het gaat om|These are|They are|Namely)\b")
EXTRA_QUESTION_WORDS = frozenset(["zegt", "say", "says", "noemt", "named", "gaat", "goes"])


def content_groups(understanding: Understanding) -> list[Group]:
    """One match group per content word (or glossary phrase, such as "follow up") of the question."""
    words = list(understanding.words)
    groups = []
    index = 0
    while index < len(words):
        size = _phrase_length(words, index)
        phrase = " ".join(words[index : index + size])
        index += size
        if size == 1 and (
            phrase in GENERIC or phrase in QUESTION_WORDS or phrase in EXTRA_QUESTION_WORDS
            or phrase in analysis.stopwords()
        ):
            continue
        forms = set(_forms(phrase)) if size == 1 else {phrase}
        for equivalent in expand(phrase.split()):
            forms |= _forms(equivalent) if " " not in equivalent else {equivalent}
        parts = understanding.parts.get(phrase)
        if parts:  # a Dutch compound names a kind of its head: "ministerieteam" is a "team"
            forms |= _part_forms(parts[-1])
        tags = default_tagger().tag(phrase)
        forms |= {f"tag:{id}" for id in (*tags.sectors, *tags.risks, *tags.orgs)}
        groups.append(frozenset(forms))
    return groups


def _phrase_length(words: list[str], start: int) -> int:
    """How many words from `start` form a glossary phrase (1 when none does)."""
    table = glossary()
    for size in range(MAX_PHRASE, 1, -1):
        if tuple(words[start : start + size]) in table:
            return size
    return 1


@lru_cache(maxsize=1 << 14)
def _forms(text: str) -> frozenset[str]:
    forms = set(analysis.tokens(analysis.exact(), text))
    forms.update(analysis.tokens(analysis.dutch(), text))
    forms.update(analysis.tokens(analysis.english(), text))
    return frozenset(forms)


def passage_forms(hit: Hit) -> frozenset[str]:
    """Forms of a passage's words, heading trail and document title, plus its tags."""
    p = hit.passage
    tags = {f"tag:{id}" for id in (*p.sectors, *p.risks, *p.orgs)}
    return _forms(f"{hit.title}\n{p.section}\n{p.text}") | tags


def coverage(hit: Hit, groups: list[Group]) -> float:
    """Share of the question's content groups a passage covers (1.0 when there are none)."""
    if not groups:
        return 1.0
    forms = passage_forms(hit)
    text = fold(f"{hit.title} {hit.passage.section} {hit.passage.text}")
    return sum(_covers(group, forms, text) for group in groups) / len(groups)


def _covers(group: Group, forms: frozenset[str], folded_text: str) -> bool:
    """A group is covered by a word form, a tag, or (for phrases) the phrase in the text."""
    return bool(group & forms) or any(" " in f and f in folded_text for f in group)


@lru_cache(maxsize=1024)
def _part_forms(part: str) -> frozenset[str]:
    forms = set(_forms(part))
    for equivalent in expand([part]):
        forms |= _forms(equivalent)
    return frozenset(forms)


def sentences(text: str) -> list[str]:
    """Sentences of a passage; a period after an abbreviation or initial does not end one."""
    parts: list[str] = []
    for piece in SENTENCE_END.split(text):
        if parts and ABBREVIATIONS.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return [part.strip() for part in parts if part.strip()]


def key_sentences(
    text: str, groups: list[Group], cue: re.Pattern[str] | None = None, count: int = 2,
    hints: tuple[str, ...] = (),
) -> str:
    """The `count` sentences that cover most groups (and cues or hint phrases), in text order;
    a short passage is quoted whole."""
    found = sentences(text)
    if len(found) <= count or len(text.split()) <= SHORT_PASSAGE_WORDS:
        return " ".join(found)
    scored = []
    for index, sentence in enumerate(found):
        forms = _forms(sentence)
        folded = fold(sentence)
        score = sum(_covers(group, forms, folded) for group in groups)
        # the form the question asks for (a frequency, a year, a list of sectors) is the answer
        score += HINT_WEIGHT * sum(hint_matches(hint, folded) for hint in hints)
        if cue is not None and cue.search(sentence.lower()):
            score += 1
        scored.append((score, -index))
    best = sorted(sorted(scored, reverse=True)[:count], key=lambda item: -item[1])
    chosen = [-index for _, index in best]
    # a sentence that announces a list ("... geïdentificeerd. Dit zijn de sectoren ...") keeps it
    follow = [i + 1 for i in chosen if i + 1 < len(found) and CONTINUATION.match(found[i + 1])]
    # ... and a list chosen for itself keeps the sentence that announces it
    lead = [i - 1 for i in chosen if i > 0 and CONTINUATION.match(found[i])]
    chosen = sorted(set(chosen) | set(follow[:1]) | set(lead[:1]))
    pieces = []
    for position, index in enumerate(chosen):
        if position and index != chosen[position - 1] + 1:
            pieces.append("…")
        pieces.append(found[index])
    return _shorten(" ".join(pieces), 600)


NUMBER = re.compile(r"\b(\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|"
                    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)\b")
MIN_LISTED_SECTORS = 3
HINT_WEIGHT = 3
YEAR = re.compile(r"\b(19|20)\d{2}\b")


def hint_matches(hint: str, folded: str) -> bool:
    """Whether folded text has a hint: a phrase; any year / number for "#year" / "#number"; a
    list of sectors for "#sectors"."""
    if hint == "#year":
        return bool(YEAR.search(folded))
    if hint == "#number":
        return bool(NUMBER.search(folded))
    if hint == "#sectors":  # "welke sectoren ...?" is answered by a sentence listing sectors
        return len(default_tagger().tag(folded).sectors) >= MIN_LISTED_SECTORS
    return hint in folded


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
