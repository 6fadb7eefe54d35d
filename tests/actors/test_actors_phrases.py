"""Code + sector accuracy on a hand-written set of actor phrases (tests/actors/actor_phrases.jsonl).

Each line: a made-up news sentence, a phrase in it, the expected code (ISO alpha-3, "IGO" or null)
and sector. The system's answer for a phrase is the mention overlapping it most (its actor's code;
the mention's sector, else the actor's); no mention means (null, null).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

PHRASES = Path(__file__).with_name("actor_phrases.jsonl")


def load_cases() -> list[dict]:
    return [json.loads(line) for line in PHRASES.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(doc, start: int, end: int) -> tuple[str | None, str | None]:
    actors = {a.id: a for a in doc._.wc_actors}
    best, best_ov = None, 0
    for m in doc._.wc_mentions:
        ov = min(end, m.end) - max(start, m.start)
        if ov > best_ov:
            best, best_ov = m, ov
    if best is None:
        return None, None
    a = actors[best.actor_id]
    return a.code, best.sector or a.sector


def score(nlp) -> tuple[float, list[str]]:
    cases = load_cases()
    docs = nlp.pipe([c["text"] for c in cases], disable=["wc_quotes", "wc_events"])
    wrong = []
    for c, doc in zip(cases, docs):
        s = c["text"].index(c["phrase"])
        got = predict(doc, s, s + len(c["phrase"]))
        if got != (c["code"], c["sector"]):
            wrong.append(f"{c['phrase']!r}: want {(c['code'], c['sector'])} got {got}")
    return 1 - len(wrong) / len(cases), wrong


def test_phrase_set_is_large_and_varied():
    cases = load_cases()
    assert len(cases) >= 150
    assert len({c["code"] for c in cases}) >= 60
    assert {"GOV", "MIL", "COP", "REB", "OPP", "CVL", "MED", "BUS", "JUD", "LEG", None} <= {c["sector"] for c in cases}


@pytest.mark.model
def test_code_and_sector_accuracy(nlp):
    acc, wrong = score(nlp)
    assert acc >= 0.90, "\n".join(wrong)
