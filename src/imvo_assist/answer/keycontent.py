"""Honest not-found: is the question's key content anywhere in the corpus?

Before composing, the things a question turns on are looked up: a sector outside the 13, a
proper name the vocabulary does not know, a covenant named by its subject, a year, a figure,
and its most specific topic words. When one occurs nowhere in the corpus (in none of its forms,
translations or compound parts), the answer says so by name ("Cordaid komt niet voor in de
documenten"; "geen cosmeticaconvenant in de documenten; wel: ...") and offers what is there,
instead of quoting passages that only share the question's common words.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from whoosh.query import And, Or

from imvo_assist.answer.absentnoun import absent_noun, translated_noun
from imvo_assist.answer.covenantcheck import (
    IN_TEXT,
    covenant_source,
    covenant_titles,
    indexed_covenant,
)
from imvo_assist.answer.dateddocuments import unheld_dated_document
from imvo_assist.answer.entities import is_place, title_abbreviations
from imvo_assist.answer.inclusionchecks import chapter_without, publication_year, report_subject
from imvo_assist.answer.intents import publishers_asked
from imvo_assist.answer.missing import Missing
from imvo_assist.answer.namedscope import entity_outside
from imvo_assist.answer.orgsubject import unpublished_subject, unsaid_subject
from imvo_assist.answer.parts import missing_part
from imvo_assist.answer.presence import (
    concept_queries,
    phrase_present,
    present,
)
from imvo_assist.answer.risksubject import absent_subject
from imvo_assist.answer.sourceasked import asked_source
from imvo_assist.answer.topics import (
    DOCUMENT_NOUNS,
    concept_present,
    names_content,
    topic_concepts,
)
from imvo_assist.answer.understand import Understanding
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.index import Filters
from imvo_assist.text.bilingual import Concept, specificity
from imvo_assist.text.compounds import split_compound
from imvo_assist.text.fold import fold, folded_words
from imvo_assist.text.framing import (
    asking_part,
    asking_sentences,
    main_sentence,
    refers_back,
    told_before,
)
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.lexicon import load_lexicon
from imvo_assist.text.morphology import english_verb_stem, is_verb_form
from imvo_assist.text.numbers import as_figures, word_forms

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

# The most specific topic word of a question is key content when it is at least this specific
# (see `text.bilingual.specificity`: zipf 5, one occurrence per 100,000 words of general text).
RARE = 0.5
# An absent word is the asker's own wording, not the subject, when this many other topics of
# at least this specificity stand together in one passage.
FOCUS_TOPICS = 2
FOCUS_SPECIFIC = 0.5
# ... unless the absent word is clearly more specific than every topic present: then it is
# what the question is about.
FOCUS_MARGIN = 0.2
# ... except in a question about sources, where the absent word is the source asked for
# ("staat greenpeace tussen de bronnen?").
SOURCE_INTENTS = frozenset({"provenance", "org_included"})
# ... and the most specific word of a question that cites a document ("volgens het SER-advies")
# must occur in that document when it is at least this specific (zipf 4).
RARE_IN_DOCUMENT = 0.8
# A question names mostly what the corpus lacks when at least this many of its specific topics
# that the lexicon translates occur in none of their forms, more than those that do occur.
MOST_ABSENT = 3
# A question for one fact (a date, a name, a number) turns on each of its specific topic words:
# "wanneer is er gedebatteerd" cannot be answered without a debate in the documents.
FACT_FORMS = frozenset({"when", "who", "count"})
# A country or place typed in lower case after a word of place ("in myanmar", "uit ghana") is a
# name all the same; without one it may be an ordinary word ("turkey farming", "peper en chili").
PLACE_WORDS = lazy_compile(r"\b(in|uit|from|naar|to|near|bij|rond|around|across) ([a-z][a-z-]+(?: [a-z][a-z-]+)?)")
# A question that asks when ("Wanneer heeft de Kamer ...", "When did ..."), not one with a clause
# of time ("what happens to forests when biomass is co-fired").
ASKS_WHEN = lazy_compile(r"\s*(wanneer|when|sinds wanneer|since when|tot wanneer|until when|op welke datum|"
                         r"on what date|in welk jaar|in what year|in which year)\b")
FIGURE = lazy_compile(r"\b\d{2,}\b")
# A piece of writing named by its author and a hyphen ("het Both ENDS-stuk", "de FNV-studie").
WRITING_SUFFIX = lazy_compile(r"(?i)-(stuk|stukken|studie|onderzoek|publicatie|artikel|paper|study|piece)$")
# A figure with a scale, not as a bound of a condition ("een omzet boven 50 miljoen euro").
SCALED_FIGURE = lazy_compile(
    r"(?<!boven )(?<!onder )(?<!dan )(?<!than )(?<!above )(?<!below )(?<!over )(?<!vanaf )"
    r"(?<!least )(?<!minste )(?<!minstens )(?<!to )(?<!tot )"
    r"\b(?P<number>\d+(?:[.,]\d+)?) (?P<scale>duizend|thousand|miljoen|million|miljard|billion)\b"
)
CHECKED = lazy_compile(
    r"\b(klopt het|klopt dat|klopt dit|is het waar|is het juist|is het correct|correct dat|"
    r"is it true|is it correct|is it right|am i right|right that|true that)\b"
)
GUESSED = lazy_compile(r"\b(zo'?n|ongeveer|circa|ruim|bijna|roughly|approximately|nearly|almost) \d")


def missing_content(library: Corpus, understanding: Understanding) -> Missing | None:
    """The first key content of the question the corpus lacks, or None when all is there."""
    if understanding.unknown_sector:
        sectors = tuple(s.name(understanding.language) for s in load_vocabulary().sectors)
        return Missing(understanding.unknown_sector, "sector", sectors)
    asking = _asking_words(understanding)  # not the asker's own clause
    every_asking = asking_sentences(understanding.question)
    asked = asked_source(fold(every_asking))
    if asked and understanding.intent != "org_included" and not present(
            library, [asked, *load_lexicon().either_way(asked)]) and not phrase_present(library, asked.split()):
        return Missing(asked, "name")  # "is human rights watch one of the sources?"
    if understanding.intent != "org_included":
        lexicon = load_lexicon()
        asking_words = f" {folded_words(every_asking)} "
        named = {fold(name) for name in understanding.names}
        for name in [*understanding.names, *(p for p in _places_asked(asking) if p not in named)]:
            if f" {folded_words(name)} " not in asking_words or fold(name).endswith(DOCUMENT_NOUNS):
                continue  # a name of the context ("We import from Kenya. Which risks ...?") or of
                # the document to look in, capitalised ("de Kamerbrief", "het SRA-testrapport")
            folded = fold(WRITING_SUFFIX.sub("", name))  # "het Both ENDS-stuk": Both ENDS
            spellings = [folded, *lexicon.either_way(folded)]  # "Frankrijk" may be "France" there
            if not present(library, [fold(s) for s in spellings]) and not (
                    " " in folded and phrase_present(library, folded.split())):
                return Missing(name, "name")
    outside = entity_outside(library, understanding)
    if outside is not None:  # "wat zegt de kamerbrief over palmolie?": not in the letter
        return Missing(outside[0], "not_in_document", outside[1], understanding.named_kind)
    dated = None if understanding.intent in SOURCE_INTENTS else unheld_dated_document(library, understanding)
    if dated is not None:  # "wat stond er in de brief van 2005?", "the 2013 letter"
        registered = dated.registered
        if registered is None:
            return Missing(dated.written, "dated_document", _titles_of(library, dated.kind), dated.kind)
        english = understanding.language == "en" and registered.register.title_en
        return Missing(registered.register.title_en if english else registered.title, "document_text", (),
                       registered.id if registered.url else "")
    subject, written = understanding.covenant
    if subject:
        source = covenant_source(library, subject, understanding)
        if source is None:
            return Missing(written, "covenant", covenant_titles(library))
        if source != IN_TEXT:  # its dates are told by the timeline (`library.routing`)
            english = understanding.language == "en" and source.register.title_en
            return Missing(source.register.title_en if english else source.title, "covenant_text",
                           covenant_titles(library), source.id if source.file_url else "")
    # a figure the asker checks or guesses ("klopt het dat het zo'n 100 sectoren waren?") is a
    # premise the passages confirm or correct, not what the question turns on
    folded_question = fold(understanding.question)
    checked = bool(CHECKED.search(folded_question))
    for year in () if checked else understanding.years:
        if not library.has_term(year):
            return Missing(year, "year")
    premise = checked or bool(GUESSED.search(folded_question))
    # a number word is the figure it names ("thirteen sectors" asks for 13), present in either form
    figures = [] if premise else as_figures(understanding.words)
    for figure in FIGURE.findall(" ".join(figures)):
        if figure not in understanding.years and not library.has_term(figure) and not any(
                library.has_term(word) for word in word_forms(int(figure))):
            return Missing(figure, "figure")
    # a figure with a scale ("5 million euros") stands as such, not as a "5" anywhere
    for scaled in () if premise else SCALED_FIGURE.finditer(folded_question):
        number, scale = scaled.group("number"), scaled.group("scale")
        spelled = [[word] for word in word_forms(int(number))] if number.isdigit() else []
        if not any(phrase_present(library, [*words, scale])
                   for words in [re.findall(r"\d+", number), *spelled]):
            return Missing(scaled.group(0).strip(), "figure")
    if part := missing_part(library, understanding):  # "artikel 12 van het textielconvenant"
        return Missing(part, "word")
    if understanding.intent in SOURCE_INTENTS and (elsewhere := chapter_without(library, understanding)):
        return elsewhere  # "is Oxfam Novib een bron in het hoofdstuk bouw?"
    if understanding.intent == "org_included":  # "a 2016 report by Oxfam Novib", "SOMO's report on Apple"
        return (publication_year(library, understanding) or report_subject(library, understanding)
                or unpublished_subject(library, understanding))  # "FNV's work on child labour"
    if understanding.intent not in SOURCE_INTENTS and (unsaid := unsaid_subject(library, understanding)):
        return unsaid  # "wat zegt FNV over kinderarbeid in de cacaoteelt?"
    if understanding.intent == "sector_risks" and (understanding.sectors or understanding.risks):
        lacking = absent_subject(library, understanding)  # "risico's van kobalt in smartphones"
        # else what the question turns on is a vocabulary entity the corpus has
        return Missing(lacking.source, "word") if lacking else None
    if not understanding.sectors and (lacking := absent_subject(library, understanding)):
        return Missing(lacking.source, "word")  # "welke risico's noemt de SRA voor de visserij?"
    # the documents to look in: an indexed covenant named ("in het textielconvenant"), the report
    # by its abbreviation ("de SRA")
    where = set(written.split()) if subject and indexed_covenant(library, subject, understanding) else set()
    topics = [_by_parts(library, c) for c in topic_concepts(understanding)
              if any(f" {word} " in asking for word in c.source.split())
              and not set(c.source.split()) <= where and c.source not in title_abbreviations()]
    absent = [c for c in topics if not concept_present(library, c)]
    rarest = max(topics, key=lambda c: c.specificity, default=None)
    # looked up only when a rule would say "not found", and once
    # the publisher of a report asked about ("is er een greenpeace-rapport gebruikt?") is no paraphrase
    publishers = publishers_asked(fold(understanding.question))
    named_source = [c for c in absent
                    if c.specificity >= RARE_IN_DOCUMENT and set(c.source.split()) <= publishers]
    paraphrase = cache(lambda: understanding.intent not in SOURCE_INTENTS and not named_source
                       and _focused_without(library, topics, absent))

    if rarest is not None and rarest in absent and rarest.specificity >= RARE and not paraphrase():
        return Missing(rarest.source, "word")
    if named_source:
        return Missing(named_source[0].source, "word")
    if topics and len(absent) == len(topics) and any(c.specificity >= RARE for c in absent):
        return Missing(rarest.source if rarest else absent[0].source, "word")
    # most of what the question names is nowhere, in any translation ("cheap beach holiday")
    once = {c.source: c for c in topics}.values()  # each word once ("duitse ... onze duitse klant")
    nowhere = [c for c in once if c in absent and c.translations and c.specificity >= RARE]
    if len(nowhere) >= MOST_ABSENT and len(nowhere) > len([c for c in once if c not in absent]):
        return Missing(max(nowhere, key=lambda c: c.specificity).source, "word")
    # nothing specific of the question is there (no topic, sector, risk or organisation), and a
    # noun of it is nowhere
    nouns_absent = [c for c in absent if _dutch_noun(c)]
    entities = understanding.sectors or understanding.risks or understanding.organisations
    if nouns_absent and not entities and not any(c.specificity >= RARE for c in topics if c not in absent):
        return Missing(nouns_absent[0].source, "word")  # "welke rol speelt de politie?"
    # a specific noun is nowhere, beside what is there ("welke subsidie krijgt MVO Nederland?")
    if (noun := absent_noun(library, absent)) is not None and not paraphrase():
        return Missing(noun.source, "word")
    # the event a question for its date dates: absent, the documents give it no date
    floor = RARE if ASKS_WHEN.match(fold(asking_part(understanding.question))) else RARE_IN_DOCUMENT
    fact_absent = [c for c in absent if c.specificity >= floor]
    if set(understanding.forms) & FACT_FORMS and fact_absent and not paraphrase():
        return Missing(fact_absent[0].source, "word")  # "wie was de projectleider?"
    kind = understanding.named_kind if understanding.cites_named else ""
    if rarest is not None and rarest.specificity >= RARE_IN_DOCUMENT and kind and not _present_in(
            library, rarest, kind) and not any(_present_in(library, c, kind) for c in topics
                                               if c is not rarest and _asked_thing(c)):
        # unless another specific thing it asks about is there: "unions in factories" is asked in part
        return Missing(rarest.source, "not_in_document", _found_in(library, rarest), kind)
    return None


def _by_parts(library: Corpus, concept: Concept) -> Concept:
    """A Dutch compound as specific as the parts of it the documents lack, or as its rarest
    part when they hold every part: "oorlogsgebieden" turns on "oorlog", a common word,
    "pelsdieren" on "pels"; "gezondheidsgevaren" and "modewereld" join the documents' own
    words. The whole's rarity in the word list alone would make any compound the subject; one
    whose parts are all absent ("bontfokkerij") stays as specific as it is."""
    if concept.language != "nl" or " " in concept.source:
        return concept
    parts = split_compound(concept.source)
    lacking = [part for part in parts or () if not present(library, [part])]
    if not parts or len(lacking) == len(parts):
        return concept
    weight = max(specificity(part, "nl") for part in lacking) if lacking else specificity(" ".join(parts), "nl")
    return replace(concept, specificity=min(concept.specificity, weight))


def _dutch_noun(concept: Concept) -> bool:
    """Whether a topic is a Dutch noun the lexicon translates ("politie": police): searched as
    itself, its inflections, compounds and translations in mostly Dutch documents, it is not
    there when none of them is, however common the word. Not a verb (one may be written apart:
    "aanbieden", "biedt ... aan") nor an English word, which reaches the Dutch text only through
    the lexicon's translations ("the poor": "armen", where a text may write "armoede")."""
    return concept.language == "nl" and translated_noun(concept)


