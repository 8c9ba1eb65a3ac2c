"""Covenants of a sector, each checked for the risk themes it names.

A sector's own covenants are the registered covenants of that sector and the indexed covenant
texts about it; covenants of related sectors (the vocabulary's `covenants` of the sector that
belong to another sector) are checked the same way and listed apart. An indexed covenant text
fills a registered covenant's role by sector (and by title when the sector has several), under
its own title. A covenant is checked against its indexed text(s) through the vocabulary's risk
terms, else against its theme list in the bundled register through the editorial mapping of
`corpus/coverage-themes.toml`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from rapidfuzz import fuzz

from imvo_assist.answer.evidence import sentences
from imvo_assist.catalogue.loader import load_documents
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.catalogue.vocabulary import Sector
from imvo_assist.models import Document
from imvo_assist.overview import cited
from imvo_assist.overview.cited import Evidence
from imvo_assist.overview.register import THEMES_FILE, CovenantThemes, CoverageThemes

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

TITLE_MATCH = 60
MAX_QUOTE_WORDS = 30
TEXT = {
    "nl": {
        "themes": "Thema's van {title}",
        "themes_note": "koppeling thema -> risico is redactioneel ({source})",
        "theme_list": "themalijst uit één bron, niet uit de tekst van het convenant",
        "whole_text": "hele tekst doorzocht op de risicotermen van de woordenlijst",
        "no_basis": "geen tekst in het corpus en geen themalijst in het register",
    },
    "en": {
        "themes": "Themes of {title}",
        "themes_note": "the theme -> risk mapping is editorial ({source})",
        "theme_list": "theme list from one source, not from the covenant's text",
        "whole_text": "whole text searched for the vocabulary's risk terms",
        "no_basis": "no text in the corpus and no theme list in the register",
    },
}


@dataclass
class Covenant:
    """One covenant checked for the risks: its texts or theme list, and what it names."""

    id: str
    title: str
    date: str
    basis: Literal["text", "themes", "none"]
    checked: list[Evidence]
    """What the covenant was checked against: each indexed text, or its theme list."""
    names: dict[str, Evidence] = field(default_factory=dict)
    """Risk id -> the sentence or theme naming it (first found)."""
    touches: dict[str, Evidence] = field(default_factory=dict)
    """Risk id -> a theme touching it without naming it (theme lists only)."""
    mapping: dict[str, str] = field(default_factory=dict)
    """Source and confidence of the editorial theme -> risk mapping (theme lists only)."""

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "basis": self.basis,
            "checked": [e.to_dict() for e in self.checked],
            "names": {risk: e.to_dict() for risk, e in self.names.items()},
            "mapping": self.mapping,
        }


def sector_covenants(
    corpus: Corpus, sector: Sector, themes: CoverageThemes, language: str
) -> tuple[list[Covenant], list[Covenant]]:
    """The sector's own covenants and those of related sectors, each checked."""
    registered = {d.id: d for d in load_documents() if d.kind == "covenant"}
    texts: dict[str, list[str]] = {}
    sectors_of: dict[str, tuple[str, ...]] = {}
    for doc_id, document in corpus.documents.items():
        if document.file and document.kind == "covenant":
            sectors_of[doc_id] = (
                registered[doc_id].register.sectors
                if doc_id in registered
                else _text_sectors(corpus, doc_id, document.title)
            )
            role = _role(doc_id, document.title, sectors_of[doc_id], registered)
            texts.setdefault(role, []).append(doc_id)
    own_ids = [d.id for d in registered.values() if sector.id in d.register.sectors]
    own_ids += [role for role in texts if role not in registered and sector.id in sectors_of[role]]
    related_ids = [
        d.id
        for d in registered.values()
        if d.register.covenant in sector.covenants and sector.id not in d.register.sectors
    ]

    def check(role: str) -> Covenant:
        return _check(corpus, role, registered.get(role), texts.get(role, []), themes, language)

    return [check(r) for r in own_ids], [check(r) for r in related_ids]


def _text_sectors(corpus: Corpus, doc_id: str, title: str) -> tuple[str, ...]:
    """The sectors an unregistered covenant text is about: its title's, else its passages' most
    frequent sector."""
    named = default_tagger().tag(title).sectors
    if named:
        return named
    counts = Counter(s for p in corpus.passages_of(doc_id) for s in p.sectors)
    return (counts.most_common(1)[0][0],) if counts else ()


