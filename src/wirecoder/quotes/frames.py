"""Attribution frames: a cue (verb or 'according to'), its speaker and its content.

Read off the dependency parse, one pass over the tokens. A frame whose cue
has a clause, 'as'-phrase, object or infinitive complement carries that
complement as its content; a speech verb without one ("...," he said) is a
*bare* frame, which the assembly step links to the quotation marks beside it.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from ..nlp.datelines import body_start
from .lexicon import CueLexicon
from .marks import Marked
from .sentences import SentIndex, paragraph_part

FrameKind = Literal["clause", "as", "prep", "infinitive", "object", "according", "bare", "label"]

_SUBJ = ("nsubj", "csubj")
_INHERIT = frozenset({"conj", "advcl", "xcomp", "acl", "pcomp"})
_REL_PRONOUNS = frozenset({"who", "that", "which", "whom"})
_NOT_SPEAKER = frozenset({"there", "what", "this", "these", "those", "which", "whatever", "all", "one"})
_EDGE_PUNCT = frozenset(",;:-—–")


@dataclass(frozen=True, slots=True)
class Frame:
    kind: FrameKind
    cue: tuple[int, int]  # characters of the cue words
    cue_i: int  # token index of the cue head
    speaker_i: int | None  # token index of the speaker's head noun or pronoun
    content: tuple[int, int] | None  # characters of the reported content
    content_tokens: tuple[int, int] | None  # token range [i, j) of the content
    inverted: bool = False  # the content comes before the cue ("..., said X")
    colon: bool = False  # "X said: ..."


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def inside_marks(starts: list[int], marked: tuple[Marked, ...], pos: int) -> bool:
    k = bisect_right(starts, pos) - 1
    return k >= 0 and marked[k].start <= pos < marked[k].end


def subject_of(tok: Token, depth: int = 0) -> Token | None:
    """The speaker: the verb's subject, an agent of a passive, or the subject it shares with its head."""
    for c in tok.children:
        if c.dep_ in _SUBJ:
            return c  # a relative pronoun ("who said") stays: it is the mention; speakers resolves it
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    if tok.dep_ in _INHERIT and depth < 3 and tok.head.i != tok.i:
        head = tok.head
        if tok.dep_ == "pcomp" and head.pos_ in ("ADP", "SCONJ") and head.dep_ in ("prep", "advcl", "mark"):
            head = head.head  # "after saying ...", "by telling X that ...": the clause's subject speaks
        elif tok.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "attr"):
            head = head.head  # "X is likely to say", "X was quick to point out that ..."
        if tok.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return head  # "officials saying that ..."
        if head.pos_ in ("VERB", "AUX"):
            return subject_of(head, depth + 1)
    return None


def _span(doc: Doc, i: int, j: int) -> tuple[int, int, int, int] | None:
    """Char and token span of tokens [i, j), trimmed of edge punctuation and spaces."""
    while i < j and (doc[i].is_space or doc[i].text in _EDGE_PUNCT or doc[i].is_quote):
        i += 1
    while j > i and (doc[j - 1].is_space or doc[j - 1].is_punct):
        j -= 1
    if j <= i:
        return None
    return doc[i].idx, _end(doc[j - 1]), i, j


def _subtree(doc: Doc, tok: Token):
    return _span(doc, tok.left_edge.i, tok.right_edge.i + 1)


def _child(tok: Token, deps: tuple[str, ...], lower: str | None = None) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps and (lower is None or c.lower_ == lower):
            return c
    return None


def _clause_child(tok: Token) -> Token | None:
    """The cue's clause complement. With two ("Headline news: X said Y"), the parser has taken the
    sentence before a colon or dash for a second one; the clause after the cue is what was said."""
    ccomps = [c for c in tok.children if c.dep_ == "ccomp"]
    if len(ccomps) > 1:
        return next((c for c in ccomps if c.i > tok.i), ccomps[0])
    return ccomps[0] if ccomps else None


