"""What the layers below are handed from the catalogue: registered documents for the corpus scan,
and the register facts, tagger and source-register reader for the indexer."""

from __future__ import annotations

from imvo_assist.catalogue.facts import register_fingerprint, register_passages
from imvo_assist.catalogue.loader import load_documents
from imvo_assist.extract import Enrichment
from imvo_assist.index import Catalogue
from imvo_assist.models import Document


def registered_documents() -> tuple[Document, ...]:
    """The bundled catalogue's documents, for the corpus scan (which knows them by `files`)."""
    return tuple(load_documents())


def index_catalogue() -> Catalogue:
    """What the indexer needs from the layers above it: registered documents, register facts,
    and the tagger and source-register reader for extraction."""
    from imvo_assist.bronnenboek import read_references
    from imvo_assist.catalogue.tagging import default_tagger

    return Catalogue(
        registered=registered_documents(),
        facts=register_passages,
        fingerprint=register_fingerprint(),
        enrichment=Enrichment(
            tag=lambda text: default_tagger().tag(text),
            read_references=read_references,
            preload=_load_tagger,
        ),
    )


def _load_tagger() -> None:
    """Build the tagger once, before extraction workers are forked."""
    from imvo_assist.catalogue.tagging import default_tagger

    default_tagger()
