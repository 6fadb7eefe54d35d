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
from concurrent.futures import FIRST_COMPLETED, wait
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
        from distributed import Client
    except ImportError as exc:
        raise SettingsError("the Dask engine needs the 'dask' extra: pip install 'wirecoder[dask]'") from exc

    client = pool = None  # connected on the first partition that needs analysing
    slots = 1
    inflight: dict = {}  # future -> partition
    try:
        for part in parts:
            saved = spill_path(spill_dir, part.index)
            if saved.is_file():  # received by an earlier attempt
                yield part, parquet_to_outcomes(saved)
                continue
            if client is None:
                client = Client(address, set_as_default=False)
                slots = max(1, sum(client.nthreads().values())) * inflight_per_worker
                # a concurrent.futures executor over the cluster (pure=False: every attempt runs,
                # never a cached result of an earlier one); its futures work with concurrent.futures.wait
                pool = client.get_executor(pure=False)
            inflight[pool.submit(analyse_partition_parquet, settings, part)] = part
            while len(inflight) >= slots:
                yield from _collect(inflight, spill_dir)
        while inflight:
            yield from _collect(inflight, spill_dir)
    finally:
        if client is not None:
            client.close()


def _collect(inflight: dict, spill: Path) -> Iterator[tuple[Partition, list[Outcome]]]:
    """Wait for at least one partition; save each finished one, then hand it on."""
    done, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
    for fut in done:
        part = inflight.pop(fut)
        data = fut.result()  # a task that failed on every allowed retry raises here; the run is resumable
        path = spill_path(spill, part.index)
        save_atomically(data, path)
        yield part, parquet_to_outcomes(path)
