"""Routes that run the NLP pipeline: analyse a text (nothing stored) and ingest articles (token needed).

The token comes from ``create_app(api_token=...)`` or the environment variable
``WIRECODER_API_TOKEN``; a server without one refuses every ingest (W803),
a request without the right one gets W802, and in both cases nothing is
analysed or written. The pipeline is loaded on first use and shared; spaCy
pipelines are not documented thread-safe, so analyses run one at a time.
"""
from __future__ import annotations

import dataclasses
import hmac
import threading
from datetime import date as Date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request
from pydantic import BaseModel, Field

from ..errors import BadDate, BadParameter, IngestDisabled, Unauthorized, WirecoderError
from ..records import Analysis, Article, Failure
from ..settings import Settings

router = APIRouter(prefix="/api", tags=["analyse and ingest"])

#: Largest batch one ingest request may carry (bigger corpora: the CLI or several requests).
MAX_INGEST = 500


class AnalyseIn(BaseModel):
    text: str = Field(min_length=1, max_length=2_000_000, description="the article text")
    date: str | None = Field(None, max_length=40, description="dateline (YYYY-MM-DD); relative dates resolve against it")
    title: str | None = Field(None, max_length=1000)
    id: str = Field("text", max_length=2000)


class ArticleIn(AnalyseIn):
    id: str = Field(min_length=1, max_length=2000)
    url: str | None = Field(None, max_length=4000)
    source: str | None = Field(None, max_length=500, description="outlet")


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_INGEST)


class Analyser:
    """The shared pipeline, loaded lazily; one analysis at a time."""

    def __init__(self, settings: Settings, nlp: Any = None) -> None:
        self.settings = settings
        self._nlp = nlp
        self._lock = threading.Lock()

    def run(self, articles: list[Article]) -> list[Analysis | Failure]:
        from ..api import analyze_many, load_pipeline

        with self._lock:
            if self._nlp is None:
                self._nlp = load_pipeline(self.settings)
            return list(analyze_many(articles, settings=self.settings, nlp=self._nlp))


def _article(item: AnalyseIn | ArticleIn) -> Article:
    from ..ingest.dates import parse_dateline

    try:
        day: Date | None = parse_dateline(item.date)
    except BadDate as exc:
        raise BadParameter(f"date: {exc.reason}", item=item.id) from exc
    return Article(id=item.id, text=item.text, title=item.title, date=day,
                   url=getattr(item, "url", None), source=getattr(item, "source", None),
                   origin="api")


def _raise_failure(f: Failure) -> None:
    from ..errors import error_class

    cls = error_class(f.code)
    err = cls(f.reason, item=f.item)
    raise err if isinstance(err, WirecoderError) else BadParameter(f.reason, item=f.item)


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None,
                  x_api_token: Annotated[str | None, Header()] = None) -> None:
    """Checked before the body is read: a refused request costs no analysis and writes nothing."""
    expected: str | None = request.app.state.api_token
    if not expected:
        raise IngestDisabled("ingest is disabled: start the server with WIRECODER_API_TOKEN set")
    given = x_api_token
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise Unauthorized("a valid API token is required (Authorization: Bearer TOKEN or X-API-Token)")


@router.post("/analyse", summary="Analyse one text and return its records (nothing is stored)")
def analyse(request: Request, body: AnalyseIn) -> dict[str, Any]:
    from ..output.contract import analysis_to_dict

    outcome = request.app.state.analyser.run([_article(body)])[0]
    if isinstance(outcome, Failure):
        _raise_failure(outcome)
    return analysis_to_dict(outcome)


@router.post("/ingest", summary="Analyse articles and store them (needs the API token)",
             dependencies=[Depends(require_token)])
def ingest(request: Request, body: IngestIn) -> dict[str, Any]:
    articles = [_article(a) for a in body.articles]
    outcomes = request.app.state.analyser.run(articles)  # before the write lock: reads go on meanwhile
    settings: Settings = request.app.state.settings
    record = {k: str(v) for k, v in dataclasses.asdict(settings).items()}
    with request.app.state.db.writer() as store:
        run_id = store.start_run("api ingest", record)
        report = store.write(outcomes, run_id=run_id, replace=settings.replace_existing)
        store.finish_run(run_id, report)
    failed = [dataclasses.asdict(o) for o in outcomes if isinstance(o, Failure)]
    return {"run_id": run_id, "stored": report.stored, "duplicates": report.duplicates, "replaced": report.replaced,
            "failures": report.failures, "events": report.events, "failed": failed}
