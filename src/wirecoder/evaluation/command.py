"""The ``wirecoder eval`` command: its arguments and what it does.

The CLI (``wirecoder/cli.py``) hooks it like this::

    from .evaluation import add_eval_arguments, run_eval_command
    p = subparsers.add_parser("eval", help="score wirecoder on annotated data")
    add_eval_arguments(p)
    ...
    if args.command == "eval":
        return run_eval_command(args, settings=settings)   # an exit code

``eval_command(args)`` is the pure form: it returns (exit code, text) and
prints nothing; ``run_eval_command`` writes that text through ``write``.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from ..errors import InputError, UsageError, WirecoderError
from ..settings import Settings
from .gold import TASKS
from .report import render_report

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def add_eval_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the ``eval`` arguments to a (sub)parser; returns it."""
    parser.add_argument("gold", help="gold file: JSONL in wirecoder's gold format, or a seed gold.json")
    parser.add_argument("--task", default="auto", choices=("auto", *TASKS),
                        help="what to score (default: from the file name, else from its fields)")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="list up to N misses and false positives with their text")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="score only the first N documents")
    parser.add_argument("--sample", type=int, default=None, metavar="N",
                        help="score N documents drawn at random (whole clusters for stories)")
    parser.add_argument("--seed", type=int, default=0, help="random seed for --sample (default 0)")
    parser.add_argument("--system", default=None, metavar="OUT.jsonl",
                        help="score this output file instead of running the pipeline")
    parser.add_argument("--save", default=None, metavar="OUT.jsonl",
                        help="also write the pipeline's output lines here")
    from ..cli import positive_int  # lazy: the CLI imports this package only when it builds its parser

    for flags, kw in ((("--model",), {"help": "spaCy pipeline to load (setting: model)"}),
                      (("--batch-size",), {"dest": "batch_size", "type": positive_int,
                                           "help": "articles per nlp.pipe batch"})):
        try:
            parser.add_argument(*flags, **kw)
        except argparse.ArgumentError:  # the CLI already declares its common pipeline options
            pass
    return parser


def settings_from_args(args: argparse.Namespace) -> Settings:
    """Defaults, WIRECODER_* variables, then --model/--batch-size when given."""
    return Settings.from_env(model=getattr(args, "model", None), batch_size=getattr(args, "batch_size", None))


def eval_command(args: argparse.Namespace, *, settings: Settings | None = None) -> tuple[int, str]:
    """Run ``eval`` for parsed arguments: (exit code, text to print). Prints nothing."""
    from .runner import evaluate
    try:
        _check_paths(args)
        settings = settings or settings_from_args(args)
        kwargs = dict(task=args.task, settings=settings, limit=args.limit, sample=args.sample, seed=args.seed,
                      errors=args.errors, system=args.system)
        if args.save:
            with open(args.save, "w", encoding="utf-8") as fh:
                report = evaluate(args.gold, save=fh, **kwargs)
        else:
            report = evaluate(args.gold, **kwargs)
    except WirecoderError as exc:
        return EXIT_BAD_INPUT, f"error: {exc}"  # "[W600] ...": the code, as every other command prints it
    except OSError as exc:
        return EXIT_BAD_INPUT, f"error: {InputError(f'{exc.filename or args.gold}: {exc.strerror or exc}')}"
    return EXIT_OK, render_report(report, as_json=args.json)


def _check_paths(args: argparse.Namespace) -> None:
    """Refuse a missing gold or system file and a --save path in a missing folder before the
    model loads (seconds) and the pipeline runs (minutes), with the code the CLI uses for each."""
    from pathlib import Path

    for name in ("gold", "system"):
        value = getattr(args, name, None)
        if value and not Path(value).is_file():
            raise InputError(f"no such file: {value}" if not Path(value).exists() else f"not a file: {value}")
    save = getattr(args, "save", None)
    if save and not Path(save).resolve().parent.is_dir():
        raise UsageError(f"--save {save}: folder {Path(save).parent} does not exist")


def run_eval_command(args: argparse.Namespace, *, settings: Settings | None = None,
                     write: Callable[[str], object] | None = None) -> int:
    """Run ``eval`` and write its text (to stdout unless ``write`` is given); returns the exit code.

    This is the command layer: the only function of the package that writes.
    """
    code, text = eval_command(args, settings=settings)
    if write is not None:
        write(text)
    else:
        (sys.stdout if code == EXIT_OK else sys.stderr).write(text + "\n")
    return code
