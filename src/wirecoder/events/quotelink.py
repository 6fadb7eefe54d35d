"""Quote -> event link: what a speaker says is also an event of that speaker.

The quote stage (``doc._.wc_quotes``) runs before the event stage. An event is
linked to a quote (``Event.quote_index``) when its trigger lies inside the
quoted or reported content ("... we will impose sanctions," the minister
said) or when the trigger is the quote's cue itself ("X warned that ...",
"X demanded that ...": the speech act is the event, its content the quote).

Inside the content, a first-person subject ("we", "I", "our government") is the
speaker, and so is an unresolved third-person pronoun in reported speech ("she
said she would ..."); such an event takes the speaker, resolved through
``doc._.wc_actors``, as its source. A subject that names someone else ("Russia
has massed troops", she said) keeps its own source, and a passive act with no
agent gets none: the speaker reports it, she did not do it. The link adds no
event of its own, so nothing is counted twice.
"""
from __future__ import annotations

from bisect import bisect_right

from ..records import Actor, ActorRef, Quote

_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "myself", "ourselves"})
_THIRD_PERSON = frozenset({"he", "she", "it", "they", "him", "her", "them"})


class QuoteLinker:
    """Looks up the quote of an event trigger and the speaker to use as its source (one per document)."""

    def __init__(self, quotes: tuple[Quote, ...], actors: tuple[Actor, ...]):
        self.quotes = quotes
        self.actors = {a.id: a for a in actors}
        self._order = sorted(range(len(quotes)), key=lambda n: quotes[n].start)
        self._starts = [quotes[n].start for n in self._order]

    def index_of(self, trigger: tuple[int, int]) -> int | None:
        """The quote whose content holds the trigger, else the quote the trigger is the cue of."""
        lo, hi = trigger
        k = bisect_right(self._starts, lo) - 1
        # quotes do not nest much; look back a few for the innermost one that contains the trigger
        for j in range(k, max(-1, k - 4), -1):
            q = self.quotes[self._order[j]]
            if q.start <= lo and hi <= q.end:
                return self._order[j]
        for n, q in enumerate(self.quotes):
            if q.cue is not None and q.cue[0] < hi and lo < q.cue[1]:
                return n
        return None

    def speaker(self, n: int) -> ActorRef | None:
        q = self.quotes[n]
        a = self.actors.get(q.speaker_actor_id or "")
        if a is None:
            return None
        return ActorRef(name=a.name, code=a.code, sector=a.sector, igo=a.igo, actor_id=a.id, span=q.speaker_span)

    def source(self, n: int | None, source: list[ActorRef], subject_text: str | None) -> list[ActorRef]:
        """The event's source once the quote's speaker stands in for a pronoun subject."""
        if n is None or subject_text is None:
            return source
        q = self.quotes[n]
        low = subject_text.lower()
        speaker_pron = low in _FIRST_PERSON or (not q.direct and low in _THIRD_PERSON)
        if not speaker_pron or any(r.code for r in source):
            return source
        sp = self.speaker(n)
        return [sp] if sp is not None else source
