"""Question understanding: language, framing, content, forms, named things and intent.

The question is read in steps, each general: framing and meta-words are set aside ("geef me het
exacte citaat over"), the form of answer it asks for is named ("hoe vaak" -> a frequency),
typos of vocabulary words are corrected with rapidfuzz, and the content is mapped word by word
and phrase by phrase into the other language, with Dutch compounds split into index words.
Sectors, risk themes and organisations come from the vocabulary. Nothing here searches the
index except `known`, which says whether a word occurs in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from imvo_assist.answer.covenantnames import named_covenant
from imvo_assist.answer.documentnames import CITES_DOCUMENT, DOCUMENT_HINTS, named_kind
from imvo_assist.answer.entities import (
    asked_first,
    capitalised_names,
    is_author,
    is_place,
    owned,
)
from imvo_assist.answer.intents import Intent, intent_of
from imvo_assist.answer.sectornouns import with_unknown_sector
from imvo_assist.answer.typos import rewritten, typo_corrections, without_slips
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.catalogue.tagging import Tags, default_tagger
from imvo_assist.catalogue.vocabulary import Organisation, Risk, Sector
from imvo_assist.text import analysis
from imvo_assist.text.bilingual import Concept, Lang, inflected_forms, interpret
from imvo_assist.text.casing import unshouted
from imvo_assist.text.fold import fold, folded_words
from imvo_assist.text.framing import clauses, is_framing_word, main_sentence, strip_framing
from imvo_assist.text.language import language_of_question, typed_names
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.lexicon import load_lexicon
from imvo_assist.text.morphology import (
    bare_verbs,
    english_verb_stem,
    finite_verb,
    inverted_verb,
    is_pronominal_adverb,
    is_verb_form,
    subject_question_verbs,
)
from imvo_assist.text.questionforms import forms as question_forms

QUESTION_WORDS = frozenset(
    [
        "welke", "welk", "wat", "wie", "waar", "wanneer", "waarom", "hoe", "hoeveel", "volgens",
        "noemt", "noem", "gelden", "geldt", "spelen", "speelt", "zijn", "is", "er", "heeft",
        "hebben", "wordt", "worden", "zegt", "zeggen", "staat", "stond", "gaat", "which", "what",
        "who", "where", "when", "why", "how", "many", "much", "does", "do", "did", "is", "are",
        "was", "were", "according", "say", "says", "said", "tell", "states", "mention", "mentions",
        "mentioned", "apply", "applies", "goes", "name", "names", "named", "vaak", "often", "lang",
        "long", "snel", "soon", "quickly", "frequently", "deadline", "deadlines",
    ]
) | frozenset(
    # how a definition is asked for: the answer defines, the passage need not say "defines"
    [
        "omschrijft", "omschrijven", "omschreven", "omschrijving", "definieert", "definieer",
        "definitie", "definities", "betekent", "betekenen", "betekenis", "luidt", "luiden", "houdt",
        "define", "defines", "defined", "definition", "means", "mean", "meaning", "describe",
        "describes", "described", "description",
    ]
) | frozenset(
    # how expectations and recommendations are asked for
    [
        "verwacht", "verwachten", "verwachting", "verwachtingen", "expect", "expects", "expected",
        "expectation", "expectations", "beveelt", "bevelen", "aanbevelen", "aanbevolen",
        "aanbeveling", "aanbevelingen", "recommend", "recommends", "recommended", "recommendation",
        "recommendations",
    ]
)
# Words that say what kind of thing is asked, not what it is about.
GENERIC = frozenset(
    [
        "risico", "risicos", "risico's", "risk", "risks", "sector", "sectoren", "sectors",
        "rapport", "report", "brief", "letter", "document", "documenten", "analyse", "analysis",
        "noemt", "name", "names", "named", "geldt", "gelden", "apply", "convenant", "convenanten",
        "covenant", "covenants",
    ]
)
WORD = lazy_compile(r"[a-z0-9]+(?:'[a-z]+)?")
# The words before an infinitive ("to build", "te bouwen").
INFINITIVE_MARKERS = frozenset({"to", "te"})
FORM_PHRASES = lazy_compile(
    r"\b(hoe vaak|hoe ?lang|hoe snel|hoe veel|how often|how long|how soon|how quickly|how many|"
    r"how much|how frequently|in welk jaar|welk jaar|what year|which year)\b"
)
KAMERSTUK = lazy_compile(
    r"\b(?:kamerstuk(?:ken)?\s+(?:ii\s+)?)?(?:kst[- ]?)?(\d{2}\s?\d{3})\s*(?:,\s*|-|\s+)(?:nr\.?\s*)?(\d{1,4})\b",
    re.IGNORECASE,
)
PAGE = lazy_compile(r"\b(?:p\.|pag\.|pagina|page)\s*(\d{1,4}|[ivxlc]{1,6})\b", re.IGNORECASE)
YEAR = lazy_compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
CATEGORY_WORDS = {
    "milieu": "milieu", "environment": "milieu", "environmental": "milieu",
    "arbeid": "arbeid", "labour": "arbeid", "labor": "arbeid",
    "mensenrechten": "mensenrechten", "human rights": "mensenrechten",
}


@dataclass(frozen=True)
class Understanding:
    """What a question asks for, as far as the vocabulary and the lexicon can tell."""

    question: str
    language: Lang
    intent: Intent
    extra_intents: tuple[Intent, ...] = ()
    sectors: tuple[Sector, ...] = ()
    unknown_sector: str = ""
    risks: tuple[Risk, ...] = ()
    categories: tuple[str, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    """Vocabulary organisations named, the one asked about first."""
    names: tuple[str, ...] = ()
    """Proper names the vocabulary does not know ("Cordaid", "CSDDD")."""
    org_query: str = ""
    doc_kinds: tuple[str, ...] = ()
    named_kind: str = ""
    """The kind of document the question names outright, if any."""
    cites_named: bool = False
    """Whether the question takes its answer from that document ("volgens het SER-advies",
    "what does the letter say"), rather than asking about it ("waarom een bronnenboek?")."""
    covenant: tuple[str, str] = ("", "")
    """A covenant named by its subject: (subject, as written)."""
    kamerstuk: str = ""
    pages: tuple[str, ...] = ()
    years: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    """Content words of the question (folded, framing removed, typos corrected)."""
    concepts: tuple[Concept, ...] = ()
    """The content mapped into both languages, span by span."""
    verbs: tuple[str, ...] = ()
    """Content words that are verbs (by inflection or by their place in the question)."""
    forms: tuple[str, ...] = ()
    """Forms of answer asked for: frequency, duration, when, count, who; "sectors" for a
    question asking which sectors."""
    quoted: tuple[str, ...] = ()
    framing: tuple[str, ...] = ()
    expansions: tuple[str, ...] = ()
    """Vocabulary names of the sectors, risks and organisations named, in both languages."""
    corrections: dict[str, str] = field(default_factory=dict)


def understand(question: str, known: Callable[[str], bool] | None = None) -> Understanding:
    """Analyse a question (Dutch or English) without searching the index.

    Args:
        question: the user's question.
        known: whether a word is an index term (for splitting Dutch compounds such as
            "grondstoffenwinning" into "grondstoffen" + "winning").
    """
    vocabulary = load_vocabulary()
    question = unshouted(question)  # "WHICH RISKS APPLY TO ELECTRONICS?"
    kamerstuk = KAMERSTUK.search(question)
    if kamerstuk:  # "26485-187", "kst-26485-187", "26 485 nr 187": written as the letter does
        dossier = kamerstuk.group(1).replace(" ", "")
        canonical = f"Kamerstuk {dossier[:2]} {dossier[2:]}, nr. {kamerstuk.group(2)}"
        question = question[: kamerstuk.start()] + canonical + question[kamerstuk.end() :]
    question, slips = without_slips(question, language_of_question(question), known)  # "teh"
    folded = fold(question).replace("\u2019", "'")
    framed = strip_framing(question)
    raw = [_possessive(w, known) for w in WORD.findall(FORM_PHRASES.sub(" ", framed.text))]
    language = language_of_question(question)
    corrections = slips | typo_corrections(raw, language, known, is_content, typed_names(question))
    if len(corrections) > len(slips):  # its form, intent and names read as meant ("hoe faak")
        question = rewritten(question, corrections)
        folded, framed = fold(question).replace("\u2019", "'"), strip_framing(question)
    words = [corrections.get(w, w) for w in raw]
    # the question's words with its form phrase, which places its verb ("in welk jaar verscheen")
    whole = _corrected(framed.text, corrections, known)
    concepts = tuple(interpret(words, is_content, language, known))
    tags = default_tagger().tag(_tag_text(words, concepts))
    sectors = _sectors(question, tags, concepts)
    risks = tuple(vocabulary.risk(r) for r in tags.risks)
    organisations, names = _organisations(question, tags)
    # a place is a source asked about only in the asking sentence of a question about sources
    # ("Is er een bron over smokkelroutes uit Congo?"), never beside a sector ("stone from India")
    asking = f" {folded_words(main_sentence(question))} "
    actors = [n for n in names if not is_place(n) or (not sectors and f" {folded_words(n)} " in asking)]
    categories = tuple(
        dict.fromkeys(c for w, c in CATEGORY_WORDS.items() if re.search(rf"\b{w}", folded))
    )
    sectors, unknown = with_unknown_sector(sectors, folded, known)
    sources = [o for o in organisations if not is_author(o)]
    forms = question_forms(question)
    intent, extra = intent_of(
        folded, bool(sectors or unknown or categories), bool(sources or actors), bool(forms),
        bool(sources) or any(owned(name, question) for name in actors),
    )
    org_query = ""
    if intent == "org_included":
        org_query = sources[0].name(language) if sources else actors[0]
    content = [w for w in words if is_content(w)]
    if re.search(r"\b(welke|which|what) (sectoren|sectors)\b", folded):
        forms += ("sectors",)
    return Understanding(
        question=question, language=language, intent=intent, extra_intents=extra,
        sectors=sectors, unknown_sector=unknown, risks=risks, categories=categories,
        organisations=organisations, names=tuple(names), org_query=org_query,
        doc_kinds=tuple(kind for pattern, kind in DOCUMENT_HINTS if pattern.search(folded)),
        named_kind=named_kind(folded, organisations),
        cites_named=bool(CITES_DOCUMENT.search(folded)),
        covenant=named_covenant(folded),
        kamerstuk=f"{kamerstuk.group(1).replace(' ', '')}-{kamerstuk.group(2)}" if kamerstuk else "",
        pages=tuple(PAGE.findall(question)), years=tuple(YEAR.findall(question)),
        words=tuple(dict.fromkeys(content)), concepts=concepts, forms=forms,
        verbs=_verbs(content, whole, [_corrected(c, corrections, known) for c in clauses(framed.text)],
                     language, known),
        quoted=framed.quoted, framing=framed.removed,
        expansions=tuple(sorted(_expansions(sectors, risks, organisations) - set(content))),
        corrections=corrections,
    )


def is_content(word: str) -> bool:
    """Whether a folded word says what the question is about (not how or why it asks)."""
    return word.isdigit() or (
        len(word) > 1 and word not in QUESTION_WORDS and word not in analysis.stopwords()
        and not is_framing_word(word) and not is_pronominal_adverb(word)
    )


def _verbs(
    content: list[str], words: list[str], clauses: list[list[str]], language: Lang,
    known: Callable[[str], bool] | None,
) -> tuple[str, ...]:
    """The verbs among the content words: regular forms ("vereisen", "criticised") and words in
    the place of a verb (Dutch "Welke landen bezocht ...", English "has to agree", "does the
    covenant forbid" in each clause of the question; the last only when the documents do not
    say it in those words)."""
    found = [w for w in content if is_verb_form(w, language)]
    if language == "nl":
        return tuple(dict.fromkeys(found + [w for w in [finite_verb(words)] if w in content]))
    placed: list[str] = []
    for clause in clauses:  # "kids in mills: does the covenant just ban it, or do firms ..."
        placed += bare_verbs(clause) + subject_question_verbs(clause)
        verb = inverted_verb(clause, _translates_to_verb)
        said = [verb, *load_lexicon().translations(verb, "en")] if verb else []
        placed += [verb] if verb and not (known and any(known(f) for t in said for f in inflected_forms(t))) else []
    return tuple(dict.fromkeys(found + [w for w in placed if w in content]))


def _corrected(text: str, corrections: dict[str, str], known: Callable[[str], bool] | None) -> list[str]:
    """The words of a (folded) text, possessives undone and typos corrected."""
    return [corrections.get(w, w) for w in (_possessive(w, known) for w in WORD.findall(text))]


def _translates_to_verb(word: str) -> bool:
    """An English word in a verb's place that inflects as a verb ("deploy": deployed) or whose
    first Dutch translation is a Dutch verb ("forbid": verbieden)."""
    first = load_lexicon().translations(word, "en")[:1]
    return english_verb_stem(word) or (
        bool(first) and " " not in first[0] and is_verb_form(first[0], "nl"))


def _possessive(word: str, known: Callable[[str], bool] | None) -> str:
    """"novib's" -> "novib" (a possessive); "risico's" stays when the index holds it."""
    if word.endswith("'s") and not (known and known(word)):
        return word[:-2]
    return word


def _sectors(question: str, tags: Tags, concepts: tuple[Concept, ...]) -> tuple[Sector, ...]:
    """The sectors named. When the sentence that asks names a sector, only its sectors: the
    asker's context only says who asks ("We are a steel trader importing timber. Which risks
    apply to metal?": metal, not wholesale or wood); else the sectors of the context ("We make
    jeans. What should we watch out for?")."""
    main = WORD.findall(fold(main_sentence(question)))
    asked = default_tagger().tag(
        _tag_text(main, tuple(c for c in concepts if c.source in " ".join(main)))
    )
    vocabulary = load_vocabulary()
    named = [s for s in tags.sectors if s in asked.sectors] or list(tags.sectors)
    return tuple(vocabulary.sector(s) for s in named)


