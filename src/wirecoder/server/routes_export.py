"""Exports of a filtered selection: CSV, Parquet, GDELT-style columns (TSV), PLOVER JSON lines.

DuckDB's COPY writes the file into a private temporary folder (no pyarrow
needed); the response streams it and a background task removes the folder.
Exports ignore paging but run under the same query time limit as reads.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from ..store.export import export_events, export_quotes, target
from ..store.queries import QuoteFilter, execute
from . import sql
from .params import EventParams, Text
from .routes_read import DB

router = APIRouter(prefix="/api/export", tags=["export"])

_MEDIA = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet",
          "gdelt": "text/tab-separated-values", "plover": "application/x-ndjson"}
_SUFFIX = {"csv": ".csv", "parquet": ".parquet", "gdelt": ".tsv", "plover": ".jsonl"}
_COPY = {"gdelt": "(FORMAT csv, HEADER true, DELIMITER '\t')", "plover": "(FORMAT json)"}


def _respond(folder: Path, path: Path, fmt: str, stem: str) -> FileResponse:
    return FileResponse(path, media_type=_MEDIA[fmt], filename=f"{stem}{_SUFFIX[fmt]}",
                        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))


@router.get("/events", summary="Export the filtered events as csv, parquet, gdelt (TSV) or plover (JSON lines)")
def export_events_route(database: DB, f: Annotated[EventParams, Depends()],
                        format: Literal["csv", "parquet", "gdelt", "plover"] = "csv") -> FileResponse:
    folder = Path(tempfile.mkdtemp(prefix="wirecoder-export-"))
    path = folder / f"events{_SUFFIX[format]}"
    flt = f.filter()
    if f.empty:  # nothing can match: still a well-formed (empty) file
        flt = EventParams(type=["NONE"]).filter()
    try:
        with database.reader() as cur:
            if format in ("csv", "parquet"):
                export_events(cur, path, flt, format, database.timeout)
            else:
                select, params = (sql.gdelt_select if format == "gdelt" else sql.plover_select)(flt)
                literal, _ = target(path, "csv")
                execute(cur, f"COPY ({select}) TO {literal} {_COPY[format]}", params, database.timeout)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return _respond(folder, path, format, "events")


@router.get("/quotes", summary="Export the filtered quotes as csv or parquet")
def export_quotes_route(database: DB, speaker: Text = None, q: Text = None,
                        format: Literal["csv", "parquet"] = "csv") -> FileResponse:
    folder = Path(tempfile.mkdtemp(prefix="wirecoder-export-"))
    path = folder / f"quotes{_SUFFIX[format]}"
    try:
        with database.reader() as cur:
            export_quotes(cur, path, QuoteFilter(speaker=speaker, text=q), format, database.timeout)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return _respond(folder, path, format, "quotes")
