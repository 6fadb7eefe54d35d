"""Stories and canonical events: which articles tell one development, and where their sources disagree."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from ..errors import NotFound
from ..store.story_queries import CanonicalFilter, find_canonical, find_stories, story
from .database import Database
from .params import Limit, Offset, Text, page

router = APIRouter(prefix="/api", tags=["stories"])


def db(request: Request) -> Database:
    return request.app.state.db


DB = Annotated[Database, Depends(db)]


@router.get("/stories", summary="Stories, most recent first, with article count, outlets and first/last date")
def stories(database: DB, q: Text = None,
            min_articles: Annotated[int, Query(ge=1, le=1_000_000, description="only stories this large")] = 1,
            limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    with database.reader() as cur:
        rows = find_stories(cur, q, min_articles, limit + 1, offset, database.timeout)
    return page(rows, limit, offset)


@router.get("/canonical-events",
            summary="Canonical events (one per event across a story's articles) with mentions and conflicts")
def canonical_events(database: DB, contested: bool | None = None,
                     story_id: Annotated[str | None, Query(alias="story", max_length=200)] = None,
                     type: Annotated[list[str] | None, Query(max_length=40)] = None,
                     min_sources: Annotated[int | None, Query(ge=1, le=100_000)] = None,
                     limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    flt = CanonicalFilter(story=story_id, contested=contested, types=tuple(type or ()), min_sources=min_sources,
                          limit=limit + 1, offset=offset)
    with database.reader() as cur:
        rows = find_canonical(cur, flt, database.timeout)
    return page(rows, limit, offset)


@router.get("/stories/{story_id:path}", summary="One story: its articles (copies marked) and canonical events")
def one_story(database: DB, story_id: str) -> dict[str, Any]:
    with database.reader() as cur:
        found = story(cur, story_id, database.timeout)
    if found is None:
        raise NotFound(f"no story {story_id!r}", item=story_id)
    return found
