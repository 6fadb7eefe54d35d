"""Event scorers: PLOVER types and dyads, document labels, event locations."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from .common import (PRF_HEADER, ErrorItem, Prf, Table, as_span, dicts, field_list, is_int, matching_size,
                     number, overlap, share, snippet, upper)
from .scoring import TaskResult

NONE = "(none)"  # confusion row/column for an event with no counterpart


def gold_type(ev: dict) -> str:
    """The gold PLOVER type: the 16-type mapping when the source set gives one."""
    return upper(ev.get("type16")) or upper(ev.get("type")) or "?"


def system_type(ev: dict) -> str:
    return upper(ev.get("type")) or "?"


def actor_codes(actors: object) -> set[str]:
    return {upper(a.get("code")) for a in dicts(actors)} - {""}


def side_agrees(gold_actors: object, sys_actors: object) -> bool:
    """A side agrees when gold names no code, or the two share one (case-insensitive)."""
    gold = actor_codes(gold_actors)
    return not gold or bool(gold & actor_codes(sys_actors))


def dyad_agrees(g: dict, s: dict) -> bool:
    return (gold_type(g) == system_type(s) and side_agrees(g.get("source"), s.get("source"))
            and side_agrees(g.get("target"), s.get("target")))


def describe_actors(actors: object) -> str:
    return ",".join(f"{a.get('text') or a.get('name') or '?'}({a.get('code')})" for a in dicts(actors)) or "-"


def event_span(ev: dict):
    return as_span(ev.get("trigger")) or as_span(ev.get("evidence"))


class EventScorer:
    """Type micro P/R/F1 (multiset per document), type+dyad, per type, confusion, no-event accuracy."""

    task = "events"

    def __init__(self) -> None:
        self.per_type: dict[str, Counter] = defaultdict(Counter)
        self.confusion: dict[str, Counter] = defaultdict(Counter)
        self.dyad_tp = self.empty_docs = self.empty_ok = 0
        self.errors: list[ErrorItem] = []

    def add(self, gold: dict, system: dict | None) -> None:
        gev, sev = dicts(gold.get("events")), field_list(system, "events")
        text, doc = gold.get("text"), str(gold.get("id"))
        gc, sc = Counter(map(gold_type, gev)), Counter(map(system_type, sev))
        for t in gc.keys() | sc.keys():
            self.per_type[t].update(gold=gc[t], sys=sc[t], tp=min(gc[t], sc[t]))
        self.dyad_tp += matching_size(len(gev), len(sev), lambda i, j: dyad_agrees(gev[i], sev[j]))
        if not gev:
            self.empty_docs += 1
            self.empty_ok += int(system is not None and not sev)
        missed, spurious = gc - sc, sc - gc
        self._confuse(gc & sc, missed, spurious)
        for t, n in sorted(missed.items()):
            ex = next(e for e in gev if gold_type(e) == t)
            self.errors.append(ErrorItem(doc, "MISS", f"{t} x{n}: src={describe_actors(ex.get('source'))} "
                                         f"tgt={describe_actors(ex.get('target'))}", snippet(text, (0, 120))))
        for t, n in sorted(spurious.items()):
            ex = next(e for e in sev if system_type(e) == t)
            self.errors.append(ErrorItem(doc, "FP", f"{t} x{n}", snippet(text, event_span(ex))))

    def _confuse(self, agreed: Counter, missed: Counter, spurious: Counter) -> None:
        """Per gold type, what the system gave on the same document.

        Agreed events sit on the diagonal; the document's unmatched gold and
        system events are paired in type order (a document rarely has more
        than one of each); leftovers go to the "(none)" row or column.
        """
        for t, n in agreed.items():
            self.confusion[t][t] += n
        g = sorted(missed.elements())
        s = sorted(spurious.elements())
        for k in range(max(len(g), len(s))):
            self.confusion[g[k] if k < len(g) else NONE][s[k] if k < len(s) else NONE] += 1

    def result(self) -> TaskResult:
        total = sum(self.per_type.values(), Counter())
        micro = Prf(total["tp"], total["sys"], total["gold"])
        dyad = Prf(self.dyad_tp, total["sys"], total["gold"])
        types = {t: Prf(c["tp"], c["sys"], c["gold"]) for t, c in sorted(self.per_type.items())}
        noev = share(self.empty_ok, self.empty_docs)
        cols = sorted({c for row in self.confusion.values() for c in row} - {NONE}) + [NONE]
        rows = sorted(set(self.confusion) - {NONE}) + [NONE]
        confusion = Table("confusion (rows: gold type, columns: system type on the same document)",
                          ("gold \\ sys", *cols),
                          tuple((r, *(self.confusion[r][c] for c in cols)) for r in rows if r in self.confusion))
        tables = [Table("events", PRF_HEADER, (micro.row("type (micro)"), dyad.row("type+dyad")))]
        if types:
            tables += [Table("per type", PRF_HEADER, tuple(p.row(t) for t, p in types.items())), confusion]
        data = {"micro": micro.as_dict(), "dyad": dyad.as_dict(), "per_type": {t: p.as_dict() for t, p in types.items()},
                "no_event_acc": noev, "no_event_docs": self.empty_docs,
                "confusion": {r: dict(c) for r, c in self.confusion.items()}}
        head = {"f1": micro.f1, "p": micro.p, "r": micro.r, "dyad_f1": dyad.f1, "noevent_acc": noev}
        return TaskResult(head, data, tuple(tables), (f"no-event accuracy: {_fmt(noev)} over {self.empty_docs} docs",),
                          tuple(self.errors))


def gold_labels(gold: dict) -> set[str]:
    labels = gold.get("labels")
    return {upper(x) for x in labels if isinstance(x, str)} if isinstance(labels, list) else set()


def system_labels(system: dict | None) -> set[str]:
    """A line's own ``labels`` list when it has one, else the types of its events."""
    if system and isinstance(system.get("labels"), list):
        return {upper(x) for x in system["labels"]} - {""}
    return {system_type(e) for e in field_list(system, "events")}


