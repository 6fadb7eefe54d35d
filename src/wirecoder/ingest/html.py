"""HTML pages: main text, title, date and site name through trafilatura.

trafilatura (and lxml under it) is imported only when HTML is actually read,
so reading text or JSONL corpora stays fast. Pages are parsed, never run:
scripts are dropped with the rest of the boilerplate.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date as Date
from html.parser import HTMLParser
from pathlib import Path

from ..errors import BadDate, NoArticleText, NotUTF8, WirecoderError
from ..records import Failure
from ..settings import Settings
from .common import (
    SNIFF_BYTES,
    Item,
    ReadContext,
    check_bytes,
    decode_text,
    failure,
    fetch_or_failure,
    finish,
    make_context,
    read_file_bytes,
)
from .dates import parse_dateline

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.I)
_SENTENCE_END = re.compile(r"[.!?\u3002]")
_MIN_WORDS = 5  # fewer words than this is a menu or a caption, not an article
_MIN_WORDS_UNPUNCTUATED = 20  # a list of links has no sentence punctuation


def read_html(source: str | Path, settings: Settings | None = None, *, id: str | None = None,
              date: str | Date | None = None) -> Iterator[Item]:
    """One article from an HTML file or an http(s) URL (fetched through the guarded fetcher)."""
    ctx = make_context(settings, date)
    s = str(source)
    if s.startswith(("http://", "https://")):
        from .fetch import Fetcher  # httpx only when a URL is read
        with Fetcher(ctx.settings) as fetcher:
            res = fetch_or_failure(fetcher, s, id)
        if isinstance(res, Failure):
            yield res
            return
        yield html_item(res.body, ctx, id=id or s, origin=s, url=res.final_url, content_type=res.content_type)
        return
    p = Path(source)
    yield from html_file_items(p, ctx, id or p.name, str(p))


def html_file_items(path: Path, ctx: ReadContext, id: str, origin: str) -> Iterator[Item]:
    data = read_file_bytes(path, ctx, id, origin)
    if isinstance(data, Failure):
        yield data
        return
    yield html_item(data, ctx, id=id, origin=origin)


def html_item(data: bytes, ctx: ReadContext, *, id: str, origin: str, url: str | None = None,
              content_type: str | None = None, title: str | None = None, date: Date | None = None,
              source: str | None = None) -> Item:
    """Extract one page. ``title``/``date``/``source`` given here (from a feed entry) win over the page's."""
    try:
        check_bytes(data)
        page = decode_html(data, content_type)
        text, meta = extract_main_text(page, url)
        page_date = None
        if date is None and meta.get("date"):
            page_date = parse_dateline(meta["date"])
    except BadDate as exc:
        return failure(id, BadDate(f"page date: {exc.reason}"), origin)
    except WirecoderError as exc:
        return failure(id, exc, origin)
    return finish(ctx, id=id, text=text, title=title or meta.get("title"), date=date or page_date,
                  url=url or meta.get("url"), source=source or meta.get("sitename"), origin=origin)


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode with the charset the server or the page declares; otherwise UTF-8 or W103."""
    declared = []
    if content_type and (m := _HEADER_CHARSET.search(content_type)):
        declared.append(m.group(1))
    if m := _META_CHARSET.search(data[:SNIFF_BYTES]):
        declared.append(m.group(1).decode("ascii", "replace"))
    for charset in declared:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue  # a wrong declaration: fall back to UTF-8
    try:
        return decode_text(data)
    except NotUTF8 as exc:
        raise NotUTF8(f"{exc.reason}; the page declares no usable charset") from exc


def extract_main_text(page: str, url: str | None = None) -> tuple[str, dict[str, str | None]]:
    """(main text with paragraphs separated by blank lines, metadata); NoArticleText if none."""
    import trafilatura

    doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    raw = (getattr(doc, "text", None) or "") if doc is not None else ""
    paragraphs = [p.strip() for p in raw.split("\n") if p.strip()]
    text = "\n\n".join(paragraphs)
    words = len(text.split())
    if words < _MIN_WORDS or (words < _MIN_WORDS_UNPUNCTUATED and not _SENTENCE_END.search(text)):
        raise NoArticleText("no article text found in the page" if not words
                            else f"no article text found in the page (only {words} words of boilerplate)")
    meta = {k: getattr(doc, k, None) for k in ("title", "date", "sitename", "url")}
    return text, meta


class _FragmentText(HTMLParser):
    """Text of an HTML fragment (a feed summary): block elements become paragraph breaks."""

    _BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
              "table", "tr", "section", "article", "pre", "figure"}
    _SKIP = {"script", "style", "noscript", "template", "iframe", "object", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of a small HTML fragment, paragraphs separated by one blank line."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    parser = _FragmentText()
    parser.feed(fragment)
    parser.close()
    blocks = "".join(parser.parts).split("\n\n")
    return "\n\n".join(" ".join(b.split()) for b in blocks if b.strip())