def _role(
    doc_id: str, title: str, sectors: tuple[str, ...], registered: dict[str, Document]
) -> str:
    """The registered covenant an indexed text fills (by sector, and by title among several),
    or the text's own id when it fills none."""
    if doc_id in registered:
        return doc_id
    candidates = [d for d in registered.values() if set(d.register.sectors) & set(sectors)]
    if len(candidates) == 1:
        return candidates[0].id
    scored = [
        (max(fuzz.token_set_ratio(title, name) for name in (d.title, d.citation) if name), d.id)
        for d in candidates
    ]
    best = max(scored, default=(0.0, doc_id))
    return best[1] if best[0] >= TITLE_MATCH else doc_id


def _check(
    corpus: Corpus,
    role: str,
    registered: Document | None,
    texts: list[str],
    themes: CoverageThemes,
    language: str,
) -> Covenant:
    document = registered or corpus.documents.get(role) or Document(role)
    title = document.title or role
    date = document.date
    if texts:
        return _check_texts(corpus, Covenant(role, title, date, "text", []), texts, language)
    listed = themes.covenants.get(role)
    if listed:
        return _check_themes(Covenant(role, title, date, "themes", []), listed, themes, language)
    cite = registered.citation if registered else title
    url = cited.register_address(registered) if registered else ""
    note = TEXT[language]["no_basis"]
    return Covenant(
        role,
        title,
        date,
        "none",
        [cited.from_register(cite, "", url, role, note=note, language=language)],
    )


def _check_texts(corpus: Corpus, covenant: Covenant, texts: list[str], language: str) -> Covenant:
    """Search every sentence of the texts (the asked language first) for the vocabulary's risk
    terms; the first sentence naming a risk is its evidence."""
    tagger = default_tagger()
    texts = sorted(
        texts, key=lambda d: ((corpus.documents.get(d) or Document(d)).language != language, d)
    )
    for doc_id in texts:
        covenant.checked.append(
            cited.from_document(corpus, doc_id, TEXT[language]["whole_text"], language)
        )
        for passage in corpus.passages_of(doc_id):
            for sentence in sentences(passage.text):
                for risk_id in tagger.tag(sentence).risks:
                    if risk_id not in covenant.names:
                        quote = _clause(sentence, risk_id)
                        covenant.names[risk_id] = cited.from_hit(
                            corpus, corpus.hit(passage), quote, language
                        )
    return covenant


def _clause(sentence: str, risk_id: str) -> str:
    """The clause of a long listing sentence that names the risk ("… Kinderarbeid: ... …"), or
    the whole sentence when it is short or no single clause names the risk."""
    if len(sentence.split()) <= MAX_QUOTE_WORDS:
        return sentence
    for clause in re.split(r"(?<=[,;:])\s+|\s+(?=[a-z]\.\s)", sentence):
        if risk_id in default_tagger().tag(clause).risks:
            return f"… {clause.strip(' ,;')} …"
    return sentence


def _check_themes(
    covenant: Covenant, listed: CovenantThemes, themes: CoverageThemes, language: str
) -> Covenant:
    text = TEXT[language]
    cite = text["themes"].format(title=covenant.title)
    note = text["themes_note"].format(source=THEMES_FILE)
    confidence = themes.mapping_confidence
    covenant.mapping = {
        "source": themes.mapping_source,
        "confidence": confidence,
        "file": THEMES_FILE,
    }
    all_themes = "; ".join(t.theme for t in listed.themes)
    covenant.checked.append(
        cited.from_register(
            cite,
            all_themes,
            listed.source_url,
            covenant.id,
            note=text["theme_list"],
            language=language,
        )
    )
    for theme in listed.themes:
        evidence = cited.from_register(
            cite,
            theme.theme,
            listed.source_url,
            covenant.id,
            confidence=confidence,
            note=note,
            language=language,
        )
        for risk_id in theme.same:
            covenant.names.setdefault(risk_id, evidence)
        for risk_id in theme.related:
            covenant.touches.setdefault(risk_id, evidence)
    return covenant
