"""Any mix of sources: files, directories (recursive), "-" for stdin, http(s) URLs.

The reader is chosen by extension, and by sniffing the first bytes when the
extension says nothing. Every problem with one item becomes a Failure and the
batch goes on; only a bad command-line date raises (it is a usage error).
"""
from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path
from typing import IO

from ..errors import FetchRefused, InputError, UnknownFormat
from ..records import Failure
from ..settings import Settings
from .common import (
    SNIFF_BYTES,
    Item,
    ReadContext,
    failure,
    fetch_or_failure,
    make_context,
)
from .corpus import csv_stream_items, json_file_items, jsonl_stream_items
from .feed import feed_file_items, feed_items
from .fetch import Fetcher
from .html import html_file_items, html_item
from .text import text_file_items, text_item

Format = str  # "text" | "html" | "feed" | "jsonl" | "json" | "csv" | "tsv"

EXTENSIONS: dict[str, Format] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
}

# Files a folder walk passes over: databases that often sit beside the articles
# (the store's own .duckdb and its .wal). Anything else unreadable is reported.
SKIPPED_IN_FOLDERS: frozenset[str] = frozenset({".duckdb", ".wal", ".db", ".sqlite", ".parquet"})


def read_sources(sources: str | Path | Iterable[str | Path], settings: Settings | None = None, *,
                 date: str | Date | None = None, fetcher: Fetcher | None = None) -> Iterator[Item]:
    """Articles and Failures from every source, in order; directories in sorted path order.

    ``date`` (or ``settings.default_date``) is the dateline of articles that
    carry none. Raises BadDate at once when that date cannot be read.
    """
    if isinstance(sources, (str, Path)):
        sources = [sources]
    ctx = make_context(settings, date, fetcher)
    own = None
    if ctx.fetcher is None:  # cheap to make: httpx is imported on the first request only
        own = Fetcher(ctx.settings)
        ctx = replace(ctx, fetcher=own)
    try:
        yield from unique_ids(item for src in sources for item in source_items(str(src), ctx))
    finally:
        if own is not None:
            own.close()


def unique_ids(items: Iterable[Item]) -> Iterator[Item]:
    """Give a repeated id a suffix ("a.txt", then "a.txt#2"): two folders, feeds or corpora may
    use the same names, and every id must name one output line. ``origin`` still says where each
    item came from."""
    seen: dict[str, int] = {}
    for item in items:
        key = item.item if isinstance(item, Failure) else item.id
        n = seen.get(key, 0) + 1
        seen[key] = n
        if n == 1:
            yield item
            continue
        new = f"{key}#{n}"
        while new in seen:  # the input itself may use "a.txt#2"
            n += 1
            new = f"{key}#{n}"
        seen[key] = n
        seen[new] = 1
        yield replace(item, item=new) if isinstance(item, Failure) else replace(item, id=new)


def source_items(src: str, ctx: ReadContext) -> Iterator[Item]:
    if src == "-":
        yield from stream_items(sys.stdin.buffer.read(), ctx, name="stdin", origin="<stdin>")
    elif src.lower().startswith(("http://", "https://")):
        yield from url_items(src, ctx)
    elif "://" in src:
        yield failure(src, FetchRefused(f"only http and https URLs are read, not {src.split('://')[0]!r}"), src)
    else:
        path = Path(src)
        if path.is_dir():
            yield from directory_items(path, ctx)
        elif path.exists():
            yield from file_items(path, ctx, id=path.name, origin=src)
        else:
            yield failure(src, InputError("no such file or directory"), src)


def directory_items(root: Path, ctx: ReadContext) -> Iterator[Item]:
    """Every non-hidden file below ``root`` in sorted path order; ids are paths relative to ``root``.

    A folder that cannot be listed (no permission) is a Failure too: its articles are not silently lost.
    """
    for path in walk_files(root, unlisted=True):
        if isinstance(path, UnlistedFolder):
            rel = path.path.relative_to(root).as_posix() if path.path != root else root.name
            yield failure(rel + "/", InputError(f"cannot list folder: {path.reason}"), str(path.path))
        else:
            yield from file_items(path, ctx, id=path.relative_to(root).as_posix(), origin=str(path))