def _asked_thing(concept: Concept) -> bool:
    """Whether a topic is a specific thing asked about, not a verb ("require", "vereist")."""
    return concept.specificity >= FOCUS_SPECIFIC and not any(
        is_verb_form(word, concept.language) or concept.language == "en" and english_verb_stem(word)
        for word in concept.source.split())


def _places_asked(asking: str) -> list[str]:
    """The places the asking part names in lower case after a word of place ("in myanmar")."""
    found = []
    for match in PLACE_WORDS.finditer(asking):
        words = match.group(2).split()
        name = next((" ".join(words[:size]) for size in (2, 1) if is_place(" ".join(words[:size]))), "")
        if name and name not in found:
            found.append(name)
    return found


def _focused_without(library: Corpus, topics: list[Concept], absent: list[Concept]) -> bool:
    """Whether the question's other specific topics single out passages without the absent
    word: its two most specific present topics stand together in a passage, so the absent
    word is the asker's paraphrase ("kwekers" for what the text calls "bloementelers"), not
    a subject the corpus lacks ("visserij": nothing else of the question is specific)."""
    present = sorted((c for c in topics if c not in absent and c.specificity >= FOCUS_SPECIFIC),
                     key=lambda c: -c.specificity)[:FOCUS_TOPICS]
    rarest_absent = max(c.specificity for c in absent)
    if len(present) < FOCUS_TOPICS or rarest_absent > present[0].specificity + FOCUS_MARGIN:
        return False  # "kinderarbeid en lonen in de bontfokkerij": the rarest word is the subject
    queries = []
    for concept in present:
        terms = concept_queries(concept)
        if not terms:
            return False
        queries.append(Or(terms))
    return library.any_match(And(queries))


