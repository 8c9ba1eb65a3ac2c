"""The user's corpus: scanning it, its manifest, adding files and fetching documents."""
