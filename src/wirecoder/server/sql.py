"""The server's read queries beyond the store's event and quote lists.

Aggregations (actors, dyads, time lines, network, locations) and the export
column sets. As in :mod:`wirecoder.store.queries`, SQL text is built only
from this module's constants and whitelisted choices; every value a client
sends is a bound parameter.
"""
from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from ..store.queries import EVENT_COLUMNS, EventFilter, event_where

#: PLOVER quad classes, numbered as in CAMEO/GDELT's QuadClass.
QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}

#: Time buckets a client may ask for, each the DuckDB date_trunc part it maps to.
INTERVALS = {"day": "day", "week": "week", "month": "month", "year": "year"}


def _quad_of_root(root: int) -> int:
    """CAMEO's own grouping of its 20 root codes into the four quad classes."""
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@cache
def type_quads() -> dict[str, int]:
    """PLOVER type -> quad class, from the CAMEO root each type maps to in the ontology."""
    doc = json.loads((files("wirecoder") / "data" / "events" / "ontology.json").read_text("utf-8"))
    return {t: _quad_of_root(int(spec["cameo"][:2])) for t, spec in doc["types"].items()}


def types_of_quads(quads: tuple[int, ...]) -> tuple[str, ...]:
    q = set(quads)
    return tuple(sorted(t for t, n in type_quads().items() if n in q))


def quad_case(column: str = "e.type") -> str:
    """A SQL CASE giving the quad class of ``column`` (types are this module's constants)."""
    arms = " ".join(f"WHEN '{t}' THEN {n}" for t, n in sorted(type_quads().items()))
    return f"CASE {column} {arms} END"


def _from_events(f: EventFilter) -> tuple[str, list[Any]]:
    """FROM + WHERE over filtered events; articles are joined only when the filter needs them."""
    where, params = event_where(f)
    join = " JOIN articles a ON a.pk = e.article_pk" if f.article_id else ""
    return f" FROM events e{join}{where}", params


def _and(where_sql: str) -> str:
    return " AND " if " WHERE " in where_sql else " WHERE "


# ------------------------------------------------------------------ summaries
STATS = ("SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events, "
         "(SELECT count(*) FROM quotes) AS quotes, (SELECT count(DISTINCT name) FROM event_actors) AS actors, "
         "(SELECT min(event_day) FROM events) AS first_day, (SELECT max(event_day) FROM events) AS last_day")


def actors_sql(q: str | None, code: str | None, sector: str | None, side: str | None,
               limit: int, offset: int) -> tuple[str, list[Any]]:
    """Actors on event sides, most active first (events: side mentions), as source and as target."""
    conds, params = [], []
    if q:
        conds.append("contains(lower(ea.name), lower(?))")
        params.append(q)
    if code:
        conds.append("ea.code = ?")
        params.append(code.upper())
    if sector:
        conds.append("ea.sector = ?")
        params.append(sector.upper())
    if side:
        conds.append("ea.side = ?")
        params.append(side)
    where = " WHERE " + " AND ".join(conds) if conds else ""
    sql = ("SELECT ea.name, ea.code, ea.sector, count(*) AS events, "
           "count(*) FILTER (WHERE ea.side = 'source') AS as_source, "
           "count(*) FILTER (WHERE ea.side = 'target') AS as_target "
           f"FROM event_actors ea{where} GROUP BY ea.name, ea.code, ea.sector "
           "ORDER BY events DESC, ea.name, ea.code NULLS LAST LIMIT ? OFFSET ?")
    return sql, params + [limit, offset]


def articles_sql(q: str | None, source: str | None, date_from, date_to,
                 limit: int, offset: int) -> tuple[str, list[Any]]:
    conds, params = [], []
    if q:
        conds.append("contains(lower(coalesce(a.title, '')), lower(?))")
        params.append(q)
    if source:
        conds.append("contains(lower(coalesce(a.source, '')), lower(?))")
        params.append(source)
    if date_from:
        conds.append("a.date >= ?")
        params.append(date_from)
    if date_to:
        conds.append("a.date <= ?")
        params.append(date_to)
    where = " WHERE " + " AND ".join(conds) if conds else ""
    sql = ("SELECT a.id, a.title, a.date, a.url, a.source, length(a.text) AS chars, "
           "(SELECT count(*) FROM events e WHERE e.article_pk = a.pk) AS events, "
           "(SELECT count(*) FROM quotes qt WHERE qt.article_pk = a.pk) AS quotes "
           f"FROM (SELECT * FROM articles a{where} ORDER BY a.date DESC NULLS LAST, a.pk DESC "
           "LIMIT ? OFFSET ?) a ORDER BY a.date DESC NULLS LAST, a.pk DESC")
    return sql, params + [limit, offset]


ARTICLE = ("SELECT pk, id, title, date, url, source, origin, language, story, pipeline, ingested_at, text "
           "FROM articles WHERE id = ? ORDER BY pk DESC LIMIT 1")
