"""Canonical events: the same event reported by several articles of a story, merged and compared.

Within one story, two event records are taken as the same event when they
have the same PLOVER type, their sides overlap (some actor on either side
in common, or one report names no sides) and their date and place are
compatible (a few days apart at most; same country unless both sides agree). Each canonical event
keeps its mentions, counts independent sources (distinct outlets; a
syndicated copy is a mention, not a source), and gets a confidence that
grows with each independent confirmation. :mod:`.corroborate` then lists
what the sources disagree on.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date as Date

from ..records import Analysis, Event, PlaceMention
from .corroborate import conflicts_of, date_value, modality, place_key, side_keys
from .records import CanonicalEvent, Mention

DATE_TOLERANCE_DAYS = 3  # reports a few days apart may describe one event (and disagree on its day)
DEFAULT_EVENT_CONFIDENCE = 0.6  # an event record without its own confidence
CONTESTED_PENALTY = 0.7  # disagreement lowers the confidence that the event happened as told


@dataclass(slots=True)
class _Group:
    type: str
    items: list[tuple[Analysis, int, Event]] = field(default_factory=list)
    src: Counter = field(default_factory=Counter)
    tgt: Counter = field(default_factory=Counter)
    dates: list[str] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)

    def add(self, a: Analysis, i: int, e: Event) -> None:
        self.items.append((a, i, e))
        self.src.update(side_keys(e.source))
        self.tgt.update(side_keys(e.target))
        if e.date:
            self.dates.append(e.date)
        if e.location is not None:
            self.places.append(e.location)


def _sides_overlap(g: _Group, e: Event) -> bool:
    mine = side_keys(e.source) | side_keys(e.target)
    theirs = set(g.src) | set(g.tgt)
    return not mine or not theirs or bool(mine & theirs)


def _day(v: str) -> Date | None:
    try:
        return Date.fromisoformat(v) if len(v) == 10 else None
    except ValueError:
        return None


def _dates_compatible(g: _Group, e: Event) -> bool:
    if not e.date:
        return True
    for d in g.dates:
        if d.startswith(e.date) or e.date.startswith(d):
            continue
        a, b = _day(d), _day(e.date)
        if a is None or b is None or abs((a - b).days) > DATE_TOLERANCE_DAYS:
            return False
    return True


def _places_compatible(g: _Group, e: Event) -> bool:
    """Same country; or both sides shared, when a report misplacing the event is the likelier story."""
    if e.location is None:
        return True
    c = e.location.place.country
    if all(c is None or p.place.country is None or p.place.country == c for p in g.places):
        return True
    return bool(side_keys(e.source) & set(g.src)) and bool(side_keys(e.target) & set(g.tgt))


def _overlap_size(g: _Group, e: Event) -> int:
    return len((side_keys(e.source) | side_keys(e.target)) & (set(g.src) | set(g.tgt)))


def group_events(analyses: Iterable[Analysis]) -> list[_Group]:
    """Greedy grouping of one story's events (in article order): each joins the best compatible group."""
    groups: list[_Group] = []
    by_type: dict[str, list[_Group]] = {}
    for a in analyses:
        for i, e in enumerate(a.events):
            if e.historical:
                continue  # background ("a 2007 quake killed 500") is not this story's event
            fits = [g for g in by_type.get(e.type, ())
                    if _sides_overlap(g, e) and _dates_compatible(g, e) and _places_compatible(g, e)]
            if fits:
                best = max(fits, key=lambda g: (_overlap_size(g, e), len(g.items)))
            else:
                best = _Group(e.type)
                groups.append(best)
                by_type.setdefault(e.type, []).append(best)
            best.add(a, i, e)
    return groups


def _independent_sources(mentions: Iterable[Mention]) -> dict[str, str]:
    """outlet (or article id when unknown) -> first article id, leaving out copies."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.duplicate_of is None:
            out.setdefault(m.outlet or f"article:{m.article_id}", m.article_id)
    return out


def _confidence(g: _Group, indep: dict[str, str], contested: bool) -> float:
    """1 - prod(1 - c) over independent sources (each at its best record's confidence)."""
    best: dict[str, float] = {}
    for a, _, e in g.items:
        c = e.confidence if e.confidence is not None else DEFAULT_EVENT_CONFIDENCE
        best[a.article.id] = max(best.get(a.article.id, 0.0), c)
    miss = 1.0
    for aid in indep.values():
        miss *= 1.0 - min(0.95, best.get(aid, DEFAULT_EVENT_CONFIDENCE))
    conf = 1.0 - miss
    return round(conf * CONTESTED_PENALTY if contested else conf, 4)


def _top(counter: Counter) -> tuple[str, ...]:
    return tuple(k for k, _ in counter.most_common())


def _mode_value(values: list[str]) -> str | None:
    if not values:
        return None
    c = Counter(values)
    return max(c, key=lambda v: (c[v], len(v)))


def build_canonical(g: _Group, story: str | None, n: int, duplicates: Mapping[str, str]) -> CanonicalEvent:
    mentions = tuple(
        Mention(article_id=a.article.id, event_index=i, evidence=e.evidence, outlet=a.article.source,
                reported=a.article.date.isoformat() if a.article.date else None,
                duplicate_of=duplicates.get(a.article.id), modality=modality(e))
        for a, i, e in g.items)
    indep = _independent_sources(mentions)
    conflicts = conflicts_of([e for _, _, e in g.items], [a.article.id for a, _, _ in g.items])
    reported = sorted(m.reported for m in mentions if m.reported)
    place_names = [place_key(p)[1] for p in g.places]
    return CanonicalEvent(
        id=f"{story or 'x'}/e{n}", story=story, type=g.type, source=_top(g.src), target=_top(g.tgt),
        date=_mode_value([date_value(d) for d in g.dates]), place=_mode_value(place_names),
        mentions=mentions, sources=len(indep), first_reported=reported[0] if reported else None,
        confidence=_confidence(g, indep, bool(conflicts)), contested=bool(conflicts), conflicts=conflicts)


def canonical_events(analyses: Iterable[Analysis], duplicates: Mapping[str, str] | None = None
                     ) -> tuple[CanonicalEvent, ...]:
    """Canonical events of a batch of analyses, story by story (an article without a story is its own).

    ``duplicates`` maps a copy's article id to its original (``StoryIndex.duplicates()``).
    """
    stories: dict[str, list[Analysis]] = {}
    for a in analyses:
        stories.setdefault(a.story or f"article:{a.article.id}", []).append(a)
    dups = duplicates or {}
    out: list[CanonicalEvent] = []
    for key, members in stories.items():
        story = None if key.startswith("article:") else key
        for n, g in enumerate(group_events(members), start=1):
            out.append(build_canonical(g, story, n, dups))
    return tuple(out)


__all__ = ["canonical_events", "group_events", "build_canonical"]
