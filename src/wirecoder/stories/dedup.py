"""Near-duplicate articles: syndicated and lightly edited copies (MinHash/LSH over word shingles).

A copy that was re-headlined, trimmed, had a sentence reworded or a
paragraph added still shares most of its 4-word shingles with the original.
MinHash signatures estimate the Jaccard similarity J of two shingle sets;
a banded LSH index finds the candidates without comparing all pairs.
Since |A & B| = J (|A| + |B|) / (1 + J), the signature and the set sizes
also give the *containment* of the shorter text in the longer one, which is
what a trimmed copy keeps high while its Jaccard falls.
"""
from __future__ import annotations

import base64
import zlib
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash

from .text import shingles

NUM_PERM = 64
SCHEME = "affine32"  # datasketch's 32-bit hashing: signatures rebuild exactly from saved values
SHINGLE = 4
# LSH bands x rows over the 64 values: a pair with Jaccard J collides in some band with
# probability 1 - (1 - J^2)^32: 0.73 at J = 0.2, 0.95 at 0.3, 0.99+ from 0.4, 1.3 % at 0.02.
LSH_BANDS, LSH_ROWS = 32, 2
# Verified with the signatures: much shared text, or less when the shorter
# text lies mostly inside the longer one (a trimmed copy). Independently
# written reports of one event share almost no 4-word runs (J < 0.1).
MIN_JACCARD = 0.3
MIN_JACCARD_CONTAINED = 0.2
MIN_CONTAINMENT = 0.7
MIN_SHINGLES = 12  # texts shorter than this (a headline, a caption) are never called copies


class _Bands:
    """LSH buckets, lean: one dict from a band's integer key to an article number (or a list of them).

    datasketch's MinHashLSH keeps a bytes key and a set per bucket and a
    list of keys per article (about 12 KB per article at 32 bands); this
    keeps one int -> int entry per band (about 3 KB), which matters at
    millions of articles. A rare key clash only adds a candidate, which is verified anyway.
    """

    __slots__ = ("_buckets",)

    def __init__(self) -> None:
        self._buckets: dict[int, int | list[int]] = {}

    @staticmethod
    def keys(sig: np.ndarray) -> list[int]:
        v = sig.astype(np.uint64).reshape(LSH_BANDS, LSH_ROWS)
        band = np.arange(LSH_BANDS, dtype=np.uint64) << np.uint64(58)  # 6 bits tell the bands apart
        return ((v[:, 0] << np.uint64(26)) ^ v[:, 1] ^ band).tolist()

    def query(self, sig: np.ndarray) -> set[int]:
        out: set[int] = set()
        get = self._buckets.get
        for k in self.keys(sig):
            b = get(k)
            if b is None:
                continue
            if isinstance(b, int):
                out.add(b)
            else:
                out.update(b)
        return out

    def insert(self, sig: np.ndarray, n: int) -> None:
        buckets = self._buckets
        for k in self.keys(sig):
            b = buckets.get(k)
            if b is None:
                buckets[k] = n
            elif isinstance(b, int):
                buckets[k] = [b, n]
            else:
                b.append(n)


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    """Why an article was taken as a copy of an earlier one."""

    article_id: str
    duplicate_of: str  # the first-seen article of its group (the original)
    jaccard: float
    containment: float


def signature(text: str) -> tuple[np.ndarray, int]:
    """MinHash values (uint32) of a text's shingles and the number of shingles."""
    sh = shingles(text, SHINGLE)
    m = _minhash()
    if sh:
        m.update_batch(list(sh))
    return np.asarray(m.hashvalues, dtype=np.uint32), len(sh)


@cache
def _permutations() -> np.ndarray:
    """The seeded permutation parameters, computed once (datasketch redraws them per MinHash)."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def _minhash(sig: np.ndarray | None = None) -> MinHash:
    # crc32 is a stable 32-bit hash (saved signatures stay valid across runs) and far cheaper than
    # datasketch's default SHA-1; the random affine permutations do the mixing.
    return MinHash(num_perm=NUM_PERM, hashvalues=sig, scheme=SCHEME, permutations=_permutations(),
                   hashfunc=zlib.crc32)


def estimate(sig_a: np.ndarray, n_a: int, sig_b: np.ndarray, n_b: int) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set in the larger) estimated from two signatures."""
    j = float(np.mean(sig_a == sig_b))
    small = min(n_a, n_b)
    if small == 0:
        return j, 0.0
    inter = j * (n_a + n_b) / (1.0 + j)
    return j, min(1.0, inter / small)


class DuplicateIndex:
    """Incremental near-duplicate finder. ``add`` each article once, in arrival order."""

    def __init__(self) -> None:
        self._lsh = _Bands()
        self._ids: list[str] = []  # article number -> id
        self._sig: dict[str, np.ndarray] = {}
        self._size: dict[str, int] = {}
        self._root: dict[str, str] = {}  # copy id -> original id

    def __len__(self) -> int:
        return len(self._sig)

    def duplicate_of(self, article_id: str) -> str | None:
        return self._root.get(article_id)

    def add(self, article_id: str, text: str) -> DuplicateMatch | None:
        """Index a text; return the match when it copies an article seen before."""
        if article_id in self._sig:
            root = self._root.get(article_id)
            return DuplicateMatch(article_id, root, 1.0, 1.0) if root else None
        sig, n = signature(text)
        return self._insert(article_id, sig, n)

    def _insert(self, article_id: str, sig: np.ndarray, n: int) -> DuplicateMatch | None:
        best: DuplicateMatch | None = None
        if n >= MIN_SHINGLES:
            for num in self._lsh.query(sig):
                cand = self._ids[num]
                j, c = estimate(sig, n, self._sig[cand], self._size[cand])
                if (j >= MIN_JACCARD or (j >= MIN_JACCARD_CONTAINED and c >= MIN_CONTAINMENT)) \
                        and (best is None or j > best.jaccard):
                    best = DuplicateMatch(article_id, self._root.get(cand, cand), j, c)
            self._lsh.insert(sig, len(self._ids))
        self._ids.append(article_id)
        self._sig[article_id] = sig
        self._size[article_id] = n
        if best is not None:
            self._root[article_id] = best.duplicate_of
        return best

    # ---- persistence: signatures travel as base64; the LSH buckets are rebuilt on load
    def to_state(self) -> dict:
        return {"num_perm": NUM_PERM, "shingle": SHINGLE, "scheme": SCHEME,
                "articles": [[aid, base64.b64encode(sig.tobytes()).decode("ascii"), self._size[aid],
                              self._root.get(aid)] for aid, sig in self._sig.items()]}

    @classmethod
    def from_state(cls, state: dict) -> DuplicateIndex:
        if (state.get("num_perm"), state.get("shingle"), state.get("scheme")) != (NUM_PERM, SHINGLE, SCHEME):
            raise ValueError("duplicate index was saved with other MinHash settings")
        idx = cls()
        for aid, b64, n, root in state["articles"]:
            sig = np.frombuffer(base64.b64decode(b64), dtype=np.uint32).copy()
            idx._sig[aid], idx._size[aid] = sig, int(n)
            if root:
                idx._root[aid] = root
            if n >= MIN_SHINGLES:
                idx._lsh.insert(sig, len(idx._ids))
            idx._ids.append(aid)
        return idx
