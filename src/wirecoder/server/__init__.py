"""The HTTP API and the offline dashboard over a wirecoder store (``wirecoder serve``).

Needs the ``serve`` extra (FastAPI, uvicorn); the dashboard's scripts are
built from web/ by npm (see docs/dashboard.md).
"""
from __future__ import annotations

from .command import add_serve_command


def create_app(*args, **kwargs):  # noqa: ANN002, ANN003 - see app.create_app
    """Import FastAPI only when a server is made (the CLI must start without the extra)."""
    from .app import create_app as _create_app
    return _create_app(*args, **kwargs)


__all__ = ["create_app", "add_serve_command"]
