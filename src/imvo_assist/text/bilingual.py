"""A question's content mapped word by word and phrase by phrase into the other language.

Each content span of the question becomes a `Concept`: the words as asked, their translations
from the Dutch-English lexicon (longest phrase first: "supply chain" -> keten,
"mensenrechtenschendingen" -> human rights violations), and, for a Dutch compound the index
does not hold, its parts that it does hold (grondstoffenwinning -> grondstoffen + winning). A
concept weighs what it says: rare words (a name, "palmolie") count more than common ones
("werk"), so coverage and not-found decisions rest on the specific words. Translations are
capped by weight (the lexicon lists the most usual translation first), never by position alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from imvo_assist.text.compounds import split_compound
from imvo_assist.text.lexicon import Mapping, load_lexicon, stem_key, words_of
from imvo_assist.text.morphology import DEVOICED, dutch_infinitive, english_bases
from imvo_assist.text.wordlist import zipf

Lang = Literal["nl", "en"]
# Weight of the n-th translation of a span; translations below MIN_WEIGHT are not used.
RANK_WEIGHTS = (1.0, 0.7, 0.5, 0.35)
STEM_FACTOR = 0.8
COMPOUND_FACTOR = 0.7
MIN_WEIGHT = 0.45
# Synonyms in the asked language, through the first translations (round trip).
SYNONYM_FACTOR = 0.5
# Words about questions and documents ("noemen": name, list) have no synonyms worth searching.
META = frozenset({"question", "documents"})
SYNONYM_PIVOTS = 2
MAX_SYNONYMS = 3
# Translations of the single words of a phrase ("complaints" in "complaints mechanism").
WORD_FACTOR = 0.6
WORD_TARGETS = 2
# English words side by side joined into a Dutch compound: the first translations of each, with
# these links between them ("kinder|arbeid", "mensenrecht|en|schendingen", "bedrijf|s|leven").
JOIN_TARGETS = 2
JOIN_LINKS = ("", "s", "en")
# A translation may have this many words more than the span it translates (at least 3).
MAX_TRANSLATION_WORDS = 3
# Specificity from general-language frequency: zipf 6.5+ ("de", "the") -> MIN_SPECIFIC,
# zipf 0 (a name, "imvo") -> MAX_SPECIFIC.
TOP_ZIPF = 6.5
ZIPF_SCALE = 3.0
MIN_SPECIFIC = 0.3
MAX_SPECIFIC = 1.5
# An English word of at least this frequency that the lexicon cannot translate ("treat",
# "forbid", "fires") is a gap of the lexicon, not of the mostly Dutch documents: its absence
# from the index says nothing, so it weighs as little as the commonest words. A rarer one
# ("mica", "cobalt", "whistleblower") is mostly written alike in Dutch and still counts.
UNTRANSLATED_COMMON_ZIPF = 3.5


@dataclass(frozen=True)
class Concept:
    """One content span of a question and the words that say the same in either language."""

    source: str
    """The folded words as asked ("supply chain")."""
    translations: tuple[tuple[str, float], ...] = ()
    """Folded terms in the other language with their weight, best first."""
    word_translations: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """For a phrase: each word with its own translations ("complaints" -> klachten)."""
    parts: tuple[str, ...] = ()
    """Index words a compound of the span splits into (grondstoffen, winning)."""
    how: str = ""
    """How the lexicon matched: exact, stem, compound, or "" when it did not."""
    specificity: float = 1.0
    domains: tuple[str, ...] = ()
    """Lexicon domains of the span (policy, labour, question, documents ...)."""
    parts_of: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Parts of Dutch compounds among the translations, as (translation, parts)."""
    language: Lang = "nl"
    """The language the concept was asked in."""
    synonyms: tuple[str, ...] = ()
    """Words of the asked language that say the same, through the other language
    ("methodiek" -> methodology -> "methodologie")."""

    def terms(self) -> list[tuple[str, float]]:
        """Every search term of the concept with its weight (the words asked weigh 1)."""
        return [(term, weight) for term, weight, _ in self.terms_by_language()]

    def terms_by_language(self) -> list[tuple[str, float, Lang]]:
        """Every search term with its weight and language (compound parts are Dutch)."""
        asked, other = self.language, _other(self.language)
        found = [(self.source, 1.0, asked)] + [(t, w, other) for t, w in self.translations]
        found += [(t, WORD_FACTOR, other) for _, terms in self.word_translations for t in terms]
        found += [(part, COMPOUND_FACTOR, "nl") for part in self.parts]
        found += [(word, SYNONYM_FACTOR, asked) for word in self.synonyms]
        weights = dict(self.translations)
        for term, parts in self.parts_of:
            found += [(part, weights[term] * COMPOUND_FACTOR, "nl") for part in parts]
        return found

    def to_dict(self) -> dict[str, object]:
        """The interpretation of the span: what it was mapped to and how."""
        return {
            "asked": self.source,
            "translations": [term for term, _ in self.translations],
            "word_by_word": {word: list(terms) for word, terms in self.word_translations},
            "parts": list(self.parts),
            "how": self.how or "as asked",
            "domains": list(self.domains),
        }


