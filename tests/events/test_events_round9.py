"""Round 9 (session 4): legal pleas and origins are no events; document labels. Sentences are made up."""
from __future__ import annotations

import pytest

from wirecoder.output.contract import analysis_to_dict


@pytest.fixture(scope="module")
def types(nlp):
    def run(text: str):
        return [e.type for e in nlp(text)._.wc_events]
    return run


@pytest.mark.parametrize("text", [
    "The former mayor pleaded guilty on Tuesday to taking bribes from a builder.",
    "Both defendants pleaded not guilty in a Lisbon court.",
])
def test_a_plea_in_court_is_no_appeal(types, text):
    assert "REQUEST" not in types(text)


@pytest.mark.parametrize("text", [
    "The minister pleaded with donors to release the frozen funds.",
    "Relatives of the missing sailors pleaded for help from the navy.",
])
def test_pleading_with_or_for_someone_is_an_appeal(types, text):
    assert "REQUEST" in types(text)


def test_hailing_from_a_place_is_origin_not_praise(types):
    assert "SUPPORT" not in types("The new coach, who hails from a fishing town in Chile, arrived on Monday.")
    assert "SUPPORT" in types("The president hailed the deal as a turning point for the region.")


def test_labels_are_the_asserted_event_types_most_confident_first(analyze):
    a = analyze("Police arrested eleven protesters in Quito on Friday. The army did not shell the village.",
                date="2024-03-08")
    assert any(e.type == "ASSAULT" and e.negated for e in a.events)
    assert "COERCE" in a.labels and "ASSAULT" not in a.labels
    best = max(a.events, key=lambda e: e.confidence or 0.0)
    assert a.labels[0] == best.type
    assert analysis_to_dict(a)["labels"] == list(a.labels)


def test_a_hypothetical_threat_is_an_event_but_not_a_label(analyze):
    a = analyze("The rebels could attack the airport next week.", date="2024-03-08")
    assert [e.type for e in a.events] == ["ASSAULT"] and a.events[0].hypothetical
    assert a.labels == ()


def test_a_dateline_after_a_date_sentence_is_a_heading_too(analyze):
    a = analyze("May 4, 2023. TBILISI (Reuters) - Georgian farmers blocked a highway near the capital on Sunday.",
                date="2023-05-04")
    block = [e for e in a.events if e.type == "PROTEST"]
    assert block and all("TBILISI" not in (r.name or "") for e in block for r in e.source)


def test_a_sentence_initial_plural_tagged_as_a_name_still_names_the_doers(types):
    # after a dateline the small model tags "Demonstrators" as a proper noun and keeps it as its lemma
    doc_types = types("TBILISI (Reuters) - Demonstrators hurled stones at the riot police outside the court.")
    assert doc_types == ["PROTEST"]
