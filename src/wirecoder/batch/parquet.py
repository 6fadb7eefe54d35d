"""Partition results as Parquet files: what Dask workers send back to the driver.

One row per outcome, in item order: a few readable columns (kind, item id,
content hash, events, failure code) for inspecting a spilled partition with
any Parquet reader, and ``payload``, the pickled Analysis or Failure record
the store writes. Pickle is Dask's own wire format too; only read partition
files your own cluster wrote. DuckDB writes and reads the files, so no
pyarrow is needed.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Sequence
from pathlib import Path

import duckdb

from ..records import Analysis, Failure

Outcome = Analysis | Failure
_COLUMNS = ("seq INTEGER, kind VARCHAR, item VARCHAR, hash VARCHAR, events INTEGER, code VARCHAR, "
            "payload BLOB")


def outcomes_to_parquet(outcomes: Sequence[Outcome]) -> bytes:
    """The outcomes as the bytes of one Parquet file."""
    rows = []
    for seq, o in enumerate(outcomes):
        blob = pickle.dumps(o, protocol=pickle.HIGHEST_PROTOCOL)
        if isinstance(o, Failure):
            rows.append((seq, "failure", o.item, None, 0, o.code, blob))
        else:
            rows.append((seq, "analysis", o.article.id, o.article.hash, len(o.events), None, blob))
    with tempfile.TemporaryDirectory(prefix="wirecoder-part-") as tmp:
        path = Path(tmp) / "part.parquet"
        con = duckdb.connect()
        try:
            con.execute(f"CREATE TABLE part ({_COLUMNS})")
            if rows:
                con.executemany("INSERT INTO part VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            con.execute(f"COPY (SELECT * FROM part ORDER BY seq) TO '{path}' (FORMAT parquet)")
        finally:
            con.close()
        return path.read_bytes()


def parquet_to_outcomes(path: str | Path) -> list[Outcome]:
    """The records of a partition file, in item order."""
    con = duckdb.connect()
    try:
        rows = con.execute("SELECT payload FROM read_parquet(?) ORDER BY seq", [str(path)]).fetchall()
    finally:
        con.close()
    return [pickle.loads(r[0]) for r in rows]


def save_atomically(data: bytes, path: Path) -> None:
    """Write then rename, so a file that exists is a whole partition (a crash leaves only a .tmp)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
