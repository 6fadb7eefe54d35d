"""Assembly: quotation marks + attribution frames -> Quote records (see the package docstring)."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..actors.lookup import actor_index
from ..records import Quote
from .frames import Frame, find_frames
from .inherit import inherit_speakers
from .lexicon import CueLexicon, load_lexicon
from .marks import Marked, find_marked
from .nouns import find_noun_frames
from .sentences import SentIndex
from .speakers import Speaker, SpeakerContext, resolve

_PARA = re.compile(r"\n\s*")
_MIN_FREE_QUOTE_WORDS = 6  # an unattributed quotation shorter than this is a title or scare quote
_MAX_FRAME_GAP = 250  # characters: '"A," said X, a long role description. "B."' is still one quote
_SENT_BREAK = re.compile(r"[.!?][\"”’'»]*\s+[A-Z“\"]|\n")  # a sentence or paragraph ends between two marks
_CLAUSE_PUNCT = frozenset(",;:-—–")
_NEAR = 3  # characters: a mark this close outside a sentence still belongs to it


@dataclass
class _Draft:
    start: int
    end: int
    frame: Frame | None
    direct: bool
    speaker: Speaker | None = None
    pieces: list[int] = field(default_factory=list)  # indices of marks joined into it
    speaker_i: int | None = None  # overrides the frame's speaker (a participle sharing the outer subject)
    needs_speaker: bool = False  # a short frameless quotation: kept only if it inherits a speaker


def _trim(text: str, m: Marked) -> Marked | None:
    s, e = m.start, m.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Marked(s, e, m.double) if e > s else None


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def find_quotes(doc: Doc) -> tuple[Quote, ...]:
    """Every direct, unmarked and reported quote in ``doc``, ordered by position."""
    if not doc.has_annotation("DEP"):
        return ()
    sents = SentIndex(doc)
    text = sents.text
    if not text.strip():
        return ()
    lex = load_lexicon()
    marked = tuple(t for t in (_trim(text, m) for m in find_marked(text)) if t is not None)
    frames = sorted(find_frames(doc, lex, marked, sents) + find_noun_frames(doc, lex, marked), key=lambda f: f.cue[0])
    paras = [0] + [m.end() for m in _PARA.finditer(text)]
    para_of = lambda pos: bisect_right(paras, pos) - 1  # noqa: E731
    ctx = SpeakerContext(doc, lex, actor_index(doc), sents)

    linked: dict[int, int] = {}  # mark index -> frame index
    consumed: set[int] = set()  # marks inside a reported quote (scare quotes, mixed quotes)
    drafts: list[_Draft] = []
    bare: list[int] = []
    for fi, f in enumerate(frames):
        if f.content is None:
            bare.append(fi)
            continue
        cs, ce = f.content
        ov = [(k, _overlap(cs, ce, m.start, m.end)) for k, m in enumerate(marked)
              if m.start < ce and cs < m.end]
        if ov and sum(o for _, o in ov) >= 0.5 * (ce - cs):
            for k, _ in ov:
                linked.setdefault(k, fi)
            continue
        consumed.update(k for k, _ in ov)
        drafts.append(_reported(doc, lex, f, frames, paras, para_of, sents))

    for fi in bare:
        f = frames[fi]
        for k in _marks_beside(doc, f, marked, linked, para_of, sents, consumed):
            linked[k] = fi

    _continue_quotes(text, marked, linked, frames, para_of, consumed)

    by_frame: dict[int, list[int]] = {}
    for k, fi in sorted(linked.items()):
        by_frame.setdefault(fi, []).append(k)
    for fi, ks in by_frame.items():
        drafts.append(_Draft(marked[ks[0]].start, marked[ks[-1]].end, frames[fi], True, pieces=ks))
    for k, m in enumerate(marked):
        if k in linked or k in consumed:
            continue
        if len(text[m.start:m.end].split()) >= _MIN_FREE_QUOTE_WORDS:
            drafts.append(_Draft(m.start, m.end, None, True, pieces=[k]))
        elif _sentence_after_colon(text, m):
            drafts.append(_Draft(m.start, m.end, None, True, pieces=[k], needs_speaker=True))
    inherit_speakers(doc, sents, drafts, para_of)
    return _finish(doc, ctx, [d for d in drafts if not (d.needs_speaker and d.speaker_i is None)])


def _sentence_after_colon(text: str, m: Marked) -> bool:
    """'Kinew was blunt: "This isn't happening."': a short whole sentence a colon introduces is a quotation,
    not a title or scare quote; it is kept only where the colon's sentence gives it a speaker."""
    body = text[m.start:m.end]
    if len(body.split()) < 2 or not body[0].isupper() or body.rstrip("\"”’'»")[-1:] not in (".", "!", "?"):
        return False
    return text[max(0, m.start - 8):m.start].rstrip(" \t\u00a0\"“«‘'`\n").endswith(":")


