"""Shared by the actor tests: run the pipeline up to the actor stage, find the mention of a phrase."""
from __future__ import annotations

SKIP = ("wc_quotes", "wc_events")


def run(nlp, text, on=None):
    """The Doc after every component but the quote and event stages; ``on`` is the dateline."""
    doc = nlp.make_doc(text)
    doc._.wc_dateline = on
    for name, proc in nlp.pipeline:
        if name not in SKIP:
            doc = proc(doc)
    return doc


def mention_at(doc, phrase, nth=0):
    """(actor, mention) of the mention that covers the nth occurrence of phrase; (None, None) if none."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(phrase, start + 1)
    actors = {a.id: a for a in doc._.wc_actors}
    for m in doc._.wc_mentions:
        if m.start <= start and start + len(phrase) <= m.end:
            return actors[m.actor_id], m
    return None, None
