"""Tagging passages with sectors, risks and organisations; register facts as passages."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from imvo_assist.catalogue import loader, tagging
from imvo_assist.catalogue.facts import register_passages
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.catalogue.tagging import Tagger, default_tagger
from imvo_assist.index import Filters
from imvo_assist.library import Library
from imvo_assist.paths import BUNDLED_CORPUS
from imvo_assist.settings import Settings


@pytest.mark.parametrize(
    ("text", "sectors", "risks"),
    [
        ("De elektronicasector gebruikt tantaal.", {"elektronica"}, set()),
        ("problemen in de textielketen en kledingindustrie", {"textiel-kleding"}, set()),
        ("Kinderarbeid in de cacaoteelt", {"voedingsmiddelen"}, {"kinderarbeid"}),
        ("Child labour in the electronics industry", {"elektronica"}, {"kinderarbeid"}),
        ("smartphones en spijkerbroeken", {"elektronica", "textiel-kleding"}, set()),
        ("banken en pensioenfondsen", {"financiele-sector"}, set()),
        ("water- en bodemverontreiniging door de olie- en gasindustrie", {"olie-gas"}, {"water-bodemverontreiniging"}),
        ("bouwplaatsen in de landbouw", {"land-tuinbouw"}, set()),  # no "bouw" inside "landbouw"
    ],
)
def test_tagger_finds_forms_compounds_and_english(text: str, sectors: set[str], risks: set[str]) -> None:
    tags = default_tagger().tag(text)
    assert set(tags.sectors) == sectors
    assert set(tags.risks) == risks


def test_tagger_matches_organisation_spellings_and_typos() -> None:
    tags = default_tagger().tag("aldus de Stichting Onderzoek Multinationale Ondernemingen en de Schone Kleren Kampagne")
    assert {"somo", "skc"} <= set(tags.orgs)
    assert "fnv" not in default_tagger().tag("CNV Internationaal").orgs


def test_register_facts_cite_the_kpmg_chapter_page_and_source() -> None:
    facts = [f for f in register_passages() if f.passage.sectors == ("elektronica",)]
    dutch = [f for f in facts if f.language == "nl"]
    assert {f.passage.risks[0] for f in dutch} >= {"kinderarbeid"}
    child = next(f.passage for f in dutch if f.passage.risks == ("kinderarbeid",))
    # stated on the overview page (a web page: no printed page); the section points to the chapter
    assert child.doc_id == "overzicht-risicosectoren-nl" and child.page_label == ""
    assert "https://" in child.text and child.section == "KPMG-rapport, hoofdstuk Metaal / Elektronica (vanaf p. 134)"


def test_passages_are_filterable_by_sector_tag(indexed: Settings) -> None:
    hits = Library(indexed).search("kinderarbeid", Filters(sector="elektronica", source="passage")).hits
    assert hits and all("elektronica" in hit.passage.sectors for hit in hits)
    assert any(hit.passage.doc_id == "sra-testrapport" and hit.passage.page_label == "22" for hit in hits)


def test_original_passages_rank_above_register_facts(indexed: Settings) -> None:
    hits = Library(indexed).search("kinderarbeid elektronica", limit=10).hits
    sources = [hit.source for hit in hits]
    assert "register" in sources and sources[0] == "passage"
    first_register = sources.index("register")
    assert all(source == "passage" for source in sources[:first_register])


def test_register_facts_answer_on_an_empty_corpus(fresh_corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from imvo_assist.library import open_library
    from imvo_assist.settings import make_settings

    library = open_library(make_settings(fresh_corpus, tmp_path / "ix"))
    hits = library.search("child labour electronics").hits
    assert hits and hits[0].source == "register"
    assert hits[0].passage.doc_id == "overzicht-risicosectoren-en" and "English edition" in hits[0].passage.text
    assert hits[0].url.startswith("https://") or hits[0].url == ""
    rows = {row["id"]: row for row in library.document_list()}
    assert rows["kpmg-sra-2014-nl"]["status"] == "missing"
    assert "rijksoverheid.nl" in str(rows["kpmg-sra-2014-nl"]["error"])


def test_tags_of_short_texts_are_kept_and_equal_fresh_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    tagger = Tagger(load_vocabulary())
    trail = "10 Textiel en kleding > 10.1 Risico's in de keten > Arbeid"
    first = tagger.tag(trail)
    assert first == tagger._tag(trail) and tagger.tag(trail) is first  # kept, keyed by the text
    assert tagger.tag("Bouw") != first  # another text, its own tags
    long = "kinderarbeid in de textielsector " * 20
    assert tagger.tag(long) == tagger._tag(long) and long not in tagger.text_cache
    monkeypatch.setattr(tagging, "MAX_KEPT_TEXTS", 2)
    tagger.tag("Chemie")  # full: forgotten all at once, then kept again
    assert list(tagger.text_cache) == ["Chemie"]


def test_the_kept_tagger_is_rebuilt_when_the_vocabulary_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, bundled)
    for module in (tagging, loader):
        monkeypatch.setattr(module, "BUNDLED_CORPUS", bundled)
    caches = (tagging.default_tagger, loader._bundled_vocabulary)
    for cache in caches:
        cache.cache_clear()
    try:
        assert "bouw" not in default_tagger().tag("een werf met zandlopers").sectors
        vocabulary = bundled / "vocabulary.toml"
        vocabulary.write_text(vocabulary.read_text(encoding="utf-8").replace(
            '"cement", "beton"', '"cement", "zandlopers", "beton"'), encoding="utf-8")
        for cache in caches:  # a new process: only the kept files remain
            cache.cache_clear()
        assert "bouw" in default_tagger().tag("een werf met zandlopers").sectors
        # rebuilt under a new key; the copy built from the old vocabulary is removed
        assert len(list((Path(os.environ["IMVO_ASSIST_DATA"]) / "cache").glob("tagger-*"))) == 1
    finally:
        for cache in caches:
            cache.cache_clear()
