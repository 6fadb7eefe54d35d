"""Modality of an event from its clause: negated, hypothetical/conditional, future/intended, historical."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date

from spacy.tokens import Token

from .ontology import Lexicon

_COND_MARKS = frozenset({"if", "unless", "lest", "whether", "until"})
_NEG_DETS = frozenset({"no", "without", "never"})
_NEG_SUBJECTS = frozenset({"nobody", "none", "nothing", "noone"})
_NEG_HEADS = frozenset({"fail", "refuse", "decline", "avoid", "stop", "cancel", "postpone", "deny", "reject"})


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    intent: bool = False  # announced by its own actor: "will withdraw", "said it would", "plans to"


def _chain(anchor: Token, limit: int = 4) -> list[Token]:
    """The anchor and the verbs it is the complement or conjunct of ("is expected to lead")."""
    out = [anchor]
    t = anchor
    for _ in range(limit):
        if t.dep_ in ("xcomp", "conj", "acomp") and t.head != t:
            t = t.head
            out.append(t)
        else:
            break
    return out


def _reported(tok: Token, lex: Lexicon) -> bool:
    """Inside a that-clause of a reporting verb, where 'would' is the future of the past."""
    t = tok
    for _ in range(4):
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in lex.speech:
            return True
        if t.dep_ not in ("conj", "xcomp") or t.head == t:
            return False
        t = t.head
    return False


def modality(anchor: Token, noun: Token | None, lex: Lexicon) -> Modality:
    chain = _chain(anchor)
    neg = hyp = fut = intent = False
    own = chain[0]
    for c in own.children:
        if c.dep_ == "neg":
            neg = True
        elif c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NEG_SUBJECTS or any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children)):
            neg = True  # "No group has claimed the attack", "nobody was arrested"
    if noun is not None:
        for c in noun.children:
            if c.dep_ in ("det", "neg") and c.lower_ in _NEG_DETS:
                neg = True
        # "there was no breakthrough": the noun's verb carries the negation
        if noun.head != noun and any(c.dep_ == "neg" for c in noun.head.children) and noun.head.lemma_ == "be":
            neg = True
    for n, t in enumerate(chain):
        for c in t.children:
            low = c.lower_
            if c.dep_ in ("aux", "auxpass"):
                if low == "would" and _reported(t, lex):
                    fut = intent = True
                elif low in lex.hypothetical_aux:
                    hyp = True
                elif low in lex.future_aux:
                    fut = intent = True
                elif c.lemma_ == "go" and any(g.dep_ == "xcomp" for g in t.children):
                    fut = True
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _COND_MARKS for g in c.children) \
                    and n == 0 and lex_is_threat(t):
                hyp = True
        if n > 0:
            lem = t.lemma_.lower()
            if lem in lex.intent_verbs or lem in lex.nonintent_verbs or (lem == "be" and chain[n - 1].dep_ == "xcomp"):
                fut = True
                intent = intent or lem in lex.intent_verbs
            if lem in _NEG_HEADS:
                neg = True
            if any(c.dep_ == "neg" for c in t.children) and chain[n - 1].dep_ == "xcomp":
                neg = True
    if not intent and _planned(chain[-1], lex):
        fut = intent = True
    # inside a conditional clause: "if it invades"
    t = chain[-1]
    for _ in range(5):
        if t.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _COND_MARKS for g in t.children):
            hyp = True
            break
        if t.head == t:
            break
        t = t.head
    return Modality(negated=neg, hypothetical=hyp, future=fut, intent=intent and not hyp)


def _planned(tok: Token, lex: Lexicon) -> bool:
    """Is ``tok`` the content of a plan noun ("a plan to cut aid", "a policy focused on ending aid")?"""
    t = tok
    for _ in range(4):
        # "a policy focused on ...", read as a clause whose subject is the plan
        if t.tag_ in ("VBN", "VBD") and any(c.dep_ == "nsubj" and c.lemma_.lower() in lex.plan_nouns for c in t.children):
            return True
        if t.dep_ not in ("acl", "relcl", "pcomp", "prep", "xcomp", "conj") or t.head == t:
            return False
        t = t.head
        if t.pos_ == "NOUN" and t.lemma_.lower() in lex.plan_nouns:
            return True
    return False


def lex_is_threat(tok: Token) -> bool:
    """A conditional clause under a threat or warning makes the threatened act hypothetical."""
    return tok.lemma_.lower() in ("threaten", "warn", "vow")


def is_historical(event_date: str | None, dateline: Date | None, anchor: Token) -> bool:
    """Reported past event: dated in an earlier year than the dateline, or 'in 2014' on its clause."""
    if dateline is None:
        return False
    for t in _chain(anchor):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "during"):
                for g in c.children:
                    if g.dep_ == "pobj" and g.like_num and len(g.text) == 4 and g.text.isdigit() \
                            and int(g.text) < dateline.year:
                        return True
    if event_date and len(event_date) >= 4 and event_date[:4].isdigit():
        return int(event_date[:4]) < dateline.year
    return False
