"""Synthetic stores of any size, generated inside DuckDB (no Python loop over rows).

For benchmarks (bench/store_queries_bench.py) and the server's tests: N
events over N/5 articles, two sides per event drawn with a skew (a few
countries are in most events, as in real news), a dyad-friendly actor list,
dates rising with the article number over ``days`` days (a store fills
in roughly the order news happens; one event in ten states an earlier day), a location on most events, one quote and
one place mention per article. Values come from DuckDB's ``hash`` of the
row number, so the same N gives the same database.

    python -m wirecoder.server.synthetic /tmp/synth.duckdb 1000000
"""
from __future__ import annotations

import sys
import time
from datetime import date as Date
from pathlib import Path

from ..store import open_store
from .sql import type_quads

#: (code, name) of the actors sides are drawn from; the first ones are drawn most often.
ACTORS = (
    ("USA", "United States"), ("RUS", "Russia"), ("CHN", "China"), ("UKR", "Ukraine"), ("ISR", "Israel"),
    ("IRN", "Iran"), ("GBR", "United Kingdom"), ("FRA", "France"), ("DEU", "Germany"), ("TUR", "Turkey"),
    ("IND", "India"), ("PAK", "Pakistan"), ("PRK", "North Korea"), ("KOR", "South Korea"), ("JPN", "Japan"),
    ("SYR", "Syria"), ("SAU", "Saudi Arabia"), ("EGY", "Egypt"), ("NGA", "Nigeria"), ("ETH", "Ethiopia"),
    ("SDN", "Sudan"), ("BRA", "Brazil"), ("MEX", "Mexico"), ("VEN", "Venezuela"), ("COL", "Colombia"),
    ("AFG", "Afghanistan"), ("IRQ", "Iraq"), ("YEM", "Yemen"), ("LBN", "Lebanon"), ("PSE", "Palestine"),
    ("ARM", "Armenia"), ("AZE", "Azerbaijan"), ("SRB", "Serbia"), ("POL", "Poland"), ("BLR", "Belarus"),
    ("MLI", "Mali"), ("BFA", "Burkina Faso"), ("NER", "Niger"), ("SOM", "Somalia"), ("KEN", "Kenya"),
    ("ZAF", "South Africa"), ("PHL", "Philippines"), ("IDN", "Indonesia"), ("MMR", "Myanmar"),
    ("THA", "Thailand"), ("VNM", "Vietnam"), ("AUS", "Australia"), ("CAN", "Canada"), ("ITA", "Italy"),
    ("ESP", "Spain"), ("IGOUNO", "United Nations"), ("IGOEU", "European Union"), ("IGONAT", "NATO"),
    ("IGOAU", "African Union"),
)
SECTORS = ("GOV", "MIL", "GOV", "COP", "REB", "CVL", "BUS", "MED", "OPP", "GOV")
#: (name, ISO3, lat, lon) of event locations.
PLACES = (
    ("Washington", "USA", 38.895, -77.037), ("Moscow", "RUS", 55.752, 37.616), ("Beijing", "CHN", 39.907, 116.397),
    ("Kyiv", "UKR", 50.450, 30.524), ("Jerusalem", "ISR", 31.769, 35.216), ("Tehran", "IRN", 35.694, 51.422),
    ("London", "GBR", 51.507, -0.128), ("Paris", "FRA", 48.853, 2.349), ("Berlin", "DEU", 52.524, 13.411),
    ("Ankara", "TUR", 39.920, 32.854), ("New Delhi", "IND", 28.636, 77.224), ("Islamabad", "PAK", 33.721, 73.043),
    ("Pyongyang", "PRK", 39.034, 125.755), ("Seoul", "KOR", 37.566, 126.978), ("Tokyo", "JPN", 35.690, 139.692),
    ("Damascus", "SYR", 33.510, 36.291), ("Riyadh", "SAU", 24.688, 46.722), ("Cairo", "EGY", 30.063, 31.250),
    ("Abuja", "NGA", 9.058, 7.489), ("Addis Ababa", "ETH", 9.025, 38.747), ("Khartoum", "SDN", 15.552, 32.532),
    ("Brasilia", "BRA", -15.780, -47.929), ("Mexico City", "MEX", 19.428, -99.128), ("Caracas", "VEN", 10.488, -66.879),
    ("Bogota", "COL", 4.610, -74.082), ("Kabul", "AFG", 34.529, 69.172), ("Baghdad", "IRQ", 33.341, 44.401),
    ("Sanaa", "YEM", 15.355, 44.207), ("Beirut", "LBN", 33.889, 35.495), ("Gaza", "PSE", 31.502, 34.467),
    ("Yerevan", "ARM", 40.181, 44.514), ("Baku", "AZE", 40.377, 49.892), ("Belgrade", "SRB", 44.804, 20.465),
    ("Warsaw", "POL", 52.230, 21.011), ("Minsk", "BLR", 53.900, 27.567), ("Bamako", "MLI", 12.650, -8.000),
    ("Ouagadougou", "BFA", 12.365, -1.534), ("Niamey", "NER", 13.514, 2.109), ("Mogadishu", "SOM", 2.037, 45.344),
    ("Nairobi", "KEN", -1.283, 36.817), ("Pretoria", "ZAF", -25.745, 28.188), ("Manila", "PHL", 14.604, 120.982),
    ("Jakarta", "IDN", -6.215, 106.845), ("Naypyidaw", "MMR", 19.745, 96.129), ("Bangkok", "THA", 13.754, 100.501),
    ("Hanoi", "VNM", 21.025, 105.841), ("Canberra", "AUS", -35.281, 149.129), ("Ottawa", "CAN", 45.411, -75.698),
    ("Rome", "ITA", 41.892, 12.511), ("Madrid", "ESP", 40.417, -3.704), ("Brussels", "BEL", 50.850, 4.349),
    ("Geneva", "CHE", 46.202, 6.146),
)
#: A typical Goldstein score per PLOVER type (events of one type vary around it).
GOLDSTEIN = {"AGREE": 4.5, "CONSULT": 1.0, "SUPPORT": 3.4, "CONCEDE": 5.0, "COOPERATE": 6.0, "AID": 7.0,
             "RETREAT": 5.0, "REQUEST": -5.0, "ACCUSE": -2.0, "REJECT": -4.0, "THREATEN": -6.0,
             "PROTEST": -6.5, "SANCTION": -7.0, "MOBILIZE": -7.2, "COERCE": -7.0, "ASSAULT": -10.0}
