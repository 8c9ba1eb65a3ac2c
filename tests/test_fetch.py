"""Downloading register documents: https only, size caps, content checks, resume, safe names.

The only network is a ThreadingHTTPServer on 127.0.0.1, reached through fetch's private
loopback flag; one test proves that without the flag plain http is refused before connecting.
"""

from __future__ import annotations

import hashlib
import threading
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from imvo_assist.collection.scan import load_catalog
from imvo_assist.library import registered_documents
from imvo_assist.collection.manifest import dumps
from imvo_assist.collection.fetch import FetchError, FetchResult, fetch_documents
from imvo_assist.settings import Settings, make_settings
from imvo_assist.catalogue.loader import load_documents
from imvo_assist.catalogue.vocabulary import RegisterDocument
PDF = b""
"""The bytes the test server serves: a PDF of ../shared/corpus, read by `_shared_pdf` (not at import)."""


@pytest.fixture(autouse=True)
def _shared_pdf(shared_corpus: Path) -> None:
    global PDF
    PDF = (shared_corpus / "convenant-test-textiel.pdf").read_bytes()


@dataclass
class Route:
    """How the test server answers one path."""

    body: bytes = field(default_factory=lambda: PDF)
    content_type: str = "application/pdf"
    status: int = 200
    send_length: bool = True
    length: int | None = None
    """A Content-Length to claim instead of the real one."""
    cut_after: int | None = None
    """Close the connection after this many bytes, the first time only."""
    ranges: bool = True
    location: str = ""
    served: list[str] = field(default_factory=list)


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.requests.append((self.path, self.headers.get("Range")))
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        if route.location:
            self.send_response(302)
            self.send_header("Location", route.location)
            self.end_headers()
            return
        start, asked = 0, self.headers.get("Range")
        if asked and route.ranges:
            start = int(asked.removeprefix("bytes=").rstrip("-"))
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(route.body) - 1}/{len(route.body)}")
        else:
            self.send_response(route.status)
        body = route.body[start:]
        self.send_header("Content-Type", route.content_type)
        if route.send_length:
            self.send_header("Content-Length", str(route.length or len(body)))
        self.end_headers()
        if route.cut_after is not None and not route.served:
            body = body[: route.cut_after]
        route.served.append(self.path)
        self.wfile.write(body)


class Server(ThreadingHTTPServer):
    routes: dict[str, Route]
    requests: list[tuple[str, str | None]]


@pytest.fixture
def server() -> Iterator[Server]:
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.routes, httpd.requests = {}, []
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def base(server: Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def register(tmp_path: Path, *entries: dict[str, str]) -> list[RegisterDocument]:
    """A register file in tmp_path with these entries (on top of required defaults)."""
    defaults = {"title": "Testdocument", "kind": "report", "language": "nl",
                "url": "https://example.org/landing", "source_url": "https://example.org/facts"}
    path = tmp_path / "register.toml"
    path.write_text(dumps({"document": [{**defaults, **e} for e in entries]}), encoding="utf-8")
    return load_documents(path)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "corpus", tmp_path / "index")


def fetch(settings: Settings, docs: list[RegisterDocument], **options: object) -> list[FetchResult]:
    return fetch_documents(settings, register=docs, _insecure_loopback_for_tests=True, **options)  # type: ignore[arg-type]


def test_download_records_the_document(settings: Settings, server: Server, tmp_path: Path) -> None:
    server.routes["/files/c.pdf"] = Route()
    docs = register(tmp_path, {"id": "conv", "title": "Convenant", "file_url": f"{base(server)}/files/c.pdf"})
    seen: list[tuple[int, int, str]] = []
    [result] = fetch(settings, docs, progress=lambda *a: seen.append(a))
    assert result.status == "downloaded" and result.file == "conv.pdf"
    assert (settings.corpus / "conv.pdf").read_bytes() == PDF
    assert result.bytes == len(PDF) and result.sha256 == hashlib.sha256(PDF).hexdigest()
    assert seen[-1] == (len(PDF), len(PDF), "conv")
    assert load_catalog(settings.corpus, registered_documents())["conv.pdf"].id == "conv"
    manifest = tomllib.loads((settings.corpus / "documents.toml").read_text(encoding="utf-8"))
    assert manifest == {"document": [{"id": "conv", "files": ["conv.pdf"]}]}
    assert not list(settings.corpus.glob(".*"))  # no partial or temporary files left
    [again] = fetch(settings, docs)
    assert again.status == "present" and again.sha256 == result.sha256
    assert len(server.requests) == 1


def test_existing_corpus_entries_are_kept(settings: Settings, server: Server, tmp_path: Path) -> None:
    settings.corpus.mkdir()
    (settings.corpus / "documents.toml").write_text(
        '# mine\n[[document]]\nid = "eigen"\nfile = "eigen.pdf"\ntitle = "Eigen \\"stuk\\""\n',
        encoding="utf-8")
    server.routes["/c.pdf"] = Route()
    docs = register(tmp_path, {"id": "conv", "file_url": f"{base(server)}/c.pdf"})
    assert fetch(settings, docs)[0].status == "downloaded"
    text = (settings.corpus / "documents.toml").read_text(encoding="utf-8")
    assert text.startswith("# mine\n")
    catalog = load_catalog(settings.corpus, registered_documents())
    assert catalog["eigen.pdf"].title == 'Eigen "stuk"' and catalog["conv.pdf"].id == "conv"


