"""Each metric on tiny hand-made gold/system pairs (no ../shared, no model)."""
from __future__ import annotations

import pytest

from wirecoder.evaluation import score_pairs
from wirecoder.evaluation.common import match_spans, matching_size, great_circle_km

TEXT = "Kenya and Uganda signed a border pact in Nairobi on Monday, officials said."


def doc(i, **fields):
    return {"id": f"d{i}", "text": TEXT, "date": "2021-03-01", "title": None, **fields}


def actor(code):
    return {"text": code, "code": code, "sector": None}


def sev(type_, src=(), tgt=(), conf=None, evidence=(0, 10), trigger=None, location=None):
    return {"type": type_, "source": [{"name": c, "code": c} for c in src],
            "target": [{"name": c, "code": c} for c in tgt], "confidence": conf,
            "evidence": list(evidence), "trigger": list(trigger) if trigger else None, "location": location}


def test_span_match_needs_half_of_shorter_span_and_is_one_to_one():
    gold = [(0, 10), (20, 30)]
    system = [(8, 40), (0, 9)]  # (8, 40) overlaps gold 0 by 2 (< 5) and gold 1 by 10
    assert match_spans(gold, system, 0.5) == {0: 1, 1: 0}
    assert match_spans([(0, 10)], [(9, 13)], 0.5) == {}  # 1 of the shorter 4
    assert match_spans([(0, 10)], [(9, 13)]) == {0: 0}
    assert match_spans([(0, 10), (0, 10)], [(0, 10)]) == {0: 0}


def test_maximum_matching_finds_the_better_assignment():
    # gold 0 could take sys 0 or 1, gold 1 only sys 0: a greedy choice would get 1, the maximum is 2
    edges = {(0, 0), (0, 1), (1, 0)}
    assert matching_size(2, 2, lambda i, j: (i, j) in edges) == 2


def test_haversine_distance():
    assert great_circle_km(0, 0, 0, 1) == pytest.approx(111.195, abs=0.01)


def test_events_micro_dyad_and_no_event_accuracy():
    g1 = doc(1, events=[{"type": "AGREE", "source": [actor("KEN")], "target": [actor("UGA")]},
                        {"type": "DEMAND", "type16": "REQUEST", "source": [], "target": []}])
    s1 = {"id": "d1", "events": [sev("AGREE", ["KEN"], ["TZA"]), sev("REQUEST"), sev("ASSAULT")]}
    g2, s2 = doc(2, events=[]), {"id": "d2", "events": []}
    g3, s3 = doc(3, events=[]), {"id": "d3", "events": [sev("PROTEST")]}
    result, counts = score_pairs("events", [(g1, s1), (g2, s2), (g3, s3)])
    h = result.headline
    assert (h["p"], h["r"]) == pytest.approx((2 / 4, 2 / 2))
    assert h["f1"] == pytest.approx(2 * 0.5 * 1.0 / 1.5)
    # the AGREE target disagrees (UGA vs TZA), so only REQUEST (no gold codes) is dyad-correct
    assert h["dyad_f1"] == pytest.approx(2 * 0.25 * 0.5 / 0.75)
    assert h["noevent_acc"] == pytest.approx(0.5)
    assert result.data["per_type"]["ASSAULT"]["sys"] == 1
    assert result.data["confusion"]["AGREE"]["AGREE"] == 1
    assert result.data["confusion"]["(none)"] == {"ASSAULT": 1, "PROTEST": 1}
    assert counts == {"docs": 3, "missing": 0, "failed": 0}
    kinds = sorted(e.kind for e in result.errors)
    assert kinds == ["FP", "FP"]


def test_events_confusion_pairs_wrong_types_on_a_document():
    g = doc(1, events=[{"type": "ACCUSE"}])
    result, _ = score_pairs("events", [(g, {"id": "d1", "events": [sev("REJECT")]})])
    assert result.data["confusion"] == {"ACCUSE": {"REJECT": 1}}


def test_missing_and_failed_documents_count_as_wrong():
    g1, g2 = doc(1, events=[]), doc(2, events=[])
    result, counts = score_pairs("events", [(g1, None), (g2, {"id": "d2", "error": "boom"})])
    assert counts == {"docs": 2, "missing": 1, "failed": 1}
    assert result.headline["noevent_acc"] == 0.0


def test_labels_hit_top_and_empty_fp():
    g1 = doc(1, labels=["PROTEST"])
    s1 = {"id": "d1", "events": [sev("ASSAULT", conf=0.9), sev("PROTEST", conf=0.5)]}  # hit, but top is ASSAULT
    g2 = doc(2, labels=["ASSAULT"])
    s2 = {"id": "d2", "events": [sev("ASSAULT"), sev("COERCE")]}  # no confidence: the first listed is top
    g3, s3 = doc(3, labels=[]), {"id": "d3", "events": [sev("CONSULT")]}  # CONSULT is not in the vocabulary
    g4, s4 = doc(4, labels=[]), {"id": "d4", "events": [sev("PROTEST")]}  # a false positive
    result, _ = score_pairs("labels", [(g1, s1), (g2, s2), (g3, s3), (g4, s4)])
    assert result.headline == {"hit": 1.0, "top": 0.5, "empty_fp": 0.5}
    assert [e.doc for e in result.errors] == ["d4"]


def test_labels_prefers_an_explicit_labels_list():
    g = doc(1, labels=["AID"])
    result, _ = score_pairs("labels", [(g, {"id": "d1", "labels": ["aid"], "events": [sev("PROTEST")]})])
    assert result.headline["hit"] == 1.0
    assert result.headline["top"] == 0.0


