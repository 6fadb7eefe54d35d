"""Exports to CSV and Parquet through DuckDB's COPY, read back with DuckDB."""
from __future__ import annotations

import csv

import duckdb
import pytest

from store_samples import samples
from wirecoder.errors import QueryError
from wirecoder.store import TABLES, EventFilter, QuoteFilter, Store, open_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("x") / "wc.duckdb"
    with open_store(path) as st:
        st.write(samples())
    with Store.open(path, read_only=True) as ro:  # exports work from a read-only store
        yield ro


def test_events_to_csv_filtered(store, tmp_path):
    out = tmp_path / "events.csv"
    n = store.export_events(out, EventFilter(actor_code="RUS", limit=1))  # paging is ignored
    assert n == 4
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(r["type"] for r in rows) == ["ASSAULT", "CONSULT", "REJECT", "THREATEN"]
    consult = next(r for r in rows if r["type"] == "CONSULT")
    assert (consult["source_names"], consult["source_codes"], consult["target_names"]) == \
        ("Wendy Sherman", "USA", "Sergei Ryabkov")
    assert consult["evidence_text"].startswith("American Deputy Secretary of State")
    assert consult["article_id"] == "gv-7" and consult["event_day"] == "2022-01-10"


def test_events_to_parquet_read_back(store, tmp_path):
    out = tmp_path / "events.parquet"
    assert store.export_events(out) == 7
    con = duckdb.connect()
    rows = con.execute("SELECT type, dead, negated, location_country FROM read_parquet(?) ORDER BY type, negated",
                       [str(out)]).fetchall()
    assert ("ASSAULT", 3.0, False, "UKR") in rows and ("CONSULT", None, True, None) in rows
    assert con.execute("SELECT count(*) FROM read_parquet(?) WHERE hypothetical", [str(out)]).fetchone()[0] == 1


def test_quotes_export_with_filter(store, tmp_path):
    out = tmp_path / "quotes.csv"
    assert store.export_quotes(out, QuoteFilter(speaker="peskov")) == 1
    row = duckdb.connect().execute("SELECT speaker, direct FROM read_csv(?)", [str(out)]).fetchone()
    assert row == ("Dmitry Peskov", True)


@pytest.mark.parametrize("table", TABLES)
def test_every_table_exports_to_parquet(store, tmp_path, table):
    out = tmp_path / f"{table}.parquet"
    n = store.export_table(table, out)
    assert n == duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchone()[0]
    assert n == store.counts()[table]


def test_format_may_be_named_and_quotes_in_paths_are_safe(store, tmp_path):
    out = tmp_path / "it's a file.dat"
    assert store.export_table("articles", out, fmt="csv") == 3
    assert out.read_text(encoding="utf-8").startswith("pk,id,hash")


@pytest.mark.parametrize("path", ["out.txt", "s3://bucket/out.csv", ""])
def test_bad_paths_are_refused(store, tmp_path, path):
    with pytest.raises(QueryError):
        store.export_events(tmp_path / path if path and "://" not in path else path)


def test_missing_folder_and_folder_target_are_refused(store, tmp_path):
    with pytest.raises(QueryError, match="does not exist"):
        store.export_events(tmp_path / "nope" / "e.csv")
    (tmp_path / "d.csv").mkdir()
    with pytest.raises(QueryError, match="folder"):
        store.export_events(tmp_path / "d.csv")


def test_unknown_table_is_refused(store, tmp_path):
    with pytest.raises(QueryError):
        store.export_table("schema_version; DROP TABLE events", tmp_path / "x.csv")