def test_not_found_and_web_pages_fail(settings: Settings, server: Server, tmp_path: Path) -> None:
    server.routes["/page.pdf"] = Route(b"<html><body>Landing page</body></html>", "text/html")
    server.routes["/fake.pdf"] = Route(b"plain bytes, no PDF", "application/octet-stream")
    server.routes["/text.pdf"] = Route(PDF, "text/plain")
    docs = register(tmp_path, *({"id": n, "file_url": f"{base(server)}/{n}.pdf"}
                                for n in ("missing", "page", "fake", "text")))
    results = {r.id: r for r in fetch(settings, docs)}
    assert all(r.status == "failed" for r in results.values())
    assert "404" in results["missing"].error
    assert "got a web page, not the document" in results["page"].error
    assert "did not send a PDF" in results["fake"].error
    assert "text/plain" in results["text"].error
    assert not [p for p in settings.corpus.iterdir() if p.name != "documents.toml"]


def test_size_cap(settings: Settings, server: Server, tmp_path: Path) -> None:
    server.routes["/claimed.pdf"] = Route(length=10_000_000)
    server.routes["/streamed.pdf"] = Route(send_length=False)
    docs = register(tmp_path, *({"id": n, "file_url": f"{base(server)}/{n}.pdf"}
                                for n in ("claimed", "streamed")))
    results = fetch(settings, docs, max_bytes=len(PDF) - 1)
    assert [r.status for r in results] == ["failed", "failed"]
    assert "more than the limit" in results[0].error
    assert "exceeded the limit" in results[1].error
    assert list(settings.corpus.iterdir()) == []  # partial data deleted
    assert fetch(settings, docs, max_bytes=len(PDF))[1].status == "downloaded"


def test_interrupted_download_resumes(settings: Settings, server: Server, tmp_path: Path) -> None:
    server.routes["/big.pdf"] = Route(cut_after=1000)
    docs = register(tmp_path, {"id": "big", "file_url": f"{base(server)}/big.pdf"})
    [first] = fetch(settings, docs)
    assert first.status == "failed" and "resume" in first.error
    assert (settings.corpus / ".big.pdf.part").stat().st_size == 1000
    assert not (settings.corpus / "big.pdf").exists()
    [second] = fetch(settings, docs)
    assert second.status == "downloaded"
    assert server.requests[-1] == ("/big.pdf", "bytes=1000-")
    assert (settings.corpus / "big.pdf").read_bytes() == PDF
    assert second.sha256 == hashlib.sha256(PDF).hexdigest()
    assert not (settings.corpus / ".big.pdf.part").exists()


def test_resume_refused_starts_over(settings: Settings, server: Server, tmp_path: Path) -> None:
    server.routes["/big.pdf"] = Route(ranges=False)
    settings.corpus.mkdir()
    (settings.corpus / ".big.pdf.part").write_bytes(b"stale data from another version")
    docs = register(tmp_path, {"id": "big", "file_url": f"{base(server)}/big.pdf"})
    assert fetch(settings, docs)[0].status == "downloaded"
    assert (settings.corpus / "big.pdf").read_bytes() == PDF


def test_plain_http_refused_without_the_test_flag(settings: Settings, server: Server, tmp_path: Path) -> None:
    server.routes["/c.pdf"] = Route()
    docs = register(tmp_path, {"id": "a", "file_url": f"{base(server)}/c.pdf"},
                    {"id": "b", "file_url": "ftp://example.org/c.pdf"},
                    {"id": "c", "file_url": "file:///etc/passwd"})
    results = fetch_documents(settings, register=docs)
    assert [r.status for r in results] == ["failed"] * 3
    assert all("only https://" in r.error for r in results)
    assert server.requests == []


def test_redirect_must_stay_on_allowed_addresses(settings: Settings, server: Server, tmp_path: Path) -> None:
    server.routes["/moved.pdf"] = Route(location="ftp://example.org/c.pdf")  # urllib would follow
    server.routes["/hop.pdf"] = Route(location=f"{base(server)}/c.pdf")
    server.routes["/c.pdf"] = Route()
    docs = register(tmp_path, {"id": "moved", "file_url": f"{base(server)}/moved.pdf"},
                    {"id": "hop", "file_url": f"{base(server)}/hop.pdf"})
    moved, hop = fetch(settings, docs)
    assert moved.status == "failed" and "only https://" in moved.error
    assert hop.status == "downloaded"


def test_file_names_come_from_the_id_only(settings: Settings, server: Server, tmp_path: Path) -> None:
    server.routes["/x/..%2F..%2Fevil.csv"] = Route()
    docs = register(tmp_path, {"id": "../../Escape Doc", "file_url": f"{base(server)}/x/..%2F..%2Fevil.csv"})
    [result] = fetch(settings, docs)
    assert result.status == "downloaded" and result.file == "escape-doc.csv"
    assert {p.name for p in tmp_path.rglob("*") if p.is_file()} == {
        "register.toml", "escape-doc.csv", "documents.toml"}


def test_documents_without_address_and_user_urls(settings: Settings, server: Server, tmp_path: Path) -> None:
    server.routes["/mirror.pdf"] = Route()
    docs = register(tmp_path, {"id": "nourl"}, {"id": "other"})
    skipped = fetch(settings, docs, ids=["nourl"])
    assert [(r.id, r.status) for r in skipped] == [("nourl", "skipped")]
    assert skipped[0].error == ("no download address in the register; "
                                "get it from https://example.org/landing")
    results = fetch(settings, docs, ids=["nourl"], allow_urls=[f"nourl={base(server)}/mirror.pdf"])
    assert [(r.id, r.status, r.file) for r in results] == [("nourl", "downloaded", "nourl.pdf")]


def test_bad_requests_raise(settings: Settings, tmp_path: Path) -> None:
    docs = register(tmp_path, {"id": "a"})
    with pytest.raises(FetchError, match="Unknown document id 'zz'"):
        fetch(settings, docs, ids=["zz"])
    with pytest.raises(FetchError, match="ID=https"):
        fetch(settings, docs, allow_urls=["https://example.org/a.pdf"])
