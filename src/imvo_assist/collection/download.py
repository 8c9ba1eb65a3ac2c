"""One https GET for `fetch`: a web page read whole, or a file streamed to a resumable part file.

Only `https://` addresses are opened: the opener has no handler for plain http, ftp, file or
data URLs, and a redirect is followed only to another https address. A file goes to a hidden
part file (dot files are ignored by `scan`) named after the address, so a download is resumed
(Range request) only from bytes of the same address. Sizes are capped, each network operation
has a time-out and each file a deadline (a server trickling a byte at a time cannot keep it
alive; the bytes received by then are kept for the next run).
"""

from __future__ import annotations

import hashlib
import http.client
import ssl
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit

from imvo_assist.errors import ImvoError

PAGE_BYTES = 2 * 2**20
"""Largest web (landing) page read."""
PDF_TYPES = frozenset({"application/pdf", "application/x-pdf", "application/octet-stream",
                       "binary/octet-stream", "application/download", "application/force-download"})
WEB_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHUNK = 64 * 1024


class FetchError(ImvoError):
    """A download was refused or failed; for a bad id or address, the whole command fails."""


@dataclass(frozen=True)
class Limits:
    """Seconds per network operation, seconds per file, and the largest file accepted."""

    timeout_s: float
    deadline_s: float
    max_bytes: int


@dataclass(frozen=True)
class Got:
    """What one GET brought: a web page's text, or a complete file in `part`."""

    url: str
    """The address after redirects."""
    page: str = ""
    """The HTML of a web page ("" for a file)."""
    part: Path | None = None
    size: int = 0