def _reported(doc: Doc, lex: CueLexicon, f: Frame, frames: list[Frame], paras: list[int], para_of,
              sents: SentIndex) -> _Draft:
    """A frame outside quotation marks; direct when it frames a verbatim first-person statement."""
    assert f.content is not None and f.content_tokens is not None
    cs, ce = f.content
    ti, tj = f.content_tokens
    direct = f.kind == "label"
    if f.kind in ("clause", "according") and (f.inverted or f.colon) and _verbatim(doc, lex, ti, tj):
        direct = True
        sent = sents.of(ti)
        if f.inverted and ti <= sent.start + 1:
            cs = _extend_back(doc, frames, sent.start, paras[para_of(cs)], sents)
    return _Draft(cs, ce, f, direct)


def _verbatim(doc: Doc, lex: CueLexicon, ti: int, tj: int) -> bool:
    """First person or a contraction: news prose keeps both for the words a speaker used."""
    for t in doc[ti:tj]:
        low = t.lower_
        if low in lex.first_person or (low in lex.contractions and t.tag_ != "POS"):  # not "Ford's plan"
            return True
    return False


def _extend_back(doc: Doc, frames: list[Frame], sent_start: int, para_start: int, sents: SentIndex) -> int:
    """Start of the run of frameless sentences before ``sent_start`` in the same paragraph."""
    cue_tokens = {f.cue_i for f in frames}
    start = doc[sent_start].idx
    i = sent_start
    while i > 0:
        prev = sents.of(i - 1)
        if prev.start_char < para_start or any(t.i in cue_tokens for t in prev):
            break
        start, i = prev.start_char, prev.start
        while start < len(sents.text) and sents.text[start].isspace():
            start += 1
    return start


def _marks_beside(doc: Doc, f: Frame, marked: tuple[Marked, ...], linked: dict[int, int], para_of,
                  sents: SentIndex, consumed: set[int]) -> list[int]:
    """Unlinked marks in the frame's sentence and paragraph; for "X said:" the next quotation.

    Marks inside another frame's reported content (a mixed quote: 'X said the plan was "a disaster"')
    belong to that report; a sentence the parser ran on across a line break ends at the paragraph."""
    sent = sents.of(f.cue_i)
    lo, hi = sent.start_char - _NEAR, sent.end_char + _NEAR
    para = para_of(f.cue[0])
    same = [k for k, m in enumerate(marked) if k not in linked and k not in consumed and m.start < hi and lo < m.end
            and (para_of(m.start) == para or para_of(m.end - 1) == para)]
    if same:
        return same
    cue_end = f.cue[1]
    tail = sents.text[cue_end:sent.end_char].strip()
    if f.colon or tail in ("", ":", ".:"):
        for k, m in enumerate(marked):
            if m.start >= cue_end:
                if k not in linked and para_of(m.start) <= para_of(cue_end) + 1:
                    return [k]
                break
    return []


