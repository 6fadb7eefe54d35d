"""Shared fixture of the time-stage tests: a document run through the pipeline up to the time stage."""
from __future__ import annotations

from datetime import date

import pytest

WED = date(2022, 1, 12)  # a Wednesday: the dateline the time tests read against unless they say otherwise

# The stages after the time stage; the time tests do not need them.
_LATER = ("wc_quantities", "wc_places", "wc_actors", "wc_quotes", "wc_events")


@pytest.fixture(scope="module")
def time_doc(nlp):
    """``run(text, dateline)`` -> the Doc with timexes, read against ``dateline``."""
    def run(text, dateline):
        doc = nlp.make_doc(text)
        doc._.wc_dateline = dateline
        with nlp.select_pipes(disable=[n for n in _LATER if n in nlp.pipe_names]):
            return nlp(doc)
    return run


@pytest.fixture(scope="module")
def timexes(time_doc):
    """``run(text, dateline=WED)`` -> the timexes of ``text``."""
    def run(text, dateline=WED):
        return time_doc(text, dateline)._.wc_timexes
    return run