def top_label(system: dict | None) -> str | None:
    """The type of the most confident event (first listed on ties; no confidence counts as -1)."""
    evs = field_list(system, "events")
    if not evs:
        labels = system.get("labels") if system else None
        return upper(labels[0]) if isinstance(labels, list) and labels else None
    best, best_conf = 0, None
    for i, e in enumerate(evs):
        c = number(e.get("confidence"))
        c = -1.0 if c is None else c
        if best_conf is None or c > best_conf:
            best, best_conf = i, c
    return system_type(evs[best])


class LabelScorer:
    """Document categories: hit rate, top-type accuracy, false positives on label-less documents."""

    task = "labels"

    def __init__(self) -> None:
        self.vocab: set[str] = set()
        self.c: Counter = Counter()
        self.hits: list[tuple[int, ErrorItem]] = []
        # label-less docs wait for the vocabulary of the whole file: (order, id, system labels, top, failed, text)
        self.empty: list[tuple[int, str, frozenset[str], str | None, bool, str]] = []
        self.n = 0

    def add(self, gold: dict, system: dict | None) -> None:
        gl, sl, top = gold_labels(gold), system_labels(system), top_label(system)
        self.vocab |= gl
        doc, head = str(gold.get("id")), snippet(gold.get("text"), (0, 120))
        self.n += 1
        if gl:
            hit = bool(gl & sl)
            self.c.update(pos=1, hit=int(hit), top=int(top in gl))
            if not hit:
                self.hits.append((self.n, ErrorItem(doc, "MISS", _label_detail(gl, sl, top), head)))
        else:
            self.empty.append((self.n, doc, frozenset(sl), top, system is None, head))

    def result(self) -> TaskResult:
        errs = list(self.hits)
        fp = 0
        for n, doc, sl, top, failed, head in self.empty:
            wrong = failed or bool(sl & self.vocab)
            fp += wrong
            if wrong:
                errs.append((n, ErrorItem(doc, "FP", _label_detail(set(), set(sl), top), head)))
        pos, neg = self.c["pos"], len(self.empty)
        hit, top, efp = share(self.c["hit"], pos), share(self.c["top"], pos), share(fp, neg)
        data = {"hit": hit, "top_acc": top, "empty_fp": efp, "labelled_docs": pos, "empty_docs": neg,
                "vocab": sorted(self.vocab)}
        table = Table("labels", ("metric", "value", "over docs"),
                      (("hit rate", hit, pos), ("top accuracy", top, pos), ("empty-label FP rate", efp, neg)))
        return TaskResult({"hit": hit, "top": top, "empty_fp": efp}, data, (table,), (),
                          tuple(e for _, e in sorted(errs, key=lambda x: x[0])))


