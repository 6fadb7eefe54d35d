"""The local engine: partitions analysed in a pool of worker processes.

Each worker loads the spaCy pipeline once (the pool initializer warms the
per-process pipeline cache) and then analyses whole partitions; outcomes
come back pickled to the driver, which alone writes to the store (DuckDB
allows one writing process). At most ``2 x workers`` partitions are in
flight, so memory stays bounded on any corpus size.

A worker that dies (killed, out of memory, a crash in native code) breaks the
pool: the pool is started again and the partitions that were in flight are
sent again. A partition in flight during ``MAX_ATTEMPTS`` breakages is given
up: its articles are recorded as retryable failures, and the run goes on.
Workers exit when the driver dies (they watch their parent), so a killed
driver leaves no orphans analysing for nobody.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from ..api import analyze_many
from ..errors import AnalysisError, WirecoderError
from ..records import Analysis, Failure
from ..settings import Settings
from .partition import Partition

Outcome = Analysis | Failure
MAX_ATTEMPTS = 3


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(3)  # the driver is gone: nobody will read our results


def init_worker(settings: Settings, parent: int) -> None:
    """Pool initializer: load the pipeline once in this process; exit when the driver dies."""
    from ..nlp.pipeline import build_pipeline

    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="wc-parent-watch").start()
    build_pipeline(settings)


def analyse_partition(settings: Settings, part: Partition) -> tuple[int, list[Outcome]]:
    """Worker task: one outcome per item, in order (the pipeline comes from the process cache)."""
    return part.index, list(analyze_many(part.items, settings=settings))


def given_up(part: Partition, attempts: int, why: str | None = None) -> list[Outcome]:
    """Outcomes for a partition that kept killing its worker (or failed as a whole): its articles fail."""
    err = AnalysisError(why or f"the worker process died {attempts} times while this partition was in flight")
    return [i if isinstance(i, Failure) else
            Failure(item=i.id, code=err.code, reason=err.reason, stage=err.stage, retryable=True, origin=i.origin)
            for i in part.items]


def run_pool(parts: Iterable[Partition], settings: Settings, workers: int) -> Iterator[tuple[Partition, list[Outcome]]]:
    """Analyse partitions on ``workers`` processes; yields (partition, outcomes) as each finishes.

    The caller writes each result before asking for the next, so at most the
    in-flight partitions are lost to a crash of the driver.
    """
    ctx = multiprocessing.get_context("spawn")  # no inherited DuckDB handles or threads
    pending = iter(parts)
    inflight: dict[Future, Partition] = {}
    attempts: dict[int, int] = {}
    retry: list[Partition] = []
    exhausted = False
    finished = starts = 0
    while True:
        starts += 1
        if starts > MAX_ATTEMPTS and finished == 0:
            # nothing ever came back: the workers cannot start (their tracebacks are on stderr)
            raise WirecoderError(f"the worker processes died {MAX_ATTEMPTS} times before finishing any "
                                 f"partition; check that 'wirecoder analyze' works with these settings")
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker,
                                   initargs=(settings, os.getpid()))
        broken = False
        try:
            while True:
                while not broken and len(inflight) < 2 * workers:
                    part = retry.pop(0) if retry else None
                    if part is None and not exhausted:
                        part = next(pending, None)
                        exhausted = part is None
                    if part is None:
                        break
                    try:
                        inflight[pool.submit(analyse_partition, settings, part)] = part
                    except BrokenProcessPool:
                        retry.insert(0, part)
                        broken = True
                if not inflight:
                    if broken:
                        break
                    pool.shutdown(wait=True)  # all done: let the workers exit and be reaped
                    return
                done, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
                for fut in done:
                    part = inflight.pop(fut)
                    try:
                        _, outcomes = fut.result()
                    except BrokenProcessPool:
                        broken = True
                        attempts[part.index] = attempts.get(part.index, 0) + 1
                        # give up on a partition only when others got through: a pool that never
                        # finished anything is broken as a whole (raised above), not by this partition
                        if attempts[part.index] >= MAX_ATTEMPTS and finished > 0:
                            yield part, given_up(part, attempts[part.index])
                        else:
                            retry.append(part)
                        continue
                    except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                        yield part, given_up(part, 1, f"{type(exc).__name__}: {exc}")
                        continue
                    finished += 1
                    yield part, outcomes
                if broken and not inflight:
                    break
        except BaseException:  # Ctrl-C, the caller stopped early: do not wait for running partitions
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=not broken, cancel_futures=True)
        retry.sort(key=lambda p: p.index)


def run_inline(parts: Iterable[Partition], settings: Settings, nlp=None) -> Iterator[tuple[Partition, list[Outcome]]]:
    """One worker: analyse in this process (no pickling, no second copy of the model)."""
    for part in parts:
        yield part, list(analyze_many(part.items, settings=settings, nlp=nlp))
