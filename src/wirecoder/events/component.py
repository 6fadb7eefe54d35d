"""Component `wc_events`: see the package docstring for what it finds and how."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.extensions import register_extensions


def find_events(doc: Doc) -> tuple:
    """Stub until the stage is written: finds nothing."""
    return ()


@Language.factory("wc_events", requires=["doc._.wc_mentions", "doc._.wc_timexes", "doc._.wc_places", "doc._.wc_quantities"], assigns=["doc._.wc_events"])
def make_component(nlp: Language, name: str):
    register_extensions()

    def component(doc: Doc) -> Doc:
        doc._.wc_events = find_events(doc)
        return doc

    return component
