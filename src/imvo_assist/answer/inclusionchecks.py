"""An organisation's place in the source register checked against what the question adds: a
chapter ("is Oxfam Novib een bron in het hoofdstuk bouw?"), a year ("a 2016 report by Oxfam
Novib") or a subject no document names ("SOMO's report on Apple")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from imvo_assist.answer.chapters import chapter_asked, entries_in
from imvo_assist.answer.missing import Missing
from imvo_assist.answer.presence import present
from imvo_assist.answer.understand import Understanding
from imvo_assist.bronnenboek import inclusion_report
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.text.fold import folded_words
from imvo_assist.text.framing import asking_sentences
from imvo_assist.text.lexicon import load_lexicon

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus


def chapter_without(library: Corpus, understanding: Understanding) -> Missing | None:
    """An organisation asked about in a chapter none of its register entries is of; what is
    said names the sectors it has entries for."""
    chapter = chapter_asked(understanding)
    named = understanding.org_query or (understanding.organisations[0].name_nl if understanding.organisations else "")
    if not chapter or not named:
        return None
    provenance, vocabulary = library.provenance, load_vocabulary()
    report = inclusion_report(named, provenance.references, provenance.cited_by, vocabulary)
    if report["not_found"] or entries_in(library, report["references"], chapter):
        return None
    sectors = " / ".join(s.name(understanding.language) for s in vocabulary.sectors if s.id in chapter)
    return Missing(report["organisation"]["name"], "not_in_chapter",
                   (vocabulary.sector_counts(report["by_sector"], understanding.language),), sectors)


def publication_year(library: Corpus, understanding: Understanding) -> Missing | None:
    """A publication of the organisation from the year asked ("a 2016 report by Oxfam Novib")
    that the register does not list."""
    if not understanding.years or not understanding.org_query:
        return None
    provenance = library.provenance
    report = inclusion_report(
        understanding.org_query, provenance.references, provenance.cited_by, load_vocabulary()
    )
    if report["not_found"]:
        return None  # the inclusion answer names the missing organisation itself
    years = sorted({str(r["year"]) for r in report["references"] if r["year"]})
    if set(understanding.years) & set(years):
        return None
    return Missing(report["organisation"]["name"], "publication_year", tuple(years),
                   ", ".join(understanding.years))


def report_subject(library: Corpus, understanding: Understanding) -> Missing | None:
    """A publication of a registered organisation about a name no document holds ("het
    SOMO-rapport over Apple", "the Amnesty report on Glencore in Peru"): the register lists no
    such publication; what is said names the organisation's publications."""
    if not understanding.organisations or not understanding.org_query:
        return None
    asking = f" {folded_words(asking_sentences(understanding.question))} "
    lexicon = load_lexicon()
    own = {word for o in understanding.organisations for form in o.forms() for word in folded_words(form).split()}
    for name in understanding.names:
        words = folded_words(name).split()
        if f" {' '.join(words)} " not in asking or own & set(words):
            continue  # of the context, or the organisation's own name ("het Both ENDS-stuk")
        if any(present(library, [word, *lexicon.either_way(word)]) for word in words):
            continue  # a word of it is in the documents ("South Indian": Indiase)
        provenance = library.provenance
        report = inclusion_report(understanding.org_query, provenance.references, provenance.cited_by,
                                  load_vocabulary())
        if report["not_found"]:
            return None  # the inclusion answer names the missing organisation itself
        titles = tuple(f"[{r['nr']}] {r['title']}" for r in report["references"])
        return Missing(report["organisation"]["name"], "report_subject", titles, name)
    return None
