"""Stage 5: hybrid, province-aware retrieval.

Dense scores (FAISS inner product on e5 vectors of chunks, and the best of each
chunk's sentence vectors) and keyword scores (BM25 over rjieba words) are fused;
questions that name provinces or cities are restricted to those provinces.
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
    dense: float  # cosine similarity of the chunk to the question
    sentence: float  # cosine similarity of the chunk's best sentence
    keyword: float  # BM25 score
    coverage: float  # IDF-weighted share of the question's key words found in the chunk


@dataclass
class Scores:
    """Every chunk's scores for one question; ranking for any province reuses them."""

    question: Question
    dense: np.ndarray
    sentence_sims: np.ndarray  # one per sentence of the index
    sentence_best: np.ndarray  # per chunk, the best of its sentences
    keyword: np.ndarray
    coverage: np.ndarray
    fused: np.ndarray


class Retriever:
    def __init__(self, index: LoadedIndex, settings: Settings):
        self.index = index
        self.settings = settings
        self.chunks = index.chunks
        self.words = [frozenset(tokenize(f"{c.title}\n{c.text}")) for c in self.chunks]
        self.df = Counter(w for ws in self.words for w in ws)
        by_province: dict[str, list[int]] = {}
        for i, c in enumerate(self.chunks):
            by_province.setdefault(c.province, []).append(i)
        self.by_province = {p: np.asarray(ids) for p, ids in by_province.items()}
        self.is_front = np.array([c.province == FRONT_PROVINCE for c in self.chunks], dtype=bool)
        starts = {(sec.doc, sec.start) for sec in index.sections}
        # chunks whose first line is a section heading
        self.opens_section = {i for i, c in enumerate(self.chunks) if (c.doc, c.start) in starts}
        counts = np.array([len(sp) for sp in index.sentence_spans], dtype=np.int64)
        self.sentence_offsets = np.concatenate([[0], np.cumsum(counts)])
        # per sentence row: its chunk and its words, for "which provinces" questions
        self.sentence_chunk = np.repeat(np.arange(len(self.chunks)), counts)
        self.sentence_words = [frozenset(tokenize(c.text[a:b])) for c, sp in zip(self.chunks, index.sentence_spans) for a, b in sp]
        # reduceat needs a valid start for every chunk, even one with no sentence
        self._has_sentences = counts > 0
        self._reduce_starts = np.minimum(self.sentence_offsets[:-1], max(len(index.sentence_vectors) - 1, 0))

    # ------------------------------------------------------------ scoring
    def idf(self, term: str) -> float:
        n = len(self.chunks)
        df = self.df.get(term, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def coverage(self, terms, words) -> float:
        total = sum(self.idf(t) for t in terms)
        if total == 0:
            return 0.0
        return sum(self.idf(t) for t in terms if t in words) / total

    def score(self, q: Question, qvec: np.ndarray) -> Scores:
        n = len(self.chunks)
        qvec = np.asarray(qvec, dtype=np.float32).reshape(1, -1)
        sims, ids = self.index.vectors.search(qvec, n)
        dense = np.full(n, -1.0, dtype=np.float32)
        valid = ids[0] >= 0
        dense[ids[0][valid]] = sims[0][valid]
        sentence_sims = self.index.sentence_vectors @ qvec[0] if len(self.index.sentence_vectors) else np.zeros(0, np.float32)
        if len(sentence_sims):
            best = np.maximum.reduceat(sentence_sims, self._reduce_starts)
            sentence_best = np.where(self._has_sentences, best, dense)
        else:
            sentence_best = dense.copy()
        keyword = self.index.keywords.scores(q.topic)
        coverage = np.array([self.coverage(q.terms, w) for w in self.words], dtype=np.float32)
        # when no passage holds most of the question's words (a paraphrase), the
        # keyword ranking is noise: trust it only as far as the best coverage goes
        trust = float(coverage.max(initial=0.0)) if self.settings.adaptive_keywords else 1.0
        fused = self.fuse((1 - self.settings.sentence_weight) * dense + self.settings.sentence_weight * sentence_best, keyword, trust)
        # key-word coverage breaks ties among passages of similar similarity
        fused = fused + self.settings.coverage_weight * coverage * float(fused.max(initial=0.0))
        # the editor's summary sounds like every question; a report says it first-hand
        fused = np.where(self.is_front, fused * self.settings.front_weight, fused)
        return Scores(q, dense, sentence_sims, sentence_best, keyword, coverage, fused)

    def fuse(self, dense: np.ndarray, keyword: np.ndarray, trust: float = 1.0) -> np.ndarray:
        s = self.settings
        if s.fusion == "rrf":
            rd = np.empty(len(dense))
            rd[np.argsort(-dense, kind="stable")] = np.arange(len(dense))
            rk = np.empty(len(keyword))
            rk[np.argsort(-keyword, kind="stable")] = np.arange(len(keyword))
            keyword_part = np.where(keyword > 0, trust * s.keyword_weight / (s.rrf_k + rk), 0.0)
            return (s.dense_weight / (s.rrf_k + rd) + keyword_part).astype(np.float32)

        def scale(x: np.ndarray) -> np.ndarray:
            lo, hi = float(x.min()), float(x.max())
            return (x - lo) / (hi - lo) if hi > lo else np.zeros_like(x)

        return (s.dense_weight * scale(dense) + trust * s.keyword_weight * scale(keyword)).astype(np.float32)

    def rank(self, scores: Scores, provinces: tuple[str, ...] = (), k: int = 5, exclude: set[int] | None = None, strict: bool = False) -> list[Hit]:
        """The k best chunks of these provinces (all when none). Unless `strict`, the
        editor's summary counts where it names one of them."""
        mask = self.province_mask(provinces, strict)
        if exclude:
            mask[list(exclude)] = False
        candidates = np.flatnonzero(mask)
        order = candidates[np.argsort(-scores.fused[candidates], kind="stable")][: max(k, 0)]
        return [self.hit(scores, int(i)) for i in order]

    def opening(self, province: str) -> int | None:
        """The chunk that opens the province's first report: the meeting's who, when and what."""
        for i in sorted(self.opens_section):
            c = self.chunks[i]
            if c.province == province and c.kind == "report":
                return i
        return None

    def sentence_score(self, scores: Scores, row: int) -> tuple[float, float]:
        """(score, key-word coverage) of sentence `row`: its similarity to the
        question plus a share for the question's key words."""
        cov = self.coverage(scores.question.terms, self.sentence_words[row])
        return float(scores.sentence_sims[row]) + self.settings.quote_coverage_weight * cov, cov

    def best_sentences_by_province(self, scores: Scores) -> dict[str, tuple[float, float, int]]:
        """For each province (not the editor's summary): its best sentence's
        (score, key-word coverage, chunk id)."""
        best: dict[str, tuple[float, float, int]] = {}
        for row in range(len(scores.sentence_sims)):
            chunk = self.chunks[self.sentence_chunk[row]]
            if chunk.province == FRONT_PROVINCE:
                continue
            z, cov = self.sentence_score(scores, row)
            if chunk.province not in best or z > best[chunk.province][0]:
                best[chunk.province] = (z, cov, int(self.sentence_chunk[row]))
        return best

    def hit(self, scores: Scores, i: int) -> Hit:
        return Hit(
            self.chunks[i],
            float(scores.fused[i]),
            float(scores.dense[i]),
            float(scores.sentence_best[i]),
            float(scores.keyword[i]),
            float(scores.coverage[i]),
        )

    def province_mask(self, provinces: tuple[str, ...], strict: bool = False) -> np.ndarray:
        n = len(self.chunks)
        if not provinces:
            return np.ones(n, dtype=bool)
        mask = np.zeros(n, dtype=bool)
        for p in provinces:
            ids = self.by_province.get(p)
            if ids is not None:
                mask[ids] = True
        if strict:
            return mask
        # the editor's summary speaks of every province: keep the parts that name one asked about
        for i in self.by_province.get(FRONT_PROVINCE, []):
            if any(p in self.chunks[i].text for p in provinces):
                mask[i] = True
        return mask