def _organisations(question: str, tags: Tags) -> tuple[tuple[Organisation, ...], list[str]]:
    """Vocabulary organisations (a misspelt name matched fuzzily: "Milieudefensi") and other
    proper names, the one asked about first."""
    vocabulary = load_vocabulary()
    named = list(tags.orgs)
    names = []
    for name in capitalised_names(question, _organisation_forms()):
        match = vocabulary.match_organisation(name)
        if match:
            named.append(match[0].id)
        else:
            names.append(name)
    return asked_first(
        question, tuple(vocabulary.organisation(o) for o in dict.fromkeys(named)), names
    )


def _tag_text(words: list[str], concepts: tuple[Concept, ...]) -> str:
    """The text the vocabulary tagger reads: the words and the concepts' translations and
    compound parts; but no sector of a phrase the lexicon reads in another sense than its words
    ("parliamentary paper": kamerstuk, no paper industry), nor of a verb after "to" or "te"
    ("to build support", "draagvlak te bouwen": no construction)."""
    kept = list(words)
    extra: list[str] = []
    for concept in concepts:
        if _names_no_sector(concept, words):
            kept = _without(kept, concept.source.split())
            continue
        extra += [term for term, _ in concept.translations] + list(concept.parts)
    return " ".join(kept + extra)


