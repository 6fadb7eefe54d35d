"""Reading gold files: validation with line numbers, task detection, sampling.

The format (docs/evaluation.md): JSON Lines, one document per line, with
``id``, ``text``, ``date``, ``title`` and the field(s) of its task. A file is
read twice: once to validate it and count its lines, once to stream the
chosen documents into the pipeline, so no more than a batch is ever held.
"""
from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any

from ..errors import GoldFormatError

TASKS = ("events", "labels", "quotes", "timexes", "toponyms", "entities", "stories", "eventloc", "seed")
# the file-name prefix says the task; failing that, the first of these fields the lines carry
FILE_PREFIXES = {"events-": "events", "quotes-": "quotes", "timex-": "timexes", "geo-": "toponyms",
                 "ner-": "entities", "stories-": "stories", "eventloc-": "eventloc"}
FIELD_TASKS = (("events", "events"), ("labels", "events"), ("quotes", "quotes"), ("timexes", "timexes"),
               ("toponyms", "toponyms"), ("entities", "entities"), ("event_locations", "eventloc"),
               ("cluster", "stories"))
SPAN_FIELDS = ("quotes", "timexes", "toponyms", "entities")
MAX_REPORTED = 20
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class GoldScan:
    """What the validating pass learnt about a gold file (no texts are kept)."""

    path: str
    count: int
    fields: frozenset[str]
    clusters: tuple[str | None, ...]  # per document, for sampling whole story clusters


