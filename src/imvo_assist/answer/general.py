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
from imvo_assist.answer.evidence import (
    MIN_COVERAGE,
    Group,
    content_groups,
    coverage,
    hint_matches,
    key_sentences,
)
from imvo_assist.answer.retrieve import retrieve
from imvo_assist.answer.understand import Understanding
from imvo_assist.index import Filters
from imvo_assist.models import Hit
from imvo_assist.text.fold import fold

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

MAX_ITEMS = 5
CUE_BONUS = 0.25
HINT_BONUS = 0.5
DEFINING = re.compile(
    r"(: (het|de|een) |\b(is|zijn) (een|het|de)\b|wordt verstaan|verstaan onder|betekent|"
    r"onderscheid tussen|\bmeans\b|\bis the\b|\bis a\b|\brefers to\b)"
)
EXPECTING = re.compile(
    r"\b(verwacht\w*|moet|moeten|dient|dienen|verplicht\w*|ieder bedrijf|elk bedrijf|"
    r"voert .* uit|stelt .* op|expected|must|shall|should|required|every participating)\b"
)
# Words the answer to an intent tends to use, added to the search ("ieder bedrijf voert ... uit").
CUE_WORDS = {
    "expectations": ("verwacht", "moet", "moeten", "dient", "ieder", "verplicht", "must", "shall", "expected", "every"),
}
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


def evidence_hits(
    library: Corpus, understanding: Understanding, limit: int = 12,
    cue: re.Pattern[str] | None = None, groups: list[Group] | None = None,
) -> list[Hit]:
    """Retrieved passages that cover the question's content words, best first.

    Order: most content words covered; then the search score, raised for sentences with the
    intent's cue (a defining or expecting sentence) and for the phrases the question's form asks
    for ("hoe vaak" -> "ieder half jaar").
    """
    groups = content_groups(understanding) if groups is None else groups
    if understanding.named_kind:  # "in het textielconvenant": that document first
        sectors = understanding.sectors if understanding.named_kind == "covenant" else ()
        named = Filters(kind=understanding.named_kind, sector=sectors[0].id if sectors else None)
        found = _ranked(library, understanding, limit, cue, named, groups)
        if found:
            return found
    return _ranked(library, understanding, limit, cue, None, groups)


def _ranked(
    library: Corpus, understanding: Understanding, limit: int, cue: re.Pattern[str] | None,
    filters: Filters | None, groups: list[Group],
) -> list[Hit]:
    ranked = []
    extra = CUE_WORDS.get(understanding.intent, ())
    retrieved = retrieve(library, understanding, limit + 4 * bool(extra), filters, extra_words=extra)
    for hit in retrieved:
        covered = coverage(hit, groups)
        if covered < MIN_COVERAGE:
            continue
        text = fold(hit.passage.text)
        cues = len(cue.findall(hit.passage.text.lower())) if cue is not None else 0
        hints = sum(hint_matches(hint, text) for hint in understanding.hints)
        bonus = (1 + CUE_BONUS * min(cues, 3)) * (1 + HINT_BONUS * hints)
        ranked.append(((-round(covered, 1), -hit.score * bonus), hit))
    ranked.sort(key=lambda item: item[0])
    return [hit for _, hit in ranked]


def compose_quotes(library: Corpus, understanding: Understanding, citations: CitationList) -> Composed:
    """Quote the key sentences of the passages that answer the question."""
    groups = content_groups(understanding)
    intent = understanding.intent
    cue = DEFINING if intent == "definition" else EXPECTING if intent == "expectations" else None
    hits = _originals_first(evidence_hits(library, understanding, cue=cue, groups=groups))[:MAX_ITEMS]
    if not hits:
        return Composed(not_found=True)
    language = understanding.language
    intro = INTROS.get((language, intent)) or INTROS[(language, "default")]
    lines = [intro, ""]
    for hit in hits:
        n = citations.add(hit)
        quote = key_sentences(hit.passage.text, groups, cue, hints=understanding.hints)
        where = f"{hit.title}, p. {hit.passage.page_label}"
        lines.append(f"- {quote} [{n}] ({where})")
    return Composed(lines)


def _originals_first(hits: list[Hit]) -> list[Hit]:
    """Register facts only after the original passages (they summarise, originals prove)."""
    return [h for h in hits if h.source != "register"] + [h for h in hits if h.source == "register"]
