"""Round 4: small towns (population 5,000-15,000) resolve only for strong mentions in the article's country."""
from collections import Counter

from wirecoder.places.resolve import Context, _small_town
from wirecoder.places.towns import TOWN_MIN_POPULATION, towns_named


def places(nlp, text):
    return {p.text: p.place for p in nlp(text)._.wc_places}


def test_town_index_holds_only_towns_below_the_main_floor():
    towns = towns_named("Siversk")
    assert towns and towns[0].place.country == "UKR"
    assert all(c.source == "town" for c in towns)
    assert TOWN_MIN_POPULATION <= 10 ** towns[0].score < 15000


def test_small_town_in_the_articles_country_resolves(nlp):
    text = ("Russian artillery shelled the town of Vuhledar in eastern Ukraine on Tuesday, "
            "Ukrainian officials said.")
    p = places(nlp, text).get("Vuhledar")
    assert p is not None and p.country == "UKR" and p.kind == "city"
    assert abs(p.lat - 47.78) < 0.3 and abs(p.lon - 37.25) < 0.3


def test_small_town_needs_the_article_to_name_its_country():
    assert _small_town("Siversk", Context(countries=Counter({"UKR": 2}))) is not None
    assert _small_town("Siversk", Context(countries=Counter({"FRA": 3}))) is None
    assert _small_town("Siversk", Context()) is None


def test_us_town_needs_its_state_named():
    name = "Chillicothe"  # small towns of this name in Missouri and Illinois
    towns = {c.admin1 for c in towns_named(name)}
    assert {"MO", "IL"} <= towns
    in_usa = Context(countries=Counter({"USA": 3}), us_local=3)
    assert _small_town(name, in_usa) is None
    mo = _small_town(name, Context(countries=Counter({"USA": 3}), us_states=Counter({"MO": 1}), us_local=3))
    assert mo is not None and mo.admin1 == "MO"
    il = _small_town(name, Context(countries=Counter({"USA": 3}), us_states=Counter({"IL": 2}), us_local=3))
    assert il is not None and il.admin1 == "IL"
