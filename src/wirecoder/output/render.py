"""Readable terminal output of an Analysis (the ``--format table`` view)."""
from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from ..records import ActorRef, Analysis, Failure


def _sides(refs: Sequence[ActorRef]) -> str:
    return ", ".join(f"{r.name} ({r.code or '?'}{'/' + r.sector if r.sector else ''})" for r in refs) or "-"


def _snippet(text: str, span: tuple[int, int] | None, width: int = 90) -> str:
    if not span:
        return ""
    s = " ".join(text[span[0]:span[1]].split())
    return s if len(s) <= width else s[: width - 1] + "…"


def render_analysis(a: Analysis, console: Console) -> None:
    art, text = a.article, a.article.text
    head = f"[bold]{art.title or art.id}[/bold]"
    shown_id = art.id if art.title else None  # without a title the heading is the id already
    meta = " · ".join(x for x in (shown_id, art.date.isoformat() if art.date else "no dateline", art.source) if x)
    console.print(head)
    console.print(f"[dim]{meta}[/dim]")

    if a.events:
        t = Table(title=f"events ({len(a.events)})", show_lines=False, expand=True)
        for col in ("type", "cameo", "source", "target", "date", "place", "flags", "evidence"):
            t.add_column(col, overflow="fold")
        for e in a.events:
            flags = ",".join(f for f, on in (("neg", e.negated), ("hyp", e.hypothetical), ("fut", e.future),
                                            ("hist", e.historical)) if on)
            t.add_row(e.type + (f"/{e.mode}" if e.mode else ""), e.cameo or "", _sides(e.source),
                      _sides(e.target), e.date or "", e.location.place.name if e.location else "", flags,
                      _snippet(text, e.evidence))
        console.print(t)
    else:
        console.print("[dim]no events[/dim]")

    if a.quotes:
        t = Table(title=f"quotes ({len(a.quotes)})", expand=True)
        for col in ("speaker", "code", "direct", "content"):
            t.add_column(col, overflow="fold")
        for q in a.quotes:
            t.add_row(q.speaker or "?", q.speaker_code or "", "yes" if q.direct else "no",
                      _snippet(text, (q.start, q.end), 120))
        console.print(t)

    if a.actors:
        t = Table(title=f"actors ({len(a.actors)})", expand=True)
        for col in ("id", "name", "kind", "code", "sector", "role", "mentions"):
            t.add_column(col, overflow="fold")
        for x in a.actors:
            t.add_row(x.id, x.name, x.kind, x.code or "", x.sector or "", x.role or "", str(len(x.mentions)))
        console.print(t)

    extras = []
    if a.timexes:
        extras.append("dates: " + "; ".join(f"{t.text} = {t.value}" for t in a.timexes))
    if a.places:
        extras.append("places: " + "; ".join(sorted({p.place.name for p in a.places})))
    if a.quantities:
        extras.append("counts: " + "; ".join(f"{q.text} ({q.unit or '?'})" for q in a.quantities))
    for line in extras:
        console.print(line, soft_wrap=True)
    console.print()


def render_failure(f: Failure, console: Console) -> None:
    console.print(f"[red]failed[/red] {f.item}: [{f.code}] {f.reason}")
