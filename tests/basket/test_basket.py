"""The citation basket: one JSON file per basket, merged duplicates, reordering, and exports that
keep the source's characters and mark unverified citations."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from cli_support import run_cli

from imvo_assist.basket import (
    BasketError,
    BasketNotFound,
    add_answer,
    add_citations,
    basket_names,
    check_name,
    clear_basket,
    export_basket,
    load_basket,
    move_item,
    remove_item,
)
from imvo_assist.basket.export import confidence_marker
from imvo_assist.basket.store import baskets_dir
from imvo_assist.models import Answer, Citation, Hit, Passage
from imvo_assist.paths import data_dir
from imvo_assist.settings import Settings

# Not corpus text: sentences written for these tests, with the characters exports must keep.
GUILLEMETS = "Het kabinet onderschrijft het advies «Samen verder» – zonder voorbehoud."
SECOND = "Partijen rapporteren jaarlijks over de voortgang; de eerste keer in het voorjaar."


def citation(
    n: int, text: str, page: str = "3", doc: str = "brief-test", **extra: object
) -> Citation:
    passage = Passage(
        id=f"{doc}:{page}:{n}",
        doc_id=doc,
        pdf_page=int(page),
        page_label=page,
        section="Vervolg",
        text=text,
    )
    hit = Hit(
        passage=passage,
        title="Testbrief",
        kind="letter",
        url="https://example.org/brief",
        score=1.0,
        snippet="",
    )
    cite = str(extra.pop("cite", f"Testbrief, p. {page}. https://example.org/brief"))
    made = Citation(n, hit, cite)
    for name, value in extra.items():  # confidence fields, when the model carries them
        object.__setattr__(made, name, value)
    return made


def answer(question: str, *citations: Citation, language: str = "nl") -> Answer:
    return Answer(
        question=question, language=language, intent="search", answer="…", citations=citations
    )


def test_names_are_safe_slugs() -> None:
    assert check_name("notitie-textiel_2") == "notitie-textiel_2"
    for bad in ("", "../x", "a/b", "Notitie", ".hidden", "a b", "x" * 65, "naïef"):
        with pytest.raises(BasketError):
            check_name(bad)


def test_basket_is_one_json_file_in_the_data_folder() -> None:
    added, merged = add_answer("werk", answer("Vraag een?", citation(1, GUILLEMETS)))
    assert (added, merged) == (1, 0)
    path = data_dir() / "baskets" / "werk.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["name"] == "werk" and len(data["items"]) == 1
    item = data["items"][0]
    assert item["quote"] == GUILLEMETS and item["question"] == "Vraag een?"
    assert (item["doc_id"], item["page"], item["url"]) == (
        "brief-test",
        "3",
        "https://example.org/brief",
    )
    assert item["added"].endswith("+00:00")
    assert "«Samen verder»" in path.read_text(encoding="utf-8")  # stored as written, not escaped
    assert basket_names() == ["werk"]
    assert not [p for p in baskets_dir().iterdir() if p.suffix == ".tmp"]  # no temporary left


def test_atomic_write_leaves_the_old_basket_when_replacing_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_answer("werk", answer("Vraag een?", citation(1, GUILLEMETS)))
    before = (baskets_dir() / "werk.json").read_bytes()

    def refuse(source: object, target: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(BasketError, match="disk full"):
        add_answer("werk", answer("Vraag twee?", citation(2, SECOND)))
    assert (baskets_dir() / "werk.json").read_bytes() == before
    assert [p.name for p in baskets_dir().iterdir()] == ["werk.json"]


def test_duplicate_citations_are_merged_and_the_extra_question_recorded() -> None:
    add_answer("werk", answer("Vraag een?", citation(1, GUILLEMETS), citation(2, SECOND)))
    added, merged = add_answer("werk", answer("Andere vraag?", citation(5, GUILLEMETS)))
    assert (added, merged) == (1, 0)  # another passage id: a different citation
    added, merged = add_citations("werk", "Andere vraag?", [citation(1, GUILLEMETS)])
    assert (added, merged) == (0, 1)
    add_citations("werk", "Vraag een?", [citation(1, GUILLEMETS)])  # same question: nothing new
    items = load_basket("werk").items
    assert len(items) == 3
    assert items[0].question == "Vraag een?" and items[0].questions == ["Andere vraag?"]


def test_reorder_remove_and_clear() -> None:
    add_answer("werk", answer("V?", citation(1, "een"), citation(2, "twee"), citation(3, "drie")))
    move_item("werk", 3, 1)
    assert [i.quote for i in load_basket("werk").items] == ["drie", "een", "twee"]
    move_item("werk", 1, 3)
    assert [i.quote for i in load_basket("werk").items] == ["een", "twee", "drie"]
    assert remove_item("werk", 2).quote == "twee"
    assert [i.quote for i in load_basket("werk").items] == ["een", "drie"]
    with pytest.raises(BasketError, match="no item 5"):
        remove_item("werk", 5)
    with pytest.raises(BasketError):
        move_item("werk", 1, 0)
    assert clear_basket("werk") == 2
    assert load_basket("werk").items == [] and basket_names() == ["werk"]


def test_missing_and_damaged_baskets_are_reported() -> None:
    with pytest.raises(BasketNotFound, match="No basket named 'nergens'") as caught:
        load_basket("nergens")
    assert caught.value.exit_code == 1
    assert load_basket("nergens", missing_ok=True).items == []
    baskets_dir().mkdir(parents=True)
    (baskets_dir() / "kapot.json").write_text("{niet json", encoding="utf-8")
    with pytest.raises(BasketError, match="cannot be read"):
        load_basket("kapot")
    (baskets_dir() / "raar.json").write_text('{"items": [{"onbekend": 1}]}', encoding="utf-8")
    with pytest.raises(BasketError, match="invalid item"):
        load_basket("raar")


def test_markdown_export_quotes_with_footnotes_and_keeps_characters() -> None:
    add_answer("werk", answer("Vraag een?", citation(1, GUILLEMETS), citation(2, SECOND)))
    add_citations("werk", "Vraag twee?", [citation(1, GUILLEMETS)])
    text = export_basket(load_basket("werk"), "md")
    assert text.splitlines()[0] == "# Mandje: werk"
    assert f"> {GUILLEMETS}[^1]" in text and f"> {SECOND}[^2]" in text
    assert "Vraag: Vraag een?" in text and "Ook gevraagd: Vraag twee?" in text
    assert "[^1]: Testbrief, p. 3. https://example.org/brief\n" in text
    assert text.index("[^2]: ") > text.index(f"> {SECOND}")  # footnotes after the quotes


def test_unverified_citations_are_marked_once() -> None:
    reported = citation(
        1, GUILLEMETS, confidence="reported", confidence_note="nr. volgens één bron"
    )
    already = citation(
        2,
        SECOND,
        cite="Brief, p. 4. [niet geverifieerd: URL afgeleid]",
        confidence="inferred",
        confidence_note="URL afgeleid",
    )
    verified = citation(3, "Derde zin.", confidence="verified")
    add_answer("werk", answer("V?", reported, already, verified))
    items = load_basket("werk").items
    assert [i.confidence for i in items] == ["reported", "inferred", "verified"]
    assert confidence_marker(items[0]) == " [niet geverifieerd: nr. volgens één bron]"
    assert confidence_marker(items[1]) == ""  # the answer's citation string says so already
    assert confidence_marker(items[2]) == ""
    text = export_basket(load_basket("werk"), "txt", "en")
    assert (
        "Source: Testbrief, p. 3. https://example.org/brief [not verified: nr. volgens één bron]"
        in text
    )
    assert text.count("niet geverifieerd") == 1


def test_citation_without_confidence_is_not_marked() -> None:
    add_answer("werk", answer("V?", citation(1, GUILLEMETS)))
    item = load_basket("werk").items[0]
    assert item.confidence in (None, "verified") and confidence_marker(item) == ""


def test_text_and_csv_exports() -> None:
    add_answer(
        "werk",
        answer(
            "Vraag, met komma?",
            citation(1, GUILLEMETS),
            citation(2, 'Zin met "quotes"\nen een regel.'),
        ),
    )
    text = export_basket(load_basket("werk"), "txt")
    assert text.startswith("Mandje: werk (2 citaten)")
    assert f"1. \u201c{GUILLEMETS}\u201d" in text
    rows = list(csv.DictReader(io.StringIO(export_basket(load_basket("werk"), "csv"))))
    assert [r["nr"] for r in rows] == ["1", "2"]
    assert rows[0]["quote"] == GUILLEMETS and rows[0]["question"] == "Vraag, met komma?"
    assert rows[1]["quote"] == 'Zin met "quotes"\nen een regel.'
    assert rows[0]["citation"] == "Testbrief, p. 3. https://example.org/brief"


def test_empty_basket_exports() -> None:
    add_answer("leeg", answer("V?", citation(1, "x")))
    assert clear_basket("leeg") == 1
    assert export_basket(load_basket("leeg"), "md") == "# Mandje: leeg\n\n(leeg)\n"
    assert export_basket(load_basket("leeg"), "csv").count("\n") == 1  # the header only


# The command line (the `basket` group is registered on `imvo-assist` by cli/commands.py) ------


def test_cli_basket_commands(
    indexed: Settings, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    add_answer("werk", answer("Vraag een?", citation(1, GUILLEMETS), citation(2, SECOND)))
    result = run_cli(capsys, indexed, "basket", "list", "--json")
    assert result.code == 0 and result.json() == [{"name": "werk", "items": 2}]
    shown = run_cli(capsys, indexed, "basket", "show", "werk")
    assert shown.code == 0 and GUILLEMETS in shown.out and "Vraag: Vraag een?" in shown.out
    data = run_cli(capsys, indexed, "basket", "show", "werk", "--json").json()
    assert [i["quote"] for i in data["items"]] == [GUILLEMETS, SECOND]  # type: ignore[index]

    assert run_cli(capsys, indexed, "basket", "move", "werk", "2", "1").code == 0
    exported = run_cli(capsys, indexed, "basket", "export", "werk")
    assert exported.out.index(SECOND) < exported.out.index(GUILLEMETS)
    target = tmp_path / "mandje.csv"
    assert (
        run_cli(
            capsys, indexed, "basket", "export", "werk", "--format", "csv", "--output", str(target)
        ).code
        == 0
    )
    assert GUILLEMETS in target.read_text(encoding="utf-8")

    assert run_cli(capsys, indexed, "basket", "remove", "werk", "1").code == 0
    assert run_cli(capsys, indexed, "basket", "clear", "werk").code == 0
    empty = run_cli(capsys, indexed, "basket", "show", "werk")
    assert empty.code == 1
    missing = run_cli(capsys, indexed, "basket", "show", "nergens")
    assert missing.code == 1 and missing.err.startswith("imvo-assist: No basket named 'nergens'")
    bad = run_cli(capsys, indexed, "basket", "show", "../etc")
    assert bad.code == 2 and "Invalid basket name" in bad.err


def test_ask_add_to_puts_the_answer_in_a_basket(
    indexed: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(
        capsys,
        indexed,
        "ask",
        "--json",
        "--add-to",
        "notitie",
        "Welke risico's gelden voor elektronica?",
    )
    assert result.code == 0
    cited = result.json()["citations"]  # type: ignore[index]
    assert "Basket 'notitie'" in result.err
    assert json.loads(result.out)  # stdout stays one JSON document
    items = load_basket("notitie").items
    assert [i.passage_id for i in items] == [c["passage_id"] for c in cited]
    assert [i.cite for i in items] == [c["cite"] for c in cited]
    again = run_cli(
        capsys, indexed, "ask", "--add-to", "notitie", "Welke risico's gelden voor elektronica?"
    )
    assert again.code == 0 and "already there" in again.err
    assert len(load_basket("notitie").items) == len(items)
    bad = run_cli(capsys, indexed, "ask", "--add-to", "Niet Goed", "kinderarbeid")
    assert bad.code == 2 and "Invalid basket name" in bad.err
