"""Component ``wc_paragraphs``: a blank line always ends a sentence, and so does a dateline.

News text arrives with headlines and paragraphs separated by blank lines and
often without final punctuation; the statistical parser would glue a
headline to the first sentence. Runs before the parser, which respects
sentence starts that are already set. A dateline ("NAIROBI --") would
otherwise be parsed as the subject of the first verb (see :mod:`.datelines`).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .datelines import body_start


@Language.component("wc_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraph_starts(doc: Doc) -> Doc:
    starts = [0] if len(doc) else []
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if tok.is_space and "\n" in tok.text and not nxt.is_space:
            nxt.is_sent_start = True
            starts.append(nxt.i)
        elif tok.text in _SENTENCE_ENDS and tok.whitespace_:
            starts.append(nxt.i)  # "... 2020. BEIRUT (Reuters) - Protesters ...": a dateline after a sentence
    for i in starts:
        body = body_start(doc, i)
        if body != i:
            doc[i].is_sent_start = True
            doc[body].is_sent_start = True
    return doc


_SENTENCE_ENDS = frozenset({".", "!", "?"})
