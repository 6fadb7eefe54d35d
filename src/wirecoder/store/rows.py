"""Records -> table rows (plain dicts keyed by column name).

Pure functions: the writer decides keys and transactions, this module only
flattens one :class:`Analysis` (or :class:`Failure`) into the rows of the
normalised tables. Column names here must exist in ``schema.sql``; a test
checks every one of them.
"""
from __future__ import annotations

import math
from datetime import date as Date
from datetime import datetime
from typing import Any

from ..records import Analysis, Event, Failure

Row = dict[str, Any]

#: The tables the writer fills from one analysis, in insertion order.
CHILD_TABLES = ("actors", "events", "event_actors", "quotes", "timexes", "places", "quantities", "entities")

#: Columns each staged table receives (the rest take their defaults).
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("pk", "id", "hash", "title", "date", "url", "source", "origin", "text", "pipeline",
                 "run_id", "ingested_at", "language", "story", "duplicate_of"),
    "actors": ("article_pk", "actor_id", "name", "kind", "code", "sector", "igo", "role", "mentions"),
    "events": ("pk", "article_pk", "idx", "type", "mode", "context", "cameo", "goldstein", "date",
               "date_precision", "event_day", "location_name", "location_country", "location_lat",
               "location_lon", "location_geonameid", "location_kind", "location_start", "location_end",
               "negated", "hypothetical", "future", "historical", "size", "dead", "injured", "arrested",
               "evidence_start", "evidence_end", "trigger_start", "trigger_end", "evidence_text",
               "confidence", "quote_index"),
    "event_actors": ("event_pk", "side", "position", "name", "code", "sector", "igo", "actor_id",
                     "span_start", "span_end"),
    "quotes": ("article_pk", "idx", "char_start", "char_end", "text", "speaker", "speaker_code",
               "speaker_actor_id", "speaker_start", "speaker_end", "cue_start", "cue_end", "direct"),
    "timexes": ("article_pk", "idx", "char_start", "char_end", "text", "type", "value", "precision",
                "anchored"),
    "places": ("article_pk", "idx", "char_start", "char_end", "text", "name", "country", "lat", "lon",
               "geonameid", "kind", "metonym", "adjectival"),
    "quantities": ("article_pk", "idx", "char_start", "char_end", "text", "value", "unit", "approx",
                   "head_start", "head_end"),
    "entities": ("article_pk", "idx", "char_start", "char_end", "label"),
    "failures": ("run_id", "item", "code", "reason", "stage", "retryable", "origin", "failed_at"),
    "canonical_events": ("id", "story", "type", "source", "target", "date", "place", "mentions", "sources",
                         "first_reported", "confidence", "contested", "computed_at"),
    "canonical_mentions": ("canonical_id", "story", "position", "article_pk", "event_pk", "article_id", "outlet",
                           "reported", "duplicate_of", "modality", "evidence_start", "evidence_end"),
    "canonical_claims": ("canonical_id", "story", "field", "position", "value", "article_ids"),
}

#: Derived tables, recomputed per story (canonical_store.py).
CANONICAL_TABLES = ("canonical_events", "canonical_mentions", "canonical_claims")


def num(x: float | None) -> float | None:
    """JSON cannot carry NaN or infinities; they are stored as NULL."""
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def _lo(span: tuple[int, int] | None) -> int | None:
    return span[0] if span else None


def _hi(span: tuple[int, int] | None) -> int | None:
    return span[1] if span else None


def event_day(stated: str | None, dateline: Date | None) -> Date | None:
    """The day an event is counted on: the first day of its stated date, else the dateline."""
    if stated:
        parts = stated.split("-")
        try:
            year = int(parts[0])
            if len(parts) > 1 and parts[1][:1] == "W":  # ISO week "2022-W03"
                return Date.fromisocalendar(year, int(parts[1][1:3]), 1)
            if len(parts) > 1 and parts[1][:1] == "Q":  # quarter "2022-Q1"
                return Date(year, 3 * int(parts[1][1:2]) - 2, 1)
            month = int(parts[1]) if len(parts) > 1 else 1
            day = int(parts[2][:2]) if len(parts) > 2 else 1
            return Date(year, month, day)
        except (ValueError, IndexError):
            pass  # "197X", "2022-SU", ...: not a calendar day; fall back to the dateline
    return dateline


def article_row(a: Analysis, pk: int, run_id: int | None, at: datetime) -> Row:
    art = a.article
    return {"pk": pk, "id": art.id, "hash": art.hash, "title": art.title,
            "date": art.date.isoformat() if art.date else None, "url": art.url, "source": art.source,
            "origin": art.origin, "text": art.text, "pipeline": a.pipeline or None, "run_id": run_id,
            "ingested_at": at.isoformat(), "language": art.language, "story": a.story,
            "duplicate_of": a.duplicate_of}


