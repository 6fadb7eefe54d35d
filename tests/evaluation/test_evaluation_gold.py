"""Gold reading, task detection, sampling, the report and the eval command (no ../shared)."""
from __future__ import annotations

import argparse
import json

import pytest

from wirecoder.evaluation import (GoldFormatError, add_eval_arguments, eval_command, evaluate, render_report,
                                  scan_gold)
from wirecoder.evaluation.gold import choose, detect_task

TEXTS = ["Protesters marched through Lagos on Friday demanding lower fuel prices.",
         "The finance ministers of Chile and Peru met in Lima to discuss a trade accord.",
         "Police in Manila arrested twelve people after clashes outside the parliament."]


def write(path, docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def events_gold(tmp_path, name="events-mine.jsonl"):
    docs = [{"id": "a", "text": TEXTS[0], "date": "2023-06-02", "title": None, "events": [{"type": "PROTEST"}]},
            {"id": "b", "text": TEXTS[1], "date": None, "title": "Ministers meet", "events": [{"type": "CONSULT"}]},
            {"id": "c", "text": TEXTS[2], "date": "2023-06-03", "title": None, "events": []}]
    return write(tmp_path / name, docs)


def test_bad_lines_are_reported_with_line_numbers(tmp_path):
    p = tmp_path / "events-bad.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a", "text": "Short text.", "events": []}),
        "{not json",
        json.dumps({"id": "a", "text": "Dup.", "events": []}),
        json.dumps({"id": "c", "text": "Short.", "date": "12/01/2022", "timexes": [{"start": 2, "end": 99}]}),
        json.dumps(["a list"]),
    ]) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError) as exc:
        scan_gold(p)
    msg = str(exc.value)
    assert f"{p}:2: not valid JSON" in msg
    assert f"{p}:3: duplicate id 'a'" in msg
    assert f"{p}:4: 'date' must be YYYY-MM-DD" in msg
    assert f"{p}:4: timexes[0]: span [2, 99) lies outside the text (length 6)" in msg
    assert f"{p}:5: not a JSON object" in msg
    assert "5 problem(s)" in msg


def test_task_detection_by_name_then_fields():
    assert detect_task("x/events-foo.jsonl", {"id", "text", "events"}) == "events"
    assert detect_task("x/events-foo.jsonl", {"id", "text", "labels"}) == "labels"
    assert detect_task("x/mine.jsonl", {"id", "text", "timexes"}) == "timexes"
    assert detect_task("x/mine.jsonl", {"id", "text", "cluster"}) == "stories"
    with pytest.raises(GoldFormatError):
        detect_task("x/mine.jsonl", {"id", "text"})


def test_sampling_is_fixed_by_seed_and_keeps_story_clusters_whole(tmp_path):
    docs = [{"id": str(i), "text": "x", "cluster": f"c{i // 3}"} for i in range(30)]
    scan = scan_gold(write(tmp_path / "stories-x.jsonl", docs))
    a, b = choose(scan, "events", sample=7, seed=3), choose(scan, "events", sample=7, seed=3)
    assert a == b and len(a) == 7 and a == sorted(a)
    assert choose(scan, "events", sample=7, seed=4) != a
    picked = choose(scan, "stories", sample=5, seed=1)
    clusters = {docs[i]["cluster"] for i in picked}
    assert len(picked) == 3 * len(clusters) and len(picked) >= 5
    assert choose(scan, "events", limit=4) == [0, 1, 2, 3]


def test_scoring_an_existing_output_file(tmp_path):
    gold = events_gold(tmp_path)
    out = write(tmp_path / "out.jsonl", [
        {"id": "a", "events": [{"type": "PROTEST", "evidence": [0, 10]}]},
        {"id": "b", "error": "too long"},
        {"id": "zzz", "events": []}])
    report = evaluate(gold, system=out, errors=5)
    assert report.task == "events" and report.docs == 3
    assert (report.missing, report.failed, report.extra) == (1, 1, 1)
    assert report.headline["p"] == 1.0 and report.headline["r"] == 0.5
    assert report.headline["noevent_acc"] == 0.0  # doc c has no line: wrong
    text = render_report(report)
    assert text.splitlines()[-1] == ("SCORE task=events f1=0.6667 p=1.0000 r=0.5000 dyad_f1=0.6667 "
                                     "noevent_acc=0.0000 docs=3 missing=1 errors=1")
    assert "MISS CONSULT x1" in text
    data = json.loads(render_report(report, as_json=True))
    assert data["headline"]["f1"] == pytest.approx(2 / 3) and data["error_total"] == 1


@pytest.mark.model
def test_evaluate_runs_the_pipeline_and_can_save_its_output(tmp_path, nlp):
    gold = events_gold(tmp_path)
    with open(tmp_path / "saved.jsonl", "w", encoding="utf-8") as fh:
        report = evaluate(gold, nlp=nlp, save=fh)
    saved = [json.loads(x) for x in (tmp_path / "saved.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [s["id"] for s in saved] == ["a", "b", "c"]
    assert report.docs == 3 and report.missing == 0 and report.failed == 0
    assert report.pipeline.startswith("wirecoder")
    again = evaluate(gold, system=tmp_path / "saved.jsonl")
    assert again.headline == report.headline


def test_eval_command_arguments_and_exit_codes(tmp_path):
    gold = events_gold(tmp_path)
    out = write(tmp_path / "out.jsonl", [{"id": "a", "events": []}])
    parser = add_eval_arguments(argparse.ArgumentParser())
    code, text = eval_command(parser.parse_args([str(gold), "--system", str(out), "--json"]))
    assert code == 0 and json.loads(text)["task"] == "events"
    bad = tmp_path / "events-bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    code, text = eval_command(parser.parse_args([str(bad), "--system", str(out)]))
    assert code == 2 and "events-bad.jsonl:1" in text
