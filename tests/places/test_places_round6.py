"""Round 6: the article's variety of English (national cues) settles transatlantic namesakes;
British and Irish counties; demonyms NER tags as places; "St." for "Saint"; Washington the
state; a dateline town as the focus; a local small town over a foreign namesake."""
import spacy

from wirecoder.places.gazetteer import lookup
from wirecoder.places.national import home_bonus, variety_counts
from wirecoder.places.resolve import candidates_for


def placed(nlp, text, name):
    return [p.place for p in nlp(text)._.wc_places if p.text == name]


def _words(text):
    return spacy.blank("en")(text)


def test_british_spelling_and_institutions_favour_britain():
    doc = _words("The Ministry of Defence said whilst travelling the MPs were briefed on the programme.")
    c = variety_counts(doc)
    assert c["CWL"] >= 3 and c["GBR"] >= 1
    bonus = home_bonus(doc)
    assert bonus["USA"] < 0 < bonus["GBR"]


def test_us_spelling_and_dollars_favour_the_us():
    doc = _words("Organizers said the theater center will cost $4 million, Gov. Smith said.")
    assert home_bonus(doc).get("USA", 0) > 0


def test_irish_institutions_and_euros():
    assert home_bonus(_words("Gardai said the Taoiseach would visit."))["IRL"] > 0
    doc = _words("Local councillors said the colour scheme would cost €40,000 per house.")
    assert home_bonus(doc).get("IRL", 0) > 0


def test_plain_text_has_no_home():
    assert home_bonus(_words("The talks ended on Friday without a deal.")) == {}


def test_manchester_in_a_british_story(nlp):
    text = ("The soldier, who grew up in Manchester, was a keen rugby player whilst at school, "
            "the Ministry of Defence said. His colour sergeant paid tribute to his sense of humour.")
    (p,) = placed(nlp, text, "Manchester")
    assert p.country == "GBR"


def test_birmingham_in_an_american_story(nlp):
    text = ("Organizers cut the price of two-day passes to $100 for the Birmingham festival. "
            "The lineup features 40 acts, and tickets cost $20 more at the gate, organizers said.")
    (p,) = placed(nlp, text, "Birmingham")
    assert p.country == "USA"


def test_irish_town_in_a_garda_story(nlp):
    text = "Gardai are investigating a stabbing in Dundalk on Saturday night, the Garda press office said."
    (p,) = placed(nlp, text, "Dundalk")
    assert p.country == "IRL"


def test_counties_are_in_the_gazetteer():
    assert any(c.source == "county" and c.place.country == "GBR" for c in lookup("Leicestershire"))
    cavan = [c for c in lookup("County Cavan") if c.source == "county"]
    assert cavan and cavan[0].place.country == "IRL" and 53.5 < cavan[0].place.lat < 54.5


def test_county_in_a_british_story(nlp):
    text = ("The race moves to Brands Hatch in Kent next month, where the motorway closure "
            "will add an hour to journeys, organisers said. The MPs for the area were not consulted.")
    (p,) = placed(nlp, text, "Kent")
    assert p.country == "GBR" and 50.8 < p.lat < 51.5


def test_shire_county_found_without_ner(nlp):
    text = "Police in Leicestershire closed the road overnight after the crash."
    (p,) = placed(nlp, text, "Leicestershire")
    assert p.country == "GBR"


def test_demonym_tagged_as_a_place_names_its_country():
    (c,) = candidates_for("Russian", "GPE")
    assert c.place.country == "RUS" and c.place.kind == "country"


def test_saint_abbreviated():
    best = candidates_for("St. Petersburg")[0]
    assert best.place.country == "RUS"


def test_washington_coordinated_with_states(nlp):
    text = ("Software companies moved staff to Oregon, California or Washington last year, "
            "citing rents in Hawaii, a labour economist said.")
    (p,) = placed(nlp, text, "Washington")
    assert p.kind == "state" and p.lat > 45


def test_washington_the_state_in_a_story_from_it(nlp):
    text = ("TACOMA, Wash. - The guard unit trains across Washington and in Seattle every month. "
            "Its members live in Spokane and Olympia.")
    ps = placed(nlp, text, "Washington")
    assert ps and all(p.lat > 45 for p in ps)


def test_washington_is_still_the_capital_in_world_news(nlp):
    text = "Russia expelled 60 diplomats after Washington and London accused Moscow of the attack."
    (p,) = placed(nlp, text, "Washington")
    assert p.country == "USA" and abs(p.lat - 38.9) < 0.5


def test_local_town_over_a_foreign_namesake(nlp):
    text = ("The office in Nelson, which serves the Kootenay region of British Columbia, reopened on Monday. "
            "Residents of Nelson can book appointments online, the BC government said.")
    ps = placed(nlp, text, "Nelson")
    assert ps and all(p.country == "CAN" for p in ps)


def test_dateline_town_is_the_focus(nlp):
    text = ("CAIRO - A football academy in the Egyptian capital is looking for the next star. "
            "Coaches from Liverpool visited the pitches on Salah Salem Street last week, "
            "and Liverpool scouts will return in May.")
    (p,) = placed(nlp, text, "Salah Salem Street")
    assert p.country == "EGY"
