"""Lexicon domains: language and nationality adjectives, definition phrasing, everyday goods.

All checks go through the loaded project lexicon (`load_lexicon()`), so they cover the file,
its stemmed indexes and the greedy phrase mapping together.
"""

from __future__ import annotations

import pytest

from imvo_assist.text.lexicon import Mapping, load_lexicon


def _one(words: str, source: str) -> Mapping:
    """The single mapping of a term that the lexicon maps as one span."""
    lexicon = load_lexicon()
    tokens = words.split()
    mappings = lexicon.to_english(tokens) if source == "nl" else lexicon.to_dutch(tokens)
    assert len(mappings) == 1, f"{words!r} mapped as {[m.text for m in mappings]}"
    mapping = mappings[0]
    assert (mapping.start, mapping.end) == (0, len(tokens)), f"{words!r} only partly mapped"
    return mapping


# --- languages and nationality adjectives -------------------------------------------------


@pytest.mark.parametrize(
    ("dutch", "english"),
    [
        ("engels", "english"),
        ("engelse", "english"),
        ("duitse", "german"),
        ("frans", "french"),
        ("chinese", "chinese"),
        ("indiase", "indian"),
        ("spaanse", "spanish"),
        ("italiaans", "italian"),
        ("portugese", "portuguese"),
        ("russische", "russian"),
        ("vietnamese", "vietnamese"),
        ("cambodjaanse", "cambodian"),
        ("ethiopische", "ethiopian"),
        ("ghanese", "ghanaian"),
        ("keniaanse", "kenyan"),
        ("congolese", "congolese"),
        ("colombiaanse", "colombian"),
        ("mexicaanse", "mexican"),
        ("zwitserse", "swiss"),
        ("europese", "european"),
        ("afrikaanse", "african"),
        ("aziatische", "asian"),
    ],
)
def test_nationality_adjectives_carry_the_language_domain(dutch: str, english: str) -> None:
    to_english = _one(dutch, "nl")
    assert english in to_english.targets
    assert set(to_english.domains) == {"language"}
    to_dutch = _one(english, "en")
    assert "language" in to_dutch.domains


@pytest.mark.parametrize(
    ("dutch", "english"),
    [
        ("frankrijk", "france"),
        ("duitsland", "germany"),
        ("china", "china"),
        ("india", "india"),
        ("congo", "congo"),
        ("brazilië", "brazil"),
        ("ethiopië", "ethiopia"),
        ("europa", "europe"),
        ("afrika", "africa"),
    ],
)
def test_country_names_do_not_carry_the_language_domain(dutch: str, english: str) -> None:
    to_english = _one(dutch, "nl")
    assert english in to_english.targets
    assert "language" not in to_english.domains
    assert "language" not in _one(english, "en").domains


def test_dutch_government_adjective_stays_government() -> None:
    assert _one("nederlandse", "nl").domains == ("government",)


def test_language_words_themselves() -> None:
    assert "engelstalig" in _one("english-language", "en").targets
    assert "bilingual" in _one("tweetalige", "nl").targets
    assert "mother tongue" in _one("moedertaal", "nl").targets


# --- definition phrasing -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "source", "expected"),
    [
        ("begrip", "nl", "notion"),
        ("omschrijving", "nl", "description"),
        ("betekenis", "nl", "meaning"),
        ("definitie", "nl", "definition"),
        ("notion", "en", "begrip"),
        ("the concept of", "en", "het begrip"),
        ("de term", "nl", "the term"),
    ],
)
def test_definition_words_map_with_the_question_domain(
    words: str, source: str, expected: str
) -> None:
    mapping = _one(words, source)
    assert expected in mapping.targets
    assert "question" in mapping.domains


def test_definition_phrase_leaves_the_defined_term_as_content() -> None:
    mappings = load_lexicon().to_dutch(["the", "notion", "of", "due", "diligence"])
    assert [m.text for m in mappings] == ["the notion of", "due diligence"]
    assert set(mappings[0].domains) == {"question"}
    assert "question" not in mappings[1].domains


# --- everyday goods and materials ------------------------------------------------------------


@pytest.mark.parametrize(
    ("english", "dutch"),
    [
        ("bicycles", "fiets"),
        ("bikes", "fiets"),
        ("tyres", "autobanden"),
        ("watch", "horloge"),
        ("bottles", "flessen"),
        ("wood pellets", "houtpellets"),
        ("cocoa beans", "cacaobonen"),
        ("beams", "balk"),
        ("tiles", "tegel"),
        ("mattresses", "matras"),
        ("handbags", "handtas"),
        ("refrigerators", "koelkast"),
        ("motorcycles", "motorfiets"),
        ("grapes", "druiven"),
        ("eggs", "eieren"),
    ],
)
def test_everyday_goods_translate_to_dutch(english: str, dutch: str) -> None:
    assert dutch in _one(english, "en").targets


@pytest.mark.parametrize(
    ("dutch", "english"),
    [
        ("fietsen", "bicycles"),
        ("fiets", "bicycle"),
        ("horloges", "watches"),
        ("zonnepanelen", "solar panel"),
        ("tassen", "bags"),
        ("tomaten", "tomato"),
        ("warmtepompen", "heat pump"),
    ],
)
def test_everyday_goods_translate_to_english(dutch: str, english: str) -> None:
    assert english in _one(dutch, "nl").targets


def test_goods_carry_a_sector_domain() -> None:
    sectors = {"textiles", "electronics", "food", "agriculture", "mining", "construction",
               "energy", "supply-chain", "general"}
    for word in ("bicycles", "sweaters", "televisions", "tuna", "manganese", "pumps"):
        domains = set(_one(word, "en").domains)
        assert domains and domains <= sectors, (word, domains)


def test_countries_regions_and_cities_are_places_and_nationalities_are_not() -> None:
    places = load_lexicon().domain_terms("places")
    assert {"bangladesh", "ivoorkust", "ivory coast", "west afrika", "dhaka", "noordzee"} <= places
    assert "indiase" not in places and "bangladesh accord" not in places
