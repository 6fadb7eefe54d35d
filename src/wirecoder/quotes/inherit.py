"""Speakers of quotations that have no attribution frame of their own.

News prose attributes a quotation once and lets the next ones lean on it:

- an introducing sentence that ends in a colon ('Clinton recalled the freeze:
  "I saw ..."', 'Continued Smith: "..."'): the person named just before the colon,
  else the subject of that sentence;
- a quotation right after a sentence about a person ('Smith defended the plan.
  "We had no choice."'): that sentence's subject when it names a person; also when
  the quotation opens the next paragraph and no quotation before it has a speaker
  to hand on (the reader takes the person the last sentence was about);
- a quotation that goes on after an attributed one in the same paragraph, or that
  opens the paragraph after one (a multi-paragraph quotation, whose speaker is
  named once): the previous quotation's speaker.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Protocol

from spacy.tokens import Doc, Token

from ..actors.lookup import mentions_in
from .sentences import SentIndex

_SUBJ = frozenset({"nsubj", "nsubjpass"})
# Pronouns that name a person or a group of people; "it", "this", "that" rarely do.
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "who"})
_OPEN = frozenset("\"“«‘'`")
_BODY_ENTS = frozenset({"ORG", "NORP", "GPE"})


class Draftish(Protocol):
    start: int
    end: int
    direct: bool
    speaker_i: int | None

    @property
    def frame(self): ...


def _speaker_of(d: Draftish) -> int | None:
    if d.speaker_i is not None:
        return d.speaker_i
    return d.frame.speaker_i if d.frame is not None else None


def _person_like(tok: Token) -> bool:
    if tok.pos_ == "PRON":
        return tok.lower_ in _PERSON_PRONOUNS
    if tok.ent_type_ == "PERSON":
        return True
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children)


def _actor_like(tok: Token) -> bool:
    """A person, or a named body or an actor mention that can speak ('the ministry', 'Ottawa')."""
    if _person_like(tok) or tok.ent_type_ in _BODY_ENTS:
        return True
    return tok.pos_ == "NOUN" and bool(mentions_in(tok.doc, tok.idx, tok.idx + len(tok.text)))


def _sentence_subject(doc: Doc, lo: int, hi: int, person_only: bool, quoted) -> Token | None:
    """The subject closest to the root among tokens [lo, hi) whose verb also lies there, outside quotations."""
    best: tuple[int, int] | None = None
    for t in doc[lo:hi]:
        if t.dep_ not in _SUBJ or not (lo <= t.head.i < hi) or quoted(t.idx):
            continue
        if t.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        if not (_person_like(t) if person_only else _actor_like(t)):
            continue
        depth, h = 0, t.head
        while h.head.i != h.i and depth < 20:
            h, depth = h.head, depth + 1
        if best is None or depth < best[0]:
            best = (depth, t.i)
    return doc[best[1]] if best is not None else None


def _before_colon(doc: Doc, sents: SentIndex, colon: Token, quoted) -> int | None:
    """'Stated Smith:' / 'the pollster Jane Roe:' / 'Smith recalled the freeze:'."""
    prev = doc[colon.i - 1] if colon.i > 0 else None
    if prev is not None and prev.ent_type_ == "PERSON":
        return prev.i
    sent = sents.of(colon.i)
    lead = [t for t in doc[sent.start:colon.i] if not t.is_space]
    if prev is not None and prev.pos_ == "PROPN" and prev.is_title and len(lead) <= 3:
        return prev.i  # a short label the tagger did not call a person: 'Continued Marchand:'
    subj = _sentence_subject(doc, sent.start, colon.i, False, quoted)
    return subj.i if subj is not None else None


def inherit_speakers(doc: Doc, sents: SentIndex, drafts: list, para_of) -> None:
    """Set ``speaker_i`` on frameless direct quotations (in place), reading the drafts in text order."""
    starts: list[int] | None = None
    last: Draftish | None = None
    direct = sorted((d.start, d.end) for d in drafts if d.direct)
    d_starts = [s for s, _ in direct]

    def quoted(pos: int) -> bool:
        k = bisect_right(d_starts, pos) - 1
        return k >= 0 and direct[k][0] <= pos < direct[k][1]

    for d in sorted(drafts, key=lambda d: (d.start, d.end)):
        if d.frame is None and d.speaker_i is None and d.direct:
            if starts is None:
                starts = [t.idx for t in doc]
            d.speaker_i = _find(doc, sents, d, last, para_of, starts, quoted)
        if _speaker_of(d) is not None:
            last = d


def _find(doc: Doc, sents: SentIndex, d: Draftish, last: Draftish | None, para_of, starts: list[int],
          quoted) -> int | None:
    text = sents.text
    k = bisect_right(starts, d.start) - 1  # token holding the first character of the content
    # the token before the opening mark (marks may be tokens of their own or glued to a word)
    j = k
    while j >= 0 and (doc[j].idx >= d.start or doc[j].is_space or doc[j].is_quote or doc[j].text in _OPEN):
        j -= 1
    if j < 0:
        return None
    para = para_of(d.start)
    if doc[j].text == ":" and para_of(doc[j].idx) in (para, para - 1):
        spk = _before_colon(doc, sents, doc[j], quoted)
        if spk is not None:
            return spk
    own = sents.of(k)
    if own.start < j and not (doc[j].text in (".", "!", "?") or doc[j].is_sent_end):
        # 'She has touted the record -- "the longest expansion"': the subject of its own sentence
        subj = _sentence_subject(doc, own.start, j + 1, True, quoted)
        if subj is not None:
            return subj.i
    if para_of(doc[j].idx) == para and (doc[j].text in (".", "!", "?") or doc[j].is_sent_end):
        # the quotation opens a sentence: the previous sentence's person
        prev = sents.of(j)
        if para_of(prev.start_char) == para:
            subj = _sentence_subject(doc, prev.start, prev.end, True, quoted)
            if subj is not None:
                return subj.i
    opens_paragraph = not text[_para_start(text, d.start):d.start].strip(" \t\u00a0\"“«‘'`")
    if last is not None:
        spk = _speaker_of(last)
        lp = para_of(max(last.start, last.end - 1))
        if lp == para:
            return spk
        if lp == para - 1 and last.direct and opens_paragraph:
            return spk
        if (lp == para - 1 and opens_paragraph and last.frame is not None and spk is not None
                and sents.of(last.frame.cue_i).start == sents.of(j).start):
            return spk  # 'Bouchard said crews were at work.' / '"Some customers could wait days."'
    if opens_paragraph and para_of(doc[j].idx) == para - 1 and (doc[j].text in (".", "!", "?") or doc[j].is_sent_end):
        # 'Smith defended the plan on Monday.' / a paragraph of its own: '"We had no choice."'
        prev = sents.of(j)
        subj = _sentence_subject(doc, prev.start, prev.end, True, quoted)
        if subj is not None:
            return subj.i
    return None


def _para_start(text: str, pos: int) -> int:
    nl = text.rfind("\n", 0, pos)
    return nl + 1
