"""`fetch` downloads the real documents (issue 13, item 4): from the register's file address or
the document's landing page (the link that is the document), every file checked before it is
kept and recorded with its sha256, address and date; https only, size caps, resume.

The only network is a local HTTPS server (`tls_server`) whose certificate only the test's own
TLS context trusts: landing pages with several links, a redirect, a wrong file behind the right
link, a 404 and (in test_reliability_fetch) a slow server. One test proves the bundled register's
addresses without any connection.
"""

from __future__ import annotations

import hashlib
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from extract.pdf_support import Page, write_pdf
from tls_server import Route, Server, https_server

from imvo_assist.catalogue.loader import load_documents
from imvo_assist.collection import download
from imvo_assist.collection.fetch import FetchError, FetchResult, fetch_documents
from imvo_assist.collection.manifest import dumps
from imvo_assist.collection.scan import load_catalog
from imvo_assist.library import registered_documents
from imvo_assist.models import Document
from imvo_assist.paths import BUNDLED_CORPUS
from imvo_assist.settings import Settings, make_settings

TITLE = "IMVO-convenanten"
PUBLISHER = "Sociaal-Economische Raad (SER)"


def pdf_bytes(tmp_path: Path, *lines: str, pages: int = 2) -> bytes:
    """A PDF whose first page carries `lines`."""
    first = Page()
    for n, line in enumerate(lines):
        first.text(72, 760 - 20 * n, line)
    path = write_pdf(tmp_path / f"{abs(hash(lines))}.pdf", [first, *(Page().text(72, 700, "Tekst.")
                                                                    for _ in range(pages - 1))])
    return path.read_bytes()


@pytest.fixture
def advice(tmp_path: Path) -> bytes:
    """The document: its title and publisher on the first page."""
    return pdf_bytes(tmp_path, "Sociaal-Economische Raad", "Advies 14/04", TITLE, "April 2014")


@pytest.fixture
def server() -> Iterator[Server]:
    with https_server() as httpd:
        yield httpd


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "corpus", tmp_path / "index")


def register(tmp_path: Path, *entries: dict[str, str]) -> list[Document]:
    """A register file in tmp_path with these entries (on top of the advice's fields)."""
    defaults = {"title": TITLE, "publisher": PUBLISHER, "kind": "advice", "language": "nl",
                "url": "unknown", "source_url": "https://example.org/facts"}
    path = tmp_path / "register.toml"
    path.write_text(dumps({"document": [{**defaults, **e} for e in entries]}), encoding="utf-8")
    return load_documents(path)


def fetch(settings: Settings, docs: list[Document], server: Server, **options: object) -> list[FetchResult]:
    return fetch_documents(settings, register=docs, tls_context=server.client, **options)  # type: ignore[arg-type]


def kept(settings: Settings) -> list[str]:
    """Every file in the corpus but its manifest (dot files included)."""
    return sorted(p.name for p in settings.corpus.iterdir() if p.name != "MANIFEST.toml")


LANDING = """<html><head><meta charset="utf-8"><title>IMVO-convenanten | SER</title></head><body>
<nav><a href="/">Home</a> <a href="#inhoud">Naar de inhoud</a> <a href="mailto:info@ser.nl">Mail</a></nav>
<h1>IMVO-convenanten</h1>
<ul>
  <li><a href="/binaries/samenvatting-imvo-convenanten.pdf">Samenvatting IMVO-convenanten</a> (PDF, 0,3 MB)</li>
  <li><a href="/binaries/irbc-agreements.pdf" title="English">IMVO-convenanten, English version</a> (PDF, 2,0 MB)</li>
  <li><a href="/binaries/jaarverslag-2013.pdf">Jaarverslag 2013</a> (PDF, 4,1 MB)</li>
  <li><a href="/download/imvo-convenanten">Advies IMVO-convenanten <span>(PDF | 2,1 MB)</span></a></li>
  <li><a href="https://example.org/elders.html">Lees ook</a></li>
</ul></body></html>"""


# --- the register's file address and the landing page -------------------------------------------


