"""The read API over a synthetic store: every route, paging, filters, bad parameters, the error shape."""
from __future__ import annotations

import duckdb
import pytest

from tests.server.conftest import N_EVENTS

ERROR_KEYS = {"code", "reason", "stage", "retryable", "item"}


def count(path, sql, params=()):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchone()[0]
    finally:
        con.close()


def assert_error(r, status, code):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == ERROR_KEYS
    assert body["code"] == code
    assert body["reason"]
    return body


def test_health_stats_and_openapi(client):
    assert client.get("/api/health").json()["status"] == "ok"
    stats = client.get("/api/stats").json()
    assert stats["events"] == N_EVENTS and stats["articles"] == N_EVENTS // 5
    assert stats["types"]["ASSAULT"] == 4 and stats["types"]["AGREE"] == 1
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/dyads", "/api/ingest", "/api/analyse", "/api/export/events", "/api/actors",
              "/api/quotes", "/api/articles", "/api/articles/{article_id}", "/api/timeline", "/api/network"):
        assert p in paths


def test_events_paging(client):
    first = client.get("/api/events?limit=10").json()
    assert len(first["items"]) == 10 and first["next_offset"] == 10
    second = client.get("/api/events?limit=10&offset=10").json()
    assert {e["event_id"] for e in first["items"]}.isdisjoint(e["event_id"] for e in second["items"])
    days = [e["event_day"] for e in first["items"] + second["items"]]
    assert days == sorted(days, reverse=True)
    last = client.get(f"/api/events?limit=50&offset={N_EVENTS - 5}").json()
    assert len(last["items"]) == 5 and last["next_offset"] is None
    ev = first["items"][0]
    assert ev["source"] and ev["target"] and ev["source"][0]["code"]


def test_event_filters(client, synth_path):
    items = client.get("/api/events?type=ASSAULT&limit=1000").json()["items"]
    assert items and {e["type"] for e in items} == {"ASSAULT"}
    assert len(items) == count(synth_path, "SELECT count(*) FROM events WHERE type = 'ASSAULT'")
    conflict = client.get("/api/events?quad=verbal_conflict&limit=1000").json()["items"]
    assert {e["type"] for e in conflict} <= {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}
    assert {e["quad"] for e in conflict} == {3}
    both = client.get("/api/events?quad=4&type=AGREE").json()
    assert both["items"] == []  # AGREE is not material conflict
    rus = client.get("/api/events?actor=rus&side=target&limit=1000").json()["items"]
    assert rus and all(any(s["code"] == "RUS" for s in e["target"]) for e in rus)
    assert len(rus) == count(synth_path, "SELECT count(*) FROM event_actors WHERE code = 'RUS' AND side = 'target'")
    dated = client.get("/api/events?date_from=2015-03-01&date_to=2015-03-31&limit=1000").json()["items"]
    assert dated and all("2015-03-01" <= e["event_day"] <= "2015-03-31" for e in dated)
    kyiv = client.get("/api/events?place=kyiv&q=in%20kyiv&negated=false&limit=1000").json()["items"]
    assert kyiv and all(e["location_name"] == "Kyiv" and not e["negated"] for e in kyiv)
    mil = client.get("/api/events?sector=MIL&actor_name=russia&limit=5").json()["items"]
    assert all(any(s["sector"] == "MIL" and s["name"] == "Russia" for s in e["source"] + e["target"]) for e in mil)


def test_every_value_is_bound(client, synth_path):
    evil = "'; DROP TABLE events; --"
    for url in (f"/api/events?actor={evil}", f"/api/events?q={evil}", f"/api/actors?q={evil}",
                f"/api/quotes?speaker={evil}", f"/api/articles?q={evil}", f"/api/dyads?a={evil}&b=x&by=name"):
        r = client.get(url)
        assert r.status_code == 200, url
    assert count(synth_path, "SELECT count(*) FROM events") == N_EVENTS


@pytest.mark.parametrize("url, item", [
    ("/api/events?limit=0", "limit"), ("/api/events?limit=5000", "limit"), ("/api/events?offset=-1", "offset"),
    ("/api/events?date_from=yesterday", "date_from"), ("/api/events?negated=perhaps", "negated"),
    ("/api/events?side=middle", "side"), ("/api/events?quad=9", "quad"),
    ("/api/events?date_from=2020-02-01&date_to=2020-01-01", "date_from"),
    ("/api/dyads?a=USA", "b"), ("/api/dyads?a=USA&b=RUS&interval=fortnight", "interval"),
    ("/api/timeline?interval=hour", "interval"), ("/api/export/events?format=xlsx", "format"),
    ("/api/events/notanumber", "event_id"),
])
def test_bad_parameters(client, url, item):
    body = assert_error(client.get(url), 400, "W801")
    assert body["item"] == item and body["stage"] == "serve"


