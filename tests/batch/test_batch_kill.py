"""A real crash: kill -9 a worker and then the driver mid-run, rerun with the same id, count.

Nothing is mocked: ``wirecoder run`` runs in a subprocess with a pool of two
worker processes; the test reads its progress lines to act mid-run.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from batch_corpus import write_corpus

pytestmark = [pytest.mark.slow, pytest.mark.model]

N, BAD = 48, 2  # 46 good articles, 2 empty ones (failures)
_PROGRESS = re.compile(r"^([\d,]+)/[\d,]+ items")


def _cmd(corpus: Path, db: Path, workers: int = 2) -> list[str]:
    return [sys.executable, "-m", "wirecoder.cli", "run", str(corpus), "--db", str(db), "--workers", str(workers),
            "--run-id", "crash-test", "--partition-size", "4", "--log-every", "0"]


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in text.split()]


def _workers(pid: int) -> list[int]:
    """Pool worker processes of the driver (not multiprocessing's resource tracker)."""
    out = []
    for child in _children(pid):
        try:
            cmd = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"resource_tracker" not in cmd:
            out.append(child)
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.timeout(240)
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_kill_worker_then_driver_then_rerun_loses_and_duplicates_nothing(tmp_path):
    corpus = write_corpus(tmp_path / "corpus.jsonl", N, bad=BAD)
    db = tmp_path / "run.duckdb"
    proc = subprocess.Popen(_cmd(corpus, db), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    killed_worker = killed_driver = None
    try:
        for line in proc.stderr:
            m = _PROGRESS.match(line)
            if not m:
                continue
            done = int(m.group(1).replace(",", ""))
            if killed_worker is None and done >= 4:
                workers = _workers(proc.pid)
                assert workers, "the pool should have worker processes"
                killed_worker = workers[0]
                os.kill(killed_worker, signal.SIGKILL)
            elif killed_worker is not None and done >= 16:
                assert done < N, "the run must be killed before it ends"
                workers = _workers(proc.pid)
                os.kill(proc.pid, signal.SIGKILL)
                killed_driver = done
                break
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert killed_worker is not None and killed_driver is not None, "the run ended before it could be killed"
    assert proc.returncode == -signal.SIGKILL
    # orphaned workers notice the driver is gone and exit
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(w) for w in workers)

    with duckdb.connect(str(db), read_only=True) as con:
        partial = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < partial < N - BAD

    # the rerun may use other resources (here: in-process, one worker); the partitions stay the same
    rerun = subprocess.run(_cmd(corpus, db, workers=1), capture_output=True, text=True, timeout=180)
    assert rerun.returncode == 1, rerun.stderr  # 1: finished, with the two empty articles as failures
    assert "attempt 2" in rerun.stderr

    with duckdb.connect(str(db), read_only=True) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
        hashes = con.execute("SELECT count(DISTINCT hash) FROM articles").fetchone()[0]
        failures = con.execute("SELECT item, code FROM failures ORDER BY item").fetchall()
        parts = con.execute("SELECT count(*), sum(items) FROM batch_partitions "
                            "WHERE run_key = 'crash-test'").fetchone()
        runs = con.execute("SELECT count(*), max(stored), max(failed) FROM runs").fetchone()
    expected = sorted(f"art-{i:04d}" for i in range(N) if not (i % 10 == 9 and i // 10 < BAD))
    assert ids == expected  # none lost, none twice
    assert hashes == len(expected)
    assert failures == [("art-0009", "W101"), ("art-0019", "W101")]  # each failure recorded once
    assert parts == (N // 4, N)
    assert runs == (1, len(expected), BAD)  # one store run with the totals of both attempts
