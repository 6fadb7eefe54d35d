"""The windowed event page gives exactly the store's find_events rows, for any filter and page."""
from __future__ import annotations

from datetime import date

import pytest

from wirecoder.server.database import Database
from wirecoder.server.eventpage import find_events_fast
from wirecoder.store.queries import EventFilter, find_events


@pytest.fixture(scope="module")
def cur(synth_path):
    db = Database(synth_path, create=False, use_projection=False)
    with db.reader() as c:
        yield c
    db.close()


@pytest.mark.parametrize("flt", [
    EventFilter(limit=20), EventFilter(limit=7, offset=300), EventFilter(limit=50, offset=2990),
    EventFilter(actor_code="RUS", types=("ASSAULT", "COERCE"), limit=30, offset=5),
    EventFilter(date_from=date(2015, 2, 1), date_to=date(2015, 6, 1), sector="MIL", side="source", limit=40),
    EventFilter(text="sanctions", negated=False, limit=25), EventFilter(place="Kyiv", limit=10, offset=20),
    EventFilter(actor_name="united", limit=15), EventFilter(article_id="syn-3", limit=None),
    EventFilter(date_from=date(2030, 1, 1), limit=10),
])
def test_same_rows_as_store(cur, flt):
    expected = find_events(cur, flt)
    assert find_events_fast(cur, flt) == expected
