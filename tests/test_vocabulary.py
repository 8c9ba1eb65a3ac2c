"""The bundled vocabulary and document register: content, lookups and validation."""

from __future__ import annotations

import csv
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from shared_paths import CORPUS, SHARED

from imvo_assist.catalogue import loader
from imvo_assist.catalogue.loader import load_documents, load_vocabulary
from imvo_assist.errors import CorpusError
from imvo_assist.paths import BUNDLED_CORPUS
from imvo_assist.text.fold import fold

FACTS = SHARED / "facts"
TEST_REGISTER = CORPUS / "bronnenboek-test.csv"
needs_shared = pytest.mark.shared  # skipped (with conftest's one reason) when ../shared is missing


def facts(name: str) -> dict:
    return tomllib.loads((FACTS / name).read_text(encoding="utf-8"))


def facts_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(FACTS.glob("*.toml")))


def kamerstuk_numbers(text: str) -> set[tuple[str, str]]:
    """(dossier, nr) pairs such as ("26 485", "187") named in a text."""
    return set(re.findall(r"(\d{2} \d{3}),? nr\.? ?(\d+)", text))


# --- Content of the bundled vocabulary ------------------------------------------------------------


def test_bundled_vocabulary_loads_and_is_cached():
    vocabulary = load_vocabulary()
    assert vocabulary is load_vocabulary()
    assert len(vocabulary.sectors) == 13
    assert {r.category for r in vocabulary.risks} <= {c.id for c in vocabulary.categories}


@needs_shared
def test_sectors_pages_and_risks_follow_the_facts():
    vocabulary = load_vocabulary()
    for fact in facts("sectors.toml")["sector"]:
        sector = vocabulary.sector(fact["id"])
        assert (sector.name_nl, sector.name_en) == (fact["name_nl"], fact["name_en"])
        assert sector.risks == tuple(fact["kpmg_risks"])
        assert sector.page_nl == str(fact["page_nl"])
        assert sector.page_en == (None if fact["page_en"] == "unknown" else str(fact["page_en"]))
        assert sector.source_url == fact["source_url"]
    assert "page_en" in vocabulary.sector("hout-papier").low_confidence


@needs_shared
def test_every_fact_risk_and_organisation_is_in_the_vocabulary():
    vocabulary = load_vocabulary()
    for fact in facts("risks.toml")["risk"]:
        assert vocabulary.risk(fact["id"]).category == fact["category"]
    for fact in facts("organisations.toml")["organisation"]:
        assert vocabulary.organisation(fact["id"]).source_url == fact["source_url"]


@needs_shared
def test_no_url_is_invented():
    known = facts_text()
    for name in ("vocabulary.toml", "documents.toml"):
        text = (BUNDLED_CORPUS / name).read_text(encoding="utf-8")
        for url in re.findall(r'"(https?://[^"]+)"', text):
            assert url in known, f"{name}: {url} is not in the facts"


@pytest.mark.parametrize(
    ("word", "sector_id"),
    [
        ("smartphone", "elektronica"),
        ("Smartphones", "elektronica"),
        ("mobiele telefoon", "elektronica"),
        ("elektronicasector", "elektronica"),
        ("electronica", "elektronica"),
        ("spijkerbroeken", "textiel-kleding"),
        ("jeans", "textiel-kleding"),
        ("T-shirt", "textiel-kleding"),
        ("kledingindustrie", "textiel-kleding"),
        ("textielsector", "textiel-kleding"),
        ("textiel & kleding", "textiel-kleding"),
        ("bank", "financiele-sector"),
        ("pensioenfonds", "financiele-sector"),
        ("Financiële sector", "financiele-sector"),
        ("financiele sector", "financiele-sector"),
        ("hout & papier", "hout-papier"),
        ("Hout en papier", "hout-papier"),
        ("land- en tuinbouw", "land-tuinbouw"),
        ("landbouwsector", "land-tuinbouw"),
        ("cacao", "voedingsmiddelen"),
        ("Oil & Gas", "olie-gas"),
        ("oil and gas", "olie-gas"),
        ("olie-gas", "olie-gas"),
    ],
)
def test_match_sector(word, sector_id):
    sector = load_vocabulary().match_sector(word)
    assert sector is not None and sector.id == sector_id


