"""Component `wc_quantities`: see the package docstring for what it finds and how."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.extensions import register_extensions


def find_quantities(doc: Doc) -> tuple:
    """Stub until the stage is written: finds nothing."""
    return ()


@Language.factory("wc_quantities", requires=[], assigns=["doc._.wc_quantities"])
def make_component(nlp: Language, name: str):
    register_extensions()

    def component(doc: Doc) -> Doc:
        doc._.wc_quantities = find_quantities(doc)
        return doc

    return component
