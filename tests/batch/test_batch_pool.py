"""The process pool when its workers cannot start: the run stops with an error, nothing is marked done."""
from __future__ import annotations

import duckdb
import pytest

from batch_corpus import write_corpus
from wirecoder.batch.runner import RunOptions, run_batch
from wirecoder.errors import WirecoderError
from wirecoder.settings import Settings

pytestmark = pytest.mark.slow


@pytest.mark.timeout(180)
def test_workers_that_cannot_load_the_model_stop_the_run_without_marking_anything(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 6)
    settings = Settings(db=tmp_path / "p.duckdb", model="no_such_spacy_model_here")
    with pytest.raises(WirecoderError, match="before finishing any partition"):
        run_batch([str(corpus)], settings, RunOptions(workers=2, run_key="broken", partition_size=2))
    with duckdb.connect(str(settings.db), read_only=True) as con:
        # nothing given up as failed, nothing done: a rerun with a working model analyses everything
        assert con.execute("SELECT count(*) FROM batch_partitions").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM failures").fetchone()[0] == 0
