"""Date patterns, tested on sentences written for these tests (none is from the corpus)."""

from __future__ import annotations

from datetime import date

import pytest

from imvo_assist.overview.dates import Span, find_dates, parse_iso

REFERENCE = date(2017, 10, 3)


def found(text: str, reference: date | None = REFERENCE) -> list[tuple[str, str, bool]]:
    return [(m.text, m.span.iso(), m.relative) for m in find_dates(text, reference)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "De minister tekende het akkoord op 5 maart 2018 in Utrecht.",
            ("5 maart 2018", "2018-03-05"),
        ),
        ("Het fonds startte op 1e januari 2019.", ("1e januari 2019", "2019-01-01")),
        ("The fund was launched on 12 February 2020.", ("12 February 2020", "2020-02-12")),
        (
            "The report was published on March 3, 2021 in The Hague.",
            ("March 3, 2021", "2021-03-03"),
        ),
        ("Zie de notitie van 9 okt. 2015 over de pilots.", ("9 okt. 2015", "2015-10-09")),
        ("De evaluatie volgt in september 2019.", ("september 2019", "2019-09")),
        ("Members meet again in Dec 2022.", ("Dec 2022", "2022-12")),
        ("Het plan moet eind 2018 klaar zijn.", ("eind 2018", "2018-09/2018-12")),
        ("A review is due in mid-2019.", ("mid-2019", "2019-05/2019-08")),
        ("In het najaar van 2016 volgt een rondetafel.", ("najaar van 2016", "2016-09/2016-11")),
        ("Results are expected in Q3 2020.", ("Q3 2020", "2020-07/2020-09")),
        (
            "In het eerste kwartaal 2021 start de pilot.",
            ("eerste kwartaal 2021", "2021-01/2021-03"),
        ),
        ("Half the firms should join by 2018.", ("by 2018", "2018")),
        ("Vanaf 2020 geldt de nieuwe regel.", ("Vanaf 2020", "2020")),
    ],
)
def test_absolute_dates(sentence: str, expected: tuple[str, str]) -> None:
    assert found(sentence, None) == [(*expected, False)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Begin volgend jaar stuurt het ministerie een brief.",
            ("Begin volgend jaar", "2018-01/2018-04"),
        ),
        ("Early next year the secretariat reports back.", ("Early next year", "2018-01/2018-04")),
        ("Eind dit jaar is de lijst af.", ("Eind dit jaar", "2017-09/2017-12")),
        ("Vorig jaar deden tien bedrijven mee.", ("Vorig jaar", "2016")),
        ("The plan was drafted last year.", ("last year", "2016")),
        ("Afgelopen zomer sprak de commissie met telers.", ("Afgelopen zomer", "2017-06/2017-08")),
        ("Komende lente wordt het besproken.", ("Komende lente", "2018-03/2018-05")),
        ("De raad evalueert over twee jaar.", ("over twee jaar", "2019")),
        ("Over 6 maanden volgt een besluit.", ("Over 6 maanden", "2018-04")),
        ("The committee will decide in three years.", ("in three years", "2020")),
        ("In de brief van 14 september jl. stond het anders.", ("14 september jl.", "2017-09-14")),
        ("De brief van 14 december jl. volgde later.", ("14 december jl.", "2016-12-14")),
        ("Het overleg is op 20 oktober a.s. in Den Haag.", ("20 oktober a.s.", "2017-10-20")),
        ("Het overleg is op 20 september a.s. in Den Haag.", ("20 september a.s.", "2018-09-20")),
        ("The meeting on 12 October was cancelled.", ("12 October", "2017-10-12")),
        ("A press release says it was agreed the day before.", ("the day before", "2017-10-02")),
    ],
)
def test_relative_dates_are_read_against_the_reference(
    sentence: str, expected: tuple[str, str]
) -> None:
    assert found(sentence) == [(*expected, True)]


def test_relative_phrases_need_a_reference() -> None:
    assert found("Begin volgend jaar volgt een brief over 14 september jl.", None) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Er doen 2016 bedrijven mee aan het programma.",
        "De termijn is 3-5 jaar en de looptijd vijf jaar.",
        "Binnen zes maanden doet de commissie uitspraak.",
        "Na drie jaar volgt een tussentijdse evaluatie.",
        "Companies may 2019 differently than planned.",
        "Het rapport telt 2014 pagina's en 86 sectoren.",
        "Zie artikel 12 lid 3 van de wet (2014-2020).",
    ],
)
def test_no_false_dates(sentence: str) -> None:
    assert found(sentence) == []


def test_several_dates_in_text_order_and_longest_wins() -> None:
    text = "Het akkoord liep van 1 juli 2019 tot 30 juni 2024; in 2016 begon het overleg."
    assert found(text) == [
        ("1 juli 2019", "2019-07-01", False),
        ("30 juni 2024", "2024-06-30", False),
        ("in 2016", "2016", False),
    ]


def test_an_impossible_day_leaves_its_month() -> None:
    assert found("Op 31 februari 2019 gebeurde niets.", None) == [
        ("februari 2019", "2019-02", False)
    ]


def test_parse_iso_and_overlap() -> None:
    day = parse_iso("2016-07-04")
    month = parse_iso("2016-07")
    year = parse_iso("2016")
    assert day == Span(date(2016, 7, 4), date(2016, 7, 4), "day")
    assert month is not None and month.end == date(2016, 7, 31) and month.iso() == "2016-07"
    assert year is not None and year.iso() == "2016"
    assert day is not None and day.overlaps(year) and month.overlaps(day)
    assert not day.overlaps(parse_iso("2017"))  # type: ignore[arg-type]
    assert parse_iso("unknown") is None and parse_iso("2016-13") is None
