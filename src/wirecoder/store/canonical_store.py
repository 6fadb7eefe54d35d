"""Canonical events in the store: rebuilt per story from the stored events, inside the write transaction.

Canonical events are derived data: the same function (:func:`wirecoder.stories.canonical.canonical_events`)
computes them for a batch run and for a store. The store recomputes the stories a write batch
touched (the new articles' stories) from everything stored for them, so a report arriving
later joins, corroborates or contests the events earlier batches stored; stories not touched
are left as they are. The cost of one rebuild grows with the size of the stories touched,
not with the store.

Stored rows are read back as minimal :class:`Analysis` records (article id = its ``pk`` as a
string, since input ids need not be unique; mapped back to the input id when stored).
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import duckdb

from ..records import ActorRef, Analysis, Article, Event, Place, PlaceMention
from ..stories.canonical import canonical_events
from ..stories.records import CanonicalEvent
from .rows import Row

IN_STORIES = "IN (SELECT unnest(from_json(?, '[\"VARCHAR\"]')))"

_ARTICLES = ("SELECT pk, id, source, date, story, duplicate_of FROM articles "
             f"WHERE story {IN_STORIES} ORDER BY story, date NULLS LAST, pk")
_EVENTS = ("SELECT e.pk, e.article_pk, e.type, e.date, e.date_precision, e.location_name, e.location_country, "
           "e.location_geonameid, e.location_kind, e.location_start, e.location_end, e.negated, e.hypothetical, "
           "e.future, e.historical, e.size, e.dead, e.injured, e.arrested, e.evidence_start, e.evidence_end, "
           "e.confidence FROM events e JOIN articles a ON a.pk = e.article_pk "
           f"WHERE a.story {IN_STORIES} ORDER BY e.article_pk, e.idx")
_SIDES = ("SELECT ea.event_pk, ea.side, ea.name, ea.code, ea.sector, ea.igo FROM event_actors ea "
          "JOIN events e ON e.pk = ea.event_pk JOIN articles a ON a.pk = e.article_pk "
          f"WHERE a.story {IN_STORIES} ORDER BY ea.event_pk, ea.side, ea.position")


def _event(r: tuple[Any, ...], sides: dict[tuple[int, str], list[ActorRef]]) -> Event:
    (pk, _, typ, date, prec, lname, lctry, lgid, lkind, lstart, lend, neg, hyp, fut, hist,
     size, dead, inj, arr, ev_s, ev_e, conf) = r
    loc = None
    if lname is not None:
        loc = PlaceMention(start=lstart if lstart is not None else ev_s, end=lend if lend is not None else ev_s,
                           text=lname, place=Place(name=lname, country=lctry, geonameid=lgid, kind=lkind))
    return Event(type=typ, evidence=(ev_s, ev_e), date=date, date_precision=prec, location=loc,
                 negated=bool(neg), hypothetical=bool(hyp), future=bool(fut), historical=bool(hist),
                 size=size, dead=dead, injured=inj, arrested=arr, confidence=conf,
                 source=tuple(sides.get((pk, "source"), ())), target=tuple(sides.get((pk, "target"), ())))


def load_story_analyses(con: duckdb.DuckDBPyConnection, stories: Sequence[str]
                        ) -> tuple[list[Analysis], dict[int, list[int]], dict[int, tuple[str, str | None]]]:
    """The stored articles of these stories as minimal analyses (in dateline order).

    Also returns article pk -> its event pks (in ``Analysis.events`` order) and
    article pk -> (input id, duplicate_of).
    """
    arg = [json.dumps(list(stories))]
    arts = con.execute(_ARTICLES, arg).fetchall()
    sides: dict[tuple[int, str], list[ActorRef]] = {}
    for ev_pk, side, name, code, sector, igo in con.execute(_SIDES, arg).fetchall():
        sides.setdefault((ev_pk, side), []).append(ActorRef(name=name, code=code, sector=sector, igo=igo))
    events: dict[int, list[Event]] = {}
    event_pks: dict[int, list[int]] = {}
    for r in con.execute(_EVENTS, arg).fetchall():
        events.setdefault(r[1], []).append(_event(r, sides))
        event_pks.setdefault(r[1], []).append(r[0])
    analyses = []
    ids: dict[int, tuple[str, str | None]] = {}
    for pk, aid, source, day, story, dup in arts:
        ids[pk] = (aid, dup)
        # hash given: the text is not read back, and hashing "" per article is wasted work
        art = Article(id=str(pk), text="", date=day, source=source, hash="-")
        analyses.append(Analysis(article=art, events=tuple(events.get(pk, ())), story=story))
    return analyses, event_pks, ids


def canonical_rows(events: Sequence[CanonicalEvent], event_pks: dict[int, list[int]],
                   ids: dict[int, tuple[str, str | None]], at: datetime) -> dict[str, list[Row]]:
    """The canonical tables' rows for these events (mentions' article ids are article pks as strings)."""
    out: dict[str, list[Row]] = {"canonical_events": [], "canonical_mentions": [], "canonical_claims": []}
    for ce in events:
        story = ce.story or ""
        out["canonical_events"].append({
            "id": ce.id, "story": story, "type": ce.type, "source": list(ce.source), "target": list(ce.target),
            "date": ce.date, "place": ce.place, "mentions": len(ce.mentions), "sources": ce.sources,
            "first_reported": ce.first_reported, "confidence": ce.confidence, "contested": ce.contested,
            "computed_at": at.isoformat()})
        for pos, m in enumerate(ce.mentions):
            pk = int(m.article_id)
            out["canonical_mentions"].append({
                "canonical_id": ce.id, "story": story, "position": pos, "article_pk": pk,
                "event_pk": event_pks[pk][m.event_index], "article_id": ids[pk][0], "outlet": m.outlet,
                "reported": m.reported, "duplicate_of": ids[pk][1], "modality": m.modality,
                "evidence_start": m.evidence[0], "evidence_end": m.evidence[1]})
        pos = 0
        for conflict in ce.conflicts:
            for claim in conflict.claims:
                out["canonical_claims"].append({
                    "canonical_id": ce.id, "story": story, "field": conflict.field, "position": pos,
                    "value": claim.value, "article_ids": [ids[int(a)][0] for a in claim.article_ids]})
                pos += 1
    return out


def rebuild_rows(con: duckdb.DuckDBPyConnection, stories: Sequence[str], at: datetime) -> dict[str, list[Row]]:
    """Recompute the canonical rows of these stories from what is stored for them."""
    analyses, event_pks, ids = load_story_analyses(con, stories)
    dups = {str(pk): dup for pk, (_, dup) in ids.items() if dup}
    return canonical_rows(canonical_events(analyses, dups), event_pks, ids, at)


def delete_sql(table: str) -> str:
    """DELETE of one canonical table's rows for a JSON list of stories (table from rows.CANONICAL_TABLES)."""
    return f"DELETE FROM {table} WHERE story {IN_STORIES}"