def test_match_sector_names_and_misses():
    vocabulary = load_vocabulary()
    assert vocabulary.match_sector("spijkerbroeken").name_nl == "Textiel en kleding"
    assert vocabulary.match_sector("bank").name("nl") == "Financiële sector"
    assert vocabulary.match_sector("bank").name("en") == "Finance"
    for word in ("toerismesector", "luchtvaart", "aviation", ""):
        assert vocabulary.match_sector(word) is None
    assert [s.id for s in vocabulary.match_sectors("Metaal / Elektronica")] == [
        "metaal",
        "elektronica",
    ]
    assert [s.id for s in vocabulary.match_sectors("hout en papier")] == ["hout-papier"]


def test_risks_spellings_and_suggestions():
    vocabulary = load_vocabulary()
    for word in ("kinderarbeid", "Child labour", "child labor"):
        assert vocabulary.match_risk(word).id == "kinderarbeid"
    assert vocabulary.match_risk("forced labor").id == "dwangarbeid"
    assert vocabulary.match_risk("Landroof").category == "mensenrechten"
    assert vocabulary.suggest("kinderabeid")[0].lower() == "kinderarbeid"
    assert vocabulary.suggest("kinderarbied")[0].lower() == "kinderarbeid"
    assert "landroof" in [s.lower() for s in vocabulary.suggest("landrof")]
    assert "elektronica" in [s.lower() for s in vocabulary.suggest("elektronika")]
    assert vocabulary.suggest("xyzzyq") == []


def test_a_risk_category_is_matched_by_its_dutch_or_english_name():
    vocabulary = load_vocabulary()
    assert vocabulary.match_category("Mensenrechten") == "mensenrechten"
    assert vocabulary.match_category("human rights") == "mensenrechten"
    assert vocabulary.match_category("Risico's in de keten") == ""


def test_terms_cover_names_variants_and_aliases():
    terms = {(fold(form), kind, id) for form, kind, id in load_vocabulary().terms()}
    assert ("hout en papier", "sector", "hout-papier") in terms
    assert ("hout & papier", "sector", "hout-papier") in terms
    assert ("smartphone", "sector", "elektronica") in terms
    assert ("child labor", "risk", "kinderarbeid") in terms
    assert ("clean clothes campaign", "organisation", "skc") in terms
    forms: dict[tuple[str, str], str] = {}
    for form, kind, id in terms:
        assert forms.setdefault((form, kind), id) == id, f"{form!r} names two {kind}s"


# --- Organisations -------------------------------------------------------------------------------


@needs_shared
def test_every_test_register_spelling_maps_to_an_organisation():
    vocabulary = load_vocabulary()
    with TEST_REGISTER.open(encoding="utf-8-sig", newline="") as handle:
        spellings = {row["organisatie"] for row in csv.DictReader(handle, delimiter=";")}
    assert len(spellings) > 20
    for spelling in spellings:
        assert vocabulary.match_organisation(spelling) is not None, spelling


