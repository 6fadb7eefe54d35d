"""Batch runs: in this process (local.py), on a process pool or a Dask cluster with resumable,
exactly-once runs (runner.py: ``run_batch``), and feed watching (watch.py: ``watch_feeds``).
See docs/batch.md."""