def _is_int(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _span_problem(obj: dict, s_key: str, e_key: str, n: int) -> str | None:
    s, e = obj.get(s_key), obj.get(e_key)
    if not (_is_int(s) and _is_int(e)):
        return f"{s_key}/{e_key} must be integers, got {s!r}/{e!r}"
    if not 0 <= s <= e <= n:
        return f"span [{s}, {e}) lies outside the text (length {n})"
    return None


def line_problems(doc: Any, seen: set[str]) -> list[str]:
    """Everything wrong with one gold line (empty when it is valid)."""
    if not isinstance(doc, dict):
        return ["not a JSON object"]
    out: list[str] = []
    did, text = doc.get("id"), doc.get("text")
    if not (isinstance(did, str) and did) and not _is_int(did):
        out.append(f"'id' must be a non-empty string, got {did!r}")
    elif str(did) in seen:
        out.append(f"duplicate id {did!r}")
    else:
        seen.add(str(did))
    if not isinstance(text, str):
        return out + [f"'text' must be a string, got {type(text).__name__}"]
    date = doc.get("date")
    if date is not None:
        try:
            ok = isinstance(date, str) and bool(_DATE.match(date)) and bool(Date.fromisoformat(date))
        except ValueError:
            ok = False
        if not ok:
            out.append(f"'date' must be YYYY-MM-DD or null, got {date!r}")
    if doc.get("title") is not None and not isinstance(doc.get("title"), str):
        out.append("'title' must be a string or null")
    out += _task_problems(doc, len(text))
    return out


def _task_problems(doc: dict, n: int) -> list[str]:
    out: list[str] = []
    for key in ("events", "labels", *SPAN_FIELDS, "event_locations"):
        if key in doc and not isinstance(doc[key], list):
            out.append(f"{key!r} must be a list")
    for i, ev in enumerate(doc.get("events") or []):
        if not isinstance(ev, dict):
            out.append(f"events[{i}] is not an object")
            continue
        for k in ("type", "type16"):
            if ev.get(k) is not None and not isinstance(ev[k], str):
                out.append(f"events[{i}].{k} must be a string or null")
        for side in ("source", "target"):
            if side in ev and not (isinstance(ev[side], list) and all(isinstance(a, dict) for a in ev[side])):
                out.append(f"events[{i}].{side} must be a list of objects")
    for i, lab in enumerate(doc.get("labels") or []):
        if not isinstance(lab, str):
            out.append(f"labels[{i}] must be a string")
    for key in SPAN_FIELDS:
        for i, item in enumerate(doc.get(key) or []):
            prob = _span_problem(item, "start", "end", n) if isinstance(item, dict) else "not an object"
            if prob:
                out.append(f"{key}[{i}]: {prob}")
            elif key == "entities" and not isinstance(item.get("label"), str):
                out.append(f"entities[{i}].label must be a string")
    for i, item in enumerate(doc.get("event_locations") or []):
        if not isinstance(item, dict):
            out.append(f"event_locations[{i}]: not an object")
            continue
        for s_key, e_key in (("event_start", "event_end"), ("location_start", "location_end")):
            prob = _span_problem(item, s_key, e_key, n)
            if prob:
                out.append(f"event_locations[{i}]: {prob}")
    if "cluster" in doc and doc["cluster"] is not None and not isinstance(doc["cluster"], (str, int)):
        out.append("'cluster' must be a string, an integer or null")
    return out


def _lines(path: str) -> Iterator[tuple[int, str]]:
    # newline="" keeps U+2028 and friends inside lines (they may sit raw in JSON strings)
    with open(path, encoding="utf-8-sig", errors="strict", newline="") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                yield n, line


def scan_gold(path: str | os.PathLike) -> GoldScan:
    """Validate every line; raise GoldFormatError naming the bad lines (first 20)."""
    path = str(path)
    problems: list[str] = []
    seen: set[str] = set()
    fields: set[str] = set()
    clusters: list[str | None] = []
    try:
        for n, line in _lines(path):
            try:
                doc = json.loads(line)
            except ValueError as exc:
                problems.append(f"{path}:{n}: not valid JSON ({exc.msg})")
                continue
            for p in line_problems(doc, seen):
                problems.append(f"{path}:{n}: {p}")
            if isinstance(doc, dict):
                fields |= doc.keys()
                c = doc.get("cluster")
                clusters.append(None if c is None else str(c))
    except UnicodeDecodeError as exc:
        raise GoldFormatError(f"{path}: not UTF-8 ({exc})", item=path) from exc
    except OSError as exc:
        raise GoldFormatError(f"cannot read gold file {path}: {exc}", item=path) from exc
    if problems:
        more = f"\n... and {len(problems) - MAX_REPORTED} more" if len(problems) > MAX_REPORTED else ""
        raise GoldFormatError(f"{len(problems)} problem(s) in gold file:\n" + "\n".join(problems[:MAX_REPORTED]) + more,
                              item=path)
    if not clusters:
        raise GoldFormatError(f"{path}: no documents", item=path)
    return GoldScan(path, len(clusters), frozenset(fields), tuple(clusters))


def detect_task(path: str, fields: Iterable[str]) -> str:
    """The task of a gold file: from its name's prefix, else from the fields its lines carry."""
    fields = set(fields)
    name = os.path.basename(path)
    task = next((t for p, t in FILE_PREFIXES.items() if name.startswith(p)), None)
    if task is None:
        task = next((t for k, t in FIELD_TASKS if k in fields), None)
    # an events file that labels whole documents instead of listing events
    if task == "events" and "labels" in fields and "events" not in fields:
        task = "labels"
    if task is None:
        raise GoldFormatError(f"{path}: cannot tell the task (name it events-*, quotes-*, ... or pass --task)",
                              item=path)
    return task


def choose(scan: GoldScan, task: str, *, limit: int | None = None, sample: int | None = None,
           seed: int = 0) -> list[int]:
    """Indices (in file order) of the documents to score.

    ``sample`` draws that many documents at random (``seed`` fixes the draw);
    for stories whole gold clusters are drawn, so B-cubed still sees complete
    stories. ``limit`` then keeps the first N.
    """
    idx = list(range(scan.count))
    if sample is not None and sample < scan.count:
        rng = random.Random(seed)
        if task == "stories":
            groups: dict[str, list[int]] = {}
            for i, c in enumerate(scan.clusters):
                groups.setdefault(c if c is not None else f"\0{i}", []).append(i)
            keys = sorted(groups)
            rng.shuffle(keys)
            picked: list[int] = []
            for k in keys:
                if len(picked) >= sample:
                    break
                picked += groups[k]
            idx = sorted(picked)
        else:
            idx = sorted(rng.sample(idx, sample))
    if limit is not None:
        idx = idx[:max(0, limit)]
    return idx


def iter_gold(path: str, indices: Iterable[int] | None = None) -> Iterator[dict]:
    """Stream the chosen gold documents (all when indices is None), in file order."""
    wanted = None if indices is None else set(indices)
    for k, (_, line) in enumerate(_lines(path)):
        if wanted is None or k in wanted:
            yield json.loads(line)


def is_seed_file(path: str | os.PathLike) -> bool:
    """A seed gold is one JSON object (not JSON Lines) naming its article ``file``."""
    p = Path(path)
    if p.suffix.lower() != ".json":
        return False
    try:
        obj = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(obj, dict) and isinstance(obj.get("file"), str)


def load_seed(path: str | os.PathLike) -> tuple[dict, str]:
    """The seed annotation and the text of the article it annotates (the file beside it)."""
    p = Path(path)
    try:
        gold = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldFormatError(f"cannot read seed gold {p}: {exc}", item=str(p)) from exc
    if not isinstance(gold, dict) or not isinstance(gold.get("file"), str):
        raise GoldFormatError(f"{p}: a seed gold is a JSON object with a 'file' field", item=str(p))
    try:
        text = (p.parent / gold["file"]).read_text(encoding="utf-8")
    except OSError as exc:
        raise GoldFormatError(f"{p}: cannot read the article {gold['file']!r}: {exc}", item=str(p)) from exc
    return gold, text
