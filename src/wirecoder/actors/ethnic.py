"""Ethnic and regional groups without a state of their own (data/actors/ethnic.tsv).

"Karen guerrillas", "Tamil rebels", "Basque separatists": CAMEO codes the group by the state it
lives in, so a match of such a form becomes a demonym of that state. Two checks keep names out:
a form next to another capitalised name or hyphenated to a word is part of that name ("Karen
Smith", "Tamil Nadu", "President Moro"), and a group living in several states ("Kurdish", "Hutu") takes the one of
them named in its sentence (nearest first), else the one the article names most; with neither the
match is dropped, since a guessed state is worse than none.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from .tables import Entry

_STATE_KINDS = frozenset({"country", "demonym", "capital", "seat"})


def _capitalised_name(doc: Doc, i: int) -> bool:
    tok = doc[i]
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha


def _part_of_name(doc: Doc, s: int, e: int, matched: set[int]) -> bool:
    """The form is part of a longer name: a capitalised name right after or right before it, or a
    PERSON entity that reaches beyond it."""
    if e < len(doc) and not doc[e].is_sent_start and e not in matched and _capitalised_name(doc, e):
        return True
    if e < len(doc) and doc[e].text == "-" or s > 0 and doc[s - 1].text == "-":
        return True  # "Shan-e-Punjab": a hyphenated name ("pro-Kurdish" is a stance, not the group)
    if s > 0 and not doc[s].is_sent_start and s - 1 not in matched and _capitalised_name(doc, s - 1):
        return True
    tok = doc[s]
    if tok.ent_type_ == "PERSON":
        ent = next((x for x in doc.ents if x.start <= s < x.end), None)
        return ent is not None and (ent.end - ent.start) > (e - s)
    return False


def place_ethnic(doc: Doc, matches: list[tuple[int, int, Entry]],
                 found: list[tuple[int, int, tuple[Entry, ...]]]) -> list[tuple[int, int, Entry]]:
    """The ethnic-group matches ``found`` (start, end, candidate entries) that stand for a state, each
    with its state's entry; ``matches`` are the article's other table matches."""
    if not found:
        return []
    matched = {i for s, e, _ in matches for i in range(s, e)}
    states = [m for m in matches if m[2].kind in _STATE_KINDS and m[2].code]
    counts = Counter(m[2].code for m in states)
    out: list[tuple[int, int, Entry]] = []
    for s, e, entries in found:
        if _part_of_name(doc, s, e, matched):
            continue
        if len(entries) == 1:
            out.append((s, e, entries[0]))
            continue
        by_code = {en.code: en for en in entries}
        lo, hi = (doc[s].sent.start, doc[s].sent.end) if doc.has_annotation("SENT_START") else (0, len(doc))
        here = [m for m in states if lo <= m[0] < hi and m[2].code in by_code]
        if here:
            near = min(here, key=lambda m: abs(m[0] - s))
            out.append((s, e, by_code[near[2].code]))
            continue
        ranked = sorted(((counts[c], c) for c in by_code if counts[c]), reverse=True)
        if ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
            out.append((s, e, by_code[ranked[0][1]]))
    return out
