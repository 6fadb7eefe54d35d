"""The DuckDB store: open (and migrate), write analyses in batches, record runs.

Writing is batched: each batch's rows are staged as JSON
in a temporary folder (a JSON array per table) and inserted with one ``INSERT ... SELECT FROM
read_json(...)`` per table, inside one transaction per batch. (Binding Python
lists or calling ``executemany`` costs about 0.1 ms per value in DuckDB 1.4's
Python API; staging through ``read_json`` moves hundreds of thousands of rows
per second and needs neither pandas nor pyarrow.) Column types for staging
come from the database itself, so ``schema.sql`` stays the one place that
names them.

A connection is not thread-safe: give each thread ``store.cursor()``.
"""
from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import Any

import duckdb

from ..errors import SchemaError, StoreError, StoreLocked
from ..records import Analysis, Failure
from . import export as _export
from . import queries as _queries
from . import story_queries as _stories
from . import canonical_store as _canonical
from .rows import CANONICAL_TABLES, CHILD_TABLES, COLUMNS, Row, article_row, child_rows, failure_row
from .schema import check_version, migrate

#: read_json refuses objects larger than this many bytes (an article of several MB, escaped).
_MAX_OBJECT_BYTES = 1 << 28
# One encode call per table (C speed) instead of one per row.
_ENCODE = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False).encode
MEMORY = ":memory:"


@dataclass(frozen=True, slots=True)
class WriteReport:
    """What one ``write`` did: new articles, re-ingested ones skipped or replaced, failures recorded."""

    stored: int = 0
    duplicates: int = 0
    failures: int = 0
    events: int = 0  # events stored with the new (and replaced) articles
    replaced: int = 0  # already stored articles whose records were replaced (``replace=True``)

    def __add__(self, other: WriteReport) -> WriteReport:
        return WriteReport(self.stored + other.stored, self.duplicates + other.duplicates,
                           self.failures + other.failures, self.events + other.events,
                           self.replaced + other.replaced)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with wirecoder's errors for the usual ways opening fails."""
    target = str(path)
    if target != MEMORY and read_only and not Path(target).is_file():
        raise StoreError(f"no database at {target}")
    if target == MEMORY and read_only:
        raise StoreError("an in-memory database cannot be opened read-only")
    try:
        return duckdb.connect(target, read_only=read_only)
    except duckdb.Error as exc:
        raise open_error(target, exc) from exc


def open_error(target: str, exc: duckdb.Error) -> StoreError:
    """wirecoder's error for a DuckDB failure while opening or attaching ``target``."""
    if isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower():
        # DuckDB's own text advises its shell's -readonly flag; say what helps with wirecoder instead
        holder = str(exc).split("(PID", 1)[1].split(")", 1)[0].strip() if "(PID" in str(exc) else None
        who = f" (process {holder})" if holder else ""
        return StoreLocked(f"{target} is in use by another process{who}: one writer at a time; stop it "
                           f"(e.g. a running 'wirecoder serve' or 'ingest'), or use another --db")
    if isinstance(exc, duckdb.ConnectionException):
        # DuckDB shares one instance per file within a process: read-only and
        # read-write cannot coexist in the same process.
        return StoreError(f"{target} is already open in this process in another mode: {exc}")
    return StoreError(f"cannot open {target}: {exc}")


