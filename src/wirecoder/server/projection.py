"""A dyad projection kept beside the store: (source code, target code, day, Goldstein, type), sorted.

A dyad time series over the normalised tables joins ``event_actors`` to
itself and to ``events``: seconds over 10 M events. Sorted by
(src, tgt, day) in a DuckDB file of its own (``X.dyads.duckdb`` beside
``X.duckdb``, about 7 bytes per event compressed), the same question reads
only the row groups of the two pairs: milliseconds. The server owns the
file: it is rebuilt when the store's events changed in a way appending
cannot follow, and extended with the new events after an API ingest. Only
coded sides (a country or IGO code) are projected; dyads by name use the
normalised tables.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

# Table names carry a version: a server with another layout rebuilds instead of misreading.
#: Events of the store as the projection last saw them: a changed count or key means refresh.
_MARKER = "SELECT count(*), coalesce(max(pk), 0) FROM store.events"
_ROWS = ("SELECT s.code AS src, t.code AS tgt, e.event_day AS day, e.goldstein, "
         "e.type, e.pk FROM store.event_actors s "
         "JOIN store.event_actors t ON t.event_pk = s.event_pk AND t.side = 'target' "
         "JOIN store.events e ON e.pk = s.event_pk "
         "WHERE s.side = 'source' AND s.code IS NOT NULL AND t.code IS NOT NULL AND e.event_day IS NOT NULL")


def sidecar_path(db: Path) -> Path:
    return db.with_name(db.stem + ".dyads.duckdb")


def refresh(con: duckdb.DuckDBPyConnection) -> str:
    """Bring ``proj.dyad_v2`` up to date with ``store`` (both attached to ``con``); says what it did."""
    count, max_pk = con.execute(_MARKER).fetchone()
    con.execute("CREATE TABLE IF NOT EXISTS proj.meta_v2 (events BIGINT, max_pk BIGINT)")
    seen = con.execute("SELECT events, max_pk FROM proj.meta_v2").fetchone()
    exists = con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = 'proj' "
                         "AND table_name = 'dyad_v2'").fetchone()[0]
    if seen == (count, max_pk) and exists:
        return "current"
    if seen and exists and seen[1] < max_pk:
        new = con.execute("SELECT count(*) FROM store.events WHERE pk > ?", [seen[1]]).fetchone()[0]
        if seen[0] + new == count:  # only appended since: extend (new rows sit unsorted at the end)
            con.execute(f"INSERT INTO proj.dyad_v2 {_ROWS} AND e.pk > ?", [seen[1]])
            _mark(con, count, max_pk)
            return "extended"
    con.execute("DROP TABLE IF EXISTS proj.dyad_v2")
    con.execute(f"CREATE TABLE proj.dyad_v2 AS {_ROWS} ORDER BY src, tgt, day")
    _mark(con, count, max_pk)
    return "rebuilt"


def _mark(con: duckdb.DuckDBPyConnection, count: int, max_pk: int) -> None:
    con.execute("DELETE FROM proj.meta_v2")
    con.execute("INSERT INTO proj.meta_v2 VALUES (?, ?)", [count, max_pk])
    con.execute("CHECKPOINT proj")


def dyad_sql(a: str, b: str, part: str, types: tuple[str, ...], date_from, date_to) -> tuple[str, list]:
    """Per period and direction: events and mean Goldstein, from the projection (codes upper-case)."""
    conds, params = [], []
    if types:
        conds.append(f"type IN ({', '.join('?' * len(types))})")
        params.extend(types)
    if date_from:
        conds.append("day >= ?")
        params.append(date_from)
    if date_to:
        conds.append("day <= ?")
        params.append(date_to)
    extra = "".join(" AND " + c for c in conds)
    # Two range reads (one per direction) keep each on its own sorted run of rows.
    one = (f"SELECT date_trunc('{part}', day) AS period, '{{d}}' AS direction, count(*) AS events, "
           f"avg(goldstein) AS goldstein FROM proj.dyad_v2 WHERE src = ? AND tgt = ?{extra} GROUP BY ALL")
    sql = f"{one.format(d='a_to_b')} UNION ALL {one.format(d='b_to_a')} ORDER BY period, direction"
    return sql, [a, b, *params, b, a, *params]
