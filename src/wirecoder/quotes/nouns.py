"""Noun attribution frames: "the minister's claim that ...", "a warning from the agency that ...".

A cue noun from the lexicon (``noun_cues``) with a that-clause, a to-infinitive
("her promise to cut taxes") or, for appeal nouns, a for-object ("his call for
talks") is reported speech when the noun names its source: a possessive
("Ford's", "his") or a from/by phrase. A cue noun without a named source ("reports
that ...", "in a statement that ...") is left to the verb frames: it has no speaker.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .frames import Frame, _child, _end, _subtree, inside_marks
from .lexicon import CueLexicon
from .marks import Marked

_SOURCE_PREPS = frozenset({"from", "by"})


def find_noun_frames(doc: Doc, lex: CueLexicon, marked: tuple[Marked, ...]) -> list[Frame]:
    starts = [m.start for m in marked]
    out: list[Frame] = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.noun_cues:
            continue
        if inside_marks(starts, marked, tok.idx):
            continue
        f = _noun_frame(doc, tok, lex)
        if f is not None:
            out.append(f)
    return out


def _source(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "poss" and c.pos_ in ("PRON", "PROPN", "NOUN") and c.lower_ != "its":
            return c
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _SOURCE_PREPS:
            p = _child(c, ("pobj",))
            if p is not None and p.pos_ in ("PROPN", "NOUN", "PRON"):
                return p
    return None


def _noun_frame(doc: Doc, tok: Token, lex: CueLexicon) -> Frame | None:
    spk = _source(tok)
    if spk is None:
        return None
    content = None
    kind = "clause"
    for c in tok.children:
        if c.dep_ in ("acl", "ccomp") and c.i > tok.i:
            if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                content = _subtree(doc, c)
                break
            if any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children):
                content, kind = _subtree(doc, c), "infinitive"
                break
    if content is None and tok.lemma_.lower() in lex.appeal_nouns:
        prep = _child(tok, ("prep",), "for")
        obj = _child(prep, ("pobj",)) if prep is not None else None
        if obj is not None:
            content, kind = _subtree(doc, obj), "prep"
    if content is None:
        return None
    cs, ce, ti, tj = content
    if ti <= spk.i < tj:
        return None
    return Frame(kind, (tok.idx, _end(tok)), tok.i, spk.i, (cs, ce), (ti, tj))  # type: ignore[arg-type]