def interpret(
    words: Sequence[str], content: Callable[[str], bool], language: Lang,
    known: Callable[[str], bool] | None = None,
) -> list[Concept]:
    """The concepts of a question's (folded) words, in question order.

    Args:
        words: the folded words of the question, framing removed, function words kept (they
            belong to phrases: "freedom of association").
        content: whether a word is content (not a function, question or framing word).
        language: the question's language; its words are mapped to the other one.
        known: whether a word occurs in the index (compounds split only into such words).
    """
    mappings = _map(words, language)
    by_start = {m.start: m for m in mappings if any(content(w) for w in words[m.start : m.end])}
    spans: list[tuple[int, int, Concept]] = []  # each concept with the words it spans
    index = 0
    while index < len(words):
        mapping = by_start.get(index)
        if mapping is not None and set(mapping.domains) != {"question"}:
            spans.append((index, mapping.end, _concept(mapping, language, known)))
            index = mapping.end
            continue
        # a question phrase ("welke sectoren" -> "which sectors"): its content words alone
        end = mapping.end if mapping is not None else index + 1
        for position in range(index, end):
            if content(words[position]):
                spans.append((position, position + 1, _single(words[position], language, known)))
        index = end
    if language == "en" and known is not None:
        return _joined(spans, known)
    return [concept for _, _, concept in spans]


def _joined(spans: list[tuple[int, int, Concept]], known: Callable[[str], bool]) -> list[Concept]:
    """English words side by side that Dutch writes as one word ("kids working": kinderarbeid,
    "gold mines": goudmijnen), each pair as one concept when the index holds the joined
    translation; words apart in the question ("kids or working adults") stay apart."""
    found: list[Concept] = []
    index = 0
    while index < len(spans):
        pair = spans[index : index + 2]
        adjacent = len(pair) == 2 and pair[0][1] == pair[1][0]
        joined = _join(pair[0][2], pair[1][2], known) if adjacent else None
        found.append(joined or pair[0][2])
        index += 2 if joined else 1
    return found


def _join(modifier: Concept, head: Concept, known: Callable[[str], bool]) -> Concept | None:
    """The two concepts as one, translated by a Dutch compound of their translations that the
    index holds: the modifier as written or as its plural stem ("kinderen" -> "kinder"), with
    or without a linking "s" or "en", before the head in either number."""
    if " " in modifier.source or " " in head.source or META & {*modifier.domains, *head.domains}:
        return None
    for first, _ in modifier.translations[:JOIN_TARGETS]:
        stems = set(number_forms(first))  # "kinderen" -> "kinder"
        for second, _ in head.translations[:JOIN_TARGETS]:
            for compound in (f"{stem}{link}{form}" for stem in stems for link in JOIN_LINKS
                             for form in number_forms(second)):
                if " " not in compound and known(compound):
                    words = ((modifier.source, tuple(t for t, _ in modifier.translations)),
                             (head.source, tuple(t for t, _ in head.translations)))
                    return Concept(
                        source=f"{modifier.source} {head.source}", translations=((compound, 1.0),),
                        word_translations=words, how="compound",
                        specificity=specificity(compound, "nl"), language="en",
                    )
    return None


