"""The FastAPI application: API routes, the one JSON error shape, the offline dashboard.

    from wirecoder.server import create_app
    app = create_app("wirecoder.duckdb", api_token="s3cret")   # any ASGI server runs it

Every error answer is ``WirecoderError.to_dict()`` ({code, reason, stage,
retryable, item}) with an HTTP status chosen by the error class.
"""
from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from .. import __version__
from ..errors import (BadParameter, IngestDisabled, InputError, ModelError, NotFound, QueryError,
                      QueryTimeout, ServeError, StoreLocked, Unauthorized, WirecoderError)
from ..settings import Settings
from .database import Database
from .routes_export import router as export_router
from .routes_read import router as read_router
from .routes_stories import router as stories_router
from .routes_write import Analyser
from .routes_write import router as write_router

#: HTTP status per error class; the most specific class listed wins (checked in this order).
STATUS: tuple[tuple[type[WirecoderError], int], ...] = (
    (Unauthorized, 401), (IngestDisabled, 403), (NotFound, 404), (BadParameter, 400),
    (QueryTimeout, 504), (QueryError, 400), (StoreLocked, 503), (InputError, 422),
    (ModelError, 503), (ServeError, 400),
)


def static_dir() -> Path:
    return Path(str(files("wirecoder") / "server" / "static"))


def status_of(exc: WirecoderError) -> int:
    for cls, status in STATUS:
        if isinstance(exc, cls):
            return status
    return 500


def error_response(exc: WirecoderError) -> JSONResponse:
    return JSONResponse(exc.to_dict(), status_code=status_of(exc))


def _validation_reason(exc: RequestValidationError) -> tuple[str, str | None]:
    errors = exc.errors()
    parts, first = [], None
    for e in errors[:5]:
        loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path", "header"))
        first = first or loc or None
        parts.append(f"{loc or 'request'}: {e.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request", first


def create_app(db: str | Path, *, settings: Settings | None = None, api_token: str | None = None,
               nlp: Any = None) -> FastAPI:
    """The server over one store file; ``api_token`` defaults to $WIRECODER_API_TOKEN (none: no ingest)."""
    settings = settings or Settings.from_env()
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.db.close()

    app = FastAPI(title="wirecoder", version=__version__, lifespan=lifespan,
                  description="Political events, actors and quotes coded from news; read-only queries "
                              "with a time limit, ingest with a token. Errors: {code, reason, stage, "
                              "retryable, item}.")
    app.state.settings = settings
    app.state.db = Database(db, timeout=settings.query_timeout)
    app.state.api_token = api_token if api_token is not None else os.environ.get("WIRECODER_API_TOKEN") or None
    app.state.analyser = Analyser(settings, nlp)

    @app.exception_handler(WirecoderError)
    async def _wirecoder_error(request: Request, exc: WirecoderError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        reason, item = _validation_reason(exc)
        return error_response(BadParameter(reason, item=item))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        err: WirecoderError = (NotFound(f"no route {request.url.path}", item=request.url.path)
                               if exc.status_code == 404 else ServeError(str(exc.detail)))
        return JSONResponse(err.to_dict(), status_code=exc.status_code)

    app.include_router(read_router)
    app.include_router(stories_router)
    app.include_router(write_router)
    app.include_router(export_router)

    static = static_dir()
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html")

    @app.get("/api/health", tags=["read"], summary="Liveness, the database path and whether ingest is on")
    def health() -> dict[str, Any]:
        built = (static / "build" / "app.js").is_file()
        return {"status": "ok", "version": __version__, "db": str(app.state.db.path),
                "ingest": bool(app.state.api_token), "dashboard_built": built}

    return app
