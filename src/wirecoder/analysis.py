"""The extract step: turn one annotated Doc into an :class:`Analysis` (pure)."""
from __future__ import annotations

from spacy.tokens import Doc

from .nlp.entities import clean_entities
from .records import Analysis, Article


def doc_to_analysis(doc: Doc, article: Article, pipeline: str = "") -> Analysis:
    return Analysis(
        article=article,
        events=tuple(doc._.wc_events),
        actors=tuple(doc._.wc_actors),
        quotes=tuple(doc._.wc_quotes),
        timexes=tuple(doc._.wc_timexes),
        places=tuple(doc._.wc_places),
        entities=clean_entities(doc),  # doc.ents repaired for output only
        quantities=tuple(doc._.wc_quantities),
        sentences=tuple((s.start_char, s.end_char) for s in doc.sents) if doc.has_annotation("SENT_START") else (),
        pipeline=pipeline,
    )
