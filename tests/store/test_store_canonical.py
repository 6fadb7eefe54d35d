"""Canonical events in the store: duplicate_of, rebuilt per story on write, incremental across batches."""
from __future__ import annotations

import dataclasses
from datetime import date

from store_samples import span
from wirecoder.records import ActorRef, Analysis, Article, Event, Place, PlaceMention
from wirecoder.store import open_store

KYIV = Place("Kyiv", "UKR", 50.45, 30.52, 703448, "city")


def report(aid: str, outlet: str, text: str, *, dead: float | None, story: str = "s1",
           day: date = date(2023, 4, 3), dup: str | None = None, negated: bool = False) -> Analysis:
    """One article reporting a missile strike on Kyiv, with its own death toll."""
    ev = Event(type="ASSAULT", evidence=(0, len(text)), trigger=span(text, "struck"),
               source=(ActorRef("Russia", "RUS", "MIL"),), target=(ActorRef("civilians", "UKR", "CVL"),),
               date="2023-04-02", location=PlaceMention(*span(text, "Kyiv"), "Kyiv", KYIV), dead=dead,
               negated=negated, confidence=0.8)
    art = Article(id=aid, text=text, title=text[:30], date=day, source=outlet)
    return Analysis(article=art, events=(ev,), story=story, duplicate_of=dup)


A = report("a", "North Wire", "Russian missiles struck a housing block in Kyiv on Sunday, killing 12 people.", dead=12)
B = report("b", "Harbour Times", "Missiles struck an apartment building in Kyiv, killing 19 residents, rescuers said.",
           dead=19, day=date(2023, 4, 4))
COPY = report("c", "Valley Daily", "Russian missiles struck a housing block in Kyiv on Sunday, killing 12 people!",
              dead=12, dup="a")


def rows(store, sql: str, *params):
    return store.con.execute(sql, list(params)).fetchall()


def test_one_report_is_one_canonical_event_with_one_source():
    with open_store() as store:
        store.write([A])
        assert rows(store, "SELECT id, story, type, mentions, sources, contested, source, target, place, date "
                           "FROM canonical_events") == \
            [("s1/e1", "s1", "ASSAULT", 1, 1, False, ["RUS"], ["UKR"], "Kyiv", "2023-04-02")]
        assert rows(store, "SELECT canonical_id, article_id, outlet, modality, duplicate_of FROM canonical_mentions") == \
            [("s1/e1", "a", "North Wire", "asserted", None)]
        assert rows(store, "SELECT count(*) FROM canonical_claims") == [(0,)]


def test_a_later_batch_corroborates_and_contests_the_stored_event():
    with open_store() as store:
        store.write([A])
        store.write([COPY])  # a copy: a second mention, not a second source
        assert rows(store, "SELECT mentions, sources, contested FROM canonical_events") == [(2, 1, False)]
        assert rows(store, "SELECT duplicate_of FROM articles WHERE id = 'c'") == [("a",)]
        conf_one = rows(store, "SELECT confidence FROM canonical_events")[0][0]
        store.write([B])  # another outlet, another death toll
        ((cid, mentions, sources, contested, conf, first),) = rows(
            store, "SELECT id, mentions, sources, contested, confidence, first_reported FROM canonical_events")
        assert (mentions, sources, contested, first) == (3, 2, True, date(2023, 4, 3))
        assert conf != conf_one
        claims = rows(store, "SELECT field, value, article_ids FROM canonical_claims WHERE canonical_id = ? "
                             "ORDER BY position", cid)
        assert claims == [("dead", "12", ["a", "c"]), ("dead", "19", ["b"])]
        # mentions point at the stored events
        assert rows(store, "SELECT count(*) FROM canonical_mentions m JOIN events e ON e.pk = m.event_pk "
                           "JOIN articles a ON a.pk = m.article_pk AND a.pk = e.article_pk") == [(3,)]


def test_only_touched_stories_are_recomputed_and_rebuild_is_idempotent():
    other = dataclasses.replace(report("z", "North Wire", "Drones struck a depot near Kyiv overnight.", dead=None),
                                story="s2")
    with open_store() as store:
        store.write([A, other])
        before = rows(store, "SELECT id, computed_at FROM canonical_events ORDER BY id")
        store.write([B])
        after = dict(rows(store, "SELECT id, computed_at FROM canonical_events ORDER BY id"))
        assert after["s2/e1"] == dict(before)["s2/e1"]  # s2 untouched
        assert after["s1/e1"] > dict(before)["s1/e1"]
        snapshot = rows(store, "SELECT id, mentions, sources, contested FROM canonical_events ORDER BY id")
        assert store.rebuild_canonical() == 2
        assert rows(store, "SELECT id, mentions, sources, contested FROM canonical_events ORDER BY id") == snapshot
        assert rows(store, "SELECT count(*) FROM canonical_mentions") == [(3,)]


def test_a_denial_contests_the_modality():
    denial = report("d", "Harbour Times", "Moscow denied its missiles struck any housing in Kyiv.", dead=None,
                    negated=True)
    with open_store() as store:
        store.write([A, denial])
        assert rows(store, "SELECT field, value, article_ids FROM canonical_claims ORDER BY position") == \
            [("modality", "asserted", ["a"]), ("modality", "denied", ["d"])]


def test_articles_without_a_story_get_no_canonical_events():
    with open_store() as store:
        store.write([dataclasses.replace(A, story=None)])
        assert rows(store, "SELECT count(*) FROM canonical_events") == [(0,)]


def test_story_reads_list_stories_and_contested_events_with_claims():
    from wirecoder.store import CanonicalFilter
    other = dataclasses.replace(report("z", "North Wire", "Drones struck a depot near Kyiv overnight.", dead=None),
                                story="s2")
    with open_store() as store:
        store.write([A, COPY, B, other])
        listed = {s["story"]: s for s in store.stories()}
        s1 = listed["s1"]
        assert (s1["articles"], s1["originals"], s1["sources"], s1["first_date"], s1["last_date"],
                s1["canonical_events"], s1["contested_events"]) == \
            (3, 2, ["Harbour Times", "North Wire", "Valley Daily"], date(2023, 4, 3), date(2023, 4, 4), 1, 1)
        assert [s["story"] for s in store.stories(min_articles=2)] == ["s1"]
        contested = store.canonical_events(CanonicalFilter(contested=True))
        assert [e["id"] for e in contested] == ["s1/e1"]
        ev = contested[0]
        assert ev["conflicts"] == [{"field": "dead", "claims": [{"value": "12", "article_ids": ["a", "c"]},
                                                                {"value": "19", "article_ids": ["b"]}]}]
        assert [(m["article_id"], m["duplicate_of"]) for m in ev["mention_list"]] == [("a", None), ("c", "a"), ("b", None)]
        assert ev["mention_list"][2]["evidence_text"] == B.article.text
        assert [e["id"] for e in store.canonical_events(CanonicalFilter(contested=False))] == ["s2/e1"]
        one = store.story("s1")
        assert [a["id"] for a in one["articles"]] == ["a", "c", "b"]
        assert one["originals"] == 2 and one["canonical_events"][0]["contested"] is True
        assert store.story("nope") is None
