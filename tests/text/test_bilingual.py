"""Questions mapped word by word and phrase by phrase into the other language, compounds split
into index words, plurals and verb forms told apart: on words and sentences written for these
tests."""

from __future__ import annotations

import pytest

from imvo_assist.text.bilingual import inflected_forms, interpret, number_forms, specificity
from imvo_assist.text.didyoumean import close_words, in_language
from imvo_assist.text.language import question_language
from imvo_assist.text.morphology import is_verb_form

STOP = {"the", "of", "in", "a", "de", "het", "van", "is", "are", "what", "wat", "bij"}


def content(word: str) -> bool:
    return word not in STOP


def concepts(question: str, language: str, index: set[str] | None = None):  # type: ignore[no-untyped-def]
    words = question.lower().replace("?", "").split()
    return interpret(words, content, language, (index or set()).__contains__)  # type: ignore[arg-type]


def test_english_phrases_map_to_dutch_phrase_by_phrase() -> None:
    found = {c.source: c for c in concepts("what is forced labour in the supply chain", "en")}
    assert "dwangarbeid" in {t for t, _ in found["forced labour"].translations}
    assert "keten" in {t for t, _ in found["supply chain"].translations}


def test_phrases_are_also_mapped_word_by_word() -> None:
    (concept,) = concepts("complaints mechanism", "en")
    words = dict(concept.word_translations)
    assert "klachten" in words["complaints"] or "klacht" in words["complaints"]


def test_dutch_questions_map_to_english() -> None:
    found = {c.source: c for c in concepts("de winning van grondstoffen", "nl")}
    assert "raw materials" in {t for t, _ in found["grondstoffen"].translations}


def test_translations_are_capped_by_weight() -> None:
    for concept in concepts("freedom of association and trade unions", "en"):
        assert all(weight >= 0.45 for _, weight in concept.translations)


def test_compounds_split_into_index_words_only() -> None:
    index = {"mensenrechten", "schending", "winning"}
    (concept,) = concepts("mensenrechtenschendingen", "nl", index)
    assert concept.parts == ("mensenrechten", "schendingen")
    (unsplit,) = concepts("mensenrechtenschendingen", "nl", {"mensenrechten"})
    assert unsplit.parts == ()


def test_interpretation_shows_the_mapping() -> None:
    (concept,) = concepts("textielconvenant", "nl", {"textiel", "convenant"})
    shown = concept.to_dict()
    assert shown["asked"] == "textielconvenant" and shown["parts"] == ["textiel", "convenant"]
    assert shown["translations"]


@pytest.mark.parametrize(
    ("word", "singular"),
    [("schendingen", "schending"), ("bedrijven", "bedrijf"), ("stoffen", "stof"), ("ketens", "keten")],
)
def test_dutch_plurals(word: str, singular: str) -> None:
    assert singular in number_forms(word)


def test_rare_words_are_more_specific_than_common_ones() -> None:
    assert specificity("palmolie", "nl") > specificity("werk", "nl")
    assert specificity("klokkenluider", "nl") > specificity("huis", "nl")


@pytest.mark.parametrize(
    ("word", "language", "verb"),
    [("vereisen", "nl", True), ("gesteld", "nl", True), ("criticised", "en", True),
     ("gemeenten", "nl", False), ("ziekenhuizen", "nl", False), ("hotels", "en", False),
     ("gezondheid", "nl", False)],
)
def test_verb_forms(word: str, language: str, verb: bool) -> None:
    assert is_verb_form(word, language) is verb


def test_did_you_mean_offers_indexed_words_of_the_question_language() -> None:
    index = {"kinderarbeid", "store", "stoere"}
    assert close_words("kinderabeid", "nl", index.__contains__) == ["kinderarbeid"]
    assert "store" not in close_words("stoer", "nl", index.__contains__)
    assert in_language("store", "en") and not in_language("store", "nl")


def test_the_language_of_a_query_by_its_words() -> None:
    from imvo_assist.text.didyoumean import language_of

    assert language_of(["kinderarbeid", "in", "de", "keten"]) == "nl"
    assert language_of(["child", "labour", "in", "the", "chain"]) == "en"
    assert language_of(["xqzv"]) is None


def test_a_dutch_topic_word_has_synonyms_through_english() -> None:
    """"methodiek" -> methodology -> "methodologie"; an English word and a word about questions
    ("noemen") get none (sentences written for this test)."""
    from imvo_assist.text.bilingual import interpret

    dutch = {c.source: c for c in interpret(["methodiek", "kritiek"], lambda w: True, "nl")}
    assert "methodologie" in dutch["methodiek"].synonyms
    assert "kritisch" in dutch["kritiek"].synonyms
    assert "methodiek" not in dutch["methodiek"].synonyms
    english = interpret(["methodology"], lambda w: True, "en")
    assert english[0].synonyms == ()
    assert interpret(["noemen"], lambda w: True, "nl")[0].synonyms == ()


def test_a_dutch_verb_form_the_lexicon_lacks_is_read_through_its_infinitive() -> None:
    from imvo_assist.text.bilingual import interpret

    concept = interpret(["gewijzigd"], lambda w: True, "nl")[0]
    assert concept.source == "gewijzigd"
    assert "wijzigen" in concept.parts
    assert "amend" in [t for t, _ in concept.translations]


def test_a_latin_plural_is_a_number_form() -> None:
    assert "musea" in number_forms("museum")
    assert "criteria" in number_forms("criterium")


def test_the_word_lists_decide_a_question_whose_function_words_tie() -> None:
    assert question_language(["our", "firm", "sells", "tea", "is", "tea", "mentioned"]) == "en"
    assert question_language(["onze", "winkel", "verkoopt", "thee", "is", "thee", "genoemd"]) == "nl"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        # function words shared by both languages ("is", "we") do not decide alone
        ("is fair trade a label we check before we buy or something the shop keeps doing", "en"),
        ("we want to know if the audit is done once or every year", "en"),
        # an English loan term in a Dutch question
        ("wat betekent supply chain mapping voor een kleine importeur", "nl"),
        ("is een code of conduct genoeg", "nl"),
    ],
)
def test_the_function_words_decide_the_language_of_a_question(question: str, language: str) -> None:
    assert question_language(question.split()) == language


@pytest.mark.parametrize(
    ("word", "plural"),
    [("missie", "missies"), ("prijs", "prijzen"), ("brief", "brieven"), ("kat", "katten"),
     ("policy", "policies"), ("ngo", "ngo's"), ("country", "countries")],
)
def test_inflected_forms_give_plurals(word: str, plural: str) -> None:
    assert plural in inflected_forms(word)


def test_english_words_side_by_side_join_into_the_dutch_compound_the_index_holds() -> None:
    index = {"kinderarbeid", "arbeid"}
    found = {c.source: [t for t, _ in c.translations] for c in concepts("are kids working there", "en", index)}
    assert found["kids working"] == ["kinderarbeid"]
    # no compound in the index: the words stay apart
    apart = [c.source for c in concepts("are kids working there", "en", {"arbeid"})]
    assert "kids" in apart and "working" in apart
    # words apart in the question are not joined
    assert "kids working" not in [c.source for c in concepts("kids or working adults", "en", index)]
