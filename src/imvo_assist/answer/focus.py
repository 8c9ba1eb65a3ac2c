"""What a question is about first: the register entries and chapter passages it points to.

An inclusion question often names more than the organisation ("in het hoofdstuk olie en gas",
"het rapport 'Na de piek'", "our study on overtime in electronics factories"); a provenance
question names a statement ("de uitspraak over zandstralen"). Those entries and passages lead
the answer; the rest follows in its own order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

from imvo_assist.answer.evidence import content_groups, coverage, folded, forms_of, match
from imvo_assist.answer.understand import Understanding
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.models import Hit

Entry = TypeVar("Entry", bound=Mapping[str, object])
SECTOR_MATCH = 1.0
# A chapter passage stays beside the best one when it covers at least this share of its coverage.
TOPIC_FLOOR = 0.4


def entries_first(entries: Sequence[Entry], understanding: Understanding) -> list[Entry]:
    """Register entries ordered by how much of the question they match: the sector (chapter)
    named, the words of their title, a quoted title."""
    groups = [g for g in content_groups(understanding) if not _names_organisation(g.label, understanding)]
    sectors = {sector.id for sector in understanding.sectors}

    def score(entry: Entry) -> float:
        title = str(entry.get("title", ""))
        text = folded(title)
        words = forms_of(title)
        found = sum(group.weight * match(group, words, text) for group in groups)
        return found + (SECTOR_MATCH if entry.get("sector") in sectors else 0.0)

    ranked = sorted(enumerate(entries), key=lambda item: (-score(item[1]), item[0]))
    return [entry for _, entry in ranked]


def passages_first(hits: Sequence[Hit], understanding: Understanding) -> list[Hit]:
    """Passages ordered by how much of the question they cover, in reading order otherwise."""
    groups = content_groups(understanding)
    ranked = sorted(enumerate(hits), key=lambda item: (-round(coverage(item[1], groups), 2), item[0]))
    return [hit for _, hit in ranked]


def passages_on_topic(hits: Sequence[Hit], understanding: Understanding) -> list[Hit]:
    """A chapter's passages in `passages_first` order, without those that cover less than
    TOPIC_FLOOR of what the best one covers (its other paragraphs when the question names one
    statement); the words naming the sector count for none, every passage of its chapter has
    them ("het punt over dierenwelzijn bij voedingsmiddelen"; a product such as "cacao" counts).""" 
    groups = [g for g in content_groups(understanding) if not load_vocabulary().match_sector(g.label)]
    ranked = passages_first(hits, understanding)
    best = coverage(ranked[0], groups) if ranked else 0.0
    return [hit for hit in ranked if coverage(hit, groups) >= TOPIC_FLOOR * best] if best else ranked


def _names_organisation(label: str, understanding: Understanding) -> bool:
    """Whether a concept is (part of) the organisation asked about."""
    names = [understanding.org_query, *understanding.names]
    names += [form for o in understanding.organisations for form in o.forms()]
    return any(label and label in folded(name) for name in names if name)