def _present_in(library: Corpus, concept: Concept, kind: str) -> bool:
    """Whether a concept occurs in the documents of a kind ("het SER-advies")."""
    queries = concept_queries(concept)
    return not queries or library.any_match(Or(queries), Filters(kind=kind))


def _found_in(library: Corpus, concept: Concept) -> tuple[str, ...]:
    """Where a concept does occur: "title, p. N" of its best passages."""
    queries = concept_queries(concept)
    hits = library.run(Or(queries), Filters(source="passage"), 3) if queries else []
    return tuple(dict.fromkeys(hit.place() for hit in hits))


def _titles_of(library: Corpus, kind: str) -> tuple[str, ...]:
    """The titles of the corpus's documents of a kind."""
    return tuple(d.title for d in library.documents.values() if d.kind == kind and d.file)


def _asking_words(understanding: Understanding) -> str:
    """The folded words of the asking part, or of the whole asking sentence when the part after
    its colon names nothing but a document and how to ask ("kobalt voor accu's: wat zegt het
    rapport?"); "voor mijn scriptie: wat is een IMVO-convenant?" asks about covenants. When it
    points back to what the asker told ("Wij verkopen sneakers: welke risico's ... daarvan?"),
    that is asked about too."""
    question = understanding.question
    if refers_back(question):
        return f" {folded_words(' '.join([*told_before(question), asking_part(question)]))} "
    asking = f" {folded_words(asking_part(question))} "
    if any(f" {word} " in asking for c in understanding.concepts if names_content(c, understanding)
           for word in c.source.split()):
        return asking
    return f" {folded_words(main_sentence(understanding.question))} "
