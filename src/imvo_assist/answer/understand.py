"""Question understanding: language, sectors, risks, organisations, documents and intent.

Everything is found with the vocabulary (exact forms, stems, compounds, everyday words), with
rapidfuzz for typos ("electronica", "kinderabeid"), and with cue words for the intent. Nothing
here searches the index.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz, process

from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.catalogue.tagging import Tags, default_tagger
from imvo_assist.catalogue.vocabulary import Organisation, Risk, Sector
from imvo_assist.text.fold import fold
from imvo_assist.text.glossary import expand
from imvo_assist.text.language import detect_language

Intent = str  # sector_risks | expectations | provenance | org_included | citation_lookup | definition | search

QUESTION_WORDS = frozenset(
    ["welke", "welk", "wat", "wie", "waar", "wanneer", "waarom", "hoe", "hoeveel", "volgens", "noemt", "noem", "gelden", "geldt", "spelen", "speelt", "zijn", "is", "er", "heeft", "hebben", "wordt", "worden", "de", "het", "een", "van", "in", "op", "voor", "over", "met", "aan", "bij", "door", "naar", "om", "te", "en", "of", "dat", "die", "dit", "deze", "er", "u", "uw", "je", "jij", "we", "wij", "ik", "zij", "ze", "which", "what", "who", "where", "when", "why", "how", "many", "much", "does", "do", "did", "is", "are", "was", "were", "according", "say", "says", "tell", "me", "please", "the", "a", "an", "of", "in", "on", "for", "to", "and", "or", "it", "its", "that", "this", "these", "there", "by", "with", "from", "as", "be", "will", "should", "would", "can", "could", "has", "have", "had", "apply", "applies"]
)
# Words that say what kind of thing is asked, not what it is about.
GENERIC = frozenset(
    ["risico", "risicos", "risico's", "risk", "risks", "sector", "sectoren", "sectors", "rapport", "report", "brief", "letter", "document", "documenten", "analyse", "analysis", "noemt", "name", "names", "named", "geldt", "gelden", "apply"]
)
RISK_CUES = re.compile(r"\b(risico'?s?|risks?|misstanden|gevaren|problemen|issues|\w+risico'?s?)\b")
PROVENANCE_CUES = re.compile(
    r"\b(waar komt|vandaan|where does|where do|come from|comes from|bron|bronnen|source|sources|"
    r"onderbouwing|based on|gebaseerd op|herkomst)\b"
)
INCLUSION_CUES = re.compile(
    r"\b(input|meegenomen|gebruikt|used|included|opgenomen|verwerkt|bijgedragen|bijdrage|"
    r"contributed|contribution|geciteerd|cited|genoemd|mentioned|research)\b"
)
EXPECTATION_CUES = re.compile(
    r"\b(verwacht\w*|expected|expect\w*|eisen|eis|requirements?|verplicht\w*|obligations?|"
    r"required)\b"
)
WEAK_EXPECTATION_CUES = re.compile(r"\b(moeten|moet|must|should|dienen|dient)\b")
ACTORS = re.compile(r"\b(bedrijven|bedrijf|ondernemingen|companies|company|business\w*|partijen|parties|sectoren|sectors)\b")
DEFINITION_CUES = re.compile(
    r"^(wat is|wat zijn|wat betekent|wat houdt|what is|what are|what does|define|definitie|"
    r"definition)\b|\b(verschil tussen|difference between|betekent|mean|means)\b"
)
LOOKUP_CUES = re.compile(
    r"\b(wat zegt|what does|zegt|says?|quote|citeer|hoe vaak|how often|how many|hoeveel|wanneer|"
    r"when|hoe lang|how long|welke rol|what role|is there|is er|waarom|why)\b"
)
SECTOR_WORD = re.compile(r"\b(\w{3,}?)-?(sector|sectoren|industrie|branche)\b|\b(\w{3,}) (sector|industry|industries)\b")
KAMERSTUK = re.compile(
    r"\b(?:kamerstuk(?:ken)?\s+(?:ii\s+)?)?(?:kst[- ]?)?(\d{2}\s?\d{3})\s*(?:,\s*|-|\s+)(?:nr\.?\s*)?(\d{1,4})\b",
    re.IGNORECASE,
)
PAGE = re.compile(r"\b(?:p\.|pag\.|pagina|page)\s*(\d{1,4}|[ivxlc]{1,6})\b", re.IGNORECASE)
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
CATEGORY_WORDS = {
    "milieu": "milieu", "environment": "milieu", "environmental": "milieu",
    "arbeid": "arbeid", "labour": "arbeid", "labor": "arbeid",
    "mensenrechten": "mensenrechten", "human rights": "mensenrechten",
}
DOCUMENT_HINTS = (
    (re.compile(r"\bser\b|ser-advies|ser advice|advies|advice"), "advice"),
    (re.compile(r"convenant|covenant|agreement"), "covenant"),
    (re.compile(r"\bbrief\b|kamerbrief|\bletter\b|kabinet|cabinet|government|kamer\b"), "letter"),
    (re.compile(r"rapport|report\b|kpmg"), "report"),
    (re.compile(r"bronnenboek|source book|register"), "register"),
    (re.compile(r"notitie|\bnote\b|\bteam\b"), "note"),
)
# Documents a question names outright ("volgens het SER-advies", "in het textielconvenant"):
# answers come from that kind of document first.
NAMED_DOCUMENTS = (
    (re.compile(r"ser-advies|ser advice|\bhet advies\b|\bthe advice\b"), "advice"),
    (re.compile(r"\b(het|dit|the|this) (\w+ )?(convenant|covenant|agreement)\b|\b\w+convenant\b"), "covenant"),
    (re.compile(r"\bde brief\b|kamerbrief|\bthe letter\b"), "letter"),
    (re.compile(r"\bhet rapport\b|\bthe report\b|kpmg-rapport|\bkpmg report\b"), "report"),
    (re.compile(r"\bnotitie\b|\bthe note\b"), "note"),
)
CAPITALISED_NAME = re.compile(r"\b([A-Z][\w&.-]+(?:\s+(?:[A-Z][\w&.-]+|of|for|van|voor|de))*\s+[A-Z][\w&.-]+|[A-Z]{3,})")
TYPO_SCORE = 85
MIN_TYPO_LENGTH = 5


@dataclass(frozen=True)
class Understanding:
    """What a question asks for, as far as the vocabulary can tell."""

    question: str
    language: str
    intent: Intent
    extra_intents: tuple[Intent, ...] = ()
    sectors: tuple[Sector, ...] = ()
    unknown_sector: str = ""
    risks: tuple[Risk, ...] = ()
    categories: tuple[str, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    org_query: str = ""
    doc_kinds: tuple[str, ...] = ()
    named_kind: str = ""
    """The kind of document the question names outright, if any."""
    kamerstuk: str = ""
    pages: tuple[str, ...] = ()
    years: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    """Content words of the question (folded, typos corrected)."""
    expansions: tuple[str, ...] = ()
    """Search words added from the vocabulary and the glossary."""
    corrections: dict[str, str] = field(default_factory=dict)
    hints: tuple[str, ...] = ()
    """Phrases an answer sentence would contain, from how the question asks ("hoe vaak" ->
    "ieder half jaar"), for choosing the sentences to quote."""
    parts: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Dutch compounds of the question split in two ("textielconvenant": textiel, convenant)."""


