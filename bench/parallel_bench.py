"""Throughput of ``wirecoder run`` with 1 and with N workers on the same corpus, in one invocation.

    python bench/parallel_bench.py [CORPUS.jsonl] [--limit 200] [--workers 2] [--pool-for-one]

Each configuration runs ``run_batch`` (the code behind ``wirecoder run``) into
a fresh database in a temporary folder: reading, analysis on the workers,
writing to the store, all included. Printed per configuration: wall time
(model loading included), the warm rate (articles/s after the first partition
arrived, i.e. without start-up), and the ratio to one worker. One worker runs
in-process (what ``--workers 1`` does); ``--pool-for-one`` runs it as a pool
of one worker process instead, to isolate the pool's scaling from its cost.
"driver CPU s" is the CPU time of this (driver) process: reading, unpickling
results, writing the store (and, for one in-process worker, the analysis);
"worker CPU s" that of the pool's processes (model loading included); "cores
used" is all of it over the wall time: on an idle 2-core machine 2 workers
should use close to 2, and a figure far below says the CPUs were taken by
other processes, not that the engine idled.
The load average is printed before and after: on a shared machine, figures
from a box with a load above its core count are not the engine's.
The default corpus is ../shared/eval/dev/bench-polnear.jsonl (not shipped).
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from wirecoder.batch.runner import RunOptions, run_batch
from wirecoder.settings import Settings

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "bench-polnear.jsonl"


def _slice(src: Path, limit: int, dest: Path) -> int:
    with src.open(encoding="utf-8") as fh, dest.open("w", encoding="utf-8") as out:
        lines = list(itertools.islice(fh, limit))
        out.writelines(lines)
    return len(lines)


def _one(corpus: Path, workers: int, pool_for_one: bool, partition: int, tmp: Path) -> dict:
    settings = Settings(db=tmp / f"w{workers}-{time.monotonic_ns()}.duckdb", workers=workers)
    marks: list[tuple[float, int]] = []
    opts = RunOptions(workers=workers, partition_size=partition, run_key=f"bench-{workers}",
                      inline_single=not pool_for_one)
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    kids0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = run_batch([str(corpus)], settings, opts,
                       on_progress=lambda s: marks.append((time.perf_counter(), s.done)))
    wall = time.perf_counter() - start
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    kids1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # pool workers, reaped at the pool's shutdown
    driver_cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    worker_cpu = (kids1.ru_utime - kids0.ru_utime) + (kids1.ru_stime - kids0.ru_stime)
    n = result.tally.analysed + result.tally.failed
    warm = None
    if len(marks) >= 2:
        (t0, d0), (t1, d1) = marks[0], marks[-1]
        warm = (d1 - d0) / (t1 - t0) if t1 > t0 else None
    return {"workers": workers, "articles": n, "failed": result.tally.failed, "wall_s": round(wall, 2),
            "rate": round(n / wall, 2), "warm_rate": round(warm, 2) if warm else None,
            "stored": result.totals.stored, "driver_cpu_s": round(driver_cpu, 2),
            "worker_cpu_s": round(worker_cpu, 2), "cores_used": round((driver_cpu + worker_cpu) / wall, 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=200, help="first N articles (default 200)")
    ap.add_argument("--workers", type=int, default=2, help="the parallel configuration (default 2)")
    ap.add_argument("--partition-size", type=int, default=16)
    ap.add_argument("--pool-for-one", action="store_true", help="run 1 worker as a 1-process pool")
    ap.add_argument("--json", type=Path, help="also write the result here")
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="wc-parbench-") as tmp_s:
        tmp = Path(tmp_s)
        corpus = tmp / "corpus.jsonl"
        n = _slice(args.corpus, args.limit, corpus)
        rows = [_one(corpus, w, args.pool_for_one, args.partition_size, tmp) for w in (1, args.workers)]
    load_after = os.getloadavg()
    base = rows[0]
    for r in rows:
        r["ratio_wall"] = round(base["wall_s"] / r["wall_s"], 2)
        r["ratio_warm"] = round(r["warm_rate"] / base["warm_rate"], 2) if r["warm_rate"] and base["warm_rate"] else None
    print(f"corpus: first {n} articles of {args.corpus.name}; cores: {os.cpu_count()}; "
          f"load average before {load_before[0]:.2f}/{load_before[1]:.2f}/{load_before[2]:.2f}, "
          f"after {load_after[0]:.2f}/{load_after[1]:.2f}/{load_after[2]:.2f}")
    print("| workers | articles | wall s | articles/s (wall) | articles/s (warm) | speed-up wall | speed-up warm "
          "| driver CPU s | worker CPU s | cores used |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['workers']}{' (pool)' if r['workers'] == 1 and args.pool_for_one else ''} | {r['articles']} | "
              f"{r['wall_s']} | {r['rate']} | {r['warm_rate']} | {r['ratio_wall']}x | {r['ratio_warm']}x | {r['driver_cpu_s']} | "
              f"{r['worker_cpu_s']} | {r['cores_used']} |")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "load_before": load_before, "load_after": load_after,
                                         "cores": os.cpu_count(), "limit": n}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
