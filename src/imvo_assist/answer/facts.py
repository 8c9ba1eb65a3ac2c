"""The fact a question asks for must stand in the passages that answer it.

A question for an amount of money ("hoeveel heeft het onderzoek gekost?", "how much money
...?") is answered only by an amount (a currency or "miljoen"); a question for a date ("op
welke datum ...?") only by a day and month, for a year ("in which year ...?") by a year or a
period naming it, a plain "wanneer ...?" by any time told (not "wanneer is X betekenisvol?", a
condition); a question for a place ("in welk land ...?") by a place's name; "hoe vaak" by
a frequency, "hoe lang" by a duration; a person by role ("wie is de voorzitter") by a person's
name; a question for a count of something ("how many companies signed?") only by a number that
counts that thing ("drie leden", "86 sectoren"), not by any number in the passage. When the passages a composer chose
hold no such expression, the documents do not state the fact: the answer is "not found" and
the passages are offered as the nearest text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from imvo_assist.answer.askrelation import asked_relation
from imvo_assist.answer.asktime import (
    DAY_QUESTION,
    YEAR_QUESTION,
    asks_time,
    tells_date,
    tells_time,
)
from imvo_assist.answer.documentnames import NAMED_DOCUMENTS
from imvo_assist.answer.entities import (
    capitalised_names,
    cited_as_source,
    folded_forms,
    is_author,
    is_place,
    phrasing_name,
    place_names,
)
from imvo_assist.answer.evidence import Group, content_groups, covers, folded, forms_of, sentences
from imvo_assist.answer.outcome import outcome_check, realized
from imvo_assist.answer.signing import CITED_SOURCE, SIGNED, asks_who_signed
from imvo_assist.answer.understand import Understanding
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.text.fold import fold, folded_words
from imvo_assist.text.framing import asking_part
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.questionforms import (
    ACHIEVED,
    AGENT_NOUN_WORDS,
    AGENT_NOUNS,
    AMOUNT_QUESTION,
    CONTACT_ANSWER,
    CONTACT_QUESTION,
    COUNT_WORDS,
    OUTCOME_QUESTION,
    RANKING_ANSWER,
    answers,
    asks_achievement,
    asks_ranking,
    counted_noun,
    reports_outcome,
)
from imvo_assist.text.wordlist import zipf

# A question for a place ("in welk land", "which city", "where is it based"), answered only by
# a place's name (the lexicon's places: countries, regions, cities); not "waar wordt rekening
# mee gehouden", "what place does due diligence have".
PLACE_QUESTION = lazy_compile(
    r"\b(in )?welke? (land|landen|stad|steden|regio|regio's|werelddeel)\b|"
    r"\bin welke? (plaats|gebied|gebieden)\b|"
    r"\b(in )?(which|what) (country|countries|city|cities|region|regions|continent)\b|"
    r"\bwaar (is|zijn|zit|zitten|ligt|liggen)\b.{0,60}\b(gevestigd|gehuisvest)\b|"
    r"\bwhere (is|are|was|were)\b.{0,60}\b(located|headquartered|based(?! on))\b"
)
# The longest place name looked for, in words ("democratic republic of the congo").
MAX_PLACE_WORDS = 5
# Forms a passage must hold an expression of to answer: "hoe vaak" a frequency, "hoe lang" a
# duration (`text.questionforms.answers`).
STATED_FORMS = ("frequency", "duration")
# A question for a person: a role that only a named person fills ("which researcher", "wie is de
# voorzitter", "who chairs ..."), answered only by a person's name.
PERSON_ROLES = (r"(partners?(?! (countr|organi|landen))|project ?lead(er)?s?|projectleiders?|researchers?|onderzoekers?|"
                r"authors?|auteurs?|chair(man|woman|person)?s?|voorzitters?|directors?|"
                r"directeuren|directeurs?|spokes(man|woman|person)|woordvoerders?|persons?|"
                r"personen|persoon|individuals?|employees?|medewerkers?|ambtenaren|ambtenaar|"
                r"contactpersonen|contactpersoon|contact persons?|"
                r"officials)")  # "official" is mostly an adjective: "the official SER advice"
# Roles only a person holds: "de naam van de voorzitter" asks a person's name ("the names of the
# partners" may be organisations).
OFFICE_HOLDERS = (r"(chair(man|woman|person)?s?|voorzitters?|directors?|directeuren|directeurs?|"
                  r"spokes(man|woman|person)|woordvoerders?|projectleiders?|project ?lead(er)?s?|"
                  r"contactpersonen|contactpersoon|contact persons?|secretaris|secretary|ministers?|"
                  r"coordinator(s|en)?)")
PERSON_QUESTION = lazy_compile(
    rf"\b(which|what|welke|welk|wie (is|was|zijn|waren)( de| het)?|who (is|was|are|were)( the)?)"
    rf"( \w+){{0,2}} {PERSON_ROLES}\b|\b(naam|namen|names?) (van|of)( de| het| the)?( \w+)? "
    rf"{OFFICE_HOLDERS}\b|\bwho (chairs|chaired)\b|\bwie (zit|zat|zitten)\b[^?.]{{0,80}}\bvoor(\s*[?.]?$|,? (die|dat|welke)\b)"
)
# A person's name: initials and a surname ("E.M.J. Ploumen"), or a title before a name.
PERSON_NAME = lazy_compile(
    r"\b(?:[A-Z]\.){1,4} ?(?:(?:van|de|der|den|ter|ten) )*[A-Z][a-z]+|"
    r"\b(?:[Mm]r|[Dd]r|[Dd]rs|[Ii]r|[Pp]rof|[Mm]evrouw|[Mm]eneer|[Mm]s|[Mm]rs)\.? [A-Z][a-z]+"
)
# A question for a share ("welk percentage", "hoeveel procent", "what share of"), answered only
# by a percentage or a fraction.
SHARE_QUESTION = lazy_compile(
    r"\b(percentages?|procent|percent|per cent|welk aandeel|wat is het aandeel|what share|"
    r"which share|what proportion|what fraction)\b"
)
SHARE_ANSWER = lazy_compile(
    r"%|\b(procent|percent|per cent|helft|meerderheid|majority|minderheid|minority)\b|"
    r"\b(een|one|a) (half|derde|third|kwart|quarter|vijfde|fifth)\b"
)
# A question that asks for names ("namen graag", "names please", "bij naam"), answered only by
# a person's or an organisation's name.
NAMES_QUESTION = lazy_compile(
    r"\b(namen (graag|aub|please|svp|alstublieft|alsjeblieft)|names,? please|bij naam|by name|"
    r"name them|noem ze|(de|the) namen (van|of|der)|names of the|welke namen|which names|"
    r"(met|with|give|geef)( me| mij)?( the| de)? names?|namen noemen)\b"
)
# Names wanted after a question for persons or bodies ("Welke NGO's ...? Ik wil namen."); not
# after one for sectors or covenants, which the answer names otherwise.
NAMES_WANTED = lazy_compile(r"\b(ik wil|ik zoek|wij willen|i want|i need|we want|we need)( de| the)? (namen|names)\b")
# "wie", "who", or "welke"/"which" before a person or body, past a number or adjective ("which
# two trade unions"); not "whole" or "wholesale".
ASKS_AGENTS = lazy_compile(rf"\b(wie|who)\b|\b(welke|which)( \w+){{0,2}} {AGENT_NOUN_WORDS}")
# A sentence that opens with a word referring back continues the one before it.
REFERS_BACK = lazy_compile(
    r"(het|dit|dat|deze|die|zij|ze|hij|hun|daar\w*|hier\w*|it|its|this|that|these|those|they|"
    r"their|he|she|his|her|there)\b"
)
# A passage of at most this many sentences is one statement (a signature, a list entry).
SHORT_PASSAGE = 2
# A capitalised name with a word this frequent in general text is a title or a heading, no name.
COMMON_ZIPF = 3.5
MAX_ACRONYM = 6
AMOUNT_ANSWER = lazy_compile(r"€|\$|\b(eur|euro|euros|dollar|dollars|miljoen|million|miljard|billion)\b")
NAME_FILLERS = frozenset(["van", "voor", "der", "den", "het", "the", "for", "and", "of"])
NUMBER = lazy_compile(rf"^(\d+([.,]\d+)?|{COUNT_WORDS})$")
# A number counts a noun at most this many words before it ("tien IMVO convenanten").
COUNT_WINDOW = 3
# A year and a bracketed reference marker count nothing.
YEAR = lazy_compile(r"^(1[89]|20)\d\d$")
YEAR_WORD = "_"
MARKER = lazy_compile(r"\[\d+\]")
# Nouns for persons in general: counted by any count of members, parties or people.
PERSONS = frozenset(["people", "persons", "individuals", "mensen", "personen", "individuen"])


def missing_fact(
    understanding: Understanding, passages: Iterable[str], named_in: Iterable[str] | None = None,
) -> tuple[str, str] | None:
    """What the question asks that none of the passages states, as (kind, what): ("entity",
    name) for an organisation the asking part names that `named_in` (the passages of the kind
    of document the question names; all passages by default) never names, or the first fact
    of `asked_facts` none of them states (("date", ""), ("place", ""), ("count", noun) ...),
    in the named kind's passages when the question cites a document ("volgens het
    textielconvenant"); None when the passages hold it all."""
    texts = list(passages)
    where = texts if named_in is None else list(named_in)
    named = _unnamed_entity(understanding, " ".join(fold(text) for text in where))
    if named:
        return "entity", named
    stating = where if _cites_document(understanding) else texts  # "volgens het convenant": in it
    for fact in asked_facts(understanding):
        if not any(fact.stated(text) for text in (fact.among(stating) if fact.among else stating)):
            return fact.kind, fact.what
    return None


