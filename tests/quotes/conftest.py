"""Helpers shared by the quote tests."""
from __future__ import annotations


def quotes(nlp, text: str) -> list[tuple[str, str | None, bool]]:
    """(content, speaker, direct) of every quote the pipeline finds in ``text``."""
    return [(q.text, q.speaker, q.direct) for q in nlp(text)._.wc_quotes]
