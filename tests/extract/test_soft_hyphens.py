"""Soft hyphens (U+00AD): a word broken at a line end is joined ("inge" + "stemd" ->
"ingestemd") and soft hyphens inside words are dropped, in PDFs and in every text format; the
report's running headers on two-page spreads still give the printed pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import run_cli
from pdf_support import LANDSCAPE, Page, write_pdf

from imvo_assist.collection.scan import CorpusFile
from imvo_assist.extract import extract_file
from imvo_assist.models import Document, Passage
from imvo_assist.settings import make_settings

SHY = "\u00ad"
BROKEN = [f"De VN-Mensenrechtenraad heeft in 2011 unaniem inge{SHY}", "stemd met de UN Guiding"]
BROKEN_TAIL = f"Principles; bedrijven moeten risico's onder{SHY}zoeken en aanpakken."

WORDS = ["aardbei", "bosbes", "citroen", "dadel", "egel", "framboos", "granaat", "hazelnoot"]
FILLER = [
    "De sector kent risico's voor mensenrechten, arbeid en milieu in de hele keten.",
    "Bedrijven brengen die risico's in kaart en nemen maatregelen waar dat nodig is.",
    "Dit hoofdstuk beschrijft de belangrijkste risico's en de rol van de overheid.",
]


def passages_of(path: Path) -> list[Passage]:
    item = CorpusFile(path, path.name, Document(id=path.stem))
    return extract_file(item, sha256="").passages


def spread_report(path: Path) -> Path:
    """Four spreads of a report, printed pages 132-139, with the report's running headers:
    "134 | MVO Sector Risico Analyse | SEPTEMBER 2014" on the left half, "SEPTEMBER 2014 |
    MVO Sector Risico Analyse | 135" on the right; the broken word is on printed page 134."""
    pages = []
    for spread in range(4):
        left, right = 132 + 2 * spread, 133 + 2 * spread
        page = Page(LANDSCAPE)
        page.text(40, 560, f"{left} | MVO Sector Risico Analyse | SEPTEMBER 2014")
        page.text(460, 560, f"SEPTEMBER 2014 | MVO Sector Risico Analyse | {right}")
        body = [*BROKEN, BROKEN_TAIL] if left == 134 else [f"Linkerhelft {WORDS[left - 132]}."]
        for x, lines in ((40, body), (460, [f"Rechterhelft {WORDS[right - 132]}."])):
            for n, line in enumerate([*lines, *FILLER]):
                page.text(x, 520 - 14 * n, line)
        pages.append(page)
    return write_pdf(path, pages)


def test_pdf_spread_joins_soft_hyphenated_words_on_the_right_printed_page(tmp_path: Path) -> None:
    passages = passages_of(spread_report(tmp_path / "sra.pdf"))
    [broken] = [p for p in passages if "Mensenrechtenraad" in p.text]
    assert "unaniem ingestemd met de UN Guiding Principles" in broken.text
    assert "risico's onderzoeken" in broken.text and SHY not in broken.text
    assert (broken.page_label, broken.pdf_page) == ("134", 2)
    halves = {p.text.split()[1].rstrip("."): p.page_label for p in passages if "helft" in p.text}
    assert halves == {WORDS[n - 132]: str(n) for n in range(132, 140) if n != 134}
    assert not any("SEPTEMBER 2014" in p.text for p in passages)  # running headers removed


def test_search_finds_the_joined_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    spread_report(corpus / "sra.pdf")
    settings = make_settings(corpus, tmp_path / "ix")
    result = run_cli(capsys, settings, "search", "ingestemd", "--json")
    assert result.code == 0, result.err
    [hit] = result.json()["hits"]  # type: ignore[index]
    assert (hit["page"], hit["pdf_page"]) == ("134", 2)
    assert "**ingestemd**" in hit["snippet"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("brief.txt", "\n".join([*BROKEN, BROKEN_TAIL])),
        ("notitie.md", "# Notitie\n\n" + "\n".join([*BROKEN, BROKEN_TAIL])),
        ("pagina.html", "<p>" + "\n".join([*BROKEN, BROKEN_TAIL]).replace(SHY, "&shy;") + "</p>"),
        ("register.csv", 'nr;tekst\n1;"' + "\n".join([*BROKEN, BROKEN_TAIL]) + '"\n'),
    ],
)
def test_text_formats_join_soft_hyphenated_words(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    text = " ".join(p.text for p in passages_of(path))
    assert "unaniem ingestemd met de UN Guiding" in text
    assert "risico's onderzoeken" in text and SHY not in text
