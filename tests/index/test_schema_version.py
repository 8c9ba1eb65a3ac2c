"""An index written with other fields is never read as current: every change of the schema's
fields bumps `SCHEMA_VERSION` (an index of version 3 lacked the `fold` column and crashed
`ask` with a KeyError instead of being rebuilt)."""

from __future__ import annotations

import hashlib

from whoosh.fields import Schema

from imvo_assist.index.schema import SCHEMA_VERSION, build_schema

# The fields of each schema version, as `fingerprint` reads them. Changing the schema means:
# bump SCHEMA_VERSION and record the new fingerprint here.
FINGERPRINTS = {4: "d0755150d2d81c13"}


def fingerprint(schema: Schema) -> str:
    """A short hash of every field's name, type, posting format, column type and storage."""
    described = []
    for name in schema.names():
        field = schema[name]
        described.append((
            name, type(field).__name__,
            type(field.format).__name__ if field.format else "",
            type(field.column_type).__name__ if field.column_type else "",
            bool(field.stored), bool(field.scorable),
        ))
    return hashlib.sha256(repr(described).encode()).hexdigest()[:16]


def test_schema_fields_match_their_version() -> None:
    found = fingerprint(build_schema())
    assert FINGERPRINTS.get(SCHEMA_VERSION) == found, (
        f"The schema's fields changed (fingerprint {found}) without a new SCHEMA_VERSION: "
        "bump it in index/schema.py and record the fingerprint in FINGERPRINTS."
    )
