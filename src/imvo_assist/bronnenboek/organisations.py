"""Organisation spellings in a register mapped to one organisation id each.

Exact names, abbreviations and aliases of the vocabulary come first; fuzzy matching (rapidfuzz,
via `Vocabulary.match_organisation`) catches typos ("Oxfam Noviib"). A fuzzy match is accepted
only when the short words agree exactly, so "FNV Internationaal" never becomes CNV and "Mondiaal
CNV" never becomes FNV. Names the vocabulary does not know stay organisations of their own.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from imvo_assist.catalogue.vocabulary import Organisation, Vocabulary
from imvo_assist.collection.scan import slugify
from imvo_assist.text.fold import fold

# Words this short (acronyms, "voor", "of") must be identical in a fuzzy match.
SHORT_WORD = 4
FUZZY_THRESHOLD = 88.0
_PREFIXES = ("stichting ", "vereniging ", "foundation ")


def organisation_key(name: str) -> str:
    """The comparison form of a name: folded, without a leading "Stichting"/"Vereniging"."""
    key = fold(name)
    for prefix in _PREFIXES:
        key = key.removeprefix(prefix)
    return key


def compatible(a: str, b: str) -> bool:
    """True when two comparison forms have the same short words (acronyms, small words)."""

    def short(key: str) -> set[str]:
        return {word for word in key.split() if len(word) <= SHORT_WORD}

    return short(a) == short(b)


def normalise_organisation(
    spelling: str, vocabulary: Vocabulary, threshold: float = FUZZY_THRESHOLD
) -> tuple[str, str, bool]:
    """The organisation a printed name stands for.

    Args:
        spelling: the name as printed ("Stichting Schone Kleren Campagne", "SKC").
        vocabulary: the vocabulary with organisation names, abbreviations and aliases.
        threshold: the lowest rapidfuzz score (0-100) for a fuzzy match.

    Returns:
        (organisation id, display name, matched). Unmatched names get a slug of the name
        (without "Stichting") as id and the printed name as display name.
    """
    printed = " ".join(spelling.split())
    found = vocabulary.match_organisation(printed, threshold)
    if found and (found[1] >= 100.0 or _fuzzy_ok(printed, found[0])):
        return found[0].id, found[0].name_nl, True
    slug = slugify(organisation_key(printed))
    if any(org.id == slug for org in vocabulary.organisations):  # never borrow a known id
        slug = f"{slug}-register"
    return slug, printed, False


def closest_spelling(
    query: str, spellings: list[str], threshold: float = FUZZY_THRESHOLD
) -> str | None:
    """The spelling that names the same organisation as `query` (typos allowed), if any."""
    key = organisation_key(query)
    keys = {organisation_key(s): s for s in spellings}
    if key in keys:
        return keys[key]
    best = process.extractOne(key, list(keys), scorer=fuzz.token_sort_ratio, score_cutoff=threshold)
    return keys[best[0]] if best and len(key) >= 6 and compatible(key, best[0]) else None


def _fuzzy_ok(printed: str, organisation: Organisation) -> bool:
    """Whether a fuzzy match keeps the short words of the closest form of the organisation."""
    key = organisation_key(printed)
    forms = [organisation_key(form) for form in organisation.forms()]
    closest = max(forms, key=lambda form: fuzz.token_sort_ratio(key, form))
    return compatible(key, closest)
