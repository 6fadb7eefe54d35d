"""The Dask engine on a local cluster (scheduler and two worker processes on 127.0.0.1)."""
from __future__ import annotations

import duckdb
import pytest

from batch_corpus import write_corpus
from wirecoder.batch.runner import RunOptions, run_batch, spill_dir
from wirecoder.settings import Settings

distributed = pytest.importorskip("distributed", reason="the 'dask' extra is not installed")
pytestmark = [pytest.mark.slow, pytest.mark.model]


@pytest.mark.timeout(240)
def test_dask_engine_on_a_local_cluster(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 24, bad=1)
    settings = Settings(db=tmp_path / "d.duckdb")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        opts = RunOptions(engine="dask", scheduler=cluster.scheduler_address, run_key="dask-1", partition_size=5,
                          keep_partitions=True)
        result = run_batch([str(corpus)], settings, opts)
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
    assert (result.tally.analysed, result.tally.failed) == (23, 1)
    assert (result.totals.stored, result.totals.failures) == (23, 1)
    parts = sorted(p.name for p in spill_dir(settings.db, "dask-1").iterdir())
    assert parts == [f"part-{i:07d}.parquet" for i in range(5)]  # 24 items in partitions of 5
    with duckdb.connect(str(settings.db), read_only=True) as con:
        assert con.execute("SELECT count(*), count(DISTINCT hash) FROM articles").fetchone() == (23, 23)
        # the partition files are plain Parquet with readable columns
        kinds = con.execute(f"SELECT kind, count(*) FROM read_parquet('{spill_dir(settings.db, 'dask-1')}/*.parquet')"
                            " GROUP BY kind ORDER BY kind").fetchall()
    assert kinds == [("analysis", 23), ("failure", 1)]


def test_resume_loads_received_partitions_without_a_cluster(tmp_path):
    """A driver that died after saving results: the rerun loads them, no worker needed."""
    from wirecoder.batch.dask_engine import spill_path
    from wirecoder.batch.parquet import outcomes_to_parquet, save_atomically
    from wirecoder.batch.partition import partitions
    from wirecoder.ingest import read_sources
    from wirecoder.records import Failure

    corpus = write_corpus(tmp_path / "c.jsonl", 6)
    settings = Settings(db=tmp_path / "d.duckdb")
    fake = [Failure(item=a.id, code="W301", reason="stand-in result", stage="nlp")
            for p in partitions(read_sources([str(corpus)], settings), 3) for a in p.items]
    for i in range(2):
        save_atomically(outcomes_to_parquet(fake[3 * i:3 * i + 3]), spill_path(spill_dir(settings.db, "r"), i))
    # the scheduler address is never contacted: every partition is already on disk
    opts = RunOptions(engine="dask", scheduler="tcp://127.0.0.1:9", run_key="r", partition_size=3)
    result = run_batch([str(corpus)], settings, opts)
    assert result.totals.failures == 6 and [f.reason for f in result.failures] == ["stand-in result"] * 6
    assert not spill_dir(settings.db, "r").exists()  # removed once the run is finished and stored
