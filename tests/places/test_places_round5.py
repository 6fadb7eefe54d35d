"""Round 5 rules: same-named places chosen by nearness to the article's other places,
small towns named by a state qualifier or near the article's places, capitals kept."""


def placed(nlp, text, name):
    return [p.place for p in nlp(text)._.wc_places if p.text == name]


def test_state_qualifier_reaches_small_towns(nlp):
    text = "The new townhouses on Maple Court in Gainesville, Va., sold out within a month."
    (p,) = placed(nlp, text, "Gainesville")
    assert p.country == "USA" and 38.0 < p.lat < 39.5 and -78.5 < p.lon < -77.0  # northern Virginia


def test_nearest_to_the_articles_places_wins(nlp):
    text = ("Snow closed schools across Maine on Monday, from Bangor to the coast. "
            "In Portland, crews cleared the streets overnight.")
    (p,) = placed(nlp, text, "Portland")
    assert p.country == "USA" and p.lon > -72.0  # Maine, not Oregon


def test_prior_holds_without_nearby_places(nlp):
    text = "Rain delayed the game in Portland on Monday night."
    (p,) = placed(nlp, text, "Portland")
    assert p.lon < -115.0  # the larger Portland, in Oregon


def test_capital_keeps_its_lead_near_a_same_named_town(nlp):
    text = ("Police in London and Manchester questioned two men on Tuesday. "
            "In Washington, officials said they would expel twelve diplomats.")
    (p,) = placed(nlp, text, "Washington")
    assert p.country == "USA"
