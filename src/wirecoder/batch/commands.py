"""CLI commands for batch work: ``wirecoder run`` (resumable, parallel) and ``wirecoder watch`` (feeds)."""
from __future__ import annotations

import argparse
import sys
import time

EXIT_OK, EXIT_SOME_FAILED = 0, 1


def add_batch_commands(sub: argparse._SubParsersAction) -> None:
    from ..cli import _add_common, _add_input, _add_replace, positive_int

    p = sub.add_parser("run", help="analyse a corpus into the store on many cores or a Dask cluster (resumable)",
                       description="Analyse sources into the store. Every run has an id; rerun with the same "
                                   "--run-id (or --resume) after a crash to finish it: no article is lost or "
                                   "stored twice. See docs/batch.md.")
    p.add_argument("sources", nargs="+", help="files, directories, feeds, JSONL/CSV corpora, URLs")
    p.add_argument("--db", help="DuckDB file (default: wirecoder.duckdb)")
    p.add_argument("--workers", type=positive_int, help="worker processes for the local engine (default: setting workers)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local process pool (default) or a Dask distributed cluster")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--partition-size", dest="partition_size", type=positive_int, metavar="N",
                   help="articles per unit of work (default 32; fixed for a run's lifetime)")
    p.add_argument("--keep-partitions", dest="keep_partitions", action="store_true",
                   help="dask: keep the received Parquet partitions (DB.runs/RUN_ID/) after the run")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--run-id", dest="run_key", metavar="ID", help="name of the run: new, or one to finish")
    g.add_argument("--resume", action="store_true", help="finish the latest unfinished run in this database")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress output")
    p.add_argument("--log-every", dest="log_every", type=float, default=10.0, metavar="S",
                   help="when stderr is not a terminal, a progress line every S seconds (default 10)")
    _add_replace(p)
    _add_input(p)
    _add_common(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("watch", help="poll RSS/Atom feeds and ingest new articles continuously",
                       description="Poll feeds every --interval seconds and store new articles; entries seen "
                                   "before (kept in the database) are skipped. Stop with Ctrl-C.")
    p.add_argument("feeds", nargs="+", help="feed URLs (http/https)")
    p.add_argument("--interval", type=_seconds, default=300.0, help="seconds between polls (default 300)")
    p.add_argument("--max-polls", dest="max_polls", type=positive_int, help="stop after this many polls")
    p.add_argument("--db", help="DuckDB file (default: wirecoder.duckdb)")
    _add_input(p)
    _add_common(p)
    p.set_defaults(func=cmd_watch)


def _seconds(text: str) -> float:
    """An argparse type: a positive number of seconds."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds, got {text}")
    return value


class _Reporter:
    """A rich bar on a terminal; otherwise one progress line every ``every`` seconds."""

    def __init__(self, quiet: bool, every: float = 10.0) -> None:
        from .progress import Progress

        self.quiet = quiet
        self.every = every
        self.last = 0.0
        self.bar = Progress(enabled=not quiet)

    def __enter__(self) -> "_Reporter":
        self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(*exc)

    def __call__(self, snap) -> None:
        if self.quiet:
            return
        if self.bar.enabled:
            self.bar.show(snap)
        elif time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            print(snap.line(), file=sys.stderr, flush=True)


def cmd_run(args: argparse.Namespace) -> int:
    from ..cli import _settings, check_sources
    from ..store_cli import check_db_folder
    from .runner import DEFAULT_PARTITION_SIZE, RunOptions, run_batch

    check_sources(args.sources)
    settings = _settings(args)
    check_db_folder(settings.db)
    options = RunOptions(workers=args.workers or settings.workers, engine=args.engine, scheduler=args.scheduler,
                         run_key=args.run_key, resume=args.resume,
                         partition_size=args.partition_size or DEFAULT_PARTITION_SIZE,
                         keep_partitions=args.keep_partitions,
                         command="run " + " ".join(args.sources))
    with _Reporter(args.quiet, args.log_every) as reporter:
        result = run_batch(args.sources, settings, options, on_progress=reporter)
    t, tot = result.tally, result.totals
    print(f"run {result.run_key} (attempt {result.attempt}, store run {result.store_run}): {t.summary()}",
          file=sys.stderr)
    if result.skipped_partitions:
        print(f"  {result.skipped_partitions} partitions were done by an earlier attempt", file=sys.stderr)
    print(f"  run totals: {tot.stored} articles stored, {tot.duplicates} already there, {tot.failures} failures, "
          f"{tot.events} events, in {settings.db}", file=sys.stderr)
    _print_failures(result.failures)
    return EXIT_SOME_FAILED if result.failures else EXIT_OK


def cmd_watch(args: argparse.Namespace) -> int:
    from ..cli import _settings
    from ..store_cli import check_db_folder
    from .watch import watch_feeds

    settings = _settings(args)
    check_db_folder(settings.db)

    def report(r) -> None:
        line = (f"poll {r.poll}: {r.new} new, {r.repeats} seen before, {r.duplicates} duplicate texts, "
                f"{len(r.failures)} failed ({r.seconds:.1f}s)")
        print(line, file=sys.stderr, flush=True)
        for f in r.failures[:20]:
            print(f"  failed {f.item}: [{f.code}] {f.reason}", file=sys.stderr)

    try:
        summary = watch_feeds(args.feeds, settings, interval=args.interval, max_polls=args.max_polls,
                              on_poll=report)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return EXIT_OK
    print(f"{summary.polls} polls: {summary.stored} articles stored, {summary.repeats} repeats skipped, "
          f"{summary.duplicates} duplicates, {len(summary.failures)} failures (run {summary.run_id}, "
          f"{settings.db})", file=sys.stderr)
    return EXIT_SOME_FAILED if summary.failures else EXIT_OK


def _print_failures(failures) -> None:
    if not failures:
        return
    from collections import Counter

    codes = Counter(f.code for f in failures)
    print("  failures by code: " + ", ".join(f"{c}={n}" for c, n in sorted(codes.items())), file=sys.stderr)
    for f in failures[:50]:
        print(f"  failed {f.item}: [{f.code}] {f.reason}", file=sys.stderr)
    if len(failures) > 50:
        print(f"  ... and {len(failures) - 50} more (wirecoder export --table failures)", file=sys.stderr)
