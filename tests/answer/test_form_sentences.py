"""Mechanisms of issue #12 round 3: the sentence quoted for a who/when/why/how-many question
holds the form asked for on the question's topic; a reason given by pointing back ("daarom")
keeps the sentence it points to. Sentences written for these tests, from no evaluation set.
"""

from __future__ import annotations

from imvo_assist.answer.evidence import Group, forms_of, has_form, key_sentences, new_agent

FILLER = " ".join(["De gemeente publiceert elk voorjaar een overzicht van de plannen."] * 8)


def group(*words: str, weight: float = 1.0) -> Group:
    return Group(frozenset().union(*(forms_of(w) for w in words)), weight, words[0])


def test_a_who_form_is_a_name_the_question_does_not_hold() -> None:
    known = forms_of("fietsersbond")
    assert not has_form("who", "Het rapport van de Fietsersbond is klaar.", known)
    assert has_form("who", "Het rapport is opgesteld door Stichting Groenpad.", known)
    assert new_agent("een onafhankelijke commissie", forms_of("rapport"))


def test_who_question_quotes_the_sentence_with_someone_new() -> None:
    text = (
        "De Fietsersbond onderzocht de veiligheid van kruispunten in de stad. "
        f"{FILLER} De metingen werden uitgevoerd door het Verkeerslab uit Delft. "
        "Kruispunten met een rotonde bleken veiliger."
    )
    topic = [group("fietsersbond", weight=1.5), group("metingen")]
    quote = key_sentences(text, topic, count=1, forms=("who",))
    assert "Verkeerslab" in quote


def test_a_form_counts_only_in_a_sentence_on_the_topic() -> None:
    text = (
        "In 2019 verhuisde het kantoor naar Utrecht. "
        f"{FILLER} De nieuwe fietsenstalling werd geopend in het voorjaar. "
        "De fietsenstalling telt honderden plekken."
    )
    quote = key_sentences(text, [group("fietsenstalling"), group("geopend")], count=1, forms=("when",))
    assert "geopend" in quote and "2019" not in quote


def test_a_reason_by_pointing_back_keeps_the_sentence_before() -> None:
    text = (
        f"{FILLER} De brug was na dertig jaar versleten en niet meer veilig voor vrachtverkeer. "
        "De provincie heeft daarom besloten de brug te vervangen. "
        "De werkzaamheden duren een jaar."
    )
    topic = [group("provincie"), group("brug"), group("vervangen")]
    with_reason = key_sentences(text, topic, count=1, forms=("reason",))
    assert "versleten" in with_reason and "daarom" in with_reason
    assert "versleten" not in key_sentences(text, topic, count=1)
