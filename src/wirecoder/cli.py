"""The ``wirecoder`` command: thin argument parsing over the public functions.

Exit codes: 0 everything worked; 1 the run finished but some items failed
(each is reported); 2 usage error or nothing could be done. Every error is one
line on stderr, "error: [CODE] reason" (codes: docs/errors.md).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .errors import EmptyInput, InputError, UsageError, WirecoderError
from .settings import Settings

EXIT_OK, EXIT_SOME_FAILED, EXIT_FATAL = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one coded line instead of the whole usage block."""

    def error(self, message: str):  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1 (batch sizes, workers, polls)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def check_sources(sources: list[str]) -> None:
    """Refuse a path that does not exist or a folder without files before the model loads: a typo
    on the command line is a usage mistake, not one failed item among many (those still become
    Failure records, e.g. a file that vanishes while a batch runs)."""
    from .ingest.sources import walk_files

    for src in map(str, sources):
        if src == "-" or "://" in src:
            continue
        path = Path(src)
        if not path.exists():
            raise InputError(f"no such file or folder: {src}", item=src)
        if path.is_dir() and next(iter(walk_files(path, unlisted=True)), None) is None:
            raise EmptyInput(f"folder {src} holds no files to read (hidden files and databases are skipped)",
                             item=src)


def check_output(path: str | Path | None, flag: str = "--output") -> None:
    """A file to write must be in a folder that exists (checked before minutes of analysis)."""
    if path is not None and not Path(path).resolve().parent.is_dir():
        raise UsageError(f"{flag} {path}: folder {Path(path).parent} does not exist")


def _check_settings(settings: Settings) -> Settings:
    """Read a user actors file now, so a bad line stops the command before the model loads."""
    if settings.actors_file is not None:
        from .actors.tables import read_user_actors

        read_user_actors(Path(settings.actors_file))
    return settings


def _settings(args: argparse.Namespace) -> Settings:
    over = {k: getattr(args, k, None) for k in ("model", "batch_size", "db", "default_date", "workers",
                                                   "triggers_file", "actors_file", "fetch_links",
                                                   "allow_private_addresses", "replace_existing")}
    for name in ("id_field", "text_field", "title_field", "date_field", "url_field", "source_field"):
        over[name] = getattr(args, name, None)
    if over.get("db") is not None:
        over["db"] = Path(over["db"])
    return _check_settings(Settings.from_env(**over))


