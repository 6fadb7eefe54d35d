#!/usr/bin/env python3
"""Throughput benchmark: the full wirecoder pipeline against the bare spaCy model.

    python bench/run.py --quick                 # 36 articles, < 1 minute
    python bench/run.py [CORPUS.jsonl] [--limit N] [--processes 1 2]

CORPUS is JSON Lines with at least ``text`` (``id``, ``date``, ``title`` are
used when present); the default is ../shared/eval/dev/bench-polnear.jsonl.
In one run it measures, for 1 and 2 processes:

- full: wirecoder's pipeline as ``analyze_many`` runs it (make the Doc, every
  spaCy and wirecoder component, extract the Analysis, the JSON output line),
  with each component timed on its own (the components are called batch by
  batch in pipeline order, exactly as ``nlp.pipe`` chains them);
- bare: the same loaded model with wirecoder's components disabled, through
  ``nlp.pipe``: what plain spaCy costs on the same texts.

It reports articles/s, words/s (whitespace words), the ratio full/bare (time),
seconds per stage and peak RSS, as JSON (bench/results/, git-ignored) and a
short Markdown table. With 2 processes each worker loads its own model
(spawned, nothing shared) and gets half the corpus; rates use the slowest
worker's compute time, and the wall time with model loading is given too.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import resource
import sys
import time
from collections import defaultdict
from datetime import date as Date, datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "dev" / "bench-polnear.jsonl"
RESULTS = ROOT / "bench" / "results"
QUICK_ARTICLES = 36
WARMUP_ARTICLES = 2


def read_corpus(path: Path, limit: int | None) -> list[dict]:
    out = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for n, line in enumerate(fh):
            if not line.strip():
                continue
            d = json.loads(line)
            if isinstance(d, dict) and isinstance(d.get("text"), str) and d["text"].strip():
                out.append({"id": str(d.get("id", n)), "text": d["text"], "title": d.get("title"),
                            "date": d.get("date") if isinstance(d.get("date"), str) else None})
            if limit is not None and len(out) >= limit:
                break
    return out


def peak_rss_mb() -> float:
    """This process's peak resident memory in MiB.

    VmHWM (Linux) first: getrusage's ru_maxrss survives fork+exec, so a
    spawned worker would report its parent's peak when that is larger.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _article(d: dict):
    from wirecoder.records import Article
    try:
        day = Date.fromisoformat(d["date"][:10]) if d.get("date") else None
    except ValueError:
        day = None
    return Article(id=d["id"], text=d["text"], title=d.get("title"), date=day)