def test_the_registers_file_address_is_downloaded_checked_and_recorded(
    settings: Settings, server: Server, tmp_path: Path, advice: bytes
) -> None:
    server.routes["/files/advies.pdf"] = Route(advice)
    docs = register(tmp_path, {"id": "advies", "file_url": f"{server.base}/files/advies.pdf",
                               "file_url_confidence": "inferred"})
    seen: list[tuple[int, int, str]] = []
    [result] = fetch(settings, docs, server, progress=lambda *a: seen.append(a))
    assert (result.status, result.file, result.source) == (
        "downloaded", "advies.pdf", "the register's file address (inferred)")
    assert (settings.corpus / "advies.pdf").read_bytes() == advice
    assert result.bytes == len(advice) and result.sha256 == hashlib.sha256(advice).hexdigest()
    assert seen[-1] == (len(advice), len(advice), "advies")
    assert load_catalog(settings.corpus, registered_documents())["advies.pdf"].id == "advies"
    [entry] = tomllib.loads((settings.corpus / "MANIFEST.toml").read_text(encoding="utf-8"))["document"]
    [download_record] = entry["downloads"]
    assert entry["files"] == ["advies.pdf"] and download_record["file"] == "advies.pdf"
    assert download_record["url"] == f"{server.base}/files/advies.pdf"
    assert download_record["sha256"] == result.sha256 and download_record["date"].tzinfo is not None
    assert kept(settings) == ["advies.pdf"]  # no partial or temporary files left
    [again] = fetch(settings, docs, server)
    assert again.status == "present" and again.sha256 == result.sha256
    assert len(server.requests) == 1


def test_the_landing_page_link_that_is_the_document_is_followed_through_a_redirect(
    settings: Settings, server: Server, tmp_path: Path, advice: bytes
) -> None:
    server.routes["/advies.aspx"] = Route(LANDING.encode(), "text/html; charset=utf-8")
    server.routes["/download/imvo-convenanten"] = Route(location="/binaries/imvo-convenanten-def.pdf")
    server.routes["/binaries/imvo-convenanten-def.pdf"] = Route(advice, "application/octet-stream")
    for other in ("samenvatting-imvo-convenanten", "irbc-agreements", "jaarverslag-2013"):
        server.routes[f"/binaries/{other}.pdf"] = Route(pdf_bytes(tmp_path, other))
    docs = register(tmp_path, {"id": "advies", "url": f"{server.base}/advies.aspx"})
    [result] = fetch(settings, docs, server)
    assert result.status == "downloaded", result.tried
    assert result.url == f"{server.base}/binaries/imvo-convenanten-def.pdf"
    assert result.source == f"link 'Advies IMVO-convenanten (PDF | 2,1 MB)' on {server.base}/advies.aspx"
    assert (settings.corpus / "advies.pdf").read_bytes() == advice and result.tried == ()
    assert [path for path, _ in server.requests] == [
        "/advies.aspx", "/download/imvo-convenanten", "/binaries/imvo-convenanten-def.pdf"]


def test_a_wrong_file_behind_the_right_link_keeps_nothing_and_says_why(
    settings: Settings, server: Server, tmp_path: Path
) -> None:
    server.routes["/advies.aspx"] = Route(LANDING.encode(), "text/html")
    server.routes["/download/imvo-convenanten"] = Route(pdf_bytes(tmp_path, "Jaarverslag 2013", "Stichting X"))
    docs = register(tmp_path, {"id": "advies", "url": f"{server.base}/advies.aspx"})
    [result] = fetch(settings, docs, server)
    assert result.status == "failed"
    assert result.error == (f"{server.base}/download/imvo-convenanten: not the document: its first pages "
                            f"name neither the title '{TITLE}' nor the publisher (it begins "
                            "'Jaarverslag 2013 Stichting X')")
    assert kept(settings) == [] and not (settings.corpus / "MANIFEST.toml").exists()


def test_an_inferred_address_is_only_tried_and_the_content_check_decides(
    settings: Settings, server: Server, tmp_path: Path, advice: bytes, shared_corpus: Path
) -> None:
    server.routes["/kst-1-2.pdf"] = Route((shared_corpus / "ser-advies-test.pdf").read_bytes())
    server.routes["/advies.aspx"] = Route(LANDING.encode(), "text/html")
    server.routes["/download/imvo-convenanten"] = Route(advice)
    docs = register(tmp_path, {"id": "advies", "file_url": f"{server.base}/kst-1-2.pdf",
                               "file_url_confidence": "inferred", "url": f"{server.base}/advies.aspx"})
    [result] = fetch(settings, docs, server)
    assert result.status == "downloaded" and result.url.endswith("/download/imvo-convenanten")
    [refused] = result.tried
    assert refused.startswith(f"{server.base}/kst-1-2.pdf: not the document: the file calls itself 'Testadvies'")
    assert kept(settings) == ["advies.pdf"]


