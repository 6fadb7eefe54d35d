"""How analysis time grows with article length (not a test).

Long inputs are where a quadratic step hides: a feed that lost its sentence
punctuation gives one "sentence" of thousands of tokens. This times the full
pipeline on texts made of N copies of a short clause, with and without
sentence breaks, and prints seconds per 1,000 words for each N; a flat column
means linear growth.

    python bench/scaling.py [--sizes 250 500 1000 2000]
"""
from __future__ import annotations

import argparse
import json
import time

CLAUSE = "Ministers from Chile and Peru met in Lima and said they would reopen the border"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    args = ap.parse_args()
    import wirecoder

    nlp = wirecoder.load_pipeline()
    rows = []
    for n in args.sizes:
        for kind, sep in (("sentences", ". "), ("run-on", " and ")):
            text = sep.join([CLAUSE] * n) + "."
            words = len(text.split())
            t = time.perf_counter()
            wirecoder.analyze(text, date="2024-01-01", nlp=nlp)
            s = time.perf_counter() - t
            rows.append({"copies": n, "kind": kind, "words": words, "seconds": round(s, 2),
                         "s_per_1000_words": round(1000 * s / words, 3)})
    print("| copies | text | words | seconds | s per 1,000 words |\n|---:|---|---:|---:|---:|")
    for r in rows:
        print(f"| {r['copies']} | {r['kind']} | {r['words']} | {r['seconds']} | {r['s_per_1000_words']} |")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
