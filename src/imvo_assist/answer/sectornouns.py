"""Sector nouns of a question ("de speelgoedsector", "the building sector"): one of the 13 or not.

A sector noun outside the 13 ("toerismesector") makes a sector question unanswerable by name;
one of the 13 may be named in translation ("building sector": bouw) or by its first part. A
sector noun the indexed documents use ("bedrijfssectoren") is what they speak of, not unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from imvo_assist.answer.entities import LEADING, SECTOR_WORD, generic_sector_words, phrasing_name
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.catalogue.vocabulary import Sector
from imvo_assist.text.analysis import stopwords
from imvo_assist.text.fold import fold
from imvo_assist.text.lexicon import load_lexicon

# Sectors a verb of trading names ("importeren", "verkopen"): the asker's trade, not a subject.
TRADE_SECTORS = frozenset({"groothandel", "detailhandel"})
# What follows a sector's word in a verb made of it ("import|eren"), not in a compound noun.
VERB_ENDINGS = frozenset({"eren", "eert", "erde", "erden"})
# Subject pronouns before a verb of the same form as a sector's noun ("we import"), maybe
# with an adverb between ("we also import", "wij verkopen ook").
SUBJECTS = frozenset({"we", "i", "they", "you", "wij", "ik", "ze", "zij", "jullie"})
ADVERBS = frozenset({"also", "mainly", "mostly", "only", "still", "ook", "vooral", "alleen",
                     "voornamelijk", "nog", "zelf"})


def sector_nouns(folded: str, known: Callable[[str], bool] | None = None) -> tuple[str, bool]:
    """The first sector noun of the question that is not one of the 13 ("toerismesector") nor a
    word of the indexed documents (`known`), or ""; and whether a sector noun names one of the
    13 ("textielsector", "the metal industry")."""
    unknown, names_known = "", False
    for match in SECTOR_WORD.finditer(folded):
        stem = match.group(1) or match.group(3) or match.group(5)
        if stem and _known_sector(stem, match.group(0)):
            names_known = True  # "de financiële sector" too
        elif (not unknown and stem and stem not in LEADING and stem not in generic_sector_words()
              and stem not in stopwords() and not (match.group(5) and phrasing_name(stem))
              and not (known and known(match.group(0)))):
            unknown = match.group(0)
    return unknown, names_known


def _known_sector(stem: str, noun: str) -> bool:
    """Whether a sector noun ("bouwsector") or its first part, as written or translated
    ("building sector": bouw), is one of the 13."""
    vocabulary = load_vocabulary()
    lexicon = load_lexicon()
    said = [stem, *lexicon.either_way(stem)]
    return bool(vocabulary.match_sector(noun) or any(
        vocabulary.match_sector(word) or default_tagger().tag(word).sectors for word in said))


def with_unknown_sector(
    sectors: tuple[Sector, ...], folded: str, known: Callable[[str], bool] | None = None,
) -> tuple[tuple[Sector, ...], str]:
    """The sectors of a question and the sector noun outside the 13 it names (or ""): such a
    noun ("voor de speelgoedsector") sets aside the trade sectors the asker's verbs name ("wij
    importeren", "we sell": wholesale, retail), unless a sector noun of the 13 stands beside
    it; a product's sector stays ("we make cheese ... the dairy sector"), and beside a product's
    sector a trade sector only the asker's verbs name is set aside ("wij importeren cacaobonen":
    food, not wholesale)."""
    unknown, names_known = sector_nouns(folded, known)
    if unknown and all(s.id in TRADE_SECTORS for s in sectors) and not names_known:
        return (), unknown
    if any(s.id not in TRADE_SECTORS for s in sectors):  # "wij importeren cacaobonen": food
        sectors = tuple(s for s in sectors if s.id not in TRADE_SECTORS or _named_as_itself(s, folded))
    return sectors, "" if sectors else unknown


def _named_as_itself(sector: Sector, folded: str) -> bool:
    """Whether the question names a trade sector by a noun of its own ("groothandel",
    "importeur", "supermarktketen", "a chain of clothing stores"), not only by the asker's trade
    verb ("importeren", "we sell", "we import"): a form as a word not after a subject, or
    opening a compound."""
    return any(any(not _after_subject(folded, found.start()) for found in word.finditer(folded))
               or any(rest not in VERB_ENDINGS for rest in opening.findall(folded))
               for word, opening in _noun_patterns(sector))


def _after_subject(folded: str, start: int) -> bool:
    """Whether a word follows a subject pronoun, maybe past an adverb ("we import", "we also
    sell"): a verb, not the noun of the same form ("we are wholesalers" keeps the noun)."""
    before = folded[:start].split()[-2:]
    return bool(before) and (before[-1] in SUBJECTS or (
        len(before) == 2 and before[0] in SUBJECTS and before[1] in ADVERBS))


@cache
def _noun_patterns(sector: Sector) -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """For each folded form of a sector (and its singular: "retailer"), the form as a word and
    the form opening a longer word (capturing the rest)."""
    forms = {fold(form) for form in sector.forms()}
    return tuple((re.compile(rf"\b{re.escape(form)}\b"), re.compile(rf"\b{re.escape(form)}(\w{{4,}})"))
                 for form in sorted(forms | {form[:-1] for form in forms if form.endswith("s")}))
