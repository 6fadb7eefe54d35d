"""``watch_feeds``: poll RSS/Atom feeds and ingest what is new, continuously.

Every poll fetches each feed through the guarded Fetcher (address checks on
every redirect, timeouts, size caps, a polite delay per host; nothing fetched
is executed), and for each entry:
* an entry already seen in this feed (by entry id, else link) is a *repeat*
  and costs nothing more: its linked page is not fetched again;
* a new entry becomes an Article (its linked page fetched with
  ``settings.fetch_links``); if that text was stored before (same content hash,
  from any feed or any ingest) it is a *duplicate*;
* the rest are analysed with the pipeline (loaded once) and written.
What was seen is kept in the ``feed_seen`` table of the store, so a restarted
watcher skips what an earlier one ingested. A failed entry is seen (and its
failure recorded) unless the failure is retryable: that one is tried again at
the next poll.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from ..errors import UnknownFormat, WirecoderError
from ..ingest.common import ReadContext, check_bytes, failure, make_context
from ..ingest.fetch import Fetcher
from ..records import Article, Failure
from ..settings import Settings
from ..store import Store, WriteReport, open_store

_DDL = """
CREATE TABLE IF NOT EXISTS feed_seen (
    feed        VARCHAR NOT NULL,
    entry_key   VARCHAR NOT NULL,   -- the entry's id, else its link, else a hash of its title and text
    hash        VARCHAR,            -- content hash of the article it gave (NULL for a failed entry)
    first_seen  TIMESTAMP NOT NULL,
    PRIMARY KEY (feed, entry_key)
);
"""


@dataclass(frozen=True, slots=True)
class PollReport:
    """One poll of all feeds."""

    poll: int
    new: int  # articles stored
    repeats: int  # entries seen at an earlier poll
    duplicates: int  # new entries whose text was already stored
    failures: tuple[Failure, ...] = ()
    seconds: float = 0.0


@dataclass
class WatchSummary:
    run_id: int
    polls: int = 0
    stored: int = 0
    repeats: int = 0
    duplicates: int = 0
    failures: list[Failure] = field(default_factory=list)


def watch_feeds(feeds: Sequence[str], settings: Settings, *, interval: float, max_polls: int | None = None,
                on_poll: Callable[[PollReport], None] | None = None, sleep: Callable[[float], None] = time.sleep,
                fetcher: Fetcher | None = None, nlp: Any = None) -> WatchSummary:
    """Poll ``feeds`` every ``interval`` seconds (``max_polls`` times, or until interrupted)."""
    from ..nlp.pipeline import build_pipeline

    nlp = nlp or build_pipeline(settings)
    own = fetcher is None
    fetcher = fetcher or Fetcher(settings)
    ctx = make_context(settings, None, fetcher)
    record = {k: str(v) for k, v in dataclasses.asdict(settings).items()}
    try:
        with open_store(settings.db) as store:
            store.con.execute(_DDL)
            summary = WatchSummary(run_id=store.start_run("watch " + " ".join(feeds), record))
            totals = WriteReport()
            try:
                while max_polls is None or summary.polls < max_polls:
                    start = time.monotonic()
                    report, written = _poll(store, feeds, ctx, nlp, summary)
                    totals += written
                    if on_poll is not None:
                        on_poll(report)
                    if max_polls is not None and summary.polls >= max_polls:
                        break
                    sleep(max(0.0, interval - (time.monotonic() - start)))
            finally:
                store.finish_run(summary.run_id, totals)
            return summary
    finally:
        if own:
            fetcher.close()


def _poll(store: Store, feeds: Sequence[str], ctx: ReadContext, nlp: Any,
          summary: WatchSummary) -> tuple[PollReport, WriteReport]:
    from ..api import analyze_many

    start = time.monotonic()
    summary.polls += 1
    new: list[tuple[str, str, Article]] = []
    failed: list[tuple[str, str, Failure]] = []
    repeats = duplicates = 0
    pending_hashes: set[str] = set()
    for feed in feeds:
        entries, err = _fetch_entries(feed, ctx)
        if err is not None:
            failed.append((feed, "", err))
            continue
        seen = _seen_keys(store, feed)
        for key, item in entries(seen):
            if item is None:
                repeats += 1
            elif isinstance(item, Failure):
                failed.append((feed, key, item))
            elif item.hash in pending_hashes or _hash_known(store, item.hash):
                duplicates += 1
                _mark_seen(store, [(feed, key, item.hash)])
            else:
                pending_hashes.add(item.hash)
                new.append((feed, key, item))
    written = WriteReport()
    if new:
        outcomes = list(analyze_many([a for _, _, a in new], settings=ctx.settings, nlp=nlp))
        written = store.write(outcomes, run_id=summary.run_id)
        _mark_seen(store, [(f, k, a.hash) for f, k, a in new])
        failed.extend((f, k, o) for (f, k, _), o in zip(new, outcomes) if isinstance(o, Failure))
    fails = [f for _, _, f in failed]
    if fails:
        written += store.write(fails, run_id=summary.run_id)
    # a failure that a retry may cure (a timeout, HTTP 503) is left unseen: the next poll tries again
    _mark_seen(store, [(f, k, None) for f, k, fl in failed if k and not fl.retryable])
    summary.stored += written.stored
    summary.repeats += repeats
    summary.duplicates += duplicates + written.duplicates
    summary.failures.extend(fails[: max(0, 1000 - len(summary.failures))])
    report = PollReport(summary.polls, written.stored, repeats, duplicates + written.duplicates, tuple(fails),
                        time.monotonic() - start)
    return report, written


def _fetch_entries(feed: str, ctx: ReadContext):
    """(entries(seen) -> iterator of (key, Article | Failure | None for a repeat), None) or (None, Failure)."""
    import feedparser

    from ..ingest.feed import entry_item

    assert ctx.fetcher is not None
    try:
        res = ctx.fetcher.fetch(feed)
        check_bytes(res.body)
    except WirecoderError as exc:
        return None, failure(feed, exc, feed)
    # bytes only: given a string, feedparser would fetch URLs itself, outside the guards
    parsed = feedparser.parse(res.body, sanitize_html=True, resolve_relative_uris=True,
                              response_headers={"content-location": res.final_url})
    if not parsed.get("version") and not parsed.entries:
        return None, failure(feed, UnknownFormat("not an RSS or Atom feed"), feed)
    site = (parsed.feed.get("title") or "").strip() or None

    def entries(seen: set[str]):
        for n, entry in enumerate(parsed.entries, start=1):
            key = entry_key(entry)
            if key in seen:
                yield key, None
                continue
            seen.add(key)  # the same entry twice in one document counts once
            yield key, entry_item(entry, ctx, n=n, name=feed, origin=feed, site=site)

    return entries, None


def entry_key(entry: Any) -> str:
    """An entry's identity within its feed: its id, else its link, else a hash of title and text."""
    key = (entry.get("id") or "").strip() or (entry.get("link") or "").strip()
    if key:
        return key
    body = json.dumps([entry.get("title") or "", entry.get("summary") or ""], ensure_ascii=False)
    return "sha:" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


def _seen_keys(store: Store, feed: str) -> set[str]:
    return {r[0] for r in store.con.execute("SELECT entry_key FROM feed_seen WHERE feed = ?", [feed]).fetchall()}


def _hash_known(store: Store, h: str) -> bool:
    return store.con.execute("SELECT 1 FROM articles WHERE hash = ? LIMIT 1", [h]).fetchone() is not None


def _mark_seen(store: Store, rows: list[tuple[str, str, str | None]]) -> None:
    if not rows:
        return
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    doc = json.dumps([{"feed": f, "key": k, "hash": h} for f, k, h in rows])
    store.con.execute(
        "INSERT INTO feed_seen SELECT r.feed, r.key, r.hash, ? FROM "
        "(SELECT unnest(from_json(?, '[{\"feed\": \"VARCHAR\", \"key\": \"VARCHAR\", \"hash\": \"VARCHAR\"}]'), "
        "recursive := true)) r ON CONFLICT DO NOTHING", [now, doc])
