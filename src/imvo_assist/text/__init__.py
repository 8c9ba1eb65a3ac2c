"""Ground floor for text: folding, normalisation, language, analyzers, compounds and lexicons.

Every layer above may import from here; nothing here imports from the rest of imvo_assist.
"""
