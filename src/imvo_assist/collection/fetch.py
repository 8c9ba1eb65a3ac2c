"""Downloading the official files named in the register into the user's corpus.

Only `https://` addresses are ever opened: the register's `file_url`s, or addresses the user
gives for a document id. Redirects are checked by the same rule, and the opener has no handler
for plain http, ftp, file or data URLs. (Tests serve files from 127.0.0.1 over http through a
private flag that only allows the loopback address.) A download goes to a hidden `.<name>.part`
file (dot files are ignored by `corpus.scan`), is capped in size and in total time (a server
trickling a byte at a time cannot keep it alive), checked for content (a web page is not a
document; a PDF starts with `%PDF-`), resumed with a Range request after an interruption or a
missed deadline (the bytes received are kept) and renamed into place when complete. File names
come from the document id only, never from the server. The corpus' `documents.toml` then records which document the file is.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import ssl
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Literal
from urllib.error import HTTPError, URLError
from urllib.parse import unquote, urlsplit

from imvo_assist.collection.manifest import record_document, writable_corpus
from imvo_assist.collection.scan import SUPPORTED, load_catalog, slugify
from imvo_assist.errors import ImvoError
from imvo_assist.settings import Settings

if TYPE_CHECKING:
    from imvo_assist.catalogue.vocabulary import RegisterDocument

Progress = Callable[[int, int, str], None]
"""Called with (bytes so far, total bytes or 0 when unknown, document id)."""
_LOOPBACK = frozenset({"127.0.0.1", "::1"})  # literals only: a name could resolve elsewhere
_PDF_TYPES = frozenset({"application/pdf", "application/x-pdf", "application/octet-stream",
                        "binary/octet-stream"})
_WEB_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHUNK = 64 * 1024
DEADLINE_S = 600.0
"""Default time allowed to download one file, whatever the server's pace."""


class FetchError(ImvoError):
    """A download was refused or failed; for a bad id or address, the whole command fails."""


@dataclass(frozen=True)
class FetchResult:
    """What happened to one register document."""

    id: str
    url: str
    """The address downloaded from ("" when the register has none)."""
    status: Literal["downloaded", "present", "skipped", "failed"]
    file: str = ""
    """The file's name inside the corpus."""
    bytes: int = 0
    error: str = ""
    """Why the document was skipped or failed, with the next step."""
    sha256: str = ""

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


def fetch_documents(
    settings: Settings,
    ids: list[str] | None = None,
    *,
    timeout_s: float = 30.0,
    deadline_s: float = DEADLINE_S,
    max_bytes: int = 100 * 2**20,
    progress: Progress | None = None,
    allow_urls: list[str] | None = None,
    register: Sequence[RegisterDocument],
    _insecure_loopback_for_tests: bool = False,
) -> list[FetchResult]:
    """Download register documents into the corpus and record them in its `documents.toml`.

    Args:
        settings: the corpus to download into (not the bundled register folder).
        ids: the documents to fetch; all register documents when None.
        timeout_s: time limit of each network operation (connect, each read).
        deadline_s: time limit of each file's whole download; the bytes received by then are
            kept, and the next fetch resumes from them.
        max_bytes: largest accepted file.
        progress: called while bytes arrive.
        allow_urls: "ID=https://..." items: addresses the user vouches for, used instead of
            (or where the register has no) `file_url`.
        register: the documents to choose from (the bundled catalogue's, passed in by the library).
        _insecure_loopback_for_tests: also allow http to 127.0.0.1 (tests only).

    Returns:
        One result per document, in register order.

    Raises:
        FetchError: an unknown id, or an `allow_urls` item that is not "ID=URL".
        CorpusError: the corpus cannot be written or its `documents.toml` is invalid.
    """
    documents = list(register)
    known = {doc.id: doc for doc in documents}
    overrides = _parse_overrides(allow_urls or [])
    for doc_id in [*(ids or []), *overrides]:
        if doc_id not in known:
            raise FetchError(f"Unknown document id {doc_id!r}.", "See `imvo-assist docs` or "
                             "corpus/documents.toml for the ids.")
    wanted = set(ids) if ids else set(known)
    corpus = writable_corpus(settings.writable_corpus)
    catalog = load_catalog(corpus)
    opener = _opener(_insecure_loopback_for_tests)
    results = []
    for doc in (d for d in documents if d.id in wanted):
        url = overrides.get(doc.id) or doc.file_url or ""
        if not url:
            where = doc.url or "the publisher (the register knows no address)"
            results.append(FetchResult(doc.id, "", "skipped",
                                       error=f"no download address in the register; get it from {where}"))
            continue
        name = slugify(doc.id) + _extension(url)
        present = [n for n in (name, *doc.files, *(n for n, i in catalog.items() if i.id == doc.id))
                   if (corpus / n).is_file()]
        if present:
            size = (corpus / present[0]).stat().st_size
            results.append(FetchResult(doc.id, url, "present", present[0], size,
                                       sha256=_sha256(corpus / present[0])))
            continue
        try:
            _check_address(url, _insecure_loopback_for_tests)
            size, digest = _download(opener, url, corpus / name, (timeout_s, deadline_s),
                                     max_bytes, _reporter(progress, doc.id))
        except FetchError as exc:
            results.append(FetchResult(doc.id, url, "failed", error=str(exc)))
            continue
        record_document(corpus, doc.id, name)  # the catalog adds the register's metadata by id
        results.append(FetchResult(doc.id, url, "downloaded", name, size, sha256=digest))
    return results


