#!/usr/bin/env python3
"""The plain BM25 reference: what a per-page BM25F search does with a question, no engine.

    uv run python tests/eval/reference_bm25.py --corpus ../shared/corpus {question}

The question's raw words go through the index's own analyzers (Dutch stems, English stems, the
unstemmed accent-folded form, headings) into one OR query with equal query boosts: no phrase
bonus, no vocabulary, glossary, typo or compound expansion, no intent, no register weighting.
Every passage record of the same Whoosh index is searched (the bundled register's facts too),
hits are grouped by (doc_id, printed page) and a page scores the max (or, with --agg sum, the
sum) of its passages' BM25F scores. It prints one JSON object in the shape
../shared/eval/score.py reads: citations (best page first, with doc_id and page), an answer made
of the best passage of the first three pages (so `recall` measures what plain retrieval puts in
front of a reader), empty risks/sectors/organisations, and not_found true only when no passage
matches at all. Exit status 0 (2 on a usage error).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from whoosh.query import Term

# Project imports in one place (the lead is restructuring modules; update them here only).
from imvo_assist.index import build_query, passage_from_fields
from imvo_assist.library import open_library
from imvo_assist.settings import make_settings

# Equal query boosts: the engine's FIELD_BOOSTS are tuning, the reference has none. The schema's
# own field boost (heading) is part of the index and stays.
FIELDS = {"text_nl": 1.0, "text_en": 1.0, "exact": 1.0, "heading": 1.0}
ANSWER_PAGES = 3


def reference(library, question: str, pages: int = 5, agg: str = "max") -> dict:
    """The reference answer object for one question."""
    started = time.perf_counter()
    query = build_query(question, fields=FIELDS, phrase=False)
    by_page: dict[tuple[str, str], dict] = {}
    if query is not None:
        results = library.searcher.search(query, filter=Term("record", "passage"), limit=None)
        for hit in results:
            passage = passage_from_fields(hit.fields())
            score = float(hit.score or 0.0)
            key = (passage.doc_id, passage.page_label)
            page = by_page.setdefault(key, {"score": 0.0, "best": 0.0, "passage": passage})
            page["score"] = page["score"] + score if agg == "sum" else max(page["score"], score)
            if score > page["best"]:
                page["best"], page["passage"] = score, passage
    ranked = sorted(by_page.items(), key=lambda kv: (-kv[1]["score"], kv[0]))[:pages]
    documents = library.documents
    citations = [
        {
            "n": n,
            "doc_id": doc_id,
            "title": (documents[doc_id].title if doc_id in documents else "") or doc_id,
            "page": label,
            "pdf_page": page["passage"].pdf_page,
            "passage": page["passage"].id,
            "score": round(page["score"], 4),
        }
        for n, ((doc_id, label), page) in enumerate(ranked, 1)
    ]
    answer = "\n\n".join(
        f"{page['passage'].text} [{n}]" for n, (_, page) in enumerate(ranked[:ANSWER_PAGES], 1)
    )
    return {
        "question": question,
        "intent": "reference-bm25",
        "answer": answer,
        "citations": citations,
        "risks": [],
        "sectors": [],
        "organisations": [],
        "not_found": not by_page,
        "elapsed_ms": round((time.perf_counter() - started) * 1000, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, help="the corpus folder (default as imvo-assist)")
    ap.add_argument("--index", type=Path, help="the index folder (default as imvo-assist)")
    ap.add_argument("--pages", type=int, default=5, help="pages to cite (default 5)")
    ap.add_argument("--agg", choices=("max", "sum"), default="max",
                    help="page score from its passages' scores (default max)")
    ap.add_argument("question", nargs="+")
    a = ap.parse_args(argv)
    question = " ".join(a.question)
    if not question.strip() or a.pages < 1:
        ap.error("a question and --pages >= 1 are required")
    library = open_library(make_settings(a.corpus, a.index))
    print(json.dumps(reference(library, question, a.pages, a.agg), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
