"""The Dask engine: partitions analysed on a Dask distributed cluster.

The driver (the ``wirecoder run`` process) reads the sources and submits one
task per partition to the scheduler at ``address``; each worker process loads
the spaCy pipeline once (the per-process pipeline cache) and returns the
partition's outcomes as the bytes of a Parquet file (parquet.py). The driver
saves each file under the run's spill folder, beside the database, *before*
loading it into the store, so a driver killed after a result arrived does not
lose that work: the rerun loads the saved file instead of analysing again.

Workers need wirecoder and the model installed, nothing else; they never touch
the database. Run them with one thread each (``--nthreads 1``): a spaCy
pipeline is not shared between threads, processes scale.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import SettingsError
from ..settings import Settings
from .parquet import Outcome, parquet_to_outcomes, save_atomically
from .partition import Partition


def analyse_partition_parquet(settings: Settings, part: Partition) -> bytes:
    """Dask task: analyse one partition on the worker; the outcomes as Parquet bytes."""
    from ..api import analyze_many
    from .parquet import outcomes_to_parquet

    return outcomes_to_parquet(list(analyze_many(part.items, settings=settings)))


def spill_path(spill_dir: Path, index: int) -> Path:
    return spill_dir / f"part-{index:07d}.parquet"


def run_dask(parts: Iterable[Partition], settings: Settings, address: str, spill_dir: Path,
             inflight_per_worker: int = 2) -> Iterator[tuple[Partition, list[Outcome]]]:
    """Analyse partitions on the cluster at ``address``; yields (partition, outcomes) as each finishes.

    A partition whose file is already in ``spill_dir`` (from an attempt that died
    after receiving it) is loaded, not sent again.
    """
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise SettingsError("the Dask engine needs the 'dask' extra: pip install 'wirecoder[dask]'") from exc

    client = Client(address, set_as_default=False)
    try:
        slots = max(1, sum(client.nthreads().values())) * inflight_per_worker
        pending = iter(parts)
        futures = as_completed(with_results=False)
        owner: dict[str, Partition] = {}
        inflight = 0

        def submit_more() -> Iterator[tuple[Partition, list[Outcome]]]:
            nonlocal inflight
            while inflight < slots:
                part = next(pending, None)
                if part is None:
                    return
                saved = spill_path(spill_dir, part.index)
                if saved.is_file():
                    yield part, parquet_to_outcomes(saved)
                    continue
                # pure=False: every attempt runs, never a cached result of an earlier run
                fut = client.submit(analyse_partition_parquet, settings, part, pure=False,
                                    key=f"wirecoder-part-{part.index}-{id(part):x}")
                owner[fut.key] = part
                futures.add(fut)
                inflight += 1

        yield from submit_more()
        for fut in futures:
            part = owner.pop(fut.key)
            inflight -= 1
            data = fut.result()  # a task that failed on every retry raises here; the run is resumable
            path = spill_path(spill_dir, part.index)
            save_atomically(data, path)
            yield part, parquet_to_outcomes(path)
            yield from submit_more()
    finally:
        client.close()
