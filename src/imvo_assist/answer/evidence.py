"""Evidence: does a passage contain what the question asks about, and which sentences say it.

Each content concept of the question becomes a weighted match group: its words and their Dutch
and English stems, singulars and translations and, for vocabulary terms, the tag id; the parts
of a compound or the words of a phrase count for less. A passage covers a group when any form
is among its own forms or tags; coverage weighs groups by how specific they are, so "palmolie"
counts more than "werk", and the best sentence of a passage (with the form of answer the
question asks for) is measured too. Sentences are split with care for Dutch abbreviations
("nr. 187", "jl.", "E.M.J. Ploumen"). A quote's sentences are chosen one by one for what they
add: each part of the question gets its own sentence before any part gets a second, and a word
few sentences of the passage share weighs more there than one most of them repeat.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from imvo_assist.answer.documentnames import document_name_words
from imvo_assist.answer.entities import speaking_authors
from imvo_assist.answer.quoted import quoted_forms
from imvo_assist.answer.understand import GENERIC, Understanding
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.models import Hit
from imvo_assist.text import analysis
from imvo_assist.text.bilingual import META, Concept, number_forms
from imvo_assist.text.fold import fold, folded_words
from imvo_assist.text.framing import context_sentences
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.morphology import past_participles
from imvo_assist.text.questionforms import agents, answers, counted_noun

MIN_COVERAGE = 0.5
SHORT_PASSAGE_WORDS = 60
ABBREVIATIONS = lazy_compile(
    r"\b(nr|jl|p|pag|blz|art|bijv|bv|o\.a|e\.g|i\.e|vs|ca|zgn|resp|mr|dr|drs|ir|prof)\.$|(?<!')\b[A-Z]\.$",
    re.IGNORECASE,
)
SENTENCE_END = lazy_compile(
    r"(?<=[.!?:])\s+(?=[\"'(«]?[A-Z0-9])|\s+(?=[a-h]\.\s+[A-Z])|(?<=[.!?])\s+(?=\[\d{1,3}\]\s)"
)
# Rows of a table as indexed ("key: value; key: value ..."), each row opening with the first key.
TABLE_RECORD = lazy_compile(r"^(\w+): [^;]{1,200}; \w+: ")
# The head of a register entry ("[54] India Committee of the Netherlands (2014).") belongs to
# the entry's title after it, so that a quoted title never loses its author and year.
ENTRY_HEAD = lazy_compile(r"^\[\d{1,3}\]\s[^\[\]]{2,200}\(\d{4}[a-z]?\)\.$")
CONTINUATION = lazy_compile(r"^(Dit zijn|Dat zijn|Deze zijn|Het gaat om|These are|They are|Namely)\b")
# A reason said by pointing back: "Het kabinet heeft daarom besloten ..." gives its reason in
# the sentence before.
POINTS_BACK = lazy_compile(r"\b(daarom|derhalve|om die reden|therefore|hence|for that reason|that is why)\b")
MIN_LISTED_SECTORS = 2
FORM_WEIGHT = 3
# What a sentence already chosen for a quote says (a concept, a form, the cue) counts for this
# much in the next sentence chosen: a second part of the question before a repetition.
REPEAT_CREDIT = 0.5
# A compound or phrase of the question found only as its parts: all parts / some of them.
ALL_PARTS = 0.9
SOME_PARTS = 0.4
# A word of the heading above a sentence counts for half in that sentence.
HEADING_CREDIT = 0.5
# Verbs ("kennen", "criticised") are said in other words as often as not.
VERB_WEIGHT = 0.5
# A concept only the statements before the question name ("Wij beheren pensioengeld. Wat zegt
# het rapport over onze verantwoordelijkheid?"): context, it weighs less than what is asked.
CONTEXT_WEIGHT = 0.5
# Words about documents and questions (the lexicon's META domains: "hoofdstuk", "page", "quote")
# say where to look, not what about: a register fact's "see chapter Retail, p. 128" is no better
# evidence for them.
DOCUMENT_WORD_WEIGHT = 0.5


@dataclass(frozen=True)
class Group:
    """The forms that show one concept of the question, and how much it weighs; a compound
    also counts (less) when its parts occur ("sectorhoofdstuk": sector ... hoofdstuk)."""

    forms: frozenset[str]
    weight: float = 1.0
    label: str = ""
    parts: tuple[frozenset[str], ...] = ()


def content_groups(understanding: Understanding) -> list[Group]:
    """One weighted match group per content concept of the question."""
    groups = []
    context = _context_words(understanding.question)
    speaking = speaking_authors(understanding.question, understanding.named_kind, understanding.organisations)
    speaking |= document_name_words(understanding)
    counted = counted_noun(fold(understanding.question))  # "hoeveel sectoren": what is counted
    for concept in understanding.concepts:
        generic = concept.source in GENERIC and concept.source != counted
        if generic or concept.source in speaking or set(concept.source.split()) <= speaking:
            continue
        weight = concept.specificity
        if concept.source in understanding.verbs:
            weight *= VERB_WEIGHT  # "kennen", "criticised": said in other words as often as not
        if set(concept.source.split()) <= context:
            weight *= CONTEXT_WEIGHT  # told about the asker, not asked
        if concept.domains and set(concept.domains) <= META:
            weight *= DOCUMENT_WORD_WEIGHT  # "chapter", "pagina": where, not what
        groups.append(Group(_concept_forms(concept), weight, concept.source, _part_forms(concept)))
    for phrase, forms in quoted_forms(understanding):
        groups.append(Group(forms, 2.0, phrase))
    return groups


def _context_words(question: str) -> set[str]:
    """Folded words only the statements before the question use ("Wij beheren pensioengeld.")."""
    told = context_sentences(question)
    if not told:
        return set()
    asked = question
    for sentence in told:
        asked = asked.replace(sentence, " ", 1)
    return set(folded_words(" ".join(told)).split()) - set(folded_words(asked).split())


@lru_cache(maxsize=4096)
def _concept_forms(concept: Concept) -> frozenset[str]:
    """Forms that show the whole concept: a word's forms, a phrase as a phrase."""
    forms: set[str] = set()
    terms = [concept.source, *(t for t, _ in concept.translations), *concept.synonyms]
    for term in terms:
        if " " in term:
            forms.add(term)
        else:
            # a Dutch verb also as its participle ("uitvoeren": "heeft ... uitgevoerd")
            variants = {term, _apostrophe_variant(term), *number_forms(term), *past_participles(term)}
            forms |= frozenset().union(*(_forms(v) for v in variants))
    tags = default_tagger().tag(" ".join(terms))
    forms |= {f"tag:{id}" for id in (*tags.sectors, *tags.risks, *tags.orgs)}
    return frozenset(forms)


