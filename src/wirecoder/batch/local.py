"""Run many articles through the pipeline in this process, with progress and a tally.

The batch engine only moves Articles in and Analyses (or Failures) out; what
happens to each outcome (written as JSON lines, stored) is the caller's sink.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..api import analyze_many
from ..records import Analysis, Article, Failure
from ..settings import Settings
from .progress import Progress


@dataclass
class Tally:
    """What a run did, for the summary line and the exit code."""

    analysed: int = 0
    failed: int = 0
    events: int = 0
    started: float = field(default_factory=time.perf_counter)
    failures: list[Failure] = field(default_factory=list)
    codes: Counter = field(default_factory=Counter)

    def add(self, outcome: Analysis | Failure) -> None:
        if isinstance(outcome, Failure):
            self.failed += 1
            self.codes[outcome.code] += 1
            if len(self.failures) < 1000:  # keep the summary bounded on huge runs
                self.failures.append(outcome)
        else:
            self.analysed += 1
            self.events += len(outcome.events)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def summary(self) -> str:
        rate = (self.analysed + self.failed) / self.seconds if self.seconds > 0 else 0.0
        s = (f"{self.analysed} analysed, {self.failed} failed, {self.events} events "
             f"in {self.seconds:.1f}s ({rate:.1f} articles/s)")
        if self.codes:
            s += "; failures by code: " + ", ".join(f"{c}={n}" for c, n in sorted(self.codes.items()))
        return s


def run_local(items: Iterable[Article | Failure], settings: Settings, *,
              show_progress: bool = False, total: int | None = None, nlp=None,
              on_outcome: Callable[[Analysis | Failure], None] | None = None) -> Tally:
    """Analyse every item; hand each outcome to ``on_outcome``; return the tally."""
    tally = Tally()
    with Progress(enabled=show_progress, total=total) as bar:
        for outcome in analyze_many(items, settings=settings, nlp=nlp):
            tally.add(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
            bar.advance(failed=isinstance(outcome, Failure))
    return tally


def iter_outcomes(items: Iterable[Article | Failure], settings: Settings, nlp=None) -> Iterator[Analysis | Failure]:
    return analyze_many(items, settings=settings, nlp=nlp)
