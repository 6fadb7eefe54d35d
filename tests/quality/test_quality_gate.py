"""Quality gate: headline figures on samples of the dev sets must not fall below floors.json.

Skips when ../shared/eval/dev is absent. Run as a script to print the
current figures on the same samples (to raise the floors).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
FLOORS = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))
DEV = HERE.parents[1].parent / "shared" / "eval" / "dev"
SEED_GOLD = DEV.parent.parent / "seed" / "gold.json"


def figure(value: object) -> float | None:
    """A headline value as a number: "3/9" (seed counts) becomes 0.333..."""
    if isinstance(value, str) and "/" in value:
        a, b = value.split("/")
        return int(a) / int(b) if int(b) else None
    return value if isinstance(value, (int, float)) else None


def measure(name: str, nlp=None):
    from wirecoder.evaluation import evaluate
    spec = FLOORS["sets"][name]
    path = SEED_GOLD if name == "seed" else DEV / f"{name}.jsonl"
    return evaluate(path, sample=spec.get("sample"), seed=FLOORS["seed"], nlp=nlp, errors=0)


def shortfalls(name: str, headline: dict) -> list[str]:
    spec, out = FLOORS["sets"][name], []
    for key, floor in spec.get("floors", {}).items():
        got = figure(headline.get(key))
        if (got if got is not None else 0.0) < floor:
            out.append(f"{name}: {key}={got} is below its floor {floor}")
    for key, ceiling in spec.get("ceilings", {}).items():
        got = figure(headline.get(key))
        if got is not None and got > ceiling:
            out.append(f"{name}: {key}={got} is above its ceiling {ceiling}")
    return out


@pytest.mark.gold
@pytest.mark.model
@pytest.mark.parametrize("name", sorted(FLOORS["sets"]))
def test_quality_gate(name, nlp):
    if not DEV.is_dir():
        pytest.skip("../shared/eval/dev is absent")
    report = measure(name, nlp)
    assert report.missing == 0
    assert not shortfalls(name, report.headline), report.score_line()


if __name__ == "__main__":  # print the figures on the gate's samples
    import time
    from wirecoder import load_pipeline
    if not DEV.is_dir():
        sys.exit("../shared/eval/dev is absent")
    pipe = load_pipeline()
    for set_name in sorted(FLOORS["sets"]):
        t0 = time.perf_counter()
        rep = measure(set_name, pipe)
        figs = {k: (round(figure(v), 4) if figure(v) is not None else None) for k, v in rep.headline.items()}
        print(f"{set_name:28} {rep.docs:5d} docs {time.perf_counter() - t0:6.1f}s  {figs}"
              + ("" if not shortfalls(set_name, rep.headline) else "  BELOW FLOOR"))
