"""Our metrics agree with the referee (../shared/tools/score.py) on the same output.

Skipped when ../shared is absent. Two kinds of system output are scored
both ways: output made from the gold by random, seeded damage (so every
metric sees hits, misses, near-misses and false positives), and the real
pipeline's output on a few documents.
"""
from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys

import pytest

from wirecoder.evaluation import evaluate, score_pairs
from wirecoder.evaluation.gold import choose, detect_task, iter_gold, scan_gold

FILES = ["events-plover-gsr", "events-petrarch-unittests", "events-case2021", "events-cameo-intercoder",
         "quotes-polnear", "timex-tbaq", "geo-gwn", "ner-conll", "stories-ecbplus", "eventloc-halterman"]
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
SPACY = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "MISC": "NORP"}


@pytest.fixture(scope="module")
def referee(shared_dir):
    spec = importlib.util.spec_from_file_location("wc_referee", shared_dir / "tools" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def sample_gold(shared_dir, name, n, seed=1):
    path = str(shared_dir / "eval" / "dev" / f"{name}.jsonl")
    scan = scan_gold(path)
    task = detect_task(path, scan.fields)
    return path, task, list(iter_gold(path, choose(scan, task, sample=n, seed=seed)))


def jitter(rng, span, n):
    s, e = span
    s = min(max(0, s + rng.choice([0, 0, -3, 2, 5])), n)
    return s, min(max(s, e + rng.choice([0, 0, 4, -2, -6])), n)


def rand_span(rng, n):
    s = rng.randrange(max(1, n))
    return s, min(n, s + rng.randrange(1, 40))


def damage_actors(rng, actors):
    out = []
    for a in actors:
        if rng.random() < 0.8:
            code = a.get("code") if rng.random() < 0.8 else rng.choice(["USA", "RUS", None, "igo"])
            out.append({"name": a.get("text") or "x", "code": code})
    return out


def damage(rng, g, task):
    """A plausible, imperfect system line for gold document g."""
    n = len(g["text"])
    line = {"id": g["id"]}
    if task in ("events", "labels", "eventloc"):
        evs = []
        for e in g.get("events") or []:
            if rng.random() < 0.8:
                t = (e.get("type16") or e.get("type") or "?") if rng.random() < 0.7 else rng.choice(TYPES)
                evs.append({"type": t.lower() if rng.random() < 0.1 else t, "source": damage_actors(rng, e.get("source", [])),
                            "target": damage_actors(rng, e.get("target", []))})
        for lab in g.get("labels") or []:
            if rng.random() < 0.7:
                evs.append({"type": lab})
        for loc in g.get("event_locations") or []:
            if rng.random() < 0.85:
                es = loc["event_start"]
                place = {"name": g["text"][loc["location_start"]:loc["location_end"]].upper()} if rng.random() < 0.3 \
                    else dict(zip(("start", "end"), jitter(rng, (loc["location_start"], loc["location_end"]), n)))
                trig = [es, loc["event_end"]] if rng.random() < 0.6 else None
                evs.append({"type": "ASSAULT", "trigger": trig, "evidence": [max(0, es - rng.randrange(5)), min(n, es + 30)],
                            "location": place})
        for _ in range(rng.choice([0, 0, 1, 2])):
            evs.append({"type": rng.choice(TYPES), "source": [{"code": rng.choice(["USA", "KEN"])}], "target": [],
                        "evidence": list(rand_span(rng, n))})
        for e in evs:
            e["confidence"] = rng.choice([None, 0.5, 0.9, round(rng.random(), 2)])
            e.setdefault("evidence", list(rand_span(rng, n)))
        rng.shuffle(evs)
        line["events"] = evs
        if task == "labels" and rng.random() < 0.1:
            line["labels"] = [rng.choice(TYPES)]
    elif task == "quotes":
        qs = []
        for q in g["quotes"]:
            if rng.random() < 0.75:
                s, e = jitter(rng, (q["start"], q["end"]), n)
                spans = q.get("speaker_spans") or []
                qs.append({"start": s, "end": e, "speaker": q.get("speaker") if rng.random() < 0.6 else rng.choice([None, "Someone Else"]),
                           "speaker_span": spans[0] if spans and rng.random() < 0.5 else None})
        qs += [dict(zip(("start", "end"), rand_span(rng, n)), speaker=None) for _ in range(rng.choice([0, 1, 3]))]
        line["quotes"] = qs
    elif task in ("timexes", "toponyms", "entities"):
        out = []
        for x in g[task]:
            if rng.random() < 0.8:
                s, e = jitter(rng, (x["start"], x["end"]), n)
                y = {"start": s, "end": e}
                if task == "timexes":
                    y["value"] = x["value"] if rng.random() < 0.7 else "2000"
                elif task == "toponyms":
                    far = rng.random() < 0.3
                    y.update(name="p", lat=None if x["lat"] is None else x["lat"] + (3 if far else 0.2), lon=x["lon"],
                             geonameid=x["geonameid"] if rng.random() < 0.7 else rng.choice([None, 1]))
                else:
                    y["label"] = SPACY[x["label"]] if rng.random() < 0.9 else "DATE"
                out.append(y)
        out += [dict(zip(("start", "end"), rand_span(rng, n)), label="ORG", value="x") for _ in range(rng.choice([0, 1]))]
        line["places" if task == "toponyms" else task] = out
    elif task == "stories":
        line["story"] = g["cluster"] if rng.random() < 0.7 else rng.choice(["s1", "s2", None, ""])
    return line


def both_ways(referee, task, pairs):
    ours, _ = score_pairs(task, pairs)
    _, _, theirs, _ = referee.SCORERS[task](pairs)
    return ours.headline, theirs


def assert_same(ours, theirs):
    assert list(ours) == list(theirs)
    for k, v in theirs.items():
        assert ours[k] == pytest.approx(v, abs=1e-12) if v is not None else ours[k] is None, k


@pytest.mark.gold
@pytest.mark.parametrize("name", FILES)
def test_same_headline_on_damaged_gold(referee, shared_dir, name):
    path, task, golds = sample_gold(shared_dir, name, 60)
    rng = random.Random(name)
    pairs = []
    for g in golds:
        r = rng.random()
        line = None if r < 0.05 else ({"id": g["id"], "error": "boom"} if r < 0.08 else damage(rng, g, task))
        pairs.append((g, None if line is None or line.get("error") else line))
    ours, theirs = both_ways(referee, task, pairs)
    assert_same(ours, theirs)


@pytest.mark.gold
@pytest.mark.model
@pytest.mark.parametrize("name", ["events-plover-gsr", "events-case2021", "timex-tbaq", "ner-conll", "geo-gwn"])
def test_same_headline_on_pipeline_output(referee, shared_dir, nlp, name, tmp_path):
    """Through the files: evaluate(system=...) and the referee's command line on the same output."""
    path, task, golds = sample_gold(shared_dir, name, 12)
    gold_file, out_file = tmp_path / f"{name}.jsonl", tmp_path / "out.jsonl"
    gold_file.write_text("".join(json.dumps(g) + "\n" for g in golds), encoding="utf-8")
    with open(out_file, "w", encoding="utf-8") as fh:
        report = evaluate(gold_file, nlp=nlp, save=fh)
    again = evaluate(gold_file, system=out_file)
    proc = subprocess.run([sys.executable, str(shared_dir / "tools" / "score.py"), str(gold_file), str(out_file),
                           "--json"], capture_output=True, text=True, check=True)
    ref_score = proc.stdout.strip().splitlines()[-1]
    assert report.score_line() == ref_score
    assert again.score_line() == ref_score
    assert report.docs == len(golds)


@pytest.mark.gold
def test_same_seed_score(referee, shared_dir):
    gold = json.loads((shared_dir / "seed" / "gold.json").read_text(encoding="utf-8"))
    text = (shared_dir / "seed" / gold["file"]).read_text(encoding="utf-8")
    from wirecoder.evaluation.seed import score_seed
    rng = random.Random(7)
    evs = [{"type": e["type"] if rng.random() < 0.8 else "AID", "evidence": e["evidence"],
            "source": [{"code": a.get("code"), "igo": a.get("name")} for a in e.get("source", []) if rng.random() < 0.8],
            "target": [{"code": a.get("code")} for a in e.get("target", [])]} for e in gold["events"] if rng.random() < 0.8]
    line = {"id": "x", "events": evs,
            "quotes": [{"start": q["content"][0][0], "end": q["content"][0][1], "speaker": q["speaker"]}
                       for q in gold["quotes"] if rng.random() < 0.7],
            "timexes": [{"start": t["span"][0], "end": t["span"][1], "value": t["value"]} for t in gold["timexes"][::2]],
            "quantities": [{"start": q["span"][0], "end": q["span"][1], "value": q["value"]} for q in gold["quantities"][:3]],
            "actors": [{"name": p["name"], "code": p["code"]} for p in gold["people"][:4]]}
    for s in (line, None):
        ours = score_seed(gold, s, text).headline
        _, _, theirs, _ = referee.score_seed(gold, s, text)
        assert_same(ours, theirs)