def _closest(understanding: Understanding, texts: list[str]) -> list[str]:
    """The passages whose key sentences speak most of the question's content: a fact asked
    beside it stands there, not beside less of it in another passage ("op welke datum stuurt
    het kabinet de voortgangsrapportage?": not the date of an earlier letter on progress)."""
    question = fold(understanding.question)
    asked = {w for p in (DAY_QUESTION, YEAR_QUESTION) if (m := p.search(question)) for w in m.group(0).split()}
    groups = [g for g in content_groups(understanding) if not set(g.label.split()) <= asked]  # not "datum"
    best = {text: max((_groups_covered(groups, s) for s in sentences(text)), default=0) for text in texts}
    most = max(best.values(), default=0)
    return [text for text in texts if best[text] == most] if most else texts


def _cites_document(understanding: Understanding) -> bool:
    """Whether the question takes its answer from a document it names as a document ("volgens
    het textielconvenant", or among the keywords of a query without a question), not from an
    author ("according to the SER": the letter reports the SER's advice too)."""
    folded = fold(understanding.question)
    keywords = understanding.intent == "search"  # "leefbaar loon textielconvenant bedrag in euro"
    return (understanding.cites_named or keywords) and any(
        pattern.search(folded) for pattern, kind in NAMED_DOCUMENTS if kind == understanding.named_kind)


