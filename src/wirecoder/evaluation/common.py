"""Small shared pieces of the metrics: spans, counts, matching, distances.

These follow the definitions of the project's referee scorer (see
docs/evaluation.md) so that ``wirecoder eval`` and the referee give the same
headline numbers on the same output; the code is our own.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

Span = tuple[int, int]
_WORD = re.compile(r"\w+")
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class ErrorItem:
    """One miss, false positive or wrong value, with the words that show it."""

    doc: str
    kind: str  # MISS, FP, DYAD, SPEAKER, VALUE, FAR, WRONG, ...
    detail: str
    text: str = ""

    def render(self) -> str:
        tail = f": {self.text!r}" if self.text else ""
        return f"[{self.doc}] {self.kind} {self.detail}{tail}".rstrip()


@dataclass(frozen=True, slots=True)
class Table:
    """A titled table: header names and rows of cells (str, int, float or None)."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True, slots=True)
class Prf:
    tp: int
    sys: int
    gold: int

    @property
    def p(self) -> float:
        return self.tp / self.sys if self.sys else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"p": self.p, "r": self.r, "f1": self.f1, "tp": self.tp, "sys": self.sys, "gold": self.gold}

    def row(self, name: str) -> tuple[Any, ...]:
        return (name, self.gold, self.sys, self.tp, self.p, self.r, self.f1)


PRF_HEADER = ("", "gold", "sys", "tp", "P", "R", "F1")


def share(num: int | float, den: int | float) -> float | None:
    """num/den, or None when the ratio is undefined (nothing to count over)."""
    return num / den if den else None


def is_int(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def as_span(x: object) -> Span | None:
    """(start, end) from ``[s, e]`` or ``{"start": s, "end": e}``; None when malformed."""
    if isinstance(x, dict):
        x = (x.get("start"), x.get("end"))
    if isinstance(x, (list, tuple)) and len(x) == 2:
        s, e = x
        if is_int(s) and is_int(e) and s <= e:
            return (s, e)
    return None


def overlap(a: Span | None, b: Span | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def dicts(x: object) -> list[dict]:
    """The dict members of a list; anything else gives []."""
    return [i for i in x if isinstance(i, dict)] if isinstance(x, list) else []


def field_list(doc: dict | None, key: str) -> list[dict]:
    return dicts(doc.get(key)) if doc else []


def upper(x: object) -> str:
    return x.strip().upper() if isinstance(x, str) else ""


def words(s: object) -> list[str]:
    return _WORD.findall(s.lower()) if isinstance(s, str) else []


def number(x: object) -> float | None:
    """A number from an int, a float or a string like "100,000"; None otherwise."""
    if isinstance(x, bool) or not isinstance(x, (int, float, str)):
        return None
    try:
        return float(str(x).replace(",", "").strip())
    except ValueError:
        return None


def same_value(a: object, b: object) -> bool:
    return a is not None and b is not None and str(a).strip() == str(b).strip()


def snippet(text: object, span: Span | None, width: int = 80) -> str:
    if span is None or not isinstance(text, str):
        return ""
    s = text[span[0]:span[1]].replace("\n", " ")
    return s if len(s) <= width else s[:width - 3] + "..."


def match_spans(gold: Sequence[Span | None], system: Sequence[Span | None],
                min_share: float = 0.0) -> dict[int, int]:
    """One-to-one match of overlapping spans, best pairs first; {gold index: system index}.

    A pair qualifies when it overlaps and the overlap is at least ``min_share``
    of the shorter span. Pairs are taken greedily by overlap/union (Jaccard),
    then by overlap length, then by position, so the result is deterministic.
    """
    ranked = []
    for i, a in enumerate(gold):
        if a is None:
            continue
        for j, b in enumerate(system):
            ov = overlap(a, b)
            if ov <= 0 or ov < min_share * min(a[1] - a[0], b[1] - b[0]):  # type: ignore[index]
                continue
            union = max(a[1], b[1]) - min(a[0], b[0])  # type: ignore[index]
            ranked.append((-ov / union, -ov, i, j))
    ranked.sort()
    out: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, i, j in ranked:
        if i not in out and j not in taken:
            out[i] = j
            taken.add(j)
    return out


def matching_size(n_gold: int, n_sys: int, edge: Callable[[int, int], bool]) -> int:
    """Size of a maximum one-to-one matching (augmenting paths; lists are short)."""
    adj = [[j for j in range(n_sys) if edge(i, j)] for i in range(n_gold)]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(1 for i in range(n_gold) if augment(i, set()))


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in km on the mean Earth radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
