"""Analyse and ingest: the token rule (refused, nothing written) and real ingests through the pipeline."""
from __future__ import annotations

import duckdb
import pytest
from fastapi.testclient import TestClient

from tests.server.conftest import N_EVENTS, TOKEN
from tests.server.test_server_api import assert_error
from wirecoder.server.app import create_app

ARTICLE = {"id": "test-1", "date": "2024-03-05", "title": "Border talks",
           "text": "Armenia and Azerbaijan resumed peace talks in Brussels on Monday. "
                   "Azerbaijani forces shelled an Armenian border village on Sunday, the ministry said."}


def events_in(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM events").fetchone()[0], con.execute("SELECT count(*) FROM runs").fetchone()[0]
    finally:
        con.close()


def test_ingest_refused_without_configured_token(store_copy):
    before = store_copy.stat().st_mtime_ns
    with TestClient(create_app(store_copy, api_token="")) as c:
        assert_error(c.post("/api/ingest", json={"articles": [ARTICLE]}), 403, "W803")
        # Refused before the body is even read: a broken body gets the same answer.
        assert_error(c.post("/api/ingest", content=b"not json"), 403, "W803")
    assert store_copy.stat().st_mtime_ns == before
    assert events_in(store_copy) == (N_EVENTS, 0)


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"X-API-Token": "wrong"},
                                     {"Authorization": TOKEN}])
def test_ingest_refused_with_wrong_token(store_copy, headers):
    with TestClient(create_app(store_copy, api_token=TOKEN)) as c:
        assert_error(c.post("/api/ingest", json={"articles": [ARTICLE]}, headers=headers), 401, "W802")
    assert events_in(store_copy) == (N_EVENTS, 0)


def test_token_from_environment(store_copy, monkeypatch):
    monkeypatch.setenv("WIRECODER_API_TOKEN", TOKEN)
    with TestClient(create_app(store_copy)) as c:
        assert c.get("/api/health").json()["ingest"] is True
        assert_error(c.post("/api/ingest", json={"articles": [ARTICLE]}), 401, "W802")
        bad = c.post("/api/ingest", json={"articles": []}, headers={"X-API-Token": TOKEN})
        assert_error(bad, 400, "W801")


@pytest.mark.model
def test_ingest_with_token_stores_and_reads_back(store_copy, nlp):
    with TestClient(create_app(store_copy, api_token=TOKEN, nlp=nlp)) as c:
        c.get("/api/dyads?a=USA&b=RUS")  # the projection is built before the ingest
        r = c.post("/api/ingest", json={"articles": [ARTICLE, {**ARTICLE, "id": "test-dup"}]},
                   headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["stored"] == 1 and body["duplicates"] == 1 and body["run_id"] >= 1
        listed = c.get("/api/events?article=test-1").json()["items"]
        assert len(listed) == body["events"]
        art = c.get("/api/articles/test-1").json()
        assert art["article"]["date"] == "2024-03-05" and art["article"]["text"] == ARTICLE["text"]
        assert c.get("/api/stats").json()["events"] == N_EVENTS + body["events"]
        assert c.app.state.db.projection == "extended"  # reopened after the write, projection caught up
    assert events_in(store_copy) == (N_EVENTS + body["events"], 1)


@pytest.mark.model
def test_analyse_stores_nothing(store_copy, nlp):
    with TestClient(create_app(store_copy, nlp=nlp)) as c:
        r = c.post("/api/analyse", json={"text": ARTICLE["text"], "date": "2024-03-05"})
        assert r.status_code == 200, r.text
        doc = r.json()
        assert {"events", "actors", "quotes"} <= set(doc)
        assert_error(c.post("/api/analyse", json={"text": ""}), 400, "W801")
        assert_error(c.post("/api/analyse", json={"text": "Talks went on.", "date": "soonish"}), 400, "W801")
    assert events_in(store_copy) == (N_EVENTS, 0)


def test_serve_command_parses():
    import argparse

    from wirecoder.server import add_serve_command

    ap = argparse.ArgumentParser()
    add_serve_command(ap.add_subparsers())
    args = ap.parse_args(["serve", "--db", "x.duckdb", "--port", "8123"])
    assert (args.db, args.host, args.port) == ("x.duckdb", "127.0.0.1", 8123) and callable(args.func)
