"""Component `wc_quotes`: see the package docstring for what it finds and how."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.extensions import register_extensions
from .assemble import find_quotes

__all__ = ["find_quotes", "make_component"]


@Language.factory("wc_quotes", requires=["doc._.wc_mentions", "doc._.wc_actors"], assigns=["doc._.wc_quotes"])
def make_component(nlp: Language, name: str):
    register_extensions()

    def component(doc: Doc) -> Doc:
        doc._.wc_quotes = find_quotes(doc)
        return doc

    return component