def _reporter(progress: Progress | None, doc_id: str) -> Callable[[int, int], None]:
    if progress is None:
        return lambda done, total: None
    return lambda done, total: progress(done, total, doc_id)


def _parse_overrides(items: list[str]) -> dict[str, str]:
    overrides = {}
    for item in items:
        doc_id, sep, url = item.partition("=")
        if not sep or not doc_id.strip() or not url.strip():
            raise FetchError(f"Expected ID=https://..., got {item!r}.")
        overrides[doc_id.strip()] = url.strip()
    return overrides


def _extension(url: str) -> str:
    """The file type from the address' path when it is one the corpus reads, else .pdf."""
    suffix = PurePosixPath(unquote(urlsplit(url).path)).suffix.lower()
    return suffix if suffix in SUPPORTED else ".pdf"


def _check_address(url: str, loopback_http: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    if loopback_http and parts.scheme == "http" and parts.hostname in _LOOPBACK:
        return
    raise FetchError(f"refusing {url}: only https:// addresses are downloaded.",
                     "Ask the publisher for an https address.")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to an address `_check_address` accepts."""

    def __init__(self, loopback_http: bool) -> None:
        self.loopback_http = loopback_http

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        _check_address(newurl, self.loopback_http)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(loopback_http: bool) -> urllib.request.OpenerDirector:
    """An opener that speaks https only (plus http, without proxies, in test mode)."""
    opener = urllib.request.OpenerDirector()
    handlers: list[urllib.request.BaseHandler] = [
        urllib.request.ProxyHandler({} if loopback_http else None),
        urllib.request.UnknownHandler(), urllib.request.HTTPDefaultErrorHandler(),
        _CheckedRedirects(loopback_http), urllib.request.HTTPErrorProcessor(),
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),
    ]
    if loopback_http:
        handlers.append(urllib.request.HTTPHandler())
    for handler in handlers:
        opener.add_handler(handler)
    return opener


def _download(opener: urllib.request.OpenerDirector, url: str, dest: Path,
              limits: tuple[float, float], max_bytes: int,
              progress: Callable[[int, int], None]) -> tuple[int, str]:
    """Download `url` to `dest` via `.<name>.part`, resuming a partial file; (size, sha256).

    `limits` are the seconds allowed per network operation and for the whole download.
    """
    timeout_s, deadline_s = limits
    deadline = time.monotonic() + deadline_s
    part = dest.with_name(f".{dest.name}.part")
    is_pdf = dest.suffix == ".pdf"
    for _attempt in range(2):  # the second attempt starts over when a resume is refused
        offset = part.stat().st_size if part.is_file() else 0
        request = urllib.request.Request(url, headers={"User-Agent": "imvo-assist"})
        if offset:
            request.add_header("Range", f"bytes={offset}-")
        try:
            response = opener.open(request, timeout=timeout_s)
        except HTTPError as exc:
            exc.close()
            if exc.code == 416 and offset:
                part.unlink()
                continue
            raise FetchError(f"the server answered HTTP {exc.code} {exc.reason} for {url}.") from exc
        except (URLError, OSError, http.client.HTTPException) as exc:
            raise FetchError(f"cannot download {url}: {getattr(exc, 'reason', exc)}.") from exc
        with response:
            content_range = response.headers.get("Content-Range", "")
            if response.status == 206 and not content_range.startswith(f"bytes {offset}-"):
                part.unlink(missing_ok=True)
                continue
            offset = offset if response.status == 206 else 0
            headers = response.headers
            _check_type(headers.get_content_type() if "Content-Type" in headers else "",
                        dest.suffix, url)
            length = response.headers.get("Content-Length")
            total = offset + int(length) if length and length.isdigit() else 0
            if total > max_bytes:
                part.unlink(missing_ok=True)
                raise FetchError(f"{url} is {total} bytes, more than the limit of {max_bytes}.")
            done, finished = _stream(response, part, (offset, total, max_bytes), deadline, progress)
        if not finished:
            raise FetchError(f"download of {url} did not finish within {deadline_s:g} s "
                             f"({done} bytes received and kept).", "Run fetch again to resume.")
        if total and done < total:
            raise FetchError(f"download of {url} interrupted after {done} of {total} bytes.",
                             "Run fetch again to resume.")
        with part.open("rb") as head:
            if is_pdf and b"%PDF-" not in head.read(1024):
                part.unlink()
                raise FetchError(f"{url} did not send a PDF file.")
        os.replace(part, dest)
        return done, _sha256(dest)
    raise FetchError(f"the server for {url} refused to resume the download.", "Run fetch again.")


def _check_type(content_type: str, suffix: str, url: str) -> None:
    if content_type in _WEB_PAGE_TYPES and suffix not in (".html", ".htm"):
        raise FetchError(f"got a web page, not the document, from {url}.",
                         "The address is probably a landing page; download the file by hand.")
    if suffix == ".pdf" and content_type and content_type not in _PDF_TYPES:
        raise FetchError(f"{url} sent {content_type}, not a PDF.")


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


def _sha256(path: Path) -> str:
    with path.open("rb") as data:
        return hashlib.file_digest(data, "sha256").hexdigest()
