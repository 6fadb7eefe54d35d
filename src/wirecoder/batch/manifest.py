"""The run manifest: which partitions of a batch run are done, kept in the store's own database.

Two tables beside the store's (created on first use; the store's schema
versions do not cover them because they belong to batch runs, not records):

* ``batch_runs``: one row per run id with its store run, sources, partition
  size and status;
* ``batch_partitions``: one row per finished partition with its fingerprint and
  what writing it did.

Exactly-once, and why it holds. A partition is written with ``Store.write``
(its own transactions), then marked done here. A crash between the two leaves
a written but unmarked partition; the rerun analyses it again and writes it
again, and then
* its articles are duplicates by content hash (``articles.hash`` is UNIQUE and
  the store skips stored hashes), so none is stored twice;
* its failures are subtracted from those this run already recorded (same item,
  code and origin) before writing (``unrecorded_failures``), so none is
  recorded twice.
A partition marked done is never analysed again: its fingerprint must match the
rerun's reading of the sources, or the resume is refused.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from ..errors import InputError
from ..records import Failure
from ..store import Store, WriteReport

_DDL = """
CREATE TABLE IF NOT EXISTS batch_runs (
    run_key         VARCHAR PRIMARY KEY,
    store_run       BIGINT NOT NULL,
    sources         JSON NOT NULL,
    partition_size  INTEGER NOT NULL,
    engine          VARCHAR,
    started         TIMESTAMP NOT NULL,
    finished        TIMESTAMP,
    attempts        INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS batch_partitions (
    run_key      VARCHAR NOT NULL,
    idx          INTEGER NOT NULL,
    fingerprint  VARCHAR NOT NULL,
    items        INTEGER NOT NULL,
    analyses     INTEGER NOT NULL,    -- items analysed (not failed): stored + duplicates
    stored       INTEGER NOT NULL,
    duplicates   INTEGER NOT NULL,
    failures     INTEGER NOT NULL,
    events       INTEGER NOT NULL,
    done_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (run_key, idx)
);
"""


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class ResumeRefused(InputError):
    """The run id exists but the sources or their contents are not the same any more."""


@dataclass(frozen=True, slots=True)
class RunRecord:
    run_key: str
    store_run: int
    sources: tuple[str, ...]
    partition_size: int
    engine: str | None
    finished: bool
    attempts: int


class Manifest:
    """The manifest tables of one store; all methods run on the store's connection."""

    def __init__(self, store: Store) -> None:
        self.store = store
        store.con.execute(_DDL)

    # --- runs
    def get(self, run_key: str) -> RunRecord | None:
        row = self.store.con.execute(
            "SELECT run_key, store_run, sources, partition_size, engine, finished IS NOT NULL, attempts "
            "FROM batch_runs WHERE run_key = ?", [run_key]).fetchone()
        return _record(row) if row else None

    def latest_unfinished(self) -> RunRecord | None:
        row = self.store.con.execute(
            "SELECT run_key, store_run, sources, partition_size, engine, finished IS NOT NULL, attempts "
            "FROM batch_runs WHERE finished IS NULL ORDER BY started DESC LIMIT 1").fetchone()
        return _record(row) if row else None

    def create(self, run_key: str, sources: Sequence[str], partition_size: int, engine: str,
               command: str, settings: dict[str, Any]) -> RunRecord:
        store_run = self.store.start_run(command, {**settings, "batch_run": run_key})
        self.store.con.execute(
            "INSERT INTO batch_runs (run_key, store_run, sources, partition_size, engine, started) "
            "VALUES (?, ?, ?, ?, ?, ?)", [run_key, store_run, json.dumps(list(sources)), partition_size,
                                          engine, _now()])
        return RunRecord(run_key, store_run, tuple(sources), partition_size, engine, False, 1)

    def reopen(self, run: RunRecord, sources: Sequence[str]) -> RunRecord:
        """Check a rerun names the same sources, count the attempt, and clear ``finished``."""
        if tuple(sources) != run.sources:
            raise ResumeRefused(f"run {run.run_key!r} was started on {list(run.sources)}, not {list(sources)}; "
                                f"give the same sources to resume it, or a new --run-id")
        self.store.con.execute("UPDATE batch_runs SET attempts = attempts + 1, finished = NULL WHERE run_key = ?",
                               [run.run_key])
        return RunRecord(run.run_key, run.store_run, run.sources, run.partition_size, run.engine, False,
                         run.attempts + 1)

    def finish(self, run: RunRecord) -> WriteReport:
        """Mark the run finished and return its totals over every attempt (also set on the store run).

        Counted from what the database holds for the run, not summed from the
        partitions' write reports: a partition written twice (see above)
        reports its own articles as duplicates the second time.
        """
        con = self.store.con
        analyses = con.execute("SELECT coalesce(sum(analyses), 0) FROM batch_partitions WHERE run_key = ?",
                               [run.run_key]).fetchone()[0]
        stored = con.execute("SELECT count(*) FROM articles WHERE run_id = ?", [run.store_run]).fetchone()[0]
        events = con.execute("SELECT count(*) FROM events e JOIN articles a ON e.article_pk = a.pk "
                             "WHERE a.run_id = ?", [run.store_run]).fetchone()[0]
        failures = con.execute("SELECT count(*) FROM failures WHERE run_id = ?", [run.store_run]).fetchone()[0]
        report = WriteReport(stored=int(stored), duplicates=max(0, int(analyses) - int(stored)),
                             failures=int(failures), events=int(events))
        self.store.finish_run(run.store_run, report)
        self.store.con.execute("UPDATE batch_runs SET finished = ? WHERE run_key = ?", [_now(), run.run_key])
        return report

    # --- partitions
    def done(self, run_key: str) -> dict[int, str]:
        """Finished partitions: index -> fingerprint."""
        rows = self.store.con.execute("SELECT idx, fingerprint FROM batch_partitions WHERE run_key = ?",
                                      [run_key]).fetchall()
        return {int(i): f for i, f in rows}

    def mark_done(self, run_key: str, index: int, fingerprint: str, items: int, analyses: int,
                  report: WriteReport) -> None:
        self.store.con.execute(
            "INSERT INTO batch_partitions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [run_key, index, fingerprint, items, analyses, report.stored, report.duplicates, report.failures,
             report.events, _now()])

    def unrecorded_failures(self, store_run: int, failures: Sequence[Failure]) -> list[Failure]:
        """``failures`` less those this store run already recorded (a partition written before a crash)."""
        if not failures:
            return []
        items = json.dumps(sorted({f.item for f in failures}))
        rows = self.store.con.execute(
            "SELECT item, code, coalesce(origin, ''), count(*) FROM failures WHERE run_id = ? AND item IN "
            "(SELECT unnest(from_json(?, '[\"VARCHAR\"]'))) GROUP BY ALL", [store_run, items]).fetchall()
        seen = Counter({(i, c, o): int(n) for i, c, o, n in rows})
        out = []
        for f in failures:
            key = (f.item, f.code, f.origin or "")
            if seen[key] > 0:
                seen[key] -= 1
            else:
                out.append(f)
        return out


def _record(row: tuple) -> RunRecord:
    key, store_run, sources, size, engine, finished, attempts = row
    return RunRecord(key, int(store_run), tuple(json.loads(sources)), int(size), engine, bool(finished),
                     int(attempts))
