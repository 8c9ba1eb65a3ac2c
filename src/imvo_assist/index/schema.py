"""The index schema and its version: one place, so a mismatch means "rebuild".

Two kinds of records share the index: `passage` records (what is searched and cited) and
`file` records (one per corpus file: hash, status, error, document metadata). Keeping file
records in the same index makes a commit atomic for both: after a crash, the file states and
the passages always agree.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Final

from whoosh.analysis import Analyzer, CompositeAnalyzer, Tokenizer
from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, TEXT, Schema

from imvo_assist.extract.version import EXTRACT_VERSION
from imvo_assist.paths import BUNDLED_CORPUS
from imvo_assist.text import analysis
from imvo_assist.text.normalise import index_form

SCHEMA_VERSION: Final = 4  # tests/index/test_schema_version.py pins the fields of each version
META_FILE: Final = "imvo-meta.json"


def build_schema() -> Schema:
    """The Whoosh schema of imvo-assist indexes.

    Only what is searched is indexed, and only `exact` (the one field phrases are searched in)
    keeps word positions: `text_nl`, `text_en` and `heading` are searched by terms, so they
    store frequencies only (same BM25 scores, about a fifth less indexing work). A `Phrase` on
    any other field is refused by Whoosh. `passage_kind` and `refs` are never searched: stored
    only. Filters: `record`, `doc_id`, `kind`, `lang`, `source`, `sectors`, `risks`, `orgs`.
    `fold` (a column, neither indexed nor stored) holds a hash of the text's folding key
    (`results.fold_hash`): a search reads it to find identical passages without reading every
    candidate's text; `order` (a column) the passage's place in reading order, which orders
    equal scores (`results.order_key`).
    """
    return Schema(
        record=ID(stored=True),
        id=ID(stored=True, unique=True),
        doc_id=ID(stored=True),
        kind=KEYWORD(stored=True),
        lang=KEYWORD(stored=True),
        source=KEYWORD(stored=True),
        passage_kind=STORED(),
        sectors=KEYWORD(stored=True, commas=True, scorable=True),
        risks=KEYWORD(stored=True, commas=True, scorable=True),
        orgs=KEYWORD(stored=True, commas=True, scorable=True),
        refs=STORED(),
        text_nl=TEXT(analyzer=matching(analysis.dutch()), stored=False, phrase=False),
        text_en=TEXT(analyzer=matching(analysis.english()), stored=False, phrase=False),
        exact=TEXT(analyzer=matching(analysis.exact()), stored=False, phrase=True),
        heading=TEXT(
            analyzer=matching(analysis.dutch()), stored=False, phrase=False, field_boost=1.5
        ),
        text=STORED(),
        fold=COLUMN(NumericColumn("Q", default=0)),
        order=COLUMN(VarBytesColumn()),
        section=STORED(),
        pdf_page=STORED(),
        page_label=STORED(),
        path=ID(stored=True),
        meta=STORED(),
    )


class MatchingForm(Tokenizer):
    """A tokenizer reading the matching form of a text (`index_form`: quotes straightened,
    compatibility characters unfolded). The stored text keeps the source's characters; offsets
    are the same in both forms, so highlights mark the original characters."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MatchingForm) and self.tokenizer == other.tokenizer

    def __call__(self, value: str, **kwargs: object):  # type: ignore[no-untyped-def]
        return self.tokenizer(index_form(value), **kwargs)


def matching(analyzer: Analyzer) -> Analyzer:
    """An analyzer of `analysis` that reads the matching form of the text it is given."""
    tokenizer, *filters = analyzer.items  # type: ignore[attr-defined]
    return CompositeAnalyzer(MatchingForm(tokenizer), *filters)


def current_meta() -> dict[str, object]:
    """The versions an index must have been written with to be read as is (the vocabulary
    counts: passages are tagged with it)."""
    return {
        "schema": SCHEMA_VERSION,
        "analyzer": analysis.ANALYZER_VERSION,
        "extract": EXTRACT_VERSION,
        "vocabulary": _vocabulary_hash(),
    }


@cache
def _vocabulary_hash() -> str:
    return hashlib.sha256((BUNDLED_CORPUS / "vocabulary.toml").read_bytes()).hexdigest()[:16]


def read_meta(index_dir: Path) -> dict[str, object] | None:
    """The versions recorded in an index folder, or None when there is no readable record."""
    try:
        return json.loads((index_dir / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_meta(index_dir: Path) -> None:
    """Record the current versions in an index folder."""
    (index_dir / META_FILE).write_text(json.dumps(current_meta()), encoding="utf-8")