ARTICLE_ACTORS = ("SELECT actor_id, name, kind, code, sector, igo, role, mentions FROM actors "
                  "WHERE article_pk = ? ORDER BY actor_id")
ARTICLE_PLACES = ("SELECT idx, char_start, char_end, text, name, country, lat, lon, kind FROM places "
                  "WHERE article_pk = ? ORDER BY idx")
ARTICLE_TIMEXES = ("SELECT idx, char_start, char_end, text, type, value, precision FROM timexes "
                   "WHERE article_pk = ? ORDER BY idx")


def speakers_sql(q: str | None, date_from, date_to, limit: int, offset: int) -> tuple[str, list[Any]]:
    """Quote speakers, most quoted first."""
    conds, params = ["qt.speaker IS NOT NULL"], []
    if q:
        conds.append("contains(lower(qt.speaker), lower(?))")
        params.append(q)
    if date_from or date_to:
        conds.append("qt.article_pk IN (SELECT pk FROM articles WHERE (? IS NULL OR date >= ?) "
                     "AND (? IS NULL OR date <= ?))")
        params += [date_from, date_from, date_to, date_to]
    sql = ("SELECT qt.speaker, any_value(qt.speaker_code) AS speaker_code, count(*) AS quotes, "
           "count(DISTINCT qt.article_pk) AS articles "
           f"FROM quotes qt WHERE {' AND '.join(conds)} GROUP BY qt.speaker "
           "ORDER BY quotes DESC, qt.speaker LIMIT ? OFFSET ?")
    return sql, params + [limit, offset]


# ------------------------------------------------------------------ aggregations over filtered events
def _side_match(alias: str, by: str) -> str:
    return f"{alias}.code = ?" if by == "code" else f"lower({alias}.name) = ?"


def dyad_sql(f: EventFilter, a: str, b: str, by: str, interval: str) -> tuple[str, list[Any]]:
    """Counts and mean Goldstein per period, a->b and b->a (an event counts once per direction)."""
    part = INTERVALS[interval]
    a, b = (a.upper(), b.upper()) if by == "code" else (a.lower(), b.lower())
    src, tgt = _side_match("s", by), _side_match("t", by)
    from_sql, params = _from_events(f)
    sql = ("WITH pairs AS (SELECT DISTINCT s.event_pk, "
           f"CASE WHEN {src} AND {tgt} THEN 'a_to_b' ELSE 'b_to_a' END AS direction "
           "FROM event_actors s JOIN event_actors t ON t.event_pk = s.event_pk AND t.side = 'target' "
           f"WHERE s.side = 'source' AND (({src} AND {tgt}) OR ({src} AND {tgt}))) "
           f"SELECT date_trunc('{part}', e.event_day) AS period, p.direction, count(*) AS events, "
           "avg(e.goldstein) AS goldstein"
           f"{from_sql.replace(' FROM events e', ' FROM pairs p JOIN events e ON e.pk = p.event_pk', 1)}"
           f"{_and(from_sql)}e.event_day IS NOT NULL GROUP BY ALL ORDER BY period, p.direction")
    return sql, [a, b, a, b, b, a] + params


def timeline_sql(f: EventFilter, interval: str) -> tuple[str, list[Any]]:
    part = INTERVALS[interval]
    from_sql, params = _from_events(f)
    sql = (f"SELECT date_trunc('{part}', e.event_day) AS period, e.type, count(*) AS events, "
           f"avg(e.goldstein) AS goldstein{from_sql}{_and(from_sql)}e.event_day IS NOT NULL "
           "GROUP BY ALL ORDER BY period, e.type")
    return sql, params


def network_sql(f: EventFilter, limit: int) -> tuple[str, list[Any]]:
    """Weighted directed edges source actor -> target actor (keyed by code, else name)."""
    from_sql, params = _from_events(f)
    key = "coalesce({0}.code, {0}.name)"
    sql = (f"WITH ev AS (SELECT e.pk, e.goldstein, e.event_day{from_sql}) "
           f"SELECT {key.format('s')} AS source, {key.format('t')} AS target, count(DISTINCT ev.pk) AS events, "
           "count(DISTINCT ev.pk) FILTER (WHERE ev.event_day IS NOT NULL) AS dated, "
           "avg(ev.goldstein) AS goldstein FROM ev "
           "JOIN event_actors s ON s.event_pk = ev.pk AND s.side = 'source' "
           "JOIN event_actors t ON t.event_pk = ev.pk AND t.side = 'target' "
           "GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?")
    return sql, params + [limit]


def locations_sql(f: EventFilter, limit: int) -> tuple[str, list[Any]]:
    """Event locations with coordinates, with how many events and which types happened there."""
    from_sql, params = _from_events(f)
    sql = ("SELECT e.location_name AS name, e.location_country AS country, e.location_lat AS lat, "
           "e.location_lon AS lon, count(*) AS events, list(DISTINCT e.type ORDER BY e.type) AS types, "
           f"avg(e.goldstein) AS goldstein{from_sql}{_and(from_sql)}e.location_lat IS NOT NULL "
           "AND e.location_lon IS NOT NULL GROUP BY ALL ORDER BY events DESC, name LIMIT ?")
    return sql, params + [limit]


