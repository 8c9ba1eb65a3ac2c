"""Hyphenation repair, ligatures, quotes and control characters."""

from __future__ import annotations

import pytest

from imvo_assist.text.normalise import clean_line, join_lines


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["multinationale onderne-", "mingen"], "multinationale ondernemingen"),
        (["land- en", "tuinbouw"], "land- en tuinbouw"),
        (["de land-", "en tuinbouw"], "de land- en tuinbouw"),
        (["de olie-", "en gasindustrie"], "de olie- en gasindustrie"),
        (["textiel-", "of kledingsector"], "textiel- of kledingsector"),
        (["omgaan met MVO-", "risico's"], "omgaan met MVO-risico's"),
        (["de UN-", "Guiding Principles"], "de UN-Guiding Principles"),
        (["in 2014-", "2015"], "in 2014- 2015"),
        (["een zin.", "Nog een."], "een zin. Nog een."),
        (["", "alleen", ""], "alleen"),
        (["unaniem inge\u00ad", "stemd met"], "unaniem ingestemd met"),  # soft hyphen
        (["een pagina die eindigt in afge\u00ad"], "een pagina die eindigt in afge"),
    ],
)
def test_join_lines_repairs_only_typesetting_hyphens(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_join_lines_is_linear_on_huge_paragraphs() -> None:
    lines = ["woord " * 300 + "onder-", "neming"] * 2000
    text = join_lines(lines)
    assert text.count("onderneming") == 2000


def test_clean_line_unfolds_ligatures_and_keeps_the_quotes_as_printed() -> None:
    printed = "ﬁnanciële «IMVO-convenanten» ’s  werelds"
    assert clean_line(printed) == "financiële «IMVO-convenanten» ’s werelds"


def test_clean_line_strips_terminal_escapes_and_controls() -> None:
    assert clean_line("\x1b[31mrood\x1b[0m en \x1b]0;titel\x07tekst\x00") == "rood en tekst"
