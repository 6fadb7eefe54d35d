"""Partitions, fingerprints, sizing, progress snapshots, Parquet partitions, the manifest, in-process runs."""
from __future__ import annotations

import json

import duckdb
import pytest

from batch_corpus import article, write_corpus
from wirecoder.batch.manifest import Manifest, ResumeRefused
from wirecoder.batch.parquet import outcomes_to_parquet, parquet_to_outcomes, save_atomically
from wirecoder.batch.partition import estimate_total, fingerprint, partitions
from wirecoder.batch.progress import Snapshot
from wirecoder.batch.runner import RunOptions, run_batch
from wirecoder.records import Article, Failure
from wirecoder.settings import Settings
from wirecoder.store import open_store


def _arts(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text=f"Text number {i} about Chile.") for i in range(n)]


def test_partitions_are_consecutive_and_numbered():
    parts = list(partitions(_arts(7), 3))
    assert [p.index for p in parts] == [0, 1, 2]
    assert [[a.id for a in p.items] for p in parts] == [["a0", "a1", "a2"], ["a3", "a4", "a5"], ["a6"]]
    with pytest.raises(ValueError):
        list(partitions(_arts(1), 0))


def test_fingerprint_changes_with_text_order_and_failures():
    arts = _arts(3)
    assert fingerprint(arts) == fingerprint(list(arts))
    assert fingerprint(arts) != fingerprint(arts[::-1])
    edited = [arts[0], Article(id="a1", text="Edited text."), arts[2]]
    assert fingerprint(arts) != fingerprint(edited)
    f = Failure(item="x", code="W101", reason="empty", stage="ingest")
    assert fingerprint([*arts, f]) != fingerprint(arts)


def test_estimate_total_counts_lines_files_and_gives_up_on_feeds(tmp_path):
    write_corpus(tmp_path / "a.jsonl", 12)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "one.txt").write_text("Peru and Chile met.")
    (tmp_path / "d" / "two.html").write_text("<p>Ghana.</p>")
    (tmp_path / "t.csv").write_text("id,text\n1,Kenya spoke\n2,Togo replied")  # no final newline
    assert estimate_total([str(tmp_path / "a.jsonl"), str(tmp_path / "d"), str(tmp_path / "t.csv")]) == 16
    assert estimate_total([str(tmp_path / "a.jsonl"), "https://example.org/rss"]) is None
    assert estimate_total(["-"]) is None


def test_snapshot_rate_eta_and_line():
    s = Snapshot(done=100, skipped=50, failed=3, total=350, seconds=20.0)
    assert s.rate == 5.0 and s.eta == 40.0
    assert s.line() == "150/350 items (50 done before), 3 failed, 5.0 articles/s, ETA 40s"
    assert Snapshot(done=0, skipped=0, failed=0, total=None, seconds=1.0).eta is None
    assert "ETA 1h01m" in Snapshot(done=10, skipped=0, failed=0, total=3670, seconds=10.0).line()  # 3660 s


def test_parquet_partition_round_trip(tmp_path, analyze):
    a = analyze(article(3)["text"], date="2023-03-14")
    f = Failure(item="bad", code="W101", reason="article text is empty", stage="ingest", origin="c.jsonl:10")
    path = tmp_path / "p" / "part.parquet"
    save_atomically(outcomes_to_parquet([a, f]), path)
    assert not path.with_suffix(".tmp").exists()
    assert parquet_to_outcomes(path) == [a, f]
    rows = duckdb.sql(f"SELECT kind, item, hash, events, code FROM '{path}' ORDER BY seq").fetchall()
    assert rows == [("analysis", a.article.id, a.article.hash, len(a.events), None),
                    ("failure", "bad", None, 0, "W101")]


def test_manifest_subtracts_failures_already_recorded(tmp_path):
    with open_store(tmp_path / "m.duckdb") as store:
        m = Manifest(store)
        run = m.create("r", ["x.jsonl"], 4, "local", "run x.jsonl", {})
        f1 = Failure(item="a", code="W101", reason="empty", stage="ingest", origin="x.jsonl:1")
        f2 = Failure(item="b", code="W101", reason="empty", stage="ingest", origin="x.jsonl:2")
        store.write([f1], run_id=run.store_run)  # written before a crash, never marked done
        assert m.unrecorded_failures(run.store_run, [f1, f2]) == [f2]
        assert m.unrecorded_failures(run.store_run + 1, [f1]) == [f1]  # another run's failures are its own
        with pytest.raises(ResumeRefused):
            m.reopen(run, ["y.jsonl"])


def test_inline_run_resumes_after_a_crash_between_write_and_mark(tmp_path, nlp, monkeypatch):
    """The worst moment: partition 1 written, the process dies before marking it done."""
    corpus = write_corpus(tmp_path / "c.jsonl", 12, bad=1)  # art-0009 is empty
    settings = Settings(db=tmp_path / "r.duckdb")
    opts = RunOptions(workers=1, run_key="r1", partition_size=5)
    real = Manifest.mark_done

    def mark_then_die(self, run_key, index, *args):
        if index == 1:
            raise KeyboardInterrupt  # stands in for the crash
        return real(self, run_key, index, *args)

    monkeypatch.setattr(Manifest, "mark_done", mark_then_die)
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(corpus)], settings, opts)
    monkeypatch.setattr(Manifest, "mark_done", real)
    result = run_batch([str(corpus)], settings, opts)
    assert result.attempt == 2 and result.skipped_partitions == 1
    assert (result.tally.analysed, result.tally.failed) == (6, 1)  # partitions 1 and 2 again
    assert (result.totals.stored, result.totals.failures) == (11, 1)
    with duckdb.connect(str(settings.db), read_only=True) as con:
        assert con.execute("SELECT count(*), count(DISTINCT hash) FROM articles").fetchone() == (11, 11)
        assert con.execute("SELECT item FROM failures").fetchall() == [("art-0009",)]
        [(sources,)] = con.execute("SELECT sources FROM batch_runs").fetchall()
    assert json.loads(sources) == [str(corpus)]


def test_resume_refuses_changed_sources_and_unknown_runs(tmp_path, nlp):
    corpus = write_corpus(tmp_path / "c.jsonl", 4)
    settings = Settings(db=tmp_path / "r.duckdb")
    run_batch([str(corpus)], settings, RunOptions(run_key="r", partition_size=2))
    write_corpus(corpus, 5)  # same first lines... and one more: still the same partitions 0 and 1
    more = run_batch([str(corpus)], settings, RunOptions(run_key="r"))
    assert (more.skipped_partitions, more.tally.analysed) == (2, 1)
    corpus.write_text(corpus.read_text().replace("Report number 0.", "Report number zero."))
    with pytest.raises(ResumeRefused, match="sources changed"):
        run_batch([str(corpus)], settings, RunOptions(run_key="r"))
    with pytest.raises(ResumeRefused, match="no run"):
        run_batch([str(corpus)], settings, RunOptions(run_key="nope", resume=True))
