"""Which link on a document's official landing page is the document's own PDF.

A landing page (the SER's page of an advice, rijksoverheid.nl's page of a report) links to the
full text, a summary, an English edition, annexes and unrelated items. Every link is parsed with
`html.parser` (never a regular expression over HTML) together with the text around it, and
weighed: how many words of the document's title its text and file name carry, whether it says
PDF or ends in .pdf, words that mark another part or edition (summary, annex, English, ...)
that the title lacks, and the size printed next to it (the larger of two equals: the full text
rather than a summary). The best few are tried in turn; the content check decides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from rapidfuzz import fuzz, utils

MIN_SCORE = 30.0
"""Lowest link score worth a download."""
_OTHER_PART = frozenset({
    "samenvatting", "summary", "bijlage", "bijlagen", "annex", "annexes", "appendix",
    "factsheet", "infographic", "persbericht", "press", "schema", "presentatie", "presentation",
    "brochure", "flyer", "kamerbrief", "aanbiedingsbrief", "reactie", "response", "jaarverslag",
    "voortgangsrapportage", "toelichting", "erratum", "errata", "leaflet",
})
_LANGUAGE_WORDS = {"nl": frozenset({"english", "engels", "engelse", "en"}),
                   "en": frozenset({"nederlands", "nederlandse", "dutch", "nl"})}
_SIZE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(kb|mb|gb)\b", re.IGNORECASE)
_UNITS = {"kb": 2**10, "mb": 2**20, "gb": 2**30}


@dataclass(frozen=True)
class Link:
    """A link of a landing page with its weight."""

    url: str
    text: str
    """The link's text, title attribute and the words right after it."""
    size: int
    """Bytes printed next to it (0 when none)."""
    score: float
    why: str


def pdf_links(page: str, base_url: str, titles: Sequence[str], language: str) -> list[Link]:
    """The links of `page` that may be the document, best first (score >= MIN_SCORE)."""
    parser = _Anchors()
    try:
        parser.feed(page)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; a page it cannot read has no links
        return []
    links: dict[str, Link] = {}
    for href, text in parser.anchors:
        url = urljoin(base_url, href.strip())
        if urlsplit(url).scheme == "http":
            url = "https" + url[4:]  # only https is ever opened: the same address over https
        if urlsplit(url).scheme != "https" or url.split("#")[0] == base_url.split("#")[0]:
            continue
        link = _weigh(url.split("#")[0], text, titles, language)
        if link.score >= MIN_SCORE and (url not in links or links[url].score < link.score):
            links[link.url] = link
    return sorted(links.values(), key=lambda k: (-k.score, -k.size))


def _weigh(url: str, text: str, titles: Sequence[str], language: str) -> Link:
    name = PurePosixPath(unquote(urlsplit(url).path)).name
    said = " ".join(text.split())
    words = set(utils.default_process(f"{said} {re.sub(r'[-_.]+', ' ', name)}").split())
    title_words = {w for t in titles for w in utils.default_process(t).split()}
    shares = []
    for title in titles:
        wanted = [w for w in utils.default_process(title).split() if len(w) > 2] or [title.lower()]
        shares.append(sum(any(fuzz.ratio(w, x) >= 85 for x in words) for w in wanted) / len(wanted))
    share = max(shares, default=0.0)
    score, why = 50 * share, [f"{share:.0%} of the title"]
    if name.lower().endswith(".pdf") or "pdf" in said.lower():
        score += 15
        why.append("a PDF")
    elif "download" in said.lower():
        score += 5
        why.append("a download")
    else:
        score -= 20
    other = sorted((words & _OTHER_PART) - title_words)
    if other:
        score -= 40
        why.append(f"another part ({', '.join(other)})")
    if words & _LANGUAGE_WORDS.get(language, frozenset()) - title_words:
        score -= 40
        why.append("another language")
    size = _size(said)
    return Link(url, said, size, round(score, 1), "; ".join(why))


def _size(text: str) -> int:
    found = _SIZE.search(text)
    if not found:
        return 0
    return int(float(found.group(1).replace(",", ".")) * _UNITS[found.group(2).lower()])


class _Anchors(HTMLParser):
    """(href, text) of every <a href>: its text, title and aria-label, and up to 60 characters
    of text that follows it (where a size such as "PDF | 2,1 MB" is often printed)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: list[tuple[str, str]] = []
        self._open: tuple[str, list[str]] | None = None
        self._after: list[str] | None = None
        """Text after the last anchor, until the next one or 60 characters."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "a":
            return
        self._flush()
        values = dict(attrs)
        href = values.get("href") or ""
        extra = [values.get(k) or "" for k in ("title", "aria-label", "type")]
        self._open = (href, extra) if href and not href.startswith(("#", "mailto:", "javascript:")) else None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1].append(data)
        elif self._after is not None:
            self._after.append(data)
            if sum(map(len, self._after)) > 60:
                self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open is not None:
            href, parts = self._open
            self._open = None
            self.anchors.append((href, " ".join(parts)))
            self._after = []

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        if self._after and self.anchors:
            href, text = self.anchors[-1]
            self.anchors[-1] = (href, f"{text} {' '.join(self._after)[:60]}")
        self._after = None
