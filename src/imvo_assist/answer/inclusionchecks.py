"""An organisation's place in the source register checked against what the question adds: a
chapter ("is Oxfam Novib een bron in het hoofdstuk bouw?"), a year ("a 2016 report by Oxfam
Novib"), a subject no document names ("SOMO's report on Apple") or a subject it is asked to
speak on ("wat zegt FNV over kinderarbeid in de cacaoteelt?")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from imvo_assist.answer.chapters import chapter_asked, entries_in
from imvo_assist.answer.entities import (
    cited_as_source,
    folded_forms,
    is_author,
    title_abbreviations,
)
from imvo_assist.answer.evidence import Group, content_groups, covers, folded, forms_of, sentences
from imvo_assist.answer.missing import Missing
from imvo_assist.answer.presence import present
from imvo_assist.answer.understand import Understanding
from imvo_assist.bronnenboek import inclusion_report
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.catalogue.vocabulary import Organisation
from imvo_assist.text.fold import folded_words
from imvo_assist.text.framing import asking_sentences
from imvo_assist.text.lexicon import load_lexicon

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

# The passages tagged with an organisation that are read for what it says on a subject.
NAMING_PASSAGES = 40
# Nouns for what someone says, no subject of it ("SOMO's view on ...", "het standpunt van FNV").
SAYING = frozenset(["view", "views", "opinion", "opinions", "position", "stance", "standpoint", "take",
                    "mening", "standpunt", "visie", "kijk", "oordeel", "words", "woorden", "say", "says",
                    "said", "write", "writes", "wrote", "written", "think", "thinks", "thought",
                    "zeggen", "zegt", "zei", "schrijft", "schreef", "vindt", "vond", "denkt"])


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


def unsaid_subject(library: Corpus, understanding: Understanding) -> Missing | None:
    """A registered organisation asked what it says, thinks or wrote on a subject ("wat zegt FNV
    over kinderarbeid in de cacaoteelt?", "what is SOMO's view on women's rights?") that none
    of its register entries is about (title, themes, sector) and no passage naming it speaks
    of: the documents hold nothing of it on that, and passages by others would put words in
    its mouth. What is said names its publications, or where the documents name an organisation
    the register lacks ("VNO-NCW" in the letter). Not for an author of an indexed document (the
    SER speaks in its advice without naming itself)."""
    asking = f" {folded_words(asking_sentences(understanding.question))} "
    speaking = [o for o in understanding.organisations
                if not is_author(o) and any(cited_as_source(asking, form) for form in folded_forms(o))]
    if len(speaking) != 1:
        return None
    organisation = speaking[0]
    rest = asking  # the subject: the asking part without the organisation's name ("Stop Child Labour")
    for form in folded_forms(organisation):
        rest = rest.replace(f" {form} ", " ")
    groups = _subject_groups(understanding, organisation, rest)
    tagger = default_tagger()
    tags = tagger.tag(rest)
    sectors, risks = set(tags.sectors), set(tags.risks)
    if not (groups or sectors or risks):
        return None  # "wat zegt FNV?": no subject to check
    provenance, vocabulary = library.provenance, load_vocabulary()
    report = inclusion_report(organisation.name_nl, provenance.references, provenance.cited_by, vocabulary)
    own = {(r["register_doc"], r["nr"]) for r in report["references"]}
    for entry in provenance.references:
        if (entry.register_doc, entry.nr) in own:
            themes = " ".join(theme.replace("-", " ") for theme in entry.themes)
            of = {entry.sector, *tagger.tag(entry.sector_label).sectors}  # "metaal / elektronica": both
            if _speaks_of(f"{entry.title}. {themes}", of, groups, sectors, risks):
                return None
    naming = library.tagged("orgs", organisation.id, NAMING_PASSAGES)
    for hit in naming:
        for sentence in sentences(hit.passage.text):  # the sentence naming it, not its neighbours
            tags = tagger.tag(sentence)
            if organisation.id in tags.orgs and _speaks_of(sentence, set(tags.sectors), groups, sectors, risks):
                return None
    named = [v.name(understanding.language) for v in (*vocabulary.risks, *vocabulary.sectors) if v.id in risks | sectors]
    subject = _once([g.label for g in groups] or named)  # the asker's words, else the sector or risk
    if not report["not_found"]:
        titles = tuple(f"[{r['nr']}] {r['title']}" for r in report["references"])
        return Missing(report["organisation"]["name"], "unsaid_subject", titles, subject)
    if naming:  # named in the documents, not in the register ("VNO-NCW" in the letter)
        places = tuple(dict.fromkeys(hit.place() for hit in naming))
        return Missing(organisation.name(understanding.language), "unsaid_named", places, subject)
    return None  # in no document: the other checks name it


def _subject_groups(understanding: Understanding, organisation: Organisation, subject: str) -> list[Group]:
    """The match groups of the content words of the subject (folded, spaced), but for the
    organisation's name, the verbs and nouns of saying ("write", "opinion") and the report's
    abbreviation ("de SRA": where to look)."""
    own = {word for form in folded_forms(organisation) for word in form.split()}
    return [g for g in content_groups(understanding)
            if any(f" {word} " in subject for word in g.label.split()) and not set(g.label.split()) <= own
            and g.label not in understanding.verbs and g.label not in SAYING
            and g.label not in title_abbreviations()]


def _once(labels: list[str]) -> str:
    """The labels joined, each once whatever its case ("kinderarbeid", "Kinderarbeid")."""
    seen: dict[str, str] = {}
    for label in labels:
        seen.setdefault(label.casefold(), label)
    return ", ".join(seen.values())


def _speaks_of(text: str, text_sectors: set[str], groups: list[Group], sectors: set[str], risks: set[str]) -> bool:
    """Whether a text speaks of any part of the subject: a topic, a sector or a risk."""
    if sectors & text_sectors or risks & set(default_tagger().tag(text).risks):
        return True
    forms, words = forms_of(text), folded(text)
    return any(covers(group, forms, words) for group in groups)
