"""Passages keep the source's characters for display and copying (guillemets, curly quotes);
indexing and matching read a normalised form, so straight and typographic quotes find the
same passage, and `verify` finds a quote written with either kind of quote mark."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import Run, run_cli

from imvo_assist.settings import Settings, make_settings
from imvo_assist.text.normalise import clean_line, index_form

LETTER = (
    "Het kabinet verwacht van bedrijven dat zij hun «responsibility to respect» ten aanzien "
    "van milieu, arbeid en mensenrechten invullen. De MVO-risico’s liggen vaak in de "
    "productieketen; het kabinet spreekt van “due diligence” in de hele keten."
)


def test_displayed_form_keeps_quotes_and_undoes_only_typesetting() -> None:
    printed = "ﬁnanciële «IMVO-convenanten» ’s\u00a0 werelds “due diligence”"
    assert clean_line(printed) == "financiële «IMVO-convenanten» ’s werelds “due diligence”"


def test_matching_form_straightens_quotes_one_character_for_one() -> None:
    text = "«respect» de risico’s van “due diligence” in m² …"
    form = index_form(text)
    assert form == '"respect" de risico\'s van "due diligence" in m2 …'
    assert len(form) == len(text)  # offsets of highlights stay valid in the displayed text


@pytest.fixture
def letter(tmp_path: Path) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "brief.txt").write_text(LETTER + "\n", encoding="utf-8")
    return make_settings(corpus, tmp_path / "ix")


def run(capsys: pytest.CaptureFixture[str], settings: Settings, *args: str) -> Run:
    result = run_cli(capsys, settings, *args)
    assert result.code == 0, result.err
    return result


def letter_hit(capsys: pytest.CaptureFixture[str], settings: Settings, query: str) -> dict:
    """The hit in the letter (register facts of the bundled register may come along)."""
    hits = run(capsys, settings, "search", query, "--json").json()["hits"]  # type: ignore[index]
    [hit] = [hit for hit in hits if hit["doc_id"] == "brief"]
    return hit


def test_passage_keeps_guillemets_and_straight_quotes_find_it(
    letter: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    hit = letter_hit(capsys, letter, "MVO-risico's")
    assert hit["passage"] == LETTER
    assert "**risico’s**" in hit["snippet"]  # the highlight marks the source's characters
    hit = letter_hit(capsys, letter, '"responsibility to respect"')
    assert "«**responsibility** **to** **respect**»" in hit["snippet"]


@pytest.mark.parametrize(
    "quote",
    [
        "hun «responsibility to respect» ten aanzien van milieu",
        'hun "responsibility to respect" ten aanzien van milieu',
        "De MVO-risico's liggen vaak in de productieketen",
    ],
)
def test_verify_finds_the_quote_with_either_kind_of_quote_mark(
    letter: Settings, capsys: pytest.CaptureFixture[str], quote: str
) -> None:
    check = run(capsys, letter, "verify", quote, "--json").json()
    assert check["found"] and check["match"]["score"] == 1.0  # type: ignore[index]
    assert check["match"]["source_text"] in LETTER  # type: ignore[index]
