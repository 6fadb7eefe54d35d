"""Round 5 of the quote stage: recall of reported speech the parser hides.

Every text here is made up. The rules under test: a relative pronoun fronted before the
frame ("which officials said will ..."), a split quotation whose second half the parser
took for the verb's clause, a speaker name left inside a long apposition, a that-clause
hung off a noun of "said in ... that", two clauses cued by one speaker's coordinated
verbs, and a cue verb with two clause complements.
"""
from __future__ import annotations

import pytest

from tests.quotes.conftest import quotes


def test_fronted_relative_pronoun_keeps_the_clause(nlp):
    text = "The new border levy, which officials said will take effect in March, drew protests from truckers."
    got = quotes(nlp, text)
    assert ("will take effect in March", "officials", False) in got, got


def test_split_quotation_is_one_quote(nlp):
    text = ("\"We are ready to talk,\" Foreign Minister Lena Varga said on Tuesday, "
            "\"but we will not be pressured into a bad deal.\"")
    got = quotes(nlp, text)
    assert len(got) == 1, got
    body, speaker, direct = got[0]
    assert body.startswith("We are ready to talk") and body.endswith("a bad deal.")
    assert direct and (speaker or "").endswith("Varga")


def test_name_inside_a_long_apposition_speaks(nlp):
    text = "Tomas Berg, a lawyer representing the families of the victims, said the inquiry had ignored key evidence."
    got = quotes(nlp, text)
    assert ("the inquiry had ignored key evidence", "Tomas Berg", False) in got, got


def test_that_clause_after_said_in_a_series_of_posts(nlp):
    text = "Mayor Joan Petit said in the first of three posts on social media that the bridge would reopen on Friday."
    got = quotes(nlp, text)
    assert [(b, s) for b, s, _ in got] == [("that the bridge would reopen on Friday", "Joan Petit")], got


def test_coordinated_cue_in_another_form_is_the_same_speaker(nlp):
    text = ("The minister complained that the agency had ignored repeated warnings "
            "and questioned why the budget was cut.")
    got = [(b, s) for b, s, _ in quotes(nlp, text)]
    assert got == [("that the agency had ignored repeated warnings", "minister"),
                   ("why the budget was cut", "minister")], got


def test_coordinated_verbs_of_the_reported_subject_stay_one_report(nlp):
    text = "The colonel said rebels seized the town and demanded the release of prisoners."
    got = [(b, s) for b, s, _ in quotes(nlp, text)]
    assert got == [("rebels seized the town and demanded the release of prisoners", "colonel")], got


def test_clause_after_the_cue_wins_over_one_before_a_colon(nlp):
    text = ("The ruling set off another round of partisan fighting on Friday: "
            "Republicans said they were convinced the court had erred.")
    got = [(b, s) for b, s, _ in quotes(nlp, text)]
    assert got == [("they were convinced the court had erred", "Republicans")], got


# --- session 3, lead: frames after their content, datelines ---

def _quotes(nlp, text):
    doc = nlp(text)
    return [(q.speaker, text[q.start:q.end]) for q in doc._.wc_quotes]


def test_frame_joined_to_its_content_as_a_conjunct(nlp):
    text = "The federal government will spend $2 billion on new housing, Finance Minister Jane Roe announced Tuesday."
    got = _quotes(nlp, text)
    assert len(got) == 1 and got[0][1].startswith("The federal government will spend")


def test_coordinated_clause_with_and_is_no_frame(nlp):
    got = _quotes(nlp, "The army shelled the town, and the rebels announced a ceasefire.")
    assert all(not content.startswith("The army") for _, content in got)


@pytest.mark.parametrize("text, start", [
    ("OTTAWA — The federal government will spend $2 billion on housing, Finance Minister Jane Roe said Tuesday.",
     "The federal"),
    ("SPRINGFIELD, Ill. (AP) - The state will close two prisons, Gov. Pat Quinn said Monday.", "The state"),
])
def test_dateline_is_not_part_of_what_was_said(nlp, text, start):
    got = _quotes(nlp, text)
    assert got and got[0][1].startswith(start)