@dataclass(frozen=True)
class AskedFact:
    """A fact a question asks for: its kind ("date", "place", "count" ...), what is counted, and
    whether a text states one."""

    kind: str
    what: str
    stated: Callable[[str], bool]
    among: Callable[[list[str]], list[str]] | None = None
    """The passages of those found that may state it: for a date, those that speak most of the
    question (`_closest`); for an outcome, of those the ones that name what it is of."""


def asked_facts(understanding: Understanding) -> tuple[AskedFact, ...]:
    """The facts the question asks for that a passage must state (none for most questions)."""
    return realized(fold(understanding.question), _asked_facts(understanding))


def _asked_facts(understanding: Understanding) -> tuple[AskedFact, ...]:
    question = fold(understanding.question)
    if AMOUNT_QUESTION.search(question):
        return (AskedFact("amount", "", _in_key_sentences(understanding, lambda text: bool(AMOUNT_ANSWER.search(text.lower())))),)
    if CONTACT_QUESTION.search(question):
        return (AskedFact("contact", "", _in_key_sentences(understanding, lambda text: bool(CONTACT_ANSWER.search(text)))),)
    signing = asks_who_signed(question)
    beside = partial(_signed_or_beside, understanding) if signing else partial(
        _in_key_sentences, understanding)
    if PERSON_QUESTION.search(question):
        return (AskedFact("person", "", beside(lambda text: bool(PERSON_NAME.search(text)))),)
    if signing or NAMES_QUESTION.search(question) or (
            NAMES_WANTED.search(question) and ASKS_AGENTS.search(question)):  # who signed: by name
        return (AskedFact("names", "", beside(partial(_names_someone, asked=f" {folded_words(question)} "))),)
    if SHARE_QUESTION.search(question):
        return (AskedFact("share", "", _in_key_sentences(understanding, lambda text: bool(SHARE_ANSWER.search(fold(text))))),)
    if DAY_QUESTION.search(question):
        return (AskedFact("date", "", _in_key_sentences(understanding, tells_date),
                           partial(_closest, understanding)),)
    if YEAR_QUESTION.search(question):
        return (AskedFact("date", "", _in_key_sentences(understanding, lambda text: answers("when", text)),
                           partial(_closest, understanding)),)
    if PLACE_QUESTION.search(question):
        return (AskedFact("place", "", _in_key_sentences(understanding, _names_place)),)
    if asks_ranking(question):
        return (AskedFact("ranking", "", _in_key_sentences(
            understanding, lambda text: bool(RANKING_ANSWER.search(fold(text))))),)
    if asks_achievement(question):  # "is het doel gehaald?": said achieved, not aimed at
        return (AskedFact("outcome", "", _in_key_sentences(
            understanding, lambda text: bool(ACHIEVED.search(fold(text))) and reports_outcome(text))),)
    if OUTCOME_QUESTION.search(question):
        stated, naming = outcome_check(understanding, _in_key_sentences(understanding, reports_outcome))
        return (AskedFact("outcome", "", stated, lambda texts: naming(_closest(understanding, texts))),)
    if relation := asked_relation(question, content_groups(understanding)):  # a reason, a difference ...
        told = _in_key_sentences(understanding, relation.told)
        return (AskedFact(relation.kind, "", lambda text: told(text) and relation.named(text)),)
    found = [AskedFact(form, "", partial(answers, form))
             for form in STATED_FORMS if form in understanding.forms]
    if not found and asks_time(understanding.question, understanding.language):
        found.append(AskedFact("date", "", _in_key_sentences(understanding, tells_time)))
    noun = counted_noun(question)
    if not noun:
        return tuple(found)
    if noun in PERSONS:  # "how many people sit on it": any count of members, parties, ...
        return (*found, AskedFact("count", noun, _counts_agents))
    wanted = _noun_forms(understanding, noun)
    if not wanted:
        return tuple(found)
    return (*found, AskedFact("count", noun, lambda text: _counts(text, wanted)))


