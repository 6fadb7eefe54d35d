"""Batch tests: a ``slow`` marker for the subprocess tests (they still run by default)."""
from __future__ import annotations


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: starts wirecoder in subprocesses (tens of seconds); "
                                       "deselect with -m 'not slow'")
