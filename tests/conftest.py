"""Shared fixtures. Tests build their own small documents; none needs ../shared."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The full wirecoder pipeline on the installed small English model (loaded once)."""
    from wirecoder.nlp.pipeline import build_pipeline
    return build_pipeline()


@pytest.fixture(scope="session")
def analyze(nlp):
    """analyze(text, date=None, title=None) -> Analysis with the shared pipeline."""
    import wirecoder

    def run(text, date=None, title=None):
        return wirecoder.analyze(text, date=date, title=title, nlp=nlp)
    return run


@pytest.fixture(scope="session")
def shared_dir():
    """../shared when present; tests that need it skip otherwise."""
    if not (SHARED / "eval" / "dev").is_dir():
        pytest.skip("../shared/eval/dev is absent")
    return SHARED