def check_address(url: str) -> None:
    """Raise FetchError unless `url` is an https address with a host."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    raise FetchError(f"refusing {url}: only https:// addresses are downloaded.",
                     "Ask the publisher for an https address.")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to an address `check_address` accepts."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        check_address(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def opener(context: ssl.SSLContext | None = None) -> urllib.request.OpenerDirector:
    """An opener that speaks https only. `context` replaces the system's trust (tests: a
    certificate authority made for the test; proxies are then not used either)."""
    director = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler({} if context is not None else None),
        urllib.request.UnknownHandler(), urllib.request.HTTPDefaultErrorHandler(),
        _CheckedRedirects(), urllib.request.HTTPErrorProcessor(),
        urllib.request.HTTPSHandler(context=context or ssl.create_default_context()),
    ):
        director.add_handler(handler)
    return director


def part_path(dest: Path, url: str) -> Path:
    """The hidden part file of a download of `url` to `dest`."""
    return dest.with_name(f".{dest.name}.{hashlib.sha256(url.encode()).hexdigest()[:10]}.part")


def get(director: urllib.request.OpenerDirector, url: str, dest: Path, limits: Limits,
        progress: Callable[[int, int], None]) -> Got:
    """GET `url`: a web page is read and returned (unless `dest` is a web page itself); a file
    is streamed to `part_path(dest, url)`, resuming a partial one, and returned complete (a PDF,
    when `dest` is one, checked for its type and `%PDF-`).

    Raises:
        FetchError: refused address, HTTP error, wrong type, too large, interrupted or past
            the deadline (the bytes received are then kept for the next run).
    """
    check_address(url)
    deadline = time.monotonic() + limits.deadline_s
    part = part_path(dest, url)
    pdf, html = dest.suffix == ".pdf", dest.suffix in (".html", ".htm")
    for _attempt in range(2):  # the second attempt starts over when a resume is refused
        offset = part.stat().st_size if part.is_file() else 0
        request = urllib.request.Request(url, headers={"User-Agent": "imvo-assist"})
        if offset:
            request.add_header("Range", f"bytes={offset}-")
        try:
            response = director.open(request, timeout=limits.timeout_s)
        except HTTPError as exc:
            exc.close()
            if exc.code == 416 and offset:
                part.unlink()
                continue
            raise FetchError(f"the server answered HTTP {exc.code} {exc.reason} for {url}.") from exc
        except (URLError, OSError, http.client.HTTPException) as exc:
            raise FetchError(f"cannot download {url}: {getattr(exc, 'reason', exc)}.") from exc
        with response:
            final = response.geturl() or url
            content_type = response.headers.get_content_type() if "Content-Type" in response.headers else ""
            if content_type in WEB_PAGE_TYPES and not html:
                return Got(final, page=_read_page(response, final, deadline))
            if response.status == 206 and not response.headers.get(
                    "Content-Range", "").startswith(f"bytes {offset}-"):
                part.unlink(missing_ok=True)
                continue
            offset = offset if response.status == 206 else 0
            if pdf and content_type and content_type not in PDF_TYPES:
                raise FetchError(f"{final} sent {content_type}, not a PDF.")
            length = response.headers.get("Content-Length")
            total = offset + int(length) if length and length.isdigit() else 0
            if total > limits.max_bytes:
                part.unlink(missing_ok=True)
                raise FetchError(f"{final} is {total} bytes, more than the limit of {limits.max_bytes}.")
            done, finished = _stream(response, part, (offset, total, limits.max_bytes), deadline, progress)
        if not finished:
            raise FetchError(f"download of {url} did not finish within {limits.deadline_s:g} s "
                             f"({done} bytes received and kept).", "Run fetch again to resume.")
        if total and done < total:
            raise FetchError(f"download of {url} interrupted after {done} of {total} bytes.",
                             "Run fetch again to resume.")
        with part.open("rb") as head:
            if pdf and b"%PDF-" not in head.read(1024):
                part.unlink()
                raise FetchError(f"{final} did not send a PDF file.")
        return Got(final, part=part, size=done)
    raise FetchError(f"the server for {url} refused to resume the download.", "Run fetch again.")


def _read_page(response: http.client.HTTPResponse, url: str, deadline: float) -> str:
    """The text of a web page (at most PAGE_BYTES, within the deadline)."""
    body = bytearray()
    try:
        while chunk := response.read1(_CHUNK):
            body += chunk
            if len(body) > PAGE_BYTES:
                raise FetchError(f"the web page {url} is larger than {PAGE_BYTES} bytes.")
            if time.monotonic() >= deadline:
                raise FetchError(f"the web page {url} did not arrive in time.")
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(f"reading the web page {url} failed ({exc}).") from exc
    charset = response.headers.get_content_charset() or "utf-8"
    try:
        return bytes(body).decode(charset, "replace")
    except LookupError:  # an unknown charset name
        return bytes(body).decode("utf-8", "replace")


def _stream(response: http.client.HTTPResponse, part: Path, sizes: tuple[int, int, int],
            deadline: float, progress: Callable[[int, int], None]) -> tuple[int, bool]:
    """Append the body to `part` (truncated unless resuming) until it ends or the deadline
    passes: the size of `part` after it, and whether the body ended. `sizes` are (offset,
    total or 0, max_bytes). Each read returns what has arrived (`read1`), so a trickle of
    bytes cannot hold a read past the deadline by more than one network timeout."""
    offset, total, max_bytes = sizes
    done, finished = offset, False
    try:
        with part.open("ab" if offset else "wb") as out:
            while chunk := response.read1(_CHUNK):
                done += len(chunk)
                if done > max_bytes:
                    raise FetchError(f"the download exceeded the limit of {max_bytes} bytes.")
                out.write(chunk)
                progress(done, total)
                if time.monotonic() >= deadline:
                    break
            else:
                finished = True
    except FetchError:
        part.unlink(missing_ok=True)
        raise
    except (OSError, http.client.HTTPException) as exc:  # keep the part to resume
        raise FetchError(f"download interrupted after {done} bytes ({exc}).",
                         "Run fetch again to resume.") from exc
    return done, finished
