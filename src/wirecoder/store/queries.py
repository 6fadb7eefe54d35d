"""Typed filters over stored events and quotes, run with a time limit.

Every value a caller gives is bound as a query parameter; the SQL text is
built only from this module's constants. A query that runs past ``timeout``
seconds is interrupted (``connection.interrupt()`` from a timer thread) and
raises :class:`QueryTimeout`, so an API can open the store read-only and
never hang on one request.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any, Literal

import duckdb

from ..errors import QueryError, QueryTimeout

#: The most rows one page may hold.
MAX_LIMIT = 10_000

Side = Literal["source", "target"]


def _as_date(value: Date | str | None, name: str) -> Date | None:
    if value is None or isinstance(value, Date):
        return value
    try:
        return Date.fromisoformat(str(value))
    except ValueError as exc:
        raise QueryError(f"{name} must be a date YYYY-MM-DD, got {value!r}") from exc


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _clean(text: str | None) -> str | None:
    """Empty or blank text filters mean 'no filter' (a blank query box)."""
    if text is None:
        return None
    text = text.strip()
    return text or None


def _check_paging(limit: int | None, offset: int) -> None:
    if limit is not None and not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    if offset < 0:
        raise QueryError(f"offset must not be negative, got {offset}")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to list. Unset fields do not filter.

    The actor fields (code, name, sector, side) must all hold for one side
    actor: ``actor_code="RUS", sector="MIL", side="source"`` means "a Russian
    military actor acted". Dates compare with ``event_day`` (the first day of
    the stated date, else the article's dateline). ``limit=None`` means all.
    """

    types: tuple[str, ...] = ()
    actor_code: str | None = None
    actor_name: str | None = None  # substring, case-insensitive
    sector: str | None = None
    side: Side | None = None
    date_from: Date | None = None
    date_to: Date | None = None
    text: str | None = None  # substring of the evidence text, case-insensitive
    negated: bool | None = None
    hypothetical: bool | None = None
    future: bool | None = None
    place: str | None = None  # substring of the location name, or its ISO3 country code
    article_id: str | None = None
    limit: int | None = 100
    offset: int = 0

    def __post_init__(self) -> None:
        s = object.__setattr__
        s(self, "types", tuple(t.strip().upper() for t in _as_tuple(self.types) if t.strip()))
        s(self, "actor_code", (_clean(self.actor_code) or "").upper() or None)
        s(self, "sector", (_clean(self.sector) or "").upper() or None)
        s(self, "actor_name", _clean(self.actor_name))
        s(self, "text", _clean(self.text))
        s(self, "place", _clean(self.place))
        s(self, "date_from", _as_date(self.date_from, "date_from"))
        s(self, "date_to", _as_date(self.date_to, "date_to"))
        if self.side not in (None, "source", "target"):
            raise QueryError(f"side must be 'source' or 'target', got {self.side!r}")
        _check_paging(self.limit, self.offset)


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """Which quotes to list; dates compare with the article's dateline."""

    speaker: str | None = None  # substring, case-insensitive
    speaker_code: str | None = None
    date_from: Date | None = None
    date_to: Date | None = None
    text: str | None = None  # substring of the quote, case-insensitive
    direct: bool | None = None
    article_id: str | None = None
    limit: int | None = 100
    offset: int = 0

    def __post_init__(self) -> None:
        s = object.__setattr__
        s(self, "speaker", _clean(self.speaker))
        s(self, "speaker_code", (_clean(self.speaker_code) or "").upper() or None)
        s(self, "text", _clean(self.text))
        s(self, "date_from", _as_date(self.date_from, "date_from"))
        s(self, "date_to", _as_date(self.date_to, "date_to"))
        _check_paging(self.limit, self.offset)


@dataclass
class _Where:
    conds: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, cond: str, *params: Any) -> None:
        self.conds.append(cond)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.conds) if self.conds else ""


def event_where(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``events e JOIN articles a``) and its parameters."""
    w = _Where()
    if f.types:
        w.add(f"e.type IN ({', '.join('?' * len(f.types))})", *f.types)
    side = _Where()
    if f.side:
        side.add("ea.side = ?", f.side)
    if f.actor_code:
        side.add("ea.code = ?", f.actor_code)
    if f.actor_name:
        side.add("contains(lower(ea.name), lower(?))", f.actor_name)
    if f.sector:
        side.add("ea.sector = ?", f.sector)
    if side.conds:
        w.add("EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_pk = e.pk AND "
              + " AND ".join(side.conds) + ")", *side.params)
    if f.date_from:
        w.add("e.event_day >= ?", f.date_from)
    if f.date_to:
        w.add("e.event_day <= ?", f.date_to)
    if f.text:
        w.add("contains(lower(e.evidence_text), lower(?))", f.text)
    for flag in ("negated", "hypothetical", "future"):
        value = getattr(f, flag)
        if value is not None:
            w.add(f"e.{flag} = ?", bool(value))
    if f.place:
        w.add("(contains(lower(e.location_name), lower(?)) OR e.location_country = upper(?))", f.place, f.place)
    if f.article_id:
        w.add("a.id = ?", f.article_id)
    return w.sql(), w.params


def quote_where(f: QuoteFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``quotes q JOIN articles a``) and its parameters."""
    w = _Where()
    if f.speaker:
        w.add("contains(lower(q.speaker), lower(?))", f.speaker)
    if f.speaker_code:
        w.add("q.speaker_code = ?", f.speaker_code)
    if f.date_from:
        w.add("a.date >= ?", f.date_from)
    if f.date_to:
        w.add("a.date <= ?", f.date_to)
    if f.text:
        w.add("contains(lower(q.text), lower(?))", f.text)
    if f.direct is not None:
        w.add("q.direct = ?", bool(f.direct))
    if f.article_id:
        w.add("a.id = ?", f.article_id)
    return w.sql(), w.params


