"""Read-side helpers over the actor stage's annotations, for the quote and event stages."""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from ..records import Actor, ActorMention, ActorRef


def actor_index(doc: Doc) -> dict[str, Actor]:
    return {a.id: a for a in doc._.wc_actors}


def mentions_in(doc: Doc, start: int, end: int) -> list[ActorMention]:
    """Actor mentions lying inside the character range [start, end)."""
    ms = doc._.wc_mentions
    i = bisect_left([m.start for m in ms], start)
    out = []
    while i < len(ms) and ms[i].start < end:
        if ms[i].end <= end:
            out.append(ms[i])
        i += 1
    return out


def mentions_of_phrase(doc: Doc, head: Token) -> list[ActorMention]:
    """Mentions inside the noun phrase headed by ``head`` (its whole subtree)."""
    left, right = head.left_edge, head.right_edge
    return mentions_in(doc, left.idx, right.idx + len(right.text))


def actor_ref(doc: Doc, mention: ActorMention, actors: dict[str, Actor] | None = None) -> ActorRef:
    """An event side from a mention: the actor's identity plus the mention's sector."""
    actors = actors if actors is not None else actor_index(doc)
    a = actors[mention.actor_id]
    return ActorRef(name=a.name, code=a.code, sector=mention.sector or a.sector, igo=a.igo,
                    actor_id=a.id, span=(mention.start, mention.end))


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")
