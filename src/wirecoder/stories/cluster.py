"""Incremental story clustering: each new article joins the most similar open story or opens one.

An article is a TF-IDF vector over its content words, names, actors,
places and event types (see :mod:`.text`), weighted with an *online* IDF
(document frequencies counted as articles arrive). A story is the sum of
its members' unit vectors (a centroid, pruned to its strongest terms).
Candidates come from an inverted index term -> stories, scanned newest
first and capped, so each article costs about the same whatever the size
of the index: the whole run stays near-linear, never all-pairs.

Time matters: two reports of the same development are days apart, two
earthquakes of the same kind months or years apart. Stories whose dated
members lie further than ``max_gap_days`` from a dated article are never
candidates; closer ones lose a little similarity with each day of gap.

Near-duplicates (syndicated copies) are found first and take their
original's story without touching the statistics, so a wire story copied a
hundred times does not outweigh a report written once.
"""
from __future__ import annotations

import dataclasses
import gzip
import heapq
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

from ..records import Analysis
from .dedup import DuplicateIndex, DuplicateMatch
from .text import article_date, latest_year, weighted_terms

STATE_VERSION = 1


@dataclass(frozen=True, slots=True)
class StoryParams:
    """Knobs of the clustering; defaults tuned on ECB+ (dev) and kept round."""

    threshold: float = 0.16  # least similarity (after time decay) to join a story
    window_days: float = 7.0  # a gap of this many days halves the similarity
    max_gap_days: float = 30.0  # dated stories further than this are never joined
    # An undated article against a dated story (or a dated one against an undated story): no time
    # evidence for "same development", so the text must carry more of it.
    # (ECB+: an undated report naming no year joins a dated story only at 2.5x the usual similarity.)
    undated_factor: float = 0.4
    both_undated_factor: float = 1.0  # neither side dated: nothing to tell them apart by time
    # Undated text whose latest named year lies this many years before a dated story is not about
    # it (and a dated article this long after everything an undated story names); None: off.
    era_years: int | None = 3
    era_factor: float = 0.9  # undated text whose latest named year matches the dated side's year
    doc_terms: int = 60  # strongest terms kept per article
    story_terms: int = 200  # strongest terms kept per story centroid
    query_terms: int = 15  # an article's terms used to retrieve candidates
    postings_scan: int = 400  # newest stories scanned per term
    dedup: bool = True


@dataclass(slots=True)
class _Story:
    id: str
    centroid: dict[str, float]
    norm: float
    size: int
    first: Date | None = None
    last: Date | None = None
    era: int | None = None  # latest year named by its undated members
    indexed: set[str] = field(default_factory=set)


