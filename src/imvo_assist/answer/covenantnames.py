"""A covenant named in a question by its subject ("het cosmeticaconvenant", "the toy industry
covenant", "convenant steenkool"), not covenants in general ("elk convenant")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from imvo_assist.answer.entities import SECTOR_WORD, generic_sector_words
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.text.analysis import stopwords
from imvo_assist.text.documentwords import COVENANT_WORDS
from imvo_assist.text.framing import is_framing_word
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.lexicon import load_lexicon
from imvo_assist.text.morphology import dutch_infinitive, is_verb_form
from imvo_assist.text.wordlist import zipf

COVENANT = lazy_compile(
    r"\b(\w{3,}?)-?(convenant|convenanten)\b|\b([a-z]{3,}(?: [a-z]{3,}){0,2}) (covenant|agreement)\b"
    r"|\b(covenant|agreement|convenant) (for|on|voor|over|van|of|met|with) (?:the |de |het )?([a-z]{3,}(?: [a-z]{3,})?)"
)
# "afspraken (gemaakt) met de chemiesector", "agreements made with the banks"
AGREED_WITH = lazy_compile(
    r"\b(afspraken|afspraak|agreements?)\b(?: [a-z]+){0,4}? (met|with) (?:de |het |the )?([a-z]{3,}(?: [a-z]{3,})?)")
# "het convenant van de chemiesector", "met de energiebedrijven": "van"/"of"/"met"/"with" name a
# covenant only by its sector, not its parties or term ("het convenant van de partijen", "a
# covenant of five years", "met instemming van").
OF = frozenset({"van", "of", "met", "with"})
# "Convenant X" without article names a covenant by its title ("Convenant Duurzame Kleding",
# "convenant steenkool"); "het convenant bevat", "een convenant gewijzigd" use the word itself.
BARE_COVENANT = lazy_compile(r"(?:^|(?<=[\s-]))convenant ([a-z]{3,})\b")
DETERMINER_BEFORE = lazy_compile(r"\b(het|de|dit|dat|een|elk|ieder|welk|zo'n|ons|jullie|uw|hun)\s*$")
# A determiner or "of" after a verb form opens its object: "for recording the agreements",
# "voor het verbeteren van lonen".
ACTIVITY_OBJECT = frozenset({"the", "a", "an", "its", "their", "our", "of", "de", "het", "een", "hun", "onze", "van"})
# Above this frequency a word is a function word or adverb ("volgens", "precies"), no subject.
TITLE_WORD_MAX_ZIPF = 5.0
# A definite article before "convenant over X" points to a covenant the asker has in mind.
DEFINITE = lazy_compile(r"\b(het|de|dit|the|this)\s*$")
GENERIC_COVENANT = frozenset(
    [
        "imvo", "irbc", "het", "dit", "dat", "een", "the", "this", "that", "an", "a", "elk",
        "ieder", "each", "every", "dit", "nieuw", "nieuwe", "new", "eerste", "first", "sector",
        "sectoral", "sectorale", "effectieve", "effective", "such", "zo'n", "welk", "which", "what",
        # every covenant of the domain is Dutch and about international business conduct
        "dutch", "nederlands", "nederlandse", "international", "internationaal", "internationale",
        # "the IRBC covenant agreement for ...": a covenant word is no covenant's subject
        *COVENANT_WORDS,
    ]
)


def named_covenant(folded: str) -> tuple[str, str]:
    """A covenant the question names by its subject: ("cosmetica", "cosmeticaconvenant") for
    "het cosmeticaconvenant", ("toy industry", ...) for "the toy industry covenant"; ("", "")
    when the question names none or only covenants in general."""
    for match in _overlapping(COVENANT, folded):  # "the imvo covenant for the banking sector"
        after = match.group(7)
        subject = match.group(1) or match.group(3) or after or ""
        words = _subject_words(subject.split(), after=bool(after))
        if after and _activity(after):
            continue  # "a covenant for recording the agreements": what it is for, not its subject
        if after and (_at_hand(folded[: match.start()]) or match.group(6) in OF) and not (
                words and _is_sector(" ".join(words))):
            continue  # "in het convenant over X", "citaat convenant over X": the covenant at hand
        if words:  # `_subject_words` keeps no determiner or generic word; nor does the name written
            written = match.group(0)  # "convenant voor de sierteelt", not "... sierteelt over"
            if after and after.split()[-1] not in {*words, *GENERIC_COVENANT}:
                written = written[: written.rfind(" ")]
            return " ".join(words), written if after else written[max(written.find(words[0]), 0):]
    agreed = _agreed_with(folded)
    return agreed if agreed[0] else _titled_covenant(folded)


def _activity(after: str) -> bool:
    """Whether the words after "covenant for/on" are an activity with its object ("recording the
    agreements", "het verbeteren van lonen"), not a subject ("mining", "the banking sector")."""
    words = after.split()
    return (len(words) == 2 and words[1] in ACTIVITY_OBJECT and not _is_sector(words[0])
            and (is_verb_form(words[0], "en") or is_verb_form(words[0], "nl")))


def _at_hand(before: str) -> bool:
    """Whether the words before "convenant over X" point to a covenant the asker has in mind: a
    definite article ("het convenant over"), or a request typed without one ("citaat convenant
    over", "quote covenant on")."""
    words = before.split()
    return bool(DEFINITE.search(before)) or bool(words) and is_framing_word(words[-1])


def _agreed_with(folded: str) -> tuple[str, str]:
    """The covenant of a sector named as the party agreements were made with ("welke afspraken
    heeft het kabinet gemaakt met de chemiesector?", "agreements with the banks"): agreements
    with a sector are its covenant; not with anyone else ("afspraken met bedrijven")."""
    for match in AGREED_WITH.finditer(folded):
        words = _subject_words(match.group(3).split(), after=True)
        if words and _is_sector(match.group(3)):  # "de chemische sector"
            named = match.group(3).split()
            named = named[:-1] if named[-1] in stopwords() else named  # "mijnbouwsector over"
            lead = "convenant met de" if match.group(1).startswith("afspra") else "covenant with the"
            return " ".join(words), f"{lead} {' '.join(named)}"
    return "", ""


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of a pattern, each search starting one character after the last match
    began: a covenant word may end one match ("the imvo covenant") and open the next
    ("covenant for the banking sector")."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        yield match
        position = match.start() + 1


def _subject_words(words: list[str], after: bool = False) -> list[str]:
    """The words that name a covenant's subject: before "covenant" those after the last
    function, framing or determining word ("the toy industry covenant": toy industry; "must
    every covenant": none); after it ("het convenant over de bouwsector over ...") those up to
    the first."""
    subject: list[str] = []
    for word in words:
        if after and subject and (is_verb_form(word, "nl") or is_verb_form(word, "en")):
            break  # "het convenant met de energiebedrijven getekend": not "getekend"
        if (word in stopwords() or is_framing_word(word) or word in generic_sector_words()
                or word in _question_words()):  # "which ongoing covenant talks": no subject
            if after and subject:
                break
            subject = []  # a determiner opens the covenant's own words
        elif word not in GENERIC_COVENANT:  # "the dutch banking agreement": banking
            subject.append(word)
    return subject


@cache
def _question_words() -> frozenset[str]:
    """Words the lexicon gives for asking ("ongoing", "current", "voluntary"), never a subject."""
    return load_lexicon().domain_terms("question")


def _is_sector(words: str) -> bool:
    """Whether the words name a sector, as such or by a word of it ("de bouwsector", "the banking
    industry", "duurzame bosbouw", "katoen"): "het convenant over de bouwsector" is that sector's
    covenant (for "katoen" the textile covenant), "het convenant over kinderarbeid" the covenant
    at hand, asked about child labour."""
    return bool(SECTOR_WORD.search(words) or default_tagger().tag(words).sectors)


def _titled_covenant(folded: str) -> tuple[str, str]:
    """A covenant named in title order, "convenant steenkool": the word after a bare "convenant"
    when a content noun (no function, verb or framing word, nor a numbered part: "art 8")."""
    for match in BARE_COVENANT.finditer(folded):
        word = match.group(1)
        if (DETERMINER_BEFORE.search(folded[: match.start()]) or word in GENERIC_COVENANT
                or word in stopwords() or word in generic_sector_words() or is_framing_word(word)
                or is_verb_form(word, "nl") or dutch_infinitive(word)
                or zipf(word, "nl") > TITLE_WORD_MAX_ZIPF or folded[match.end():].lstrip(". ")[:1].isdigit()):
            continue
        return word, match.group(0)
    return "", ""
