"""The chapter an inclusion or provenance question asks about ("heeft KPMG Amnesty gebruikt voor
het hoofdstuk textiel?"): an organisation's register entries count for it when the entry's
sector is that chapter's, or a passage citing the entry stands in it. When none does, the
organisation's input was not used there, however often it was used elsewhere."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, cast

from imvo_assist.answer.understand import Understanding
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.text.fold import folded_words
from imvo_assist.text.framing import asking_part
from imvo_assist.text.lazyregex import lazy_compile

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

Entry = Mapping[str, object]
# Nouns for a publication, no sector's word in a question about sources ("our paper on ..."),
# unless a sector noun follows ("the paper industry").
PUBLICATION = lazy_compile(
    r"\b(papers?|reports?|rapporten|rapport|stud(y|ies)|studie|publicaties?|publications?)\b"
    r"(?! (sector|industry|industrie|branche)\b)")


def chapter_asked(understanding: Understanding) -> frozenset[str]:
    """The sectors the asking part names ("for the chemicals chapter", "voor textiel en kleding",
    "Oxfam's work on cocoa"), not by a noun for a publication ("our paper on plantations") nor
    by the organisation's name (the "Clothes" of "Clean Clothes Campaign"); none for a sector of
    the context ("Textielbedrijf hier: heeft KPMG Amnesty gebruikt?")."""
    asking = f" {folded_words(asking_part(understanding.question))} "
    for name in (understanding.org_query, *(f for o in understanding.organisations for f in o.forms())):
        asking = asking.replace(f" {folded_words(name)} ", " ")
    asking = PUBLICATION.sub(" ", asking)  # "our paper on plantations": a publication
    return frozenset(default_tagger().tag(asking).sectors)


def entries_in(library: Corpus, entries: Sequence[Entry], sectors: frozenset[str]) -> list[Entry]:
    """The entries of the chapters of these sectors: by the entry's own sector ("metaal /
    elektronica" is of both) or by the chapter of a passage citing it."""
    tagger = default_tagger()

    def of_chapter(entry: Entry) -> bool:
        sector = str(entry.get("sector", ""))
        if sectors & {sector, *tagger.tag(sector).sectors}:
            return True
        citing = cast(Sequence[Mapping[str, object]], entry.get("cited_by", ()))
        passages = [library.passage(str(c["passage_id"])) for c in citing]
        return any(p is not None and sectors & set(tagger.tag(p.section).sectors) for p in passages)
    return [entry for entry in entries if of_chapter(entry)]
