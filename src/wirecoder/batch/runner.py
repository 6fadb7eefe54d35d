"""``run_batch``: a resumable, exactly-once batch run from sources into the store.

The driver reads the sources, cuts them into partitions, skips the partitions
the manifest has as done, has an engine analyse the rest (inline, a local
process pool, or Dask), and for each finished partition writes its outcomes to
the store and marks it done (manifest.py says why that is exactly-once).
"""
from __future__ import annotations

import dataclasses
import secrets
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import SettingsError
from ..ingest import read_sources
from ..records import Failure
from ..settings import Settings
from ..stories.stage import open_index, story_state_path, with_stories
from ..store import WriteReport, open_store
from .local import Tally
from .manifest import Manifest, ResumeRefused, RunRecord
from .partition import Partition, estimate_total, partitions
from .progress import Snapshot

ENGINES = ("local", "dask")
DEFAULT_PARTITION_SIZE = 32


@dataclass(frozen=True)
class RunOptions:
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None  # Dask scheduler address
    run_key: str | None = None  # a new or an existing run id
    resume: bool = False  # continue the latest unfinished run
    partition_size: int = DEFAULT_PARTITION_SIZE
    command: str = "run"
    inline_single: bool = True  # one worker analyses in the driver process (False: a pool of one)
    keep_partitions: bool = False  # dask: keep the received Parquet partitions after the run finished


@dataclass
class RunResult:
    """What a run did: this attempt's tally, the run's totals over all attempts, its ids."""

    run_key: str
    store_run: int
    attempt: int
    tally: Tally
    totals: WriteReport
    skipped_partitions: int = 0
    failures: list[Failure] = field(default_factory=list)


def new_run_key() -> str:
    return datetime.now(timezone.utc).strftime("run-%Y%m%d-%H%M%S-") + secrets.token_hex(3)


def spill_dir(db: Path, run_key: str) -> Path:
    """Where the Dask engine keeps received partitions of a run (beside the database)."""
    return db.parent / f"{db.name}.runs" / run_key


def run_batch(sources: Sequence[str], settings: Settings, options: RunOptions = RunOptions(), *,
              on_progress: Callable[[Snapshot], None] | None = None) -> RunResult:
    """Analyse ``sources`` into ``settings.db``; rerun with the same run id to finish a killed run."""
    if options.engine not in ENGINES:
        raise SettingsError(f"unknown engine {options.engine!r}; use one of {', '.join(ENGINES)}")
    if options.engine == "dask" and not options.scheduler:
        raise SettingsError("the dask engine needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    if options.workers < 1:
        raise SettingsError("workers must be at least 1")
    sources = [str(s) for s in sources]
    # Stories are assigned here in the driver, in arrival order (the index is
    # sequential state). It is saved when the run ends; a killed run's resume
    # starts from the last saved index, which only costs story quality.
    story_state = story_state_path(Path(settings.db))
    stories = open_index(story_state)
    with open_store(settings.db) as store:
        manifest = Manifest(store)
        run = _open_run(manifest, sources, settings, options)
        done = manifest.done(run.run_key)
        total = estimate_total(sources)
        tally = Tally()
        progress = _ProgressFeed(on_progress, total)
        skipped = 0

        def todo() -> Iterator[Partition]:
            nonlocal skipped
            for part in partitions(read_sources(sources, settings), run.partition_size):
                if part.index in done:
                    if done[part.index] != part.fingerprint:
                        raise ResumeRefused(f"partition {part.index} of run {run.run_key!r} no longer holds the "
                                            f"same items: the sources changed since the run started")
                    skipped += 1
                    progress.skip(len(part.items))
                    continue
                yield part

        for part, outcomes in _engine(todo(), settings, options, Path(settings.db), run.run_key):
            analyses = list(with_stories([o for o in outcomes if not isinstance(o, Failure)], stories))
            fails = manifest.unrecorded_failures(run.store_run, [o for o in outcomes if isinstance(o, Failure)])
            report = store.write([*analyses, *fails], run_id=run.store_run, replace=settings.replace_existing)
            manifest.mark_done(run.run_key, part.index, part.fingerprint, len(part.items), len(analyses), report)
            for o in outcomes:
                tally.add(o)
            progress.advance(len(outcomes), sum(isinstance(o, Failure) for o in outcomes))
        totals = manifest.finish(run)
        failures = _run_failures(store, run.store_run)
    stories.save(story_state)
    spill = spill_dir(Path(settings.db), run.run_key)
    if not options.keep_partitions and spill.is_dir():
        shutil.rmtree(spill, ignore_errors=True)  # all stored: the files were only there for a resume
    return RunResult(run.run_key, run.store_run, run.attempts, tally, totals, skipped, failures)


def _open_run(manifest: Manifest, sources: list[str], settings: Settings, options: RunOptions) -> RunRecord:
    if options.resume and not options.run_key:
        run = manifest.latest_unfinished()
        if run is None:
            raise ResumeRefused(f"no unfinished run in {settings.db} to resume")
        return manifest.reopen(run, sources)
    key = options.run_key or new_run_key()
    run = manifest.get(key)
    if run is not None:
        return manifest.reopen(run, sources)
    if options.resume:
        raise ResumeRefused(f"no run {key!r} in {settings.db} to resume")
    record = {k: str(v) for k, v in dataclasses.asdict(settings).items()}
    return manifest.create(key, sources, options.partition_size, options.engine,
                           options.command, record)


def _engine(parts: Iterator[Partition], settings: Settings, options: RunOptions, db: Path, run_key: str):
    if options.engine == "dask":
        from .dask_engine import run_dask
        return run_dask(parts, settings, options.scheduler or "", spill_dir(db, run_key))
    if options.workers == 1 and options.inline_single:
        from .pool import run_inline
        return run_inline(parts, settings)
    from .pool import run_pool
    return run_pool(parts, settings, options.workers)


def _run_failures(store, store_run: int, limit: int = 1000) -> list[Failure]:
    rows = store.con.execute("SELECT item, code, reason, stage, retryable, origin FROM failures "
                             "WHERE run_id = ? ORDER BY failed_at LIMIT ?", [store_run, limit]).fetchall()
    return [Failure(item=i, code=c, reason=r or "", stage=s or "", retryable=bool(rt), origin=o)
            for i, c, r, s, rt, o in rows]


class _ProgressFeed:
    """Turns per-partition counts into Snapshots for the caller's display."""

    def __init__(self, sink: Callable[[Snapshot], None] | None, total: int | None) -> None:
        self.sink = sink
        self.total = total
        self.started = time.perf_counter()
        self.done = 0
        self.skipped = 0
        self.failed = 0

    def skip(self, n: int) -> None:
        self.skipped += n
        self._emit()

    def advance(self, n: int, failed: int) -> None:
        self.done += n
        self.failed += failed
        self._emit()

    def _emit(self) -> None:
        if self.sink is not None:
            self.sink(Snapshot(done=self.done, skipped=self.skipped, failed=self.failed, total=self.total,
                               seconds=time.perf_counter() - self.started))
