"""The quote test set (quote_cases.jsonl, >= 60 made-up news sentences): every style, scored.

Matching follows the project's referee: content spans match when they overlap
by at least half of the shorter span (one-to-one); a speaker is right when the
gold speaker's last word is in the system's speaker name or is a word of the
speaker mention (the referee's span-overlap rule).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

CASES = [json.loads(line) for line in (Path(__file__).parent / "quote_cases.jsonl").read_text("utf-8").splitlines()
         if line.strip()]


def _gold(case: dict) -> list[tuple[int, int, str | None]]:
    out = []
    for q in case["quotes"]:
        s = case["text"].find(q["content"])
        assert s >= 0, (case["id"], q["content"])
        out.append((s, s + len(q["content"]), q["speaker"]))
    return out


def _match(gold, sys_) -> dict[int, int]:
    cand = []
    for i, (g0, g1, _) in enumerate(gold):
        for j, q in enumerate(sys_):
            ov = min(g1, q.end) - max(g0, q.start)
            if ov > 0 and ov >= 0.5 * min(g1 - g0, q.end - q.start):
                cand.append((-ov / (max(g1, q.end) - min(g0, q.start)), i, j))
    out, used = {}, set()
    for _, i, j in sorted(cand):
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def score(nlp) -> tuple[float, float, list[str]]:
    tp = n_sys = n_gold = judged = right = 0
    errors = []
    for case in CASES:
        quotes = nlp(case["text"])._.wc_quotes
        gold = _gold(case)
        m = _match(gold, quotes)
        tp, n_sys, n_gold = tp + len(m), n_sys + len(quotes), n_gold + len(gold)
        for i, (g0, g1, spk) in enumerate(gold):
            if i not in m:
                errors.append(f"{case['id']}: MISS {case['text'][g0:g1]!r}")
            elif spk:
                judged += 1
                q = quotes[m[i]]
                got = (q.speaker or "").lower()
                said = case["text"][q.speaker_span[0]:q.speaker_span[1]].lower() if q.speaker_span else ""
                if spk.split()[-1].lower() in got or spk.split()[-1].lower() in said.split():
                    right += 1
                else:
                    errors.append(f"{case['id']}: SPEAKER {spk!r} got {quotes[m[i]].speaker!r}")
        errors += [f"{case['id']}: FP {q.text!r}" for j, q in enumerate(quotes) if j not in m.values()]
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f1, (right / judged if judged else 0.0), errors


def test_case_file_is_big_enough():
    assert len(CASES) >= 60
    assert sum(1 for c in CASES if not c["quotes"]) >= 5  # negatives keep precision honest


@pytest.fixture(scope="module")
def scored(nlp):
    return score(nlp)


def test_quote_content_f1(scored):
    f1, _, errors = scored
    assert f1 >= 0.95, "\n".join(errors)


def test_quote_speaker_accuracy(scored):
    _, acc, errors = scored
    assert acc >= 0.95, "\n".join(errors)
