"""Component `wc_places`: see the package docstring for what it finds and how."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.extensions import register_extensions


def find_places(doc: Doc) -> tuple:
    """Stub until the stage is written: finds nothing."""
    return ()


@Language.factory("wc_places", requires=["doc.ents"], assigns=["doc._.wc_places"])
def make_component(nlp: Language, name: str):
    register_extensions()

    def component(doc: Doc) -> Doc:
        doc._.wc_places = find_places(doc)
        return doc

    return component
