"""Exports of a filtered selection in the four formats."""
from __future__ import annotations

import csv
import io
import json

import duckdb


def test_export_csv_matches_filter(client):
    r = client.get("/api/export/events?format=csv&type=ASSAULT")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    listed = client.get("/api/events?type=ASSAULT&limit=1000").json()["items"]
    assert len(rows) == len(listed) and {row["type"] for row in rows} == {"ASSAULT"}
    assert rows[0]["source_codes"]


def test_export_parquet(client, tmp_path):
    r = client.get("/api/export/events?format=parquet&actor=CHN")
    assert r.status_code == 200 and r.content[:4] == b"PAR1"
    path = tmp_path / "x.parquet"
    path.write_bytes(r.content)
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[0]
    assert n == len(client.get("/api/events?actor=CHN&limit=1000").json()["items"])


def test_export_gdelt_columns(client):
    r = client.get("/api/export/events?format=gdelt&quad=4&limit=5")
    lines = r.text.splitlines()
    header = lines[0].split("\t")
    assert header[:2] == ["GLOBALEVENTID", "SQLDATE"] and "QuadClass" in header and "GoldsteinScale" in header
    first = dict(zip(header, lines[1].split("\t")))
    assert first["QuadClass"] == "4" and len(first["SQLDATE"]) == 8 and first["Actor1Code"]


def test_export_plover_json_lines(client):
    r = client.get("/api/export/events?format=plover&type=AGREE")
    docs = [json.loads(line) for line in r.text.splitlines()]
    assert docs and {d["event_type"] for d in docs} == {"AGREE"}
    assert {"actor", "recipient", "event_date", "quad_code", "location", "story_id"} <= set(docs[0])
    assert docs[0]["quad_code"] == 1


def test_export_quotes_and_empty_selection(client):
    r = client.get("/api/export/quotes?format=csv&speaker=china")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and all("China" in row["speaker"] for row in rows)
    empty = client.get("/api/export/events?format=csv&quad=1&type=ASSAULT")
    assert empty.status_code == 200 and len(empty.text.splitlines()) <= 1