def test_not_found(client):
    assert_error(client.get("/api/articles/no-such-article"), 404, "W804")
    assert_error(client.get("/api/events/999999999"), 404, "W804")
    assert_error(client.get("/api/no-such-route"), 404, "W804")


def test_query_timeout_is_504(client, monkeypatch):
    from wirecoder.errors import QueryTimeout
    from wirecoder.server import routes_read

    def slow(*args, **kwargs):
        raise QueryTimeout("query ran past its time limit of 0.01 s")
    monkeypatch.setattr(routes_read, "find_events_fast", slow)
    body = assert_error(client.get("/api/events"), 504, "W404")
    assert body["retryable"] is True


def test_event_and_article_detail(client):
    ev = client.get("/api/events?limit=1").json()["items"][0]
    one = client.get(f"/api/events/{ev['event_id']}").json()
    assert one["event_id"] == ev["event_id"] and one["type"] == ev["type"]
    art = client.get(f"/api/articles/{ev['article_id']}").json()
    assert art["article"]["id"] == ev["article_id"]
    assert ev["event_id"] in {e["event_id"] for e in art["events"]}
    text = art["article"]["text"]
    assert 0 <= ev["evidence_start"] < ev["evidence_end"] <= len(text)
    assert len(art["quotes"]) == 1 and len(art["places"]) == 1


def test_actors_quotes_speakers_articles(client):
    actors = client.get("/api/actors?limit=5").json()
    assert actors["items"][0]["code"] == "USA"  # the generator draws the first actors most often
    assert all(a["events"] == a["as_source"] + a["as_target"] for a in actors["items"])
    igo = client.get("/api/actors?code=IGOUNO").json()["items"]
    assert igo and {a["name"] for a in igo} == {"United Nations"}
    quotes = client.get("/api/quotes?speaker=russia&limit=5").json()["items"]
    assert quotes and all("Russia" in q["speaker"] for q in quotes)
    speakers = client.get("/api/speakers?limit=3").json()["items"]
    assert len(speakers) == 3 and speakers[0]["quotes"] >= speakers[1]["quotes"]
    arts = client.get("/api/articles?limit=4").json()
    assert len(arts["items"]) == 4 and arts["items"][0]["events"] == 5


def test_dyad_both_directions(client, synth_path):
    body = client.get("/api/dyads?a=usa&b=RUS&interval=month").json()
    assert body["series"]
    ab = sum(p["a_to_b"]["events"] for p in body["series"])
    ba = sum(p["b_to_a"]["events"] for p in body["series"])
    pair = ("SELECT count(DISTINCT s.event_pk) FROM event_actors s JOIN event_actors t ON t.event_pk = s.event_pk "
            "AND t.side = 'target' WHERE s.side = 'source' AND s.code = ? AND t.code = ?")
    assert ab == count(synth_path, pair, ["USA", "RUS"]) and ba == count(synth_path, pair, ["RUS", "USA"])
    # The projection (codes) and the store's tables (names) agree.
    by_name = client.get("/api/dyads?a=United%20States&b=russia&by=name&interval=month").json()
    assert len(by_name["series"]) == len(body["series"])
    for x, y in zip(by_name["series"], body["series"]):  # sums in another order: last-digit differences
        assert x["period"] == y["period"]
        for d in ("a_to_b", "b_to_a", "total"):
            assert x[d]["events"] == y[d]["events"]
            assert x[d]["goldstein"] == pytest.approx(y[d]["goldstein"])
    weekly = client.get("/api/dyads?a=USA&b=RUS&interval=week&type=ASSAULT").json()["series"]
    assert sum(p["total"]["events"] for p in weekly) < ab + ba
    # Another filter than types and dates goes to the store's tables, with the same answer shape.
    placed = client.get("/api/dyads?a=USA&b=RUS&place=Kyiv").json()["series"]
    assert sum(p["total"]["events"] for p in placed) <= ab + ba


def test_timeline_network_locations(client):
    tl = client.get("/api/timeline?interval=year").json()["items"]
    assert sum(r["events"] for r in tl) == N_EVENTS
    net = client.get("/api/network?limit=10").json()
    assert len(net["edges"]) == 10 and net["edges"][0]["events"] >= net["edges"][-1]["events"]
    assert {n["id"] for n in net["nodes"]} >= {net["edges"][0]["source"], net["edges"][0]["target"]}
    loc = client.get("/api/locations?type=ASSAULT").json()
    assert loc["events"] and all(p["types"] == ["ASSAULT"] for p in loc["events"])
    assert loc["mentions"]
