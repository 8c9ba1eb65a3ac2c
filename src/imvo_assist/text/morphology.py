"""Verb forms, told apart from nouns by regular inflection, the word lists and word order.

A question's verbs ("vereisen", "gesteld", "criticised") say what happens, in words a document
often says otherwise ("vereist", "kritisch"); its nouns name what it is about. Only nouns are
key content whose absence from the corpus makes a question unanswerable.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from itertools import pairwise

from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.wordlist import zipf

KNOWN = 2.0
# An English -ed/-ing form at least this frequent makes its base a verb.
INFLECTED = 3.0
WH_WORDS = frozenset(["wat", "wie", "waar", "wanneer", "waarom", "hoe", "hoeveel", "welke", "welk"])
DETERMINERS = frozenset(["welke", "welk", "hoeveel"])
PARTICIPLE = lazy_compile(r"^(?P<prefix>[a-z]{0,4}?)ge(?P<stem>[a-z]{3,}?)[dt]$")
DOUBLE = lazy_compile(r"([b-df-hj-np-tv-z])\1$")
# Dutch pronominal adverbs: "er", "daar", "hier" or "waar" with a preposition ("daarop",
# "hiervoor", "waarmee"), pronouns that stand for something said before, never a topic.
PRONOMINAL_ADVERB = lazy_compile(
    r"^(er|daar|hier|waar)(aan|achter|af|bij|binnen|boven|buiten|door|heen|in|langs|mee|na|naar|"
    r"naast|om|omheen|omtrent|onder|op|over|rond|tegen|toe|tussen|uit|van|vanaf|vandaan|voor|zonder)$"
)


def is_pronominal_adverb(word: str) -> bool:
    """Whether a folded word is a Dutch pronominal adverb ("daarop", "hierover", "ervan")."""
    return bool(PRONOMINAL_ADVERB.match(word))


def is_english_adverb(word: str) -> bool:
    """Whether a word is an English adverb in -ly of a common adjective ("genuinely":
    genuine, "easily": easy, "notably": notable): how something is said, never a topic."""
    if len(word) < MIN_ADVERB or not word.endswith("ly"):
        return False
    stem = word[:-2]
    if word.endswith(("ably", "ibly")):
        bases = [stem + "le"]  # "notably", "responsibly"
    elif stem.endswith("i"):
        bases = [stem[:-1] + "y"]  # "easily"
    else:
        bases = [stem, stem + "e"]  # "genuinely", "jointly"
    return any(zipf(base, "en") >= INFLECTED for base in bases)


@lru_cache(maxsize=4096)
def is_verb_form(word: str, language: str) -> bool:
    """Whether a word is a regular verb form: English -ed/-ing, Dutch -en with a -t/-d form
    ("vereisen": "vereist", "blijven": "blijft"), a Dutch past participle ("gesteld",
    "opgebouwd"), a Dutch present form in -t of a common verb ("baseert": baseren), a weak
    past plural ("klaagden"), or one of these behind a separable particle ("achterblijven")."""
    if language == "en":
        return _english_verb(word)
    return _dutch_verb(word)


def english_verb_stem(word: str) -> bool:
    """Whether an English word inflects as a verb: its -ed or -ing form is a common word
    ("deploy": deployed, "treat": treated; "report" too, so only used in a verb's place)."""
    stem = word.removesuffix("e")
    forms = (word + "d" if word.endswith("e") else word + "ed", stem + "ing", word + word[-1] + "ed")
    return any(zipf(form, "en") >= INFLECTED for form in forms)


def _english_verb(word: str) -> bool:
    if len(word) >= 6 and word.endswith("ed"):
        return any(zipf(base, "en") >= KNOWN for base in (word[:-1], word[:-2], word[:-3]))
    if len(word) >= 6 and word.endswith("ing"):
        return any(zipf(base, "en") >= KNOWN for base in (word[:-3], word[:-3] + "e"))
    return False


def _dutch_verb(word: str) -> bool:
    """A regular Dutch verb form, or one behind a separable particle ("achterblijven",
    "doorgelicht", "eruitzien")."""
    if _dutch_verb_form(word, 6):
        return True
    return any(word.startswith(particle) and _dutch_verb_form(word[len(particle):], 4, whole=False)
               and (not word.endswith("en") or _more_verb_than_noun(word))  # "aandelen": aandeel
               for particle in SEPARABLE_PARTICLES)


def _more_verb_than_noun(word: str) -> bool:
    """Whether an -en word is a verb rather than a plural noun: its third-person forms are
    more common than its singular ("blijven": blijft, not blijf), or it has no singular of its
    own ("aanleveren"); not "prijzen" (prijs) or "aandelen" (aandeel)."""
    stem, changed, doubled = _stems(word)
    singular = max(zipf(form, "nl") for form in (stem, changed, doubled))
    third = max(zipf(form + "t", "nl") for form in (stem, changed, doubled, word[:-1]))
    return singular < KNOWN or third > singular  # "aanleveren": no "aanlever" of its own


def _stems(word: str) -> tuple[str, str, str]:
    """The stem of an -en word as written ("blijv"), after the sound change ("blijf") and with
    a long vowel doubled ("maken": "maak")."""
    stem = DOUBLE.sub(r"\1", word[:-2])
    changed = stem[:-1] + DEVOICED.get(stem[-1:], stem[-1:])
    doubled = changed[:-1] + changed[-2] + changed[-1] if OPEN_SYLLABLE.search(changed) else changed
    return stem, changed, doubled


def present_tense(word: str) -> tuple[str, ...]:
    """The present-tense forms a Dutch infinitive may have, from its stems as written, after the
    sound change and with the long vowel an open syllable spells doubled ("verkopen": verkop,
    verkoop, verkoopt; "zetten": zet)."""
    if not word.isalpha() or not word.endswith("en") or len(word) < 6:
        return ()
    _, changed, doubled = _stems(word)
    stems = (changed,) if DOUBLE.search(word[:-2]) else (changed, doubled)
    forms = (form for stem in stems for form in (stem, stem if stem.endswith("t") else f"{stem}t"))
    return tuple(dict.fromkeys(forms))


@cache
def past_participles(word: str) -> tuple[str, ...]:
    """The regular past participles a Dutch infinitive may have, made with "ge" (after a
    separable particle: "uitvoeren": uitgevoerd) and without it (an inseparable prefix takes
    none: "ondertekenen": ondertekend), kept when the Dutch word list holds them ("publiceren":
    gepubliceerd; "maken": gemaakt, and "maakt", its present tense, also a form of the verb).
    A strong verb's participle ("sluiten": gesloten) no rule makes."""
    if not word.isalpha() or not word.endswith("en") or len(word) < 5:
        return ()
    splits = [("", word)] + [(p, word[len(p):]) for p in SEPARABLE_PARTICLES
                             if word.startswith(p) and len(word) - len(p) >= 4]
    found = []
    for particle, verb in splits:
        stem, changed, doubled = _stems(verb)
        ending = "" if changed[-1:] in "td" else "t" if stem[-1:] in KOFSCHIP or stem.endswith("ch") else "d"
        for base in dict.fromkeys((changed, doubled)):
            found += [f"{particle}ge{base}{ending}", f"{particle}{base}{ending}"]
    return tuple(f for f in dict.fromkeys(found) if f != word and zipf(f, "nl") >= KNOWN)


def _dutch_verb_form(word: str, shortest: int, whole: bool = True) -> bool:
    """A regular verb form; `whole`: the word as asked (else the rest after a particle, whose
    noun test is made on the whole word: "uit|besteden" though "besteed" is a word)."""
    if len(word) >= shortest and word.endswith("en") and _infinitive(word, noun_test=whole):
        return True
    participle = PARTICIPLE.match(word)
    if participle and zipf(word, "nl") > 0:
        stem = participle.group("stem")
        full = stem + word[-1]  # "ge|licht": the stem ends in the t
        return any(zipf(form, "nl") >= KNOWN for form in (stem + "en", stem + stem[-1] + "en", full + "en"))
    if len(word) >= shortest and word.endswith("t") and not participle:  # "baseert", "beoordeelt"
        infinitive = dutch_infinitive(word)
        return bool(infinitive) and zipf(infinitive, "nl") >= INFLECTED
    return len(word) >= 7 and _weak_past_plural(word)


def _infinitive(word: str, strict: bool = False, noun_test: bool = True) -> bool:
    """Whether an -en word is an infinitive by its third-person form: "werken" ("werkt"), or
    through a sound change, then common and more common than the noun of the same stem
    ("blijven": "blijft"; "bedrijven" is no "bedrijft", "prijzen" no "prijst"); `strict`: by a
    common -t form only."""
    stem, changed, doubled = _stems(word)
    plain = (stem + "t",) if strict else (stem + "t", stem + "d")
    if any(zipf(form, "nl") >= (INFLECTED if strict else KNOWN) for form in plain):
        return True
    forms = [changed + "t", doubled + "t"]
    if word[-3:-2] in ("a", "e", "i", "o"):  # "(toe)zien", "(mee)doen", "(na)gaan"
        forms.append(word[:-1] + "t")
    return any(zipf(form, "nl") >= INFLECTED for form in forms if form != stem + "t") and (
        not noun_test or _more_verb_than_noun(word))


def _weak_past_plural(word: str) -> bool:
    """A weak verb's past plural ("klaagden", "werkten"): stem with -den, or -ten after a
    voiceless sound ('t kofschip), its infinitive clearly more common than the form itself
    (a plural noun such as "handen" is no past of "hanen") and an infinitive by its
    third-person form ("waarden" is no past of "waren")."""
    stem, ending = word[:-3], word[-3:]
    if ending not in ("den", "ten") or (ending == "ten") != (stem[-1:] in KOFSCHIP or stem.endswith("ch")):
        return False
    infinitives = (stem + "en", UNDOUBLE.sub(r"\1\2", stem) + "en", stem + stem[-1:] + "en")
    return any(zipf(i, "nl") >= INFLECTED and zipf(i, "nl") >= zipf(word, "nl") + PAST_MARGIN
               and _infinitive(i, strict=True) for i in infinitives if i != word)


UNDOUBLE = lazy_compile(r"([aeou])\1([b-df-hj-np-tv-z])$")
# A stem whose last vowel, single between consonants, is long in the infinitive ("maken").
OPEN_SYLLABLE = lazy_compile(r"(^|[b-df-hj-np-tv-z])[aeou][b-df-hj-np-tv-z]$")
# A stem's last consonant as written at a word's end ("blijv|en": blijf, "lez|en": lees).
DEVOICED = {"v": "f", "z": "s"}
# 't kofschip: the past of a stem ending in one of these takes -te(n), else -de(n).
KOFSCHIP = frozenset("tkfsp")
# The shortest English adverb in -ly read as one ("only", "early" are words of their own).
MIN_ADVERB = 7
# A past form is less common than its infinitive by at least this much (zipf).
PAST_MARGIN = 0.5
# Dutch separable particles, which may open a verb ("achter|blijven", "door|gelicht").
SEPARABLE_PARTICLES = tuple(sorted(
    ["aan", "af", "achter", "bij", "binnen", "buiten", "door", "in", "mee", "na", "neer", "om",
     "onder", "op", "over", "rond", "samen", "tegen", "terug", "toe", "uit", "voor", "voorbij",
     "weg", "weer", "eruit", "erop", "eraan", "erin", "erbij", "erdoor", "erover"],
    key=len, reverse=True))


def dutch_infinitive(word: str) -> str:
    """The infinitive of a Dutch participle or third-person form ("gewijzigd" -> "wijzigen",
    "ondertekend" -> "ondertekenen", "beoordeelt" -> "beoordelen", "gemaakt" -> "maken"), so
    the verb finds its noun ("wijzigingen"); "" when no known infinitive fits."""
    if len(word) < 5 or word[-1] not in "dt":
        return ""
    participle = PARTICIPLE.match(word)
    bases = [word[:-1]]
    if participle:
        bases.insert(0, participle.group("prefix") + participle.group("stem"))
    candidates = []
    for base in bases:
        candidates += [base + "en", UNDOUBLE.sub(r"\1\2", base) + "en", base + base[-1] + "en"]
    known = [(zipf(c, "nl"), c) for c in dict.fromkeys(candidates) if c != word]
    best = max(known, default=(0.0, ""))
    return best[1] if best[0] >= KNOWN else ""


def english_bases(word: str) -> list[str]:
    """The bases a regular English verb form may have, the likeliest first ("signed" -> signe,
    sign; "sued" -> sue; "stopped" -> stop; "relied" -> rely; "making" -> make, mak; "joins" ->
    join), each a common word that inflects as a verb; none for a word that is no such form
    ("feed", "news", "status"). Which one is meant, a lexicon tells."""
    return [base for base in _english_bases(word)
            if len(base) >= 3 and zipf(base, "en") >= KNOWN and english_verb_stem(base)]


def _english_bases(word: str) -> list[str]:
    """The spellings a regular English verb form's base may have, the likeliest first."""
    doubled = len(word) > 5 and word[-3] == word[-4] and word[-3] not in "aeiouls"
    if word.endswith("ied") and len(word) > 4:
        return [word[:-3] + "y"]
    if word.endswith("ed") and not word.endswith("eed") and len(word) >= 4:
        return [word[:-3]] if doubled else [word[:-1], word[:-2]]  # stopped; sued, signed
    if word.endswith("ing") and len(word) > 5:
        return [word[:-4]] if len(word) > 6 and word[-4] == word[-5] else [word[:-3] + "e", word[:-3]]
    if word.endswith("es") and word[-3:-2] in ("s", "x", "z", "h"):
        return [word[:-2]]  # reaches
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return [word[:-1]]
    return []


def finite_verb(words: list[str]) -> str:
    """The finite verb of a Dutch question by its place: right after the question word ("Wat
    beveelt ..."), or after "welke" with its adjectives and noun ("Welke landen bezocht de
    minister?", "Welke eerdere stukken noemt ..."); "" when the place holds no word."""
    for index, word in enumerate(words):
        if word not in WH_WORDS:
            continue
        position = index + 1
        if word in DETERMINERS:
            while position < len(words) and words[position].endswith("e") and len(words) > position + 1:
                position += 1  # adjectives: "eerdere", "belangrijkste"
            position += 1  # the noun
        return words[position] if position < len(words) else ""
    return ""


ENGLISH_AUXILIARIES = frozenset(
    ["to", "can", "could", "will", "would", "should", "must", "may", "might", "shall", "do",
     "does", "did"]
)


ENGLISH_WH = frozenset(["what", "which", "who", "whom", "where", "when", "why", "how", "often",
                        "much", "many", "long", "soon"])


# The subject between an inverted auxiliary and its verb: "does [the garment covenant] forbid".
MAX_SUBJECT_WORDS = 3
# The question word stands this near an inverted auxiliary ("what does", "how often will"), or up
# to WH_REACH words before it with its noun phrase between ("which abuse on cocoa farms does the
# SRA warn about"), when no verb follows the auxiliary ("which companies will publish": not so).
NEAR_WH = 3
WH_REACH = 6
# A question joined to another by one of these opens anew: "..., or do companies have to ...".
ENGLISH_JOINERS = frozenset(["or", "and", "but", "so"])
# Adverbs between a subject and its verb: "does the covenant just ban it".
ENGLISH_ADVERBS = frozenset(["just", "also", "only", "really", "actually", "still", "even",
                             "ever", "never", "always", "already", "simply", "then"])
ENGLISH_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those", "our", "my",
                                 "its", "their", "your", "his", "her"])