def _apostrophe_variant(word: str) -> str:
    """"ngos" <-> "ngo's", "risicos" <-> "risico's": plurals written with and without it."""
    if word.endswith("'s"):
        return word[:-2] + "s"
    return word[:-1] + "'s" if len(word) > 3 and word.endswith("s") else word


@lru_cache(maxsize=4096)
def _part_forms(concept: Concept) -> tuple[frozenset[str], ...]:
    """Forms of the parts of a concept: the words of a phrase (with their translations), or
    the parts of a compound (with the words of a translation as long as it: textiel-convenant,
    textile covenant)."""
    if concept.word_translations:
        return tuple(
            frozenset(_forms(word).union(*(_forms(t) for t in terms)))
            for word, terms in concept.word_translations if word not in analysis.stopwords()
        )
    parts = concept.parts or next((p for _, p in concept.parts_of), ())
    aligned = [t.split() for t, _ in concept.translations if len(t.split()) == len(parts)]
    return tuple(
        frozenset(_forms(part).union(*(_forms(words[i]) for words in aligned)))
        for i, part in enumerate(parts)
    )


def forms_of(text: str) -> frozenset[str]:
    """Exact, Dutch-stemmed and English-stemmed forms of the words of a text."""
    return _forms(text)


@lru_cache(maxsize=1 << 14)
def _forms(text: str) -> frozenset[str]:
    """The terms `exact()`, `dutch()` and `english()` make of a text, from one tokenizing pass
    (`analysis.index_words` and `stemmed`, which the indexer checks agree with the analyzers):
    a fifth of the cost of running the three analyzers, on every candidate passage."""
    lowered, folded = analysis.index_words(text)
    forms = set(folded)
    forms.update(analysis.stemmed(lowered, folded, "nl"))
    forms.update(analysis.stemmed(lowered, folded, "en"))
    forms.discard("")
    return frozenset(forms)


def passage_forms(hit: Hit) -> frozenset[str]:
    """Forms of a passage's words, heading trail and document title, plus its tags."""
    p = hit.passage
    tags = {f"tag:{id}" for id in (*p.sectors, *p.risks, *p.orgs)}
    return _forms(f"{hit.title}\n{p.section}\n{p.text}") | tags


@lru_cache(maxsize=1 << 14)
def folded(text: str) -> str:
    """The folded form of a text (cached: passages are read by several steps)."""
    return fold(text)


