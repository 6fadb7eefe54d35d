"""Which date an undated article's text gives as its own, and the page date line's words."""
from __future__ import annotations

from datetime import date as Date

from stories_helpers import analysis

from wirecoder.records import TimeExpression
from wirecoder.stories.text import article_date, content_terms


def dated(text: str, *dates: tuple[str, str]):
    """An Analysis whose DATE timexes are the given (surface, value) pairs, found in the text in order."""
    tx, at = [], 0
    for surface, value in dates:
        i = text.index(surface, at)
        tx.append(TimeExpression(i, i + len(surface), surface, "DATE", value, "day"))
        at = i + len(surface)
    return analysis("a", text, timexes=tuple(tx))


FILLER = "The club said the season had been difficult and that the board would meet again soon. " * 6


def test_header_date_is_the_reports_own_date():
    text = "Coach dismissed after losing run\nPosted on April 9, 2014\n" + FILLER
    assert article_date(dated(text, ("April 9, 2014", "2014-04-09"))) == Date(2014, 4, 9)


def test_date_recalled_once_in_the_body_is_not_the_reports_date():
    text = "Coach dismissed after losing run\n" + FILLER + "He had been hired on June 2, 2011, after a long search."
    assert article_date(dated(text, ("June 2, 2011", "2011-06-02"))) is None


def test_publishing_cue_marks_a_date_printed_below_the_header():
    text = "Coach dismissed after losing run\n" + FILLER + "Last updated: Wednesday, April 9, 2014"
    assert article_date(dated(text, ("April 9, 2014", "2014-04-09"))) == Date(2014, 4, 9)


def test_repeated_body_date_counts_but_not_when_the_text_names_a_later_year():
    text = "Storm report\n" + FILLER + "On May 5, 2012 the river rose. By the night of May 5, 2012 it had crested."
    both = (("May 5, 2012", "2012-05-05"), ("May 5, 2012", "2012-05-05"))
    assert article_date(dated(text, *both)) == Date(2012, 5, 5)
    later = text + " Repairs were finished only in 2015."
    assert article_date(dated(later, *both)) is None


def test_header_date_wins_over_a_repeated_older_one():
    text = ("Flood anniversary\nPublished: 12 March 2016\n" + FILLER
            + "The flood of 3 March 2006 ... the waters of 3 March 2006 reached the square.")
    a = dated(text, ("12 March 2016", "2016-03-12"), ("3 March 2006", "2006-03-03"), ("3 March 2006", "2006-03-03"))
    assert article_date(a) == Date(2016, 3, 12)


def test_page_date_line_words_are_not_content():
    terms = content_terms("Fri., Oct. 11, 2019 8:05 PM PDT | Updated 03:10 GMT\nVolcano erupts near the coast")
    assert not {"w:fri", "w:pdt", "w:gmt", "w:updated"} & set(terms)
    assert {"w:volcano", "w:erupt", "w:coast"} <= set(terms)
