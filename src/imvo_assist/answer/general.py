"""Answers that quote the best passages: look-ups, definitions, expectations and plain search.

Only passages that cover the question's content words are used; each bullet quotes the key
sentences of one passage with its citation number. Definitions put the defining passage first;
expectations prefer sentences that say what someone must or is expected to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from imvo_assist.answer.citations import CitationList
from imvo_assist.answer.evidence import MIN_COVERAGE, content_groups, coverage, key_sentences
from imvo_assist.answer.retrieve import retrieve
from imvo_assist.answer.understand import Understanding
from imvo_assist.models import Hit

if TYPE_CHECKING:
    from imvo_assist.library import Library

MAX_ITEMS = 5
DEFINING = re.compile(
    r"(: (het|de|een) |\b(is|zijn) (een|het|de)\b|wordt verstaan|verstaan onder|betekent|"
    r"onderscheid tussen|\bmeans\b|\bis the\b|\bis a\b|\brefers to\b)"
)
EXPECTING = re.compile(
    r"\b(verwacht\w*|moet|moeten|dient|dienen|zal|zullen|verplicht\w*|ieder bedrijf|"
    r"bedrijven|expected|must|shall|should|required)\b"
)
INTROS = {
    ("nl", "definition"): "Zo omschrijven de documenten het:",
    ("en", "definition"): "This is how the documents describe it:",
    ("nl", "expectations"): "Dit wordt verwacht, volgens de documenten:",
    ("en", "expectations"): "This is what is expected, according to the documents:",
    ("nl", "default"): "Dit staat erover in de documenten:",
    ("en", "default"): "This is what the documents say:",
}


@dataclass
class Composed:
    """The parts of an answer a composer produces."""

    lines: list[str] = field(default_factory=list)
    not_found: bool = False
    risks: list[dict[str, object]] = field(default_factory=list)
    references: list[dict[str, object]] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)


def evidence_hits(library: Library, understanding: Understanding, limit: int = 12) -> list[Hit]:
    """Retrieved passages that cover the question's content words: most covered first, then
    by score (a passage with every asked word beats one that repeats a single word)."""
    groups = content_groups(understanding)
    scored = [(coverage(hit, groups), hit) for hit in retrieve(library, understanding, limit)]
    kept = [(round(c, 1), hit) for c, hit in scored if c >= MIN_COVERAGE]
    kept.sort(key=lambda item: (-item[0], -item[1].score))
    return [hit for _, hit in kept]


def compose_quotes(library: Library, understanding: Understanding, citations: CitationList) -> Composed:
    """Quote the key sentences of the passages that answer the question."""
    groups = content_groups(understanding)
    hits = evidence_hits(library, understanding)
    intent = understanding.intent
    cue = DEFINING if intent == "definition" else EXPECTING if intent == "expectations" else None
    if cue is not None:
        hits.sort(key=lambda hit: not cue.search(hit.passage.text.lower()))  # stable: keeps rank
    hits = _originals_first(hits)[:MAX_ITEMS]
    if not hits:
        return Composed(not_found=True)
    language = understanding.language
    intro = INTROS.get((language, intent)) or INTROS[(language, "default")]
    lines = [intro, ""]
    for hit in hits:
        n = citations.add(hit)
        quote = key_sentences(hit.passage.text, groups, cue)
        where = f"{hit.title}, p. {hit.passage.page_label}"
        lines.append(f"- {quote} [{n}] ({where})")
    return Composed(lines)


def _originals_first(hits: list[Hit]) -> list[Hit]:
    """Register facts only after the original passages (they summarise, originals prove)."""
    return [h for h in hits if h.source != "register"] + [h for h in hits if h.source == "register"]
