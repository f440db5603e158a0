"""The LangChain tutorial pipeline, the baseline that `qa eval` and `qa bench` compare with.

RecursiveCharacterTextSplitter(1000, 200) on each file's raw text, one vector per
chunk from the same encoder (no title context), a flat inner-product FAISS index,
the top-k chunks for a question. No sections, no keywords, no quotes.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .embedding import EmbeddingCache, Encoder, embed_texts

# LangChain tutorials' settings of RecursiveCharacterTextSplitter
CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200

Progress = Callable[[str, int, int], None]


def split(text: str) -> list[str]:
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    return RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP).split_text(text)


@dataclass(frozen=True)
class Source:
    name: str  # the file name, as the index names its documents
    text: str  # the text the pipeline splits: the file's raw text


@dataclass(frozen=True)
class Piece:
    doc: str
    text: str


@dataclass(frozen=True)
class BuildTimes:
    split_s: float
    embed_s: float
    index_s: float
    encoded: int  # chunks that were not in the embedding cache

    @property
    def seconds(self) -> float:
        return self.split_s + self.embed_s + self.index_s


def read_sources(files: Sequence[Path]) -> list[Source]:
    from .documents import read_raw

    return [Source(Path(f).name, read_raw(Path(f))[0]) for f in files]


class LangChainPipeline:
    def __init__(self, pieces: list[Piece], index, times: BuildTimes):
        self.pieces = pieces
        self.index = index  # faiss.IndexFlatIP over the pieces' vectors
        self.times = times

    @classmethod
    def build(cls, sources: Sequence[Source], encoder: Encoder, cache: EmbeddingCache, batch_size: int = 16) -> LangChainPipeline:
        import faiss

        t0 = time.perf_counter()
        pieces = [Piece(s.name, text) for s in sources for text in split(s.text)]
        t1 = time.perf_counter()
        vectors, encoded = embed_texts([p.text for p in pieces], cache, encoder, batch_size)
        cache.save()
        t2 = time.perf_counter()
        index = faiss.IndexFlatIP(encoder.dim)
        if pieces:
            index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        return cls(pieces, index, BuildTimes(t1 - t0, t2 - t1, time.perf_counter() - t2, encoded))

    @classmethod
    def from_files(cls, files: Sequence[Path], encoder: Encoder, cache: EmbeddingCache, batch_size: int = 16) -> LangChainPipeline:
        """Read, split, embed and index the files; the reading is timed with the split."""
        t0 = time.perf_counter()
        sources = read_sources(files)
        read_s = time.perf_counter() - t0
        pipeline = cls.build(sources, encoder, cache, batch_size)
        pipeline.times = replace(pipeline.times, split_s=pipeline.times.split_s + read_s)
        return pipeline

    def search(self, qvec: np.ndarray, k: int) -> list[tuple[int, float]]:
        """(piece number, similarity) of the k nearest pieces, best first."""
        sims, ids = self.index.search(np.asarray(qvec, dtype=np.float32).reshape(1, -1), k)
        return [(int(i), float(s)) for s, i in zip(sims[0], ids[0]) if i >= 0]

    def ask(self, encoder: Encoder, question: str, k: int = 5) -> list[Piece]:
        """The pipeline's whole query path: encode the question, take the top k."""
        return [self.pieces[i] for i, _ in self.search(encoder.encode_query(question), k)]
