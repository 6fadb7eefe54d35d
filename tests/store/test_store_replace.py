"""Re-coding stored articles: ``write(..., replace=True)`` swaps an article's records, keeps its key."""
from __future__ import annotations

import dataclasses

import pytest
from store_samples import samples
from test_store_canonical import A, B, rows
from wirecoder.store import open_store

CHILDREN = ("actors", "events", "quotes", "timexes", "places", "quantities", "entities")


@pytest.fixture()
def db(tmp_path):
    return tmp_path / "replace.duckdb"


def counts(store):
    return {t: rows(store, f"SELECT count(*) FROM {t}")[0][0] for t in (*CHILDREN, "event_actors", "articles")}


def test_without_replace_a_stored_article_is_a_duplicate(db):
    with open_store(db) as store:
        store.write(samples())
        before = counts(store)
        report = store.write(samples())
        assert (report.stored, report.duplicates, report.replaced) == (0, len(samples()), 0)
        assert counts(store) == before


def test_replace_swaps_records_and_keeps_the_article_key(db):
    first = samples()
    with open_store(db) as store:
        store.write(first)
        pks = dict(rows(store, "SELECT hash, pk FROM articles"))
        before = counts(store)
        # the same texts coded again, this time by a coder that finds one event fewer in the first article
        recoded = [dataclasses.replace(first[0], events=first[0].events[1:]), *first[1:]]
        report = store.write(recoded, replace=True)
        assert (report.stored, report.replaced, report.duplicates) == (0, len(first), 0)
        after = counts(store)
        assert after["articles"] == before["articles"]
        assert after["events"] == before["events"] - 1
        assert dict(rows(store, "SELECT hash, pk FROM articles")) == pks
        # nothing is left hanging on a deleted event or article
        for table in CHILDREN:
            assert rows(store, f"SELECT count(*) FROM {table} t ANTI JOIN articles a ON a.pk = t.article_pk")[0][0] == 0
        assert rows(store, "SELECT count(*) FROM event_actors x ANTI JOIN events e ON e.pk = x.event_pk")[0][0] == 0


def test_replace_mixes_new_and_stored_articles_and_is_repeatable(db):
    with open_store(db) as store:
        store.write(samples()[:1])
        report = store.write(samples(), replace=True)
        assert (report.stored, report.replaced) == (len(samples()) - 1, 1)
        again = store.write(samples(), replace=True, batch_size=1)
        assert (again.stored, again.replaced) == (0, len(samples()))
        assert rows(store, "SELECT count(*) FROM articles")[0][0] == len(samples())


def test_replace_recomputes_canonical_events_of_old_and_new_story(db):
    with open_store(db) as store:
        store.write([A, B])
        assert rows(store, "SELECT count(*) FROM canonical_mentions WHERE story = 's1'")[0][0] == 2
        moved = dataclasses.replace(B, story="s2")  # the story index now puts B in a story of its own
        store.write([moved], replace=True)
        assert rows(store, "SELECT count(*) FROM canonical_mentions WHERE story = 's1'")[0][0] == 1
        assert rows(store, "SELECT count(*) FROM canonical_mentions WHERE story = 's2'")[0][0] == 1
