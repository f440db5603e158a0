"""Stage 5: hybrid, province-aware retrieval.

Dense (FAISS inner product on e5 vectors) and keyword (BM25 over rjieba words)
scores are fused; questions that name provinces or cities are restricted to
those provinces' sections.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .config import Settings
from .index_store import LoadedIndex
from .keyword_index import tokenize
from .question import Question
from .schema import FRONT_PROVINCE, Chunk


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float  # fused; comparable within one question only
    dense: float  # cosine similarity to the question
    keyword: float  # BM25 score
    coverage: float  # IDF-weighted share of the question's key words found in the chunk


class Retriever:
    def __init__(self, index: LoadedIndex, settings: Settings):
        self.index = index
        self.settings = settings
        self.chunks = index.chunks
        self.words = [frozenset(tokenize(f"{c.title}\n{c.text}")) for c in self.chunks]
        self.df = Counter(w for ws in self.words for w in ws)
        self.by_province: dict[str, np.ndarray] = {}
        for i, c in enumerate(self.chunks):
            self.by_province.setdefault(c.province, []).append(i)  # type: ignore[arg-type]
        self.by_province = {p: np.asarray(ids) for p, ids in self.by_province.items()}

    # ------------------------------------------------------------ scoring
    def idf(self, term: str) -> float:
        n = len(self.chunks)
        return math.log(1 + (n - self.df.get(term, 0) + 0.5) / (self.df.get(term, 0) + 0.5))

    def coverage(self, terms, words: frozenset | set) -> float:
        total = sum(self.idf(t) for t in terms)
        if total == 0:
            return 0.0
        return sum(self.idf(t) for t in terms if t in words) / total

    def dense_scores(self, qvec: np.ndarray) -> np.ndarray:
        n = self.index.vectors.ntotal
        sims, ids = self.index.vectors.search(qvec.reshape(1, -1).astype(np.float32), n)
        out = np.full(n, -1.0, dtype=np.float32)
        valid = ids[0] >= 0
        out[ids[0][valid]] = sims[0][valid]
        return out

    def fuse(self, dense: np.ndarray, keyword: np.ndarray) -> np.ndarray:
        s = self.settings
        if s.fusion == "rrf":
            rd = np.empty_like(dense)
            rd[np.argsort(-dense)] = np.arange(len(dense))
            rk = np.empty_like(keyword)
            rk[np.argsort(-keyword)] = np.arange(len(keyword))
            fused = s.dense_weight / (s.rrf_k + rd) + s.keyword_weight / (s.rrf_k + rk)
            return np.where(keyword > 0, fused, s.dense_weight / (s.rrf_k + rd))
        # weighted sum of scores scaled to [0, 1] over this question's candidates
        def scale(x: np.ndarray) -> np.ndarray:
            lo, hi = float(x.min()), float(x.max())
            return (x - lo) / (hi - lo) if hi > lo else np.zeros_like(x)

        return s.dense_weight * scale(dense) + s.keyword_weight * scale(keyword)

    def search(self, q: Question, qvec: np.ndarray, provinces: tuple[str, ...] = (), k: int = 5) -> list[Hit]:
        dense = self.dense_scores(qvec)
        keyword = self.index.keywords.scores(q.topic)
        mask = self.province_mask(provinces)
        candidates = np.flatnonzero(mask)
        if len(candidates) == 0:
            return []
        fused = self.fuse(dense[candidates], keyword[candidates])
        terms = q.terms
        cov = np.array([self.coverage(terms, self.words[i]) for i in candidates], dtype=np.float32)
        # key-word coverage breaks ties among passages of similar similarity
        fused = fused + self.settings.coverage_weight * cov * float(fused.max() if fused.size else 0)
        order = np.argsort(-fused, kind="stable")[: max(k, 1)]
        return [
            Hit(self.chunks[candidates[j]], float(fused[j]), float(dense[candidates[j]]), float(keyword[candidates[j]]), float(cov[j]))
            for j in order
        ]

    def province_mask(self, provinces: tuple[str, ...]) -> np.ndarray:
        n = len(self.chunks)
        if not provinces:
            return np.ones(n, dtype=bool)
        mask = np.zeros(n, dtype=bool)
        for p in provinces:
            ids = self.by_province.get(p)
            if ids is not None:
                mask[ids] = True
        # the editor's summary speaks of every province: keep the parts that name one asked about
        for i in self.by_province.get(FRONT_PROVINCE, []):
            if any(p in self.chunks[i].text for p in provinces):
                mask[i] = True
        return mask
