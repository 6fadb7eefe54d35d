"""The public API on texts written for these tests."""
import json

import pytest

import wirecoder
from wirecoder.errors import InputError, TooLarge
from wirecoder.output.contract import analysis_to_dict, outcome_to_dict
from wirecoder.records import Analysis, Article, Failure
from wirecoder.settings import Settings

TEXT = ("Kenya and Ethiopia sign water deal\n\n"
        "Kenya and Ethiopia signed an agreement on sharing river water in Nairobi on Friday. "
        "The two governments said the deal would end a long dispute.")


def test_analyze_returns_analysis_with_article(analyze):
    a = analyze(TEXT, date="2023-06-09", title="water deal")
    assert isinstance(a, Analysis)
    assert a.article.date.isoformat() == "2023-06-09" and a.article.title == "water deal"
    assert len(a.article.hash) == 32
    # a blank line ends a sentence: the headline is its own sentence
    first = a.sentences[0]
    assert TEXT[first[0]:first[1]].strip() == "Kenya and Ethiopia sign water deal"


def test_entities_are_spacy_spans_into_the_text(analyze):
    a = analyze(TEXT)
    assert any(TEXT[e.start:e.end] == "Nairobi" and e.label == "GPE" for e in a.entities)


def test_empty_text_is_an_input_error(nlp):
    with pytest.raises(InputError) as exc:
        wirecoder.analyze("   \n ", nlp=nlp)
    assert exc.value.code.startswith("W1")


def test_batch_goes_on_after_bad_items(nlp):
    items = [Article(id="ok1", text=TEXT), Article(id="empty", text=""),
             Failure(item="x", code="W105", reason="not JSON", stage="ingest"),
             Article(id="huge", text="word " * 50), Article(id="ok2", text="Chile recalled its ambassador.")]
    out = list(wirecoder.analyze_many(items, settings=Settings(max_chars=220), nlp=nlp))
    assert [type(o).__name__ for o in out] == ["Analysis", "Failure", "Failure", "Failure", "Analysis"]
    assert out[3].code == TooLarge.code
    assert [getattr(o, "item", None) or o.article.id for o in out] == ["ok1", "empty", "x", "huge", "ok2"]


def test_component_exception_becomes_failure_and_batch_continues(nlp):
    from spacy.language import Language

    @Language.component("wc_test_boom")
    def boom(doc):
        if "BOOM" in doc.text:
            raise RuntimeError("component exploded")
        return doc

    import spacy
    small = spacy.blank("en")
    small.add_pipe("wc_test_boom")
    from wirecoder.nlp.extensions import register_extensions
    register_extensions()
    out = list(wirecoder.analyze_many([Article(id="a", text="fine"), Article(id="b", text="BOOM here"),
                                       Article(id="c", text="fine too")], nlp=small))
    assert isinstance(out[1], Failure) and out[1].code == "W301" and "exploded" in out[1].reason
    assert isinstance(out[0], Analysis) and isinstance(out[2], Analysis)


def test_contract_shape(analyze):
    d = analysis_to_dict(analyze(TEXT, date="2023-06-09"))
    for key in ("id", "events", "quotes", "timexes", "places", "entities", "actors", "quantities", "story"):
        assert key in d
    json.dumps(d)  # serialisable
    f = outcome_to_dict(Failure(item="z", code="W101", reason="empty", stage="ingest"))
    assert f["id"] == "z" and f["error"] == "empty"


def test_pipeline_lists_wirecoder_components(nlp):
    names = nlp.pipe_names
    assert names[0] == "wc_paragraphs"
    assert names[-6:] == ["wc_timexes", "wc_quantities", "wc_places", "wc_actors", "wc_quotes", "wc_events"]
