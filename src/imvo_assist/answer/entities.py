"""The named things of a question: organisations (and which one is asked about), proper names
the vocabulary does not know, sectors outside the 13 (a covenant by its subject:
`answer.covenantnames`).

These are the question's key content: when one occurs nowhere in the corpus, the answer says so
by name instead of quoting loosely related passages.
"""

from __future__ import annotations

import re
from functools import cache

from imvo_assist.catalogue.loader import load_documents, load_vocabulary
from imvo_assist.catalogue.vocabulary import Organisation
from imvo_assist.text.analysis import stopwords
from imvo_assist.text.fold import fold, folded_words
from imvo_assist.text.framing import is_framing_word
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.lexicon import load_lexicon
from imvo_assist.text.morphology import is_verb_form
from imvo_assist.text.wordlist import zipf

CAPITALISED_NAME = lazy_compile(
    r"\b([A-Z][\w&.-]+(?:\s+(?:[A-Z][\w&.-]+|of|for|van|voor|de|the|met een))*\s+[A-Z][\w&.-]+"
    r"|[A-Z]{3,}[\w-]*|(?<=\w )[A-Z][a-z]{3,}\w*)"
)
# Capitalised words joined to a name by "and"/"en" ("Social and Economic Council").
JOINED_BEFORE = lazy_compile(r"([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)\s+(and|en)\s+$")
JOINED_AFTER = lazy_compile(r"\s+(and|en)\s+([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)")
# The title of a law: Dutch "Wet", "Besluit" or "Richtlijn" and the words of its subject, English
# capitalised words before "Act", "Directive" or "Regulation".
LAW_TITLE = lazy_compile(
    r"\b(?:Wet|Besluit|Richtlijn|Verordening)(?: (?!(?:voor|van|in|op|met|de|het|een|en|of|is|geldt|"
    r"gaat|wordt)\b)[a-z][\w-]+){1,4}|\b(?:[A-Z][\w-]+ ){1,5}(?:Act|Directive|Regulation)\b"
)
LOWERCASE_LAW = lazy_compile(r"\b(?:de|een|deze|die|dat) wet ((?:[a-z][a-z-]+ ?){1,3})")
# A lowercase law title has a word at most this frequent in general Dutch ("zorgplicht").
LAW_WORD_MAX_ZIPF = 3.5
# A single capitalised word is a name only when it is no common word (Dutch or English).
NAME_MAX_ZIPF = 4.5
# The domain's own abbreviations, part of the question's phrasing, not an organisation. The
# corpus's documents (an abbreviation its register titles define, "(SRA)") and the state's
# institutions (the lexicon's government entries: "Tweede Kamer", "the House", "Dutch") are
# found by `phrasing_name`; vocabulary organisations ("SER", "KPMG") by `known`.
NOT_NAMES = frozenset(
    {"imvo", "mvo", "imvo convenanten", "csr", "irbc", "ngo", "ngos", "oecd", "oeso", "un", "eu"}
)
TITLE_ABBREVIATION = lazy_compile(r"\(([A-Z][A-Za-z]*[A-Z])\)")
# The lexicon's domain of the state and its institutions (kabinet, Tweede Kamer, Nederland).
STATE_DOMAIN = "government"
# The lexicon's domain of languages and nationality adjectives ("Engelse", "Chinese").
LANGUAGE_DOMAIN = "language"
CALENDAR = frozenset(
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december", "january", "february", "march", "may", "june", "july",
     "august", "october", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
     "zondag", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
# An article after a question's capitalised first word: that word is a verb opening the question
# ("Adviseert de SER ...?"), not the first word of a name.
OPENING_ARTICLES = frozenset({"de", "het", "een", "the", "a", "an"})
LEADING = frozenset(
    [
        "welke", "welk", "wat", "wie", "waar", "wanneer", "waarom", "hoe", "is", "heeft", "hebben",
        "zijn", "was", "were", "has", "have", "did", "does", "do", "which", "what", "who", "where",
        "when", "why", "how", "the", "de", "het", "een", "a", "an", "our", "onze", "ons", "mijn",
        "my", "in", "op", "van", "voor", "volgens", "according", "kamerstuk", "kamerstukken",
    ]
)
# "van X", "X's", "by X", "X-onderzoek": the organisation whose work is asked about.
# An organisation as the source of what is asked ("wat zegt KPMG over", "volgens de SER", "the
# SER advice", "the SER's own words", "wat verwacht de SER"): its own document speaks without
# naming it (MARK stands where the name stood, in the folded words of the question).
MARK = "\0"
# Loose names of an author's document: "het KPMG-onderzoek", "the SER paper", "the KPMG thing".
PAPER = r"onderzoek|study|studie|research|paper|stuk|document|publicatie|publication|thing|ding"
SOURCE = lazy_compile(
    r"\b(volgens|according to|zegt|zei|says|said|noemt|names|stelt|states|mentions|vindt|"
    r"think|thinks|schrijft|schreef|writes|wrote|publiceerde|published|adviseert|advises|recommends|"
    r"verwacht|expects)"
    r"( \w+){0,2} \0|"
    r"\0 (zegt|zei|zeggen|noemt|stelt|schrijft|schreef|publiceerde|adviseert|verwacht|say|says|said|"
    r"state|states|mention|mentions|write|writes|wrote|publish|publishes|published|advise|advises|"
    r"recommend|recommends|think|thinks|expect|expects|"
    rf"advice|advies|report|rapport|analyse|analysis|letter|brief|{PAPER})\b|"
    r"\0 s( \w+){0,2} (words?|wording|text|views?|position|opinion|advice|report|letter|analysis|"
    rf"recommendations?|{PAPER})\b|"
    r"\0 (views?|position|opinion|standpunt|mening|visie)\b"  # a name ending in s: "Both ENDS' view"
)
POSSESSIVE = (r"\b(van|of|by|from|door|uit)\s+(de |het |the )?{name}\b", r"\b{name}('s|'| s)\b",
              r"\b{name}[ -](onderzoek|rapport|rapporten|studie|report|reports|study|research|input|werk)")
SECTOR_WORD = lazy_compile(
    r"\b(\w{3,}?)-?(sector|sectoren|industrie|branche)\b|\b(\w{3,}) (sector|industry|industries)\b"
    r"|\b(\w{2,}(?:ische|iele|uele)) (sectoren|industrie|branche)\b"  # "de farmaceutische industrie"
)


def capitalised_names(question: str, known: frozenset[str]) -> list[str]:
    """Proper names in the question ("Human Rights Watch", "Cordaid", "CSDDD", the titles of
    laws: "Wet zorgplicht kinderarbeid", "the Modern Slavery Act") that are not vocabulary
    organisations (`known`: their folded forms) nor the question's own phrasing ("SER-advies",
    "MVO-risico")."""
    names = [m.group(0) for m in LAW_TITLE.finditer(question)] + _lowercase_law_titles(question)
    for match in CAPITALISED_NAME.finditer(question):
        words = _one_sentence(re.sub(r"'s$|'$", "", match.group(1)).split())
        opens = not question[: match.start()].strip() or question[: match.start()].rstrip()[-1] in ".?!:;"
        if words and opens and words[0].lower() not in LEADING and (
                _common(words[0]) or len(words) > 2 and words[1] in OPENING_ARTICLES):
            words.pop(0)  # the question's first word ("Komt Solidaridad voor ...?", "Adviseert de SER ...?")
        while words and words[0].lower() in LEADING:
            words.pop(0)
        name = " ".join(words)
        folded = fold(name)
        if (not words or phrasing_name(folded) or folded in known or is_framing_word(folded)
                or folded in CALENDAR or _part_of_known(question, match.start(1), match.end(1), known)):
            continue
        if len(words) == 1 and (opens or " " in folded) and all(
            phrasing_name(part) or part in known or (_common(part) and not name.isupper())
            for part in folded.split()
        ):
            continue  # "SER-advies", "MVO-risico"; a capitalised word inside a sentence is a name
        names.append(name)
    return list(dict.fromkeys(names))


def _part_of_known(question: str, start: int, end: int, known: frozenset[str]) -> bool:
    """Whether the capitalised words at start:end are one side of a name joined by "and"/"en"
    that is known as a whole ("Social and Economic Council": the SER), by the vocabulary (or as
    the start of one of its names) or by the lexicon."""
    before = JOINED_BEFORE.search(question[:start])
    after = JOINED_AFTER.match(question[end:])
    joined = [f"{before.group(1)} {before.group(2)} {question[start:end]}" if before else "",
              f"{question[start:end]} {after.group(1)} {after.group(2)}" if after else ""]
    lexicon = load_lexicon()
    return any(folded in known or any(form.startswith(f"{folded} ") for form in known)
               or lexicon.either_way(folded)
               for folded in (fold(name) for name in joined if name))


def _lowercase_law_titles(question: str) -> list[str]:
    """Dutch law titles typed without capitals ("de wet zorgplicht kinderarbeid"): "wet" after
    a determiner and the content words after it, when one of them is a specific word (not
    "de wet moet ...", not English "wet processing")."""
    found = []
    for match in LOWERCASE_LAW.finditer(question):
        words = []
        for word in match.group(1).split():
            if word in stopwords() or is_verb_form(word, "nl") or zipf(word, "nl") > NAME_MAX_ZIPF:
                break
            words.append(word)
        if words and min(zipf(word, "nl") for word in words) < LAW_WORD_MAX_ZIPF:
            found.append(f"wet {' '.join(words)}")
    return found


def is_place(name: str) -> bool:
    """Whether a name is a country, region or city of the lexicon ("India", "West-Afrika")."""
    return folded_words(name) in place_names()


@cache
def place_names() -> frozenset[str]:
    """The lexicon's place names, folded, hyphens as spaces ("west afrika")."""
    return frozenset(" ".join(re.findall(r"\w+", term)) for term in load_lexicon().domain_terms("places"))


def phrasing_name(folded: str) -> bool:
    """Whether a folded name is the question's phrasing: a domain abbreviation, an
    abbreviation a register title defines ("Sector Risico Analyse (SRA)"), a state
    institution the lexicon lists ("tweede kamer", "house", "dutch"; "Congo" is no such) or a
    language or nationality ("Engelse")."""
    return (folded in NOT_NAMES or folded in _register_abbreviations() or folded in _state_names()
            or _language_word(folded))


def _language_word(folded: str) -> bool:
    """Whether a word names a language or nationality only ("Engelse", "Spanish"): the
    lexicon's `language` entries, not a country that shares the stem ("Japan")."""
    if " " in folded:
        return False
    lexicon = load_lexicon()
    return any(
        len(mappings) == 1 and set(mappings[0].domains) == {LANGUAGE_DOMAIN}
        for mappings in (lexicon.to_english([folded]), lexicon.to_dutch([folded]))
    )


@cache
def _register_abbreviations() -> frozenset[str]:
    """Abbreviations the register's titles and publishers define in parentheses."""
    return title_abbreviations() | frozenset(
        fold(abbreviation)
        for document in load_documents()
        for abbreviation in TITLE_ABBREVIATION.findall(document.publisher or "")
    )


@cache
def title_abbreviations() -> frozenset[str]:
    """Abbreviations the register's titles define in parentheses: names of documents ("Sector
    Risico Analyse (SRA)")."""
    return frozenset(
        fold(abbreviation)
        for document in load_documents()
        for abbreviation in TITLE_ABBREVIATION.findall(document.title or "")
    )


@cache
def _state_names() -> frozenset[str]:
    """Both sides of the lexicon's entries for the state and its institutions."""
    return load_lexicon().domain_terms(STATE_DOMAIN)


def _one_sentence(words: list[str]) -> list[str]:
    """The words of a name up to the end of its sentence: "Kenya. What" -> "Kenya" (an initial
    such as "E.M.J." or "N.V." does not end a sentence)."""
    for index, word in enumerate(words):
        if word.endswith(".") and re.search(r"[a-z]{2}\.$", word):
            return words[:index] + [word.rstrip(".")]
    return words


def _common(word: str) -> bool:
    """A word of everyday Dutch or English, not a name: frequent, or translated by the lexicon
    into another word (a name such as "Congo" is written the same in both languages)."""
    folded = fold(word)
    if max(zipf(folded, "nl"), zipf(folded, "en")) > NAME_MAX_ZIPF:
        return True
    lexicon = load_lexicon()
    translations = set(lexicon.either_way(folded))
    return bool(translations - {folded})


def asked_first(
    question: str, organisations: tuple[Organisation, ...], names: list[str]
) -> tuple[tuple[Organisation, ...], list[str]]:
    """Organisations and names with the one asked about first: the one whose work the question
    names ("de publicaties van Oxfam Novib", "Oxfam Novib's reports"), else in question order.
    KPMG in "Has KPMG drawn on Oxfam Novib's reports?" is who used them, not who is asked about."""
    folded = fold(question)

    def position(forms: list[str]) -> tuple[int, int]:
        spots = [folded.find(f) for f in forms if f and f in folded]
        first = min(spots) if spots else len(folded)
        owned = any(_possessive(form, folded) for form in forms if form in folded)
        return (0 if owned else 1, first)

    ordered_orgs = sorted(
        organisations, key=lambda o: (is_author(o), *position([fold(f) for f in o.forms()]))
    )
    ordered_names = sorted(names, key=lambda n: position([fold(n)]))
    return tuple(ordered_orgs), ordered_names


def is_author(organisation: Organisation) -> bool:
    """Whether the organisation wrote a registered document (KPMG, the SER, a ministry): as the
    author it uses sources, it is not one of them."""
    return organisation.id in _authors()


def folded_forms(organisation: Organisation) -> tuple[str, ...]:
    """The folded words of an organisation's names and abbreviations, in order."""
    return tuple(dict.fromkeys(f for f in (folded_words(form) for form in organisation.forms() if form) if f))


def cited_as_source(words: str, form: str) -> bool:
    """Whether a question (its folded words, `folded_words`) cites the organisation (one folded
    form of its name) as the source of what it asks ("what does the SER expect", "the SER's own
    words"), not as its topic ("what do companies expect from the SER?")."""
    return bool(SOURCE.search(f" {words.strip()} ".replace(f" {form} ", f" {MARK} ")))


def speaking_authors(question: str, kind: str, organisations: tuple[Organisation, ...]) -> frozenset[str]:
    """The folded names of the authors a question cites as the source of the kind of document it
    names ("the SER's own words", "volgens KPMG"): the source speaking, not a topic; its own text
    seldom names it. An author asked about ("what do companies expect from the SER?") is none."""
    found: set[str] = set()
    words = folded_words(question) if kind else ""
    for organisation in organisations if kind else ():
        forms = folded_forms(organisation)
        if kind in authored_kinds(organisation) and any(cited_as_source(words, f) for f in forms):
            found |= set(forms)
    return frozenset(found)


def authored_kinds(organisation: Organisation) -> frozenset[str]:
    """The kinds of the registered documents the organisation wrote."""
    return frozenset(_authors().get(organisation.id, ()))


def authored_kind(organisations: tuple[Organisation, ...]) -> str:
    """The kind of the first registered document the first author among the organisations
    wrote ("volgens de SER": the SER's advice), or ""."""
    for organisation in organisations:
        kinds = _authors().get(organisation.id)
        if kinds:
            return kinds[0]
    return ""


@cache
def _authors() -> dict[str, list[str]]:
    """Organisations that wrote registered documents, with the kinds of those documents."""
    vocabulary = load_vocabulary()
    found: dict[str, list[str]] = {}
    for document in load_documents():
        publisher = fold(document.publisher or "")
        for organisation in vocabulary.organisations:
            if any(publisher.startswith(fold(form)) for form in organisation.forms() if form):
                found.setdefault(organisation.id, []).append(document.kind)
    return found


def owned(name: str, question: str) -> bool:
    """Whether the question names the name as the owner of work ("Cordaid's report", "werk
    van Cordaid", "het SOMO-onderzoek")."""
    return _possessive(fold(name), fold(question))


def _possessive(form: str, folded: str) -> bool:
    name = re.escape(form)
    return any(re.search(pattern.format(name=name), folded) for pattern in POSSESSIVE)


@cache
def generic_sector_words() -> frozenset[str]:
    # determiners, quantifiers and ordinals: "per sector", "the first sector", "elke branche"
    return frozenset(
        [
            "welke", "which", "what", "elke", "every", "each", "andere", "other", "die", "deze",
            "this", "that", "the", "een", "hele", "whole", "risico", "risk", "mvo", "csr", "imvo",
            "private", "publieke", "public", "financiele", "financial", "per", "first", "second",
            "third", "eerste", "tweede", "derde", "laatste", "last", "next", "volgende", "same",
            "zelfde", "eigen", "own", "bepaalde", "certain", "specifieke", "specific",
            "betreffende", "relevante", "relevant", "gehele", "entire", "hun", "their", "onze",
            "our", "uw", "your", "deze", "deze",
        ]
    )