QUESTION_PHRASES = re.compile(r"\b(hoe vaak|hoe lang|hoe veel|how often|how long|how many|how much)\b")
COMPOUND_LINKS = ("", "s", "e", "en")
MIN_PART = 4


def understand(question: str, known: Callable[[str], bool] | None = None) -> Understanding:
    """Analyse a question (Dutch or English) without searching the index.

    Args:
        question: the user's question.
        known: whether a word is an index term (for splitting Dutch compounds such as
            "textielconvenant" into "textiel" + "convenant"); vocabulary words count as known.
    """
    vocabulary = load_vocabulary()
    kamerstuk = KAMERSTUK.search(question)
    if kamerstuk:  # "26485-187", "kst-26485-187", "26 485 nr 187": written as the letter does
        dossier = kamerstuk.group(1).replace(" ", "")
        canonical = f"Kamerstuk {dossier[:2]} {dossier[2:]}, nr. {kamerstuk.group(2)}"
        question = question[: kamerstuk.start()] + canonical + question[kamerstuk.end() :]
    folded = fold(question).replace("'", "'")
    raw_words = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", folded)
    corrections = _corrections(raw_words)
    words = [corrections.get(w, w) for w in raw_words]
    parts = _compound_parts(words, known)
    tags = default_tagger().tag(" ".join(words + parts))
    sectors = tuple(vocabulary.sector(s) for s in tags.sectors)
    risks = tuple(vocabulary.risk(r) for r in tags.risks)
    organisations = tuple(vocabulary.organisation(o) for o in tags.orgs)
    categories = tuple(dict.fromkeys(c for w, c in CATEGORY_WORDS.items() if re.search(rf"\b{w}", folded)))
    unknown = "" if sectors else _unknown_sector(folded)
    language = _language(question, words)
    intent, extra = _intent(folded, bool(sectors or unknown or categories), organisations, question)
    org_query = ""
    if intent == "org_included":
        org_query = organisations[0].name(language) if organisations else _capitalised_name(question)
    asked = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", QUESTION_PHRASES.sub(" ", " ".join(words)))
    content = [w for w in asked if w not in QUESTION_WORDS and len(w) > 1]
    expansions = _expansions(words + parts, sectors, risks, organisations) | set(parts)
    return Understanding(
        question=question,
        language=language,
        intent=intent,
        extra_intents=extra,
        sectors=sectors,
        unknown_sector=unknown,
        risks=risks,
        categories=categories,
        organisations=organisations,
        org_query=org_query,
        doc_kinds=tuple(kind for pattern, kind in DOCUMENT_HINTS if pattern.search(folded)),
        named_kind=next((kind for pattern, kind in NAMED_DOCUMENTS if pattern.search(folded)), ""),
        kamerstuk=f"{kamerstuk.group(1).replace(' ', '')}-{kamerstuk.group(2)}" if kamerstuk else "",
        pages=tuple(PAGE.findall(question)),
        years=tuple(YEAR.findall(question)),
        words=tuple(dict.fromkeys(content)),
        expansions=tuple(sorted(expansions - set(content))),
        corrections=corrections,
        parts={w: p for w, p in _split_map(words, known).items()},
        hints=tuple(sorted(_hints(words))),
    )


