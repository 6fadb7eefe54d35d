"""Batch runs: many articles through the pipeline (local now; a process pool and Dask later)."""
