"""Event nouns whose event did not take place: the object of a verb of cancelling or postponing.

"The two sides postponed their meeting", "the summit was called off", "he halted his march":
the noun names an event only to say it was not held (or stopped); a meeting that was postponed
is no consultation. Verbs that have a coding of their own for such an object ("suspended talks":
SANCTION, from triggers.jsonl) are matched as verbs first and keep it; this only stops the noun
from standing for an event by itself (round 6).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .ontology import Lexicon

_NOUN_ROLES = frozenset({"dobj", "obj", "nsubjpass"})


def _cancels(verb: Token, lex: Lexicon) -> bool:
    lemma = lex.lemma(verb)
    if lemma in lex.cancel_verbs:
        return True
    return any(c.dep_ == "prt" and (lemma, c.lower_) in lex.cancel_particles for c in verb.children)


def cancelled_nouns(sent: Span, lex: Lexicon) -> set[int]:
    """Indices of nouns (with their conjuncts) that a cancelling verb takes as its object or passive subject."""
    out: set[int] = set()
    for tok in sent:
        if tok.dep_ not in _NOUN_ROLES or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = tok.head
        if verb.pos_ not in ("VERB", "AUX") or not _cancels(verb, lex):
            continue
        out.add(tok.i)
        out.update(c.i for c in tok.conjuncts)
    return out