def coverage(hit: Hit, groups: list[Group]) -> float:
    """Weighted share of the question's content groups a passage covers (1.0 when none)."""
    if not groups:
        return 1.0
    forms = passage_forms(hit)
    text = folded(f"{hit.title} {hit.passage.section} {hit.passage.text}")
    total = sum(group.weight for group in groups)
    return sum(group.weight * match(group, forms, text) for group in groups) / total


def sentence_coverage(hit: Hit, groups: list[Group], forms: tuple[str, ...] = ()) -> float:
    """The weighted share of the groups (and of the form of answer asked for, weighing as much
    as the heaviest group) its best sentence covers, read under its heading: one sentence that
    says it all answers better than a passage that has the words far apart."""
    if not groups and not forms:
        return 1.0
    form_weight = max((g.weight for g in groups), default=1.0) if forms else 0.0
    total = sum(group.weight for group in groups) + form_weight
    # a heading scopes its sentences, at half weight (a register fact's "section" is no heading)
    heading = hit.passage.section.rsplit(">", 1)[-1] if hit.source == "passage" else ""
    under = (_forms(heading), folded(heading))
    best = 0.0
    known = asked_forms(groups)
    for sentence in sentences(hit.passage.text):
        words = _forms(sentence)
        text = folded(sentence)
        found = sum(
            g.weight * max(match(g, words, text), HEADING_CREDIT * match(g, *under)) for g in groups
        )
        # the form asked for counts in a sentence on the topic, never alone
        if form_weight and any(on_topic(f, found if groups else 1.0) and has_form(f, sentence, known) for f in forms):
            found += form_weight
        best = max(best, found / total)
    return best


def match(group: Group, forms: frozenset[str], folded_text: str) -> float:
    """How far a text covers a group: 1 for a word form, a tag or (for phrases) the phrase in
    the text; less for the parts of a compound."""
    if group.forms & forms or any(" " in f and f in folded_text for f in group.forms):
        return 1.0
    found = sum(bool(part & forms) for part in group.parts)
    if not found:
        return 0.0
    return ALL_PARTS if found == len(group.parts) else SOME_PARTS * found / len(group.parts)


def covers(group: Group, forms: frozenset[str], folded_text: str) -> bool:
    """Whether a text covers a group (or all parts of a compound)."""
    return match(group, forms, folded_text) >= ALL_PARTS


def sentences(text: str) -> list[str]:
    """Sentences of a passage; a period after an abbreviation or initial does not end one."""
    return list(_sentences(text))


@lru_cache(maxsize=1 << 12)
def _sentences(text: str) -> tuple[str, ...]:
    record = TABLE_RECORD.match(text)
    if record:  # a table's rows ("nr: 54; organisatie: ...; titel: ...") are its sentences
        return tuple(row.strip() for row in re.split(rf"(?=\b{re.escape(record.group(1))}: )", text) if row.strip())
    parts: list[str] = []
    for piece in SENTENCE_END.split(text):
        if parts and (ABBREVIATIONS.search(parts[-1]) or ENTRY_HEAD.match(parts[-1])):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return tuple(part.strip() for part in parts if part.strip())


def key_sentences(
    text: str, groups: list[Group], cue: re.Pattern[str] | None = None, count: int = 2,
    forms: tuple[str, ...] = (),
) -> str:
    """The `count` sentences that together say most of the question (its groups, the form
    asked for, the cue), in text order; a short passage is quoted whole."""
    found = sentences(text)
    if len(found) <= count or len(text.split()) <= SHORT_PASSAGE_WORDS:
        return " ".join(found)
    known = asked_forms(groups)
    said = [_said(sentence, groups, cue, forms, known) for sentence in found]
    chosen = _choose(said, _distinctive(said, groups), count)
    # a sentence that announces a list ("... geïdentificeerd. Dit zijn de sectoren ...") keeps it
    follow = [i + 1 for i in chosen if i + 1 < len(found) and CONTINUATION.match(found[i + 1])]
    # ... and a list chosen for itself keeps the sentence that announces it
    lead = [i - 1 for i in chosen if i > 0 and CONTINUATION.match(found[i])]
    # ... and a reason given by pointing back keeps the sentence it points to
    if "reason" in forms:
        lead += [i - 1 for i in chosen if i > 0 and POINTS_BACK.search(folded(found[i]))]
    chosen = sorted(set(chosen) | set(follow[:1]) | set(lead[:1]))
    pieces = []
    for position, index in enumerate(chosen):
        if position and index != chosen[position - 1] + 1:
            pieces.append("…")
        pieces.append(found[index])
    return _shorten(" ".join(pieces), 600)