@pytest.mark.parametrize(
    ("spellings", "org_id"),
    [
        (["SOMO", "Stichting Onderzoek Multinationale Ondernemingen", "somo",
          "Centre for Research on Multinational Corporations"], "somo"),
        (["Schone Kleren Campagne", "Clean Clothes Campaign", "Stichting Schone Kleren Campagne",
          "SKC", "CCC", "Schone Kleren Kampagne"], "skc"),
        (["Landelijke India Werkgroep", "India Committee of the Netherlands", "ICN", "LIW"], "icn"),
        (["Stop Kinderarbeid", "Stop Child Labour"], "stop-kinderarbeid"),
        (["Oxfam Novib", "Oxfam Noviib", "oxfam-novib"], "oxfam-novib"),
        (["CNV Internationaal", "CNV"], "cnv"),
        (["Amnesty International", "Amnesty International Nederland"], "amnesty-nl"),
        (["Natuur en Milieu", "Stichting Natuur & Milieu"], "natuur-milieu"),
    ],
)
def test_organisation_spellings_share_an_id(spellings, org_id):
    vocabulary = load_vocabulary()
    for spelling in spellings:
        match = vocabulary.match_organisation(spelling)
        assert match is not None and match[0].id == org_id, spelling


def test_organisation_matching_is_not_too_loose():
    vocabulary = load_vocabulary()
    assert vocabulary.match_organisation("Human Rights Watch") is None
    assert vocabulary.match_organisation("Greenpeace") is None
    assert vocabulary.match_organisation("FNV")[0].id == "fnv"
    assert vocabulary.match_organisation("VNV") is None  # short forms match exactly only
    organisation, score = vocabulary.match_organisation("Schone Kleren Kampagne")
    assert organisation.name_en == "Clean Clothes Campaign" and 88 <= score < 100
    assert vocabulary.organisation("test-dagblad-testkrant").synthetic
    assert not vocabulary.organisation("somo").synthetic


# --- The document register -----------------------------------------------------------------------


def test_bundled_documents_load_with_url_and_source():
    documents = load_documents()
    assert len({d.id for d in documents}) == len(documents)
    raw = tomllib.loads((BUNDLED_CORPUS / "documents.toml").read_text(encoding="utf-8"))
    for entry in raw["document"]:
        assert entry["url"] == "unknown" or entry["url"].startswith("https://"), entry["id"]
        assert entry["source_url"].startswith("http"), entry["id"]
    letter = next(d for d in documents if d.id == "kamerbrief-2014-11-19-sra")
    assert letter.files == ("kamerbrief-2014-11-19-sra.pdf",)
    assert letter.kind == "letter" and letter.date == "2014-11-19"
    assert {"kamerstuk", "citation", "url"} <= letter.register.low_confidence
    assert letter.registered and not letter.file and not letter.pages  # only an index sets these
    report = next(d for d in documents if d.id == "kpmg-sra-2014-nl")
    metal = next(c for c in report.register.chapters if c.title == "Metaal / Elektronica")
    assert (metal.page, metal.sectors) == ("134", ("metaal", "elektronica"))
    english = next(d for d in documents if d.id == "kpmg-sra-2014-en")
    wood = next(c for c in english.register.chapters if c.sectors == ("hout-papier",))
    assert english.url == "" and wood.page is None and wood.page_inferred == "156"


@needs_shared
def test_documents_cover_the_facts():
    ids = {d.id for d in load_documents()}
    assert {d["id"] for d in facts("documents.toml")["document"]} <= ids
    covenants = {d.register.covenant for d in load_documents() if d.kind == "covenant"}
    assert {c["id"] for c in facts("covenants.toml")["covenant"]} == covenants
    assert {c for s in load_vocabulary().sectors for c in s.covenants} <= covenants
    assert {"kamerbrief-2014-11-19-sra", "kpmg-sra-2014-nl", "kpmg-sra-2014-en",
            "ser-advies-2014-imvo-convenanten", "bronnenboek-sra"} <= ids


@needs_shared
def test_no_document_claims_an_unsourced_kamerstuk():
    known = kamerstuk_numbers(facts_text())
    for document in load_documents():
        claimed = kamerstuk_numbers(f"{document.citation} {document.register.kamerstuk}")
        assert claimed <= known, f"{document.id}: {claimed - known}"
    assert ("26 485", "197") in known and ("26 485", "187") in known


