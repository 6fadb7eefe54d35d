"""Event and quote filters (each one), paging, bound parameters and the query time limit."""
from __future__ import annotations

import time
from datetime import date

import pytest

from store_samples import samples
from wirecoder.errors import QueryError, QueryTimeout
from wirecoder.store import EventFilter, QuoteFilter, Store, execute, open_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "wc.duckdb"
    with open_store(path) as st:
        st.write(samples())
    with Store.open(path, read_only=True) as ro:
        yield ro


def types(store, **kw):
    return sorted(e["type"] for e in store.events(EventFilter(**kw)))


def test_all_events_newest_first_with_sides(store):
    rows = store.events()
    assert len(rows) == 7
    days = [r["event_day"] for r in rows]
    assert days[0] == date(2022, 3, 1) and days[-1] is None  # undated last
    consult = next(r for r in rows if r["type"] == "CONSULT" and r["article_id"] == "gv-7")
    assert consult["source"] == [{"name": "Wendy Sherman", "code": "USA", "sector": "GOV", "igo": None,
                                  "actor_id": "a1", "span": list(samples()[1].events[0].source[0].span)}]
    assert [s["name"] for s in consult["target"]] == ["Sergei Ryabkov"]
    assert consult["location_name"] == "Geneva" and consult["article_title"] == "Geneva talks"
    mobilize = next(r for r in rows if r["type"] == "MOBILIZE")
    assert mobilize["target"] == []


def test_filter_types(store):
    assert types(store, types=("CONSULT",)) == ["CONSULT", "CONSULT"]
    assert types(store, types=["assault", "REJECT"]) == ["ASSAULT", "REJECT"]
    assert types(store, types="COERCE") == ["COERCE"]


def test_filter_actor_code_either_side_or_one_side(store):
    assert types(store, actor_code="rus") == ["ASSAULT", "CONSULT", "REJECT", "THREATEN"]
    assert types(store, actor_code="RUS", side="source") == ["ASSAULT", "THREATEN"]
    assert types(store, actor_code="RUS", side="target") == ["CONSULT", "REJECT"]


def test_filter_actor_name_substring_case_insensitive(store):
    assert types(store, actor_name="sherMAN") == ["CONSULT"]
    assert types(store, actor_name="protest") == ["COERCE"]
    assert types(store, actor_name="Nobody Known") == []


def test_filter_sector_binds_to_the_same_actor(store):
    assert types(store, sector="MIL") == ["ASSAULT"]
    assert types(store, sector="gov", actor_code="USA") == ["CONSULT", "REJECT"]
    # a Russian MIL actor exists, and a USA actor exists, but never the same one
    assert types(store, sector="MIL", actor_code="USA") == []


def test_filter_side_alone_means_a_side_is_known(store):
    assert "MOBILIZE" not in types(store, side="target")
    assert len(types(store, side="source")) == 7


def test_filter_dates(store):
    assert types(store, date_from="2022-02-01") == ["ASSAULT", "MOBILIZE", "THREATEN"]
    assert types(store, date_to=date(2021, 12, 31)) == ["COERCE"]
    assert types(store, date_from="2022-01-01", date_to="2022-01-31") == ["CONSULT", "REJECT"]


def test_filter_text_in_evidence(store):
    assert types(store, text="NATO EXPANSION") == ["REJECT"]
    assert types(store, text="  ") == types(store)  # blank box: no filter


def test_filter_flags(store):
    assert types(store, negated=True) == ["CONSULT"]
    assert types(store, hypothetical=True) == ["MOBILIZE"]
    assert types(store, future=True) == ["MOBILIZE", "THREATEN"]
    assert len(types(store, negated=False, hypothetical=False)) == 5


def test_filter_place_by_name_or_country(store):
    assert types(store, place="kharkiv") == ["ASSAULT"]
    assert types(store, place="BLR") == ["COERCE"]
    assert types(store, place="che") == ["CONSULT"]


def test_filter_article_id(store):
    assert types(store, article_id="mn-3") == ["COERCE", "CONSULT"]


def test_paging(store):
    every = [r["event_id"] for r in store.events(EventFilter(limit=None))]
    pages = [r["event_id"] for off in range(0, 7, 3) for r in store.events(EventFilter(limit=3, offset=off))]
    assert pages == every and len(set(every)) == 7


def test_parameters_are_bound_not_formatted(store):
    hostile = "x'); DROP TABLE events; --"
    assert store.events(EventFilter(text=hostile, actor_name=hostile, place=hostile, article_id=hostile)) == []
    assert len(store.events()) == 7


@pytest.mark.parametrize("kw", [dict(limit=0), dict(limit=10_001), dict(offset=-1), dict(side="both"),
                                dict(date_from="last week")])
def test_bad_filter_values_raise_query_error(kw):
    with pytest.raises(QueryError):
        EventFilter(**kw)


def test_quote_filters(store):
    assert [q["speaker"] for q in store.quotes()] == ["Dmitry Peskov", "Sergei Ryabkov"]
    assert [q["speaker"] for q in store.quotes(QuoteFilter(speaker="peskov"))] == ["Dmitry Peskov"]
    assert len(store.quotes(QuoteFilter(speaker_code="rus"))) == 2
    assert [q["article_id"] for q in store.quotes(QuoteFilter(date_to="2022-02-01"))] == ["gv-7"]
    assert [q["article_id"] for q in store.quotes(QuoteFilter(date_from=date(2022, 2, 1)))] == ["kh-1"]
    assert [q["direct"] for q in store.quotes(QuoteFilter(text="GOALS"))] == [True]
    assert [q["speaker"] for q in store.quotes(QuoteFilter(direct=False))] == ["Sergei Ryabkov"]
    assert store.quotes(QuoteFilter(article_id="mn-3")) == []
    assert len(store.quotes(QuoteFilter(limit=1, offset=1))) == 1
    q = store.quotes(QuoteFilter(speaker="Ryabkov"))[0]
    text = samples()[1].article.text
    assert text[q["char_start"]:q["char_end"]] == q["text"]


def test_timeout_interrupts_a_slow_query(store):
    slow = "SELECT count(*) FROM range(1000000000) a, range(1000000) b WHERE a.range + b.range = 7"
    started = time.monotonic()
    with pytest.raises(QueryTimeout) as err:
        execute(store.con, slow, timeout=0.3)
    assert time.monotonic() - started < 5
    assert err.value.code == "W404" and err.value.retryable
    # the connection is still usable afterwards, and a quick query is not cut short
    assert len(store.events(timeout=5)) == 7


def test_bad_sql_and_bad_timeout_raise_query_error(store):
    with pytest.raises(QueryError):
        execute(store.con, "SELECT nope FROM events")
    with pytest.raises(QueryError):
        execute(store.con, "SELECT 1", timeout=0)


def test_store_wide_time_limit_reaches_every_read(tmp_path, monkeypatch):
    import wirecoder.store.export as export_mod
    import wirecoder.store.queries as queries_mod
    seen = []
    real = queries_mod.execute

    def spy(con, sql, params=None, timeout=None):
        seen.append(timeout)
        return real(con, sql, params, timeout)

    monkeypatch.setattr(queries_mod, "execute", spy)
    monkeypatch.setattr(export_mod, "execute", spy)
    with open_store(timeout=2.5) as st:
        st.write(samples())
        st.events()
        st.quotes()
        st.export_events(tmp_path / "e.csv")
        st.events(timeout=0.5)
    assert seen == [2.5, 2.5, 2.5, 0.5]
