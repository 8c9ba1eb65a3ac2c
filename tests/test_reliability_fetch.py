"""`fetch` against a server that trickles (issue 15, item 9): an overall deadline per file, the
bytes received kept, and the next fetch resuming from them.

The server is a ThreadingHTTPServer on 127.0.0.1, reached through fetch's private loopback flag
(as in tests/test_fetch.py): the first request gets one byte every 0.1 s, a Range request the
rest at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import run_cli

from imvo_assist.catalogue.loader import load_documents
from imvo_assist.catalogue.vocabulary import RegisterDocument
from imvo_assist.collection.fetch import fetch_documents
from imvo_assist.collection.manifest import dumps
from imvo_assist.settings import make_settings

BODY = b"%PDF-1.4\n" + b"x" * 400 + b"\n%%EOF\n"


class Trickle(BaseHTTPRequestHandler):
    server: TrickleServer

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        asked = self.headers.get("Range")
        self.server.requests.append(asked)
        start = int(asked.removeprefix("bytes=").rstrip("-")) if asked else 0
        self.send_response(206 if asked else 200)
        if asked:
            self.send_header("Content-Range", f"bytes {start}-{len(BODY) - 1}/{len(BODY)}")
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Length", str(len(BODY) - start))
        self.end_headers()
        try:
            if asked:
                self.wfile.write(BODY[start:])
                return
            for offset in range(len(BODY)):  # one byte every 0.1 s: 41 s in all
                self.wfile.write(BODY[offset:offset + 1])
                self.wfile.flush()
                time.sleep(0.1)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should


class TrickleServer(ThreadingHTTPServer):
    requests: list[str | None]


@pytest.fixture
def server() -> Iterator[TrickleServer]:
    httpd = TrickleServer(("127.0.0.1", 0), Trickle)
    httpd.requests = []
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def register(tmp_path: Path, url: str) -> list[RegisterDocument]:
    entry = {"id": "traag", "title": "Traag document", "kind": "report", "language": "nl",
             "url": "https://example.org/landing", "source_url": "https://example.org/facts",
             "file_url": url}
    path = tmp_path / "register.toml"
    path.write_text(dumps({"document": [entry]}), encoding="utf-8")
    return load_documents(path)


def test_deadline_stops_a_trickling_server_and_keeps_the_bytes(tmp_path: Path, server: TrickleServer) -> None:
    settings = make_settings(tmp_path / "corpus", tmp_path / "ix")
    docs = register(tmp_path, f"http://127.0.0.1:{server.server_address[1]}/traag.pdf")
    started = time.monotonic()
    [first] = fetch_documents(settings, register=docs, timeout_s=5, deadline_s=1,
                              _insecure_loopback_for_tests=True)
    assert time.monotonic() - started < 4  # not the 41 s the server would take
    assert first.status == "failed"
    assert "did not finish within 1 s" in first.error and "Run fetch again to resume" in first.error
    part = settings.corpus / ".traag.pdf.part"
    kept = part.stat().st_size
    assert 0 < kept < len(BODY) and part.read_bytes() == BODY[:kept]
    assert f"({kept} bytes received and kept)" in first.error

    [second] = fetch_documents(settings, register=docs, timeout_s=5, deadline_s=1,
                               _insecure_loopback_for_tests=True)
    assert second.status == "downloaded"
    assert server.requests == [None, f"bytes={kept}-"]  # resumed from the kept bytes
    assert (settings.corpus / "traag.pdf").read_bytes() == BODY and not part.exists()


def test_deadline_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = make_settings(tmp_path / "corpus", tmp_path / "ix")
    run = run_cli(capsys, settings, "fetch", "--deadline", "0", "kamerbrief-2014-11-19-sra")
    assert run.code == 2 and "--deadline must be positive" in run.err
    assert "--deadline" in run_cli(capsys, settings, "fetch", "--help").out