class StoryIndex:
    """State of an incremental clustering run; ``save``/``load`` let a later run continue.

    The state is one JSON document (gzip-compressed when the path ends in
    ``.gz``): the parameters, the document frequencies, each story's
    centroid and dates, the article -> story map and the near-duplicate
    signatures. Loading rebuilds the inverted index and the LSH buckets.
    """

    def __init__(self, params: StoryParams | None = None) -> None:
        self.params = params or StoryParams()
        self._df: dict[str, int] = {}
        self._docs = 0
        self._stories: list[_Story] = []
        self._postings: dict[str, list[int]] = {}
        self._story_of: dict[str, str] = {}
        self._dups = DuplicateIndex()
        self._matches: dict[str, DuplicateMatch] = {}
        self._primed: set[str] = set()

    # ------------------------------------------------------------------ queries
    def __len__(self) -> int:
        """Number of stories opened so far."""
        return len(self._stories)

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    def duplicate_of(self, article_id: str) -> str | None:
        """The original article a copy was taken from (None for an original or an unseen id)."""
        return self._dups.duplicate_of(article_id)

    def duplicate_match(self, article_id: str) -> DuplicateMatch | None:
        return self._matches.get(article_id)

    def duplicates(self) -> dict[str, str]:
        """Every copy seen so far -> its original."""
        return {aid: m.duplicate_of for aid, m in self._matches.items()}

    # ------------------------------------------------------------------ assignment
    def prime(self, analyses: Iterable[Analysis]) -> None:
        """Count document frequencies of a batch before assigning it (a fresh index's IDF is weak).

        The primed articles are not counted again when they are assigned.
        """
        for a in analyses:
            if a.article.id in self._primed or a.article.id in self._story_of:
                continue
            self._primed.add(a.article.id)
            self._count(weighted_terms(a))

    def _count(self, raw: dict[str, float]) -> None:
        self._docs += 1
        df = self._df
        for t in raw:
            df[t] = df.get(t, 0) + 1

    def assign(self, analysis: Analysis) -> Analysis:
        """Place one article in a story; returns the Analysis with ``story`` set."""
        aid = analysis.article.id
        if aid in self._story_of:
            return dataclasses.replace(analysis, story=self._story_of[aid])
        if self.params.dedup:
            match = self._dups.add(aid, analysis.article.text)
            if match is not None and match.duplicate_of in self._story_of:
                self._matches[aid] = match
                sid = self._story_of[match.duplicate_of]
                self._story_of[aid] = sid
                return dataclasses.replace(analysis, story=sid)
        raw = weighted_terms(analysis)
        if aid in self._primed:
            self._primed.discard(aid)
        else:
            self._count(raw)
        vec = self._vector(raw)
        day = article_date(analysis)
        era = latest_year(analysis) if day is None else None
        story = self._best_story(vec, day, era)
        if story is None:
            story = _Story(id=f"s{len(self._stories) + 1}", centroid={}, norm=0.0, size=0)
            self._stories.append(story)
        self._join(self._index_of(story), vec, day, era)
        self._story_of[aid] = story.id
        return dataclasses.replace(analysis, story=story.id)

    @staticmethod
    def _index_of(story: _Story) -> int:
        return int(story.id[1:]) - 1  # ids are "s1", "s2", ... in order of creation

    def _vector(self, raw: dict[str, float]) -> dict[str, float]:
        """TF-IDF weights with the online document frequencies (this article already counted)."""
        df, n = self._df, self._docs
        w = {t: (1.0 + math.log(x)) * (math.log((n + 1) / (df[t] + 1)) + 1.0) for t, x in raw.items() if x > 0}
        if len(w) > self.params.doc_terms:
            w = dict(heapq.nlargest(self.params.doc_terms, w.items(), key=lambda kv: kv[1]))
        norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
        return {t: v / norm for t, v in w.items()}

    def _candidates(self, vec: dict[str, float]) -> set[int]:
        p = self.params
        cands: set[int] = set()
        for t, _ in heapq.nlargest(p.query_terms, vec.items(), key=lambda kv: kv[1]):
            posting = self._postings.get(t)
            if posting:
                cands.update(posting[-p.postings_scan:])
        return cands

    def _time_factor(self, s: _Story, day: Date | None, era: int | None) -> float:
        """Similarity multiplier for time: decays with the day gap, 0 past max_gap_days.

        Undated material gives only weak evidence: the latest year its text
        names (its *era*; a report is rarely written long after the latest
        year it mentions, and never before it). Against dated material:

        * no era: ``undated_factor`` (the text alone must show it is the same development);
        * the era lies more than ``era_years`` from the dated span: 0 (another development);
        * the era falls in the dated span's years (give or take one): ``era_factor``;
        * else ``undated_factor``.
        """
        p = self.params
        if day is None and s.first is None:
            return p.both_undated_factor
        if day is None or s.first is None or s.last is None:
            if day is None:  # undated article, dated story
                year, lo, hi = era, s.first.year, s.last.year
            else:  # dated article, undated story: the story's era
                year, lo, hi = s.era, day.year, day.year
            if year is None or p.era_years is None:
                return p.undated_factor
            if year < lo - p.era_years or year > hi + p.era_years:
                return 0.0
            if lo - 1 <= year <= hi + 1:
                return p.era_factor
            return p.undated_factor
        gap = max(0, (s.first - day).days, (day - s.last).days)
        if gap > p.max_gap_days:
            return 0.0
        return 1.0 / (1.0 + gap / p.window_days)

    def _best_story(self, vec: dict[str, float], day: Date | None, era: int | None) -> _Story | None:
        best, best_score = None, self.params.threshold
        for i in self._candidates(vec):
            s = self._stories[i]
            tf = self._time_factor(s, day, era)
            if tf <= 0.0 or s.norm == 0.0:
                continue
            c = s.centroid
            score = tf * sum(v * c.get(t, 0.0) for t, v in vec.items()) / s.norm
            if score >= best_score:
                best, best_score = s, score
        return best

    def _join(self, i: int, vec: dict[str, float], day: Date | None, era: int | None) -> None:
        s = self._stories[i]
        c = s.centroid
        for t, v in vec.items():
            c[t] = c.get(t, 0.0) + v
        cap = self.params.story_terms
        if len(c) > cap + cap // 2:  # prune lazily: amortised O(log cap) per term
            s.centroid = c = dict(heapq.nlargest(cap, c.items(), key=lambda kv: kv[1]))
        s.norm = math.sqrt(sum(v * v for v in c.values()))
        s.size += 1
        if era is not None:
            s.era = era if s.era is None else max(s.era, era)
        if day is not None:
            s.first = day if s.first is None or day < s.first else s.first
            s.last = day if s.last is None or day > s.last else s.last
        for t in vec:
            if t in c and t not in s.indexed:
                s.indexed.add(t)
                self._postings.setdefault(t, []).append(i)

    # ------------------------------------------------------------------ persistence
    def to_state(self) -> dict:
        return {
            "version": STATE_VERSION,
            "params": dataclasses.asdict(self.params),
            "docs": self._docs,
            "df": self._df,
            "stories": [[s.id, s.centroid, s.size, s.first.isoformat() if s.first else None,
                         s.last.isoformat() if s.last else None, s.era, sorted(s.indexed)] for s in self._stories],
            "story_of": self._story_of,
            "matches": [[m.article_id, m.duplicate_of, m.jaccard, m.containment] for m in self._matches.values()],
            "dedup": self._dups.to_state(),
        }

    @classmethod
    def from_state(cls, state: dict) -> StoryIndex:
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"story index state version {state.get('version')!r} is not {STATE_VERSION}")
        idx = cls(StoryParams(**state["params"]))
        idx._docs, idx._df = int(state["docs"]), {k: int(v) for k, v in state["df"].items()}
        for i, (sid, centroid, size, first, last, era, indexed) in enumerate(state["stories"]):
            s = _Story(id=sid, centroid={k: float(v) for k, v in centroid.items()}, norm=0.0, size=int(size),
                       first=Date.fromisoformat(first) if first else None,
                       last=Date.fromisoformat(last) if last else None, era=era, indexed=set(indexed))
            s.norm = math.sqrt(sum(v * v for v in s.centroid.values()))
            idx._stories.append(s)
            for t in indexed:
                idx._postings.setdefault(t, []).append(i)
        idx._story_of = dict(state["story_of"])
        idx._matches = {a: DuplicateMatch(a, o, float(j), float(c)) for a, o, j, c in state["matches"]}
        idx._dups = DuplicateIndex.from_state(state["dedup"])
        return idx

    def save(self, path: str | Path) -> None:
        """Write the state as JSON (gzip when the name ends in .gz)."""
        path = Path(path)
        data = json.dumps(self.to_state(), separators=(",", ":")).encode("utf-8")
        path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)

    @classmethod
    def load(cls, path: str | Path) -> StoryIndex:
        path = Path(path)
        raw = path.read_bytes()
        return cls.from_state(json.loads(gzip.decompress(raw) if path.suffix == ".gz" else raw))


def assign_stories(analyses: Iterable[Analysis], index: StoryIndex | None = None, *,
                   prime: bool = False) -> Iterator[Analysis]:
    """Stream analyses through a StoryIndex (a fresh one unless given); yields them with ``story`` set.

    ``prime=True`` reads the whole batch first to count document frequencies
    (better IDF for a fresh index; holds the batch in memory).
    """
    index = index if index is not None else StoryIndex()
    if prime:
        analyses = list(analyses)
        index.prime(analyses)
    for a in analyses:
        yield index.assign(a)
