"""Run the pipeline over a gold file and score what it produced, streaming.

The gold documents go through ``wirecoder.analyze_many`` as Article records
(id, text, date, title) in batches; each outcome is turned into the output
contract (the JSON line ``wirecoder analyze`` writes) and handed to the task's
scorer with its gold document, then dropped. So a run holds one batch of
Docs and the scorer's counts, whatever the size of the gold file.
"""
from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date as Date
from pathlib import Path
from typing import IO, Any

from spacy.language import Language

from ..output.contract import outcome_to_dict
from ..records import Article
from ..settings import Settings
from .events import EventLocationScorer, EventScorer, LabelScorer
from .gold import TASKS, GoldFormatError, choose, detect_task, is_seed_file, iter_gold, load_seed, scan_gold
from .report import EvalReport
from .scoring import Scorer, TaskResult
from .seed import score_seed
from .spans import EntityScorer, QuoteScorer, StoryScorer, TimexScorer, ToponymScorer

SCORERS: dict[str, type] = {"events": EventScorer, "labels": LabelScorer, "quotes": QuoteScorer,
                            "timexes": TimexScorer, "toponyms": ToponymScorer, "entities": EntityScorer,
                            "stories": StoryScorer, "eventloc": EventLocationScorer}


def new_scorer(task: str) -> Scorer:
    try:
        return SCORERS[task]()
    except KeyError:
        raise GoldFormatError(f"unknown task {task!r}; one of {', '.join(TASKS)}") from None


def gold_article(gold: dict) -> Article:
    date = gold.get("date")
    return Article(id=str(gold.get("id")), text=gold.get("text") or "", title=gold.get("title"),
                   date=Date.fromisoformat(date) if isinstance(date, str) and date else None)


def analyse_gold(golds: Iterable[dict], *, settings: Settings | None = None,
                 nlp: Language | None = None) -> Iterator[tuple[dict, dict]]:
    """(gold document, output-contract line) pairs; only one batch is in flight at a time.

    The outcomes go through the stories stage exactly as in ``wirecoder analyze``
    (story ids across the evaluated batch), so every task scores the same output.
    """
    from ..api import analyze_many  # late: keeps `import wirecoder.evaluation` light for the CLI
    from ..stories.cluster import StoryIndex
    from ..stories.stage import with_stories
    pending: deque[dict] = deque()

    def articles() -> Iterator[Article]:
        for g in golds:
            pending.append(g)
            yield gold_article(g)

    for outcome in with_stories(analyze_many(articles(), settings=settings, nlp=nlp), StoryIndex()):
        yield pending.popleft(), outcome_to_dict(outcome)


def read_system(path: str | Path) -> dict[str, dict]:
    """Output lines by id (the first line wins); unreadable lines are skipped, as the referee does."""
    out: dict[str, dict] = {}
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
        for line in fh:
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                out.setdefault(str(obj.get("id")), obj)
    return out


def score_pairs(task: str, pairs: Iterable[tuple[dict, dict | None]]) -> tuple[TaskResult, dict[str, int]]:
    """Score (gold, system line or None) pairs; a line carrying "error" counts as absent."""
    scorer = new_scorer(task)
    counts = {"docs": 0, "missing": 0, "failed": 0}
    for gold, line in pairs:
        counts["docs"] += 1
        if line is None:
            counts["missing"] += 1
        elif line.get("error"):
            counts["failed"] += 1
            line = None
        scorer.add(gold, line)
    return scorer.result(), counts