def place_mentions_sql(f: EventFilter, limit: int) -> tuple[str, list[Any]]:
    """Places mentioned in the articles of the filtered events (the map's fallback layer)."""
    from_sql, params = _from_events(f)
    sql = (f"WITH arts AS (SELECT DISTINCT e.article_pk{from_sql}) "
           "SELECT p.name, p.country, p.lat, p.lon, count(*) AS mentions, count(DISTINCT p.article_pk) AS articles "
           "FROM places p JOIN arts ON arts.article_pk = p.article_pk "
           "WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL AND NOT coalesce(p.adjectival, false) "
           "GROUP BY ALL ORDER BY mentions DESC, p.name LIMIT ?")
    return sql, params + [limit]


# ------------------------------------------------------------------ export column sets
_FIRST = ("(SELECT {col} FROM event_actors x WHERE x.event_pk = e.pk AND x.side = '{side}' "
          "ORDER BY x.position LIMIT 1)")


def _first(col: str, side: str) -> str:
    return _FIRST.format(col=col, side=side)


def gdelt_select(f: EventFilter) -> tuple[str, list[Any]]:
    """GDELT 2.0 event-table columns (the subset wirecoder can fill); Actor1/2 = first source/target."""
    where, params = event_where(f)
    cols = [
        "e.pk AS GLOBALEVENTID", "CAST(strftime(e.event_day, '%Y%m%d') AS INTEGER) AS SQLDATE",
        "CAST(strftime(e.event_day, '%Y%m') AS INTEGER) AS MonthYear", "year(e.event_day) AS Year",
        f"{_first('code', 'source')} AS Actor1Code", f"{_first('name', 'source')} AS Actor1Name",
        f"{_first('sector', 'source')} AS Actor1Type1Code",
        f"{_first('code', 'target')} AS Actor2Code", f"{_first('name', 'target')} AS Actor2Name",
        f"{_first('sector', 'target')} AS Actor2Type1Code",
        "1 AS IsRootEvent", "e.cameo AS EventCode", "left(e.cameo, 3) AS EventBaseCode",
        "left(e.cameo, 2) AS EventRootCode", f"{quad_case()} AS QuadClass", "e.goldstein AS GoldsteinScale",
        "1 AS NumMentions", "1 AS NumSources", "1 AS NumArticles",
        "e.location_name AS ActionGeo_FullName", "e.location_country AS ActionGeo_CountryCode",
        "e.location_lat AS ActionGeo_Lat", "e.location_lon AS ActionGeo_Long",
        "e.location_geonameid AS ActionGeo_FeatureID",
        "CAST(strftime(a.ingested_at, '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED",
        "coalesce(a.url, a.id) AS SOURCEURL", "e.type AS PloverType",
    ]
    return (f"SELECT {', '.join(cols)} FROM events e JOIN articles a ON a.pk = e.article_pk{where} "
            "ORDER BY e.event_day DESC NULLS LAST, e.pk DESC"), params


_SIDES = ("(SELECT list(struct_pack(name := x.name, code := x.code, sector := x.sector) ORDER BY x.position) "
          "FROM event_actors x WHERE x.event_pk = e.pk AND x.side = '{side}')")


def plover_select(f: EventFilter) -> tuple[str, list[Any]]:
    """One PLOVER-style JSON object per event (field names of the PLOVER/POLECAT event record)."""
    where, params = event_where(f)
    cols = [
        "e.pk AS event_id", "e.event_day AS event_date", "e.type AS event_type", "e.mode AS event_mode",
        "e.context AS event_context", f"{_first('name', 'source')} AS actor",
        f"{_first('code', 'source')} AS actor_country", f"{_first('sector', 'source')} AS actor_sector",
        f"{_first('name', 'target')} AS recipient", f"{_first('code', 'target')} AS recipient_country",
        f"{_first('sector', 'target')} AS recipient_sector",
        f"{_SIDES.format(side='source')} AS actors", f"{_SIDES.format(side='target')} AS recipients",
        f"{quad_case()} AS quad_code", "e.cameo AS cameo", "e.goldstein AS goldstein",
        "struct_pack(name := e.location_name, country := e.location_country, lat := e.location_lat, "
        "lon := e.location_lon, geonameid := e.location_geonameid) AS location",
        "e.negated AS negated", "e.hypothetical AS hypothetical", "e.future AS future",
        "e.confidence AS confidence", "e.evidence_text AS event_text", "a.id AS story_id",
        "a.date AS story_date", "a.title AS story_title", "a.url AS story_url", "a.source AS publisher",
    ]
    return (f"SELECT {', '.join(cols)} FROM events e JOIN articles a ON a.pk = e.article_pk{where} "
            "ORDER BY e.event_day DESC NULLS LAST, e.pk DESC"), params


__all__ = ["QUADS", "INTERVALS", "type_quads", "types_of_quads", "EVENT_COLUMNS"]
