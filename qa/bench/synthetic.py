"""Synthetic indexes of any size, made from a real one, for `qa bench --scale`.

Each synthetic document is a random subset of one real document's sections, in
order; its chunks, sentences and term rows are the real ones, its vectors the real
ones plus Gaussian noise (renormalised), so that no two copies of a passage tie.
The result is a full IndexData that write_index writes like any other.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace

import numpy as np

from ..index_store import ClauseTable, IndexData, SentenceTable, rows_of
from ..keyword_index import KeywordIndex, TermIndex, tokenize
from ..schema import Chunk, Document, Section

SECTION_KEEP = 0.7  # share of a real document's sections a synthetic document holds


def perturbed(base: np.ndarray, rows: np.ndarray, sigma: float, seed: int, block: int = 100_000) -> np.ndarray:
    """base[rows] plus N(0, sigma²) per dimension, renormalised; built block by block."""
    rng = np.random.default_rng(seed)
    out = np.empty((len(rows), base.shape[1]), dtype=np.float32)
    for s in range(0, len(rows), block):
        v = np.asarray(base[rows[s : s + block]], dtype=np.float32)
        v = v + rng.standard_normal(v.shape, dtype=np.float32) * np.float32(sigma)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        out[s : s + len(v)] = v
    return out


def _layout(real: IndexData, n: int, rng: np.random.Generator) -> tuple[list[Document], list[Section], list[Chunk], np.ndarray]:
    """Documents, sections and chunks of n synthetic chunks, and the real chunk id of each."""
    chunks_of: dict[tuple[str, str], list[Chunk]] = {}
    for c in real.chunks:
        chunks_of.setdefault((c.doc, c.section), []).append(c)
    sections_of: dict[str, list[Section]] = {}
    for s in real.sections:
        if (s.doc, s.label) in chunks_of:
            sections_of.setdefault(s.doc, []).append(s)
    sources = [d for d in real.documents if d.name in sections_of]
    docs: list[Document] = []
    sections: list[Section] = []
    chunks: list[Chunk] = []
    src: list[int] = []
    while len(chunks) < n:
        real_doc = sources[int(rng.integers(len(sources)))]
        kept = [s for s in sections_of[real_doc.name] if rng.random() < SECTION_KEEP] or sections_of[real_doc.name][:1]
        name = f"synthetic-{len(docs):05d}-{real_doc.name}"
        parts: list[str] = []
        offset = 0
        for s in kept:
            if len(chunks) >= n:
                break
            body = real_doc.text[s.start : s.end]
            shift = offset - s.start
            sections.append(replace(s, doc=name, start=offset, end=offset + len(body)))
            for c in chunks_of[(s.doc, s.label)][: n - len(chunks)]:
                chunks.append(replace(c, id=len(chunks), doc=name, start=c.start + shift, end=c.end + shift))
                src.append(c.id)
            parts.append(body + "\n\n")
            offset += len(body) + 2
        text = "".join(parts)
        docs.append(replace(real_doc, name=name, path="", text=text, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()))
    return docs, sections, chunks, np.array(src, dtype=np.int64)


def synthetic_index(real: IndexData, n: int, sigma: float, seed: int = 0) -> IndexData:
    """A full index of n chunks resampled from `real` (see the module's docstring)."""
    rng = np.random.default_rng(seed)
    docs, sections, chunks, src = _layout(real, n, rng)
    rows, bounds = rows_of(real.sentences.chunk_offsets, src)
    table = SentenceTable(bounds, np.asarray(real.sentences.starts)[rows], np.asarray(real.sentences.ends)[rows])
    clauses = clause_vectors = None
    if real.clauses is not None:
        crows, cbounds = rows_of(real.clauses.sentence_offsets, rows)
        clauses = ClauseTable(cbounds, np.asarray(real.clauses.starts)[crows], np.asarray(real.clauses.ends)[crows])
        clause_vectors = perturbed(real.clause_vectors, crows, sigma, seed + 3)
    tokens = [tokenize(c.text) for c in real.chunks]  # what indexing gives BM25, once per real chunk
    terms = real.terms
    return IndexData(
        build=real.build,
        documents=docs,
        sections=sections,
        chunks=chunks,
        chunk_vectors=perturbed(real.chunk_vectors, src, sigma, seed + 1),
        sentences=table,
        sentence_vectors=perturbed(real.sentence_vectors, rows, sigma, seed + 2),
        keywords=KeywordIndex.build([tokens[i] for i in src]),
        terms=TermIndex(terms.vocab, terms.chunks[src], terms.sentences[rows], terms.prior),
        meetings=[],
        clauses=clauses,
        clause_vectors=clause_vectors,
    )
