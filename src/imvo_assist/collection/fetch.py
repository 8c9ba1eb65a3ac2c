"""Downloading the registered documents into the user's corpus.

Where from, per registered document, in this order: an address the user gives (`--url
ID=https://...`, used alone); the file address the register records (`file_url`, with its
confidence); for a parliamentary paper, the Kamerstuk PDF address built from its number
(kst-<dossier>-<nr>.pdf on zoek.officielebekendmakingen.nl: "inferred", so only tried); the
document's official landing page (`url`), whose links are weighed (`collection.landing`) and the
best few tried. A web page met where a file was expected is read as a landing page too, one
level deep. Web pages of the register (kind "web page") have nothing to download. Every file is
checked before it is kept: https only (redirects too), a size cap, a PDF that is one, and its
first pages, read in the extraction worker's limits, naming the document's title or publisher
and not calling themselves a test or draft (`evidence.download_problem`). A failed check keeps
nothing and says why. Downloads go through a hidden part file and resume after an interruption
or a missed deadline. File names come from the document id only. The corpus manifest records
each file with its sha256, address and date.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote, urlsplit

from imvo_assist.collection.download import FetchError, Limits, get, opener
from imvo_assist.collection.evidence import download_problem, profile
from imvo_assist.collection.filefacts import read_file_facts, sha256_of
from imvo_assist.collection.landing import pdf_links
from imvo_assist.collection.manifest import read_manifest, record_document, writable_corpus
from imvo_assist.collection.scan import SUPPORTED, load_catalog, slugify
from imvo_assist.models import Document
from imvo_assist.settings import Settings

if TYPE_CHECKING:
    import urllib.request

__all__ = ["DEADLINE_S", "FetchError", "FetchResult", "Progress", "fetch_documents"]

Progress = Callable[[int, int, str], None]
"""Called with (bytes so far, total bytes or 0 when unknown, document id)."""
DEADLINE_S = 600.0
"""Default time allowed to download one file, whatever the server's pace."""
LINKS_TRIED = 3
"""Links of one landing page tried at most."""
Status = Literal["downloaded", "present", "skipped", "failed"]


@dataclass(frozen=True)
class FetchResult:
    """What happened to one register document."""

    id: str
    url: str
    """The address the file came from (or was last tried; "" when there is none)."""
    status: Status
    """"downloaded", "present" (already in the corpus), "skipped" (nothing to download) or
    "failed" (every address tried was refused; see `tried`)."""
    file: str = ""
    """The file's name inside the corpus."""
    bytes: int = 0
    error: str = ""
    """Why the document was skipped or failed, with the next step."""
    sha256: str = ""
    source: str = ""
    """How the address was known: given, the register's file address (with its confidence), or
    a link of the landing page."""
    tried: tuple[str, ...] = field(default=())
    """"URL: why not" for every address tried and refused."""

    def to_dict(self) -> dict[str, object]:
        return {**self.__dict__, "tried": list(self.tried)}


@dataclass(frozen=True)
class _Run:
    settings: Settings
    corpus: Path
    director: urllib.request.OpenerDirector
    limits: Limits
    progress: Progress | None