def _content(doc: Doc, tok: Token, lex: CueLexicon):
    """(kind, span) for the complement of a cue verb, or None."""
    lemma = lex.lemma(tok)
    ccomp = _clause_child(tok)
    if ccomp is not None and (lemma in lex.clause_verbs or any(
            (lemma, c.lower_) in lex.phrasal_clause_verbs for c in tok.children if c.dep_ in ("prt", "prep", "dobj"))):
        return "clause", _subtree(doc, ccomp)
    if lemma in lex.clause_verbs:
        # "said in a statement that ...", "wrote in the last of several posts that ...": the parser
        # hangs the that-clause off a noun of the prepositional phrase
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.i > tok.i:
                for noun in prep.subtree:
                    if noun.pos_ not in ("NOUN", "PROPN", "NUM"):
                        continue
                    # a 'relcl' with 'that' as its marker (not its subject or object) is a complement
                    clause = _child(noun, ("acl", "ccomp", "relcl"))
                    if clause is not None and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                        return "clause", _subtree(doc, clause)
    if lemma in lex.as_verbs:
        as_prep = _child(tok, ("prep",), "as")
        obj = _child(as_prep, ("pobj", "pcomp")) if as_prep is not None else None
        if obj is None:
            obj = _child(tok, ("oprd",))
        if obj is not None:
            return "as", _subtree(doc, obj)
    for prep in tok.children:
        if prep.dep_ in ("prep", "prt") and (lemma, prep.lower_) in lex.prep_verbs:
            obj = _child(prep, ("pobj", "pcomp"))
            if obj is not None:
                return "prep", _subtree(doc, obj)
    if lemma in lex.infinitive_verbs:
        x = _child(tok, ("xcomp",))
        if x is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children):
            return "infinitive", _subtree(doc, x)
    if lemma in lex.clause_verbs:
        x = _child(tok, ("xcomp",))
        if x is not None and x.i > tok.i and not any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children):
            return "clause", _subtree(doc, x)  # "reported spending $1 million", a clause parsed as xcomp
    if lemma in lex.object_verbs:
        obj = _child(tok, ("dobj",))
        if obj is not None and obj.pos_ != "PRON":
            return "object", _subtree(doc, obj)
    return None


def find_frames(doc: Doc, lex: CueLexicon, marked: tuple[Marked, ...], sents: SentIndex) -> list[Frame]:
    starts = [m.start for m in marked]
    frames: list[Frame] = []
    verbs = lex.any_verb
    first_words = {seq[0]: seq for seq in lex.according_to}
    names: frozenset[str] | None = None
    for tok in doc:
        low = tok.lower_
        if low == ":" and tok.i > 0:
            if names is None:
                names = frozenset(t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e)
            f = _label(doc, tok, names, sents.text)
            if f is not None and not inside_marks(starts, marked, tok.idx):
                frames.append(f)
            continue
        if low in first_words:
            f = _according(doc, tok, first_words[low], sents)
            if f is not None and not inside_marks(starts, marked, tok.idx):
                frames.append(f)
            continue
        if tok.pos_ not in ("VERB", "AUX") or lex.lemma(tok) not in verbs:
            continue
        if inside_marks(starts, marked, tok.idx):
            continue  # a verb inside a quotation is quoted, not a frame
        spk = subject_of(tok)
        if spk is None:
            spk = _detached_subject(doc, tok, sents)
        if spk is None:
            continue
        if inside_marks(starts, marked, spk.idx):  # '"The government," said X, "..."': X, not the quoted subject
            quoted = spk
            spk = next((c for c in tok.children if c.dep_ in _SUBJ and not inside_marks(starts, marked, c.idx)), None)
            if spk is None:  # '"...," Jane Roe, a nurse, said': the name hangs off the quoted subject
                spk = next((c for c in quoted.children if c.dep_ == "appos" and c.i < tok.i
                            and not inside_marks(starts, marked, c.idx)), None)
            if spk is None:
                continue
        relative = spk.lower_ in _REL_PRONOUNS and tok.dep_ == "relcl"
        spk = _speaker_word(spk, relative, lex)
        if spk is None:
            continue
        found = _content(doc, tok, lex)
        cue = (tok.idx, _end(tok))
        prt = _child(tok, ("prt",))
        if prt is not None and prt.i == tok.i + 1:
            cue = (tok.idx, _end(prt))
        colon = tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":"
        around = False
        lemma = lex.lemma(tok)
        if (found is None or found[1] is None) and (lemma in lex.clause_verbs or lemma in lex.as_sources):
            if _as_mark(tok):
                found = _as_clause(doc, tok, sents)
            elif lemma not in lex.clause_verbs:
                continue
            else:
                bare = tok.dep_ in ("parataxis", "ROOT") or _fronted_conj(doc, tok, spk)
                found = _around(doc, tok, spk, sents) if bare and not colon else None
            if found is None:
                if not _has_own_complement(tok):
                    frames.append(Frame("bare", cue, tok.i, spk.i, None, None, colon=colon))
                continue
            around = True
        if found is None or found[1] is None:
            continue
        kind, (cs, ce, ti, tj) = found
        if ti <= spk.i < tj and not around:
            rest = _after_fronted(doc, tok, spk, ti, tj)
            if rest is None:
                continue  # the speaker sits inside the content: a misparse
            cs, ce, ti, tj = rest
        if (start := body_start(doc, ti)) != ti and start < tj:
            ti, cs = start, doc[start].idx  # "OTTAWA — The government will ...": the dateline is not said
        frames.append(Frame(kind, cue, tok.i, spk.i, (cs, ce), (ti, tj), inverted=tj <= tok.i, colon=colon))
    return frames


