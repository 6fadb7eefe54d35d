"""Progress for long runs: a rich bar on a terminal, and Snapshots (rate, ETA, failures) for logs."""
from __future__ import annotations

import sys
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Where a batch run stands. ``skipped`` items were done by an earlier attempt of the run."""

    done: int
    skipped: int
    failed: int
    total: int | None
    seconds: float

    @property
    def rate(self) -> float:
        """Items analysed per second by this attempt."""
        return self.done / self.seconds if self.seconds > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the current rate; None when the total or the rate is unknown."""
        if self.total is None or self.rate <= 0:
            return None
        return max(0.0, (self.total - self.done - self.skipped) / self.rate)

    def line(self) -> str:
        """One log line: '1,234/10,000 items (12 failed), 41.2/s, ETA 3m32s'."""
        total = f"/{self.total:,}" if self.total is not None else ""
        parts = [f"{self.done + self.skipped:,}{total} items"]
        if self.skipped:
            parts[0] += f" ({self.skipped:,} done before)"
        parts.append(f"{self.failed:,} failed")
        parts.append(f"{self.rate:.1f} articles/s")
        eta = self.eta
        parts.append("ETA " + (_duration(eta) if eta is not None else "?"))
        return ", ".join(parts)


def _duration(seconds: float) -> str:
    s = int(round(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}h{m:02d}m" if h else (f"{m}m{s:02d}s" if m else f"{s}s")


class Progress:
    """Context manager: ``advance()`` once per article; shows articles/s and failures."""

    def __init__(self, enabled: bool, total: int | None = None, description: str = "analysing") -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.total = total
        self.description = description
        self.failed = 0
        self._bar = None
        self._task = None

    def __enter__(self) -> "Progress":
        if self.enabled:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)
            self._bar = RichProgress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.1f} art/s"), TextColumn("failed: {task.fields[failed]}"),
                TimeElapsedColumn(), TimeRemainingColumn(), transient=False)
            self._bar.__enter__()
            self._task = self._bar.add_task(self.description, total=self.total, rate=0.0, failed=0)
        return self

    def advance(self, failed: bool = False) -> None:
        self.failed += int(failed)
        if self._bar is not None:
            task = self._bar.tasks[0]
            elapsed = task.elapsed or 0.0
            rate = (task.completed + 1) / elapsed if elapsed > 0 else 0.0
            self._bar.update(self._task, advance=1, rate=rate, failed=self.failed)

    def show(self, snap: Snapshot) -> None:
        """Set the bar to a Snapshot (batch runs report whole partitions at a time)."""
        self.failed = snap.failed
        if self._bar is not None:
            self._bar.update(self._task, completed=snap.done + snap.skipped, total=snap.total,
                             rate=snap.rate, failed=snap.failed)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
