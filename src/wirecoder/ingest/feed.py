"""RSS and Atom feeds through feedparser: each entry becomes one article.

The entry's content (or summary) is the text; with ``settings.fetch_links``
the linked page is fetched through the guarded fetcher and its main text is
used instead. A failed fetch is reported (retryable) rather than silently
replaced by the summary, so a retry can produce the full article.
feedparser only ever gets bytes: given a string it would fetch URLs itself,
outside the guards.
"""
from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import replace
from datetime import date as Date
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import BadDate, NoArticleText, UnknownFormat, WirecoderError
from ..records import Failure
from ..settings import Settings
from .common import (
    Item,
    ReadContext,
    check_bytes,
    failure,
    fetch_or_failure,
    finish,
    make_context,
    read_file_bytes,
)
from .dates import parse_dateline
from .html import html_fragment_to_text, html_item

if TYPE_CHECKING:
    from .fetch import Fetcher


def read_feed(source: str | Path, settings: Settings | None = None, *, date: str | Date | None = None,
              fetcher: "Fetcher | None" = None) -> Iterator[Item]:
    """The entries of an RSS/Atom feed file or http(s) URL."""
    ctx = make_context(settings, date, fetcher)
    s = str(source)
    if s.startswith(("http://", "https://")):
        yield from _with_fetcher(ctx, lambda c: feed_url_items(s, c))
        return
    p = Path(source)
    yield from _with_fetcher(ctx, lambda c: feed_file_items(p, c, p.name, str(p)))


def _with_fetcher(ctx: ReadContext, run: Any) -> Iterator[Item]:
    """Run with the caller's fetcher, or with one of our own that is closed afterwards."""
    if ctx.fetcher is not None:
        yield from run(ctx)
        return
    from .fetch import Fetcher  # cheap: httpx itself is imported on the first request
    with Fetcher(ctx.settings) as fetcher:
        yield from run(replace(ctx, fetcher=fetcher))


def feed_url_items(url: str, ctx: ReadContext) -> Iterator[Item]:
    assert ctx.fetcher is not None
    res = fetch_or_failure(ctx.fetcher, url)
    if isinstance(res, Failure):
        yield res
        return
    yield from feed_items(res.body, ctx, name=url, origin=url)


def feed_file_items(path: Path, ctx: ReadContext, name: str, origin: str) -> Iterator[Item]:
    data = read_file_bytes(path, ctx, name, origin)
    if isinstance(data, Failure):
        yield data
        return
    yield from feed_items(data, ctx, name=name, origin=origin)


def feed_items(data: bytes, ctx: ReadContext, *, name: str, origin: str) -> Iterator[Item]:
    """Articles (or Failures) for every entry of the feed document ``data``."""
    import feedparser

    try:
        check_bytes(data)
    except WirecoderError as exc:
        yield failure(name, exc, origin)
        return
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        why = parsed.get("bozo_exception")
        yield failure(name, UnknownFormat(f"not an RSS or Atom feed{f' ({why})' if why else ''}"), origin)
        return
    site = (parsed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(parsed.entries, start=1):
        yield entry_item(entry, ctx, n=n, name=name, origin=origin, site=site)


def entry_item(entry: Any, ctx: ReadContext, *, n: int, name: str, origin: str, site: str | None) -> Item:
    link = (entry.get("link") or "").strip() or None
    id = (entry.get("id") or "").strip() or link or f"{name}#{n}"
    title = entry.get("title")
    if title and "<" in title:
        title = html_fragment_to_text(title)
    try:
        when = entry_date(entry)
    except BadDate as exc:
        return failure(id, exc, origin)
    if ctx.settings.fetch_links and link:
        if ctx.fetcher is None:
            raise ValueError("fetch_links needs a Fetcher in the read context")
        try:
            res = ctx.fetcher.fetch(link)
        except WirecoderError as exc:
            return failure(id, exc, link)
        return html_item(res.body, ctx, id=id, origin=link, url=res.final_url, content_type=res.content_type,
                         title=title, date=when, source=site)
    text = entry_text(entry)
    if not text:
        return failure(id, NoArticleText("feed entry has no content or summary"
                                         + ("" if link else " and no link")), origin)
    return finish(ctx, id=id, text=text, title=title, date=when, url=link, source=site, origin=origin)


def entry_text(entry: Any) -> str:
    """The longest of the entry's content parts and its summary, as plain text."""
    candidates = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content") or []]
    detail = entry.get("summary_detail") or {}
    candidates.append((entry.get("summary") or "", detail.get("type") or "text/html"))
    texts = [html_fragment_to_text(v) if "html" in t else v.strip() for v, t in candidates if v.strip()]
    return max(texts, key=len, default="")


def entry_date(entry: Any) -> Date | None:
    """The entry's publication day in the publisher's own time zone; BadDate when unreadable."""
    # dict.get, not entry.get: feedparser's deprecated key aliasing would warn
    raw = dict.get(entry, "published") or dict.get(entry, "updated") or dict.get(entry, "created")
    if not raw:
        return None
    try:
        return parse_dateline(raw)
    except BadDate:
        parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
        if parsed:  # feedparser read it (in UTC) where we could not
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).date()
        raise BadDate(f"entry date {raw!r} is not a date")