_LABEL_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_DASHES = frozenset({"-", "—", "–", "--"})


def _label(doc: Doc, colon: Token, names: frozenset[str], text: str) -> Frame | None:
    """'Name: "..."' or a transcript's 'NAME: ...' paragraph: a speaker label before a colon."""
    last = doc[colon.i - 1]
    if not (last.ent_type_ in _LABEL_ENTS or last.pos_ == "PROPN" and last.is_title
            or (last.is_alpha and (last.is_upper or last.is_title) and last.lower_ in names)):
        return None
    i = last.i
    while i > 0 and colon.i - i < 5 and (doc[i - 1].pos_ == "PROPN" or doc[i - 1].ent_type_ in _LABEL_ENTS):
        i -= 1
    before = doc[i - 1] if i > 0 else None
    line_start = before is None or "\n" in before.text or before.text in _DASHES or "\n" in before.whitespace_
    if not line_start or colon.i - i > 4:
        return None
    after = colon.idx + 1
    while after < len(text) and text[after] in " \t\u00a0":
        after += 1
    cue = (colon.idx, colon.idx + 1)
    if after < len(text) and text[after] in "\"“«‘'`":
        return Frame("bare", cue, colon.i, last.i, None, None, colon=True)
    if before is not None and before.text in _DASHES:
        return None  # a headline dash, then prose: not a transcript turn
    end = text.find("\n", after)
    end = len(text) if end < 0 else end
    span = doc.char_span(after, end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return None
    return Frame("label", cue, colon.i, last.i, (after, end), (span.start, span.end))


def _has_own_complement(tok: Token) -> bool:
    """'the committee would continue to investigate', 'a poll showing Trump down': a verb with its own
    infinitive or clause complement says nothing here, so it cannot frame the quotation beside it."""
    return any(c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") for c in tok.children)


def _fronted_conj(doc: Doc, tok: Token, spk: Token) -> bool:
    """'The government will spend $2 billion, the minister announced Tuesday': the parser joins the
    frame to the content as a second conjunct; a comma before the speaker and no 'and'/'but' tell
    it is a frame after its content."""
    if tok.dep_ != "conj" or tok.head.i >= tok.i:
        return False
    lead = spk.left_edge.i - 1
    return lead > tok.head.i and doc[lead].text == "," and not any(
        c.dep_ == "cc" for c in tok.head.children if lead <= c.i < tok.i)


def _around(doc: Doc, tok: Token, spk: Token, sents: SentIndex):
    """'It is, he says, a bad deal' / 'It is a bad deal, he says': the sentence around a bare frame."""
    s0, s1 = paragraph_part(doc, sents.of(tok.i), tok.i)
    begin = body_start(doc, s0)
    f0 = min(tok.i, spk.left_edge.i)
    f1 = max(tok.i, spk.right_edge.i) + 1
    left = _span(doc, begin, f0) if begin < f0 else None
    right = _span(doc, f1, s1) if f1 < s1 else None
    n_left = left[3] - left[2] if left else 0
    n_right = right[3] - right[2] if right else 0
    if n_left >= 3 and n_right >= 3:
        whole = _span(doc, begin, s1)
        return ("clause", whole) if whole else None
    if n_left >= 3 and n_right <= 3:
        return "clause", left
    if tok.dep_ == "parataxis" and n_right >= 3 and tok.head.i > tok.i:
        # "This campaign, he says, is different" / "In short, she said, the plan failed"
        whole = _span(doc, begin, s1) if n_left else right
        return ("clause", whole) if whole else None
    return None


_NAME_ENTS = frozenset({"PERSON", "ORG"})


def _detached_subject(doc: Doc, tok: Token, sents: SentIndex) -> Token | None:
    """'Jane Roe, a lawyer helping the families, said ...': a long apposition can leave the name
    attached inside it and the main speech verb with no subject. The sentence's first name,
    set off by a comma, speaks, when the verb is the root right after a comma and has a clause."""
    if tok.dep_ != "ROOT" or tok.i == 0 or doc[tok.i - 1].text != "," or _clause_child(tok) is None:
        return None
    sent = sents.of(tok.i)
    for ent in doc.ents:
        if ent.start < sent.start:
            continue
        if ent.end >= tok.i - 1:
            break
        if ent.label_ in _NAME_ENTS and doc[ent.end].text == ",":
            return ent.root
    return None


def _after_fronted(doc: Doc, tok: Token, spk: Token, ti: int, tj: int):
    """'the rule, which officials said will take effect in May': the relative pronoun opening the
    clause is its subject or object, moved in front of the frame; what was said is the rest after the cue."""
    if doc[ti].lower_ not in _REL_PRONOUNS | {"what"} or not (ti < spk.i < tok.i < tj):
        return None
    if any(t.dep_ == "ROOT" or t.i == tok.i or t.head.i != t.i and t.head.i not in range(ti, tj) for t in doc[ti:ti + 1]):
        return None
    if ti > 0 and doc[ti - 1].text == ",":
        # 'the levy, which officials said will take effect in May, drew protests': a clause set off by
        # commas ends at the next one (the parser often runs it on into the main verb)
        tj = next((t.i for t in doc[tok.i + 1:tj] if t.text == ","), tj)
    rest = _span(doc, tok.i + 1, tj)
    return rest if rest is not None and rest[3] - rest[2] >= 2 else None


def _as_mark(tok: Token) -> bool:
    """'As the minister noted, ...' / '..., as reported by the agency': an 'as'-clause of a cue."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) and not any(
        c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children)


def _as_clause(doc: Doc, tok: Token, sents: SentIndex):
    """The clause an 'as X said' adjunct attributes: the rest of the sentence on its longer side."""
    s0, s1 = paragraph_part(doc, sents.of(tok.i), tok.i)
    left = _span(doc, s0, tok.left_edge.i) if s0 < tok.left_edge.i else None
    right = _span(doc, tok.right_edge.i + 1, s1) if tok.right_edge.i + 1 < s1 else None
    n_left = left[3] - left[2] if left else 0
    n_right = right[3] - right[2] if right else 0
    if max(n_left, n_right) < 3:
        return None
    return "clause", left if n_left >= n_right else right


def _speaker_word(spk: Token, relative: bool, lex: CueLexicon) -> Token | None:
    """The subject as a speaker, or None. Quantities speak for a group ("one in four said",
    "nearly half say", "those surveyed say"); an adjective subject with a coordinated noun is a
    misparse of "current and former officials"."""
    low = spk.lower_
    if spk.dep_ == "expl":
        return None
    if relative:
        return spk
    modified = any(c.dep_ in ("prep", "acl", "relcl", "appos") for c in spk.children)
    if low in _NOT_SPEAKER:
        return spk if modified and spk.pos_ in ("PRON", "NUM", "DET", "NOUN") else None
    if spk.pos_ in ("PROPN", "NOUN", "PRON"):
        return spk
    if spk.pos_ == "ADJ":
        conj = next((c for c in spk.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), None)
        if conj is not None:
            return conj
    if spk.pos_ in ("NUM", "ADJ", "DET") and (modified or low in lex.group_quantifiers
                                              or any(c.dep_ in ("nummod", "quantmod", "prep") for c in spk.children)):
        return spk
    return None


def _according(doc: Doc, tok: Token, seq: tuple[str, ...], sents: SentIndex) -> Frame | None:
    n = len(seq)
    if tok.i + n > len(doc) or any(doc[tok.i + k].lower_ != seq[k] for k in range(n)):
        return None
    last = doc[tok.i + n - 1]
    src = _child(last, ("pobj",))
    if src is None:
        nxt = tok.i + n
        if nxt >= len(doc) or doc[nxt].pos_ not in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"):
            return None
        src = doc[nxt]
        while src.head.i != src.i and src.head.i > src.i and src.head.i - tok.i < 12 and src.head.pos_ in ("NOUN", "PROPN"):
            src = src.head
    s0, s1 = paragraph_part(doc, sents.of(tok.i), tok.i)
    a_start, a_end = tok.i, max(src.right_edge.i, last.i) + 1
    left = _span(doc, s0, a_start) if s0 < a_start else None
    right = _span(doc, a_end, s1) if a_end < s1 else None
    if left is None and right is None:
        return None
    side = left if right is None or (left is not None and left[3] - left[2] >= right[3] - right[2]) else right
    cs, ce, ti, tj = side
    return Frame("according", (tok.idx, _end(last)), tok.i, src.i, (cs, ce), (ti, tj), inverted=side is left)
