"""Sector risks listed only with a sentence about them, under the category of their source
(issue 12, item 6, the risk part)."""

from __future__ import annotations

import answer_fixtures
import pytest

from imvo_assist.answer.risks import heading_category, named_risks, quotes
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.library import Library
from imvo_assist.models import Answer

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


def risks_by_id(answer: Answer) -> dict[str, dict[str, object]]:
    return {str(r["id"]): r for r in answer.risks}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Broeikasgassen en luchtverontreiniging door veeteelt, ontbossing en koeltransport.",
         ("broeikasgassen-luchtverontreiniging",)),
        ("Greenhouse gas emissions caused by deforestation and transport.",
         ("broeikasgassen-luchtverontreiniging",)),
        ("Kinderarbeid en dwangarbeid in de katoenteelt.", ("dwangarbeid", "kinderarbeid")),
        ("Waterschaarste door de teelt van gewassen in droge gebieden.", ("waterschaarste",)),
        ("Door ontbossing ontstaat landroof.", ("landroof", "uitputting-natuurlijke-hulpbronnen")),
    ],
)
def test_a_sentence_names_the_risks_before_its_causes(sentence: str, expected: tuple[str, ...]) -> None:
    assert named_risks(sentence) == expected


def test_a_long_listing_sentence_is_quoted_by_the_clause_that_names_each_risk() -> None:
    sentence = ("The parties to this agreement will work together during the coming years on many "
                "themes of the chain, such as discrimination, the elimination of child labour, forced "
                "labour, living wages and the health and safety of workers in factories.")
    found = dict(quotes(sentence))
    assert found["kinderarbeid"] == "… the elimination of child labour …"
    assert found["dwangarbeid"] == "… forced labour …"


def test_heading_category_is_the_reports_own() -> None:
    vocabulary = load_vocabulary()
    assert heading_category("10 Metaal / Elektronica > 10.1 Risico's in de keten > Mensenrechten", vocabulary) == "mensenrechten"
    assert heading_category("Chapter 3 > Labour", vocabulary) == "arbeid"
    assert heading_category("12 Textiel en kleding > 12.1 Risico's in de keten", vocabulary) == ""


def test_food_risks_never_quote_a_sentence_about_another_risk(library: Library) -> None:
    answer = library.ask("Welke risico's gelden voor voedingsmiddelen?")
    risks = risks_by_id(answer)
    assert "uitputting-natuurlijke-hulpbronnen" not in risks  # "... door veeteelt, ontbossing ..." is about greenhouse gases
    assert {"broeikasgassen-luchtverontreiniging", "kinderarbeid", "landroof"} <= set(risks)


def test_womens_rights_stand_under_the_reports_heading(library: Library) -> None:
    answer = library.ask("Welke risico's gelden voor de elektronicasector?")
    risks = risks_by_id(answer)
    assert risks["vrouwenrechten"]["category"] == "mensenrechten"  # the report lists it there
    lines = answer.answer.splitlines()
    heading = lines.index("*Mensenrechten*")
    following = lines[heading + 1:]
    block = following[: next((i for i, line in enumerate(following) if not line.startswith("- ")), len(following))]
    assert any(line.startswith("- Vrouwenrechten:") for line in block)


def test_risks_only_in_the_register_take_the_overviews_category(library: Library) -> None:
    answer = library.ask("Which risks does the financial sector have?")
    risks = risks_by_id(answer)
    vocabulary = load_vocabulary()
    for risk_id, risk in risks.items():
        if risk["source"] == "register":
            assert risk["category"] == vocabulary.risk(risk_id).category
