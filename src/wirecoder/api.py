"""The public functions: analyse one text, or stream many articles."""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from datetime import date as Date

from spacy.language import Language
from spacy.tokens import Doc

from .analysis import doc_to_analysis
from .errors import AnalysisError, EmptyInput, TooLarge, WirecoderError, error_class
from .ingest.dates import parse_dateline
from .nlp.pipeline import build_pipeline, model_version
from .nlp.textfix import repair_mojibake
from .nlp.truecase import restore_case
from .records import Analysis, Article, Failure
from .settings import Settings


def load_pipeline(settings: Settings | None = None) -> Language:
    """The spaCy pipeline with wirecoder's components (loaded once per process)."""
    return build_pipeline(settings or Settings())


def analyze(text: str, date: str | Date | None = None, title: str | None = None, *,
            id: str = "text", settings: Settings | None = None, nlp: Language | None = None) -> Analysis:
    """Analyse one article text. ``date`` is the dateline relative dates resolve against.

    Raises an :class:`~wirecoder.errors.InputError` for unusable input.
    """
    settings = settings or Settings()
    article = Article(id=id, text=text, title=title, date=parse_dateline(date))
    outcome = next(analyze_many([article], settings=settings, nlp=nlp))
    if isinstance(outcome, Failure):
        raise _error_from_failure(outcome)
    return outcome


def analyze_many(articles: Iterable[Article | Failure], *, settings: Settings | None = None,
                 nlp: Language | None = None) -> Iterator[Analysis | Failure]:
    """Stream articles through ``nlp.pipe`` in batches; yields one outcome per input, in order.

    A Failure in the input (from ingest) is passed through; an article that
    breaks the pipeline becomes a Failure and the stream goes on.
    """
    settings = settings or Settings()
    nlp = nlp or build_pipeline(settings)
    version = model_version(nlp)
    it = iter(articles)
    while True:
        batch = list(itertools.islice(it, settings.batch_size))
        if not batch:
            return
        yield from _analyze_batch(batch, nlp, settings, version)


def _analyze_batch(batch: list, nlp: Language, settings: Settings, version: str) -> Iterator[Analysis | Failure]:
    prepared: list[tuple[int, Article, Doc]] = []
    outcomes: list[Analysis | Failure | None] = [None] * len(batch)
    for n, item in enumerate(batch):
        if isinstance(item, Failure):
            outcomes[n] = item
            continue
        try:
            prepared.append((n, item, _make_doc(nlp, item, settings)))
        except WirecoderError as exc:
            outcomes[n] = _failure(item, exc)
    try:
        docs = list(nlp.pipe([d for _, _, d in prepared]))
        for (n, art, _), doc in zip(prepared, docs):
            outcomes[n] = doc_to_analysis(doc, art, version)
    except Exception:  # noqa: BLE001 - one bad article must not sink the batch: retry one by one
        for n, art, _ in prepared:
            outcomes[n] = _analyze_one(nlp, art, settings, version)
    yield from outcomes  # type: ignore[misc]


def _analyze_one(nlp: Language, art: Article, settings: Settings, version: str) -> Analysis | Failure:
    try:
        doc = nlp(_make_doc(nlp, art, settings))
        return doc_to_analysis(doc, art, version)
    except WirecoderError as exc:
        return _failure(art, exc)
    except Exception as exc:  # noqa: BLE001 - recorded with its reason, the batch goes on
        err = AnalysisError(f"{type(exc).__name__}: {exc}", item=art.id)
        return _failure(art, err)


def _make_doc(nlp: Language, art: Article, settings: Settings) -> Doc:
    if not art.text or not art.text.strip():
        raise EmptyInput("article text is empty", item=art.id)
    if len(art.text) > settings.max_chars:
        raise TooLarge(f"article has {len(art.text):,} characters; the limit (max_chars) is "
                       f"{settings.max_chars:,}", item=art.id)
    # the parser reads repaired words and restored capitals; both keep the length, so offsets stay the
    # article's
    text = repair_mojibake(art.text) if settings.repair_mojibake else art.text
    doc = nlp.make_doc(restore_case(text) if settings.restore_case else text)
    doc._.wc_article = art
    doc._.wc_dateline = art.date
    return doc


def _failure(art: Article, exc: WirecoderError) -> Failure:
    return Failure(item=art.id, code=exc.code, reason=exc.reason, stage=exc.stage,
                   retryable=exc.retryable, origin=art.origin)


def _error_from_failure(f: Failure) -> WirecoderError:
    return error_class(f.code)(f.reason, item=f.item)
