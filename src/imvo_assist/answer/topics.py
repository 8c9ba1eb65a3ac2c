"""The topics of a question: the nouns it is about, not the kind of thing asked, the document
to look in, the corpus's own domain words nor the sectors the vocabulary knows; and the terms
whose occurrence shows a topic is in the corpus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from imvo_assist.answer.documentnames import document_name_words
from imvo_assist.answer.presence import presence_terms, present, translated
from imvo_assist.answer.understand import GENERIC, Understanding
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.text.bilingual import Concept
from imvo_assist.text.fold import fold
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.morphology import is_english_adverb
from imvo_assist.text.numbers import number_words
from imvo_assist.text.questionforms import (
    AMOUNT_QUESTION,
    CURRENCY_UNITS,
    RANKING_QUESTION,
    SIGNING_VERBS,
    asks_ranking,
)

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

# Words naming the corpus's own domain, its actors and document kinds: never key.
DOMAIN_WORDS = frozenset(
    [
        "overheid", "government", "kabinet", "cabinet", "ministerie", "ministry", "ministeries",
        "ministries", "minister", "ministers", "rijksoverheid", "parliament", "parlement", "kamer",
        "house", "tweede",
        "mvo", "imvo", "csr", "irbc", "convenant", "convenanten", "covenant", "covenants",
        "agreement", "agreements", "sector", "sectoren", "sectors", "risico", "risicos", "risico's",
        "risk", "risks", "risky", "riskant", "risicovol", "risicovolle", "keten", "ketens", "chain",
        "chains", "supply chain", "supply chains", "value chain", "value chains", "waardeketen",
        "waardeketens", "productieketen", "productieketens",
    ]
)
# Nouns of a relation asked about ("welke rol speelt X", "the task of X"): X is the subject.
RELATION_NOUNS = frozenset(["rol", "rollen", "role", "roles", "taak", "taken", "task", "tasks", "functie",
                            "functies", "function", "functions"])
# A concept ending in one of these names a document ("ser advice", "kamerbrief"), no topic; a
# capitalised name ending in one of DOCUMENT_NOUNS too ("de Kamerbrief", "het SRA-testrapport").
DOCUMENT_NOUNS = ("advies", "advice", "brief", "letter", "rapport", "report", "notitie")
DOCUMENT_WORDS = frozenset(
    [*DOCUMENT_NOUNS, "kamerbrief", "note", "bronnenboek", "book", "register", "document", "documenten",
     "documents"]
)
# Lexicon domains of words about questions and documents (hoofdstuk, voetnoot, rapport).
META_DOMAINS = frozenset({"question", "documents"})
# A short word before a number labels a numbered part ("art 8", "nr 197", "hfst 3").
NUMBERED_LABEL = lazy_compile(r"\b([a-z]{1,4})\.? \d")


def topic_concepts(understanding: Understanding) -> list[Concept]:
    """The nouns a question is about: not the kind of thing asked ("risico's"), the unit of an
    amount asked for (a text writes "€ 2"), a ranking asked for ("ranglijst": a passage that
    ranks states it), the label of a numbered part ("art 8"), an adverb
    ("genuinely") or a verb of signing ("verstuurd"); not words about documents ("voetnoot",
    "rapport") nor those naming the document to look in ("het sra-rapport"), not figures or
    verbs."""
    found = []
    naming = document_name_words(understanding)  # "het sra-rapport": where to look, no topic
    folded = fold(understanding.question)
    labels = set(NUMBERED_LABEL.findall(folded))  # "art 8": a part's number
    units = CURRENCY_UNITS if AMOUNT_QUESTION.search(folded) else frozenset()  # "in euro's": the form
    ranking = {word for match in RANKING_QUESTION.finditer(folded) for word in match.group(0).split()
               } if asks_ranking(folded) else set()
    for concept in understanding.concepts:
        words = concept.source.split()
        if (concept.source in GENERIC or concept.source.isdigit() or concept.source in number_words()
                or concept.source in units or concept.source in labels or concept.source in SIGNING_VERBS
                or concept.source in ranking  # "scoort het hoogst": the form of the answer
                or is_english_adverb(concept.source)
                or concept.source in DOMAIN_WORDS or all(word in DOMAIN_WORDS for word in words)
                or concept.source in RELATION_NOUNS
                or not names_content(concept, understanding) or concept.source in naming
                or vocabulary_entity(concept.source)):
            continue
        found.append(concept)
    return found


def names_content(concept: Concept, understanding: Understanding) -> bool:
    """Whether a concept may name what is asked about: no verb of the question, no word for a
    document ("rapport", "kamerbrief") and none about questions or documents ("hoofdstuk")."""
    return (concept.source not in understanding.verbs and concept.source.split()[-1] not in DOCUMENT_WORDS
            and not (concept.domains and set(concept.domains) <= META_DOMAINS))


def narrowed_terms(concept: Concept) -> list[str]:
    """The presence terms of a topic; of a phrase narrowing a sector's word ("shrimp farming"),
    only the phrase, its translations and its modifiers' words: "farming" alone is no sign of it."""
    if " " not in concept.source or not default_tagger().tag(concept.source).sectors:
        return presence_terms(concept)
    head = concept.source.split()[-1]
    return [concept.source, *(t for t, _ in concept.translations),
            *(term for word, terms in concept.word_translations if word != head for term in (word, *terms))]


def vocabulary_entity(word: str) -> bool:
    """A word the vocabulary reads as a sector ("jeans": textiel & kleding): checked as that
    sector, not as a word (a risk or an organisation is checked as written); but a phrase whose
    last word alone names the sector is a narrower subject ("shrimp farming")."""
    tagger = default_tagger()
    *modifiers, head = word.split()
    sectors = tagger.tag(word).sectors
    return bool(sectors) and not (modifiers and sectors == tagger.tag(head).sectors
                                  and not tagger.tag(" ".join(modifiers)).sectors)


def concept_present(library: Corpus, concept: Concept) -> bool:
    """Whether a topic is in the documents in any form, translation or synonym."""
    return present(library, narrowed_terms(concept), translated(concept)) or present(
        library, list(concept.synonyms))
