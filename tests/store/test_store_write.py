"""Writing analyses and failures: rows, duplicates, runs, read-only and locked databases."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import date, datetime

import duckdb
import pytest

from store_samples import arrests, broken_input, samples, shelling, talks
from wirecoder.errors import StoreError, StoreLocked
from wirecoder.records import ActorRef, Analysis, Article, Event, Failure
from wirecoder.store import Store, WriteReport, open_store
from wirecoder.store.rows import COLUMNS


@pytest.fixture()
def db(tmp_path):
    return tmp_path / "wc.duckdb"


def test_write_counts_rows_of_every_table(db):
    with open_store(db) as store:
        report = store.write(samples() + [broken_input()])
        assert report == WriteReport(stored=3, duplicates=0, failures=1, events=7)
        assert store.counts() == {"runs": 0, "articles": 3, "failures": 1, "actors": 5, "events": 7,
                                  "event_actors": 13, "quotes": 2, "timexes": 1, "places": 3,
                                  "quantities": 3, "entities": 2}


def test_article_and_event_values_round_trip(db):
    with open_store(db) as store:
        store.write([shelling()])
        con = store.con
        art = con.execute("SELECT id, title, date, url, source, origin, pipeline, language, hash, "
                          "length(text) FROM articles").fetchone()
        a = shelling().article
        assert art == ("kh-1", "Shelling in Kharkiv", date(2022, 3, 1), a.url, "Example Wire", "feed.jsonl:1",
                       "test-model/0.1", "en", a.hash, len(a.text))
        ev = con.execute("SELECT type, mode, cameo, goldstein, date, event_day, location_name, location_country, "
                         "location_lat, location_geonameid, dead, injured, evidence_text, trigger_start, "
                         "confidence FROM events WHERE idx = 0").fetchone()
        start, end = shelling().events[0].evidence
        assert ev == ("ASSAULT", "aerial", "195", -10.0, "2022-02-28", date(2022, 2, 28), "Kharkiv", "UKR",
                      49.98, 706483, 3.0, 12.0, a.text[start:end], a.text.index("shelled"), 0.9)
        assert a.text[start:end].startswith("Russian troops shelled")
        threat = con.execute("SELECT future, quote_index, event_day FROM events WHERE idx = 1").fetchone()
        # no stated date: counted on the dateline
        assert threat == (True, 0, date(2022, 3, 1))


def test_sides_actors_quotes_and_spans(db):
    with open_store(db) as store:
        store.write([talks()])
        con = store.con
        sides = con.execute("SELECT e.type, ea.side, ea.position, ea.name, ea.code, ea.sector, ea.igo, "
                            "ea.actor_id FROM event_actors ea JOIN events e ON e.pk = ea.event_pk "
                            "ORDER BY e.idx, ea.side, ea.position").fetchall()
        assert sides[:2] == [("CONSULT", "source", 0, "Wendy Sherman", "USA", "GOV", None, "a1"),
                             ("CONSULT", "target", 0, "Sergei Ryabkov", "RUS", "GOV", None, "a2")]
        assert ("MOBILIZE", "source", 0, "NATO", "IGO", None, "NATO", None) in sides
        mentions = con.execute("SELECT mentions FROM actors WHERE actor_id = 'a2'").fetchone()[0]
        assert mentions == [list(m) for m in talks().actors[1].mentions]
        quote = con.execute("SELECT speaker, speaker_code, direct, text, cue_start, speaker_start "
                            "FROM quotes").fetchone()
        t = talks().article.text
        assert quote == ("Sergei Ryabkov", "RUS", False, "the talks had been difficult",
                         t.index("said", t.index("Ryabkov said")), t.index("Ryabkov said"))
        place = con.execute("SELECT name, country, lat, lon, metonym, adjectival FROM places").fetchone()
        assert place == ("Geneva", "CHE", 46.20, 6.14, False, False)


def test_month_date_counts_on_first_day_and_undated_article_keeps_null(db):
    with open_store(db) as store:
        store.write([arrests()])
        rows = store.con.execute("SELECT type, date, event_day, arrested, negated, historical FROM events "
                                 "ORDER BY idx").fetchall()
        assert rows == [("COERCE", "2021-11", date(2021, 11, 1), 40.0, False, True),
                        ("CONSULT", None, None, None, True, False)]
        assert store.con.execute("SELECT date, title FROM articles").fetchone() == (None, None)


def test_rewriting_the_same_content_is_a_counted_no_op(db):
    with open_store(db) as store:
        first = store.write(samples())
        again = store.write(samples())
        assert (first.stored, again.stored, again.duplicates, again.events) == (3, 0, 3, 0)
        # same text under another id, with different spacing: the same article
        a = shelling()
        respaced = replace(a, article=Article(id="other-id", text=a.article.text.replace(" ", "  ")))
        assert store.write([respaced]).duplicates == 1
        assert store.counts()["articles"] == 3
        assert store.counts()["events"] == 7


def test_duplicates_within_one_batch_and_across_batches(db):
    with open_store(db) as store:
        report = store.write([shelling(), shelling(), talks(), arrests(), talks()], batch_size=2)
        assert (report.stored, report.duplicates) == (3, 2)
        ids = [r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY pk").fetchall()]
        assert ids == ["kh-1", "gv-7", "mn-3"]


def test_reopened_database_keeps_rows_and_deduplicates(db):
    with open_store(db) as store:
        store.write(samples())
    with open_store(db) as store:
        assert store.write(samples()) == WriteReport(stored=0, duplicates=3, failures=0, events=0)
        pks = store.con.execute("SELECT count(DISTINCT pk) FROM events").fetchone()[0]
        assert pks == 7


def test_no_orphans_and_keys_unique(db):
    with open_store(db) as store:
        store.write(samples() * 2, batch_size=1)
        con = store.con
        for table in ("actors", "events", "quotes", "timexes", "places", "quantities", "entities"):
            assert con.execute(f"SELECT count(*) FROM {table} t ANTI JOIN articles a ON a.pk = t.article_pk"
                               ).fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM event_actors ea ANTI JOIN events e ON e.pk = ea.event_pk"
                           ).fetchone()[0] == 0


def test_failures_and_runs_are_recorded(db):
    with open_store(db) as store:
        run = store.start_run("wirecoder ingest inbox/", {"model": "sm", "db": db})
        report = store.write([shelling(), broken_input(),
                              Failure("line 7", "W105", "not JSON", "ingest", retryable=False)], run_id=run)
        store.finish_run(run, report)
        fails = store.con.execute("SELECT run_id, item, code, reason, stage, retryable, origin FROM failures "
                                  "ORDER BY item").fetchall()
        assert fails == [(run, "blob.bin", "W102", "binary data, not text", "ingest", False, "inbox/blob.bin"),
                         (run, "line 7", "W105", "not JSON", "ingest", False, None)]
        row = store.con.execute("SELECT command, settings->>'model', stored, duplicates, failed, events, "
                                "finished >= started FROM runs WHERE id = ?", [run]).fetchone()
        assert row == ("wirecoder ingest inbox/", "sm", 1, 0, 2, 2, True)
        assert store.con.execute("SELECT run_id FROM articles").fetchone()[0] == run
        assert isinstance(store.con.execute("SELECT failed_at FROM failures").fetchone()[0], datetime)
        assert store.start_run("again") == run + 1
        with pytest.raises(StoreError):
            store.finish_run(999, report)


def test_an_analysis_the_database_refuses_becomes_a_failure(db):
    bad = Analysis(article=Article(id="nameless", text="Someone attacked someone."),
                   events=(Event(type="ASSAULT", evidence=(0, 25), source=(ActorRef(name=None),)),))  # type: ignore[arg-type]
    with open_store(db) as store:
        report = store.write([shelling(), bad, talks()])
        assert (report.stored, report.failures) == (2, 1)
        assert store.con.execute("SELECT item, code, stage FROM failures").fetchall() == [("nameless", "W400", "store")]
        assert store.counts()["articles"] == 2


def test_odd_numbers_and_text_are_stored_safely(db):
    text = "Rebels fired rockets\u0000 at the \ud800 airport; \"nobody\" was hurt.\nLater, calm."
    # (records.content_hash cannot encode a lone surrogate, so this article brings its own hash)
    a = Analysis(article=Article(id="odd", text=text, hash="odd-text"),
                 events=(Event(type="ASSAULT", evidence=(0, 20), goldstein=float("nan"), size=float("inf")),))
    with open_store(db) as store:
        assert store.write([a]).stored == 1
        gold, size, ev_text = store.con.execute("SELECT goldstein, size, evidence_text FROM events").fetchone()
        assert (gold, size, ev_text) == (None, None, "Rebels fired rockets")
        stored = store.con.execute("SELECT text FROM articles").fetchone()[0]
        assert len(stored) == len(text) and "\x00" in stored and "\n" in stored


def test_rejects_objects_that_are_not_outcomes(db):
    with open_store(db) as store, pytest.raises(StoreError):
        store.write([{"id": "x"}])  # type: ignore[list-item]


def test_read_only_refuses_writes(db):
    with open_store(db) as store:
        store.write([shelling()])
    with Store.open(db, read_only=True) as ro:
        assert ro.counts()["articles"] == 1
        with pytest.raises(StoreError):
            ro.write([talks()])
        with pytest.raises(StoreError):
            ro.start_run("x")
        with pytest.raises(duckdb.Error):  # even raw SQL cannot write
            ro.con.execute("DELETE FROM articles")
    with open_store(db) as store:
        assert store.counts()["articles"] == 1


def test_read_only_needs_an_existing_database(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


def test_a_database_held_by_another_process_is_locked(db):
    open_store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(db)!r})
        print("held", flush=True)
        sys.stdin.readline()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreLocked) as err:
            open_store(db)
        assert err.value.retryable and err.value.code == "W402"
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)


def test_writer_columns_exist_in_the_schema():
    with open_store() as store:
        cols = {(t, c) for t, c in store.con.execute(
            "SELECT table_name, column_name FROM information_schema.columns").fetchall()}
        for table, names in COLUMNS.items():
            for name in names:
                assert (table, name) in cols, (table, name)


def test_write_report_adds_up():
    assert WriteReport(1, 2, 3, 4) + WriteReport(1, 1, 1, 1) == WriteReport(2, 3, 4, 5)


def test_event_day_reads_every_stated_precision():
    from wirecoder.store.rows import event_day
    dateline = date(2022, 1, 12)
    assert event_day("2022-01-10", dateline) == date(2022, 1, 10)
    assert event_day("2022-01-10T14:00", dateline) == date(2022, 1, 10)
    assert event_day("2021-11", dateline) == date(2021, 11, 1)
    assert event_day("2020", dateline) == date(2020, 1, 1)
    assert event_day("2022-W03", dateline) == date(2022, 1, 17)
    assert event_day("2022-Q2", dateline) == date(2022, 4, 1)
    assert event_day("197X", dateline) == dateline
    assert event_day(None, None) is None


def test_same_file_in_two_modes_within_one_process_is_a_store_error(db):
    with open_store(db):
        with pytest.raises(StoreError, match="another mode"):
            Store.open(db, read_only=True)


def test_cursor_serves_another_thread(db):
    import threading
    with open_store(db) as store:
        store.write(samples())
        seen = []
        cur = store.cursor()
        worker = threading.Thread(
            target=lambda: seen.append(cur.execute("SELECT count(*) FROM events").fetchone()[0]))
        worker.start()
        worker.join()
        assert seen == [7]


def test_thousands_of_articles_in_one_write(db):
    # Speed is measured in bench/, not here; this checks a large batch stores completely.
    base = shelling()
    items = [replace(base, article=Article(id=f"n{i}", text=f"Item {i}. {base.article.text}", date=base.article.date))
             for i in range(2000)]
    with open_store(db) as store:
        report = store.write(items)
        assert report.stored == 2000 and store.counts()["event_actors"] == 8000
