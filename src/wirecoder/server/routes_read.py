"""Read-only API routes: events, actors, quotes, articles and the aggregations the dashboard draws."""
from __future__ import annotations

from datetime import date as Date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from ..errors import NotFound
from ..store.queries import QuoteFilter, execute, find_events, find_quotes, rows_as_dicts
from . import sql
from .database import Database
from .eventpage import find_events_fast
from . import projection
from .params import EventParams, Limit, Offset, Text, page

router = APIRouter(prefix="/api", tags=["read"])
Interval = Literal["day", "week", "month", "year"]


def db(request: Request) -> Database:
    return request.app.state.db


DB = Annotated[Database, Depends(db)]
Events = Annotated[EventParams, Depends()]


@router.get("/stats", summary="Row counts, the date range of events, PLOVER types and quad classes")
def stats(database: DB) -> dict[str, Any]:
    row = database.query(sql.STATS)[0]
    return {**row, "types": sql.type_quads(), "quads": sql.QUADS}


@router.get("/events", summary="Filtered events, newest first, each with its sides")
def events(database: DB, f: Events, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    if f.empty:
        return page([], limit, offset)
    with database.reader() as cur:
        rows = find_events_fast(cur, f.filter(limit + 1, offset), database.timeout)
    for r in rows:
        r["quad"] = sql.type_quads().get(r["type"])
    return page(rows, limit, offset)


@router.get("/events/{event_id}", summary="One event with its sides")
def event(database: DB, event_id: int) -> dict[str, Any]:
    with database.reader() as cur:
        _, rows = execute(cur, "SELECT a.id FROM events e JOIN articles a ON a.pk = e.article_pk WHERE e.pk = ?",
                          [event_id], database.timeout)
        if not rows:
            raise NotFound(f"no event {event_id}", item=str(event_id))
        found = find_events(cur, EventParams(article=rows[0][0]).filter(None), database.timeout)
    for r in found:
        if r["event_id"] == event_id:
            r["quad"] = sql.type_quads().get(r["type"])
            return r
    raise NotFound(f"no event {event_id}", item=str(event_id))


@router.get("/actors", summary="Actors on event sides, most active first")
def actors(database: DB, q: Text = None, code: Annotated[str | None, Query(max_length=40)] = None,
           sector: Annotated[str | None, Query(max_length=40)] = None,
           side: Literal["source", "target"] | None = None,
           limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    query, params = sql.actors_sql(q, code, sector, side, limit + 1, offset)
    return page(database.query(query, params), limit, offset)


@router.get("/quotes", summary="Quotes, newest articles first")
def quotes(database: DB, speaker: Text = None, speaker_code: Annotated[str | None, Query(max_length=40)] = None,
           date_from: Date | None = None, date_to: Date | None = None, q: Text = None,
           direct: bool | None = None, article: Annotated[str | None, Query(max_length=2000)] = None,
           limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    flt = QuoteFilter(speaker=speaker, speaker_code=speaker_code, date_from=date_from, date_to=date_to,
                      text=q, direct=direct, article_id=article, limit=limit + 1, offset=offset)
    with database.reader() as cur:
        rows = find_quotes(cur, flt, database.timeout)
    return page(rows, limit, offset)


@router.get("/speakers", summary="Quote speakers, most quoted first")
def speakers(database: DB, q: Text = None, date_from: Date | None = None, date_to: Date | None = None,
             limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    query, params = sql.speakers_sql(q, date_from, date_to, limit + 1, offset)
    return page(database.query(query, params), limit, offset)


@router.get("/articles", summary="Stored articles, newest first, with their event and quote counts")
def articles(database: DB, q: Text = None, source: Text = None, date_from: Date | None = None,
             date_to: Date | None = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    query, params = sql.articles_sql(q, source, date_from, date_to, limit + 1, offset)
    return page(database.query(query, params), limit, offset)


@router.get("/articles/{article_id:path}", summary="One article with its text and every record found in it")
def article(database: DB, article_id: str) -> dict[str, Any]:
    with database.reader() as cur:
        names, rows = execute(cur, sql.ARTICLE, [article_id], database.timeout)
        if not rows:
            raise NotFound(f"no article {article_id!r}", item=article_id)
        art = rows_as_dicts(names, rows)[0]
        pk = art.pop("pk")
        out: dict[str, Any] = {"article": art}
        for key, query in (("actors", sql.ARTICLE_ACTORS), ("places", sql.ARTICLE_PLACES),
                           ("timexes", sql.ARTICLE_TIMEXES)):
            out[key] = rows_as_dicts(*execute(cur, query, [pk], database.timeout))
        out["events"] = find_events(cur, EventParams(article=article_id).filter(None), database.timeout)
        out["quotes"] = find_quotes(cur, QuoteFilter(article_id=article_id, limit=None), database.timeout)
    for e in out["events"]:
        e["quad"] = sql.type_quads().get(e["type"])
    return out


@router.get("/dyads", summary="Events between two actors per period, both directions, with mean Goldstein")
def dyads(database: DB, f: Events,
          a: Annotated[str, Query(min_length=1, max_length=200, description="first actor (code, or name with by=name)")],
          b: Annotated[str, Query(min_length=1, max_length=200, description="second actor")],
          by: Literal["code", "name"] = "code", interval: Interval = "month") -> dict[str, Any]:
    series: dict[str, dict[str, Any]] = {}
    if not f.empty:
        flt = f.filter()
        # The projection answers code dyads filtered by type and dates; anything else reads the store.
        others = {k: v for k, v in f.values.items() if k not in ("types", "date_from", "date_to") and v is not None}
        if by == "code" and not others and database.projection:
            query, params = projection.dyad_sql(a.strip().upper(), b.strip().upper(), sql.INTERVALS[interval],
                                                flt.types, flt.date_from, flt.date_to)
        else:
            query, params = sql.dyad_sql(flt, a.strip(), b.strip(), by, interval)
        for r in database.query(query, params):
            key = r["period"].isoformat()
            slot = series.setdefault(key, {"period": key, "a_to_b": {"events": 0, "goldstein": None},
                                           "b_to_a": {"events": 0, "goldstein": None}})
            slot[r["direction"]] = {"events": r["events"], "goldstein": r["goldstein"]}
    out = list(series.values())
    for s in out:
        n = s["a_to_b"]["events"] + s["b_to_a"]["events"]
        g = sum((s[d]["goldstein"] or 0) * s[d]["events"] for d in ("a_to_b", "b_to_a")
                if s[d]["goldstein"] is not None)
        s["total"] = {"events": n, "goldstein": g / n if n else None}
    return {"a": a, "b": b, "by": by, "interval": interval, "series": out}


@router.get("/timeline", summary="Filtered events per period and PLOVER type")
def timeline(database: DB, f: Events, interval: Interval = "month") -> dict[str, Any]:
    rows = [] if f.empty else database.query(*sql.timeline_sql(f.filter(), interval))
    for r in rows:
        r["period"] = r["period"].isoformat()
    return {"interval": interval, "items": rows}


@router.get("/network", summary="Who acts on whom: weighted edges between actors (code, else name)")
def network(database: DB, f: Events,
            limit: Annotated[int, Query(ge=1, le=2000, description="most edges")] = 200) -> dict[str, Any]:
    edges = [] if f.empty else database.query(*sql.network_sql(f.filter(), limit))
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for key, role in (("source", "out"), ("target", "in")):
            n = nodes.setdefault(e[key], {"id": e[key], "out": 0, "in": 0})
            n[role] += e["events"]
    return {"nodes": list(nodes.values()), "edges": edges}


@router.get("/locations", summary="Event locations with coordinates, and places named in the same articles")
def locations(database: DB, f: Events,
              limit: Annotated[int, Query(ge=1, le=5000, description="most points per layer")] = 500) -> dict[str, Any]:
    if f.empty:
        return {"events": [], "mentions": []}
    flt = f.filter()
    return {"events": database.query(*sql.locations_sql(flt, limit)),
            "mentions": database.query(*sql.place_mentions_sql(flt, limit))}
