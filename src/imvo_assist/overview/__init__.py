"""Overviews over several documents: covenants against the sector risks, and the policy
timeline. They read the corpus through the answer engine's `Corpus` protocol."""