@dataclass(frozen=True, slots=True)
class UnlistedFolder:
    """A folder the walk could not open (no permission, vanished), with the reason."""

    path: Path
    reason: str


def walk_files(root: Path, unlisted: bool = False) -> Iterator[Path | UnlistedFolder]:
    """Files below ``root``, depth first in name order, skipping hidden names and symlinked folders.

    With ``unlisted``, a folder that cannot be listed is yielded as an ``UnlistedFolder``.
    """
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        if unlisted:
            yield UnlistedFolder(root, exc.strerror or str(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk_files(Path(entry.path), unlisted)
        elif entry.is_file() and Path(entry.name).suffix.lower() not in SKIPPED_IN_FOLDERS:
            yield Path(entry.path)


def file_items(path: Path, ctx: ReadContext, *, id: str, origin: str) -> Iterator[Item]:
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        try:
            with path.open("rb") as f:
                fmt = sniff_format(f.read(SNIFF_BYTES))
        except OSError as exc:
            yield failure(id, InputError(f"cannot read: {exc.strerror or exc}"), origin)
            return
    if fmt == "text":
        yield from text_file_items(path, ctx, id, origin)
    elif fmt == "html":
        yield from html_file_items(path, ctx, id, origin)
    elif fmt == "feed":
        yield from feed_file_items(path, ctx, id, origin)
    else:
        try:
            f = path.open("rb")
        except OSError as exc:
            yield failure(id, InputError(f"cannot read: {exc.strerror or exc}"), origin)
            return
        with f:
            yield from _stream_by_format(f, fmt, ctx, name=id, origin=origin)


def stream_items(data: bytes, ctx: ReadContext, *, name: str, origin: str, content_type: str | None = None,
                 url: str | None = None) -> Iterator[Item]:
    """Items from bytes in memory (stdin, a fetched URL), the format sniffed from content."""
    fmt = format_from_content_type(content_type) or sniff_format(data[:SNIFF_BYTES])
    if fmt == "text":
        yield text_item(data, ctx, id=name, origin=origin)
    elif fmt == "html":
        yield html_item(data, ctx, id=name, origin=origin, url=url, content_type=content_type)
    elif fmt == "feed":
        yield from feed_items(data, ctx, name=name, origin=origin)
    else:
        yield from _stream_by_format(io.BytesIO(data), fmt, ctx, name=name, origin=origin)


def _stream_by_format(f: IO[bytes], fmt: Format, ctx: ReadContext, *, name: str, origin: str) -> Iterator[Item]:
    if fmt == "jsonl":
        yield from jsonl_stream_items(f, ctx, name=name, origin=origin)
    elif fmt == "json":
        yield from json_file_items(f, ctx, name=name, origin=origin)
    elif fmt in ("csv", "tsv"):
        yield from csv_stream_items(f, ctx, name=name, origin=origin, delimiter="\t" if fmt == "tsv" else None)
    else:  # "xml" that is not a feed, or anything sniff could not place
        yield failure(name, UnknownFormat(f"cannot tell how to read this {fmt} input"), origin)


def url_items(url: str, ctx: ReadContext) -> Iterator[Item]:
    assert ctx.fetcher is not None
    res = fetch_or_failure(ctx.fetcher, url)
    if isinstance(res, Failure):
        yield res
        return
    yield from stream_items(res.body, ctx, name=url, origin=url, content_type=res.content_type, url=res.final_url)


def format_from_content_type(content_type: str | None) -> Format | None:
    ct = (content_type or "").split(";")[0].strip().lower()
    if ct in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    if ct in ("text/html", "application/xhtml+xml"):
        return "html"
    if ct in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
        return "jsonl"
    if ct == "text/csv":
        return "csv"
    return None  # text/xml, text/plain, application/json ...: look at the bytes


def sniff_format(head: bytes) -> Format:
    """Guess the format from the first bytes. Binary or empty data is "text": its reader reports it."""
    s = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if s.startswith(b"{"):
        return "jsonl"
    if s.startswith(b"["):
        return "json"
    if s.startswith(b"<"):
        window = s[:2048]
        if any(tag in window for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "feed"
        if any(tag in window for tag in (b"<!doctype html", b"<html", b"<head", b"<body", b"<p>", b"<div")):
            return "html"
        if s.startswith(b"<?xml"):
            return "xml"
    return "text"
