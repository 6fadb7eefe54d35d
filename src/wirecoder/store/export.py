"""Export stored records to CSV or Parquet with DuckDB's COPY (no pyarrow needed).

Filters are bound as parameters like in :mod:`queries`; exports ignore
paging (limit/offset) because an export is the whole selection. The output
path is the one value COPY cannot take as a parameter, so it is validated and
quoted here: a local file whose folder exists, with a known format.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb

from ..errors import QueryError
from .queries import (EVENT_COLUMNS, EVENT_ORDER, QUOTE_COLUMNS, QUOTE_ORDER, EventFilter, QuoteFilter,
                      event_where, execute, quote_where)

FORMATS = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}

#: Tables that may be exported whole.
TABLES = ("runs", "articles", "actors", "events", "event_actors", "quotes", "timexes", "places",
          "quantities", "entities", "failures")

#: Sides flattened for CSV: names, codes and sectors joined in side order.
_SIDES = ("SELECT event_pk, "
          + ", ".join(f"string_agg({col}, '; ' ORDER BY position) FILTER (WHERE side = '{side}') "
                      f"AS {side}_{col}s" for side in ("source", "target") for col in ("name", "code", "sector"))
          + " FROM event_actors GROUP BY event_pk")


def target(path: str | Path, fmt: str | None = None) -> tuple[str, str]:
    """The output path as a quoted SQL literal and the format; QueryError when unusable."""
    raw = str(path)
    if not raw or "\x00" in raw:
        raise QueryError("export path is empty or holds a NUL character")
    if "://" in raw:
        raise QueryError(f"export writes local files only, got {raw!r}")
    p = Path(raw).expanduser().resolve()
    fmt = (fmt or FORMATS.get(p.suffix.lower(), "")).lower()
    if fmt not in ("csv", "parquet"):
        raise QueryError(f"unknown export format for {raw!r}: use .csv or .parquet (or say fmt=)")
    if p.is_dir():
        raise QueryError(f"export path {p} is a folder")
    if not p.parent.is_dir():
        raise QueryError(f"folder {p.parent} does not exist")
    return "'" + str(p).replace("'", "''") + "'", fmt


def _options(fmt: str) -> str:
    return "(FORMAT csv, HEADER true)" if fmt == "csv" else "(FORMAT parquet, COMPRESSION zstd)"


def _copy(con: duckdb.DuckDBPyConnection, select: str, params: list, path: str | Path,
          fmt: str | None, timeout: float | None) -> int:
    literal, fmt = target(path, fmt)
    _, rows = execute(con, f"COPY ({select}) TO {literal} {_options(fmt)}", params, timeout)
    return int(rows[0][0]) if rows else 0


def export_events(con: duckdb.DuckDBPyConnection, path: str | Path, flt: EventFilter | None = None,
                  fmt: str | None = None, timeout: float | None = None) -> int:
    """Write the filtered events, one flat row each (sides joined with '; '); return the row count."""
    f = replace(flt or EventFilter(), limit=None, offset=0)
    where, params = event_where(f)
    side_cols = ", ".join(f"s.{side}_{col}s" for side in ("source", "target") for col in ("name", "code", "sector"))
    select = (f"SELECT {', '.join(EVENT_COLUMNS)}, {side_cols} FROM events e "
              f"JOIN articles a ON a.pk = e.article_pk LEFT JOIN ({_SIDES}) s ON s.event_pk = e.pk"
              f"{where}{EVENT_ORDER}")
    return _copy(con, select, params, path, fmt, timeout)


def export_quotes(con: duckdb.DuckDBPyConnection, path: str | Path, flt: QuoteFilter | None = None,
                  fmt: str | None = None, timeout: float | None = None) -> int:
    f = replace(flt or QuoteFilter(), limit=None, offset=0)
    where, params = quote_where(f)
    select = (f"SELECT {', '.join(QUOTE_COLUMNS)} FROM quotes q JOIN articles a ON a.pk = q.article_pk"
              f"{where}{QUOTE_ORDER}")
    return _copy(con, select, params, path, fmt, timeout)


def export_table(con: duckdb.DuckDBPyConnection, table: str, path: str | Path, fmt: str | None = None,
                 timeout: float | None = None) -> int:
    """Write one whole table (one of TABLES)."""
    if table not in TABLES:
        raise QueryError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    return _copy(con, f"SELECT * FROM {table}", [], path, fmt, timeout)
