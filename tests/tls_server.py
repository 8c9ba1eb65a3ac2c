"""A local HTTPS server for the fetch tests: a ThreadingHTTPServer on 127.0.0.1 with a
certificate from a certificate authority made by `trustme` for the test run. Only the
`client_context()` given to `fetch_documents(tls_context=...)` trusts that authority; nothing
else on the machine does, and no test reaches the internet.

Routes answer one path each: a file or page (with a content type, a claimed length, a cut
connection, Range support), a redirect, an error status, or a slow trickle.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import trustme


@dataclass
class Route:
    """How the test server answers one path."""

    body: bytes = b""
    content_type: str = "application/pdf"
    status: int = 200
    send_length: bool = True
    length: int | None = None
    """A Content-Length to claim instead of the real one."""
    cut_after: int | None = None
    """Close the connection after this many bytes, the first time only."""
    ranges: bool = True
    location: str = ""
    """Answer 302 with this Location."""
    trickle_s: float = 0.0
    """Seconds between single bytes of a first (non-Range) request: a slow server."""
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
            self.send_header("Content-Length", "0")
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
        first = not route.served
        route.served.append(self.path)
        try:
            if route.trickle_s and first and not asked:
                for offset in range(len(body)):
                    self.wfile.write(body[offset:offset + 1])
                    self.wfile.flush()
                    time.sleep(route.trickle_s)
            else:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass  # the client gave up, as it should


class Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, Route]
    requests: list[tuple[str, str | None]]
    base: str
    client: ssl.SSLContext
    """The only context that trusts this server's certificate."""


@contextmanager
def https_server() -> Iterator[Server]:
    """A running HTTPS server on 127.0.0.1 with no routes yet."""
    authority = trustme.CA()
    httpd = Server(("127.0.0.1", 0), Handler)
    server_side = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1", "localhost").configure_cert(server_side)
    httpd.socket = server_side.wrap_socket(httpd.socket, server_side=True)
    httpd.routes, httpd.requests = {}, []
    httpd.base = f"https://127.0.0.1:{httpd.server_address[1]}"
    httpd.client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # trusts nothing but the test's CA
    authority.configure_trust(httpd.client)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
