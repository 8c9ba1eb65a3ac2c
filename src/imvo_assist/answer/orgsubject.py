"""What an organisation said or published on a subject, checked before passages speak for it.

Asked what an organisation says, thinks or wrote on a subject ("wat zegt FNV over kinderarbeid in
de cacaoteelt?", "what is SOMO's view on women's rights?"), or whether its work on a subject was
used ("heeft KPMG het werk van FNV over kinderarbeid gebruikt?"), the documents answer only when
one of its register entries is about the subject (title, themes, sector), or a sentence citing
one of them by number or naming the organisation speaks of it. Otherwise passages by others would put words in its mouth: the answer is "not
found", naming its publications, or where the documents name an organisation the register lacks
("VNO-NCW" in the letter), or that no document names it (a corpus without the register). An author of an indexed document is not checked: the SER speaks in its
advice without naming itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from whoosh.query import And, Or, Query, Term

from imvo_assist.answer.documentnames import document_name_words
from imvo_assist.answer.entities import (
    cited_as_source,
    folded_forms,
    is_author,
    title_abbreviations,
)
from imvo_assist.answer.evidence import (
    ALL_PARTS,
    Group,
    content_groups,
    folded,
    forms_of,
    match,
    sentences,
)
from imvo_assist.answer.intents import INCLUSION_CUES, USE_CUES
from imvo_assist.answer.missing import Missing
from imvo_assist.answer.understand import Understanding
from imvo_assist.answer.wordquery import stem_query
from imvo_assist.bronnenboek import inclusion_report
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.catalogue.vocabulary import Organisation
from imvo_assist.index import Filters
from imvo_assist.text.fold import folded_words
from imvo_assist.text.framing import asking_sentences
from imvo_assist.text.lazyregex import lazy_compile

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus
    from imvo_assist.models import Passage

# The passages naming an organisation beside a word of the subject that are read; when a corpus
# has more (the benchmark's names one in hundreds), the check gives no verdict. And the places
# named when the register lacks the organisation.
NAMING_PASSAGES = 40
NAMED_PLACES = 8
# Nouns and verbs of saying, no subject of it ("SOMO's view on ...", "wat schreef FNV").
SAYING = frozenset(["view", "views", "opinion", "opinions", "position", "stance", "standpoint", "take",
                    "mening", "standpunt", "visie", "kijk", "oordeel", "words", "woorden", "say", "says",
                    "said", "write", "writes", "wrote", "written", "think", "thinks", "thought",
                    "zeggen", "zegt", "zei", "schrijft", "schreef", "vindt", "vond", "denkt", "publish",
                    "publishes", "published", "publiceert", "publiceerde", "report", "reports", "reported",
                    "rapporteert", "rapporteerde"])
# Any word of a phrase found counts (`evidence.match` gives a share of a phrase's words).
SOME_PARTS_FOUND = 1e-9
# The register by name: where to look, no subject ("is Milieudefensie's research on X in the source book?").
REGISTER_NAMES = frozenset(["bronnenboek", "source book", "sourcebook", "register", "source register", "bronnen",
                            "sources", "bronnenlijst"])
# The subject of a publication asked about: what follows "over", "about", "on" ("het werk van FNV
# over kinderarbeid", "Amnesty's reports on cocoa"), to the end of the clause.
RELATIVE = lazy_compile(r"\b(that|which|die|dat)\b")
SUBJECT = lazy_compile(
    r"\b(over|about|on|regarding|concerning|inzake|omtrent|betreffende|op het gebied van) (?P<subject>[^?,;:.!]+)")


def unsaid_subject(library: Corpus, understanding: Understanding) -> Missing | None:
    """The not-found of an organisation asked what it says on a subject it is never found on."""
    asking = f" {folded_words(asking_sentences(understanding.question))} "
    speaking = [o for o in understanding.organisations
                if not is_author(o) and any(cited_as_source(asking, form) for form in folded_forms(o))]
    return _unsaid(library, understanding, speaking[0], asking) if len(speaking) == 1 else None


def unpublished_subject(library: Corpus, understanding: Understanding) -> Missing | None:
    """The not-found of an organisation whose work on a subject is asked for ("is Milieudefensie's
    research on child labour in the source book?") when it has none on it."""
    asked = [o for o in understanding.organisations if not is_author(o)]
    folded = folded_words(asking_sentences(understanding.question))
    subjects = [_before_inclusion(m.group("subject")) for m in SUBJECT.finditer(folded)]
    if len(asked) != 1 or not subjects:
        return None
    return _unsaid(library, understanding, asked[0], f" {' '.join(subjects)} ")


def _before_inclusion(subject: str) -> str:
    """A subject up to the words of its inclusion ("child labour | end up in the analysis",
    "kinderarbeid | in de sra ... terechtgekomen") or a relative clause ("palm oil | that the SRA
    uses"): what the work is on, not where it went."""
    cut = INCLUSION_CUES.search(subject)
    relative = RELATIVE.search(subject)
    ends = [m.start() for m in (cut, relative) if m is not None]
    return subject[: min(ends)] if ends and min(ends) > 0 else subject


def _unsaid(library: Corpus, understanding: Understanding, organisation: Organisation, words: str) -> Missing | None:
    """The not-found of an organisation on the subject in `words` (folded, spaced), or None when
    a register entry of it or a sentence naming it speaks of the subject."""
    rest = words  # the subject: without the organisation's name ("Stop Child Labour")
    for form in folded_forms(organisation):
        rest = rest.replace(f" {form} ", " ")
    groups = _subject_groups(understanding, organisation, rest)
    tagger = default_tagger()
    tags = tagger.tag(rest)
    sectors, risks = set(tags.sectors), set(tags.risks)
    if not (groups or sectors or risks):
        return None  # "wat zegt FNV?": no subject to check
    # a risk asked about ("child labour in cocoa") is spoken of by that risk, not its sector or product
    telling = [g for g in groups if set(tagger.tag(g.label).risks) & risks] if risks else groups
    provenance, vocabulary = library.provenance, load_vocabulary()
    report = inclusion_report(organisation.name_nl, provenance.references, provenance.cited_by, vocabulary)
    own = {(r["register_doc"], r["nr"]) for r in report["references"]}
    for entry in provenance.references:
        if (entry.register_doc, entry.nr) in own:
            themes = " ".join(theme.replace("-", " ") for theme in entry.themes)
            of = {entry.sector, *tagger.tag(entry.sector_label).sectors}  # "metaal / elektronica": both
            if _speaks_of(f"{entry.title}. {themes}", of, telling, sectors, risks, generous=True):
                return None
    for reference in report["references"]:  # a sentence citing it by number ("in India [40]")
        marker = f"[{reference['nr']}]"
        for citing in reference["cited_by"]:
            passage = library.passage(citing["passage_id"])
            said = [s for s in sentences(passage.text) if marker in s] if passage else []
            if any(_speaks_of(s, set(tagger.tag(s).sectors), telling, sectors, risks) for s in said):
                return None
    beside = _naming_beside(library, organisation, groups, sectors | risks)
    if len(beside) > NAMING_PASSAGES:
        return None  # more passages name it beside the subject than are read: no verdict
    forms = folded_forms(organisation)
    for passage in beside:
        for sentence in sentences(passage.text):  # the sentence naming it, not its neighbours
            spaced = f" {folded_words(sentence)} "
            if not any(f" {form} " in spaced for form in forms):
                continue  # not by any of its names (the tagger confirms one that is)
            tags = tagger.tag(sentence)
            if organisation.id in tags.orgs and _speaks_of(sentence, set(tags.sectors), telling, sectors, risks):
                return None
    named = [v.name(understanding.language) for v in (*vocabulary.risks, *vocabulary.sectors) if v.id in risks | sectors]
    subject = _once([g.label for g in groups] or named)  # the asker's words, else the sector or risk
    if not report["not_found"]:
        titles = tuple(f"[{r['nr']}] {r['title']}" for r in report["references"])
        return Missing(report["organisation"]["name"], "unsaid_subject", titles, subject)
    naming = library.tagged("orgs", organisation.id, NAMED_PLACES)
    if naming:  # named in the documents, not in the register ("VNO-NCW" in the letter)
        places = tuple(dict.fromkeys(hit.place() for hit in naming))
        return Missing(organisation.name(understanding.language), "unsaid_named", places, subject)
    return Missing(organisation.name(understanding.language), "name")  # in no document at all


def _naming_beside(library: Corpus, organisation: Organisation, groups: list[Group], tags: set[str]) -> list[Passage]:
    """The passages tagged with the organisation that are tagged with the subject's sector or
    risk or hold a word of it as asked (in any inflection), in index order: NAMING_PASSAGES of
    them and one more when there are more."""
    words = {word for group in groups for word in group.label.split()}
    about: list[Query] = [Term("sectors", tag) for tag in tags] + [Term("risks", tag) for tag in tags]
    about += [q for q in (stem_query(word) for word in sorted(words)) if q is not None]
    if not about:
        return []
    query = And([Term("orgs", organisation.id), Or(about)])
    return library.matching(query, Filters(source="passage"), NAMING_PASSAGES + 1)


def _subject_groups(understanding: Understanding, organisation: Organisation, subject: str) -> list[Group]:
    """The match groups of the content words of the subject (folded, spaced), but for the
    organisation's name, the verbs and nouns of saying ("write", "opinion"), of using a source
    ("meegenomen") and the words for where to look ("bronnenboek", "de SRA")."""
    own = {word for form in folded_forms(organisation) for word in form.split()}
    where = REGISTER_NAMES | document_name_words(understanding)
    return [g for g in content_groups(understanding)
            if any(f" {word} " in subject for word in g.label.split()) and not set(g.label.split()) <= own
            and g.label not in understanding.verbs and g.label not in SAYING and g.label not in where
            and g.label not in title_abbreviations() and not USE_CUES.fullmatch(g.label)]


def _once(labels: list[str]) -> str:
    """The labels joined, each once whatever its case ("kinderarbeid", "Kinderarbeid")."""
    seen: dict[str, str] = {}
    for label in labels:
        seen.setdefault(label.casefold(), label)
    return ", ".join(seen.values())


def _speaks_of(text: str, text_sectors: set[str], groups: list[Group], sectors: set[str], risks: set[str],
               generous: bool = False) -> bool:
    """Whether a text speaks of any part of the subject: a topic (`groups`), a sector or a risk,
    and of a risk asked about by that risk, not by its sector alone; `generous` (the title of the
    organisation's own publication) also by a word of a phrase ("olie" for "oil spills"), not by a
    part of a compound ("fabrieken" of "kledingfabrieken"). Another's sentence must say the whole
    topic ("conflicten over land" is not on conflict minerals)."""
    if risks & set(default_tagger().tag(text).risks) or (sectors & text_sectors and not risks):
        return True
    forms, words = forms_of(text), folded(text)
    return any(match(group, forms, words) >= (SOME_PARTS_FOUND if generous and " " in group.label else ALL_PARTS)
               for group in groups)
