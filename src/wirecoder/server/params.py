"""Request parameters shared by the API's routes: event filters, paging, the page envelope.

The event filter parameters are the store's :class:`EventFilter` fields under
short query names; the dashboard writes the same names into its URL.
"""
from __future__ import annotations

from datetime import date as Date
from typing import Annotated, Any, Literal

from fastapi import Query

from ..errors import BadParameter
from ..store.queries import EventFilter
from .sql import QUADS, types_of_quads

#: The most rows one API page holds (the store allows more; pages stay small over HTTP).
PAGE_MAX = 1000

Limit = Annotated[int, Query(ge=1, le=PAGE_MAX, description=f"rows per page (1-{PAGE_MAX})")]
Offset = Annotated[int, Query(ge=0, le=100_000_000, description="rows to skip")]
Text = Annotated[str | None, Query(max_length=200)]

_QUAD_NAMES = {name: n for n, name in QUADS.items()}


def parse_quads(values: list[str] | None) -> tuple[int, ...]:
    """Quad classes given as 1-4 or by name (verbal_cooperation, ..., material_conflict)."""
    out = []
    for raw in values or ():
        for v in raw.split(","):
            v = v.strip().lower()
            if not v:
                continue
            if v in _QUAD_NAMES:
                out.append(_QUAD_NAMES[v])
            elif v.isdigit() and int(v) in QUADS:
                out.append(int(v))
            else:
                raise BadParameter(f"quad must be 1-4 or one of {', '.join(QUADS.values())}, got {v!r}",
                                   item="quad")
    return tuple(out)


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(t.strip().upper() for raw in values or () for t in raw.split(",") if t.strip())


class EventParams:
    """The event filter of every event route (list, aggregations, export)."""

    def __init__(
        self,
        type: Annotated[list[str] | None, Query(max_length=40, description="PLOVER type(s), repeatable or comma-separated")] = None,
        quad: Annotated[list[str] | None, Query(max_length=10, description="quad class: 1-4 or verbal_cooperation, material_cooperation, verbal_conflict, material_conflict")] = None,
        actor: Annotated[str | None, Query(max_length=40, description="actor code on a side (RUS, USA, IGO...)")] = None,
        actor_name: Annotated[str | None, Query(max_length=200, description="actor name contains (case-insensitive)")] = None,
        sector: Annotated[str | None, Query(max_length=40, description="actor sector (GOV, MIL, ...)")] = None,
        side: Annotated[Literal["source", "target"] | None, Query(description="restrict actor/sector to one side")] = None,
        date_from: Annotated[Date | None, Query(description="event day on or after (YYYY-MM-DD)")] = None,
        date_to: Annotated[Date | None, Query(description="event day on or before (YYYY-MM-DD)")] = None,
        negated: Annotated[bool | None, Query()] = None,
        hypothetical: Annotated[bool | None, Query()] = None,
        future: Annotated[bool | None, Query()] = None,
        place: Annotated[str | None, Query(max_length=200, description="location name contains, or ISO3 country")] = None,
        q: Annotated[str | None, Query(max_length=200, description="evidence sentence contains")] = None,
        article: Annotated[str | None, Query(max_length=2000, description="article id")] = None,
    ) -> None:
        types = _split(type)
        quads = parse_quads(quad)
        self.empty = False  # a filter nothing can match (types outside the chosen quads)
        if quads:
            allowed = types_of_quads(quads)
            types = tuple(t for t in types if t in allowed) if types else allowed
            self.empty = not types
        if date_from and date_to and date_from > date_to:
            raise BadParameter(f"date_from {date_from} is after date_to {date_to}", item="date_from")
        self.values: dict[str, Any] = dict(
            types=types, actor_code=actor, actor_name=actor_name, sector=sector, side=side,
            date_from=date_from, date_to=date_to, negated=negated, hypothetical=hypothetical,
            future=future, place=place, text=q, article_id=article)

    def filter(self, limit: int | None = None, offset: int = 0) -> EventFilter:
        return EventFilter(**self.values, limit=limit, offset=offset)


def page(rows: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """The paging envelope; callers fetch ``limit + 1`` rows so we know whether more follow."""
    more = len(rows) > limit
    return {"items": rows[:limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if more else None}
