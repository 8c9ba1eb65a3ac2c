"""Evidence: does a passage contain what the question asks about, and which sentences say it.

A question's content words become match groups: the word, its Dutch and English stems, its
glossary equivalents and, for vocabulary terms, the tag id. A passage covers a group when any
form is among its own forms or tags. Sentences are split with care for Dutch abbreviations
("nr. 187", "jl.", "E.M.J. Ploumen").
"""

from __future__ import annotations

import re
from functools import lru_cache

from imvo_assist.answer.glossary import expand
from imvo_assist.answer.understand import GENERIC, QUESTION_WORDS, Understanding
from imvo_assist.index import analysis
from imvo_assist.models import Hit
from imvo_assist.tagging import default_tagger

Group = frozenset[str]
MIN_COVERAGE = 0.5
ABBREVIATIONS = re.compile(
    r"\b(nr|jl|p|pag|blz|art|bijv|bv|o\.a|e\.g|i\.e|vs|ca|zgn|resp|mr|dr|drs|ir|prof)\.$|\b[A-Z]\.$",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(«]?[A-Z0-9])")
CONTINUATION = re.compile(r"^(Dit zijn|Dat zijn|Deze zijn|Het gaat om|These are|They are|Namely)\b")
EXTRA_QUESTION_WORDS = frozenset("zegt say says noemt named gaat goes".split())


def content_groups(understanding: Understanding) -> list[Group]:
    """One match group per content word of the question."""
    groups = []
    for word in understanding.words:
        if word in GENERIC or word in QUESTION_WORDS or word in EXTRA_QUESTION_WORDS:
            continue
        forms = set(_forms(word))
        for equivalent in expand([word, *understanding.parts.get(word, ())]):
            forms |= _forms(equivalent)
        for part in understanding.parts.get(word, ()):
            forms |= _forms(part)
        tags = default_tagger().tag(word)
        forms |= {f"tag:{id}" for id in (*tags.sectors, *tags.risks, *tags.orgs)}
        groups.append(frozenset(forms))
    return groups


@lru_cache(maxsize=1 << 14)
def _forms(text: str) -> frozenset[str]:
    forms = set(analysis.tokens(analysis.exact(), text))
    forms.update(analysis.tokens(analysis.dutch(), text))
    forms.update(analysis.tokens(analysis.english(), text))
    return frozenset(forms)


def passage_forms(hit: Hit) -> frozenset[str]:
    """Forms of a passage's words and heading trail, plus its tags as "tag:<id>"."""
    p = hit.passage
    tags = {f"tag:{id}" for id in (*p.sectors, *p.risks, *p.orgs)}
    return _forms(f"{p.section}\n{p.text}") | tags


def coverage(hit: Hit, groups: list[Group]) -> float:
    """Share of the question's content groups a passage covers (1.0 when there are none)."""
    if not groups:
        return 1.0
    forms = passage_forms(hit)
    return sum(bool(group & forms) for group in groups) / len(groups)


def sentences(text: str) -> list[str]:
    """Sentences of a passage; a period after an abbreviation or initial does not end one."""
    parts: list[str] = []
    for piece in SENTENCE_END.split(text):
        if parts and ABBREVIATIONS.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return [part.strip() for part in parts if part.strip()]


def key_sentences(text: str, groups: list[Group], cue: re.Pattern[str] | None = None, count: int = 2) -> str:
    """The `count` sentences that cover most groups (and cues), in text order."""
    found = sentences(text)
    if len(found) <= count:
        return " ".join(found)
    scored = []
    for index, sentence in enumerate(found):
        forms = _forms(sentence)
        score = sum(bool(group & forms) for group in groups)
        if cue is not None and cue.search(sentence.lower()):
            score += 1
        scored.append((score, -index))
    best = sorted(sorted(scored, reverse=True)[:count], key=lambda item: -item[1])
    chosen = [-index for _, index in best]
    # a sentence that announces a list ("... geïdentificeerd. Dit zijn de sectoren ...") keeps it
    follow = [i + 1 for i in chosen if i + 1 < len(found) and CONTINUATION.match(found[i + 1])]
    chosen = sorted(set(chosen) | set(follow[:1]))
    pieces = []
    for position, index in enumerate(chosen):
        if position and index != chosen[position - 1] + 1:
            pieces.append("…")
        pieces.append(found[index])
    return _shorten(" ".join(pieces), 600)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