def _unnamed_entity(understanding: Understanding, evidence: str) -> str:
    """An organisation of the asking part, not as the source of what is asked, that the
    evidence never names ("de FNV in het textielconvenant"): the passages are about something
    else."""
    asking = f" {folded_words(asking_part(understanding.question))} "
    text = f" {folded_words(evidence)} "
    for entity in understanding.organisations:
        if is_author(entity):
            continue  # "does the SER want ...": its own advice speaks without naming it
        name, folded = entity.name(understanding.language), folded_forms(entity)
        if any(f" {f} " in asking for f in folded) and not any(
                cited_as_source(asking, f) for f in folded) and not any(
                _names(text, f) for f in folded):
            return name
    return ""


def _names(text: str, form: str) -> bool:
    """Whether the folded text names the form: a one-word name as a word or inside a compound
    ("fnv", "bouwsector"), a longer one by all its words ("nationaal contactpunt voor de
    oeso richtlijnen" names "nationaal contactpunt oeso richtlijnen")."""
    words = [w for w in form.split() if len(w) > 2 and w not in NAME_FILLERS]
    if len(words) > 1:
        return all(re.search(rf"\b{re.escape(w)}", text) for w in words)
    word = words[0] if words else form
    if len(word) <= 3:
        return f" {word} " in text
    return bool(re.search(rf"\b{re.escape(word)}|{re.escape(word)}\b", text))


def _in_key_sentences(understanding: Understanding, check: Callable[[str], bool]) -> Callable[[str], bool]:
    """A check of the sentences of a passage that speak most of the question's content and of
    a sentence after one that refers back to it ("Rana Plaza was een gebouw ... Het stond in
    Bangladesh."): the fact
    asked for stands beside what the question asks about, not elsewhere in the passage
    ("welke ngo's waren kritisch? namen graag": not "MVO Nederland" two sentences on). A passage
    of one or two sentences none of which speaks of the question (a signature) is read whole."""
    groups = content_groups(understanding)
    if not groups:
        return check

    def stated(text: str) -> bool:
        said = sentences(text)
        scores = [_groups_covered(groups, s) for s in said]
        best = max(scores, default=0)
        if best == 0:
            return len(said) <= SHORT_PASSAGE and check(text)
        return any(check(said[i]) or (i + 1 < len(said) and REFERS_BACK.match(folded(said[i + 1]))
                                      and check(said[i + 1]))
                   for i, score in enumerate(scores) if score == best)
    return stated


