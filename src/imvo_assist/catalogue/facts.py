"""Register facts as passages: what the bundled register says KPMG names per sector.

Each (sector, risk) pair of the vocabulary becomes a short passage in Dutch and one in English,
cited to the KPMG report's chapter and printed page, with `source = "register"`. A fresh
install with no PDFs can therefore answer "which risks apply to electronics?" with official
references, and say which document holds the original passage. The facts' own source URLs are
kept in the text so nothing is stated without saying where it was seen.
"""

from __future__ import annotations

import hashlib

from imvo_assist.catalogue.loader import load_documents, load_vocabulary
from imvo_assist.catalogue.vocabulary import RegisterDocument, Vocabulary
from imvo_assist.index import RegisterFact
from imvo_assist.models import Passage
from imvo_assist.paths import BUNDLED_CORPUS

# Facts are cited to the Dutch edition (the one with an official landing page); the English
# text of a fact also gives the English edition's chapter and page.
REPORT_ID = "kpmg-sra-2014-nl"
LANGUAGES = ("nl", "en")
REGISTER_FILES = ("vocabulary.toml", "documents.toml")
# Raise when the passages made from the same register change.
FACTS_VERSION = 2


def register_fingerprint() -> str:
    """A hash of the bundled register files: the register passages change when it changes."""
    digest = hashlib.sha256(f"facts {FACTS_VERSION}".encode())
    for name in REGISTER_FILES:
        digest.update((BUNDLED_CORPUS / name).read_bytes())
    return digest.hexdigest()


def register_passages() -> list[RegisterFact]:
    """One passage per sector and risk KPMG names, with a Dutch and an English text."""
    vocabulary = load_vocabulary()
    report = next((d for d in load_documents() if d.id == REPORT_ID), None)
    if report is None:
        return []
    found: list[RegisterFact] = []
    for language in LANGUAGES:
        for sector in vocabulary.sectors:
            for ordinal, risk_id in enumerate(sector.risks, start=1):
                found.append(_fact(vocabulary, report, sector.id, risk_id, ordinal, language))
    return found


def _fact(
    vocabulary: Vocabulary, report: RegisterDocument, sector_id: str, risk_id: str,
    ordinal: int, language: str,
) -> RegisterFact:
    sector = vocabulary.sector(sector_id)
    risk = vocabulary.risk(risk_id)
    category = _category_name(vocabulary, risk.category, language)
    page = sector.page_nl or ""
    where = f"p. {page}" if page else ("pagina onbekend" if language == "nl" else "page unknown")
    if language == "nl":
        text = (
            f"Volgens het meegeleverde register noemt de MVO Sector Risico Analyse van KPMG (2014) "
            f"{risk.name_nl.lower()} ({category}) als risico voor de sector "
            f"{sector.name_nl.lower()} (hoofdstuk {sector.kpmg_chapter}, {where}). "
            f"Bron van dit gegeven: {sector.source_url}"
        )
    else:
        english = f", English edition p. {sector.page_en}" if sector.page_en else ""
        text = (
            f"According to the bundled register, KPMG's CSR Sector Risk Analysis (2014) names "
            f"{risk.name_en.lower()} ({category}) as a risk for the {sector.name_en.lower()} "
            f"sector (Dutch edition chapter {sector.kpmg_chapter}, {where}; chapter "
            f"{sector.kpmg_chapter_en}{english}). Source of this fact: {sector.source_url}"
        )
    passage = Passage(
        id=f"register:{report.id}:{sector.id}:{ordinal}:{language}",
        doc_id=report.id,
        pdf_page=0,
        page_label=page,
        section=sector.kpmg_chapter,
        text=text,
        sectors=(sector.id,),
        risks=(risk.id,),
    )
    return RegisterFact(passage, language)


def _category_name(vocabulary: Vocabulary, category_id: str, language: str) -> str:
    try:
        return vocabulary.category(category_id).name(language).lower()
    except KeyError:
        return category_id
