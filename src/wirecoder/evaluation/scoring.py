"""What every task scorer shares: the result record and the accumulator protocol.

A scorer sees one (gold document, system line) pair at a time through
``add`` and keeps only counts and error notes, so evaluation streams: no
spaCy Doc and no earlier document has to stay in memory.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from .common import ErrorItem, Table


@dataclass(frozen=True, slots=True)
class TaskResult:
    headline: dict[str, Any]  # the figures the referee's SCORE line carries, same keys
    data: dict[str, Any]  # everything, for --json
    tables: tuple[Table, ...] = ()
    notes: tuple[str, ...] = ()  # one-line remarks printed under the tables
    errors: tuple[ErrorItem, ...] = field(default=())


class Scorer(Protocol):
    task: str

    def add(self, gold: dict, system: dict | None) -> None:
        """Score one document; ``system`` is None when it is missing or failed."""

    def result(self) -> TaskResult:
        """The figures over every document added so far."""