def _signed_or_beside(understanding: Understanding, check: Callable[[str], bool]) -> Callable[[str], bool]:
    """For who signed: the check in a signature closing a passage (names with initials, or
    words on signing), or in its key sentences (`_in_key_sentences`) but for the authors they
    cite; not anywhere in it."""
    beside = _in_key_sentences(understanding, lambda sentence: check(CITED_SOURCE.sub(" ", sentence)))

    def stated(text: str) -> bool:
        last = (sentences(text) or [text])[-1]
        signature = bool(PERSON_NAME.search(last) or SIGNED.search(fold(last)))
        return (signature and check(last)) or beside(text)
    return stated


def _groups_covered(groups: list[Group], sentence: str) -> int:
    """How many of the question's content groups a sentence covers."""
    forms, text = forms_of(sentence), folded(sentence)
    return sum(covers(group, forms, text) for group in groups)


def _names_someone(text: str, asked: str) -> bool:
    """Whether a text names a person or an organisation ("E.M.J. Ploumen", "FNV", "Oxfam
    Novib") other than those of the question (`asked`: its folded words), not only a kind of
    them ("enkele NGO's", "three members") nor a place ("Den Haag")."""
    if PERSON_NAME.search(text) or set(default_tagger().tag(text).orgs) - set(default_tagger().tag(asked).orgs):
        return True
    return any(f" {folded_words(name)} " not in asked and not is_place(name)
               and not any(_no_name(word) for word in re.split(r"[\s-]+", name) if word)
               for name in capitalised_names(text, frozenset()))


def _no_name(word: str) -> bool:
    """A word of everyday Dutch or English ("Kleding", "Textiel" in a title), the domain's
    phrasing ("MVO" in "MVO-gedijt") or a heading in capitals ("TESTDOCUMENT"; an acronym is
    shorter): no name."""
    folded = fold(word)
    return (zipf(folded, "nl") >= COMMON_ZIPF or zipf(folded, "en") >= COMMON_ZIPF
            or phrasing_name(folded) or (word.isupper() and len(word) > MAX_ACRONYM))


def _names_place(text: str) -> bool:
    """Whether a text names a country, region or city (one- or several-word names)."""
    words = folded_words(text).split()
    places = place_names()
    return any(" ".join(words[i : i + size]) in places
               for size in range(1, MAX_PLACE_WORDS + 1) for i in range(len(words) - size + 1))


def _noun_forms(understanding: Understanding, noun: str) -> frozenset[str]:
    """Forms of the counted noun and its translations ("companies": bedrijven, ondernemingen)."""
    found = set(forms_of(noun))
    for concept in understanding.concepts:
        if noun in concept.source.split():
            for term, _ in concept.terms():
                found |= forms_of(term)
    return frozenset(found)


def _counts_agents(text: str) -> bool:
    """Whether a number in the text counts persons or bodies ("drie leden", "two parties")."""
    words = _count_words(text)
    return any(NUMBER.match(word) and any(AGENT_NOUNS.fullmatch(after) for after in
                                          words[i + 1 : i + 1 + COUNT_WINDOW])
               for i, word in enumerate(words))


def _counts(text: str, wanted: frozenset[str]) -> bool:
    """Whether a number in the text counts one of the wanted forms (a few words after it)."""
    words = _count_words(text)
    for i, word in enumerate(words):
        if NUMBER.match(word) and any(
            forms_of(after) & wanted for after in words[i + 1 : i + 1 + COUNT_WINDOW]
        ):
            return True
    return False


def _count_words(text: str) -> list[str]:
    """The folded words of a text with what only looks like a count put aside: a year ("2014
    jaarverslag duurzaam ondernemen") and a reference marker ("[15] Testwinkelketen")."""
    return [YEAR_WORD if YEAR.match(word) else word
            for word in re.findall(r"\w+", fold(MARKER.sub(" ", text)))]
