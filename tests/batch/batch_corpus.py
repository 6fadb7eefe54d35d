"""Small made-up corpora for the batch tests: distinct short news articles, plus a few bad lines."""
from __future__ import annotations

import json
from pathlib import Path

_ACTORS = ["Kenya", "Peru", "Norway", "Vietnam", "Morocco", "Chile", "Poland", "Ghana", "Canada", "Indonesia"]
_OTHERS = ["Ethiopia", "Bolivia", "Sweden", "Laos", "Algeria", "Argentina", "Lithuania", "Togo", "Mexico",
           "Malaysia"]
_VERBS = ["accused {b} of violating the border agreement",
          "signed a trade deal with {b}",
          "recalled its ambassador from {b}",
          "offered humanitarian aid to {b}",
          "condemned the missile test carried out by {b}"]


def article(n: int) -> dict:
    a, b = _ACTORS[n % len(_ACTORS)], _OTHERS[(n * 3) % len(_OTHERS)]
    verb = _VERBS[n % len(_VERBS)].format(b=b)
    text = (f"{a} {verb} on Tuesday, officials said. The foreign minister of {a} told reporters in the "
            f"capital that talks would resume within {n % 7 + 2} days. Report number {n}.")
    return {"id": f"art-{n:04d}", "text": text, "date": "2023-03-14", "title": f"{a} and {b}, item {n}"}


def write_corpus(path: Path, n: int, bad: int = 0) -> Path:
    """``n`` distinct articles; every 10th line after the first ``bad`` multiples is an empty text."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            rec = article(i)
            if bad and i % 10 == 9 and i // 10 < bad:
                rec["text"] = "   "
            fh.write(json.dumps(rec) + "\n")
    return path
