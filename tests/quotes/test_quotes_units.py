"""Unit tests of the quote stage: mark scanning, frames, and speakers resolved through hand-set actors."""
from __future__ import annotations

import pytest

from wirecoder.quotes.assemble import find_quotes
from wirecoder.quotes.lexicon import load_lexicon
from wirecoder.quotes.marks import find_marked
from wirecoder.records import Actor, ActorMention


def marked(text: str) -> list[str]:
    return [text[m.start:m.end] for m in find_marked(text)]


def test_marks_every_style():
    assert marked('"Yes," he said.') == ["Yes,"]
    assert marked("“No,” she said.") == ["No,"]
    assert marked("Il a dit «non» hier.") == ["non"]
    assert marked("He said ‘never’ twice.") == ["never"]
    assert marked("He said 'never again' twice.") == ["never again"]
    assert marked("''Typewriter quotes,'' he said.") == ["Typewriter quotes,"]


def test_marks_apostrophes_are_not_quotes():
    assert marked("The allies' talks and Russia's army didn't stop.") == []


def test_marks_multi_paragraph_quote_is_one_span():
    text = "“First part.\n\n“Second part,” he said."
    assert marked(text) == ["First part.\n\n“Second part,"]


def test_marks_unclosed_quote_ends_with_its_paragraph():
    text = "He said “it is over\n\nNext paragraph."
    assert [s.strip() for s in marked(text)] == ["it is over"]


def test_lexicon_loads_once_and_has_core_cues():
    lex = load_lexicon()
    assert lex is load_lexicon()
    for verb in ("say", "tell", "warn", "insist", "add", "claim", "deny", "describe", "announce", "state"):
        assert verb in lex.any_verb
    assert ("according", "to") in lex.according_to


def _set_actors(doc, actors, spans):
    """Replace the actor stage's output by hand: spans are (substring, occurrence, actor_id, kind)."""
    text = doc.text
    ms = []
    for sub, nth, aid, kind in spans:
        pos = -1
        for _ in range(nth + 1):
            pos = text.index(sub, pos + 1)
        ms.append(ActorMention(pos, pos + len(sub), aid, kind))
    doc._.wc_actors = tuple(actors)
    doc._.wc_mentions = tuple(sorted(ms, key=lambda m: m.start))
    return doc


@pytest.fixture(scope="module")
def parse(nlp):
    def run(text):
        with nlp.select_pipes(disable=["wc_quotes", "wc_events"]):
            return nlp(text)
    return run


def test_pronoun_speaker_resolved_through_mentions(parse):
    text = "Ambassador Lena Ortiz arrived on Monday. She said the embassy would stay open."
    doc = _set_actors(parse(text), [Actor("a1", "Lena Ortiz", "person", code="ESP")],
                      [("Lena Ortiz", 0, "a1", "name"), ("She", 0, "a1", "pronoun")])
    (q,) = find_quotes(doc)
    assert q.text == "the embassy would stay open"
    assert (q.speaker, q.speaker_code, q.speaker_actor_id) == ("Lena Ortiz", "ESP", "a1")
    assert text[q.speaker_span[0]:q.speaker_span[1]] == "She"
    assert text[q.cue[0]:q.cue[1]] == "said"
    assert q.direct is False


def test_anonymous_group_keeps_its_phrase_and_code(parse):
    text = "The embassy will close next week, according to US officials."
    doc = _set_actors(parse(text), [Actor("a1", "United States", "state", code="USA")],
                      [("US officials", 0, "a1", "group")])
    (q,) = find_quotes(doc)
    assert q.text == "The embassy will close next week"
    assert (q.speaker, q.speaker_code) == ("US officials", "USA")
    assert text[q.cue[0]:q.cue[1]] == "according to"


def test_surname_mention_gives_canonical_name(parse):
    text = "Deputy Minister Pavel Sorokin led the delegation. \"We want guarantees in writing,\" Sorokin said."
    doc = _set_actors(parse(text), [Actor("a7", "Pavel Sorokin", "person", code="RUS")],
                      [("Pavel Sorokin", 0, "a7", "name"), ("Sorokin", 1, "a7", "name")])
    (q,) = find_quotes(doc)
    assert q.direct is True
    assert q.text == "We want guarantees in writing"  # the comma belongs to the frame sentence
    assert (q.speaker, q.speaker_actor_id) == ("Pavel Sorokin", "a7")


def test_without_actor_annotations_speaker_falls_back_to_the_phrase(parse):
    text = "A senior diplomat told reporters the talks had stalled."
    doc = _set_actors(parse(text), [], [])
    (q,) = find_quotes(doc)
    assert q.speaker == "senior diplomat"
    assert q.speaker_code is None
    assert q.text == "the talks had stalled"


def test_interrupted_quote_is_one_joined_quote(parse):
    text = "\"We will,\" he said, \"push for a lasting ceasefire.\""
    doc = _set_actors(parse(text), [], [])
    (q,) = find_quotes(doc)
    assert q.direct is True
    assert q.start == 1 and q.text.endswith("lasting ceasefire.")


def test_unmarked_first_person_frame_is_direct_and_takes_the_paragraph(parse):
    text = ("The summit opened on Monday.\n\nThis is a hard moment for all of us. We must stay united, "
            "said Karl Brandt, the finance minister.")
    doc = _set_actors(parse(text), [], [])
    (q,) = find_quotes(doc)
    assert q.direct is True
    assert q.text == "This is a hard moment for all of us. We must stay united"
    assert q.speaker == "Karl Brandt"


def test_third_person_reported_speech_is_not_direct(parse):
    doc = _set_actors(parse("The government announced that fuel prices would rise."), [], [])
    (q,) = find_quotes(doc)
    assert q.direct is False and q.text == "that fuel prices would rise"


def test_no_quotes_in_plain_narration(parse):
    doc = _set_actors(parse("Troops crossed the river before dawn. The \"red line\" was gone."), [], [])
    assert find_quotes(doc) == ()


def test_verbs_inside_a_quotation_are_not_frames(parse):
    text = "\"I think they said no,\" Ortiz told reporters."
    doc = _set_actors(parse(text), [], [])
    (q,) = find_quotes(doc)
    assert q.speaker == "Ortiz" and q.text == "I think they said no"
