"""Span scorers: quotes, time expressions, toponyms, entities; and story clusters (B-cubed)."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from .common import (PRF_HEADER, ErrorItem, Prf, Table, as_span, dicts, field_list, great_circle_km,
                     match_spans, number, overlap, same_value, share, snippet, upper, words)
from .scoring import TaskResult

ACC_KM = 161  # "accuracy within 161 km" (100 miles), the usual geoparsing threshold

CONLL_LABELS = ("PER", "ORG", "LOC", "MISC")
# spaCy (OntoNotes) labels as CoNLL ones; labels CoNLL does not annotate (DATE, CARDINAL, ...) are dropped.
SPACY_TO_CONLL: dict[str, str] = {
    **{x: x for x in CONLL_LABELS}, "PERSON": "PER", "GPE": "LOC", "FAC": "LOC", "NORP": "MISC",
    "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC", "PRODUCT": "MISC"}


def _fmt(x: Any) -> str:
    return "na" if x is None else f"{x:.4f}" if isinstance(x, float) else str(x)


def gold_speaker_spans(q: dict) -> list[tuple[int, int]]:
    spans = q.get("speaker_spans")
    return [p for p in map(as_span, spans) if p] if isinstance(spans, list) else []


def speaker_judgeable(q: dict) -> bool:
    """Only a gold quote that names its speaker or marks a mention can judge one."""
    return bool(words(q.get("speaker"))) or bool(gold_speaker_spans(q))


def speaker_right(gq: dict, sq: dict) -> bool:
    """The system's speaker mention overlaps a gold one, or its name holds the gold surname."""
    ss = as_span(sq.get("speaker_span"))
    if ss and any(overlap(ss, p) > 0 for p in gold_speaker_spans(gq)):
        return True
    gw = words(gq.get("speaker"))
    return bool(gw) and gw[-1] in words(sq.get("speaker"))


class QuoteScorer:
    task = "quotes"

    def __init__(self) -> None:
        self.c: Counter = Counter()
        self.errors: list[ErrorItem] = []

    def add(self, gold: dict, system: dict | None) -> None:
        gq, sq = dicts(gold.get("quotes")), field_list(system, "quotes")
        text, doc = gold.get("text"), str(gold.get("id"))
        gsp, ssp = [as_span(q) for q in gq], [as_span(q) for q in sq]
        m = match_spans(gsp, ssp, 0.5)
        self.c.update(gold=len(gq), sys=len(sq), tp=len(m))
        for i, j in m.items():
            if speaker_judgeable(gq[i]):
                ok = speaker_right(gq[i], sq[j])
                self.c.update(judged=1, spk=int(ok))
                if not ok:
                    self.errors.append(ErrorItem(doc, "SPEAKER", f"gold={gq[i].get('speaker')!r} "
                                                 f"sys={sq[j].get('speaker')!r}", snippet(text, gsp[i])))
        self.errors += [ErrorItem(doc, "MISS", f"({q.get('speaker')})", snippet(text, gsp[i]))
                        for i, q in enumerate(gq) if i not in m]
        used = set(m.values())
        self.errors += [ErrorItem(doc, "FP", f"({q.get('speaker')})", snippet(text, ssp[j]))
                        for j, q in enumerate(sq) if j not in used]

    def result(self) -> TaskResult:
        c = self.c
        content, spk = Prf(c["tp"], c["sys"], c["gold"]), share(c["spk"], c["judged"])
        data = {"content": content.as_dict(), "speaker_acc": spk, "speaker_judged": c["judged"],
                "speaker_correct": c["spk"], "speaker_recall": share(c["spk"], c["gold"])}
        note = f"speaker accuracy: {_fmt(spk)} ({c['spk']}/{c['judged']} matched quotes with a gold speaker)"
        head = {"f1": content.f1, "p": content.p, "r": content.r, "speaker_acc": spk}
        return TaskResult(head, data, (Table("quotes", PRF_HEADER, (content.row("content"),)),), (note,),
                          tuple(self.errors))