def inverted_verb(words: list[str], is_verb: Callable[[str], bool]) -> str:
    """The verb of an English question that inverts its auxiliary ("Does the garment covenant
    forbid ...", "What does the government deploy ..."): the first word after the subject
    (one to three words) that `is_verb` accepts and that no such word follows (a noun that
    can be a verb, "code", stands before the verb); "" when there is none."""
    for index, word in enumerate(words):
        if word not in ENGLISH_AUXILIARIES or word == "to":
            continue
        next_word = words[index + 1] if index + 1 < len(words) else ""
        near = bool(ENGLISH_WH & set(words[max(0, index - NEAR_WH) : index]))
        far = bool(ENGLISH_SUBJECT_WH & set(words[max(0, index - WH_REACH) : index])) and not (
            next_word and next_word not in ENGLISH_DETERMINERS and is_verb(next_word))
        if index and not (near or far) and words[index - 1] not in ENGLISH_JOINERS:
            continue  # not inverted: "the parties will sign", "which companies will publish"
        start = index + (3 if index + 1 < len(words) and words[index + 1] in ENGLISH_DETERMINERS else 2)
        after = [w for w in words[start:] if w not in ENGLISH_ADVERBS]  # "... just ban it"
        for position, candidate in enumerate(after[: index + 2 + MAX_SUBJECT_WORDS - start]):
            following = after[position + 1 : position + 2]
            if is_verb(candidate) and not (following and is_verb(following[0])):
                return candidate  # "the purchasing code prohibit bribery": not "code"
        return ""
    return ""


