"""Regenerate src/wirecoder/data/places/us_counties.tsv and us_towns.tsv from the zipcodes package.

    pip install "zipcodes==3.0.0"        # the optional extra `wirecoder[data]`
    python tools/build_us_places.py

The zipcodes package (MIT licence) bundles every US ZIP code with its postal town, the
other names the post office accepts for it, its state, county and a point. wirecoder
needs only a few columns of it: each county's and each town's mean ZIP point and how
many ZIP codes it has. Reading the package at run time cost ~250 MB per process;
these two small tables cost a few MB. The output is sorted, so reruns give the same files.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "wirecoder" / "data" / "places"


def _mean(pts: list[tuple[float, float]]) -> tuple[float, float]:
    return (round(sum(p[0] for p in pts) / len(pts), 4), round(sum(p[1] for p in pts) / len(pts), 4))


def main() -> None:
    import zipcodes

    counties: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    aliases: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    version = zipcodes.__version__
    for r in zipcodes.list_all():
        if r.get("zip_code_type") == "MILITARY" or not r.get("lat") or not r.get("long"):
            continue
        pt = (float(r["lat"]), float(r["long"]))
        if r.get("county"):
            counties[(r["county"], r["state"])].append(pt)
        if r.get("city"):
            towns[(r["city"], r["state"])].append(pt)
        for alt in r.get("acceptable_cities") or ():
            aliases[(alt, r["state"])].append(pt)
    head = (f"# Derived from the zipcodes package {version} (MIT licence) by tools/build_us_places.py; "
            "do not edit by hand.\n")
    with open(OUT / "us_counties.tsv", "w", encoding="utf-8") as f:
        f.write(head + "# county (as the post office writes it)\tstate\tlat\tlon\tzip codes\n")
        for (name, state), pts in sorted(counties.items()):
            lat, lon = _mean(pts)
            f.write(f"{name}\t{state}\t{lat}\t{lon}\t{len(pts)}\n")
    with open(OUT / "us_towns.tsv", "w", encoding="utf-8") as f:
        f.write(head + "# town\tstate\tlat\tlon\tzip codes\tkind (town = the ZIP's own town, "
                "alias = a name the post office also accepts)\n")
        rows = [(n, s, *_mean(p), len(p), "town") for (n, s), p in towns.items()]
        rows += [(n, s, *_mean(p), len(p), "alias") for (n, s), p in aliases.items() if (n, s) not in towns]
        for row in sorted(rows):
            f.write("\t".join(str(x) for x in row) + "\n")


if __name__ == "__main__":
    main()
