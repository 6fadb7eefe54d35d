"""Frozen records for canonical events: one event, its mentions and what the sources disagree on.

Kept apart from :mod:`wirecoder.records` because they span many articles:
they are built after story clustering, from a story's Analyses.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..records import Span

Modality = Literal["asserted", "possible", "denied"]
ClaimField = Literal["modality", "size", "dead", "injured", "arrested", "source", "target", "date", "place"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One article's report of a canonical event."""

    article_id: str
    event_index: int  # index into that Analysis's events
    evidence: Span
    outlet: str | None = None  # Article.source
    reported: str | None = None  # the article's date (ISO), when known
    duplicate_of: str | None = None  # a syndicated copy adds a mention, not a source
    modality: Modality = "asserted"


@dataclass(frozen=True, slots=True)
class Claim:
    """One version of a fact and the articles that state it."""

    value: str  # rendered for display: "asserted", "100000", "RUS", "2022-01-12", "Geneva"
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field on which the sources differ, with the differing claims side by side."""

    field: ClaimField
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class CanonicalEvent:
    id: str  # "<story>/e<n>"
    story: str | None
    type: str  # PLOVER type
    source: tuple[str, ...]  # side keys (codes, else names), most reported first
    target: tuple[str, ...]
    date: str | None  # the most reported (most precise on ties)
    place: str | None
    mentions: tuple[Mention, ...]
    sources: int  # independent sources: distinct outlets, copies not counted
    first_reported: str | None
    confidence: float
    contested: bool = False
    conflicts: tuple[Conflict, ...] = ()