def _continue_quotes(text: str, marked: tuple[Marked, ...], linked: dict[int, int], frames: list[Frame],
                     para_of, consumed: set[int]) -> None:
    """'"A," he said. "B."': a quotation right after an attributed one in the same paragraph joins it.

    Also backwards: in '"A," X said, "B."' the parser may take B for the verb's clause, which links B
    to the frame and leaves A alone; A, just before the frame that took B, is the same quotation.
    """
    for k in range(len(marked) - 2, -1, -1):
        if k in linked or k + 1 not in linked:
            continue
        cur, nxt = marked[k], marked[k + 1]
        f = frames[linked[k + 1]]
        if f.content is not None and f.content[0] < nxt.start - _NEAR:
            continue  # 'adding that X would send a "strong message"': a mixed quote, not a continuation
        if (k not in consumed and cur.end <= f.cue[0] < nxt.start and nxt.start - cur.end <= _MAX_FRAME_GAP
                and not _SENT_BREAK.search(text, max(cur.end - 1, 0), nxt.start)):
            linked[k] = linked[k + 1]
    for k in range(1, len(marked)):
        if k in linked or k - 1 not in linked:
            continue
        prev, cur = marked[k - 1], marked[k]
        if para_of(prev.end) != para_of(cur.start):
            continue
        gap = text[prev.end:cur.start]
        f = frames[linked[k - 1]]
        if not gap.strip(" \t,.;:\"“”«»‘’'`") or (len(gap) <= _MAX_FRAME_GAP and prev.end <= f.cue[0] < cur.start):
            linked[k] = linked[k - 1]


def _within(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    k = bisect_right(starts, pos) - 1
    while k >= 0:
        if spans[k][0] <= pos < spans[k][1]:
            return True
        if spans[k][1] <= pos and k > 0 and spans[k - 1][1] <= spans[k][0]:
            return False
        k -= 1
    return False


def _finish(doc: Doc, ctx: SpeakerContext, drafts: list[_Draft]) -> tuple[Quote, ...]:
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    # only quotation marks hold someone's words verbatim with a frame inside ("I think ..."); an unmarked
    # statement around another frame ('X said Y, they said') yields to that frame
    direct = sorted((d.start, d.end) for d in drafts if d.direct and (d.pieces or d.frame is not None
                                                                        and d.frame.kind == "label"))
    starts = [s for s, _ in direct]
    nested = _nested(doc, drafts)
    reports = [(d.start, d.end) for d in drafts if not d.direct and d.frame is not None and id(d) not in nested]
    cues = sorted(d.frame.cue[0] for d in drafts if not d.direct and d.frame is not None and _named_subject(doc, d.frame))
    for d in sorted(drafts, key=lambda d: (d.start, d.end)):
        if (d.start, d.end) in seen or id(d) in nested:
            continue
        if d.direct and not d.pieces and d.frame is not None and d.frame.kind != "label" and any(
                d.start <= c < d.end for c in cues[bisect_right(cues, d.start - 1):bisect_right(cues, d.end)]):
            continue
        if not d.direct and d.frame is not None and _within(direct, starts, d.frame.cue[0]):
            continue  # "I think ..." inside someone's quoted words is part of the quote
        if d.direct and d.frame is not None and _inside_report(d, reports):
            continue  # 'X said she knows that "Y will win"': the outer report holds the quoted words
        seen.add((d.start, d.end))
        f = d.frame
        spk_i = d.speaker_i if d.speaker_i is not None else (f.speaker_i if f is not None else None)
        sp = resolve(ctx, doc[spk_i]) if spk_i is not None else Speaker(None)
        end = _clip_end(ctx.sents.text, d.start, d.end) if d.direct else d.end
        out.append(Quote(start=d.start, end=end, speaker=sp.name, speaker_code=sp.code,
                         speaker_actor_id=sp.actor_id, speaker_span=sp.span,
                         cue=f.cue if f is not None else None, direct=d.direct, text=ctx.sents.text[d.start:end]))
    return tuple(out)


def _clip_end(text: str, start: int, end: int) -> int:
    """'"We are ready," she said': the comma (or colon, dash) before the closing mark belongs to the
    sentence around the quotation, not to the words quoted."""
    while end > start + 1 and (text[end - 1].isspace() or text[end - 1] in _CLAUSE_PUNCT):
        end -= 1
    return end


def _named_subject(doc: Doc, f: Frame) -> bool:
    """The frame's speaker is a noun that is the cue's own subject ('Other candidates said ...')."""
    if f.speaker_i is None:
        return False
    spk = doc[f.speaker_i]
    return spk.pos_ in ("NOUN", "PROPN") and spk.head.i == f.cue_i and spk.dep_ in ("nsubj", "nsubjpass")


def _inside_report(d: _Draft, reports: list[tuple[int, int]]) -> bool:
    """A direct draft whose cue and words both lie inside a reported content: a frame nested in a report."""
    assert d.frame is not None
    c = d.frame.cue[0]
    return any(s <= c < e and s <= d.start and d.end <= e + _NEAR and (s, e) != (d.start, d.end) for s, e in reports)


def _nested(doc: Doc, drafts: list[_Draft]) -> set[int]:
    """Reported drafts whose cue sits inside another reported content: "X said (Y wants Z)".

    The outer speaker's report holds the inner attribution; news quote annotation
    (and a reader) takes the outer one. Two frames that each hold the other's cue
    (a misparse) both stay. A participle after a comma ("X said A, adding that B")
    is the same speaker's next statement, misattached by the parser: the outer
    content ends at the comma and the participle keeps its own content. Drafts are
    few per article, so the pairwise check is cheap.
    """
    rep = sorted((d for d in drafts if not d.direct and d.frame is not None), key=lambda d: d.start)
    out: set[int] = set()
    for d in rep:
        f = d.frame
        assert f is not None
        c = f.cue[0]
        for e in rep:
            if e.start > c:
                break
            if e is d or c >= e.end or d.start <= e.frame.cue[0] < d.end:  # type: ignore[union-attr]
                continue
            cue = doc[f.cue_i]
            comma = doc[f.cue_i - 1] if f.cue_i > 0 else None
            if (cue.tag_ == "VBG" and comma is not None and comma.text == "," and comma.idx > e.start
                    and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in cue.children)):
                e.end = _trim_end(doc, comma.i, e.start)
                d.speaker_i = e.frame.speaker_i  # type: ignore[union-attr]
                break
            k = _matrix_conj(doc, cue, e.frame.cue_i)  # type: ignore[union-attr]
            if k is not None and doc[k].idx > e.start:
                e.end = _trim_end(doc, k, e.start)
                d.speaker_i = e.frame.speaker_i  # type: ignore[union-attr]
                break
            out.add(id(d))
            break
    return out