def _hints(words: list[str]) -> set[str]:
    """What an answering sentence contains, from how the question asks: "hoe vaak" -> "ieder
    half jaar"; "wanneer"/"when" -> a year; "hoeveel"/"how many" -> a number."""
    found: set[str] = set()
    for phrase in QUESTION_PHRASES.findall(" ".join(words)):
        found |= expand(phrase.split())
    if {"wanneer", "when"} & set(words):
        found.add(YEAR_HINT)
    if {"hoeveel", "many"} & set(words):
        found.add(NUMBER_HINT)
    if re.search(r"\b(welke|which|what) (sectoren|sectors)\b", " ".join(words)):
        found.add(SECTORS_HINT)
    return found


YEAR_HINT = "#year"
NUMBER_HINT = "#number"
SECTORS_HINT = "#sectors"


def _compound_parts(words: list[str], known: Callable[[str], bool] | None) -> list[str]:
    return [part for pieces in _split_map(words, known).values() for part in pieces]


def _split_map(words: list[str], known: Callable[[str], bool] | None) -> dict[str, tuple[str, str]]:
    """Dutch compounds among the words, split into two known words."""
    found = {}
    for word in words:
        split = _split(word, known)
        if split:
            found[word] = split
    return found


def _split(word: str, known: Callable[[str], bool] | None) -> tuple[str, str] | None:
    """("textiel", "convenant") for "textielconvenant": both halves known words, longest head."""
    def is_known(part: str) -> bool:
        return part in _known_parts() or bool(known and known(part))

    if len(word) < 2 * MIN_PART or word in _known_parts():
        return None  # vocabulary words stay whole; other words split even when indexed whole
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        first, second = word[:cut], word[cut:]
        if not is_known(second):
            continue
        for link in COMPOUND_LINKS:
            head = first.removesuffix(link) if link else first
            if len(head) >= MIN_PART and is_known(head):
                return head, second
    return None


@cache
def _known_parts() -> frozenset[str]:
    """Single words of the vocabulary and the glossary."""
    from imvo_assist.text.glossary import glossary

    words = set(_known_words())
    for key in glossary():
        if len(key) == 1:
            words.add(key[0])
    return frozenset(w for w in words if len(w) >= MIN_PART)