def bare_verbs(words: list[str]) -> list[str]:
    """English verbs by their place: right after "to" or a modal ("has to agree", "should
    lead", "can be changed" -> agree, lead; "be" is no content). A modal that opens the
    question or follows its question word stands before the subject ("how often will
    parliament be told", "does amnesty appear"): the word after it is no verb."""
    found = []
    for index, (before, after) in enumerate(pairwise(words)):
        if before not in ENGLISH_AUXILIARIES:
            continue
        inverted = before != "to" and (
            index == 0 or words[index - 1] in ENGLISH_WH or words[index - 1] in ENGLISH_JOINERS)
        if not inverted:
            found.append(after)
    return found


ENGLISH_SUBJECT_WH = frozenset(["which", "what", "who", "whose"])


def subject_question_verbs(words: list[str]) -> list[str]:
    """English verbs in -s after a question word that is the subject ("which source backs the
    claim", "who funds the secretariat", "what report mentions this"): a word right after the
    question word or its noun, followed by a determiner, whose stem inflects as a verb."""
    found = []
    for index, word in enumerate(words):
        if word not in ENGLISH_SUBJECT_WH:
            continue
        for place in (index + 1, index + 2):
            if place + 1 >= len(words) or words[place + 1] not in ENGLISH_DETERMINERS:
                continue
            candidate = words[place]
            if candidate in ENGLISH_AUXILIARIES:
                continue  # "what does the letter say": the verb comes later
            if len(candidate) > 3 and candidate.endswith("s") and any(
                    english_verb_stem(stem) for stem in (candidate[:-1], candidate.removesuffix("es"))):
                found.append(candidate)
    return found
