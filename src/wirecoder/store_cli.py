"""CLI commands over the DuckDB store: ingest into it, list events and quotes, export."""
from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Iterable, Iterator
from datetime import date as Date
from pathlib import Path
from typing import Any

from .batch.local import Tally
from .records import Analysis, Article, Failure
from .settings import Settings


def ingest_into_store(items: Iterable[Article | Failure], settings: Settings, *, command: str,
                      nlp=None) -> tuple[Tally, Any]:
    """Analyse items and write every outcome (failures too) into ``settings.db``; one run record."""
    from .api import analyze_many
    from .batch.progress import Progress
    from .store import open_store

    from .stories.stage import open_index, story_state_path, with_stories

    check_db_folder(Path(settings.db))
    tally = Tally()
    state = story_state_path(Path(settings.db)) if str(settings.db) != ":memory:" else None
    stories = open_index(state)
    settings_record = {k: str(v) for k, v in dataclasses.asdict(settings).items()}
    with open_store(settings.db) as store, Progress(enabled=True) as bar:
        run_id = store.start_run(command, settings_record)

        def counted() -> Iterator[Analysis | Failure]:
            for outcome in with_stories(analyze_many(items, settings=settings, nlp=nlp), stories):
                tally.add(outcome)
                bar.advance(failed=isinstance(outcome, Failure))
                yield outcome

        report = store.write(counted(), run_id=run_id, replace=settings.replace_existing)
        store.finish_run(run_id, report)
    if state is not None:
        stories.save(state)
    return tally, report


def check_db_folder(db: Path) -> None:
    """A new database needs its folder: say so plainly (DuckDB's own message is an IO Error)."""
    from .errors import StoreError

    if str(db) != ":memory:" and not db.resolve().parent.is_dir():
        raise StoreError(f"folder {db.parent} does not exist: create it, or choose another --db")


def _event_type(text: str) -> str:
    """An argparse type: a PLOVER type in any case; a typo would otherwise match nothing in silence."""
    from .events.ontology import PLOVER_TYPES

    if text.strip().upper() not in PLOVER_TYPES:
        raise argparse.ArgumentTypeError(f"unknown event type {text!r}; one of {', '.join(PLOVER_TYPES)}")
    return text.strip().upper()


def _date(text: str) -> Date:
    try:
        return Date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from exc


def add_store_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("events", help="list stored events with filters")
    p.add_argument("--db", help="DuckDB file (default: wirecoder.duckdb)")
    p.add_argument("--type", action="append", dest="types", type=_event_type,
                   help="PLOVER type, e.g. ASSAULT (repeatable)")
    p.add_argument("--actor", dest="actor_code", help="actor code on either side (RUS, IGO, ...)")
    p.add_argument("--actor-name", dest="actor_name", help="actor name contains this (case-insensitive)")
    p.add_argument("--sector", help="actor sector (GOV, MIL, ...)")
    p.add_argument("--side", choices=("source", "target"), help="restrict --actor/--sector to one side")
    p.add_argument("--from", dest="date_from", type=_date, help="event date on or after (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", type=_date, help="event date on or before (YYYY-MM-DD)")
    p.add_argument("--text", help="evidence text contains this")
    p.add_argument("--article", dest="article_id", help="only this article id")
    for flag in ("negated", "hypothetical", "future"):
        p.add_argument(f"--{flag}", dest=flag, action="store_true", default=None, help=f"only {flag} events")
        p.add_argument(f"--not-{flag}", dest=flag, action="store_false", help=f"exclude {flag} events")
    _paging(p)
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("quotes", help="list stored quotes with filters")
    p.add_argument("--db", help="DuckDB file (default: wirecoder.duckdb)")
    p.add_argument("--speaker", help="speaker name contains this (case-insensitive)")
    p.add_argument("--speaker-code", dest="speaker_code", help="speaker's country code or IGO")
    p.add_argument("--from", dest="date_from", type=_date, help="article date on or after")
    p.add_argument("--to", dest="date_to", type=_date, help="article date on or before")
    p.add_argument("--text", help="quote text contains this")
    _paging(p)
    p.set_defaults(func=cmd_quotes)

    p = sub.add_parser("export", help="write stored records to CSV or Parquet")
    p.add_argument("--db", help="DuckDB file (default: wirecoder.duckdb)")
    p.add_argument("--table", default="events",
                   help="events (with their sides, filters apply), quotes, or any stored table name")
    p.add_argument("--format", dest="fmt", choices=("csv", "parquet"), help="default: from the file extension")
    p.add_argument("--output", "-o", required=True, help="file to write")
    p.add_argument("--type", action="append", dest="types", type=_event_type,
                   help="events: PLOVER type (repeatable)")
    p.add_argument("--actor", dest="actor_code", help="events: actor code on either side")
    p.add_argument("--from", dest="date_from", type=_date, help="events: date on or after")
    p.add_argument("--to", dest="date_to", type=_date, help="events: date on or before")
    p.set_defaults(func=cmd_export)


