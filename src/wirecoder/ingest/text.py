"""Plain-text articles: the whole file is the article text, exactly as decoded.

Offsets everywhere point into ``Article.text``, so nothing is stripped or
rewritten here. A headline-like first line is copied into ``title`` but stays
in the text.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date as Date
from pathlib import Path

from ..errors import WirecoderError
from ..records import Failure
from ..settings import Settings
from .common import Item, ReadContext, bytes_to_text, failure, finish, make_context, read_file_bytes

_MAX_HEADLINE_CHARS = 200
_MAX_HEADLINE_WORDS = 25
# a line ending like this is a sentence, a lead-in or a dateline ("NAIROBI, Kenya (AP) _"), not a headline
_NOT_HEADLINE_END = tuple(".,;:_-\u2014\u2013")


def read_text_file(path: str | Path, settings: Settings | None = None, *, id: str | None = None,
                   date: str | Date | None = None) -> Iterator[Item]:
    """One article from a text file; ``id`` defaults to the file name."""
    ctx = make_context(settings, date)
    p = Path(path)
    yield from text_file_items(p, ctx, id or p.name, str(p))


def text_file_items(path: Path, ctx: ReadContext, id: str, origin: str) -> Iterator[Item]:
    data = read_file_bytes(path, ctx, id, origin)
    if isinstance(data, Failure):
        yield data
        return
    yield text_item(data, ctx, id=id, origin=origin)


def text_item(data: bytes, ctx: ReadContext, *, id: str, origin: str) -> Item:
    try:
        text = bytes_to_text(data)
    except WirecoderError as exc:
        return failure(id, exc, origin)
    return finish(ctx, id=id, text=text, title=guess_headline(text), origin=origin)


def guess_headline(text: str) -> str | None:
    """The first non-empty line when it reads like a headline and more text follows it.

    A headline is short, has no sentence-final punctuation and is not the
    only line (a one-line file is a sentence, not a title plus story).
    """
    lines = iter(text.splitlines())
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    if not first or not any(ln.strip() for ln in lines):
        return None
    if len(first) > _MAX_HEADLINE_CHARS or len(first.split()) > _MAX_HEADLINE_WORDS:
        return None
    if first.endswith(_NOT_HEADLINE_END) or first.rstrip("\"'\u201d\u2019").endswith("."):
        return None
    if not any(c.isalpha() for c in first):
        return None
    return first