def _paging(limit: int | None, offset: int) -> tuple[str, list[Any]]:
    if limit is None:
        return (" OFFSET ?", [offset]) if offset else ("", [])
    return " LIMIT ? OFFSET ?", [limit, offset]


def execute(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None,
            timeout: float | None = None) -> tuple[list[str], list[tuple]]:
    """Run one statement to completion; interrupt it after ``timeout`` seconds.

    Returns the column names and the rows. DuckDB errors become QueryError.
    """
    if timeout is not None and timeout <= 0:
        raise QueryError(f"timeout must be positive, got {timeout}")
    timer = threading.Timer(timeout, con.interrupt) if timeout else None
    try:
        if timer:
            timer.start()
        cur = con.execute(sql, params or [])
        rows = cur.fetchall()
        names = [d[0] for d in cur.description] if cur.description else []
    except duckdb.InterruptException as exc:
        raise QueryTimeout(f"query ran past its time limit of {timeout} s") from exc
    except duckdb.Error as exc:
        raise QueryError(f"query failed: {exc}") from exc
    finally:
        if timer:
            timer.cancel()
    return names, rows


def rows_as_dicts(names: list[str], rows: list[tuple]) -> list[dict[str, Any]]:
    return [dict(zip(names, r)) for r in rows]


#: Event columns listed (and exported), each named as it appears in results.
EVENT_COLUMNS = (
    "e.pk AS event_id", "a.id AS article_id", "a.title AS article_title", "a.date AS article_date",
    "a.url AS article_url", "a.source AS outlet", "e.idx AS event_index", "e.type", "e.mode", "e.context",
    "e.cameo", "e.goldstein", "e.date", "e.date_precision", "e.event_day", "e.location_name",
    "e.location_country", "e.location_lat", "e.location_lon", "e.location_geonameid", "e.negated",
    "e.hypothetical", "e.future", "e.historical", "e.size", "e.dead", "e.injured", "e.arrested",
    "e.evidence_start", "e.evidence_end", "e.trigger_start", "e.trigger_end", "e.evidence_text",
    "e.confidence", "e.quote_index",
)
EVENT_ORDER = " ORDER BY e.event_day DESC NULLS LAST, e.pk DESC"

_SIDE = ("struct_pack(name := ea.name, code := ea.code, sector := ea.sector, igo := ea.igo, "
         "actor_id := ea.actor_id, span_start := ea.span_start, span_end := ea.span_end)")


def find_events(con: duckdb.DuckDBPyConnection, f: EventFilter,
                timeout: float | None = None) -> list[dict[str, Any]]:
    """One page of events, newest first, each with its ``source`` and ``target`` sides."""
    where, params = event_where(f)
    page, page_params = _paging(f.limit, f.offset)
    # The page is chosen first; only its events' sides are then gathered.
    sql = (f"WITH page AS (SELECT {', '.join(EVENT_COLUMNS)} FROM events e "
           f"JOIN articles a ON a.pk = e.article_pk{where}{EVENT_ORDER}{page}), "
           f"sides AS (SELECT ea.event_pk, "
           f"list({_SIDE} ORDER BY ea.position) FILTER (WHERE ea.side = 'source') AS source, "
           f"list({_SIDE} ORDER BY ea.position) FILTER (WHERE ea.side = 'target') AS target "
           f"FROM event_actors ea WHERE ea.event_pk IN (SELECT event_id FROM page) GROUP BY ea.event_pk) "
           f"SELECT page.*, sides.source, sides.target FROM page "
           f"LEFT JOIN sides ON sides.event_pk = page.event_id "
           f"ORDER BY page.event_day DESC NULLS LAST, page.event_id DESC")
    names, rows = execute(con, sql, params + page_params, timeout)
    out = rows_as_dicts(names, rows)
    for ev in out:
        for side in ("source", "target"):
            ev[side] = [_side(s) for s in ev[side] or ()]
    return out


def _side(s: dict[str, Any]) -> dict[str, Any]:
    start, end = s.pop("span_start"), s.pop("span_end")
    s["span"] = [start, end] if start is not None and end is not None else None
    return s


QUOTE_COLUMNS = (
    "a.id AS article_id", "a.title AS article_title", "a.date AS article_date", "a.url AS article_url",
    "a.source AS outlet", "q.idx AS quote_index", "q.char_start", "q.char_end", "q.text", "q.speaker",
    "q.speaker_code", "q.speaker_actor_id", "q.speaker_start", "q.speaker_end", "q.cue_start",
    "q.cue_end", "q.direct",
)
QUOTE_ORDER = " ORDER BY a.date DESC NULLS LAST, a.pk DESC, q.idx"


def find_quotes(con: duckdb.DuckDBPyConnection, f: QuoteFilter,
                timeout: float | None = None) -> list[dict[str, Any]]:
    """One page of quotes, newest articles first, in text order within an article."""
    where, params = quote_where(f)
    page, page_params = _paging(f.limit, f.offset)
    sql = (f"SELECT {', '.join(QUOTE_COLUMNS)} FROM quotes q JOIN articles a ON a.pk = q.article_pk"
           f"{where}{QUOTE_ORDER}{page}")
    names, rows = execute(con, sql, params + page_params, timeout)
    return rows_as_dicts(names, rows)
