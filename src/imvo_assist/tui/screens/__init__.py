"""Screens of the terminal UI; each is imported when first shown (except the main screen)."""
