"""Schema versions and migrations.

A new database gets ``schema.sql`` (the current shape) in one step. A database
made by an older wirecoder carries its version in ``schema_version`` and is
brought forward by the ``migration_NNNN_<name>.sql`` files beside this module,
applied in order, each in its own transaction, each recorded in
``schema_version``. The current version is the highest migration number, so
adding a file is all it takes to move the schema on (and ``schema.sql`` must
be edited to match: a test compares both routes).

Migrations are SQL files rather than Python so a reader sees the whole change
in one place; a migration that needs Python (a backfill DuckDB cannot express)
can be added to ``_PYTHON_STEPS``.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from importlib import resources

import duckdb

from ..errors import SchemaError

_MIGRATION_FILE = re.compile(r"^migration_(\d{4})_([a-z0-9_]+)\.sql$")

#: version -> a Python step run after that version's SQL (none so far).
_PYTHON_STEPS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {}


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def _read(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@cache
def schema_sql() -> str:
    return _read("schema.sql")


@cache
def migrations() -> tuple[Migration, ...]:
    """The migration files, ordered by version (2, 3, ...; version 1 is the initial schema)."""
    found = []
    for entry in resources.files(__package__).iterdir():
        m = _MIGRATION_FILE.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda mig: mig.version)
    expected = list(range(2, 2 + len(found)))
    if [mig.version for mig in found] != expected:
        raise SchemaError(f"migration files are not numbered 2..n without gaps: {[m.version for m in found]}")
    return tuple(found)


def current_version() -> int:
    migs = migrations()
    return migs[-1].version if migs else 1


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_catalog = current_database()").fetchall()
    return {r[0] for r in rows}


def db_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The database's schema version; 0 for an empty database, None for a foreign one."""
    tables = _table_names(con)
    if "schema_version" not in tables:
        return 0 if not tables else None
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else None


def check_version(con: duckdb.DuckDBPyConnection) -> int:
    """Raise SchemaError unless the database is exactly at the current version (read-only use)."""
    version = db_version(con)
    cur = current_version()
    if version == cur:
        return version
    if version is None:
        raise SchemaError("not a wirecoder database (tables without a schema_version)")
    if version == 0:
        raise SchemaError("empty database: open it once for writing to create the schema")
    if version > cur:
        raise SchemaError(f"database schema is version {version}, newer than this wirecoder ({cur}): upgrade wirecoder")
    raise SchemaError(f"database schema is version {version}, this wirecoder needs {cur}: "
                      "open it once for writing to migrate")


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Create or upgrade the schema to the current version; return the version reached.

    Each step commits on its own, so an interrupted upgrade resumes where it stopped.
    """
    version = db_version(con)
    cur = current_version()
    if version is None:
        raise SchemaError("not a wirecoder database (tables without a schema_version)")
    if version > cur:
        raise SchemaError(f"database schema is version {version}, newer than this wirecoder ({cur}): upgrade wirecoder")
    if version == 0:
        _in_transaction(con, lambda: _create(con, cur))
        return cur
    for mig in migrations():
        if mig.version > version:
            _in_transaction(con, lambda mig=mig: _apply(con, mig))
    return cur


def _create(con: duckdb.DuckDBPyConnection, version: int) -> None:
    con.execute(schema_sql())
    con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", [version, "create", _now()])


def _apply(con: duckdb.DuckDBPyConnection, mig: Migration) -> None:
    con.execute(mig.sql)
    step = _PYTHON_STEPS.get(mig.version)
    if step is not None:
        step(con)
    con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", [mig.version, mig.name, _now()])


def _in_transaction(con: duckdb.DuckDBPyConnection, body: Callable[[], None]) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        body()
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise SchemaError(f"schema change failed: {exc}") from exc
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
