"""Answering questions from indexed passages; every statement carries a citation."""

from imvo_assist.answer.engine import answer_question

__all__ = ["answer_question"]