def test_quotes_content_overlap_and_speaker():
    gold = doc(1, quotes=[{"start": 0, "end": 40, "speaker": "Amina Odhiambo", "speaker_spans": []},
                          {"start": 50, "end": 70, "speaker": None, "speaker_spans": [[60, 69]]},
                          {"start": 71, "end": 75, "speaker": None, "speaker_spans": []}])
    system = {"id": "d1", "quotes": [
        {"start": 5, "end": 40, "speaker": "Odhiambo", "speaker_span": None},   # matches, surname right
        {"start": 45, "end": 62, "speaker": "X", "speaker_span": [60, 62]},     # 12/20 of gold: matches, span right
        {"start": 30, "end": 49, "speaker": None, "speaker_span": None}]}       # leftover: a false positive
    result, _ = score_pairs("quotes", [(gold, system)])
    h = result.headline
    assert (h["p"], h["r"], h["speaker_acc"]) == pytest.approx((2 / 3, 2 / 3, 1.0))


def test_quotes_speaker_wrong_when_surname_differs():
    gold = doc(1, quotes=[{"start": 0, "end": 40, "speaker": "Amina Odhiambo", "speaker_spans": [[60, 69]]}])
    system = {"id": "d1", "quotes": [{"start": 0, "end": 40, "speaker": "Amina Kariuki", "speaker_span": [0, 3]}]}
    result, _ = score_pairs("quotes", [(gold, system)])
    assert result.headline["speaker_acc"] == 0.0
    assert result.errors[0].kind == "SPEAKER"


def test_timex_detection_and_value_accuracy():
    gold = doc(1, timexes=[{"start": 51, "end": 57, "type": "DATE", "value": "2021-03-01"},
                           {"start": 0, "end": 5, "type": "DATE", "value": "2021"}])
    system = {"id": "d1", "timexes": [{"start": 48, "end": 57, "value": " 2021-03-01"},
                                      {"start": 60, "end": 70, "value": "X"}]}
    result, _ = score_pairs("timexes", [(gold, system)])
    h = result.headline
    assert (h["p"], h["r"], h["value_acc"]) == pytest.approx((0.5, 0.5, 0.5))


def test_toponyms_detection_distance_and_geonameid():
    gold = doc(1, toponyms=[{"start": 41, "end": 48, "lat": -1.29, "lon": 36.82, "geonameid": 184745},
                            {"start": 0, "end": 5, "lat": 0.5, "lon": 37.0, "geonameid": 192950},
                            {"start": 10, "end": 16, "lat": 1.0, "lon": 32.0, "geonameid": None}])
    system = {"id": "d1", "places": [
        {"start": 41, "end": 48, "name": "Nairobi", "lat": -1.28, "lon": 36.81, "geonameid": 184745},
        {"start": 0, "end": 5, "name": "Kenya", "lat": 3.0, "lon": 37.0, "geonameid": 1},   # ~278 km off
        {"start": 10, "end": 16, "name": "Uganda", "lat": None, "lon": None, "geonameid": 226074}]}
    result, _ = score_pairs("toponyms", [(gold, system)])
    h = result.headline
    assert h["f1"] == 1.0
    assert h["acc161"] == pytest.approx(1 / 3)
    assert h["geonameid"] == pytest.approx(1 / 2)


def test_entities_map_spacy_labels_to_conll():
    gold = doc(1, entities=[{"start": 0, "end": 5, "label": "LOC"}, {"start": 10, "end": 16, "label": "LOC"},
                            {"start": 60, "end": 69, "label": "PER"}])
    system = {"id": "d1", "entities": [{"start": 0, "end": 5, "label": "GPE"}, {"start": 10, "end": 16, "label": "NORP"},
                                       {"start": 51, "end": 57, "label": "DATE"}]}
    result, _ = score_pairs("entities", [(gold, system)])
    assert result.headline["p"] == pytest.approx(1 / 2)  # DATE is dropped, NORP becomes MISC
    assert result.headline["r"] == pytest.approx(1 / 3)
    assert result.data["per_label"]["LOC"]["tp"] == 1


def test_stories_bcubed():
    golds = [doc(i, cluster=c) for i, c in enumerate("aab")]
    systems = [{"id": "d0", "story": "x"}, {"id": "d1", "story": "y"}, {"id": "d2", "story": "y"}]
    result, _ = score_pairs("stories", zip(golds, systems))
    # precision per doc: 1, 1/2, 1/2; recall per doc: 1/2, 1/2, 1
    assert result.headline["p"] == pytest.approx(2 / 3)
    assert result.headline["r"] == pytest.approx(2 / 3)


def test_stories_without_ids_are_singletons():
    golds = [doc(i, cluster="a") for i in range(2)]
    result, _ = score_pairs("stories", [(golds[0], {"story": None}), (golds[1], None)])
    assert result.headline["p"] == 1.0 and result.headline["r"] == 0.5


def test_event_locations():
    gold = doc(1, event_locations=[{"event_start": 17, "event_end": 23, "location_start": 41, "location_end": 48},
                                   {"event_start": 62, "event_end": 66, "location_start": 0, "location_end": 5}])
    here = {"name": "nairobi", "start": None, "end": None}
    system = {"id": "d1", "events": [sev("AGREE", evidence=(0, 60), trigger=(17, 23), location=here),
                                     sev("CONSULT", evidence=(60, 75), location={"name": "Kampala"})]}
    result, _ = score_pairs("eventloc", [(gold, system)])
    assert result.headline == {"acc": 0.5, "found": 1.0}
