"""The stories stage in a stream of outcomes: story ids and near-copies, incrementally.

Failures pass through untouched. With a ``state_path`` the index is loaded
before and saved after, so story ids stay stable across runs over one store.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Analysis, Failure
from .cluster import StoryIndex


def with_stories(outcomes: Iterable[Analysis | Failure], index: StoryIndex) -> Iterator[Analysis | Failure]:
    for o in outcomes:
        if isinstance(o, Failure):
            yield o
            continue
        o = index.assign(o)
        dup = index.duplicate_of(o.article.id)
        yield dataclasses.replace(o, duplicate_of=dup) if dup else o


def story_state_path(db: Path) -> Path:
    """Where the story index of a store lives: beside the database file."""
    return db.with_name(db.name + ".stories.json.gz")


def open_index(path: Path | None) -> StoryIndex:
    return StoryIndex.load(path) if path is not None and path.exists() else StoryIndex()