def _paging(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=int, default=50, help="rows to show (default 50)")
    p.add_argument("--offset", type=int, default=0, help="rows to skip")
    p.add_argument("--format", "-f", choices=("table", "jsonl", "csv"), default=None,
                   help="default: table on a terminal, jsonl otherwise")


def _filter(cls: type, args: argparse.Namespace) -> Any:
    names = {f.name for f in dataclasses.fields(cls)}
    values = {k: v for k, v in vars(args).items() if k in names and v is not None}
    if "types" in values:
        values["types"] = tuple(t.upper() for t in values["types"])
    return cls(**values)


def _db(args: argparse.Namespace) -> Path:
    return Settings.from_env(db=Path(args.db) if getattr(args, "db", None) else None).db


def _open_read_only(args: argparse.Namespace):
    from .errors import StoreError
    from .store import open_store

    path = _db(args)
    if not path.exists():
        raise StoreError(f"no database at {path}: run 'wirecoder ingest SOURCES --db {path}' first")
    return open_store(path, read_only=True)


def cmd_events(args: argparse.Namespace) -> int:
    from .store.queries import EventFilter

    flt = _filter(EventFilter, args)
    with _open_read_only(args) as store:
        rows = store.events(flt)
    _print_rows(rows, args.format, _event_columns)
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    from .store.queries import QuoteFilter

    flt = _filter(QuoteFilter, args)
    with _open_read_only(args) as store:
        rows = store.quotes(flt)
    _print_rows(rows, args.format, _quote_columns)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .store.queries import EventFilter

    with _open_read_only(args) as store:
        if args.table == "events":
            n = store.export_events(args.output, _filter(EventFilter, args), fmt=args.fmt)
        elif args.table == "quotes":
            n = store.export_quotes(args.output, None, fmt=args.fmt)
        else:
            n = store.export_table(args.table, args.output, fmt=args.fmt)
    print(f"wrote {n if n is not None else '?'} rows to {args.output}", file=sys.stderr)
    return 0


def _sides(row: dict, key: str) -> str:
    sides = row.get(key) or []
    return ", ".join(f"{s.get('name')} ({s.get('code') or '?'}{'/' + s['sector'] if s.get('sector') else ''})"
                     for s in sides) or "-"


def _event_columns(row: dict) -> dict[str, str]:
    flags = ",".join(f for f in ("negated", "hypothetical", "future", "historical") if row.get(f))
    kind = str(row.get("type") or "") + (f" {row['cameo']}" if row.get("cameo") else "")
    return {"date": str(row.get("date") or ""), "event": kind + (f" [{flags}]" if flags else ""),
            "who -> whom": f"{_sides(row, 'source')} -> {_sides(row, 'target')}",
            "place": str(row.get("location_name") or ""),
            "evidence": " ".join(str(row.get("evidence_text") or "").split())[:160]}


def _quote_columns(row: dict) -> dict[str, str]:
    return {"date": str(row.get("article_date") or row.get("date") or ""), "speaker": str(row.get("speaker") or "?"),
            "code": str(row.get("speaker_code") or ""), "direct": "yes" if row.get("direct") else "no",
            "quote": " ".join(str(row.get("text") or "").split())[:160], "article": str(row.get("article_id") or "")}


def _print_rows(rows: list[dict], fmt: str | None, columns) -> None:
    import csv
    import json

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, default=str, ensure_ascii=False) + "\n")
        return
    shaped = [columns(r) for r in rows]
    if fmt == "csv":
        if shaped:
            w = csv.DictWriter(sys.stdout, fieldnames=list(shaped[0]))
            w.writeheader()
            w.writerows(shaped)
        return
    from rich.console import Console
    from rich.table import Table

    if not rows:  # an empty frame with a "(none)" column reads like a broken table
        print("no rows match these filters", file=sys.stderr)
        return
    console = Console()
    if not console.is_terminal:
        console = Console(width=160)  # piped output: wide enough for the evidence column
    t = Table(title=f"{len(rows)} rows", show_lines=True)
    for col in (shaped[0] if shaped else {"(none)": ""}):
        t.add_column(col, overflow="fold", ratio=3 if col in ("evidence", "quote") else 1)
    for r in shaped:
        t.add_row(*r.values())
    console.print(t)


def print_recent_events(settings: Settings, limit: int = 30) -> None:
    from .store import open_store
    from .store.queries import EventFilter

    with open_store(settings.db, read_only=True) as store:
        rows = store.events(EventFilter(limit=limit))
    _print_rows(rows, "table", _event_columns)
