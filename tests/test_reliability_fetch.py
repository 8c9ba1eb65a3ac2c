"""`fetch` against a slow server (issue 15, item 9; issue 13, item 4): an overall deadline per
file, the bytes received kept, and the next fetch resuming from them.

The server is the tests' local HTTPS server (`tls_server`, trusted only through the context the
test passes): the first request gets one byte every 0.1 s, a Range request the rest at once.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import run_cli
from extract.pdf_support import Page, write_pdf
from tls_server import Route, Server, https_server

from imvo_assist.catalogue.loader import load_documents
from imvo_assist.collection.fetch import fetch_documents
from imvo_assist.collection.manifest import dumps
from imvo_assist.models import Document
from imvo_assist.settings import make_settings


@pytest.fixture
def server() -> Iterator[Server]:
    with https_server() as httpd:
        yield httpd


def register(tmp_path: Path, url: str) -> list[Document]:
    entry = {"id": "traag", "title": "Traag document over ketens", "kind": "report", "language": "nl",
             "url": "https://example.org/landing", "source_url": "https://example.org/facts",
             "publisher": "Stichting Traag", "file_url": url}
    path = tmp_path / "register.toml"
    path.write_text(dumps({"document": [entry]}), encoding="utf-8")
    return load_documents(path)


def test_deadline_stops_a_trickling_server_and_keeps_the_bytes(tmp_path: Path, server: Server) -> None:
    body = write_pdf(tmp_path / "traag.pdf", [Page().text(72, 760, "Traag document over ketens")]).read_bytes()
    server.routes["/traag.pdf"] = Route(body, trickle_s=0.1)  # len(body) / 10 seconds in all
    settings = make_settings(tmp_path / "corpus", tmp_path / "ix")
    docs = register(tmp_path, f"{server.base}/traag.pdf")
    started = time.monotonic()
    [first] = fetch_documents(settings, register=docs, timeout_s=5, deadline_s=1, tls_context=server.client)
    assert time.monotonic() - started < 4  # not the minute the server would take
    assert first.status == "failed"
    assert "did not finish within 1 s" in first.error and "Run fetch again to resume" in first.error
    [part] = settings.corpus.glob(".traag.pdf.*.part")
    kept = part.stat().st_size
    assert 0 < kept < len(body) and part.read_bytes() == body[:kept]
    assert f"({kept} bytes received and kept)" in first.error

    [second] = fetch_documents(settings, register=docs, timeout_s=5, deadline_s=1, tls_context=server.client)
    assert second.status == "downloaded", second.tried
    assert server.requests == [("/traag.pdf", None), ("/traag.pdf", f"bytes={kept}-")]  # resumed
    assert (settings.corpus / "traag.pdf").read_bytes() == body and not part.exists()


def test_deadline_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = make_settings(tmp_path / "corpus", tmp_path / "ix")
    run = run_cli(capsys, settings, "fetch", "--deadline", "0", "kamerbrief-2014-11-19-sra")
    assert run.code == 2 and "--deadline must be positive" in run.err
    assert "--deadline" in run_cli(capsys, settings, "fetch", "--help").out
