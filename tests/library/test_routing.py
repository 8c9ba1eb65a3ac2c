"""Coverage and timeline questions routed to the overviews (`library.routing`): the issue's
questions, questions of our own in other words, and questions that must reach the answer engine.

Every routed answer is checked for its intent, its language, the printed page or the URL of its
citations and its key words; a covenant that does not name a risk is "not named in ...", never
"not covered".
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "overview"))
from overview_support import bundled_fixture  # noqa: F401 (the `bundled` fixture)

from imvo_assist.library import Library
from imvo_assist.library.routing import route_question
from imvo_assist.models import Answer, Citation
from imvo_assist.settings import Settings

NEVER = ("not covered", "niet gedekt", "niet afgedekt", "uncovered")
BANKING_URL = "https://www.imvoconvenanten.nl/en/banking/about-this-agreement"
GARMENTS_URL = "https://www.imvoconvenanten.nl/en/garments-textile/agreement"
OVERVIEW_URL = "https://www.imvoconvenanten.nl/nl/waarom/risicosectoren"
LETTER = "kamerbrief-2014-11-19-sra"


@pytest.fixture(scope="module")
def shared(indexed: Settings) -> Library:
    return Library(indexed)


@pytest.fixture(scope="module")
def bundled_library(bundled: Settings) -> Library:
    return Library(bundled)


def routed(library: Library, question: str, intent: str, language: str) -> Answer:
    answer = route_question(library, question)
    assert answer is not None, question
    assert (answer.intent, answer.language, answer.not_found) == (intent, language, False)
    assert answer.citations, question
    numbers = [c.n for c in answer.citations]
    assert numbers == list(range(1, len(numbers) + 1))
    for citation in answer.citations:
        assert f"[{citation.n}]" in answer.answer, (question, citation.n)
        assert citation.cite and citation.confidence in ("verified", "reported", "inferred")
    assert not any(word in answer.answer.lower() for word in NEVER)
    json.dumps(answer.to_dict())  # the `ask --json` contract holds
    return answer


def cited(answer: Answer, doc_id: str) -> list[Citation]:
    return [c for c in answer.citations if c.hit.passage.doc_id == doc_id]


def pages(answer: Answer, doc_id: str) -> set[str]:
    return {c.hit.passage.page_label for c in cited(answer, doc_id)}


def urls(answer: Answer) -> set[str]:
    return {c.hit.url for c in answer.citations}


def risk(answer: Answer, risk_id: str, covenant: str) -> dict:
    return next(r for r in answer.risks if r["id"] == risk_id and r["covenant"] == covenant)


# -- the questions -------------------------------------------------------------------


def test_sra_risks_the_textile_covenant_does_not_name_shared(shared: Library) -> None:
    answer = routed(
        shared, "welke risico's uit de SRA dekt het textielconvenant niet?", "coverage", "nl"
    )
    text = answer.answer
    assert "Risico's volgens: MVO Sector Risico Analyse (testversie)" in text
    assert text.index("Niet genoemd in") < text.index("Wel genoemd in") < text.index("Kinderarbeid")
    assert text.index("Vrouwenrechten") < text.index("Wel genoemd in")
    assert [s["id"] for s in answer.sectors] == ["textiel-kleding"]
    assert pages(answer, "sra-testrapport") == {"26"}  # the sector's risks, on their page
    assert "3" in pages(answer, "convenant-test-textiel")  # the sentence naming child labour
    # "not named in" cites the texts it was checked against, each as a whole document
    assert pages(answer, "agreement-test-garments-en") == {""}
    assert risk(answer, "kinderarbeid", "convenant-kleding-textiel")["status"] == "named"
    assert risk(answer, "vrouwenrechten", "convenant-kleding-textiel")["status"] == "not_named"


def test_sra_risks_the_textile_covenant_does_not_name_bundled(bundled_library: Library) -> None:
    answer = routed(
        bundled_library,
        "welke risico's uit de SRA dekt het textielconvenant niet?",
        "coverage",
        "nl",
    )
    assert "onder andere" in answer.answer  # the register's risks are examples
    assert "themalijst van Convenant Duurzame Kleding en Textiel (register)" in answer.answer
    assert OVERVIEW_URL in urls(answer)
    assert any("garments-textile" in url for url in urls(answer))
    themes = [c for c in answer.citations if "redactioneel" in c.cite]
    assert themes and all(c.confidence == "inferred" for c in themes)


@pytest.mark.parametrize("corpus", [pytest.param("shared", marks=pytest.mark.shared), "bundled_library"])
def test_does_the_banking_covenant_address_land_grabbing(
    corpus: str, request: pytest.FixtureRequest
) -> None:
    library = request.getfixturevalue(corpus)
    answer = routed(library, "does the banking covenant address land grabbing?", "coverage", "en")
    assert [(r["id"], r["covenant"], r["status"]) for r in answer.risks] == [
        ("landroof", "convenant-banken", "named")
    ]
    assert "Land grabbing" in answer.answer and '"landrechten"' in answer.answer
    assert "Child labour" not in answer.answer  # that risk only
    [theme] = answer.citations
    assert theme.hit.url == BANKING_URL and theme.hit.passage.page_label == ""
    assert theme.confidence == "inferred" and "editorial" in theme.cite


def test_what_happened_after_the_sra(bundled_library: Library) -> None:
    answer = routed(bundled_library, "what happened after the SRA?", "timeline", "en")
    text = answer.answer
    assert text.startswith("**After CSR Sector Risk Assessment")
    assert "dated September 2014 [1]" in text
    assert (
        answer.citations[0].hit.url
        == "http://docplayer.net/20914262-CSR-Sector-Risk-Assessment.html"
    )
    dates = [line.split(",")[0][2:] for line in text.splitlines() if line.startswith("- ")]
    assert dates == sorted(dates) and all(d > "2014-09" for d in dates)
    assert "2014-11-19, document: Aanbieding van het eindrapport" in text
    assert "Begin volgend jaar zal het kabinet" in text
    assert pages(answer, LETTER) >= {"3", "5"}
    assert "2014-06-24" not in text  # before the SRA
    assert "later events; `imvo-assist timeline`" in text


def test_when_was_the_textile_covenant_signed(bundled_library: Library) -> None:
    answer = routed(
        bundled_library, "wanneer werd het textielconvenant getekend?", "timeline", "nl"
    )
    assert answer.answer.startswith("**Convenant Duurzame Kleding en Textiel**")
    assert "Ondertekend op 4 juli 2016 [1]." in answer.answer
    assert answer.citations[0].hit.url == GARMENTS_URL
    assert answer.citations[0].hit.source == "register"
    assert "de eerste tien IMVO convenanten" in answer.answer  # the letter announcing it
    assert pages(answer, LETTER) == {"3", "4"}


# -- our own questions, other words ------------------------------------------------------------


def test_a_covenant_implied_by_its_sector(shared: Library) -> None:
    answer = routed(
        shared, "Welke risico's van de kledingsector noemt het convenant niet?", "coverage", "nl"
    )
    assert (
        "Convenant Duurzame Kleding en Textiel en de risico's van de sector Textiel"
        in answer.answer
    )
    assert answer.answer.index("Niet genoemd in") < answer.answer.index("Wel genoemd in")


def test_positive_english_question_lists_the_named_risks_first(shared: Library) -> None:
    answer = routed(shared, "Which risks does the garment agreement cover?", "coverage", "en")
    text = answer.answer
    assert text.index("Named in") < text.index("Not named in") and "Child labour" in text
    assert "the elimination of child labour" in text  # the English text, in the question's language
    assert "1" in pages(answer, "agreement-test-garments-en")


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Welke risico's ontbreken in het textielconvenant?", "nl"),
        ("What does the textile covenant not cover?", "en"),
        ("Wat wordt er door het textielconvenant niet gedekt?", "nl"),
    ],
)
def test_missing_and_bare_what_questions(shared: Library, question: str, language: str) -> None:
    answer = routed(shared, question, "coverage", language)
    first, second = (
        ("Niet genoemd in", "Wel genoemd in") if language == "nl" else ("Not named in", "Named in")
    )
    assert answer.answer.index(first) < answer.answer.index(second)


def test_passive_question_about_one_risk(bundled_library: Library) -> None:
    answer = routed(
        bundled_library,
        "Is child labour addressed by the Dutch banking agreement?",
        "coverage",
        "en",
    )
    assert [(r["id"], r["status"]) for r in answer.risks] == [("kinderarbeid", "named")]
    assert '"kinderarbeid"' in answer.answer and BANKING_URL in urls(answer)


def test_the_covenants_of_a_sector_each_answer_for_one_risk(bundled_library: Library) -> None:
    answer = routed(
        bundled_library,
        "Do the covenants of the financial sector mention land grabbing?",
        "coverage",
        "en",
    )
    statuses = {r["covenant"]: r["status"] for r in answer.risks}
    assert statuses == {
        "convenant-banken": "named",
        "convenant-verzekeringssector": "not_named",
        "convenant-pensioenfondsen": "not_named",
    }
    assert (
        "not named in the theme list of Convenant internationaal verantwoord beleggen"
        in answer.answer
    )
    assert "related: 'mensenrechten'" in answer.answer


def test_a_risk_category_narrows_the_rows(bundled_library: Library) -> None:
    answer = routed(
        bundled_library,
        "Welke milieurisico's behandelt het metaalconvenant niet?",
        "coverage",
        "nl",
    )
    assert {r["category"] for r in answer.risks} == {"milieu"}
    assert "alleen de categorie Milieu" in answer.answer
    assert (
        "Niet genoemd in de themalijst van IMVO-convenant Metaalsector (register)" in answer.answer
    )


def test_what_happened_after_the_ser_advice(bundled_library: Library) -> None:
    answer = routed(bundled_library, "Wat gebeurde er na het SER-advies?", "timeline", "nl")
    assert answer.answer.startswith("**Na IMVO-convenanten (25 april 2014)**")
    assert answer.citations[0].hit.url.startswith("https://www.ser.nl/")
    assert "2014-06-24, document: Brief over de stand van zaken" in answer.answer


def test_what_happened_before_a_letter_named_by_its_date(bundled_library: Library) -> None:
    answer = routed(
        bundled_library, "What happened before the letter of 19 November 2014?", "timeline", "en"
    )
    text = answer.answer
    assert text.startswith("**Before Aanbieding van het eindrapport")
    assert "2014-04-25, document: IMVO-convenanten" in text and "2013-06-28" in text
    assert "2015" not in text.split("**Sources**")[0]


def test_when_did_a_covenant_end_gives_the_end_first(bundled_library: Library) -> None:
    answer = routed(bundled_library, "Wanneer liep het textielconvenant af?", "timeline", "nl")
    assert answer.answer.index("Einde: 31 december 2021") < answer.answer.index(
        "Ondertekend op 4 juli 2016"
    )


def test_when_did_it_end_and_other_dates(bundled_library: Library) -> None:
    answer = routed(bundled_library, "Wanneer eindigde het bosbeheerconvenant?", "timeline", "nl")
    text = answer.answer
    assert text.index("Einde: 31 december 2020 [1]") < text.index("Ondertekend op 22 maart 2017")
    assert "Elders gedateerd: 2017-03-21 (https://www.imvoconvenanten.nl/nl/bosbeheer)" in text
    english = routed(
        bundled_library, "When was the letter of 19 November 2014 sent?", "timeline", "en"
    )
    assert "Dated 19 November 2014 [1]." in english.answer
    assert (
        "Dated elsewhere: 2014-11-24 (https://zoek.officielebekendmakingen.nl/kst-26485-201.html)"
        in english.answer
    )


def test_a_passage_giving_the_same_date_is_cited_first(bundled_library: Library) -> None:
    question = (
        "Wanneer is het convenant met de energiebedrijven over de steenkoolketen ondertekend?"
    )
    answer = routed(bundled_library, question, "timeline", "nl")
    assert answer.answer.startswith(
        "**Convenant ten aanzien van de verbeteringen in de steenkolenketen**"
    )
    # the letter says "het op 17 november jl. ondertekende convenant": signed, in its own words
    assert "Ondertekend op 17 november 2014 [1] [2]." in answer.answer
    first, second = answer.citations[:2]
    assert (first.hit.passage.doc_id, first.hit.passage.page_label) == (LETTER, "3")
    assert second.hit.url == "https://zoek.officielebekendmakingen.nl/kst-26485-195.html"


def test_in_which_year_was_a_covenant_signed(bundled_library: Library) -> None:
    answer = routed(
        bundled_library, "In welk jaar is het goudconvenant ondertekend?", "timeline", "nl"
    )
    assert "Convenant Verantwoord Goud" in answer.answer and "19 juni 2017" in answer.answer


def test_events_in_a_year_and_since_a_date(bundled_library: Library) -> None:
    answer = routed(bundled_library, "What happened in 2016?", "timeline", "en")
    assert answer.answer.startswith("**In 2016**")
    assert "2016-07-04, signed: Convenant Duurzame Kleding en Textiel" in answer.answer
    assert "2017" not in answer.answer.split("**Sources**")[0]
    since = routed(bundled_library, "Wat gebeurde er sinds juni 2014?", "timeline", "nl")
    assert since.answer.startswith("**Na juni 2014**")
    assert "2013-06-28" not in since.answer


def test_timeline_of_a_sector(shared: Library) -> None:
    answer = routed(shared, "Geef de tijdlijn van de textielsector", "timeline", "nl")
    assert answer.answer.startswith("**Tijdlijn: sector Textiel en kleding**")
    assert [s["id"] for s in answer.sectors] == ["textiel-kleding"]
    assert "2016-07-04, ondertekend: Convenant Duurzame Kleding en Textiel" in answer.answer
    assert "Banking" not in answer.answer


# -- questions that reach the answer engine ----------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Wat wordt er van bedrijven in het textielconvenant verwacht?",
        "Wat zegt het bankenconvenant over klachtmechanismen?",
        "Wat noemt het textielconvenant over kinderarbeid?",
        "Wanneer moeten bedrijven onder het textielconvenant rapporteren?",
        "When should companies sign up to the covenant?",
        "Who signed the banking covenant?",
        "Which companies does the banking agreement include?",
        "What does the textile covenant name as its goal?",
        "Hoe vaak rapporteren bedrijven onder het textielconvenant?",
        "Hoe lang loopt het textielconvenant?",  # its term is in its own text
        "Welke risico's gelden voor de textielsector?",
        "Welke sectoren noemt de SRA?",
        "Noemt de brief kinderarbeid?",
        "Does the toy industry covenant address child labour?",
        "Dekt het convenant kinderarbeid?",
        "In welke volgorde moeten bedrijven de stappen van due diligence zetten?",
        "Welke stap volgt na de risicoanalyse?",
        "Wat is er gebeurd met de aanbevelingen van de SER?",
        "Wat gebeurde er in de brief van 19 november?",
        "Wanneer is de SER-commissie begonnen?",
        "How many covenants were signed in 2016?",
        "Welke convenanten zijn er voor de financiële sector?",
        "What documents mention the textile covenant?",
        "where do most accidents happen in construction?",
        "What happens after a company joins a covenant?",
        "Wat gebeurt er als een bedrijf zich niet aan het convenant houdt?",
        "Welke afspraken bevat het textielconvenant over kinderarbeid?",
    ],
)
def test_other_questions_fall_through(shared: Library, question: str) -> None:
    assert route_question(shared, question) is None


def test_routed_citations_go_into_a_basket_as_any_answer(shared: Library) -> None:
    from imvo_assist.basket import add_answer, load_basket
    from imvo_assist.basket.export import to_markdown

    land = routed(shared, "does the banking covenant address land grabbing?", "coverage", "en")
    textile = routed(
        shared, "welke risico's uit de SRA dekt het textielconvenant niet?", "coverage", "nl"
    )
    assert add_answer("notitie", land) == (1, 0)
    assert add_answer("notitie", textile) == (len(textile.citations), 0)
    assert add_answer("notitie", land) == (0, 1)  # the same register fact, merged
    items = load_basket("notitie").items
    fact = items[0]
    assert (fact.source, fact.quote, fact.url) == ("register", "landrechten", BANKING_URL)
    assert fact.passage_id.startswith("register-fact:convenant-banken:")
    whole = next(i for i in items if i.doc_id == "agreement-test-garments-en")
    assert whole.page == "" and whole.quote.startswith("[") and whole.quote.endswith("]")
    markdown = to_markdown(load_basket("notitie"))
    assert "[not verified: the theme -> risk mapping is editorial" in markdown
    assert "> Partijen werken aan de volgende thema's" in markdown  # the passage as stored
    assert "MVO Sector Risico Analyse (testversie), p. 26." in markdown
