"""Round 7 of the quote stage: mixed quotes, paragraph bounds and nested frames.

Every text here is made up. The rules under test: a speech verb with its own infinitive complement
("would continue to investigate") frames no quotation; quotation marks inside a reported content
belong to that report; a frame never reaches across a line break for its content or its quotation;
"said A, and urged that B" gives both statements to the speaker; an unmarked statement ending in
"..., they said" yields to the named frame inside it.
"""
from __future__ import annotations

from tests.quotes.conftest import quotes
from wirecoder.quotes.sentences import paragraph_part


def test_mixed_quote_inside_a_report_is_not_a_second_quote(nlp):
    text = ("In a notice on Friday, the federation said the referee's decision was \"plainly wrong\" "
            "and that its panel would continue to review the match.")
    got = quotes(nlp, text)
    assert len(got) == 1, got
    assert got[0][0].startswith("the referee's decision") and not got[0][2], got


def test_bare_frame_does_not_take_a_quotation_from_the_paragraph_before(nlp):
    text = ("\"He is trying to appeal to people who feel left behind,\" said Alan Brooks, a pollster in Toronto. "
            "\"Elect me and we will finally fix this.\"\n"
            "Mayor Jane Doyle, in the wake of a new survey showing her support down to 14 percent, "
            "told reporters on Monday that the city would act.")
    got = quotes(nlp, text)
    assert not any("survey" in (q[1] or "") for q in got), got
    reported = [q for q in got if q[0].startswith("that the city")]
    assert reported and "Doyle" in (reported[0][1] or ""), got


def test_said_and_urged_that_are_two_statements_of_one_speaker(nlp):
    text = ("Union spokesman John Miller on Thursday said the strike fund was not running out, "
            "and urged that members stay calm.")
    got = quotes(nlp, text)
    assert [q[0] for q in got] == ["the strike fund was not running out", "that members stay calm"], got
    assert all(q[1] == "John Miller" for q in got), got


def test_unmarked_statement_around_a_named_frame_yields_to_it(nlp):
    text = ("Several council candidates said they favour bike lanes and lower parking fees, "
            "but they wouldn't fight for them in the budget, they said.")
    got = quotes(nlp, text)
    assert got and got[0][0].startswith("they favour bike lanes"), got
    assert "candidates" in (got[0][1] or ""), got
    assert not any(q[0].startswith("Several") for q in got), got


def test_paragraph_part_clips_a_sentence_at_line_breaks(nlp):
    doc = nlp.make_doc("The talks ended.\nOfficials said the deal was close.\nMore talks follow.")
    sent = doc[:]  # treat the whole text as one run-on sentence
    i = next(t.i for t in doc if t.text == "said")
    s, e = paragraph_part(doc, sent, i)
    assert doc[s:e].text == "Officials said the deal was close."
