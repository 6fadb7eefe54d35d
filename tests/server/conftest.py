"""Fixtures of the server tests: a small synthetic store and clients over it (no network)."""
from __future__ import annotations

import shutil

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from wirecoder.server.app import create_app  # noqa: E402
from wirecoder.server.synthetic import generate  # noqa: E402

TOKEN = "test-token-123"
N_EVENTS = 3000


@pytest.fixture(scope="session")
def synth_path(tmp_path_factory):
    """A generated store of N_EVENTS events (read-only use: copy it before writing)."""
    path = tmp_path_factory.mktemp("synth") / "synth.duckdb"
    generate(path, N_EVENTS, days=400)
    return path


@pytest.fixture(scope="session")
def client(synth_path):
    with TestClient(create_app(synth_path, api_token="")) as c:
        yield c


@pytest.fixture()
def store_copy(synth_path, tmp_path):
    """A private copy of the synthetic store, for tests that write."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(synth_path, path)
    return path