def run_full(nlp, docs: list[dict], batch_size: int) -> dict:
    """The full pipeline over docs, each stage timed; returns seconds and seconds per stage."""
    from wirecoder.analysis import doc_to_analysis
    from wirecoder.nlp.pipeline import model_version
    from wirecoder.output.contract import analysis_to_dict
    version = model_version(nlp)
    stages: dict[str, float] = defaultdict(float)
    t_all = time.perf_counter()
    for k in range(0, len(docs), batch_size):
        batch = [_article(d) for d in docs[k:k + batch_size]]
        t = time.perf_counter()
        made = []
        for art in batch:
            doc = nlp.make_doc(art.text)
            doc._.wc_article, doc._.wc_dateline = art, art.date
            made.append(doc)
        stages["tokenizer"] += time.perf_counter() - t
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            made = list(proc.pipe(made, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in made]
            stages[name] += time.perf_counter() - t
        t = time.perf_counter()
        for doc, art in zip(made, batch):
            json.dumps(analysis_to_dict(doc_to_analysis(doc, art, version)), ensure_ascii=False)
        stages["extract+json"] += time.perf_counter() - t
    return {"seconds": time.perf_counter() - t_all, "stages": dict(stages)}


def run_bare(nlp, docs: list[dict], batch_size: int) -> dict:
    """The same model without wirecoder's components, through nlp.pipe."""
    ours = [n for n in nlp.pipe_names if n.startswith("wc_")]
    t = time.perf_counter()
    with nlp.select_pipes(disable=ours):
        for _ in nlp.pipe((d["text"] for d in docs), batch_size=batch_size):
            pass
    return {"seconds": time.perf_counter() - t}


def load(model: str | None):
    from wirecoder import Settings, load_pipeline
    return load_pipeline(Settings(model=model) if model else Settings())


# -- worker side (spawned: one model per process, nothing shared with the parent)
def _worker(model: str | None, warm: list[dict], docs: list[dict], batch_size: int, queue) -> None:
    nlp = load(model)
    run_full(nlp, warm, batch_size)
    run_bare(nlp, warm, batch_size)
    full = run_full(nlp, docs, batch_size)
    bare = run_bare(nlp, docs, batch_size)
    queue.put({"full": full, "bare": bare, "peak_rss_mb": peak_rss_mb()})


def run_parallel(docs: list[dict], procs: int, model: str | None, batch_size: int,
                 warm: list[dict]) -> tuple[dict, dict]:
    """Full then bare in each of ``procs`` workers, each on its share of the corpus."""
    chunks = [docs[i::procs] for i in range(procs)]  # interleaved shares: similar lengths
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    t = time.perf_counter()
    workers = [ctx.Process(target=_worker, args=(model, warm, c, batch_size, queue)) for c in chunks]
    for w in workers:
        w.start()
    parts = [queue.get() for _ in workers]
    for w in workers:
        w.join()
    wall = time.perf_counter() - t
    rss = max(p["peak_rss_mb"] for p in parts)
    out = []
    for mode in ("full", "bare"):
        stages: dict[str, float] = defaultdict(float)
        for p in parts:
            for k, v in p[mode].get("stages", {}).items():
                stages[k] += v
        res = {"seconds": max(p[mode]["seconds"] for p in parts), "worker_seconds": [p[mode]["seconds"] for p in parts],
               "wall_with_load_both_runs": wall, "peak_rss_mb": rss}
        if stages:
            res["stages"] = dict(stages)
        out.append(res)
    return out[0], out[1]


def summarise(res: dict, n: int, words: int) -> dict:
    s = res["seconds"]
    return {**res, "articles_per_s": n / s if s else None, "words_per_s": words / s if s else None}


def markdown(results: dict) -> str:
    rows = ["| processes | run | articles/s | words/s | seconds | full/bare | peak RSS MB |",
            "|---:|---|---:|---:|---:|---:|---:|"]
    for p, r in results["runs"].items():
        for mode in ("full", "bare"):
            x = r[mode]
            ratio = f"{r['ratio_full_bare']:.2f}" if mode == "full" else ""
            rows.append(f"| {p} | {mode} | {x['articles_per_s']:.2f} | {x['words_per_s']:.0f} | {x['seconds']:.1f} "
                        f"| {ratio} | {x['peak_rss_mb']:.0f} |")
    one = results["runs"].get("1") or next(iter(results["runs"].values()))
    total = sum(one["full"]["stages"].values())
    rows += ["", "| stage (1 process, full) | seconds | share |", "|---|---:|---:|"]
    for k, v in sorted(one["full"]["stages"].items(), key=lambda kv: -kv[1]):
        rows.append(f"| {k} | {v:.2f} | {100 * v / total:.0f}% |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS), help="JSONL with id/text[/date/title]")
    ap.add_argument("--quick", action="store_true", help=f"first {QUICK_ARTICLES} articles (< 1 minute)")
    ap.add_argument("--limit", type=int, default=None, help="first N articles")
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2], help="process counts to run (default 1 2)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--model", default=None, help="spaCy model (default: wirecoder's setting)")
    ap.add_argument("--out", default=None, help="JSON result path (default bench/results/<time>.json)")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"error: corpus {corpus} not found", file=sys.stderr)
        return 2
    limit = args.limit if args.limit is not None else (QUICK_ARTICLES if args.quick else None)
    docs = read_corpus(corpus, limit)
    if not docs:
        print("error: no articles with text in the corpus", file=sys.stderr)
        return 2
    words = sum(len(d["text"].split()) for d in docs)
    warm = docs[:WARMUP_ARTICLES]
    t = time.perf_counter()
    nlp = load(args.model)
    load_s = time.perf_counter() - t
    run_full(nlp, warm, args.batch_size)  # first-call costs (lazy data loading) stay out of the figures
    run_bare(nlp, warm, args.batch_size)
    runs = {}
    for p in args.processes:
        if p == 1:
            full, bare = run_full(nlp, docs, args.batch_size), run_bare(nlp, docs, args.batch_size)
            full["peak_rss_mb"] = bare["peak_rss_mb"] = peak_rss_mb()
        else:
            full, bare = run_parallel(docs, p, args.model, args.batch_size, warm)
        runs[str(p)] = {"full": summarise(full, len(docs), words), "bare": summarise(bare, len(docs), words),
                        "ratio_full_bare": full["seconds"] / bare["seconds"] if bare["seconds"] else None}
    results = {"corpus": str(corpus), "articles": len(docs), "words": words,
               "chars": sum(len(d["text"]) for d in docs), "model": nlp.meta.get("name"),
               "pipeline": nlp.pipe_names, "model_load_s": load_s, "batch_size": args.batch_size,
               "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
               "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
               "runs": runs}
    out = Path(args.out) if args.out else RESULTS / f"{datetime.now():%Y%m%d-%H%M%S}-{corpus.stem}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"{len(docs)} articles, {words} words from {corpus.name}; model {results['model']} "
          f"(load {load_s:.1f}s)\n")
    print(markdown(results))
    print(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