@dataclass(frozen=True)
class Said:
    """What one sentence says of the question: how far it covers each group, which forms of
    answer asked for it holds (on the topic), and whether it has the cue."""

    matches: tuple[float, ...]
    forms: frozenset[str]
    cue: bool


def _said(
    sentence: str, groups: list[Group], cue: re.Pattern[str] | None, forms: tuple[str, ...],
    known: frozenset[str],
) -> Said:
    """What a sentence says of the question's groups, forms and cue."""
    words, text = _forms(sentence), folded(sentence)
    matches = tuple(match(group, words, text) for group in groups)
    # the form the question asks for (a frequency, a year, a name, a reason) is the answer,
    # in a sentence on the topic
    topic = sum(g.weight * m for g, m in zip(groups, matches, strict=True)) if groups else 1.0
    held = frozenset(f for f in forms if on_topic(f, topic) and has_form(f, sentence, known))
    return Said(matches, held, cue is not None and bool(cue.search(sentence.lower())))


def _distinctive(said: list[Said], groups: list[Group]) -> list[float]:
    """The weight of each group in choosing sentences of one passage: its own weight times how
    few of the passage's sentences say it (1 + ln(sentences / sentences saying it)). Words most
    sentences share are what the passage is about; the answer is in the sentence that says what
    only it says ("... take on obligations?": the one sentence with "verplichtingen")."""
    weights = []
    for k, group in enumerate(groups):
        saying = sum(s.matches[k] > 0 for s in said)
        weights.append(group.weight * (1 + math.log(len(said) / saying)) if saying else group.weight)
    return weights


def _choose(said: list[Said], weights: list[float], count: int) -> list[int]:
    """The indexes of `count` sentences chosen one by one, each for what it adds to those
    chosen before: a concept, form or cue already said counts for `REPEAT_CREDIT`, so each
    part of the question (each asking clause, each form asked for) gets its own sentence
    before any part gets a second one; ties go to the earlier sentence."""
    chosen: list[int] = []
    covered = [0.0] * len(weights)
    forms: frozenset[str] = frozenset()
    cued = False
    for _ in range(min(count, len(said))):
        gains = {
            i: _gain(s, weights, covered, forms, cued) for i, s in enumerate(said) if i not in chosen
        }
        best = max(gains, key=lambda i: (gains[i], -i))
        chosen.append(best)
        covered = [max(c, m) for c, m in zip(covered, said[best].matches, strict=True)]
        forms |= said[best].forms
        cued = cued or said[best].cue
    return chosen


def _gain(
    said: Said, weights: list[float], covered: list[float], forms: frozenset[str], cued: bool,
) -> float:
    """What a sentence adds to the sentences chosen so far: in full what none of them says,
    at `REPEAT_CREDIT` what they say already (with nothing chosen: the sentence's score)."""
    content = sum(
        weight * (max(m - c, 0.0) + REPEAT_CREDIT * min(m, c))
        for weight, m, c in zip(weights, said.matches, covered, strict=True)
    )
    form = FORM_WEIGHT * sum(REPEAT_CREDIT if f in forms else 1.0 for f in said.forms)
    cue = (REPEAT_CREDIT if cued else 1.0) if said.cue else 0.0
    return content + form + cue


def on_topic(form: str, topic: float) -> bool:
    """Whether the form asked for counts in a sentence that covers `topic` of the question: a
    year, a name or a reason only beside the topic; a list of sectors is the topic itself."""
    return bool(topic) or form == "sectors"


def has_form(form: str, text: str, known: frozenset[str] = frozenset()) -> bool:
    """Whether a text holds an expression of the form asked for; "sectors": a list of sectors;
    "who": a name or agent noun that is not one of the `known` forms (the question's own)."""
    if form == "sectors":  # "welke sectoren ...?" is answered by a sentence listing sectors
        return len(default_tagger().tag(fold(text)).sectors) >= MIN_LISTED_SECTORS
    if form == "who":
        return any(new_agent(agent, known) for agent in agents(text))
    return answers(form, text)


def new_agent(agent: str, known: frozenset[str]) -> bool:
    """Whether a name or agent noun says more than the question: not all its words are known
    ("de SER-commissie" answers no "wie is de voorzitter van de SER-commissie?")."""
    words = [w for w in re.findall(r"\w+", agent) if w not in analysis.stopwords()]
    return any(not (_forms(word) & known) for word in words)


def asked_forms(groups: list[Group]) -> frozenset[str]:
    """Every form of the question's content groups (words, stems, translations)."""
    return frozenset().union(*(g.forms for g in groups), *(p for g in groups for p in g.parts))


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
