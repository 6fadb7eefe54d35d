"""What every reader shares: decoding bytes, spotting binary data, finishing an article.

Decoding policy (W103): text must be UTF-8 (a UTF-8 BOM is dropped; a UTF-16
BOM is honoured, because a BOM states the encoding). Anything else is reported,
never guessed: cp1252 and latin-1 decode *every* byte string, so a guess cannot
fail and would silently turn names into mojibake. HTML and feeds are the
exception only in that their own charset declaration is honoured (see html.py,
feed.py), because there the encoding is stated, not guessed.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import (
    BinaryInput,
    EmptyInput,
    InputError,
    NotUTF8,
    TooLarge,
    WirecoderError,
)
from ..records import Article, Failure
from ..settings import Settings
from .dates import parse_dateline

if TYPE_CHECKING:  # the fetcher pulls in httpx: only imported when a URL is read
    from .fetch import Fetcher, FetchResult

Item = Article | Failure

SNIFF_BYTES = 8192
# C0 controls other than tab, LF, VT, FF, CR; ESC is included (terminal escapes are not prose)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13))
_BINARY_RATIO = 0.10  # more than 1 in 10 control bytes: not text


@dataclass(frozen=True, slots=True)
class ReadContext:
    """Settings and the fallback dateline, resolved once per call of a reader."""

    settings: Settings
    date: Date | None = None  # dateline for articles that carry none
    fetcher: "Fetcher | None" = None


def make_context(settings: Settings | None, date: str | Date | None,
                 fetcher: "Fetcher | None" = None) -> ReadContext:
    """Raises BadDate at once for a bad command-line date: that is a usage error, not an item's."""
    settings = settings or Settings()
    fallback = parse_dateline(date) if date is not None else parse_dateline(settings.default_date)
    return ReadContext(settings=settings, date=fallback, fetcher=fetcher)


def failure(item: str, exc: WirecoderError, origin: str | None = None) -> Failure:
    return Failure(item=item, code=exc.code, reason=exc.reason, stage=exc.stage,
                   retryable=exc.retryable, origin=origin)


def check_bytes(data: bytes) -> None:
    """Raise EmptyInput for nothing but whitespace, BinaryInput for NUL bytes or many control bytes."""
    if not data.strip():
        raise EmptyInput("no content" if not data else "only whitespace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return  # UTF-16 text has NUL bytes by design; decode_text checks the decoded text
    if b"\x00" in data:
        raise BinaryInput("binary data (NUL bytes)")
    head = data[:SNIFF_BYTES]
    controls = len(head) - len(head.translate(None, _CONTROL))
    if controls > _BINARY_RATIO * len(head):
        raise BinaryInput(f"binary data ({controls} control bytes in the first {len(head)})")


def decode_text(data: bytes) -> str:
    """UTF-8 (BOM dropped) or BOM-marked UTF-16; anything else raises NotUTF8 with the first bad byte."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise NotUTF8(f"broken UTF-16 at byte {exc.start}") from exc
        if "\x00" in text:
            raise BinaryInput("binary data (NUL characters)")
        return text
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex()
        raise NotUTF8(f"not UTF-8: byte 0x{bad} at offset {exc.start} (re-encode the file as UTF-8)") from exc


def bytes_to_text(data: bytes) -> str:
    check_bytes(data)
    text = decode_text(data)
    if not text.strip():
        raise EmptyInput("only whitespace")
    return text


def finish(ctx: ReadContext, *, id: str, text: str, title: str | None = None, date: Date | None = None,
           url: str | None = None, source: str | None = None, origin: str | None = None) -> Item:
    """The Article, with the fallback dateline applied, or a Failure for empty or oversized text."""
    if not text.strip():
        return failure(id, EmptyInput("article text is empty"), origin)
    if len(text) > ctx.settings.max_chars:
        return failure(id, TooLarge(f"article has {len(text):,} characters; the limit (max_chars) "
                                    f"is {ctx.settings.max_chars:,}"), origin)
    return Article(id=id, text=text, title=clean(title), date=date or ctx.date, url=clean(url),
                   source=clean(source), origin=origin)


def clean(value: object) -> str | None:
    """A metadata value as a stripped string; empty and None become None."""
    if value is None:
        return None
    s = " ".join(str(value).split())
    return s or None


def raw_size_ok(ctx: ReadContext, size: int) -> bool:
    """A file larger than 4 bytes per allowed character cannot yield an acceptable text."""
    return size <= 4 * ctx.settings.max_chars


def read_file_bytes(path: Path, ctx: ReadContext, id: str, origin: str) -> bytes | Failure:
    """A file's bytes, or the Failure that says why it cannot be read (too large, unreadable).

    The size is checked before reading, so a huge file is refused without loading it.
    """
    try:
        size = path.stat().st_size
        if not raw_size_ok(ctx, size):
            return failure(id, TooLarge(f"input has {size:,} bytes; more than max_chars "
                                        f"({ctx.settings.max_chars:,}) allows"), origin)
        return path.read_bytes()
    except OSError as exc:
        return failure(id, InputError(f"cannot read: {exc.strerror or exc}"), origin)


def fetch_or_failure(fetcher: "Fetcher", url: str, id: str | None = None) -> "FetchResult | Failure":
    """The fetched response, or the Failure (with the fetch error's code) recorded under ``id``."""
    try:
        return fetcher.fetch(url)
    except WirecoderError as exc:
        return failure(id or url, exc, url)