def _language(question: str, words: list[str]) -> str:
    english = sum(w in ENGLISH_HINTS for w in words)
    dutch = sum(w in DUTCH_HINTS for w in words)
    if english != dutch:
        return "en" if english > dutch else "nl"
    return detect_language(question, default="nl")


ENGLISH_HINTS = frozenset(["the", "which", "what", "who", "where", "when", "why", "how", "does", "did", "is", "are", "was", "were", "of", "for", "to", "apply", "and", "there"])
DUTCH_HINTS = frozenset(["de", "het", "een", "welke", "wat", "wie", "waar", "wanneer", "waarom", "hoe", "van", "voor", "gelden", "is", "zijn", "wordt", "heeft", "er"])


def _intent(
    folded: str, has_sector: bool, organisations: tuple[Organisation, ...], question: str
) -> tuple[Intent, tuple[Intent, ...]]:
    provenance = bool(PROVENANCE_CUES.search(folded))
    names_org = bool(organisations) or bool(_capitalised_name(question))
    if names_org and INCLUSION_CUES.search(folded):
        return "org_included", ()
    if has_sector and RISK_CUES.search(folded) and not EXPECTATION_CUES.search(folded):
        return "sector_risks", ("provenance",) if provenance else ()
    if provenance:
        return "provenance", ()
    if EXPECTATION_CUES.search(folded):
        return "expectations", ()
    if DEFINITION_CUES.search(folded):
        return "definition", ()
    lookup = LOOKUP_CUES.search(folded)
    if not lookup and WEAK_EXPECTATION_CUES.search(folded) and ACTORS.search(folded):
        return "expectations", ()
    if lookup or question.strip().endswith("?"):
        return "citation_lookup", ()
    return "search", ()


def _capitalised_name(question: str) -> str:
    """A proper name in the question ("Human Rights Watch"), for organisations the vocabulary
    does not know."""
    for match in CAPITALISED_NAME.finditer(question):
        words = re.sub(r"'s$", "", match.group(1)).split()
        while words and words[0].lower() in QUESTION_WORDS:
            words.pop(0)
        name = " ".join(words)
        if (len(words) >= 2 or (words and words[0].isupper())) and fold(name) not in NOT_NAMES:
            return name
    return ""


NOT_NAMES = frozenset({"imvo", "mvo", "sra", "ser", "kpmg", "tweede kamer", "imvo convenanten"})


def _unknown_sector(folded: str) -> str:
    """A sector named in the question that is not one of the 13 ("toerismesector")."""
    vocabulary = load_vocabulary()
    for match in SECTOR_WORD.finditer(folded):
        word = match.group(0)
        stem = match.group(1) or match.group(3)
        if (stem and stem not in QUESTION_WORDS and stem not in GENERIC
                and not vocabulary.match_sector(word) and not vocabulary.match_sector(stem)
                and not default_tagger().tag(stem).sectors):
            return word
    return ""


def _corrections(words: list[str]) -> dict[str, str]:
    """Typos of vocabulary words: "kinderabeid" -> "kinderarbeid"."""
    known = _known_words()
    corrections = {}
    for word in words:
        if len(word) < MIN_TYPO_LENGTH or word in known or word in QUESTION_WORDS:
            continue
        if default_tagger().tag(word) != Tags():
            continue
        best = process.extractOne(word, known, scorer=fuzz.ratio, score_cutoff=TYPO_SCORE)
        if best and not (word.startswith(best[0]) or best[0].startswith(word)):
            corrections[word] = best[0]  # an inflection ("sectoren") is not a typo
    return corrections


@cache
def _known_words() -> frozenset[str]:
    words: set[str] = set()
    for form, _, _ in load_vocabulary().terms():
        words.update(w for w in re.findall(r"[a-z0-9]+", fold(form)) if len(w) >= MIN_TYPO_LENGTH)
    return frozenset(words)


def _expansions(
    content: list[str], sectors: tuple[Sector, ...], risks: tuple[Risk, ...],
    organisations: tuple[Organisation, ...],
) -> set[str]:
    """Search words in both languages for what the question names."""
    found = set(expand(content))
    for entry in (*sectors, *risks):
        found |= {fold(entry.name_nl), fold(entry.name_en)}
    for sector in sectors:
        found |= {fold(s) for s in sector.synonyms_nl[:3]}
    for organisation in organisations:
        found |= {fold(f) for f in organisation.forms()[:4]}
    return found
