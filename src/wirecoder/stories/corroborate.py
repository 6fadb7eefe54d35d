"""What the sources of one canonical event disagree on: modality, numbers, sides, date, place.

Silence is not disagreement: a report that gives no number, no date or no
place makes no claim about it. A more precise value that fits a vaguer one
("2022-01-12" within "2022-01", Geneva within Switzerland, USA and GBR
besides USA) is not a conflict either.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..records import ActorRef, Event, PlaceMention
from .records import Claim, ClaimField, Conflict, Modality

NUMBER_FIELDS: tuple[ClaimField, ...] = ("size", "dead", "injured", "arrested")
NUMBER_TOLERANCE = 0.05  # 100,000 vs 102,000 is rounding; 100,000 vs 127,000 is a different claim


def modality(e: Event) -> Modality:
    """Denied when negated, possible when hypothetical (a threat, a plan, a condition), else asserted."""
    if e.negated:
        return "denied"
    if e.hypothetical:
        return "possible"
    return "asserted"


def side_key(r: ActorRef) -> str:
    """A side's identity: its IGO, else its country code, else its lower-cased name."""
    if r.igo:
        return r.igo.upper()
    if r.code and r.code != "IGO":
        return r.code
    return " ".join(r.name.lower().split())


def side_keys(refs: Iterable[ActorRef]) -> frozenset[str]:
    return frozenset(side_key(r) for r in refs)


def date_value(d: str) -> str:
    return d.strip()


def place_key(p: PlaceMention) -> tuple[str | None, str, str | None, str | None]:
    """(geonameid, display name, country, kind)."""
    pl = p.place
    return (str(pl.geonameid) if pl.geonameid else None, pl.name, pl.country, pl.kind)


def _claims(pairs: Iterable[tuple[str, str]]) -> tuple[Claim, ...]:
    by: dict[str, list[str]] = {}
    for value, aid in pairs:
        ids = by.setdefault(value, [])
        if aid not in ids:
            ids.append(aid)
    return tuple(Claim(v, tuple(ids)) for v, ids in by.items())


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _numbers_conflict(values: list[float]) -> bool:
    lo, hi = min(values), max(values)
    return hi - lo > NUMBER_TOLERANCE * max(abs(hi), abs(lo), 1e-9)


def _dates_conflict(values: list[str]) -> bool:
    """Two dates conflict unless one is a prefix of the other (a month contains its days)."""
    vs = sorted(set(values), key=len)
    return any(not b.startswith(a) for i, a in enumerate(vs) for b in vs[i + 1:])


def _places_conflict(places: list[PlaceMention]) -> bool:
    keys = [place_key(p) for p in places]
    for i, (gid_a, name_a, ctry_a, kind_a) in enumerate(keys):
        for gid_b, name_b, ctry_b, kind_b in keys[i + 1:]:
            if (gid_a and gid_a == gid_b) or name_a.lower() == name_b.lower():
                continue
            if (kind_a == "country" or kind_b == "country") and ctry_a and ctry_a == ctry_b:
                continue  # a city within the country the other report names
            return True
    return False


def _sides_conflict(sets: list[frozenset[str]]) -> bool:
    """Sides conflict when two reports name sides with nothing in common."""
    named = [s for s in sets if s]
    return any(not (a & b) for i, a in enumerate(named) for b in named[i + 1:])


def conflicts_of(events: Sequence[Event], article_ids: Sequence[str]) -> tuple[Conflict, ...]:
    """The fields on which these reports of one event differ, each with its claims side by side."""
    out: list[Conflict] = []
    mods = [(modality(e), aid) for e, aid in zip(events, article_ids)]
    if len({m for m, _ in mods}) > 1:
        out.append(Conflict("modality", _claims(mods)))
    for f in NUMBER_FIELDS:
        vals = [(getattr(e, f), aid) for e, aid in zip(events, article_ids) if getattr(e, f) is not None]
        if len(vals) > 1 and _numbers_conflict([v for v, _ in vals]):
            out.append(Conflict(f, _claims((_num(v), aid) for v, aid in vals)))
    for f in ("source", "target"):
        sets = [(side_keys(getattr(e, f)), aid) for e, aid in zip(events, article_ids)]
        if _sides_conflict([s for s, _ in sets]):
            claims = _claims((" + ".join(sorted(s)), aid) for s, aid in sets if s)
            out.append(Conflict(f, claims))  # type: ignore[arg-type]
    dates = [(e.date, aid) for e, aid in zip(events, article_ids) if e.date]
    if len(dates) > 1 and _dates_conflict([d for d, _ in dates]):
        out.append(Conflict("date", _claims(dates)))  # type: ignore[arg-type]
    places = [(e.location, aid) for e, aid in zip(events, article_ids) if e.location is not None]
    if len(places) > 1 and _places_conflict([p for p, _ in places]):  # type: ignore[misc]
        out.append(Conflict("place", _claims((p.place.name, aid) for p, aid in places)))  # type: ignore[union-attr]
    return tuple(out)
