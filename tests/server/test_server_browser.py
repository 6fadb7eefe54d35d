"""The dashboard in a real browser: playwright-core (web/node_modules) driving Debian's chromium.

Skips when node, chromium or the built dashboard are missing; CI installs them
(see docs/dashboard.md). Screenshots go to $WIRECODER_SCREENSHOTS (e.g. docs/img)
or to the test's temporary folder.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import time
from importlib.resources import files
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


#: Two outlets reporting one attack with different death tolls: the demo's contested event (made-up news).
CONTESTED = [
    {"id": "demo-sake-a", "date": "2024-03-11", "title": "Rebels shell river port in eastern Congo",
     "source": "Lakeside Wire",
     "text": "Rebels shell river port in eastern Congo\n\nM23 rebels shelled the river port of Sake in eastern Congo "
             "on Sunday, killing 14 civilians, the provincial governor said.\n\nThe army said it had pushed the "
             "rebels back from the town by nightfall. Aid groups said thousands of families had fled towards Goma."},
    {"id": "demo-sake-b", "date": "2024-03-11", "title": "Shelling of Sake kills civilians",
     "source": "Highland Courier",
     "text": "Shelling of Sake kills civilians\n\nM23 rebels shelled the town of Sake in eastern Congo on Sunday, "
             "killing 31 civilians, a local hospital director said.\n\nResidents said the army had pushed the "
             "rebels back from the town by nightfall, and thousands of families fled towards Goma."},
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.model
def test_dashboard_in_browser(nlp, tmp_path):
    node = shutil.which("node")
    if not node or not Path(CHROMIUM).exists():
        pytest.skip("node or chromium is not installed")
    if not (ROOT / "web" / "node_modules" / "playwright-core").is_dir():
        pytest.skip("web/node_modules is missing: run npm ci in web/")
    from wirecoder.server.app import static_dir
    if not (static_dir() / "build" / "app.js").is_file():
        pytest.skip("the dashboard is not built: run npm run build in web/")
    import uvicorn

    from wirecoder.ingest import read_sources
    from wirecoder.server.app import create_app
    from wirecoder.settings import Settings
    from wirecoder.store_cli import ingest_into_store

    db = tmp_path / "demo.duckdb"
    settings = Settings.from_env(db=db)
    samples = Path(str(files("wirecoder") / "data" / "samples" / "articles"))
    contested = tmp_path / "contested.jsonl"
    contested.write_text("\n".join(json.dumps(a) for a in CONTESTED) + "\n", encoding="utf-8")
    ingest_into_store(read_sources([samples, contested], settings), settings, command="demo", nlp=nlp)

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db, settings=settings), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.1)
        shots = Path(os.environ.get("WIRECODER_SCREENSHOTS") or tmp_path / "shots")
        run = subprocess.run([node, str(ROOT / "tests" / "server" / "browser_check.mjs"),
                              f"http://127.0.0.1:{port}/", str(shots)],
                             capture_output=True, text=True, timeout=180)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    lines = [ln for ln in run.stdout.splitlines() if ln.startswith("{")]
    assert lines, run.stdout + run.stderr
    report = json.loads(lines[-1])
    assert report["failures"] == [], report
    assert run.returncode == 0
    assert report["found"]["event rows"] > 0 and report["found"]["map countries"] > 100
    assert sorted(report["found"]["contested claims"]) == ["14", "31"]
    assert (shots / "dashboard.png").stat().st_size > 10_000
