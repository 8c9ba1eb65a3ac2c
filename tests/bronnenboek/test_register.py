"""Source registers: CSV dialects, PDF reconstruction, organisations, markers, inclusion."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from imvo_assist.bronnenboek import (
    Reference,
    check,
    filter_references,
    find_markers,
    find_uncertain_markers,
    inclusion_report,
    link,
    looks_like_register,
    normalise_organisation,
    read_register_csv,
    read_register_pdf,
    unmatched,
)
from imvo_assist.bronnenboek.entries import EntryFields, collect_entries, split_fields
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.catalogue.vocabulary import Vocabulary
from imvo_assist.collection.scan import CorpusFile
from imvo_assist.errors import ExtractionError
from imvo_assist.extract import extract_file
from imvo_assist.models import Document, Passage, RawPage

# Files of ../shared/corpus (the `shared_corpus` fixture)
REGISTER_CSV = "bronnenboek-test.csv"
REGISTER_PDF = "bronnenboek-test.pdf"
REPORT_PDF = "sra-testrapport.pdf"
PAIRING = {"sra-testrapport": "bronnenboek-test"}
UNCITED = [5, 15, 20, 24, 25, 29, 30, 48]


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary()


@pytest.fixture(scope="module")
def csv_refs(shared_corpus: Path) -> list[Reference]:
    references, warnings = read_register_csv(shared_corpus / REGISTER_CSV, "bronnenboek-test-csv")
    assert warnings == []
    return references


@pytest.fixture(scope="module")
def pdf_refs(shared_corpus: Path) -> list[Reference]:
    references, warnings = read_register_pdf(shared_corpus / REGISTER_PDF, "bronnenboek-test")
    assert warnings == []
    return references


@pytest.fixture(scope="module")
def report_passages(shared_corpus: Path) -> list[Passage]:
    item = CorpusFile(shared_corpus / REPORT_PDF, REPORT_PDF, Document(id="sra-testrapport"))
    return extract_file(item, "sha").passages


@pytest.fixture(scope="module")
def cited_by(report_passages: list[Passage], pdf_refs: list[Reference]) -> dict:
    return link(report_passages, pdf_refs, PAIRING)[0]


# --- CSV dialects -------------------------------------------------------------------------


def test_shared_csv_register_has_60_references_with_lines(csv_refs: list[Reference]) -> None:
    assert [r.nr for r in csv_refs] == list(range(1, 61))
    assert [r.line for r in csv_refs] == list(range(2, 62))
    first = csv_refs[0]
    assert (first.spelling, first.organisation, first.year, first.sector) == (
        "FNV",
        "fnv",
        2013,
        "bouw",
    )
    assert first.themes == ("onveilige-werkomstandigheden",)
    assert all(r.page == "" for r in csv_refs)
    assert {r.sector for r in csv_refs if r.nr in range(41, 46)} == {"metaal / elektronica"}
    assert (
        csv_refs[20].sector == "financiele-sector"
        and csv_refs[20].sector_label == "financiële sector"
    )


def test_hostile_semicolon_csv_is_not_a_register_and_does_not_crash(hostile_corpus: Path) -> None:
    hostile_csv = hostile_corpus / "text" / "register-semicolon-bom.csv"
    assert not looks_like_register(hostile_csv)
    with pytest.raises(ExtractionError, match="no organisation column"):
        read_register_csv(hostile_csv, "hostile")


def test_excel_csv_with_bom_quoted_newline_and_ragged_rows(tmp_path: Path) -> None:
    path = tmp_path / "bronnen.csv"
    rows = [
        "Nummer;Sector;Organisatie;Jaar;Titel;Soort;URL;Thema's",
        '1;bouw;FNV;2013;"Eerste regel\nen tweede regel";ngo-rapport;https://example.org/a;a,b',
        "2;chemie;SOMO;2012",  # too short
        "3;chemie;SOMO;2011;Titel;ngo-rapport;https://example.org/c;c;extra;velden",
        "",
        "x;chemie;SOMO;2011;Geen nummer;ngo-rapport;https://example.org/d;d",
        "5;chemie;;2011;Geen organisatie;ngo-rapport;https://example.org/e;e",
        "6;chemie;Both ENDS;ooit;Geen jaar;ngo-rapport;https://example.org/f;f",
    ]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(rows).encode() + b"\r\n")
    assert looks_like_register(path)
    references, warnings = read_register_csv(path, "bronnen")
    assert [(r.nr, r.line) for r in references] == [(1, 2), (2, 4), (3, 5), (6, 9)]
    assert references[0].title == "Eerste regel en tweede regel"
    assert references[0].themes == ("a", "b")
    assert references[1].title == "" and references[1].url == ""
    assert references[3].year is None
    assert "line 4: 4 fields, expected 8" in warnings
    assert "line 5: 10 fields, expected 8" in warnings
    assert any(w.startswith("line 7:") and "not a number" in w for w in warnings)
    assert any(w.startswith("line 8:") and "no organisation" in w for w in warnings)
    assert any(w.startswith("line 9:") and "year 'ooit'" in w for w in warnings)


def test_comma_csv_with_english_headers(tmp_path: Path) -> None:
    path = tmp_path / "sources.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["Number", "Organisation", "Year", "Title", "Type", "Link", "Themes", "Sector"]
        )
        writer.writerow(
            [
                "7",
                "Clean Clothes Campaign",
                "2014",
                "Wages, hours",
                "ngo-report",
                "https://example.org/w",
                "vrouwenrechten",
                "textiel en kleding",
            ]
        )
    (reference,), warnings = read_register_csv(path, "sources")
    assert warnings == []
    assert (reference.nr, reference.organisation, reference.title, reference.kind) == (
        7,
        "skc",
        "Wages, hours",
        "ngo-report",
    )
    assert (reference.sector, reference.url, reference.line) == (
        "textiel-kleding",
        "https://example.org/w",
        2,
    )


def test_tsv_register(tmp_path: Path) -> None:
    path = tmp_path / "bronnen.tsv"
    path.write_text(
        "nr\torganisatie\tjaar\tthema's\n12\tStichting SOMO\t2012\tx; y\n", encoding="utf-8"
    )
    assert looks_like_register(path)
    (reference,), warnings = read_register_csv(path, "bronnen")
    assert warnings == []
    assert (reference.nr, reference.organisation, reference.themes, reference.sector) == (
        12,
        "somo",
        ("x", "y"),
        "",
    )


def test_table_without_register_columns_is_not_a_register(tmp_path: Path) -> None:
    path = tmp_path / "budget.csv"
    path.write_text("post;bedrag\nhuur;100\n", encoding="utf-8")
    assert not looks_like_register(path)


# --- PDF reconstruction -------------------------------------------------------------------


def test_pdf_register_equals_its_csv_twin(
    pdf_refs: list[Reference], csv_refs: list[Reference]
) -> None:
    assert [r.nr for r in pdf_refs] == list(range(1, 61))
    for printed, table in zip(pdf_refs, csv_refs, strict=True):
        for name in ("nr", "spelling", "year", "kind", "url", "themes", "sector", "organisation"):
            assert getattr(printed, name) == getattr(table, name), (printed.nr, name)
        assert squeeze(printed.title) == squeeze(table.title), printed.nr
        assert squeeze(printed.sector_label).lower() == table.sector_label


@pytest.mark.parametrize(
    ("nr", "page"),
    [(1, "1"), (11, "1"), (12, "2"), (39, "3"), (40, "4"), (52, "4"), (53, "5"), (60, "5")],
)
def test_pdf_entries_start_on_their_printed_page(
    pdf_refs: list[Reference], nr: int, page: str
) -> None:
    assert pdf_refs[nr - 1].page == page
    assert pdf_refs[nr - 1].line == 0


def test_entries_over_page_breaks_are_joined(pdf_refs: list[Reference]) -> None:
    by_nr = {r.nr: r for r in pdf_refs}
    assert by_nr[11].themes == ("onveilige-werkomstandigheden",)
    assert by_nr[39].title.endswith("seksuele intimidatie op bloemenkwekerijen")
    assert by_nr[39].url == "https://www.example.org/cnvi/rozen-doornen.pdf"
    assert by_nr[52].themes == ("onveilige-werkomstandigheden", "vrouwenrechten")
    assert by_nr[52].url == "https://www.example.org/cleanclothes/loon-leven.pdf"
    assert by_nr[6].title.startswith(
        "Lozingen langs de rivier: water- en bodemverontreiniging rond chemische productielocaties"
    )
    assert by_nr[55].themes == ("kinderarbeid", "waterschaarste")


def test_wrapped_urls_themes_and_headings(vocabulary: Vocabulary) -> None:
    pages = [
        RawPage(
            1,
            "7",
            (
                "Textiel en kleding",
                "[1] Stichting Voorbeeld (2013). Een titel die door-",
                "loopt. Soort: ngo-rapport. https://www.example.org/voorbeeld/",
            ),
        ),
        RawPage(
            2,
            "8",
            (
                "een-lang-pad/rapport.pdf Thema's: water-",
                "bodemverontreiniging, broeikas-",
                "gassen.",
                "Chemie",
                "[2] SOMO (z.j.). Zonder jaar.",
                "[3] PAX (2014). Onaf",
                "Bouw",
                "[4] FNV (2012). Titel. https://example.org/4.",
            ),
        ),
    ]
    entries, _ = collect_entries(pages, lambda line: bool(vocabulary.match_sectors(line)))
    assert [(e.nr, e.page, e.sector_label) for e in entries] == [
        (1, "7", "Textiel en kleding"),
        (2, "8", "Chemie"),
        (3, "8", "Chemie"),
        (4, "8", "Bouw"),
    ]
    first = split_fields(entries[0], lambda theme: vocabulary.match_risk(theme) is not None)
    assert first == EntryFields(
        "Stichting Voorbeeld",
        2013,
        "Een titel die doorloopt",
        "ngo-rapport",
        "https://www.example.org/voorbeeld/een-lang-pad/rapport.pdf",
        ("water-bodemverontreiniging", "broeikasgassen"),
    )
    assert split_fields(entries[1], lambda theme: False) is None
    last = split_fields(entries[3], lambda theme: False)
    assert last is not None and (last.title, last.kind, last.url, last.themes) == (
        "Titel",
        "",
        "https://example.org/4",
        (),
    )


def test_pdf_routing(shared_corpus: Path) -> None:
    assert looks_like_register(shared_corpus / REGISTER_PDF)
    assert looks_like_register(shared_corpus / REGISTER_CSV)
    assert not looks_like_register(shared_corpus / REPORT_PDF)
    assert not looks_like_register(shared_corpus / "notitie-test.md")


# --- organisations ------------------------------------------------------------------------


def test_every_spelling_of_the_register_is_matched(
    csv_refs: list[Reference], vocabulary: Vocabulary
) -> None:
    assert unmatched(csv_refs) == []
    assert all(r.matched for r in csv_refs)
    ids = {r.spelling: r.organisation for r in csv_refs}
    assert len(set(ids.values())) == 20
    assert ids["Oxfam Noviib"] == ids["Oxfam Novib"] == "oxfam-novib"
    assert ids["Stop Child Labour"] == ids["Stop Kinderarbeid"]
    assert (
        ids["ICN"] == ids["India Committee of the Netherlands"] == ids["Landelijke India Werkgroep"]
    )


@pytest.mark.parametrize(
    "spelling",
    [
        "SOMO",
        "Stichting Onderzoek Multinationale Ondernemingen",
        "Stichting SOMO",
        "Centre for Research on Multinational Corporations",
    ],
)
def test_somo_variants_are_one_organisation(spelling: str, vocabulary: Vocabulary) -> None:
    assert normalise_organisation(spelling, vocabulary)[0] == "somo"


@pytest.mark.parametrize(
    "spelling",
    [
        "Schone Kleren Campagne",
        "Stichting Schone Kleren Campagne",
        "Clean Clothes Campaign",
        "SKC",
        "  schone  kleren campagne ",
    ],
)
def test_clean_clothes_variants_are_one_organisation(spelling: str, vocabulary: Vocabulary) -> None:
    assert normalise_organisation(spelling, vocabulary) == ("skc", "Schone Kleren Campagne", True)


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("FNV", "fnv"),
        ("CNV", "cnv"),
        ("CNV Internationaal", "cnv"),
        ("CNV Internationl", "cnv"),
        ("ICN", "icn"),
        ("ICCO", "icco"),
        ("Oxfam Novib", "oxfam-novib"),
    ],
)
def test_similar_names_stay_apart(spelling: str, expected: str, vocabulary: Vocabulary) -> None:
    assert normalise_organisation(spelling, vocabulary)[0] == expected


@pytest.mark.parametrize(
    ("spelling", "not_this"),
    [
        ("Oxfam", "oxfam-novib"),
        ("FNV Internationaal", "cnv"),
        ("Mondiaal CNV", "fnv"),
        ("Oxfam International", "oxfam-novib"),
        ("ICC", "icco"),
        ("ICCN", "icn"),
    ],
)
def test_no_false_merges(spelling: str, not_this: str, vocabulary: Vocabulary) -> None:
    org_id, name, matched = normalise_organisation(spelling, vocabulary)
    assert org_id != not_this
    if not matched:
        assert name == spelling


def test_unknown_organisations_get_their_own_slug(vocabulary: Vocabulary) -> None:
    assert normalise_organisation("Human Rights Watch", vocabulary) == (
        "human-rights-watch",
        "Human Rights Watch",
        False,
    )
    first = normalise_organisation("Stichting Voorbeeld Ketenonderzoek", vocabulary)
    assert first[0] == normalise_organisation("Voorbeeld Ketenonderzoek", vocabulary)[0]
    assert normalise_organisation("Oxfam", vocabulary)[0] == "oxfam"


# --- markers and links --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De vakbond FNV [1] wijst op ongevallen [3].", [1, 3]),
        ("Zie de bronnen [12, 14] en [20-22].", [12, 14, 20, 21, 22]),
        ("Bronnen [7; 9] en [3\u20135].", [7, 9, 3, 4, 5]),
        ("Volgens SOMO beschreef 12).", [12]),
        ("Drie punten: 1) eerste a) tweede 2) derde.", []),
        ("Gepubliceerd in 2013). En in (zie bijlage 2).", []),
        ("Verwijzingen zoals [12] staan tussen haken.", []),
        ("Een omgekeerd bereik [14-12] of [0].", []),
        ("Dubbel [4] en nog eens [4].", [4]),
    ],
)
def test_find_markers(text: str, expected: list[int]) -> None:
    assert find_markers(text) == expected


def test_glued_digits_are_uncertain_and_need_a_register_entry() -> None:
    text = "De analyse12 laat zien dat CO2 en PM10 in m2 beschreef4, en woord99."
    assert find_markers(text) == []
    assert find_uncertain_markers(text, {2, 4, 10, 12}) == [12, 4]


def test_reference_42_is_cited_on_printed_page_21(cited_by: dict) -> None:
    (citing,) = cited_by[("bronnenboek-test", 42)]
    assert (citing.doc_id, citing.page) == ("sra-testrapport", "21")


def test_links_both_ways(report_passages: list[Passage], pdf_refs: list[Reference]) -> None:
    cited_by, refs_of_passage = link(report_passages, pdf_refs, PAIRING)
    cited = {nr for _, nr in cited_by}
    assert sorted(set(range(1, 61)) - cited) == UNCITED
    assert [c.page for c in cited_by[("bronnenboek-test", 12)]] == [
        "9"
    ]  # not the "zoals [12]" page
    assert [c.page for c in cited_by[("bronnenboek-test", 40)]] == ["19", "20"]
    for (_, nr), citing in cited_by.items():
        assert all(nr in refs_of_passage[c.passage_id] for c in citing)
    page_21 = next(p for p in report_passages if p.page_label == "21")
    assert sorted(refs_of_passage[page_21.id]) == [41, 42, 43, 44, 45]


def test_link_follows_the_pairing(
    report_passages: list[Passage], csv_refs: list[Reference]
) -> None:
    assert link(report_passages, csv_refs, PAIRING) == ({}, {})
    cited_by, _ = link(report_passages, csv_refs, {"sra-testrapport": "bronnenboek-test-csv"})
    assert ("bronnenboek-test-csv", 42) in cited_by


# --- inclusion report and register queries -----------------------------------------------


def test_inclusion_report_for_skc(
    pdf_refs: list[Reference], cited_by: dict, vocabulary: Vocabulary
) -> None:
    report = inclusion_report("SKC", pdf_refs, cited_by, vocabulary)
    assert set(report) == {
        "organisation",
        "references",
        "by_sector",
        "uncited",
        "not_found",
        "suggestions",
    }
    assert report["organisation"] == {
        "id": "skc",
        "name": "Schone Kleren Campagne",
        "spellings": [
            "SKC",
            "Schone Kleren Campagne",
            "Clean Clothes Campaign",
            "Stichting Schone Kleren Campagne",
        ],
    }
    assert [r["nr"] for r in report["references"]] == [11, 51, 52, 53]
    first = report["references"][0]
    assert set(first) == {"register_doc", "nr", "sector", "title", "year", "url", "cited_by"}
    assert first["cited_by"] == [
        {"doc_id": "sra-testrapport", "page": "9", "passage_id": first["cited_by"][0]["passage_id"]}
    ]
    assert report["by_sector"] == {"detailhandel": 1, "textiel-kleding": 3}
    assert (report["uncited"], report["not_found"], report["suggestions"]) == ([], False, [])
    json.dumps(report)


@pytest.mark.parametrize(
    "query",
    ["Clean Clothes Campaign", "Stichting Schone Kleren Campagne", "schone kleren campagne"],
)
def test_inclusion_report_is_the_same_for_every_spelling(
    query: str, pdf_refs: list[Reference], cited_by: dict, vocabulary: Vocabulary
) -> None:
    assert inclusion_report(query, pdf_refs, cited_by, vocabulary) == inclusion_report(
        "SKC", pdf_refs, cited_by, vocabulary
    )


def test_inclusion_report_lists_uncited_references(
    pdf_refs: list[Reference], cited_by: dict, vocabulary: Vocabulary
) -> None:
    report = inclusion_report("SOMO", pdf_refs, cited_by, vocabulary)
    assert [r["nr"] for r in report["references"]] == [6, 19, 24, 26, 42, 49]
    assert report["uncited"] == [24]
    assert report["organisation"]["spellings"] == [
        "SOMO",
        "Stichting Onderzoek Multinationale Ondernemingen",
    ]
    assert next(r for r in report["references"] if r["nr"] == 42)["cited_by"][0]["page"] == "21"


def test_absent_organisation_gets_suggestions(
    pdf_refs: list[Reference], cited_by: dict, vocabulary: Vocabulary
) -> None:
    report = inclusion_report("Human Rights Watch", pdf_refs, cited_by, vocabulary)
    assert report["not_found"] is True
    assert report["references"] == [] and report["by_sector"] == {} and report["uncited"] == []
    assert report["organisation"]["spellings"] == []
    assert 0 < len(report["suggestions"]) <= 5
    oxfam = inclusion_report("Oxfam", pdf_refs, cited_by, vocabulary)
    assert oxfam["not_found"] and oxfam["suggestions"][0] == "Oxfam Novib"


def test_unmatched_organisations_in_a_register(tmp_path: Path, vocabulary: Vocabulary) -> None:
    path = tmp_path / "bronnen.csv"
    path.write_text(
        "nr;organisatie;jaar;titel;url\n"
        "1;Stichting Voorbeeld Ketenonderzoek;2013;Een;https://example.org/1\n"
        "2;Voorbeeld Ketenonderzoek;2014;Twee;\n"
        "2;SOMO;1850;Drie;https://example.org/3\n",
        encoding="utf-8",
    )
    references, _ = read_register_csv(path, "bronnen")
    assert unmatched(references) == [
        ("Stichting Voorbeeld Ketenonderzoek", 1),
        ("Voorbeeld Ketenonderzoek", 1),
    ]
    assert references[0].organisation == references[1].organisation
    report = inclusion_report("Voorbeeld Ketenonderzoak", references, {}, vocabulary)
    assert [r["nr"] for r in report["references"]] == [1, 2] and report["uncited"] == [1, 2]
    problems = check(references)
    assert "bronnen: nr 2 occurs 2 times" in problems
    assert "bronnen [2]: no url" in problems
    assert (
        "bronnen [1]: organisation 'Stichting Voorbeeld Ketenonderzoek' is not in the vocabulary"
        in problems
    )
    assert "bronnen [2]: year 1850 out of range" in problems


def test_check_finds_nothing_in_the_test_register(pdf_refs: list[Reference]) -> None:
    assert check(pdf_refs) == []


def test_filter_references(pdf_refs: list[Reference], vocabulary: Vocabulary) -> None:
    def nrs(**criteria: Any) -> list[int]:
        return [r.nr for r in filter_references(pdf_refs, vocabulary=vocabulary, **criteria)]

    assert nrs(query="Clean Clothes Campaign") == [11, 51, 52, 53]
    assert nrs(query="kinderarbeid") == nrs(query="kinderarbied") == [44, 55, 56]
    assert nrs(sector="elektronica") == nrs(sector="Metaal / elektronica") == [41, 42, 43, 44, 45]
    assert nrs(sector="textiel") == [51, 52, 53, 54, 55]
    assert nrs(query="SOMO", year=2012) == nrs(query="somo", year="2012") == [6, 42, 49]
    assert nrs(query="FNV") == [1, 9, 13, 50]
    assert nrs(query="Human Rights Watch") == []
    assert nrs() == list(range(1, 61))


def test_reference_to_dict(pdf_refs: list[Reference]) -> None:
    data = pdf_refs[41].to_dict()
    assert (
        data["organisation"] == "somo"
        and data["page"] == "4"
        and data["themes"] == ["onveilige-werkomstandigheden", "vrouwenrechten"]
    )
    json.dumps(data)
