"""Typed, frozen records handed from one stage to the next.

Every offset is a Python string index into ``Article.text`` (end-exclusive),
so a record can always be checked against the words that prove it.

The flow: ingest makes :class:`Article`; the spaCy pipeline annotates a Doc;
the extract step turns the annotations into one :class:`Analysis` holding
actors, events, quotes, time expressions, places and quantities.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date as Date
from typing import Literal

Span = tuple[int, int]

ActorKind = Literal["state", "igo", "person", "group", "organization"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Precision = Literal["day", "week", "month", "quarter", "year", "decade", "century"]


def content_hash(text: str) -> str:
    """The identity of an article's text: whitespace-normalised SHA-256, 32 hex chars."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read by ingest, before any NLP."""

    id: str
    text: str
    title: str | None = None
    date: Date | None = None  # the dateline relative dates resolve against
    url: str | None = None
    source: str | None = None  # outlet or site name
    origin: str | None = None  # where it was read from: path, path:line, feed URL
    language: str | None = None
    hash: str = ""

    def __post_init__(self) -> None:
        if not self.hash:
            object.__setattr__(self, "hash", content_hash(self.text))


@dataclass(frozen=True, slots=True)
class Failure:
    """An item that could not be read or analysed; batches record it and go on."""

    item: str  # article id, or origin when no id could be read
    code: str  # stable error code, e.g. "W102"
    reason: str
    stage: str  # ingest | nlp | store | fetch
    retryable: bool = False
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    label: str  # spaCy label
    text: str = ""


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor per article: a state, an IGO, a person, a group or an organisation."""

    id: str  # "a1", "a2", ... unique within the article
    name: str  # canonical name ("Wendy Sherman", "Russia", "NATO")
    kind: ActorKind
    code: str | None = None  # ISO 3166-1 alpha-3, "IGO", or None
    sector: str | None = None  # GOV, MIL, REB, OPP, MED, BUS, CVL, COP, JUD, ...
    igo: str | None = None  # the body, when code == "IGO"
    role: str | None = None  # "Deputy Secretary of State"
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A stretch of text that refers to an actor (name, pronoun, metonym, description)."""

    start: int
    end: int
    actor_id: str
    kind: Literal["name", "pronoun", "metonym", "description", "demonym", "group"] = "name"
    sector: str | None = None  # sector this mention adds ("Russian troops" -> MIL)
    token_start: int = -1
    token_end: int = -1


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A side of an event: who acted or was acted on."""

    name: str
    code: str | None = None
    sector: str | None = None
    igo: str | None = None
    actor_id: str | None = None
    span: Span | None = None  # the mention in the text that names this side


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None  # ISO 3166-1 alpha-3
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    kind: str | None = None  # country, city, region, landmark, ...


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place
    metonym: bool = False  # "Moscow demands": the place stands for its government
    adjectival: bool = False  # "Russian troops": an adjective naming the place; never an event location


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    type: TimexType
    value: str | None  # TIMEX3 value: "2022-01-12", "2021-10", "PT7H", "P1W"
    precision: Precision | None = None
    anchored: bool = True  # False: relative expression left unresolved (no dateline)


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    unit: str | None = None  # troops, dead, injured, arrested, protesters, people, hours ...
    approx: str | None = None  # "some", "more than", "about", "dozens" ...
    head: Span | None = None  # the counted noun's span


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    speaker: str | None = None  # canonical name
    speaker_code: str | None = None
    speaker_actor_id: str | None = None
    speaker_span: Span | None = None
    cue: Span | None = None
    direct: bool = False
    text: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    type: str  # one of the 16 PLOVER types
    evidence: Span  # the clause or sentence that states it
    trigger: Span | None = None
    mode: str | None = None
    context: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    source: tuple[ActorRef, ...] = ()
    target: tuple[ActorRef, ...] = ()
    date: str | None = None  # "2022-01-12" | "2022-01" | "2022"
    date_precision: Precision | None = None
    location: PlaceMention | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False  # reported past event, dated before the dateline period
    size: float | None = None
    dead: float | None = None
    injured: float | None = None
    arrested: float | None = None
    confidence: float | None = None
    quote_index: int | None = None  # the quote that states it, if any


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything wirecoder extracted from one article."""

    article: Article
    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[TimeExpression, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    entities: tuple[Entity, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    sentences: tuple[Span, ...] = ()
    story: str | None = None
    duplicate_of: str | None = None  # id of the earlier article this one is a near-copy of
    pipeline: str = ""  # model and wirecoder version that produced it

    @property
    def labels(self) -> tuple[str, ...]:
        """The article's document-level codes, as NGEC/POLECAT give one line per story: the types
        of the events it asserts (a negated or hypothetical event did not happen), the type of the
        most confident event first."""
        ranked = sorted((e for e in self.events if not (e.negated or e.hypothetical)),
                        key=lambda e: -(e.confidence or 0.0))
        return tuple(dict.fromkeys(e.type for e in ranked))


Outcome = Analysis | Failure
