"""A protest's demands and defiance are its content, not news of their own.

"Thousands rallied in the capital, demanding the minister's resignation", "Protesters defied a
ban to march on parliament": CAMEO and PLOVER code the protest and carry the demand as its
claim. wirecoder keeps the demand (REQUEST) or the defiance (REJECT) as an event, since it names
whom the crowd addresses, but ranks it below the protest it belongs to, so that the article's
main event (the most confident one, and the first of its ``labels``) is the protest.
"""
from __future__ import annotations

from dataclasses import replace

from ..records import Event

_CLAIM_TYPES = frozenset({"REQUEST", "REJECT"})
# "They demanded ..." in the sentence after the rally: how far apart (characters) claim and protest may be
_NEAR_CHARS = 400
# a government's demand next to a protest is its own news ("police ordered the crowd to disperse")
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def rank_protest_claims(events: tuple[Event, ...]) -> tuple[Event, ...]:
    protests = [e for e in events if e.type == "PROTEST" and not e.negated]
    if not protests:
        return events
    out: list[Event] = []
    for e in events:
        if e.type in _CLAIM_TYPES:
            own = [p for p in protests if _same_crowd(e, p)]
            if own:
                ceiling = max(p.confidence or 0.0 for p in own) - 0.01
                if (e.confidence or 0.0) > ceiling:
                    e = replace(e, confidence=round(max(0.0, ceiling), 2))
        out.append(e)
    return tuple(out)


def _same_crowd(claim: Event, protest: Event) -> bool:
    """The claim is made by the protest's own crowd, near it: the same actor, a group of the same
    kind ("protesters" defied ..., "demonstrators" marched), or no named source at all."""
    if abs(claim.evidence[0] - protest.evidence[0]) > _NEAR_CHARS:
        return False
    ids = {r.actor_id for r in protest.source if r.actor_id}
    if any(r.actor_id in ids for r in claim.source if r.actor_id):
        return True
    sectors = {r.sector for r in protest.source if r.sector} - _STATE_SECTORS
    if any(r.sector in sectors for r in claim.source):
        return True
    return not claim.source
