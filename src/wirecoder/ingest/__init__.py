"""Ingest: read articles from files, HTML, feeds, JSONL/CSV corpora, directories, stdin and URLs.

Everything yields ``Article`` or ``Failure`` records; a broken item never
stops a batch. Heavy libraries (trafilatura, feedparser, httpx, dateparser)
are imported only when an input needs them.

>>> from wirecoder.ingest import read_sources
>>> for item in read_sources(["corpus/", "-"], date="2022-01-12"): ...
"""
from __future__ import annotations

from .corpus import read_csv, read_jsonl
from .dates import parse_dateline
from .feed import read_feed
from .fetch import Fetcher, FetchResult, address_refusal
from .html import read_html
from .sources import EXTENSIONS, read_sources, sniff_format
from .text import guess_headline, read_text_file

__all__ = ["read_sources", "read_text_file", "read_html", "read_feed", "read_jsonl", "read_csv",
           "parse_dateline", "guess_headline", "sniff_format", "EXTENSIONS", "Fetcher", "FetchResult",
           "address_refusal"]
