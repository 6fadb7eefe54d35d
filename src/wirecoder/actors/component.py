"""Component `wc_actors`: see the package docstring for what it finds and how."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.extensions import register_extensions


def find_actors(doc: Doc) -> tuple[tuple, tuple]:
    """Stub until the stage is written: finds nothing. Returns (actors, mentions)."""
    return (), ()


@Language.factory("wc_actors", requires=["doc.ents", "token.dep"], assigns=["doc._.wc_actors", "doc._.wc_mentions"])
def make_component(nlp: Language, name: str):
    register_extensions()

    def component(doc: Doc) -> Doc:
        doc._.wc_actors, doc._.wc_mentions = find_actors(doc)
        return doc

    return component