@needs_shared
def test_chapter_pages_come_from_the_facts():
    fact_docs = {d["id"]: d for d in facts("documents.toml")["document"]}
    for document in load_documents():
        fact = fact_docs.get(document.id, {})
        listed = fact.get("chapters", []) + fact.get("sector_chapters_list", [])
        pages = {str(c["page"]) for c in listed} | {str(c.get("page_inferred")) for c in listed}
        for chapter in document.register.chapters:
            assert chapter.page in pages | {None}, (document.id, chapter.title)
            assert chapter.page_inferred in pages | {None}, (document.id, chapter.title)


# --- Validation ----------------------------------------------------------------------------------

GOOD_VOCABULARY = """\
version = 1

[[category]]
id = "arbeid"
name_nl = "Arbeid"
name_en = "Labour"

[[risk]]
id = "kinderarbeid"
name_nl = "Kinderarbeid"
name_en = "Child labour"
category = "arbeid"
source_url = "https://example.org/risks"

[[sector]]
id = "elektronica"
name_nl = "Elektronica"
name_en = "Electronics"
everyday = ["smartphone"]
risks = ["kinderarbeid"]
source_url = "https://example.org/sectors"

[[sector]]
id = "textiel-kleding"
name_nl = "Textiel en kleding"
name_en = "Textiles and clothing"
everyday = ["jeans"]
risks = ["kinderarbeid"]
source_url = "https://example.org/sectors"

[[organisation]]
id = "somo"
name_nl = "Stichting Onderzoek Multinationale Ondernemingen"
abbreviations = ["SOMO"]
kind = "knowledge-institute"
source = "test"
"""


SECOND_SECTOR_ID = 'id = "elektronica"'


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def load_bad(tmp_path: Path, text: str, loader=load_vocabulary) -> CorpusError:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        loader(path)
    assert str(path) in str(caught.value)
    return caught.value


def test_small_vocabulary_loads(tmp_path):
    path = tmp_path / "vocabulary.toml"
    path.write_text(GOOD_VOCABULARY, encoding="utf-8")
    vocabulary = load_vocabulary(path)
    assert vocabulary.match_sector("Smartphone").id == "elektronica"
    somo = vocabulary.organisation("somo")
    assert vocabulary.match_organisation("SOMO") == (somo, 100.0)
    assert somo.name_en == somo.name_nl  # name_en defaults to name_nl


def test_duplicate_id_names_file_and_line(tmp_path):
    text = GOOD_VOCABULARY.replace('id = "textiel-kleding"', 'id = "elektronica"')
    error = load_bad(tmp_path, text)
    assert f"line {line_of(text, SECOND_SECTOR_ID, 2)}:" in error.message
    assert "duplicate sector id 'elektronica'" in error.message


def test_word_in_two_sectors_names_file_and_line(tmp_path):
    text = GOOD_VOCABULARY.replace('everyday = ["jeans"]', 'everyday = ["jeans", "Smartphone"]')
    error = load_bad(tmp_path, text)
    assert f"line {line_of(text, 'Smartphone')}:" in error.message
    assert "'elektronica'" in error.message and "'textiel-kleding'" in error.message


def test_unknown_risk_id_names_file_and_line(tmp_path):
    text = GOOD_VOCABULARY.replace(
        'risks = ["kinderarbeid"]\nsource_url = "https://example.org/sectors"\n\n[[organisation]]',
        'risks = ["kinderarbeid", "landroof"]\nsource_url = "https://example.org/sectors"\n\n'
        "[[organisation]]",
    )
    error = load_bad(tmp_path, text)
    assert f"line {line_of(text, 'landroof')}:" in error.message
    assert "unknown risk id 'landroof'" in error.message


