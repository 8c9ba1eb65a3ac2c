"""The policy timeline: register dates, other dates reported, covenant ends, and the dates and
announcements written in the indexed passages, in order, each with its source and confidence."""

from __future__ import annotations

import pytest
from cli_support import run_cli
from overview_support import bundled_fixture  # noqa: F401 (the `bundled` fixture)

from imvo_assist.library import Library
from imvo_assist.overview.render import timeline_text
from imvo_assist.overview.timeline import Event, build_timeline
from imvo_assist.settings import Settings

LETTER = "kamerbrief-2014-11-19-sra"


def by_id(events: list[Event]) -> dict[str, Event]:
    return {e.id: e for e in events}


def mentions(events: list[Event], words: str) -> list[Event]:
    return [e for e in events if e.type in ("mentioned", "announced") and words in e.what]


def test_cli_timeline_json_in_date_order_with_source_and_confidence(
    bundled: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(capsys, bundled, "timeline", "--json")
    assert result.code == 0, result.err
    events = result.json()
    assert isinstance(events, list) and len(events) > 30
    starts = [e["date_start"] for e in events]
    assert starts == sorted(starts)
    for event in events:
        assert event["confidence"] in ("verified", "reported", "inferred")
        url = event["source_url"]
        assert event["cite"] and url.startswith(("https://", "http://")), event["id"]
    ids = [e["id"] for e in events]
    assert ids.index("kamerbrief-2014-06-24-sra:document") < ids.index(f"{LETTER}:document")
    assert ids.index("convenant-kleding-textiel:signed") < ids.index(
        "convenant-kleding-textiel:ended"
    )


def test_the_letters_own_announcements_are_placed_with_their_citation(bundled: Settings) -> None:
    events = build_timeline(Library(bundled))
    [report] = mentions(events, "Begin volgend jaar zal het kabinet de eerste rapportage")
    assert report.type == "announced" and report.written == "Begin volgend jaar"
    assert report.span.iso() == "2015-01/2015-04"
    assert report.confidence == "inferred" and "2014-11-19" in report.confidence_note
    assert (report.citation.doc_id, report.citation.page) == (LETTER, "5")
    assert report.citation.cite.startswith("Kamerstukken II 2014/15, 26 485, nr. 197, p. 5")
    ten = mentions(events, "de eerste tien")
    assert len(ten) == 2 and {e.citation.page for e in ten} == {"3", "4"}
    for event in ten:
        assert event.type == "announced" and event.span.iso() == "2016"
        assert event.confidence == "verified" and event.written == "in 2016"
        assert "convenant-kleding-textiel:signed" in event.links  # the first covenant, 4 July 2016
    text = "\n".join(timeline_text(events))
    assert "2015-01/2015-04 (Begin volgend jaar)  aangekondigd in Kamerstukken II 2014/15" in text


def test_dates_in_the_letter_link_to_register_events(bundled: Settings) -> None:
    events = build_timeline(Library(bundled))
    [coal] = mentions(events, "op 17 november jl. ondertekende convenant")
    assert coal.span.iso() == "2014-11-17" and coal.links == ["steenkoolconvenant-2014:document"]
    june = mentions(events, "brief van 24 juni jl.")
    assert len(june) == 2 and all(e.links == ["kamerbrief-2014-06-24-sra:document"] for e in june)
    assert all(e.type == "mentioned" for e in (coal, *june))


def test_register_events_other_dates_and_ends(bundled: Settings) -> None:
    events = by_id(build_timeline(Library(bundled)))
    letter = events[f"{LETTER}:document"]
    assert letter.span.iso() == "2014-11-19" and letter.confidence == "reported"
    # as the report of the committee debate lists it
    assert [o["date"] for o in letter.other_dates] == ["2014-11-24"]
    assert "24 Nov" in letter.other_dates[0]["note"]
    # the page that lists it so: the report of the committee debate
    assert (
        letter.other_dates[0]["source_url"]
        == "https://zoek.officielebekendmakingen.nl/kst-26485-201.html"
    )
    forestry = events["convenant-bosbeheer:signed"]
    assert forestry.other_dates[0]["date"] == "2017-03-21"  # "the day before"
    assert events["convenant-kleding-textiel:signed"].span.iso() == "2016-07-04"
    ends = {e.doc_id: e.span.iso() for e in events.values() if e.type == "ended"}
    assert ends["convenant-kleding-textiel"] == "2021-12-31"
    assert ends["convenant-plantaardige-eiwitten"] == "2019-03-19"
    assert ends["convenant-metaal"] == "2024-06-30"
    assert "convenant-banken" not in ends  # the register gives no end date
    assert events["convenant-metaal:document"].type == "document"  # a start date, not a signing
    assert "nap-bedrijfsleven-mensenrechten:document" not in events  # no date known


def test_sector_filter(bundled: Settings, indexed: Settings) -> None:
    textile = build_timeline(Library(bundled), "textiel")
    assert {e.id for e in textile} >= {
        "convenant-kleding-textiel:signed",
        "convenant-kleding-textiel:ended",
        "kpmg-sra-2014-nl:document",
    }
    assert all("textiel-kleding" in e.sectors for e in textile)
    assert "convenant-banken:signed" not in {e.id for e in textile}
    shared = build_timeline(Library(indexed), "textiel")
    assert {"convenant-test-textiel:document", "agreement-test-garments-en:document"} <= {
        e.id for e in shared
    }


def test_shared_corpus_lists_a_sentence_once(indexed: Settings) -> None:
    events = build_timeline(Library(indexed))
    [report] = mentions(events, "Begin volgend jaar zal het kabinet")
    assert report.doc_id == LETTER  # the PDF with the register's citation, not the text copy
    assert any(p.startswith("kamerbrief-2014-11-19-sra-txt:") for p in report.also_in)
    undated = [
        e for e in events if e.doc_id == "convenant-test-textiel" and "binnen zes maanden" in e.what
    ]
    assert undated == []  # "within six months" counts from a complaint, not from a date


def test_unknown_sector_is_a_usage_error(
    bundled: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_cli(capsys, bundled, "timeline", "--sector", "ruimtevaart")
    assert result.code == 2 and "Unknown sector" in result.err
