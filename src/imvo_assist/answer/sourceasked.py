"""The organisation or publication a question asks about as a source, typed in lower case as
people type it ("is human rights watch one of the sources?", "komt clean clothes campaign voor
in het bronnenboek?")."""

from __future__ import annotations

from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.text.analysis import stopwords
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.morphology import is_verb_form

# "is X one of the sources", "komt X voor in het bronnenboek", "was X cited in the source book":
# X asked as a source (not "is X mentioned in the letter": a topic, asked in other words).
# Adverbs between a name and where it is asked about ("staat X ergens in het bronnenboek").
SOURCE_ADVERBS = frozenset({"ergens", "ook", "nog", "wel", "echt", "also", "ever", "really", "actually"})
ADVERB = "(" + "|".join(sorted(SOURCE_ADVERBS)) + ") "
SOURCE_NOUNS = r"(bronnenboek|source book|source register|register|sources|bronnen|bronnenlijst|references)"
SOURCE_ASKED = lazy_compile(
    r"^(is|are|was|were|zit|zitten|staat|staan|komt|komen|wordt|werd)\s+(?P<name>[a-z][a-z&'-]*"
    r"(?: [a-z][a-z&'-]*){1,3}?)\s+(one of the sources|among the (sources|references)|"
    r"een van de bronnen|tussen de bronnen|(" + ADVERB + r")?in (the|het|de) " + SOURCE_NOUNS
    + r"|(" + ADVERB + r")?(cited|quoted|referenced|used|included|mentioned|"
    r"listed|voor|genoemd|gebruikt|geciteerd|opgenomen|meegenomen|vermeld) (in|as|als|among|tussen) "
    r"((the|het|de|a|een) )?" + SOURCE_NOUNS + r")\b"
)
ARTICLES = frozenset({"de", "het", "een", "the", "a", "an"})


def asked_source(folded: str) -> str:
    """The organisation or publication a question asks about as a source, written in lower
    case as people type it ("is human rights watch one of the sources?", "komt clean clothes
    campaign voor in het bronnenboek?"): a name of two to four words, none a function word,
    that the vocabulary does not know; "" when the question names none so."""
    found = SOURCE_ASKED.search(folded)
    if found is None:
        return ""
    words: list[str] = []
    for word in found.group("name").split():  # past an article, up to a possessive, verb or adverb
        if not words and word in ARTICLES:
            continue
        if word in stopwords() or word in SOURCE_ADVERBS or is_verb_form(word, "nl") or is_verb_form(word, "en"):
            break
        words.append(word.removesuffix("'s"))
        if word.endswith("'s"):
            break
    name = " ".join(words)
    return name if len(words) >= 2 and not default_tagger().tag(name).orgs else ""
