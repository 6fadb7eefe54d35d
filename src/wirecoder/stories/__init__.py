"""One event, many sources: near-duplicates, story clustering and corroboration."""
from .cluster import StoryIndex, StoryParams, assign_stories
from .dedup import DuplicateIndex, DuplicateMatch

__all__ = ["DuplicateIndex", "DuplicateMatch", "StoryIndex", "StoryParams", "assign_stories"]