def test_missing_field_and_bad_kind_name_file_and_line(tmp_path):
    text = GOOD_VOCABULARY.replace('name_en = "Electronics"\n', "")
    error = load_bad(tmp_path, text)
    assert f"line {line_of(text, SECOND_SECTOR_ID)}:" in error.message
    assert "lacks field 'name_en'" in error.message
    text = GOOD_VOCABULARY.replace('kind = "knowledge-institute"', 'kind = "think-tank"')
    error = load_bad(tmp_path, text)
    assert f"line {line_of(text, 'think-tank')}:" in error.message


def test_broken_toml_names_file_and_line(tmp_path):
    error = load_bad(tmp_path, GOOD_VOCABULARY + "\n[[sector]\n")
    assert "line" in error.message


GOOD_DOCUMENTS = """\
[[document]]
id = "brief"
title = "Brief"
kind = "letter"
language = "nl"
url = "unknown"
source_url = "https://example.org/brief"

[[document]]
id = "convenant"
title = "Convenant"
kind = "covenant"
language = "nl"
url = "https://example.org/convenant"
source_url = "https://example.org/convenant"
sectors = ["elektronica"]
"""


BRIEF_ID = 'id = "brief"'


def test_document_register_validation(tmp_path):
    path = tmp_path / "documents.toml"
    path.write_text(GOOD_DOCUMENTS, encoding="utf-8")
    assert [d.url for d in load_documents(path)] == ["", "https://example.org/convenant"]
    text = GOOD_DOCUMENTS.replace('id = "convenant"', 'id = "brief"')
    error = load_bad(tmp_path, text, load_documents)
    assert f"line {line_of(text, BRIEF_ID, 2)}:" in error.message
    text = GOOD_DOCUMENTS.replace('kind = "covenant"', 'kind = "treaty"')
    error = load_bad(tmp_path, text, load_documents)
    assert f"line {line_of(text, 'treaty')}:" in error.message
    text = GOOD_DOCUMENTS.replace('source_url = "https://example.org/brief"\n', "")
    assert "'source_url'" in load_bad(tmp_path, text, load_documents).message
    vocabulary = load_vocabulary()
    bad = tmp_path / "sectors.toml"
    bad.write_text(GOOD_DOCUMENTS.replace('["elektronica"]', '["toerisme"]'), encoding="utf-8")
    with pytest.raises(CorpusError, match="unknown sector 'toerisme'"):
        load_documents(bad, vocabulary)


# --- Confidence markers (issue 13): levels, reasons, overview pages ------------------------------


def test_confidence_markers_become_levels_with_reasons(tmp_path):
    text = GOOD_DOCUMENTS.replace(
        'url = "unknown"\n',
        'url = "https://example.org/kst-1-2.html"\nurl_confidence = "inferred"\n'
        'url_basis_nl = "URL afgeleid"\ncitation = "Kamerstuk 1, nr. 2"\ncitation_confidence = "low"\n'
        'citation_source_url = "https://example.org/listing"\npagination_nl = "eigen paginering"\n',
    )
    path = tmp_path / "documents.toml"
    path.write_text(text, encoding="utf-8")
    brief = load_documents(path)[0].register
    assert brief.field_trust("url").level == "inferred" and brief.field_trust("url").basis("nl") == "URL afgeleid"
    assert brief.field_trust("citation").level == "reported"  # the facts' "low" reads as reported
    assert brief.field_trust("citation").source_url == "https://example.org/listing"
    assert brief.field_trust("title").level == "verified"  # no marker: verified
    assert brief.low_confidence == {"url", "citation"} and brief.pagination("nl") == "eigen paginering"


def test_unknown_confidence_value_and_unknown_complete_in_name_file_and_line(tmp_path):
    text = GOOD_DOCUMENTS.replace('url = "unknown"\n', 'url = "unknown"\nurl_confidence = "maybe"\n')
    error = load_bad(tmp_path, text, load_documents)
    assert f"line {line_of(text, 'maybe')}:" in error.message and "url_confidence" in error.message
    text = GOOD_DOCUMENTS.replace('url = "unknown"\n', 'url = "unknown"\ncomplete_in = ["rapport"]\n')
    error = load_bad(tmp_path, text, load_documents)
    assert f"line {line_of(text, 'complete_in')}:" in error.message and "'rapport'" in error.message
    error = load_bad(tmp_path, GOOD_VOCABULARY.replace('kind = "knowledge-institute"',
                                                      'kind = "knowledge-institute"\nconfidence = "dubious"'))
    assert "confidence 'dubious'" in error.message