class Store:
    """A wirecoder database. ``Store.open(path)`` creates or migrates it; use as a context manager."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool,
                 timeout: float | None = None) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        self.timeout = timeout  # default time limit (seconds) of reads, exports included
        self._types: dict[str, dict[str, str]] | None = None

    @classmethod
    def open(cls, path: str | Path = MEMORY, read_only: bool = False, timeout: float | None = None) -> Store:
        """Open a database; writable opens create or migrate the schema, read-only ones check it."""
        con = connect(path, read_only)
        try:
            if read_only:
                check_version(con)
            else:
                migrate(con)
        except BaseException:
            con.close()
            raise
        return cls(con, str(path), read_only, timeout)

    # --- life cycle
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A connection of its own to the same database, for another thread."""
        return self.con.cursor()

    # --- runs
    def start_run(self, command: str, settings: Mapping[str, Any] | None = None) -> int:
        self._writable()
        doc = json.dumps(dict(settings or {}), default=str, sort_keys=True)
        row = self.con.execute("INSERT INTO runs (started, command, settings) VALUES (?, ?, ?) RETURNING id",
                               [_now(), command, doc]).fetchone()
        return int(row[0])

    def finish_run(self, run_id: int, report: WriteReport) -> None:
        self._writable()
        row = self.con.execute(
            "UPDATE runs SET finished = ?, stored = ?, duplicates = ?, failed = ?, events = ? "
            "WHERE id = ? RETURNING id",
            [_now(), report.stored, report.duplicates, report.failures, report.events, run_id]).fetchone()
        if row is None:
            raise StoreError(f"no run {run_id}")

    # --- writing
    def write(self, outcomes: Iterable[Analysis | Failure], run_id: int | None = None,
              batch_size: int = 500, replace: bool = False) -> WriteReport:
        """Store analyses and failures; an article whose hash is already stored is a duplicate.

        With ``replace`` an already stored article keeps its row key but its records (events,
        actors, quotes, ...) are replaced by the new analysis: re-coding with a newer pipeline.
        """
        self._writable()
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        report = WriteReport()
        with tempfile.TemporaryDirectory(prefix="wirecoder-store-") as tmp:
            for batch in _batched(outcomes, batch_size):
                report += self._write_batch(batch, run_id, Path(tmp), replace)
        return report

    def _write_batch(self, batch: list[Analysis | Failure], run_id: int | None, tmp: Path,
                     replace: bool = False) -> WriteReport:
        for item in batch:
            if not isinstance(item, (Analysis, Failure)):
                raise StoreError(f"cannot store {type(item).__name__}: expected Analysis or Failure")
        try:
            return self._commit(batch, run_id, tmp, replace)
        except SchemaError:
            raise
        except StoreError:
            if len(batch) == 1 and isinstance(batch[0], Failure):
                raise
        # One record the database refuses must not cost the batch: store item by item,
        # and record each refused analysis as a failure of the store stage.
        report = WriteReport()
        for item in batch:
            try:
                report += self._commit([item], run_id, tmp, replace)
            except StoreError as exc:
                if isinstance(item, Failure):
                    raise
                failure = Failure(item=item.article.id, code=StoreError.code, reason=exc.reason,
                                  stage=StoreError.stage, origin=item.article.origin)
                report += self._commit([failure], run_id, tmp)
        return report

    def _commit(self, batch: list[Analysis | Failure], run_id: int | None, tmp: Path,
                replace: bool = False) -> WriteReport:
        # A concurrent writer may commit the same article between our duplicate check and
        # our commit (a constraint or conflict error): the second attempt sees it as stored.
        for attempt in (1, 2):
            self.con.execute("BEGIN TRANSACTION")
            try:
                report = self._stage(batch, run_id, tmp, replace)
                self.con.execute("COMMIT")
                return report
            except (duckdb.ConstraintException, duckdb.TransactionException) as exc:
                self._rollback()
                if attempt == 2:
                    raise StoreError(f"batch not stored: {exc}") from exc
            except (duckdb.Error, ValueError, TypeError) as exc:
                self._rollback()
                raise StoreError(f"batch not stored: {exc}") from exc
            except BaseException:
                self._rollback()
                raise
        raise AssertionError("unreachable")

    def _rollback(self) -> None:
        try:
            self.con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # the failed COMMIT already ended the transaction

    def _stage(self, batch: list[Analysis | Failure], run_id: int | None, tmp: Path,
               replace: bool = False) -> WriteReport:
        at = _now()
        analyses = [o for o in batch if isinstance(o, Analysis)]
        failures = [failure_row(o, run_id, at) for o in batch if isinstance(o, Failure)]
        first: dict[str, Analysis] = {}
        for a in analyses:
            first.setdefault(a.article.hash, a)
        stored = self._stored_hashes(list(first))
        old_stories: set[str] = set()
        if replace and stored:
            kept = self._remove_articles(sorted(stored))  # hash -> (pk, story)
            old_stories = {story for _, story in kept.values() if story}
            new = list(first.values())
            art_pks = [kept[h][0] if h in kept else None for h in first]
            fresh = iter(self._reserve("article_pk_seq", sum(pk is None for pk in art_pks)))
            art_pks = [pk if pk is not None else next(fresh) for pk in art_pks]
        else:
            new = [a for h, a in first.items() if h not in stored]
            art_pks = self._reserve("article_pk_seq", len(new))
        ev_pks = self._reserve("event_pk_seq", sum(len(a.events) for a in new))
        tables: dict[str, list[Row]] = {"articles": [], **{t: [] for t in CHILD_TABLES}, "failures": failures}
        k = 0
        for a, pk in zip(new, art_pks, strict=True):
            tables["articles"].append(article_row(a, pk, run_id, at))
            for t, rows in child_rows(a, pk, ev_pks[k:k + len(a.events)]).items():
                tables[t].extend(rows)
            k += len(a.events)
        for table, rows in tables.items():
            if rows:
                self._insert(table, rows, tmp)
        touched = sorted({a.story for a in new if a.story} | old_stories)
        if touched:
            self._replace_canonical(touched, tmp, at)
        n_replaced = len(stored) if replace else 0
        return WriteReport(stored=len(new) - n_replaced, duplicates=len(analyses) - len(new), failures=len(failures),
                           events=len(ev_pks), replaced=n_replaced)

    def _remove_articles(self, hashes: list[str]) -> dict[str, tuple[int, str | None]]:
        """Delete stored articles (by hash) with every row that hangs on them; return their keys and stories."""
        arg = [json.dumps(hashes)]
        rows = self.con.execute(
            "SELECT hash, pk, story FROM articles WHERE hash IN (SELECT unnest(from_json(?, '[\"VARCHAR\"]')))",
            arg).fetchall()
        pks = [json.dumps([r[1] for r in rows])]
        in_pks = "IN (SELECT unnest(from_json(?, '[\"BIGINT\"]')))"
        self.con.execute(f"DELETE FROM event_actors WHERE event_pk IN (SELECT pk FROM events WHERE article_pk {in_pks})",
                         pks)
        for table in CHILD_TABLES:
            if table != "event_actors":
                self.con.execute(f"DELETE FROM {table} WHERE article_pk {in_pks}", pks)
        self.con.execute(f"DELETE FROM articles WHERE pk {in_pks}", pks)
        return {h: (pk, story) for h, pk, story in rows}

    #: stories recomputed per statement batch in a full rebuild (bounds memory)
    _REBUILD_CHUNK = 500

    def rebuild_canonical(self, stories: Iterable[str] | None = None) -> int:
        """Recompute the canonical events of these stories (all stories when None); return how many stored.

        Writes do this for the stories they touch; call it after changing how canonical
        events are computed, or after merging stories by hand.
        """
        self._writable()
        if stories is None:
            stories = [r[0] for r in self.con.execute(
                "SELECT DISTINCT story FROM articles WHERE story IS NOT NULL ORDER BY 1").fetchall()]
        todo = sorted(set(stories))
        with tempfile.TemporaryDirectory(prefix="wirecoder-store-") as tmp:
            for i in range(0, len(todo), self._REBUILD_CHUNK):
                self.con.execute("BEGIN TRANSACTION")
                try:
                    self._replace_canonical(todo[i:i + self._REBUILD_CHUNK], Path(tmp), _now())
                    self.con.execute("COMMIT")
                except duckdb.Error as exc:
                    self._rollback()
                    raise StoreError(f"canonical events not rebuilt: {exc}") from exc
                except BaseException:
                    self._rollback()
                    raise
        row = self.con.execute(f"SELECT count(*) FROM canonical_events WHERE story {_canonical.IN_STORIES}",
                               [json.dumps(todo)]).fetchone()
        return int(row[0])

    def _replace_canonical(self, stories: list[str], tmp: Path, at: datetime) -> None:
        arg = [json.dumps(stories)]
        for table in CANONICAL_TABLES:
            self.con.execute(_canonical.delete_sql(table), arg)
        for table, rows in _canonical.rebuild_rows(self.con, stories, at).items():
            if rows:
                self._insert(table, rows, tmp)

    def _stored_hashes(self, hashes: list[str]) -> set[str]:
        if not hashes:
            return set()
        # One JSON string parameter: binding a Python list costs ~0.1 ms per element.
        rows = self.con.execute(
            "SELECT hash FROM articles WHERE hash IN "
            "(SELECT unnest(from_json(?, '[\"VARCHAR\"]')))", [json.dumps(hashes)]).fetchall()
        return {r[0] for r in rows}

    def _reserve(self, sequence: str, n: int) -> list[int]:
        if n == 0:
            return []
        return [r[0] for r in self.con.execute(f"SELECT nextval('{sequence}') FROM range(?)", [n]).fetchall()]

    def _column_types(self) -> dict[str, dict[str, str]]:
        if self._types is None:
            rows = self.con.execute(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'main' AND table_catalog = current_database()").fetchall()
            types: dict[str, dict[str, str]] = {}
            for table, column, dtype in rows:
                types.setdefault(table, {})[column] = dtype
            self._types = types
        return self._types

    def _insert(self, table: str, rows: list[Row], tmp: Path) -> None:
        cols = COLUMNS[table]
        types = self._column_types().get(table, {})
        missing = [c for c in cols if c not in types]
        if missing:
            raise SchemaError(f"table {table} lacks columns {missing}: schema and writer disagree")
        path = tmp / f"{table}.json"
        # errors="replace": a lone surrogate (broken input) becomes "?", keeping offsets.
        with open(path, "w", encoding="utf-8", errors="replace") as fh:
            fh.write(_ENCODE(rows))
        spec = ", ".join(f"'{c}': '{types[c]}'" for c in cols)
        names = ", ".join(f'"{c}"' for c in cols)
        self.con.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM read_json(?, format = 'array', "
            f"columns = {{{spec}}}, maximum_object_size = {_MAX_OBJECT_BYTES})", [str(path)])

    def _limit(self, timeout: float | None) -> float | None:
        return self.timeout if timeout is None else timeout

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")

    # --- reading
    def counts(self) -> dict[str, int]:
        """Rows per table (runs, articles, events, ...)."""
        tables = ("runs", "articles", "failures", *CHILD_TABLES)
        sql = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM {t}" for t in tables)
        return {name: int(n) for name, n in self.con.execute(sql).fetchall()}

    def version(self) -> int:
        return int(self.con.execute("SELECT max(version) FROM schema_version").fetchone()[0])

    def events(self, flt: _queries.EventFilter | None = None, timeout: float | None = None) -> list[dict[str, Any]]:
        return _queries.find_events(self.con, flt or _queries.EventFilter(), self._limit(timeout))

    def quotes(self, flt: _queries.QuoteFilter | None = None, timeout: float | None = None) -> list[dict[str, Any]]:
        return _queries.find_quotes(self.con, flt or _queries.QuoteFilter(), self._limit(timeout))

    def stories(self, text: str | None = None, min_articles: int = 1, limit: int = 50, offset: int = 0,
                timeout: float | None = None) -> list[dict[str, Any]]:
        return _stories.find_stories(self.con, text, min_articles, limit, offset, self._limit(timeout))

    def story(self, story_id: str, timeout: float | None = None) -> dict[str, Any] | None:
        return _stories.story(self.con, story_id, self._limit(timeout))

    def canonical_events(self, flt: _stories.CanonicalFilter | None = None,
                         timeout: float | None = None) -> list[dict[str, Any]]:
        return _stories.find_canonical(self.con, flt or _stories.CanonicalFilter(), self._limit(timeout))

    def export_events(self, path: str | Path, flt: _queries.EventFilter | None = None,
                      fmt: str | None = None, timeout: float | None = None) -> int:
        return _export.export_events(self.con, path, flt, fmt, self._limit(timeout))

    def export_quotes(self, path: str | Path, flt: _queries.QuoteFilter | None = None,
                      fmt: str | None = None, timeout: float | None = None) -> int:
        return _export.export_quotes(self.con, path, flt, fmt, self._limit(timeout))

    def export_table(self, table: str, path: str | Path, fmt: str | None = None,
                     timeout: float | None = None) -> int:
        return _export.export_table(self.con, table, path, fmt, self._limit(timeout))


def open_store(path: str | Path = MEMORY, read_only: bool = False, timeout: float | None = None) -> Store:
    """Open (creating or migrating when writable) a wirecoder database; ``timeout`` limits reads."""
    return Store.open(path, read_only, timeout)
