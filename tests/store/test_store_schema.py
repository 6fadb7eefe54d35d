"""Schema versions: a new database, a version 1 database migrated, foreign and future databases."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from store_samples import samples, shelling
from wirecoder.errors import SchemaError
from wirecoder.store import EventFilter, Store, current_version, db_version, migrate, open_store
from wirecoder.store.schema import migrations

V1 = (Path(__file__).parent / "fixtures" / "schema_v1.sql").read_text(encoding="utf-8")


def columns(con) -> dict[str, list[tuple[str, str, str]]]:
    out: dict[str, list[tuple[str, str, str]]] = {}
    for table, name, dtype, nullable in con.execute(
            "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
            "ORDER BY table_name, ordinal_position").fetchall():
        out.setdefault(table, []).append((name, dtype, nullable))
    return out


def make_v1(path: Path) -> None:
    """A database as wirecoder's first schema left it, with one article in it."""
    con = duckdb.connect(str(path))
    con.execute(V1)
    con.execute("INSERT INTO articles (pk, id, hash, text, ingested_at, date) VALUES "
                "(nextval('article_pk_seq'), 'old-1', 'h-old', 'Old text.', TIMESTAMP '2024-01-01', DATE '2021-05-01')")
    con.execute("INSERT INTO events (pk, article_pk, idx, type, evidence_start, evidence_end, evidence_text, "
                "event_day) VALUES (nextval('event_pk_seq'), 1, 0, 'PROTEST', 0, 9, 'Old text.', DATE '2021-05-01')")
    con.execute("INSERT INTO event_actors (event_pk, side, position, name, code) VALUES "
                "(1, 'source', 0, 'strikers', 'FRA')")
    con.close()


def test_new_database_is_at_the_current_version():
    with open_store() as store:
        assert store.version() == current_version() == 3
        assert [m.version for m in migrations()] == [2, 3]


def test_version_1_database_migrates_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.duckdb"
    make_v1(path)
    with open_store(path) as store:
        assert store.version() == 3
        assert store.con.execute("SELECT version, name FROM schema_version ORDER BY version").fetchall() == \
            [(1, "initial"), (2, "analysis_extras"), (3, "canonical_events")]
        old = store.events(EventFilter(types=("PROTEST",)))
        assert [(e["article_id"], e["quote_index"], e["source"][0]["name"], e["source"][0]["span"])
                for e in old] == [("old-1", None, "strikers", None)]
        report = store.write(samples())  # new rows use the new columns
        assert report.stored == 3
        assert store.con.execute("SELECT language FROM articles WHERE id = 'kh-1'").fetchone() == ("en",)
        assert store.con.execute("SELECT count(*) FROM entities").fetchone() == (2,)
        # keys continue after the old rows
        assert store.con.execute("SELECT min(pk) FROM articles WHERE id <> 'old-1'").fetchone()[0] > 1


def test_migrated_schema_equals_the_fresh_schema(tmp_path):
    path = tmp_path / "old.duckdb"
    make_v1(path)
    open_store(path).close()
    migrated = columns(duckdb.connect(str(path)))
    fresh = columns(open_store().con)
    assert migrated == fresh


def test_migrate_is_idempotent_and_reports_the_version(tmp_path):
    path = tmp_path / "old.duckdb"
    make_v1(path)
    con = duckdb.connect(str(path))
    assert db_version(con) == 1
    assert migrate(con) == 3 and migrate(con) == 3
    assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == 3


def test_read_only_open_of_an_old_database_asks_for_a_migration(tmp_path):
    path = tmp_path / "old.duckdb"
    make_v1(path)
    with pytest.raises(SchemaError, match="migrate"):
        Store.open(path, read_only=True)


def test_a_newer_database_is_refused(tmp_path):
    path = tmp_path / "new.duckdb"
    with open_store(path) as store:
        store.con.execute("INSERT INTO schema_version VALUES (99, 'future', now()::TIMESTAMP)")
    with pytest.raises(SchemaError, match="newer"):
        open_store(path)


def test_a_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE customers (id INTEGER)")
    con.close()
    with pytest.raises(SchemaError, match="not a wirecoder database"):
        open_store(path)
    with pytest.raises(SchemaError):
        Store.open(path, read_only=True)


def test_an_empty_database_cannot_be_read(tmp_path):
    path = tmp_path / "empty.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(SchemaError, match="empty"):
        Store.open(path, read_only=True)
    with open_store(path) as store:  # opened for writing, it gets the schema
        assert store.write([shelling()]).stored == 1
