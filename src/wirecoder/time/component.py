"""Component `wc_timexes`: see the package docstring for what it finds and how."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.extensions import register_extensions


def find_timexes(doc: Doc) -> tuple:
    """Stub until the stage is written: finds nothing."""
    return ()


@Language.factory("wc_timexes", requires=[], assigns=["doc._.wc_timexes"])
def make_component(nlp: Language, name: str):
    register_extensions()

    def component(doc: Doc) -> Doc:
        doc._.wc_timexes = find_timexes(doc)
        return doc

    return component
