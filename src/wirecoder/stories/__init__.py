"""One event, many sources: near-duplicates, story clustering, canonical events and corroboration.

See docs/stories.md. Everything here works on finished Analysis records.
"""
from .canonical import canonical_events
from .cluster import StoryIndex, StoryParams, assign_stories
from .corroborate import conflicts_of
from .dedup import DuplicateIndex, DuplicateMatch
from .records import CanonicalEvent, Claim, Conflict, Mention

__all__ = ["CanonicalEvent", "Claim", "Conflict", "DuplicateIndex", "DuplicateMatch", "Mention", "StoryIndex",
           "StoryParams", "assign_stories", "canonical_events", "conflicts_of"]