def _add_common(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("pipeline")
    g.add_argument("--model", help="spaCy pipeline to load (setting: model)")
    g.add_argument("--batch-size", dest="batch_size", type=positive_int, help="articles per nlp.pipe batch")
    g.add_argument("--triggers-file", dest="triggers_file", type=Path, help="extra event trigger patterns (JSONL)")
    g.add_argument("--actors-file", dest="actors_file", type=Path, help="extra actors (JSONL)")


def _add_replace(p: argparse.ArgumentParser) -> None:
    p.add_argument("--replace", dest="replace_existing", action="store_true", default=None,
                   help="re-code articles already stored (same text) and replace their records "
                        "(setting: replace_existing)")


def _add_input(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("input")
    g.add_argument("--date", dest="default_date", metavar="YYYY-MM-DD",
                   help="dateline for articles that carry none (relative dates resolve against it)")
    g.add_argument("--fetch-links", dest="fetch_links", action="store_true", default=None,
                   help="for feed entries, fetch the linked page")
    g.add_argument("--allow-private-addresses", dest="allow_private_addresses", action="store_true",
                   default=None, help="allow fetching from loopback/private addresses")
    for name in ("id", "text", "title", "date", "url", "source"):
        g.add_argument(f"--{name}-field", dest=f"{name}_field", metavar="NAME",
                       help=f"JSONL/CSV field holding the {name}")


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="wirecoder", description="Offline political event coding from news.",
                 epilog="Run 'wirecoder demo' first for a small store to explore; "
                        "'wirecoder COMMAND --help' for each command.")
    ap.add_argument("--version", action="version", version=f"wirecoder {__version__}")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("analyze", help="analyse articles and print or write the records",
                       description="Analyse articles without storing them: tables on a terminal, JSON lines "
                                   "otherwise (one per article, same id; failures carry error and error_code).",
                       epilog="examples:\n  wirecoder analyze article.txt --date 2022-01-12\n"
                              "  wirecoder analyze --input corpus.jsonl --output coded.jsonl\n"
                              "  cat article.txt | wirecoder analyze - --format json",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="*", help="files, directories, feeds or URLs ('-' = stdin)")
    p.add_argument("--input", "-i", help="a corpus: JSONL or CSV with id, text, date, title, url "
                                         "('-' = stdin: JSONL or plain text)")
    p.add_argument("--output", "-o", help="write one JSON line per input article here")
    p.add_argument("--format", "-f", choices=("table", "json", "jsonl"), help="terminal format (default: "
                   "table on a terminal, jsonl otherwise)")
    _add_input(p)
    _add_common(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("ingest", help="analyse sources and store the records in DuckDB")
    p.add_argument("sources", nargs="+", help="files, directories, feeds, JSONL/CSV corpora, URLs, '-'")
    p.add_argument("--db", help="DuckDB file (default: wirecoder.duckdb)")
    _add_replace(p)
    _add_input(p)
    _add_common(p)
    p.set_defaults(func=cmd_ingest)

    from .store_cli import add_store_commands
    add_store_commands(sub)
    from .batch.commands import add_batch_commands
    add_batch_commands(sub)
    from .server import add_serve_command  # FastAPI is imported only when the command runs
    add_serve_command(sub)

    p = sub.add_parser("eval", help="score wirecoder on a gold file (see docs/evaluation.md)")
    try:
        from .evaluation import add_eval_arguments, run_eval_command
        add_eval_arguments(p)
        p.set_defaults(func=run_eval_command)
    except ImportError:  # evaluation package not installed in a trimmed build
        p.set_defaults(func=lambda a: _fail("evaluation is not available in this build"))

    p = sub.add_parser("settings", help="list every setting with its default and help")
    p.set_defaults(func=cmd_settings)

    p = sub.add_parser("demo", help="ingest the bundled sample articles and show what was found")
    p.add_argument("--db", help="DuckDB file (default: wirecoder.duckdb)")
    _add_common(p)
    p.set_defaults(func=cmd_demo)
    return ap


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    if not (sys.argv[1:] if argv is None else argv):  # a first try with no arguments: show what there is
        parser.print_help()
        return EXIT_FATAL
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help and --version: callers in-process get the code back
            return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_FATAL
        return int(args.func(args) or 0)
    except WirecoderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FATAL
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _fail(message: str) -> int:
    print(f"error: {UsageError(message)}", file=sys.stderr)
    return EXIT_FATAL


# ------------------------------------------------------------------ analyze
def cmd_analyze(args: argparse.Namespace) -> int:
    from rich.console import Console

    from .batch.local import run_local
    from .ingest import read_sources
    from .output.contract import outcome_to_dict
    from .output.render import render_analysis, render_failure
    from .records import Failure

    sources = list(args.files) + ([args.input] if args.input else [])
    if not sources:
        raise UsageError("give files to analyse, or --input FILE.jsonl ('-' reads stdin) "
                         "(see 'wirecoder analyze --help')")
    check_sources(sources)
    check_output(args.output)
    settings = _settings(args)
    items = read_sources(sources, settings)
    fmt = args.format or ("jsonl" if args.output or not sys.stdout.isatty() else "table")
    console = Console(stderr=False, soft_wrap=False)
    err = Console(stderr=True)
    out_fh = open(args.output, "w", encoding="utf-8") if args.output else None
    collected: list[dict] = []

    def sink(outcome) -> None:
        if isinstance(outcome, Failure):
            render_failure(outcome, err)
        if out_fh is not None:
            out_fh.write(json.dumps(outcome_to_dict(outcome), ensure_ascii=False) + "\n")
        elif fmt == "table":
            if not isinstance(outcome, Failure):
                render_analysis(outcome, console)
        elif fmt == "json":
            collected.append(outcome_to_dict(outcome))
        else:
            sys.stdout.write(json.dumps(outcome_to_dict(outcome), ensure_ascii=False) + "\n")

    from .stories.cluster import StoryIndex
    from .stories.stage import with_stories

    stories = StoryIndex()  # story ids across this batch, assigned as articles stream past

    def sink_with_story(outcome) -> None:
        for o in with_stories([outcome], stories):
            sink(o)

    try:
        tally = run_local(items, settings, show_progress=bool(args.output), on_outcome=sink_with_story)
    finally:
        if out_fh is not None:
            out_fh.close()
    if fmt == "json" and out_fh is None:
        doc = collected[0] if len(collected) == 1 else collected
        # Indented for a person at a terminal; one line when redirected, so a
        # single article's output is also a valid JSON-lines file (score.py reads it).
        indent = 2 if sys.stdout.isatty() else None
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=indent) + "\n")
    if args.output or tally.failed:
        print(tally.summary(), file=sys.stderr)
    return EXIT_SOME_FAILED if tally.failed else EXIT_OK


# ------------------------------------------------------------------ ingest
def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest import read_sources
    from .store_cli import ingest_into_store

    check_sources(args.sources)
    settings = _settings(args)
    tally, report = ingest_into_store(read_sources(args.sources, settings), settings,
                                      command="ingest " + " ".join(args.sources))
    again = (f"{report.replaced} re-coded and replaced" if settings.replace_existing
             else f"{report.duplicates} already there")
    print(f"{tally.summary()}\nstored {report.stored} new articles in {settings.db} ({again})", file=sys.stderr)
    for f in tally.failures[:50]:
        print(f"  failed {f.item}: [{f.code}] {f.reason}", file=sys.stderr)
    return EXIT_SOME_FAILED if tally.failed else EXIT_OK


# ------------------------------------------------------------------ settings / demo
def cmd_settings(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    t = Table(title="wirecoder settings (environment: WIRECODER_<NAME>)")
    for col in ("name", "default", "help"):
        t.add_column(col, overflow="fold")
    for name, default, help_ in Settings.describe():
        t.add_row(name, default, help_)
    Console().print(t)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from importlib.resources import files

    from .ingest import read_sources
    from .store_cli import ingest_into_store, print_recent_events

    settings = _settings(args)
    samples = Path(str(files("wirecoder") / "data" / "samples" / "articles"))
    tally, report = ingest_into_store(read_sources([samples], settings), settings, command="demo")
    print(f"{tally.summary()}\nstored {report.stored} new articles in {settings.db} "
          f"({report.duplicates} already there)\n", file=sys.stderr)
    print_recent_events(settings, limit=30)
    print(f"\nExplore further:\n  wirecoder events --db {settings.db} --type ASSAULT\n"
          f"  wirecoder quotes --db {settings.db}\n"
          f"  wirecoder serve --db {settings.db}    # dashboard and API on http://127.0.0.1:8000/",
          file=sys.stderr)
    return EXIT_SOME_FAILED if tally.failed else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