def test_the_letters_uncertain_facts_carry_their_level_reason_and_source():
    letter = next(d.register for d in load_documents() if d.id == "kamerbrief-2014-11-19-sra")
    nr_201 = "https://zoek.officielebekendmakingen.nl/kst-26485-201.html"
    citation = letter.field_trust("citation")
    assert (citation.level, citation.source_url) == ("reported", nr_201)
    assert "Kamerstuk 26 485, nr. 201" in citation.basis("nl") and "nr. 201" in citation.basis("en")
    assert letter.field_trust("url").level == "inferred"
    assert letter.field_trust("title").level == "reported"
    assert letter.pagination("nl") and letter.pagination("en")
    bronnenboek = next(d.register for d in load_documents() if d.id == "bronnenboek-sra")
    assert bronnenboek.field_trust("entry").level == "reported" and bronnenboek.field_trust("citation").basis("en")


def test_every_sectors_overview_is_a_registered_web_page_that_lists_examples():
    from imvo_assist.catalogue.facts import overview_of

    documents = {d.id: d for d in load_documents()}
    for sector in load_vocabulary().sectors:
        for language in ("nl", "en"):
            overview = overview_of(sector, language)
            assert overview is not None, (sector.id, language)
            assert overview.kind == "web page" and overview.language == language
            facts = overview.register
            assert facts.lists_examples and facts.examples(language)
            assert facts.field_trust("content").level == "reported"
            assert facts.complete_in and set(facts.complete_in) <= set(documents)


def test_the_kept_catalogue_is_rebuilt_and_checked_when_a_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = tmp_path / "corpus"
    shutil.copytree(BUNDLED_CORPUS, bundled)
    monkeypatch.setattr(loader, "BUNDLED_CORPUS", bundled)
    caches = (loader._bundled_vocabulary, loader._bundled_documents)

    def new_process() -> None:  # only the kept files remain
        for cache in caches:
            cache.cache_clear()

    new_process()
    try:
        assert load_documents()[0].title.startswith("Aanbieding van het eindrapport")
        assert load_vocabulary().sector("bouw").name("en") == "Construction"
        documents, vocabulary = bundled / "documents.toml", bundled / "vocabulary.toml"
        documents.write_text(documents.read_text(encoding="utf-8").replace(
            'title = "Aanbieding van', 'title = "Het aanbieden van', 1), encoding="utf-8")
        vocabulary.write_text(vocabulary.read_text(encoding="utf-8").replace(
            'name_en = "Construction"', 'name_en = "Building"', 1), encoding="utf-8")
        new_process()
        assert load_documents()[0].title.startswith("Het aanbieden van")
        assert load_vocabulary().sector("bouw").name("en") == "Building"
        vocabulary.write_text(vocabulary.read_text(encoding="utf-8").replace(
            'risks = ["broeikasgassen', 'risks = ["no-such-risk', 1), encoding="utf-8")
        new_process()
        with pytest.raises(CorpusError, match="no-such-risk"):
            load_vocabulary()
    finally:
        new_process()


def test_sector_counts_use_names_in_the_language_and_keep_unknown_ids() -> None:
    vocabulary = load_vocabulary()
    counts = {"financiele-sector": 1, "eigen-sector": 2}
    assert vocabulary.sector_counts(counts, "nl") == "Financiële sector: 1, eigen-sector: 2"
    assert vocabulary.sector_counts(counts, "en").startswith("Finance: 1")
