"""Measuring wirecoder: score it on annotated (gold) data.

    from wirecoder.evaluation import evaluate, render_report
    report = evaluate("events-plover-gsr.jsonl", errors=20)
    print(render_report(report))            # tables, misses/FPs, a SCORE line
    report.headline                         # {"f1": ..., "p": ..., "r": ..., "dyad_f1": ...}

The gold format and every metric are described in docs/evaluation.md; the
definitions agree with the project's referee scorer. ``evaluate`` runs the
pipeline over the gold texts itself (batched, streamed) unless ``system=``
names an output file to score.

The CLI's ``eval`` subcommand delegates here: ``add_eval_arguments(parser)``
declares its arguments and ``run_eval_command(args, settings=...)`` runs it
and returns the exit code (``eval_command`` is the same without writing).
"""
from __future__ import annotations

from .command import add_eval_arguments, eval_command, run_eval_command
from .common import ErrorItem, Table
from .gold import TASKS, GoldFormatError, detect_task, scan_gold
from .report import EvalReport, render_report
from .runner import analyse_gold, evaluate, headline, score_pairs

__all__ = ["evaluate", "render_report", "EvalReport", "GoldFormatError", "TASKS", "add_eval_arguments",
           "eval_command", "run_eval_command", "score_pairs", "analyse_gold", "headline", "detect_task",
           "scan_gold", "ErrorItem", "Table"]