def fetch_documents(
    settings: Settings,
    ids: list[str] | None = None,
    *,
    timeout_s: float = 30.0,
    deadline_s: float = DEADLINE_S,
    max_bytes: int = 100 * 2**20,
    progress: Progress | None = None,
    allow_urls: list[str] | None = None,
    register: Sequence[Document],
    tls_context: ssl.SSLContext | None = None,
) -> list[FetchResult]:
    """Download register documents into the corpus and record them in its manifest.

    Args:
        settings: the corpus to download into (not the bundled register folder); its time and
            memory limits bound the content check.
        ids: the documents to fetch; all register documents when None.
        timeout_s: time limit of each network operation (connect, each read).
        deadline_s: time limit of each file's whole download; the bytes received by then are
            kept, and the next fetch resumes from them.
        max_bytes: largest accepted file.
        progress: called while bytes arrive.
        allow_urls: "ID=https://..." items: addresses the user vouches for, used instead of the
            register's (a landing page is read for its links).
        register: the documents to choose from (the bundled catalogue's, passed in by the library).
        tls_context: the certificate authorities to trust instead of the system's (tests).

    Returns:
        One result per document, in register order.

    Raises:
        FetchError: an unknown id, or an `allow_urls` item that is not "ID=URL".
        CorpusError: the corpus cannot be written or its manifest is invalid.
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
    read_manifest(corpus)  # an invalid manifest fails before anything is downloaded
    run = _Run(settings, corpus, opener(tls_context), Limits(timeout_s, deadline_s, max_bytes), progress)
    return [_fetch_one(run, doc, overrides.get(doc.id, "")) for doc in documents if doc.id in wanted]


def _fetch_one(run: _Run, doc: Document, override: str) -> FetchResult:
    if doc.kind == "web page" and not override:
        return FetchResult(doc.id, doc.url, "skipped", error="a web page: nothing to "
                           "download (it is cited by its address)")
    addresses = _addresses(doc, override)
    if not addresses:
        return FetchResult(doc.id, "", "skipped", error="the register knows no file address and no "
                           "landing page; get the file from its publisher and `imvo-assist add` it")
    name = slugify(doc.id) + _extension(addresses[0][0] if addresses[0][1] != _LANDING else "")
    present = _present(run, doc, name)
    if present is not None:
        return FetchResult(doc.id, "", "present", present.name, present.stat().st_size,
                           sha256=sha256_of(present))
    dest, tried = run.corpus / name, list[str]()
    queue = [(url, source, 0) for url, source in addresses]
    while queue:
        url, source, depth = queue.pop(0)
        try:
            got = get(run.director, url, dest, run.limits, _reporter(run.progress, doc.id))
        except FetchError as exc:
            if "resume" in exc.hint:  # bytes kept: the next run goes on from them
                return FetchResult(doc.id, url, "failed", error=str(exc), source=source,
                                   tried=(*tried, f"{url}: {exc.message}"))
            tried.append(f"{url}: {exc.message}")
            continue
        if got.part is None:
            links = pdf_links(got.page, got.url, profile(doc).titles, doc.language) if depth == 0 else []
            if not links:
                tried.append(f"{got.url}: a web page" + (_NO_LINK if depth == 0 else ", not the document"))
            queue[0:0] = [(link.url, f"link '{link.text[:60]}' on {got.url}", depth + 1)
                          for link in links[:LINKS_TRIED]]
            continue
        problem = _check(run, got.part, dest, doc)
        if problem:
            got.part.unlink(missing_ok=True)
            tried.append(f"{got.url}: not the document: {problem}")
            continue
        return _accept(run, doc, got.part, dest, got.url, source, tuple(tried))
    refused = [t for t in tried if ": not the document: " in t]  # more telling than a 404
    error = (refused or tried or ["nothing to download found"])[0 if refused else -1]
    status: Status = "skipped" if all(t.endswith(_NO_LINK) for t in tried) else "failed"
    return FetchResult(doc.id, addresses[-1][0], status, error=error, source=addresses[-1][1],
                       tried=tuple(tried))


_LANDING = "the official landing page"
_NO_LINK = " without a link to the document"
_INFERRED = "the Kamerstuk PDF address built from its number (inferred)"
_KAMERSTUK = re.compile(r"(\d[\d ]*\d|\d), nr\. (\d+)")
KAMERSTUK_PDF = "https://zoek.officielebekendmakingen.nl/kst-{dossier}-{number}.pdf"
"""Where a parliamentary paper's PDF usually is: an address built from a pattern, so it is
only tried (the register records it nowhere; the content check decides)."""


def _present(run: _Run, doc: Document, name: str) -> Path | None:
    """A file of `doc` already in the corpus (or in the bundled corpus read beside it)."""
    for root in dict.fromkeys([run.corpus, *run.settings.roots]):
        catalog = load_catalog(root) if root.is_dir() else {}
        names = (name, *doc.files, *(n for n, info in catalog.items() if info.id == doc.id))
        found = next((root / n for n in names if (root / n).is_file()), None)
        if found is not None:
            return found
    return None


def _addresses(doc: Document, override: str) -> list[tuple[str, str]]:
    """(address, how it is known) to try, in order."""
    if override:
        return [(override, "the address given with --url")]
    found = []
    if doc.file_url:
        level = doc.register.field_trust("file_url").level
        found.append((doc.file_url, f"the register's file address ({level})"))
    numbered = _KAMERSTUK.fullmatch(doc.register.kamerstuk.strip())
    if numbered:
        dossier, number = numbered.group(1).replace(" ", ""), numbered.group(2)
        found.append((KAMERSTUK_PDF.format(dossier=dossier, number=number), _INFERRED))
    if doc.url and doc.url not in (address for address, _ in found):
        found.append((doc.url, _LANDING))
    return list(dict.fromkeys(found))


def _check(run: _Run, part: Path, dest: Path, doc: Document) -> str:
    """Why the complete download in `part` is not `doc` ("" when it is)."""
    facts = read_file_facts(part, run.settings, suffix=dest.suffix)
    if dest.suffix in (".csv", ".tsv"):  # a table has no title page: only what it says of itself
        vetoed = download_problem(facts, doc)
        return vetoed if vetoed and "name neither" not in vetoed else ""
    return download_problem(facts, doc)


def _accept(run: _Run, doc: Document, part: Path, dest: Path, url: str, source: str,
            tried: tuple[str, ...]) -> FetchResult:
    os.replace(part, dest)
    for stale in dest.parent.glob(f".{dest.name}.*.part"):
        stale.unlink(missing_ok=True)  # parts of other addresses of the same document
    digest = sha256_of(dest)
    when = dt.datetime.now(dt.UTC).replace(microsecond=0)
    entries = read_manifest(run.corpus).get("document", [])
    entry: dict[str, object] = next((e for e in entries if e.get("id") == doc.id), {})
    old = entry.get("downloads")
    downloads = [d for d in old if isinstance(d, dict) and d.get("file") != dest.name] if isinstance(old, list) else []
    downloads.append({"file": dest.name, "url": url, "sha256": digest, "date": when})
    record_document(run.corpus, doc.id, dest.name, update={"downloads": downloads})
    return FetchResult(doc.id, url, "downloaded", dest.name, dest.stat().st_size, sha256=digest,
                       source=source, tried=tried)


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
    return suffix if suffix in SUPPORTED and suffix not in (".html", ".htm") else ".pdf"

