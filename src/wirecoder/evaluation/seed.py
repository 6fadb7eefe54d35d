"""The seed form: one hand-annotated article (``gold.json`` beside its text file).

Gold events carry a level ("must": the core record, "may": defensible) and
an evidence span; a system event matches one of the same type whose evidence
or trigger overlaps it. Quotes, dates, counts and people are checked too.
"""
from __future__ import annotations

from typing import Any

from .common import (ErrorItem, Table, as_span, dicts, field_list, match_spans, number, overlap, same_value,
                     snippet, upper, words)
from .events import actor_codes, gold_type, system_type
from .scoring import TaskResult

# (row label, found key, out-of key)
SEED_ROWS = (("must events (type)", "must", "must_n"), ("must events (type+dyad)", "must_dyad", "must_n"),
             ("quotes", "quotes", "quotes_n"), ("speakers", "speakers", "quotes_n"), ("dates", "dates", "dates_n"),
             ("counts", "counts", "counts_n"), ("people", "people", "people_n"), ("may events", "may", "may_n"),
             ("system events matched", "sys_matched", "sys_events"))


def seed_actor_agrees(gold: dict, sys: dict) -> bool:
    """Same code; a gold NATO (code IGO) also accepts code NATO or an actor whose igo is NATO."""
    gc, sc = upper(gold.get("code")), upper(sys.get("code"))
    if gc and gc == sc:
        return True
    if gc == "IGO" and upper(gold.get("name")) == "NATO":
        return sc in ("IGO", "NATO") or upper(sys.get("igo")) == "NATO"
    return False


def seed_side_agrees(gold_actors: object, sys_actors: object) -> bool:
    coded = [a for a in dicts(gold_actors) if upper(a.get("code"))]
    return not coded or any(seed_actor_agrees(g, s) for g in coded for s in dicts(sys_actors))


def _events(gold: dict, sev: list[dict], text: str, res: dict, errs: list[ErrorItem]) -> None:
    gev = dicts(gold.get("events"))
    ranked = []
    for i, ge in enumerate(gev):
        gsp = as_span(ge.get("evidence"))
        for j, se in enumerate(sev):
            ov = max(overlap(gsp, as_span(se.get("evidence"))), overlap(gsp, as_span(se.get("trigger"))))
            if ov > 0 and gold_type(ge) == system_type(se):
                dyad = (seed_side_agrees(ge.get("source"), se.get("source"))
                        and seed_side_agrees(ge.get("target"), se.get("target")))
                # must before may, dyad-correct before type-only, then the larger overlap
                rank = (0 if ge.get("level") == "must" else 2) + (0 if dyad else 1)
                ranked.append((rank, -ov, i, j, dyad))
    match: dict[int, tuple[int, bool]] = {}
    used: set[int] = set()
    for _, _, i, j, dyad in sorted(ranked):
        if i not in match and j not in used:
            match[i] = (j, dyad)
            used.add(j)
    must = [i for i, e in enumerate(gev) if e.get("level") == "must"]
    may = [i for i in range(len(gev)) if i not in must]
    res.update(must=sum(i in match for i in must), must_dyad=sum(i in match and match[i][1] for i in must),
               must_n=len(must), may=sum(i in match for i in may), may_n=len(may), sys_events=len(sev),
               sys_matched=len(used), precision=(len(used) / len(sev)) if sev else 0.0)

    def dy(e: dict) -> str:
        return f"{sorted(actor_codes(e.get('source')))}->{sorted(actor_codes(e.get('target')))}"
    doc = "seed"
    errs += [ErrorItem(doc, "MISS", f"must {gev[i].get('id')} {gold_type(gev[i])}",
                       snippet(text, as_span(gev[i].get("evidence")))) for i in must if i not in match]
    errs += [ErrorItem(doc, "DYAD", f"must {gev[i].get('id')} {gold_type(gev[i])}: gold {dy(gev[i])} "
                       f"sys {dy(sev[match[i][0]])}") for i in must if i in match and not match[i][1]]
    errs += [ErrorItem(doc, "FP", f"{system_type(e)} {dy(e)}",
                       snippet(text, as_span(e.get("trigger")) or as_span(e.get("evidence"))))
             for j, e in enumerate(sev) if j not in used]


