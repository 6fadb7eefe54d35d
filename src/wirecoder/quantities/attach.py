"""Counts that belong to an event: size, dead, injured, arrested (owned by the quantities stage).

A count belongs to the event whose trigger governs it: it lies in the
trigger's subtree ("massed some 100,000 troops", "an insurgency in which
more than 2,000 people have died"), or its phrase depends on the trigger's
head verb when the trigger is a noun. Casualty and arrest counts fill dead,
injured and arrested; counts of troops, protesters, people, members or
staff give the event's size. Durations and distances are never a size.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import Quantity

FATE_FIELDS = {"dead": "dead", "injured": "injured", "arrested": "arrested"}
SIZE_UNITS = frozenset({"troops", "protesters", "people", "members", "staff", "fighters", "police",
                        "refugees", "officials", "hostages", "prisoners"})


def _tokens_of(doc: Doc, q: Quantity) -> Token | None:
    """The token that carries the count in the parse: the counted noun, else the number's last word."""
    sp = doc.char_span(q.head[0], q.head[1], alignment_mode="expand") if q.head else None
    if sp is None:
        sp = doc.char_span(q.start, q.end, alignment_mode="expand")
    return sp.root if sp is not None and len(sp) else None


def _governs(trigger: Token, tok: Token) -> bool:
    if trigger.head == tok and trigger.dep_ in ("acl", "relcl"):
        return True  # "100,000 troops massed near the border": the count is the trigger's subject
    if tok.is_ancestor(trigger) or tok == trigger:
        return False
    if trigger.is_ancestor(tok):
        return True
    # A noun trigger ("the expulsion of eight diplomats") or its verb governing the count.
    head = trigger.head
    return trigger.pos_ in ("NOUN", "PROPN") and head.pos_ in ("VERB", "AUX") and head.is_ancestor(tok)


def event_counts(doc: Doc, trigger: Token, quantities: tuple[Quantity, ...]) -> dict[str, float]:
    """{'size'|'dead'|'injured'|'arrested': value} for the event triggered by ``trigger``."""
    sent = trigger.sent
    out: dict[str, float] = {}
    best: dict[str, int] = {}
    for q in quantities:
        if not (sent.start_char <= q.start < sent.end_char) or q.unit is None:
            continue
        field = FATE_FIELDS.get(q.unit) or ("size" if q.unit in SIZE_UNITS else None)
        if field is None:
            continue
        tok = _tokens_of(doc, q)
        if tok is None or not _governs(trigger, tok):
            continue
        dist = abs(tok.i - trigger.i)
        if field not in best or dist < best[field]:
            best[field], out[field] = dist, q.value
    return out
