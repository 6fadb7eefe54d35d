#!/usr/bin/env python3
"""Query timings of the server's main reads over a (synthetic) store of millions of events.

    python bench/store_queries_bench.py --events 1000000            # generate /tmp/wirecoder-synth-1000000.duckdb, then time
    python bench/store_queries_bench.py --db /tmp/syn10m.duckdb      # time an existing store
    python -m wirecoder.server.synthetic /tmp/syn10m.duckdb 1e7      # the generator alone

Each query runs through the server's own code (``Database`` with its shared
read-only connection and time limit), once cold (first query after opening)
and then ``--repeat`` times warm; the table gives the cold time, the warm
median and the warm worst. Two end-to-end rows go through the HTTP app
(FastAPI TestClient: routing, validation, JSON encoding included).
Targets (issue 8): dyad time series < 200 ms and an event page with three
filters < 300 ms over 10 M events. Results are also written as JSON to
bench/results/ (git-ignored).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wirecoder.server import projection, sql  # noqa: E402
from wirecoder.server.eventpage import find_events_fast  # noqa: E402
from wirecoder.server.database import Database  # noqa: E402
from wirecoder.server.synthetic import generate  # noqa: E402
from wirecoder.store.queries import EventFilter, QuoteFilter, find_events, find_quotes  # noqa: E402


def _queries(db: Database) -> dict[str, Callable[[], Any]]:
    def events(flt: EventFilter, fn: Callable = find_events_fast) -> Callable[[], Any]:
        def run() -> Any:
            with db.reader() as cur:
                return fn(cur, flt, db.timeout)
        return run

    def dyad(a: str, b: str, part: str, flt: EventFilter) -> Callable[[], Any]:
        return lambda: db.query(*projection.dyad_sql(a, b, part, flt.types, flt.date_from, flt.date_to))

    ten_years = EventFilter()
    return {
        "dyad USA-RUS per month (all dates)": dyad("USA", "RUS", "month", ten_years),
        "dyad ISR-IRN per week, 2 years": dyad("ISR", "IRN", "week", EventFilter(
            date_from=date(2020, 1, 1), date_to=date(2021, 12, 31))),
        "dyad ISR-IRN per day, ASSAULT only": dyad("ISR", "IRN", "day", EventFilter(types=("ASSAULT",))),
        "dyad USA-RUS per month, without the projection": lambda: db.query(
            *sql.dyad_sql(ten_years, "USA", "RUS", "code", "month")),
        "dyad by name (Ukraine-Russia) per month": lambda: db.query(*sql.dyad_sql(
            ten_years, "Ukraine", "Russia", "name", "month")),
        "events page: type+actor+dates (3 filters)": events(EventFilter(
            types=("ASSAULT", "COERCE"), actor_code="RUS", date_from=date(2020, 1, 1), date_to=date(2022, 12, 31),
            limit=51)),
        "events page: quad types+sector+place (3 filters)": events(EventFilter(
            types=tuple(sql.types_of_quads((4,))), sector="MIL", place="Kyiv", limit=51)),
        "events page: actor+text+negated (3 filters)": events(EventFilter(
            actor_code="CHN", text="sanctions", negated=False, limit=51)),
        "events page: no filter, offset 10000": events(EventFilter(limit=51, offset=10_000)),
        "events page: type+actor+dates, store's find_events": events(EventFilter(
            types=("ASSAULT", "COERCE"), actor_code="RUS", date_from=date(2020, 1, 1), date_to=date(2022, 12, 31),
            limit=51), find_events),
        "timeline per month, type ASSAULT": lambda: db.query(*sql.timeline_sql(EventFilter(types=("ASSAULT",)), "month")),
        "network: top 200 edges, 1 year": lambda: db.query(*sql.network_sql(
            EventFilter(date_from=date(2023, 1, 1), date_to=date(2023, 12, 31)), 200)),
        "map: locations, 1 month": lambda: db.query(*sql.locations_sql(
            EventFilter(date_from=date(2024, 1, 1), date_to=date(2024, 1, 31)), 500)),
        "actors list (top 50)": lambda: db.query(*sql.actors_sql(None, None, None, None, 51, 0)),
        "quotes by speaker text": lambda: _quotes(db),
    }


def _quotes(db: Database) -> Any:
    with db.reader() as cur:
        return find_quotes(cur, QuoteFilter(speaker="Russia", limit=51), db.timeout)


def _http(db_path: Path) -> dict[str, Callable[[], Any]]:
    from fastapi.testclient import TestClient

    from wirecoder.server.app import create_app

    client = TestClient(create_app(db_path))

    def get(url: str) -> Callable[[], Any]:
        def run() -> Any:
            r = client.get(url)
            r.raise_for_status()
            return r.json()
        return run
    return {
        "HTTP GET /api/dyads?a=USA&b=RUS&interval=month": get("/api/dyads?a=USA&b=RUS&interval=month"),
        "HTTP GET /api/events (type, actor, date range)": get(
            "/api/events?type=ASSAULT&type=COERCE&actor=RUS&date_from=2020-01-01&date_to=2022-12-31&limit=50"),
    }


def _time(fn: Callable[[], Any], repeat: int) -> dict[str, float]:
    t0 = time.perf_counter()
    fn()
    cold = time.perf_counter() - t0
    warm = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        warm.append(time.perf_counter() - t0)
    return {"cold_ms": cold * 1000, "median_ms": statistics.median(warm) * 1000, "max_ms": max(warm) * 1000}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="existing store to time")
    ap.add_argument("--events", type=float, default=1e6, help="generate a store of this many events (default 1e6)")
    ap.add_argument("--repeat", type=int, default=7, help="warm runs per query")
    args = ap.parse_args()
    path = args.db
    gen: dict[str, float] = {}
    if path is None:
        path = Path(f"/tmp/wirecoder-synth-{int(args.events)}.duckdb")
        if not path.exists():
            t0 = time.perf_counter()
            gen = generate(path, int(args.events))
            gen["total"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    db = Database(path, timeout=60.0, create=False)
    db.check()
    gen["open_and_projection_s"] = time.perf_counter() - t0
    gen["projection"] = db.projection  # type: ignore[assignment]
    n = db.query("SELECT count(*) AS n FROM events")[0]["n"]
    results: dict[str, dict[str, float]] = {}
    for name, fn in _queries(db).items():
        results[name] = _time(fn, args.repeat)
    db.close()  # one server process per store: the HTTP app opens its own
    for name, fn in _http(path).items():
        results[name] = _time(fn, args.repeat)
    print(f"store {path}: {n:,} events ({path.stat().st_size / 2**20:,.0f} MiB), {os.cpu_count()} CPUs")
    if gen:
        print("setup: " + ", ".join(f"{k} {v:.1f} s" if isinstance(v, float) else f"{k} {v}" for k, v in gen.items()))
    print("| query | cold ms | warm median ms | warm max ms |\n|---|---:|---:|---:|")
    for name, r in results.items():
        print(f"| {name} | {r['cold_ms']:.0f} | {r['median_ms']:.0f} | {r['max_ms']:.0f} |")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"store_queries_{n}.json").write_text(json.dumps(
        {"events": n, "db": str(path), "cpus": os.cpu_count(), "machine": platform.platform(),
         "generate_s": gen, "queries": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
