"""Working state of the actor stage for one document (private to the stage).

Detection steps add :class:`Draft` mentions (token spans pointing at an actor
key) and :class:`Info` about each actor key; ``component.find_actors`` turns
them into the frozen records.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .tables import Entry, Tables

# Prepositions after which a capital or seat of power is a place, not an actor ("talks in Moscow").
LOCATIVE_PREPS = frozenset({"in", "at", "to", "from", "near", "into", "outside", "inside", "around", "across",
                            "within", "toward", "towards", "via", "through", "throughout", "between", "across",
                            "onto", "beyond", "off", "along", "past"})


@dataclass(slots=True)
class Draft:
    start: int  # token index
    end: int  # token index, exclusive
    key: str  # actor key ("S:RUS", "P:Wendy Sherman", ...)
    kind: str  # ActorMention.kind
    sector: str | None = None
    plural: bool = False


@dataclass(slots=True)
class Info:
    key: str
    name: str
    kind: str  # ActorKind
    code: str | None = None
    sector: str | None = None
    igo: str | None = None
    role: str | None = None
    gender: str | None = None  # f | m for people
    role_head: str | None = None  # last title noun of the role, lower case ("spokeswoman")


@dataclass
class Ctx:
    doc: Doc
    tables: Tables
    matches: list[tuple[int, int, Entry]]  # table phrases found, longest, non-overlapping
    sent_starts: list[int]  # first token of each sentence
    drafts: list[Draft] = field(default_factory=list)
    infos: dict[str, Info] = field(default_factory=dict)
    claimed: set[int] = field(default_factory=set)  # tokens used by a person's title or appositive
    match_at: dict[int, tuple[int, int, Entry]] = field(default_factory=dict)  # token -> its match
    dominant: Entry | None = None  # the article's state when unambiguous (context.dominant_state)

    def __post_init__(self) -> None:
        for m in self.matches:
            for i in range(m[0], m[1]):
                self.match_at[i] = m

    def sent(self, i: int) -> int:
        return bisect_right(self.sent_starts, i) - 1

    def info(self, entry: Entry) -> Info:
        if entry.key not in self.infos:
            kind = {"country": "state", "demonym": "state", "seat": "state", "capital": "state",
                    "igo": "igo", "group": "group"}.get(entry.kind, "organization")
            self.infos[entry.key] = Info(entry.key, entry.name, kind, entry.code,
                                         entry.sector if kind == "group" else None, entry.igo)
        return self.infos[entry.key]

    def state_info(self, code: str) -> Info:
        """The state actor for an ISO code (created when the article has not named it)."""
        key = f"S:{code}"
        if key not in self.infos:
            self.infos[key] = Info(key, self.tables.names.get(key, code), "state", code)
        return self.infos[key]

    def add(self, start: int, end: int, key: str, kind: str, sector: str | None = None,
            plural: bool = False) -> Draft:
        d = Draft(start, end, key, kind, sector, plural)
        self.drafts.append(d)
        return d


def is_locative(tok: Token) -> bool:
    """The token is the object of a place preposition ("in Moscow", "at the White House")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS


def is_plural(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS")


def match_root(doc: Doc, s: int, e: int) -> Token:
    """The syntactic head of a matched phrase; a leading "the" is never it ("The US president")."""
    if e - s > 1 and doc[s].lower_ == "the":
        s += 1
    return doc[s:e].root