def _single(word: str, language: Lang, known: Callable[[str], bool] | None) -> Concept:
    """The concept of one content word; a verb form the lexicon does not hold is read through
    its Dutch infinitive ("gewijzigd" -> wijzigen: amend, and the noun "wijzigingen") or its
    English base ("sued" -> sue: aanklagen)."""
    single = _map([word], language)
    if single:
        return _concept(single[0], language, known)
    infinitive = dutch_infinitive(word) if language == "nl" else ""
    bases = [infinitive] if infinitive else english_bases(word) if language == "en" else []
    through = next((mapped[0] for base in bases if (mapped := _map([base], language))), None)
    if through:
        concept = _concept(through, language, known)
        dutch = (infinitive,) if infinitive else ()  # an English base is no Dutch part
        return replace(concept, source=word, parts=(*concept.parts, *dutch),
                       specificity=specificity(word, language))
    parts = _parts(word, known) + ((infinitive,) if infinitive else ())
    weight = specificity(word, language)
    if language == "en" and max(zipf(f, "en") for f in number_forms(word)) >= UNTRANSLATED_COMMON_ZIPF:
        weight = MIN_SPECIFIC
    return Concept(word, parts=parts, specificity=weight, language=language)


def _other(language: Lang) -> Lang:
    return "en" if language == "nl" else "nl"


def _map(words: Sequence[str], language: Lang) -> list[Mapping]:
    lexicon = load_lexicon()
    return lexicon.to_dutch(words) if language == "en" else lexicon.to_english(words)


def _concept(mapping: Mapping, language: Lang, known: Callable[[str], bool] | None) -> Concept:
    source = " ".join(words_of(" ".join(mapping.source)))
    factor = {"stem": STEM_FACTOR, "compound": COMPOUND_FACTOR}.get(mapping.how, 1.0)
    translations: list[tuple[str, float]] = []
    for rank, target in enumerate(mapping.targets[: len(RANK_WEIGHTS)]):
        weight = RANK_WEIGHTS[rank] * factor
        term = " ".join(words_of(target))
        longest = max(MAX_TRANSLATION_WORDS, len(source.split()) + 1)
        if weight >= MIN_WEIGHT and term != source and len(term.split()) <= longest:
            translations.append((term, round(weight, 2)))
    words: list[tuple[str, tuple[str, ...]]] = []
    if len(mapping.source) > 1:  # word by word too: "complaints mechanism" -> klachten
        for word in words_of(" ".join(mapping.source)):
            single = _map([word], language)[:1]
            targets = single[0].targets[:WORD_TARGETS] if single and set(single[0].domains) != {"question"} else ()
            words.append((word, tuple(" ".join(words_of(t)) for t in targets)))
    target_language: Lang = "nl" if language == "en" else "en"
    parts_of: tuple[tuple[str, tuple[str, ...]], ...] = ()
    if target_language == "nl":
        parts_of = tuple((t, p) for t, _ in translations if " " not in t and (p := _parts(t, known)))
    parts = _parts(source, known) if language == "nl" and " " not in source else ()
    return Concept(
        source, tuple(translations), tuple(words), parts, mapping.how,
        specificity(source, language), mapping.domains, parts_of, language,
        _synonyms(source, translations, language) if _has_synonyms(mapping, language) else (),
    )


def _has_synonyms(mapping: Mapping, language: Lang) -> bool:
    """Synonyms are looked up for Dutch topic words: an English word already reaches the Dutch
    documents through its translations (its English synonyms would only re-weigh English text),
    and words about questions and documents ("noemen") have none worth searching."""
    return language == "nl" and bool(set(mapping.domains) - META)


