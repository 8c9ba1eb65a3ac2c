"""Register facts as passages: what the bundled register says KPMG names per sector.

Each (sector, risk) pair of the vocabulary becomes a short passage in Dutch and one in English,
with `source = "register"`. A fact is a passage of the page where it was stated: the overview
page its sector names as `source_url` (Dutch) or `risks_source_url_en` (English), a registered
document of kind "web page". A web page has no printed page, so the passage has none; its
section points to the KPMG chapter ("KPMG-rapport, hoofdstuk Textiel en kleding (vanaf p. 148)"),
never to a page alone. A fresh install with no PDFs can therefore answer "which risks apply to
electronics?" from the overviews, and say which document holds the full list.
"""

from __future__ import annotations

import hashlib

from imvo_assist.catalogue.loader import load_documents, load_vocabulary
from imvo_assist.catalogue.vocabulary import Sector, Vocabulary
from imvo_assist.index import RegisterFact
from imvo_assist.models import Document, Passage
from imvo_assist.paths import BUNDLED_CORPUS

# The report the overviews summarise; its Dutch edition has the official landing page.
REPORT_ID = "kpmg-sra-2014-nl"
LANGUAGES = ("nl", "en")
REGISTER_FILES = ("vocabulary.toml", "documents.toml")
# Raise when the passages made from the same register change.
FACTS_VERSION = 3
FACT_PREFIX = "register:"


def register_fingerprint() -> str:
    """A hash of the bundled register files: the register passages change when it changes."""
    digest = hashlib.sha256(f"facts {FACTS_VERSION}".encode())
    for name in REGISTER_FILES:
        digest.update((BUNDLED_CORPUS / name).read_bytes())
    return digest.hexdigest()


def register_passages() -> list[RegisterFact]:
    """One passage per sector and risk KPMG names, with a Dutch and an English text."""
    vocabulary = load_vocabulary()
    documents = load_documents()
    found: list[RegisterFact] = []
    for language in LANGUAGES:
        for sector in vocabulary.sectors:
            overview = overview_of(sector, language, documents)
            for ordinal, risk_id in enumerate(sector.risks, start=1):
                found.append(_fact(vocabulary, overview, sector, risk_id, ordinal, language))
    return found


def overview_of(
    sector: Sector, language: str, documents: list[Document] | None = None
) -> Document | None:
    """The registered page that names a sector's risks in a language (None when unregistered)."""
    url = sector.risks_source_url(language)
    return next((d for d in documents or load_documents() if url and d.url == url), None)


def chapter_pointer(sector: Sector, language: str) -> str:
    """Where the KPMG report treats a sector: "KPMG-rapport, hoofdstuk Bouw (vanaf p. 48)"."""
    if language == "nl":
        start = f" (vanaf p. {sector.page_nl})" if sector.page_nl else ""
        return f"KPMG-rapport, hoofdstuk {sector.kpmg_chapter}{start}"
    where = [f"from p. {sector.page_en} in the English edition"] if sector.page_en else []
    if sector.page_nl:
        where.append(f"Dutch edition: {sector.kpmg_chapter}, from p. {sector.page_nl}")
    return f"KPMG report, chapter {sector.kpmg_chapter_en}" + (f" ({'; '.join(where)})" if where else "")


def _fact(
    vocabulary: Vocabulary, overview: Document | None, sector: Sector, risk_id: str,
    ordinal: int, language: str,
) -> RegisterFact:
    risk = vocabulary.risk(risk_id)
    category = _category_name(vocabulary, risk.category, language)
    url = overview.url if overview and overview.url else sector.risks_source_url(language)
    chapter = chapter_pointer(sector, language)
    examples = overview.register.lists_examples if overview else False
    note = overview.register.examples(language) if overview and examples else ""
    if note:
        note = (f" Geen volledige lijst: {note}." if language == "nl"
                else f" Not the full list: {note}.")
    if language == "nl":
        text = (
            f"Volgens het overzicht op {_site(overview, url)} noemt de MVO Sector Risico Analyse "
            f"van KPMG (2014) {'onder andere ' if examples else ''}{risk.name_nl.lower()} "
            f"({category}) als risico voor de sector {sector.name_nl.lower()}. Zie {chapter}.{note} "
            f"Bron van dit gegeven: {url}"
        )
    else:
        text = (
            f"According to the overview on {_site(overview, url)}, KPMG's CSR Sector Risk "
            f"Analysis (2014) names{', among others,' if examples else ''} "
            f"{risk.name_en.lower()} ({category}) as a risk for the {sector.name_en.lower()} "
            f"sector. See {chapter}.{note} Source of this fact: {url}"
        )
    doc_id = overview.id if overview else REPORT_ID
    passage = Passage(
        id=f"{FACT_PREFIX}{doc_id}:{sector.id}:{ordinal}:{language}",
        doc_id=doc_id,
        pdf_page=0,
        page_label="",
        section=chapter,
        text=text,
        sectors=(sector.id,),
        risks=(risk.id,),
    )
    return RegisterFact(passage, language)


def _site(overview: Document | None, url: str) -> str:
    """The site an overview is on ("imvoconvenanten.nl", "coe.int")."""
    host = url.split("//", 1)[-1].split("/", 1)[0]
    return host.removeprefix("www.") or (overview.publisher if overview else "")


def _category_name(vocabulary: Vocabulary, category_id: str, language: str) -> str:
    try:
        return vocabulary.category(category_id).name(language).lower()
    except KeyError:
        return category_id