class TimexScorer:
    task = "timexes"

    def __init__(self) -> None:
        self.c: Counter = Counter()
        self.errors: list[ErrorItem] = []

    def add(self, gold: dict, system: dict | None) -> None:
        gt, st = dicts(gold.get("timexes")), field_list(system, "timexes")
        text, doc = gold.get("text"), str(gold.get("id"))
        gsp, ssp = [as_span(t) for t in gt], [as_span(t) for t in st]
        m = match_spans(gsp, ssp)
        self.c.update(gold=len(gt), sys=len(st), tp=len(m))
        for i, t in enumerate(gt):
            if i not in m:
                self.errors.append(ErrorItem(doc, "MISS", str(t.get("value")), snippet(text, gsp[i])))
            elif same_value(t.get("value"), st[m[i]].get("value")):
                self.c["val"] += 1
            else:
                self.errors.append(ErrorItem(doc, "VALUE", f"gold={t.get('value')} sys={st[m[i]].get('value')}",
                                             snippet(text, gsp[i])))
        used = set(m.values())
        self.errors += [ErrorItem(doc, "FP", str(t.get("value")), snippet(text, ssp[j]))
                        for j, t in enumerate(st) if j not in used]

    def result(self) -> TaskResult:
        c = self.c
        det, val = Prf(c["tp"], c["sys"], c["gold"]), share(c["val"], c["gold"])
        head = {"f1": det.f1, "p": det.p, "r": det.r, "value_acc": val}
        return TaskResult(head, {"detection": det.as_dict(), "value_acc": val},
                          (Table("time expressions", PRF_HEADER, (det.row("detection"),)),),
                          (f"value accuracy: {_fmt(val)} ({c['val']}/{c['gold']})",), tuple(self.errors))


class ToponymScorer:
    task = "toponyms"

    def __init__(self) -> None:
        self.c: Counter = Counter()
        self.errors: list[ErrorItem] = []

    def add(self, gold: dict, system: dict | None) -> None:
        gt, sp = dicts(gold.get("toponyms")), field_list(system, "places")
        text, doc = gold.get("text"), str(gold.get("id"))
        gsp, ssp = [as_span(t) for t in gt], [as_span(p) for p in sp]
        m = match_spans(gsp, ssp)
        self.c.update(gold=len(gt), sys=len(sp), tp=len(m))
        for i, t in enumerate(gt):
            found = sp[m[i]] if i in m else {}
            glat, glon = number(t.get("lat")), number(t.get("lon"))
            if glat is not None and glon is not None:
                slat, slon = number(found.get("lat")), number(found.get("lon"))
                d = great_circle_km(glat, glon, slat, slon) if slat is not None and slon is not None else None
                near = d is not None and d <= ACC_KM
                self.c.update(geo=1, acc=int(near))
                if i in m and not near:
                    self.errors.append(ErrorItem(doc, "FAR", f"{_fmt(d)} km sys={found.get('name')!r}",
                                                 snippet(text, gsp[i])))
            if i not in m:
                self.errors.append(ErrorItem(doc, "MISS", "", snippet(text, gsp[i])))
            elif t.get("geonameid") is not None and found.get("geonameid") is not None:
                same = str(t["geonameid"]).strip() == str(found["geonameid"]).strip()
                self.c.update(gid=1, gid_ok=int(same))
        used = set(m.values())
        self.errors += [ErrorItem(doc, "FP", repr(p.get("name")), snippet(text, ssp[j]))
                        for j, p in enumerate(sp) if j not in used]

    def result(self) -> TaskResult:
        c = self.c
        det, acc, gid = Prf(c["tp"], c["sys"], c["gold"]), share(c["acc"], c["geo"]), share(c["gid_ok"], c["gid"])
        data = {"detection": det.as_dict(), "acc161": acc, "acc161_n": c["geo"], "geonameid_acc": gid,
                "geonameid_n": c["gid"]}
        notes = (f"accuracy@161km: {_fmt(acc)} ({c['acc']}/{c['geo']} gold toponyms with coordinates)",
                 f"geonameid agreement: {_fmt(gid)} ({c['gid_ok']}/{c['gid']} matched pairs with both ids)")
        head = {"f1": det.f1, "p": det.p, "r": det.r, "acc161": acc, "geonameid": gid}
        return TaskResult(head, data, (Table("toponyms", PRF_HEADER, (det.row("detection"),)),), notes,
                          tuple(self.errors))


