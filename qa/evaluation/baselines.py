"""Retrieval-only baselines, run on the same questions in the same process as the system.

* dense      FAISS alone over the index's own chunk vectors, top-k chunks
* bm25       the index's BM25 alone, queried with the question's words
* langchain  the LangChain tutorial pipeline (qa.langchain_baseline) on the raw files;
             its chunks are placed in the cleaned document to tell their province
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from ..config import PROJECT_ROOT, Paths
from ..embedding import EmbeddingCache, Encoder
from ..index_store import IndexData
from ..keyword_index import tokenize
from ..langchain_baseline import LangChainPipeline, Source
from ..schema import Chunk, Section
from ..vector_index import search
from .metrics import Passage, squash

NAMES = ("dense", "bm25", "langchain")
LABELS = {"system": "full system", "dense": "dense only", "bm25": "BM25 only", "langchain": "LangChain default"}


def chunk_passage(c: Chunk, score: float) -> Passage:
    return Passage(c.text, c.province, c.section, c.doc, c.start, c.end, score=score)


class DenseBaseline:
    def __init__(self, index: IndexData):
        self.index = index

    def rank(self, qvec: np.ndarray, k: int) -> list[Passage]:
        ids, sims = search(self.index.chunk_search, qvec, k)
        return [chunk_passage(self.index.chunks[i], float(s)) for i, s in zip(ids, sims)]


class BM25Baseline:
    def __init__(self, index: IndexData):
        self.index = index

    def rank(self, question: str, k: int) -> list[Passage]:
        scores = self.index.keywords.scores(tokenize(question))
        order = np.argsort(-scores, kind="stable")[:k]
        return [chunk_passage(self.index.chunks[i], float(scores[i])) for i in order if scores[i] > 0]


class Locator:
    """Finds where a raw-text chunk lies in the cleaned document (white space ignored)."""

    def __init__(self, cleaned: str):
        self.pos = [i for i, ch in enumerate(cleaned) if not ch.isspace()]
        self.flat = "".join(cleaned[i] for i in self.pos)
        self.hint = 0

    def find(self, raw_chunk: str) -> int | None:
        s = squash(raw_chunk)
        probe_len = 24
        for off in range(0, max(1, len(s) - probe_len + 1), 16):
            probe = s[off : off + probe_len]
            i = self.flat.find(probe, self.hint)
            if i < 0:
                i = self.flat.find(probe)
            if i >= 0:
                i = max(0, i - off)
                self.hint = i
                return self.pos[min(i, len(self.pos) - 1)]
        return None


def section_at(sections: Sequence[Section], doc: str, offset: int) -> Section | None:
    best = None
    for s in sections:
        if s.doc == doc and s.start <= offset and (best is None or s.start >= best.start):
            best = s
    return best


def source_path(path: str) -> Path:
    """A document's source file; a relative path may be relative to the project."""
    p = Path(path)
    if not p.exists() and not p.is_absolute() and (PROJECT_ROOT / p).exists():
        return PROJECT_ROOT / p
    return p


def index_sources(index: IndexData) -> tuple[list[Source], list[str]]:
    """The raw text of each indexed document's file; the cleaned text (with a note)
    when the file is gone or unreadable."""
    from ..documents import DocumentError, read_raw

    sources, notes = [], []
    for d in index.documents:
        try:
            sources.append(Source(d.name, read_raw(source_path(d.path))[0]))
        except (DocumentError, OSError) as exc:
            notes.append(f"{d.name}: source file not readable ({getattr(exc, 'reason', exc)}); the LangChain baseline split its cleaned text")
            sources.append(Source(d.name, d.text))
    return sources, notes


@dataclass
class LangChainBaseline:
    pipeline: LangChainPipeline
    passages: list[Passage]
    notes: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, index: IndexData, encoder: Encoder, paths: Paths) -> LangChainBaseline:
        sources, notes = index_sources(index)
        pipeline = LangChainPipeline.build(sources, encoder, EmbeddingCache(paths.embedding_cache_dir, index.build.model))
        cleaned = {d.name: d.text for d in index.documents}
        locators = {name: Locator(text) for name, text in cleaned.items()}
        passages = []
        for piece in pipeline.pieces:
            at = locators[piece.doc].find(piece.text)
            sec = section_at(index.sections, piece.doc, at) if at is not None else None
            passages.append(Passage(piece.text, sec.province if sec else "?", sec.label if sec else "?", piece.doc))
        return cls(pipeline, passages, notes)

    def rank(self, qvec: np.ndarray, k: int) -> list[Passage]:
        return [replace(self.passages[i], score=s) for i, s in self.pipeline.search(qvec, k)]
