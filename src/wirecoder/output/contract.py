"""Records -> the JSON output contract (one line per article).

The shape is the one ``../shared/eval/OUTPUT.md`` defines and the scorer
reads; extra fields are additions, never renames.
"""
from __future__ import annotations

from typing import Any

from ..records import (Actor, ActorRef, Analysis, Event, Failure, PlaceMention, Quantity, Quote,
                       TimeExpression)


def outcome_to_dict(outcome: Analysis | Failure) -> dict[str, Any]:
    return failure_to_dict(outcome) if isinstance(outcome, Failure) else analysis_to_dict(outcome)


def failure_to_dict(f: Failure) -> dict[str, Any]:
    return {"id": f.item, "error": f.reason, "error_code": f.code, "stage": f.stage,
            "retryable": f.retryable, "origin": f.origin}


def analysis_to_dict(a: Analysis) -> dict[str, Any]:
    art = a.article
    return {
        "id": art.id,
        "title": art.title,
        "date": art.date.isoformat() if art.date else None,
        "url": art.url,
        "source": art.source,
        "hash": art.hash,
        "events": [event_to_dict(e) for e in a.events],
        "labels": list(a.labels),
        "quotes": [quote_to_dict(q) for q in a.quotes],
        "timexes": [timex_to_dict(t) for t in a.timexes],
        "places": [place_mention_to_dict(p) for p in a.places],
        "entities": [{"start": e.start, "end": e.end, "label": e.label} for e in a.entities],
        "actors": [actor_to_dict(x) for x in a.actors],
        "quantities": [quantity_to_dict(q) for q in a.quantities],
        "story": a.story,
        "duplicate_of": a.duplicate_of,
        "pipeline": a.pipeline,
    }


def actor_ref_to_dict(r: ActorRef) -> dict[str, Any]:
    return {"name": r.name, "code": r.code, "sector": r.sector, "igo": r.igo, "actor_id": r.actor_id,
            "span": list(r.span) if r.span else None}


def place_to_dict(p: PlaceMention | None, with_span: bool = False) -> dict[str, Any] | None:
    if p is None:
        return None
    pl = p.place
    d: dict[str, Any] = {"name": pl.name, "country": pl.country, "lat": pl.lat, "lon": pl.lon,
                         "geonameid": pl.geonameid, "kind": pl.kind}
    if with_span:
        d.update(start=p.start, end=p.end, text=p.text, metonym=p.metonym,
                 adjectival=p.adjectival)
    else:
        d.update(start=p.start, end=p.end)  # the scorer matches event locations by span too
    return d


def place_mention_to_dict(p: PlaceMention) -> dict[str, Any]:
    return place_to_dict(p, with_span=True)  # type: ignore[return-value]


def event_to_dict(e: Event) -> dict[str, Any]:
    return {
        "type": e.type, "mode": e.mode, "context": e.context, "cameo": e.cameo, "goldstein": e.goldstein,
        "source": [actor_ref_to_dict(r) for r in e.source],
        "target": [actor_ref_to_dict(r) for r in e.target],
        "date": e.date, "date_precision": e.date_precision,
        "location": place_to_dict(e.location),
        "negated": e.negated, "hypothetical": e.hypothetical, "future": e.future, "historical": e.historical,
        "size": _num(e.size), "dead": _num(e.dead), "injured": _num(e.injured), "arrested": _num(e.arrested),
        "evidence": list(e.evidence), "trigger": list(e.trigger) if e.trigger else None,
        "confidence": e.confidence, "quote": e.quote_index,
    }


def quote_to_dict(q: Quote) -> dict[str, Any]:
    return {"start": q.start, "end": q.end, "speaker": q.speaker, "speaker_code": q.speaker_code,
            "speaker_actor_id": q.speaker_actor_id,
            "speaker_span": list(q.speaker_span) if q.speaker_span else None,
            "cue": list(q.cue) if q.cue else None, "direct": q.direct}


def timex_to_dict(t: TimeExpression) -> dict[str, Any]:
    return {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
            "precision": t.precision, "anchored": t.anchored}


def actor_to_dict(a: Actor) -> dict[str, Any]:
    return {"id": a.id, "name": a.name, "kind": a.kind, "code": a.code, "sector": a.sector, "igo": a.igo,
            "role": a.role, "mentions": [list(m) for m in a.mentions]}


def quantity_to_dict(q: Quantity) -> dict[str, Any]:
    return {"start": q.start, "end": q.end, "text": q.text, "value": _num(q.value), "unit": q.unit,
            "approx": q.approx}


def _num(x: float | None) -> int | float | None:
    """Whole numbers as ints (100000, not 100000.0)."""
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x
