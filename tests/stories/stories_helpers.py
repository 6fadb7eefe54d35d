"""Builders for hand-made Analysis records used by the stories tests (no spaCy needed)."""
from __future__ import annotations

import json
import random
from datetime import date as Date
from functools import cache
from pathlib import Path

from wirecoder.records import Analysis, Article

DATA = Path(__file__).parent / "data"


@cache
def syndicated() -> list[dict]:
    return json.loads((DATA / "syndicated.json").read_text(encoding="utf-8"))["articles"]


def body(paras: list[str]) -> str:
    return "\n\n".join(paras)


def copies(art: dict) -> list[tuple[str, str, str]]:
    """(copy id, headline, text) for the edits an outlet makes to a wire story."""
    p = list(art["paragraphs"])
    rw = list(p)
    rw[art["reworded"]["para"]] = art["reworded"]["text"]
    added = p[:2] + [art["added"]] + p[2:]
    place = art["title"].split()[0].upper()
    return [
        (art["id"] + "~headline", art["alt_title"], art["alt_title"] + "\n\n" + body(p)),
        (art["id"] + "~trimmed", art["title"], body(p[:3])),
        (art["id"] + "~reworded", art["title"], body(rw)),
        (art["id"] + "~added", art["title"], body(added)),
        (art["id"] + "~mixed", art["alt_title"], art["alt_title"] + "\n\n" + body(rw[:-1] + [art["added"]])),
        (art["id"] + "~dateline", art["title"], f"{place} (Wire) - " + body(p[:-1])),
    ]


def analysis(aid: str, text: str, title: str | None = None, day: Date | None = None, **kw) -> Analysis:
    return Analysis(article=Article(id=aid, text=text, title=title, date=day), **kw)


def syndicated_stream(seed: int = 7) -> list[Analysis]:
    """Originals first (in file order), then every copy in a shuffled order."""
    arts = syndicated()
    day = Date(2023, 5, 10)
    out = [analysis(a["id"], body(a["paragraphs"]), a["title"], day) for a in arts]
    cps = [analysis(cid, text, title, day) for a in arts for cid, title, text in copies(a)]
    random.Random(seed).shuffle(cps)
    return out + cps
