"""The stories API: story list, one story with its canonical events, contested filter (hand-built analyses)."""
from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from wirecoder.records import ActorRef, Analysis, Article, Event, Place, PlaceMention
from wirecoder.server.app import create_app
from wirecoder.store import open_store

ODESA = Place("Odesa", "UKR", 46.48, 30.72, 698740, "city")


def _report(aid: str, outlet: str, text: str, day: date, story: str, *, dead: float | None = None,
            dup: str | None = None, typ: str = "ASSAULT") -> Analysis:
    at = text.index("Odesa")
    ev = Event(type=typ, evidence=(0, len(text)), source=(ActorRef("Russia", "RUS", "MIL"),),
               target=(ActorRef("Ukraine", "UKR"),), date="2023-07-20",
               location=PlaceMention(at, at + 5, "Odesa", ODESA), dead=dead, confidence=0.7)
    return Analysis(article=Article(id=aid, text=text, title=text.split(",")[0], date=day, source=outlet),
                    events=(ev,), story=story, duplicate_of=dup)


ARTICLES = [
    _report("p1", "Port Gazette", "Drones hit grain silos in Odesa, killing two dock workers overnight.",
            date(2023, 7, 20), "s-port", dead=2),
    _report("p2", "Coast Radio", "Drones hit grain silos in Odesa, killing two dock workers overnight!",
            date(2023, 7, 20), "s-port", dead=2, dup="p1"),
    _report("p3", "Delta News", "An overnight drone strike on Odesa's grain terminal killed five workers.",
            date(2023, 7, 21), "s-port", dead=5),
    _report("t1", "Port Gazette", "Ministers met in Odesa to discuss reopening the grain corridor.",
            date(2023, 7, 25), "s-talks", typ="CONSULT"),
]


@pytest.fixture(scope="module")
def stories_client(tmp_path_factory):
    path = tmp_path_factory.mktemp("stories") / "stories.duckdb"
    with open_store(path) as store:
        store.write(ARTICLES[:2])
        store.write(ARTICLES[2:])  # a later batch joins and contests the stored story
    with TestClient(create_app(path, api_token="")) as c:
        yield c


def test_story_list_has_counts_outlets_and_dates(stories_client):
    body = stories_client.get("/api/stories").json()
    by = {s["story"]: s for s in body["items"]}
    assert list(by) == ["s-talks", "s-port"]  # most recent first
    port = by["s-port"]
    assert (port["articles"], port["originals"], port["sources"], port["first_date"], port["last_date"],
            port["contested_events"], port["title"]) == \
        (3, 2, ["Coast Radio", "Delta News", "Port Gazette"], "2023-07-20", "2023-07-21", 1, "Drones hit grain silos in Odesa")
    assert [s["story"] for s in stories_client.get("/api/stories?min_articles=2").json()["items"]] == ["s-port"]
    page = stories_client.get("/api/stories?limit=1").json()
    assert len(page["items"]) == 1 and page["next_offset"] == 1


def test_one_story_with_articles_and_contested_event(stories_client):
    s = stories_client.get("/api/stories/s-port").json()
    assert [(a["id"], a["duplicate_of"]) for a in s["articles"]] == [("p1", None), ("p2", "p1"), ("p3", None)]
    (ev,) = s["canonical_events"]
    assert (ev["type"], ev["mentions"], ev["sources"], ev["contested"], ev["place"]) == ("ASSAULT", 3, 2, True, "Odesa")
    assert ev["conflicts"] == [{"field": "dead", "claims": [{"value": "2", "article_ids": ["p1", "p2"]},
                                                            {"value": "5", "article_ids": ["p3"]}]}]
    assert [m["outlet"] for m in ev["mention_list"]] == ["Port Gazette", "Coast Radio", "Delta News"]
    assert ev["mention_list"][2]["evidence_text"].startswith("An overnight drone strike")
    r = stories_client.get("/api/stories/no-such-story")
    assert r.status_code == 404


def test_canonical_events_filter_contested(stories_client):
    yes = stories_client.get("/api/canonical-events?contested=true").json()["items"]
    no = stories_client.get("/api/canonical-events?contested=false").json()["items"]
    assert [e["id"] for e in yes] == ["s-port/e1"]
    assert [(e["id"], e["type"], e["sources"]) for e in no] == [("s-talks/e1", "CONSULT", 1)]
    assert [e["id"] for e in stories_client.get("/api/canonical-events?min_sources=2").json()["items"]] == ["s-port/e1"]
    assert [e["id"] for e in stories_client.get("/api/canonical-events?type=CONSULT&story=s-talks").json()["items"]] \
        == ["s-talks/e1"]
    assert stories_client.get("/api/canonical-events?limit=0").status_code == 400