def _names_no_sector(concept: Concept, words: list[str]) -> bool:
    """Whether a concept whose words or translations name a sector is used in another sense."""
    translations = " ".join(term for term, _ in concept.translations)
    if not default_tagger().tag(f"{concept.source} {translations}").sectors:
        return False
    if " " in concept.source:  # the translations with their compound parts ("textiel|convenant")
        parts = " ".join(part for _, of in concept.parts_of for part in of)
        return bool(translations) and not default_tagger().tag(f"{translations} {parts}").sectors
    first = concept.translations[0][0] if concept.translations else ""
    verb = is_verb_form(concept.source, "nl") if concept.language == "nl" else (
        " " not in first and is_verb_form(first, "nl"))
    return verb and any(before in INFINITIVE_MARKERS and word == concept.source
                        for before, word in pairwise(words))


def _without(words: list[str], phrase: list[str]) -> list[str]:
    """The words with every run of the phrase left out."""
    size = len(phrase)
    kept: list[str] = []
    at = 0
    while at < len(words):
        if words[at:at + size] == phrase:
            at += size
            continue
        kept.append(words[at])
        at += 1
    return kept


@cache
def _organisation_forms() -> frozenset[str]:
    """Every folded name, abbreviation and alias of the vocabulary's organisations."""
    return frozenset(fold(f) for o in load_vocabulary().organisations for f in o.forms())


def _expansions(
    sectors: tuple[Sector, ...], risks: tuple[Risk, ...], organisations: tuple[Organisation, ...],
) -> set[str]:
    """Names in both languages of what the question names."""
    found: set[str] = set()
    for entry in (*sectors, *risks):
        found |= {fold(entry.name_nl), fold(entry.name_en)}
    for sector in sectors:
        found |= {fold(s) for s in sector.synonyms_nl[:3]}
    for organisation in organisations:
        found |= {fold(f) for f in organisation.forms()[:4]}
    return found
