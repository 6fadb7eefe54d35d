"""The server's access to one DuckDB file: shared read-only reads, short exclusive writes.

DuckDB locks the file per process: a process that opened it writable
excludes every other process, and within one process a file is open in one
mode at a time. So the server holds ONE read-only connection (each request
reads through a cursor of its own, with a time limit) and, for an ingest,
waits for the running reads to finish, closes it, writes through a
short-lived writable store, and reopens read-only on the next read. Beside
the store, the server keeps a sorted dyad projection (see projection.py). While
the server holds its connection, another process cannot write to the file
(``wirecoder ingest`` gets W402): ingest through the API, or stop the server.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..store import open_store
from ..store.db import Store, open_error
from ..store.queries import execute, rows_as_dicts
from ..store.schema import check_version
from .projection import refresh, sidecar_path


class _ReadWriteLock:
    """Many readers or one writer; a waiting writer stops new readers (no writer starvation)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            try:
                while self._writing or self._readers:
                    self._cond.wait()
            finally:
                self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class Database:
    """One store file as the server sees it. ``timeout`` (seconds) limits every read query."""

    def __init__(self, path: str | Path, timeout: float = 10.0, create: bool = True,
                 use_projection: bool = True) -> None:
        self.path = Path(path)
        self.use_projection = use_projection
        self.projection: str | None = None  # what the last open did to the dyad projection
        self.timeout = timeout
        self._lock = _ReadWriteLock()
        self._open_lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        if create and not self.path.exists():
            # An empty, migrated store, so the server starts on a new file and ingest can fill it.
            open_store(self.path).close()

    def _connection(self) -> duckdb.DuckDBPyConnection:
        with self._open_lock:
            if self._con is None:
                self._con = self._open()
            return self._con

    def _open(self) -> duckdb.DuckDBPyConnection:
        # An in-memory connection with the store attached read-only (as the default
        # database) and the dyad projection attached writable beside it.
        if not self.path.is_file():
            raise StoreError(f"no database at {self.path}")
        con = duckdb.connect()
        try:
            literal = "'" + str(self.path).replace("'", "''") + "'"
            con.execute(f"ATTACH {literal} AS store (READ_ONLY)")
            con.execute("USE store")
            check_version(con)
        except duckdb.Error as exc:
            con.close()
            raise open_error(str(self.path), exc) from exc
        except BaseException:
            con.close()
            raise
        self.projection = self._attach_projection(con)
        return con

    def _attach_projection(self, con: duckdb.DuckDBPyConnection) -> str | None:
        """Attach and refresh the dyad projection; None (queries use the store) where it cannot be."""
        if not self.use_projection:
            return None
        side = sidecar_path(self.path)
        try:
            literal = "'" + str(side).replace("'", "''") + "'"
            con.execute(f"ATTACH {literal} AS proj")
            return refresh(con)
        except duckdb.Error:
            try:
                con.execute("DETACH DATABASE IF EXISTS proj")
            except duckdb.Error:
                pass
            return None

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the shared read-only connection, for one request's queries."""
        with self._lock.shared():
            cur = self._connection().cursor()
            try:
                cur.execute("USE store")  # a cursor starts in the in-memory default database
                yield cur
            finally:
                cur.close()

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows as dicts; the SQL text is the caller's constant, every value is a parameter."""
        with self.reader() as cur:
            names, rows = execute(cur, sql, params or [], self.timeout)
        return rows_as_dicts(names, rows)

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """A writable store, once every running read finished; reads wait meanwhile."""
        with self._lock.exclusive():
            self._close_shared()
            store = open_store(self.path)
            try:
                yield store
            finally:
                store.close()

    def _close_shared(self) -> None:
        with self._open_lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def close(self) -> None:
        with self._lock.exclusive():
            self._close_shared()

    def check(self) -> None:
        """Open once now, so a missing or too-new database fails at start, not on a request."""
        if not self.path.is_file():
            raise StoreError(f"no database at {self.path}")
        with self.reader():
            pass
