"""Tense of the clause a token sits in, from the dependency parse (cheap: a walk up heads).

Used twice: to pick which Friday "on Friday" means (the one before the dateline
in a past clause, the next one in a future clause) and to decide whether an
undated event takes the dateline.
"""
from __future__ import annotations

from typing import Literal

from spacy.tokens import Token

from .lexicon import lexicon

Tense = Literal["past", "present", "perfect", "future"]

# A verb heading one of these relations starts a clause of its own.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass",
                         "pcomp"})
_VERB_POS = ("VERB", "AUX")


def governing_verb(tok: Token, max_steps: int = 12) -> Token | None:
    """The nearest verb at or above ``tok`` in the parse (None at a verbless root)."""
    t = tok
    for _ in range(max_steps):
        if t.pos_ in _VERB_POS and t.dep_ != "aux" and t.dep_ != "auxpass":
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def verb_tense(verb: Token, depth: int = 0) -> Tense | None:
    """past | present | perfect | future of a verb, from its tag and auxiliaries."""
    lx = lexicon()
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if words & set(lx["future_aux"]):
        return "future"
    if verb.tag_ == "VB" and any(c.lower_ == "to" for c in aux):
        head = verb.head
        if head.i != verb.i and head.lemma_.lower() in lx["future_heads"]:
            # "pledged to preserve ... on Tuesday": a date closing the sentence belongs to the
            # past pledge; only plans ("was scheduled to meet Friday") stay ahead.
            if head.tag_ == "VBD" and head.lemma_.lower() not in lx["planning_verbs"]:
                return "past"
            if _past_perfect(head):
                return "past"  # "had been due to expire Friday": a plan seen from the past, now gone
            return "future"
        if head.i != verb.i and head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP"):
            return "future"  # "the stock is to resume trading Tuesday": an arrangement ahead
        if head.i != verb.i and head.pos_ in _VERB_POS:
            return verb_tense(head, depth + 1) if depth < 6 else None
    if verb.tag_ == "VBG" and verb.lemma_ == "go" and any(c.tag_ == "VB" for c in verb.children):
        return "future"  # "is going to meet"
    if verb.tag_ == "VBG" and verb.head.i != verb.i and verb.head.lemma_ == "go":
        return "future"
    has = words & {"has", "have", "'ve", "'s"}
    if verb.tag_ == "VBN" and has and not (words & {"had"}):
        return "perfect"
    if verb.tag_ == "VBG" and "been" in words:  # "have been searching since ...", "had been talking"
        return "past" if "had" in words else "perfect" if has else None
    if words & {"had", "did", "was", "were"} or verb.tag_ == "VBD":
        return "past"
    if words & {"is", "are", "am", "'re", "'m", "do", "does"} or verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBN":
        return "past"  # a reduced relative: "the ruling, announced Wednesday"
    if verb.tag_ == "VBG" and verb.head.i != verb.i and verb.head.pos_ in _VERB_POS:
        return verb_tense(verb.head, depth + 1) if depth < 6 else None
    return None


def _past_perfect(head: Token) -> bool:
    """"had been scheduled", "had planned", "had been due" (the "had" may sit on the copula)."""
    for t in (head, head.head):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in t.children):
            return True
        if head.head.lemma_ != "be":
            break
    return False


def future_cue(tok: Token) -> bool:
    """Words that put a named day ahead of the dateline whatever the tense: "as early as
    Tuesday", "postponed until Tuesday", "scheduled a news conference Thursday"."""
    lx = lexicon()
    i = tok.i
    doc = tok.doc
    before = " ".join(t.lower_ for t in doc[max(0, i - 3):i])
    if before.endswith(("as soon as", "as early as", "no later than", "next")):
        return True
    verb = governing_verb(tok)
    if verb is None or verb.lemma_.lower() not in lx["planning_verbs"]:
        return False
    if verb.lemma_.lower() in lx["planning_verbs_weak"]:
        return _sets_a_date(tok, verb)
    return True


def _sets_a_date(tok: Token, verb: Token) -> bool:
    """"set" / "push" plan a day only when the day is what they set: "set the vote for Friday",
    "pushed back to Monday", "set Friday as the deadline"; not "the record set on Aug. 6"."""
    if any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children):
        return True
    t = tok
    for _ in range(4):
        if t.i == verb.i:
            return False
        if t.head.i == verb.i:
            return t.dep_ in ("dobj", "oprd") or (t.dep_ == "prep" and t.lower_ in ("for", "to", "until", "till"))
        t = t.head
    return False


def tense_of(tok: Token) -> Tense | None:
    verb = governing_verb(tok)
    return verb_tense(verb) if verb is not None else None
