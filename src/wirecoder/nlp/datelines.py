"""Datelines: the place (and agency, and date) that opens a wire story.

"NAIROBI -- Opposition leaders accused ...", "LIMA, June 3 (Reuters) - ...":
the statistical parser reads the capitalised town as the subject of the
first verb and demotes the real subject to an apposition, so the town would
become the one who accuses. The dateline is a heading, not a clause; the
paragraph component makes the words after it a sentence of their own before
the parser runs, and quotation frames skip it.

Only lexical token attributes are read (text, case, shape), so this works on
a Doc that has not been tagged or parsed yet.
"""
from __future__ import annotations

from spacy.tokens import Doc

DATELINE_ENDS = frozenset({"-", "—", "–", "--", ":"})
# "SPRINGFIELD, Ill., March 3 (AP) --": a town, a state, a date and an agency fit in this many tokens.
MAX_DATELINE_TOKENS = 12


def _opens_dateline(doc: Doc, i: int) -> bool:
    t = doc[i]
    return t.is_alpha and t.is_upper and len(t) > 1


def _dateline_word(doc: Doc, i: int) -> bool:
    t = doc[i]
    return t.is_upper or t.is_title or t.like_num or (t.is_punct and t.text not in (".", "!", "?"))


def body_start(doc: Doc, start: int) -> int:
    """The first token after a dateline that opens the text at ``start``; ``start`` when none does.

    A dateline is a word in capitals ("CAIRO"), then words in capitals or title case,
    numbers and commas or brackets (a state, a date, an agency), then a dash or a colon,
    and the text goes on with a capitalised word or a quotation mark.
    """
    if start >= len(doc) or not _opens_dateline(doc, start):
        return start
    for i in range(start + 1, min(len(doc) - 1, start + MAX_DATELINE_TOKENS)):
        if doc[i].text in DATELINE_ENDS:
            nxt = i + 1
            while nxt < len(doc) and doc[nxt].is_space and "\n" not in doc[nxt].text:
                nxt += 1
            if nxt < len(doc) and (doc[nxt].is_title or doc[nxt].is_upper or doc[nxt].is_quote or doc[nxt].like_num):
                return nxt
            return start
        if doc[i].is_space or not _dateline_word(doc, i):
            return start
    return start