def entity_keys(ents: list[dict], mapping: dict[str, str]) -> Counter:
    """(start, end, CoNLL label) counts; unmapped labels and malformed spans are left out."""
    out: Counter = Counter()
    for e in ents:
        sp, label = as_span(e), mapping.get(upper(e.get("label")))
        if sp and label:
            out[(sp[0], sp[1], label)] += 1
    return out


class EntityScorer:
    """Exact span + label match after mapping spaCy's labels to CoNLL's four."""

    task = "entities"

    def __init__(self) -> None:
        self.per: dict[str, Counter] = defaultdict(Counter)
        self.errors: list[ErrorItem] = []

    def add(self, gold: dict, system: dict | None) -> None:
        gc = entity_keys(dicts(gold.get("entities")), {x: x for x in CONLL_LABELS})
        sc = entity_keys(field_list(system, "entities"), SPACY_TO_CONLL)
        for k in gc.keys() | sc.keys():
            self.per[k[2]].update(gold=gc[k], sys=sc[k], tp=min(gc[k], sc[k]))
        text, doc = gold.get("text"), str(gold.get("id"))
        self.errors += [ErrorItem(doc, "MISS", k[2], snippet(text, k[:2])) for k in gc - sc]
        self.errors += [ErrorItem(doc, "FP", k[2], snippet(text, k[:2])) for k in sc - gc]

    def result(self) -> TaskResult:
        tot = sum(self.per.values(), Counter())
        micro = Prf(tot["tp"], tot["sys"], tot["gold"])
        labels = {k: Prf(v["tp"], v["sys"], v["gold"]) for k, v in sorted(self.per.items())}
        table = Table("entities (CoNLL)", PRF_HEADER, (micro.row("micro"), *(p.row(k) for k, p in labels.items())))
        data = {"micro": micro.as_dict(), "per_label": {k: p.as_dict() for k, p in labels.items()}}
        return TaskResult({"f1": micro.f1, "p": micro.p, "r": micro.r}, data, (table,), (), tuple(self.errors))


class StoryScorer:
    """B-cubed over the gold documents; no cluster id (or no line) makes a singleton."""

    task = "stories"

    def __init__(self) -> None:
        self.keys: list[tuple[tuple, tuple]] = []

    def add(self, gold: dict, system: dict | None) -> None:
        n = len(self.keys)
        gc = gold.get("cluster")
        st = system.get("story") if system else None
        gk = ("g", str(gc)) if gc is not None else ("single", n)
        valid = isinstance(st, (str, int)) and not isinstance(st, bool) and str(st)
        sk = ("s", str(st)) if valid else ("single", n)
        self.keys.append((gk, sk))

    def result(self) -> TaskResult:
        gsize, ssize, both = Counter(), Counter(), Counter()
        for gk, sk in self.keys:
            gsize[gk] += 1
            ssize[sk] += 1
            both[(gk, sk)] += 1
        # each document's precision is |its gold ∩ system cluster| / |system cluster|; averaged over documents
        p = sum(both[(gk, sk)] / ssize[sk] for gk, sk in self.keys)
        r = sum(both[(gk, sk)] / gsize[gk] for gk, sk in self.keys)
        k = len(self.keys)
        p, r = (p / k, r / k) if k else (0.0, 0.0)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        data = {"p": p, "r": r, "f1": f1, "gold_clusters": len(gsize), "sys_clusters": len(ssize)}
        table = Table("stories", ("B-cubed", "P", "R", "F1", "gold clusters", "sys clusters"),
                      (("", p, r, f1, len(gsize), len(ssize)),))
        return TaskResult({"f1": f1, "p": p, "r": r}, data, (table,))
