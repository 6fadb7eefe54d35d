"""Story clustering at scale: time and memory for 10k / 30k / 100k synthetic articles.

Usage: python bench/stories_bench.py [--sizes 10000,30000,100000] [--no-dedup]

Articles are generated, not read: a year of news where each story (a few
to a few dozen articles over some days) has its own names, places and
words, mixed with a Zipf-distributed common vocabulary; one article in ten
is a syndicated copy of an earlier one. Each size runs in a fresh
subprocess so that its peak RSS is its own. Also prints B-cubed F1 against
the generated truth as a sanity check (not a quality measure).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta

from wirecoder.records import Actor, Analysis, Article, Entity, Place, PlaceMention
from wirecoder.stories import StoryIndex, StoryParams

COMMON = 20000  # common vocabulary size
STORY_WORDS = 25  # words specific to one story


def _word(n: int, prefix: str) -> str:
    letters = "bcdfghjklmnprstvz"
    vowels = "aeiou"
    out = prefix
    while True:
        out += letters[n % 17] + vowels[(n // 17) % 5]
        n //= 85
        if n == 0:
            return out


def generate(n_articles: int, seed: int = 1) -> Iterator[tuple[Analysis, str]]:
    """(analysis, true story) pairs in dateline order."""
    rng = random.Random(seed)
    weights = [1.0 / (r + 1) for r in range(COMMON)]
    common = [_word(i, "") for i in range(COMMON)]
    start = date(2023, 1, 1)
    stories: list[dict] = []
    made: list[tuple[str, str, str]] = []
    per_day = max(1, n_articles // 365)
    k = 0
    while k < n_articles:
        day = start + timedelta(days=k // per_day)
        stories = [s for s in stories if s["left"] > 0 and (day - s["day"]).days < 10]
        if not stories or rng.random() < 0.12:
            sid = f"t{k}"
            stories.append({"id": sid, "day": day, "left": rng.randint(2, 30),
                            "words": [_word(rng.randrange(10 ** 7), "q") for _ in range(STORY_WORDS)],
                            "names": [_word(rng.randrange(10 ** 6), "N").title() for _ in range(3)],
                            "place": (_word(rng.randrange(10 ** 5), "P").title(), rng.randrange(10 ** 6))})
        if made and rng.random() < 0.1:  # a syndicated copy with a new headline
            src_text, truth, src_title = made[rng.randrange(max(0, len(made) - 500), len(made))]
            text = "Updated: " + src_text
            yield Analysis(article=Article(id=f"d{k}", text=text, title=src_title, date=day)), truth
            k += 1
            continue
        s = rng.choice(stories)
        s["left"] -= 1
        ws = rng.choices(common, weights, k=120) + rng.choices(s["words"], k=30)
        rng.shuffle(ws)
        names = s["names"][: rng.randint(1, 3)]
        text = " ".join(names) + " " + " ".join(ws) + " in " + s["place"][0] + "."
        ents, pos = [], 0
        for nm in names:
            ents.append(Entity(pos, pos + len(nm), "PERSON", nm))
            pos += len(nm) + 1
        p0 = text.rindex(s["place"][0])
        pm = PlaceMention(p0, p0 + len(s["place"][0]), s["place"][0],
                          Place(s["place"][0], "XXX", geonameid=s["place"][1], kind="city"))
        actors = tuple(Actor(f"a{i + 1}", nm, "person", mentions=((e.start, e.end),))
                       for i, (nm, e) in enumerate(zip(names, ents)))
        title = " ".join(rng.choices(s["words"], k=5))
        made.append((text, s["id"], title))
        yield Analysis(article=Article(id=f"n{k}", text=text, title=title, date=day),
                       entities=tuple(ents), places=(pm,), actors=actors), s["id"]
        k += 1


def bcubed(pairs: list[tuple[str, str]]) -> float:
    g, s = defaultdict(set), defaultdict(set)
    for i, (gt, st) in enumerate(pairs):
        g[gt].add(i)
        s[st].add(i)
    p = sum(len(g[gt] & s[st]) / len(s[st]) for gt, st in pairs) / len(pairs)
    r = sum(len(g[gt] & s[st]) / len(g[gt]) for gt, st in pairs) / len(pairs)
    return 2 * p * r / (p + r)


def run_one(n: int, dedup: bool) -> dict:
    data = list(generate(n))  # generated first: the timing is the clustering only
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    idx = StoryIndex(StoryParams(dedup=dedup))
    t0, c0 = time.perf_counter(), time.process_time()
    pairs = [(truth, idx.assign(a).story) for a, truth in data]
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # CPU time is the measure (wall time varies with machine load); both are reported
    return {"articles": n, "cpu_s": round(cpu, 2), "wall_s": round(dt, 2),
            "cpu_ms_per_article": round(1000 * cpu / n, 3),
            "stories": len(idx), "copies": len(idx.duplicates()),
            "index_rss_mib": round((rss1 - rss0) / 1024, 1), "peak_rss_mib": round(rss1 / 1024, 1),
            "bcubed_f1": round(bcubed(pairs), 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,30000,100000")
    ap.add_argument("--no-dedup", action="store_true")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, not args.no_dedup)))
        return
    for n in (int(x) for x in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--one", str(n)] + (["--no-dedup"] if args.no_dedup else [])
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        print(out.strip(), flush=True)


if __name__ == "__main__":
    main()
