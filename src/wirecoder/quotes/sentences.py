"""Sentence lookup by token index, and the text, built once per document.

``Token.sent`` re-checks the whole Doc's sentence annotation on every call
(linear in the document), and so does ``Doc.text`` (it re-joins the tokens), so
the quote stage looks both up here instead.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span


class SentIndex:
    __slots__ = ("doc", "spans", "starts", "text")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.spans: list[Span] = list(doc.sents)
        self.starts = [s.start for s in self.spans]

    def of(self, i: int) -> Span:
        """The sentence holding token i."""
        return self.spans[max(0, bisect_right(self.starts, i) - 1)]

    def before(self, sent: Span) -> Span | None:
        k = bisect_right(self.starts, sent.start) - 2
        return self.spans[k] if k >= 0 else None


def paragraph_part(doc: Doc, sent: Span, i: int) -> tuple[int, int]:
    """Token range [start, end) of ``sent`` within the paragraph of token i.

    The parser sometimes runs a sentence on across a line break (after a closing quotation mark,
    or a headline without a full stop); what a frame reports stays in its own paragraph. The scan
    is bounded by the sentence, so it stays cheap."""
    start, end = sent.start, sent.end
    for k in range(i - 1, sent.start - 1, -1):
        if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
            start = k + 1
            break
    for k in range(i, sent.end):
        if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
            end = k + (0 if "\n" in doc[k].text else 1)
            break
    return start, end