def test_a_kamerstuk_pdf_address_is_built_from_its_number_and_the_number_is_checked(
    settings: Settings, server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("imvo_assist.collection.fetch.KAMERSTUK_PDF",
                        server.base + "/kst-{dossier}-{number}.pdf")  # the pattern, served here
    minister = "MINISTER VOOR BUITENLANDSE HANDEL EN ONTWIKKELINGSSAMENWERKING"
    docs = register(tmp_path, {"id": "brief", "kind": "letter", "title": "Brief over de stand van zaken",
                               "publisher": "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
                               "kamerstuk": "26 485, nr. 187"})
    server.routes["/kst-26485-187.pdf"] = Route(pdf_bytes(
        tmp_path, "26 485 Maatschappelijk verantwoord ondernemen", "Nr. 188", f"BRIEF VAN DE {minister}"))
    [wrong] = fetch(settings, docs, server)
    assert wrong.status == "failed" and wrong.error.endswith(
        "not the document: its first pages do not carry its Kamerstuk number 26 485, nr. 187")
    assert kept(settings) == []
    right = pdf_bytes(tmp_path, "26 485 Maatschappelijk verantwoord ondernemen", "Nr. 187",
                      f"BRIEF VAN DE {minister}")
    server.routes["/kst-26485-187.pdf"] = Route(right)
    [result] = fetch(settings, docs, server)
    assert (result.status, result.source) == (
        "downloaded", "the Kamerstuk PDF address built from its number (inferred)")
    assert (settings.corpus / "brief.pdf").read_bytes() == right


def test_not_found_pages_and_wrong_types_are_refused(settings: Settings, server: Server, tmp_path: Path) -> None:
    server.routes["/page.pdf"] = Route(b"<html><body>Landing page</body></html>", "text/html")
    server.routes["/fake.pdf"] = Route(b"plain bytes, no PDF", "application/octet-stream")
    server.routes["/text.pdf"] = Route(b"%PDF-1.4", "text/plain")
    docs = register(tmp_path, *({"id": n, "file_url": f"{server.base}/{n}.pdf"}
                                for n in ("missing", "page", "fake", "text")))
    results = {r.id: r for r in fetch(settings, docs, server)}
    assert [r.status for r in results.values()] == ["failed", "skipped", "failed", "failed"]
    assert "HTTP 404" in results["missing"].error
    assert results["page"].error == f"{server.base}/page.pdf: a web page without a link to the document"
    assert "did not send a PDF" in results["fake"].error
    assert "text/plain" in results["text"].error
    assert kept(settings) == []


def test_web_pages_and_documents_without_address_are_not_downloadable(
    settings: Settings, server: Server, tmp_path: Path, advice: bytes
) -> None:
    docs = register(tmp_path, {"id": "overzicht", "kind": "web page", "url": f"{server.base}/o"},
                    {"id": "nourl"})
    page, nourl = fetch(settings, docs, server)
    assert (page.status, page.error) == ("skipped", "a web page: nothing to download (it is cited by its address)")
    assert nourl.status == "skipped" and "knows no file address and no landing page" in nourl.error
    assert server.requests == []
    server.routes["/mirror.pdf"] = Route(advice)
    [given] = fetch(settings, docs, server, ids=["nourl"], allow_urls=[f"nourl={server.base}/mirror.pdf"])
    assert (given.status, given.file, given.source) == ("downloaded", "nourl.pdf", "the address given with --url")


def test_a_hand_written_documents_toml_is_never_written(
    settings: Settings, server: Server, tmp_path: Path, advice: bytes
) -> None:
    settings.corpus.mkdir()
    shutil.copy(BUNDLED_CORPUS / "documents.toml", settings.corpus / "documents.toml")
    before = (settings.corpus / "documents.toml").read_bytes()
    (settings.corpus / "MANIFEST.toml").write_text('# mine\n[[document]]\nid = "eigen"\nfile = "eigen.pdf"\n'
                                                   'title = "Eigen \\"stuk\\""\n', encoding="utf-8")
    server.routes["/a.pdf"] = Route(advice)
    docs = register(tmp_path, {"id": "advies", "file_url": f"{server.base}/a.pdf"})
    assert fetch(settings, docs, server)[0].status == "downloaded"
    assert (settings.corpus / "documents.toml").read_bytes() == before
    assert (settings.corpus / "MANIFEST.toml").read_text(encoding="utf-8").startswith('# mine\n[[document]]\nid = "eigen"')
    catalog = load_catalog(settings.corpus, registered_documents())
    assert catalog["eigen.pdf"].title == 'Eigen "stuk"' and catalog["advies.pdf"].id == "advies"


# --- limits, resume and addresses ------------------------------------------------------------


def test_size_cap(settings: Settings, server: Server, tmp_path: Path, advice: bytes) -> None:
    server.routes["/claimed.pdf"] = Route(advice, length=10_000_000)
    server.routes["/streamed.pdf"] = Route(advice, send_length=False)
    docs = register(tmp_path, *({"id": n, "file_url": f"{server.base}/{n}.pdf"} for n in ("claimed", "streamed")))
    results = fetch(settings, docs, server, max_bytes=len(advice) - 1)
    assert [r.status for r in results] == ["failed", "failed"]
    assert "more than the limit" in results[0].error and "exceeded the limit" in results[1].error
    assert kept(settings) == []  # partial data deleted
    assert fetch(settings, docs, server, max_bytes=len(advice))[1].status == "downloaded"


def test_interrupted_download_resumes(settings: Settings, server: Server, tmp_path: Path, advice: bytes) -> None:
    server.routes["/big.pdf"] = Route(advice, cut_after=300)
    docs = register(tmp_path, {"id": "big", "file_url": f"{server.base}/big.pdf"})
    [first] = fetch(settings, docs, server)
    assert first.status == "failed" and "resume" in first.error
    [part] = settings.corpus.glob(".big.pdf.*.part")
    assert part.stat().st_size == 300 and not (settings.corpus / "big.pdf").exists()
    [second] = fetch(settings, docs, server)
    assert second.status == "downloaded"
    assert server.requests[-1] == ("/big.pdf", "bytes=300-")
    assert (settings.corpus / "big.pdf").read_bytes() == advice and not part.exists()


def test_a_part_of_another_address_is_never_resumed(settings: Settings, server: Server, tmp_path: Path, advice: bytes) -> None:
    server.routes["/big.pdf"] = Route(advice, ranges=False)
    settings.corpus.mkdir()
    url = f"{server.base}/big.pdf"
    download.part_path(settings.corpus / "big.pdf", url).write_bytes(b"stale data from another version")
    (settings.corpus / ".big.pdf.0123456789.part").write_bytes(b"bytes of another address")
    docs = register(tmp_path, {"id": "big", "file_url": url})
    assert fetch(settings, docs, server)[0].status == "downloaded"
    assert (settings.corpus / "big.pdf").read_bytes() == advice and kept(settings) == ["big.pdf"]


def test_only_https_is_opened_redirects_included(settings: Settings, server: Server, tmp_path: Path, advice: bytes) -> None:
    port = server.base.rsplit(":", 1)[1]
    server.routes["/moved.pdf"] = Route(location=f"http://127.0.0.1:{port}/c.pdf")
    server.routes["/c.pdf"] = Route(advice)
    docs = register(tmp_path, {"id": "a", "file_url": f"http://127.0.0.1:{port}/c.pdf"},
                    {"id": "b", "file_url": "ftp://example.org/c.pdf"},
                    {"id": "c", "file_url": "file:///etc/passwd"},
                    {"id": "d", "file_url": f"{server.base}/moved.pdf"})
    results = fetch(settings, docs, server)
    assert [r.status for r in results] == ["failed"] * 4
    assert all("only https://" in r.error for r in results)
    assert server.requests == [("/moved.pdf", None)]
    assert kept(settings) == []


def test_an_untrusted_certificate_is_refused(settings: Settings, server: Server, tmp_path: Path, advice: bytes) -> None:
    server.routes["/c.pdf"] = Route(advice)
    docs = register(tmp_path, {"id": "a", "file_url": f"{server.base}/c.pdf"})
    [result] = fetch_documents(settings, register=docs)  # the system's trust: not the test's CA
    assert result.status == "failed" and "CERTIFICATE_VERIFY_FAILED" in result.error


def test_file_names_come_from_the_id_only(settings: Settings, server: Server, tmp_path: Path) -> None:
    server.routes["/x/..%2F..%2Fevil.csv"] = Route(b"nr;titel\n1;Een bron\n", "text/csv")
    docs = register(tmp_path, {"id": "../../Escape Doc", "file_url": f"{server.base}/x/..%2F..%2Fevil.csv"})
    [result] = fetch(settings, docs, server)
    assert result.status == "downloaded" and result.file == "escape-doc.csv"
    assert {p.name for p in tmp_path.rglob("*") if p.is_file()} == {
        "register.toml", "escape-doc.csv", "MANIFEST.toml"}


def test_a_landing_page_given_with_url_is_read_for_its_links(
    settings: Settings, server: Server, tmp_path: Path, advice: bytes
) -> None:
    server.routes["/landing"] = Route(LANDING.encode(), "text/html")
    server.routes["/download/imvo-convenanten"] = Route(advice)
    docs = register(tmp_path, {"id": "advies"})
    [result] = fetch(settings, docs, server, allow_urls=[f"advies={server.base}/landing"])
    assert result.status == "downloaded" and result.url.endswith("/download/imvo-convenanten")


def test_bad_requests_raise(settings: Settings, tmp_path: Path) -> None:
    docs = register(tmp_path, {"id": "a"})
    with pytest.raises(FetchError, match="Unknown document id 'zz'"):
        fetch_documents(settings, register=docs, ids=["zz"])
    with pytest.raises(FetchError, match="ID=https"):
        fetch_documents(settings, register=docs, allow_urls=["https://example.org/a.pdf"])


# --- the bundled register and the summary ------------------------------------------------------


def test_every_registered_document_has_an_address_to_try_or_a_reason(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    tried: list[str] = []

    def offline(director: object, url: str, *args: object) -> None:
        tried.append(url)
        raise download.FetchError(f"offline test: {url} not opened.")

    monkeypatch.setattr("imvo_assist.collection.fetch.get", offline)
    results = {r.id: r for r in fetch_documents(settings, register=load_documents())}
    assert results["kpmg-sra-2014-nl"].status == "failed"  # tried: its landing page
    assert "https://www.rijksoverheid.nl/documenten/rapporten/2014/09/01/mvo-sector-risico-analyse" in tried
    assert "https://zoek.officielebekendmakingen.nl/kst-26485-187.pdf" in tried  # inferred, only tried
    assert results["overzicht-risicosectoren-nl"].status == "skipped"
    assert results["bronnenboek-sra"].status == "skipped"
    letter = results["kamerbrief-2014-11-19-sra"]
    assert letter.status == "failed" and letter.tried[0].startswith(
        "https://zoek.officielebekendmakingen.nl/kst-26485-197.pdf: offline test")
    assert not any(doc.kind == "web page" and r.status != "skipped"
                   for doc in load_documents() for r in [results[doc.id]])


def test_the_summary_table(settings: Settings, server: Server, tmp_path: Path, advice: bytes,
                           capsys: pytest.CaptureFixture[str]) -> None:
    from imvo_assist.cli.output import print_fetch

    server.routes["/a.pdf"] = Route(advice)
    docs = register(tmp_path, {"id": "advies", "file_url": f"{server.base}/a.pdf"},
                    {"id": "weg", "file_url": f"{server.base}/weg.pdf", "url": f"{server.base}/weg.html"},
                    {"id": "pagina", "kind": "web page", "url": "https://example.org/p"})
    print_fetch(fetch(settings, docs, server))
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"fetched          advies  advies.pdf (0.0 MB) from {server.base}/a.pdf "
                               "(the register's file address (verified))")
    assert lines[1] == (f"failed           weg     {server.base}/weg.html: the server answered HTTP 404 "
                        f"Not Found for {server.base}/weg.html.")
    assert lines[2].strip() == (f"tried {server.base}/weg.pdf: the server answered HTTP 404 Not Found "
                                f"for {server.base}/weg.pdf.")
    assert lines[3].startswith("not downloadable pagina  a web page")
    assert lines[-1] == "1 fetched, 0 already present, 1 not downloadable, 1 failed"
