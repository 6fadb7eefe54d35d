"""Round 4 of the quote stage: speakers of quotations without a frame of their own.

Every text here is made up (Canadian-style news copy). The rules under test live in
wirecoder/quotes/inherit.py: a colon that introduces a quotation, a quotation after a
sentence about a person, a quotation inside a sentence whose subject is a person, and
a quotation that goes on in the next paragraph after an attributed one.
"""
from __future__ import annotations


def quotes(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in nlp(text)._.wc_quotes]


def speaker_of(nlp, text: str, start: str) -> str | None:
    got = [s for t, s in quotes(nlp, text) if t.startswith(start)]
    assert len(got) == 1, quotes(nlp, text)
    return got[0]


def test_colon_after_a_non_speech_verb(nlp):
    text = ("Mayor Karen Doucette defended the new transit levy at city hall on Monday: "
            "\"We cannot keep asking riders to pay for repairs that should have been made a decade ago.\"")
    assert (speaker_of(nlp, text, "We cannot keep asking") or "").endswith("Doucette")


def test_inverted_label_before_colon(nlp):
    text = ("The union leader spoke for an hour.\n\nContinued Marchand: \"The province has had three years "
            "to fix the staffing shortage and it has done nothing at all.\"")
    assert (speaker_of(nlp, text, "The province has had") or "").endswith("Marchand")


def test_quotation_after_a_sentence_about_a_person(nlp):
    text = ("Premier Alan Whitcombe toured the flooded farms near Abbotsford on Thursday. "
            "\"I have never seen water this high in my life, and I grew up on this river.\"")
    assert (speaker_of(nlp, text, "I have never seen water") or "").endswith("Whitcombe")


def test_quotation_inside_a_sentence_keeps_its_subject(nlp):
    text = ("Health Minister Priya Nanda spoke before Minister Joel Ferris. She praised the nurses of the "
            "northern clinics -- \"the finest people I have met in twenty years of public life.\"")
    got = [q for q in nlp(text)._.wc_quotes if q.text.startswith("the finest people")]
    assert len(got) == 1 and got[0].speaker_span is not None, got
    s, e = got[0].speaker_span
    assert text[s:e] == "She"  # the sentence's own subject, not the person named last


def test_multi_paragraph_quotation_continues_the_speaker(nlp):
    text = ("\"We are asking Ottawa for a fair share of the health transfer,\" said Finance Minister "
            "Louise Tremblay.\n\n\"Our hospitals cannot wait another budget cycle for the money they "
            "were promised years ago.\"")
    got = quotes(nlp, text)
    assert len(got) == 2, got
    assert all((s or "").endswith("Tremblay") for _, s in got), got


def test_next_paragraph_that_does_not_open_with_a_quotation_is_not_inherited(nlp):
    text = ("\"We are asking Ottawa for a fair share of the health transfer,\" said Finance Minister "
            "Louise Tremblay.\n\nThe report, titled \"Hospitals in crisis across the country this winter\", "
            "was published by an independent group.")
    got = dict(quotes(nlp, text))
    hospital = [s for t, s in got.items() if t.startswith("Hospitals in crisis")]
    assert hospital in ([], [None]), got


def test_unrelated_previous_sentence_subject_is_not_a_person(nlp):
    text = ("The budget came in at $4 billion over the forecast. "
            "\"Nobody in this building expected the deficit to grow this quickly over one winter.\"")
    got = quotes(nlp, text)
    assert got and got[0][1] is None, got
