"""Cutting a stream of ingest items into numbered partitions, and sizing a corpus for the ETA.

Partitions are consecutive runs of ``size`` items in read order. Reading is
deterministic for local files (directories are walked in sorted order), so
partition *k* of a resumed run holds the same items as partition *k* of the
first attempt; a fingerprint of its items proves it (see manifest.py).
"""
from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..records import Article, Failure

Item = Article | Failure


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of work: ``items`` in read order, numbered from 0 within a run."""

    index: int
    items: tuple[Item, ...]

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.items)

    @property
    def articles(self) -> int:
        return sum(1 for i in self.items if isinstance(i, Article))


def item_key(item: Item) -> str:
    """What identifies an item across two readings of the same sources."""
    if isinstance(item, Article):
        return f"a\x1f{item.id}\x1f{item.hash}"
    return f"f\x1f{item.item}\x1f{item.code}\x1f{item.origin or ''}"


def fingerprint(items: Iterable[Item]) -> str:
    h = hashlib.sha256()
    for item in items:
        h.update(item_key(item).encode("utf-8", "replace"))
        h.update(b"\x1e")
    return h.hexdigest()[:24]


def partitions(items: Iterable[Item], size: int) -> Iterator[Partition]:
    """Consecutive partitions of at most ``size`` items (the last may be shorter)."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    it = iter(items)
    for index in itertools.count():
        chunk = tuple(itertools.islice(it, size))
        if not chunk:
            return
        yield Partition(index, chunk)


_ONE_ARTICLE = {".txt", ".text", ".md", ".html", ".htm", ".xhtml"}
_LINES = {".jsonl", ".ndjson"}


def estimate_total(sources: Iterable[str]) -> int | None:
    """How many items the sources will yield, when that is cheap to know; None otherwise.

    JSONL counts lines, CSV/TSV lines less the header, a text or HTML file is
    one article, a folder is the sum of its files. Feeds, URLs, JSON arrays and
    stdin are not counted (None): the progress then shows no ETA.
    """
    from ..ingest.sources import walk_files

    total = 0
    for src in sources:
        if src == "-" or "://" in src:
            return None
        path = Path(src)
        files = list(walk_files(path)) if path.is_dir() else [path]
        for f in files:
            n = _count_file(f)
            if n is None:
                return None
            total += n
    return total


def _count_file(path: Path) -> int | None:
    suffix = path.suffix.lower()
    if suffix in _ONE_ARTICLE:
        return 1
    if suffix not in _LINES and suffix not in (".csv", ".tsv"):
        return None
    try:
        with path.open("rb") as fh:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
            fh.seek(max(0, path.stat().st_size - 1))
            last = fh.read(1)
    except OSError:
        return None
    if last and last != b"\n":
        lines += 1  # no newline after the last record
    if suffix in _LINES:
        return lines  # blank lines are rare; the ETA is an estimate
    return max(0, lines - 1)