_AUX_DEPS = frozenset({"aux", "auxpass"})


def _matrix_conj(doc: Doc, cue, outer_i: int) -> int | None:
    """'X complained (that) Y had attacked him and questioned why ...': a cue verb conjoined to a verb of
    the outer content, but in the outer cue's own form (both simple past, both participles) while
    that verb differs (another tense, an auxiliary), is the outer speaker's next statement misattached
    by the parser. Returns the token where the outer content ends (the conjunction), else None."""
    head = cue.head
    outer = doc[outer_i]
    if cue.dep_ != "conj" or head.i == outer_i or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    if cue.tag_ != outer.tag_ or cue.tag_ not in ("VBD", "VBZ", "VBG", "VBP"):
        return None
    if (head.tag_ == cue.tag_ and head.pos_ == "VERB" and not any(c.dep_ in _AUX_DEPS for c in head.children)
            and not _said_that(cue)):
        return None  # 'said rebels seized the town and demanded ...': the rebels' acts, one report
    k = cue.i
    while k - 1 > head.i and (doc[k - 1].dep_ == "cc" or doc[k - 1].is_punct or doc[k - 1].head.i == cue.i
                              and doc[k - 1].dep_ == "advmod"):
        k -= 1
    return k if k < cue.i else None


def _said_that(cue) -> bool:
    """'..., and urged that everyone stay calm': a speech verb with its own that-clause, after a comma."""
    return any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in cue.children) and any(t.text == "," for t in cue.doc[cue.head.i + 1:cue.i])


def _trim_end(doc: Doc, i: int, floor: int) -> int:
    """End of the text before token i, without trailing punctuation or spaces."""
    while i > 0 and (doc[i - 1].is_punct or doc[i - 1].is_space) and doc[i - 1].idx > floor:
        i -= 1
    return doc[i - 1].idx + len(doc[i - 1].text) if i > 0 else floor
