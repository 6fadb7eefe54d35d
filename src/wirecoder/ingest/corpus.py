"""Corpora of many articles: JSON lines, CSV/TSV, and JSON files (one object or a list).

Field names come from Settings (id_field, text_field, ...). A record with no
id gets "<file>:<line>". Every bad record becomes a Failure and reading goes on
with the next one; files are streamed, never loaded whole.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from datetime import date as Date
from pathlib import Path
from typing import IO

from ..errors import BadDate, BadRecord, InputError, NotUTF8, TooLarge, WirecoderError
from ..records import Failure
from ..settings import Settings
from .common import SNIFF_BYTES, Item, ReadContext, check_bytes, failure, finish, make_context
from .dates import parse_dateline

_CSV_DELIMITERS = ",;\t|"


def read_jsonl(path: str | Path, settings: Settings | None = None, *, date: str | Date | None = None) -> Iterator[Item]:
    """One article per JSON line."""
    ctx = make_context(settings, date)
    p = Path(path)
    yield from _open_then(p, ctx, lambda f: jsonl_stream_items(f, ctx, name=p.name, origin=str(p)))


def read_csv(path: str | Path, settings: Settings | None = None, *, date: str | Date | None = None,
             delimiter: str | None = None) -> Iterator[Item]:
    """One article per CSV row (header row required); ``.tsv`` files are tab-separated."""
    ctx = make_context(settings, date)
    p = Path(path)
    delim = delimiter or ("\t" if p.suffix.lower() == ".tsv" else None)
    yield from _open_then(p, ctx, lambda f: csv_stream_items(f, ctx, name=p.name, origin=str(p), delimiter=delim))


def _open_then(path: Path, ctx: ReadContext, run) -> Iterator[Item]:
    try:
        f = path.open("rb")
    except OSError as exc:
        yield failure(path.name, InputError(f"cannot read: {exc.strerror or exc}"), str(path))
        return
    with f:
        yield from run(f)


def _head_ok(f: IO[bytes], name: str, origin: str) -> Failure | None:
    """Check the start of a stream for binary data or emptiness, leaving it at offset 0."""
    head = f.read(SNIFF_BYTES)
    f.seek(0)
    try:
        check_bytes(head)
    except WirecoderError as exc:
        return failure(name, exc, origin)
    return None


def jsonl_stream_items(f: IO[bytes], ctx: ReadContext, *, name: str, origin: str) -> Iterator[Item]:
    bad = _head_ok(f, name, origin)
    if bad is not None:
        yield bad
        return
    max_line = 4 * ctx.settings.max_chars + 65_536  # bytes: the text plus generous room for metadata
    for lineno, raw in enumerate(f, start=1):
        if not raw.strip():
            continue
        where = f"{name}:{lineno}"
        if len(raw) > max_line:
            yield failure(where, TooLarge(f"line has {len(raw):,} bytes, too long for max_chars "
                                          f"({ctx.settings.max_chars:,})"), f"{origin}:{lineno}")
            continue
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield failure(where, NotUTF8(f"not UTF-8: byte 0x{raw[exc.start:exc.start + 1].hex()} "
                                         f"at column {exc.start}"), f"{origin}:{lineno}")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield failure(where, BadRecord(f"not JSON: {exc.msg} at column {exc.colno}"), f"{origin}:{lineno}")
            continue
        yield record_item(rec, ctx, where=where, origin=f"{origin}:{lineno}")


def json_file_items(f: IO[bytes], ctx: ReadContext, *, name: str, origin: str) -> Iterator[Item]:
    """A .json file: one record object, or a list of them (numbered from 1)."""
    bad = _head_ok(f, name, origin)
    if bad is not None:
        yield bad
        return
    try:
        doc = json.loads(f.read().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        yield failure(name, NotUTF8(f"not UTF-8: byte at offset {exc.start}"), origin)
        return
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # JSON lines in a .json file
            f.seek(0)
            yield from jsonl_stream_items(f, ctx, name=name, origin=origin)
            return
        yield failure(name, BadRecord(f"not JSON: {exc.msg} at line {exc.lineno}"), origin)
        return
    if isinstance(doc, list):
        for n, rec in enumerate(doc, start=1):
            yield record_item(rec, ctx, where=f"{name}:{n}", origin=f"{origin}:{n}")
    else:
        yield record_item(doc, ctx, where=name, origin=origin)


def csv_stream_items(f: IO[bytes], ctx: ReadContext, *, name: str, origin: str,
                     delimiter: str | None = None) -> Iterator[Item]:
    bad = _head_ok(f, name, origin)
    if bad is not None:
        yield bad
        return
    if delimiter is None:
        delimiter = _sniff_delimiter(f.read(SNIFF_BYTES))
        f.seek(0)
    # Articles are longer than csv's default 128 KiB field limit. The limit is
    # process-wide; raising it (never lowering) is harmless to other users.
    limit = 4 * ctx.settings.max_chars + 1
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)
    # surrogateescape: a bad byte fails only its own row (checked below), not the rest of the file
    text = io.TextIOWrapper(f, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.reader(text, delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield failure(name, BadRecord(f"no CSV header row ({exc})"), origin)
        return
    header = [h.strip() for h in header]
    if ctx.settings.text_field not in header:
        yield failure(name, BadRecord(f"no {ctx.settings.text_field!r} column (columns: {', '.join(header)[:200]}); "
                                      f"set text_field"), origin)
        return
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if reader.line_num == line:
                return  # no progress: stop rather than loop
            line = reader.line_num
            yield failure(f"{name}:{start}", BadRecord(f"bad CSV row: {exc}"), f"{origin}:{start}")
            continue
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        where = f"{name}:{start}"
        if any(_has_surrogates(cell) for cell in row):
            yield failure(where, NotUTF8("row is not UTF-8"), f"{origin}:{start}")
            continue
        yield record_item(dict(zip(header, row)), ctx, where=where, origin=f"{origin}:{start}")


def record_item(rec: object, ctx: ReadContext, *, where: str, origin: str) -> Item:
    """One record (a JSON object or a CSV row) as an Article or a Failure."""
    s = ctx.settings
    if not isinstance(rec, Mapping):
        return failure(where, BadRecord(f"a record must be a JSON object, not {type(rec).__name__}"), origin)
    raw_id = rec.get(s.id_field)
    id = str(raw_id).strip() if raw_id is not None and str(raw_id).strip() else where
    text = rec.get(s.text_field)
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {type(text).__name__}, not a string"
        return failure(id, BadRecord(f"field {s.text_field!r} is {what}"), origin)
    raw_date = rec.get(s.date_field)
    try:
        when = parse_dateline(raw_date if isinstance(raw_date, str) or raw_date is None else str(raw_date))
    except BadDate as exc:
        return failure(id, BadDate(f"field {s.date_field!r}: {exc.reason}"), origin)
    return finish(ctx, id=id, text=text, title=_str(rec.get(s.title_field)), date=when,
                  url=_str(rec.get(s.url_field)), source=_str(rec.get(s.source_field)), origin=origin)


def _str(value: object) -> str | None:
    return None if value is None or isinstance(value, (dict, list)) else str(value)


def _has_surrogates(cell: str) -> bool:
    return any("\udc80" <= c <= "\udcff" for c in cell) if not cell.isascii() else False


def _sniff_delimiter(head: bytes) -> str:
    first = head.decode("utf-8", "ignore").splitlines()[0] if head.strip() else ""
    counts = {d: first.count(d) for d in _CSV_DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","