def event_rows(ev: Event, idx: int, pk: int, article_pk: int, text: str,
               dateline: Date | None) -> tuple[Row, list[Row]]:
    loc = ev.location
    place = loc.place if loc else None
    day = event_day(ev.date, dateline)
    row = {
        "pk": pk, "article_pk": article_pk, "idx": idx, "type": ev.type, "mode": ev.mode,
        "context": ev.context, "cameo": ev.cameo, "goldstein": num(ev.goldstein), "date": ev.date,
        "date_precision": ev.date_precision, "event_day": day.isoformat() if day else None,
        "location_name": place.name if place else None, "location_country": place.country if place else None,
        "location_lat": num(place.lat) if place else None, "location_lon": num(place.lon) if place else None,
        "location_geonameid": place.geonameid if place else None, "location_kind": place.kind if place else None,
        "location_start": loc.start if loc else None, "location_end": loc.end if loc else None,
        "negated": ev.negated, "hypothetical": ev.hypothetical, "future": ev.future,
        "historical": ev.historical, "size": num(ev.size), "dead": num(ev.dead),
        "injured": num(ev.injured), "arrested": num(ev.arrested),
        "evidence_start": ev.evidence[0], "evidence_end": ev.evidence[1],
        "trigger_start": _lo(ev.trigger), "trigger_end": _hi(ev.trigger),
        "evidence_text": text[ev.evidence[0]:ev.evidence[1]], "confidence": num(ev.confidence),
        "quote_index": ev.quote_index,
    }
    sides = [{"event_pk": pk, "side": side, "position": pos, "name": ref.name, "code": ref.code,
              "sector": ref.sector, "igo": ref.igo, "actor_id": ref.actor_id,
              "span_start": _lo(ref.span), "span_end": _hi(ref.span)}
             for side, refs in (("source", ev.source), ("target", ev.target))
             for pos, ref in enumerate(refs)]
    return row, sides


def child_rows(a: Analysis, article_pk: int, event_pks: list[int]) -> dict[str, list[Row]]:
    """Every row one analysis adds below its article row; event_pks has one key per event."""
    text = a.article.text
    out: dict[str, list[Row]] = {t: [] for t in CHILD_TABLES}
    out["actors"] = [{"article_pk": article_pk, "actor_id": x.id, "name": x.name, "kind": x.kind,
                      "code": x.code, "sector": x.sector, "igo": x.igo, "role": x.role,
                      "mentions": [list(m) for m in x.mentions]} for x in a.actors]
    for idx, (ev, pk) in enumerate(zip(a.events, event_pks, strict=True)):
        row, sides = event_rows(ev, idx, pk, article_pk, text, a.article.date)
        out["events"].append(row)
        out["event_actors"].extend(sides)
    out["quotes"] = [{"article_pk": article_pk, "idx": i, "char_start": q.start, "char_end": q.end,
                      "text": q.text or text[q.start:q.end], "speaker": q.speaker,
                      "speaker_code": q.speaker_code, "speaker_actor_id": q.speaker_actor_id,
                      "speaker_start": _lo(q.speaker_span), "speaker_end": _hi(q.speaker_span),
                      "cue_start": _lo(q.cue), "cue_end": _hi(q.cue), "direct": q.direct}
                     for i, q in enumerate(a.quotes)]
    out["timexes"] = [{"article_pk": article_pk, "idx": i, "char_start": t.start, "char_end": t.end,
                       "text": t.text, "type": t.type, "value": t.value, "precision": t.precision,
                       "anchored": t.anchored} for i, t in enumerate(a.timexes)]
    out["places"] = [{"article_pk": article_pk, "idx": i, "char_start": p.start, "char_end": p.end,
                      "text": p.text, "name": p.place.name, "country": p.place.country,
                      "lat": num(p.place.lat), "lon": num(p.place.lon), "geonameid": p.place.geonameid,
                      "kind": p.place.kind, "metonym": p.metonym,
                      "adjectival": getattr(p, "adjectival", False)} for i, p in enumerate(a.places)]
    out["quantities"] = [{"article_pk": article_pk, "idx": i, "char_start": q.start, "char_end": q.end,
                          "text": q.text, "value": num(q.value), "unit": q.unit, "approx": q.approx,
                          "head_start": _lo(q.head), "head_end": _hi(q.head)}
                         for i, q in enumerate(a.quantities)]
    out["entities"] = [{"article_pk": article_pk, "idx": i, "char_start": e.start, "char_end": e.end,
                        "label": e.label} for i, e in enumerate(a.entities)]
    return out


def failure_row(f: Failure, run_id: int | None, at: datetime) -> Row:
    return {"run_id": run_id, "item": f.item, "code": f.code, "reason": f.reason, "stage": f.stage,
            "retryable": f.retryable, "origin": f.origin, "failed_at": at.isoformat()}
