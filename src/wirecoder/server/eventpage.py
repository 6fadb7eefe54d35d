"""One page of filtered events, newest first, fast on stores of millions of events.

The store's ``find_events`` filters, sorts and pages the whole table; over
10 M events a page with an actor filter costs seconds, mostly scanning
``event_actors`` whole. Here the newest window of days is searched first
(30 days, then 4x wider each round, up to the whole range): events are
ordered by day, so when a window holds more matches than the page needs,
no event outside it can be on the page, and the answer is exact. Within a
window, the actor condition is restricted to the window's range of event
keys, so DuckDB skips the ``event_actors`` row groups outside it (rows are
stored as ingested, which follows time closely in a news store; where it
does not, the range is wider and the answer is still exact, only slower).
The page's rows are then read whole, with their sides, by key.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import duckdb

from ..store.queries import EVENT_COLUMNS, EventFilter, event_where, execute, rows_as_dicts

_FIRST_WINDOW_DAYS = 30
_GROWTH = 4
_ORDER = " ORDER BY e.event_day DESC NULLS LAST, e.pk DESC"


def _keys(con: duckdb.DuckDBPyConnection, f: EventFilter, n: int, pk_range: tuple[int, int] | None,
          timeout: float | None) -> list[int]:
    where, params = event_where(replace(f, actor_code=None, actor_name=None, sector=None, side=None))
    side_conds, side_params = [], []
    for cond, value in (("ea.side = ?", f.side), ("ea.code = ?", f.actor_code),
                        ("contains(lower(ea.name), lower(?))", f.actor_name), ("ea.sector = ?", f.sector)):
        if value:
            side_conds.append(cond)
            side_params.append(value)
    if side_conds:
        if pk_range:
            side_conds.append("ea.event_pk BETWEEN ? AND ?")
            side_params.extend(pk_range)
        where += (" AND " if where else " WHERE ") + \
            f"e.pk IN (SELECT ea.event_pk FROM event_actors ea WHERE {' AND '.join(side_conds)})"
        params = params + side_params
    join = " JOIN articles a ON a.pk = e.article_pk" if f.article_id else ""
    _, rows = execute(con, f"SELECT e.pk FROM events e{join}{where}{_ORDER} LIMIT ?", params + [n], timeout)
    return [r[0] for r in rows]


def page_keys(con: duckdb.DuckDBPyConnection, f: EventFilter, timeout: float | None = None) -> list[int]:
    """Keys of the page ``f`` asks for (``f.limit`` rows after ``f.offset``), in page order."""
    need = f.offset + (f.limit or 0)
    if f.limit is None:
        return _keys(con, f, 2**62, None, timeout)[f.offset:]
    _, rows = execute(con, "SELECT min(event_day), max(event_day) FROM events", [], timeout)
    first, last = rows[0]
    if first is None:
        return _keys(con, f, need, None, timeout)[f.offset:]
    top = min(last, f.date_to) if f.date_to else last
    bottom = max(first, f.date_from) if f.date_from else first
    days = _FIRST_WINDOW_DAYS
    while True:
        lo = top - timedelta(days=days - 1)
        if lo <= bottom:
            return _keys(con, f, need, None, timeout)[f.offset:]  # the whole range (and undated events)
        window = replace(f, date_from=lo, date_to=top)
        _, rng = execute(con, "SELECT min(pk), max(pk) FROM events WHERE event_day BETWEEN ? AND ?",
                         [lo, top], timeout)
        if rng[0][0] is not None:
            keys = _keys(con, window, need, (rng[0][0], rng[0][1]), timeout)
            if len(keys) >= need:
                return keys[f.offset:]
        days *= _GROWTH


def find_events_fast(con: duckdb.DuckDBPyConnection, f: EventFilter,
                     timeout: float | None = None) -> list[dict[str, Any]]:
    """The same rows as the store's ``find_events`` (same columns, sides and order)."""
    keys = page_keys(con, f, timeout)
    if not keys:
        return []
    # Three reads by key (events, their articles, their sides), each one a short range scan;
    # a single join over the page costs ten times more on a large store.
    ev_cols = [c for c in EVENT_COLUMNS if c.startswith("e.")]
    art_cols = [c for c in EVENT_COLUMNS if c.startswith("a.")]
    lo, hi = min(keys), max(keys)
    names, rows = execute(con, f"SELECT {', '.join(ev_cols)}, e.article_pk AS _article FROM events e "
                          "WHERE e.pk BETWEEN ? AND ? AND e.pk = ANY(?::BIGINT[])", [lo, hi, keys], timeout)
    events = {r["event_id"]: r for r in rows_as_dicts(names, rows)}
    art_keys = sorted({r["_article"] for r in events.values()})
    names, rows = execute(con, f"SELECT a.pk AS _pk, {', '.join(art_cols)} FROM articles a "
                          "WHERE a.pk BETWEEN ? AND ? AND a.pk = ANY(?::BIGINT[])",
                          [art_keys[0], art_keys[-1], art_keys], timeout)
    articles = {r.pop("_pk"): r for r in rows_as_dicts(names, rows)}
    names, rows = execute(con, "SELECT event_pk, side, name, code, sector, igo, actor_id, span_start, span_end "
                          "FROM event_actors WHERE event_pk BETWEEN ? AND ? AND event_pk = ANY(?::BIGINT[]) "
                          "ORDER BY event_pk, side, position", [lo, hi, keys], timeout)
    sides: dict[int, dict[str, list]] = {}
    for r in rows_as_dicts(names, rows):
        pk, side = r.pop("event_pk"), r.pop("side")
        sides.setdefault(pk, {"source": [], "target": []})[side].append(_side(r))
    order = [c.rsplit(" AS ", 1)[-1].split(".")[-1] for c in EVENT_COLUMNS]
    out = []
    for k in keys:
        ev = events.get(k)
        if ev is None:
            continue
        merged = {**ev, **articles.get(ev.pop("_article"), {})}
        row = {name: merged.get(name) for name in order}
        row.update(sides.get(k, {"source": [], "target": []}))
        out.append(row)
    return out


def _side(s: dict[str, Any]) -> dict[str, Any]:
    start, end = s.pop("span_start"), s.pop("span_end")
    s["span"] = [start, end] if start is not None and end is not None else None
    return s