def _label_detail(gl: set[str], sl: set[str], top: str | None) -> str:
    return f"gold={sorted(gl)} sys={sorted(sl)} top={top}"


def pick_event(events: list[dict], start: int) -> dict | None:
    """The event whose trigger contains ``start``, else the one with the tightest evidence that does."""
    for e in events:
        t = as_span(e.get("trigger"))
        if t and t[0] <= start < t[1]:
            return e
    best = None
    for n, e in enumerate(events):
        sp = as_span(e.get("evidence"))
        if sp and sp[0] <= start < sp[1] and (best is None or (sp[1] - sp[0], n) < best[0]):
            best = ((sp[1] - sp[0], n), e)
    return best[1] if best else None


class EventLocationScorer:
    """For each gold (event, place): does the system's event at that word sit at that place?"""

    task = "eventloc"

    def __init__(self) -> None:
        self.c: Counter = Counter()
        self.errors: list[ErrorItem] = []

    def add(self, gold: dict, system: dict | None) -> None:
        text = gold.get("text") if isinstance(gold.get("text"), str) else ""
        evs, doc = field_list(system, "events"), str(gold.get("id"))
        for gl in dicts(gold.get("event_locations")):
            es = gl.get("event_start")
            esp = as_span([es, gl.get("event_end")])
            lsp = as_span([gl.get("location_start"), gl.get("location_end")])
            ev = pick_event(evs, es) if is_int(es) else None
            self.c.update(gold=1, found=int(ev is not None))
            if ev is None:
                self.errors.append(ErrorItem(doc, "NO EVENT", "at", snippet(text, esp)))
                continue
            loc = ev.get("location") if isinstance(ev.get("location"), dict) else {}
            gname = text[lsp[0]:lsp[1]].strip().lower() if lsp else ""
            name = loc.get("name")
            ok = overlap(lsp, as_span(loc)) > 0 or (bool(gname) and isinstance(name, str)
                                                     and name.strip().lower() == gname)
            self.c["ok"] += int(ok)
            if not ok:
                self.errors.append(ErrorItem(doc, "WRONG", f"gold={snippet(text, lsp)!r} sys={name!r} event",
                                             snippet(text, esp)))

    def result(self) -> TaskResult:
        c = self.c
        acc, found, when = share(c["ok"], c["gold"]), share(c["found"], c["gold"]), share(c["ok"], c["found"])
        data = {"acc": acc, "event_found": found, "acc_when_found": when, "gold": c["gold"]}
        table = Table("event locations", ("metric", "value"),
                      (("accuracy", acc), ("event found", found), ("accuracy when found", when),
                       ("gold pairs", c["gold"])))
        return TaskResult({"acc": acc, "found": found}, data, (table,), (), tuple(self.errors))


def _fmt(x: Any) -> str:
    return "na" if x is None else f"{x:.4f}" if isinstance(x, float) else str(x)
