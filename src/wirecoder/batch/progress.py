"""A progress bar for long runs (rich), silent when output is not a terminal."""
from __future__ import annotations

import sys


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

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)