def evaluate(gold_path: str | Path, *, task: str = "auto", settings: Settings | None = None,
             nlp: Language | None = None, limit: int | None = None, sample: int | None = None, seed: int = 0,
             errors: int = 0, system: str | Path | None = None, save: IO[str] | None = None) -> EvalReport:
    """Score wirecoder on a gold file (docs/evaluation.md describes the format).

    task: "auto" (from the file name, else its fields) or one of TASKS.
    limit / sample / seed: score the first N / a random N (fixed by seed) documents.
    errors: keep the first N misses and false positives (with their text).
    system: score an existing output file (contract lines) instead of running the pipeline.
    save: a text stream to write the pipeline's output lines to (JSONL), for a second look.
    """
    t0 = time.perf_counter()
    gold_path = str(gold_path)
    if task == "seed" or (task == "auto" and is_seed_file(gold_path)):
        return _evaluate_seed(gold_path, settings, nlp, errors, system, save, t0)
    scan = scan_gold(gold_path)
    task = detect_task(gold_path, scan.fields) if task == "auto" else task
    new_scorer(task)  # fail early on an unknown task
    idx = choose(scan, task, limit=limit, sample=sample, seed=seed)
    golds = iter_gold(gold_path, idx)
    extra = 0
    if system is not None:
        lines = read_system(system)
        pairs: Iterator[tuple[dict, dict | None]] = ((g, lines.get(str(g.get("id")))) for g in golds)
        if len(idx) == scan.count:
            ids = {str(g.get("id")) for g in iter_gold(gold_path)}
            extra = sum(1 for k in lines if k not in ids)
    else:
        pairs = _saving(analyse_gold(golds, settings=settings, nlp=nlp), save)
    seen_pipeline: list[str] = []
    result, counts = score_pairs(task, _note_pipeline(pairs, seen_pipeline))
    pipeline = seen_pipeline[0] if seen_pipeline else ""
    selection = (f"all {scan.count}" if len(idx) == scan.count else
                 f"{'sample' if sample is not None else 'first'} {len(idx)} of {scan.count}"
                 + (f" (seed {seed})" if sample is not None else ""))
    return _report(task, gold_path, result, counts, errors, extra, pipeline, selection, t0)


def _note_pipeline(pairs: Iterable[tuple[dict, dict | None]],
                   into: list[str]) -> Iterator[tuple[dict, dict | None]]:
    """Pass pairs through, remembering the first line's "pipeline" (model and version)."""
    for g, line in pairs:
        if not into and line and line.get("pipeline"):
            into.append(str(line["pipeline"]))
        yield g, line


def _saving(pairs: Iterator[tuple[dict, dict]], save: IO[str] | None) -> Iterator[tuple[dict, dict]]:
    for g, line in pairs:
        if save is not None:
            save.write(json.dumps(line, ensure_ascii=False) + "\n")
        yield g, line


def _evaluate_seed(path: str, settings: Settings | None, nlp: Language | None, errors: int,
                   system: str | Path | None, save: IO[str] | None, t0: float) -> EvalReport:
    gold, text = load_seed(path)
    doc_id = Path(gold["file"]).stem
    if system is not None:
        lines = read_system(system)
        key = doc_id.split("_")[-1]
        line = next((v for k, v in lines.items() if key in k), next(iter(lines.values()), None))
    else:
        g = {"id": doc_id, "text": text, "date": gold.get("date"), "title": gold.get("title")}
        _, line = next(_saving(analyse_gold([g], settings=settings, nlp=nlp), save))
    missing = int(line is None)
    failed = int(bool(line and line.get("error")))
    result = score_seed(gold, None if failed else line, text)
    counts = {"docs": 1, "missing": missing, "failed": failed}
    return _report("seed", path, result, counts, errors, 0, str((line or {}).get("pipeline") or ""), "all 1", t0)


def _report(task: str, path: str, result: TaskResult, counts: dict[str, int], errors: int, extra: int,
            pipeline: str, selection: str, t0: float) -> EvalReport:
    return EvalReport(task=task, gold=path, docs=counts["docs"], headline=dict(result.headline),
                      tables=result.tables, notes=result.notes, errors=result.errors[:max(0, errors)],
                      error_total=len(result.errors), missing=counts["missing"], failed=counts["failed"],
                      extra=extra, data=dict(result.data), seconds=time.perf_counter() - t0,
                      pipeline=pipeline, selection=selection)


def headline(report: EvalReport) -> dict[str, Any]:
    """The headline figures plus the join counts, as the referee's SCORE line gives them."""
    return {**report.headline, "docs": report.docs, "missing": report.missing, "errors": report.failed}
