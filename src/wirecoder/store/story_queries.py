"""Reads over stories and canonical events: the story list, one story, contested events.

As in :mod:`.queries`, SQL text is this module's constants; every value a caller
gives is a bound parameter, and each statement runs under a time limit.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from ..errors import QueryError
from .queries import MAX_LIMIT, execute, rows_as_dicts

_STORIES = """
SELECT a.story AS story, count(*) AS articles, count(*) FILTER (WHERE a.duplicate_of IS NULL) AS originals,
       list(DISTINCT a.source ORDER BY a.source) FILTER (WHERE a.source IS NOT NULL) AS sources,
       min(a.date) AS first_date, max(a.date) AS last_date, first(a.title ORDER BY a.date NULLS LAST, a.pk) AS title,
       coalesce(any_value(c.events), 0) AS canonical_events, coalesce(any_value(c.contested), 0) AS contested_events
FROM articles a
LEFT JOIN (SELECT story, count(*) AS events, count(*) FILTER (WHERE contested) AS contested
           FROM canonical_events GROUP BY story) c ON c.story = a.story
WHERE a.story IS NOT NULL{where}
GROUP BY a.story
HAVING count(*) >= ?
ORDER BY last_date DESC NULLS LAST, articles DESC, story
LIMIT ? OFFSET ?"""

_STORY_ARTICLES = ("SELECT id, title, date, url, source, duplicate_of FROM articles WHERE story = ? "
                   "ORDER BY date NULLS LAST, pk")

_CANONICAL = """
SELECT c.id, c.story, c.type, c.source, c.target, c.date, c.place, c.mentions, c.sources, c.first_reported,
       c.confidence, c.contested
FROM canonical_events c{where}
ORDER BY c.contested DESC, c.sources DESC, c.mentions DESC, c.first_reported NULLS LAST, c.id
LIMIT ? OFFSET ?"""

_MENTIONS = ("SELECT m.canonical_id, m.article_id, m.outlet, m.reported, m.duplicate_of, m.modality, "
             "m.event_pk AS event_id, m.evidence_start, m.evidence_end, "
             "substr(a.text, m.evidence_start + 1, m.evidence_end - m.evidence_start) AS evidence_text "
             "FROM canonical_mentions m JOIN articles a ON a.pk = m.article_pk "
             "WHERE m.canonical_id IN (SELECT unnest(from_json(?, '[\"VARCHAR\"]'))) "
             "ORDER BY m.canonical_id, m.position")
_CLAIMS = ("SELECT canonical_id, field, value, article_ids FROM canonical_claims "
           "WHERE canonical_id IN (SELECT unnest(from_json(?, '[\"VARCHAR\"]'))) ORDER BY canonical_id, position")


@dataclass(frozen=True, slots=True)
class CanonicalFilter:
    """Which canonical events to list; unset fields do not filter."""

    story: str | None = None
    contested: bool | None = None
    types: tuple[str, ...] = ()
    min_sources: int | None = None
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, got {self.limit}")
        if self.offset < 0:
            raise QueryError(f"offset must not be negative, got {self.offset}")


def find_stories(con: duckdb.DuckDBPyConnection, text: str | None = None, min_articles: int = 1,
                 limit: int = 50, offset: int = 0, timeout: float | None = None) -> list[dict[str, Any]]:
    """Stories, most recent first: article count, originals (copies left out), outlets, first and last date."""
    where, params = "", []
    if text and text.strip():
        where = " AND a.story IN (SELECT story FROM articles WHERE title ILIKE ? OR story = ?)"
        params = [f"%{text.strip()}%", text.strip()]
    rows = rows_as_dicts(*execute(con, _STORIES.format(where=where), [*params, min_articles, limit, offset], timeout))
    for r in rows:
        r["sources"] = r["sources"] or []
    return rows


def _attach(con: duckdb.DuckDBPyConnection, events: list[dict[str, Any]], timeout: float | None) -> None:
    """Give each canonical event its mentions and its conflicts (claims grouped by field)."""
    ids = json.dumps([e["id"] for e in events])
    by_id = {e["id"]: e for e in events}
    for e in events:
        e["mention_list"], e["conflicts"] = [], []
    for m in rows_as_dicts(*execute(con, _MENTIONS, [ids], timeout)):
        by_id[m.pop("canonical_id")]["mention_list"].append(m)
    for c in rows_as_dicts(*execute(con, _CLAIMS, [ids], timeout)):
        conflicts = by_id[c["canonical_id"]]["conflicts"]
        if not conflicts or conflicts[-1]["field"] != c["field"]:
            conflicts.append({"field": c["field"], "claims": []})
        conflicts[-1]["claims"].append({"value": c["value"], "article_ids": c["article_ids"]})


def find_canonical(con: duckdb.DuckDBPyConnection, f: CanonicalFilter,
                   timeout: float | None = None) -> list[dict[str, Any]]:
    """Canonical events (contested first, then the best corroborated), each with mentions and conflicts."""
    conds: list[str] = []
    params: list[Any] = []
    if f.story is not None:
        conds.append("c.story = ?")
        params.append(f.story)
    if f.contested is not None:
        conds.append("c.contested = ?")
        params.append(f.contested)
    if f.types:
        conds.append("c.type IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(f.types))
    if f.min_sources is not None:
        conds.append("c.sources >= ?")
        params.append(f.min_sources)
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    rows = rows_as_dicts(*execute(con, _CANONICAL.format(where=where), [*params, f.limit, f.offset], timeout))
    if rows:
        _attach(con, rows, timeout)
    return rows


def story(con: duckdb.DuckDBPyConnection, story_id: str, timeout: float | None = None,
          events_limit: int = 200) -> dict[str, Any] | None:
    """One story: its summary, its articles (copies marked) and its canonical events; None when unknown."""
    articles = rows_as_dicts(*execute(con, _STORY_ARTICLES, [story_id], timeout))
    if not articles:
        return None
    summary = _summary(articles)
    events = find_canonical(con, CanonicalFilter(story=story_id, limit=events_limit), timeout)
    return {"story": story_id, **summary, "articles": articles, "canonical_events": events}


def _summary(articles: Sequence[dict[str, Any]]) -> dict[str, Any]:
    dates = [a["date"] for a in articles if a["date"] is not None]
    return {"title": articles[0]["title"], "articles_count": len(articles),
            "originals": sum(1 for a in articles if a["duplicate_of"] is None),
            "sources": sorted({a["source"] for a in articles if a["source"]}),
            "first_date": min(dates) if dates else None, "last_date": max(dates) if dates else None}
