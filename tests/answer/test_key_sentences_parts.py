"""Which sentences of a passage a quote keeps (`evidence.key_sentences`): each part of the
question gets its own sentence before any part gets a second one, and a concept few sentences
of the passage say weighs more than one most of them repeat. Sentences written for these tests,
from no corpus document and no evaluation set.
"""

from __future__ import annotations

from imvo_assist.answer.evidence import Group, forms_of, key_sentences

FILLER = (
    "Het gebouw aan de haven is in de negentiende eeuw gebouwd. "
    "De gevel is vorig jaar opnieuw geschilderd in een lichte kleur. "
    "Op zaterdag is er een markt op het plein voor de deur. "
    "In de winter schaatsen kinderen op de vijver achter het oude station. "
    "De bibliotheek opent in het najaar een leeszaal met uitzicht over het water. "
)


def group(*words: str, weight: float = 1.0) -> Group:
    """A match group of the forms of some words."""
    return Group(frozenset().union(*(forms_of(w) for w in words)), weight, words[0])


def chosen(quote: str, *sentences: str) -> list[str]:
    """Which of the sentences a quote holds."""
    return [s for s in sentences if s in quote]


def test_each_asking_clause_gets_its_own_sentence() -> None:
    # "Welke fietsroutes plant de gemeente, en wat doet de wethouder met de evaluatie?"
    first = "De gemeente plant nieuwe fietsroutes langs de rivier en door het park."
    repeat = "Volgens de gemeente maken de fietsroutes de binnenstad veiliger."
    second = "De wethouder bespreekt de evaluatie met de bewoners van de wijk."
    text = f"{first} {repeat} {FILLER}{second}"
    groups = [
        group("gemeente", weight=0.8), group("fietsroutes", weight=1.2),
        group("wethouder"), group("evaluatie", weight=0.7),
    ]
    quote = key_sentences(text, groups)
    assert chosen(quote, first, repeat, second) == [first, second]
    assert quote == f"{first} … {second}"  # reading order, the gap marked


def test_a_qualifying_sentence_beats_repeats_that_hold_the_form() -> None:
    # "Nemen vrijwilligers die geen lid zijn verplichtingen op zich?", read as asking "who":
    # two sentences name someone new beside the topic words, the answer names no one.
    opening = "De Buurtvereniging Oost maakt onderscheid tussen leden en vrijwilligers."
    members = "Leden betalen contributie en stemmen op de jaarvergadering."
    examples = (
        "Onder vrijwilligers vallen buurtbewoners, studenten en andere organisaties die "
        "helpen zonder zelf lid te zijn."
    )
    answer = "Vrijwilligers worden geraadpleegd over plannen, maar zij nemen geen verplichtingen op zich."
    text = f"{opening} {members} {FILLER}{examples} {answer}"
    groups = [
        group("vrijwilligers", weight=0.5), group("lid", "leden", weight=0.35),
        group("verplichtingen", "obligations", weight=0.85),
    ]
    quote = key_sentences(text, groups, forms=("who",))
    assert answer in quote
    assert len(chosen(quote, opening, members, examples, answer)) == 2


def test_each_form_asked_for_gets_its_own_sentence() -> None:
    # "Wie voert de controle uit, en hoe lang duurt die?"
    who = "De controle wordt uitgevoerd door Stichting Keurmerk."
    again = "Op de website van Stichting Keurmerk staat de controle beschreven."
    duration = "Een controle duurt meestal twee weken."
    text = f"{who} {again} {FILLER}{duration}"
    quote = key_sentences(text, [group("controle")], forms=("who", "duration"))
    assert chosen(quote, who, again, duration) == [who, duration]


def test_a_concept_few_sentences_say_weighs_more_than_one_all_repeat() -> None:
    # two concepts of the same weight: "haven" in most sentences, "sluis" in one
    shared = "De haven trekt in de zomer veel bezoekers."
    rare = "Een nieuwe sluis wordt volgend jaar gebouwd."
    text = f"{shared} De haven is oud. De haven ligt aan zee. {FILLER}{rare} De haven is druk."
    quote = key_sentences(text, [group("haven"), group("sluis")], count=1)
    assert quote == rare


def test_one_sentence_that_says_it_all_still_comes_first() -> None:
    # with nothing new to add, the second sentence is the best of the rest, as before
    full = "De gemeente plant nieuwe fietsroutes langs de rivier."
    partial = "De fietsroutes worden breder dan de oude paden."
    text = f"{FILLER}{full} {FILLER}{partial}"
    quote = key_sentences(text, [group("gemeente"), group("fietsroutes")])
    assert chosen(quote, full, partial) == [full, partial]
