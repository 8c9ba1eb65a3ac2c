"""What a sector-risks question asks the risks of: the subject after "risico's voor" or "risks
of", or before a colon ("cobalt for smartphone batteries: any risks?"). When the sector is only
inferred from an everyday word beside it ("smartphone", "plastic"), or no sector is named at all
("welke arbeidsrisico's noemt de SRA voor de visverwerkende industrie?"), and the subject itself
is in no document, nothing in the documents answers the question."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from imvo_assist.answer.entities import is_place
from imvo_assist.answer.topics import concept_present, topic_concepts
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.text.analysis import stopwords
from imvo_assist.text.bilingual import Concept
from imvo_assist.text.fold import fold, folded_words
from imvo_assist.text.framing import asking_sentences, told_before
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.lexicon import load_lexicon
from imvo_assist.text.wordlist import known

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus
    from imvo_assist.answer.understand import Understanding
    from imvo_assist.catalogue.vocabulary import Sector

# also the last part of a compound: "mensenrechtenrisico's", "arbeidsrisico's"
RISK_WORDS = r"(\w*risico'?s?|risks?|gevaren|dangers)"
PREPOSITIONS = r"(van|voor|bij|in|rond|rondom|of|for|to|with|around|regarding|concerning)"
# The subject of the risks: up to a clause or sentence end, after the first preposition that
# follows the risk word ("welke risico's noemt de SRA voor speelgoed van plastic").
RISK_WORD = lazy_compile(rf"\b{RISK_WORDS}\b")
AFTER_RISKS = lazy_compile(rf"\b{RISK_WORDS}\b[^?.!;:,]*?\b{PREPOSITIONS} (?P<subject>[^?.!;:,]+)")
# Prepositional phrases that say how, not of what ("in een notendop", "in short", "volgens de SRA").
ADVERBIAL = lazy_compile(
    r"\b(in (een|a) (notendop|nutshell)|in (het )?kort|in short|in brief|in (het )?algemeen|"
    r"in general|in grote lijnen|op hoofdlijnen|in (de )?praktijk|in practice|in principe|"
    r"in principle|in detail|at a glance|in particular|in het bijzonder|for example|for instance|"
    r"volgens (de|het|the) \w+|according to (the )?\w+)\b"
)
# A pronoun after the preposition points back at the asker ("for us", "voor ons"): no subject.
POINTING_WORDS = frozenset({"us", "ons", "onze", "our", "them", "their", "its", "hen", "hun", "it", "that", "dat",
                            "this", "dit", "these", "those", "die", "deze", "me", "mij", "mijn", "my"})
# The asker's own business named in the asking part ("onze keten", "for our sector", "mijn
# branche") or pointed back at ("daarvoor", "for those"): what the asker told of it is the
# subject ("wij verkopen speelgoed, ...").
OWN_BUSINESS = lazy_compile(
    r"\b((onze|ons|mijn|our|my) (keten|ketens|sector|branche|industrie|producten|bedrijf|bedrijfstak|"
    r"chain|supply chain|sector|industry|products|business|company|trade)|"
    r"daarvoor|daarbij|daarin|ervoor|erbij|hiervoor|hierbij|daarvan|ervan|hiervan|daarover|erover|"
    r"their|its|(for|in|with|of|about|on) (that|those|them|it))\b")
# Endings of English adjectives ("intensive", "artisanal", "organic", "chinese").
ADJECTIVE_ENDINGS = ("ive", "al", "ic", "ous", "ful", "less", "able", "ible", "ese", "ish", "ian", "ary",
                     "ent", "ant", "ed")
# A relative clause after the subject says what it does or holds ("het mkb dat kleding verkoopt").
RELATIVE = frozenset({"dat", "die", "that", "which", "who", "welke", "wat"})
# Verbs of making or trading in such a clause: its subject is one of the sector's actors, not a
# material used in its products ("kobalt dat in smartphones wordt gebruikt").
TRADE_VERBS = (r"verko\w+|verkocht\w*|ma(?:a)?k\w*|produce\w+|produc\w*|importe\w+|exporte\w+|lever\w*|"
               r"handel\w*|sell\w*|sold|make|makes|made|manufactur\w+|import\w*|export\w*|suppl\w+|trad\w+")
TRADING = lazy_compile(rf"\b({TRADE_VERBS})\b")
# What the asker says they deal in: the words after a first person and a verb of trade (below),
# of making or growing, or of being ("we make surfboards", "ik heb een kapsalon", "wij zijn een
# reisbureau").
DEALS_IN = lazy_compile(
    r"^\s*(?:wij|we|ik|i)\s+(?:\w+\s+)?(?:" + TRADE_VERBS + r"|verwerk\w*|kwek\w*|tel\w*|bouw\w*|heb|hebben|zijn|"
    r"ben|run|runs|process|grow|build|have|are|am|own)\s+(?P<object>[^?.!;:,]+)"
)
# Sector-naming nouns: a form holding one names the sector as such ("de elektronicasector").
SECTOR_NOUNS = ("sector", "industrie", "industry", "branche")
# Nouns for a sector's firms as such: in "de visverwerkende industrie" the words before say which.
SECTOR_HEADS = frozenset({*SECTOR_NOUNS, "sectoren", "industries", "bedrijven", "companies", "firms",
                          "ondernemingen", "bedrijf", "company", "firma's", "branches"})
# The shortest part of a compound looked up as a sector's word ("hout" in "houthandelaren").
MIN_PART = 4
# Words before what a product is made of ("speelgoed van plastic", "made of hardwood").
MATERIAL = frozenset({"van", "uit", "of", "from"})
MADE = frozenset({"made", "gemaakt"})
# A letter written apart from the rest of its word ("t-shirts" folds to "t shirts").
LETTERS = frozenset("bcdefghjklmnopqrstuvwxyz")
# Words joining the parts of one subject ("tuinders en bloementelers", "lithium or cobalt").
JOINING = frozenset({"en", "and", "or"})


def absent_subject(library: Corpus, understanding: Understanding) -> Concept | None:
    """The subject a sector-risks question asks the risks of, when the sector is inferred from
    an everyday word or not named, and the subject is in no document in any form or translation:
    "risico's van kobalt in smartphones" (kobalt), "which risks does the report list for toys?",
    "risico's voor de visserij". None
    when the question names a sector as such ("in de elektronicasector") or a risk, when the
    subject is present, a word of the vocabulary ("risks for gold in electronics") or of a
    sector ("cheap t-shirts", "paper mills", "kinderkleding"), or made of what is present
    ("furniture made of tropical hardwood")."""
    spans = _subject_spans(understanding.question)
    if not spans or understanding.risks or any(
            _named_as_sector(understanding.question, s) for s in understanding.sectors):
        return None
    topics = topic_concepts(understanding)
    # a verb form in -ing after the preposition is a noun there ("risks for whaling"), when no
    # other word is ("seafood processing": seafood)
    gerunds = [c for c in understanding.concepts if c.source in understanding.verbs and c.source.endswith("ing")]
    for span in spans:
        conjuncts, material, rest = _phrase(span, understanding.language)
        # a sector's activity narrowed by what no document names: "cobalt mining", "salmon
        # farming" (not a product: "cheap t-shirts", "chinese smartphones")
        narrowed = [_head(c[:-1], topics) if _narrows_activity(c) else None for c in conjuncts]
        if narrowed and all(narrowed) and not any(concept_present(library, c) for c in narrowed if c):
            return narrowed[0]
        # ... also beside another conjunct: in "lithium or cobalt mining" the second is cobalt's
        heads = [narrow or _head(conjunct, topics) or _head(conjunct, gerunds)
                 for conjunct, narrow in zip(conjuncts, narrowed, strict=True)]
        if not any(heads):
            continue
        if any(head is None or _of_sector(conjunct[:-1] if narrow else conjunct, head)
               for conjunct, head, narrow in zip(conjuncts, heads, narrowed, strict=True)):
            return None  # "tuinders en bloementelers": one of them names the sector
        if rest[:1] and rest[0] in RELATIVE and _tagged(rest) and TRADING.search(" ".join(rest)):
            return None  # "het mkb dat kleding verkoopt": those of the sector
        # an origin makes no material ("speelgoed uit china")
        made_of = _tagged(material) or any(
            concept_present(library, c) for c in topics
            if material and set(c.source.split()) <= set(material) and not is_place(c.source))
        absent = [head for head in heads if head is not None and not concept_present(library, head)]
        return absent[0] if not made_of and len(absent) == len(heads) else None
    return None


def _narrows_activity(conjunct: list[str]) -> bool:
    """Whether words name a sector's activity (an English -ing word of a sector) after what it is
    of, a noun of no sector ("cobalt mining"); not "gold mining" (of the sector) nor a manner
    ("intensive farming", "artisanal mining": words in an adjective's ending)."""
    *modifiers, activity = conjunct
    return bool(modifiers) and activity.endswith("ing") and _tagged([activity]) and not any(
        _tagged([word]) or word.endswith(ADJECTIVE_ENDINGS) for word in modifiers)


def _of_sector(conjunct: list[str], head: Concept) -> bool:
    """Whether a subject is one of a sector: a word of it names one, apart or as the first or
    last part of a compound ("cheap t-shirts", "paper mills", "houthandelaren", "kinderkleding").
    A compound the lexicon translates is one when a translation names the sector: "scheepsbouw"
    (shipbuilding) is no kind of "bouw" (construction)."""
    if _tagged(conjunct):
        return True
    translated = [term for word in head.source.split() for term in load_lexicon().either_way(word)]
    if translated:
        return any(_tagged(term.split()) for term in translated)
    return any(_tagged([word[:cut]]) or _tagged([word[cut:]])
               for word in head.source.split() for cut in range(MIN_PART, len(word) - MIN_PART + 1))


def _tagged(words: list[str]) -> bool:
    """Whether words name a sector of the vocabulary ("paper", "hout")."""
    return bool(words) and _names_sector(" ".join(words))


@lru_cache(maxsize=4096)
def _names_sector(text: str) -> bool:
    """Whether a text names a sector; kept, as a compound is looked up by every cut."""
    return bool(default_tagger().tag(text).sectors)


def _subject_spans(question: str) -> list[str]:
    """The folded phrases a question asks the risks of, in order: after the risk word's
    preposition (not a pronoun pointing at the asker: "for us"), and the clause before a colon
    whose tail asks for risks."""
    asking = ADVERBIAL.sub(" ", fold(asking_sentences(question)))
    folded = fold(question)
    spans = [match.group("subject") for match in AFTER_RISKS.finditer(asking)
             if match.group("subject").split()[0] not in POINTING_WORDS]
    head, colon, tail = folded.partition(":")
    if colon and RISK_WORD.search(tail) and not AFTER_RISKS.search(tail):
        spans.append(head)
    if OWN_BUSINESS.search(asking):  # "wij verkopen speelgoed, welke risico's ... onze keten?"
        spans += [m.group("object") for told in told_before(question) if (m := DEALS_IN.match(fold(told)))]
    return [folded_words(span) for span in spans]


def _phrase(span: str, language: str) -> tuple[list[list[str]], list[str], list[str]]:
    """The first noun phrase of a span as its conjuncts, runs of content words joined by "en",
    "and" or "or" ("tuinders en bloementelers"); the run after it of what it is made of when a
    word of material follows ("furniture made of tropical hardwood": furniture; tropical,
    hardwood); and the words after both. Dutch "of" joins, English "of" names a material."""
    joining = JOINING | ({"of"} if language == "nl" else set())
    conjuncts: list[list[str]] = [[]]
    material: list[str] | None = None
    words = span.split()
    for index, word in enumerate(words):
        current = conjuncts[-1] if material is None else material
        if word in MADE and current and material is None:
            continue
        if word not in stopwords() or word in LETTERS:  # "t shirts", "e bike": one word
            current.append(word)
        elif not current:
            continue
        elif material is None and word in joining:
            conjuncts.append([])
        elif material is None and word in MATERIAL:
            material = []
        else:
            return [c for c in conjuncts if c], material or [], words[index:]
    return [c for c in conjuncts if c], material or [], []


def _head(run: list[str], topics: list[Concept]) -> Concept | None:
    """The topic that heads a run of content words: its last topic, one the lexicon translates
    before one only the word list knows ("rubber gloves sold" -> gloves; "lithium") before a word
    neither holds ("visserijvloot"), and the words before a noun for a sector's firms before
    that noun ("de visverwerkende industrie"); None when the run holds none but words of the
    vocabulary ("smartphones", "mobiele telefoons")."""
    words = set(run)
    inside = [c for c in topics if set(c.source.split()) <= words and not _tagged(c.source.split())]
    inside = [c for c in inside if c.source not in SECTOR_HEADS] or inside
    # a word the lexicon translates; else one of the word list ("lithium" is one in both languages)
    heads = [c for c in inside if c.translations] or [
        c for c in inside if all(known(w, c.language) for w in c.source.split())] or [
        c for c in inside if " " not in c.source]  # a compound no list holds ("visserijvloot")
    return max(heads, key=lambda c: max(run.index(w) for w in c.source.split()), default=None)


def _named_as_sector(question: str, sector: Sector) -> bool:
    """Whether the question names a sector by its name, also as a compound's first part
    ("elektronicasector"), or by a form with a sector noun ("de chemische industrie"), not only
    by an everyday word ("smartphones")."""
    folded = f" {folded_words(question)}"
    forms = [sector.name_nl, sector.name_en, *(form for form in (*sector.synonyms_nl, *sector.synonyms_en)
                                              if any(noun in fold(form) for noun in SECTOR_NOUNS))]
    return any(f" {folded_words(form)}" in folded for form in forms)