VERBS = {"AGREE": "agreed with", "CONSULT": "held talks with", "SUPPORT": "praised", "CONCEDE": "eased sanctions on",
         "COOPERATE": "signed a trade deal with", "AID": "sent aid to", "RETREAT": "withdrew troops from",
         "REQUEST": "demanded talks from", "ACCUSE": "accused", "REJECT": "rejected a proposal by",
         "THREATEN": "threatened", "PROTEST": "protested against", "SANCTION": "imposed sanctions on",
         "MOBILIZE": "massed troops near", "COERCE": "arrested officials of", "ASSAULT": "shelled positions of"}


def _root_cameo(plover_type: str) -> str:
    import json
    from importlib.resources import files
    doc = json.loads((files("wirecoder") / "data" / "events" / "ontology.json").read_text("utf-8"))
    return str(doc["types"][plover_type]["cameo"])


def _values(rows: tuple[tuple, ...]) -> str:
    """A VALUES list from this module's constants (never user input)."""
    def lit(v: object) -> str:
        return str(v) if isinstance(v, (int, float)) else "'" + str(v).replace("'", "''") + "'"
    return ", ".join("(" + ", ".join(lit(v) for v in (i, *r)) + ")" for i, r in enumerate(rows))


def generate(path: str | Path, n_events: int, start: Date = Date(2015, 1, 1), days: int = 3650,
             per_article: int = 5) -> dict[str, float]:
    """Create a new synthetic store at ``path`` (must not exist); returns timings in seconds."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} exists: the generator only creates new stores")
    timings: dict[str, float] = {}
    types = tuple(sorted(type_quads()))
    type_rows = tuple((t, GOLDSTEIN[t], VERBS[t], _root_cameo(t)) for t in types)
    n_articles = (n_events + per_article - 1) // per_article
    with open_store(path) as store:
        con = store.con
        t0 = time.perf_counter()
        con.execute(f"CREATE TEMP TABLE syn_actor AS SELECT * FROM "
                    f"(VALUES {_values(ACTORS)}) v(i, code, name)")
        con.execute(f"CREATE TEMP TABLE syn_place AS SELECT * FROM "
                    f"(VALUES {_values(PLACES)}) v(i, name, country, lat, lon)")
        con.execute(f"CREATE TEMP TABLE syn_type AS SELECT * FROM "
                    f"(VALUES {_values(type_rows)}) v(i, type, goldstein, verb, cameo)")
        con.execute(f"CREATE TEMP TABLE syn_sector AS SELECT * FROM "
                    f"(VALUES {_values(tuple((s,) for s in SECTORS))}) v(i, sector)")
        # The article date of each row; events take their article's day.
        con.execute("""
            INSERT INTO articles (pk, id, hash, title, date, url, source, origin, text, pipeline, ingested_at)
            SELECT i + 1, 'syn-' || i, md5('syn-' || i), 'Synthetic article ' || i,
                   CAST(? AS DATE) + CAST(floor(i * ? / ?) AS INTEGER) + CAST(hash(i, 7) % 3 AS INTEGER),
                   'https://example.org/news/' || i, 'Synthetic Wire', 'synthetic',
                   'Synthetic article ' || i || '. Each event keeps its own evidence sentence.',
                   'synthetic', now()::TIMESTAMP
            FROM range(?) r(i)""", [start, days, n_articles, n_articles])
        timings["articles"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        n_act, n_place, n_sec = len(ACTORS), len(PLACES), len(SECTORS)
        # Skewed draws: floor(N * u^2) favours the first actors; target differs from source.
        con.execute(f"""
            CREATE TEMP TABLE syn_ev AS
            SELECT i, i // {per_article} AS art, i % {per_article} AS idx,
                   CAST(floor({n_act} * pow((hash(i, 1) % 1000000) / 1e6, 2)) AS INTEGER) AS s,
                   CAST(floor({n_act} * pow((hash(i, 2) % 1000000) / 1e6, 2)) AS INTEGER) AS t0,
                   CAST(hash(i, 3) % {len(types)} AS INTEGER) AS ty,
                   CAST(hash(i, 4) % {n_place * 5 // 4} AS INTEGER) AS pl,
                   CAST(hash(i, 5) % {n_sec} AS INTEGER) AS ss, CAST(hash(i, 6) % {n_sec} AS INTEGER) AS ts,
                   CAST(hash(i, 8) % 1000 AS INTEGER) AS h,
                   CASE WHEN hash(i, 11) % 10 = 0 THEN CAST(hash(i, 12) % 30 AS INTEGER) ELSE 0 END AS back
            FROM range(?) r(i)""", [n_events])
        con.execute("ALTER TABLE syn_ev ADD COLUMN t INTEGER")
        con.execute(f"UPDATE syn_ev SET t = CASE WHEN t0 = s THEN (s + 1) % {n_act} ELSE t0 END")
        con.execute("""
            INSERT INTO events (pk, article_pk, idx, type, mode, cameo, goldstein, date, date_precision, event_day,
                location_name, location_country, location_lat, location_lon, negated, hypothetical, future,
                historical, evidence_start, evidence_end, evidence_text, confidence)
            SELECT ev.i + 1, ev.art + 1, ev.idx, ty.type, NULL, ty.cameo,
                   ty.goldstein + ((ev.h % 21) - 10) / 10.0, strftime(a.date - ev.back, '%Y-%m-%d'), 'day',
                   a.date - ev.back,
                   pl.name, pl.country, pl.lat, pl.lon, ev.h < 20, ev.h BETWEEN 20 AND 49, ev.h BETWEEN 50 AND 89,
                   false, 0, length(a.text),
                   sa.name || ' ' || ty.verb || ' ' || ta.name || coalesce(' in ' || pl.name, '') || '.',
                   0.5 + (ev.h % 50) / 100.0
            FROM syn_ev ev JOIN articles a ON a.pk = ev.art + 1
            JOIN syn_type ty ON ty.i = ev.ty
            JOIN syn_actor sa ON sa.i = ev.s
            JOIN syn_actor ta ON ta.i = ev.t
            LEFT JOIN syn_place pl ON pl.i = ev.pl""")
        timings["events"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        con.execute("""
            INSERT INTO event_actors (event_pk, side, position, name, code, sector, actor_id)
            SELECT ev.i + 1, 'source', 0, ac.name, ac.code, sec.sector, NULL
            FROM syn_ev ev JOIN syn_actor ac ON ac.i = ev.s JOIN syn_sector sec ON sec.i = ev.ss
            UNION ALL
            SELECT ev.i + 1, 'target', 0, ac.name, ac.code, sec.sector, NULL
            FROM syn_ev ev JOIN syn_actor ac ON ac.i = ev.t JOIN syn_sector sec ON sec.i = ev.ts""")
        timings["event_actors"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        con.execute(f"""
            INSERT INTO quotes (article_pk, idx, char_start, char_end, text, speaker, speaker_code, direct)
            SELECT a.pk, 0, 0, 17, 'We will respond to every provocation.', ac.name || ' spokesperson', ac.code,
                   a.pk % 3 = 0
            FROM articles a JOIN syn_actor ac ON ac.i = CAST(hash(a.pk, 9) % {n_act} AS INTEGER)""")
        con.execute(f"""
            INSERT INTO places (article_pk, idx, char_start, char_end, text, name, country, lat, lon, kind)
            SELECT a.pk, 0, 0, 9, pl.name, pl.name, pl.country, pl.lat, pl.lon, 'city'
            FROM articles a JOIN syn_place pl ON pl.i = CAST(hash(a.pk, 10) % {n_place} AS INTEGER)""")
        # Later ingests into this store must not reuse the generated keys.
        for seq, nxt in (("article_pk_seq", n_articles + 1), ("event_pk_seq", n_events + 1)):
            con.execute(f"DROP SEQUENCE {seq}")
            con.execute(f"CREATE SEQUENCE {seq} START {int(nxt)}")
        con.execute("DROP TABLE syn_ev")
        con.execute("CHECKPOINT")
        timings["quotes_places_checkpoint"] = time.perf_counter() - t0
    return timings


def main(argv: list[str] | None = None) -> int:  # pragma: no cover - a thin command line
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        sys.stderr.write("usage: python -m wirecoder.server.synthetic DB.duckdb N_EVENTS\n")
        return 2
    timings = generate(args[0], int(float(args[1])))
    sys.stderr.write(" ".join(f"{k}={v:.1f}s" for k, v in timings.items()) + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
