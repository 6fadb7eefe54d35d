"""Hand-built analyses for the store tests (made-up sentences, spans computed from the text)."""
from __future__ import annotations

from datetime import date

from wirecoder.records import (Actor, ActorRef, Analysis, Article, Entity, Event, Failure, Place,
                               PlaceMention, Quantity, Quote, TimeExpression)


def span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    i = text.index(words, after)
    return i, i + len(words)


def sentence(text: str, words: str) -> tuple[int, int]:
    """The sentence holding ``words`` (sentences end with '. ')."""
    i = text.index(words)
    start = text.rfind(". ", 0, i)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", i)
    return start, (len(text) if end < 0 else end + 1)


KHARKIV = Place("Kharkiv", "UKR", 49.98, 36.25, 706483, "city")
GENEVA = Place("Geneva", "CHE", 46.20, 6.14, 2660646, "city")
MINSK = Place("Minsk", "BLR", 53.90, 27.57, 625144, "city")

SHELLING = ("Russian troops shelled residential districts of Kharkiv on Monday, killing three civilians "
            "and wounding 12 others, regional officials said. \"The strikes will go on until our goals "
            "are met,\" Kremlin spokesman Dmitry Peskov told reporters.")
TALKS = ("American Deputy Secretary of State Wendy Sherman met Russian Deputy Foreign Minister Sergei Ryabkov "
         "in Geneva on Monday. Washington rejected Moscow's demand to halt NATO expansion. NATO could "
         "send more troops to its eastern flank next month, officials warned. Ryabkov said the talks "
         "had been difficult.")
ARRESTS = ("Police in Minsk detained about 40 protesters outside the central station, the opposition "
           "said. The government did not negotiate with the strike committee.")


def shelling() -> Analysis:
    t = SHELLING
    russia = ActorRef("Russia", "RUS", "MIL", actor_id="a1", span=span(t, "Russian troops"))
    civilians = ActorRef("civilians", "UKR", "CVL", actor_id="a2", span=span(t, "civilians"))
    kharkiv = PlaceMention(*span(t, "Kharkiv"), "Kharkiv", KHARKIV)
    ev = Event(type="ASSAULT", evidence=sentence(t, "shelled"), trigger=span(t, "shelled"), mode="aerial",
               cameo="195", goldstein=-10.0, source=(russia,), target=(civilians,), date="2022-02-28",
               date_precision="day", location=kharkiv, dead=3, injured=12, confidence=0.9)
    quote_span = span(t, "The strikes will go on until our goals are met,")
    q = Quote(*quote_span, speaker="Dmitry Peskov", speaker_code="RUS", speaker_actor_id="a3",
              speaker_span=span(t, "Dmitry Peskov"), cue=span(t, "told"), direct=True,
              text=t[quote_span[0]:quote_span[1]])
    threat = Event(type="THREATEN", evidence=sentence(t, "strikes"), source=(ActorRef("Russia", "RUS", "GOV"),),
                   target=(ActorRef("Ukraine", "UKR"),), future=True, quote_index=0, goldstein=-4.0)
    return Analysis(
        article=Article(id="kh-1", text=t, title="Shelling in Kharkiv", date=date(2022, 3, 1),
                        url="https://news.example/kharkiv", source="Example Wire", origin="feed.jsonl:1",
                        language="en"),
        events=(ev, threat),
        actors=(Actor("a1", "Russia", "state", "RUS", "MIL", mentions=(span(t, "Russian"),)),
                Actor("a2", "civilians", "group", "UKR", "CVL", mentions=(span(t, "civilians"),)),
                Actor("a3", "Dmitry Peskov", "person", "RUS", "GOV", role="Kremlin spokesman",
                      mentions=(span(t, "Dmitry Peskov"),))),
        quotes=(q,),
        timexes=(TimeExpression(*span(t, "Monday"), "Monday", "DATE", "2022-02-28", "day"),),
        places=(kharkiv,),
        entities=(Entity(*span(t, "Kharkiv"), "GPE"), Entity(*span(t, "Dmitry Peskov"), "PERSON")),
        quantities=(Quantity(*span(t, "three"), "three", 3, "dead", head=span(t, "civilians")),
                    Quantity(*span(t, "12"), "12", 12, "injured")),
        pipeline="test-model/0.1",
    )


