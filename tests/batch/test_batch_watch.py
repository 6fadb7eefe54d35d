"""The feed watcher against a feed served on 127.0.0.1 that gains items between polls."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import duckdb
import pytest

from wirecoder.batch.watch import watch_feeds
from wirecoder.settings import Settings

pytestmark = pytest.mark.model

_ITEMS = [
    ("urn:x:1", "Chile and Peru sign a water treaty", "Chile signed a water sharing treaty with Peru on Monday."),
    ("urn:x:2", "Norway aids Laos", "Norway pledged emergency aid to Laos after the floods, officials said."),
    ("urn:x:3", "Kenya protests", "Kenya accused Ethiopia of moving troops toward the border on Friday."),
    ("urn:x:4", "Same text, new id", "Chile signed a water sharing treaty with Peru on Monday."),
    ("urn:x:5", "Ghana recalls envoy", "Ghana recalled its ambassador from Togo on Wednesday."),
]


def _rss(items) -> bytes:
    body = "".join(f"<item><guid>{g}</guid><title>{t}</title><description>{d}</description>"
                   f"<pubDate>Mon, 13 Mar 2023 10:00:00 GMT</pubDate></item>" for g, t, d in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>{body}'
            f"</channel></rss>").encode()


class _Feed:
    """A feed whose visible items grow by one step per poll (items[: shown[poll]])."""

    def __init__(self, shown: list[int]) -> None:
        self.shown = shown
        self.requests = 0

    def handler(self):
        feed = self

        class H(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                n = feed.shown[min(feed.requests, len(feed.shown) - 1)]
                feed.requests += 1
                data = _rss(_ITEMS[:n])
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass
        return H


@pytest.fixture
def feed_server():
    feed = _Feed([2, 4, 5, 5])
    server = ThreadingHTTPServer(("127.0.0.1", 0), feed.handler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield feed, f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    server.shutdown()
    server.server_close()


def test_watch_ingests_new_items_and_skips_repeats(feed_server, tmp_path, nlp):
    feed, url = feed_server
    settings = Settings(db=tmp_path / "w.duckdb", allow_private_addresses=True, fetch_delay=0.0)
    reports = []
    summary = watch_feeds([url], settings, interval=0.0, max_polls=4, on_poll=reports.append, nlp=nlp)
    assert feed.requests == 4
    assert [(r.new, r.repeats, r.duplicates, len(r.failures)) for r in reports] == [
        (2, 0, 0, 0),  # two items
        (1, 2, 1, 0),  # two more: one new text, one the same text under a new id
        (1, 4, 0, 0),  # the fifth
        (0, 5, 0, 0),  # nothing new
    ]
    assert (summary.stored, summary.repeats, summary.duplicates) == (4, 11, 1)
    with duckdb.connect(str(settings.db), read_only=True) as con:
        assert con.execute("SELECT count(*), count(DISTINCT hash) FROM articles").fetchone() == (4, 4)
        assert con.execute("SELECT count(*) FROM feed_seen").fetchone()[0] == 5
        assert con.execute("SELECT stored FROM runs").fetchone()[0] == 4

    # a restarted watcher remembers what it saw (kept in the database)
    again = watch_feeds([url], settings, interval=0.0, max_polls=1, nlp=nlp)
    assert (again.stored, again.repeats) == (0, 5)


def test_watch_refuses_loopback_without_the_allow_setting(feed_server, tmp_path, nlp):
    feed, url = feed_server
    settings = Settings(db=tmp_path / "w.duckdb", fetch_delay=0.0)  # allow_private_addresses defaults to False
    reports = []
    summary = watch_feeds([url], settings, interval=0.0, max_polls=1, on_poll=reports.append, nlp=nlp)
    assert feed.requests == 0  # refused before any connection
    assert summary.stored == 0
    [fail] = reports[0].failures
    assert fail.code == "W201" and "127.0.0.1" in fail.reason


def test_watch_refuses_private_network_address(tmp_path, nlp):
    settings = Settings(db=tmp_path / "w.duckdb", fetch_delay=0.0, fetch_timeout=2.0)
    summary = watch_feeds(["http://10.20.30.40/rss.xml"], settings, interval=0.0, max_polls=1, nlp=nlp)
    assert [f.code for f in summary.failures] == ["W201"]