def _rest(gold: dict, s: dict | None, text: str, res: dict, errs: list[ErrorItem]) -> None:
    doc = "seed"
    gq, sq = dicts(gold.get("quotes")), field_list(s, "quotes")
    gsp = [as_span(q["content"][0]) if isinstance(q.get("content"), list) and q["content"] else None for q in gq]
    m, spk = match_spans(gsp, [as_span(q) for q in sq], 0.5), 0
    for i, q in enumerate(gq):
        last = (words(q.get("speaker")) or ["\0"])[-1]
        said = sq[m[i]].get("speaker") if i in m else None
        ok = isinstance(said, str) and last in said.lower()
        spk += ok
        if not ok:
            errs.append(ErrorItem(doc, "QUOTE", f"{q.get('id')} ({q.get('speaker')}) "
                                  f"{'speaker=' + repr(said) if i in m else 'MISS'}", snippet(text, gsp[i])))
    res.update(quotes=len(m), quotes_n=len(gq), speakers=spk)
    gt, st = dicts(gold.get("timexes")), field_list(s, "timexes")
    tsp = [as_span(t.get("span")) for t in gt]
    m, dates = match_spans(tsp, [as_span(t) for t in st]), 0
    for i, t in enumerate(gt):
        ok = i in m and same_value(t.get("value"), st[m[i]].get("value"))
        dates += ok
        if not ok:
            errs.append(ErrorItem(doc, "DATE", f"{t.get('value')} sys={st[m[i]].get('value') if i in m else 'MISS'}",
                                  snippet(text, tsp[i])))
    res.update(dates=dates, dates_n=len(gt))
    sqs, gqs, counts = field_list(s, "quantities"), dicts(gold.get("quantities")), 0
    for q in gqs:
        qs, v = as_span(q.get("span")), number(q.get("value"))
        ok = any(overlap(qs, as_span(x)) > 0 and number(x.get("value")) == v for x in sqs)
        counts += ok
        if not ok:
            errs.append(ErrorItem(doc, "COUNT", f"{q.get('value')} {q.get('unit')}", snippet(text, qs)))
    res.update(counts=counts, counts_n=len(gqs))
    actors = field_list(s, "actors") + [a for e in field_list(s, "events") for k in ("source", "target")
                                        for a in dicts(e.get(k))]
    gp, people = dicts(gold.get("people")), 0
    for p in gp:
        last = (words(p.get("name")) or ["\0"])[-1]
        want = {"code": p.get("code"), "name": p.get("org")}
        ok = any(isinstance(a.get("name"), str) and last in a["name"].lower() and seed_actor_agrees(want, a)
                 for a in actors)
        people += ok
        if not ok:
            errs.append(ErrorItem(doc, "PERSON", f"{p.get('name')} ({p.get('code')}) not found"))
    res.update(people=people, people_n=len(gp))


def score_seed(gold: dict, system: dict | None, text: str) -> TaskResult:
    res: dict[str, Any] = {}
    errs: list[ErrorItem] = []
    _events(gold, field_list(system, "events"), text, res, errs)
    _rest(gold, system, text, res, errs)
    table = Table("seed", ("seed", "found", "of"), tuple((label, res[k], res[n]) for label, k, n in SEED_ROWS))
    frac = {k: f"{res[k]}/{res[n]}" for _, k, n in SEED_ROWS[:-1]}
    head = {"must": frac["must"], "must_dyad": frac["must_dyad"], "precision": res["precision"], **frac}
    return TaskResult(head, res, (table,), (f"event precision: {res['precision']:.4f}",), tuple(errs))