def talks() -> Analysis:
    t = TALKS
    sherman = ActorRef("Wendy Sherman", "USA", "GOV", actor_id="a1", span=span(t, "Wendy Sherman"))
    ryabkov = ActorRef("Sergei Ryabkov", "RUS", "GOV", actor_id="a2", span=span(t, "Sergei Ryabkov"))
    geneva = PlaceMention(*span(t, "Geneva"), "Geneva", GENEVA)
    meet = Event(type="CONSULT", evidence=sentence(t, "met"), trigger=span(t, "met"), cameo="043",
                 goldstein=2.8, source=(sherman,), target=(ryabkov,), date="2022-01-10", location=geneva)
    reject = Event(type="REJECT", evidence=sentence(t, "rejected"), trigger=span(t, "rejected"),
                   goldstein=-4.0, source=(ActorRef("United States", "USA", "GOV"),),
                   target=(ActorRef("Russia", "RUS", "GOV"),))
    deploy = Event(type="MOBILIZE", evidence=sentence(t, "could send"), trigger=span(t, "send"),
                   source=(ActorRef("NATO", "IGO", None, igo="NATO"),), hypothetical=True, future=True,
                   date="2022-02", date_precision="month")
    q = Quote(*span(t, "the talks had been difficult"), speaker="Sergei Ryabkov", speaker_code="RUS",
              speaker_actor_id="a2", speaker_span=span(t, "Ryabkov said"), cue=span(t, "said", t.index("Ryabkov said")),
              direct=False, text="the talks had been difficult")
    return Analysis(
        article=Article(id="gv-7", text=t, title="Geneva talks", date=date(2022, 1, 12), source="Daily Example"),
        events=(meet, reject, deploy),
        actors=(Actor("a1", "Wendy Sherman", "person", "USA", "GOV", role="Deputy Secretary of State",
                      mentions=(span(t, "Wendy Sherman"),)),
                Actor("a2", "Sergei Ryabkov", "person", "RUS", "GOV",
                      mentions=(span(t, "Sergei Ryabkov"), span(t, "Ryabkov said")))),
        quotes=(q,),
        places=(geneva,),
        pipeline="test-model/0.1",
    )


def arrests() -> Analysis:
    t = ARRESTS
    police = ActorRef("police", "BLR", "COP", span=span(t, "Police"))
    protesters = ActorRef("protesters", "BLR", "OPP", span=span(t, "protesters"))
    minsk = PlaceMention(*span(t, "Minsk"), "Minsk", MINSK)
    arrest = Event(type="COERCE", evidence=sentence(t, "detained"), trigger=span(t, "detained"), cameo="173",
                   source=(police,), target=(protesters,), arrested=40, location=minsk, date="2021-11",
                   date_precision="month", historical=True)
    no_talks = Event(type="CONSULT", evidence=sentence(t, "negotiate"), negated=True,
                     source=(ActorRef("government", "BLR", "GOV"),),
                     target=(ActorRef("strike committee", "BLR", "LAB"),))
    return Analysis(article=Article(id="mn-3", text=t, title=None, date=None), events=(arrest, no_talks),
                    quantities=(Quantity(*span(t, "about 40"), "about 40", 40, "protesters", approx="about"),),
                    places=(minsk,))


def samples() -> list[Analysis]:
    return [shelling(), talks(), arrests()]


def broken_input() -> Failure:
    return Failure(item="blob.bin", code="W102", reason="binary data, not text", stage="ingest",
                   origin="inbox/blob.bin")