def _synonyms(source: str, translations: list[tuple[str, float]], language: Lang) -> tuple[str, ...]:
    """Words of the asked language reached back through the first translations ("kritiek" ->
    criticism -> "kritisch"), never the word itself."""
    lexicon = load_lexicon()
    other = _other(language)
    found: list[str] = []
    for term, _ in translations[:SYNONYM_PIVOTS]:
        found += [" ".join(words_of(t)) for t in lexicon.translations(term, other)]
    own = {stem_key(form.split(), language) for form in (source, *number_forms(source))}
    return tuple(dict.fromkeys(
        t for t in found if t != source and stem_key(t.split(), language) not in own
        and source not in number_forms(t)
    ))[:MAX_SYNONYMS]


def _parts(word: str, known: Callable[[str], bool] | None) -> tuple[str, ...]:
    """The parts of a Dutch compound that are index words, in any number (a compound the index
    holds is split too: its parts find the passages that say it in two words)."""
    if known is None:
        return ()
    return tuple(split_compound(word, lambda part: any(known(f) for f in _part_forms(part))) or ())


def _part_forms(part: str) -> tuple[str, ...]:
    """A compound part in the forms the index may hold it in: its other number ("schendingen":
    "schending"), its Dutch -en plural ("kledingmerk": "merken")."""
    return (*number_forms(part), *(f for f in inflected_forms(part) if f.endswith("en") and f != part))


def number_forms(word: str) -> tuple[str, ...]:
    """A Dutch word and its likely other number ("schendingen" -> "schending", "ketens" ->
    "keten", "stoffen" -> "stof", "bedrijven" -> "bedrijf", "centrum" -> "centra")."""
    forms = [word]
    if word.endswith("en") and len(word) > 5:
        stem = word[:-2]
        if stem[-1] == stem[-2]:
            stem = stem[:-1]  # stoffen -> stof
        forms += [stem, stem[:-1] + DEVOICED[stem[-1]]] if stem[-1] in DEVOICED else [stem]
    elif word.endswith("s") and len(word) > 4:
        forms.append(word[:-1])
    elif word.endswith("um") and len(word) > 5:
        forms.append(word[:-2] + "a")  # a Latin plural: distributiecentrum -> distributiecentra
    return tuple(forms)


VOICED = {"f": "v", "s": "z"}
SHORT_VOWEL_END = re.compile(r"(?:^|[^aeiou])[aeiou]([bdfgklmnprst])$")


def inflected_forms(word: str) -> tuple[str, ...]:
    """A word, its singular and its likely plurals in either language, for looking it up
    ("missie": missies; "inkoopprijs": inkoopprijzen; "risk": risks; "policy": policies)."""
    if not word.isalpha():
        return number_forms(word)
    plurals = [f"{word}s", f"{word}en", f"{word}es"]
    if word[-1] in VOICED:
        plurals.append(f"{word[:-1]}{VOICED[word[-1]]}en")  # prijs -> prijzen, brief -> brieven
    short = SHORT_VOWEL_END.search(word)
    if short:
        plurals.append(f"{word}{short.group(1)}en")  # a doubled consonant: kat -> katten
    if word.endswith("y") and len(word) > 3:
        plurals.append(f"{word[:-1]}ies")
    if word[-1] in "aiou":
        plurals.append(f"{word}'s")
    return tuple(dict.fromkeys([*number_forms(word), *plurals]))


def specificity(text: str, language: Lang) -> float:
    """How specific a word or phrase is: its rarest word, by general-language frequency."""
    rarest = min((zipf(word.replace("'", ""), language) or zipf(word, language)
                  for word in text.split()), default=0.0)
    value = (TOP_ZIPF - rarest) / ZIPF_SCALE
    return round(min(MAX_SPECIFIC, max(MIN_SPECIFIC, value)), 2)
