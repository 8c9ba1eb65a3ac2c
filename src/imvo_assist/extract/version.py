"""The version of extraction output; raise it when passages of an unchanged file would change."""

EXTRACT_VERSION = 7
